using CourseKit.Data;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Data;

/// <summary>Runs alone: the environment variable is process-wide, and parallel tests resolve the datasets folder through it.</summary>
[CollectionDefinition(nameof(DatasetsEnvironmentCollection), DisableParallelization = true)]
public class DatasetsEnvironmentCollection;

[Collection(nameof(DatasetsEnvironmentCollection))]
public class DatasetsEnvironmentTests
{
    [Fact]
    public void The_environment_variable_names_the_folder()
    {
        using var temp = new TempFolder();
        foreach (string file in new[] { Datasets.DigitsFile, Datasets.IrisFile })
            File.Copy(DatasetFiles.Locate(file), temp.File(file));
        Environment.SetEnvironmentVariable(DatasetFiles.EnvironmentVariable, temp.Path);
        try
        {
            Assert.Equal(temp.File(Datasets.IrisFile), DatasetFiles.Locate(Datasets.IrisFile));
            Assert.Equal(150, Datasets.Iris().Count);
        }
        finally { Environment.SetEnvironmentVariable(DatasetFiles.EnvironmentVariable, null); }
    }

    [Fact]
    public void A_variable_pointing_nowhere_falls_back_to_the_walk_up_and_is_listed_when_nothing_is_found()
    {
        Environment.SetEnvironmentVariable(DatasetFiles.EnvironmentVariable, "/no/such/folder");
        try
        {
            Assert.EndsWith(Path.Combine("datasets", Datasets.IrisFile), DatasetFiles.Locate(Datasets.IrisFile));
            var ex = Assert.Throws<FileNotFoundException>(() => DatasetFiles.Locate("no-such-file.csv"));
            Assert.Contains("/no/such/folder/no-such-file.csv (from COURSEKIT_DATASETS)", ex.Message);
            Assert.Contains("every parent folder", ex.Message);
        }
        finally { Environment.SetEnvironmentVariable(DatasetFiles.EnvironmentVariable, null); }
    }
}
