using System.Globalization;
using System.Text;
using System.Text.Json;

namespace CourseKit.Cli.Bench;

/// <summary>Formats benchmark results as the JSON the comparison scripts read, or as a table for people.</summary>
internal static class BenchReport
{
    public static string ToJson(IReadOnlyList<BenchResult> results)
    {
        var rows = results.Select(r =>
        {
            var row = new Dictionary<string, object>
            {
                ["name"] = r.Name,
                ["shape"] = r.Shape,
                ["median_ms"] = Math.Round(r.MedianMs, 4),
                ["threads"] = r.Threads,
                ["min_ms"] = Math.Round(r.MinMs, 4),
                ["runs"] = r.Runs,
                ["backend"] = r.Backend,
            };
            if (r.Flops > 0) row["gflop_per_s"] = Math.Round(r.Flops / (r.MedianMs * 1e6), 1);
            if (r.Bytes > 0) row["gb_per_s"] = Math.Round(r.Bytes / (r.MedianMs * 1e6), 1);
            return row;
        });
        return JsonSerializer.Serialize(rows, new JsonSerializerOptions { WriteIndented = true });
    }

    public static string ToTable(IReadOnlyList<BenchResult> results)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{"name",-32} {"shape",-18} {"backend",-10} {"threads",7} {"median ms",10} {"min ms",10}  throughput");
        foreach (var r in results)
            sb.AppendLine(CultureInfo.InvariantCulture, $"{r.Name,-32} {r.Shape,-18} {r.Backend,-10} {r.Threads,7} {r.MedianMs,10:F3} {r.MinMs,10:F3}  {Throughput(r)}");
        return sb.ToString().TrimEnd();
    }

    private static string Throughput(BenchResult r) =>
        r.Flops > 0 ? $"{r.Flops / (r.MedianMs * 1e6):G4} GFLOP/s" : r.Bytes > 0 ? $"{r.Bytes / (r.MedianMs * 1e6):G4} GB/s" : "";
}
