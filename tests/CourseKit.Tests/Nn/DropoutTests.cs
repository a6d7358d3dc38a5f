using CourseKit.Nn;
using CourseKit.Tensors;

namespace CourseKit.Tests.Nn;

/// <summary>
/// Inverted dropout, tested directly. Not pinned to torch.nn.Dropout: its masks come from torch's generator, so no
/// figure could match; the tests check the same contract instead (kept units scaled by 1/keepProb — torch's 1/(1 − p) —,
/// the backward pass through the forward pass's mask, the identity in inference).
/// </summary>
public class DropoutTests
{
    private static Sequential Model(double keepProb, int seed = 3) => new Sequential(new Dropout(keepProb, seed)).Build(50, seed: 1);

    [Fact]
    public void Training_keeps_about_keepProb_of_the_units_and_scales_them_by_its_inverse()
    {
        var x = Matrix.RandomUniform(400, 50, seed: 7, low: 0.5f, high: 2f);
        var layer = Model(0.8).Get<Dropout>();
        var y = layer.Forward(x);
        int kept = 0;
        for (int i = 0; i < x.Data.Length; i++)
        {
            if (y.Data[i] == 0f) continue;
            kept++;
            Assert.Equal(x.Data[i] / 0.8f, y.Data[i], 1e-6f * y.Data[i]);
        }
        // 20 000 Bernoulli(0.8) draws: σ = √(n·p·(1 − p)) ≈ 57; four σ either side.
        Assert.InRange(kept, 16_000 - 230, 16_000 + 230);
        Assert.Equal(1, layer.Passes);
    }

    [Fact]
    public void Backward_passes_the_gradient_through_the_units_the_forward_pass_kept()
    {
        var x = Matrix.RandomUniform(30, 50, seed: 8, low: 0.5f, high: 2f);
        var dy = Matrix.RandomNormal(30, 50, seed: 9);
        var layer = Model(0.5).Get<Dropout>();
        var y = layer.Forward(x);
        var dx = layer.Backward(dy);
        for (int i = 0; i < x.Data.Length; i++)
            Assert.Equal(y.Data[i] == 0f ? 0f : dy.Data[i] / 0.5f, dx.Data[i], 1e-6f * Math.Abs(dx.Data[i]));
    }

    [Fact]
    public void Masks_are_a_function_of_the_seed_and_the_pass_and_inference_is_the_identity()
    {
        var x = Matrix.RandomUniform(20, 50, seed: 10, low: 0.5f, high: 2f);
        var (a, b) = (Model(0.7).Get<Dropout>(), Model(0.7).Get<Dropout>());
        var first = a.Forward(x);
        Assert.Equal(first.Data, b.Forward(x).Data);
        Assert.NotEqual(first.Data, a.Forward(x).Data);               // the second pass draws a new mask
        Assert.NotEqual(first.Data, Model(0.7, seed: 4).Get<Dropout>().Forward(x).Data);
        var model = Model(0.7).Eval();
        var inference = model.Predict(x);
        Assert.Equal(x.Data, inference.Data);
        Assert.NotSame(x, inference);
        Assert.Equal(0, model.Get<Dropout>().Passes);
    }

    [Fact]
    public void Bad_keep_probabilities_are_named()
    {
        Assert.Contains("keepProb", Assert.Throws<ArgumentOutOfRangeException>(() => new Dropout(0)).Message);
        Assert.Contains("keepProb", Assert.Throws<ArgumentOutOfRangeException>(() => new Dropout(1.5)).Message);
    }
}
