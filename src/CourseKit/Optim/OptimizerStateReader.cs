using System.Runtime.CompilerServices;
using CourseKit.Kernels;
using CourseKit.Nn;

namespace CourseKit.Optim;

/// <summary>Checks an <see cref="OptimizerState"/> completely before anything is restored, and formats gradient errors.</summary>
internal static class OptimizerStateReader
{
    /// <summary>Validates <paramref name="state"/> and returns copies of its slots grouped by parameter name.</summary>
    public static Dictionary<string, float[][]> Read(OptimizerState state, string typeName, IReadOnlyList<string> slotNames,
        IEnumerable<Parameter>? parameters)
    {
        if (state.OptimizerType != typeName)
            throw Error($"expected optimizer state for {typeName}, actual {state.OptimizerType}.");
        if (state.Steps < 0)
            throw Error($"expected Steps ≥ 0, actual {state.Steps}.");
        Optimizer.CheckLearningRate(state.LearningRate, "state.LearningRate");
        ArgumentNullException.ThrowIfNull(state.Slots, "state.Slots");

        var grouped = new Dictionary<string, float[][]>(StringComparer.Ordinal);
        foreach (var (key, values) in state.Slots)
        {
            int slash = key.LastIndexOf('/');
            int k = slash < 0 ? -1 : IndexOf(slotNames, key[(slash + 1)..]);
            if (k < 0)
                throw Error($"slot '{key}': expected a name like 'dense1.W/{(slotNames.Count > 0 ? slotNames[0] : "?")}' with a slot in " +
                            $"[{string.Join(", ", slotNames)}] for {typeName}, actual '{key}'.");
            if (values is null) throw Error($"slot '{key}': expected an array, actual null.");
            if (!Finite.All(values)) throw Error($"slot '{key}': expected finite values, actual a NaN or ±∞.");
            string name = key[..slash];
            if (!grouped.TryGetValue(name, out var slots)) grouped[name] = slots = new float[slotNames.Count][];
            slots[k] = (float[])values.Clone();
        }

        foreach (var (name, slots) in grouped)
        {
            for (int k = 0; k < slots.Length; k++)
            {
                if (slots[k] is null) throw Error($"parameter '{name}': expected slot '{name}/{slotNames[k]}', actual missing.");
                if (slots[k].Length != slots[0].Length)
                    throw Error($"slot '{name}/{slotNames[k]}': expected length {slots[0].Length} like '{name}/{slotNames[0]}', actual {slots[k].Length}.");
            }
        }
        if (parameters is not null) MatchParameters(grouped, parameters);
        return grouped;
    }

    private static void MatchParameters(Dictionary<string, float[][]> grouped, IEnumerable<Parameter> parameters)
    {
        var byName = new Dictionary<string, Parameter>(StringComparer.Ordinal);
        foreach (var p in parameters)
            if (p is { Trainable: true }) byName[p.Name] = p;
        foreach (var (name, slots) in grouped)
        {
            if (!byName.TryGetValue(name, out var p))
                throw Error($"parameter '{name}': expected a trainable parameter of that name, actual none among [{string.Join(", ", byName.Keys)}].");
            if (slots.Length > 0 && slots[0].Length != p.Count)
                throw Error($"slot '{name}/…': expected length {p.Count} (shape {p.Value.Shape}), actual {slots[0].Length}.");
        }
    }

    /// <summary>Throws "dense1.W: gradient has NaN at [3, 4]" for the first non-finite element of the gradient.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void ThrowNonFiniteGradient(Parameter p)
    {
        ReadOnlySpan<float> g = p.Grad.AsSpan();
        int cols = Math.Max(p.Grad.Cols, 1);
        for (int i = 0; i < g.Length; i++)
        {
            if (float.IsFinite(g[i])) continue;
            string what = float.IsNaN(g[i]) ? "NaN" : g[i] > 0 ? "+∞" : "−∞";
            throw new ArgumentException(
                $"{p.Name}: gradient has {what} at [{i / cols}, {i % cols}]; expected finite gradients. Nothing was updated " +
                "(a diverging loss or too large a learning rate is the usual cause).", "parameters");
        }
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (int i = 0; i < names.Count; i++)
            if (names[i] == name) return i;
        return -1;
    }

    private static ArgumentException Error(string message) => new($"state: {message}", "state");
}
