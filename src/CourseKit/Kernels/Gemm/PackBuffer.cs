namespace CourseKit.Kernels;

/// <summary>
/// A 64-byte-aligned scratch buffer for packed panels, cached per thread. Alignment matters: a zmm load that straddles
/// two cache lines costs two, and ArrayPool arrays carry no alignment guarantee (measured: 1024³ GEMM varied
/// 15–24 ms run to run with unaligned buffers).
/// </summary>
internal sealed unsafe class PackBuffer
{
    private const int Alignment = 64;

    [ThreadStatic] private static PackBuffer? t_own;
    [ThreadStatic] private static PackBuffer? t_shared;

    private float[] _array = [];
    private float* _aligned;

    /// <summary>This thread's buffer for the blocks it packs for itself alone, at least <paramref name="length"/> floats.</summary>
    public static float* ForOwn(int length) => (t_own ??= new PackBuffer()).Get(length);

    /// <summary>This thread's buffer for blocks the threads of its product share, at least <paramref name="length"/> floats.</summary>
    public static float* ForShared(int length) => (t_shared ??= new PackBuffer()).Get(length);

    private float* Get(int length)
    {
        if (_array.Length < length + Alignment / sizeof(float))
        {
            // Pinned-heap arrays never move, so the aligned pointer stays valid for the thread's lifetime.
            _array = GC.AllocateUninitializedArray<float>(length + Alignment / sizeof(float), pinned: true);
            fixed (float* p = _array)
                _aligned = (float*)(((nuint)p + Alignment - 1) & ~(nuint)(Alignment - 1));
        }
        return _aligned;
    }
}
