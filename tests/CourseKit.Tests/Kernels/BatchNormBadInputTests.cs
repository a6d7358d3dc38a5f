using CourseKit.Tests.Support;
using CourseKit.Tests.Support.Backends;

namespace CourseKit.Tests.Kernels;

using CourseKit.Kernels;

public class BatchNormBadInputTests
{
    private const int Rows = 4, Cols = 6, N = Rows * Cols;
    private const float Sentinel = 7f;

    /// <summary>One set of arguments for every BatchNorm kernel; each case breaks one of them.</summary>
    private sealed class Args
    {
        private const int C = BatchNormBadInputTests.Cols;
        public int Rows = BatchNormBadInputTests.Rows, Cols = C;
        public float Epsilon = 1e-5f, Momentum = 0.9f;
        public Memory<float> X = TestData.Normal(N), Gamma = Filled(C, 1), Beta = Filled(C, 0);
        public Memory<float> Y = Filled(N, Sentinel), Mean = Filled(C, Sentinel), InvStd = Filled(C, 0.5f), XHat = Filled(N, Sentinel);
        public Memory<float> RunningMean = Filled(C, 0), RunningVar = Filled(C, 1);
        public KernelBackend Backend = new SimdBackend();
        public Memory<float> Dy = TestData.Normal(N, seed: 43), Dx = Filled(N, Sentinel), DGamma = Filled(C, Sentinel), DBeta = Filled(C, Sentinel);

        public void Training() => Backend.BatchNormForwardTraining(X.Span, Rows, Cols, Gamma.Span, Beta.Span, Epsilon,
            Y.Span, Mean.Span, InvStd.Span, XHat.Span, RunningMean.Span, RunningVar.Span, Momentum);
        public void Inference() => Backend.BatchNormForwardInference(X.Span, Rows, Cols, Gamma.Span, Beta.Span, RunningMean.Span, RunningVar.Span, Epsilon, Y.Span);
        public void Backward() => Backend.BatchNormBackward(Dy.Span, XHat.Span, Rows, Cols, Gamma.Span, InvStd.Span, Dx.Span, DGamma.Span, DBeta.Span);
        public void BackwardFromX() => Backend.BatchNormBackward(Dy.Span, X.Span, Rows, Cols, Gamma.Span, Mean.Span, InvStd.Span, Dx.Span, DGamma.Span, DBeta.Span);

        /// <summary>Copies of everything a kernel may write.</summary>
        public float[][] Outputs() => [Y.ToArray(), Mean.ToArray(), InvStd.ToArray(), XHat.ToArray(), RunningMean.ToArray(), RunningVar.ToArray(), Dx.ToArray(), DGamma.ToArray(), DBeta.ToArray()];

        private static float[] Filled(int n, float v) => Enumerable.Repeat(v, n).ToArray();
    }

    private sealed record Case(Action<Args> Break, Type Exception, string Param, string MessagePart);

    private static readonly Dictionary<string, Case> Shared = new()
    {
        ["negative rows"] = new(a => a.Rows = -1, typeof(ArgumentOutOfRangeException), "rows", "actual -1"),
        ["empty batch"] = new(a => { a.Rows = 0; a.X = Array.Empty<float>(); a.Dy = Array.Empty<float>(); a.XHat = Array.Empty<float>(); }, typeof(ArgumentException), "rows", "at least 1"),
        ["gamma too long"] = new(a => a.Gamma = new float[Cols + 1], typeof(ArgumentException), "gamma", "expected length 6, actual 7"),
        ["gamma holds NaN"] = new(a => a.Gamma.Span[2] = float.NaN, typeof(ArgumentException), "gamma", "gamma[2]"),
    };

