using CourseKit.Data;
using CourseKit.Grading;
using CourseKit.Kernels;
using CourseKit.Tensors;
using static CourseKit.Tests.Grading.Learners;

namespace CourseKit.Tests.Grading;

/// <summary>An exercise that asks the learner to write something the library has: the live check names the shortcut and scores 0.</summary>
public class ShortcutTests
{
    private static Matrix Helper(Matrix z) => z.Softmax();

    [Fact]
    public void The_librarys_softmax_in_each_of_its_forms_scores_0_with_a_message_naming_it()
    {
        Func<Matrix, Matrix>[] shortcuts =
        [
            z => z.Softmax(),
            z => { var a = new Matrix(z.Rows, z.Cols); CpuKernels.Softmax(z.AsSpan(), z.Rows, z.Cols, a.AsSpan()); return a; },
            z => z.LogSoftmax(),
            z => Helper(z),
            z => { Func<Matrix, Matrix> f = MatrixFunctions.Softmax; return f(z); },
        ];
        foreach (var f in shortcuts)
        {
            CheckResult r = Checks.Softmax.Run(f);
            Assert.Equal(CheckStatus.Failed, r.Status);
            Assert.Equal(0, r.Points);
            Assert.Matches("write softmax yourself, but your function uses (MatrixFunctions|CpuKernels)\\.(Log)?Softmax", r.Summary);
        }
    }

    [Fact]
    public void Own_code_passes_and_what_an_exercise_allows_stays_allowed()
    {
        Assert.True(Checks.Softmax.Run(Softmax).Passed);
        Assert.True(Checks.SoftmaxGradient.Run((yHat, y) => yHat.Subtract(y)).Passed);   // the gradient exercise may use Subtract
        Assert.True(Checks.OneHot.Run(OneHot).Passed);
    }

    [Fact]
    public void One_hot_by_the_library_is_refused_and_the_message_says_what_to_write()
    {
        CheckResult r = Checks.OneHot.Run(OneHotByLibrary);
        Assert.Equal(0, r.Points);
        Assert.Contains("this exercise asks you to write one-hot encoding yourself, but your function uses OneHot.Encode, the library's one-hot encoding", r.Summary);
    }

    [Fact]
    public void A_rule_names_members_by_prefix_or_a_whole_type()
    {
        var member = new ApiMember(typeof(CpuKernels).FullName!, "BatchNorm*");
        Assert.True(member.Matches(typeof(CpuKernels).FullName!, "BatchNormForwardTraining"));
        Assert.False(member.Matches(typeof(CpuKernels).FullName!, "Softmax"));
        Assert.True(ApiMember.All(typeof(OneHot)).Matches(typeof(OneHot).FullName!, "Decode"));
        Assert.Equal("MatrixFunctions.Softmax", ApiMember.Display(typeof(MatrixFunctions).FullName!, "Softmax"));
    }
}
