namespace CourseKit.Nn;

public abstract partial class Layer
{
    /// <summary>The model this layer was added to, or null.</summary>
    public Sequential? Parent { get; internal set; }

    /// <summary>
    /// The layer's qualified name inside the outermost model: the names from that model down, joined by '.'
    /// (<c>bn1</c>, <c>block1.dense2</c>); the outermost model's own name is not part of it, as in PyTorch's state
    /// dicts. Empty for a layer outside any model and for the outermost model itself.
    /// </summary>
    public string Path => Parent is null ? "" : Parent.Path.Length == 0 ? Name : $"{Parent.Path}.{Name}";

    /// <summary><paramref name="local"/> qualified by <see cref="Path"/>.</summary>
    private string Qualify(string local) => Path.Length == 0 ? local : $"{Path}.{local}";

    /// <summary>The path, or the name for a layer outside any model (for messages).</summary>
    private protected string Label => Path.Length > 0 ? Path : Name;
}
