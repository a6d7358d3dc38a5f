using System.ComponentModel;
using CourseKit.Grading.Protocol;

namespace CourseKit.Grading;

public sealed partial class Check<TIn, TOut>
{
    /// <summary>
    /// Grading only, inside the sandboxed process: calls <paramref name="learner"/> on each input of
    /// <paramref name="cases"/> (a <see cref="CasePayload"/> the grader wrote into the probe cell) and returns the
    /// answers as <see cref="AnswerSet"/> JSON. No expected value and no reference is involved: the grader compares.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public string Answer(Func<TIn, TOut> learner, string cases) =>
        learner is null ? Unanswered(AnswerProblem.NullFunction, ExpectedSignature) : AnswerCore(input => learner(input), cases);

    /// <summary>Grading only: <see cref="Answer(Func{TIn, TOut}, string)"/> for a function of any signature (see <see cref="Run(Delegate, TimeSpan?, GradingMode?)"/>).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public string Answer(Delegate learner, string cases)
    {
        if (learner is null) return Unanswered(AnswerProblem.NullFunction, ExpectedSignature);
        if (learner is Func<TIn, TOut> typed) return Answer(typed, cases);
        var invoke = Signatures.Adapt(learner, typeof(TIn), out string? problem);
        return invoke is null ? Unanswered(AnswerProblem.WrongSignature, problem!) : AnswerCore(input => invoke(input), cases);
    }

    internal string AnswerCore(Func<TIn, object?> learner, string cases)
    {
        var inputs = CasePayload.Read(cases).Select(w => (TIn)WireValues.Decode(w)!).ToList();
        var answers = inputs.Select(input => CaseCall.Run(learner, input, timeout: null)!).ToList();
        return new AnswerSet(AnswerProblem.None, null, answers).ToJson();
    }

    private static string Unanswered(AnswerProblem problem, string detail) => new AnswerSet(problem, detail, []).ToJson();
}
