using CourseKit.Data;

namespace CourseKit.Training;

/// <summary>
/// Reading bias and variance from errors: the avoidable bias is the training error above the base (Bayes or human)
/// error, the variance is the dev error above the training error. Each is "high" when it exceeds a threshold.
/// </summary>
/// <param name="TrainError">Error on the training set, in [0, 1].</param>
/// <param name="DevError">Error on the dev set, in [0, 1].</param>
/// <param name="BaseError">The error no model can avoid (Bayes error, approximated by human error), in [0, 1].</param>
/// <param name="Threshold">How large a gap counts as high, ≥ 0 (e.g. 0.02 for two percentage points).</param>
public sealed record BiasVarianceDiagnosis(double TrainError, double DevError, double BaseError, double Threshold)
{
    /// <summary>Effectively computes <c>TrainError − BaseError</c>.</summary>
    public double AvoidableBias => TrainError - BaseError;

    /// <summary>Effectively computes <c>DevError − TrainError</c> (negative when the dev set happens to be easier).</summary>
    public double Variance => DevError - TrainError;

    /// <summary>Whether the avoidable bias exceeds <see cref="Threshold"/>: the model does not even fit the training set.</summary>
    public bool HighBias => AvoidableBias > Threshold;

    /// <summary>Whether the variance exceeds <see cref="Threshold"/>: the model fits the training set but does not generalize.</summary>
    public bool HighVariance => Variance > Threshold;

    /// <summary>"high bias", "high variance", "high bias and high variance" or "low bias and low variance".</summary>
    public string Verdict => (HighBias, HighVariance) switch
    {
        (true, true) => "high bias and high variance",
        (true, false) => "high bias",
        (false, true) => "high variance",
        _ => "low bias and low variance",
    };

    /// <summary>
    /// The basic recipe: fix bias first (a bigger network, training longer, another architecture), then variance
    /// (more data, regularization, another architecture); with neither, the model is done.
    /// </summary>
    public string NextStep => (HighBias, HighVariance) switch
    {
        (true, _) => "reduce bias: a bigger network, train longer, or another architecture",
        (false, true) => "reduce variance: more data, regularization, or another architecture",
        _ => "done: low bias and low variance",
    };

    /// <inheritdoc />
    public override string ToString() =>
        $"train error {TrainError:P1}, dev error {DevError:P1}, base error {BaseError:P1}: avoidable bias {AvoidableBias:P1}, " +
        $"variance {Variance:P1} → {Verdict}";
}

/// <summary>Diagnoses bias and variance from errors, or from a trained model on its training and dev sets.</summary>
public static class BiasVariance
{
    /// <summary>
    /// The diagnosis for <paramref name="trainError"/> and <paramref name="devError"/> against <paramref name="baseError"/>
    /// (see <see cref="BiasVarianceDiagnosis"/>). Errors are fractions in [0, 1]; the threshold is ≥ 0.
    /// </summary>
    public static BiasVarianceDiagnosis Diagnose(double trainError, double devError, double baseError = 0, double threshold = 0.02)
    {
        CheckError(trainError, nameof(trainError));
        CheckError(devError, nameof(devError));
        CheckError(baseError, nameof(baseError));
        if (!(threshold >= 0) || !double.IsFinite(threshold))
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, $"threshold: expected a finite value ≥ 0, actual {threshold}.");
        return new BiasVarianceDiagnosis(trainError, devError, baseError, threshold);
    }

    /// <summary>
    /// Evaluates <paramref name="trainer"/>'s model in inference mode on <paramref name="train"/> and <paramref name="dev"/>
    /// (error = 1 − accuracy) and diagnoses the two errors.
    /// </summary>
    public static BiasVarianceDiagnosis Diagnose(Trainer trainer, Dataset train, Dataset dev, double baseError = 0, double threshold = 0.02)
    {
        ArgumentNullException.ThrowIfNull(trainer);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(dev);
        double trainError = 1 - (double)trainer.Evaluate(train).Accuracy;
        double devError = 1 - (double)trainer.Evaluate(dev).Accuracy;
        return Diagnose(trainError, devError, baseError, threshold);
    }

    private static void CheckError(double error, string name)
    {
        if (!(error >= 0 && error <= 1))
            throw new ArgumentOutOfRangeException(name, error, $"{name}: expected an error rate in [0, 1], actual {error}.");
    }
}
