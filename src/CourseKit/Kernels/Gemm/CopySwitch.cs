namespace CourseKit.Kernels;

/// <summary>
/// Whether a micro-kernel also copies an operand's panel into its packed layout while it multiplies (packing on first
/// use, see GemmDriver). A struct type argument: the JIT compiles one kernel body per choice and folds the test away,
/// so the plain kernel carries no branch, store or prefetch for it.
/// </summary>
internal interface ICopySwitch
{
    static abstract bool Copies { get; }
}

/// <summary>The kernel copies the panel as it reads it.</summary>
internal readonly struct CopyPanel : ICopySwitch
{
    public static bool Copies => true;
}

/// <summary>The kernel only reads the panel.</summary>
internal readonly struct ReadPanel : ICopySwitch
{
    public static bool Copies => false;
}
