namespace CourseKit.Kernels.Reference;

/// <summary>
/// Plain scalar twins of the SIMD kernels, in double precision on arrays: the lecture's formulas written as
/// straightforward loops. Tests compare the fast kernels with them; notebooks show them.
/// </summary>
/// <remarks>
/// Matrices are row-major, one example per row: element (i, j) is at index <c>i * cols + j</c>.
/// They do no argument validation, to stay readable; the kernels in <see cref="CpuKernels"/> validate.
/// </remarks>
public static partial class ReferenceKernels;
