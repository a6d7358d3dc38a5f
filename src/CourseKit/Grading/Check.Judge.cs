using CourseKit.Grading.Protocol;

namespace CourseKit.Grading;

public sealed partial class Check<TIn, TOut>
{
    /// <summary>
    /// One case's result from the learner's answer and the reference's output: the comparison, a changed input, an
    /// exception, or "not implemented". Hidden cases never show an expected value, a learner's message or an output.
    /// </summary>
    private CaseResult Judge(CaseSpec spec, bool hidden, CaseAnswer answer, TOut expected)
    {
        var result = new CaseResult(spec.Name, hidden, CaseStatus.Passed, "", spec.Weight) { Hint = spec.Hint };
        switch (answer.Kind)
        {
            case AnswerKind.NotImplemented:
                string where = ValidExercise(answer.Exercise) ?? _exercise ?? "your exercise cell";
                return result with { Status = CaseStatus.NotImplemented, Message = $"not implemented yet — replace the throw in {where}" };
            case AnswerKind.Threw:
                return result with { Status = CaseStatus.Error, Message = "your code threw " + LearnerCode.DescribeThrow(answer.ExceptionType, answer.Where, answer.Message, hidden) };
        }
        object? actual = answer.Output is null ? null : WireValues.Decode(answer.Output);
        Comparison comparison = _compare(expected, actual, _tolerance);
        string? change = answer.Change is { } c ? (hidden ? InputName(c.Input) : Inputs.Describe(c, spec.Input, _inputNames, revealValues: true) ?? InputName(c.Input)) : null;
        if (comparison.Passed && change is null) return result;
        string message = comparison.Passed ? "" : comparison.Describe(revealExpected: !hidden);
        if (change is not null)
            message += (message.Length > 0 ? "; also, " : "") +
                       $"your function changed its input {change} — work on a copy so that the caller's data stays as it was";
        return result with { Status = CaseStatus.Failed, Message = message, Comparison = comparison.Passed ? null : comparison };
    }

    private string InputName(int k) => k < _inputNames.Length ? _inputNames[k] : $"input {k + 1}";

    private static CaseResult TimedOut(CaseSpec spec, bool hidden, TimeSpan timeout) =>
        new(spec.Name, hidden, CaseStatus.TimedOut, $"timed out after {Numbers.Short(timeout.TotalSeconds)} s", spec.Weight) { Hint = spec.Hint };

    // "Exercise 3" as a released stub throws it; anything else the learner's code put there is not repeated.
    private static string? ValidExercise(string? text) =>
        text is not null && System.Text.RegularExpressions.Regex.IsMatch(text, "^Exercise [0-9]{1,3}$") ? text : null;
}
