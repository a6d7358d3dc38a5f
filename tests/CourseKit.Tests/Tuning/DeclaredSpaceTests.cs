using CourseKit.Nn;
using CourseKit.Optim;
using CourseKit.Tuning;

namespace CourseKit.Tests.Tuning;

/// <summary>Reading what a define-by-run function declares (Trial.Distributions, DeclaredSpace.Of) and probing a space's corners (UnitSampler).</summary>
public class DeclaredSpaceTests
{
    private static TunedModel Build(Trial hp)
    {
        int units = hp.Int("units", 32, 256, step: 32);
        double lr = hp.Float("learning_rate", 1e-4, 1e-2, Scale.Log);
        string activation = hp.Categorical("activation", "relu", "tanh");
        Layer act = activation == "relu" ? new Relu() : new Tanh();
        return new TunedModel(new Sequential(new Dense(units), act, new Dense(10)), new Adam(lr));
    }

    [Fact]
    public void A_build_function_declares_its_distributions_in_the_order_it_asks()
    {
        var declared = DeclaredSpace.Of(Build);
        Assert.Equal(["units", "learning_rate", "activation"], declared.Parameters.Select(p => p.Name));
        Assert.Equal("int [32, 256] step 32", declared["units"].ToString());
        Assert.Equal("float [0.0001, 0.01] log", declared["learning_rate"].ToString());
        Assert.Equal("categorical [relu, tanh]", declared["activation"].ToString());
        Assert.Equal("units: int [32, 256] step 32\nlearning_rate: float [0.0001, 0.01] log\nactivation: categorical [relu, tanh]", declared.ToString());
        Assert.False(declared.Result.Model.IsBuilt);   // nothing built, nothing trained
        Assert.Equal(declared.Values.Get<double>("learning_rate"), declared.Result.Optimizer.LearningRate, 6);
    }

    [Fact]
    public void The_same_seed_gives_the_same_values_and_another_seed_others()
    {
        var a = DeclaredSpace.Of(Build, seed: 3);
        var b = DeclaredSpace.Of(Build, seed: 3);
        Assert.Equal(a.Values.Get<int>("units"), b.Values.Get<int>("units"));
        Assert.Equal(a.Values.Get<double>("learning_rate"), b.Values.Get<double>("learning_rate"));
        var others = Enumerable.Range(4, 6).Select(s => DeclaredSpace.Of(Build, seed: s).Values.Get<double>("learning_rate"));
        Assert.Contains(others, lr => lr != a.Values.Get<double>("learning_rate"));
    }

    [Fact]
    public void A_unit_sampler_puts_every_parameter_at_the_same_coordinate_of_its_own_scale()
    {
        var low = DeclaredSpace.Of(Build, new UnitSampler(0));
        var high = DeclaredSpace.Of(Build, new UnitSampler(1));
        var middle = DeclaredSpace.Of(Build, new UnitSampler(0.5));
        Assert.Equal((32, "relu"), (low.Values.Get<int>("units"), low.Values.Get<string>("activation")));
        Assert.Equal(1e-4, low.Values.Get<double>("learning_rate"), 15);
        Assert.Equal((256, "tanh"), (high.Values.Get<int>("units"), high.Values.Get<string>("activation")));
        Assert.Equal(1e-2, high.Values.Get<double>("learning_rate"), 12);
        Assert.Equal(1e-3, middle.Values.Get<double>("learning_rate"), 12);        // the geometric middle of a log scale
        Assert.Equal(160, middle.Values.Get<int>("units"));                      // index 4 of the 8 values 32, 64, …, 256
    }

    [Fact]
    public void Trial_distributions_list_each_name_once_however_often_it_is_asked()
    {
        var declared = DeclaredSpace.Of(hp => hp.Float("x", 0, 1) + hp.Float("x", 0, 1) + hp.Int("n", 1, 3));
        Assert.Equal(["x", "n"], declared.Parameters.Select(p => p.Name));
        Assert.Equal(2 * declared.Values.Get<double>("x") + declared.Values.Get<int>("n"), declared.Result, 12);
    }

    [Fact]
    public void Bad_input_is_refused_naming_the_argument()
    {
        Assert.Equal("u", Assert.Throws<ArgumentOutOfRangeException>(() => new UnitSampler(1.5)).ParamName);
        Assert.Equal("u", Assert.Throws<ArgumentOutOfRangeException>(() => new UnitSampler(double.NaN)).ParamName);
        Assert.Equal("build", Assert.Throws<ArgumentNullException>(() => DeclaredSpace.Of<int>(null!)).ParamName);
        var nullResult = Assert.Throws<InvalidOperationException>(() => DeclaredSpace.Of<TunedModel>(_ => null!));
        Assert.Contains("returned null", nullResult.Message);
        var missing = Assert.Throws<KeyNotFoundException>(() => DeclaredSpace.Of(Build)["lr"]);
        Assert.Contains("declared: units, learning_rate, activation", missing.Message);
    }
}
