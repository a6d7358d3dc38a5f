using CourseKit.Data;

namespace CourseKit.Training;

/// <summary>Mean cost and accuracy of a model on a data set, in inference mode.</summary>
/// <param name="Cost">The mean cost J over the examples (without the L2 term).</param>
/// <param name="Accuracy">The fraction of examples whose predicted class is their label.</param>
public readonly record struct Evaluation(float Cost, float Accuracy)
{
    /// <inheritdoc />
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"cost {Cost:F4}, accuracy {Accuracy:P1}");
}

public sealed partial class Trainer
{
    /// <summary>
    /// Trains on <paramref name="train"/> as <paramref name="options"/> say (10 epochs of 64 by default), evaluating on
    /// <paramref name="validation"/> after each epoch when given; returns the history (Keras' <c>model.fit(x, y,
    /// validation_data=…)</c>).
    /// </summary>
    public History Fit(Dataset train, Dataset? validation = null, FitOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        options ??= new FitOptions();
        if (validation is not null)
        {
            if (options.ValidationFeatures is not null)
                throw new ArgumentException("validation: given both as an argument and as options.ValidationFeatures; give it once.", nameof(validation));
            if (validation.FeatureCount != train.FeatureCount)
                throw new ArgumentException($"validation: expected {train.FeatureCount} features (as the training set), actual {validation.FeatureCount}.", nameof(validation));
            options = options with { ValidationFeatures = validation.Features, ValidationLabels = validation.Labels };
        }
        return Fit(train.Features, train.Labels, options);
    }

    /// <summary>Mean cost and accuracy on <paramref name="data"/> in inference mode, in batches (Keras' <c>model.evaluate</c>).</summary>
    public Evaluation Evaluate(Dataset data, int batchSize = 1024)
    {
        ArgumentNullException.ThrowIfNull(data);
        return Evaluate(data.Features, data.Labels, batchSize);
    }
}
