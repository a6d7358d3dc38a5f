using CourseKit.Tensors;
using CourseKit.Kernels;

namespace CourseKit.Autodiff;

// The activations, each on the library kernel for its forward and its backward.
public sealed partial class Variable
{
    /// <summary>Effectively computes <c>max(x, 0)</c> for every element.</summary>
    /// <remarks>Backward: <c>dx += dy</c> where x &gt; 0, else 0 (the subgradient at 0 is 0, as in PyTorch).</remarks>
    /// <exception cref="ArgumentException">The input holds NaN or ±∞ (relu would hide a NaN as 0).</exception>
    public Variable Relu()
    {
        Matrix x = Value, y = new(x.Rows, x.Cols);
        RequireFiniteInput("relu", x);
        CpuKernels.Relu(x.AsSpan(), y.AsSpan());
        return FromOp("relu", y, [this], dy => Accumulate(Apply(x, dy, CpuKernels.ReluBackward)));
    }

    /// <summary>Effectively computes <c>tanh(x)</c> for every element.</summary>
    /// <remarks>Backward: <c>dx += dy ⊙ (1 − a²)</c> with a = tanh(x), the forward result.</remarks>
    /// <exception cref="ArgumentException">The input holds NaN or ±∞; the message names the first position.</exception>
    public Variable Tanh()
    {
        Matrix x = Value, a = new(x.Rows, x.Cols);
        RequireFiniteInput("tanh", x);
        CpuKernels.Tanh(x.AsSpan(), a.AsSpan());
        return FromOp("tanh", a, [this], dy => Accumulate(Apply(a, dy, CpuKernels.TanhBackward)));
    }

    /// <summary>Effectively computes <c>σ(x) = 1 / (1 + e⁻ˣ)</c> for every element.</summary>
    /// <remarks>Backward: <c>dx += dy ⊙ a ⊙ (1 − a)</c> with a = σ(x), the forward result.</remarks>
    /// <exception cref="ArgumentException">The input holds NaN or ±∞; the message names the first position.</exception>
    public Variable Sigmoid()
    {
        Matrix x = Value, a = new(x.Rows, x.Cols);
        RequireFiniteInput("sigmoid", x);
        CpuKernels.Sigmoid(x.AsSpan(), a.AsSpan());
        return FromOp("sigmoid", a, [this], dy => Accumulate(Apply(a, dy, CpuKernels.SigmoidBackward)));
    }

    private delegate void BackwardKernel(ReadOnlySpan<float> saved, ReadOnlySpan<float> dy, Span<float> dx);

    private static Matrix Apply(Matrix saved, Matrix dy, BackwardKernel kernel)
    {
        var dx = new Matrix(saved.Rows, saved.Cols);
        kernel(saved.AsSpan(), dy.AsSpan(), dx.AsSpan());
        return dx;
    }
}
