namespace CourseKit.Grading;

/// <summary>
/// Ready-made checks for the chapters' exercises, one file per check (Checks.*.cs). A check cell reads <c>Checks.Softmax.Run(Softmax)</c>, where
/// <c>Softmax</c> is the learner's function; the result renders as one line on success (<c>✓ softmax: 4/4 cases
/// passed</c>) and as the failing case with its diagnostics otherwise.
/// </summary>
/// <remarks>
/// Every property returns a new check, so a notebook that adds cases to one does not change the next. Visible cases
/// are listed in each property's file; hidden cases are generated only in grading mode (see <see cref="GradingMode"/>).
/// </remarks>
public static partial class Checks
{
    /// <summary>"Subtract each row's max before exp" — the hint shared by the overflow cases.</summary>
    internal const string OverflowHint =
        "exp(1000) overflows to ∞ and exp(−1000) underflows to 0: subtract each row's max before exp (softmax(z) = softmax(z − c)).";

    /// <summary>"Softmax works per row" — the hint shared by the batch cases.</summary>
    internal const string RowsHint =
        "one example per row: take the max, the exponentials and the sum over each row (its classes), not over columns.";
}
