using System.Globalization;
using CourseKit.Grading.Protocol;
using CourseKit.Interactive.Tests.Support;

namespace CourseKit.Interactive.Tests.Grading;

/// <summary>The softmax check's hidden inputs for a seed and their expected outputs, computed the way the grader does (the built library, in a notebook), for tests that look for them where they must not be.</summary>
internal static class HiddenCases
{
    /// <summary>Each hidden input's values and the softmax of it (computed here in double).</summary>
    public static IReadOnlyList<(float[] Input, double[] Expected)> Softmax(string seed)
    {
        var result = TestNotebook.Run($"hidden-cases-{Math.Abs(seed.GetHashCode())}",
            $"#r \"../../notebook-lib/CourseKit.Core.dll\"",
            $"CourseKit.Grading.Checks.Softmax.Prepare(CourseKit.Grading.GradingMode.WithHiddenSeed(\"{seed}\")).Payload");
        string payload = TestNotebook.Text(result.Cells[1], "execute_result");
        var inputs = CasePayload.Read(payload).Cast<WireMatrix>().Skip(4).ToList();   // the 4 visible cases come first
        Assert.Equal(4, inputs.Count);
        return inputs.Select(m => (m.Data, Reference(m))).ToList();
    }

    /// <summary>How a number could appear in text: round-trip, and rounded to 4 and 3 decimals (only forms long enough not to match by chance).</summary>
    public static IEnumerable<string> Forms(double value) =>
        new[] { ((float)value).ToString("R", CultureInfo.InvariantCulture), value.ToString("0.####", CultureInfo.InvariantCulture), value.ToString("0.###", CultureInfo.InvariantCulture) }
            .Where(t => t.TrimStart('-').Length >= 5).Distinct();

    private static double[] Reference(WireMatrix m)
    {
        var p = new double[m.Data.Length];
        for (int i = 0; i < m.Rows; i++)
        {
            double max = double.NegativeInfinity, sum = 0;
            for (int j = 0; j < m.Cols; j++) max = Math.Max(max, m.Data[i * m.Cols + j]);
            for (int j = 0; j < m.Cols; j++) sum += p[i * m.Cols + j] = Math.Exp(m.Data[i * m.Cols + j] - max);
            for (int j = 0; j < m.Cols; j++) p[i * m.Cols + j] /= sum;
        }
        return p;
    }
}
