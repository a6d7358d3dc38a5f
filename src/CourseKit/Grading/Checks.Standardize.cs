using CourseKit.Data;
using CourseKit.Tensors;

namespace CourseKit.Grading;

public static partial class Checks
{
    internal const string DevStatisticsHint =
        "standardize dev with the TRAINING set's μ and σ, not with dev's own: the network learned on inputs scaled by the training " +
        "statistics, and dev must go through the same transformation (with its own statistics a shifted dev set would look centred).";

    internal const string PopulationStdHint =
        "σ_j = √((1/m)·Σ_i (x_ij − μ_j)²) divides by m, the number of training examples, not m − 1.";

    /// <summary>
    /// Input standardization fitted on the training set: <c>x' = (x − μ)/σ</c> per feature (column), with μ and the
    /// population σ of the training set applied to both train and dev, and a feature that is constant in the training
    /// set (σ = 0) centred and divided by 1. Learner function: <c>Func&lt;Matrix, Matrix, (Matrix, Matrix)&gt;</c> taking
    /// (train, dev) and returning (train', dev'). 2 points.
    /// </summary>
    /// <remarks>
    /// The reference is the library's <see cref="Standardizer"/>. Visible cases: one feature by hand (μ = 4, σ = √5);
    /// a dev set shifted away from the training set (dev's own statistics would centre it); two features on scales 1 and
    /// 1000 (statistics per column, not per row); a constant feature. Hidden cases: random sets, many features, a
    /// one-example dev set.
    /// </remarks>
    public static Check<(Matrix Train, Matrix Dev), (Matrix Train, Matrix Dev)> Standardize =>
        Check.For<(Matrix Train, Matrix Dev), (Matrix Train, Matrix Dev)>("input standardization", points: 2)
            .WriteYourself(Shortcuts.Standardization)
            .InputNames("train", "dev")
            .Reference(input => StandardizeReference(input.Train, input.Dev))
            .Compare((expected, actual, tolerance) => Outputs.Tuple(expected, actual, tolerance, ["train", "dev"]))
            .Compare(Tolerance.Of(1e-5, 1e-4))
            .Case("one feature by hand (μ = 4, σ = √5)", (Matrix.FromRows([1], [3], [5], [7]), Matrix.FromRows([4], [9])),
                hint: "train [1, 3, 5, 7] has μ = 4 and σ = √5 ≈ 2.236 (so train' ≈ [−1.342, −0.447, 0.447, 1.342]); " + PopulationStdHint)
            .Case("a dev set shifted away from train", (Matrix.FromRows([0, 10], [2, 30], [4, 20], [6, 40]), Matrix.FromRows([10, 60], [12, 80], [14, 70])),
                hint: DevStatisticsHint)
            .Case("features on scales 1 and 1000", (Matrix.FromRows([0.5f, 1200], [-0.5f, 800], [1.5f, 3000], [0.5f, 1000], [-1, 2000]),
                Matrix.FromRows([0, 1500])),
                hint: "one μ_j and σ_j per feature: the statistics of each column over the m examples (rows), not of each row.")
            .Case("a feature that is constant in the training set", (Matrix.FromRows([3, 1], [3, 2], [3, 6]), Matrix.FromRows([4, 3], [3, 0])),
                hint: "a feature with σ = 0 in the training set is centred and divided by 1 (left unscaled): no NaN or ∞.")
            .Hidden("random train and dev sets", r => RandomSplit(r, r.Next(5, 40), r.Next(2, 6), r.Next(2, 20)), hint: DevStatisticsHint)
            .Hidden("many features", r => RandomSplit(r, r.Next(10, 30), r.Next(30, 70), r.Next(2, 10)))
            .Hidden("a dev set of one example", r => RandomSplit(r, r.Next(5, 20), r.Next(2, 6), 1), hint: DevStatisticsHint);

    private static (Matrix Train, Matrix Dev) StandardizeReference(Matrix train, Matrix dev)
    {
        var scaler = Standardizer.Fit(train);
        return (scaler.Transform(train), scaler.Transform(dev));
    }

    /// <summary>Features with their own mean and spread per column; dev drawn from a shifted distribution.</summary>
    private static (Matrix Train, Matrix Dev) RandomSplit(Random r, int m, int n, int mDev)
    {
        var (train, dev) = (Generators.Normal(r, m, n), Generators.Normal(r, mDev, n));
        for (int j = 0; j < n; j++)
        {
            double mean = 20 * r.NextDouble() - 10, std = Math.Pow(10, 2 * r.NextDouble() - 1), shift = 2 * r.NextDouble() - 1;
            for (int i = 0; i < m; i++) train[i, j] = (float)(mean + std * train[i, j]);
            for (int i = 0; i < mDev; i++) dev[i, j] = (float)(mean + std * (dev[i, j] + shift));
        }
        return (train, dev);
    }
}
