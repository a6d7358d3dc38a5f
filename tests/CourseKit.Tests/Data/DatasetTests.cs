using CourseKit.Data;
using CourseKit.Tensors;

namespace CourseKit.Tests.Data;

public class DatasetTests
{
    [Fact]
    public void Subset_copies_the_chosen_rows_in_order_with_their_labels()
    {
        Dataset iris = Datasets.Iris();
        Dataset sub = iris.Subset([149, 0, 0]);
        Assert.Equal(3, sub.Count);
        Assert.Equal(iris.Features.Row(149).ToArray(), sub.Features.Row(0).ToArray());
        Assert.Equal([2, 0, 0], sub.Labels);
        Assert.Equal([2, 0, 1], sub.ClassCounts());
        sub.Features[1, 0] = -1f;
        Assert.Equal(5.1f, iris.Features[0, 0]); // a copy
    }

    [Fact]
    public void Subset_names_an_index_out_of_range()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Datasets.Iris().Subset([3, 150]));
        Assert.Contains("indices[1]: expected an example index in [0, 150), actual 150", ex.Message);
    }

    [Fact]
    public void Constructor_checks_label_count_label_range_and_name_counts()
    {
        var x = new Matrix(3, 2);
        Assert.Contains("labels: expected one label per row of features (3), actual 2",
            Assert.Throws<ArgumentException>(() => new Dataset(x, [0, 1], 2)).Message);
        Assert.Contains("labels[2]: expected a class index in [0, 2), actual 5",
            Assert.Throws<ArgumentOutOfRangeException>(() => new Dataset(x, [0, 1, 5], 2)).Message);
        Assert.Contains("classNames: expected 2 names (classCount), actual 1",
            Assert.Throws<ArgumentException>(() => new Dataset(x, [0, 1, 1], 2, ["a"])).Message);
        Assert.Contains("featureNames: expected 2 names (feature columns), actual 3",
            Assert.Throws<ArgumentException>(() => new Dataset(x, [0, 1, 1], 2, null, ["a", "b", "c"])).Message);
    }

    [Fact]
    public void ToString_shows_name_and_shape()
    {
        Assert.Equal("Dataset iris: 150 examples × 4 features, 3 classes", Datasets.Iris().ToString());
    }
}
