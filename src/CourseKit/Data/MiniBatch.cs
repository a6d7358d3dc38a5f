using CourseKit.Tensors;

namespace CourseKit.Data;

/// <summary>One mini-batch: B rows of features and their B labels.</summary>
/// <remarks>The matrix and the label array belong to the caller (the trainer's internal path alone reuses buffers).</remarks>
public readonly struct MiniBatch
{
    internal MiniBatch(Matrix features, int[] labels, int index)
    {
        Features = features;
        Labels = labels;
        Index = index;
    }

    /// <summary>B × n features.</summary>
    public Matrix Features { get; }

    /// <summary>B labels.</summary>
    public int[] Labels { get; }

    /// <summary>Position of this batch in the epoch, from 0.</summary>
    public int Index { get; }

    /// <summary>Number of examples B in this batch (the last may be smaller).</summary>
    public int Size => Features.Rows;

    /// <summary>Lets a loop write <c>foreach (var (x, y) in batches.Epoch(e))</c>.</summary>
    public void Deconstruct(out Matrix features, out int[] labels)
    {
        features = Features;
        labels = Labels;
    }
}
