using CourseKit.Tensors;

namespace CourseKit.Data;

/// <summary>
/// Seeded 2-D toy sets for decision-boundary pictures: two moons, concentric circles, K-arm spirals, Gaussian blobs.
/// </summary>
/// <remarks>
/// Every set has 2 features (x, y) and balanced classes: with K classes, class k gets ⌊count / K⌋ points plus one
/// for k &lt; count mod K. <c>noise</c> is the standard deviation of Gaussian noise added to each coordinate
/// (0 gives the exact shape). Rows are shuffled (seeded), so any prefix mixes the classes. The same seed gives the
/// same data.
/// </remarks>
public static class Synthetic
{
    private static readonly string[] XY = ["x", "y"];

    /// <summary>Two interleaving half circles (radius 1): class 0 the upper moon centred at (0, 0), class 1 the lower one centred at (1, 0.5).</summary>
    public static Dataset Moons(int count, double noise, int seed) =>
        Build("moons", count, 2, noise, seed, (k, j, n) =>
        {
            double angle = Math.PI * Along(j, n);
            return k == 0 ? (Math.Cos(angle), Math.Sin(angle)) : (1 - Math.Cos(angle), 0.5 - Math.Sin(angle));
        });

    /// <summary>Two concentric circles: class 0 the outer (radius 1), class 1 the inner (radius <paramref name="factor"/>).</summary>
    /// <param name="count">Number of points.</param>
    /// <param name="noise">Standard deviation of the noise added to each coordinate.</param>
    /// <param name="seed">Seed.</param>
    /// <param name="factor">Inner radius, in (0, 1).</param>
    public static Dataset Circles(int count, double noise, int seed, double factor = 0.5)
    {
        if (!(factor > 0 && factor < 1))
            throw new ArgumentOutOfRangeException(nameof(factor), factor, $"factor: expected a value in (0, 1), actual {factor}.");
        return Build("circles", count, 2, noise, seed, (k, j, n) =>
        {
            double r = k == 0 ? 1 : factor, angle = 2 * Math.PI * j / Math.Max(n, 1); // j / n: 0 and 2π are the same point
            return (r * Math.Cos(angle), r * Math.Sin(angle));
        });
    }

    /// <summary><paramref name="arms"/> interleaved spiral arms (one class each) growing from radius 0 to 1 over <paramref name="turns"/> turns.</summary>
    /// <param name="count">Number of points.</param>
    /// <param name="arms">Number of arms = classes K (≥ 2).</param>
    /// <param name="noise">Standard deviation of the noise added to each coordinate.</param>
    /// <param name="seed">Seed.</param>
    /// <param name="turns">How far each arm winds, in full turns (&gt; 0).</param>
    public static Dataset Spirals(int count, int arms, double noise, int seed, double turns = 0.75)
    {
        if (arms < 2) throw new ArgumentOutOfRangeException(nameof(arms), arms, $"arms: expected ≥ 2, actual {arms}.");
        if (!(turns > 0) || !double.IsFinite(turns))
            throw new ArgumentOutOfRangeException(nameof(turns), turns, $"turns: expected a finite value > 0, actual {turns}.");
        return Build("spirals", count, arms, noise, seed, (k, j, n) =>
        {
            double t = Along(j, n), angle = 2 * Math.PI * ((double)k / arms + turns * t);
            return (t * Math.Cos(angle), t * Math.Sin(angle));
        });
    }

    /// <summary><paramref name="centers"/> isotropic Gaussian blobs of standard deviation <paramref name="noise"/>, centres drawn uniformly from [−<paramref name="box"/>, <paramref name="box"/>]².</summary>
    /// <param name="count">Number of points.</param>
    /// <param name="centers">Number of blobs = classes (≥ 1).</param>
    /// <param name="noise">Standard deviation of each blob.</param>
    /// <param name="seed">Seed (centres and points).</param>
    /// <param name="box">Half-width of the square the centres are drawn from (&gt; 0).</param>
    public static Dataset Blobs(int count, int centers, double noise, int seed, double box = 5)
    {
        if (centers < 1) throw new ArgumentOutOfRangeException(nameof(centers), centers, $"centers: expected ≥ 1, actual {centers}.");
        if (!(box > 0) || !double.IsFinite(box))
            throw new ArgumentOutOfRangeException(nameof(box), box, $"box: expected a finite value > 0, actual {box}.");
        var rng = new Random(SeededRandom.Derive(seed, -1));
        var c = new (double X, double Y)[centers];
        for (int k = 0; k < centers; k++) c[k] = (box * (2 * rng.NextDouble() - 1), box * (2 * rng.NextDouble() - 1));
        return Build("blobs", count, centers, noise, seed, (k, _, _) => c[k]);
    }

    private static double Along(int j, int n) => n == 1 ? 0 : (double)j / (n - 1); // both ends of an open curve

    // shape(k, j, n): the noise-free j-th of the n points of class k.
    private static Dataset Build(string name, int count, int classes, double noise, int seed, Func<int, int, int, (double X, double Y)> shape)
    {
        if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), count, $"count: expected ≥ 0, actual {count}.");
        if (!(noise >= 0) || !double.IsFinite(noise))
            throw new ArgumentOutOfRangeException(nameof(noise), noise, $"noise: expected a finite value ≥ 0, actual {noise}.");
        var rng = new Random(seed);
        var order = new int[count];
        for (int i = 0; i < count; i++) order[i] = i;
        rng.Shuffle(order);
        var x = new Matrix(count, 2);
        var labels = new int[count];
        int row = 0;
        for (int k = 0; k < classes; k++)
        {
            int n = count / classes + (k < count % classes ? 1 : 0);
            for (int j = 0; j < n; j++, row++)
            {
                (double px, double py) = shape(k, j, n);
                int r = order[row];
                x[r, 0] = (float)(px + noise * rng.NextGaussian());
                x[r, 1] = (float)(py + noise * rng.NextGaussian());
                labels[r] = k;
            }
        }
        string[] classNames = Enumerable.Range(0, classes).Select(k => $"class {k}").ToArray();
        return new Dataset(x, labels, classes, classNames, XY, name);
    }
}
