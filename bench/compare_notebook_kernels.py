#!/usr/bin/python3
"""CourseKit's Jupyter kernel beside .NET Interactive's on the same machine, through the Jupyter project's own client:

- first result: from starting the kernel process to the execute_result of `1 + 1` (median of --repeat starts);
- each chapter's total time through nbclient (kernel start included; median of --chapter-repeat runs, the kernels
  alternating), and `coursekit run`'s (one run) for reference.

    scripts/setup.sh && /usr/bin/python3 bench/compare_notebook_kernels.py --markdown
    /usr/bin/python3 bench/compare_notebook_kernels.py --first-only --kernels coursekit --repeat 7 [--eager]

Needs the kernelspecs `coursekit` and `.net-csharp` (scripts/setup.sh installs both) and a built coursekit
(src/CourseKit.Cli/bin/Release/net10.0/coursekit.dll). Targets: CourseKit ≤ 0.5× .NET Interactive's time on every
chapter; first result ≤ 1 s after the kernel process starts. Timings on a shared, busy machine are not comparable
with a quiet one: read the ratios, and rerun on a quiet machine for figures to publish.
"""
import argparse, glob, json, os, statistics, subprocess, time

import nbformat
from jupyter_client.manager import KernelManager
from nbclient import NotebookClient

KERNELS = ("coursekit", ".net-csharp")
COURSEKIT = "src/CourseKit.Cli/bin/Release/net10.0/coursekit.dll"


def first_result(kernel, eager=False):
    km = KernelManager(kernel_name=kernel)
    started = time.monotonic()
    km.start_kernel(stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    kc = km.client()
    kc.start_channels()
    try:
        if eager:
            # The cell goes out as soon as kernel_info is answered, without wait_for_ready's 0.2 s of quiet on iopub:
            # what is measured is then the kernel's own readiness (its first compile), not the client's waiting.
            kc.kernel_info()
            kc.get_shell_msg(timeout=300)
        else:
            kc.wait_for_ready(timeout=300)
        results = []
        kc.execute_interactive("1 + 1", timeout=300, output_hook=lambda m: results.append(time.monotonic()) if m["msg_type"] == "execute_result" else None)
        return results[0] - started
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def chapter_time(path, kernel):
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, kernel_name=kernel, timeout=1800, startup_timeout=300, allow_errors=True,
                            resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}})
    started = time.monotonic()
    # The kernel's own stdout/stderr (.NET Interactive logs its ASP.NET host's lifetime there) must not mix with the
    # table this script prints.
    client.execute(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    errors = sum(1 for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.output_type == "error")
    return time.monotonic() - started, errors


def engine_time(path):
    started = time.monotonic()
    subprocess.run(["dotnet", COURSEKIT, "run", path], capture_output=True, check=False)
    return time.monotonic() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="kernel starts per kernel for the first result")
    parser.add_argument("--chapters", default="notebooks/solutions/*.ipynb")
    parser.add_argument("--chapter-repeat", type=int, default=1,
                        help="runs of each chapter per kernel, alternating the kernels' order each round; the median is reported")
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument("--out", help="also write the figures (every run's time, error counts) as JSON to this file")
    parser.add_argument("--first-only", action="store_true", help="only the first result (no chapters)")
    parser.add_argument("--kernels", default=",".join(KERNELS), help="comma-separated kernelspecs for the first result")
    parser.add_argument("--eager", action="store_true", help="first result: send the cell once kernel_info is answered, not after wait_for_ready")
    args = parser.parse_args()
    starts = {k: [first_result(k, args.eager) for _ in range(args.repeat)] for k in args.kernels.split(",")}
    first = {k: statistics.median(times) for k, times in starts.items()}
    if args.first_only:
        for k, times in starts.items():
            print(f"{k}: first result median {first[k]:.3f} s of {args.repeat} ({', '.join(f'{t:.3f}' for t in times)})")
        return
    rows = []
    for path in sorted(glob.glob(args.chapters)):
        runs = {k: [] for k in KERNELS}
        for r in range(args.chapter_repeat):
            for k in (KERNELS if r % 2 == 0 else KERNELS[::-1]):
                runs[k].append(chapter_time(path, k))
        # The median time; errors: the most any run had (a chapter is error-free only if every run was).
        times = {k: (statistics.median(t for t, _ in rs), max(e for _, e in rs)) for k, rs in runs.items()}
        rows.append({"chapter": os.path.basename(path), "coursekit_run_s": round(engine_time(path), 2),
                     **{f"{k}_runs_s": [round(t, 2) for t, _ in rs] for k, rs in runs.items()},
                     **{f"{k}_s": round(t, 2) for k, (t, _) in times.items()},
                     **{f"{k}_errors": e for k, (_, e) in times.items()},
                     "ratio": round(times["coursekit"][0] / times[".net-csharp"][0], 2)})
    figures = json.dumps({"first_result_s": {k: round(v, 3) for k, v in first.items()},
                          "first_result_runs_s": {k: [round(t, 3) for t in ts] for k, ts in starts.items()}, "chapters": rows}, indent=2)
    if args.out:
        with open(args.out, "w") as f:
            f.write(figures + "\n")
    if not args.markdown:
        print(figures)
        return
    if args.chapter_repeat > 1:
        print(f"Chapters: median of {args.chapter_repeat} runs per kernel, the kernels' order alternating between rounds.\n")
    print(f"First result of `1 + 1` after the kernel process starts (median of {args.repeat}): "
          f"CourseKit {first['coursekit']:.2f} s, .NET Interactive {first['.net-csharp']:.2f} s (target ≤ 1 s).\n")
    print("| chapter | coursekit run | CourseKit kernel (nbclient) | .NET Interactive (nbclient) | ratio | target | error outputs (CourseKit / .NET Interactive) |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['chapter']} | {r['coursekit_run_s']:.1f} s | {r['coursekit_s']:.1f} s | {r['.net-csharp_s']:.1f} s | {r['ratio']:.2f}× | ≤ 0.5× "
              f"| {r['coursekit_errors']} / {r['.net-csharp_errors']} |")


if __name__ == "__main__":
    main()
