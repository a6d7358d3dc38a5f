using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CourseKit.Cli.Bench;

/// <summary>Formats benchmark results as the JSON the comparison scripts read, or as a table for people.</summary>
internal static class BenchReport
{
    public static string ToJson(IReadOnlyList<BenchResult> results)
    {
        var rows = results.Select(r => new Dictionary<string, object>
        {
            ["name"] = r.Name,
            ["shape"] = r.Shape,
            ["median_ms"] = Math.Round(r.MedianMs, 4),
            ["threads"] = r.Threads,
            ["min_ms"] = Math.Round(r.MinMs, 4),
            ["runs"] = r.Runs,
        });
        return JsonSerializer.Serialize(rows, new JsonSerializerOptions { WriteIndented = true });
    }

    public static string ToTable(IReadOnlyList<BenchResult> results)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{"name",-32} {"shape",-18} {"threads",7} {"median ms",10} {"min ms",10}");
        foreach (var r in results)
            sb.AppendLine(CultureInfo.InvariantCulture, $"{r.Name,-32} {r.Shape,-18} {r.Threads,7} {r.MedianMs,10:F3} {r.MinMs,10:F3}");
        return sb.ToString().TrimEnd();
    }
}
