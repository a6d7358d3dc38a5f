using CourseKit.Tensors;
using CourseKit.Kernels;

namespace CourseKit.Grading;

public static partial class Checks
{
    /// <summary>
    /// Hardmax of logits <c>z</c> (m × C): a 1 at each row's largest entry (ties → the lowest index), 0 elsewhere —
    /// the "hard" max that softmax smooths. Learner function: <c>Func&lt;Matrix, Matrix&gt;</c>. 1 point.
    /// </summary>
    /// <remarks>
    /// Visible cases: the lecture's [5, 2, −1, 3] → [1, 0, 0, 0]; a batch; a tie; one class. Hidden cases: a random
    /// batch, small integer logits (many ties), large logits.
    /// </remarks>
    public static Check<Matrix, Matrix> Hardmax =>
        Check.For<Matrix, Matrix>("hardmax", points: 1)
            .InputNames("z")
            .WriteYourself(Shortcuts.Hardmax)
            .Reference(HardmaxReference)
            .Compare(Tolerance.Exact)
            .Case("lecture example", Matrix.RowVector(5, 2, -1, 3))
            .Case("a batch of 3 examples", Matrix.FromRows([1, 2, 3, 4], [9, 0, 0, 1], [-3, 0.5f, 2, -1]), hint: RowsHint)
            .Case("a tie goes to the lowest index", Matrix.FromRows([2, 7, 7, 1]),
                hint: "when several entries share the max, put the 1 at the first of them.")
            .Case("one class (a column count of 1)", Matrix.FromRows([2], [-7]))
            .Hidden("a random batch", r => Generators.Normal(r, r.Next(2, 9), r.Next(2, 11), std: 3), hint: RowsHint)
            .Hidden("small integer logits with ties", r => Ties(r), hint: "ties go to the lowest index.")
            .Hidden("large logits", r => Generators.LargeLogits(r, r.Next(2, 6), r.Next(2, 8)));

    private static Matrix HardmaxReference(Matrix z)
    {
        var a = new Matrix(z.Rows, z.Cols);
        CpuKernels.Hardmax(z.AsSpan(), z.Rows, z.Cols, a.AsSpan());
        return a;
    }

    private static Matrix Ties(Random r)
    {
        var z = new Matrix(r.Next(3, 8), r.Next(3, 6));
        Span<float> data = z.AsSpan();
        for (int i = 0; i < data.Length; i++) data[i] = r.Next(0, 3);
        return z;
    }
}
