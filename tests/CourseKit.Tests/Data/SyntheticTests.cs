using CourseKit.Data;

namespace CourseKit.Tests.Data;

public class SyntheticTests
{
    public static TheoryData<string> Sets => new() { "moons", "circles", "spirals", "blobs" };

    private static Dataset Make(string set, int count, double noise, int seed) => set switch
    {
        "moons" => Synthetic.Moons(count, noise, seed),
        "circles" => Synthetic.Circles(count, noise, seed),
        "spirals" => Synthetic.Spirals(count, arms: 3, noise, seed),
        _ => Synthetic.Blobs(count, centers: 4, noise, seed),
    };

    // Mean distance of each point from its noise-free twin (same seed, noise 0): grows with the noise.
    private static double Spread(string set, double noise)
    {
        Dataset clean = Make(set, 301, 0, 42), noisy = Make(set, 301, noise, 42);
        double total = 0;
        for (int i = 0; i < clean.Count; i++)
            total += Math.Sqrt(Math.Pow(clean.Features[i, 0] - noisy.Features[i, 0], 2) + Math.Pow(clean.Features[i, 1] - noisy.Features[i, 1], 2));
        return total / clean.Count;
    }

    [Theory, MemberData(nameof(Sets))]
    public void Every_set_has_2_features_and_the_requested_count(string set)
    {
        Dataset data = Make(set, 301, 0.1, 42);
        Assert.Equal(301, data.Count);
        Assert.Equal(2, data.FeatureCount);
        Assert.Equal(["x", "y"], data.FeatureNames!);
        Assert.All(data.Features.AsSpan().ToArray(), v => Assert.True(float.IsFinite(v)));
    }

    [Theory, MemberData(nameof(Sets))]
    public void The_same_seed_gives_the_same_data_and_another_seed_other_data(string set)
    {
        Dataset a = Make(set, 200, 0.2, 42), b = Make(set, 200, 0.2, 42), c = Make(set, 200, 0.2, 43);
        Assert.Equal(a.Features.Data, b.Features.Data);
        Assert.Equal(a.Labels, b.Labels);
        Assert.NotEqual(a.Features.Data, c.Features.Data);
    }

    [Theory, MemberData(nameof(Sets))]
    public void Classes_are_balanced_within_one(string set)
    {
        int[] counts = Make(set, 301, 0.1, 42).ClassCounts();
        Assert.True(counts.Max() - counts.Min() <= 1, $"class counts {string.Join(", ", counts)}");
        Assert.Equal(301, counts.Sum());
    }

    [Theory, MemberData(nameof(Sets))]
    public void More_noise_spreads_the_points_further(string set)
    {
        double small = Spread(set, 0.05), large = Spread(set, 0.5);
        Assert.InRange(small, 0.03, 0.1); // E‖N(0, σ²I₂)‖ = σ·√(π/2) ≈ 1.25 σ
        Assert.InRange(large / small, 9.5, 10.5);
    }

    [Fact]
    public void Noise_free_circles_lie_on_radius_1_and_factor()
    {
        Dataset data = Synthetic.Circles(100, 0, 42, factor: 0.3);
        for (int i = 0; i < data.Count; i++)
        {
            double r = Math.Sqrt(data.Features[i, 0] * data.Features[i, 0] + data.Features[i, 1] * data.Features[i, 1]);
            Assert.Equal(data.Labels[i] == 0 ? 1.0 : 0.3, r, 5);
        }
    }

    [Fact]
    public void Spirals_have_one_class_per_arm()
    {
        Dataset data = Synthetic.Spirals(500, arms: 5, noise: 0.01, seed: 42);
        Assert.Equal(5, data.ClassCount);
        Assert.Equal([100, 100, 100, 100, 100], data.ClassCounts());
    }

    [Fact]
    public void Bad_arguments_are_named_with_expected_and_actual()
    {
        var noise = Assert.Throws<ArgumentOutOfRangeException>(() => Synthetic.Moons(10, -0.1, 42));
        Assert.Equal("noise", noise.ParamName);
        Assert.Contains("expected a finite value ≥ 0, actual -0.1", noise.Message);
        Assert.Contains("count: expected ≥ 0, actual -1", Assert.Throws<ArgumentOutOfRangeException>(() => Synthetic.Blobs(-1, 3, 1, 42)).Message);
        Assert.Contains("arms: expected ≥ 2, actual 1", Assert.Throws<ArgumentOutOfRangeException>(() => Synthetic.Spirals(10, 1, 0, 42)).Message);
        Assert.Contains("factor: expected a value in (0, 1), actual 1.5", Assert.Throws<ArgumentOutOfRangeException>(() => Synthetic.Circles(10, 0, 42, 1.5)).Message);
    }
}
