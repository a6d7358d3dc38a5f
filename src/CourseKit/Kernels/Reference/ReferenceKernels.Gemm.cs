namespace CourseKit.Kernels.Reference;

public static partial class ReferenceKernels
{
    /// <summary>
    /// C = alpha · op(A) · op(B) + beta · C, row-major, with op(A) m × k and op(B) k × n — the textbook triple loop.
    /// </summary>
    public static double[] Gemm(double[] a, double[] b, double[]? c, int m, int n, int k,
        bool transposeA = false, bool transposeB = false, double alpha = 1, double beta = 0)
    {
        var result = new double[m * n];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                for (int p = 0; p < k; p++)
                {
                    double aip = transposeA ? a[p * m + i] : a[i * k + p];
                    double bpj = transposeB ? b[j * k + p] : b[p * n + j];
                    sum += aip * bpj;
                }
                double old = c is null || beta == 0 ? 0 : beta * c[i * n + j];
                result[i * n + j] = alpha * sum + old;
            }
        }
        return result;
    }
}
