using CourseKit.Autodiff;

namespace CourseKit.Tests.Autodiff;

public class DeepGraphTests
{
    // A small stack makes the test meaningful: a recursive topological sort would overflow it long before 10,000 nodes.
    private const int SmallStack = 256 * 1024;

    [Theory]
    [InlineData(10_000)]
    [InlineData(100_000)]
    public void A_long_chain_backpropagates_without_growing_the_stack(int depth)
    {
        float grad = float.NaN, value = float.NaN;
        var thread = new Thread(() =>
        {
            var x = Variable.Parameter(1f);
            Variable y = x;
            for (int i = 0; i < depth; i++) y = y * 1.0001f;
            y.Backward();
            (grad, value) = (x.Grad![0, 0], y.Item);
        }, SmallStack);
        thread.Start();
        thread.Join();
        double expected = Math.Pow(1.0001f, depth);  // dy/dx = y for this chain with x = 1
        Assert.Equal(1, value / expected, 1e-3);
        Assert.Equal(1, grad / expected, 1e-3);
    }

    [Fact]
    public void A_long_chain_of_additions_reused_at_every_step_sums_every_path()
    {
        // y_{i+1} = y_i + x: x feeds 10,000 nodes directly, plus the start of the chain.
        var x = Variable.Parameter(2f);
        Variable y = x;
        for (int i = 0; i < 10_000; i++) y = y + x;
        y.Backward();
        Assert.Equal(10_001f, x.Grad![0, 0]);
        Assert.Equal(20_002f, y.Item);
    }
}
