using CourseKit.Kernels;

namespace CourseKit.Tests.Kernels;

/// <summary>The finiteness scan every guard uses: a NaN or ±∞ anywhere (each unrolled lane, the one-vector loop, the tail) is found.</summary>
public class FiniteScanTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(16)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(100)]
    [InlineData(257)]
    public void A_non_finite_value_at_any_position_is_found(int length)
    {
        var values = Enumerable.Range(0, length).Select(i => (float)(i % 7 - 3) * 1e30f).ToArray();
        Assert.True(Finite.All(values));
        foreach (float bad in new[] { float.NaN, float.PositiveInfinity, float.NegativeInfinity })
            for (int i = 0; i < length; i++)
            {
                float kept = values[i];
                values[i] = bad;
                Assert.False(Finite.All(values), $"{bad} at {i} of {length}");
                values[i] = kept;
            }
    }

    [Theory]
    [InlineData(1 << 18)]
    [InlineData((1 << 18) + 4096 + 77)]
    [InlineData((1 << 20) + 13)]
    public void A_span_scanned_with_prefetches_finds_a_value_on_either_side_of_where_they_stop(int length)
    {
        // Spans of 1 MiB or more run a prefetching loop up to 4096 + 64 values before the end, then the plain loops.
        var values = Enumerable.Range(0, length).Select(i => (float)(i % 11 - 5)).ToArray();
        Assert.True(Finite.All(values));
        int stop = length - 64 - 4096;
        foreach (int i in new[] { 0, 1, 63, 64, length / 2, stop - 64, stop - 1, stop, stop + 1, stop + 64, length - 65, length - 17, length - 1 })
        {
            float kept = values[i];
            values[i] = float.NaN;
            Assert.False(Finite.All(values), $"NaN at {i} of {length}");
            values[i] = float.NegativeInfinity;
            Assert.False(Finite.All(values), $"-∞ at {i} of {length}");
            values[i] = kept;
        }
    }

    [Fact]
    public void Largest_finite_values_and_negative_zero_are_finite()
    {
        var values = Enumerable.Repeat(float.MaxValue, 70).Concat(Enumerable.Repeat(-float.MaxValue, 70)).Append(-0f).Append(float.Epsilon).ToArray();
        Assert.True(Finite.All(values));
    }
}
