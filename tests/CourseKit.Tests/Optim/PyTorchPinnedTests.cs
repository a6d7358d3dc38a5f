using CourseKit.Nn;
using CourseKit.Optim;
using CourseKit.Tensors;
using CourseKit.Tests.Support;

namespace CourseKit.Tests.Optim;

/// <summary>
/// Figures produced by PyTorch 1.13 (Debian's python3-torch, float32) for 3 steps on a 5-element weight w and a
/// 2-element bias b with the gradients below. To reproduce:
/// <code>
/// w = torch.tensor([0.5, -1.25, 2.0, 0.0, -0.75], requires_grad=True); b = torch.tensor([0.25, -0.5], requires_grad=True)
/// opt = torch.optim.Adam([w, b], lr=0.1, betas=(0.9, 0.999), eps=1e-8)     # or one of the lines in each test
/// for g, bg in zip(Grads, BiasGrads): w.grad = torch.tensor(g); b.grad = torch.tensor(bg); opt.step()
/// </code>
/// and print each value with numpy.float32's repr. Only rules whose formulas agree are compared; conversions are noted.
/// </summary>
public class PyTorchPinnedTests
{
    // Different but equivalent float32 operation orders (e.g. PyTorch's √s/√(1 − β₂ᵗ) + ε vs our √s·(1/√(1 − β₂ᵗ)) + ε).
    private const double Rel = 1e-6, Abs = 1e-6;

    private static readonly float[][] Grads = [[0.1f, -0.2f, 0.3f, -0.4f, 0.5f], [-0.3f, 0.1f, 0.2f, 0.6f, -0.1f], [0.05f, 0.4f, -0.5f, 0.2f, 0.3f]];
    private static readonly float[][] BiasGrads = [[0.2f, -0.1f], [0.3f, 0.4f], [-0.5f, 0.1f]];

    private static (float[] W, float[] B) Run(Optimizer optimizer)
    {
        var w = new Parameter("dense1.W", new Matrix(1, 5, [0.5f, -1.25f, 2.0f, 0.0f, -0.75f]), regularized: true);
        var b = new Parameter("dense1.b", new Matrix(1, 2, [0.25f, -0.5f]));
        for (int t = 0; t < 3; t++)
        {
            Grads[t].CopyTo(w.Grad.AsSpan());
            BiasGrads[t].CopyTo(b.Grad.AsSpan());
            optimizer.Step([w, b]);
        }
        return (w.Value.AsSpan().ToArray(), b.Value.AsSpan().ToArray());
    }

    private static void AssertMatches(Optimizer optimizer, float[] torchW, float[] torchB)
    {
        var (w, b) = Run(optimizer);
        Tolerance.Close(torchW, w, Rel, Abs, "W");
        Tolerance.Close(torchB, b, Rel, Abs, "b");
    }

    [Fact]
    public void Adam_matches_PyTorch_Adam() =>
        // torch.optim.Adam([w, b], lr=0.1, betas=(0.9, 0.999), eps=1e-8) — weight_decay 0: torch's Adam decay is an L2 gradient term.
        AssertMatches(new Adam(0.1f, 0.9f, 0.999f, 1e-8f),
            [0.4771688f, -1.1690995f, 1.8109466f, 0.03969638f, -0.96755815f], [0.05796763f, -0.51304483f]);

    [Fact]
    public void AdamW_matches_PyTorch_AdamW_with_decay_on_the_weight_only() =>
        // torch.optim.AdamW([{'params': [w], 'weight_decay': 0.5}, {'params': [b], 'weight_decay': 0.0}], lr=0.1, betas=(0.9, 0.999), eps=1e-8)
        // torch multiplies its weight_decay by lr (p ← p·(1 − lr·λ)), exactly our W ← W − α·λ·W; b has Regularized = false.
        AssertMatches(new AdamW(0.1f, weightDecay: 0.5f, 0.9f, 0.999f, 1e-8f),
            [0.41313532f, -1.0018998f, 1.5402982f, 0.03118489f, -0.84828424f], [0.05796763f, -0.51304483f]);

    [Fact]
    public void RmsProp_matches_PyTorch_RMSprop_with_alpha_as_beta2() =>
        // torch.optim.RMSprop([w, b], lr=0.01, alpha=0.9, eps=1e-8): torch's alpha is our β₂, and its ε is also outside √s.
        AssertMatches(new RmsProp(0.01f, beta2: 0.9f, epsilon: 1e-8f),
            [0.49330413f, -1.2613072f, 1.9765881f, -0.00410542f, -0.7923769f], [0.21787985f, -0.5070008f]);

    [Fact]
    public void Momentum_matches_PyTorch_SGD_momentum_with_the_learning_rate_scaled_by_one_minus_beta() =>
        // torch.optim.SGD([w, b], lr=0.1 * (1 - 0.9), momentum=0.9): torch's buffer is v_torch = β·v_torch + g = v/(1 − β)
        // (dampening 0; with dampening = β its first step would skip the (1 − β)), so lr·v_torch = α·v when lr = α·(1 − β).
        AssertMatches(new Momentum(0.1f, beta: 0.9f),
            [0.50249f, -1.25048f, 1.99307f, -0.0025600004f, -0.76465f], [0.24387999f, -0.50589f]);

    [Fact]
    public void Sgd_matches_PyTorch_SGD() =>
        // torch.optim.SGD([w, b], lr=0.1)
        AssertMatches(new Sgd(0.1f), [0.51500005f, -1.28f, 2.0f, -0.04f, -0.82000005f], [0.25f, -0.54f]);
}
