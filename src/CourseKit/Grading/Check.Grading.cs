using CourseKit.Grading.Protocol;

namespace CourseKit.Grading;

public sealed partial class Check<TIn, TOut> : IGradedCheck
{
    IReadOnlyList<LibraryShortcut> IGradedCheck.Shortcuts => _shortcuts;

    /// <inheritdoc />
    public GradedCases Prepare(GradingMode mode)
    {
        ArgumentNullException.ThrowIfNull(mode);
        RequireReference();
        var cases = Cases(mode).Select(c => (c.Spec, c.Hidden, Expected: RunReference(c.Spec))).ToList();
        return new Prepared(this, cases);
    }

    /// <inheritdoc />
    public CheckResult Broken(string message) => Report.Broken(Name, Points, message);

    /// <inheritdoc />
    public CheckResult Unrun(CheckStatus status, string message) => Report.Unrun(Name, Points, status, message);

    private sealed class Prepared(Check<TIn, TOut> check, List<(CaseSpec Spec, bool Hidden, TOut Expected)> cases) : GradedCases
    {
        public override string Payload { get; } = CasePayload.Write(cases.Select(c => WireValues.Encode(c.Spec.Input)));

        public override int Count => cases.Count;

        public override CheckResult Judge(AnswerSet answers)
        {
            ArgumentNullException.ThrowIfNull(answers);
            string detail = Bounded(answers.Detail ?? "");
            if (answers.Problem == AnswerProblem.NullFunction) return Report.NullLearner(check.Name, check.Points, check.ExpectedSignature);
            if (answers.Problem == AnswerProblem.WrongSignature) return Report.WrongSignature(check.Name, check.Points, check.ExpectedSignature, detail);
            if (answers.Cases.Count != cases.Count)
                throw new ProtocolException($"check '{check.Name}': expected {cases.Count} answers, actual {answers.Cases.Count}.");
            var results = cases.Zip(answers.Cases, (c, a) => check.Judge(c.Spec, c.Hidden, a, c.Expected)).ToList();
            return Report.Build(check.Name, check.Points, results, check._allOrNothing);
        }

        internal override AnswerSet ReferenceAnswers()
        {
            var inputs = CasePayload.Read(Payload).Select(WireValues.Decode).ToList();
            for (int k = 0; k < inputs.Count; k++)
            {
                if (inputs[k] is not TIn)
                    throw new InvalidOperationException($"check '{check.Name}', case {k + 1}: expected its input to come back from the payload as {typeof(TIn).Name}, actual {inputs[k]?.GetType().Name ?? "null"}.");
            }
            return new AnswerSet(AnswerProblem.None, null, cases.Select(c => new CaseAnswer(AnswerKind.Returned, WireValues.Encode(c.Expected))).ToList());
        }

        private static string Bounded(string text) => text.Length <= 300 ? text : text[..300] + "…";
    }
}
