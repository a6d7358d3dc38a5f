using System.Text.Json.Nodes;
using CourseKit.Grading;
using CourseKit.Grading.Protocol;
using CourseKit.Nn;
using CourseKit.Tensors;

namespace CourseKit.Tests.Grading;

/// <summary>Values with no packed form of their own — arrays of matrices or tuples, CourseKit's enums, cost functions — cross as data and come back equal.</summary>
public class WireValueTests
{
    // Encode → JSON text → parse → decode: the whole trip a case input or an answer makes.
    private static object? Trip(object? value) =>
        WireValues.Decode(WireJson.Read(JsonNode.Parse(WireJson.Write(WireValues.Encode(value)).ToJsonString())));

    [Fact]
    public void An_array_of_mini_batches_comes_back_as_the_same_typed_array()
    {
        (Matrix X, int[] Y)[] batches = [(new Matrix(2, 2, [1, 2, 3, 4]), [0, 1]), (new Matrix(1, 2, [5, 6]), [1])];
        var back = Assert.IsType<(Matrix, int[])[]>(Trip(batches));
        Assert.Equal(2, back.Length);
        Assert.Equal([5f, 6f], back[1].Item1.AsSpan().ToArray());
        Assert.Equal([1], back[1].Item2);
    }

    [Fact]
    public void An_array_of_matrices_and_an_enum_come_back_inside_a_tuple()
    {
        var back = Assert.IsType<(Matrix[], Initializer, int)>(Trip((new[] { new Matrix(1, 1, [7]) }, Initializer.He, 3)));
        Assert.Equal(7f, back.Item1[0][0, 0]);
        Assert.Equal(Initializer.He, back.Item2);
    }

    [Fact]
    public void A_cost_built_by_WireFunctions_is_rebuilt_and_computes_the_same_values()
    {
        var cost = WireFunctions.Cost("cubic-chain", 0.5, -1, 2, 0);
        var back = Assert.IsType<Func<double[], double>>(Trip(cost));
        double[] theta = [1.5, -0.25];
        Assert.Equal(cost(theta), back(theta));
        Assert.Equal(0.5 * 1.5 * 1.5 * 1.5 - 1 * -0.25 * -0.25 * -0.25 + 2 * 1.5 * -0.25, back(theta), 12);
    }

    [Fact]
    public void Any_other_delegate_crosses_only_as_its_type_name()
    {
        Func<double[], double> own = t => t[0];
        Assert.Equal("Func<double[], double>", Assert.IsType<ForeignValue>(Trip(own)).TypeName);
        Assert.Contains("function 'nope'", Assert.IsType<ForeignValue>(WireValues.Decode(new WireFunction("nope", []))).TypeName);
        Assert.IsType<ForeignValue>(WireValues.Decode(new WireEnum("System.IO.FileAccess", "Read")));
    }
}
