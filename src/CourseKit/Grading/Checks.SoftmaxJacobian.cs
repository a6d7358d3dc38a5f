using CourseKit.Tensors;

namespace CourseKit.Grading;

public static partial class Checks
{
    /// <summary>
    /// The Jacobian of softmax for one example: from logits <c>z</c> (1 × C), the C × C matrix
    /// <c>J[i, j] = ∂a_i/∂z_j = a_i (δ_ij − a_j)</c>, that is <c>diag(a) − a aᵀ</c> with <c>a = softmax(z)</c>.
    /// Learner function: <c>Func&lt;Matrix, Matrix&gt;</c>. 2 points. The learner computes a with
    /// their own softmax (Exercise 1): the library's softmax is refused.
    /// </summary>
    /// <remarks>
    /// Visible cases: the lecture's [5, 2, −1, 3]; two classes (J = σ(1 − σ)·[[1, −1], [−1, 1]]); logits that look like
    /// probabilities ([0.7, 0.2, 0.1], where using z for a is wrong); equal logits; large logits (1000, 998, −1000).
    /// Hidden cases: random logits, many classes, logits shifted by a large constant. The reference is built in double
    /// from the library's softmax kernel (<see cref="Generators.Softmax"/>).
    /// </remarks>
    public static Check<Matrix, Matrix> SoftmaxJacobian =>
        Check.For<Matrix, Matrix>("softmax Jacobian", points: 2)
            .InputNames("z")
            .Reference(SoftmaxJacobianReference)
            .WriteYourself(Shortcuts.Softmax)
            .Compare(Tolerance.Of(1e-6, 1e-5))
            .Case("lecture example", Matrix.RowVector(5, 2, -1, 3), hint: JacobianSignHint)
            .Case("two classes [1.5, 0]", Matrix.RowVector(1.5f, 0), hint: JacobianOffDiagonalHint)
            .Case("logits that look like probabilities [0.7, 0.2, 0.1]", Matrix.RowVector(0.7f, 0.2f, 0.1f), hint: JacobianLogitsHint)
            .Case("equal logits [0, 0, 0, 0]", Matrix.RowVector(0, 0, 0, 0), hint: JacobianLogitsHint)
            .Case("large logits (1000, 998, −1000)", Matrix.RowVector(1000, 998, -1000), hint: OverflowHint)
            .Hidden("random logits", r => Generators.Normal(r, 1, r.Next(2, 11), std: 3), hint: JacobianSignHint)
            .Hidden("many classes", r => Generators.Normal(r, 1, r.Next(20, 40), std: 2), hint: JacobianOffDiagonalHint)
            .Hidden("logits shifted by a large constant", r => Generators.Normal(r, 1, r.Next(3, 8), mean: 50 + 100 * r.NextDouble()),
                hint: JacobianLogitsHint);

    internal const string JacobianSignHint =
        "J = diag(a) − a aᵀ: the diagonal a_i(1 − a_i) is positive and the off-diagonal −a_i a_j negative — " +
        "a aᵀ − diag(a) has every sign flipped.";

    internal const string JacobianOffDiagonalHint =
        "every probability depends on every logit: ∂a_i/∂z_j = −a_i a_j for i ≠ j is not 0 (only a sigmoid's " +
        "derivative is diagonal). Each row of J sums to 0.";

    internal const string JacobianLogitsHint =
        "build J from the probabilities a = softmax(z) (your Softmax from Exercise 1), not from the logits z: " +
        "adding a constant to every logit changes neither a nor J.";

    private static Matrix SoftmaxJacobianReference(Matrix z)
    {
        ArgumentNullException.ThrowIfNull(z);
        if (z.Rows != 1)
            throw new ArgumentException($"z: expected the logits of one example (1 × C), actual {z.Shape}.", nameof(z));
        Matrix a = Generators.Softmax(z);
        var jacobian = new Matrix(a.Cols, a.Cols);
        for (int i = 0; i < a.Cols; i++)
            for (int j = 0; j < a.Cols; j++)
                jacobian[i, j] = (float)((double)a[0, i] * ((i == j ? 1.0 : 0.0) - a[0, j]));
        return jacobian;
    }
}
