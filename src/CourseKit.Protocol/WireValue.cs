namespace CourseKit.Grading.Protocol;

/// <summary>
/// A value crossing the process boundary: a case's input going to the learner's process, or what the learner's
/// function returned coming back. Only plain data: numbers bit for bit (NaN, −0 and ±∞ survive), arrays, matrices
/// (row-major float32), tuples of them, and — for anything else a learner's function returns — its type's name.
/// </summary>
public abstract record WireValue;

/// <summary>null.</summary>
public sealed record WireNull : WireValue
{
    /// <summary>The one null.</summary>
    public static WireNull Instance { get; } = new();
}

/// <summary>A float.</summary>
public sealed record WireFloat(float Value) : WireValue;

/// <summary>A double.</summary>
public sealed record WireDouble(double Value) : WireValue;

/// <summary>An int.</summary>
public sealed record WireInt(int Value) : WireValue;

/// <summary>A bool.</summary>
public sealed record WireBool(bool Value) : WireValue;

/// <summary>A string (bounded by <see cref="ProtocolLimits.MaxText"/>).</summary>
public sealed record WireString(string Value) : WireValue;

/// <summary>A float[].</summary>
public sealed record WireFloats(float[] Values) : WireValue;

/// <summary>A double[].</summary>
public sealed record WireDoubles(double[] Values) : WireValue;

/// <summary>An int[].</summary>
public sealed record WireInts(int[] Values) : WireValue;

/// <summary>A matrix: <paramref name="Rows"/> × <paramref name="Cols"/>, row-major.</summary>
public sealed record WireMatrix(int Rows, int Cols, float[] Data) : WireValue;

/// <summary>A value tuple.</summary>
public sealed record WireTuple(IReadOnlyList<WireValue> Items) : WireValue;

/// <summary>An array of values that are not numbers (matrices, tuples): at most <see cref="ProtocolLimits.MaxArrayItems"/>.</summary>
public sealed record WireArray(IReadOnlyList<WireValue> Items) : WireValue;

/// <summary>A value of one of CourseKit's own enums, by the enum's full name and the value's name.</summary>
public sealed record WireEnum(string Type, string Name) : WireValue;

/// <summary>
/// A function as data: one of the families CourseKit defines for its checks (a cost J(θ), say) and the numbers that
/// pick one member. Each process rebuilds the function from its own code, so no code crosses the boundary.
/// </summary>
public sealed record WireFunction(string Family, double[] Parameters) : WireValue;

/// <summary>
/// A value that does not cross: a type the protocol does not carry, or one too large to. The grader reports a wrong
/// type (or shape) from it.
/// </summary>
/// <param name="TypeName">The type's short name as the learner would write it (<c>List&lt;float&gt;</c>).</param>
/// <param name="Shape">The shape when the value was too large (<c>(10000 × 10000)</c>), else null.</param>
public sealed record WireOther(string TypeName, string? Shape = null) : WireValue;
