using CourseKit.Kernels;
using CourseKit.Tensors;
using In = (CourseKit.Tensors.Matrix DA, CourseKit.Tensors.Matrix D, double KeepProb);

namespace CourseKit.Grading;

public static partial class Checks
{
    /// <summary>
    /// Inverted dropout, backward: for the gradient dA of the dropped-out activations, the forward pass's 0/1 mask D
    /// and keepProb, returns dA ⊙ D / keepProb — the same mask and the same scaling as the forward pass. Learner
    /// function: <c>Func&lt;Matrix, Matrix, double, Matrix&gt;</c>. 2 points.
    /// </summary>
    /// <remarks>
    /// Visible cases: 2 × 3 by hand with keepProb = 0.5; keepProb = 1 (the identity); a batch with keepProb = 0.8.
    /// Hidden cases: random batches. The reference is <see cref="CpuKernels.DropoutBackward"/> with the scaled mask D/keepProb.
    /// </remarks>
    public static Check<In, Matrix> DropoutBackward =>
        Check.For<In, Matrix>("dropout backward", points: 2)
            .WriteYourself(Shortcuts.Dropout)
            .InputNames("dA", "d", "keepProb")
            .Reference(input => DropoutBackwardReference(input.DA, input.D, input.KeepProb))
            .Compare(Tolerance.Of(1e-6, 1e-6))
            .Case("2 × 3 by hand, keepProb = 0.5", (Matrix.FromRows([1, 2, 3], [4, 5, 6]), Matrix.FromRows([1, 0, 1], [0, 1, 0]), 0.5),
                hint: DropoutBackwardHint)
            .Case("keepProb = 1: the identity", (Matrix.FromRows([0.5f, -1]), Matrix.FromRows([1, 1]), 1))
            .Case("a batch, keepProb = 0.8", (Matrix.FromRows([0.1f, -0.2f, 0.3f], [0.4f, 0.5f, -0.6f], [0.7f, 0, 0.9f]),
                Matrix.FromRows([1, 1, 0], [0, 1, 1], [1, 0, 1]), 0.8), hint: DropoutBackwardHint)
            .Hidden("a random batch", r => RandomDropoutBackwardInput(r), hint: DropoutBackwardHint);

    internal const string DropoutBackwardHint =
        "a dropped unit passes no gradient and a kept one was scaled by 1/keepProb: dA·D/keepProb, with the forward pass's D.";

    internal static Matrix DropoutBackwardReference(Matrix dA, Matrix d, double keepProb)
    {
        float scale = 1f / (float)keepProb;
        var mask = new Matrix(d.Rows, d.Cols);
        for (int k = 0; k < mask.Length; k++) mask.Data[k] = d.Data[k] * scale;
        var dx = new Matrix(dA.Rows, dA.Cols);
        CpuKernels.DropoutBackward(dA.AsSpan(), mask.AsSpan(), dx.AsSpan());
        return dx;
    }

    private static In RandomDropoutBackwardInput(Random r)
    {
        int rows = r.Next(1, 9), cols = r.Next(1, 12);
        double keepProb = Math.Round(0.3 + 0.65 * r.NextDouble(), 2);
        var d = new Matrix(rows, cols);
        for (int k = 0; k < d.Length; k++) d.Data[k] = r.NextDouble() < keepProb ? 1f : 0f;
        return (Generators.Normal(r, rows, cols), d, keepProb);
    }
}
