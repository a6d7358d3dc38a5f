using System.Globalization;
using System.Text;

namespace CourseKit.Nn;

/// <summary>One row of a model summary.</summary>
public sealed record LayerSummary(string Name, string Type, int OutputFeatures, long TrainableParameters, long NonTrainableParameters);

/// <summary>What Keras' <c>model.summary()</c> prints: per layer its output shape and parameter counts, then totals.</summary>
[TypeFormatterSource("CourseKit.Display.ModelSummaryFormatterSource")]
public sealed record ModelSummary(int InputFeatures, IReadOnlyList<LayerSummary> Layers)
{
    /// <summary>Trainable parameters over all layers.</summary>
    public long Trainable => Layers.Sum(l => l.TrainableParameters);

    /// <summary>Non-trainable parameters (BatchNorm's running mean and variance).</summary>
    public long NonTrainable => Layers.Sum(l => l.NonTrainableParameters);

    /// <summary>All parameters.</summary>
    public long Total => Trainable + NonTrainable;

    internal static ModelSummary Of(Sequential model)
    {
        if (!model.IsBuilt) throw new InvalidOperationException("Summary: the model is not built: call Build(inputFeatures, seed) first.");
        // One row per computing layer, named by its path: a nested model's layers appear as block1.dense1, ….
        var rows = model.Leaves.Select(layer => new LayerSummary(layer.Path.Length > 0 ? layer.Path : layer.Name, layer.GetType().Name,
            layer.OutputFeatures(layer.InputFeatures),
            layer.Parameters.Where(p => p.Trainable).Sum(p => (long)p.Count),
            layer.Parameters.Where(p => !p.Trainable).Sum(p => (long)p.Count))).ToList();
        return new ModelSummary(model.InputFeatures, rows);
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.AppendLine(c, $"{"Layer (type)",-28} {"Output shape",-14} {"Trainable",10} {"Non-trainable",14}");
        sb.AppendLine(new string('─', 69));
        foreach (var l in Layers)
            sb.AppendLine(c, $"{$"{l.Name} ({l.Type})",-28} {$"(m, {l.OutputFeatures})",-14} {l.TrainableParameters,10:N0} {l.NonTrainableParameters,14:N0}");
        sb.AppendLine(new string('─', 69));
        sb.AppendLine(c, $"Total params: {Total:N0}  (trainable {Trainable:N0}, non-trainable {NonTrainable:N0}); input (m, {InputFeatures})");
        return sb.ToString().TrimEnd();
    }
}
