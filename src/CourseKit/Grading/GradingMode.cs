using System.Security.Cryptography;
using System.Text;

namespace CourseKit.Grading;

/// <summary>
/// Whether hidden cases run. A learner's notebook runs only the visible cases, which live in the library. The grader
/// (<c>coursekit grade</c>) builds each check's hidden cases from its secret seed in its own process, and sends only
/// their inputs to the sandboxed process that runs the learner's code: the seed and the expected values never leave it.
/// </summary>
/// <remarks>
/// Case k of check "softmax" draws from <c>Random(seed)</c> with seed = the first 4 bytes of
/// SHA-256("secret\nsoftmax\nk"): the same secret gives the same hidden cases on every machine and in every run, and
/// no secret means no hidden cases.
/// </remarks>
public sealed record GradingMode(bool Grading, string? HiddenSeed)
{
    /// <summary>A learner's run: visible cases only.</summary>
    public static GradingMode Student { get; } = new(false, null);

    /// <summary>Grading with hidden cases generated from <paramref name="secret"/>.</summary>
    public static GradingMode WithHiddenSeed(string secret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(secret);
        return new GradingMode(true, secret);
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
