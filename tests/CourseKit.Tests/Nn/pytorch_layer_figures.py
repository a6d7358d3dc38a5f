"""Prints the PyTorch 1.13 figures pinned in LayerPyTorchTests.cs and LossPyTorchTests.cs (float32, CPU).

Run once by hand: env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 tests/CourseKit.Tests/Nn/pytorch_layer_figures.py
(Debian's python3-torch). The tests never call Python; they hold the figures this prints.
CourseKit stores a dense layer's W as n_in × n_out, the transpose of torch's weight; its BatchNorm momentum 0.9 is
torch's 0.1.
"""
import numpy as np
import torch

torch.set_printoptions(precision=10)


def show(name, t):
    values = t.detach().numpy().astype(np.float32).ravel()
    print(f"{name} = [{', '.join(str(np.float32(v)) + 'f' for v in values)}]")


X = torch.tensor([[0.5, -1.25, 2.0], [-0.75, 0.25, 1.5], [1.0, 0.0, -0.5], [-2.0, 1.75, 0.25], [0.125, -0.5, -1.0]])
DY2 = torch.tensor([[0.1, -0.2], [0.3, 0.05], [-0.4, 0.25], [0.2, -0.1], [0.0, 0.15]])
DY3 = torch.tensor([[0.1, -0.2, 0.3], [0.3, 0.05, -0.1], [-0.4, 0.25, 0.2], [0.2, -0.1, 0.0], [0.0, 0.15, -0.35]])

print("# Dense: torch.nn.Linear(3, 2), weight = W.T")
W = torch.tensor([[0.2, -0.5], [0.75, 0.1], [-0.3, 0.4]])
B = torch.tensor([0.05, -0.15])
lin = torch.nn.Linear(3, 2)
with torch.no_grad():
    lin.weight.copy_(W.T)
    lin.bias.copy_(B)
x = X.clone().requires_grad_(True)
y = lin(x)
y.backward(DY2)
show("DenseY", y); show("DenseDx", x.grad); show("DenseDW", lin.weight.grad.T); show("DenseDb", lin.bias.grad)

print("# BatchNorm: torch.nn.BatchNorm1d(3, momentum=0.1, eps=1e-5), one training step, then eval")
bn = torch.nn.BatchNorm1d(3, momentum=0.1, eps=1e-5)
with torch.no_grad():
    bn.weight.copy_(torch.tensor([1.5, 0.5, -1.0]))
    bn.bias.copy_(torch.tensor([0.1, -0.2, 0.3]))
x = X.clone().requires_grad_(True)
y = bn(x)
y.backward(DY3)
show("BnY", y); show("BnDx", x.grad); show("BnDGamma", bn.weight.grad); show("BnDBeta", bn.bias.grad)
show("BnRunningMean", bn.running_mean); show("BnRunningVar", bn.running_var)
bn.eval()
show("BnEvalY", bn(X))

print("# Activations on A (zeros included: the derivative used at 0)")
A = torch.tensor([[-2.0, -0.5, 0.0, 0.5], [1.0, 3.0, -0.01, 0.0]])
DA = torch.tensor([[0.3, -0.2, 0.5, 0.1], [-0.4, 0.25, 0.6, -0.7]])
for name, f in [("Relu", torch.nn.ReLU()), ("LeakyRelu", torch.nn.LeakyReLU(0.1)), ("Tanh", torch.nn.Tanh()), ("Sigmoid", torch.nn.Sigmoid())]:
    a = A.clone().requires_grad_(True)
    out = f(a)
    out.backward(DA)
    show(f"{name}Y", out); show(f"{name}Dx", a.grad)

print("# Losses")
Z = torch.tensor([[2.0, -1.0, 0.5], [0.1, 0.2, 0.3], [-3.0, 4.0, 1.0], [50.0, -50.0, 0.0]], requires_grad=True)
labels = torch.tensor([0, 2, 1, 2])
ce = torch.nn.CrossEntropyLoss()(Z, labels)
ce.backward()
show("CrossEntropy", ce.reshape(1)); show("CrossEntropyDz", Z.grad)
Z.grad = None
P = torch.tensor([[0.7, 0.2, 0.1], [0.0, 0.0, 1.0], [0.25, 0.5, 0.25], [0.5, 0.0, 0.5]])
soft = torch.nn.CrossEntropyLoss()(Z, P)  # probability targets (PyTorch ≥ 1.10)
soft.backward()
show("SoftCrossEntropy", soft.reshape(1)); show("SoftCrossEntropyDz", Z.grad)
L = torch.tensor([[2.0], [-1.5], [0.0], [30.0]], requires_grad=True)
T = torch.tensor([[1.0], [1.0], [0.0], [0.0]])
bce = torch.nn.BCEWithLogitsLoss()(L, T)
bce.backward()
show("BinaryCrossEntropy", bce.reshape(1)); show("BinaryCrossEntropyDz", L.grad)

print("# A model: Linear(3, 4, bias=False) -> BatchNorm1d(4) -> ReLU -> Linear(4, 2), cross-entropy on labels [0, 1, 1, 0, 1]")
torch.manual_seed(0)
W1 = torch.tensor([[0.3, -0.2, 0.5, 0.1], [-0.4, 0.6, 0.2, -0.3], [0.25, 0.15, -0.35, 0.45]])
W2 = torch.tensor([[0.5, -0.4], [0.3, 0.2], [-0.6, 0.1], [0.2, 0.7]])
B2 = torch.tensor([0.05, -0.05])
l1 = torch.nn.Linear(3, 4, bias=False); n1 = torch.nn.BatchNorm1d(4); l2 = torch.nn.Linear(4, 2)
with torch.no_grad():
    l1.weight.copy_(W1.T); l2.weight.copy_(W2.T); l2.bias.copy_(B2)
model = torch.nn.Sequential(l1, n1, torch.nn.ReLU(), l2)
loss = torch.nn.CrossEntropyLoss()(model(X), torch.tensor([0, 1, 1, 0, 1]))
loss.backward()
show("ModelCost", loss.reshape(1)); show("ModelDW1", l1.weight.grad.T); show("ModelDGamma", n1.weight.grad)
show("ModelDBeta", n1.bias.grad); show("ModelDW2", l2.weight.grad.T); show("ModelDb2", l2.bias.grad)
