using CourseKit.Devices;

namespace CourseKit.Tests.Devices;

public class DeviceSelectionTests
{
    [Fact]
    public void Names_select_the_devices_they_say()
    {
        Assert.Same(Device.Cpu, Device.Get("cpu"));
        Assert.Same(Device.Cpu, Device.Get(" CPU "));
        Assert.Same(Device.IlgpuCpu, Device.Get("ilgpu-cpu"));
        Assert.Equal(DeviceKind.Cpu, Device.Cpu.Kind);
        Assert.Equal(DeviceKind.IlgpuCpu, Device.IlgpuCpu.Kind);
        Assert.False(Device.Cpu.IsGpu);
        Assert.Equal("cpu", Device.Cpu.ToString());
    }

    [Fact]
    public void Best_is_a_GPU_exactly_when_CUDA_sees_one()
    {
        var best = Device.Best();
        Assert.Equal(Device.CudaDeviceCount > 0, best.IsGpu);
        if (!best.IsGpu) Assert.Same(Device.Cpu, best);
        Assert.Contains(best, Device.Available());
        Assert.Equal(1 + Device.CudaDeviceCount + 1, Device.Available().Count);
    }

    [Fact]
    public void Asking_for_a_missing_GPU_says_what_CUDA_sees_and_what_to_use_instead()
    {
        int missing = Device.CudaDeviceCount;  // one past the last GPU: none at all on a machine without one
        var ex = Assert.Throws<DeviceUnavailableException>(() => Device.Cuda(missing));
        Assert.Equal($"cuda:{missing}", ex.Device);
        Assert.Contains($"cuda:{missing}", ex.Message);
        Assert.Contains(missing == 0 ? "no NVIDIA GPU is visible to CUDA here" : $"only {missing} CUDA device", ex.Message);
        if (missing == 0)
        {
            Assert.Contains("Device.Cpu", ex.Message);
            Assert.Throws<DeviceUnavailableException>(() => Device.Get("cuda"));
        }
    }

    [Theory]
    [InlineData("tpu")]
    [InlineData("cuda:x")]
    [InlineData("cuda:-1")]
    [InlineData("")]
    public void An_unknown_name_is_refused_listing_the_known_ones(string name)
    {
        var ex = Assert.Throws<ArgumentException>(() => Device.Get(name));
        Assert.Equal("name", ex.ParamName);
        Assert.Contains("expected cpu, cuda, cuda:N, ilgpu-cpu or best", ex.Message);
    }

    [Fact]
    public void Every_device_describes_itself_in_one_line()
    {
        foreach (var device in Device.Available())
        {
            Assert.False(string.IsNullOrWhiteSpace(device.Description));
            Assert.DoesNotContain('\n', device.Description);
            Assert.Contains("GEMM", device.Description);
        }
    }
}
