namespace CourseKit.Nn;

public sealed partial class Sequential
{
    /// <summary>
    /// The layer named <paramref name="name"/> — a name (<c>bn1</c>) found anywhere inside this model, or a path
    /// (<c>block1.bn1</c>) — as a <typeparamref name="T"/>. Throws, listing what there is, when no layer or several
    /// layers have that name, or when it is not a <typeparamref name="T"/>.
    /// </summary>
    /// <example><c>var bn = model.Get&lt;BatchNorm&gt;("bn1");</c></example>
    public T Get<T>(string name) where T : Layer
    {
        var layer = Get(name);
        return layer as T ?? throw new ArgumentException(
            $"name: '{name}' is {layer.Describe()}, expected a {typeof(T).Name}; the {typeof(T).Name} layers here: {List(AllLayers.OfType<T>())}.", nameof(name));
    }

    /// <summary>The layer named <paramref name="name"/> (a name found anywhere inside this model, or a path such as <c>block1.bn1</c>).</summary>
    public Layer Get(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var matches = AllLayers.Where(l => name.Contains('.') ? RelativePath(l) == name : l.Name == name).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new ArgumentException($"name: no layer named '{name}' in this model; its layers: {List(AllLayers)}.", nameof(name)),
            _ => throw new ArgumentException($"name: {matches.Count} layers are named '{name}' ({List(matches)}); give the path.", nameof(name)),
        };
    }

    /// <summary>
    /// The only <typeparamref name="T"/> inside this model (<c>model.Get&lt;BatchNorm&gt;()</c>); throws, listing the
    /// candidates, when there are none or several.
    /// </summary>
    public T Get<T>() where T : Layer
    {
        var matches = AllLayers.OfType<T>().ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new InvalidOperationException($"Get<{typeof(T).Name}>: this model has no {typeof(T).Name}; its layers: {List(AllLayers)}."),
            _ => throw new InvalidOperationException(
                $"Get<{typeof(T).Name}>: this model has {matches.Count} layers of that type ({List(matches)}); name the one you mean: Get<{typeof(T).Name}>(\"{RelativePath(matches[0])}\")."),
        };
    }

    /// <summary>Every <typeparamref name="T"/> inside this model, in forward order.</summary>
    public IReadOnlyList<T> GetAll<T>() where T : Layer => AllLayers.OfType<T>().ToList();

    /// <summary>The layer's path relative to this model (its name for a direct child).</summary>
    private string RelativePath(Layer layer)
    {
        var names = new Stack<string>();
        for (var l = layer; l is not null && !ReferenceEquals(l, this); l = l.Parent) names.Push(l.Name);
        return string.Join('.', names);
    }

    private string List(IEnumerable<Layer> layers)
    {
        var items = layers.Select(l => $"{RelativePath(l)} ({l.GetType().Name})").ToList();
        return items.Count == 0 ? "none" : string.Join(", ", items);
    }
}
