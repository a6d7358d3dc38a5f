using System.Numerics.Tensors;
using CourseKit.Tensors;

namespace CourseKit.Grading;

public static partial class Checks
{
    /// <summary>
    /// The gradient of the softmax cross-entropy loss with respect to the logits, <c>dZ = ŷ − y</c> (per example, no
    /// 1/m), from probabilities ŷ and one-hot targets y (both m × C). Learner function:
    /// <c>Func&lt;Matrix, Matrix, Matrix&gt;</c> taking (ŷ, y). 1 point.
    /// </summary>
    /// <remarks>
    /// Visible cases: the lecture's ŷ = [0.3, 0.2, 0.1, 0.4], y = [0, 1, 0, 0] → [0.3, −0.8, 0.1, 0.4]; a batch of 3.
    /// Hidden cases: a random batch, many classes.
    /// </remarks>
    public static Check<(Matrix YHat, Matrix Y), Matrix> SoftmaxGradient =>
        Check.For<(Matrix YHat, Matrix Y), Matrix>("softmax gradient", points: 1)
            .InputNames("yHat", "y")
            .WriteYourself(Shortcuts.SoftmaxCrossEntropyGradient)
            .Reference(Subtract)
            .Compare(Tolerance.Of(1e-6, 1e-5))
            .Case("lecture example", (Matrix.RowVector(0.3f, 0.2f, 0.1f, 0.4f), Matrix.RowVector(0, 1, 0, 0)))
            .Case("a batch of 3 examples", (Generators.Softmax(Matrix.FromRows([1, 2, 3], [0, 0, 0], [2, -1, 0.5f])),
                Data.OneHot.Encode([2, 0, 1], 3)), hint: "dZ has the shape of ŷ: m × C, one example per row.")
            .Hidden("a random batch", r => Generators.Predictions(r, r.Next(2, 10), r.Next(2, 8)))
            .Hidden("many classes", r => Generators.Predictions(r, r.Next(2, 5), r.Next(20, 50)));

    private static Matrix Subtract(Matrix yHat, Matrix y)
    {
        yHat.Shape.RequireSame(y.Shape, nameof(y));
        var dz = new Matrix(yHat.Rows, yHat.Cols);
        TensorPrimitives.Subtract(yHat.AsSpan(), y.AsSpan(), dz.AsSpan());
        return dz;
    }
}
