using CourseKit.Devices;
using CourseKit.Nn;
using CourseKit.Optim;
using CourseKit.Tensors;
using CourseKit.Tests.Support;
using CourseKit.Training;
using static CourseKit.Tests.Devices.DeviceTrainingTests;

namespace CourseKit.Tests.Devices;

/// <summary>
/// What goes wrong with a model on a device: a clear exception naming the device and the operation, and nothing
/// half-updated — parameters, running statistics, optimizer state, t and dropout counters are as before the step.
/// </summary>
public class DeviceTrainingFailureTests
{
    private sealed class Doubler : Layer
    {
        protected override Matrix OnForward(Matrix x) => x * 2f;
        protected override Matrix OnBackward(Matrix dy) => dy * 2f;
    }

    [Fact]
    public void A_model_with_a_custom_layer_is_refused_naming_the_layer_and_the_device_and_stays_on_the_cpu()
    {
        var model = new Sequential(new Dense(4), new Doubler(), new Dense(3)).Build(2, seed: 1);

        var ex = Assert.Throws<DeviceException>(() => model.To(Device.IlgpuCpu));

        Assert.Equal("ilgpu-cpu", ex.Device);
        Assert.Equal("To", ex.Operation);
        Assert.Contains("doubler1 (Doubler) (", ex.Message);
        Assert.Contains("has no ilgpu-cpu implementation", ex.Message);
        Assert.Same(Device.Cpu, model.Device);
        Assert.Equal(3, model.Predict(new Matrix(2, 2)).Cols);   // still usable on the CPU
    }

    private sealed class HalfStep(double rate) : Optimizer(rate)
    {
        protected override void Update(Parameter parameter) { }
    }

    [Fact]
    public void An_optimizer_without_a_device_rule_is_refused_and_nothing_moves()
    {
        var trainer = new Trainer(Net().To(Device.IlgpuCpu), new SoftmaxCrossEntropyLoss(), new HalfStep(0.1));
        var before = Values(trainer.Model);

        var ex = Assert.Throws<DeviceException>(() => trainer.Fit(Blobs, options: Options(epochs: 1)));

        Assert.Equal("Optimizer.Step", ex.Operation);
        Assert.Contains("HalfStep has no ilgpu-cpu implementation", ex.Message);
        AssertValues(before, trainer.Model);
        Assert.Equal(0, trainer.Model.Get<Dropout>("dropout1").Passes);
    }

    [Fact]
    public void Parameters_on_two_devices_in_one_step_are_refused_naming_both()
    {
        var onDevice = Net().To(Device.IlgpuCpu);
        var onCpu = Net();
        var ex = Assert.Throws<DeviceMismatchException>(() => new Sgd(0.1).Step(onDevice.Parameters.Concat(onCpu.Parameters).ToList()));
        Assert.Equal("ilgpu-cpu", ex.Device);
        Assert.Contains("dense1.W is on cpu, expected a buffer on ilgpu-cpu", ex.Message);
    }

    [Fact]
    public void A_buffer_from_another_device_is_refused_by_a_layer_on_a_device()
    {
        var model = Net().To(Device.IlgpuCpu);
        using var x = Device.Cpu.Upload<float>(TestData.Normal(8 * 2));

        var ex = Assert.Throws<DeviceMismatchException>(() => { model.ForwardDevice(x, 8); });

        Assert.Equal("ilgpu-cpu", ex.Device);
        Assert.Equal("Gemm", ex.Operation);
        Assert.Contains("is on cpu", ex.Message);
    }

    [Fact]
    public void An_unavailable_device_is_named_and_the_model_stays_where_it_was()
    {
        var model = Net();
        var ex = Assert.Throws<DeviceUnavailableException>(() => model.To(Device.Get($"cuda:{Device.CudaDeviceCount + 3}")));
        Assert.Contains($"cuda:{Device.CudaDeviceCount + 3}", ex.Message);
        Assert.Same(Device.Cpu, model.Device);
    }

