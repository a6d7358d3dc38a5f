using System.Text;

namespace CourseKit.Grading.Protocol;

/// <summary>
/// Reads UTF-8 lines from an untrusted stream with bounds: a line longer than <see cref="MaxLineBytes"/>, or more than
/// <see cref="MaxTotalBytes"/> in all, or invalid UTF-8, is a <see cref="ProtocolException"/> — never an unbounded
/// buffer. A last line without its newline (a process killed mid-write) is dropped.
/// </summary>
public sealed class BoundedLineReader(Stream stream, int maxLineBytes = ProtocolLimits.MaxLineBytes, long maxTotalBytes = ProtocolLimits.MaxStreamBytes)
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly byte[] _buffer = new byte[64 << 10];
    private readonly MemoryStream _line = new();
    private int _start, _end;
    private long _total;

    /// <summary>The longest line accepted, in bytes.</summary>
    public int MaxLineBytes { get; } = maxLineBytes;

    /// <summary>The most bytes accepted in all.</summary>
    public long MaxTotalBytes { get; } = maxTotalBytes;

    /// <summary>The next complete line, or null at the end of the stream.</summary>
    public string? ReadLine()
    {
        _line.SetLength(0);
        while (true)
        {
            if (_start == _end && !Fill()) return null;
            int newline = Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start);
            int take = (newline < 0 ? _end : newline) - _start;
            if (_line.Length + take > MaxLineBytes)
                throw new ProtocolException($"a line longer than {MaxLineBytes} bytes.");
            _line.Write(_buffer, _start, take);
            _start += take;
            if (newline < 0) continue;
            _start++; // the newline
            try { return Strict.GetString(_line.GetBuffer(), 0, (int)_line.Length); }
            catch (DecoderFallbackException) { throw new ProtocolException("a line that is not valid UTF-8."); }
        }
    }

    private bool Fill()
    {
        int read = stream.Read(_buffer, 0, _buffer.Length);
        if (read <= 0) return false;
        _total += read;
        if (_total > MaxTotalBytes) throw new ProtocolException($"more than {MaxTotalBytes} bytes in all.");
        (_start, _end) = (0, read);
        return true;
    }
}
