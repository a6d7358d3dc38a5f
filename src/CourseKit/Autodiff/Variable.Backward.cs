using CourseKit.Tensors;

namespace CourseKit.Autodiff;

public sealed partial class Variable
{
    /// <summary>
    /// Computes ∂J/∂v for every variable v this scalar output J depends on, adding it to <c>v.Grad</c>.
    /// </summary>
    /// <remarks>
    /// Seeds ∂J/∂J = 1 and runs each node's backward rule in reverse topological order, so a node sends its gradient
    /// back only after every use of it has contributed. Intermediate results start each pass from zero; parameters
    /// accumulate across passes (call <see cref="ZeroGrad"/> between steps), as in PyTorch.
    /// </remarks>
    /// <exception cref="InvalidOperationException">This is not 1 × 1, or depends on no parameter.</exception>
    public void Backward()
    {
        if (Value.Rows != 1 || Value.Cols != 1)
            throw new InvalidOperationException(
                $"Backward(): expected a scalar (1 × 1) output such as a cost, actual shape {Shape}. " +
                "Reduce it first (Sum(), Mean()) or pass the seed gradient ∂J/∂(this) explicitly: Backward(seed).");
        Backward(Matrix.Full(1, 1, 1f));
    }

    /// <summary>
    /// Computes the gradients as <see cref="Backward()"/> does, starting from the given <paramref name="seed"/> = ∂J/∂(this)
    /// for an output of any shape (the vector–Jacobian product with <paramref name="seed"/>).
    /// </summary>
    /// <remarks>The graph is walked iteratively, so chains of any depth backpropagate without growing the call stack.</remarks>
    /// <exception cref="ArgumentException"><paramref name="seed"/> does not have this variable's shape.</exception>
    /// <exception cref="InvalidOperationException">This variable depends on no parameter.</exception>
    public void Backward(Matrix seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        if (seed.Shape != Shape)
            throw new ArgumentException($"seed: expected the output's shape {Shape}, actual {seed.Shape}.", nameof(seed));
        if (!RequiresGrad)
            throw new InvalidOperationException(
                $"Backward(): this {Op} {Shape} depends on no parameter, so there is nothing to differentiate; " +
                "create trainable leaves with Variable.Parameter(...).");
        List<Variable> order = TopologicalOrder();
        foreach (Variable v in order)
        {
            if (v._backward is not null) v.Grad = null;  // intermediates: fresh each pass, or a second pass would double-count
        }
        Accumulate(seed);
        for (int i = order.Count - 1; i >= 0; i--)
        {
            Variable v = order[i];
            if (v._backward is not null && v.Grad is not null) v._backward(v.Grad);
        }
    }

    /// <summary>Every variable that requires a gradient and this one depends on, parents before children (this one last).</summary>
    internal List<Variable> TopologicalOrder()
    {
        var order = new List<Variable>();
        var visited = new HashSet<Variable>(ReferenceEqualityComparer.Instance);
        // Explicit stack of (node, index of the next parent to visit): a post-order DFS without recursion.
        var stack = new Stack<(Variable Node, int Next)>();
        visited.Add(this);
        stack.Push((this, 0));
        while (stack.Count > 0)
        {
            (Variable node, int next) = stack.Pop();
            if (next < node._parents.Length)
            {
                stack.Push((node, next + 1));
                Variable parent = node._parents[next];
                if (parent.RequiresGrad && visited.Add(parent)) stack.Push((parent, 0));
            }
            else
            {
                order.Add(node);
            }
        }
        return order;
    }
}
