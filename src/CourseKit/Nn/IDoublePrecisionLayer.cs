namespace CourseKit.Nn;

/// <summary>
/// The optional double-precision path of a layer, on the scalar reference kernels: gradient checking runs a model in
/// double when every layer offers it, where two-sided differences can reach the course's 1e-7 threshold. Every
/// built-in layer implements it; a custom layer may, or be checked in float (see <see cref="GradientCheck"/>).
/// </summary>
public interface IDoublePrecisionLayer
{
    /// <summary>
    /// Forward pass in double precision (row-major m × n), reading parameter values by qualified name from
    /// <paramref name="parameters"/> (the gradient check perturbs them there; the float values are not used).
    /// </summary>
    double[] ForwardDouble(double[] x, int rows, IReadOnlyDictionary<string, double[]> parameters);

    /// <summary>
    /// Backward pass in double precision after <see cref="ForwardDouble"/>: writes this layer's parameter gradients
    /// into <paramref name="gradients"/> by qualified name and returns ∂J/∂(input); the float gradients are untouched.
    /// </summary>
    double[] BackwardDouble(double[] dy, int rows, IDictionary<string, double[]> gradients);
}
