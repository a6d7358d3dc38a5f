using CourseKit.Tests.Support;
using CourseKit.Kernels.Reference;
using CourseKit.Tests.Support.Backends;

namespace CourseKit.Tests.Kernels;

using CourseKit.Kernels;

public class HardmaxTests
{
    public static IEnumerable<object[]> Lengths0To257OnEveryBackend => KernelBackend.Cross(typeof(TestData), nameof(TestData.Lengths0To257));

    private static double[] D(float[] x) => Array.ConvertAll(x, v => (double)v);

    [Theory, MemberData(nameof(Lengths0To257OnEveryBackend))]
    public void ArgMax_and_Hardmax_match_the_reference_for_every_row_length(KernelBackend backend, int cols)
    {
        foreach (int rows in new[] { 1, 4 })
        {
            // Rounded to a coarse grid so that ties happen often.
            float[] z = TestData.Normal(rows * cols, seed: 42, std: 2).Select(v => MathF.Round(v)).ToArray();
            var index = new int[rows];
            var oneHot = new float[rows * cols];
            if (cols == 0)
            {
                Assert.Throws<ArgumentOutOfRangeException>("cols", () => backend.ArgMax(z, rows, cols, index));
                Assert.Throws<ArgumentOutOfRangeException>("cols", () => backend.Hardmax(z, rows, cols, oneHot));
                continue;
            }
            backend.ArgMax(z, rows, cols, index);
            backend.Hardmax(z, rows, cols, oneHot);
            Assert.Equal(ReferenceKernels.ArgMax(D(z), rows, cols), index);
            Assert.Equal(ReferenceKernels.Hardmax(D(z), rows, cols), oneHot.Select(v => (double)v).ToArray());

            float[] inPlace = (float[])z.Clone();
            backend.Hardmax(inPlace, rows, cols, inPlace);
            Assert.Equal(oneHot, inPlace);
        }
    }

    [Theory, MemberData(nameof(KernelBackend.Each), MemberType = typeof(KernelBackend))]
    public void ArgMax_breaks_ties_toward_the_lowest_index(KernelBackend backend)
    {
        float[] z = [1f, 3f, 3f, 2f, /* row 2 */ 7f, 7f, 7f, 7f, /* row 3: −0 equals +0 */ -0f, 0f, -1f, -2f];
        var index = new int[3];
        backend.ArgMax(z, 3, 4, index);
        Assert.Equal([1, 0, 0], index);
    }

    [Theory, MemberData(nameof(KernelBackend.Each), MemberType = typeof(KernelBackend))]
    public void ArgMax_finds_a_maximum_in_the_vector_body_and_in_the_tail(KernelBackend backend)
    {
        const int cols = 40;
        foreach (int position in new[] { 0, 15, 16, 31, 32, 39 })
        {
            var z = new float[cols];
            z[position] = 5f;
            var index = new int[1];
            backend.ArgMax(z, 1, cols, index);
            Assert.Equal(position, index[0]);
        }
    }

    [Theory, MemberData(nameof(KernelBackend.Each), MemberType = typeof(KernelBackend))]
    public void Hardmax_writes_one_hot_rows(KernelBackend backend)
    {
        float[] z = [5f, 2f, -1f, 3f, /* row 2 */ -4f, -3f, -9f, -3.5f];
        var oneHot = new float[8];
        backend.Hardmax(z, 2, 4, oneHot);
        Assert.Equal([1f, 0f, 0f, 0f, 0f, 1f, 0f, 0f], oneHot);
    }

    [Theory, MemberData(nameof(KernelBackend.Each), MemberType = typeof(KernelBackend))]
    public void ArgMax_of_an_empty_batch_does_nothing(KernelBackend backend)
    {
        backend.ArgMax(ReadOnlySpan<float>.Empty, 0, 3, Span<int>.Empty);
        backend.Hardmax(ReadOnlySpan<float>.Empty, 0, 3, Span<float>.Empty);
    }

    [Theory, MemberData(nameof(KernelBackend.Each), MemberType = typeof(KernelBackend))]
    public void Hardmax_and_ArgMax_reject_NaN_naming_the_position(KernelBackend backend)
    {
        float[] z = new float[3 * 20];
        z[2 * 20 + 17] = float.NaN;
        var ex = Assert.Throws<ArgumentException>("z", () => backend.ArgMax(z, 3, 20, new int[3]));
        Assert.Contains("z[2, 17]", ex.Message);
        ex = Assert.Throws<ArgumentException>("z", () => backend.Hardmax(z, 3, 20, new float[60]));
        Assert.Contains("z[2, 17]", ex.Message);
    }

    [Theory, MemberData(nameof(KernelBackend.Each), MemberType = typeof(KernelBackend))]
    public void ArgMax_rejects_a_destination_shorter_than_the_row_count(KernelBackend backend)
    {
        var ex = Assert.Throws<ArgumentException>("destination", () => backend.ArgMax(new float[12], 4, 3, new int[3]));
        Assert.Contains("too short", ex.Message);
    }

    [Theory, MemberData(nameof(KernelBackend.Each), MemberType = typeof(KernelBackend))]
    public void Hardmax_rejects_partial_overlap(KernelBackend backend)
    {
        var buffer = new float[13];
        Assert.Throws<ArgumentException>("destination", () => backend.Hardmax(buffer.AsSpan(0, 12), 4, 3, buffer.AsSpan(1, 12)));
    }
}
