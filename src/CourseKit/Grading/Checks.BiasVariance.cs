using CourseKit.Training;
using In = (double TrainError, double DevError, double BaseError, double Threshold);

namespace CourseKit.Grading;

public static partial class Checks
{
    /// <summary>
    /// Reading bias and variance: for training, dev and base errors (fractions) and a threshold, returns
    /// (highBias, highVariance) with highBias = train − base &gt; threshold and highVariance = dev − train &gt; threshold.
    /// Learner function: <c>Func&lt;double, double, double, double, (bool, bool)&gt;</c>. 2 points.
    /// </summary>
    /// <remarks>
    /// Visible cases: the four classic cases with a base error of 0 (1 % / 11 %, 15 % / 16 %, 15 % / 30 %,
    /// 0.5 % / 1 %); 15 % / 16 % with a base error of 14 % (blurry images: the training error is as good as it gets);
    /// a dev error below the training error. Hidden cases: random errors around each verdict. The reference is
    /// <see cref="BiasVariance.Diagnose(double, double, double, double)"/>.
    /// </remarks>
    public static Check<In, (bool HighBias, bool HighVariance)> BiasVarianceDiagnosis =>
        Check.For<In, (bool HighBias, bool HighVariance)>("bias and variance", points: 2)
            .WriteYourself(Shortcuts.BiasVarianceDiagnosis)
            .InputNames("trainError", "devError", "baseError", "threshold")
            .Reference(input => Diagnosis(input.TrainError, input.DevError, input.BaseError, input.Threshold))
            .Compare((expected, actual, tolerance) => Outputs.Tuple(expected, actual, tolerance, ["highBias", "highVariance"]))
            .Case("train 1 %, dev 11 %", (0.01, 0.11, 0, 0.02), hint: VarianceHint)
            .Case("train 15 %, dev 16 %", (0.15, 0.16, 0, 0.02), hint: VarianceHint)
            .Case("train 15 %, dev 30 %", (0.15, 0.30, 0, 0.02))
            .Case("train 0.5 %, dev 1 %", (0.005, 0.01, 0, 0.02))
            .Case("train 15 %, dev 16 %, base error 14 %", (0.15, 0.16, 0.14, 0.02), hint: BaseErrorHint)
            .Case("dev error below the training error", (0.08, 0.07, 0.01, 0.02), hint: VarianceHint)
            .Hidden("random errors", r => RandomErrors(r), hint: BaseErrorHint)
            .Hidden("random errors with a large base error", r => RandomErrors(r, baseError: 0.1 + 0.2 * r.NextDouble()), hint: BaseErrorHint);

    internal const string VarianceHint =
        "variance is the gap between dev and training error (dev − train), not the dev error itself nor dev − base.";

    internal const string BaseErrorHint =
        "bias is the avoidable part of the training error: train − base. With a base (Bayes) error of 14 %, a training " +
        "error of 15 % is close to the best possible.";

    private static (bool HighBias, bool HighVariance) Diagnosis(double trainError, double devError, double baseError, double threshold)
    {
        var diagnosis = BiasVariance.Diagnose(trainError, devError, baseError, threshold);
        return (diagnosis.HighBias, diagnosis.HighVariance);
    }

    /// <summary>Errors whose gaps are below half the threshold or 0.01 above it (no case hinges on rounding).</summary>
    private static In RandomErrors(Random r, double baseError = 0)
    {
        double threshold = 0.01 + 0.04 * r.NextDouble();
        double Gap() => r.Next(2) == 0 ? threshold * r.NextDouble() * 0.5 : threshold + 0.01 + 0.2 * r.NextDouble();
        double train = Math.Min(1, baseError + Gap());
        double dev = Math.Min(1, train + Gap());
        return (train, dev, baseError, threshold);
    }
}
