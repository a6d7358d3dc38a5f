using System.Globalization;
using System.Text.Json.Nodes;
using CourseKit.Optim;
using CourseKit.Tuning;
using SpaceOut = (string Space, string Values, string Layers, int Trainable, int NonTrainable, double LearningRate);

namespace CourseKit.Grading;

// The case-study chapter's second exercise: the learner chooses the search space of the 2-D model (where Batch Norm
// goes, how many units, which learning rates) in a Keras-Tuner-style build(hp). The ranges are the learner's decision;
// the check verifies what the decision must cover, and that the model and optimizer use the values hp hands out.
public static partial class Checks
{
    /// <summary>What the declared space must cover: units from at most 16 to at least 128 (at most 512), rates on a log scale from at most 1e-3 to at least 0.1 (within [1e-5, 1]).</summary>
    internal const int UnitsAtMost = 16, UnitsAtLeast = 128, UnitsLimit = 512;

    internal const double RateAtMost = 1e-3, RateAtLeast = 0.1, RateLowest = 1e-5, RateHighest = 1;

    internal const string SpaceHint =
        "declare batch_norm = hp.Categorical(\"batch_norm\", \"none\", \"before\", \"after\"); units = hp.Int(\"units\", low, high, step: …) " +
        "with low ≤ 16 and 128 ≤ high ≤ 512; learning_rate = hp.Float(\"learning_rate\", low, high, Scale.Log) with 1e-5 ≤ low ≤ 1e-3 and " +
        "0.1 ≤ high ≤ 1; then return new TunedModel(CaseStudyModel(batchNorm, units), optimizer with learning_rate).";

    /// <summary>
    /// A Keras-Tuner-style <c>build(hp)</c> for the case study's 2-D model whose ranges the learner chooses. Learner
    /// function: <c>Func&lt;Trial, TunedModel&gt;</c>. Each case places every parameter at one unit coordinate u (a
    /// <see cref="UnitSampler"/>; nothing is trained) and checks, on the grader's side: <c>batch_norm</c> is a
    /// categorical over exactly "none", "before" and "after"; <c>units</c> an integer whose range covers 16–128 and
    /// stays ≤ 512; <c>learning_rate</c> a float on a log scale covering 10⁻³–10⁻¹ within [10⁻⁵, 1]; the returned model
    /// is the placement exercise's model for the values hp gave (layers and parameter counts); the optimizer's learning
    /// rate is hp's. Other parameters may be declared. 2 points.
    /// </summary>
    /// <remarks>Visible cases: u = 0, 1, ½ (the low ends and the first placement, the high ends and the last, the middle).
    /// Hidden: two random u. Using the library is the point: nothing is declared as write-it-yourself.</remarks>
    public static AdaptedCheck<Func<Trial, TunedModel>, double, SpaceOut> CaseStudySpace => new(
        Check.For<double, SpaceOut>("case-study search space", points: 2)
            .InputNames("u")
            .Reference(u => SpaceAnswer(CaseStudySpaceReference, u))
            .Compare(CompareSpace)
            .Case("every parameter at its low end (u = 0)", 0.0, hint: SpaceHint)
            .Case("every parameter at its high end (u = 1)", 1.0, hint: SpaceHint)
            .Case("the middle of every range (u = 0.5)", 0.5, hint: SpaceHint)
            .Hidden("a random point of the space", r => r.NextDouble(), hint: SpaceHint)
            .Hidden("another random point", r => r.NextDouble(), hint: SpaceHint),
        learner => u => SpaceAnswer(learner, u),
        "Func<Trial, TunedModel> hp → TunedModel(model, optimizer)");

    /// <summary>A solution: the three placements, 16–128 units in steps of 16, rates 10⁻⁴–1 on a log scale, SGD with momentum.</summary>
    internal static TunedModel CaseStudySpaceReference(Trial hp)
    {
        string batchNorm = hp.Categorical("batch_norm", Placements);
        int units = hp.Int("units", 16, 128, step: 16);
        double learningRate = hp.Float("learning_rate", 1e-4, 1, Scale.Log);
        return new TunedModel(CaseStudyModelReference(batchNorm, units), new Momentum(learningRate, 0.9));
    }

