namespace CourseKit.Devices;

/// <summary>The row-wise maps over logits a device implements.</summary>
internal enum RowOp
{
    /// <summary>exp(z − max) / Σ exp(z − max).</summary>
    Softmax,
    /// <summary>(z − max) − log Σ exp(z − max).</summary>
    LogSoftmax,
    /// <summary>One-hot of the row's argmax (ties → lowest index).</summary>
    Hardmax,
}
