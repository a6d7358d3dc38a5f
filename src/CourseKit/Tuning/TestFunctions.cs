namespace CourseKit.Tuning;

/// <summary>Standard test functions for hyperparameter optimizers (what <c>coursekit bench tuner</c> runs).</summary>
public static class TestFunctions
{
    /// <summary>The global minimum of <see cref="Hartmann6"/> on [0, 1]⁶.</summary>
    public const double Hartmann6Minimum = -3.32237;

    /// <summary>The global minimum of <see cref="Branin"/> on [−5, 10] × [0, 15] (three minimizers).</summary>
    public const double BraninMinimum = 0.397887;

    private static readonly double[] Alpha = [1.0, 1.2, 3.0, 3.2];

    private static readonly double[,] A =
    {
        { 10, 3, 17, 3.5, 1.7, 8 }, { 0.05, 10, 17, 0.1, 8, 14 }, { 3, 3.5, 1.7, 10, 17, 8 }, { 17, 8, 0.05, 10, 0.1, 14 },
    };

    private static readonly double[,] P =
    {
        { 0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886 }, { 0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991 },
        { 0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650 }, { 0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381 },
    };

    /// <summary>Hartmann-6 on [0, 1]⁶: −Σᵢ αᵢ exp(−Σⱼ Aᵢⱼ (xⱼ − Pᵢⱼ)²); six local minima, global −3.32237.</summary>
    public static double Hartmann6(ReadOnlySpan<double> x)
    {
        if (x.Length != 6) throw new ArgumentException($"x: expected 6 coordinates, actual {x.Length}.", nameof(x));
        double sum = 0;
        for (int i = 0; i < 4; i++)
        {
            double inner = 0;
            for (int j = 0; j < 6; j++) inner += A[i, j] * (x[j] - P[i, j]) * (x[j] - P[i, j]);
            sum += Alpha[i] * Math.Exp(-inner);
        }
        return -sum;
    }

    /// <summary>Branin on x₁ ∈ [−5, 10], x₂ ∈ [0, 15]: (x₂ − 5.1x₁²/(4π²) + 5x₁/π − 6)² + 10(1 − 1/(8π)) cos x₁ + 10; global 0.397887.</summary>
    public static double Branin(double x1, double x2)
    {
        double b = 5.1 / (4 * Math.PI * Math.PI), c = 5 / Math.PI, t = 1 / (8 * Math.PI);
        double q = x2 - b * x1 * x1 + c * x1 - 6;
        return q * q + 10 * (1 - t) * Math.Cos(x1) + 10;
    }
}
