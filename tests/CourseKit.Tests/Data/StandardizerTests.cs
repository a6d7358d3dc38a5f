using CourseKit.Data;
using CourseKit.Tensors;

namespace CourseKit.Tests.Data;

public class StandardizerTests
{
    private static (double Mean, double Std) Column(Matrix x, int j)
    {
        double mean = 0, sq = 0;
        for (int i = 0; i < x.Rows; i++) mean += x[i, j];
        mean /= x.Rows;
        for (int i = 0; i < x.Rows; i++) sq += (x[i, j] - mean) * (x[i, j] - mean);
        return (mean, Math.Sqrt(sq / x.Rows));
    }

    [Fact]
    public void Training_columns_have_mean_0_and_std_1_after_transform()
    {
        Matrix train = Matrix.RandomNormal(500, 6, seed: 42, mean: 3f, std: 7f);
        Matrix z = Standardizer.Fit(train).Transform(train);
        for (int j = 0; j < 6; j++)
        {
            (double mean, double std) = Column(z, j);
            Assert.Equal(0, mean, 5);
            Assert.Equal(1, std, 5);
        }
    }

    [Fact]
    public void Dev_is_transformed_with_the_training_statistics_not_its_own()
    {
        Matrix train = Matrix.FromRows([0f, 10f], [2f, 30f]); // mean (1, 20), std (1, 10)
        Matrix dev = Matrix.FromRows([5f, 20f], [7f, 40f]);
        Standardizer s = Standardizer.Fit(train);
        Assert.Equal([1f, 20f], s.Mean);
        Assert.Equal([1f, 10f], s.Std);
        Assert.Equal([4f, 0f, 6f, 2f], s.Transform(dev).Data); // dev's own statistics would give ±1
        Assert.Equal([5f, 20f, 7f, 40f], dev.Data); // Transform copies
    }

    [Fact]
    public void A_zero_variance_column_is_centred_and_never_NaN()
    {
        Dataset digits = Datasets.Digits(); // pixel_0_0 is 0 in every image
        Standardizer s = Standardizer.Fit(digits);
        Assert.Equal(0f, s.Std[0]);
        Dataset z = s.Transform(digits);
        Assert.All(z.Features.Data, v => Assert.True(float.IsFinite(v)));
        Assert.Equal(0f, z.Features[0, 0]);
        Assert.Equal(3f, s.Transform(Matrix.FromRows(Enumerable.Repeat(3f, 64).ToArray()))[0, 0]); // divided by 1, not by 0
        Assert.Equal(digits.Labels, z.Labels);
    }

    [Fact]
    public void State_round_trips_and_restores_the_same_transform()
    {
        Matrix train = Matrix.RandomNormal(50, 3, seed: 42);
        Standardizer s = Standardizer.Fit(train);
        StandardizerState state = s.ToState();
        string json = System.Text.Json.JsonSerializer.Serialize(state);
        Standardizer restored = Standardizer.FromState(System.Text.Json.JsonSerializer.Deserialize<StandardizerState>(json)!);
        Assert.Equal(s.Transform(train).Data, restored.Transform(train).Data);
    }

    [Fact]
    public void Bad_input_is_named_with_expected_and_actual()
    {
        Standardizer s = Standardizer.Fit(new Matrix(3, 4));
        var cols = Assert.Throws<ArgumentException>(() => s.Transform(new Matrix(2, 5)));
        Assert.Equal("x", cols.ParamName);
        Assert.Contains("expected 4 columns (the features the standardizer was fitted on), actual shape (2 × 5)", cols.Message);
        Assert.Contains("expected a batch of at least 1 example", Assert.Throws<ArgumentException>(() => Standardizer.Fit(new Matrix(0, 4))).Message);
        Matrix nan = Matrix.FromRows([1f, float.NaN]);
        Assert.Contains("actual NaN at train[0, 1]", Assert.Throws<ArgumentException>(() => Standardizer.Fit(nan)).Message);
        Assert.Contains("state.Std: expected 2 values (as many as state.Mean), actual 1",
            Assert.Throws<ArgumentException>(() => Standardizer.FromState(new StandardizerState([0f, 0f], [1f]))).Message);
    }
}
