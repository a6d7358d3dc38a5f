using CourseKit.Data;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Data;

public class DatasetsTests
{
    [Fact]
    public void Digits_has_1797_examples_of_64_pixels_in_0_to_16_and_10_classes()
    {
        Dataset digits = Datasets.Digits();
        Assert.Equal(1797, digits.Count);
        Assert.Equal(64, digits.FeatureCount);
        Assert.Equal(10, digits.ClassCount);
        Assert.Equal(0f, digits.Features.AsSpan().ToArray().Min());
        Assert.Equal(16f, digits.Features.AsSpan().ToArray().Max());
        Assert.All(digits.ClassCounts(), n => Assert.InRange(n, 170, 190));
        Assert.Equal(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"], digits.ClassNames!);
        // First row of the file: 0,0,5,13,9,1,0,0,… label 0.
        Assert.Equal([0f, 0f, 5f, 13f, 9f, 1f, 0f, 0f], digits.Features.Row(0)[..8].ToArray());
        Assert.Equal(0, digits.Labels[0]);
    }

    [Fact]
    public void Iris_has_150_examples_of_4_features_and_3_named_classes()
    {
        Dataset iris = Datasets.Iris();
        Assert.Equal(150, iris.Count);
        Assert.Equal(4, iris.FeatureCount);
        Assert.Equal(["setosa", "versicolor", "virginica"], iris.ClassNames!);
        Assert.Equal([50, 50, 50], iris.ClassCounts());
        Assert.Equal("sepal length (cm)", iris.FeatureNames![0]);
        Assert.Equal([5.1f, 3.5f, 1.4f, 0.2f], iris.Features.Row(0).ToArray());
    }

    [Fact]
    public void The_shipped_files_match_the_checksums_in_the_code()
    {
        Assert.Equal(Datasets.DigitsSha256, DatasetFiles.Sha256(File.ReadAllBytes(DatasetFiles.Locate(Datasets.DigitsFile))));
        Assert.Equal(Datasets.IrisSha256, DatasetFiles.Sha256(File.ReadAllBytes(DatasetFiles.Locate(Datasets.IrisFile))));
    }

    [Fact]
    public void A_tampered_copy_fails_with_the_file_and_both_hashes()
    {
        using var temp = new TempFolder();
        byte[] bytes = File.ReadAllBytes(DatasetFiles.Locate(Datasets.IrisFile));
        bytes[^4] = (byte)'9'; // one digit changed: still parses, so only the checksum can catch it
        File.WriteAllBytes(temp.File(Datasets.IrisFile), bytes);
        var ex = Assert.Throws<InvalidDataException>(() => Datasets.Iris(temp.Path));
        Assert.Contains(temp.File(Datasets.IrisFile), ex.Message);
        Assert.Contains($"expected sha256 {Datasets.IrisSha256}", ex.Message);
        Assert.Contains($"actual {DatasetFiles.Sha256(bytes)}", ex.Message);
    }

    [Fact]
    public void A_tampered_digits_copy_fails_the_checksum()
    {
        using var temp = new TempFolder();
        byte[] bytes = File.ReadAllBytes(DatasetFiles.Locate(Datasets.DigitsFile));
        bytes[100] ^= 1;
        File.WriteAllBytes(temp.File(Datasets.DigitsFile), bytes);
        var ex = Assert.Throws<InvalidDataException>(() => Datasets.Digits(temp.Path));
        Assert.Contains("digits.csv.gz: checksum mismatch", ex.Message);
    }

    [Fact]
    public void An_explicit_folder_without_the_file_is_named_in_the_error()
    {
        using var temp = new TempFolder();
        var ex = Assert.Throws<FileNotFoundException>(() => Datasets.Digits(temp.Path));
        Assert.Contains("digits.csv.gz", ex.Message);
        Assert.Contains(temp.Path, ex.Message);
    }

    [Fact]
    public void A_row_with_a_missing_value_is_reported_with_file_and_line()
    {
        string csv = "150,4,setosa,versicolor,virginica\n5.1,3.5,1.4,0.2,0\n4.9,3.0,1.4,0\n";
        var ex = Assert.Throws<InvalidDataException>(() => Datasets.ParseIris(new StringReader(csv), "iris.csv"));
        Assert.Contains("iris.csv, line 3: expected 5 comma-separated values (4 features and a label), actual 4", ex.Message);
    }

    [Fact]
    public void A_non_numeric_value_and_a_label_out_of_range_are_reported_with_file_and_line()
    {
        string row = string.Join(",", Enumerable.Repeat("0", 64));
        var bad = Assert.Throws<InvalidDataException>(() => Datasets.ParseDigits(new StringReader($"{row},1\n{row.Replace("0,0,", "0,x,")},2\n"), "digits.csv.gz"));
        Assert.Contains("digits.csv.gz, line 2: column 2: expected a finite number, actual 'x'", bad.Message);
        var label = Assert.Throws<InvalidDataException>(() => Datasets.ParseDigits(new StringReader($"{row},10\n"), "digits.csv.gz"));
        Assert.Contains("line 1: column 65 (label): expected an integer class in [0, 10), actual '10'", label.Message);
        var pixel = Assert.Throws<InvalidDataException>(() => Datasets.ParseDigits(new StringReader($"{row.Replace("0,0,", "0,17,")},3\n"), "digits.csv.gz"));
        Assert.Contains("line 1: column 2: expected an integer pixel value in 0..16, actual 17", pixel.Message);
    }

    [Fact]
    public void An_iris_file_with_fewer_rows_than_its_header_announces_is_rejected()
    {
        var ex = Assert.Throws<InvalidDataException>(() => Datasets.ParseIris(new StringReader("3,4,a,b,c\n1,2,3,4,0\n"), "iris.csv"));
        Assert.Contains("iris.csv: the header announces 3 examples, actual 1 data rows", ex.Message);
    }
}
