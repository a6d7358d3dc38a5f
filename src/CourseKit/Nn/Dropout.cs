using CourseKit.Tensors;
using CourseKit.Kernels;

namespace CourseKit.Nn;

/// <summary>
/// Inverted dropout: in training, keeps each unit with probability keepProb and scales kept units by 1/keepProb;
/// in inference, the identity.
/// </summary>
/// <remarks>
/// The mask of the k-th training forward pass is a pure function of (seed, k), so a run resumed from a checkpoint
/// (which stores k) draws the same masks as an uninterrupted one. Gradient checking refuses models with dropout on:
/// the cost is not a fixed function of the parameters while masks change.
/// </remarks>
public sealed partial class Dropout : Layer, IDoublePrecisionLayer
{
    private Matrix? _output, _mask, _dx;

    /// <summary>Creates a dropout layer.</summary>
    /// <param name="keepProb">Probability of keeping a unit, in (0, 1].</param>
    /// <param name="seed">Seed of the masks; the model's build seed is mixed in, so two dropout layers differ.</param>
    /// <param name="name">The layer's name; dropout1, dropout2, … (given by its model) when null.</param>
    public Dropout(double keepProb, int seed = 0, string? name = null) : base(name)
    {
        KeepProb = ScalarArguments.Probability(keepProb, nameof(keepProb));
        Seed = seed;
    }

    /// <summary>Probability of keeping a unit.</summary>
    public float KeepProb { get; }

    /// <summary>Seed given at construction.</summary>
    public int Seed { get; }

    /// <summary>Number of training forward passes so far (the mask counter).</summary>
    public long Passes { get; private set; }

    private ulong _key;

    /// <inheritdoc />
    public override string Kind => "dropout";

    /// <inheritdoc />
    public override int OutputFeatures(int inputFeatures) => inputFeatures;

    /// <inheritdoc />
    protected override void OnBuild(int inputFeatures, int seed) => _key = CpuKernels.SplitMix64(((ulong)(uint)Seed << 32) | (uint)seed);

    /// <inheritdoc />
    protected override Matrix OnForward(Matrix x)
    {
        var y = Reuse(ref _output, x.Rows, x.Cols);
        if (!Training)
        {
            x.AsSpan().CopyTo(y.AsSpan());
            return y;
        }
        var mask = Reuse(ref _mask, x.Rows, x.Cols);
        CpuKernels.DropoutForward(x.AsSpan(), KeepProb, CpuKernels.SplitMix64(_key + (ulong)Passes), mask.AsSpan(), y.AsSpan());
        Passes++;
        return y;
    }

    /// <inheritdoc />
    protected override Matrix OnBackward(Matrix dy)
    {
        _mask!.Shape.RequireSame(dy.Shape, nameof(dy));
        var dx = Reuse(ref _dx, dy.Rows, dy.Cols);
        CpuKernels.DropoutBackward(dy.AsSpan(), _mask.AsSpan(), dx.AsSpan());
        return dx;
    }

    /// <inheritdoc />
    public double[] ForwardDouble(double[] x, int rows, IReadOnlyDictionary<string, double[]> parameters) => Training && KeepProb < 1f
        ? throw new InvalidOperationException($"{Describe()}: dropout is on (keepProb {KeepProb}); gradient checking needs a deterministic cost — switch the model to Eval() or use keepProb = 1.")
        : x;

    /// <inheritdoc />
    public double[] BackwardDouble(double[] dy, int rows, IDictionary<string, double[]> gradients) => dy;

    /// <inheritdoc />
    public override IReadOnlyDictionary<string, long> SaveExtraState() => new Dictionary<string, long> { ["passes"] = Passes };

    /// <inheritdoc />
    public override void LoadExtraState(IReadOnlyDictionary<string, long> state)
    {
        if (!state.TryGetValue("passes", out long passes) || passes < 0)
            throw new ArgumentException($"state: expected a 'passes' counter ≥ 0 for {Describe()}, actual {(state.TryGetValue("passes", out long p) ? p.ToString() : "none")}.", nameof(state));
        Passes = passes;
    }
}
