namespace CourseKit.Kernels;

/// <summary>
/// CPU kernels on spans: GEMM, BatchNorm, softmax and cross-entropy, activations, dropout, regularization, reductions.
/// Each has a plain scalar twin in <see cref="Reference.ReferenceKernels"/> that the tests compare against.
/// </summary>
/// <remarks>
/// Matrices are row-major with one example per row. Every kernel validates its arguments and names the argument,
/// the expected and the actual value in its exception; hot loops are compiled straight to optimized code
/// (<c>AggressiveOptimization</c>) because notebook cells run them too few times for tiered JIT to promote them.
/// </remarks>
public static partial class CpuKernels;
