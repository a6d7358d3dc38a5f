using CourseKit.Autodiff;
using CourseKit.Tensors;
using CourseKit.Kernels;

namespace CourseKit.Tests.Autodiff;

// The "programming frameworks" lecture: write only the forward pass, let autodiff supply the gradients.
public class TrainingTests
{
    // The cost as the lecture writes it, w² − 10w + 25, cancels near w = 5: float32 rounds it to within a few ulp(25).
    private const float LectureCostRounding = 1e-5f;

    [Fact]
    public void Gradient_descent_on_the_lecture_cost_drives_w_to_5()
    {
        var w = Variable.Parameter(0f, "w");
        float previous = float.PositiveInfinity;
        for (int step = 0; step < 1000; step++)
        {
            Variable cost = w * w - 10 * w + 25;  // J(w) = (w − 5)²
            cost.Backward();
            if (step == 0) Assert.Equal((25f, -10f), (cost.Item, w.Grad![0, 0]));
            Assert.True(cost.Item <= previous + LectureCostRounding, $"step {step}: cost rose from {previous} to {cost.Item}");
            previous = cost.Item;
            GradientDescent.Step([w], learningRate: 0.01f);
        }
        Assert.Equal(5.0, w.Item, 1e-4);
    }

    [Fact]
    public void A_softmax_classifier_trained_from_its_forward_pass_alone_separates_three_blobs()
    {
        (Matrix x, int[] labels) = Blobs(perClass: 50, seed: 42);
        var w = Variable.Parameter(Matrix.RandomNormal(2, 3, seed: 42, std: 0.01f), "W");
        var b = Variable.Parameter(new Matrix(1, 3), "b");
        var input = Variable.Constant(x, "X");
        var costs = new List<float>();
        for (int step = 0; step < 300; step++)
        {
            Variable cost = (input.MatMul(w) + b).SoftmaxCrossEntropy(labels);
            cost.Backward();
            costs.Add(cost.Item);
            GradientDescent.Step([w, b], learningRate: 0.1f);  // < 2/L for this data: each step must lower the cost
        }
        for (int t = 1; t < costs.Count; t++) Assert.True(costs[t] <= costs[t - 1], $"step {t}: cost rose from {costs[t - 1]} to {costs[t]}");
        Assert.True(costs[^1] < 0.25f * costs[0], $"cost went from {costs[0]} to only {costs[^1]}");

        var predicted = new int[labels.Length];
        Matrix logits = (input.MatMul(w) + b).Value;
        CpuKernels.ArgMax(logits.AsSpan(), logits.Rows, logits.Cols, predicted);
        double accuracy = predicted.Zip(labels).Count(p => p.First == p.Second) / (double)labels.Length;
        Assert.True(accuracy >= 0.95, $"training accuracy {accuracy:P1} < 95%");
    }

    // Three gaussian blobs in 2-D (std 0.7) around well-separated centres; class k has label k.
    private static (Matrix X, int[] Labels) Blobs(int perClass, int seed)
    {
        (float X, float Y)[] centres = [(0f, 2.5f), (-2.5f, -1.5f), (2.5f, -1.5f)];
        var rng = new Random(seed);
        var x = new Matrix(3 * perClass, 2);
        var labels = new int[3 * perClass];
        for (int i = 0; i < labels.Length; i++)
        {
            int k = i % 3;
            double r = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())), theta = 2 * Math.PI * rng.NextDouble();
            x[i, 0] = centres[k].X + 0.7f * (float)(r * Math.Cos(theta));
            x[i, 1] = centres[k].Y + 0.7f * (float)(r * Math.Sin(theta));
            labels[i] = k;
        }
        return (x, labels);
    }
}
