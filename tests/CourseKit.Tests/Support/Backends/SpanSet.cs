using System.Runtime.InteropServices;

namespace CourseKit.Tests.Support.Backends;

/// <summary>
/// Up to ten float spans handed to one kernel call, each marked input, output or optional, so that
/// <see cref="DeviceMirror"/> can place them in device memory with the same overlaps they have on the host.
/// </summary>
internal ref struct SpanSet
{
    public const int Capacity = 10;
    private Span<float> _s0, _s1, _s2, _s3, _s4, _s5, _s6, _s7, _s8, _s9;
    private int _writable, _optional;

    public int Count { get; private set; }

    /// <summary>An input the kernel only reads.</summary>
    public SpanSet In(ReadOnlySpan<float> span) => Add(MemoryMarshal.CreateSpan(ref MemoryMarshal.GetReference(span), span.Length), false, false);

    /// <summary>An output (written back to the host after the call).</summary>
    public SpanSet Out(Span<float> span) => Add(span, true, false);

    /// <summary>An optional output: an empty span stands for "not requested" (a null buffer).</summary>
    public SpanSet Optional(Span<float> span) => Add(span, true, true);

    public readonly bool IsWritable(int i) => (_writable & (1 << i)) != 0;

    public readonly bool IsOptional(int i) => (_optional & (1 << i)) != 0;

    public readonly Span<float> this[int i] => i switch
    {
        0 => _s0, 1 => _s1, 2 => _s2, 3 => _s3, 4 => _s4, 5 => _s5, 6 => _s6, 7 => _s7, 8 => _s8, 9 => _s9,
        _ => throw new ArgumentOutOfRangeException(nameof(i)),
    };

    private SpanSet Add(Span<float> span, bool writable, bool optional)
    {
        if (Count == Capacity) throw new InvalidOperationException($"SpanSet holds at most {Capacity} spans.");
        switch (Count)
        {
            case 0: _s0 = span; break;
            case 1: _s1 = span; break;
            case 2: _s2 = span; break;
            case 3: _s3 = span; break;
            case 4: _s4 = span; break;
            case 5: _s5 = span; break;
            case 6: _s6 = span; break;
            case 7: _s7 = span; break;
            case 8: _s8 = span; break;
            default: _s9 = span; break;
        }
        if (writable) _writable |= 1 << Count;
        if (optional) _optional |= 1 << Count;
        Count++;
        return this;
    }
}
