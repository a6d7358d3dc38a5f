using System.Numerics.Tensors;
using CourseKit.Kernels;
using CourseKit.Tensors;

namespace CourseKit.Autodiff;

// Elementwise power, exponential and logarithm. Where the real result is undefined or overflows float32, they throw
// an ArgumentException naming the op and the first offending element instead of returning NaN or ±∞.
// The finiteness checks shared by every op live here too.
public sealed partial class Variable
{
    /// <summary>Effectively computes <c>x^p</c> for every element, with a constant exponent <paramref name="p"/>.</summary>
    /// <remarks>
    /// Backward: <c>dx += p · x^(p−1) · dy</c> (0 when p = 0). At x = 0 with 0 &lt; p &lt; 1 the derivative is +∞, as the math says.
    /// </remarks>
    /// <exception cref="ArgumentException">
    /// <paramref name="p"/> is not finite, or an element has no finite real power: x &lt; 0 with a non-integer p, x = 0 with p &lt; 0, overflow.
    /// </exception>
    public Variable Pow(float p)
    {
        if (!float.IsFinite(p)) throw new ArgumentException($"pow: expected a finite exponent, actual {p}.", nameof(p));
        Matrix x = Value;
        Matrix y = Map(x, (s, d) => TensorPrimitives.Pow(s, p, d));
        RequireFinite("pow", x, y, $"x^{p} is a finite real number only for x > 0 when p is not an integer, and for x ≠ 0 when p < 0");
        return FromOp("pow", y, [this], dy =>
        {
            if (p == 0f) return;  // constant 1: no gradient (and no 0 · 0⁻¹ = NaN at x = 0)
            Matrix g = Map(x, (s, d) => TensorPrimitives.Pow(s, p - 1f, d));
            TensorPrimitives.Multiply(g.AsSpan(), dy.AsSpan(), g.AsSpan());
            Accumulate(g, p);
        });
    }

    /// <summary>Effectively computes <c>eˣ</c> for every element.</summary>
    /// <remarks>Backward: <c>dx += dy ⊙ eˣ</c> (the forward result, kept).</remarks>
    /// <exception cref="ArgumentException">An element overflows float32 (x &gt; ≈ 88.7) or is NaN.</exception>
    public Variable Exp()
    {
        Matrix x = Value;
        Matrix y = Map(x, TensorPrimitives.Exp);
        RequireFinite("exp", x, y, "exp overflows float32 above x ≈ 88.7; subtract the row maximum first, as Softmax does");
        return FromOp("exp", y, [this], dy => Accumulate(Times(dy, y)));
    }

    /// <summary>Effectively computes the natural logarithm <c>ln x</c> for every element.</summary>
    /// <remarks>Backward: <c>dx += dy / x</c>.</remarks>
    /// <exception cref="ArgumentException">An element is ≤ 0 (or NaN, +∞): log would give −∞ or NaN.</exception>
    public Variable Log()
    {
        Matrix x = Value;
        Matrix y = Map(x, TensorPrimitives.Log);
        RequireFinite("log", x, y, "log is defined for x > 0 only; for a cost on probabilities use SoftmaxCrossEntropy, which works from the logits");
        return FromOp("log", y, [this], dy =>
        {
            var g = new Matrix(x.Rows, x.Cols);
            TensorPrimitives.Divide(dy.AsSpan(), x.AsSpan(), g.AsSpan());
            Accumulate(g);
        });
    }

    private delegate void SpanMap(ReadOnlySpan<float> source, Span<float> destination);

    private static Matrix Map(Matrix x, SpanMap map)
    {
        var y = new Matrix(x.Rows, x.Cols);
        map(x.AsSpan(), y.AsSpan());
        return y;
    }

    // Scans the result, not the input: one check covers domain errors, overflow and NaN inputs alike.
    private static void RequireFinite(string op, Matrix x, Matrix y, string why)
    {
        if (Finite.All(y.AsSpan())) return;
        int i = FirstNonFinite(y);
        throw new ArgumentException($"{op}: x{Where(x, i)} = {x.Data[i]} gives {y.Data[i]} (shape {x.Shape}); {why}.", "x");
    }

    // Where a kernel would reject NaN/±∞ (tanh, softmax) or silently map it (relu: NaN → 0), say so naming the op.
    private static void RequireFiniteInput(string op, Matrix x)
    {
        if (Finite.All(x.AsSpan())) return;
        int i = FirstNonFinite(x);
        throw new ArgumentException($"{op}: expected finite inputs, actual x{Where(x, i)} = {x.Data[i]} (shape {x.Shape}).", "x");
    }

    private static int FirstNonFinite(Matrix m) => Array.FindIndex(m.Data, v => !float.IsFinite(v));

    private static string Where(Matrix x, int i) => $"[{i / x.Cols}, {i % x.Cols}]";
}
