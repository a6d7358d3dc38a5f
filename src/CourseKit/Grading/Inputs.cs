using System.Runtime.CompilerServices;
using CourseKit.Grading.Protocol;
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
        return FindChangeAt(before, after) is { } change ? Describe(change, before, names, revealValues) : null;
    }

    /// <summary>The first difference between <paramref name="before"/> and <paramref name="after"/> as data, or null.</summary>
    public static InputChange? FindChangeAt(object? before, object? after)
    {
        if (before is ITuple tb && after is ITuple ta && before is not string)
        {
            for (int k = 0; k < tb.Length && k < ta.Length; k++)
            {
                if (Change(tb[k], ta[k], k) is { } change) return change;
            }
            return null;
        }
        return Change(before, after, 0);
    }

    /// <summary>
    /// <paramref name="change"/> as the learner reads it: <c>z at row 0, col 1 (was 5, now 0.842)</c>, or
    /// <c>z at row 0, col 1</c> without <paramref name="revealValues"/>; null when it names no element of
    /// <paramref name="before"/> (a change reported by a process that was not to be trusted).
    /// </summary>
    public static string? Describe(InputChange change, object? before, IReadOnlyList<string> names, bool revealValues)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(names);
        object? input = before is ITuple t && before is not string ? (change.Input < t.Length ? t[change.Input] : null) : change.Input == 0 ? before : null;
        string name = change.Input < names.Count ? names[change.Input] : $"input {change.Input + 1}";
        var (values, cols) = Elements(input);
        if (values is null) return null;
        if (change.NewShape is not null)
            return input is Matrix m ? $"{name} (its shape went from {m.Shape}{(revealValues ? $" to {Bounded(change.NewShape)}" : "")})" : null;
        if (change.Index >= values.Length) return null;
        string at = ElementIndex.FromFlat(change.Index, cols).ToString();
        return revealValues ? $"{name} at {at} (was {Numbers.Exact(values[change.Index])}, now {Numbers.Exact(change.Now)})" : $"{name} at {at}";
    }

    private static string Bounded(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static InputChange? Change(object? before, object? after, int input)
    {
        if (before is Matrix b && after is Matrix a && a.Shape != b.Shape) return new InputChange(input, 0, 0, a.Shape.ToString());
        var (was, _) = Elements(before);
        var (now, _) = Elements(after);
        if (was is null || now is null || was.Length != now.Length) return null;
        for (int i = 0; i < was.Length; i++)
        {
            // A NaN that stays NaN is no change, and −0 → +0 is not worth a complaint either.
            if (was[i] == now[i] || (double.IsNaN(was[i]) && double.IsNaN(now[i]))) continue;
            return new InputChange(input, i, now[i]);
        }
        return null;
    }

    private static (double[]? Values, int Cols) Elements(object? value) => value switch
    {
        Matrix m => (Array.ConvertAll(m.AsSpan().ToArray(), v => (double)v), m.Cols),
        float[] f => (Array.ConvertAll(f, v => (double)v), -1),
        double[] d => (d, -1),
        int[] i => (Array.ConvertAll(i, v => (double)v), -1),
        _ => (null, -1),
    };

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
