using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CourseKit.Nn;
using CourseKit.Optim;

namespace CourseKit.Training;

/// <summary>
/// Saves and restores a model's parameters (BatchNorm running statistics included), per-layer extra state, the
/// optimizer's state and training progress — everything needed for a resumed run to continue bit-identically.
/// </summary>
/// <remarks>
/// <para>File layout: the magic <c>COURSEKIT-CKPT</c>, a little-endian int32 header length, a JSON header naming
/// every float block and its shape, the float32 blocks in that order, and a SHA-256 of everything before it.</para>
/// <para>Saving writes a temporary file beside the target, flushes it to disk and renames it over the target, so a
/// crash mid-save leaves the previous checkpoint intact. Loading verifies the hash, the format and that the
/// architecture matches before changing anything: a corrupt, truncated or foreign file gives a clear error and
/// leaves the model and optimizer untouched.</para>
/// </remarks>
public static class Checkpoint
{
    private const int FormatVersion = 1;
    private static readonly byte[] Magic = Encoding.ASCII.GetBytes("COURSEKIT-CKPT");

    /// <summary>Writes <paramref name="model"/> (and <paramref name="optimizer"/>, <paramref name="progress"/>) to <paramref name="path"/> atomically.</summary>
    public static void Save(string path, Sequential model, Optimizer? optimizer = null, IReadOnlyDictionary<string, long>? progress = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(model);
        var parameters = model.Parameters;
        var optimizerState = optimizer?.SaveState();
        var header = new CheckpointHeader(FormatVersion, Architecture(model),
            parameters.Select(p => new BlockInfo(p.Name, p.Value.Rows, p.Value.Cols)).ToList(),
            model.Leaves.ToDictionary(l => l.Path, l => l.SaveExtraState()),
            optimizerState is null ? null : new OptimizerInfo(optimizerState.OptimizerType, optimizerState.Steps, optimizerState.LearningRate,
                optimizerState.Slots.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => new BlockInfo(s.Key, 1, s.Value.Length)).ToList()),
            progress ?? new Dictionary<string, long>());

