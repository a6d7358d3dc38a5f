using CourseKit.Tensors;

namespace CourseKit.Nn;

/// <summary>
/// The cost J(θ) of a model on one batch, evaluated in double on the reference kernels, with θ copied to double
/// (for gradient checking where every layer and the loss offer the double path).
/// </summary>
internal sealed class DoubleCost : ICheckedCost
{
    private readonly Sequential _model;
    private readonly IDoublePrecisionLoss _loss;
    private readonly IDoublePrecisionLayer[] _layers;
    private readonly double[] _x;
    private readonly int[] _labels;
    private readonly int _rows, _outputs;
    private readonly float _lambda;
    private readonly Dictionary<string, double[]> _theta;

    public DoubleCost(Sequential model, IDoublePrecisionLoss loss, IDoublePrecisionLayer[] layers, Matrix x, int[] labels, float lambda)
    {
        (_model, _loss, _layers, _labels, _lambda) = (model, loss, layers, labels, lambda);
        _x = Array.ConvertAll(x.Data, v => (double)v);
        (_rows, _outputs) = (x.Rows, model.OutputCount);
        _theta = model.Parameters.ToDictionary(p => p.Name, p => Array.ConvertAll(p.Value.Data, v => (double)v));
    }

    public double UnitRoundoff => Math.Pow(2, -52);

    /// <summary>J(θ) = loss + λ/(2m)·Σ‖W‖².</summary>
    public double Value() => _loss.ComputeDouble(Forward(), _rows, _outputs, _labels, out _) + Penalty();

    public double Get(string name, int index) => _theta[name][index];

    public double Set(string name, int index, double value) => _theta[name][index] = value;

    /// <summary>∂J/∂θ for every trainable parameter by backpropagation in double.</summary>
    public Dictionary<string, double[]> Gradients()
    {
        _loss.ComputeDouble(Forward(), _rows, _outputs, _labels, out double[] d);
        var gradients = new Dictionary<string, double[]>();
        for (int i = _layers.Length - 1; i >= 0; i--) d = _layers[i].BackwardDouble(d, _rows, gradients);
        if (_lambda > 0)
            foreach (var p in _model.Parameters.Where(p => p.Regularized))
            {
                double[] w = _theta[p.Name], g = gradients[p.Name];
                for (int i = 0; i < w.Length; i++) g[i] += _lambda / _rows * w[i];
            }
        return gradients;
    }

    private double[] Forward()
    {
        double[] a = _x;
        foreach (var layer in _layers) a = layer.ForwardDouble(a, _rows, _theta);
        return a;
    }

    private double Penalty()
    {
        if (_lambda == 0) return 0;
        double sum = 0;
        foreach (var p in _model.Parameters.Where(p => p.Regularized))
            foreach (double w in _theta[p.Name]) sum += w * w;
        return _lambda / (2.0 * _rows) * sum;
    }
}
