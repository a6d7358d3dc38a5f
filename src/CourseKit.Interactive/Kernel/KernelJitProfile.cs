using System.Reflection;
using System.Runtime;

namespace CourseKit.Interactive.Kernel;

/// <summary>
/// Multicore JIT for the kernel's start (<see cref="ProfileOptimization"/>): a kernel records which methods its start
/// and first cell needed (thousands of generic instantiations over Roslyn's and the collections' types that
/// per-assembly ReadyToRun cannot precompile) and the next start of the same install compiles them on a background
/// thread, on the core the first compile leaves idle, before the warm-up asks for them. The profile lives in the
/// user's cache folder, one per kernel install folder. The runtime checks each module's identity (version and MVID)
/// and stops playing back at the first that changed, so a profile left by an earlier build is harmless, and the next
/// start that runs a cell replaces it. A missing, unreadable or corrupt profile only means no head start: the runtime
/// checks the header and every record's bounds and ignores what it cannot read.
/// </summary>
public static class KernelJitProfile
{
    /// <summary>The environment variable that turns the profile off ("0") or names the folder it lives in.</summary>
    public const string Variable = "COURSEKIT_KERNEL_JIT_PROFILE";

    private static string? _folder;
    private static string? _session;
    private static int _stopped;

    /// <summary>
    /// Plays back this install's saved profile (if any) and starts recording a new one. Call first thing in a kernel
    /// process, before the methods it would compile ahead are needed. A failure is logged and costs only speed.
    /// </summary>
    public static void Start(KernelLog log)
    {
        try
        {
            if (Folder() is not { } folder) return;
            Directory.CreateDirectory(folder);
            string saved = Path.Combine(folder, ProfileName());
            // The runtime writes its recording to the very file it played back; a copy of our own keeps the saved
            // profile whole while several kernels start at once, and becomes the saved profile by a rename in Stop.
            string session = $"{ProfileName()}.{Environment.ProcessId}.tmp";
            string sessionPath = Path.Combine(folder, session);
            bool playback = File.Exists(saved);
            if (playback) File.Copy(saved, sessionPath, overwrite: true);
            ProfileOptimization.SetProfileRoot(folder);
            ProfileOptimization.StartProfile(session); // reads the whole file now, compiles its methods on a thread of its own
            if (playback) File.Delete(sessionPath); // the runtime writes it anew when Stop ends the recording
            _folder = folder;
            _session = session;
            // Otherwise the runtime writes the recording at exit into the session file, where no one would take it: a
            // kernel that refused its connection file or was shut down before running a cell. Thrown away instead.
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(log, keep: false);
            StartupTrace.Mark(playback ? "jit profile: playing back " + saved : "jit profile: none saved, recording");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            log.Write($"jit profile not used (the start is slower, nothing else changes): {e.Message}");
        }
    }

    /// <summary>
    /// Stops recording, once per process. With <paramref name="keep"/> what this process recorded becomes the install's
    /// saved profile, atomically (a rename): the kernel keeps the recording of a start that ran its first cell, which is
    /// what the profile is for. Without, it is thrown away (at exit, when no cell ran).
    /// </summary>
    public static void Stop(KernelLog log, bool keep)
    {
        if (_session is null || Interlocked.Exchange(ref _stopped, 1) == 1) return;
        string folder = _folder!, sessionPath = Path.Combine(folder, _session);
        try
        {
            ProfileOptimization.StartProfile(null); // the runtime writes the recording to sessionPath now
            // A profile is a 64-byte header and records; a shorter file is a write that failed (the runtime says nothing).
            if (keep && new FileInfo(sessionPath) is { Exists: true, Length: > 64 })
            {
                File.Move(sessionPath, Path.Combine(folder, ProfileName()), overwrite: true);
                StartupTrace.Mark("jit profile: saved");
            }
            else File.Delete(sessionPath);
            DeleteAbandonedSessions(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.Write($"jit profile not saved (the next start is slower, nothing else changes): {e.Message}");
        }
    }

    // A kernel killed while the runtime wrote its recording leaves its session file; an hour later it is nobody's.
    private static void DeleteAbandonedSessions(string folder)
    {
        foreach (string file in Directory.EnumerateFiles(folder, ProfileName() + ".*.tmp"))
        {
            if (DateTime.UtcNow - File.GetLastWriteTimeUtc(file) > TimeSpan.FromHours(1)) File.Delete(file);
        }
    }

    // $COURSEKIT_KERNEL_JIT_PROFILE, else $XDG_CACHE_HOME/coursekit/kernel-jit, else ~/.cache/coursekit/kernel-jit
    // (the per-user cache of the XDG base directory spec; LocalApplicationData where there is no home folder).
    private static string? Folder()
    {
        string? chosen = Environment.GetEnvironmentVariable(Variable);
        if (chosen == "0") return null;
        if (!string.IsNullOrEmpty(chosen)) return Path.GetFullPath(chosen);
        string? cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (string.IsNullOrEmpty(cache) || !Path.IsPathRooted(cache))
        {
            string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            cache = home.Length > 0 ? Path.Combine(home, ".cache") : Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        }
        return cache.Length == 0 ? null : Path.Combine(cache, "coursekit", "kernel-jit");
    }

    // One profile per install folder (each published kernel records its own start), named by a stable hash of the
    // folder's path; FNV-1a, because string.GetHashCode differs between processes.
    private static string ProfileName()
    {
        ulong hash = 14695981039346656037;
        foreach (char c in AppContext.BaseDirectory)
        {
            hash ^= c;
            hash *= 1099511628211;
        }
        string app = Assembly.GetEntryAssembly()?.GetName().Name ?? "kernel";
        return $"{app}-{hash:x16}.jitprofile";
    }
}
