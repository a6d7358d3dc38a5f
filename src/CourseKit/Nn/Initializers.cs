using CourseKit.Tensors;

namespace CourseKit.Nn;

/// <summary>How a weight matrix W (n_in × n_out) is initialized; every scheme is seeded.</summary>
public enum Initializer
{
    /// <summary>He: N(0, 2/n_in) — for ReLU layers ("Weight initialization for deep networks").</summary>
    He,

    /// <summary>Xavier: N(0, 1/n_in) — for tanh layers.</summary>
    Xavier,

    /// <summary>Glorot: N(0, 2/(n_in + n_out)).</summary>
    Glorot,

    /// <summary>All zeros (fine for biases; for weights it fails to break symmetry, which a notebook demonstrates).</summary>
    Zeros,
}

/// <summary>Draws initial weights for an <see cref="Initializer"/>.</summary>
public static class Initializers
{
    /// <summary>The standard deviation the scheme uses for an n_in × n_out weight matrix.</summary>
    public static double StandardDeviation(Initializer scheme, int fanIn, int fanOut) => scheme switch
    {
        Initializer.He => Math.Sqrt(2.0 / fanIn),
        Initializer.Xavier => Math.Sqrt(1.0 / fanIn),
        Initializer.Glorot => Math.Sqrt(2.0 / (fanIn + fanOut)),
        Initializer.Zeros => 0,
        _ => throw new ArgumentOutOfRangeException(nameof(scheme), scheme, $"scheme: expected one of {string.Join(", ", Enum.GetNames<Initializer>())}, actual {scheme}."),
    };

    /// <summary>A fanIn × fanOut weight matrix drawn from N(0, std²) of the scheme, from <paramref name="seed"/>.</summary>
    public static Matrix Create(Initializer scheme, int fanIn, int fanOut, int seed)
    {
        double std = StandardDeviation(scheme, fanIn, fanOut);
        return std == 0 ? new Matrix(fanIn, fanOut) : Matrix.RandomNormal(fanIn, fanOut, seed, 0f, (float)std);
    }
}
