using CourseKit.Nn;
using CourseKit.Tensors;
using CourseKit.Training;

namespace CourseKit.Tests.Training;

public sealed class CheckpointTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ck-ckpt-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Sequential Net(int hidden = 8) =>
        new Sequential(new Dense(hidden, useBias: false), new BatchNorm(), new Relu(), new Dropout(0.8f, seed: 1), new Dense(3)).Build(5, seed: 11);

    private static void Train(Sequential model, int steps)
    {
        var x = Matrix.RandomNormal(16, 5, seed: 3);
        int[] y = Enumerable.Range(0, 16).Select(i => i % 3).ToArray();
        var loss = new SoftmaxCrossEntropyLoss();
        for (int s = 0; s < steps; s++)
        {
            var output = model.Forward(x);
            var d = new Matrix(output.Rows, output.Cols);
            loss.Compute(output, y, d);
            model.Backward(d);
            foreach (var p in model.TrainableParameters)
                for (int i = 0; i < p.Count; i++) p.Value.Data[i] -= 0.1f * p.Grad.Data[i];
        }
    }

    [Fact]
    public void Save_and_load_restore_parameters_running_statistics_and_dropout_counters()
    {
        var model = Net();
        Train(model, 3);
        string path = Path.Combine(_dir, "a.ckpt");
        Checkpoint.Save(path, model, progress: new Dictionary<string, long> { ["epoch"] = 3 });
        var restored = Net();
        var progress = Checkpoint.Load(path, restored);
        Assert.Equal(3, progress["epoch"]);
        for (int i = 0; i < model.Parameters.Count; i++) Assert.Equal(model.Parameters[i].Value.Data, restored.Parameters[i].Value.Data);
        Assert.Equal(((Dropout)model.Layers[3]).Passes, ((Dropout)restored.Layers[3]).Passes);

        // Continuing both gives bit-identical results (same dropout masks, same running statistics).
        Train(model, 2);
        Train(restored, 2);
        for (int i = 0; i < model.Parameters.Count; i++) Assert.Equal(model.Parameters[i].Value.Data, restored.Parameters[i].Value.Data);
    }

    [Fact]
    public void A_checkpoint_from_another_architecture_is_refused_and_changes_nothing()
    {
        string path = Path.Combine(_dir, "b.ckpt");
        Checkpoint.Save(path, Net(hidden: 8));
        var other = Net(hidden: 9);
        float[] before = other.Parameters[0].Value.Data.ToArray();
        var ex = Assert.Throws<ArgumentException>(() => Checkpoint.Load(path, other));
        Assert.Contains("different architecture", ex.Message);
        Assert.Contains("dense1.W (5 × 9)", ex.Message);
        Assert.Equal(before, other.Parameters[0].Value.Data);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    [InlineData(-1)]
    public void A_truncated_or_corrupted_checkpoint_is_refused_and_changes_nothing(int damage)
    {
        string path = Path.Combine(_dir, "c.ckpt");
        Checkpoint.Save(path, Net());
        byte[] bytes = File.ReadAllBytes(path);
        if (damage > 0) File.WriteAllBytes(path, bytes[..^damage]);          // truncated
        else { bytes[bytes.Length / 2] ^= 0x40; File.WriteAllBytes(path, bytes); } // one flipped bit
        var model = Net();
        float[] before = model.Parameters[0].Value.Data.ToArray();
        var ex = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(path, model));
        Assert.Contains("corrupt or truncated", ex.Message);
        Assert.Equal(before, model.Parameters[0].Value.Data);
    }

    [Fact]
    public void A_file_that_is_not_a_checkpoint_is_named_as_such()
    {
        string path = Path.Combine(_dir, "notes.txt");
        File.WriteAllText(path, "hello, this is not a checkpoint at all, but it is long enough to be read");
        var ex = Assert.Throws<InvalidDataException>(() => Checkpoint.Load(path, Net()));
        Assert.Contains("is not a CourseKit checkpoint", ex.Message);
        Assert.Throws<FileNotFoundException>(() => Checkpoint.Load(Path.Combine(_dir, "missing.ckpt"), Net()));
    }

    [Fact]
    public void Saving_over_an_existing_checkpoint_replaces_it_whole_and_leaves_no_temporary_files()
    {
        string path = Path.Combine(_dir, "d.ckpt");
        var model = Net();
        Checkpoint.Save(path, model);
        Train(model, 1);
        Checkpoint.Save(path, model);
        Assert.Equal(["d.ckpt"], Directory.GetFiles(_dir).Select(Path.GetFileName));
        var restored = Net();
        Checkpoint.Load(path, restored);
        Assert.Equal(model.Parameters[0].Value.Data, restored.Parameters[0].Value.Data);
    }

    [Fact]
    public void A_failed_save_leaves_the_previous_checkpoint_intact()
    {
        string path = Path.Combine(_dir, "e.ckpt");
        var model = Net();
        Checkpoint.Save(path, model);
        byte[] before = File.ReadAllBytes(path);
        // An unbuilt model cannot be described: the save fails before anything is written.
        Assert.Throws<InvalidOperationException>(() => Checkpoint.Save(path, new Sequential(new Dense(3))));
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(_dir));
    }
}
