using CourseKit.Autodiff;
using CourseKit.Tensors;
using In = (CourseKit.Tensors.Matrix X, CourseKit.Tensors.Matrix W1, CourseKit.Tensors.Matrix B1, CourseKit.Tensors.Matrix W2, CourseKit.Tensors.Matrix B2, int[] Labels);
using Out = (float J, CourseKit.Tensors.Matrix DW1, CourseKit.Tensors.Matrix DB1, CourseKit.Tensors.Matrix DW2, CourseKit.Tensors.Matrix DB2);
using Learner = System.Func<CourseKit.Autodiff.Variable, CourseKit.Autodiff.Variable, CourseKit.Autodiff.Variable, CourseKit.Autodiff.Variable, CourseKit.Autodiff.Variable, int[], CourseKit.Autodiff.Variable>;

namespace CourseKit.Grading;

public static partial class Checks
{
    /// <summary>
    /// A two-layer network's forward pass and cost on autodiff variables: <c>A1 = relu(X·W1 + b1)</c>,
    /// <c>Z2 = A1·W2 + b2</c>, <c>J</c> = the softmax cross-entropy of Z2 against the labels (the fused
    /// <c>SoftmaxCrossEntropy</c> is allowed). X (m × n) is a constant; W1 (n × h), b1 (1 × h), W2 (h × C), b2 (1 × C)
    /// are parameters. Learner function: <c>Func&lt;Variable, Variable, Variable, Variable, Variable, int[],
    /// Variable&gt;</c> taking (x, w1, b1, w2, b2, labels) and returning J (1 × 1). The check calls <c>Backward()</c> and
    /// compares J and the four gradients with the library's. 3 points.
    /// </summary>
    /// <remarks>
    /// Visible cases: one example whose hidden units are all positive (the plain chain of products); a batch with
    /// negative hidden pre-activations (where a missing ReLU shows); a batch with negative logits (where a ReLU on the
    /// output shows); many classes. Hidden cases: a random batch, a wide hidden layer, one example, a large batch. A wrong
    /// output is named (J, dW1, db1, dW2 or db2).
    /// </remarks>
    public static AdaptedCheck<Learner, In, Out> AutodiffTwoLayer => new(
        Check.For<In, Out>("autodiff two-layer network", points: 3)
            .InputNames("x", "w1", "b1", "w2", "b2", "labels")
            .Reference(TwoLayerReference)
            .Compare((expected, actual, tolerance) => Outputs.Tuple(expected, actual, tolerance, ["J", "dW1", "db1", "dW2", "db2"]))
            .Compare(Tolerance.Of(1e-5, 1e-4))
            .Case("one example, every hidden unit positive", (Matrix.FromRows([1f, 2f]), Matrix.FromRows([0.5f, 0.25f, 1f], [0.25f, 0.5f, 0.5f]),
                    Matrix.RowVector(0.1f, 0f, 0.2f), Matrix.FromRows([1f, -1f], [0.5f, 0.5f], [-0.5f, 1f]), Matrix.RowVector(0f, 0.1f), [1]),
                hint: TwoLayerOrderHint + " " + ConstantHint)
            .Case("negative hidden pre-activations", (Matrix.FromRows([1f, -1f], [-2f, 0.5f], [0.5f, 2f]), Matrix.FromRows([1f, -1f, 0.5f], [-0.5f, 1f, 1f]),
                    Matrix.RowVector(0f, 0.2f, -0.5f), Matrix.FromRows([0.5f, -1f, 0.25f], [1f, 0.5f, -0.5f], [-1f, 0.5f, 1f]), Matrix.RowVector(0.1f, 0f, -0.1f), [0, 2, 1]),
                hint: TwoLayerReluHint)
            .Case("negative logits (no ReLU on the output)", (Matrix.FromRows([1f, 0.5f], [0.2f, 1f]), Matrix.FromRows([1f, 0.5f], [0.5f, 1f]),
                    Matrix.RowVector(0.5f, 0.5f), Matrix.FromRows([-1f, 0.5f, -2f], [-0.5f, 1f, -1f]), Matrix.RowVector(-0.5f, 0f, -1f), [0, 2]),
                hint: TwoLayerOutputHint)
            .Case("many classes", (Matrix.RandomNormal(4, 3, seed: 21), Matrix.RandomNormal(3, 5, seed: 22), Matrix.RandomNormal(1, 5, seed: 23),
                    Matrix.RandomNormal(5, 10, seed: 24), Matrix.RandomNormal(1, 10, seed: 25), [0, 9, 4, 4]),
                hint: "W2 is (h × C) and b2 (1 × C): the logits have one column per class; the cost averages over the m examples.")
            .Hidden("a random batch", r => RandomTwoLayerInput(r, r.Next(2, 12), r.Next(2, 6), r.Next(2, 8), r.Next(2, 6)), hint: TwoLayerReluHint)
            .Hidden("a wide hidden layer", r => RandomTwoLayerInput(r, r.Next(2, 8), r.Next(2, 5), r.Next(30, 60), r.Next(2, 5)), hint: TwoLayerOrderHint)
            .Hidden("one example", r => RandomTwoLayerInput(r, 1, r.Next(1, 6), r.Next(2, 8), r.Next(2, 6)), hint: TwoLayerOutputHint)
            .Hidden("a large batch", r => RandomTwoLayerInput(r, r.Next(50, 120), r.Next(2, 10), r.Next(4, 16), r.Next(2, 10))),
        learner => input =>
        {
            var x = Variable.Constant(input.X, "X");
            var (w1, b1) = (Variable.Parameter(input.W1, "W1"), Variable.Parameter(input.B1, "b1"));
            var (w2, b2) = (Variable.Parameter(input.W2, "W2"), Variable.Parameter(input.B2, "b2"));
            Variable j = Returned(learner(x, w1, b1, w2, b2, input.Labels));
            if (j.Shape != new Shape(1, 1))
                throw new InvalidOperationException($"your function returned a {j.Shape} variable; return the cost J, a (1 × 1) variable.");
            Matrix[] grads = GradientsOf(j, w1, b1, w2, b2);
            return (j.Item, grads[0], grads[1], grads[2], grads[3]);
        },
        "Func<Variable, Variable, Variable, Variable, Variable, int[], Variable> (x, w1, b1, w2, b2, labels) → J");

