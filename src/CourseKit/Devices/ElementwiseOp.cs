namespace CourseKit.Devices;

/// <summary>The element-wise operations a device implements; unary ones read x, binary ones x and y.</summary>
internal enum ElementwiseOp
{
    Relu,
    LeakyRelu,
    Tanh,
    Sigmoid,
    /// <summary>dZ = dA where z &gt; 0, else 0 (x = z, y = dA).</summary>
    ReluBackward,
    /// <summary>dZ = dA where z &gt; 0, else slope·dA (x = z, y = dA).</summary>
    LeakyReluBackward,
    /// <summary>dZ = dA·(1 − a²) (x = a, y = dA).</summary>
    TanhBackward,
    /// <summary>dZ = dA·a·(1 − a) (x = a, y = dA).</summary>
    SigmoidBackward,
    /// <summary>dx = dy·mask (x = dy, y = mask).</summary>
    Multiply,
}
