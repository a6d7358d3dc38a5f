namespace CourseKit.Tuning;

/// <summary>
/// What a define-by-run function (an objective, or a Keras-Tuner-style <c>build(hp)</c>) declares: the distributions it
/// asked its trial for, in order, the values it was given, and what it returned. Made by <see cref="DeclaredSpace.Of{T}"/>
/// without training anything.
/// </summary>
/// <typeparam name="T">What the function returns (a <see cref="TunedModel"/> for a <see cref="ModelTuner"/>'s build).</typeparam>
/// <param name="Parameters">Each parameter's name and distribution, in the order the function first asked for it.</param>
/// <param name="Values">The value each parameter was given.</param>
/// <param name="Result">What the function returned for those values.</param>
public sealed record DeclaredSpace<T>(IReadOnlyList<(string Name, Distribution Distribution)> Parameters, ParameterValues Values, T Result)
{
    /// <summary>The distribution declared for <paramref name="name"/>; the message lists the declared names when there is none.</summary>
    public Distribution this[string name] => Parameters.FirstOrDefault(p => p.Name == name).Distribution
        ?? throw new KeyNotFoundException($"name: '{name}' was not declared; declared: {(Parameters.Count == 0 ? "nothing" : string.Join(", ", Parameters.Select(p => p.Name)))}.");

    /// <summary>One line per parameter: <c>units: int [32, 256] step 32</c>.</summary>
    public override string ToString() => string.Join("\n", Parameters.Select(p => $"{p.Name}: {p.Distribution}"));
}

/// <summary>Reads the search space a define-by-run function declares.</summary>
public static class DeclaredSpace
{
    /// <summary>
    /// Effectively calls <paramref name="build"/> once on the first trial of a throwaway in-memory study and records
    /// every distribution the trial is asked for (<see cref="Trial.Distributions"/>), the values it hands out and what
    /// <paramref name="build"/> returns. The values come from <paramref name="sampler"/> — random draws seeded by
    /// <paramref name="seed"/> when null, or <c>new UnitSampler(1)</c> for every parameter's high end. The trial is then
    /// ended as cancelled; nothing is trained unless <paramref name="build"/> trains.
    /// </summary>
    /// <exception cref="InvalidOperationException">The build function returned null.</exception>
    public static DeclaredSpace<T> Of<T>(Func<Trial, T> build, ISampler? sampler = null, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(build);
        var study = Study.Create("declared space", Direction.Maximize, sampler ?? new RandomSampler(), seed: seed);
        var trial = study.Ask();
        try
        {
            T result = build(trial) ?? throw new InvalidOperationException($"build: returned null; expected a {typeof(T).Name}.");
            return new DeclaredSpace<T>(trial.Distributions, new ParameterValues(trial.Params.ToDictionary()), result);
        }
        finally
        {
            study.Tell(trial, TrialState.Cancelled);   // stops the study's heartbeat
        }
    }
}

/// <summary>
/// A sampler that puts every parameter at the same unit coordinate <see cref="U"/> of its own scale: 0 gives each
/// parameter's low end, 1 its high end, ½ the middle (on a log scale the geometric middle). Useful to probe the
/// corners of a search space — the smallest and the largest model it allows — without drawing at random.
/// </summary>
public sealed class UnitSampler : ISampler
{
    /// <summary>A sampler at unit coordinate <paramref name="u"/> ∈ [0, 1].</summary>
    public UnitSampler(double u)
    {
        if (!(u >= 0 && u <= 1)) throw new ArgumentOutOfRangeException(nameof(u), u, $"u: expected a unit coordinate in [0, 1], actual {u}.");
        U = u;
    }

    /// <summary>The unit coordinate every parameter is placed at.</summary>
    public double U { get; }

    /// <inheritdoc />
    public bool UsesHistory => false;

    /// <inheritdoc />
    public double SampleIndependent(SamplerContext context, string name, Distribution distribution)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        return distribution.FromUnit(U);
    }
}
