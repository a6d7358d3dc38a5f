namespace CourseKit.Tests.Autodiff;

/// <summary>Double-precision twins of the softmax costs for the gradient checks (row-major, one example per row).</summary>
internal static class Reference
{
    public static double[] Softmax(double[] z, int row, int cols)
    {
        double max = double.NegativeInfinity;
        for (int j = 0; j < cols; j++) max = Math.Max(max, z[row * cols + j]);
        var p = new double[cols];
        for (int j = 0; j < cols; j++) p[j] = Math.Exp(z[row * cols + j] - max);
        double sum = p.Sum();
        for (int j = 0; j < cols; j++) p[j] /= sum;
        return p;
    }

    public static double CrossEntropy(double[] z, int cols, int[] labels)
    {
        double total = 0;
        for (int i = 0; i < labels.Length; i++) total -= Math.Log(Softmax(z, i, cols)[labels[i]]);
        return total / labels.Length;
    }

    public static double[] MatMul(double[] a, double[] b, int m, int n, int k)
    {
        var c = new double[m * k];
        for (int i = 0; i < m; i++)
            for (int t = 0; t < n; t++)
                for (int j = 0; j < k; j++) c[i * k + j] += a[i * n + t] * b[t * k + j];
        return c;
    }
}