    internal const string TwoLayerOrderHint =
        "A1 = x.MatMul(w1) + b1 then .Relu() (m × h); Z2 = A1.MatMul(w2) + b2 (m × C); J = Z2.SoftmaxCrossEntropy(labels). " +
        "Each MatMul takes the previous activations on the left: (m × n)·(n × h), then (m × h)·(h × C).";

    internal const string TwoLayerReluHint =
        "the hidden layer applies ReLU, A1 = relu(X·W1 + b1): without it the two layers are one linear map (X·W1·W2 + …), and " +
        "the hidden units with a negative pre-activation must give 0 and pass no gradient back.";

    internal const string TwoLayerOutputHint =
        "the output layer has no ReLU: softmax takes the raw logits Z2 = A1·W2 + b2, negative ones included.";

    private static Out TwoLayerReference(In input)
    {
        var x = Variable.Constant(input.X);
        var (w1, b1, w2, b2) = (Variable.Parameter(input.W1), Variable.Parameter(input.B1), Variable.Parameter(input.W2), Variable.Parameter(input.B2));
        Variable j = ((x.MatMul(w1) + b1).Relu().MatMul(w2) + b2).SoftmaxCrossEntropy(input.Labels);
        Matrix[] grads = GradientsOf(j, w1, b1, w2, b2);
        return (j.Item, grads[0], grads[1], grads[2], grads[3]);
    }

    private static In RandomTwoLayerInput(Random r, int m, int n, int hidden, int classes) =>
        (Generators.Normal(r, m, n), Generators.Normal(r, n, hidden, std: 0.7), Generators.Normal(r, 1, hidden, std: 0.3),
         Generators.Normal(r, hidden, classes, std: 0.7), Generators.Normal(r, 1, classes, std: 0.3), Generators.Labels(r, m, classes));
}
