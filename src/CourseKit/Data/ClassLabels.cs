namespace CourseKit.Data;

/// <summary>Checks and counts class labels (integer class indices in [0, C)).</summary>
public static class ClassLabels
{
    /// <summary>Throws for the first label outside [0, <paramref name="classCount"/>), naming its index and value.</summary>
    /// <param name="labels">The class indices to check.</param>
    /// <param name="classCount">Number of classes C (≥ 1).</param>
    /// <param name="argument">Argument name used in the message, e.g. "labels".</param>
    public static void Validate(ReadOnlySpan<int> labels, int classCount, string argument = "labels")
    {
        if (classCount < 1)
            throw new ArgumentOutOfRangeException(nameof(classCount), classCount, $"classCount: expected ≥ 1, actual {classCount}.");
        for (int i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)classCount)
                throw new ArgumentOutOfRangeException(argument, labels[i],
                    $"{argument}[{i}]: expected a class index in [0, {classCount}), actual {labels[i]}.");
        }
    }

    /// <summary>How many labels equal each class: <c>result[c] = #{i : labels[i] = c}</c>, length <paramref name="classCount"/>.</summary>
    public static int[] Counts(ReadOnlySpan<int> labels, int classCount)
    {
        Validate(labels, classCount);
        var counts = new int[classCount];
        foreach (int label in labels) counts[label]++;
        return counts;
    }
}
