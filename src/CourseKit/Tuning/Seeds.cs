namespace CourseKit.Tuning;

/// <summary>
/// Seed derivation for tuning: a trial's randomness depends only on (study seed, trial number), and each parameter's
/// draw on (trial seed, parameter name) — never on thread timing or on which other parameters a trial suggested.
/// </summary>
public static class Seeds
{
    /// <summary>The seed of trial <paramref name="number"/> in a study seeded with <paramref name="studySeed"/>.</summary>
    public static int Trial(int studySeed, int number) => Mix(((ulong)(uint)studySeed << 32) | (uint)number);

    /// <summary>A seed for the stream <paramref name="name"/> (a parameter name, "tpe") of a trial.</summary>
    public static int Derive(int seed, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Mix(((ulong)(uint)seed << 32) ^ Fnv1a(name));
    }

    /// <summary>A seed for the integer stream <paramref name="stream"/> (an execution, a tree) under <paramref name="seed"/>.</summary>
    public static int Derive(int seed, int stream) => Mix(((ulong)(uint)seed << 32) | (uint)stream ^ 0x5bd1e995UL << 32);

    /// <summary>A <see cref="Random"/> for (<paramref name="seed"/>, <paramref name="name"/>).</summary>
    public static Random Random(int seed, string name) => new(Derive(seed, name));

    private static int Mix(ulong z)
    {
        // SplitMix64 finalizer: nearby inputs give unrelated outputs.
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (int)(z & 0x7FFFFFFF);
    }

    private static ulong Fnv1a(string text)
    {
        ulong hash = 14695981039346656037UL;
        foreach (char c in text) hash = (hash ^ c) * 1099511628211UL;
        return hash;
    }
}
