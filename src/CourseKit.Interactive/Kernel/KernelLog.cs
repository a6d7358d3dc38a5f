namespace CourseKit.Interactive.Kernel;

/// <summary>
/// The kernel's log: one line per event on standard error, which Jupyter frontends show in their kernel log (the
/// kernel's standard output is not the notebook's: cells write to their own outputs).
/// </summary>
public sealed class KernelLog(TextWriter writer)
{
    private readonly object _gate = new();

    /// <summary>Writes "coursekit kernel: message".</summary>
    public void Write(string message)
    {
        lock (_gate)
        {
            writer.WriteLine($"coursekit kernel: {message}");
            writer.Flush();
        }
    }
}
