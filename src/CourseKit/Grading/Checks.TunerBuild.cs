using CourseKit.Nn;
using CourseKit.Optim;
using CourseKit.Tensors;
using CourseKit.Tuning;
using BuildOut = (string Space, string Optimizer, int Outputs, int Trainable, double LearningRate);

namespace CourseKit.Grading;

// The tuning chapter's Keras-Tuner-style exercise: the learner writes build(hp) for a ModelTuner. The check reads the
// search space the function declares (DeclaredSpace with a UnitSampler, so no training) and builds the model it returns.
public static partial class Checks
{
    /// <summary>Features and classes of the digits the chapter tunes on: the model the check builds takes 64 inputs.</summary>
    internal const int TunerInputs = 64, TunerClasses = 10;

    internal const string TunerSpaceHint =
        "declare hp.Int(\"units\", 32, 256, step: 32) and hp.Float(\"learning_rate\", 1e-4, 1e-2, Scale.Log) — names, ranges, " +
        "the step and the log scale as given; the message names the first parameter that differs.";

    internal const string TunerUseHint =
        "use the values hp gives you: Dense(units) with the units hp.Int returned, and new Adam(learningRate) with the rate hp.Float " +
        "returned — not fixed numbers; then Relu and Dense(10), one output per digit.";

    /// <summary>
    /// A Keras-Tuner-style <c>build(hp)</c> for the digits: it declares <c>units</c> as an integer in [32, 256] in steps
    /// of 32 and <c>learning_rate</c> as a real in [10⁻⁴, 10⁻²] on a log scale, and returns an unbuilt
    /// <c>Dense(units) → Relu → Dense(10)</c> with <c>Adam(learning_rate)</c>. Learner function:
    /// <c>Func&lt;Trial, TunedModel&gt;</c>. Each case places every parameter at one unit coordinate u (a
    /// <see cref="UnitSampler"/>; nothing is trained), reads the declared space (<see cref="DeclaredSpace.Of{T}"/>),
    /// builds the model for 64 inputs and compares the space, the optimizer's type and learning rate, the number of
    /// outputs and of trainable parameters with the reference's. 2 points.
    /// </summary>
    /// <remarks>
    /// Visible cases: u = 0 (32 units, α = 10⁻⁴), u = 1 (256 units, α = 10⁻²), u = ½ (α = 10⁻³ only on a log scale).
    /// Hidden cases: two random u. Using the library is the point here: nothing is declared as write-it-yourself.
    /// </remarks>
    public static AdaptedCheck<Func<Trial, TunedModel>, double, BuildOut> TunerBuild => new(
        Check.For<double, BuildOut>("Keras-Tuner build(hp)", points: 2)
            .InputNames("u")
            .Reference(u => BuildAnswer(TunerBuildReference, u))
            .Compare(CompareBuild)
            .Compare(Tolerance.Of(0, 1e-6))
            .Case("every parameter at its low end (u = 0: 32 units, α = 1e-4)", 0.0, hint: TunerSpaceHint)
            .Case("every parameter at its high end (u = 1: 256 units, α = 1e-2)", 1.0, hint: TunerUseHint)
            .Case("the middle (u = 0.5: α = 1e-3 on a log scale)", 0.5,
                hint: "on a log scale the middle of [1e-4, 1e-2] is 1e-3, where a linear scale gives 0.005: pass Scale.Log for the learning rate.")
            .Hidden("a random point of the space", r => r.NextDouble(), hint: TunerUseHint)
            .Hidden("another random point", r => r.NextDouble(), hint: TunerUseHint),
        learner => u => BuildAnswer(learner, u),
        "Func<Trial, TunedModel> hp → TunedModel(model, optimizer)");

    /// <summary>The solution: the space of Keras Tuner's example (units in steps of 32, the rate on a log scale) on the digits.</summary>
    internal static TunedModel TunerBuildReference(Trial hp)
    {
        int units = hp.Int("units", 32, 256, step: 32);
        double learningRate = hp.Float("learning_rate", 1e-4, 1e-2, Scale.Log);
        return new TunedModel(new Sequential(new Dense(units), new Relu(), new Dense(TunerClasses)), new Adam(learningRate));
    }

    private static BuildOut BuildAnswer(Func<Trial, TunedModel> build, double u)
    {
        var declared = DeclaredSpace.Of(build, new UnitSampler(u));
        var (model, optimizer) = (declared.Result.Model, declared.Result.Optimizer);
        if (model is null || optimizer is null)
            throw new InvalidOperationException("build: return new TunedModel(model, optimizer) with both set; one of them is null.");
        if (!model.IsBuilt) model.Build(TunerInputs, seed: 0);   // as ModelTuner does
        int outputs = model.Predict(new Matrix(2, TunerInputs)).Cols;
        string space = string.Join("; ", declared.Parameters.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => $"{p.Name}: {p.Distribution}"));
        return (space, optimizer.GetType().Name, outputs, checked((int)model.Summary().Trainable), optimizer.LearningRate);
    }

    // The space first, naming the first parameter that differs; then the optimizer's type; then the numbers.
    private static Comparison CompareBuild(BuildOut expected, object? actual, Tolerance tolerance)
    {
        if (actual is not BuildOut a) return Comparison.TypeMismatch("(space, optimizer, outputs, trainable, learning rate)", TypeNames.Of(actual));
        if (a.Space != expected.Space) return SpaceDifference(expected.Space, a.Space) with { Output = "search space" };
        if (a.Optimizer != expected.Optimizer) return Comparison.ValueMismatch(expected.Optimizer, a.Optimizer) with { Output = "optimizer" };
        return Outputs.Tuple((expected.Outputs, expected.Trainable, expected.LearningRate), (a.Outputs, a.Trainable, a.LearningRate), tolerance,
            ["outputs of the model", "trainable parameters (are the units hp's?)", "the optimizer's learning rate"]);
    }

    private static Comparison SpaceDifference(string expected, string actual)
    {
        var (e, a) = (Parse(expected), Parse(actual));
        foreach (var (name, description) in e)
            if (!a.TryGetValue(name, out string? declared) || declared != description)
                return Comparison.ValueMismatch($"{name}: {description}", declared is null ? $"no parameter named \"{name}\"" : $"{name}: {declared}");
        string? extra = a.Keys.FirstOrDefault(k => !e.ContainsKey(k));
        return extra is null ? Comparison.ValueMismatch(expected, actual)
            : Comparison.ValueMismatch($"no parameter named \"{extra}\"", $"{extra}: {a[extra]}");
    }

    private static Dictionary<string, string> Parse(string space) => space.Length == 0 ? []
        : space.Split("; ").Select(p => p.Split(": ", 2)).ToDictionary(p => p[0], p => p[1]);
}
