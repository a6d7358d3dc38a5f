using CourseKit.Autodiff;
using CourseKit.Tensors;
using CostIn = (float W, float[] C);
using CostOut = (float J, float DJdw);
using LogitsIn = (CourseKit.Tensors.Matrix X, CourseKit.Tensors.Matrix W, CourseKit.Tensors.Matrix B, int[] Labels);
using LogitsOut = (CourseKit.Tensors.Matrix Logits, CourseKit.Tensors.Matrix DW, CourseKit.Tensors.Matrix DB);
using CrossEntropyIn = (CourseKit.Tensors.Matrix Z, CourseKit.Tensors.Matrix Y);
using CrossEntropyOut = (float J, CourseKit.Tensors.Matrix DZ);

namespace CourseKit.Grading;

// The programming-frameworks chapter: the learner writes only forward computations with Variables; the checks run
// Backward() on them and compare the value and the gradients with the library's.
public static partial class Checks
{
    /// <summary>Shared by the checks whose gradient comes out 0 when the graph was built from constants.</summary>
    internal const string ConstantHint =
        "if the gradient is 0, no gradient flowed: build the result from the parameter variables you are given " +
        "(w * w, x.MatMul(w) …), not from Variable.Constant(w.Value), w.Item or w.Value — those are plain numbers the graph cannot see through.";

    /// <summary>
    /// The lecture's cost with coefficients, <c>J(w) = c[0]·w² + c[1]·w + c[2]</c> (the lecture's c = [1, −10, 25]
    /// gives w² − 10w + 25), written with a 1 × 1 parameter variable w. Learner function:
    /// <c>Func&lt;Variable, float[], Variable&gt;</c> taking (w, c) and returning J (1 × 1). The check passes a fresh
    /// parameter w each case, calls <c>J.Backward()</c> and compares J and dJ/dw = 2·c[0]·w + c[1]. 2 points.
    /// </summary>
    /// <remarks>
    /// Visible cases: the lecture's J at w = 0 (J = 25, dJ/dw = −10); at its minimum w = 5 (J = 0, dJ/dw = 0); other
    /// coefficients; a negative w. Hidden cases: random w and coefficients, a large w, c[0] = 0 (a straight line).
    /// </remarks>
    public static AdaptedCheck<Func<Variable, float[], Variable>, CostIn, CostOut> AutodiffCost => new(
        Check.For<CostIn, CostOut>("autodiff cost", points: 2)
            .InputNames("w", "c")
            .Reference(input => CostReference(input.W, input.C))
            .Compare((expected, actual, tolerance) => Outputs.Tuple(expected, actual, tolerance, ["J", "dJ/dw"]))
            .Compare(Tolerance.Of(1e-4, 1e-5))
            .Case("the lecture's J at w = 0", (0f, [1f, -10f, 25f]),
                hint: "J(w) = c[0]·w² + c[1]·w + c[2]: at w = 0 only the constant c[2] is left, so J = 25 — the constant changes J " +
                      "but not the gradient. " + ConstantHint)
            .Case("the lecture's J at its minimum w = 5", (5f, [1f, -10f, 25f]),
                hint: "w² is w * w (or w.Pow(2)), not 2 * w; at the minimum J = 0 and dJ/dw = 0.")
            .Case("other coefficients", (1.5f, [2f, 3f, -1f]),
                hint: "use the coefficients you are given, c[0] · w² + c[1] · w + c[2], not the lecture's 1, −10 and 25.")
            .Case("a negative w", (-3f, [0.5f, 4f, 2f]), hint: "the sign of w matters for c[1]·w but not for w².")
            .Hidden("random w and coefficients", r => ((float)(r.NextDouble() * 20 - 10), RandomCoefficients(r)))
            .Hidden("a large w", r => ((float)(r.NextDouble() * 200 - 100), RandomCoefficients(r)))
            .Hidden("c[0] = 0 (a straight line)", r => ((float)(r.NextDouble() * 20 - 10), [0f, .. RandomCoefficients(r)[1..]])),
        learner => input =>
        {
            var w = Variable.Parameter(input.W, "w");
            Variable j = Returned(learner(w, input.C));
            return (j.Item, GradientsOf(j, w)[0].Data[0]);
        },
        "Func<Variable, float[], Variable> (w, c) → J");

