using System.Text;

namespace CourseKit.Grading;

/// <summary>What kind of difference a comparison found.</summary>
public enum Mismatch
{
    /// <summary>The output matches.</summary>
    None,

    /// <summary>The output has the wrong type (or is null).</summary>
    WrongType,

    /// <summary>The output has the right type and the wrong shape or length.</summary>
    WrongShape,

    /// <summary>The output has the right shape and some elements are not close enough.</summary>
    WrongValues,
}

/// <summary>
/// The outcome of comparing a learner's output with the reference's: the mismatch kind, both types or shapes, and for
/// wrong values the worst element (expected vs actual there), the max abs and rel errors and how many elements differ.
/// </summary>
public sealed record Comparison
{
    /// <summary>The kind of difference; <see cref="Mismatch.None"/> when the output matches.</summary>
    public Mismatch Kind { get; init; }

    /// <summary>Whether the output matches.</summary>
    public bool Passed => Kind == Mismatch.None;

    /// <summary>Expected type or shape, e.g. <c>Matrix</c> or <c>(1 × 4)</c> (for type and shape mismatches), or the expected value of a non-numeric output (<c>true</c>).</summary>
    public string? ExpectedForm { get; init; }

    /// <summary>Actual type or shape, e.g. <c>null</c>, <c>float[]</c> or <c>(4 × 1)</c>.</summary>
    public string? ActualForm { get; init; }

    /// <summary>Number of elements compared.</summary>
    public int Count { get; init; }

    /// <summary>Number of elements outside the tolerance.</summary>
    public int Mismatches { get; init; }

    /// <summary>Number of elements that are NaN or ±∞ where a finite number was expected.</summary>
    public int NonFinite { get; init; }

    /// <summary>The worst element: the first NaN/±∞ where a number was expected, else the largest abs error among mismatches.</summary>
    public ElementIndex? Worst { get; init; }

    /// <summary>Expected value at <see cref="Worst"/>.</summary>
    public double Expected { get; init; }

    /// <summary>Actual value at <see cref="Worst"/>.</summary>
    public double Actual { get; init; }

    /// <summary>Largest |actual − expected| over the elements where both are finite.</summary>
    public double MaxAbsError { get; init; }

    /// <summary>Largest |actual − expected| / |expected| over the elements where both are finite and expected ≠ 0.</summary>
    public double MaxRelError { get; init; }

    /// <summary>The tolerance used.</summary>
    public Tolerance Tolerance { get; init; } = Tolerance.Exact;

    /// <summary>Which of several outputs differs (<c>dGamma</c> of <c>(dz, dGamma, dBeta)</c>); null for a single output.</summary>
    public string? Output { get; init; }

    /// <summary>A match.</summary>
    public static Comparison Match(Tolerance tolerance) => new() { Tolerance = tolerance };

    /// <summary>A type mismatch between <paramref name="expected"/> and <paramref name="actual"/> type names.</summary>
    public static Comparison TypeMismatch(string expected, string actual) =>
        new() { Kind = Mismatch.WrongType, ExpectedForm = expected, ActualForm = actual };

    /// <summary>One non-numeric value (a bool, a name) that differs: <paramref name="expected"/> and <paramref name="actual"/> as text.</summary>
    public static Comparison ValueMismatch(string expected, string actual) =>
        new() { Kind = Mismatch.WrongValues, ExpectedForm = expected, ActualForm = actual, Count = 1, Mismatches = 1 };

    /// <summary>A shape mismatch between <paramref name="expected"/> and <paramref name="actual"/> shapes.</summary>
    public static Comparison ShapeMismatch(string expected, string actual) =>
        new() { Kind = Mismatch.WrongShape, ExpectedForm = expected, ActualForm = actual };

    /// <summary>
    /// One line for the learner. With <paramref name="revealExpected"/> false (hidden cases) the line says only what
    /// kind of difference it is: no expected value, no error size (an error next to a chosen output would give the
    /// expected value away), no position, count or shape (the learner's code chooses those, and could write the hidden
    /// input into them).
    /// </summary>
    public string Describe(bool revealExpected = true) => revealExpected ? DescribeVisible() : DescribeHidden();

    private string DescribeHidden()
    {
        string output = Output is null ? "" : $"{Output}: ";
        bool scalar = Worst is { Rank: 0 } || (Worst is null && ExpectedForm is not null);   // a number or a bool
        return Kind switch
        {
            Mismatch.None => "matches",
            Mismatch.WrongType => $"{output}wrong type: expected {ExpectedForm}{(KnownForms.Contains(ActualForm ?? "") ? $", got {ActualForm}" : "")}",
            Mismatch.WrongShape => $"{output}wrong shape",
            _ => output + (scalar ? "wrong value" : "wrong values") + (NonFinite > 0 ? " (NaN or ±∞ where the reference has numbers)" : ""),
        };
    }

    // Type names that say nothing the learner chose: the ones the checks' own signatures use.
    private static readonly HashSet<string> KnownForms = ["null", "Matrix", "float", "double", "int", "bool", "float[]", "double[]", "int[]", "Variable"];

    private string DescribeVisible()
    {
        string output = Output is null ? "" : $"{Output}: ";
        switch (Kind)
        {
            case Mismatch.None: return "matches";
            case Mismatch.WrongType: return $"{output}wrong type: expected {ExpectedForm}, got {ActualForm}";
            case Mismatch.WrongShape: return $"{output}wrong shape: expected {ExpectedForm}, got {ActualForm}";
        }
        if (Worst is null && ExpectedForm is not null)
            return $"{output}wrong value: expected {ExpectedForm}, got {ActualForm}";   // a bool: both values are its form
        var sb = new StringBuilder(output);
        bool scalar = Worst is { Rank: 0 };
        sb.Append(scalar ? "wrong value" : $"wrong values: {Mismatches} of {Count} elements differ");
        if (Worst is { } at)
            sb.Append(scalar ? ": " : $"; worst at {at}: ").Append($"expected {Numbers.Exact(Expected)}, actual {Numbers.Exact(Actual)}");
        if (NonFinite > 0 && !scalar)
            sb.Append($"; {NonFinite} element{(NonFinite == 1 ? " is" : "s are")} NaN or ±∞ (the reference's are finite numbers)");
        if (Mismatches > NonFinite)
            sb.Append(scalar ? $"; abs error {Numbers.Short(MaxAbsError)}, rel error {Numbers.Short(MaxRelError)}"
                             : $"; max abs error {Numbers.Short(MaxAbsError)}, max rel error {Numbers.Short(MaxRelError)}");
        return sb.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => Describe();
}
