#!/usr/bin/env python3
"""Side-by-side tuner benchmark: CourseKit's `coursekit bench tuner --json` and Optuna 3.1 on the same functions.

Usage (from the repository root; needs Debian's python3-optuna, see bench/README.md):
    /usr/bin/python3 bench/compare_tuner.py [--seeds 20] [--trials 100] [--markdown]

Same functions (Hartmann-6 on [0, 1]^6, Branin on [-5, 10] x [0, 15]), same budget (100 trials), same number of
seeds (0 .. 19 on both sides; the streams differ, so single seeds are not comparable, medians are). Optuna runs
TPESampler(seed=s) and RandomSampler(seed=s) with its defaults, in memory, through ask/tell. Its ms_per_trial is
everything but the objective (ask, suggest_float, tell); CourseKit reports both its sampler's own time (ms_per_trial)
and everything but the objective (ms_per_trial_total) — the ratio uses the latter, the stricter comparison.
"""
import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET_OVERHEAD = 0.2  # CourseKit time per trial / Optuna's <= this


def hartmann6(x):
    alpha = [1.0, 1.2, 3.0, 3.2]
    a = [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14], [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]]
    p = [[0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886], [0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991],
         [0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650], [0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381]]
    return -sum(alpha[i] * math.exp(-sum(a[i][j] * (x[j] - p[i][j]) ** 2 for j in range(6))) for i in range(4))


def branin(x1, x2):
    b, c, t = 5.1 / (4 * math.pi ** 2), 5 / math.pi, 1 / (8 * math.pi)
    return (x2 - b * x1 ** 2 + c * x1 - 6) ** 2 + 10 * (1 - t) * math.cos(x1) + 10


def optuna_once(optuna, function, sampler_name, seed, trials):
    sampler = optuna.samplers.TPESampler(seed=seed) if sampler_name == "tpe" else optuna.samplers.RandomSampler(seed=seed)
    study = optuna.create_study(direction="minimize", sampler=sampler)
    best, at50, overhead = math.inf, math.nan, 0.0
    for i in range(trials):
        start = time.perf_counter()
        trial = study.ask()
        if function == "hartmann6":
            x = [trial.suggest_float(f"x{j}", 0, 1) for j in range(6)]
            middle = time.perf_counter()
            value = hartmann6(x)
        else:
            x1, x2 = trial.suggest_float("x1", -5, 10), trial.suggest_float("x2", 0, 15)
            middle = time.perf_counter()
            value = branin(x1, x2)
        after = time.perf_counter()
        study.tell(trial, value)
        overhead += (middle - start) + (time.perf_counter() - after)
        best = min(best, value)
        if i == min(49, trials - 1):
            at50 = best
    return at50, best, overhead * 1000 / trials


def optuna_side(seeds, trials):
    import optuna
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    rows = []
    for function in ("hartmann6", "branin"):
        for sampler in ("random", "tpe"):
            runs = [optuna_once(optuna, function, sampler, s, trials) for s in range(seeds)]
            rows.append({"function": function, "sampler": sampler,
                         "best_at_50": statistics.median(r[0] for r in runs),
                         "best_at_100": statistics.median(r[1] for r in runs),
                         "ms_per_trial": statistics.median(r[2] for r in runs)})
            print(f"  optuna {function:10} {sampler:7} done", file=sys.stderr)
    return rows


def coursekit_side(seeds, trials):
    cli = os.path.join(ROOT, "src/CourseKit.Cli/bin/Release/net10.0/coursekit.dll")
    if not os.path.exists(cli):
        subprocess.run(["dotnet", "build", os.path.join(ROOT, "src/CourseKit.Cli"), "-c", "Release"], check=True, stdout=subprocess.DEVNULL)
    out = subprocess.run(["dotnet", cli, "bench", "tuner", "--json", "--seeds", str(seeds), "--trials", str(trials)],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=20)
    parser.add_argument("--trials", type=int, default=100)
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = parser.parse_args()
    ours = {(r["function"], r["sampler"]): r for r in coursekit_side(args.seeds, args.trials)}
    theirs = optuna_side(args.seeds, args.trials)
    sep = "|" if args.markdown else " "
    header = ["function", "sampler", "CourseKit best@100", "Optuna best@100", "CourseKit best@50", "Optuna best@50",
              "CourseKit ms/trial (sampler / total)", "Optuna ms/trial", "time ratio", "verdict"]
    lines = [header]
    for r in theirs:
        o = ours[(r["function"], r["sampler"])]
        ratio = o["ms_per_trial_total"] / r["ms_per_trial"]
        if r["sampler"] == "tpe":
            ok = o["best_at_100"] <= r["best_at_100"] and ratio <= TARGET_OVERHEAD
            verdict = f"{'PASS' if ok else 'FAIL'} (target: best <= Optuna's, time ratio <= {TARGET_OVERHEAD})"
        else:
            verdict = "random vs random: equal within seed noise expected"
        lines.append([r["function"], r["sampler"], f"{o['best_at_100']:.4f}", f"{r['best_at_100']:.4f}", f"{o['best_at_50']:.4f}",
                      f"{r['best_at_50']:.4f}", f"{o['ms_per_trial']:.3f} / {o['ms_per_trial_total']:.3f}", f"{r['ms_per_trial']:.3f}",
                      f"{ratio:.3f}", verdict])
    for extra in ("qmc", "coarse_to_fine"):
        for function in ("hartmann6", "branin"):
            if (function, extra) in ours:
                o = ours[(function, extra)]
                lines.append([function, extra, f"{o['best_at_100']:.4f}", "—", f"{o['best_at_50']:.4f}", "—",
                              f"{o['ms_per_trial']:.3f} / {o['ms_per_trial_total']:.3f}", "—", "—", "CourseKit only"])
    if args.markdown:
        print("| " + " | ".join(lines[0]) + " |")
        print("|" + "---|" * len(lines[0]))
        for line in lines[1:]:
            print("| " + " | ".join(line) + " |")
    else:
        widths = [max(len(l[k]) for l in lines) for k in range(len(header))]
        for line in lines:
            print(sep.join(c.ljust(w) for c, w in zip(line, widths)))
    print(f"\nTargets: TPE best@100 at least as good as Optuna's on both functions; random equal within noise; "
          f"CourseKit time per trial <= {TARGET_OVERHEAD} x Optuna's. Medians over {args.seeds} seeds, {args.trials} trials.")


if __name__ == "__main__":
    main()
