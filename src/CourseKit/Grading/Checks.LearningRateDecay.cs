using CourseKit.Optim;
using In = (double InitialRate, double DecayRate, int Epoch);

namespace CourseKit.Grading;

public static partial class Checks
{
    internal const string DecayHint =
        "α = α₀ / (1 + decay_rate · epoch_num): the whole 1 + decay_rate·epoch_num is the denominator. With α₀ = 0.2 and decay_rate = 1, " +
        "epochs 1–4 give 0.1, 0.0667, 0.05, 0.04.";

    /// <summary>
    /// Learning-rate decay <c>α = α₀ / (1 + decay_rate · epoch_num)</c>, epoch counted from 1. Learner function:
    /// <c>Func&lt;double, double, int, double&gt;</c> taking (α₀, decay_rate, epoch). 1 point.
    /// </summary>
    /// <remarks>
    /// The reference is <see cref="InverseTimeDecay"/>. Visible cases: the lecture's α₀ = 0.2, decay_rate = 1 at epochs
    /// 1 and 3 (0.1 and 0.05); decay_rate 2 at epoch 1; decay_rate 0.5 at epoch 10. Hidden: random α₀, rates and epochs.
    /// </remarks>
    public static Check<In, double> LearningRateDecay =>
        Check.For<In, double>("learning-rate decay", points: 1)
            .WriteYourself(Shortcuts.LearningRateDecay)
            .InputNames("initialRate", "decayRate", "epoch")
            .Reference(i => new InverseTimeDecay(i.InitialRate, i.DecayRate).Rate(i.Epoch, 1))
            .Compare(Tolerance.Of(1e-9, 1e-6))          // the library's rate is a float
            .Case("the lecture's α₀ = 0.2, decay_rate = 1, epoch 1", (0.2, 1.0, 1), hint: DecayHint)
            .Case("the lecture's α₀ = 0.2, decay_rate = 1, epoch 3", (0.2, 1.0, 3), hint: DecayHint)
            .Case("decay_rate 2 at epoch 1", (0.05, 2.0, 1), hint: "epoch_num counts from 1: after the first epoch α = α₀/(1 + decay_rate) = 0.05/3.")
            .Case("decay_rate 0.5 at epoch 10", (0.01, 0.5, 10), hint: DecayHint)
            .Hidden("random α₀, decay rate and epoch", r => (Math.Pow(10, -4 + 3 * r.NextDouble()), 2 * r.NextDouble(), r.Next(1, 100)), hint: DecayHint);
}
