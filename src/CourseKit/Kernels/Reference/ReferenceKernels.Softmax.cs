namespace CourseKit.Kernels.Reference;

public static partial class ReferenceKernels
{
    /// <summary>
    /// Effectively computes, for each row i, <c>a[i, j] = exp(z[i, j] − max_k z[i, k]) / Σ_k exp(z[i, k] − max_k z[i, k])</c>.
    /// </summary>
    public static double[] Softmax(double[] z, int rows, int cols)
    {
        var a = new double[rows * cols];
        for (int i = 0; i < rows; i++)
        {
            // softmax(z) = softmax(z − c) for any constant c; c = max keeps every exponent ≤ 0, so exp cannot overflow.
            double max = RowMax(z, i, cols);

            // t_j = e^(z_j − max),   a_j = t_j / Σ_k t_k
            double sum = 0;
            for (int j = 0; j < cols; j++)
            {
                a[i * cols + j] = Math.Exp(z[i * cols + j] - max);
                sum += a[i * cols + j];
            }
            for (int j = 0; j < cols; j++)
                a[i * cols + j] /= sum;
        }
        return a;
    }

    /// <summary>
    /// Effectively computes, for each row i, <c>log a[i, j] = (z[i, j] − max) − log Σ_k exp(z[i, k] − max)</c>.
    /// </summary>
    public static double[] LogSoftmax(double[] z, int rows, int cols)
    {
        var logA = new double[rows * cols];
        for (int i = 0; i < rows; i++)
        {
            double max = RowMax(z, i, cols);
            double sum = 0;
            for (int j = 0; j < cols; j++)
                sum += Math.Exp(z[i * cols + j] - max);

            // log a_j = log(e^(z_j − max) / Σ_k e^(z_k − max)) = (z_j − max) − log Σ_k e^(z_k − max)
            for (int j = 0; j < cols; j++)
                logA[i * cols + j] = (z[i * cols + j] - max) - Math.Log(sum);
        }
        return logA;
    }

    /// <summary>Effectively computes, for each row i, the index of its largest element (ties → lowest index).</summary>
    public static int[] ArgMax(double[] z, int rows, int cols)
    {
        var index = new int[rows];
        for (int i = 0; i < rows; i++)
        {
            int best = 0;
            for (int j = 1; j < cols; j++)
            {
                if (z[i * cols + j] > z[i * cols + best]) best = j;  // strictly greater: the first maximum wins
            }
            index[i] = best;
        }
        return index;
    }

    /// <summary>Effectively computes, for each row i, the one-hot vector with a 1 at <c>argmax_j z[i, j]</c>.</summary>
    public static double[] Hardmax(double[] z, int rows, int cols)
    {
        var oneHot = new double[rows * cols];
        int[] index = ArgMax(z, rows, cols);
        for (int i = 0; i < rows; i++)
            oneHot[i * cols + index[i]] = 1;
        return oneHot;
    }

    private static double RowMax(double[] z, int i, int cols)
    {
        double max = double.NegativeInfinity;
        for (int j = 0; j < cols; j++)
            max = Math.Max(max, z[i * cols + j]);
        return max;
    }
}
