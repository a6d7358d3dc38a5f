using CourseKit.Kernels;
using CourseKit.Tensors;
using In = (CourseKit.Tensors.Matrix[] Weights, double Lambda, int M);

namespace CourseKit.Grading;

public static partial class Checks
{
    /// <summary>
    /// The L2 cost term: for the weight matrices W[1], …, W[L], λ and the batch size m, returns
    /// λ/(2m)·Σ_l Σ_ij W[l]_ij² (biases are not regularized, so they are not passed in). Learner function:
    /// <c>Func&lt;Matrix[], double, int, float&gt;</c> (a double result is accepted too). 2 points.
    /// </summary>
    /// <remarks>
    /// Visible cases: one 2 × 2 matrix by hand (Σw² = 14, λ = 0.5, m = 7 → 0.5); two layers; λ = 0; a batch of 1.
    /// Hidden cases: random networks of 1–3 layers, λ in [0.01, 10], m in [1, 256]. The reference is
    /// <see cref="CpuKernels.L2Penalty"/> summed over the matrices.
    /// </remarks>
    public static Check<In, double> L2Cost =>
        Check.For<In, double>("L2 cost", points: 2)
            .WriteYourself(Shortcuts.L2)
            .InputNames("weights", "lambda", "m")
            .Reference(input => input.Weights.Sum(w => (double)CpuKernels.L2Penalty(w.AsSpan(), (float)input.Lambda, input.M)))
            .Compare(Tolerance.Of(1e-6, 1e-5))
            .Case("one 2 × 2 matrix by hand: Σw² = 14, λ = 0.5, m = 7", ([Matrix.FromRows([1, -2], [3, 0])], 0.5, 7), hint: L2FactorHint)
            .Case("two layers: every weight matrix counts", ([Matrix.FromRows([1, -2], [3, 0]), Matrix.FromRows([0.5f, -1, 2])], 1, 4),
                hint: "sum the squares over every weight matrix W[1], …, W[L], not only the first or the last.")
            .Case("λ = 0: no regularization", ([Matrix.FromRows([4, -5])], 0, 10))
            .Case("negative weights count by their square", ([Matrix.FromRows([-3, -4])], 2, 1),
                hint: "‖W‖² is the sum of the squared entries w², not of |w| nor of w.")
            .Hidden("a random network", r => RandomL2Input(r), hint: L2FactorHint)
            .Hidden("a large batch", r => RandomL2Input(r) with { M = r.Next(100, 257) }, hint: L2FactorHint);

    internal const string L2FactorHint =
        "the L2 term is λ/(2m)·Σ w²: divide by 2m (m the batch size), not by m, and multiply by λ.";

    private static In RandomL2Input(Random r)
    {
        int layers = r.Next(1, 4), inputs = r.Next(2, 9);
        var weights = new Matrix[layers];
        for (int l = 0; l < layers; l++)
        {
            int units = r.Next(1, 9);
            weights[l] = Generators.Normal(r, inputs, units, std: 1.5);
            inputs = units;
        }
        return (weights, 0.01 * Math.Pow(1000, r.NextDouble()), r.Next(1, 65));
    }
}
