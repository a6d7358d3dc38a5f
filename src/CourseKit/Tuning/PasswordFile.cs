using System.Globalization;
using System.Text;

namespace CourseKit.Tuning;

/// <summary>
/// PostgreSQL's password file (~/.pgpass or PGPASSFILE), read as libpq reads it: lines
/// <c>hostname:port:database:username:password</c>, <c>*</c> matching anything, <c>\:</c> and <c>\\</c> escaped, the
/// first matching line wins, and a file that others may read (group or world permissions) is ignored.
/// </summary>
internal static class PasswordFile
{
    public static string? Lookup(string path, string host, int port, string database, string user)
    {
        if (!File.Exists(path) || !PrivateEnough(path)) return null;
        string[] wanted = [host, port.ToString(CultureInfo.InvariantCulture), database, user];
        foreach (string line in File.ReadLines(path))
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var fields = Split(line);
            if (fields.Count != 5) continue;
            bool match = true;
            for (int i = 0; i < 4 && match; i++) match = fields[i] == "*" || fields[i] == wanted[i];
            if (match) return fields[4];
        }
        return null;
    }

    private static bool PrivateEnough(string path)
    {
        if (OperatingSystem.IsWindows()) return true;
        var mode = File.GetUnixFileMode(path);
        return (mode & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
                        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute)) == 0;
    }

    private static List<string> Split(string line)
    {
        var fields = new List<string>();
        var current = new StringBuilder();
        for (int i = 0; i < line.Length; i++)
        {
            if (line[i] == '\\' && i + 1 < line.Length) current.Append(line[++i]);
            else if (line[i] == ':' && fields.Count < 4) { fields.Add(current.ToString()); current.Clear(); }
            else current.Append(line[i]);
        }
        fields.Add(current.ToString());
        return fields;
    }
}
