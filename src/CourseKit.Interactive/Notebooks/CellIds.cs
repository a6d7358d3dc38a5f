using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace CourseKit.Interactive.Notebooks;

/// <summary>nbformat 4.5 cell ids: 1–64 characters of [a-zA-Z0-9-_], unique within the notebook.</summary>
public static partial class CellIds
{
    /// <summary>Whether <paramref name="id"/> is a valid nbformat 4.5 cell id.</summary>
    public static bool IsValid(string? id) => id is not null && ValidId().IsMatch(id);

    /// <summary>
    /// Gives every cell of <paramref name="notebook"/> a valid id unique in it: keeps valid ids, replaces missing,
    /// invalid and repeated ones (the later of two equal ids), and sets nbformat_minor to 5 when it was lower.
    /// Generated ids derive from the cell's position and text, so the same notebook always gets the same ids.
    /// </summary>
    /// <returns>How many cells got a new id.</returns>
    public static int Ensure(Notebook notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var cells = notebook.Cells;
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var needsId = new List<NotebookCell>();
        foreach (var cell in cells)
        {
            if (IsValid(cell.Id) && taken.Add(cell.Id!)) continue;
            needsId.Add(cell);
        }
        foreach (var cell in needsId)
            cell.Id = Generate(cell, taken);
        if (notebook.FormatMinor < 5 && cells.Count > 0) notebook.FormatMinor = 5;
        return needsId.Count;
    }

    private static string Generate(NotebookCell cell, HashSet<string> taken)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{cell.Index}\n{cell.CellType}\n{cell.Source}"));
        string id = Convert.ToHexStringLower(hash, 0, 4);
        for (int n = 2; !taken.Add(id); n++)
            id = $"{Convert.ToHexStringLower(hash, 0, 4)}-{n}";
        return id;
    }

    [GeneratedRegex("^[a-zA-Z0-9-_]{1,64}$")]
    private static partial Regex ValidId();
}