    /// <summary>
    /// A softmax classifier's forward pass, the logits <c>Z = X·W + b</c> for a batch X (m × n, one example per row,
    /// a constant), W (n × C) and b (1 × C, parameters). Learner function: <c>Func&lt;Variable, Variable, Variable,
    /// Variable&gt;</c> taking (x, w, b) and returning Z (m × C). The check compares Z, then takes the softmax
    /// cross-entropy cost of Z against labels, calls <c>Backward()</c> and compares dJ/dW and dJ/db. 2 points.
    /// </summary>
    /// <remarks>
    /// Visible cases: one example; a batch of 4 with a nonzero bias; many classes. Hidden cases: a random batch, one
    /// feature, a large batch. A wrong output is named (logits, dW or db).
    /// </remarks>
    public static AdaptedCheck<Func<Variable, Variable, Variable, Variable>, LogitsIn, LogitsOut> AutodiffLogits => new(
        Check.For<LogitsIn, LogitsOut>("autodiff logits", points: 2)
            .InputNames("x", "w", "b", "labels")
            .Reference(input => LogitsReference(input))
            .Compare((expected, actual, tolerance) => Outputs.Tuple(expected, actual, tolerance, ["logits", "dW", "db"]))
            .Compare(Tolerance.Of(1e-5, 1e-4))
            .Case("one example", (Matrix.FromRows([1f, 2f]), Matrix.FromRows([0.5f, -1f, 0f], [0.25f, 0.5f, -0.5f]),
                    Matrix.RowVector(0.1f, 0.2f, -0.3f), [2]),
                hint: "logits = x·W + b: x.MatMul(w) is (m × n)·(n × C) = (m × C); w.MatMul(x) has the wrong inner dimensions. " + ConstantHint)
            .Case("a batch of 4 with a bias", (Matrix.FromRows([1f, 0f], [0f, 1f], [-1f, 2f], [0.5f, 0.5f]),
                    Matrix.FromRows([1f, -1f, 0.5f], [0f, 2f, -1f]), Matrix.RowVector(1f, -2f, 0.5f), [0, 1, 2, 1]),
                hint: "add the bias row b (1 × C) to every example: x.MatMul(w) + b — the + broadcasts it over the rows, and db sums over them.")
            .Case("many classes", (Matrix.RandomNormal(3, 4, seed: 11), Matrix.RandomNormal(4, 12, seed: 12),
                    Matrix.RandomNormal(1, 12, seed: 13), [0, 11, 5]),
                hint: "W is (n × C) and b is (1 × C): the logits have one column per class.")
            .Hidden("a random batch", r => RandomLogitsInput(r, r.Next(2, 12), r.Next(2, 6), r.Next(2, 8)))
            .Hidden("one feature", r => RandomLogitsInput(r, r.Next(2, 8), 1, r.Next(2, 5)))
            .Hidden("a large batch", r => RandomLogitsInput(r, r.Next(50, 120), r.Next(2, 10), r.Next(2, 10))),
        learner => input =>
        {
            var (x, w, b) = (Variable.Constant(input.X, "X"), Variable.Parameter(input.W, "W"), Variable.Parameter(input.B, "b"));
            Variable z = Returned(learner(x, w, b));
            if (z.Shape != new Shape(input.X.Rows, input.W.Cols))
                return (z.Value, new Matrix(input.W.Rows, input.W.Cols), new Matrix(1, input.B.Cols));
            Matrix[] grads = GradientsOf(z.SoftmaxCrossEntropy(input.Labels), w, b);
            return (z.Value, grads[0], grads[1]);
        },
        "Func<Variable, Variable, Variable, Variable> (x, w, b) → logits");

