using System.Globalization;
using System.Text;

namespace CourseKit.Autodiff;

public sealed partial class Variable
{
    /// <summary>
    /// One line: name or op, shape, and the gradient's state, e.g. <c>w (1 × 1) = 5 grad 0</c> for a scalar or
    /// <c>matmul (150 × 3) grad (150 × 3)</c> for a matrix.
    /// </summary>
    public override string ToString()
    {
        string label = Name is null ? Op : $"{Name} ({Op})";
        string grad = !RequiresGrad ? "no grad (constant)" : Grad is null ? "grad none yet" : $"grad {Describe(Grad)}";
        string value = Value.Length == 1 ? $" = {Format(Value.Data[0])}" : "";
        return $"{label} {Shape}{value} {grad}";
    }

    /// <summary>
    /// The graph this variable was computed from, one node per line with its inputs, inputs first — e.g.
    /// <c>#3 add (150 × 3) ← #1, #2</c>. Only nodes that need a gradient are shown; constants appear as inputs <c>c</c>.
    /// </summary>
    public string ToGraphString()
    {
        var ids = new Dictionary<Variable, int>(ReferenceEqualityComparer.Instance);
        var text = new StringBuilder();
        foreach (Variable v in RequiresGrad ? TopologicalOrder() : [this])
        {
            ids[v] = ids.Count;
            string inputs = string.Join(", ", v._parents.Select(p => ids.TryGetValue(p, out int id) ? $"#{id}" : "c"));
            text.Append('#').Append(ids[v]).Append(' ').Append(v);
            if (inputs.Length > 0) text.Append(" ← ").Append(inputs);
            text.Append('\n');
        }
        return text.ToString();
    }

    private static string Describe(Tensors.Matrix g) => g.Length == 1 ? Format(g.Data[0]) : g.Shape.ToString();

    private static string Format(float x) => x.ToString("G6", CultureInfo.InvariantCulture);
}
