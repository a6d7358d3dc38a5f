using System.Runtime.CompilerServices;

namespace CourseKit.Grading;

/// <summary>
/// Functions that cross the process boundary as data. A check whose exercise takes a function (a cost J(θ) for a
/// gradient check) builds it here from a family and its numbers; the grader sends the family and the numbers, and the
/// learner's process rebuilds the same function from its own copy of this code. Any other delegate does not cross.
/// </summary>
public static class WireFunctions
{
    private sealed record Description(string Family, double[] Parameters);

    private static readonly ConditionalWeakTable<Delegate, Description> Described = new();

    // Every family: numbers → J(θ). Parameters are checked by the family, so a malformed message cannot index out.
    private static readonly Dictionary<string, Func<double[], Func<double[], double>>> Families = new()
    {
        ["cube"] = _ => t => t[0] * t[0] * t[0],
        ["square-times-next-plus-cube"] = _ => t => t[0] * t[0] * t[1] + t[1] * t[1] * t[1],
        ["sum-of-sine-times-square"] = _ => t => t.Sum(v => Math.Sin(v) * v * v),
        ["cubic-chain"] = CubicChain,
    };

    /// <summary>J(θ) of <paramref name="family"/> with <paramref name="parameters"/>, remembered so that it can be sent.</summary>
    /// <exception cref="ArgumentException">The family is not one of CourseKit's.</exception>
    public static Func<double[], double> Cost(string family, params double[] parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (!Families.TryGetValue(family, out var make))
            throw new ArgumentException($"family: expected one of [{string.Join(", ", Families.Keys)}], actual '{family}'.", nameof(family));
        var cost = make(parameters);
        Described.AddOrUpdate(cost, new Description(family, (double[])parameters.Clone()));   // a family without captures returns one cached delegate
        return cost;
    }

    /// <summary>The family and numbers of a function built by <see cref="Cost"/>; false for any other delegate.</summary>
    public static bool TryDescribe(Delegate function, out string family, out double[] parameters)
    {
        bool known = Described.TryGetValue(function, out var d);
        (family, parameters) = known ? (d!.Family, (double[])d.Parameters.Clone()) : ("", []);
        return known;
    }

    /// <summary>J(θ) = Σ_i a_i θ_i³ + Σ_i b_i θ_i θ_(i+1), parameters a then b (equal halves).</summary>
    private static Func<double[], double> CubicChain(double[] p)
    {
        if (p.Length % 2 != 0) throw new ArgumentException($"parameters: expected a then b (an even count), actual {p.Length}.", nameof(p));
        double[] a = p[..(p.Length / 2)], b = p[(p.Length / 2)..];
        return t =>
        {
            if (t.Length != a.Length) throw new ArgumentException($"theta: expected length {a.Length}, actual {t.Length}.", nameof(t));
            double j = 0;
            for (int i = 0; i < t.Length; i++) j += a[i] * t[i] * t[i] * t[i] + (i + 1 < t.Length ? b[i] * t[i] * t[i + 1] : 0);
            return j;
        };
    }
}
