namespace CourseKit.Training;

/// <summary>
/// A parameter's distribution over training as one histogram per epoch on shared bins (what
/// <see cref="ParameterDistributions.Histograms"/> returns, and what a histogram-over-time chart draws).
/// </summary>
/// <param name="Name">The parameter (<c>dense1.W</c>).</param>
/// <param name="Gradients">Whether these are gradients (true) or values (false).</param>
/// <param name="Epochs">The epoch of each histogram.</param>
/// <param name="Edges">The bins' edges, one more than bins, increasing; shared by every epoch.</param>
/// <param name="Fractions">Per epoch, the fraction of the epoch's finite entries in each bin (each row sums to 1).</param>
/// <param name="Stds">Per epoch, the standard deviation of the finite entries (the spread of the distribution).</param>
public sealed record DistributionHistograms(string Name, bool Gradients, int[] Epochs, double[] Edges, double[][] Fractions, double[] Stds)
{
    /// <summary>The bins' centers.</summary>
    public double[] Centers => Edges.Zip(Edges.Skip(1), (a, b) => (a + b) / 2).ToArray();

    /// <summary>
    /// Effectively bins each epoch's entries on <paramref name="bins"/> equal bins from the smallest to the largest finite
    /// entry over all epochs (the last bin closed on the right); NaN and ±∞ are left out of the counts.
    /// </summary>
    public static DistributionHistograms Of(string name, bool gradients, int[] epochs, float[][] entries, int bins)
    {
        ArgumentNullException.ThrowIfNull(epochs);
        ArgumentNullException.ThrowIfNull(entries);
        if (bins < 1) throw new ArgumentOutOfRangeException(nameof(bins), bins, $"bins: expected ≥ 1, actual {bins}.");
        if (epochs.Length != entries.Length)
            throw new ArgumentException($"entries: expected one array per epoch ({epochs.Length}), actual {entries.Length}.", nameof(entries));
        var finite = entries.SelectMany(e => e).Where(float.IsFinite).ToArray();
        if (finite.Length == 0) throw new ArgumentException($"entries: expected at least one finite entry for {name}, actual none.", nameof(entries));
        double min = finite.Min(), max = finite.Max();
        double width = max > min ? (max - min) / bins : 1;
        double[] edges = Enumerable.Range(0, bins + 1).Select(k => min + k * width).ToArray();
        var fractions = entries.Select(e => Bin(e, min, width, bins)).ToArray();
        return new DistributionHistograms(name, gradients, epochs, edges, fractions, entries.Select(Std).ToArray());
    }

    private static double[] Bin(float[] entries, double min, double width, int bins)
    {
        var counts = new double[bins];
        int total = 0;
        foreach (float v in entries)
        {
            if (!float.IsFinite(v)) continue;
            counts[Math.Min(bins - 1, (int)((v - min) / width))]++;
            total++;
        }
        return total == 0 ? counts : counts.Select(c => c / total).ToArray();
    }

    private static double Std(float[] entries)
    {
        var finite = entries.Where(float.IsFinite).Select(v => (double)v).ToArray();
        if (finite.Length == 0) return double.NaN;
        double mean = finite.Average();
        return Math.Sqrt(finite.Sum(v => (v - mean) * (v - mean)) / finite.Length);
    }
}
