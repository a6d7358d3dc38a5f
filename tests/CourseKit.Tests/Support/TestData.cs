namespace CourseKit.Tests.Support;

/// <summary>Seeded test inputs: the same seed gives the same data on every run.</summary>
internal static class TestData
{
    /// <summary>Every length 0..257 — covers each SIMD remainder path for 128-, 256- and 512-bit vectors.</summary>
    public static IEnumerable<object[]> Lengths0To257() => Enumerable.Range(0, 258).Select(n => new object[] { n });

    /// <summary>Values from N(mean, std²), seeded.</summary>
    public static float[] Normal(int length, int seed = 42, double mean = 0, double std = 1)
    {
        var rng = new Random(seed);
        var x = new float[length];
        for (int i = 0; i < length; i++)
        {
            double u1 = 1.0 - rng.NextDouble(), u2 = rng.NextDouble();
            x[i] = (float)(mean + std * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
        }
        return x;
    }

    /// <summary>Values uniform on [low, high), seeded.</summary>
    public static float[] Uniform(int length, int seed = 42, double low = -1, double high = 1)
    {
        var rng = new Random(seed);
        var x = new float[length];
        for (int i = 0; i < length; i++) x[i] = (float)(low + (high - low) * rng.NextDouble());
        return x;
    }
}