    /// <summary>
    /// The softmax cross-entropy cost written with the framework's operations, <c>J = −(1/m) Σᵢ Σⱼ y[i, j] log
    /// softmax(z)[i, j]</c>, from logits z (m × C, a parameter) and one-hot targets y (m × C, a plain matrix). Learner
    /// function: <c>Func&lt;Variable, Matrix, Variable&gt;</c> taking (z, y) and returning J (1 × 1). The check calls
    /// <c>J.Backward()</c> and compares J and dJ/dz = (ŷ − y)/m with the library's fused
    /// <see cref="Variable.SoftmaxCrossEntropy"/>. 2 points.
    /// </summary>
    /// <remarks>
    /// Visible cases: one example; a batch of 3 (where summing instead of averaging shows); the lecture's logits
    /// [5, 2, −1, 3]. Hidden cases: a random batch, many classes, one example.
    /// </remarks>
    public static AdaptedCheck<Func<Variable, Matrix, Variable>, CrossEntropyIn, CrossEntropyOut> AutodiffCrossEntropy => new(
        Check.For<CrossEntropyIn, CrossEntropyOut>("autodiff cross-entropy", points: 2)
            .InputNames("z", "y")
            .WriteYourself(Shortcuts.CrossEntropy)
            .Reference(input => CrossEntropyReference(input.Z, input.Y))
            .Compare((expected, actual, tolerance) => Outputs.Tuple(expected, actual, tolerance, ["J", "dJ/dz"]))
            .Compare(Tolerance.Of(1e-5, 1e-4))
            .Case("one example", (Matrix.FromRows([1f, 2f, 0.5f]), Data.OneHot.Encode([1], 3)),
                hint: "J = −Σⱼ y[j]·log ŷ[j] with ŷ = z.Softmax(): multiply by Variable.Constant(y), Sum(), and keep the minus sign. " + ConstantHint)
            .Case("a batch of 3", (Matrix.FromRows([1f, 2f, 3f], [0f, 0f, 0f], [2f, -1f, 0.5f]), Data.OneHot.Encode([2, 0, 1], 3)),
                hint: "the cost averages over the m examples (rows): divide the sum by m = z.Shape.Rows — summing alone makes J and dJ/dz m times too large.")
            .Case("the lecture's logits", (Matrix.FromRows([5f, 2f, -1f, 3f]), Data.OneHot.Encode([1], 4)),
                hint: "softmax works per row (z.Softmax()), then log, then only the true class's term counts (y is one-hot).")
            .Hidden("a random batch", r => RandomCrossEntropyInput(r, r.Next(2, 10), r.Next(2, 8)))
            .Hidden("many classes", r => RandomCrossEntropyInput(r, r.Next(2, 5), r.Next(20, 50)))
            .Hidden("one example", r => RandomCrossEntropyInput(r, 1, r.Next(2, 8))),
        learner => input =>
        {
            var z = Variable.Parameter(input.Z, "z");
            Variable j = Returned(learner(z, input.Y));
            return (j.Item, GradientsOf(j, z)[0]);
        },
        "Func<Variable, Matrix, Variable> (z, y) → J");

    private static Variable Returned(Variable? result) =>
        result ?? throw new InvalidOperationException("your function returned null; return the Variable your computation produced.");

    // Backward() on the output (when it depends on a parameter at all) and each parameter's gradient, zeros where none flowed.
    private static Matrix[] GradientsOf(Variable output, params Variable[] parameters)
    {
        if (output.RequiresGrad) output.Backward();
        return parameters.Select(p => p.Grad?.Clone() ?? new Matrix(p.Shape.Rows, p.Shape.Cols)).ToArray();
    }

    private static CostOut CostReference(float w, float[] c)
    {
        var wv = Variable.Parameter(w);
        Variable j = c[0] * wv.Pow(2) + c[1] * wv + c[2];
        return (j.Item, GradientsOf(j, wv)[0].Data[0]);
    }

    private static LogitsOut LogitsReference(LogitsIn input)
    {
        var (w, b) = (Variable.Parameter(input.W), Variable.Parameter(input.B));
        Variable z = Variable.Constant(input.X).MatMul(w) + b;
        Matrix[] grads = GradientsOf(z.SoftmaxCrossEntropy(input.Labels), w, b);
        return (z.Value, grads[0], grads[1]);
    }

    private static CrossEntropyOut CrossEntropyReference(Matrix z, Matrix y)
    {
        var zv = Variable.Parameter(z);
        Variable j = zv.SoftmaxCrossEntropy(y.ArgMax());
        return (j.Item, GradientsOf(j, zv)[0]);
    }

    private static float[] RandomCoefficients(Random r) =>
        [(float)(r.NextDouble() * 4 - 2), (float)(r.NextDouble() * 20 - 10), (float)(r.NextDouble() * 50 - 25)];

    private static LogitsIn RandomLogitsInput(Random r, int m, int n, int classes) =>
        (Generators.Normal(r, m, n), Generators.Normal(r, n, classes, std: 0.5), Generators.Normal(r, 1, classes, std: 0.5),
         Generators.Labels(r, m, classes));

    private static CrossEntropyIn RandomCrossEntropyInput(Random r, int m, int classes) =>
        (Generators.Normal(r, m, classes, std: 2), Data.OneHot.Encode(Generators.Labels(r, m, classes), classes));
}
