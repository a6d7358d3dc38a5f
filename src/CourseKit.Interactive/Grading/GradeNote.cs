namespace CourseKit.Interactive.Grading;

/// <summary>Something the grader tells the learner and the instructor about a submission ("the check cell for Exercise 2 was edited; the original was used").</summary>
/// <param name="Exercise">The exercise it concerns, or null for the whole submission.</param>
/// <param name="Text">One sentence, never holding expected values of hidden cases.</param>
public sealed record GradeNote(int? Exercise, string Text);
