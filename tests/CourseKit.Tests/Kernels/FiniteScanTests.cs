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

    [Fact]
    public void Largest_finite_values_and_negative_zero_are_finite()
    {
        var values = Enumerable.Repeat(float.MaxValue, 70).Concat(Enumerable.Repeat(-float.MaxValue, 70)).Append(-0f).Append(float.Epsilon).ToArray();
        Assert.True(Finite.All(values));
    }
}
