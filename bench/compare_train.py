#!/usr/bin/env python3
"""Side-by-side training benchmark: CourseKit's `coursekit bench train --json` and the same networks in PyTorch.

Usage (from the repository root; needs Debian's python3-torch and dataset-fashion-mnist, see bench/README.md):
    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 bench/compare_train.py [--rounds 1] [--markdown] [--out FILE]

Same data, split, preprocessing, architecture, initialization scheme (He normal, zero biases, γ = 1, β = 0),
optimizer (Adam, lr 1e-3), batch size and epochs; one thread on both sides. ms_per_epoch is the median time of a
training epoch (forward, backward, update over all mini-batches), evaluation excluded. The script refuses to run
unless PyTorch multiplies with OpenBLAS (see openblas_check.py) and prints the core type OpenBLAS chose.
"""
import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import time

from openblas_check import openblas_core

for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = "1"  # torch.set_num_threads(1) alone does not reach Debian torch's OpenBLAS pool
# These two pin OpenBLAS to an older, slower kernel (measured: digits' epoch 61 ms with them, ≈ 33 ms without);
# dropped here too, before torch loads OpenBLAS, so the comparison is fair however the script is started.
for var in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"):
    os.environ.pop(var, None)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FASHION = "/usr/share/datasets/fashion-mnist"
TARGETS = {"digits": 0.5, "fashion_mnist": 0.6}  # CourseKit time per epoch / PyTorch's ≤ target


def digits_split():
    """The digits CSV and an 80/20 split stratified by class (each class's share within one example)."""
    import numpy as np
    data = np.loadtxt(gzip.open(os.path.join(ROOT, "datasets/digits.csv.gz")), delimiter=",", dtype=np.float32)
    x, y = data[:, :-1], data[:, -1].astype(np.int64)
    rng = np.random.default_rng(0)
    train, test = [], []
    for c in range(10):
        idx = np.flatnonzero(y == c)
        rng.shuffle(idx)
        cut = int(round(0.8 * len(idx)))
        train += list(idx[:cut])
        test += list(idx[cut:])
    return x[train], y[train], x[test], y[test]


def fashion():
    import numpy as np

    def images(name):
        with gzip.open(os.path.join(FASHION, name)) as f:
            raw = np.frombuffer(f.read(), dtype=np.uint8, offset=16)
        return raw.reshape(-1, 784).astype(np.float32) / 255.0

    def labels(name):
        with gzip.open(os.path.join(FASHION, name)) as f:
            return np.frombuffer(f.read(), dtype=np.uint8, offset=8).astype(np.int64)
    return (images("train-images-idx3-ubyte.gz"), labels("train-labels-idx1-ubyte.gz"),
            images("t10k-images-idx3-ubyte.gz"), labels("t10k-labels-idx1-ubyte.gz"))


def torch_run(name, data, hidden, batch_size, epochs):
    import torch
    import torch.nn as nn
    torch.set_num_threads(1)
    torch.manual_seed(0)
    xtr, ytr, xte, yte = (torch.from_numpy(a) for a in data)
    layers, n = [], xtr.shape[1]
    for h in hidden:
        lin = nn.Linear(n, h, bias=False)
        nn.init.kaiming_normal_(lin.weight, nonlinearity="relu")
        layers += [lin, nn.BatchNorm1d(h), nn.ReLU()]
        n = h
    out = nn.Linear(n, 10)
    nn.init.kaiming_normal_(out.weight, nonlinearity="relu")
    nn.init.zeros_(out.bias)
    model = nn.Sequential(*layers, out)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    times, accuracy, to95 = [], 0.0, None
    for epoch in range(1, epochs + 1):
        model.train()
        perm = torch.randperm(len(xtr))
        t0 = time.perf_counter()
        for i in range(0, len(xtr), batch_size):
            idx = perm[i:i + batch_size]
            opt.zero_grad()
            loss_fn(model(xtr[idx]), ytr[idx]).backward()
            opt.step()
        times.append((time.perf_counter() - t0) * 1e3)
        model.eval()
        with torch.no_grad():
            accuracy = (model(xte).argmax(1) == yte).float().mean().item()
        if to95 is None and accuracy >= 0.95:
            to95 = epoch
    return {"name": name, "ms_per_epoch": statistics.median(times), "test_accuracy": accuracy, "epochs": epochs,
            "epochs_to_95": to95}


def coursekit_run():
    subprocess.run(["dotnet", "build", os.path.join(ROOT, "src/CourseKit.Cli"), "-c", "Release", "-v", "q", "-nologo"],
                   check=True, stdout=subprocess.DEVNULL)
    dll = os.path.join(ROOT, "src/CourseKit.Cli/bin/Release/net10.0/coursekit.dll")
    res = subprocess.run(["dotnet", dll, "bench", "train", "--json"], check=True, capture_output=True, text=True)
    return {r["name"]: r for r in json.loads(res.stdout)}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--markdown", action="store_true")
    ap.add_argument("--out")
    args = ap.parse_args()
    import torch
    core = openblas_core(torch)
    torch_rows = [torch_run("digits", digits_split(), [256, 256, 256], 64, 30),
                  torch_run("fashion_mnist", fashion(), [256, 256], 128, 3)]
    ck = coursekit_run()
    print(f"PyTorch {torch.__version__} (OpenBLAS core {core[0]}; {core[1]}) vs CourseKit, one thread, "
          "median epoch time (training only)")
    print(f"{'case':<16} {'torch ms':>9} {'ck ms':>9} {'ratio':>6} {'target':>7} {'torch acc':>10} {'ck acc':>8} {'to 95% (torch/ck)':>18}")
    report, failures = [], 0
    for t in torch_rows:
        c = ck[t["name"]]
        ratio = c["ms_per_epoch"] / t["ms_per_epoch"]
        ok = ratio <= TARGETS[t["name"]]
        failures += 0 if ok else 1
        print(f"{t['name']:<16} {t['ms_per_epoch']:9.1f} {c['ms_per_epoch']:9.1f} {ratio:6.2f} {'≤ ' + str(TARGETS[t['name']]):>7} "
              f"{t['test_accuracy']:10.3f} {c['test_accuracy']:8.3f} {str(t['epochs_to_95']) + ' / ' + str(c['epochs_to_95']):>18}")
        report.append({"name": t["name"], "torch": t, "coursekit": c, "ratio": ratio, "target": TARGETS[t["name"]], "met": ok})
    if args.markdown:
        print("\n| case | PyTorch ms/epoch | CourseKit ms/epoch | ratio | target | PyTorch test acc | CourseKit test acc |")
        print("|---|---|---|---|---|---|---|")
        for r in report:
            print(f"| {r['name']} | {r['torch']['ms_per_epoch']:.1f} | {r['coursekit']['ms_per_epoch']:.1f} | {r['ratio']:.2f} | "
                  f"≤ {r['target']} | {r['torch']['test_accuracy']:.3f} | {r['coursekit']['test_accuracy']:.3f} |")
    if args.out:
        with open(args.out + ".tmp", "w") as f:
            json.dump(report, f, indent=2)
        os.replace(args.out + ".tmp", args.out)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
