using CourseKit.Nn;
using CourseKit.Tensors;
using In = (CourseKit.Nn.Initializer Scheme, int FanIn, int FanOut, int Seed);

namespace CourseKit.Grading;

public static partial class Checks
{
    internal const string InitDrawHint =
        "draw with Matrix.RandomNormal(fanIn, fanOut, seed, 0f, std): W is fanIn × fanOut (one row per input, as Z = XW), " +
        "and std is the square root of the scheme's variance.";

    /// <summary>
    /// Weight initialization for deep networks: an n_in × n_out matrix drawn by <c>Matrix.RandomNormal(fanIn, fanOut, seed,
    /// 0, std)</c> with He std √(2/n_in) (ReLU), Xavier std √(1/n_in) (tanh) or Glorot std √(2/(n_in + n_out)). Learner
    /// function: <c>Func&lt;Initializer, int, int, int, Matrix&gt;</c> taking (scheme, fanIn, fanOut, seed). 2 points.
    /// </summary>
    /// <remarks>
    /// The reference is the library's <see cref="Initializers.Create"/>, so the same seed gives the same draws. Visible
    /// cases: He 4 → 3 (std, not variance); Xavier 50 → 10 (n_in, not n_out); Glorot 30 → 10 (a sum, not the product a
    /// lecture deck prints); He 64 → 256 (shape). Hidden cases: each scheme with random fans and seeds.
    /// </remarks>
    public static Check<In, Matrix> Initialization =>
        Check.For<In, Matrix>("weight initialization", points: 2)
            .WriteYourself(Shortcuts.Initialization)
            .InputNames("scheme", "fanIn", "fanOut", "seed")
            .Reference(input => Initializers.Create(input.Scheme, input.FanIn, input.FanOut, input.Seed))
            .Compare(Tolerance.Of(1e-6, 1e-5))
            .Case("He, 4 → 3", (Initializer.He, 4, 3, 0),
                hint: "He: Var(w) = 2/n_in, so std = √(2/n_in) = √(2/4) ≈ 0.707 here — the square root of the variance, not 2/n_in itself; " + InitDrawHint)
            .Case("Xavier, 50 → 10", (Initializer.Xavier, 50, 10, 1),
                hint: "Xavier (for tanh): Var(w) = 1/n_in with n_in = fanIn, the number of inputs of the layer — not fanOut.")
            .Case("Glorot, 30 → 10", (Initializer.Glorot, 30, 10, 2),
                hint: "Glorot: Var(w) = 2/(n_in + n_out), a SUM in the denominator (2/40 here), not the product n_in·n_out.")
            .Case("He, 64 → 256 (shape fanIn × fanOut)", (Initializer.He, 64, 256, 3), hint: InitDrawHint)
            .Hidden("He with random fans", r => (Initializer.He, r.Next(2, 300), r.Next(2, 300), r.Next()))
            .Hidden("Xavier with random fans", r => (Initializer.Xavier, r.Next(2, 300), r.Next(2, 300), r.Next()))
            .Hidden("Glorot with random fans", r => (Initializer.Glorot, r.Next(2, 300), r.Next(2, 300), r.Next()));
}
