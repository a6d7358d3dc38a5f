using System.IO.Compression;
using CourseKit.Data;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Data;

public class IdxTests
{
    private static readonly string[] FashionFiles =
        ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"];

    private static byte[] RandomBytes(int count, int max, int seed = 42)
    {
        var rng = new Random(seed);
        var bytes = new byte[count];
        for (int i = 0; i < count; i++) bytes[i] = (byte)rng.Next(max);
        return bytes;
    }

    private static void WriteGzip(string path, byte[] content)
    {
        using var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest);
        gzip.Write(content);
    }

    // A tiny Fashion-MNIST-shaped folder: 5 training and 3 test images of 4 × 3 pixels.
    private static (byte[] TrainPixels, byte[] TrainLabels) WriteTinyFashion(string folder, int testLabels = 3)
    {
        byte[] trainPixels = RandomBytes(5 * 12, 256), trainLabels = RandomBytes(5, 10, seed: 7);
        Idx.WriteUBytes(Path.Combine(folder, FashionFiles[0]), [5, 4, 3], trainPixels);
        Idx.WriteUBytes(Path.Combine(folder, FashionFiles[1]), [5], trainLabels);
        Idx.WriteUBytes(Path.Combine(folder, FashionFiles[2]), [3, 4, 3], RandomBytes(3 * 12, 256, seed: 8));
        Idx.WriteUBytes(Path.Combine(folder, FashionFiles[3]), [testLabels], RandomBytes(testLabels, 10, seed: 9));
        return (trainPixels, trainLabels);
    }

    [Fact]
    public void Written_files_read_back_unchanged_plain_and_gzipped()
    {
        using var temp = new TempFolder();
        byte[] data = RandomBytes(2 * 3 * 4, 256);
        foreach (string name in new[] { "a.idx", "a.idx.gz" })
        {
            Idx.WriteUBytes(temp.File(name), [2, 3, 4], data);
            IdxArray read = Idx.ReadUBytes(temp.File(name), expectedDimensions: 3);
            Assert.Equal([2, 3, 4], read.Dimensions);
            Assert.Equal(data, read.Data);
            Assert.Equal(2, read.Count);
        }
    }

    [Fact]
    public void FashionMnist_loads_generated_files_with_pixels_scaled_to_0_1()
    {
        using var temp = new TempFolder();
        (byte[] pixels, byte[] labels) = WriteTinyFashion(temp.Path);
        (Dataset train, Dataset test) = FashionMnist.Load(temp.Path);
        Assert.Equal((5, 12), (train.Count, train.FeatureCount));
        Assert.Equal((3, 12), (test.Count, test.FeatureCount));
        Assert.Equal(labels.Select(b => (int)b), train.Labels);
        for (int k = 0; k < pixels.Length; k++) Assert.Equal(pixels[k] / 255f, train.Features.AsSpan()[k]);
        Assert.Equal("Ankle boot", train.ClassNames![9]);
    }

    [Fact]
    public void Every_byte_scales_to_the_float_that_byte_over_255_rounds_to_bit_for_bit()
    {
        // Every byte value, at every offset within a vector and in the scalar tail (1000 is no multiple of 16 or 64).
        byte[] bytes = Enumerable.Range(0, 1000).Select(k => (byte)(k * 7 % 256)).ToArray();
        var pixels = new float[bytes.Length];
        FashionMnist.ScalePixels(bytes, pixels);
        for (int k = 0; k < bytes.Length; k++)
            Assert.Equal(BitConverter.SingleToInt32Bits(bytes[k] / 255f), BitConverter.SingleToInt32Bits(pixels[k]));
        Assert.Equal(1f, pixels[Array.IndexOf(bytes, (byte)255)]);
        Assert.Contains("expected 1000 floats", Assert.Throws<ArgumentException>(() => FashionMnist.ScalePixels(bytes, new float[999])).Message);
    }

    [Fact]
    public void A_missing_folder_names_the_folder_and_the_Debian_package()
    {
        string folder = Path.Combine(Path.GetTempPath(), "coursekit-no-such-folder-" + Guid.NewGuid().ToString("N"));
        var ex = Assert.Throws<FileNotFoundException>(() => FashionMnist.Load(folder));
        Assert.Contains("dataset-fashion-mnist", ex.Message);
        Assert.Contains("apt-get install dataset-fashion-mnist", ex.Message);
        Assert.Contains(folder, ex.Message);
        Assert.Contains("train-images-idx3-ubyte.gz", ex.Message);
    }

    [Fact]
    public void A_bad_magic_number_is_rejected_with_the_file_name()
    {
        using var temp = new TempFolder();
        WriteTinyFashion(temp.Path);
        string labels = temp.File(FashionFiles[1]);
        Idx.WriteUBytes(labels, [5, 1], new byte[5]); // 2-D: magic 0x00000802 where labels need 0x00000801
        var ex = Assert.Throws<InvalidDataException>(() => FashionMnist.Load(temp.Path));
        Assert.Contains(labels, ex.Message);
        Assert.Contains("expected magic number 0x00000801, actual 0x00000802", ex.Message);

        WriteGzip(labels, [0x12, 0x34, 0x08, 0x01, 0, 0, 0, 5, 1, 2, 3, 4, 5]);
        Assert.Contains("actual 0x12340801", Assert.Throws<InvalidDataException>(() => Idx.ReadUBytes(labels)).Message);
    }

    [Fact]
    public void A_truncated_file_is_rejected_with_the_file_name_and_the_sizes()
    {
        using var temp = new TempFolder();
        WriteTinyFashion(temp.Path);
        string images = temp.File(FashionFiles[0]);
        byte[] content = new byte[16 + 59]; // header says 5 × 4 × 3 = 60 pixels; one is missing
        content[2] = 0x08; content[3] = 3; content[7] = 5; content[11] = 4; content[15] = 3;
        WriteGzip(images, content);
        var ex = Assert.Throws<InvalidDataException>(() => FashionMnist.Load(temp.Path));
        Assert.Contains(images, ex.Message);
        Assert.Contains("truncated: dimensions [5, 4, 3] need 60 data bytes, actual 59", ex.Message);

        WriteGzip(images, content[..10]);
        Assert.Contains("truncated: expected 3 dimension sizes (12 bytes), actual 6 bytes", Assert.Throws<InvalidDataException>(() => Idx.ReadUBytes(images)).Message);
    }

    [Fact]
    public void A_cut_gzip_stream_is_rejected_with_the_file_name()
    {
        using var temp = new TempFolder();
        string path = temp.File("cut.idx.gz");
        Idx.WriteUBytes(path, [50, 20], RandomBytes(1000, 256));
        byte[] gz = File.ReadAllBytes(path);
        File.WriteAllBytes(path, gz[..(gz.Length / 2)]);
        var ex = Assert.Throws<InvalidDataException>(() => Idx.ReadUBytes(path));
        Assert.StartsWith(path, ex.Message);
    }

    [Fact]
    public void Trailing_bytes_after_the_data_are_rejected()
    {
        using var temp = new TempFolder();
        string path = temp.File("long.idx");
        File.WriteAllBytes(path, [0, 0, 0x08, 1, 0, 0, 0, 2, 7, 8, 9]);
        Assert.Contains("unexpected data after the 2 bytes", Assert.Throws<InvalidDataException>(() => Idx.ReadUBytes(path)).Message);
    }

    [Fact]
    public void More_labels_than_images_is_rejected_naming_both_files()
    {
        using var temp = new TempFolder();
        WriteTinyFashion(temp.Path, testLabels: 4);
        var ex = Assert.Throws<InvalidDataException>(() => FashionMnist.Load(temp.Path));
        Assert.Contains(temp.File(FashionFiles[3]), ex.Message);
        Assert.Contains(temp.File(FashionFiles[2]), ex.Message);
        Assert.Contains("expected one label per image", ex.Message);
        Assert.Contains("(3), actual 4 labels", ex.Message);
    }

    [Fact]
    public void A_label_above_9_is_rejected_with_its_position()
    {
        using var temp = new TempFolder();
        WriteTinyFashion(temp.Path);
        Idx.WriteUBytes(temp.File(FashionFiles[1]), [5], [1, 2, 10, 3, 4]);
        var ex = Assert.Throws<InvalidDataException>(() => FashionMnist.Load(temp.Path));
        Assert.Contains("label 2: expected a class in [0, 10), actual 10", ex.Message);
    }

    [Fact]
    public void WriteUBytes_checks_the_data_length_against_the_dimensions()
    {
        using var temp = new TempFolder();
        var ex = Assert.Throws<ArgumentException>(() => Idx.WriteUBytes(temp.File("x.idx"), [2, 3], new byte[5]));
        Assert.Equal("data", ex.ParamName);
        Assert.Contains("expected 6 bytes (the product of the dimensions), actual 5", ex.Message);
    }
}
