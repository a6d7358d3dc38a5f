namespace CourseKit.Nn;

/// <summary>The course's verdict on a relative difference between numeric and analytic gradients.</summary>
public enum GradientVerdict
{
    /// <summary>≤ 1e-7: great.</summary>
    Great,

    /// <summary>≤ 1e-5: probably fine, but double-check the components.</summary>
    Check,

    /// <summary>≤ 1e-3: worrying.</summary>
    Worry,

    /// <summary>&gt; 1e-3: almost certainly a bug.</summary>
    Wrong,
}

/// <summary>One parameter's result: the course's metric in double, and how far the float kernels are from the double gradient.</summary>
/// <remarks>
/// When both the numeric and the analytic gradient are below the noise floor of two-sided differences
/// (≈ |J|·2⁻⁵²/ε per component) — a bias before BatchNorm, whose gradient is exactly 0 — the ratio of two noises
/// means nothing: <see cref="BelowNoiseFloor"/> is set and <see cref="RelativeDifference"/> is 0.
/// </remarks>
public sealed record ParameterCheck(string Name, int Checked, double RelativeDifference, double FloatKernelDifference, bool BelowNoiseFloor = false)
{
    /// <summary>The verdict for <see cref="RelativeDifference"/> by the course's thresholds.</summary>
    public GradientVerdict Verdict => GradientCheck.VerdictFor(RelativeDifference);
}

/// <summary>A gradient check over every trainable parameter.</summary>
public sealed record GradientCheckReport(IReadOnlyList<ParameterCheck> Parameters, double Epsilon)
{
    /// <summary>The largest relative difference over all parameters.</summary>
    public double Worst => Parameters.Count == 0 ? 0 : Parameters.Max(p => p.RelativeDifference);

    /// <summary>The verdict for <see cref="Worst"/>.</summary>
    public GradientVerdict Verdict => GradientCheck.VerdictFor(Worst);

    /// <inheritdoc />
    public override string ToString() => string.Join(Environment.NewLine, Parameters.Select(p => p.BelowNoiseFloor
        ? $"{p.Name,-20} {"0 (both ≈ 0)",10}  {p.Verdict,-6} ({p.Checked} components; the gradient is zero within rounding)"
        : $"{p.Name,-20} {p.RelativeDifference,10:E2}  {p.Verdict,-6} ({p.Checked} components; float kernels {p.FloatKernelDifference:E1})"));
}
