using CourseKit.Devices;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Devices;

public class DeviceBufferTests
{
    public static TheoryData<string> Devices() => ["cpu", "ilgpu-cpu"];

    [Theory, MemberData(nameof(Devices))]
    public void Values_go_to_the_device_and_back_unchanged(string name)
    {
        var device = Device.Get(name);
        float[] values = TestData.Normal(1000, seed: 3);
        using var buffer = device.Upload<float>(values);
        Assert.Same(device, buffer.Device);
        Assert.Equal(values, buffer.ToArray());
        using var zeros = device.Allocate<int>(5);
        Assert.Equal(new int[5], zeros.ToArray());
    }

    [Theory, MemberData(nameof(Devices))]
    public void A_slice_is_a_view_of_the_same_memory(string name)
    {
        var device = Device.Get(name);
        using var buffer = device.Upload<float>([0f, 1f, 2f, 3f, 4f, 5f]);
        var middle = buffer.Slice(2, 3);
        middle.CopyFrom([20f, 30f, 40f]);
        Assert.Equal([0f, 1f, 20f, 30f, 40f, 5f], buffer.ToArray());
        middle.Dispose();  // a view frees nothing
        Assert.False(buffer.IsDisposed);
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Slice(4, 3));
    }

    [Theory, MemberData(nameof(Devices))]
    public void One_finite_check_covers_every_buffer_of_a_list(string name)
    {
        var device = Device.Get(name);
        using var a = device.Upload<float>(TestData.Normal(300, seed: 1));
        using var b = device.Upload<float>(TestData.Normal(7, seed: 2));
        using var empty = device.Allocate<float>(0);
        Assert.True(device.AreAllFinite([a, empty, b], "test"));
        Assert.True(device.AreAllFinite([], "test"));
        foreach (float bad in new[] { float.NaN, float.PositiveInfinity, float.NegativeInfinity })
            foreach (var (where, index) in new[] { (a, 0), (a, 299), (b, 6) })
            {
                float[] kept = where.ToArray();
                float[] broken = (float[])kept.Clone();
                broken[index] = bad;
                where.CopyFrom(broken);
                Assert.False(device.AreAllFinite([a, empty, b], "test"), $"{bad} at [{index}] of a buffer of {where.Length}");
                where.CopyFrom(kept);
            }
        Assert.True(device.AreAllFinite([a, b], "test"));  // the flag of the last failing call does not stick
    }

    [Fact]
    public void To_copies_between_devices()
    {
        using var cpu = Device.Cpu.Upload<float>([1f, 2f, 3f]);
        using var there = cpu.To(Device.IlgpuCpu);
        using var back = there.To(Device.Cpu);
        using var same = there.To(Device.IlgpuCpu);
        Assert.Same(Device.IlgpuCpu, there.Device);
        Assert.Equal([1f, 2f, 3f], back.ToArray());
        Assert.Equal([1f, 2f, 3f], same.ToArray());
    }

    [Fact]
    public void Copies_check_their_lengths()
    {
        using var buffer = Device.IlgpuCpu.Allocate<float>(4);
        Assert.Contains("expected length 4, actual 3", Assert.Throws<ArgumentException>(() => buffer.CopyFrom(new float[3])).Message);
        Assert.Contains("destination too short", Assert.Throws<ArgumentException>(() => buffer.CopyTo(new float[3])).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Device.Cpu.Allocate<float>(-1));
    }

    [Theory, MemberData(nameof(Devices))]
    public void A_disposed_buffer_is_refused_by_name(string name)
    {
        var device = Device.Get(name);
        var x = device.Upload<float>([1f, -1f]);
        using var y = device.Allocate<float>(2);
        x.Dispose();
        Assert.True(x.IsDisposed);
        var ex = Assert.Throws<ObjectDisposedException>(() => device.Relu(x, y));
        Assert.Contains("Relu on " + device.Name, ex.Message);
        Assert.Contains("x was disposed", ex.Message);
    }
}
