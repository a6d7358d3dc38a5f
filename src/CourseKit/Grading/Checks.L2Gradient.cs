using CourseKit.Kernels;
using CourseKit.Tensors;
using In = (CourseKit.Tensors.Matrix DW, CourseKit.Tensors.Matrix W, double Lambda, int M);

namespace CourseKit.Grading;

public static partial class Checks
{
    /// <summary>
    /// The gradient of a regularized cost for one weight matrix: dW (from backpropagation) plus the L2 term's
    /// derivative (λ/m)·W, as a new matrix (dW unchanged). Learner function:
    /// <c>Func&lt;Matrix, Matrix, double, int, Matrix&gt;</c> taking (dW, W, λ, m). 2 points.
    /// </summary>
    /// <remarks>
    /// Visible cases: 2 × 2 by hand (λ = 2, m = 4: dW + W/2); λ = 0 gives dW back; a 3 × 2 matrix; a batch of 1.
    /// Hidden cases: random shapes, λ in [0.01, 10], m in [1, 256]. The reference is
    /// <see cref="CpuKernels.L2GradientAccumulate"/> on a copy of dW.
    /// </remarks>
    public static Check<In, Matrix> L2Gradient =>
        Check.For<In, Matrix>("L2 gradient", points: 2)
            .WriteYourself(Shortcuts.L2)
            .InputNames("dW", "w", "lambda", "m")
            .Reference(input => L2GradientReference(input.DW, input.W, input.Lambda, input.M))
            .Compare(Tolerance.Of(1e-6, 1e-5))
            .Case("2 × 2 by hand: λ = 2, m = 4", (Matrix.FromRows([0.1f, -0.2f], [0, 0.3f]), Matrix.FromRows([1, -2], [3, 0]), 2, 4),
                hint: L2GradientHint)
            .Case("λ = 0 gives dW back", (Matrix.FromRows([0.5f, -1]), Matrix.FromRows([3, 4]), 0, 8),
                hint: "the data gradient dW stays: return dW + (λ/m)·W, not (λ/m)·W alone.")
            .Case("a 3 × 2 matrix", (Matrix.FromRows([1, 2], [3, 4], [5, 6]), Matrix.FromRows([-1, 0.5f], [2, -3], [0.25f, 1]), 0.7, 5),
                hint: L2GradientHint)
            .Case("a batch of 1", (Matrix.FromRows([0.2f, 0.4f]), Matrix.FromRows([-2, 1]), 0.1, 1), hint: L2GradientHint)
            .Hidden("random shapes", r => RandomL2GradientInput(r), hint: L2GradientHint);

    internal const string L2GradientHint =
        "the derivative of λ/(2m)·w² is (λ/m)·w: add (λ/m)·W to dW (the 2 of the square cancels the 2 of 2m).";

    internal static Matrix L2GradientReference(Matrix dW, Matrix w, double lambda, int m)
    {
        var gradient = dW.Clone();
        CpuKernels.L2GradientAccumulate(w.AsSpan(), (float)lambda, m, gradient.AsSpan());
        return gradient;
    }

    private static In RandomL2GradientInput(Random r)
    {
        int rows = r.Next(1, 9), cols = r.Next(1, 9);
        return (Generators.Normal(r, rows, cols, std: 0.1), Generators.Normal(r, rows, cols), 0.01 * Math.Pow(1000, r.NextDouble()), r.Next(1, 257));
    }
}
