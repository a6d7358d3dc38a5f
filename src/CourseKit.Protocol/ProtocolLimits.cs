namespace CourseKit.Grading.Protocol;

/// <summary>The bounds every message is validated against; what exceeds one is a <see cref="ProtocolException"/>.</summary>
public static class ProtocolLimits
{
    /// <summary>Bytes in one line of the child's event stream (an answer set with its outputs is the largest).</summary>
    public const int MaxLineBytes = 32 << 20;

    /// <summary>Bytes the child may write on its event stream in all, per run.</summary>
    public const long MaxStreamBytes = 256L << 20;

    /// <summary>Characters of one text field (an error message, a cell's printed output …).</summary>
    public const int MaxText = 64 << 10;

    /// <summary>Elements of one encoded value (a matrix's entries, an array's items).</summary>
    public const int MaxElements = 4 << 20;

    /// <summary>Items of an array of matrices or tuples (a list of mini-batches, a network's weights).</summary>
    public const int MaxArrayItems = 4096;

    /// <summary>Nesting of tuples and arrays inside each other.</summary>
    public const int MaxDepth = 4;

    /// <summary>Cases one check may answer.</summary>
    public const int MaxCases = 256;

    /// <summary>Text outputs one cell may report.</summary>
    public const int MaxOutputsPerCell = 64;
}
