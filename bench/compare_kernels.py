#!/usr/bin/env python3
"""Side-by-side timing of CourseKit's kernels and PyTorch's, in one run on one machine.

Usage (from the repository root; needs Debian's python3-torch, see bench/README.md):
    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE /usr/bin/python3 bench/compare_kernels.py [--repeats 21] [--out FILE]

Both sides run single-threaded unless a case says otherwise, report the median of timed runs after warm-up,
and use the same shapes; the script refuses to run unless PyTorch multiplies with OpenBLAS (see openblas_check.py) and
prints the core type OpenBLAS chose. The machines here are shared and noisy (a neighbour on the sibling hyperthread can halve
FMA throughput for seconds), so the two sides alternate for --rounds rounds and each figure is the median over
rounds. The table shows each ratio and the issue's target, and CourseKit's own 2-thread GEMM scaling (its 1-thread
time over its 2-thread time; no PyTorch side); --out writes the raw figures as JSON.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

from openblas_check import openblas_core

# torch.set_num_threads(1) does not reach Debian torch's OpenBLAS thread pool: measured here, a "single-threaded"
# 1024³ torch.mm used 2× its wall time in CPU time. Pin every BLAS/OpenMP pool before torch is imported.
for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[var] = "1"

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# (name, target, kind): "time" targets are CourseKit time / PyTorch time ≤ target;
# "throughput" targets are CourseKit throughput / PyTorch throughput ≥ target.
SCALING_TARGET = 1.8  # CourseKit's 1024³ GEMM on 2 threads: ≥ 1.8× its own 1-thread throughput
TARGETS = {
    "gemm": (1.0, "throughput"),
    "batchnorm_forward": (1.0, "time"),
    "batchnorm_forward_backward": (0.5, "time"),
    "softmax": (1.0, "time"),
    "cross_entropy_forward_backward": (0.5, "time"),
}


def median_ms(fn, repeats):
    start = time.perf_counter()
    calls = 0
    while calls < 3 or time.perf_counter() - start < 0.2:  # warm up like the C# side
        fn()
        calls += 1
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1e3)
    return statistics.median(times)


def torch_cases(repeats):
    import torch
    import torch.nn.functional as F

    core = openblas_core(torch)
    torch.set_num_threads(1)
    torch.manual_seed(0)
    out = []

    def add(name, shape, fn, threads=1):
        out.append({"name": name, "shape": shape, "median_ms": median_ms(fn, repeats), "threads": threads})

    a, b = torch.randn(1024, 1024), torch.randn(1024, 1024)
    add("gemm", "1024x1024x1024", lambda: torch.mm(a, b))
    add("gemm_at_b", "1024x1024x1024", lambda: torch.mm(a.t(), b))
    add("gemm_a_bt", "1024x1024x1024", lambda: torch.mm(a, b.t()))

    x = torch.randn(4096, 1024)
    gamma, beta = torch.ones(1024), torch.zeros(1024)
    rm, rv = torch.zeros(1024), torch.ones(1024)
    add("batchnorm_forward", "4096x1024",
        lambda: F.batch_norm(x, rm, rv, gamma, beta, training=True, momentum=0.1, eps=1e-5))

    xg = x.clone().requires_grad_(True)
    gg, bg = gamma.clone().requires_grad_(True), beta.clone().requires_grad_(True)
    dy = torch.randn(4096, 1024)

    def bn_fb():
        xg.grad = gg.grad = bg.grad = None
        y = F.batch_norm(xg, rm, rv, gg, bg, training=True, momentum=0.1, eps=1e-5)
        y.backward(dy)
    add("batchnorm_forward_backward", "4096x1024", bn_fb)

    z = torch.randn(4096, 1000)
    add("softmax", "4096x1000", lambda: torch.softmax(z, dim=1))

    logits = torch.randn(4096, 10).requires_grad_(True)
    labels = torch.randint(0, 10, (4096,))

    def ce_fb():
        logits.grad = None
        F.cross_entropy(logits, labels).backward()
    add("cross_entropy_forward_backward", "4096x10", ce_fb)
    return out, f"{torch.__version__} (OpenBLAS core {core[0]}; {core[1]})"


def build_coursekit():
    subprocess.run(["dotnet", "build", os.path.join(ROOT, "src/CourseKit.Cli"), "-c", "Release", "-v", "q", "-nologo"],
                   check=True, stdout=subprocess.DEVNULL)


def coursekit_cases(repeats):
    dll = os.path.join(ROOT, "src/CourseKit.Cli/bin/Release/net10.0/coursekit.dll")
    res = subprocess.run(["dotnet", dll, "bench", "kernels", "--json", "--repeats", str(repeats)],
                         check=True, capture_output=True, text=True)
    return json.loads(res.stdout)


def medians_over_rounds(rounds):
    """{(name, shape, threads): median of the per-round medians}."""
    by_key = {}
    for rows in rounds:
        for r in rows:
            by_key.setdefault((r["name"], r["shape"], r["threads"]), []).append(r["median_ms"])
    return {k: statistics.median(v) for k, v in by_key.items()}


def gemm_scaling(ck):
    """CourseKit's 2-thread GEMM row: its 1-thread time / its 2-thread time (a speed-up; PyTorch runs one thread)."""
    one, two = ck.get(("gemm", "1024x1024x1024", 1)), ck.get(("gemm", "1024x1024x1024", 2))
    if one is None or two is None:
        return None
    ratio = one / two
    return {"name": "gemm_2_threads", "shape": "1024x1024x1024", "torch_ms": None, "coursekit_ms": two, "ratio": ratio,
            "ratio_kind": "speed-up over 1 thread", "target": f"≥ {SCALING_TARGET}", "met": ratio >= SCALING_TARGET}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeats", type=int, default=21)
    ap.add_argument("--rounds", type=int, default=3, help="alternate the two sides this many times")
    ap.add_argument("--out", help="write both sides' figures and the ratios to this JSON file")
    ap.add_argument("--markdown", action="store_true", help="also print the table as Markdown (for docs/benchmarks.md)")
    args = ap.parse_args()

    build_coursekit()
    torch_rounds, ck_rounds = [], []
    for _ in range(args.rounds):
        rows, torch_version = torch_cases(args.repeats)
        torch_rounds.append(rows)
        ck_rounds.append(coursekit_cases(args.repeats))
    tm = medians_over_rounds(torch_rounds)
    ck = medians_over_rounds(ck_rounds)
    torch_rows = [{"name": k[0], "shape": k[1], "threads": k[2], "median_ms": v} for k, v in tm.items()]

    print(f"PyTorch {torch_version} vs CourseKit, single thread, median of {args.repeats} runs, median of {args.rounds} alternating rounds")
    print(f"{'case':<32} {'shape':<16} {'torch ms':>9} {'ck ms':>9} {'ratio':>7} {'target':>9}  ok")
    report, failures = [], 0
    for r in torch_rows:
        key = (r["name"], r["shape"], r["threads"])
        if key not in ck:
            print(f"{r['name']:<32} {r['shape']:<16} {r['median_ms']:9.3f} {'—':>9}  (no CourseKit case)")
            continue
        t, c = r["median_ms"], ck[key]
        target = TARGETS.get(r["name"].split("_at_")[0].split("_a_bt")[0])
        if target and target[1] == "throughput":
            ratio, ok, tgt = t / c, t / c >= target[0], f"≥ {target[0]}"
        elif target:
            ratio, ok, tgt = c / t, c / t <= target[0], f"≤ {target[0]}"
        else:
            ratio, ok, tgt = c / t, True, "—"
        failures += 0 if ok else 1
        label = "speed" if target and target[1] == "throughput" else "time"
        print(f"{r['name']:<32} {r['shape']:<16} {t:9.3f} {c:9.3f} {ratio:7.2f} {tgt:>9}  {'yes' if ok else 'NO'} ({label} ratio)")
        report.append({"name": r["name"], "shape": r["shape"], "torch_ms": t, "coursekit_ms": c, "ratio": ratio,
                       "ratio_kind": label, "target": tgt, "met": ok})
    scaling = gemm_scaling(ck)
    if scaling:
        failures += 0 if scaling["met"] else 1
        print(f"{scaling['name']:<32} {scaling['shape']:<16} {'—':>9} {scaling['coursekit_ms']:9.3f} {scaling['ratio']:7.2f} "
              f"{scaling['target']:>9}  {'yes' if scaling['met'] else 'NO'} (CourseKit 1 thread / 2 threads)")
        report.append(scaling)
    if args.markdown:
        print("\n| case | shape | PyTorch ms | CourseKit ms | ratio | target | met |\n|---|---|---|---|---|---|---|")
        for c in report:
            torch_ms = "—" if c["torch_ms"] is None else f"{c['torch_ms']:.2f}"
            print(f"| {c['name']} | {c['shape']} | {torch_ms} | {c['coursekit_ms']:.2f} | "
                  f"{c['ratio']:.2f} ({c['ratio_kind']}) | {c['target']} | {'yes' if c['met'] else 'no'} |")
    if args.out:
        tmp = args.out + ".tmp"
        with open(tmp, "w") as f:
            json.dump({"torch": torch_version, "repeats": args.repeats, "rounds": args.rounds, "cases": report}, f, indent=2)
        os.replace(tmp, args.out)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
