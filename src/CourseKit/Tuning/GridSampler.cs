namespace CourseKit.Tuning;

/// <summary>
/// Grid search over a <see cref="SearchSpace"/>: <c>pointsPerAxis</c> points per numeric axis, evenly spaced on the
/// axis's own scale (a log axis gets log-spaced points), every choice of a categorical axis. Trial n takes grid point n
/// (last axis fastest; trial n at <see cref="SamplerContext.Position"/> n); <see cref="MaxTrials"/> is the grid's size. Shown in the course to lose to random search when
/// only a few hyperparameters matter.
/// </summary>
public sealed class GridSampler : ISampler
{
    private readonly List<(string Name, double[] Values)> _axes = [];

    /// <summary>A grid with <paramref name="pointsPerAxis"/> points per numeric axis, or the count in <paramref name="perAxis"/> for the axes it names.</summary>
    public GridSampler(SearchSpace space, int pointsPerAxis, IReadOnlyDictionary<string, int>? perAxis = null)
    {
        ArgumentNullException.ThrowIfNull(space);
        if (space.Parameters.Count == 0) throw new ArgumentException("space: expected at least one parameter, actual none.", nameof(space));
        foreach (var (name, d) in space.Parameters)
        {
            int k = perAxis?.GetValueOrDefault(name, pointsPerAxis) ?? pointsPerAxis;
            if (k < 1) throw new ArgumentOutOfRangeException(nameof(pointsPerAxis), k, $"{name}: expected ≥ 1 grid point, actual {k}.");
            double[] values = d.IsCategorical ? Enumerable.Range(0, d.ChoiceCount).Select(i => (double)i).ToArray()
                : k == 1 ? [d.FromUnit(0.5)]
                : Enumerable.Range(0, k).Select(i => d.FromUnit((double)i / (k - 1))).Distinct().ToArray();
            _axes.Add((name, values));
        }
        long size = _axes.Aggregate(1L, (n, a) => n * a.Values.Length);
        if (size > int.MaxValue) throw new ArgumentException($"space: the grid has {size} points, more than {int.MaxValue}.", nameof(space));
        MaxTrials = (int)size;
    }

    /// <summary>The grid's size.</summary>
    public int? MaxTrials { get; }

    /// <inheritdoc />
    public bool UsesHistory => false;

    /// <summary>The values (internal) of each axis, in order.</summary>
    public IReadOnlyList<(string Name, double[] Values)> Axes => _axes;

    /// <summary>The grid point of trial <paramref name="number"/>, by axis name.</summary>
    public IReadOnlyDictionary<string, double> Point(int number)
    {
        if (number < 0 || number >= MaxTrials)
            throw new InvalidOperationException($"trial {number}: the grid has only {MaxTrials} points (0 … {MaxTrials - 1}); it is exhausted.");
        var point = new Dictionary<string, double>();
        long rest = number;
        for (int a = _axes.Count - 1; a >= 0; a--)
        {
            point[_axes[a].Name] = _axes[a].Values[rest % _axes[a].Values.Length];
            rest /= _axes[a].Values.Length;
        }
        return point;
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> SampleRelative(SamplerContext context) => Point(context.Position);

    /// <inheritdoc />
    public double SampleIndependent(SamplerContext context, string name, Distribution distribution) =>
        throw new InvalidOperationException($"{name}: not an axis of the grid [{string.Join(", ", _axes.Select(a => a.Name))}]; a grid search needs every parameter in its space.");
}