    // In the learner's process: the declared space and values as JSON, the model's layers and counts, the optimizer's rate.
    private static SpaceOut SpaceAnswer(Func<Trial, TunedModel> build, double u)
    {
        var declared = DeclaredSpace.Of(build, new UnitSampler(u));
        var (model, optimizer) = (declared.Result.Model, declared.Result.Optimizer);
        if (model is null || optimizer is null)
            throw new InvalidOperationException("build: return new TunedModel(model, optimizer) with both set; one of them is null.");
        var space = new JsonObject();
        foreach (var (name, distribution) in declared.Parameters) space[name] = JsonNode.Parse(distribution.ToJson());
        var values = new JsonObject();
        foreach (var (name, value) in declared.Values) values[name] = Choices.Write(value);
        var (layers, trainable, nonTrainable) = ModelAnswer(model);
        return (space.ToJsonString(), values.ToJsonString(), layers, trainable, nonTrainable, optimizer.LearningRate);
    }

    // On the grader's side: the space's requirements in order, then the model the values imply, then the optimizer's rate.
    private static Comparison CompareSpace(SpaceOut expected, object? actual, Tolerance tolerance)
    {
        if (actual is not SpaceOut a) return Comparison.TypeMismatch("(space, values, layers, trainable, non-trainable, learning rate)", TypeNames.Of(actual));
        var space = JsonNode.Parse(a.Space)!.AsObject().ToDictionary(p => p.Key, p => Distribution.FromJson(p.Value!.ToJsonString()));
        if (SpaceProblem(space) is { } problem) return problem with { Output = "search space" };
        var values = JsonNode.Parse(a.Values)!.AsObject();
        string batchNorm = (string)Choices.Read(values["batch_norm"])!;
        int units = Convert.ToInt32(Choices.Read(values["units"]), CultureInfo.InvariantCulture);
        double rate = Convert.ToDouble(Choices.Read(values["learning_rate"]), CultureInfo.InvariantCulture);
        var (layers, trainable, nonTrainable) = ModelAnswer(CaseStudyModelReference(batchNorm, units));
        string given = string.Create(CultureInfo.InvariantCulture, $"batch_norm = {batchNorm}, units = {units}");
        if (a.Layers != layers) return Comparison.ValueMismatch(layers, a.Layers) with { Output = $"layers for {given}" };
        return Outputs.Tuple((trainable, nonTrainable, rate), (a.Trainable, a.NonTrainable, a.LearningRate), Tolerance.Of(0, 1e-6),
            [$"trainable parameters for {given}", "non-trainable parameters", "the optimizer's learning rate (is it hp's learning_rate?)"]);
    }

    private static Comparison? SpaceProblem(Dictionary<string, Distribution> space)
    {
        string Declared(string name) => space.TryGetValue(name, out var d) ? $"{name}: {d}" : $"no parameter named \"{name}\"";
        if (!space.TryGetValue("batch_norm", out var placement) || placement is not CategoricalDistribution c
            || c.Choices.Count != Placements.Length || !Placements.All(p => c.Choices.Contains(p)))
            return Comparison.ValueMismatch("batch_norm: categorical [none, before, after] (any order)", Declared("batch_norm"));
        if (!space.TryGetValue("units", out var u) || u is not IntDistribution units
            || units.Low > UnitsAtMost || units.High < UnitsAtLeast || units.High > UnitsLimit || units.Low < 1)
            return Comparison.ValueMismatch($"units: int [low ≤ {UnitsAtMost}, {UnitsAtLeast} ≤ high ≤ {UnitsLimit}]", Declared("units"));
        if (!space.TryGetValue("learning_rate", out var r) || r is not FloatDistribution rate || rate.Scale != Scale.Log
            || rate.Low > RateAtMost || rate.High < RateAtLeast || rate.Low < RateLowest || rate.High > RateHighest)
            return Comparison.ValueMismatch("learning_rate: float [1e-5 ≤ low ≤ 0.001, 0.1 ≤ high ≤ 1] log", Declared("learning_rate"));
        return null;
    }
}