    private static readonly Dictionary<string, Case> TrainingOnly = new()
    {
        ["x length is not rows × cols"] = new(a => a.X = new float[N - 1], typeof(ArgumentException), "x", "rows × cols = 4 × 6 = 24, actual 23"),
        ["rows × cols overflows int"] = new(a => { a.Rows = 100_000; a.Cols = 100_000; }, typeof(ArgumentException), "x", "10000000000"),
        ["one example"] = new(a => { a.Rows = 1; a.X = a.X[..Cols]; }, typeof(ArgumentException), "rows", "variance of one example is 0"),
        ["beta too short"] = new(a => a.Beta = new float[Cols - 1], typeof(ArgumentException), "beta", "expected length 6, actual 5"),
        ["y too short"] = new(a => a.Y = a.Y[..(N - 1)], typeof(ArgumentException), "y", "too short"),
        ["mean too short"] = new(a => a.Mean = a.Mean[..(Cols - 1)], typeof(ArgumentException), "mean", "too short"),
        ["invStd too short"] = new(a => a.InvStd = a.InvStd[..(Cols - 1)], typeof(ArgumentException), "invStd", "too short"),
        ["xHat too short"] = new(a => a.XHat = a.XHat[..(N - 1)], typeof(ArgumentException), "xHat", "too short"),
        ["runningMean too short"] = new(a => a.RunningMean = new float[Cols - 1], typeof(ArgumentException), "runningMean", "expected length 6"),
        ["runningVar missing"] = new(a => a.RunningVar = Memory<float>.Empty, typeof(ArgumentException), "runningVar", "both left empty"),
        ["epsilon zero"] = new(a => a.Epsilon = 0f, typeof(ArgumentOutOfRangeException), "epsilon", "> 0"),
        ["epsilon negative"] = new(a => a.Epsilon = -1e-5f, typeof(ArgumentOutOfRangeException), "epsilon", "> 0"),
        ["epsilon NaN"] = new(a => a.Epsilon = float.NaN, typeof(ArgumentOutOfRangeException), "epsilon", "finite"),
        ["epsilon infinite"] = new(a => a.Epsilon = float.PositiveInfinity, typeof(ArgumentOutOfRangeException), "epsilon", "finite"),
        ["momentum one"] = new(a => a.Momentum = 1f, typeof(ArgumentOutOfRangeException), "momentum", "[0, 1)"),
        ["momentum negative"] = new(a => a.Momentum = -0.1f, typeof(ArgumentOutOfRangeException), "momentum", "[0, 1)"),
        ["momentum NaN"] = new(a => a.Momentum = float.NaN, typeof(ArgumentOutOfRangeException), "momentum", "[0, 1)"),
        ["NaN in x"] = new(a => a.X.Span[2 * Cols + 5] = float.NaN, typeof(ArgumentException), "x", "NaN at x[2, 5]"),
        ["−∞ in x"] = new(a => a.X.Span[3 * Cols] = float.NegativeInfinity, typeof(ArgumentException), "x", "at x[3, 0]"),
        ["squares overflow"] = new(a => a.X.Span[Cols + 1] = 3e38f, typeof(ArgumentException), "x", "overflow"),
        ["y partially overlaps x"] = new(a => { var b = new float[N + 1]; a.X.CopyTo(b); a.X = b.AsMemory(0, N); a.Y = b.AsMemory(1, N); }, typeof(ArgumentException), "y", "partially overlap"),
        ["xHat partially overlaps x"] = new(a => { var b = new float[N + 3]; a.X.CopyTo(b.AsMemory(3)); a.X = b.AsMemory(3, N); a.XHat = b.AsMemory(0, N); }, typeof(ArgumentException), "xHat", "partially overlap"),
        ["xHat is y"] = new(a => a.XHat = a.Y, typeof(ArgumentException), "xHat", "must not overlap y"),
        ["mean inside y"] = new(a => a.Mean = a.Y[(N / 2)..], typeof(ArgumentException), "mean", "must not overlap y"),
        ["runningMean is mean"] = new(a => a.RunningMean = a.Mean, typeof(ArgumentException), "runningMean", "must not overlap mean"),
        ["runningVar inside xHat"] = new(a => a.RunningVar = a.XHat[..Cols], typeof(ArgumentException), "runningVar", "must not overlap xHat"),
    };

    private static readonly Dictionary<string, Case> InferenceOnly = new()
    {
        ["x length is not rows × cols"] = new(a => a.X = new float[N - 1], typeof(ArgumentException), "x", "rows × cols = 4 × 6 = 24, actual 23"),
        ["rows × cols overflows int"] = new(a => { a.Rows = 100_000; a.Cols = 100_000; }, typeof(ArgumentException), "x", "10000000000"),
        ["runningMean too short"] = new(a => a.RunningMean = new float[Cols - 1], typeof(ArgumentException), "runningMean", "expected length 6"),
        ["runningVar missing"] = new(a => a.RunningVar = Memory<float>.Empty, typeof(ArgumentException), "runningVar", "expected length 6, actual 0"),
        ["runningVar negative"] = new(a => a.RunningVar.Span[3] = -0.5f, typeof(ArgumentOutOfRangeException), "runningVar", "≥ 0, actual -0.5 at runningVar[3]"),
        ["runningVar NaN"] = new(a => a.RunningVar.Span[1] = float.NaN, typeof(ArgumentOutOfRangeException), "runningVar", "runningVar[1]"),
        ["epsilon zero"] = new(a => a.Epsilon = 0f, typeof(ArgumentOutOfRangeException), "epsilon", "> 0"),
        ["y too short"] = new(a => a.Y = a.Y[..(N - 1)], typeof(ArgumentException), "y", "too short"),
        ["NaN in the first row of x"] = new(a => a.X.Span[4] = float.NaN, typeof(ArgumentException), "x", "NaN at x[0, 4]"),
        ["y partially overlaps x"] = new(a => { var b = new float[N + 1]; a.X.CopyTo(b); a.X = b.AsMemory(0, N); a.Y = b.AsMemory(1, N); }, typeof(ArgumentException), "y", "partially overlap"),
    };

