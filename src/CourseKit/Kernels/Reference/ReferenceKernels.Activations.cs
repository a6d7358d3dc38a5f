namespace CourseKit.Kernels.Reference;

public static partial class ReferenceKernels
{
    /// <summary>ReLU: g(z) = max(0, z).</summary>
    public static double[] Relu(double[] z) => Array.ConvertAll(z, v => Math.Max(0, v));

    /// <summary>dZ = dA · g′(z) with g′(z) = 1 if z &gt; 0 else 0.</summary>
    public static double[] ReluBackward(double[] z, double[] dA)
    {
        var dZ = new double[z.Length];
        for (int i = 0; i < z.Length; i++) dZ[i] = z[i] > 0 ? dA[i] : 0;
        return dZ;
    }

    /// <summary>Leaky ReLU: g(z) = z if z &gt; 0 else slope · z.</summary>
    public static double[] LeakyRelu(double[] z, double slope) => Array.ConvertAll(z, v => v > 0 ? v : slope * v);

    /// <summary>dZ = dA · (1 if z &gt; 0 else slope).</summary>
    public static double[] LeakyReluBackward(double[] z, double[] dA, double slope)
    {
        var dZ = new double[z.Length];
        for (int i = 0; i < z.Length; i++) dZ[i] = z[i] > 0 ? dA[i] : slope * dA[i];
        return dZ;
    }

    /// <summary>tanh(z).</summary>
    public static double[] Tanh(double[] z) => Array.ConvertAll(z, Math.Tanh);

    /// <summary>dZ = dA · (1 − a²), with a = tanh(z).</summary>
    public static double[] TanhBackward(double[] a, double[] dA)
    {
        var dZ = new double[a.Length];
        for (int i = 0; i < a.Length; i++) dZ[i] = dA[i] * (1 - a[i] * a[i]);
        return dZ;
    }

    /// <summary>σ(z) = 1 / (1 + e^(−z)).</summary>
    public static double[] Sigmoid(double[] z) => Array.ConvertAll(z, v => 1 / (1 + Math.Exp(-v)));

    /// <summary>dZ = dA · a · (1 − a), with a = σ(z).</summary>
    public static double[] SigmoidBackward(double[] a, double[] dA)
    {
        var dZ = new double[a.Length];
        for (int i = 0; i < a.Length; i++) dZ[i] = dA[i] * a[i] * (1 - a[i]);
        return dZ;
    }
}
