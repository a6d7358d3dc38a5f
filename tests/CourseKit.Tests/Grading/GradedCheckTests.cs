using CourseKit.Grading;
using CourseKit.Grading.Protocol;
using CourseKit.Tensors;
using static CourseKit.Tests.Grading.Learners;

namespace CourseKit.Tests.Grading;

/// <summary>
/// The grader's path: the cases' inputs go to the learner's process as a payload, its answers come back as JSON, and
/// the grader judges them. It must give what a live run gives, and trust nothing but the answers' shape.
/// </summary>
public class GradedCheckTests
{
    private static CheckResult Graded(IGradedCheck check, Func<string, string> answer)
    {
        var cases = check.Prepare(Grader);
        return cases.Judge(AnswerSet.Parse(answer(cases.Payload)));
    }

    public static TheoryData<string> SoftmaxLearners => ["right", "without max", "over columns", "transposed", "in place", "not implemented", "throws"];

    private static Func<Matrix, Matrix> SoftmaxLearner(string name) => name switch
    {
        "right" => Softmax,
        "without max" => SoftmaxWithoutMax,
        "over columns" => SoftmaxOverColumns,
        "transposed" => SoftmaxTransposed,
        "in place" => SoftmaxInPlace,
        "not implemented" => NotImplemented,
        _ => z => throw new ArgumentException($"no {z.Rows}"),
    };

    [Theory]
    [MemberData(nameof(SoftmaxLearners))]
    public void Judging_answers_from_another_process_gives_what_a_live_run_gives(string learner)
    {
        var f = SoftmaxLearner(learner);
        CheckResult live = Checks.Softmax.Run(f, mode: Grader);
        CheckResult graded = Graded(Checks.Softmax, payload => Checks.Softmax.Answer(f, payload));
        Assert.Equal(live.Status, graded.Status);
        Assert.Equal(live.Points, graded.Points);
        Assert.Equal(live.Summary, graded.Summary);
        Assert.Equal(live.Cases.Select(c => (c.Name, c.Status, c.Message)), graded.Cases.Select(c => (c.Name, c.Status, c.Message)));
    }

    [Fact]
    public void Two_argument_and_autodiff_checks_answer_through_their_own_overloads()
    {
        Assert.Equal(2, Graded(Checks.CrossEntropy, p => Checks.CrossEntropy.Answer(CrossEntropy, p)).Points);
        Assert.InRange(Graded(Checks.CrossEntropy, p => Checks.CrossEntropy.Answer(CrossEntropySum, p)).Points, 0.1, 1.9);   // right only where m = 1
        var variable = Checks.AutodiffCost;
        Assert.True(Graded(variable, p => variable.Answer((w, c) => c[0] * w * w + c[1] * w + c[2], p)).Passed);
    }

    [Fact]
    public void A_null_function_and_a_wrong_signature_are_reported_as_in_a_live_run()
    {
        Assert.Equal(Checks.Softmax.Run((Func<Matrix, Matrix>)null!).Summary,
            Graded(Checks.Softmax, p => Checks.Softmax.Answer((Func<Matrix, Matrix>)null!, p)).Summary);
        Func<Matrix, int, Matrix> two = (z, k) => z;
        Assert.Equal(Checks.Softmax.Run(two).Summary, Graded(Checks.Softmax, p => Checks.Softmax.Answer(two, p)).Summary);
    }

    [Fact]
    public void Answers_that_do_not_fit_the_cases_are_a_protocol_error()
    {
        var cases = Checks.Softmax.Prepare(Grader);
        var one = new AnswerSet(AnswerProblem.None, null, [new CaseAnswer(AnswerKind.Returned, new WireMatrix(1, 4, new float[4]))]);
        Assert.Throws<ProtocolException>(() => cases.Judge(one));
        Assert.Throws<ProtocolException>(() => AnswerSet.Parse("""{"problem":"none","cases":[{"kind":"returned"}]}"""));
        Assert.Throws<ProtocolException>(() => AnswerSet.Parse("""{"problem":"none","cases":[{"kind":"returned","output":{"t":"matrix","rows":2,"cols":2,"data":"AAAA"}}]}"""));
    }

    [Fact]
    public void A_learners_exception_message_is_shown_for_visible_cases_only_and_bounded()
    {
        string secret = new('x', 1000);
        CheckResult r = Graded(Checks.Softmax, p => Checks.Softmax.Answer(z => throw new InvalidOperationException(secret + z[0, 0]), p));
        Assert.All(r.Cases.Where(c => !c.Hidden), c => Assert.True(c.Message.Length < 450, c.Message));
        Assert.All(r.Cases.Where(c => c.Hidden), c => Assert.Equal("your code threw InvalidOperationException (messages of hidden cases are not shown)", c.Message));
    }

    [Fact]
    public void The_payload_holds_inputs_and_no_expected_value()
    {
        var cases = Checks.OneHot.Prepare(Grader);
        var inputs = CasePayload.Read(cases.Payload);
        Assert.Equal(cases.Count, inputs.Count);
        Assert.All(inputs, i => Assert.IsType<WireTuple>(i));
        Assert.DoesNotContain(inputs, i => i is WireMatrix);   // one-hot outputs are matrices; its inputs are labels and a count
    }

    [Fact]
    public void The_catalog_finds_each_check_a_cell_can_call()
    {
        Assert.Contains("Softmax", CheckCatalog.Names);
        Assert.Contains("AutodiffCrossEntropy", CheckCatalog.Names);
        Assert.Equal("softmax", CheckCatalog.Find("Softmax")!.Name);
        Assert.Null(CheckCatalog.Find("NoSuchCheck"));
    }

    public static TheoryData<string> CatalogNames => [.. CheckCatalog.Names];

    // A new check must be built of types that cross the process boundary (Matrix, numbers, strings, their arrays and
    // value tuples): else the grader could never see a right answer. The reference's outputs, sent as answers, pass.
    [Theory]
    [MemberData(nameof(CatalogNames))]
    public void Every_check_in_the_catalog_crosses_the_process_boundary_and_its_reference_passes(string name)
    {
        var check = CheckCatalog.Find(name)!;
        var cases = check.Prepare(Grader);
        Assert.True(cases.Count > 0, $"{name}: no cases");
        var result = cases.Judge(cases.ReferenceAnswers());
        Assert.True(result.Status == CheckStatus.Passed, $"{name}: {result.Summary}");
        Assert.Equal(check.Points, result.Points);
        Assert.Contains(result.Cases, c => c.Hidden);
    }
}
