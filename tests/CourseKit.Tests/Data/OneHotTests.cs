using CourseKit.Data;
using CourseKit.Tensors;

namespace CourseKit.Tests.Data;

public class OneHotTests
{
    [Fact]
    public void Encode_puts_a_single_1_in_each_row_at_the_label()
    {
        Matrix y = OneHot.Encode([2, 0, 1], 3);
        Assert.Equal(new Shape(3, 3), y.Shape);
        Assert.Equal([0f, 0f, 1f, 1f, 0f, 0f, 0f, 1f, 0f], y.Data);
    }

    [Fact]
    public void Decode_inverts_Encode_on_random_labels()
    {
        var rng = new Random(42);
        int[] labels = Enumerable.Range(0, 1000).Select(_ => rng.Next(10)).ToArray();
        Assert.Equal(labels, OneHot.Decode(OneHot.Encode(labels, 10)));
    }

    [Fact]
    public void Decode_takes_the_argmax_and_the_lowest_index_on_ties()
    {
        Matrix p = Matrix.FromRows([0.1f, 0.7f, 0.2f], [0.4f, 0.4f, 0.2f], [-3f, -1f, -2f]);
        Assert.Equal([1, 0, 1], OneHot.Decode(p));
    }

    [Fact]
    public void A_label_out_of_range_is_named_with_its_index_and_value()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => OneHot.Encode([0, 1, 3, 2], 3));
        Assert.Equal("labels", ex.ParamName);
        Assert.Contains("labels[2]: expected a class index in [0, 3), actual 3", ex.Message);
        Assert.Contains("labels[1]: expected a class index in [0, 3), actual -1",
            Assert.Throws<ArgumentOutOfRangeException>(() => ClassLabels.Validate([0, -1], 3)).Message);
    }

    [Fact]
    public void Decode_rejects_NaN_naming_the_position()
    {
        Matrix p = Matrix.FromRows([0.1f, 0.9f], [float.NaN, 0.5f]);
        var ex = Assert.Throws<ArgumentException>(() => OneHot.Decode(p));
        Assert.Contains("y: expected finite values, actual NaN at y[1, 0]", ex.Message);
    }

    [Fact]
    public void EncodeInto_rejects_a_short_destination()
    {
        var ex = Assert.Throws<ArgumentException>(() => OneHot.EncodeInto([0, 1], 3, new float[5]));
        Assert.Contains("expected length ≥ 6 (2 × 3), actual 5", ex.Message);
    }
}
