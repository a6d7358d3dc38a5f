using System.Reflection;
using System.Runtime.CompilerServices;

namespace CourseKit.Grading;

/// <summary>Fits a learner's delegate of any signature to a check's inputs, or says why it does not fit.</summary>
internal static class Signatures
{
    /// <summary><c>Func&lt;Matrix, Matrix&gt;</c>, or <c>Func&lt;Matrix, Matrix, float&gt;</c> for a tuple input.</summary>
    public static string Describe(Type input, Type output) =>
        $"Func<{string.Join(", ", ParameterTypes(input).Select(TypeNames.Of))}, {TypeNames.Of(output)}>";

    /// <summary>A function of the boxed input that calls <paramref name="learner"/>, or null with <paramref name="problem"/> set.</summary>
    public static Func<object?, object?>? Adapt(Delegate learner, Type input, out string? problem)
    {
        MethodInfo invoke = learner.GetType().GetMethod("Invoke")!;
        // The target method's own parameter names (the learner's "z"), not the delegate type's ("arg").
        ParameterInfo[] parameters = learner.Method.GetParameters() is { } own && own.Length == invoke.GetParameters().Length
            ? own : invoke.GetParameters();
        Type[] wanted = ParameterTypes(input);
        string got = $"({string.Join(", ", parameters.Select(p => TypeNames.Of(p.ParameterType)))}) → {TypeNames.Of(invoke.ReturnType)}";
        problem = null;
        if (invoke.ReturnType == typeof(void))
            problem = $"your function returns nothing (void); got {got}";
        else if (parameters.Length != wanted.Length)
            problem = $"expected {wanted.Length} parameter{(wanted.Length == 1 ? "" : "s")}, got {got}";
        else
        {
            for (int k = 0; k < wanted.Length && problem is null; k++)
            {
                if (!parameters[k].ParameterType.IsAssignableFrom(wanted[k]))
                    problem = $"parameter {k + 1} ({parameters[k].Name}) should be {TypeNames.Of(wanted[k])}; got {got}";
            }
        }
        if (problem is not null) return null;
        bool spread = IsTuple(input);
        return value => learner.DynamicInvoke(spread ? Items((ITuple)value!) : [value]);
    }

    private static object?[] Items(ITuple t)
    {
        var items = new object?[t.Length];
        for (int k = 0; k < t.Length; k++) items[k] = t[k];
        return items;
    }

    private static Type[] ParameterTypes(Type input) => IsTuple(input) ? input.GetGenericArguments() : [input];

    private static bool IsTuple(Type type) =>
        type.IsValueType && type.IsGenericType && type.FullName!.StartsWith("System.ValueTuple`", StringComparison.Ordinal);
}