    [Fact]
    public void Running_out_of_device_memory_during_a_step_names_the_device_and_leaves_the_parameters_unchanged()
    {
        // Room for the parameters, their gradients and a few small batches, not for a batch of 240 examples.
        var device = IlgpuDevice.CreateCpu("ilgpu-cpu-small", memoryLimit: 24 * 1024);
        var trainer = new Trainer(Net().To(device), new SoftmaxCrossEntropyLoss(), new Adam(0.05));
        var before = Values(trainer.Model);

        var ex = Assert.Throws<DeviceOutOfMemoryException>(() => trainer.Fit(Blobs, options: Options(epochs: 1) with { BatchSize = 240 }));

        Assert.Equal("ilgpu-cpu-small", ex.Device);
        Assert.Contains("out of device memory", ex.Message);
        AssertValues(before, trainer.Model);
        Assert.Equal(0, trainer.Optimizer.Steps);
        Assert.DoesNotContain(trainer.Optimizer.SaveState().Slots.Values, s => s.Any(v => v != 0f));
    }

    [Fact]
    public void A_launch_failing_part_way_through_the_optimizer_step_puts_every_parameter_back()
    {
        var trainer = new Trainer(Net().To(Device.IlgpuCpu), new SoftmaxCrossEntropyLoss(), new Adam(0.05));
        var reference = new Trainer(Net().To(Device.IlgpuCpu), new SoftmaxCrossEntropyLoss(), new Adam(0.05));
        var options = Options(epochs: 1) with { BatchSize = 120 };   // 2 steps per epoch
        trainer.Fit(Blobs, options: options with { Epochs = 1 });
        reference.Fit(Blobs, options: options with { Epochs = 1 });
        var before = Values(trainer.Model);
        var state = trainer.Optimizer.SaveState();
        long passes = trainer.Model.Get<Dropout>("dropout1").Passes;

        int adamSteps = 0;
        DeviceException ex;
        using (Device.InjectFaults((d, operation) => operation == "AdamStep" && ++adamSteps == 3
                   ? new DeviceException(d.Name, operation, "the launch failed (injected)") : null))
            ex = Assert.Throws<DeviceException>(() => trainer.Fit(Blobs, options: options with { Epochs = 2, InitialEpoch = 1 }));

        Assert.Equal("AdamStep on ilgpu-cpu: the launch failed (injected)", ex.Message);
        Assert.Equal(3, adamSteps);   // dense1.W and bn1.gamma were updated, then put back
        AssertValues(before, trainer.Model);   // running statistics included: the forward pass was undone too
        Assert.Equal(state.Steps, trainer.Optimizer.Steps);
        var after = trainer.Optimizer.SaveState();
        foreach (var (name, slot) in state.Slots) Assert.Equal(slot, after.Slots[name]);
        Assert.Equal(passes, trainer.Model.Get<Dropout>("dropout1").Passes);

        // Nothing was half-done: the same epoch again gives what an uninterrupted run gives, bit for bit.
        trainer.Fit(Blobs, options: options with { Epochs = 2, InitialEpoch = 1 });
        reference.Fit(Blobs, options: options with { Epochs = 2, InitialEpoch = 1 });
        AssertSameParameters(reference.Model, trainer.Model, tolerance: 0);
    }

    [Fact]
    public void A_non_finite_gradient_on_a_device_is_refused_before_any_update_as_on_the_cpu()
    {
        var model = Net().To(Device.IlgpuCpu);
        var adam = new Adam(0.05);
        var before = Values(model);
        model.Get<Dense>("dense2").W.Grad.Data[4] = float.NaN;   // written on the host, uploaded by the step

        var ex = Assert.Throws<ArgumentException>(() => adam.Step(model.TrainableParameters));

        Assert.Contains("dense2.W", ex.Message);
        Assert.Contains("NaN", ex.Message);
        AssertValues(before, model);
        Assert.Equal(0, adam.Steps);
    }

    private static float[][] Values(Sequential model) => model.Parameters.Select(p => p.Value.Data.ToArray()).ToArray();

    private static void AssertValues(float[][] expected, Sequential model)
    {
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], model.Parameters[i].Value.Data);
    }
}
