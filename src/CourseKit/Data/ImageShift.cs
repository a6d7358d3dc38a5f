using CourseKit.Tensors;

namespace CourseKit.Data;

/// <summary>
/// Shifted copies of small images stored one per row (row-major pixels, height × width): the simplest data
/// augmentation for digits, and a way to build a dev set from another distribution than the training set.
/// </summary>
/// <remarks>
/// A shift by (dy, dx) moves every pixel dy rows down and dx columns right; pixels that leave the image are lost and
/// the uncovered ones are 0 (the background of the digits). A label does not change when its digit moves by a pixel.
/// </remarks>
public static class ImageShift
{
    /// <summary>
    /// Effectively computes <c>out[i, r·width + c] = images[i, (r − dy)·width + (c − dx)]</c> where that pixel exists,
    /// else 0, for every image (row) i. Returns a new m × (height·width) matrix.
    /// </summary>
    /// <param name="images">m images, one per row, each height·width pixels.</param>
    /// <param name="height">Image height in pixels (8 for digits).</param>
    /// <param name="width">Image width in pixels (8 for digits).</param>
    /// <param name="dy">Rows to move down (negative: up), |dy| &lt; height.</param>
    /// <param name="dx">Columns to move right (negative: left), |dx| &lt; width.</param>
    public static Matrix Shift(Matrix images, int height, int width, int dy, int dx)
    {
        CheckImages(images, height, width);
        CheckShift(dy, height, nameof(dy));
        CheckShift(dx, width, nameof(dx));
        var shifted = new Matrix(images.Rows, images.Cols);
        for (int i = 0; i < images.Rows; i++) ShiftOne(images.Row(i), shifted.Row(i), height, width, dy, dx);
        return shifted;
    }

    /// <summary>Every example of <paramref name="data"/> shifted by (dy, dx), with the same labels (a new data set).</summary>
    public static Dataset Shift(Dataset data, int height, int width, int dy, int dx)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new Dataset(Shift(data.Features, height, width, dy, dx), (int[])data.Labels.Clone(), data.ClassCount,
            data.ClassNames, data.FeatureNames, data.Name);
    }

    /// <summary>
    /// Data augmentation: the original examples followed by <paramref name="copies"/> shifted copies of each, every
    /// copy shifted by a random (dy, dx) with |dy|, |dx| ≤ <paramref name="maxShift"/>, not both 0 (seeded).
    /// Returns (1 + copies)·m examples: all originals first, then copy 1 of every example, then copy 2, …
    /// </summary>
    public static Dataset Augment(Dataset data, int height, int width, int maxShift, int copies, int seed)
    {
        ArgumentNullException.ThrowIfNull(data);
        CheckImages(data.Features, height, width);
        if (maxShift < 1 || maxShift >= Math.Min(height, width))
            throw new ArgumentOutOfRangeException(nameof(maxShift), maxShift, $"maxShift: expected 1 ≤ maxShift < {Math.Min(height, width)} (the image side), actual {maxShift}.");
        ArgumentOutOfRangeException.ThrowIfNegative(copies);
        int m = data.Count, n = data.FeatureCount;
        var features = new Matrix((1 + copies) * m, n);
        var labels = new int[(1 + copies) * m];
        var random = new Random(seed);
        for (int k = 0; k <= copies; k++)
        {
            for (int i = 0; i < m; i++)
            {
                var (dy, dx) = k == 0 ? (0, 0) : RandomShift(random, maxShift);
                ShiftOne(data.Features.Row(i), features.Row(k * m + i), height, width, dy, dx);
                labels[k * m + i] = data.Labels[i];
            }
        }
        return new Dataset(features, labels, data.ClassCount, data.ClassNames, data.FeatureNames, data.Name);
    }

    private static (int Dy, int Dx) RandomShift(Random random, int maxShift)
    {
        while (true)
        {
            int dy = random.Next(-maxShift, maxShift + 1), dx = random.Next(-maxShift, maxShift + 1);
            if (dy != 0 || dx != 0) return (dy, dx);
        }
    }

    private static void ShiftOne(ReadOnlySpan<float> source, Span<float> destination, int height, int width, int dy, int dx)
    {
        destination.Clear();
        for (int r = Math.Max(0, dy); r < Math.Min(height, height + dy); r++)
        {
            int fromColumn = Math.Max(0, -dx), toColumn = Math.Max(0, dx), length = width - Math.Abs(dx);
            source.Slice((r - dy) * width + fromColumn, length).CopyTo(destination.Slice(r * width + toColumn, length));
        }
    }

    private static void CheckImages(Matrix images, int height, int width)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        if (images.Cols != height * width)
            throw new ArgumentException($"images: expected {height}·{width} = {height * width} pixels per row, actual {images.Cols} columns.", nameof(images));
    }

    private static void CheckShift(int shift, int side, string name)
    {
        if (Math.Abs(shift) >= side)
            throw new ArgumentOutOfRangeException(name, shift, $"{name}: expected |{name}| < {side} (the image side), actual {shift}.");
    }
}
