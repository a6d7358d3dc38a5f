namespace CourseKit.Tuning;

/// <summary>
/// The study storage cannot be used: its server cannot be reached, refuses the login, or has no such database. The
/// message names the server (host and port), the database and the user, never the password; nothing was recorded by
/// the operation that failed.
/// </summary>
public sealed class StudyStorageUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StudyStorageUnavailableException() : base("The study storage is unavailable.") { }

    /// <summary>Creates the exception with a message.</summary>
    public StudyStorageUnavailableException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and the driver's exception.</summary>
    public StudyStorageUnavailableException(string message, Exception inner) : base(message, inner) { }
}
