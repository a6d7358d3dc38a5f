using CourseKit.Tensors;

namespace CourseKit.Nn;

/// <summary>The cost J(θ) of a model on one batch as gradient checking sees it: its value, one component of θ at a time, and backprop's ∂J/∂θ.</summary>
internal interface ICheckedCost
{
    /// <summary>The unit roundoff of the arithmetic (2⁻⁵² in double, 2⁻²³ in float): what limits two-sided differences.</summary>
    double UnitRoundoff { get; }

    /// <summary>J at the current θ.</summary>
    double Value();

    /// <summary>θ[name][index].</summary>
    double Get(string name, int index);

    /// <summary>Sets θ[name][index] to <paramref name="value"/> and returns the value actually stored (rounded to float in float).</summary>
    double Set(string name, int index, double value);

    /// <summary>∂J/∂θ by backpropagation, per trainable parameter.</summary>
    Dictionary<string, double[]> Gradients();
}

/// <summary>J(θ) on the model's float layers: θ perturbed in place (and put back), every forward undone with <see cref="ModelState"/>.</summary>
internal sealed class FloatCost(Sequential model, ILoss loss, Matrix x, int[] labels, float lambda) : ICheckedCost
{
    private readonly Dictionary<string, Parameter> _parameters = model.TrainableParameters.ToDictionary(p => p.Name);

    public double UnitRoundoff => Math.Pow(2, -23);

    public double Value()
    {
        var saved = ModelState.Save(model);
        try
        {
            double cost = loss.Compute(model.ForwardShared(x), labels, null);
            return lambda > 0 ? cost + model.L2Penalty(lambda, x.Rows) : cost;
        }
        finally { saved.Restore(); }
    }

    public double Get(string name, int index) => _parameters[name].Value.Data[index];

    public double Set(string name, int index, double value) => _parameters[name].Value.Data[index] = (float)value;

    public Dictionary<string, double[]> Gradients() => FloatBackprop.Gradients(model, loss, x, labels, lambda);
}

/// <summary>The model's own float backward pass, leaving running statistics and counters as they were.</summary>
internal static class FloatBackprop
{
    public static Dictionary<string, double[]> Gradients(Sequential model, ILoss loss, Matrix x, int[] labels, float lambda)
    {
        var saved = ModelState.Save(model);
        try
        {
            var output = model.ForwardShared(x);
            var dOut = new Matrix(output.Rows, output.Cols);
            loss.Compute(output, labels, dOut);
            model.BackwardShared(dOut);
            if (lambda > 0) model.AddL2Gradients(lambda, x.Rows);
            return model.TrainableParameters.ToDictionary(p => p.Name, p => Array.ConvertAll(p.Grad.Data, v => (double)v));
        }
        finally { saved.Restore(); }
    }
}
