namespace CourseKit.Interactive.Tests.Kernel;

/// <summary>
/// The end-to-end tests that start kernels, Jupyter servers, browsers and builds (parity, export, dev-container setup,
/// browser, protocol): one at a time, so they do not starve each other and the rest of the suite of the CPU.
/// </summary>
[CollectionDefinition(Name)]
public sealed class JupyterEndToEnd
{
    public const string Name = "Jupyter end to end";
}
