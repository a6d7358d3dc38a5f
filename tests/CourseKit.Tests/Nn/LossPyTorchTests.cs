using CourseKit.Nn;
using CourseKit.Tensors;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Nn;

/// <summary>
/// The losses' cost and ∂J/∂logits against PyTorch 1.13 (float32), printed by pytorch_layer_figures.py beside this
/// file (<c>env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 tests/CourseKit.Tests/Nn/pytorch_layer_figures.py</c>);
/// the double paths against the same figures. The tests never call Python.
/// </summary>
public class LossPyTorchTests
{
    // Logits of ±50 included: log-softmax keeps the row finite, its tiny softmax entry is e^−100 ≈ 1e-44 in torch too.
    private static readonly Matrix Z = Matrix.FromRows([2f, -1f, 0.5f], [0.1f, 0.2f, 0.3f], [-3f, 4f, 1f], [50f, -50f, 0f]);
    private static readonly int[] Labels = [0, 2, 1, 2];

    [Fact]
    public void Softmax_cross_entropy_matches_torch_CrossEntropyLoss()
    {
        // torch.nn.CrossEntropyLoss()(Z, [0, 2, 1, 2]): the mean over the batch; its gradient is (ŷ − y)/m.
        var dz = new Matrix(4, 3);
        float cost = new SoftmaxCrossEntropyLoss().Compute(Z, Labels, dz);
        Assert.Equal(12.823177f, cost, 5);
        float[] torchDz = [-0.053600743f, 0.009778143f, 0.043822598f, 0.0751524f, 0.08305624f, -0.15820865f, 0.00021697032f, -0.012063131f,
            0.011846178f, 0.25f, 1e-44f, -0.25f];
        Tolerance.Close(torchDz, dz.AsSpan(), 2e-6, 1e-9, "dz");
        double doubleCost = new SoftmaxCrossEntropyLoss().ComputeDouble(Array.ConvertAll(Z.Data, v => (double)v), 4, 3, Labels, out double[] dzDouble);
        Assert.Equal(12.823177, doubleCost, 5);
        Tolerance.Close(dzDouble, dz.AsSpan(), 2e-6, 1e-9, "dz (double path)");
        Assert.Equal([0, 2, 1, 0], new SoftmaxCrossEntropyLoss().Predict(Z));   // torch.argmax(Z, 1)
    }

    [Fact]
    public void Softmax_cross_entropy_on_probability_targets_matches_torch_CrossEntropyLoss()
    {
        // torch.nn.CrossEntropyLoss()(Z, P) with probability rows P (a one-hot row is the label form again).
        var targets = Matrix.FromRows([0.7f, 0.2f, 0.1f], [0f, 0f, 1f], [0.25f, 0.5f, 0.25f], [0.5f, 0f, 0.5f]);
        var dz = new Matrix(4, 3);
        float cost = new SoftmaxCrossEntropyLoss().Compute(Z, targets, dz);
        Assert.Equal(7.3856773f, cost, 5);
        float[] torchDz = [0.02139926f, -0.04022186f, 0.018822597f, 0.0751524f, 0.08305624f, -0.15820865f, -0.062283028f, 0.11293687f,
            -0.050653823f, 0.125f, 1e-44f, -0.125f];
        Tolerance.Close(torchDz, dz.AsSpan(), 2e-6, 1e-9, "dz");
        Assert.Contains("targets", Assert.Throws<ArgumentException>(() => new SoftmaxCrossEntropyLoss().Compute(Z, new Matrix(4, 2), null)).Message);
    }

    [Fact]
    public void Binary_cross_entropy_matches_torch_BCEWithLogitsLoss()
    {
        // torch.nn.BCEWithLogitsLoss()(L, T) with L = [2, −1.5, 0, 30], T = [1, 1, 0, 0]: the logit 30 of a 0 label costs 30.
        var logits = Matrix.FromRows([2f], [-1.5f], [0f], [30f]);
        int[] labels = [1, 1, 0, 0];
        var dz = new Matrix(4, 1);
        float cost = new BinaryCrossEntropyLoss().Compute(logits, labels, dz);
        Assert.Equal(8.130372f, cost, 5);
        Tolerance.Close([-0.029800743f, -0.20439363f, 0.125f, 0.25f], dz.AsSpan(), 2e-6, 1e-9, "dz");
        double doubleCost = new BinaryCrossEntropyLoss().ComputeDouble([2, -1.5, 0, 30], 4, 1, labels, out double[] dzDouble);
        Assert.Equal(8.130372, doubleCost, 5);
        Tolerance.Close(dzDouble, dz.AsSpan(), 2e-6, 1e-9, "dz (double path)");
        Assert.Equal([1, 0, 0, 1], new BinaryCrossEntropyLoss().Predict(logits));
    }

    [Fact]
    public void Bad_labels_and_shapes_are_named()
    {
        var bce = new BinaryCrossEntropyLoss();
        Assert.Contains("labels: expected 0 or 1, actual 2 at labels[1]", Assert.Throws<ArgumentException>(() => bce.Compute(Matrix.FromRows([1f], [2f]), [0, 2], null)).Message);
        Assert.Contains("logits: expected one logit per example (m × 1), actual (2 × 2)", Assert.Throws<ArgumentException>(() => bce.Compute(new Matrix(2, 2), [0, 1], null)).Message);
        var ce = new SoftmaxCrossEntropyLoss();
        Assert.Contains("gradient: expected shape (4 × 3), actual (4 × 2)", Assert.Throws<ArgumentException>(() => ce.Compute(Z, Labels, new Matrix(4, 2))).Message);
    }
}
