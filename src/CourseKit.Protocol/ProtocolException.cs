namespace CourseKit.Grading.Protocol;

/// <summary>
/// A message that breaks the protocol: not JSON, a missing or mistyped field, a value out of its bounds, a line
/// longer than allowed. The grader treats the sender as broken, never the message as partly true.
/// </summary>
public sealed class ProtocolException(string message) : Exception(message);
