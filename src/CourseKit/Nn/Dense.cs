using CourseKit.Kernels.Reference;
using CourseKit.Tensors;
using CourseKit.Kernels;

namespace CourseKit.Nn;

/// <summary>
/// A fully connected layer: effectively computes <c>Z = X·W + b</c> with W of shape n_in × n_out
/// (the lecture's Z[l] = W[l]·A[l−1] + b[l], transposed for one example per row).
/// </summary>
/// <remarks>
/// Backward: dW = Xᵀ·dZ, db = Σ over the batch of dZ, dX = dZ·Wᵀ — the gradients of the summed cost; the 1/m lives in
/// the loss's dZ. Before BatchNorm the bias is redundant (BatchNorm subtracts the mean and adds β), so
/// <c>useBias: false</c> drops it, as the lecture does.
/// </remarks>
public sealed partial class Dense : Layer, IDoublePrecisionLayer
{
    private Parameter? _w, _b;
    private Matrix? _input, _output, _dx;
    private double[]? _inputDouble, _wDouble;

    /// <summary>Creates a dense layer with <paramref name="units"/> outputs, named <paramref name="name"/> (or dense1, dense2, … by its model).</summary>
    public Dense(int units, bool useBias = true, Initializer initializer = Initializer.He, string? name = null) : base(name)
    {
        if (units < 1) throw new ArgumentOutOfRangeException(nameof(units), units, $"units: expected ≥ 1, actual {units}.");
        Units = units;
        UseBias = useBias;
        Initializer = initializer;
    }

    /// <summary>Number of outputs n_out.</summary>
    public int Units { get; }

    /// <summary>Whether the layer adds a bias b.</summary>
    public bool UseBias { get; }

    /// <summary>How W is initialized (b starts at zero).</summary>
    public Initializer Initializer { get; }

    /// <summary>W, n_in × n_out.</summary>
    public Parameter W => _w ?? throw new InvalidOperationException($"{Describe()}: not built yet.");

    /// <summary>b, 1 × n_out, or null without bias.</summary>
    public Parameter? B => _b;

    /// <inheritdoc />
    public override string Kind => "dense";

    /// <inheritdoc />
    public override int OutputFeatures(int inputFeatures) => Units;

    /// <inheritdoc />
    protected override void OnBuild(int inputFeatures, int seed)
    {
        _w = AddParameter("W", Initializers.Create(Initializer, inputFeatures, Units, seed), regularized: true);
        _b = UseBias ? AddParameter("b", new Matrix(1, Units)) : null;
    }

    /// <inheritdoc />
    protected override Matrix OnForward(Matrix x)
    {
        var z = Reuse(ref _output, x.Rows, Units);
        // x is the one operand that may come straight from the user: W and b are ours, checked where they change.
        CourseKit.Kernels.Guard.AllFinite(x.AsSpan(), nameof(x), x.Cols);
        CpuKernels.GemmUnchecked(x.AsSpan(), W.Value.AsSpan(), z.AsSpan(), x.Rows, Units, InputFeatures);
        if (_b is not null) CpuKernels.AddRowVector(z.AsSpan(), z.Rows, Units, _b.Value.AsSpan(), z.AsSpan());
        _input = Training ? x : null;
        return z;
    }

    /// <inheritdoc />
    protected override Matrix OnBackward(Matrix dz)
    {
        BackwardParameters(dz);
        var dx = Reuse(ref _dx, _input!.Rows, InputFeatures);
        CpuKernels.GemmUnchecked(dz.AsSpan(), W.Value.AsSpan(), dx.AsSpan(), dx.Rows, InputFeatures, Units, transposeB: true);
        return dx;
    }

    /// <summary>dW and db only: the first layer of a model needs no gradient for its input (the data).</summary>
    internal override void BackwardParameters(Matrix dz)
    {
        RequireForwardCache();
        var x = _input!;
        new Shape(x.Rows, Units).RequireSame(dz.Shape, nameof(dz));
        WeightGradient(x, dz);
        if (_b is not null) CpuKernels.ColumnSums(dz.AsSpan(), dz.Rows, Units, _b.Grad.AsSpan());
    }

    /// <summary>
    /// dW = Xᵀ·dZ. With at most 16 units on AVX-512 (the 256 → 10 output layer) the GEMM computes it row by row
    /// without packing (NarrowColumns); with fewer units than one column panel otherwise, as the transposed product
    /// dWᵀ = dZᵀ·X (CpuKernels.GemmNarrow).
    /// </summary>
    private void WeightGradient(Matrix x, Matrix dz) =>
        CpuKernels.GemmUnchecked(x.AsSpan(), dz.AsSpan(), W.Grad.AsSpan(), InputFeatures, Units, x.Rows, transposeA: true);

    /// <inheritdoc />
    public double[] ForwardDouble(double[] x, int rows, IReadOnlyDictionary<string, double[]> parameters)
    {
        _inputDouble = x;
        _wDouble = parameters[W.Name];
        var z = ReferenceKernels.Gemm(x, _wDouble, null, rows, Units, InputFeatures);
        if (_b is not null)
        {
            double[] b = parameters[_b.Name];
            for (int i = 0; i < rows; i++)
                for (int j = 0; j < Units; j++) z[i * Units + j] += b[j];
        }
        return z;
    }

    /// <inheritdoc />
    public double[] BackwardDouble(double[] dz, int rows, IDictionary<string, double[]> gradients)
    {
        var x = _inputDouble ?? throw new InvalidOperationException($"{Describe()}: BackwardDouble needs ForwardDouble first.");
        gradients[W.Name] = ReferenceKernels.Gemm(x, dz, null, InputFeatures, Units, rows, transposeA: true);
        if (_b is not null) gradients[_b.Name] = ReferenceKernels.ColumnSums(dz, rows, Units);
        return ReferenceKernels.Gemm(dz, _wDouble!, null, rows, InputFeatures, Units, transposeB: true);
    }

    /// <inheritdoc />
    public override string Describe() => $"{base.Describe()} {(IsBuilt ? InputFeatures.ToString() : "?")} → {Units}";
}
