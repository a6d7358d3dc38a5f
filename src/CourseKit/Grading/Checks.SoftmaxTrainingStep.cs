using CourseKit.Tensors;
using In = (CourseKit.Tensors.Matrix X, CourseKit.Tensors.Matrix Y, CourseKit.Tensors.Matrix W, CourseKit.Tensors.Matrix B, float LearningRate);
using Out = (float Cost, CourseKit.Tensors.Matrix W, CourseKit.Tensors.Matrix B);

namespace CourseKit.Grading;

public static partial class Checks
{
    /// <summary>
    /// One step of gradient descent for softmax regression on a batch X (m × n, one example per row) with one-hot
    /// targets Y (m × C): forward <c>Ŷ = softmax(X·W + b)</c>, the cost <c>J = −(1/m) Σ Y log Ŷ</c>, the gradients
    /// <c>dZ = (Ŷ − Y)/m</c>, <c>dW = Xᵀ·dZ</c> (n × C), <c>db = Σᵢ dZ[i, :]</c> (1 × C), and the update
    /// <c>W − α·dW</c>, <c>b − α·db</c>. Learner function: <c>Func&lt;Matrix, Matrix, Matrix, Matrix, float, (float,
    /// Matrix, Matrix)&gt;</c> taking (x, y, w, b, learningRate) and returning (the cost before the step, the new W, the
    /// new b), with W and b left as they were. 3 points. The library's softmax, cross-entropy and training machinery
    /// (autodiff's backward pass, layers, optimizers, the trainer) are refused.
    /// </summary>
    /// <remarks>
    /// Visible cases: one example (where 1/m cannot show); a batch of 4 (where forgetting 1/m makes the step 4 times too
    /// large); n = C = 3 (where a transposed dW still has W's shape); all-zero features (only b moves, and a sum of dZ
    /// over the classes is 0). Hidden cases: a random batch, many classes, one feature, a large batch. The reference
    /// computes in double. A wrong output is named (cost, W or b).
    /// </remarks>
    public static Check<In, Out> SoftmaxTrainingStep =>
        Check.For<In, Out>("softmax training step", points: 3)
            .InputNames("x", "y", "w", "b", "learningRate")
            .WriteYourself(Shortcuts.Softmax)
            .WriteYourself(Shortcuts.CrossEntropy)
            .WriteYourself(Shortcuts.TrainingMachinery)
            .Reference(input => TrainingStepReference(input.X, input.Y, input.W, input.B, input.LearningRate))
            .Compare((expected, actual, tolerance) => Outputs.Tuple(expected, actual, tolerance, ["cost", "W", "b"]))
            .Compare(Tolerance.Of(1e-5, 1e-4))
            .Case("one example, three classes", (Matrix.FromRows([1f, 2f]), Data.OneHot.Encode([1], 3),
                    Matrix.FromRows([0.5f, -1f, 0f], [0.25f, 0.5f, -0.5f]), Matrix.RowVector(0.1f, 0.2f, -0.3f), 0.5f),
                hint: StepCostHint + " " + StepShapesHint)
            .Case("a batch of 4 examples", (Matrix.FromRows([1f, 0f], [0f, 1f], [-1f, 2f], [0.5f, 0.5f]), Data.OneHot.Encode([0, 1, 2, 1], 3),
                    Matrix.FromRows([1f, -1f, 0.5f], [0f, 2f, -1f]), Matrix.RowVector(1f, -2f, 0.5f), 0.1f),
                hint: StepAverageHint)
            .Case("n = C = 3 (a transposed dW has W's shape)", (Matrix.FromRows([1f, -2f, 0.5f], [3f, 0f, -1f], [0.5f, 1f, 2f]),
                    Data.OneHot.Encode([2, 0, 0], 3), Matrix.FromRows([0.2f, -0.4f, 0.1f], [0f, 0.3f, -0.2f], [0.5f, 0.1f, 0f]),
                    Matrix.RowVector(0f, 0.1f, -0.1f), 0.2f),
                hint: StepTransposeHint)
            .Case("all-zero features: only b moves", (new Matrix(3, 2), Data.OneHot.Encode([0, 0, 3], 4),
                    Matrix.FromRows([1f, -1f, 0.5f, 2f], [0f, 2f, -1f, 1f]), Matrix.RowVector(0.5f, -0.5f, 1f, 0f), 0.3f),
                hint: StepBiasHint)
            .Hidden("a random batch", r => RandomStepInput(r, r.Next(2, 12), r.Next(2, 6), r.Next(2, 8)), hint: StepAverageHint)
            .Hidden("many classes", r => RandomStepInput(r, r.Next(2, 6), r.Next(2, 5), r.Next(20, 40)), hint: StepShapesHint)
            .Hidden("one feature", r => RandomStepInput(r, r.Next(2, 8), 1, r.Next(2, 5)), hint: StepTransposeHint)
            .Hidden("a large batch", r => RandomStepInput(r, r.Next(50, 120), r.Next(2, 10), r.Next(2, 10)), hint: StepBiasHint);

