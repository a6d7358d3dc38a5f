using System.Numerics.Tensors;
using CourseKit.Tensors;

namespace CourseKit.Autodiff;

public sealed partial class Variable
{
    /// <summary>Effectively computes the 1 × 1 sum of all elements, <c>Σᵢⱼ x[i, j]</c> (0 for an empty matrix).</summary>
    /// <remarks>Backward: every element gets the same <c>dx[i, j] += dy</c>.</remarks>
    public Variable Sum()
    {
        var y = Matrix.Full(1, 1, TensorPrimitives.Sum(Value.AsSpan()));
        return FromOp("sum", y, [this], dy => AddEverywhere(dy.Data[0]));
    }

    /// <summary>Effectively computes the 1 × 1 mean of all elements, <c>(1/N) Σᵢⱼ x[i, j]</c> with N = rows × cols.</summary>
    /// <remarks>Backward: <c>dx[i, j] += dy / N</c>.</remarks>
    /// <exception cref="InvalidOperationException">The matrix is empty (the mean of nothing is undefined).</exception>
    public Variable Mean()
    {
        int n = Value.Length;
        if (n == 0) throw new InvalidOperationException($"mean: expected at least one element, actual shape {Shape}.");
        var y = Matrix.Full(1, 1, TensorPrimitives.Sum(Value.AsSpan()) / n);
        return FromOp("mean", y, [this], dy => AddEverywhere(dy.Data[0] / n));
    }

    private void AddEverywhere(float g)
    {
        Span<float> grad = GradBuffer().AsSpan();
        TensorPrimitives.Add(grad, g, grad);
    }
}
