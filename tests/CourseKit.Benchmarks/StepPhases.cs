using System.Diagnostics;
using CourseKit.Data;
using CourseKit.Nn;
using CourseKit.Optim;
using CourseKit.Tensors;

namespace CourseKit.Benchmarks;

/// <summary>
/// Where a training epoch's time goes: a network of <c>coursekit bench train</c> run step by step as the trainer runs
/// it, with each phase's thread CPU time summed over an epoch (batch gathering, each layer's forward and backward, the
/// loss, the optimizer) and the GC counts. By default the Fashion-MNIST network (784-256-256-10, BatchNorm, batch 128,
/// Adam); <c>--data digits</c> the BatchNorm chapter's (64-256-256-256-10, batch 64; <c>--batch 16</c> its small-batch runs).
/// Run: <c>dotnet run -c Release --project tests/CourseKit.Benchmarks -- phases [--data digits] [--batch N] [--epochs N] [--wall]</c>.
/// </summary>
internal static class StepPhases
{
    public static void Run(string[] args)
    {
        string Option(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault(fallback);
        int epochs = int.Parse(Option("--epochs", "3"));
        bool digits = Option("--data", "fashion_mnist") == "digits";
        int batchSize = int.Parse(Option("--batch", digits ? "64" : "128"));
        // --wall: the monotonic clock (≈ 20 ns a read) instead of the thread's CPU time (a system call of ≈ 1 µs on
        // this VM, which inflates the small phases); only on an otherwise idle machine.
        bool wall = args.Contains("--wall");
        Func<long> clock = wall ? () => (long)(Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency)) : ThreadCpuTime.Nanoseconds;
        var train = digits ? Splits.Stratified(Datasets.Digits(), [0.8, 0.2], seed: 0)[0] : FashionMnist.Load().Train;
        var model = new Sequential();
        foreach (int h in digits ? new[] { 256, 256, 256 } : [256, 256]) model.Add(new Dense(h, useBias: false)).Add(new BatchNorm()).Add(new Relu());
        model.Add(new Dense(10)).Build(train.FeatureCount, seed: 0);
        var layers = model.Layers;
        var loss = new SoftmaxCrossEntropyLoss();
        var adam = new Adam(1e-3f);
        var trainable = model.TrainableParameters;
        var batches = new MiniBatches(train.Features, train.Labels, batchSize, seed: 0, dropLast: false, shuffle: true, reuseBuffers: true);
        var names = new List<string> { "gather" };
        names.AddRange(layers.Select(l => $"fwd {l.Describe()}"));
        names.Add("loss+predict");
        names.AddRange(layers.Reverse().Select(l => $"bwd {l.Describe()}"));
        names.Add("adam");
        var ns = new double[names.Count];
        Matrix? dOut = null;
        model.Train();
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            Array.Clear(ns);
            int gc0 = GC.CollectionCount(0), gc1 = GC.CollectionCount(1), gc2 = GC.CollectionCount(2);
            long alloc0 = GC.GetAllocatedBytesForCurrentThread();
            long start = clock(), t = start, steps = 0;
            void Mark(int phase) { long now = clock(); ns[phase] += now - t; t = now; }
            foreach (var (x, y) in batches.Epoch(epoch))
            {
                Mark(0);
                int p = 1;
                var a = x;
                foreach (var l in layers) { a = l.ForwardShared(a); Mark(p++); }
                dOut = dOut is { } d && d.Rows == a.Rows ? d : new Matrix(a.Rows, a.Cols);
                loss.Compute(a, y, dOut);
                loss.Predict(a);
                Mark(p++);
                var g = layers[^1].BackwardShared(dOut);
                Mark(p++);
                for (int i = layers.Count - 2; i > 0; i--) { g = layers[i].BackwardConsuming(g); Mark(p++); }
                layers[0].BackwardParameters(g);
                Mark(p++);
                adam.Step(trainable);
                Mark(p++);
                steps++;
            }
            double total = (clock() - start) / 1e6;
            Console.WriteLine($"epoch {epoch}: {total:F1} ms {(wall ? "wall" : "CPU")}, {steps} steps, allocated {(GC.GetAllocatedBytesForCurrentThread() - alloc0) / 1024.0:F0} KiB, " +
                $"GC {GC.CollectionCount(0) - gc0}/{GC.CollectionCount(1) - gc1}/{GC.CollectionCount(2) - gc2}");
            for (int i = 0; i < names.Count; i++) Console.WriteLine($"  {names[i],-40} {ns[i] / 1e6,8:F1} ms {ns[i] / steps / 1e3,8:F1} µs/step");
        }
    }
}
