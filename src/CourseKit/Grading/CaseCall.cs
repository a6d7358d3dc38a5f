using CourseKit.Grading.Protocol;

namespace CourseKit.Grading;

/// <summary>
/// One call of the learner's function on a fresh copy of a case's input, as the answer the grader judges: what it
/// returned (encoded as it would cross the process boundary), what it threw, and whether it changed its input. The
/// same call runs in a learner's notebook (live checks) and in the sandboxed process (grading).
/// </summary>
internal static class CaseCall
{
    /// <summary>Characters of an exception's message kept (the message is the learner's text).</summary>
    public const int MessageExcerpt = 300;

    /// <summary>The answer, or null when the call ran past <paramref name="timeout"/>.</summary>
    public static CaseAnswer? Run<TIn>(Func<TIn, object?> learner, TIn pristine, TimeSpan? timeout)
    {
        TIn given = Inputs.Copy(pristine);
        Outcome outcome = Outcome.Run(() => learner(given), timeout);
        if (outcome.TimedOut) return null;
        InputChange? change = Inputs.FindChangeAt(pristine, given);
        return outcome.Exception switch
        {
            NotImplementedException nie => new CaseAnswer(AnswerKind.NotImplemented, Exercise: LearnerCode.ExerciseOf(nie), Change: change),
            { } ex => new CaseAnswer(AnswerKind.Threw, ExceptionType: ex.GetType().Name, Message: Excerpt(ex.Message),
                Where: LearnerCode.Locate(ex), Change: change),
            null => new CaseAnswer(AnswerKind.Returned, WireValues.Encode(outcome.Value), Change: change),
        };
    }

    private static string Excerpt(string message)
    {
        string line = message.ReplaceLineEndings(" ").Trim();
        return line.Length <= MessageExcerpt ? line : line[..MessageExcerpt] + "…";
    }
}
