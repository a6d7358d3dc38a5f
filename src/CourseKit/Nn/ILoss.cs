using CourseKit.Tensors;

namespace CourseKit.Nn;

/// <summary>A classification cost on a model's raw outputs (logits), fused with its gradient.</summary>
/// <remarks>
/// A custom loss implements <see cref="Compute"/> and <see cref="Predict"/>; gradient checking runs it in double
/// when it also implements <see cref="IDoublePrecisionLoss"/> (the built-in losses do), else in float.
/// </remarks>
public interface ILoss
{
    /// <summary>Short name for summaries, e.g. <c>softmax_cross_entropy</c>; by default the type's name.</summary>
    string Name => GetType().Name;

    /// <summary>The mean cost J over the batch; writes ∂J/∂(logits) into <paramref name="gradient"/> when given.</summary>
    float Compute(Matrix logits, ReadOnlySpan<int> labels, Matrix? gradient);

    /// <summary>Predicted class per row of <paramref name="logits"/>.</summary>
    int[] Predict(Matrix logits);
}

/// <summary>The optional double-precision path of a loss, on the reference kernels, for gradient checking in double.</summary>
public interface IDoublePrecisionLoss
{
    /// <summary>The mean cost J of row-major <paramref name="logits"/> (rows × cols) in double, and ∂J/∂(logits) in <paramref name="gradient"/>.</summary>
    double ComputeDouble(double[] logits, int rows, int cols, int[] labels, out double[] gradient);
}
