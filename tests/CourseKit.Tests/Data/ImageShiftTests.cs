using CourseKit.Data;
using CourseKit.Tensors;

namespace CourseKit.Tests.Data;

public class ImageShiftTests
{
    // A 3 × 3 image with pixels 1..9, row by row.
    private static readonly Matrix Image = Matrix.RowVector(1, 2, 3, 4, 5, 6, 7, 8, 9);

    [Theory]
    [InlineData(0, 1, new float[] { 0, 1, 2, 0, 4, 5, 0, 7, 8 })]    // right
    [InlineData(0, -1, new float[] { 2, 3, 0, 5, 6, 0, 8, 9, 0 })]   // left
    [InlineData(1, 0, new float[] { 0, 0, 0, 1, 2, 3, 4, 5, 6 })]    // down
    [InlineData(-1, 1, new float[] { 0, 4, 5, 0, 7, 8, 0, 0, 0 })]   // up and right
    [InlineData(0, 0, new float[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 })]
    public void A_shift_moves_pixels_and_fills_with_zeros(int dy, int dx, float[] expected) =>
        Assert.Equal(expected, ImageShift.Shift(Image, 3, 3, dy, dx).Data);

    [Fact]
    public void Shift_matches_a_scalar_reference_on_digits()
    {
        Matrix digits = Datasets.Digits().Features;
        Matrix shifted = ImageShift.Shift(digits, 8, 8, -2, 3);
        for (int i = 0; i < digits.Rows; i += 97)
            for (int r = 0; r < 8; r++)
                for (int c = 0; c < 8; c++)
                {
                    var (sr, sc) = (r + 2, c - 3);
                    float expected = sr is >= 0 and < 8 && sc is >= 0 and < 8 ? digits[i, sr * 8 + sc] : 0f;
                    Assert.Equal(expected, shifted[i, r * 8 + c]);
                }
    }

    [Fact]
    public void Augment_keeps_the_originals_first_and_labels_with_their_copies()
    {
        var data = new Dataset(Matrix.FromRows([1, 2, 3, 4, 5, 6, 7, 8, 9], [9, 8, 7, 6, 5, 4, 3, 2, 1]), [0, 1], 2);
        Dataset augmented = ImageShift.Augment(data, 3, 3, maxShift: 1, copies: 2, seed: 0);
        Assert.Equal(6, augmented.Count);
        Assert.Equal([0, 1, 0, 1, 0, 1], augmented.Labels);
        Assert.Equal(data.Features.Data, augmented.Features.Data.Take(18));
        for (int k = 2; k < 6; k++)
        {
            float[] copy = augmented.Features.Data.AsSpan(k * 9, 9).ToArray();
            Assert.NotEqual(data.Features.Data.AsSpan((k % 2) * 9, 9).ToArray(), copy);   // never shifted by (0, 0)
        }
        Assert.Equal(augmented.Features.Data, ImageShift.Augment(data, 3, 3, 1, 2, seed: 0).Features.Data);
    }

    [Fact]
    public void Bad_arguments_name_the_argument()
    {
        Assert.Equal("images", Assert.Throws<ArgumentException>(() => ImageShift.Shift(Image, 2, 2, 0, 0)).ParamName);
        Assert.Equal("dx", Assert.Throws<ArgumentOutOfRangeException>(() => ImageShift.Shift(Image, 3, 3, 0, 3)).ParamName);
        Assert.Equal("dy", Assert.Throws<ArgumentOutOfRangeException>(() => ImageShift.Shift(Image, 3, 3, -3, 0)).ParamName);
        var data = new Dataset(Image, [0], 1);
        Assert.Equal("maxShift", Assert.Throws<ArgumentOutOfRangeException>(() => ImageShift.Augment(data, 3, 3, 0, 1, 0)).ParamName);
    }
}
