namespace CourseKit.Tuning;

/// <summary>
/// Quasi-random search: a Sobol sequence (Joe–Kuo direction numbers) with a seeded random digital shift. Trial n takes
/// Sobol point n; parameter k (in order of first registration in the study) takes coordinate k, mapped through its
/// distribution's scale. Covers the space more evenly than random points: the first 2^m trials put exactly one value
/// in each of the 2^m equal slices of every axis.
/// </summary>
/// <remarks>Parameters beyond the <see cref="MaxDimensions"/>-th are drawn at random (seeded per trial and name).</remarks>
public sealed class QuasiRandomSampler : ISampler
{
    /// <summary>Dimensions with Sobol direction numbers.</summary>
    public const int MaxDimensions = 21;

    /// <inheritdoc />
    public bool UsesHistory => false;

    private const int Bits = 32;

    // (s, a, m_1 … m_s) for dimensions 2 … 21, from Joe and Kuo's new-joe-kuo-6.21201; dimension 1 is van der Corput.
    private static readonly int[][] Table =
    [
        [1, 0, 1], [2, 1, 1, 3], [3, 1, 1, 3, 1], [3, 2, 1, 1, 1], [4, 1, 1, 1, 3, 3], [4, 4, 1, 3, 5, 13],
        [5, 2, 1, 1, 5, 5, 17], [5, 4, 1, 1, 5, 5, 5], [5, 7, 1, 1, 7, 11, 19], [5, 11, 1, 1, 5, 1, 1],
        [5, 13, 1, 1, 1, 3, 11], [5, 14, 1, 3, 5, 5, 31], [6, 1, 1, 3, 3, 9, 7, 49], [6, 13, 1, 1, 1, 15, 21, 21],
        [6, 16, 1, 3, 1, 13, 27, 49], [6, 19, 1, 1, 1, 15, 7, 5], [6, 22, 1, 3, 1, 15, 13, 25], [6, 25, 1, 1, 5, 5, 19, 61],
        [7, 1, 1, 3, 7, 11, 23, 15, 103], [7, 4, 1, 3, 7, 13, 13, 15, 69],
    ];

    private static readonly uint[][] Directions = Enumerable.Range(0, MaxDimensions).Select(BuildDirections).ToArray();

    /// <summary>Sobol coordinate <paramref name="dimension"/> (0-based) of point <paramref name="index"/>, unshifted, as 32 bits.</summary>
    public static uint SobolBits(long index, int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        if ((uint)dimension >= MaxDimensions) throw new ArgumentOutOfRangeException(nameof(dimension), dimension, $"dimension: expected 0 … {MaxDimensions - 1}.");
        ulong gray = (ulong)index ^ ((ulong)index >> 1);
        uint x = 0;
        for (int k = 0; gray != 0 && k < Bits; k++, gray >>= 1)
            if ((gray & 1) != 0) x ^= Directions[dimension][k];
        return x;
    }

    /// <inheritdoc />
    public double SampleIndependent(SamplerContext context, string name, Distribution distribution)
    {
        int dimension = -1;
        for (int i = 0; i < context.Space.Count; i++) if (context.Space[i].Name == name) dimension = i;
        if (dimension < 0 || dimension >= MaxDimensions) return distribution.Sample(context.RandomFor(name));
        uint shift = (uint)Seeds.Random(context.StudySeed, "sobol-shift:" + dimension).NextInt64(0, 1L << 32);
        uint bits = SobolBits(context.Position, dimension) ^ shift;
        double u = (bits + 0.5) / 4294967296.0;
        return distribution.FromUnit(u);
    }

    private static uint[] BuildDirections(int dimension)
    {
        var v = new uint[Bits];
        if (dimension == 0)
        {
            for (int k = 0; k < Bits; k++) v[k] = 1u << (Bits - 1 - k);
            return v;
        }
        int[] row = Table[dimension - 1];
        int s = row[0], a = row[1];
        for (int k = 0; k < Math.Min(s, Bits); k++) v[k] = (uint)row[2 + k] << (Bits - 1 - k);
        for (int k = s; k < Bits; k++)
        {
            uint value = v[k - s] ^ (v[k - s] >> s);
            for (int j = 1; j < s; j++)
                if (((a >> (s - 1 - j)) & 1) != 0) value ^= v[k - j];
            v[k] = value;
        }
        return v;
    }
}
