using CourseKit.Tensors;

namespace CourseKit.Data;

/// <summary>
/// A labelled data set for classification: a feature matrix with one example per row (m × n) and one class index per
/// example, <c>Labels[i]</c> in [0, <see cref="ClassCount"/>).
/// </summary>
/// <remarks>
/// The features and labels are held, not copied: <see cref="Subset"/> and the splits copy, everything else shares.
/// Loaders: <see cref="Datasets"/> (digits, iris), <see cref="FashionMnist"/>, <see cref="Synthetic"/> (2-D sets).
/// </remarks>
public sealed class Dataset
{
    /// <summary>Wraps <paramref name="features"/> and <paramref name="labels"/> (not copied), checking shapes and label range.</summary>
    /// <param name="features">m × n, one example per row.</param>
    /// <param name="labels">m class indices, each in [0, <paramref name="classCount"/>).</param>
    /// <param name="classCount">Number of classes C (≥ 1); a class may have no examples.</param>
    /// <param name="classNames">Optional, C names (e.g. "setosa").</param>
    /// <param name="featureNames">Optional, n names (e.g. "sepal length (cm)").</param>
    /// <param name="name">Optional name shown by <see cref="ToString"/>, e.g. "digits".</param>
    public Dataset(Matrix features, int[] labels, int classCount,
        IReadOnlyList<string>? classNames = null, IReadOnlyList<string>? featureNames = null, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        if (classCount < 1)
            throw new ArgumentOutOfRangeException(nameof(classCount), classCount, $"classCount: expected ≥ 1, actual {classCount}.");
        if (labels.Length != features.Rows)
            throw new ArgumentException($"labels: expected one label per row of features ({features.Rows}), actual {labels.Length}.", nameof(labels));
        ClassLabels.Validate(labels, classCount, nameof(labels));
        if (classNames is not null && classNames.Count != classCount)
            throw new ArgumentException($"classNames: expected {classCount} names (classCount), actual {classNames.Count}.", nameof(classNames));
        if (featureNames is not null && featureNames.Count != features.Cols)
            throw new ArgumentException($"featureNames: expected {features.Cols} names (feature columns), actual {featureNames.Count}.", nameof(featureNames));
        Features = features;
        Labels = labels;
        ClassCount = classCount;
        ClassNames = classNames;
        FeatureNames = featureNames;
        Name = name;
    }

    /// <summary>The m × n feature matrix, one example per row (shared, not a copy).</summary>
    public Matrix Features { get; }

    /// <summary>The m class indices (shared, not a copy).</summary>
    public int[] Labels { get; }

    /// <summary>Number of classes C.</summary>
    public int ClassCount { get; }

    /// <summary>The C class names, or null when unknown.</summary>
    public IReadOnlyList<string>? ClassNames { get; }

    /// <summary>The n feature names, or null when unknown.</summary>
    public IReadOnlyList<string>? FeatureNames { get; }

    /// <summary>A short name such as "digits", or null.</summary>
    public string? Name { get; }

    /// <summary>Number of examples m.</summary>
    public int Count => Features.Rows;

    /// <summary>Number of features n.</summary>
    public int FeatureCount => Features.Cols;

    /// <summary>How many examples each class has: <c>result[c] = #{i : Labels[i] = c}</c>, length C.</summary>
    public int[] ClassCounts() => ClassLabels.Counts(Labels, ClassCount);

    /// <summary>The examples at <paramref name="indices"/>, in that order, copied into a new data set (same classes and names).</summary>
    /// <remarks>An index may repeat (e.g. a bootstrap sample); each must be in [0, <see cref="Count"/>).</remarks>
    public Dataset Subset(ReadOnlySpan<int> indices)
    {
        int n = FeatureCount;
        var features = new Matrix(indices.Length, n);
        var labels = new int[indices.Length];
        ReadOnlySpan<float> source = Features.AsSpan();
        Span<float> destination = features.AsSpan();
        for (int k = 0; k < indices.Length; k++)
        {
            int i = indices[k];
            if ((uint)i >= (uint)Count)
                throw new ArgumentOutOfRangeException(nameof(indices), i, $"indices[{k}]: expected an example index in [0, {Count}), actual {i}.");
            source.Slice(i * n, n).CopyTo(destination.Slice(k * n, n));
            labels[k] = Labels[i];
        }
        return new Dataset(features, labels, ClassCount, ClassNames, FeatureNames, Name);
    }

    /// <summary>The same labels, classes and names with other features of the same row count (e.g. standardized ones).</summary>
    public Dataset WithFeatures(Matrix features)
    {
        ArgumentNullException.ThrowIfNull(features);
        IReadOnlyList<string>? names = features.Cols == FeatureCount ? FeatureNames : null;
        return new Dataset(features, Labels, ClassCount, ClassNames, names, Name);
    }

    /// <inheritdoc />
    public override string ToString() => $"Dataset{(Name is null ? "" : $" {Name}")}: {Count} examples × {FeatureCount} features, {ClassCount} classes";
}
