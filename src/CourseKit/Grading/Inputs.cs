using System.Runtime.CompilerServices;
using CourseKit.Tensors;

namespace CourseKit.Grading;

/// <summary>
/// Fresh copies of a case's inputs (each call of the learner and of the reference gets its own), and detection of a
/// learner function that changed the copy it was given.
/// </summary>
public static class Inputs
{
    /// <summary>
    /// A deep copy of <paramref name="value"/>: <see cref="Matrix"/>, arrays and value tuples of them are copied;
    /// strings and primitives are immutable and returned as they are.
    /// </summary>
    public static T Copy<T>(T value) => (T)CopyObject(value)!;

    /// <summary>
    /// The first difference between <paramref name="before"/> (a pristine copy) and <paramref name="after"/> (what the
    /// learner was given), as <c>z at row 0, col 1 (was 5, now 0.842)</c>; null when nothing changed. Without
    /// <paramref name="revealValues"/> only the position is named.
    /// </summary>
    public static string? FindChange(object? before, object? after, IReadOnlyList<string> names, bool revealValues)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (before is ITuple tb && after is ITuple ta && before is not string)
        {
            for (int k = 0; k < tb.Length; k++)
            {
                if (Change(tb[k], ta[k], NameAt(names, k), revealValues) is { } change) return change;
            }
            return null;
        }
        return Change(before, after, NameAt(names, 0), revealValues);
    }

    private static string NameAt(IReadOnlyList<string> names, int k) => k < names.Count ? names[k] : $"input {k + 1}";

    private static string? Change(object? before, object? after, string name, bool reveal)
    {
        switch (before, after)
        {
            case (Matrix b, Matrix a):
                if (a.Shape != b.Shape) return $"{name} (its shape went from {b.Shape} to {a.Shape})";
                return FirstDifference(b.AsSpan(), a.AsSpan(), name, b.Cols, reveal);
            case (float[] b, float[] a): return FirstDifference(b, a, name, -1, reveal);
            case (double[] b, double[] a):
                return FirstDifference(Array.ConvertAll(b, v => (float)v), Array.ConvertAll(a, v => (float)v), name, -1, reveal);
            case (int[] b, int[] a):
                return FirstDifference(Array.ConvertAll(b, v => (float)v), Array.ConvertAll(a, v => (float)v), name, -1, reveal);
            default: return null;
        }
    }

    private static string? FirstDifference(ReadOnlySpan<float> before, ReadOnlySpan<float> after, string name, int cols, bool reveal)
    {
        for (int i = 0; i < before.Length; i++)
        {
            // Compare bits: a NaN that stays NaN is no change, and −0 → +0 is not worth a complaint either.
            if (before[i] == after[i] || (float.IsNaN(before[i]) && float.IsNaN(after[i]))) continue;
            string at = ElementIndex.FromFlat(i, cols).ToString();
            return reveal ? $"{name} at {at} (was {Numbers.Exact(before[i])}, now {Numbers.Exact(after[i])})" : $"{name} at {at}";
        }
        return null;
    }

    private static object? CopyObject(object? value) => value switch
    {
        null => null,
        Matrix m => m.Clone(),
        Array a when a.Rank == 1 && a.GetType().GetElementType() is { IsValueType: false } => DeepArray(a),
        Array a => a.Clone(),
        ITuple t when value.GetType().IsValueType => CopyTuple(value.GetType(), t),
        _ => value,
    };

    private static Array DeepArray(Array a)
    {
        var copy = (Array)a.Clone();
        for (int i = 0; i < copy.Length; i++) copy.SetValue(CopyObject(a.GetValue(i)), i);
        return copy;
    }

    private static object CopyTuple(Type type, ITuple t)
    {
        var items = new object?[t.Length];
        for (int k = 0; k < t.Length; k++) items[k] = CopyObject(t[k]);
        return Activator.CreateInstance(type, items)!;
    }
}
