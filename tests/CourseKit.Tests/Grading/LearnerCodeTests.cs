using CourseKit.Grading;
using CourseKit.Tensors;

namespace CourseKit.Tests.Grading;

public class LearnerCodeTests
{
    [Theory]
    [InlineData("Submission#3", "Softmax", 4, null, "line 4 of your cell")]
    [InlineData("Submission#3", "<Factory>", 0, null, "your cell")]
    [InlineData("Exercises", "Softmax", 12, "/home/me/Exercises.cs", "Exercises.Softmax, line 12 of Exercises.cs")]
    [InlineData("Exercises", "<Main>b__0_0", 0, null, "Exercises")]
    public void Frames_are_described_for_the_learner(string type, string method, int line, string? file, string expected) =>
        Assert.Equal(expected, LearnerCode.Describe(type, method, line, file));

    [Fact]
    public void The_first_frame_outside_CourseKit_and_dotnet_is_the_learners()
    {
        Exception ex = Assert.ThrowsAny<Exception>(() => Matrix.Multiply(new Matrix(1, 2), new Matrix(3, 1)));
        Assert.StartsWith("LearnerCodeTests", LearnerCode.Locate(ex));
        Assert.StartsWith("ArgumentException at LearnerCodeTests", LearnerCode.DescribeException(ex));
    }

    [Fact]
    public void The_exercise_comes_from_the_student_versions_throw()
    {
        Assert.Equal("Exercise 2", LearnerCode.ExerciseOf(new NotImplementedException("Exercise 2")));
        Assert.Null(LearnerCode.ExerciseOf(new NotImplementedException()));
    }

    [Fact]
    public void A_multi_line_exception_message_stays_on_one_line()
    {
        string text = LearnerCode.DescribeException(new InvalidOperationException("first\nsecond"));
        Assert.Equal("InvalidOperationException: first second", text);
    }
}
