using CourseKit.Tuning;

namespace CourseKit.Tests.Tuning;

public class DistributionTests
{
    private const int Draws = 20_000;

    // Kolmogorov–Smirnov critical value at α = 0.001 for n draws: 1.95 / √n.
    private static readonly double KsBound = 1.95 / Math.Sqrt(Draws);

    private static double[] Draw(Distribution d, int seed = 42)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, Draws).Select(_ => d.Sample(random)).ToArray();
    }

    private static double KsDistance(double[] samples, Func<double, double> cdf)
    {
        double[] s = samples.Order().ToArray();
        double worst = 0;
        for (int i = 0; i < s.Length; i++)
            worst = Math.Max(worst, Math.Max(Math.Abs((i + 1.0) / s.Length - cdf(s[i])), Math.Abs((double)i / s.Length - cdf(s[i]))));
        return worst;
    }

    [Fact]
    public void Uniform_float_samples_follow_the_uniform_law()
    {
        var samples = Draw(new FloatDistribution(-2, 6));
        Assert.True(KsDistance(samples, x => (x + 2) / 8) < KsBound);
    }

    [Fact]
    public void Log_float_samples_spend_the_same_share_in_every_decade()
    {
        var samples = Draw(new FloatDistribution(1e-4, 1, Scale.Log));
        Assert.True(KsDistance(samples, x => (Math.Log10(x) + 4) / 4) < KsBound);
        Assert.InRange(samples.Count(x => x < 1e-3) / (double)Draws, 0.23, 0.27);
    }

    [Fact]
    public void Reverse_log_samples_put_half_of_beta_in_0_9_to_0_999_below_0_99()
    {
        var d = new FloatDistribution(0.9, 0.999, Scale.ReverseLog);
        var samples = Draw(d);
        // β = 1 − 10^r, r uniform in [−3, −1]: P(β ≤ b) = (−1 − log10(1 − b)) / 2.
        Assert.True(KsDistance(samples, b => (-1 - Math.Log10(1 - b)) / 2) < KsBound);
        Assert.InRange(samples.Count(b => b < 0.99) / (double)Draws, 0.49, 0.51);
        Assert.All(samples, b => Assert.InRange(b, 0.9, 0.999));
    }

    [Fact]
    public void Uniform_int_samples_hit_every_value_equally()
    {
        var samples = Draw(new IntDistribution(1, 5));
        for (int k = 1; k <= 5; k++) Assert.InRange(samples.Count(x => x == k) / (double)Draws, 0.19, 0.21);
    }

    [Fact]
    public void Log_int_samples_follow_the_log_uniform_law_on_the_integers()
    {
        var d = new IntDistribution(16, 256, Scale.Log);
        var samples = Draw(d);
        double lo = Math.Log(15.5), hi = Math.Log(256.5);
        // Discrete law: compare P(X ≤ k) with its empirical share at every k.
        double worst = Enumerable.Range(16, 241).Max(k => Math.Abs(samples.Count(x => x <= k) / (double)Draws - (Math.Log(k + 0.5) - lo) / (hi - lo)));
        Assert.True(worst < KsBound, $"max |F_n − F| = {worst}");
        Assert.InRange(samples.Count(k => k <= 64) / (double)Draws, 0.48, 0.52);  // 16..64 is half of 16..256 on a log scale
    }

    [Fact]
    public void Stepped_float_and_categorical_and_fixed_give_only_their_values()
    {
        var stepped = Draw(new FloatDistribution(0, 1, Scale.Linear, 0.25));
        Assert.All(stepped, x => Assert.Contains(x, new[] { 0, 0.25, 0.5, 0.75, 1 }));
        var cat = new CategoricalDistribution(["adam", "momentum", "sgd"]);
        var picks = Draw(cat);
        for (int k = 0; k < 3; k++) Assert.InRange(picks.Count(x => x == k) / (double)Draws, 0.32, 0.35);
        Assert.Equal("momentum", cat.ToExternal(1));
        Assert.Equal(64, new FixedDistribution(64).ToExternal(new FixedDistribution(64).Sample(new Random(1))));
    }

    [Fact]
    public void Unit_coordinates_round_trip_on_every_scale()
    {
        foreach (var d in new Distribution[] { new FloatDistribution(-3, 3), new FloatDistribution(1e-5, 10, Scale.Log), new FloatDistribution(0.5, 0.9999, Scale.ReverseLog) })
            foreach (double u in new[] { 0, 0.1, 0.5, 0.77, 1 })
                Assert.Equal(u, d.ToUnit(d.FromUnit(u)), 1e-9);
    }

    [Fact]
    public void Bad_distributions_are_rejected_with_the_reason()
    {
        Assert.Contains("low < high", Assert.Throws<ArgumentException>(() => new FloatDistribution(1, 1)).Message);
        Assert.Contains("log scale needs low > 0", Assert.Throws<ArgumentOutOfRangeException>(() => new FloatDistribution(0, 1, Scale.Log)).Message);
        Assert.Contains("0 < low < high < 1", Assert.Throws<ArgumentOutOfRangeException>(() => new FloatDistribution(0.9, 1, Scale.ReverseLog)).Message);
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => new CategoricalDistribution([])).Message);
        Assert.Contains("repeats", Assert.Throws<ArgumentException>(() => new CategoricalDistribution(["a", "a"])).Message);
        Assert.Contains("multiple of the step", Assert.Throws<ArgumentException>(() => new FloatDistribution(0, 1, Scale.Linear, 0.3)).Message);
        Assert.Contains("log scale needs low ≥ 1", Assert.Throws<ArgumentOutOfRangeException>(() => new IntDistribution(0, 8, Scale.Log)).Message);
        Assert.Throws<ArgumentException>(() => new CategoricalDistribution([new object()]));
    }

    [Fact]
    public void Distributions_survive_their_json_form_with_choice_types()
    {
        var cat = new CategoricalDistribution([1, 2L, 0.5, "relu", true, null]);
        var back = (CategoricalDistribution)Distribution.FromJson(cat.ToJson());
        Assert.Equal(cat.Choices, back.Choices);
        Assert.IsType<int>(back.Choices[0]);
        Assert.True(new FloatDistribution(0.9, 0.999, Scale.ReverseLog).SameAs(Distribution.FromJson(new FloatDistribution(0.9, 0.999, Scale.ReverseLog).ToJson())));
        Assert.Throws<FormatException>(() => Distribution.FromJson("{\"type\":\"weird\"}"));
    }
}
