using CourseKit.Nn;
using CourseKit.Tensors;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Nn;

/// <summary>
/// Each layer's forward pass, input gradient and parameter gradients against PyTorch 1.13 (Debian's python3-torch,
/// float32, CPU) on the same inputs. The figures were printed by pytorch_layer_figures.py beside this file
/// (<c>env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 tests/CourseKit.Tests/Nn/pytorch_layer_figures.py</c>);
/// the tests never call Python. CourseKit's W is n_in × n_out (torch's weight transposed), its BatchNorm momentum 0.9
/// is torch's 0.1.
/// </summary>
public class LayerPyTorchTests
{
    // Float32 in both, summed in different orders: agreement to a few ulps of the largest magnitudes involved.
    private const double Rel = 2e-6, Abs = 2e-7;

    private static readonly Matrix X = Matrix.FromRows([0.5f, -1.25f, 2.0f], [-0.75f, 0.25f, 1.5f], [1.0f, 0.0f, -0.5f], [-2.0f, 1.75f, 0.25f], [0.125f, -0.5f, -1.0f]);
    private static readonly Matrix Dy2 = Matrix.FromRows([0.1f, -0.2f], [0.3f, 0.05f], [-0.4f, 0.25f], [0.2f, -0.1f], [0.0f, 0.15f]);
    private static readonly Matrix Dy3 = Matrix.FromRows([0.1f, -0.2f, 0.3f], [0.3f, 0.05f, -0.1f], [-0.4f, 0.25f, 0.2f], [0.2f, -0.1f, 0.0f], [0.0f, 0.15f, -0.35f]);

    [Fact]
    public void Dense_matches_torch_Linear()
    {
        var dense = new Dense(2);
        dense.Build(3, seed: 0);
        Matrix.FromRows([0.2f, -0.5f], [0.75f, 0.1f], [-0.3f, 0.4f]).CopyTo(dense.W.Value);
        Matrix.RowVector(0.05f, -0.15f).CopyTo(dense.B!.Value);
        var y = dense.Forward(X);
        var dx = dense.Backward(Dy2);
        Close([-1.3875f, 0.275f, -0.3625f, 0.85f, 0.40000004f, -0.85f, 0.88750005f, 1.125f, 1.8626451e-08f, -0.6625f], y, "y");
        Close([0.120000005f, 0.055f, -0.11000001f, 0.035000004f, 0.23f, -0.07f, -0.20500001f, -0.275f, 0.22f, 0.09f, 0.14f, -0.10000001f,
            -0.075f, 0.015000001f, 0.060000002f], dx, "dx");
        Close([-0.975f, 0.33125f, 0.3f, 0.012499988f, 0.90000004f, -0.625f], dense.W.Grad, "dW");
        Close([0.2f, 0.15f], dense.B.Grad, "db");
    }

    [Fact]
    public void BatchNorm_matches_torch_BatchNorm1d_in_training_its_running_statistics_and_inference()
    {
        var model = new Sequential(new BatchNorm(momentum: 0.9, epsilon: 1e-5)).Build(3, seed: 0);
        var bn = model.Get<BatchNorm>();
        Matrix.RowVector(1.5f, 0.5f, -1.0f).CopyTo(bn.Gamma.Value);
        Matrix.RowVector(0.1f, -0.2f, 0.3f).CopyTo(bn.Beta.Value);
        var y = bn.Forward(X);
        var dx = bn.Backward(Dy3);
        Close([1.1298878f, -0.8549272f, -1.0542362f, -0.6457808f, -0.09924197f, -0.61738575f, 1.8401551f, -0.2251895f, 1.1300157f,
            -2.4214494f, 0.65644324f, 0.47474018f, 0.59718716f, -0.47708458f, 1.5668662f], y, "y");
        Close([0.25703245f, -0.115206845f, -0.11329871f, 0.24493194f, 0.009973511f, 0.19099626f, -0.33475193f, 0.1108594f, -0.25185525f,
            -0.19332913f, -0.06636219f, -0.009337114f, 0.026116718f, 0.06073612f, 0.18349484f], dx, "dx");
        Close([-0.8807316f, 0.0050378796f, 0.59193224f], bn.Gamma.Grad, "dγ");
        Close([0.2f, 0.15f, 0.05000004f], bn.Beta.Grad, "dβ");
        // Running averages: 0.9·(0, 1) + 0.1·(batch mean, unbiased batch variance), as torch keeps them.
        Close([-0.022499999f, 0.0050000004f, 0.044999998f], bn.RunningMean.Value, "running mean");
        Close([1.039375f, 1.0231249f, 1.06375f], bn.RunningVariance.Value, "running variance");
        model.Eval();
        Close([0.8687575f, -0.820365f, -1.5955049f, -0.9703753f, -0.0788929f, -1.110721f, 1.6044106f, -0.20247158f, 0.82841444f,
            -2.809508f, 0.6625792f, 0.10123862f, 0.31701767f, -0.44962895f, 1.3131983f], bn.Forward(X), "inference y");
    }

