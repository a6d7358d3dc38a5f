using CourseKit.Nn;
using ModelIn = (string BatchNorm, int Units);
using ModelOut = (string Layers, int Trainable, int NonTrainable);

namespace CourseKit.Grading;

// The case-study chapter's first exercise: the learner builds the 2-D model with Batch Norm where an argument says
// ("none", "before" or "after" the activation). The check builds what the learner returns for 2 inputs and compares its
// layers (kinds, units, biases) and the parameter counts the summary shows with the reference's.
public static partial class Checks
{
    /// <summary>The placements the case study compares, as the exercises spell them.</summary>
    internal static readonly string[] Placements = ["none", "before", "after"];

    /// <summary>Features of the case study's 2-D problem: the models the checks build take 2 inputs.</summary>
    internal const int CaseStudyInputs = 2;

    internal const string PlacementHint =
        "none: Dense(units) → Relu → Dense(1); before: Dense(units, useBias: false) → BatchNorm → Relu → Dense(1) (Batch Norm " +
        "subtracts the batch mean, so a bias before it is cancelled); after: Dense(units) → Relu → BatchNorm → Dense(1) (the " +
        "ReLU sits between the bias and Batch Norm, so the bias stays). One output: the loss applies the sigmoid.";

    /// <summary>
    /// The case study's model on a 2-D problem: <c>units</c> hidden ReLU units and one output logit, with Batch Norm
    /// nowhere (<c>"none"</c>), before the activation (<c>"before"</c>: the dense layer without bias) or after it
    /// (<c>"after"</c>). Learner function: <c>Func&lt;string, int, Sequential&gt;</c> returning the model unbuilt (or
    /// built for 2 inputs). The check builds it for 2 inputs and compares its layers — kinds in order, units, which
    /// dense layers have a bias — and its trainable and non-trainable parameter counts with the reference's. 2 points.
    /// </summary>
    /// <remarks>Visible cases: the three placements with the case study's 50 units. Hidden: random placements and units.
    /// Using the library's layers is the point: nothing is declared as write-it-yourself.</remarks>
    public static AdaptedCheck<Func<string, int, Sequential>, ModelIn, ModelOut> BatchNormPlacement => new(
        Check.For<ModelIn, ModelOut>("Batch Norm placement", points: 2)
            .InputNames("batchNorm", "units")
            .Reference(i => ModelAnswer(CaseStudyModelReference(i.BatchNorm, i.Units)))
            .Compare(CompareModel)
            .Case("no Batch Norm, 50 units", ("none", 50), hint: PlacementHint)
            .Case("Batch Norm after the activation, 50 units", ("after", 50), hint: PlacementHint)
            .Case("Batch Norm before the activation, 50 units", ("before", 50), hint: PlacementHint)
            .Hidden("a random placement and size", r => (Placements[r.Next(3)], r.Next(4, 65)), hint: PlacementHint)
            .Hidden("another random placement and size", r => (Placements[r.Next(3)], r.Next(4, 65)), hint: PlacementHint),
        learner => i => ModelAnswer(learner(i.BatchNorm, i.Units) ?? throw new InvalidOperationException("CaseStudyModel: returned null; expected a Sequential.")),
        "Func<string, int, Sequential> (batchNorm, units) → model");

    /// <summary>The solution of the placement exercise.</summary>
    internal static Sequential CaseStudyModelReference(string batchNorm, int units) => batchNorm switch
    {
        "none" => new Sequential(new Dense(units), new Relu(), new Dense(1)),
        "before" => new Sequential(new Dense(units, useBias: false), new BatchNorm(), new Relu(), new Dense(1)),
        "after" => new Sequential(new Dense(units), new Relu(), new BatchNorm(), new Dense(1)),
        _ => throw new ArgumentException($"batchNorm: expected one of {string.Join(", ", Placements)}, actual '{batchNorm}'.", nameof(batchNorm)),
    };

    /// <summary>What the checks compare of a case-study model: its layers in order, and the summary's parameter counts.</summary>
    internal static ModelOut ModelAnswer(Sequential model)
    {
        if (!model.IsBuilt) model.Build(CaseStudyInputs, seed: 0);
        if (model.InputFeatures != CaseStudyInputs)
            throw new InvalidOperationException($"the model is built for {model.InputFeatures} inputs; the 2-D problem has {CaseStudyInputs} (return it unbuilt).");
        var summary = model.Summary();
        return (LayerList(model), checked((int)summary.Trainable), checked((int)summary.NonTrainable));
    }

    /// <summary><c>dense(50, no bias) → bn → relu → dense(1)</c>: kinds in order, with a dense layer's units and whether it has a bias.</summary>
    internal static string LayerList(Sequential model) => string.Join(" → ", model.AllLayers.Where(l => l is not Sequential).Select(l =>
        l is Dense d ? $"dense({d.Units}{(d.UseBias ? "" : ", no bias")})" : l.Kind));

    // The layers first (they say where Batch Norm went and which bias is missing or extra), then the counts.
    private static Comparison CompareModel(ModelOut expected, object? actual, Tolerance tolerance)
    {
        if (actual is not ModelOut a) return Comparison.TypeMismatch("(layers, trainable, non-trainable)", TypeNames.Of(actual));
        if (a.Layers != expected.Layers) return Comparison.ValueMismatch(expected.Layers, a.Layers) with { Output = "layers" };
        return Outputs.Tuple((expected.Trainable, expected.NonTrainable), (a.Trainable, a.NonTrainable), tolerance,
            ["trainable parameters", "non-trainable parameters (Batch Norm's running mean and variance)"]);
    }
}
