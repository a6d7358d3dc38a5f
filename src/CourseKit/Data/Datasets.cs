using System.Globalization;
using System.IO.Compression;
using CourseKit.Tensors;

namespace CourseKit.Data;

/// <summary>The small real data sets shipped in the repository's <c>datasets/</c> folder (see its README for source and license).</summary>
/// <remarks>
/// Each loader checks the file's SHA-256 before parsing, so a damaged or different copy fails loudly instead of
/// quietly changing the numbers a chapter prints. The folder is found as described in <see cref="DatasetFiles"/>;
/// outside the repository the copies embedded in the library are used.
/// </remarks>
public static class Datasets
{
    /// <summary>File name of the digits data set.</summary>
    public const string DigitsFile = "digits.csv.gz";

    /// <summary>File name of the iris data set.</summary>
    public const string IrisFile = "iris.csv";

    /// <summary>SHA-256 of <c>digits.csv.gz</c> as shipped.</summary>
    public const string DigitsSha256 = "46abec6b12486ad9e51943373abcf22bbea1b5a51a1619b361570d8893f1464a";

    /// <summary>SHA-256 of <c>iris.csv</c> as shipped.</summary>
    public const string IrisSha256 = "f13ffa8fdd56fd8e6c8d16d4081a3fbd3114bcd0aae4256c43205169cd9d1449";

    private static readonly string[] IrisFeatures = ["sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"];

    /// <summary>
    /// UCI handwritten digits: 1797 examples × 64 features (8 × 8 pixels, row by row, integer values 0..16, not
    /// rescaled), 10 classes "0".."9".
    /// </summary>
    /// <param name="folder">The folder holding <c>digits.csv.gz</c>; null searches as in <see cref="DatasetFiles.Locate"/>.</param>
    /// <exception cref="InvalidDataException">Checksum mismatch (file, expected and actual hash) or a malformed row (file and line).</exception>
    public static Dataset Digits(string? folder = null)
    {
        var (bytes, path) = DatasetFiles.ReadVerified(DigitsFile, folder, DigitsSha256);
        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        return ParseDigits(reader, path);
    }

    /// <summary>Fisher's iris: 150 examples × 4 features (cm), 3 classes setosa, versicolor, virginica.</summary>
    /// <param name="folder">The folder holding <c>iris.csv</c>; null searches as in <see cref="DatasetFiles.Locate"/>.</param>
    /// <exception cref="InvalidDataException">Checksum mismatch (file, expected and actual hash) or a malformed row (file and line).</exception>
    public static Dataset Iris(string? folder = null)
    {
        var (bytes, path) = DatasetFiles.ReadVerified(IrisFile, folder, IrisSha256);
        using var reader = new StreamReader(new MemoryStream(bytes));
        return ParseIris(reader, path);
    }

    internal static Dataset ParseDigits(TextReader reader, string file)
    {
        const int pixels = 64, classes = 10;
        var values = new List<float>(1797 * pixels);
        var labels = new List<int>(1797);
        NumericCsv.ReadRows(reader, file, firstLine: 1, pixels, classes, values, labels);
        for (int k = 0; k < values.Count; k++)
        {
            if (values[k] < 0 || values[k] > 16 || values[k] != MathF.Floor(values[k]))
                throw NumericCsv.Error(file, 1 + k / pixels, $"column {1 + k % pixels}: expected an integer pixel value in 0..16, actual {values[k]}");
        }
        string[] classNames = Enumerable.Range(0, classes).Select(c => c.ToString(CultureInfo.InvariantCulture)).ToArray();
        string[] featureNames = Enumerable.Range(0, pixels).Select(p => $"pixel_{p / 8}_{p % 8}").ToArray();
        return new Dataset(new Matrix(labels.Count, pixels, values.ToArray()), labels.ToArray(), classes, classNames, featureNames, "digits");
    }

    internal static Dataset ParseIris(TextReader reader, string file)
    {
        // Header: "150,4,setosa,versicolor,virginica" — example count, feature count, then the class names.
        string header = reader.ReadLine() ?? throw NumericCsv.Error(file, 1, "expected a header 'count,features,class names…', actual an empty file");
        string[] fields = header.Split(',');
        if (fields.Length < 3 || !int.TryParse(fields[0], CultureInfo.InvariantCulture, out int count) || count < 0
            || !int.TryParse(fields[1], CultureInfo.InvariantCulture, out int features) || features != IrisFeatures.Length)
            throw NumericCsv.Error(file, 1, $"expected a header '150,4,setosa,versicolor,virginica', actual '{header}'");
        string[] classNames = fields[2..];
        var values = new List<float>(count * features);
        var labels = new List<int>(count);
        NumericCsv.ReadRows(reader, file, firstLine: 2, features, classNames.Length, values, labels);
        if (labels.Count != count)
            throw new InvalidDataException($"{file}: the header announces {count} examples, actual {labels.Count} data rows.");
        return new Dataset(new Matrix(count, features, values.ToArray()), labels.ToArray(), classNames.Length, classNames, IrisFeatures, "iris");
    }
}
