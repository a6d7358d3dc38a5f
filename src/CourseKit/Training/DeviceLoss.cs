using CourseKit.Devices;
using CourseKit.Kernels;
using CourseKit.Nn;
using CourseKit.Tensors;

namespace CourseKit.Training;

/// <summary>
/// A loss on a model's device: softmax–cross-entropy runs fused on the device (only the cost and the predicted
/// classes come back); any other loss (binary cross-entropy, a learner's own) is computed on the host from the logits,
/// which are copied back, and its gradient copied up — the one explicit fallback of the device path.
/// </summary>
internal sealed class DeviceLoss(ILoss loss) : IDisposable
{
    private readonly DeviceScratch<int> _labels = new(), _predicted = new();
    private Matrix? _logits, _gradient;
    private int[] _classes = [];

    /// <summary>Whether the loss runs on the device (else it is computed on the host).</summary>
    public bool OnDevice => loss is SoftmaxCrossEntropyLoss;

    /// <summary>
    /// The mean cost of the <paramref name="rows"/> × <paramref name="cols"/> <paramref name="logits"/> for
    /// <paramref name="labels"/> (checked on the host), writing ∂J/∂(logits) into <paramref name="gradient"/> when
    /// given, and the number of examples whose predicted class is their label.
    /// </summary>
    public float Compute(Device device, DeviceBuffer<float> logits, int rows, int cols, int[] labels,
        DeviceBuffer<float>? gradient, out int correct)
    {
        if (!OnDevice) return OnHost(logits, rows, cols, labels, gradient, out correct);
        CpuKernels.CheckLabels(labels.AsSpan(0, rows), rows, cols);
        var labelsOnDevice = _labels.Get(device, rows);
        labelsOnDevice.CopyFrom(labels.AsSpan(0, rows));
        float cost;
        using (Device.TrustInputs()) cost = device.SoftmaxCrossEntropy(logits, rows, cols, labelsOnDevice, gradient);
        var predicted = _predicted.Get(device, rows);
        device.ArgMax(logits, rows, cols, predicted);
        if (_classes.Length < rows) _classes = new int[rows];
        predicted.CopyTo(_classes);
        correct = Count(_classes, labels, rows);
        return cost;
    }

    private float OnHost(DeviceBuffer<float> logits, int rows, int cols, int[] labels, DeviceBuffer<float>? gradient, out int correct)
    {
        var host = Matrix(ref _logits, rows, cols);
        logits.CopyTo(host.AsSpan());
        var dHost = gradient is null ? null : Matrix(ref _gradient, rows, cols);
        float cost = loss.Compute(host, labels, dHost);
        if (gradient is not null) gradient.CopyFrom(dHost!.AsSpan());
        correct = Count(loss.Predict(host), labels, rows);
        return cost;
    }

    private static Matrix Matrix(ref Matrix? buffer, int rows, int cols) =>
        buffer is { } b && b.Rows == rows && b.Cols == cols ? b : buffer = new Matrix(rows, cols);

    private static int Count(int[] predicted, int[] labels, int rows)
    {
        int correct = 0;
        for (int i = 0; i < rows; i++) if (predicted[i] == labels[i]) correct++;
        return correct;
    }

    public void Dispose()
    {
        _labels.Dispose();
        _predicted.Dispose();
    }
}
