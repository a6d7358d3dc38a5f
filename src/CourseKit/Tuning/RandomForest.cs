namespace CourseKit.Tuning;

/// <summary>
/// A small seeded random forest for regression (bootstrap samples, best split over all features at each node, mean in
/// the leaves), with Breiman's out-of-bag permutation importance. Used for parameter importance and contour surfaces.
/// </summary>
public sealed class RandomForest
{
    private readonly List<Node> _trees = [];
    private readonly List<int[]> _outOfBag = [];
    private readonly double[][] _x;
    private readonly double[] _y;

    /// <summary>Fits <paramref name="trees"/> trees to rows <paramref name="x"/> (NaN = missing, treated as −1) and targets <paramref name="y"/>.</summary>
    public RandomForest(double[][] x, double[] y, int seed, int trees = 64, int maxDepth = 10, int minLeaf = 2)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Length != y.Length) throw new ArgumentException($"y: expected one target per row ({x.Length}), actual {y.Length}.", nameof(y));
        if (x.Length < 2) throw new ArgumentException($"x: expected at least 2 rows, actual {x.Length}.", nameof(x));
        _x = x.Select(r => r.Select(v => double.IsNaN(v) ? -1 : v).ToArray()).ToArray();
        _y = y;
        for (int t = 0; t < trees; t++)
        {
            var random = new Random(Seeds.Derive(seed, t));
            int[] sample = Enumerable.Range(0, x.Length).Select(_ => random.Next(x.Length)).ToArray();
            var inBag = new HashSet<int>(sample);
            _outOfBag.Add(Enumerable.Range(0, x.Length).Where(i => !inBag.Contains(i)).ToArray());
            _trees.Add(Grow(sample, 0, maxDepth, minLeaf));
        }
    }

    /// <summary>The forest's prediction: the mean of the trees'.</summary>
    public double Predict(double[] row)
    {
        ArgumentNullException.ThrowIfNull(row);
        double[] r = row.Select(v => double.IsNaN(v) ? -1 : v).ToArray();
        return _trees.Average(t => t.Predict(r));
    }

    /// <summary>
    /// Out-of-bag permutation importance of each feature: how much each tree's squared error on the rows it did not see
    /// grows when that feature's values are shuffled among those rows; averaged, clipped at 0 and normalized to sum 1.
    /// </summary>
    public double[] PermutationImportance(int seed)
    {
        int d = _x[0].Length;
        var importance = new double[d];
        var random = new Random(seed);
        for (int t = 0; t < _trees.Count; t++)
        {
            int[] oob = _outOfBag[t];
            if (oob.Length < 2) continue;
            double baseline = oob.Sum(i => Square(_trees[t].Predict(_x[i]) - _y[i]));
            for (int j = 0; j < d; j++)
            {
                int[] shuffled = oob.OrderBy(_ => random.Next()).ToArray();
                double error = 0;
                for (int k = 0; k < oob.Length; k++)
                {
                    double[] row = (double[])_x[oob[k]].Clone();
                    row[j] = _x[shuffled[k]][j];
                    error += Square(_trees[t].Predict(row) - _y[oob[k]]);
                }
                importance[j] += (error - baseline) / oob.Length;
            }
        }
        for (int j = 0; j < d; j++) importance[j] = Math.Max(0, importance[j]);
        double total = importance.Sum();
        return total > 0 ? importance.Select(v => v / total).ToArray() : importance.Select(_ => 1.0 / d).ToArray();
    }

    private Node Grow(int[] rows, int depth, int maxDepth, int minLeaf)
    {
        double mean = rows.Average(i => _y[i]);
        if (depth >= maxDepth || rows.Length < 2 * minLeaf) return new Node(mean);
        var (feature, threshold, gain) = (-1, 0.0, 1e-12);
        double total = rows.Sum(i => _y[i]), totalSq = rows.Sum(i => _y[i] * _y[i]);
        double parent = totalSq - total * total / rows.Length;
        for (int j = 0; j < _x[0].Length; j++)
        {
            int[] order = rows.OrderBy(i => _x[i][j]).ToArray();
            double left = 0, leftSq = 0;
            for (int k = 0; k < order.Length - 1; k++)
            {
                double v = _y[order[k]];
                left += v;
                leftSq += v * v;
                int nl = k + 1, nr = order.Length - nl;
                if (nl < minLeaf || nr < minLeaf || _x[order[k]][j] == _x[order[k + 1]][j]) continue;
                double right = total - left, rightSq = totalSq - leftSq;
                double g = parent - (leftSq - left * left / nl) - (rightSq - right * right / nr);
                if (g > gain) (feature, threshold, gain) = (j, (_x[order[k]][j] + _x[order[k + 1]][j]) / 2, g);
            }
        }
        if (feature < 0) return new Node(mean);
        return new Node(mean, feature, threshold,
            Grow(rows.Where(i => _x[i][feature] <= threshold).ToArray(), depth + 1, maxDepth, minLeaf),
            Grow(rows.Where(i => _x[i][feature] > threshold).ToArray(), depth + 1, maxDepth, minLeaf));
    }

    private static double Square(double v) => v * v;

    private sealed record Node(double Mean, int Feature = -1, double Threshold = 0, Node? Left = null, Node? Right = null)
    {
        public double Predict(double[] row) => Feature < 0 ? Mean : row[Feature] <= Threshold ? Left!.Predict(row) : Right!.Predict(row);
    }
}