        using var body = new MemoryStream();
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(header, CheckpointJson.Default.CheckpointHeader);
        body.Write(Magic);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, json.Length);
        body.Write(length);
        body.Write(json);
        foreach (var p in parameters) WriteFloats(body, p.Value.Data);
        if (optimizerState is not null)
            foreach (var slot in header.Optimizer!.Slots) WriteFloats(body, optimizerState.Slots[slot.Name]);
        byte[] hash = SHA256.HashData(body.GetBuffer().AsSpan(0, (int)body.Length));
        body.Write(hash);
        AtomicFile.Write(path, body.GetBuffer().AsSpan(0, (int)body.Length));
    }

    /// <summary>
    /// Restores a checkpoint into <paramref name="model"/> (and <paramref name="optimizer"/>), returning the saved progress.
    /// Throws <see cref="InvalidDataException"/> for a corrupt or truncated file and <see cref="ArgumentException"/> for
    /// one from a different architecture or optimizer; in both cases nothing is changed.
    /// </summary>
    public static IReadOnlyDictionary<string, long> Load(string path, Sequential model, Optimizer? optimizer = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(model);
        if (!File.Exists(path)) throw new FileNotFoundException($"path: checkpoint '{path}' does not exist.", path);
        byte[] bytes = File.ReadAllBytes(path);
        var (header, offset) = ReadHeader(bytes, path);
        var parameters = model.Parameters;
        CheckArchitecture(header, model, parameters, path);
        if (optimizer is not null && header.Optimizer is null)
            throw new ArgumentException($"optimizer: checkpoint '{path}' holds no optimizer state, but an optimizer was given to restore.", nameof(optimizer));

        // Read everything into fresh arrays first, so an error leaves the model untouched.
        var values = new List<float[]>();
        foreach (var block in header.Parameters) values.Add(ReadFloats(bytes, ref offset, block.Rows * block.Cols, path));
        if (header.Optimizer is { } info && optimizer is not null)
        {
            var slots = info.Slots.ToDictionary(s => s.Name, s => ReadFloats(bytes, ref offset, s.Cols, path));
            // The optimizer validates type and slot sizes before it changes anything: load it first, while the model
            // is still untouched; what follows cannot fail.
            optimizer.LoadState(new OptimizerState(info.Type, info.Steps, info.LearningRate, slots), model.TrainableParameters);
        }
        for (int i = 0; i < parameters.Count; i++) values[i].CopyTo(parameters[i].Value.Data, 0);
        foreach (var layer in model.Leaves)
            if (header.ExtraState.TryGetValue(layer.Path, out var extra)) layer.LoadExtraState(extra);
        return header.Progress;
    }

    private static (CheckpointHeader Header, int Offset) ReadHeader(byte[] bytes, string path)
    {
        int minimum = Magic.Length + 4 + SHA256.HashSizeInBytes;
        if (bytes.Length < minimum || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            throw new InvalidDataException($"'{path}' is not a CourseKit checkpoint (expected the header 'COURSEKIT-CKPT').");
        int bodyLength = bytes.Length - SHA256.HashSizeInBytes;
        if (!SHA256.HashData(bytes.AsSpan(0, bodyLength)).AsSpan().SequenceEqual(bytes.AsSpan(bodyLength)))
            throw new InvalidDataException($"'{path}' is corrupt or truncated: its SHA-256 does not match its contents ({bytes.Length} bytes).");
        int jsonLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(Magic.Length, 4));
        int offset = Magic.Length + 4;
        if (jsonLength <= 0 || offset + jsonLength > bodyLength)
            throw new InvalidDataException($"'{path}' is corrupt: header length {jsonLength} does not fit in the file.");
        var header = JsonSerializer.Deserialize(bytes.AsSpan(offset, jsonLength), CheckpointJson.Default.CheckpointHeader)
            ?? throw new InvalidDataException($"'{path}' is corrupt: empty header.");
        if (header.Format != FormatVersion)
            throw new InvalidDataException($"'{path}': checkpoint format {header.Format} is not supported (expected {FormatVersion}).");
        return (header, offset + jsonLength);
    }

    private static void CheckArchitecture(CheckpointHeader header, Sequential model, IReadOnlyList<Parameter> parameters, string path)
    {
        var expected = Architecture(model);
        var mismatches = new List<string>();
        if (!expected.SequenceEqual(header.Architecture))
            mismatches.Add($"layers: model [{string.Join(", ", expected)}], checkpoint [{string.Join(", ", header.Architecture)}]");
        var saved = header.Parameters.Select(b => $"{b.Name} ({b.Rows} × {b.Cols})").ToList();
        var actual = parameters.Select(p => $"{p.Name} {p.Value.Shape}").ToList();
        if (!saved.SequenceEqual(actual))
            mismatches.Add($"parameters: model [{string.Join(", ", actual)}], checkpoint [{string.Join(", ", saved)}]");
        foreach (var layer in model.Leaves)
        {
            var keys = layer.SaveExtraState().Keys.Order(StringComparer.Ordinal);
            var savedKeys = header.ExtraState.TryGetValue(layer.Path, out var extra) ? extra.Keys.Order(StringComparer.Ordinal) : Enumerable.Empty<string>();
            if (!keys.SequenceEqual(savedKeys))
                mismatches.Add($"{layer.Path} state: model [{string.Join(", ", keys)}], checkpoint [{string.Join(", ", savedKeys)}]");
        }
        if (mismatches.Count > 0)
            throw new ArgumentException($"model: checkpoint '{path}' is from a different architecture — {string.Join("; ", mismatches)}.", nameof(model));
    }

    private static List<string> Architecture(Sequential model)
    {
        model.RequireBuilt();
        // Computing layers by path: a flat model's records read dense1:Dense:64->256, a nested one's block1.dense1:….
        return model.Leaves.Select(l => $"{l.Path}:{l.GetType().Name}:{l.InputFeatures}->{l.OutputFeatures(l.InputFeatures)}").ToList();
    }

    private static void WriteFloats(Stream stream, float[] values)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("Checkpoints are written little-endian.");
        stream.Write(MemoryMarshal.AsBytes(values.AsSpan()));
    }

    private static float[] ReadFloats(byte[] bytes, ref int offset, int count, string path)
    {
        int byteCount = checked(count * sizeof(float));
        if (count < 0 || offset + byteCount > bytes.Length - SHA256.HashSizeInBytes)
            throw new InvalidDataException($"'{path}' is corrupt: a block of {count} floats runs past the end of the data.");
        var values = MemoryMarshal.Cast<byte, float>(bytes.AsSpan(offset, byteCount)).ToArray();
        offset += byteCount;
        return values;
    }
}
