using CourseKit.Tensors;
using CourseKit.Kernels;

namespace CourseKit.Grading;

public static partial class Checks
{
    /// <summary>
    /// The cross-entropy cost <c>J = −(1/m) Σ_i Σ_j y[i, j] log ŷ[i, j]</c> of probabilities ŷ (a softmax output) for
    /// one-hot targets y, both m × C, with <c>0 · log 0 = 0</c>. Learner function: <c>Func&lt;Matrix, Matrix, float&gt;</c>
    /// taking (ŷ, y). 2 points.
    /// </summary>
    /// <remarks>
    /// One-hot y rather than integer labels: the learner writes the lecture's double sum as it stands. Visible cases:
    /// the lecture's ŷ = [0.3, 0.2, 0.1, 0.4], y = [0, 1, 0, 0] (J = −log 0.2); a batch of 3; probabilities of exactly 0
    /// for wrong classes. Hidden cases: a random batch, many classes, one example.
    /// </remarks>
    public static Check<(Matrix YHat, Matrix Y), float> CrossEntropy =>
        Check.For<(Matrix YHat, Matrix Y), float>("cross-entropy cost", points: 2)
            .InputNames("yHat", "y")
            .WriteYourself(Shortcuts.CrossEntropy)
            .Reference((yHat, y) => CpuKernels.CrossEntropy(yHat.AsSpan(), yHat.Rows, yHat.Cols, (ReadOnlySpan<float>)y.AsSpan()))
            .Compare(Tolerance.Of(1e-6, 1e-4))
            .Case("lecture example", (Matrix.RowVector(0.3f, 0.2f, 0.1f, 0.4f), Matrix.RowVector(0, 1, 0, 0)))
            .Case("a batch of 3 examples", (Generators.Softmax(Matrix.FromRows([1, 2, 3], [0, 0, 0], [2, -1, 0.5f])),
                    Data.OneHot.Encode([2, 0, 1], 3)), hint: "divide by m, the number of examples (rows), and keep the minus sign.")
            .Case("ŷ = 0 for some wrong classes", (Matrix.FromRows([0.7f, 0.3f, 0], [0.1f, 0.9f, 0]), Data.OneHot.Encode([0, 1], 3)),
                hint: "0 · log 0 counts as 0: only the true class's log ŷ contributes, so skip terms with y = 0.")
            .Hidden("a random batch", r => Generators.Predictions(r, r.Next(2, 10), r.Next(2, 8)))
            .Hidden("many classes", r => Generators.Predictions(r, r.Next(2, 5), r.Next(20, 50)))
            .Hidden("one example", r => Generators.Predictions(r, 1, r.Next(2, 8)));
}
