using CourseKit.Charts;
using CourseKit.Data;
using CourseKit.Nn;
using CourseKit.Optim;
using CourseKit.Tensors;
using CourseKit.Training;
using static CourseKit.Tests.Charts.FigureJson;

namespace CourseKit.Tests.Charts;

public sealed class DecisionRegionsTests
{
    private static readonly Dataset Spirals = Synthetic.Spirals(120, arms: 3, noise: 0.05, seed: 0);

    // A classifier we can check by hand: class by the sign pattern of x and y.
    private static int[] ByQuadrant(Matrix points) =>
        Enumerable.Range(0, points.Rows).Select(i => points[i, 0] < 0 ? 0 : points[i, 1] < 0 ? 1 : 2).ToArray();

    [Fact]
    public void The_grid_spans_the_padded_bounding_box_at_the_asked_resolution()
    {
        var grid = DecisionRegions.Evaluate(ByQuadrant, Spirals, resolution: 30);
        Assert.Equal(30, grid.X.Length);
        Assert.Equal(30, grid.Y.Length);
        Assert.Equal(30, grid.Classes.Length);
        Assert.All(grid.Classes, row => Assert.Equal(30, row.Length));
        float xMin = Enumerable.Range(0, Spirals.Count).Min(i => Spirals.Features[i, 0]);
        float xMax = Enumerable.Range(0, Spirals.Count).Max(i => Spirals.Features[i, 0]);
        Assert.Equal(xMin - 0.1 * (xMax - xMin), grid.X[0], 1e-6);
        Assert.Equal(xMax + 0.1 * (xMax - xMin), grid.X[^1], 1e-6);
    }

    [Fact]
    public void Region_classes_are_the_classifier_s_predictions_at_the_grid_points()
    {
        var figure = DecisionRegions.Plot(ByQuadrant, Spirals, resolution: 25);
        var regions = Trace(figure, 0);
        Assert.Equal("heatmap", regions.GetProperty("type").GetString());
        double[] xs = Numbers(regions.GetProperty("x")), ys = Numbers(regions.GetProperty("y"));
        var z = regions.GetProperty("z");
        Assert.Equal(25, z.GetArrayLength());
        for (int i = 0; i < ys.Length; i++)
            for (int j = 0; j < xs.Length; j++)
            {
                int expected = ByQuadrant(new Matrix(1, 2, [(float)xs[j], (float)ys[i]]))[0];
                Assert.Equal(expected, z[i][j].GetDouble());
            }
        Assert.Equal(-0.5, regions.GetProperty("zmin").GetDouble());
        Assert.Equal(2.5, regions.GetProperty("zmax").GetDouble());
        Assert.False(regions.GetProperty("showscale").GetBoolean());
    }

    [Fact]
    public void The_data_points_follow_as_one_trace_per_class_in_the_region_colors()
    {
        var figure = DecisionRegions.Plot(ByQuadrant, Spirals, resolution: 10);
        Assert.Equal(4, Traces(figure).Length);
        var scale = Trace(figure, 0).GetProperty("colorscale");
        for (int c = 0; c < 3; c++)
        {
            var points = Trace(figure, c + 1);
            Assert.Equal("class " + c, points.GetProperty("name").GetString());
            Assert.Equal(Spirals.Labels.Count(l => l == c), points.GetProperty("x").GetArrayLength());
            Assert.Equal(scale[2 * c][1].GetString(), Text(points, "marker", "color"));
            Assert.Equal(scale[2 * c + 1][1].GetString(), Text(points, "marker", "color"));   // one color per class step
        }
        Assert.Equal("x", Text(Layout(figure), "xaxis", "title", "text"));
        Assert.Equal("Decision regions — spirals", Text(Layout(figure), "title", "text"));
    }

    [Fact]
    public void Class_probabilities_are_turned_into_their_most_probable_class()
    {
        Matrix Probabilities(Matrix x)
        {
            int[] c = ByQuadrant(x);
            var p = new Matrix(x.Rows, 3);
            for (int i = 0; i < x.Rows; i++) { p.Row(i).Fill(0.1f); p[i, c[i]] = 0.8f; }
            return p;
        }
        var fromProbabilities = Trace(DecisionRegions.Plot(Probabilities, Spirals, resolution: 12), 0).GetProperty("z").ToString();
        var fromClasses = Trace(DecisionRegions.Plot(ByQuadrant, Spirals, resolution: 12), 0).GetProperty("z").ToString();
        Assert.Equal(fromClasses, fromProbabilities);
    }

    [Fact]
    public void A_trained_model_and_its_loss_plot_in_one_call_and_agree_with_its_predictions()
    {
        var model = new Sequential(new Dense(16), new Relu(), new Dense(3)).Build(2, seed: 3);
        var loss = new SoftmaxCrossEntropyLoss();
        new Trainer(model, loss, new Adam(0.02f)).Fit(Spirals.Features, Spirals.Labels, new FitOptions { Epochs = 3, BatchSize = 32, Seed = 2 });
        var figure = DecisionRegions.Plot(model, loss, Spirals, resolution: 20, style: RegionStyle.Contour);
        var regions = Trace(figure, 0);
        Assert.Equal("contour", regions.GetProperty("type").GetString());
        Assert.Equal("fill", regions.GetProperty("contours").GetProperty("coloring").GetString());
        var grid = DecisionRegions.Evaluate(x => loss.Predict(model.Predict(x)), Spirals, resolution: 20);
        Assert.Equal(grid.Classes.SelectMany(r => r).Select(c => (double)c), regions.GetProperty("z").EnumerateArray().SelectMany(r => Numbers(r)));
    }

    [Fact]
    public void Bad_inputs_are_refused_with_what_was_expected()
    {
        var threeFeatures = new Dataset(new Matrix(2, 3), [0, 1], 2);
        Assert.Contains("expected 2 features", Assert.Throws<ArgumentException>(() => DecisionRegions.Plot(ByQuadrant, threeFeatures)).Message);
        Assert.Contains("resolution: expected ≥ 2, actual 1", Assert.Throws<ArgumentOutOfRangeException>(() => DecisionRegions.Plot(ByQuadrant, Spirals, 1)).Message);
        var outOfRange = Assert.Throws<InvalidOperationException>(() => DecisionRegions.Plot(x => new int[x.Rows].Select(_ => 7).ToArray(), Spirals, 5));
        Assert.Contains("expected class indices in [0, 3), actual 7", outOfRange.Message);
        var wrongShape = Assert.Throws<InvalidOperationException>(() => DecisionRegions.Plot(x => new Matrix(x.Rows, 2), Spirals, 5));
        Assert.Contains("expected a 25 × 3 matrix (grid points × classes), actual 25 × 2", wrongShape.Message);
    }
}
