namespace CourseKit.Kernels;

/// <summary>
/// How a block of rows splits into A micro-panels: <see cref="Wide"/> panels of the main kernel's rows, then
/// <see cref="Narrow"/> panels of the tail kernel's (at most two), whichever mix pads the fewest rows. 1024 rows are
/// 84 · 12 + 2 · 8 rather than 86 · 12, whose last panel multiplied 8 rows of zeros (0.8 % of the product's FMAs).
/// Panel p starts at row <see cref="RowOf"/>(p), and its packed values at that row times kc, whatever the heights.
/// </summary>
internal readonly unsafe struct RowPanels
{
    public readonly int Wide, Narrow, WideRows, NarrowRows;

    /// <summary>Splits <paramref name="rows"/>; <paramref name="narrowRows"/> 0 means there is no tail kernel.</summary>
    public RowPanels(int rows, int wideRows, int narrowRows)
    {
        (Wide, Narrow, WideRows, NarrowRows) = ((rows + wideRows - 1) / wideRows, 0, wideRows, narrowRows);
        if (narrowRows == 0 || rows % wideRows == 0) return;
        int padded = Wide * wideRows;
        for (int narrow = 1; narrow <= 2; narrow++)
        {
            int wide = (Math.Max(0, rows - narrow * narrowRows) + wideRows - 1) / wideRows;
            if (wide * wideRows + narrow * narrowRows < padded)
                (Wide, Narrow, padded) = (wide, narrow, wide * wideRows + narrow * narrowRows);
        }
    }

    public int Count => Wide + Narrow;

    /// <summary>All panels' rows, padding included: the packed block holds this many rows times kc values.</summary>
    public int PaddedRows => RowOf(Count);

    public int RowOf(int panel) => panel <= Wide ? panel * WideRows : Wide * WideRows + (panel - Wide) * NarrowRows;

    public int HeightOf(int panel) => panel < Wide ? WideRows : NarrowRows;

    /// <summary>Packs panels [<paramref name="from"/>, <paramref name="to"/>) of a block of <paramref name="rows"/> rows of op(A) starting at row <paramref name="ic"/>.</summary>
    public void PackA(float* a, bool transA, int m, int k, int ic, int rows, int pc, int kc, int from, int to, float* block)
    {
        int wideEnd = Math.Min(rows, Wide * WideRows);
        int start = Math.Min(rows, RowOf(from)), end = Math.Min(rows, RowOf(to)), split = Math.Clamp(wideEnd, start, end);
        if (split > start) Packing.PackA(a, transA, m, k, ic + start, pc, split - start, kc, WideRows, block + (long)start * kc);
        if (end > split) Packing.PackA(a, transA, m, k, ic + split, pc, end - split, kc, NarrowRows, block + (long)split * kc);
    }
}
