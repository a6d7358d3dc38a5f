namespace CourseKit.Data;

/// <summary>Seeded train/dev/test splits by fractions: stratified (each class's proportion kept) or plainly shuffled.</summary>
/// <remarks>
/// <para>Fractions are positive and sum to 1: <c>[0.8, 0.2]</c>, <c>[0.6, 0.2, 0.2]</c>, or the big-data
/// <c>[0.98, 0.01, 0.01]</c>. Every example lands in exactly one split.</para>
/// <para>Rounding (largest remainder): a group of n examples (one class, or the whole set when not stratified) gives
/// split k ⌊f_k·n⌋ examples, and the examples left over go one each to the splits with the largest fractional parts
/// f_k·n − ⌊f_k·n⌋, ties to the earlier split (train before dev before test). So each class's count in each split is
/// within 1 of f_k·n_c, and a split's total within the number of classes of f_k·m.</para>
/// <para>A class too small to reach every split (e.g. 20 examples at 1 %) is an error by default, naming the class,
/// its size and the split — no class silently disappears from dev or test. Pass <c>allowMissingClasses: true</c> to accept it.</para>
/// <para>Within each split the examples keep their original order (ascending index); mini-batches shuffle anyway.</para>
/// </remarks>
public static class Splits
{
    /// <summary>Stratified split of <paramref name="data"/> into <c>fractions.Length</c> new data sets (copies), in the order of the fractions.</summary>
    /// <param name="data">The data set to split.</param>
    /// <param name="fractions">Positive fractions summing to 1, e.g. <c>[0.6, 0.2, 0.2]</c> for train, dev, test.</param>
    /// <param name="seed">Seed; the same seed gives the same split.</param>
    /// <param name="allowMissingClasses">Accept a split that gets no example of some class instead of throwing.</param>
    public static Dataset[] Stratified(Dataset data, double[] fractions, int seed, bool allowMissingClasses = false)
    {
        ArgumentNullException.ThrowIfNull(data);
        return StratifiedIndices(data.Labels, data.ClassCount, fractions, seed, allowMissingClasses).Select(ix => data.Subset(ix)).ToArray();
    }

    /// <summary>Shuffled (not stratified) split of <paramref name="data"/> into <c>fractions.Length</c> new data sets (copies).</summary>
    /// <param name="data">The data set to split.</param>
    /// <param name="fractions">Positive fractions summing to 1.</param>
    /// <param name="seed">Seed; the same seed gives the same split.</param>
    public static Dataset[] Shuffled(Dataset data, double[] fractions, int seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        return ShuffledIndices(data.Count, fractions, seed).Select(ix => data.Subset(ix)).ToArray();
    }

    /// <summary>The example indices of each split of a stratified split (ascending within each split).</summary>
    /// <param name="labels">Class index of every example.</param>
    /// <param name="classCount">Number of classes.</param>
    /// <param name="fractions">Positive fractions summing to 1.</param>
    /// <param name="seed">Seed; the same seed gives the same split.</param>
    /// <param name="allowMissingClasses">Accept a split that gets no example of some class instead of throwing.</param>
    public static int[][] StratifiedIndices(int[] labels, int classCount, double[] fractions, int seed, bool allowMissingClasses = false)
    {
        ArgumentNullException.ThrowIfNull(labels);
        CheckFractions(fractions);
        int[] classSizes = ClassLabels.Counts(labels, classCount);
        var byClass = new int[classCount][];
        for (int c = 0; c < classCount; c++) byClass[c] = new int[classSizes[c]];
        var filled = new int[classCount];
        for (int i = 0; i < labels.Length; i++) byClass[labels[i]][filled[labels[i]]++] = i;

        var rng = new Random(seed);
        var splits = fractions.Select(_ => new List<int>()).ToArray();
        for (int c = 0; c < classCount; c++)
        {
            int[] members = byClass[c];
            int[] counts = Allocate(members.Length, fractions);
            for (int k = 0; k < counts.Length && !allowMissingClasses; k++)
            {
                if (counts[k] == 0 && members.Length > 0)
                    throw new ArgumentException(
                        $"fractions: class {c} has {members.Length} examples, so split {k} (fraction {fractions[k]}) would get none of them " +
                        $"(ideal {fractions[k] * members.Length:0.##}). Use larger fractions or more data, or pass allowMissingClasses: true.", nameof(fractions));
            }
            rng.Shuffle(members);
            for (int k = 0, start = 0; k < counts.Length; start += counts[k], k++) splits[k].AddRange(members.AsSpan(start, counts[k]));
        }
        return splits.Select(s => { s.Sort(); return s.ToArray(); }).ToArray();
    }

