using System.Numerics.Tensors;
using CourseKit.Tensors;

namespace CourseKit.Autodiff;

// Arithmetic with float constants on either side, so a cost reads like the lecture: w * w - 10 * w + 25.
public sealed partial class Variable
{
    /// <summary>Effectively computes <c>x + c</c> for every element.</summary>
    /// <remarks>Backward: <c>dx += dy</c>.</remarks>
    public static Variable operator +(Variable x, float c) => Affine("add", x, 1f, c);

    /// <summary>Effectively computes <c>c + x</c> for every element.</summary>
    /// <remarks>Backward: <c>dx += dy</c>.</remarks>
    public static Variable operator +(float c, Variable x) => Affine("add", x, 1f, c);

    /// <summary>Effectively computes <c>x − c</c> for every element.</summary>
    /// <remarks>Backward: <c>dx += dy</c>.</remarks>
    public static Variable operator -(Variable x, float c) => Affine("sub", x, 1f, -c);

    /// <summary>Effectively computes <c>c − x</c> for every element.</summary>
    /// <remarks>Backward: <c>dx −= dy</c>.</remarks>
    public static Variable operator -(float c, Variable x) => Affine("sub", x, -1f, c);

    /// <summary>Effectively computes <c>x · c</c> for every element.</summary>
    /// <remarks>Backward: <c>dx += c · dy</c>.</remarks>
    public static Variable operator *(Variable x, float c) => Affine("mul", x, c, 0f);

    /// <summary>Effectively computes <c>c · x</c> for every element.</summary>
    /// <remarks>Backward: <c>dx += c · dy</c>.</remarks>
    public static Variable operator *(float c, Variable x) => Affine("mul", x, c, 0f);

    /// <summary>Effectively computes <c>x / c</c> for every element (e.g. a sum divided by the batch size).</summary>
    /// <remarks>Backward: <c>dx += dy / c</c>. Dividing by a variable is <c>x * y.Pow(-1)</c>.</remarks>
    /// <exception cref="ArgumentException"><paramref name="c"/> is 0, NaN or ±∞.</exception>
    public static Variable operator /(Variable x, float c)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (c == 0f || !float.IsFinite(c))
            throw new ArgumentException($"div: expected a finite, nonzero divisor, actual {c}.", nameof(c));
        var y = new Matrix(x.Value.Rows, x.Value.Cols);
        TensorPrimitives.Divide(x.Value.AsSpan(), c, y.AsSpan());
        return FromOp("div", y, [x], dy => x.Accumulate(dy, 1f / c));
    }

    // y = scale · x + shift; dx += scale · dy. Each public form rounds exactly like the single operation it names.
    private static Variable Affine(string op, Variable x, float scale, float shift)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (!float.IsFinite(scale) || !float.IsFinite(shift))
            throw new ArgumentException($"{op}: expected a finite constant, actual {(float.IsFinite(scale) ? shift : scale)}.", "c");
        var y = new Matrix(x.Value.Rows, x.Value.Cols);
        TensorPrimitives.Multiply(x.Value.AsSpan(), scale, y.AsSpan());
        if (shift != 0f) TensorPrimitives.Add(y.AsSpan(), shift, y.AsSpan());
        return FromOp(op, y, [x], dy => x.Accumulate(dy, scale));
    }
}
