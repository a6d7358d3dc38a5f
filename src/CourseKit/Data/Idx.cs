using System.Buffers.Binary;
using System.IO.Compression;

namespace CourseKit.Data;

/// <summary>An n-dimensional array of unsigned bytes read from an IDX file (the MNIST / Fashion-MNIST format).</summary>
/// <param name="Dimensions">The sizes, outermost first, e.g. [60000, 28, 28] for images, [60000] for labels.</param>
/// <param name="Data">The values, row-major (last dimension fastest), exactly the product of the dimensions.</param>
public sealed record IdxArray(int[] Dimensions, byte[] Data)
{
    /// <summary>The first dimension: the number of items (images or labels).</summary>
    public int Count => Dimensions.Length == 0 ? 0 : Dimensions[0];
}

/// <summary>Reads and writes IDX files of unsigned bytes, plain or gzip-compressed.</summary>
/// <remarks>
/// Layout (big-endian): two zero bytes, a data-type byte (0x08 = unsigned byte), the number of dimensions d, then d
/// 32-bit sizes, then the data. Images are magic 0x00000803 (d = 3), labels 0x00000801 (d = 1). Every check failure
/// throws an <see cref="InvalidDataException"/> that names the file.
/// </remarks>
public static class Idx
{
    /// <summary>The IDX data-type code for unsigned bytes, the only type CourseKit reads.</summary>
    public const byte UnsignedByte = 0x08;

    /// <summary>Reads an unsigned-byte IDX file; gzip is detected from the content (1f 8b), not the name.</summary>
    /// <param name="path">The file.</param>
    /// <param name="expectedDimensions">When given, the number of dimensions the file must have (3 for images, 1 for labels).</param>
    /// <exception cref="InvalidDataException">Bad magic number, unsupported type, wrong dimension count, truncated or trailing data, broken gzip.</exception>
    public static IdxArray ReadUBytes(string path, int? expectedDimensions = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        using var file = File.OpenRead(path);
        Span<byte> probe = stackalloc byte[2];
        bool gzip = file.Read(probe) == 2 && probe[0] == 0x1f && probe[1] == 0x8b;
        file.Position = 0;
        using Stream stream = gzip ? new GZipStream(file, CompressionMode.Decompress) : file;
        try { return ReadUBytes(stream, path, expectedDimensions); }
        catch (InvalidDataException e) when (!e.Message.StartsWith(path, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path}: broken gzip data ({e.Message}).", e);
        }
    }

    private static IdxArray ReadUBytes(Stream stream, string path, int? expectedDimensions)
    {
        Span<byte> magic = stackalloc byte[4];
        int got = ReadFully(stream, magic);
        if (got < 4) throw new InvalidDataException($"{path}: truncated: expected a 4-byte IDX magic number, actual {got} bytes.");
        if (magic[0] != 0 || magic[1] != 0 || magic[2] != UnsignedByte || magic[3] == 0
            || (expectedDimensions is int want && magic[3] != want))
        {
            string expected = expectedDimensions is int d ? $"0x000008{d:X2}" : "0x000008dd (dd = number of dimensions ≥ 1)";
            throw new InvalidDataException($"{path}: not an unsigned-byte IDX file: expected magic number {expected}, actual 0x{Convert.ToHexString(magic)}.");
        }
        int rank = magic[3];
        var header = new byte[4 * rank];
        got = ReadFully(stream, header);
        if (got < header.Length) throw new InvalidDataException($"{path}: truncated: expected {rank} dimension sizes ({header.Length} bytes), actual {got} bytes.");
        var dims = new int[rank];
        long total = 1;
        for (int k = 0; k < rank; k++)
        {
            dims[k] = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4 * k));
            if (dims[k] < 0) throw new InvalidDataException($"{path}: dimension {k}: expected a size ≥ 0, actual {dims[k]}.");
            total *= dims[k];
            if (total > Array.MaxLength) throw new InvalidDataException($"{path}: expected at most {Array.MaxLength} values, actual sizes [{string.Join(", ", dims[..(k + 1)])}…].");
        }
        var data = new byte[total];
        got = ReadFully(stream, data);
        if (got < data.Length)
            throw new InvalidDataException($"{path}: truncated: dimensions [{string.Join(", ", dims)}] need {data.Length} data bytes, actual {got}.");
        if (stream.ReadByte() >= 0)
            throw new InvalidDataException($"{path}: unexpected data after the {data.Length} bytes that dimensions [{string.Join(", ", dims)}] describe.");
        return new IdxArray(dims, data);
    }

    /// <summary>Writes an unsigned-byte IDX file; gzip-compressed when <paramref name="path"/> ends in <c>.gz</c>.</summary>
    /// <param name="path">The file to create or overwrite.</param>
    /// <param name="dimensions">The sizes, outermost first (1 to 255 of them).</param>
    /// <param name="data">Exactly the product of <paramref name="dimensions"/> bytes, row-major.</param>
    public static void WriteUBytes(string path, ReadOnlySpan<int> dimensions, ReadOnlySpan<byte> data)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (dimensions.Length is < 1 or > 255)
            throw new ArgumentException($"dimensions: expected 1 to 255 sizes, actual {dimensions.Length}.", nameof(dimensions));
        long total = 1;
        foreach (int d in dimensions)
        {
            if (d < 0) throw new ArgumentOutOfRangeException(nameof(dimensions), d, $"dimensions: expected sizes ≥ 0, actual {d}.");
            total *= d;
        }
        if (total != data.Length)
            throw new ArgumentException($"data: expected {total} bytes (the product of the dimensions), actual {data.Length}.", nameof(data));
        var header = new byte[4 + 4 * dimensions.Length];
        header[2] = UnsignedByte;
        header[3] = (byte)dimensions.Length;
        for (int k = 0; k < dimensions.Length; k++) BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4 + 4 * k), dimensions[k]);
        using var file = File.Create(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionLevel.Fastest) : file;
        stream.Write(header);
        stream.Write(data);
    }

    private static int ReadFully(Stream stream, Span<byte> buffer)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            int n = stream.Read(buffer[total..]);
            if (n == 0) break;
            total += n;
        }
        return total;
    }
}
