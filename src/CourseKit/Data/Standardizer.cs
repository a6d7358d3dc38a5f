using CourseKit.Kernels;
using CourseKit.Tensors;

namespace CourseKit.Data;

/// <summary>The state of a <see cref="Standardizer"/>: per-feature mean and standard deviation (plain arrays, ready for a checkpoint).</summary>
/// <param name="Mean">Per-feature mean μ_j of the training set.</param>
/// <param name="Std">Per-feature population standard deviation σ_j of the training set (0 for a constant feature).</param>
public sealed record StandardizerState(float[] Mean, float[] Std);

/// <summary>
/// Feature standardization fitted on the training set only: effectively computes
/// <c>x'[i, j] = (x[i, j] − μ_j) / s_j</c> with μ and σ from the training set, applied unchanged to dev and test.
/// </summary>
/// <remarks>
/// σ_j is the population standard deviation (divide by m, as BatchNorm does), computed in double in two passes.
/// A zero-variance feature (σ_j = 0, e.g. a border pixel that is always 0 in digits) is divided by s_j = 1 instead:
/// it is centred and left unscaled, so it never produces NaN or ∞ — no ε is added to any other feature.
/// Fitting dev or test statistics would leak information from those sets into training; use <see cref="Transform(Matrix)"/> for them.
/// </remarks>
public sealed class Standardizer
{
    private readonly float[] _mean, _std, _scale;

    private Standardizer(float[] mean, float[] std)
    {
        _mean = mean;
        _std = std;
        _scale = std.Select(s => s == 0f ? 1f : s).ToArray();
    }

    /// <summary>Per-feature mean of the training set.</summary>
    public IReadOnlyList<float> Mean => _mean;

    /// <summary>Per-feature population standard deviation of the training set (0 for constant features, which are divided by 1).</summary>
    public IReadOnlyList<float> Std => _std;

    /// <summary>Number of features n.</summary>
    public int FeatureCount => _mean.Length;

    /// <summary>Fits μ and σ on <paramref name="train"/> (m × n, m ≥ 1, finite values).</summary>
    public static Standardizer Fit(Matrix train)
    {
        ArgumentNullException.ThrowIfNull(train);
        Guard.NonEmptyBatch(train.Rows, nameof(train));
        Guard.AllFinite(train.AsSpan(), nameof(train), train.Cols);
        int m = train.Rows, n = train.Cols;
        var sum = new double[n];
        for (int i = 0; i < m; i++)
        {
            ReadOnlySpan<float> row = train.Row(i);
            for (int j = 0; j < n; j++) sum[j] += row[j];
        }
        double[] mean = sum.Select(s => s / m).ToArray();
        var squares = new double[n];
        for (int i = 0; i < m; i++)
        {
            ReadOnlySpan<float> row = train.Row(i);
            for (int j = 0; j < n; j++) { double d = row[j] - mean[j]; squares[j] += d * d; }
        }
        return new Standardizer(mean.Select(u => (float)u).ToArray(), squares.Select(s => (float)Math.Sqrt(s / m)).ToArray());
    }

    /// <summary>Fits on the features of <paramref name="train"/>.</summary>
    public static Standardizer Fit(Dataset train)
    {
        ArgumentNullException.ThrowIfNull(train);
        return Fit(train.Features);
    }

    /// <summary>The standardized copy of <paramref name="x"/> (any number of rows, n columns), using the training statistics.</summary>
    public Matrix Transform(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        var result = x.Clone();
        TransformInPlace(result);
        return result;
    }

    /// <summary>A data set with standardized features (a copy) and the same labels and names.</summary>
    public Dataset Transform(Dataset data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return data.WithFeatures(Transform(data.Features));
    }

    /// <summary>Standardizes <paramref name="x"/> in place.</summary>
    public void TransformInPlace(Matrix x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Cols != FeatureCount)
            throw new ArgumentException($"x: expected {FeatureCount} columns (the features the standardizer was fitted on), actual shape {x.Shape}.", nameof(x));
        Guard.AllFinite(x.AsSpan(), nameof(x), x.Cols);
        for (int i = 0; i < x.Rows; i++)
        {
            Span<float> row = x.Row(i);
            for (int j = 0; j < row.Length; j++) row[j] = (row[j] - _mean[j]) / _scale[j];
        }
    }

    /// <summary>A copy of the state (mean and std arrays) for a checkpoint.</summary>
    public StandardizerState ToState() => new((float[])_mean.Clone(), (float[])_std.Clone());

    /// <summary>Restores a standardizer from <paramref name="state"/> (copied); checks lengths agree and values are finite, σ ≥ 0.</summary>
    public static Standardizer FromState(StandardizerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(state.Mean, "state.Mean");
        ArgumentNullException.ThrowIfNull(state.Std, "state.Std");
        if (state.Mean.Length != state.Std.Length)
            throw new ArgumentException($"state.Std: expected {state.Mean.Length} values (as many as state.Mean), actual {state.Std.Length}.", nameof(state));
        Guard.AllFinite(state.Mean, "state.Mean");
        for (int j = 0; j < state.Std.Length; j++)
        {
            if (!(state.Std[j] >= 0f) || !float.IsFinite(state.Std[j]))
                throw new ArgumentException($"state.Std[{j}]: expected a finite value ≥ 0, actual {state.Std[j]}.", nameof(state));
        }
        return new Standardizer((float[])state.Mean.Clone(), (float[])state.Std.Clone());
    }
}
