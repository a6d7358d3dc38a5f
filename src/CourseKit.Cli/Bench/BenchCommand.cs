using System.CommandLine;

namespace CourseKit.Cli.Bench;

/// <summary><c>coursekit bench kernels [--json] [--filter NAME] [--repeats N] [--backend NAME]</c>, <c>bench train</c>, <c>bench grade</c>.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print a JSON array of {name, shape, median_ms, threads, backend, …} instead of a table." };
        var backend = new Option<string>("--backend")
        {
            Description = "cpu (the SIMD span kernels, default), or a device: cuda, cuda:N, ilgpu-cpu (slow), best.",
            DefaultValueFactory = _ => "cpu",
        };
        var filter = new Option<string?>("--filter") { Description = "Run only the cases whose name contains this text." };
        var repeats = new Option<int>("--repeats") { Description = "Timed runs per case (the median is reported).", DefaultValueFactory = _ => 21 };
        var kernels = new Command("kernels", "Time the numeric core: GEMM, BatchNorm, softmax, cross-entropy (single-threaded unless stated).")
        {
            json, filter, repeats, backend,
        };
        kernels.SetAction(parse =>
        {
            int n = parse.GetValue(repeats);
            if (n < 1)
            {
                Console.Error.WriteLine($"--repeats: expected ≥ 1, actual {n}.");
                return 2;
            }
            var progress = parse.GetValue(json) ? null : Console.Error;
            string name = parse.GetValue(backend)!;
            IReadOnlyList<BenchResult> results;
            try
            {
                results = name == "cpu"
                    ? KernelBenchmarks.Run(parse.GetValue(filter), n, progress)
                    : DeviceKernelBenchmarks.Run(Devices.Device.Get(name), parse.GetValue(filter), n, progress);
            }
            catch (Exception e) when (e is ArgumentException or Devices.DeviceException)
            {
                Console.Error.WriteLine($"--backend: {e.Message}");
                return 2;
            }
            Console.WriteLine(parse.GetValue(json) ? BenchReport.ToJson(results) : BenchReport.ToTable(results));
            return 0;
        });
        var train = TrainCommand();
        var tuner = TunerCommand();
        return new Command("bench", "Benchmarks whose figures the README reports; compare with bench/compare_*.py.") { kernels, train, tuner, TunerWorkerCommand(), GradeBenchmark.Create() };
    }

    /// <summary><c>coursekit bench train [--json] [--filter NAME] [--backend NAME] [--epochs N] [--examples N]</c>.</summary>
    private static Command TrainCommand()
    {
        var json = new Option<bool>("--json") { Description = "Print a JSON array of {name, ms_per_epoch, test_accuracy, epochs, epochs_to_95}, with backend on a device." };
        var filter = new Option<string?>("--filter") { Description = "Run only digits or fashion_mnist." };
        var backend = new Option<string>("--backend")
        {
            Description = "cpu (the default path), or a device the model is moved to: cuda, cuda:N, ilgpu-cpu (slow), best.",
            DefaultValueFactory = _ => "cpu",
        };
        var epochs = new Option<int?>("--epochs") { Description = "Epochs per case instead of the case's own (30 for digits, 3 for Fashion-MNIST)." };
        var examples = new Option<int?>("--examples") { Description = "Train on the first N training examples only (a quick check, not a figure)." };
        var train = new Command("train", "Train the chapter's networks (digits with and without BatchNorm, Fashion-MNIST), single-threaded.")
        {
            json, filter, backend, epochs, examples,
        };
        train.SetAction(parse =>
        {
            var size = new TrainSize(parse.GetValue(epochs), parse.GetValue(examples));
            if (size.Epochs < 1 || size.Examples < 2)
            {
                Console.Error.WriteLine($"--epochs, --examples: expected ≥ 1 and ≥ 2, actual {size.Epochs}, {size.Examples}.");
                return 2;
            }
            Devices.Device device;
            try
            {
                device = Devices.Device.Get(parse.GetValue(backend)!);
            }
            catch (Exception e) when (e is ArgumentException or Devices.DeviceException)
            {
                Console.Error.WriteLine($"--backend: {e.Message}");
                return 2;
            }
            bool asJson = parse.GetValue(json);
            var results = TrainBenchmarks.Run(parse.GetValue(filter), progress: asJson ? null : Console.Error, device, size);
            Console.WriteLine(asJson ? TrainBenchmarks.ToJson(results) : TrainBenchmarks.ToTable(results));
            return 0;
        });
        return train;
    }

    /// <summary>
    /// <c>coursekit bench tuner [--json] [--filter NAME] [--seeds 20] [--trials 100]</c>: samplers; with
    /// <c>--storage URL [--workers N]</c>: a storage's throughput (trials per second) under N workers.
    /// </summary>
    private static Command TunerCommand()
    {
        var json = new Option<bool>("--json") { Description = "Print JSON: an array of {function, sampler, best_at_50, best_at_100, ms_per_trial} (medians over seeds), or with --storage {storage, workers, trials, seconds, trials_per_second}." };
        var filter = new Option<string?>("--filter") { Description = "Run only the samplers or functions whose name contains this text." };
        var seeds = new Option<int>("--seeds") { Description = "Seeds per case.", DefaultValueFactory = _ => 20 };
        var trials = new Option<int?>("--trials") { Description = "Trials per study (100; with --storage, 400 in all, shared by the workers)." };
        var storage = new Option<string?>("--storage") { Description = "Measure this storage's throughput instead: memory, sqlite:///path.db or postgresql://user:password@host:port/db." };
        var workers = new Option<int>("--workers") { Description = "With --storage: workers sharing the study (threads in memory, processes otherwise).", DefaultValueFactory = _ => 1 };
        var tuner = new Command("tuner", "Samplers (random, Sobol, coarse-to-fine, TPE) on Hartmann-6 and Branin, single-threaded; or, with --storage, a storage's trials per second.")
        {
            json, filter, seeds, trials, storage, workers,
        };
        tuner.SetAction(parse =>
        {
            int s = parse.GetValue(seeds), t = parse.GetValue(trials) ?? (parse.GetValue(storage) is null ? 100 : 400), w = parse.GetValue(workers);
            if (s < 1 || t < 1 || w < 1)
            {
                Console.Error.WriteLine($"--seeds, --trials, --workers: expected ≥ 1, actual {s}, {t}, {w}.");
                return 2;
            }
            bool asJson = parse.GetValue(json);
            if (parse.GetValue(storage) is { } url)
            {
                var result = StorageBenchmark.Run(url, w, t, progress: asJson ? null : Console.Error);
                Console.WriteLine(asJson ? StorageBenchmark.ToJson(result) : $"{result.Kind}: {result.TrialsPerSecond:F1} trials/s ({result.Workers} {result.WorkersAre}, {result.Trials} trials, {result.Seconds:F2} s) on {result.Storage}");
                return 0;
            }
            var results = TunerBenchmarks.Run(parse.GetValue(filter), s, t, progress: asJson ? null : Console.Error);
            Console.WriteLine(asJson ? TunerBenchmarks.ToJson(results) : TunerBenchmarks.ToTable(results));
            return 0;
        });
        return tuner;
    }

    /// <summary>The hidden worker process of <c>bench tuner --storage</c>.</summary>
    private static Command TunerWorkerCommand()
    {
        var storage = new Option<string>("--storage") { Required = true };
        var study = new Option<string>("--study") { Required = true };
        var trials = new Option<int>("--trials") { Required = true };
        var lag = new Option<int>("--lag") { Required = true };
        var worker = new Command("tuner-worker", "A worker of `bench tuner --storage` (started by it).") { storage, study, trials, lag };
        worker.Hidden = true;
        worker.SetAction(parse => StorageBenchmark.Worker(parse.GetValue(storage)!, parse.GetValue(study)!, parse.GetValue(trials), parse.GetValue(lag)));
        return worker;
    }
}
