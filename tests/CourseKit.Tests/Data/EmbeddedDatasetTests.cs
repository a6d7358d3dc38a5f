using CourseKit.Data;

namespace CourseKit.Tests.Data;

public class EmbeddedDatasetTests
{
    [Theory]
    [InlineData(Datasets.DigitsFile, Datasets.DigitsSha256)]
    [InlineData(Datasets.IrisFile, Datasets.IrisSha256)]
    public void The_library_embeds_the_same_bytes_as_the_datasets_folder(string file, string sha256)
    {
        byte[]? embedded = DatasetFiles.Embedded(file);
        Assert.NotNull(embedded);
        Assert.Equal(sha256, DatasetFiles.Sha256(embedded));
        Assert.Equal(File.ReadAllBytes(DatasetFiles.Locate(file)), embedded);
    }
}
