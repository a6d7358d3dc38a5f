namespace CourseKit.Data;

/// <summary>Seeded sampling helpers written out here (not <see cref="Random.Shuffle{T}(Span{T})"/>), so the same seed
/// gives the same data on every .NET version and machine.</summary>
internal static class SeededRandom
{
    /// <summary>A standard normal sample (Box–Muller, one of the pair).</summary>
    public static double NextGaussian(this Random rng)
    {
        double u1 = 1.0 - rng.NextDouble(); // (0, 1]: the log stays finite
        double u2 = rng.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>Fisher–Yates shuffle in place.</summary>
    public static void Shuffle(this Random rng, Span<int> values)
    {
        for (int i = values.Length - 1; i > 0; i--)
        {
            int j = rng.Next(i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }

    /// <summary>A seed derived from (<paramref name="seed"/>, <paramref name="stream"/>) — e.g. one stream per epoch or per class —
    /// by SplitMix64 mixing, so nearby inputs give unrelated seeds.</summary>
    public static int Derive(int seed, int stream)
    {
        ulong z = ((ulong)(uint)seed << 32 | (uint)stream) + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (int)(z & 0x7FFFFFFF);
    }
}
