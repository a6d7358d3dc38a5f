using CourseKit.Tensors;

namespace CourseKit.Nn;

/// <summary>The cost J(θ) of a model on one batch, evaluated in double on the reference kernels (for gradient checking).</summary>
internal sealed class DoubleCost(Sequential model, ILoss loss, Matrix x, int[] labels, float lambda)
{
    private readonly double[] _x = Array.ConvertAll(x.Data, v => (double)v);
    private readonly int _rows = x.Rows;
    private readonly IDoublePrecisionLayer[] _layers = model.Leaves.Cast<IDoublePrecisionLayer>().ToArray();
    private readonly int _outputs = model.OutputCount;

    /// <summary>J(θ) = loss + λ/(2m)·Σ‖W‖².</summary>
    public double Value(IReadOnlyDictionary<string, double[]> theta)
    {
        double[] output = Forward(theta);
        return loss.ComputeDouble(output, _rows, _outputs, labels, out _) + Penalty(theta);
    }

    /// <summary>∂J/∂θ for every trainable parameter by backpropagation in double.</summary>
    public Dictionary<string, double[]> Gradients(IReadOnlyDictionary<string, double[]> theta)
    {
        double[] output = Forward(theta);
        loss.ComputeDouble(output, _rows, _outputs, labels, out double[] d);
        var gradients = new Dictionary<string, double[]>();
        for (int i = _layers.Length - 1; i >= 0; i--) d = _layers[i].BackwardDouble(d, _rows, gradients);
        if (lambda > 0)
            foreach (var p in model.Parameters.Where(p => p.Regularized))
            {
                double[] w = theta[p.Name], g = gradients[p.Name];
                for (int i = 0; i < w.Length; i++) g[i] += lambda / _rows * w[i];
            }
        return gradients;
    }

    private double[] Forward(IReadOnlyDictionary<string, double[]> theta)
    {
        double[] a = _x;
        foreach (var layer in _layers) a = layer.ForwardDouble(a, _rows, theta);
        return a;
    }

    private double Penalty(IReadOnlyDictionary<string, double[]> theta)
    {
        if (lambda == 0) return 0;
        double sum = 0;
        foreach (var p in model.Parameters.Where(p => p.Regularized))
            foreach (double w in theta[p.Name]) sum += w * w;
        return lambda / (2.0 * _rows) * sum;
    }
}
