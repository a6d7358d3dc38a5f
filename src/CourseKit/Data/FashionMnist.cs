using System.Numerics.Tensors;
using CourseKit.Tensors;

namespace CourseKit.Data;

/// <summary>
/// Fashion-MNIST (Zalando Research, MIT license): 60,000 training and 10,000 test grey-scale images of 28 × 28
/// pixels in 10 clothing classes, read from the four gzip IDX files that Debian's <c>dataset-fashion-mnist</c>
/// package installs under <see cref="DefaultFolder"/>.
/// </summary>
public static class FashionMnist
{
    /// <summary>Where <c>apt-get install dataset-fashion-mnist</c> puts the files.</summary>
    public const string DefaultFolder = "/usr/share/datasets/fashion-mnist/";

    /// <summary>The Debian package that provides the files.</summary>
    public const string DebianPackage = "dataset-fashion-mnist";

    /// <summary>The ten class names, in label order.</summary>
    public static IReadOnlyList<string> ClassNames { get; } =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    private static readonly string[] Files =
        ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"];

    /// <summary>
    /// Loads the training and test sets. Features are m × (rows·cols) with pixel values scaled to [0, 1]
    /// (byte / 255, one image per row, pixels row by row); labels are 0..9 with <see cref="ClassNames"/>.
    /// </summary>
    /// <param name="folder">The folder holding the four files; null means <see cref="DefaultFolder"/>.</param>
    /// <exception cref="FileNotFoundException">A file is missing; the message names the folder and the package to install.</exception>
    /// <exception cref="InvalidDataException">A file is malformed, or images and labels disagree in count; the message names the file.</exception>
    /// <remarks>For the raw bytes (0..255) read the files with <see cref="Idx.ReadUBytes(string, int?)"/>.</remarks>
    public static (Dataset Train, Dataset Test) Load(string? folder = null)
    {
        folder ??= DefaultFolder;
        string[] paths = Files.Select(f => Path.Combine(folder, f)).ToArray();
        string[] missing = Files.Where((_, k) => !File.Exists(paths[k])).ToArray();
        if (missing.Length > 0)
            throw new FileNotFoundException(
                $"Fashion-MNIST: {string.Join(", ", missing)} not found in '{Path.GetFullPath(folder)}'. " +
                $"Install the Debian package {DebianPackage} (sudo apt-get install {DebianPackage}), " +
                "or pass the folder that holds the four IDX .gz files.", paths[Array.IndexOf(Files, missing[0])]);
        return (LoadPair(paths[0], paths[1], "fashion-mnist train"), LoadPair(paths[2], paths[3], "fashion-mnist test"));
    }

    /// <summary>Reads one images file (3-D IDX) and its labels file (1-D IDX) as a data set with pixels scaled to [0, 1].</summary>
    /// <param name="imagesPath">IDX images, magic 0x00000803.</param>
    /// <param name="labelsPath">IDX labels, magic 0x00000801, values 0..9.</param>
    /// <param name="name">Name of the resulting data set.</param>
    public static Dataset LoadPair(string imagesPath, string labelsPath, string? name = null)
    {
        IdxArray images = Idx.ReadUBytes(imagesPath, expectedDimensions: 3);
        IdxArray labels = Idx.ReadUBytes(labelsPath, expectedDimensions: 1);
        if (images.Count != labels.Count)
            throw new InvalidDataException(
                $"{labelsPath}: expected one label per image of {imagesPath} ({images.Count}), actual {labels.Count} labels.");
        int classes = ClassNames.Count;
        var y = new int[labels.Count];
        for (int i = 0; i < y.Length; i++)
        {
            y[i] = labels.Data[i];
            if (y[i] >= classes)
                throw new InvalidDataException($"{labelsPath}: label {i}: expected a class in [0, {classes}), actual {y[i]}.");
        }
        int pixels = images.Dimensions[1] * images.Dimensions[2];
        var x = new Matrix(images.Count, pixels);
        ScalePixels(images.Data, x.AsSpan());
        return new Dataset(x, y, classes, ClassNames, null, name);
    }

    /// <summary>Effectively <c>pixels[k] = bytes[k] / 255f</c> for every k (255 → 1 exactly).</summary>
    /// <remarks>
    /// Vectorized: bytes widen to floats exactly and each lane's division is IEEE-rounded like the scalar one, so the
    /// result is the same bit for bit — about 10× less CPU than a per-byte table lookup over 47 M pixels.
    /// </remarks>
    internal static void ScalePixels(ReadOnlySpan<byte> bytes, Span<float> pixels)
    {
        if (pixels.Length != bytes.Length)
            throw new ArgumentException($"pixels: expected {bytes.Length} floats (one per byte), actual {pixels.Length}.", nameof(pixels));
        TensorPrimitives.ConvertTruncating(bytes, pixels);
        TensorPrimitives.Divide(pixels, 255f, pixels);
    }
}
