using CourseKit.Grading;
using CourseKit.Tensors;

namespace CourseKit.Tests.Grading;

public class ComparisonTests
{
    private static readonly Tolerance Tol = Tolerance.Of(1e-6, 1e-3);

    [Theory]
    [InlineData(1.0, 1.0009, true)]      // within rtol·|e|
    [InlineData(1.0, 1.0011, false)]
    [InlineData(0.0, 9e-7, true)]        // atol covers an expected 0
    [InlineData(0.0, 2e-6, false)]
    [InlineData(-1000.0, -1000.9, true)] // rtol scales with |e|
    public void Tolerance_is_atol_plus_rtol_times_expected(double expected, double actual, bool accepted) =>
        Assert.Equal(accepted, Tol.Accepts(expected, actual));

    [Fact]
    public void NaN_matches_NaN_only_when_the_check_says_so()
    {
        Assert.False(Tol.Accepts(double.NaN, double.NaN));
        Assert.True(Tol.WithNanMatchingNan().Accepts(double.NaN, double.NaN));
        Assert.False(Tol.WithNanMatchingNan().Accepts(double.NaN, 0));
        Assert.False(Tol.WithNanMatchingNan().Accepts(0, double.NaN));
    }

    [Fact]
    public void Infinities_match_only_the_same_infinity()
    {
        Assert.True(Tol.Accepts(double.PositiveInfinity, double.PositiveInfinity));
        Assert.False(Tol.Accepts(double.PositiveInfinity, double.NegativeInfinity));
        Assert.False(Tol.Accepts(double.PositiveInfinity, 1e300));
        Assert.False(Tol.Accepts(1e300, double.PositiveInfinity));
        Assert.False(Tolerance.Of(double.PositiveInfinity, 0).Accepts(1, double.NaN));
    }

    [Fact]
    public void Matrices_report_the_worst_element_and_the_max_errors()
    {
        var e = Matrix.FromRows([1, 2], [0.5f, 4]);
        var a = Matrix.FromRows([1, 2.5f], [0.25f, 4]);
        Comparison c = Outputs.Compare(e, a, Tol);
        Assert.Equal(Mismatch.WrongValues, c.Kind);
        Assert.Equal(ElementIndex.Matrix(0, 1), c.Worst);
        Assert.Equal("wrong values: 2 of 4 elements differ; worst at row 0, col 1: expected 2, actual 2.5; max abs error 0.5, max rel error 0.5", c.Describe());
        Assert.Equal("wrong values", c.Describe(revealExpected: false));
    }

    [Fact]
    public void A_NaN_where_a_number_is_expected_is_the_worst_element_with_its_position()
    {
        var e = Matrix.FromRows([1, 2, 3], [4, 5, 6]);
        var a = Matrix.FromRows([1, 9, 3], [4, float.NaN, float.PositiveInfinity]);
        Comparison c = Outputs.Matrices(e, a, Tol);
        Assert.Equal(ElementIndex.Matrix(1, 1), c.Worst);
        Assert.Equal(2, c.NonFinite);
        Assert.Equal(7, c.MaxAbsError);  // over the finite elements
        Assert.Equal("wrong values: 3 of 6 elements differ; worst at row 1, col 1: expected 5, actual NaN; 2 elements are NaN or ±∞ (the reference's are finite numbers); max abs error 7, max rel error 3.5", c.Describe());
        Assert.Equal("wrong values (NaN or ±∞ where the reference has numbers)", c.Describe(false));
    }

    [Fact]
    public void Types_and_shapes_are_checked_before_values()
    {
        var e = Matrix.FromRows([1, 2]);
        Assert.Equal("wrong type: expected Matrix, got null", Outputs.Compare(e, null, Tol).Describe());
        Assert.Equal("wrong type: expected Matrix, got float[]", Outputs.Compare(e, new float[2], Tol).Describe());
        Assert.Equal("wrong shape: expected (1 × 2), got (2 × 1)", Outputs.Compare(e, e.Transpose(), Tol).Describe());
        Assert.Equal("wrong shape: expected length 3, got length 2", Outputs.Compare(new float[3], new float[2], Tol).Describe());
        Assert.Equal("wrong type: expected float, got int", Outputs.Compare(1f, 1, Tol).Describe());
    }

    [Fact]
    public void Scalars_accept_float_or_double_and_say_value_not_values()
    {
        Assert.True(Outputs.Compare(1.5f, 1.5, Tol).Passed);
        Assert.Equal("wrong value: expected 1.5, actual 1; abs error 0.5, rel error 0.333", Outputs.Compare(1.5f, 1f, Tol).Describe());
        Assert.Equal("wrong value: expected 1.5, actual NaN", Outputs.Compare(1.5f, float.NaN, Tol).Describe());
        Assert.Equal("wrong value (NaN or ±∞ where the reference has numbers)", Outputs.Compare(1.5f, float.PositiveInfinity, Tol).Describe(false));
    }

    [Fact]
    public void Int_arrays_compare_exactly_and_name_the_index()
    {
        Assert.True(Outputs.Compare(new[] { 1, 2, 3 }, new[] { 1, 2, 3 }, Tol).Passed);
        Comparison c = Outputs.Compare(new[] { 1, 2, 3 }, new[] { 1, 0, 3 }, Tol);
        Assert.Equal("wrong values: 1 of 3 elements differ; worst at index 1: expected 2, actual 0; max abs error 2, max rel error 1", c.Describe());
        Assert.Equal("wrong type: expected int[], got float[]", Outputs.Compare(new[] { 1 }, new float[1], Tol).Describe());
    }

    [Fact]
    public void Vectors_and_exact_tolerance()
    {
        Assert.True(Outputs.Compare(new[] { 0.1f, float.PositiveInfinity }, new[] { 0.1f, float.PositiveInfinity }, Tolerance.Exact).Passed);
        Assert.False(Outputs.Compare(new[] { 0.1f }, new[] { 0.1000001f }, Tolerance.Exact).Passed);
        Assert.Equal("exact", Tolerance.Exact.ToString());
        Assert.Equal("|actual − expected| ≤ 1e-06 + 0.001·|expected|", Tol.ToString());
    }

    [Fact]
    public void Numbers_print_compactly()
    {
        Assert.Equal("0.8420035", Numbers.Exact(0.8420035f));
        Assert.Equal("1e-05", Numbers.Short(1e-5));
        Assert.Equal("0.1235", Numbers.Compact(0.123456));
        Assert.Equal("NaN", Numbers.Compact(double.NaN));
        Assert.Equal("-∞", Numbers.Short(double.NegativeInfinity));
    }
}
