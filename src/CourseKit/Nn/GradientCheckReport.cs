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
/// <param name="Name">The parameter's qualified name.</param>
/// <param name="Checked">How many of its components were checked.</param>
/// <param name="RelativeDifference">‖dθ_approx − dθ‖₂ / (‖dθ_approx‖₂ + ‖dθ‖₂) over them.</param>
/// <param name="FloatKernelDifference">In a double check, the same metric between the double gradient and the float
/// SIMD backward's; NaN in a float check (there the float backward is what is checked).</param>
/// <param name="BelowNoiseFloor">Both gradients are below the noise of two-sided differences (see remarks).</param>
public sealed record ParameterCheck(string Name, int Checked, double RelativeDifference, double FloatKernelDifference, bool BelowNoiseFloor = false)
{
    /// <summary>The arithmetic the check ran in.</summary>
    public GradientCheckPrecision Precision { get; init; } = GradientCheckPrecision.Double;

    /// <summary>The verdict for <see cref="RelativeDifference"/> by the thresholds of <see cref="Precision"/>.</summary>
    public GradientVerdict Verdict => GradientCheck.VerdictFor(RelativeDifference, Precision);
}

/// <summary>A gradient check over every trainable parameter.</summary>
public sealed record GradientCheckReport(IReadOnlyList<ParameterCheck> Parameters, double Epsilon)
{
    /// <summary>The arithmetic the check ran in: double (the course's thresholds) or float (1e-3 great, 1e-2 check, 1e-1 worry).</summary>
    public GradientCheckPrecision Precision { get; init; } = GradientCheckPrecision.Double;

    /// <summary>Why the check ran in float (e.g. which layer has no double path), or null for a double check.</summary>
    public string? FloatReason { get; init; }

    /// <summary>The largest relative difference over all parameters.</summary>
    public double Worst => Parameters.Count == 0 ? 0 : Parameters.Max(p => p.RelativeDifference);

    /// <summary>The verdict for <see cref="Worst"/>.</summary>
    public GradientVerdict Verdict => GradientCheck.VerdictFor(Worst, Precision);

    /// <summary>One line per parameter; a float check starts with a line saying so, with its thresholds.</summary>
    public override string ToString()
    {
        var lines = Parameters.Select(p => p.BelowNoiseFloor
            ? $"{p.Name,-20} {"0 (both ≈ 0)",10}  {p.Verdict,-6} ({p.Checked} components; the gradient is zero within rounding)"
            : Precision == GradientCheckPrecision.Double
                ? $"{p.Name,-20} {p.RelativeDifference,10:E2}  {p.Verdict,-6} ({p.Checked} components; float kernels {p.FloatKernelDifference:E1})"
                : $"{p.Name,-20} {p.RelativeDifference,10:E2}  {p.Verdict,-6} ({p.Checked} components)");
        if (Precision == GradientCheckPrecision.Float)
            lines = lines.Prepend($"checked in float, ε = {Epsilon:G3} ({FloatReason}): thresholds 1e-3 great, 1e-2 check, 1e-1 worry, " +
                "since float rounding alone leaves a few 1e-4; in double the course's 1e-7 applies");
        return string.Join(Environment.NewLine, lines);
    }
}