    /// <summary>The example indices of each split of a shuffled (not stratified) split of <paramref name="count"/> examples (ascending within each split).</summary>
    /// <param name="count">Number of examples m.</param>
    /// <param name="fractions">Positive fractions summing to 1.</param>
    /// <param name="seed">Seed.</param>
    public static int[][] ShuffledIndices(int count, double[] fractions, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        CheckFractions(fractions);
        var order = new int[count];
        for (int i = 0; i < count; i++) order[i] = i;
        new Random(seed).Shuffle(order);
        int[] counts = Allocate(count, fractions);
        var splits = new int[counts.Length][];
        for (int k = 0, start = 0; k < counts.Length; start += counts[k], k++)
        {
            splits[k] = order.AsSpan(start, counts[k]).ToArray();
            Array.Sort(splits[k]);
        }
        return splits;
    }

    /// <summary>
    /// How many of a group of <paramref name="n"/> examples go to each split: effectively computes ⌊f_k·n⌋ per split,
    /// then gives the examples left over one each to the splits with the largest fractional parts (ties → earlier split).
    /// The counts sum to n and each is within 1 of f_k·n. The stratified split applies it to each class.
    /// </summary>
    /// <param name="n">Number of examples in the group (≥ 0).</param>
    /// <param name="fractions">Positive fractions summing to 1.</param>
    public static int[] Counts(int n, double[] fractions)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        CheckFractions(fractions);
        return Allocate(n, fractions);
    }

    /// <summary>Largest-remainder counts: Σ = n, each within 1 of f_k·n, leftovers to the largest fractional parts (ties → earlier split).</summary>
    internal static int[] Allocate(int n, double[] fractions)
    {
        var counts = new int[fractions.Length];
        var remainders = new double[fractions.Length];
        int left = n;
        for (int k = 0; k < fractions.Length; k++)
        {
            double ideal = fractions[k] * n;
            counts[k] = Math.Min((int)Math.Floor(ideal), left);
            remainders[k] = ideal - counts[k];
            left -= counts[k];
        }
        for (; left > 0; left--)
        {
            int best = 0;
            for (int k = 1; k < fractions.Length; k++) if (remainders[k] > remainders[best]) best = k;
            counts[best]++;
            remainders[best] = double.NegativeInfinity;
        }
        return counts;
    }

    private static void CheckFractions(double[] fractions)
    {
        ArgumentNullException.ThrowIfNull(fractions);
        if (fractions.Length == 0) throw new ArgumentException("fractions: expected at least one fraction, actual none.", nameof(fractions));
        for (int k = 0; k < fractions.Length; k++)
        {
            if (!(fractions[k] > 0) || !double.IsFinite(fractions[k]))
                throw new ArgumentOutOfRangeException(nameof(fractions), fractions[k], $"fractions[{k}]: expected a finite value > 0, actual {fractions[k]}.");
        }
        double sum = fractions.Sum();
        if (Math.Abs(sum - 1) > 1e-6)
            throw new ArgumentException($"fractions: expected values that sum to 1, actual sum {sum:G10} ({string.Join(", ", fractions)}).", nameof(fractions));
    }
}
