namespace CourseKit.Cli.Grade.Sandbox;

/// <summary>
/// The user ids the sandboxed children run as, one per job: from <see cref="First"/> up, skipping ids an account or a
/// process already uses, each held by an exclusive lock file in a folder only root can write, so that two graders on
/// one machine never share a user (whose processes the user sandbox kills at the end of each run).
/// </summary>
internal sealed class UidPool : IDisposable
{
    /// <summary>The first user id tried.</summary>
    public const int First = 60000;

    private const string LockFolder = "/run/lock/coursekit-sandbox";
    private readonly List<FileStream> _locks = [];

    private UidPool(IReadOnlyList<int> uids, List<FileStream> locks)
    {
        Uids = uids;
        _locks = locks;
    }

    /// <summary>The claimed ids.</summary>
    public IReadOnlyList<int> Uids { get; }

    /// <summary>Claims <paramref name="count"/> ids.</summary>
    public static UidPool Claim(int count)
    {
        string folder = Directory.Exists("/run/lock") ? LockFolder : Path.Combine(Path.GetTempPath(), "coursekit-sandbox-locks");
        Directory.CreateDirectory(folder);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var taken = Accounts();
        var uids = new List<int>();
        var locks = new List<FileStream>();
        for (int uid = First; uids.Count < count && uid < First + 10_000; uid++)
        {
            if (taken.Contains(uid)) continue;
            try { locks.Add(new FileStream(Path.Combine(folder, $"{uid}.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None)); }
            catch (IOException) { continue; } // another grader holds it
            uids.Add(uid);
        }
        if (uids.Count < count) throw new IOException($"sandbox users: expected {count} free user ids from {First}, found {uids.Count}.");
        return new UidPool(uids, locks);
    }

    public void Dispose() => _locks.ForEach(l => l.Dispose());

    private static HashSet<int> Accounts()
    {
        var ids = new HashSet<int>();
        if (!File.Exists("/etc/passwd")) return ids;
        foreach (string line in File.ReadLines("/etc/passwd"))
        {
            var fields = line.Split(':');
            if (fields.Length > 2 && int.TryParse(fields[2], out int uid)) ids.Add(uid);
        }
        return ids;
    }
}
