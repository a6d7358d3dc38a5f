using System.Security.Cryptography;
using System.Text;

namespace CourseKit.Grading;

/// <summary>
/// Whether hidden cases run. A learner's notebook runs only the visible cases, which live in the library. The grader
/// (<c>coursekit grade</c>) sets <c>COURSEKIT_GRADING=1</c> and a secret <c>COURSEKIT_HIDDEN_SEED</c>; each check then
/// also generates its hidden cases from that seed, so their inputs and expected values exist only during grading.
/// </summary>
/// <remarks>
/// Case k of check "softmax" draws from <c>Random(seed)</c> with seed = the first 4 bytes of
/// SHA-256("secret\nsoftmax\nk"): the same secret gives the same hidden cases on every machine and in every run, and
/// no secret means no hidden cases. This keeps learners from fitting their code to the expected values; it is not a
/// security boundary (the reference implementation is in the library).
/// </remarks>
public sealed record GradingMode(bool Grading, string? HiddenSeed)
{
    /// <summary>Set to <c>1</c> (or <c>true</c>) by the grader.</summary>
    public const string GradingVariable = "COURSEKIT_GRADING";

    /// <summary>The grader's secret seed for hidden cases (any non-empty text).</summary>
    public const string HiddenSeedVariable = "COURSEKIT_HIDDEN_SEED";

    /// <summary>A learner's run: visible cases only.</summary>
    public static GradingMode Student { get; } = new(false, null);

    /// <summary>Grading with hidden cases generated from <paramref name="secret"/>.</summary>
    public static GradingMode WithHiddenSeed(string secret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secret);
        return new GradingMode(true, secret);
    }

    /// <summary>
    /// The mode the environment asks for: <see cref="Student"/> unless <c>COURSEKIT_GRADING</c> is <c>1</c>/<c>true</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">Grading is on and <c>COURSEKIT_HIDDEN_SEED</c> is missing or empty.</exception>
    public static GradingMode FromEnvironment()
    {
        string? flag = Environment.GetEnvironmentVariable(GradingVariable)?.Trim();
        bool on = flag is "1" || string.Equals(flag, "true", StringComparison.OrdinalIgnoreCase);
        if (!on) return Student;
        string? seed = Environment.GetEnvironmentVariable(HiddenSeedVariable);
        if (string.IsNullOrWhiteSpace(seed))
            throw new InvalidOperationException(
                $"{GradingVariable}=1: expected {HiddenSeedVariable} to hold the grader's secret seed, actual {(seed is null ? "unset" : "empty")}.");
        return new GradingMode(true, seed);
    }

    /// <summary>Whether hidden cases run in this mode.</summary>
    public bool RunsHiddenCases => Grading && !string.IsNullOrEmpty(HiddenSeed);

    /// <summary>The random generator for hidden case <paramref name="index"/> of check <paramref name="check"/>.</summary>
    public Random HiddenCaseRandom(string check, int index)
    {
        if (!RunsHiddenCases) throw new InvalidOperationException("HiddenCaseRandom: expected grading mode with a hidden seed, actual a learner's run.");
        byte[] hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{HiddenSeed}\n{check}\n{index}"));
        return new Random(BitConverter.ToInt32(hash, 0));
    }

    /// <summary>Never prints the secret.</summary>
    public override string ToString() => RunsHiddenCases ? "grading (hidden cases on)" : "learner (visible cases only)";
}
