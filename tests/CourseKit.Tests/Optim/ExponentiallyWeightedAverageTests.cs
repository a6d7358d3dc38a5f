using CourseKit.Optim;

namespace CourseKit.Tests.Optim;

public class ExponentiallyWeightedAverageTests
{
    private static readonly double[] Temperatures = [40, 49, 45, 44, 52, 60, 55, 58, 63, 61, 57, 50];

    [Fact]
    public void Bias_corrected_average_starts_at_the_first_value()
    {
        var corrected = ExponentiallyWeightedAverage.Series(Temperatures, beta: 0.98, biasCorrection: true);
        Assert.Equal(40, corrected[0], 10);
        // Lecture: v₂ = 0.98·0.02·θ₁ + 0.02·θ₂, and v₂/(1 − 0.98²) = v₂/0.0396 is a proper weighted average.
        Assert.Equal((0.0196 * 40 + 0.02 * 49) / 0.0396, corrected[1], 10);
    }

    [Fact]
    public void Uncorrected_average_starts_low_like_the_lecture_says()
    {
        var raw = ExponentiallyWeightedAverage.Series(Temperatures, beta: 0.98);
        Assert.Equal(0.02 * 40, raw[0], 10);
        Assert.Equal(0.0196 * 40 + 0.02 * 49, raw[1], 10);
    }

    [Fact]
    public void Series_matches_the_recurrence_written_out()
    {
        const double beta = 0.9;
        var raw = ExponentiallyWeightedAverage.Series(Temperatures, beta);
        var corrected = ExponentiallyWeightedAverage.Series(Temperatures, beta, biasCorrection: true);
        double v = 0;
        for (int t = 1; t <= Temperatures.Length; t++)
        {
            v = beta * v + (1 - beta) * Temperatures[t - 1];
            Assert.Equal(v, raw[t - 1], 10);
            Assert.Equal(v / (1 - Math.Pow(beta, t)), corrected[t - 1], 10);
        }
    }

    [Fact]
    public void Bias_corrected_average_of_a_constant_is_that_constant_from_the_start()
    {
        var corrected = ExponentiallyWeightedAverage.Series(Enumerable.Repeat(7.0, 50).ToArray(), 0.9, biasCorrection: true);
        Assert.All(corrected, v => Assert.Equal(7.0, v, 10));
    }

    [Fact]
    public void Incremental_use_gives_the_same_values_as_the_series()
    {
        var average = new ExponentiallyWeightedAverage(0.9, biasCorrection: true);
        var series = ExponentiallyWeightedAverage.Series(Temperatures, 0.9, biasCorrection: true);
        Assert.Equal(0, average.Value);
        for (int i = 0; i < Temperatures.Length; i++) Assert.Equal(series[i], average.Add(Temperatures[i]));
        Assert.Equal(Temperatures.Length, average.Count);
        Assert.Equal(ExponentiallyWeightedAverage.Series(Temperatures, 0.9)[^1], average.Raw, 10);
    }

    [Fact]
    public void Beta_sets_an_effective_window_of_one_over_one_minus_beta()
    {
        Assert.Equal(10, new ExponentiallyWeightedAverage(0.9).EffectiveWindow, 9);
        Assert.Equal(50, new ExponentiallyWeightedAverage(0.98).EffectiveWindow, 9);
        Assert.Equal(2, new ExponentiallyWeightedAverage(0.5).EffectiveWindow, 9);
    }

    [Fact]
    public void Bad_beta_or_values_are_rejected_with_clear_messages()
    {
        var beta = Assert.Throws<ArgumentOutOfRangeException>(() => new ExponentiallyWeightedAverage(1.0));
        Assert.StartsWith("beta: expected a value in [0, 1), actual 1.", beta.Message);
        var theta = Assert.Throws<ArgumentOutOfRangeException>(() => ExponentiallyWeightedAverage.Series([1, double.NaN], 0.9));
        Assert.StartsWith("theta: expected a finite value, actual NaN (value #2).", theta.Message);
    }
}
