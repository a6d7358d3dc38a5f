using CourseKit.Tensors;

namespace CourseKit.Grading;

public static partial class Checks
{
    /// <summary>
    /// Softmax of logits <c>z</c> (m × C, one example per row): <c>a[i, j] = exp(z[i, j]) / Σ_k exp(z[i, k])</c>,
    /// computed without overflow. Learner function: <c>Func&lt;Matrix, Matrix&gt;</c>. 3 points.
    /// </summary>
    /// <remarks>
    /// Visible cases: the lecture's [5, 2, −1, 3] → [0.842, 0.042, 0.002, 0.114]; a batch of 3; large logits
    /// (1000, −1000) that overflow a softmax without max subtraction; one class (a column count of 1). Hidden cases: a
    /// random batch, large logits, one example with many classes, logits near 90 (where float exp overflows).
    /// </remarks>
    public static Check<Matrix, Matrix> Softmax =>
        Check.For<Matrix, Matrix>("softmax", points: 3)
            .InputNames("z")
            .Reference(Generators.Softmax)
            .WriteYourself(Shortcuts.Softmax)
            .Compare(Tolerance.Of(1e-6, 1e-5))
            .Case("lecture example", Matrix.RowVector(5, 2, -1, 3))
            .Case("a batch of 3 examples", Matrix.FromRows([1, 2, 3, 4], [0, 0, 0, 0], [-3, 0.5f, 2, -1]), hint: RowsHint)
            .Case("large logits (1000, −1000)", Matrix.FromRows([1000, 999, -1000], [-1000, -999, -1000]), hint: OverflowHint)
            .Case("one class (a column count of 1)", Matrix.FromRows([2], [-7], [0]),
                hint: "with a single class every probability is 1; check your code for a shape of m × 1.")
            .Hidden("a random batch", r => Generators.Normal(r, r.Next(2, 9), r.Next(2, 11), std: 3), hint: RowsHint)
            .Hidden("large logits", r => Generators.LargeLogits(r, r.Next(2, 6), r.Next(2, 8)), hint: OverflowHint)
            .Hidden("one example, many classes", r => Generators.Normal(r, 1, r.Next(20, 60), std: 4))
            .Hidden("logits near 90", r => Generators.Normal(r, r.Next(2, 6), r.Next(3, 8), mean: 90, std: 2), hint: OverflowHint);
}
