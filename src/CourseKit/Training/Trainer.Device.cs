using CourseKit.Devices;
using CourseKit.Kernels;
using CourseKit.Nn;
using CourseKit.Tensors;

namespace CourseKit.Training;

// The training step of a model on a device (Sequential.To): the mini-batch goes up, forward, loss, backward, L2 and
// the optimizer step run there, and only the cost and the predicted classes come back. A step that fails part-way
// leaves every parameter (trainable or not), the optimizer state and the dropout counters as they were before it.
public sealed partial class Trainer
{
    private readonly DeviceScratch<float> _batchOnDevice = new(), _dOutputOnDevice = new();
    private readonly DeviceSnapshot _frozenSnapshot = new();
    private readonly List<DeviceBuffer<float>> _frozen = [];
    private DeviceLoss? _deviceLoss;
    private Dropout[]? _dropouts;
    private long[] _passes = [];

    /// <summary>One optimization step on the model's device; returns its cost (with the L2 term when λ &gt; 0).</summary>
    private float StepOnDevice(Device device, Matrix x, int[] labels, float lambda, out int correct)
    {
        var input = Upload(device, x);
        SaveWhatForwardChanges();
        try
        {
            float cost;
            using (Device.TrustInputs())  // the batch was checked on the host; the optimizer checks the gradients
            {
                var output = Model.ForwardDevice(input, x.Rows);
                var dOutput = _dOutputOnDevice.Get(device, output.Length);
                cost = (_deviceLoss ??= new DeviceLoss(Loss)).Compute(device, output, x.Rows, output.Length / x.Rows, labels, dOutput, out correct);
                Model.BackwardParametersDevice(dOutput, x.Rows);
                if (lambda > 0f) cost += Model.L2OnDevice(lambda, x.Rows, addGradients: true);
            }
            Optimizer.Step(_trainable ??= Model.TrainableParameters);
            return cost;
        }
        catch
        {
            RestoreWhatForwardChanged();
            throw;
        }
    }

    /// <summary>Cost and accuracy of the model on its device, batch by batch (inference mode is already set).</summary>
    private Evaluation EvaluateOnDevice(Device device, Matrix x, int[] labels, int batchSize)
    {
        double cost = 0;
        long correct = 0;
        foreach (var (bx, by) in new Data.MiniBatches(x, labels, batchSize, seed: 0, dropLast: false, shuffle: false, reuseBuffers: true).Epoch(1))
        {
            var input = Upload(device, bx);
            using (Device.TrustInputs())
            {
                var output = Model.ForwardDevice(input, bx.Rows);
                float batchCost = (_deviceLoss ??= new DeviceLoss(Loss)).Compute(device, output, bx.Rows, output.Length / bx.Rows, by, null, out int batchCorrect);
                cost += (double)batchCost * bx.Rows;
                correct += batchCorrect;
            }
        }
        return new Evaluation((float)(cost / x.Rows), (float)correct / x.Rows);
    }

    /// <summary>Checks the batch on the host (as the first Dense layer does on the CPU) and copies it to the device.</summary>
    private DeviceBuffer<float> Upload(Device device, Matrix x)
    {
        Guard.AllFinite(x.AsSpan(), nameof(x), x.Cols);
        var input = _batchOnDevice.Get(device, x.Length);
        input.CopyFrom(x.AsSpan());
        return input;
    }

    /// <summary>Snapshots BatchNorm's running statistics and the dropout counters, which a training forward pass changes.</summary>
    private void SaveWhatForwardChanges()
    {
        _dropouts ??= Model.AllLayers.OfType<Dropout>().ToArray();
        if (_passes.Length != _dropouts.Length) _passes = new long[_dropouts.Length];
        for (int i = 0; i < _dropouts.Length; i++) _passes[i] = _dropouts[i].Passes;
        _frozen.Clear();
        foreach (var p in Model.Parameters)
            if (!p.Trainable) _frozen.Add(p.DeviceValue);
        _frozenSnapshot.Take(_frozen);
    }

    private void RestoreWhatForwardChanged()
    {
        for (int i = 0; i < _dropouts!.Length; i++) _dropouts[i].RestorePasses(_passes[i]);
        _frozenSnapshot.Restore();
    }
}
