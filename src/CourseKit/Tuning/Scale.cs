namespace CourseKit.Tuning;

/// <summary>The scale on which a numeric hyperparameter is sampled uniformly.</summary>
/// <remarks>Chapter "Using an appropriate scale to pick hyperparameters": α = 10^r with r uniform, β = 1 − 10^r with r uniform.</remarks>
public enum Scale
{
    /// <summary>Uniform in the value itself: x = low + u·(high − low).</summary>
    Linear,

    /// <summary>Uniform in log x (log-uniform): each decade gets the same share, e.g. α in [1e-4, 1].</summary>
    Log,

    /// <summary>
    /// Uniform in log(1 − x): x = 1 − 10^r with r uniform in [log10(1 − high), log10(1 − low)]. For β-like parameters
    /// (momentum, Adam's β₁/β₂) whose effect depends on 1/(1 − β): on [0.9, 0.999] half the samples fall below 0.99.
    /// </summary>
    ReverseLog,
}
