using ILGPU;
using ILGPU.Algorithms;
using static CourseKit.Kernels.Ilgpu.IlgpuReductions;

namespace CourseKit.Kernels.Ilgpu;

/// <summary>What the fused softmax–cross-entropy writes besides each row's loss.</summary>
/// <param name="InvM">1/m, the batch mean's factor in dLogits.</param>
/// <param name="WantGradient">1 to write dLogits = (ŷ − y)/m.</param>
/// <param name="WantProbabilities">1 to write ŷ.</param>
internal readonly record struct CrossEntropyOutputs(float InvM, int WantGradient, int WantProbabilities);

/// <summary>
/// The fused softmax–cross-entropy, one group per row: the row's loss term goes to rowLoss[row] (summed on the
/// device afterwards), ŷ and (ŷ − y)/m to the optional outputs. Every input element a thread needs is read before
/// the reductions' barriers, so outputs may be the logits themselves.
/// </summary>
internal static class IlgpuCrossEntropy
{
    /// <summary>Integer labels: rowLoss = log Σ exp(z − max) − (z_y − max).</summary>
    public static void Labels(ArrayView<float> z, ArrayView<int> labels, ArrayView<float> dLogits, ArrayView<float> p,
        ArrayView<float> rowLoss, int cols, CrossEntropyOutputs outputs)
    {
        int row = Grid.IdxX, t = Group.IdxX, g = Group.DimX, y = labels[row];
        long start = (long)row * cols;
        float zy = z[start + y];
        float max = float.NegativeInfinity;
        for (int j = t; j < cols; j += g) max = XMath.Max(max, z[start + j]);
        max = GroupMax(max);
        float sum = 0f;
        for (int j = t; j < cols; j += g) sum += XMath.Exp(z[start + j] - max);
        sum = GroupSum(sum);
        if (t == 0) rowLoss[row] = XMath.Log(sum) - (zy - max);
        float inverse = 1f / sum;
        for (int j = t; j < cols; j += g)
        {
            float yHat = XMath.Exp(z[start + j] - max) * inverse;
            if (outputs.WantProbabilities != 0) p[start + j] = yHat;
            if (outputs.WantGradient != 0) dLogits[start + j] = (j == y ? yHat - 1f : yHat) * outputs.InvM;
        }
    }

    /// <summary>Probability targets: rowLoss = Σy · log Σ exp(z − max) − Σ_{y≠0} y·(z − max).</summary>
    public static void Targets(ArrayView<float> z, ArrayView<float> targets, ArrayView<float> dLogits, ArrayView<float> p,
        ArrayView<float> rowLoss, int cols, CrossEntropyOutputs outputs)
    {
        int row = Grid.IdxX, t = Group.IdxX, g = Group.DimX;
        long start = (long)row * cols;
        float max = float.NegativeInfinity;
        for (int j = t; j < cols; j += g) max = XMath.Max(max, z[start + j]);
        max = GroupMax(max);
        float dot = 0f, ySum = 0f, sum = 0f;
        for (int j = t; j < cols; j += g)
        {
            float target = targets[start + j], shifted = z[start + j] - max;
            ySum += target;
            if (target != 0f) dot += target * shifted;  // 0 · (−∞) never becomes NaN
            sum += XMath.Exp(shifted);
        }
        dot = GroupSum(dot);
        ySum = GroupSum(ySum);
        sum = GroupSum(sum);
        if (t == 0) rowLoss[row] = ySum * XMath.Log(sum) - dot;
        float inverse = 1f / sum;
        for (int j = t; j < cols; j += g)
        {
            float yHat = XMath.Exp(z[start + j] - max) * inverse;
            if (outputs.WantProbabilities != 0) p[start + j] = yHat;
            if (outputs.WantGradient != 0) dLogits[start + j] = (yHat - targets[start + j]) * outputs.InvM;
        }
    }
}
