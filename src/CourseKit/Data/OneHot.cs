using CourseKit.Tensors;

namespace CourseKit.Data;

/// <summary>One-hot encoding of class labels and back (argmax).</summary>
/// <remarks>
/// Row i of the encoding is example i (m × C, CourseKit's one-example-per-row layout); the lecture's Y is its
/// transpose (C × m).
/// </remarks>
public static class OneHot
{
    /// <summary>Effectively computes <c>Y[i, c] = 1 if labels[i] = c else 0</c> as a new m × <paramref name="classes"/> matrix.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A label is outside [0, classes); the message names its index and value.</exception>
    public static Matrix Encode(ReadOnlySpan<int> labels, int classes)
    {
        ClassLabels.Validate(labels, classes);
        var y = new Matrix(labels.Length, classes);
        EncodeInto(labels, classes, y.AsSpan());
        return y;
    }

    /// <summary>Same as <see cref="Encode"/> into <paramref name="destination"/> (at least m × C elements, row-major; overwritten).</summary>
    public static void EncodeInto(ReadOnlySpan<int> labels, int classes, Span<float> destination)
    {
        ClassLabels.Validate(labels, classes);
        long needed = (long)labels.Length * classes;
        if (destination.Length < needed)
            throw new ArgumentException($"destination: destination too short: expected length ≥ {needed} ({labels.Length} × {classes}), actual {destination.Length}.", nameof(destination));
        destination[..(int)needed].Clear();
        for (int i = 0; i < labels.Length; i++) destination[i * classes + labels[i]] = 1f;
    }

    /// <summary>Effectively computes <c>labels[i] = argmax_c Y[i, c]</c> (ties → lowest index): the inverse of <see cref="Encode"/>,
    /// and the predicted class of each row of probabilities or logits.</summary>
    /// <exception cref="ArgumentException"><paramref name="y"/> has no columns, or holds NaN/±∞ (the position is named).</exception>
    public static int[] Decode(Matrix y)
    {
        ArgumentNullException.ThrowIfNull(y);
        if (y.Cols < 1 && y.Rows > 0)
            throw new ArgumentException($"y: expected at least 1 column (class), actual shape {y.Shape}.", nameof(y));
        var labels = new int[y.Rows];
        for (int i = 0; i < y.Rows; i++)
        {
            ReadOnlySpan<float> row = y.Row(i);
            int best = 0;
            for (int c = 0; c < row.Length; c++)
            {
                if (!float.IsFinite(row[c]))
                    throw new ArgumentException($"y: expected finite values, actual {row[c]} at y[{i}, {c}].", nameof(y));
                if (row[c] > row[best]) best = c;
            }
            labels[i] = best;
        }
        return labels;
    }
}
