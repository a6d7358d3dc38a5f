namespace CourseKit.Kernels.Reference;

public static partial class ReferenceKernels
{
    /// <summary>Inverted dropout with a given mask of 0/1 keeps: y = x · d / keepProb.</summary>
    public static double[] Dropout(double[] x, bool[] keep, double keepProb)
    {
        var y = new double[x.Length];
        for (int i = 0; i < x.Length; i++) y[i] = keep[i] ? x[i] / keepProb : 0;
        return y;
    }

    /// <summary>L2 cost term λ/(2m) · Σ w².</summary>
    public static double L2Penalty(double[] w, double lambda, int m)
    {
        double sum = 0;
        foreach (double v in w) sum += v * v;
        return lambda / (2.0 * m) * sum;
    }

    /// <summary>Gradient of the L2 term: (λ/m) · w.</summary>
    public static double[] L2Gradient(double[] w, double lambda, int m) => Array.ConvertAll(w, v => lambda / m * v);

    /// <summary>Column sums Σᵢ x[i, j] of a row-major rows × cols matrix.</summary>
    public static double[] ColumnSums(double[] x, int rows, int cols)
    {
        var s = new double[cols];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) s[j] += x[i * cols + j];
        return s;
    }

    /// <summary>Row sums Σⱼ x[i, j] of a row-major rows × cols matrix.</summary>
    public static double[] RowSums(double[] x, int rows, int cols)
    {
        var s = new double[rows];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++) s[i] += x[i * cols + j];
        return s;
    }
}