    private static readonly Dictionary<string, Case> BackwardOnly = new()
    {
        ["rows × cols overflows int"] = new(a => { a.Rows = 100_000; a.Cols = 100_000; }, typeof(ArgumentException), "dy", "10000000000"),
        ["dy too short"] = new(a => a.Dy = a.Dy[..(N - 1)], typeof(ArgumentException), "dy", "actual 23"),
        ["xHat too long"] = new(a => a.XHat = new float[N + 1], typeof(ArgumentException), "xHat", "actual 25"),
        ["invStd too short"] = new(a => a.InvStd = a.InvStd[..(Cols - 1)], typeof(ArgumentException), "invStd", "expected length 6, actual 5"),
        ["dx too short"] = new(a => a.Dx = a.Dx[..(N - 1)], typeof(ArgumentException), "dx", "too short"),
        ["dGamma too short"] = new(a => a.DGamma = a.DGamma[..(Cols - 1)], typeof(ArgumentException), "dGamma", "too short"),
        ["dBeta too short"] = new(a => a.DBeta = a.DBeta[..(Cols - 1)], typeof(ArgumentException), "dBeta", "too short"),
        ["NaN in dy"] = new(a => a.Dy.Span[Cols + 2] = float.NaN, typeof(ArgumentException), "dy", "NaN at dy[1, 2]"),
        ["∞ in xHat"] = new(a => a.XHat.Span[3 * Cols + 4] = float.PositiveInfinity, typeof(ArgumentException), "xHat", "at xHat[3, 4]"),
        ["dx partially overlaps dy"] = new(a => { var b = new float[N + 2]; a.Dy.CopyTo(b); a.Dy = b.AsMemory(0, N); a.Dx = b.AsMemory(2, N); }, typeof(ArgumentException), "dx", "partially overlap"),
        ["dBeta is dGamma"] = new(a => a.DBeta = a.DGamma, typeof(ArgumentException), "dBeta", "must not overlap dGamma"),
        ["dGamma inside dx"] = new(a => a.DGamma = a.Dx[..Cols], typeof(ArgumentException), "dGamma", "must not overlap dx"),
    };

    private static readonly Dictionary<string, Case> BackwardFromXOnly = new()
    {
        ["x length is not rows × cols"] = new(a => a.X = new float[N - 1], typeof(ArgumentException), "x", "rows × cols = 4 × 6 = 24, actual 23"),
        ["mean too short"] = new(a => a.Mean = a.Mean[..(Cols - 1)], typeof(ArgumentException), "mean", "expected length 6, actual 5"),
        ["mean holds ∞"] = new(a => a.Mean.Span[5] = float.PositiveInfinity, typeof(ArgumentException), "mean", "mean[5]"),
        ["NaN in x"] = new(a => a.X.Span[2 * Cols + 3] = float.NaN, typeof(ArgumentException), "x", "NaN at x[2, 3]"),
        ["dx partially overlaps x"] = new(a => { var b = new float[N + 1]; a.X.CopyTo(b.AsMemory(1)); a.X = b.AsMemory(1, N); a.Dx = b.AsMemory(0, N); }, typeof(ArgumentException), "dx", "partially overlap"),
    };

    private static Dictionary<string, Case> Cases(string kernel) => kernel switch
    {
        "training" => Shared.Concat(TrainingOnly).ToDictionary(),
        "inference" => Shared.Concat(InferenceOnly).ToDictionary(),
        "backward" => Shared.Concat(BackwardOnly).ToDictionary(),
        _ => Shared.Concat(BackwardFromXOnly).ToDictionary(),
    };

    public static TheoryData<string, string> AllCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var kernel in new[] { "training", "inference", "backward", "backward from x" })
            foreach (var name in Cases(kernel).Keys) data.Add(kernel, name);
        return data;
    }

    public static IEnumerable<object[]> AllCasesOnEveryBackend => KernelBackend.Cross(AllCases());

    [Theory, MemberData(nameof(AllCasesOnEveryBackend))]
    public void BatchNorm_rejects_bad_input_naming_the_argument_and_writes_nothing(KernelBackend backend, string kernel, string @case)
    {
        var c = Cases(kernel)[@case];
        var args = new Args { Backend = backend };
        c.Break(args);
        var before = args.Outputs();
        Action run = kernel switch { "training" => args.Training, "inference" => args.Inference, "backward" => args.Backward, _ => args.BackwardFromX };

        var ex = Assert.IsAssignableFrom<ArgumentException>(Assert.Throws(c.Exception, run));

        Assert.Equal(c.Param, ex.ParamName);
        Assert.StartsWith(c.Param + ":", ex.Message);
        Assert.Contains(c.MessagePart, ex.Message);
        var after = args.Outputs();
        for (int k = 0; k < before.Length; k++) Assert.Equal(before[k], after[k]);
    }

    [Theory, MemberData(nameof(KernelBackend.Each), MemberType = typeof(KernelBackend))]
    public void BatchNorm_forward_inference_reports_a_non_finite_x_in_a_later_row_at_its_position(KernelBackend backend)
    {
        var args = new Args { Backend = backend };
        args.X.Span[2 * Cols + 1] = float.PositiveInfinity;
        var ex = Assert.Throws<ArgumentException>(args.Inference);
        Assert.Equal("x", ex.ParamName);
        Assert.Contains("at x[2, 1]", ex.Message);
    }
}
