using CourseKit.Nn;

namespace CourseKit.Tests.Nn;

public class GradientCheckDifferencesTests
{
    [Fact]
    public void The_lectures_cube_gives_3_0001_two_sided_and_3_0301_one_sided()
    {
        Func<double[], double> cube = t => t[0] * t[0] * t[0];
        Assert.Equal(3.0001, GradientCheck.TwoSidedDifferences(cube, [1.0], 0.01)[0], 12);
        Assert.Equal(3.0301, GradientCheck.OneSidedDifferences(cube, [1.0], 0.01)[0], 12);
    }

    [Fact]
    public void Two_sided_error_shrinks_like_eps_squared_and_one_sided_like_eps()
    {
        // J = e^θ₁ + θ₁θ₂², gradient (e^θ₁ + θ₂², 2θ₁θ₂): exact reference in double.
        Func<double[], double> cost = t => Math.Exp(t[0]) + t[0] * t[1] * t[1];
        double[] theta = [0.5, -1.5], exact = [Math.Exp(0.5) + 2.25, 2 * 0.5 * -1.5];
        double Error(double[] approx) => Math.Sqrt(approx.Zip(exact, (a, e) => (a - e) * (a - e)).Sum());
        double twoBig = Error(GradientCheck.TwoSidedDifferences(cost, theta, 1e-2)), twoSmall = Error(GradientCheck.TwoSidedDifferences(cost, theta, 1e-3));
        double oneBig = Error(GradientCheck.OneSidedDifferences(cost, theta, 1e-2)), oneSmall = Error(GradientCheck.OneSidedDifferences(cost, theta, 1e-3));
        Assert.InRange(twoBig / twoSmall, 80, 120);      // ε ÷ 10 → error ÷ 100
        Assert.InRange(oneBig / oneSmall, 8, 12);        // ε ÷ 10 → error ÷ 10
        Assert.True(twoSmall < oneSmall / 100);
    }

    [Fact]
    public void Theta_is_left_unchanged_and_each_component_is_nudged_alone()
    {
        double[] theta = [1, 2, 3];
        var seen = new List<double[]>();
        GradientCheck.TwoSidedDifferences(t => { seen.Add((double[])t.Clone()); return t.Sum(); }, theta, 0.5);
        Assert.Equal([1.0, 2, 3], theta);
        Assert.Equal(6, seen.Count);
        Assert.All(seen, s => Assert.Equal(1, s.Zip(theta, (a, b) => a != b).Count(d => d)));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1e-3)]
    [InlineData(double.NaN)]
    public void A_step_that_is_not_positive_and_finite_is_refused(double epsilon)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => GradientCheck.TwoSidedDifferences(t => t[0], [1.0], epsilon));
        Assert.Contains("epsilon: expected a finite value > 0", ex.Message);
    }
}
