using CourseKit.Tensors;
using CourseKit.Kernels;

namespace CourseKit.Grading;

/// <summary>Inputs for hidden cases, drawn from the generator that <see cref="GradingMode"/> seeds.</summary>
internal static class Generators
{
    /// <summary>A <paramref name="rows"/> × <paramref name="cols"/> matrix with entries from N(<paramref name="mean"/>, <paramref name="std"/>²).</summary>
    public static Matrix Normal(Random random, int rows, int cols, double mean = 0, double std = 1)
    {
        ArgumentNullException.ThrowIfNull(random);
        var m = new Matrix(rows, cols);
        Span<float> data = m.AsSpan();
        for (int i = 0; i < data.Length; i++)
        {
            double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
            data[i] = (float)(mean + std * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
        }
        return m;
    }

    /// <summary>Logits whose magnitudes lie in [<paramref name="low"/>, <paramref name="high"/>) with random signs.</summary>
    public static Matrix LargeLogits(Random random, int rows, int cols, double low = 200, double high = 1000)
    {
        ArgumentNullException.ThrowIfNull(random);
        var m = new Matrix(rows, cols);
        Span<float> data = m.AsSpan();
        for (int i = 0; i < data.Length; i++)
            data[i] = (float)((random.Next(2) == 0 ? -1 : 1) * (low + (high - low) * random.NextDouble()));
        return m;
    }

    /// <summary><paramref name="count"/> labels uniform on [0, <paramref name="classes"/>).</summary>
    public static int[] Labels(Random random, int count, int classes)
    {
        ArgumentNullException.ThrowIfNull(random);
        var labels = new int[count];
        for (int i = 0; i < count; i++) labels[i] = random.Next(classes);
        return labels;
    }

    /// <summary>softmax(<paramref name="logits"/>) by the library's kernel.</summary>
    public static Matrix Softmax(Matrix logits)
    {
        ArgumentNullException.ThrowIfNull(logits);
        var p = new Matrix(logits.Rows, logits.Cols);
        CpuKernels.Softmax(logits.AsSpan(), logits.Rows, logits.Cols, p.AsSpan());
        return p;
    }

    /// <summary>Probabilities ŷ = softmax of N(0, 2²) logits and one-hot targets y for a random m × C batch.</summary>
    public static (Matrix YHat, Matrix Y) Predictions(Random random, int rows, int classes)
    {
        Matrix yHat = Softmax(Normal(random, rows, classes, std: 2));
        return (yHat, Data.OneHot.Encode(Labels(random, rows, classes), classes));
    }
}
