using CourseKit.Nn;
using CourseKit.Tensors;

namespace CourseKit.Tests.Grading;

/// <summary>Typical mistakes in the setting-up-optimization exercises.</summary>
public enum SetupMistake
{
    None,
    SampleStd,              // σ divided by m − 1
    DevOwnStatistics,       // dev standardized with dev's μ and σ
    RowStatistics,          // μ and σ per example (row) instead of per feature
    ConstantFeatureNaN,     // σ = 0 divides by 0
    VarianceAsStd,          // std = 2/n_in instead of √(2/n_in)
    FanOut,                 // n_out where n_in belongs
    GlorotProduct,          // 2/(n_in·n_out), the lecture deck's misprint
    Transposed,             // fanOut × fanIn
    OneSided,               // (J(θ + ε) − J(θ))/ε
    DivideByEpsilon,        // (J(θ + ε) − J(θ − ε))/ε
    NoRestore,              // θ_i left nudged
}

/// <summary>What learners write for the three exercises of the setting-up-optimization chapter, one mistake at a time.</summary>
internal static class SetupOptimizationLearners
{
    public static (Matrix, Matrix) Standardize(Matrix train, Matrix dev, SetupMistake mistake = SetupMistake.None)
    {
        if (mistake == SetupMistake.RowStatistics)
            return (Scale(train.Transpose(), train.Transpose(), mistake).Transpose(), Scale(dev.Transpose(), dev.Transpose(), mistake).Transpose());
        return (Scale(train, train, mistake), Scale(dev, mistake == SetupMistake.DevOwnStatistics ? dev : train, mistake));
    }

    private static Matrix Scale(Matrix x, Matrix statisticsFrom, SetupMistake mistake)
    {
        var result = new Matrix(x.Rows, x.Cols);
        int m = statisticsFrom.Rows;
        for (int j = 0; j < x.Cols; j++)
        {
            double mean = 0, squares = 0;
            for (int i = 0; i < m; i++) mean += statisticsFrom[i, j];
            mean /= m;
            for (int i = 0; i < m; i++) squares += (statisticsFrom[i, j] - mean) * (statisticsFrom[i, j] - mean);
            double std = Math.Sqrt(squares / (mistake == SetupMistake.SampleStd ? m - 1 : m));
            if (std == 0 && mistake != SetupMistake.ConstantFeatureNaN) std = 1;
            for (int i = 0; i < x.Rows; i++) result[i, j] = (float)((x[i, j] - mean) / std);
        }
        return result;
    }

    public static Matrix Initialize(Initializer scheme, int fanIn, int fanOut, int seed, SetupMistake mistake = SetupMistake.None)
    {
        int nIn = mistake == SetupMistake.FanOut ? fanOut : fanIn;
        double variance = scheme switch
        {
            Initializer.He => 2.0 / nIn,
            Initializer.Xavier => 1.0 / nIn,
            _ => mistake == SetupMistake.GlorotProduct ? 2.0 / (fanIn * fanOut) : 2.0 / (fanIn + fanOut),
        };
        double std = mistake == SetupMistake.VarianceAsStd ? variance : Math.Sqrt(variance);
        return mistake == SetupMistake.Transposed
            ? Matrix.RandomNormal(fanOut, fanIn, seed, 0f, (float)std)
            : Matrix.RandomNormal(fanIn, fanOut, seed, 0f, (float)std);
    }

    public static double[] Gradient(Func<double[], double> cost, double[] theta, double epsilon, SetupMistake mistake = SetupMistake.None)
    {
        var approx = new double[theta.Length];
        for (int i = 0; i < theta.Length; i++)
        {
            double original = theta[i];
            theta[i] = original + epsilon;
            double plus = cost(theta);
            theta[i] = original - epsilon;
            double minus = cost(theta);
            theta[i] = original;
            double center = cost(theta);
            approx[i] = mistake switch
            {
                SetupMistake.OneSided => (plus - center) / epsilon,
                SetupMistake.DivideByEpsilon => (plus - minus) / epsilon,
                _ => (plus - minus) / (2 * epsilon),
            };
            if (mistake == SetupMistake.NoRestore) theta[i] = original + epsilon;
        }
        return approx;
    }
}
