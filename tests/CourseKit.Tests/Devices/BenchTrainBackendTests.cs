using System.Text.Json.Nodes;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Devices;

/// <summary><c>coursekit bench train --backend NAME --json</c> run as a process, in a tiny configuration.</summary>
public class BenchTrainBackendTests
{
    private static (int Code, string Out, string Err) Coursekit(params string[] args) => CoursekitProcess.Run(TimeSpan.FromMinutes(3), args);

    [Fact]
    public void Bench_train_on_ilgpu_cpu_reports_the_backend_in_each_row_and_the_cpu_rows_stay_as_they_were()
    {
        var device = Coursekit("bench", "train", "--backend", "ilgpu-cpu", "--filter", "digits", "--epochs", "1", "--examples", "128", "--json");
        var cpu = Coursekit("bench", "train", "--filter", "digits", "--epochs", "1", "--examples", "128", "--json");

        Assert.True(device.Code == 0, device.Err);
        Assert.True(cpu.Code == 0, cpu.Err);
        var deviceRows = JsonNode.Parse(device.Out)!.AsArray();
        var cpuRows = JsonNode.Parse(cpu.Out)!.AsArray();
        Assert.Equal(["digits", "digits_no_batchnorm"], deviceRows.Select(r => (string?)r!["name"]));
        Assert.All(deviceRows, r => Assert.Equal("ilgpu-cpu", (string?)r!["backend"]));
        Assert.All(cpuRows, r => Assert.Equal(["name", "ms_per_epoch", "test_accuracy", "epochs", "epochs_to_95"], r!.AsObject().Select(p => p.Key)));
        for (int i = 0; i < 2; i++)
        {
            Assert.Equal(1, (int)deviceRows[i]!["epochs"]!);
            Assert.True((double)deviceRows[i]!["ms_per_epoch"]! > 0);
            // The same training on both paths: one epoch on 128 digits lands on the same test accuracy (±1 example of 360).
            Assert.Equal((double)cpuRows[i]!["test_accuracy"]!, (double)deviceRows[i]!["test_accuracy"]!, 0.003);
        }
    }

    [Fact]
    public void Bench_train_names_an_unknown_backend()
    {
        var run = Coursekit("bench", "train", "--backend", "tpu", "--json");
        Assert.Equal(2, run.Code);
        Assert.Contains("--backend: name: expected cpu, cuda, cuda:N, ilgpu-cpu or best, actual \"tpu\"", run.Err);
    }
}
