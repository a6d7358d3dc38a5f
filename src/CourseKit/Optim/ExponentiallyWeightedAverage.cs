namespace CourseKit.Optim;

/// <summary>
/// An exponentially weighted (moving) average. Effectively computes <c>v_t = β·v_{t−1} + (1 − β)·θ_t</c> from
/// v₀ = 0 and, when bias correction is on, reports <c>v_t / (1 − βᵗ)</c> instead of v_t.
/// </summary>
/// <remarks>
/// Lectures "Exponentially weighted averages" and "Bias correction in exponentially weighted averages": v_t averages
/// over about 1/(1 − β) values (β = 0.9: ≈ 10 days of temperatures; 0.98: ≈ 50). Started at 0, the uncorrected
/// average is too low for the first values; the corrected one starts at exactly θ₁. Momentum, RMSprop and Adam keep
/// one of these per weight. Use it incrementally (<see cref="Add"/>) or on a whole sequence (<see cref="Series"/>).
/// </remarks>
public sealed class ExponentiallyWeightedAverage
{
    /// <summary>Creates an empty average with coefficient β, with or without bias correction.</summary>
    /// <param name="beta">β in [0, 1).</param>
    /// <param name="biasCorrection">Whether <see cref="Value"/> is v_t/(1 − βᵗ) (true) or v_t (false).</param>
    public ExponentiallyWeightedAverage(double beta, bool biasCorrection = false)
    {
        CheckBeta(beta);
        Beta = beta;
        BiasCorrection = biasCorrection;
    }

    /// <summary>β, the weight of the previous average.</summary>
    public double Beta { get; }

    /// <summary>Whether <see cref="Value"/> is bias-corrected.</summary>
    public bool BiasCorrection { get; }

    /// <summary>t, how many values were added.</summary>
    public long Count { get; private set; }

    /// <summary>v_t without bias correction (0 before the first value).</summary>
    public double Raw { get; private set; }

    /// <summary>The average: v_t/(1 − βᵗ) with bias correction, else v_t; 0 before the first value.</summary>
    public double Value => BiasCorrection && Count > 0 ? Raw / (1 - Math.Pow(Beta, Count)) : Raw;

    /// <summary>About how many recent values the average spans: 1/(1 − β).</summary>
    public double EffectiveWindow => 1 / (1 - Beta);

    /// <summary>Adds θ_t and returns the new <see cref="Value"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="theta"/> is NaN or ±∞.</exception>
    public double Add(double theta)
    {
        if (!double.IsFinite(theta))
            throw new ArgumentOutOfRangeException(nameof(theta), theta, $"theta: expected a finite value, actual {theta} (value #{Count + 1}).");
        Raw = Beta * Raw + (1 - Beta) * theta;
        Count++;
        return Value;
    }

    /// <summary>The averages v₁ … v_n of <paramref name="thetas"/> (bias-corrected when asked), one per input value.</summary>
    public static double[] Series(ReadOnlySpan<double> thetas, double beta, bool biasCorrection = false)
    {
        var average = new ExponentiallyWeightedAverage(beta, biasCorrection);
        var result = new double[thetas.Length];
        for (int i = 0; i < thetas.Length; i++) result[i] = average.Add(thetas[i]);
        return result;
    }

    private static void CheckBeta(double beta)
    {
        if (!(beta >= 0 && beta < 1))
            throw new ArgumentOutOfRangeException(nameof(beta), beta, $"beta: expected a value in [0, 1), actual {beta}.");
    }
}
