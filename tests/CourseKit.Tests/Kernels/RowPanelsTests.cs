using CourseKit.Kernels;

namespace CourseKit.Tests.Kernels;

/// <summary>The split of a row block into 12-row panels and 8-row tail panels that the GEMM driver packs and multiplies.</summary>
public class RowPanelsTests
{
    [Fact]
    public void A_1024_row_block_is_84_panels_of_12_and_2_of_8()
    {
        var panels = new RowPanels(1024, 12, 8);
        Assert.Equal((84, 2, 1024), (panels.Wide, panels.Narrow, panels.PaddedRows));
    }

    [Fact]
    public void Panels_tile_the_rows_in_order_padding_at_most_3_rows_from_16_rows_on()
    {
        for (int rows = 1; rows <= 400; rows++)
        {
            var panels = new RowPanels(rows, 12, 8);
            Assert.True(panels.Narrow <= 2, $"rows {rows}: {panels.Narrow} narrow panels");
            Assert.True(panels.PaddedRows >= rows && panels.PaddedRows - rows <= (rows < 16 ? 7 : 3),
                $"rows {rows}: padded to {panels.PaddedRows}");
            Assert.True(panels.RowOf(panels.Count - 1) < rows, $"rows {rows}: the last panel starts past the rows");
            for (int p = 0; p < panels.Count; p++)
                Assert.Equal(panels.RowOf(p) + panels.HeightOf(p), panels.RowOf(p + 1));
        }
    }

    [Fact]
    public void Without_a_tail_kernel_every_panel_has_the_main_height()
    {
        var panels = new RowPanels(1024, 12, 0);
        Assert.Equal((86, 0, 1032), (panels.Wide, panels.Narrow, panels.PaddedRows));
    }
}
