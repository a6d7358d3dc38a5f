using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using CourseKit.Interactive.Notebooks;

namespace CourseKit.Interactive.Release;

/// <summary>
/// The roles release gives cells, recorded in cell metadata under <c>coursekit</c>: an exercise cell (the learner edits
/// it), and a check cell (locked: Jupyter's <c>editable</c>/<c>deletable</c> are false, and a SHA-256 of its source lets
/// the grader detect an edited or deleted check and restore it from the solution by cell id).
/// </summary>
public static class CellRoles
{
    /// <summary>The metadata key holding CourseKit's cell information.</summary>
    public const string MetadataKey = "coursekit";

    /// <summary>Whether a code cell is a check cell: it runs one of the library's checks (<c>Checks.X.Run(…)</c> or a custom <c>Check</c>).</summary>
    public static bool IsCheck(string source) =>
        source.Contains(".Run(", StringComparison.Ordinal) &&
        (source.Contains("Checks.", StringComparison.Ordinal) || source.Contains("Check.For", StringComparison.Ordinal));

    /// <summary>SHA-256 of a cell's source, as <c>sha256:hex</c>.</summary>
    public static string Checksum(string source) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source)));

    /// <summary>Marks <paramref name="cell"/> as the check of exercise <paramref name="exercise"/>, locked, with its checksum.</summary>
    internal static void MarkCheck(NotebookCell cell, int? exercise)
    {
        var metadata = EnsureMetadata(cell);
        metadata["editable"] = false;
        metadata["deletable"] = false;
        var info = new JsonObject { ["role"] = "check", ["locked"] = true, ["checksum"] = Checksum(cell.Source) };
        if (exercise is { } n) info["exercise"] = n;
        metadata[MetadataKey] = info;
    }

    /// <summary>Marks <paramref name="cell"/> as exercise <paramref name="exercise"/>.</summary>
    internal static void MarkExercise(NotebookCell cell, int exercise) =>
        EnsureMetadata(cell)[MetadataKey] = new JsonObject { ["role"] = "exercise", ["exercise"] = exercise };

    /// <summary>The role recorded for a cell (<c>check</c>, <c>exercise</c>) or null.</summary>
    public static string? RoleOf(NotebookCell cell) =>
        cell.Metadata?[MetadataKey] is JsonObject info && info["role"] is JsonValue v && v.TryGetValue(out string? role) ? role : null;

    private static JsonObject EnsureMetadata(NotebookCell cell)
    {
        if (cell.Json["metadata"] is JsonObject existing) return existing;
        var created = new JsonObject();
        cell.Json["metadata"] = created;
        return created;
    }
}