    internal const string StepCostHint =
        "the cost is the forward pass's, −(1/m) Σ y log ŷ with the W and b you were given: compute it before the update.";

    internal const string StepShapesHint =
        "Z = X·W + b is (m × C); dW = Xᵀ·dZ has W's shape (n × C) and db = the sum of dZ's rows has b's shape (1 × C). " +
        "Return new matrices W − α·dW and b − α·db.";

    internal const string StepAverageHint =
        "the cost is an average over the m examples, so its gradient is too: dZ = (ŷ − y)/m — without the 1/m the step " +
        "is m times too large (here 4 times).";

    internal const string StepTransposeHint =
        "dW = Xᵀ·dZ, that is Matrix.Multiply(x, dZ, transposeA: true): (n × m)·(m × C). dZᵀ·X is its transpose (C × n), " +
        "which has W's shape only when n = C — and the wrong values.";

    internal const string StepBiasHint =
        "db sums dZ over the examples (its rows): one entry per class, dZ.ColumnSums() (1 × C). Each row of ŷ − y sums " +
        "to 0, so a sum over the classes is 0 and leaves b where it was.";

    private static Out TrainingStepReference(Matrix x, Matrix y, Matrix w, Matrix b, float learningRate)
    {
        if (y.Rows != x.Rows || w.Rows != x.Cols || y.Cols != w.Cols || b.Shape != new Shape(1, w.Cols))
            throw new ArgumentException($"y, w, b: expected (m × C), (n × C), (1 × C) for x (m × n) = {x.Shape}, actual {y.Shape}, {w.Shape}, {b.Shape}.", nameof(y));
        var (m, n, classes) = (x.Rows, x.Cols, w.Cols);
        var dz = new double[m, classes];
        double cost = 0;
        for (int i = 0; i < m; i++)
        {
            var z = new double[classes];
            for (int c = 0; c < classes; c++)
            {
                z[c] = b[0, c];
                for (int k = 0; k < n; k++) z[c] += (double)x[i, k] * w[k, c];
            }
            double max = z.Max(), sum = z.Sum(v => Math.Exp(v - max));
            for (int c = 0; c < classes; c++)
            {
                double logProbability = z[c] - max - Math.Log(sum);
                if (y[i, c] != 0) cost -= y[i, c] * logProbability;
                dz[i, c] = (Math.Exp(logProbability) - y[i, c]) / m;
            }
        }
        var (newW, newB) = (new Matrix(n, classes), new Matrix(1, classes));
        for (int c = 0; c < classes; c++)
        {
            double db = 0;
            for (int i = 0; i < m; i++) db += dz[i, c];
            newB[0, c] = (float)(b[0, c] - learningRate * db);
            for (int k = 0; k < n; k++)
            {
                double dw = 0;
                for (int i = 0; i < m; i++) dw += (double)x[i, k] * dz[i, c];
                newW[k, c] = (float)(w[k, c] - learningRate * dw);
            }
        }
        return ((float)(cost / m), newW, newB);
    }

    private static In RandomStepInput(Random r, int m, int n, int classes) =>
        (Generators.Normal(r, m, n), Data.OneHot.Encode(Generators.Labels(r, m, classes), classes), Generators.Normal(r, n, classes, std: 0.5),
         Generators.Normal(r, 1, classes, std: 0.5), (float)(0.05 + 0.5 * r.NextDouble()));
}
