using CourseKit.Grading.Protocol;

namespace CourseKit.Grading;

/// <summary>
/// A check as the grader uses it, outside the learner's process: it builds the cases (visible, and hidden ones from
/// the grader's seed) with the reference's outputs, and turns the learner's answers into a <see cref="CheckResult"/>.
/// </summary>
public interface IGradedCheck
{
    /// <summary>The check's name ("softmax").</summary>
    string Name { get; }

    /// <summary>Points for the whole check.</summary>
    double Points { get; }

    /// <summary>What the exercise asks the learner to write themselves (<see cref="Check{TIn, TOut}.WriteYourself"/>).</summary>
    IReadOnlyList<LibraryShortcut> Shortcuts { get; }

    /// <summary>The cases for <paramref name="mode"/>, their inputs as the probe's payload and their expected outputs kept here.</summary>
    GradedCases Prepare(GradingMode mode);

    /// <summary>The result of a check whose exercise broke a rule (<paramref name="message"/> says which): 0 points.</summary>
    CheckResult Broken(string message);

    /// <summary>The result of a check that could not be run at all (<paramref name="message"/> says why): 0 points.</summary>
    CheckResult Unrun(CheckStatus status, string message);
}

/// <summary>A check's prepared cases: the payload for the learner's process and the judge of its answers.</summary>
public abstract class GradedCases
{
    /// <summary>The inputs as a <see cref="CasePayload"/> (hidden inputs included, expected outputs never).</summary>
    public abstract string Payload { get; }

    /// <summary>How many cases there are.</summary>
    public abstract int Count { get; }

    /// <summary>Scores <paramref name="answers"/> against the reference's outputs.</summary>
    /// <exception cref="ProtocolException">The answers do not fit the cases (another count).</exception>
    public abstract CheckResult Judge(AnswerSet answers);

    /// <summary>
    /// The reference's own outputs sent as answers, after every input went through the payload and back: a check
    /// whose inputs or outputs cannot cross the process boundary fails here (its tests call this for every check).
    /// </summary>
    internal abstract AnswerSet ReferenceAnswers();
}
