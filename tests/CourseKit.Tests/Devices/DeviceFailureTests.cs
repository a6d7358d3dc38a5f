using CourseKit.Devices;
using CourseKit.Kernels.Ilgpu;
using CourseKit.Tests.Support;
using KernelConfig = ILGPU.KernelConfig;

namespace CourseKit.Tests.Devices;

public class DeviceFailureTests
{
    [Fact]
    public void A_buffer_from_another_device_is_refused_naming_both_devices_and_nothing_is_written()
    {
        using var a = Device.Cpu.Upload<float>(TestData.Normal(6));
        using var b = Device.IlgpuCpu.Upload<float>(TestData.Normal(6, seed: 2));
        using var c = Device.IlgpuCpu.Upload<float>([7f, 7f, 7f, 7f]);

        var ex = Assert.Throws<DeviceMismatchException>(() => Device.IlgpuCpu.Gemm(a, b, c, 2, 2, 3));

        Assert.Equal("ilgpu-cpu", ex.Device);
        Assert.Equal("Gemm", ex.Operation);
        Assert.Equal("a", ex.Argument);
        Assert.Contains("a is on cpu, expected a buffer on ilgpu-cpu", ex.Message);
        Assert.Equal([7f, 7f, 7f, 7f], c.ToArray());
        Assert.Throws<DeviceMismatchException>(() => Device.Cpu.Relu(a, c));
    }

    [Fact]
    public void Running_out_of_device_memory_names_the_device_the_operation_and_the_sizes()
    {
        var device = IlgpuDevice.CreateCpu("ilgpu-cpu-small", memoryLimit: 64 * 1024);
        using var kept = device.Allocate<float>(8 * 1024);

        var ex = Assert.Throws<DeviceOutOfMemoryException>(() => device.Allocate<float>(16 * 1024));

        Assert.Equal("ilgpu-cpu-small", ex.Device);
        Assert.Equal("Allocate", ex.Operation);
        Assert.Equal(65_536, ex.RequestedBytes);
        Assert.Equal(32_768, ex.AvailableBytes);
        Assert.Contains("out of device memory: 65,536 bytes requested, 32,768 bytes available", ex.Message);
        using var fits = device.Allocate<float>(8 * 1024 - 64);  // what was refused took nothing
    }

    [Fact]
    public void An_operation_whose_scratch_does_not_fit_fails_before_writing_its_outputs()
    {
        const int rows = 64, cols = 32;
        long buffers = 4L * (3 * rows * cols + 4 * cols);
        var device = IlgpuDevice.CreateCpu("ilgpu-cpu-tight", memoryLimit: buffers + 64);
        using var x = device.Upload<float>(TestData.Normal(rows * cols));
        using var gamma = device.Upload<float>(Enumerable.Repeat(1f, cols).ToArray());
        using var beta = device.Allocate<float>(cols);
        using var y = device.Upload<float>(Enumerable.Repeat(7f, rows * cols).ToArray());
        using var xHat = device.Upload<float>(Enumerable.Repeat(7f, rows * cols).ToArray());
        using var mean = device.Upload<float>(Enumerable.Repeat(7f, cols).ToArray());
        using var invStd = device.Upload<float>(Enumerable.Repeat(7f, cols).ToArray());

        var ex = Assert.Throws<DeviceOutOfMemoryException>(() =>
            device.BatchNormForwardTraining(x, rows, cols, gamma, beta, 1e-5f, y, mean, invStd, xHat, null, null, 0.9f));

        Assert.Equal("BatchNormForwardTraining", ex.Operation);
        Assert.All(y.ToArray(), v => Assert.Equal(7f, v));
        Assert.All(xHat.ToArray(), v => Assert.Equal(7f, v));
        Assert.All(mean.ToArray(), v => Assert.Equal(7f, v));
    }

    [Fact]
    public void A_kernel_launch_that_fails_becomes_a_device_exception_naming_device_and_operation()
    {
        var device = (IlgpuDevice)Device.IlgpuCpu;
        using var z = device.Upload<float>([1f, 2f]);
        using var d = device.Upload<float>([7f, 7f]);
        var tooLarge = new KernelConfig(1, device.Accelerator.MaxNumThreadsPerGroup * 2);

        Action launch = () => device.Kernels.RowMap(tooLarge, IlgpuDevice.View(z), IlgpuDevice.View(d), 2, IlgpuRows.Softmax);
        var ex = Assert.Throws<DeviceException>(() => device.Run("Softmax", launch));

        Assert.Equal("ilgpu-cpu", ex.Device);
        Assert.Equal("Softmax", ex.Operation);
        Assert.StartsWith("Softmax on ilgpu-cpu: ", ex.Message);
        Assert.NotNull(ex.InnerException);
        Assert.Equal([7f, 7f], d.ToArray());
        device.Softmax(z, 1, 2, d);  // the device still works
        Assert.Equal(1f, d.ToArray().Sum(), 6);
    }

    [Fact]
    public void Inside_a_trusted_scope_contents_are_not_scanned_but_shapes_still_are()
    {
        using var x = Device.IlgpuCpu.Upload<float>([1f, float.NaN, -2f]);
        using var y = Device.IlgpuCpu.Allocate<float>(3);
        using (Device.TrustInputs())
        {
            Device.IlgpuCpu.Relu(x, y);  // trusted: no scan, no wait for the device
            Assert.Throws<ArgumentException>(() => Device.IlgpuCpu.Relu(x, y.Slice(0, 2)));
        }
        Assert.Equal(1f, y.ToArray()[0]);
        Assert.Contains("x[1]", Assert.Throws<ArgumentException>(() => Device.IlgpuCpu.Relu(x, y)).Message);
    }
}
