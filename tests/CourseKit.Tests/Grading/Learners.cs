using CourseKit.Grading;
using CourseKit.Tensors;

namespace CourseKit.Tests.Grading;

/// <summary>What learners write: the library's answer and typical wrong answers, for the checks to tell apart.</summary>
internal static class Learners
{
    public static readonly GradingMode Student = GradingMode.Student;

    public static readonly GradingMode Grader = GradingMode.WithHiddenSeed("test-secret-42");

    public static Matrix Softmax(Matrix z) => Generators.Softmax(z);

    /// <summary>exp(z) / Σ exp(z) without subtracting the row max: exp(1000) overflows to ∞.</summary>
    public static Matrix SoftmaxWithoutMax(Matrix z)
    {
        var a = new Matrix(z.Rows, z.Cols);
        for (int i = 0; i < z.Rows; i++)
        {
            float sum = 0;
            for (int j = 0; j < z.Cols; j++) sum += a[i, j] = MathF.Exp(z[i, j]);
            for (int j = 0; j < z.Cols; j++) a[i, j] /= sum;
        }
        return a;
    }

    /// <summary>Normalizes each column instead of each row.</summary>
    public static Matrix SoftmaxOverColumns(Matrix z) => Softmax(z.Transpose()).Transpose();

    /// <summary>Right values in the lecture's layout (C × m): the transpose of CourseKit's.</summary>
    public static Matrix SoftmaxTransposed(Matrix z) => Softmax(z).Transpose();

    /// <summary>Right values, written over the caller's matrix.</summary>
    public static Matrix SoftmaxInPlace(Matrix z)
    {
        Softmax(z).CopyTo(z);
        return z;
    }

    public static Matrix NotImplemented(Matrix z) => throw new NotImplementedException("Exercise 1");

    public static float CrossEntropy(Matrix yHat, Matrix y)
    {
        double total = 0;
        for (int k = 0; k < y.Length; k++)
        {
            if (y.Data[k] != 0) total -= y.Data[k] * Math.Log(yHat.Data[k]);
        }
        return (float)(total / y.Rows);
    }

    /// <summary>Σ y log ŷ over every entry: 0 · log 0 = 0 · (−∞) = NaN.</summary>
    public static float CrossEntropyNaive(Matrix yHat, Matrix y)
    {
        float total = 0;
        for (int k = 0; k < y.Length; k++) total -= y.Data[k] * MathF.Log(yHat.Data[k]);
        return total / y.Rows;
    }

    /// <summary>Forgets 1/m.</summary>
    public static float CrossEntropySum(Matrix yHat, Matrix y) => CrossEntropy(yHat, y) * y.Rows;

    public static Matrix OneHot(int[] labels, int classes)
    {
        var y = new Matrix(labels.Length, classes);
        for (int i = 0; i < labels.Length; i++) y[i, labels[i]] = 1;
        return y;
    }

    /// <summary>Takes C from the labels.</summary>
    public static Matrix OneHotFromMax(int[] labels, int classes) => OneHot(labels, labels.Max() + 1);

    /// <summary>The library's own one-hot: a shortcut the exercise forbids.</summary>
    public static Matrix OneHotByLibrary(int[] labels, int classes) => CourseKit.Data.OneHot.Encode(labels, classes);

    /// <summary>A 1 at each row's first largest entry.</summary>
    public static Matrix Hardmax(Matrix z)
    {
        var a = new Matrix(z.Rows, z.Cols);
        for (int i = 0; i < z.Rows; i++)
        {
            int best = 0;
            for (int j = 1; j < z.Cols; j++) if (z[i, j] > z[i, best]) best = j;
            a[i, best] = 1;
        }
        return a;
    }

    /// <summary>Ties go to the last index.</summary>
    public static Matrix HardmaxLastTie(Matrix z)
    {
        var a = new Matrix(z.Rows, z.Cols);
        for (int i = 0; i < z.Rows; i++)
        {
            int best = 0;
            for (int j = 0; j < z.Cols; j++) if (z[i, j] >= z[i, best]) best = j;
            a[i, best] = 1;
        }
        return a;
    }

    public static Matrix Gradient(Matrix yHat, Matrix y)
    {
        var dz = yHat.Clone();
        for (int k = 0; k < dz.Length; k++) dz.Data[k] -= y.Data[k];
        return dz;
    }
}
