using CourseKit.Display;
using CourseKit.Nn;
using CourseKit.Tensors;
using CourseKit.Training;

namespace CourseKit.Tests.Display;

public class TableFormatterTests
{
    [Fact]
    public void A_small_matrix_shows_every_element_and_its_shape()
    {
        var m = Matrix.FromRows([0.842f, 0.042f], [1e-5f, -3f]);
        string html = Formatters.Format(m, MimeTypes.Html);
        Assert.Contains("Matrix (2 × 2)</caption>", html);
        foreach (string cell in new[] { "0.842", "0.042", "1e-05", "-3" }) Assert.Contains($">{cell}</td>", html);
        Assert.Equal("Matrix (2 × 2)\n0.842  0.042\n1e-05     -3", Formatters.Format(m, MimeTypes.PlainText));
    }

    [Fact]
    public void A_large_matrix_is_truncated_to_its_first_and_last_rows_and_columns()
    {
        Matrix m = Matrix.RandomNormal(100, 784, seed: 42);
        string html = MatrixFormatterSource.ToHtml(m);
        Assert.Contains("Matrix (100 × 784)", html);
        Assert.Contains(">783</th>", html);
        Assert.Contains(">99</td>", html);
        Assert.DoesNotContain(">400</th>", html);
        Assert.Contains(">…</th>", html);
        Assert.Contains(">⋮</td>", html);
        Assert.Contains(">⋱</td>", html);
        Assert.True(html.Length < 20_000);
        string[] text = MatrixFormatterSource.ToText(m).Split('\n');
        Assert.Equal(1 + 11, text.Length);
        Assert.Contains("…", text[1]);
    }

    [Fact]
    public void Non_finite_and_empty_matrices_render()
    {
        Assert.Contains(">NaN</td>", MatrixFormatterSource.ToHtml(Matrix.RowVector(float.NaN, float.PositiveInfinity)));
        Assert.Equal("Matrix (0 × 3)", MatrixFormatterSource.ToText(new Matrix(0, 3)));
        Assert.DoesNotContain("<tr>", MatrixFormatterSource.ToHtml(new Matrix(0, 3)));
    }

    [Fact]
    public void A_model_summary_is_a_keras_like_table_with_escaped_names()
    {
        var summary = new ModelSummary(64, [new LayerSummary("dense<1>", "Dense", 256, 16_640, 0), new LayerSummary("batch_norm", "BatchNorm", 256, 512, 512)]);
        string html = Formatters.Format(summary, MimeTypes.Html);
        Assert.Contains(">Layer (type)</th>", html);
        Assert.Contains(">dense&lt;1&gt; (Dense)</td><td style=\"" + Html.CellStyle + "\">(m, 256)</td>", html);
        Assert.Contains(">16,640</td>", html);
        Assert.Contains("Total params: 17,664 (trainable 17,152, non-trainable 512)", html);
        Assert.Equal(summary.ToString(), Formatters.Format(summary, MimeTypes.PlainText));
    }

    [Fact]
    public void A_history_is_a_table_of_epochs_truncated_when_long()
    {
        var history = new History();
        for (int e = 1; e <= 25; e++) history.Add(new EpochRecord(e, 1f / e, 0.5f + e / 100f, 1.1f / e, 0.5f, 1e-3f, 10, 0.25));
        string html = Formatters.Format(history, MimeTypes.Html);
        Assert.Contains("History: 25 epochs</caption>", html);
        Assert.Contains(">val accuracy</th>", html);
        Assert.Contains(">0.04</td>", html);   // epoch 25's cost
        Assert.Contains(">⋮</td>", html);
        Assert.DoesNotContain(">13</td>", html);
        string text = Formatters.Format(history, MimeTypes.PlainText);
        Assert.Equal(1 + 1 + 21, text.Split('\n').Length);

        var noValidation = new History();
        noValidation.Add(new EpochRecord(1, 0.5f, 0.9f, null, null, 0.01f, 3, 1));
        noValidation.StopReason = "early stopping";
        string small = HistoryFormatterSource.ToHtml(noValidation);
        Assert.DoesNotContain("val", small);
        Assert.Contains("History: 1 epoch; stopped: early stopping", small);
    }
}
