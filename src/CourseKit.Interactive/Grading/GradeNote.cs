namespace CourseKit.Interactive.Grading;

/// <summary>Something the grader tells the learner and the instructor about a submission ("the check cell for Exercise 2 was edited; the original was used").</summary>
/// <param name="Exercise">The exercise it concerns, or null for the whole submission.</param>
/// <param name="Text">One sentence, never holding expected values of hidden cases.</param>
public sealed record GradeNote(int? Exercise, string Text);

/// <summary>The role a cell of a prepared submission plays.</summary>
/// <param name="Number">The cell's 1-based position in the prepared notebook.</param>
/// <param name="Id">The cell id.</param>
/// <param name="Role"><c>exercise</c>, <c>check</c>, <c>assignment</c> (another cell of the release) or <c>added</c> (the learner's own).</param>
/// <param name="Exercise">The exercise it belongs to: its own for exercise and check cells, the one above it for added cells.</param>
public sealed record PreparedCell(int Number, string Id, string Role, int? Exercise);
