using CourseKit.Kernels;
using CourseKit.Tensors;
using In = (CourseKit.Tensors.Matrix A, CourseKit.Tensors.Matrix U, double KeepProb);

namespace CourseKit.Grading;

public static partial class Checks
{
    /// <summary>
    /// Inverted dropout, forward: for activations A (m × n), uniform numbers U in [0, 1) of the same shape and
    /// keepProb, returns (A ⊙ D / keepProb, D) with the mask D = (U &lt; keepProb) as 0/1. Learner function:
    /// <c>Func&lt;Matrix, Matrix, double, (Matrix, Matrix)&gt;</c>. 3 points.
    /// </summary>
    /// <remarks>
    /// Visible cases: 2 × 3 by hand with keepProb = 0.5; keepProb = 1 keeps everything; a batch with keepProb = 0.8;
    /// a number equal to keepProb (dropped: a unit is kept when u &lt; keepProb). Hidden cases: random batches with
    /// keepProb in [0.3, 0.95]. The reference is <see cref="CpuKernels.DropoutMaskFromUniforms"/>, the mask the
    /// library's <c>Dropout</c> layer draws from its own numbers.
    /// </remarks>
    public static Check<In, (Matrix A, Matrix D)> DropoutForward =>
        Check.For<In, (Matrix A, Matrix D)>("dropout forward", points: 3)
            .WriteYourself(Shortcuts.Dropout)
            .InputNames("a", "u", "keepProb")
            .Reference(input => DropoutForwardReference(input.A, input.U, input.KeepProb))
            .Compare((expected, actual, tolerance) => Outputs.Tuple(expected, actual, tolerance, ["A", "D"]))
            .Compare(Tolerance.Of(1e-6, 1e-6))
            .Case("2 × 3 by hand, keepProb = 0.5", (Matrix.FromRows([1, 2, 3], [4, 5, 6]), Matrix.FromRows([0.1f, 0.7f, 0.4f], [0.9f, 0.2f, 0.6f]), 0.5),
                hint: DropoutKeepHint)
            .Case("keepProb = 1 keeps everything", (Matrix.FromRows([1, -2], [0.5f, 3]), Matrix.FromRows([0.99f, 0], [0.5f, 0.3f]), 1),
                hint: DropoutScaleHint)
            .Case("a batch, keepProb = 0.8", (Matrix.FromRows([0.5f, 1, 1.5f, 2], [-1, 0, 2, 4], [3, 1, 0.2f, 0.7f]),
                Matrix.FromRows([0.05f, 0.85f, 0.3f, 0.6f], [0.95f, 0.1f, 0.79f, 0.81f], [0.2f, 0.4f, 0.99f, 0.5f]), 0.8), hint: DropoutScaleHint)
            .Case("u = keepProb is dropped", (Matrix.FromRows([2, 2]), Matrix.FromRows([0.5f, 0.25f]), 0.5),
                hint: "keep a unit when u < keepProb (strictly): u is below keepProb with probability keepProb.")
            .Hidden("a random batch", r => RandomDropoutInput(r), hint: DropoutScaleHint);

    internal const string DropoutKeepHint =
        "keepProb is the chance of keeping a unit: D = 1 where u < keepProb, 0 elsewhere (not u > keepProb).";

    internal const string DropoutScaleHint =
        "inverted dropout divides the kept activations by keepProb (A·D/keepProb), so that their expected value stays A " +
        "and nothing needs scaling at test time; D itself stays 0/1.";

    /// <summary>(A ⊙ mask, D) with the library's scaled mask; D = 1 where the mask keeps the unit.</summary>
    internal static (Matrix A, Matrix D) DropoutForwardReference(Matrix a, Matrix u, double keepProb)
    {
        var mask = new Matrix(u.Rows, u.Cols);
        CpuKernels.DropoutMaskFromUniforms(u.AsSpan(), (float)keepProb, mask.AsSpan());
        var output = new Matrix(a.Rows, a.Cols);
        CpuKernels.DropoutBackward(a.AsSpan(), mask.AsSpan(), output.AsSpan());   // x ⊙ mask, the same product as the forward pass
        var d = new Matrix(u.Rows, u.Cols);
        for (int k = 0; k < d.Length; k++) d.Data[k] = mask.Data[k] != 0 ? 1f : 0f;
        return (output, d);
    }

    private static In RandomDropoutInput(Random r)
    {
        int rows = r.Next(1, 9), cols = r.Next(1, 12);
        return (Generators.Normal(r, rows, cols), Uniforms(r, rows, cols), Math.Round(0.3 + 0.65 * r.NextDouble(), 2));
    }

    /// <summary>Numbers in [0, 1) that floats hold exactly (multiples of 2⁻²⁴), so none rounds up to 1.</summary>
    private static Matrix Uniforms(Random r, int rows, int cols)
    {
        var u = new Matrix(rows, cols);
        for (int k = 0; k < u.Length; k++) u.Data[k] = r.Next(1 << 24) / (float)(1 << 24);
        return u;
    }
}
