using System.Text.Json.Serialization;

namespace CourseKit.Training;

/// <summary>The JSON header of a checkpoint: what each float block that follows is, in order.</summary>
internal sealed record CheckpointHeader(
    [property: JsonPropertyName("format")] int Format,
    [property: JsonPropertyName("architecture")] IReadOnlyList<string> Architecture,
    [property: JsonPropertyName("parameters")] IReadOnlyList<BlockInfo> Parameters,
    [property: JsonPropertyName("extra_state")] IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>> ExtraState,
    [property: JsonPropertyName("optimizer")] OptimizerInfo? Optimizer,
    [property: JsonPropertyName("progress")] IReadOnlyDictionary<string, long> Progress);

/// <summary>A named float block and its shape.</summary>
internal sealed record BlockInfo(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("rows")] int Rows,
    [property: JsonPropertyName("cols")] int Cols);

/// <summary>The optimizer's type, t, α and the names and lengths of its slots.</summary>
internal sealed record OptimizerInfo(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("steps")] long Steps,
    [property: JsonPropertyName("learning_rate")] float LearningRate,
    [property: JsonPropertyName("slots")] IReadOnlyList<BlockInfo> Slots);

[JsonSerializable(typeof(CheckpointHeader))]
[JsonSourceGenerationOptions(WriteIndented = false)]
internal sealed partial class CheckpointJson : JsonSerializerContext;