    private static readonly Matrix A = Matrix.FromRows([-2.0f, -0.5f, 0.0f, 0.5f], [1.0f, 3.0f, -0.01f, 0.0f]);
    private static readonly Matrix DA = Matrix.FromRows([0.3f, -0.2f, 0.5f, 0.1f], [-0.4f, 0.25f, 0.6f, -0.7f]);

    public static TheoryData<string, float[], float[]> Activations => new()
    {
        // torch.nn.ReLU: derivative 0 at z = 0.
        { "relu", [0f, 0f, 0f, 0.5f, 1f, 3f, 0f, 0f], [0f, 0f, 0f, 0.1f, -0.4f, 0.25f, 0f, 0f] },
        // torch.nn.LeakyReLU(0.1): derivative 0.1 at z = 0.
        { "leaky_relu", [-0.2f, -0.05f, 0f, 0.5f, 1f, 3f, -0.001f, 0f], [0.030000001f, -0.020000001f, 0.05f, 0.1f, -0.4f, 0.25f, 0.060000002f, -0.07f] },
        { "tanh", [-0.9640276f, -0.46211717f, 0f, 0.46211717f, 0.7615942f, 0.9950548f, -0.009999666f, 0f],
            [0.021195246f, -0.15728955f, 0.5f, 0.078644775f, -0.16798972f, 0.0024664954f, 0.59994f, -0.7f] },
        { "sigmoid", [0.11920292f, 0.37754068f, 0.5f, 0.62245935f, 0.7310586f, 0.95257413f, 0.4975f, 0.5f],
            [0.031498075f, -0.047000743f, 0.125f, 0.023500372f, -0.078644775f, 0.011294164f, 0.14999627f, -0.175f] },
    };

    [Theory]
    [MemberData(nameof(Activations))]
    public void Activations_match_torch_including_the_derivative_used_at_zero(string kind, float[] torchY, float[] torchDx)
    {
        Layer layer = kind switch { "relu" => new Relu(), "leaky_relu" => new LeakyRelu(0.1), "tanh" => new Tanh(), _ => new Sigmoid() };
        layer.Build(4, seed: 0);
        Close(torchY, layer.Forward(A), $"{kind} y");
        Close(torchDx, layer.Backward(DA), $"{kind} dx");
    }

    [Fact]
    public void A_model_matches_torch_Sequential_end_to_end()
    {
        // torch.nn.Sequential(Linear(3, 4, bias=False), BatchNorm1d(4), ReLU(), Linear(4, 2)) with CrossEntropyLoss.
        var model = new Sequential(new Dense(4, useBias: false), new BatchNorm(), new Relu(), new Dense(2)).Build(3, seed: 0);
        Matrix.FromRows([0.3f, -0.2f, 0.5f, 0.1f], [-0.4f, 0.6f, 0.2f, -0.3f], [0.25f, 0.15f, -0.35f, 0.45f]).CopyTo(model.Get<Dense>("dense1").W.Value);
        Matrix.FromRows([0.5f, -0.4f], [0.3f, 0.2f], [-0.6f, 0.1f], [0.2f, 0.7f]).CopyTo(model.Get<Dense>("dense2").W.Value);
        Matrix.RowVector(0.05f, -0.05f).CopyTo(model.Get<Dense>("dense2").B!.Value);
        var output = model.Forward(X);
        var dOutput = new Matrix(5, 2);
        float cost = new SoftmaxCrossEntropyLoss().Compute(output, [0, 1, 1, 0, 1], dOutput);
        model.Backward(dOutput);
        Assert.Equal(0.50025636f, cost, 6);
        Close([0.061502583f, 0.00019232245f, 0.009943451f, 0.05167693f, 0.02805591f, -0.0040510003f, 0.007415271f, -0.0443985f,
            -0.028919278f, 0.016459277f, 0.01845043f, -0.041081123f], model.Get<Dense>("dense1").W.Grad, "dW1");
        Close([-0.080927275f, -0.0102821225f, -0.113265745f, 0.035013977f], model.Get<BatchNorm>().Gamma.Grad, "dγ");
        Close([0.07929737f, 0.00094909966f, -0.09607997f, -0.012286976f], model.Get<BatchNorm>().Beta.Grad, "dβ");
        Close([-0.089919195f, 0.08991917f, -0.102821246f, 0.102821246f, 0.16180822f, -0.16180822f, -0.07002799f, 0.07002798f],
            model.Get<Dense>("dense2").W.Grad, "dW2");
        Close([0.075441666f, -0.075441696f], model.Get<Dense>("dense2").B!.Grad, "db2");
    }

    private static void Close(float[] torch, Matrix actual, string what) => Tolerance.Close(torch, actual.AsSpan(), Rel, Abs, what);
}
