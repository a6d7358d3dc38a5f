using CourseKit.Tensors;

namespace CourseKit.Tests.Grading;

/// <summary>Typical mistakes in the optimization-algorithms exercises.</summary>
public enum OptMistake
{
    None,
    SeparateShuffle,        // X shuffled, Y left in its order
    DropLast,               // the last partial batch dropped
    CorrectStored,          // EWA: the corrected value fed back into the recursion
    SwappedWeights,         // EWA: β on the new value, 1 − β on the old average
    NoOneMinusBeta,         // momentum: v = β·v + dw
    MoveByGradient,         // momentum: w −= α·dw
    EpsilonInside,          // RMSprop/Adam: √(s + ε)
    DivideByS,              // RMSprop: dw / (s + ε)
    ReturnCorrected,        // Adam: v̂ and ŝ returned as the state
    BetaOneForS,            // Adam: ŝ = s/(1 − β₁ᵗ)
    NoCorrection,           // Adam: no bias correction
    DecayTimesEpoch,        // α₀/(1 + rate)·epoch
}

/// <summary>What learners write for the optimization-algorithms exercises, one mistake at a time.</summary>
internal static class OptimizationLearners
{
    public static (Matrix X, int[] Y)[] MiniBatches(Matrix x, int[] y, int batchSize, int[] order, OptMistake mistake = OptMistake.None)
    {
        var batches = new List<(Matrix, int[])>();
        int m = x.Rows;
        for (int start = 0; start < m; start += batchSize)
        {
            int size = Math.Min(batchSize, m - start);
            if (size < batchSize && mistake == OptMistake.DropLast) break;
            var (bx, by) = (new Matrix(size, x.Cols), new int[size]);
            for (int r = 0; r < size; r++)
            {
                x.Row(order[start + r]).CopyTo(bx.Row(r));
                by[r] = y[mistake == OptMistake.SeparateShuffle ? start + r : order[start + r]];
            }
            batches.Add((bx, by));
        }
        return batches.ToArray();
    }

    public static double[] Ewa(double[] theta, double beta, bool correction, OptMistake mistake = OptMistake.None)
    {
        var result = new double[theta.Length];
        double v = 0;
        for (int t = 1; t <= theta.Length; t++)
        {
            v = mistake == OptMistake.SwappedWeights ? (1 - beta) * v + beta * theta[t - 1] : beta * v + (1 - beta) * theta[t - 1];
            result[t - 1] = correction ? v / (1 - Math.Pow(beta, t)) : v;
            if (mistake == OptMistake.CorrectStored) v = result[t - 1];
        }
        return result;
    }

    public static (double[], double[]) Momentum(double[] w, double[] dw, double[] v, double alpha, double beta, OptMistake mistake = OptMistake.None)
    {
        var (w2, v2) = ((double[])w.Clone(), (double[])v.Clone());
        for (int i = 0; i < w.Length; i++)
        {
            v2[i] = beta * v[i] + (mistake == OptMistake.NoOneMinusBeta ? 1 : 1 - beta) * dw[i];
            w2[i] -= alpha * (mistake == OptMistake.MoveByGradient ? dw[i] : v2[i]);
        }
        return (w2, v2);
    }

    public static (double[], double[]) RmsProp(double[] w, double[] dw, double[] s, double alpha, double beta2, double eps, OptMistake mistake = OptMistake.None)
    {
        var (w2, s2) = ((double[])w.Clone(), (double[])s.Clone());
        for (int i = 0; i < w.Length; i++)
        {
            s2[i] = beta2 * s[i] + (1 - beta2) * dw[i] * dw[i];
            double denominator = mistake switch
            {
                OptMistake.EpsilonInside => Math.Sqrt(s2[i] + eps),
                OptMistake.DivideByS => s2[i] + eps,
                _ => Math.Sqrt(s2[i]) + eps,
            };
            w2[i] -= alpha * dw[i] / denominator;
        }
        return (w2, s2);
    }

    public static (double[], double[], double[]) Adam(double[] w, double[] dw, double[] v, double[] s, int t, double alpha, double beta1,
        double beta2, double eps, OptMistake mistake = OptMistake.None)
    {
        var (w2, v2, s2) = ((double[])w.Clone(), (double[])v.Clone(), (double[])s.Clone());
        for (int i = 0; i < w.Length; i++)
        {
            v2[i] = beta1 * v[i] + (1 - beta1) * dw[i];
            s2[i] = beta2 * s[i] + (1 - beta2) * dw[i] * dw[i];
            double vHat = mistake == OptMistake.NoCorrection ? v2[i] : v2[i] / (1 - Math.Pow(beta1, t));
            double sHat = mistake switch
            {
                OptMistake.NoCorrection => s2[i],
                OptMistake.BetaOneForS => s2[i] / (1 - Math.Pow(beta1, t)),
                _ => s2[i] / (1 - Math.Pow(beta2, t)),
            };
            w2[i] -= alpha * vHat / (mistake == OptMistake.EpsilonInside ? Math.Sqrt(sHat + eps) : Math.Sqrt(sHat) + eps);
            if (mistake == OptMistake.ReturnCorrected) (v2[i], s2[i]) = (vHat, sHat);
        }
        return (w2, v2, s2);
    }

    public static double Decay(double alpha0, double rate, int epoch, OptMistake mistake = OptMistake.None) =>
        mistake == OptMistake.DecayTimesEpoch ? alpha0 / (1 + rate) * epoch : alpha0 / (1 + rate * epoch);
}
