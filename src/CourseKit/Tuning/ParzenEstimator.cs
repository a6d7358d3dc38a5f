namespace CourseKit.Tuning;

/// <summary>
/// The density TPE builds from a group of observations: a weighted mixture with one component per observation plus a
/// broad prior component. Numeric axes (unit coordinates in [0, 1]) get Gaussians truncated to [0, 1]; categorical
/// axes get a smoothed one-hot distribution. Multivariate: a component's axes are sampled together.
/// </summary>
internal sealed class ParzenEstimator
{
    private const double HalfLog2Pi = 0.91893853320467274178;
    private readonly int[] _choices;           // per axis: 0 for numeric, else the number of choices
    private readonly double[] _logWeights;     // per component
    private readonly double[] _cumulative;     // per component, for sampling
    private readonly double[][] _mu, _sigma, _logNorm;  // [component][axis], numeric axes
    private readonly double[][][] _logProb;    // [component][axis][choice], categorical axes
    private readonly double _minSpread;

    /// <param name="observations">One row per observation: unit coordinates or choice indices, one per axis.</param>
    /// <param name="weights">A weight per observation (older trials may weigh less).</param>
    /// <param name="choices">Per axis: 0 for numeric, else the number of choices.</param>
    /// <param name="priorWeight">Weight of the prior component (centred, σ = 1 on the unit range).</param>
    /// <param name="bandwidth">Multivariate bandwidth factor, or null for univariate "magic clip" bandwidths.</param>
    /// <param name="minSpread">With a multivariate bandwidth: scale it per axis by the observations' spread (their standard
    /// deviation relative to a uniform's, at least this much), so a tight group of good trials is refined finely; 1 turns it off.</param>
    public ParzenEstimator(double[][] observations, double[] weights, int[] choices, double priorWeight, double? bandwidth, double minSpread = 1)
    {
        _minSpread = minSpread;
        _choices = choices;
        int n = observations.Length, components = n + 1, axes = choices.Length;
        var w = new double[components];
        for (int i = 0; i < n; i++) w[i] = weights[i];
        w[n] = priorWeight;
        double total = w.Sum();
        _logWeights = w.Select(x => Math.Log(x / total)).ToArray();
        _cumulative = new double[components];
        for (double acc = 0, i = 0; i < components; i++) _cumulative[(int)i] = acc += w[(int)i] / total;
        _mu = new double[components][];
        _sigma = new double[components][];
        _logNorm = new double[components][];
        _logProb = new double[components][][];
        for (int c = 0; c < components; c++) { _mu[c] = new double[axes]; _sigma[c] = new double[axes]; _logNorm[c] = new double[axes]; _logProb[c] = new double[axes][]; }
        for (int a = 0; a < axes; a++)
        {
            if (choices[a] > 0) SetCategorical(observations, a, choices[a], priorWeight);
            else SetNumeric(observations, a, bandwidth);
        }
    }

    private void SetNumeric(double[][] observations, int a, double? bandwidth)
    {
        int n = observations.Length;
        double[] sigma = new double[n + 1];
        if (bandwidth is { } factor)
        {
            double s = factor * Math.Pow(Math.Max(n, 1), -1.0 / (_choices.Length + 4));
            if (_minSpread < 1 && n >= 2)
            {
                double mean = observations.Average(o => o[a]);
                double sd = Math.Sqrt(observations.Sum(o => (o[a] - mean) * (o[a] - mean)) / (n - 1));
                s *= Math.Clamp(sd / 0.28867513459481287, _minSpread, 1);  // 0.2887 = sd of U(0, 1)
            }
            Array.Fill(sigma, s);
        }
        else MagicClip(observations.Select(o => o[a]).ToArray(), sigma);
        sigma[n] = 1.0;
        for (int c = 0; c <= n; c++)
        {
            double mu = c < n ? observations[c][a] : 0.5, sd = sigma[c];
            _mu[c][a] = mu;
            _sigma[c][a] = sd;
            double mass = Phi((1 - mu) / sd) - Phi(-mu / sd);
            _logNorm[c][a] = -Math.Log(sd) - Math.Log(Math.Max(mass, 1e-300)) - HalfLog2Pi;
        }
    }

    /// <summary>Optuna's univariate bandwidth: the larger gap to a neighbour (the prior at 0.5 counts), clipped to [1/min(100, n + 1), 1].</summary>
    private static void MagicClip(double[] mus, double[] sigma)
    {
        int n = mus.Length;
        var all = mus.Append(0.5).Select((m, i) => (m, i)).OrderBy(x => x.m).ToArray();
        double min = 1.0 / Math.Min(100, n + 1 + 1);
        for (int k = 0; k < all.Length; k++)
        {
            double left = k > 0 ? all[k].m - all[k - 1].m : all[k].m;
            double right = k < all.Length - 1 ? all[k + 1].m - all[k].m : 1 - all[k].m;
            double s = all.Length == 1 ? 1 : k == 0 ? right : k == all.Length - 1 ? left : Math.Max(left, right);
            if (all[k].i < n) sigma[all[k].i] = Math.Clamp(s, min, 1.0);
        }
    }

    private void SetCategorical(double[][] observations, int a, int k, double priorWeight)
    {
        int n = observations.Length;
        for (int c = 0; c <= n; c++)
        {
            var p = new double[k];
            Array.Fill(p, c < n ? priorWeight / k : 1.0 / k);
            if (c < n) p[(int)observations[c][a]] += 1;
            double sum = p.Sum();
            _logProb[c][a] = p.Select(x => Math.Log(x / sum)).ToArray();
        }
    }

    /// <summary>Draws one point into <paramref name="x"/>.</summary>
    public void Sample(Random random, double[] x)
    {
        double r = random.NextDouble();
        int c = Array.BinarySearch(_cumulative, r);
        c = Math.Min(c < 0 ? ~c : c, _cumulative.Length - 1);
        for (int a = 0; a < _choices.Length; a++)
        {
            if (_choices[a] > 0) { x[a] = SampleChoice(random, _logProb[c][a]); continue; }
            double v;
            int tries = 0;
            do v = _mu[c][a] + _sigma[c][a] * Gaussian(random);
            while ((v < 0 || v > 1) && ++tries < 100);
            x[a] = Math.Clamp(v, 0, 1);
        }
    }

    /// <summary>log density at <paramref name="x"/>.</summary>
    public double LogPdf(double[] x)
    {
        double max = double.NegativeInfinity;
        Span<double> terms = _logWeights.Length <= 512 ? stackalloc double[_logWeights.Length] : new double[_logWeights.Length];
        for (int c = 0; c < _logWeights.Length; c++)
        {
            double t = _logWeights[c];
            for (int a = 0; a < _choices.Length; a++)
            {
                if (_choices[a] > 0) { t += _logProb[c][a][(int)x[a]]; continue; }
                double z = (x[a] - _mu[c][a]) / _sigma[c][a];
                t += _logNorm[c][a] - 0.5 * z * z;
            }
            terms[c] = t;
            max = Math.Max(max, t);
        }
        double sum = 0;
        foreach (double t in terms) sum += Math.Exp(t - max);
        return max + Math.Log(sum);
    }

    private static int SampleChoice(Random random, double[] logProb)
    {
        double r = random.NextDouble(), acc = 0;
        for (int i = 0; i < logProb.Length; i++) if ((acc += Math.Exp(logProb[i])) >= r) return i;
        return logProb.Length - 1;
    }

    private static double Gaussian(Random random)
    {
        double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    private static double Phi(double z) => 0.5 * MathNet.Numerics.SpecialFunctions.Erfc(-z / Math.Sqrt(2));
}
