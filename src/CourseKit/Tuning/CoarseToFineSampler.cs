namespace CourseKit.Tuning;

/// <summary>
/// The course's coarse-to-fine recipe, automated: the first <see cref="CoarseTrials"/> trials cover the whole space
/// (quasi-random); after that every trial samples densely inside the box around the best <see cref="TopK"/> complete
/// trials so far — the box spanned by them on each axis's own scale (unit coordinates), widened by
/// <see cref="Margin"/> of its width on each side (at least <see cref="MinWidth"/>), clipped to the space.
/// Categorical axes keep only the choices the best trials use. As better trials arrive the box moves and shrinks.
/// </summary>
public sealed class CoarseToFineSampler(int coarseTrials = 20, int topK = 5, double margin = 0.25, double minWidth = 0.05) : ISampler
{
    private readonly QuasiRandomSampler _coarse = new();

    /// <summary>Trials spread over the whole space before zooming.</summary>
    public int CoarseTrials { get; } = coarseTrials >= 1 ? coarseTrials : throw new ArgumentOutOfRangeException(nameof(coarseTrials), coarseTrials, "coarseTrials: expected ≥ 1.");

    /// <summary>How many of the best trials define the fine region.</summary>
    public int TopK { get; } = topK >= 1 ? topK : throw new ArgumentOutOfRangeException(nameof(topK), topK, "topK: expected ≥ 1.");

    /// <summary>Widening on each side, as a fraction of the box's width.</summary>
    public double Margin { get; } = margin >= 0 ? margin : throw new ArgumentOutOfRangeException(nameof(margin), margin, "margin: expected ≥ 0.");

    /// <summary>Smallest width of the box on an axis, in unit coordinates.</summary>
    public double MinWidth { get; } = minWidth is > 0 and <= 1 ? minWidth : throw new ArgumentOutOfRangeException(nameof(minWidth), minWidth, "minWidth: expected in (0, 1].");

    /// <summary>The fine region for <paramref name="name"/> (unit coordinates, or allowed choice indices), or null while still coarse.</summary>
    public (double Low, double High, double[] Choices)? Region(SamplerContext context, string name, Distribution distribution)
    {
        ArgumentNullException.ThrowIfNull(context);
        var complete = context.CompleteBestFirst();
        if (complete.Count < CoarseTrials) return null;
        var best = complete.Where(t => t.InternalParams.ContainsKey(name)).Take(TopK).ToList();
        if (best.Count == 0) return null;
        if (distribution.IsCategorical) return (0, 1, best.Select(t => t.InternalParams[name]).Distinct().Order().ToArray());
        double[] u = best.Select(t => distribution.ToUnit(t.InternalParams[name])).ToArray();
        double low = u.Min(), high = u.Max();
        double widen = Math.Max(Margin * (high - low), (MinWidth - (high - low)) / 2);
        return (Math.Max(0, low - Math.Max(0, widen)), Math.Min(1, high + Math.Max(0, widen)), []);
    }

    /// <inheritdoc />
    public double SampleIndependent(SamplerContext context, string name, Distribution distribution)
    {
        if (Region(context, name, distribution) is not { } region) return _coarse.SampleIndependent(context, name, distribution);
        var random = context.RandomFor(name);
        if (distribution.IsCategorical) return region.Choices[random.Next(region.Choices.Length)];
        return distribution.FromUnit(region.Low + random.NextDouble() * (region.High - region.Low));
    }
}
