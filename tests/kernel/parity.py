#!/usr/bin/python3
"""Runs one chapter in three runtimes and compares them: `coursekit run` (CourseKit's engine), CourseKit's Jupyter
kernel through nbclient, and .NET Interactive's kernel (.net-csharp, scripts/install-dotnet-interactive.sh) through
nbclient. Parity means: every runtime reports the same status for every check cell (read from the check's HTML badge,
`data-status`, which every runtime renders), the same cells stop at an exercise not implemented yet, and no other
error output anywhere.

    /usr/bin/python3 tests/kernel/parity.py notebooks/solutions/07-softmax-regression.ipynb --out artifacts/parity \
        --coursekit src/CourseKit.Cli/bin/Release/net10.0/coursekit.dll

Prints one line per runtime (checks, not-implemented cells, errors, seconds) and, on a difference, what differs.
Exit code 0 on parity, 1 otherwise. The executed notebooks are kept under --out/<runtime>/.
"""
import argparse, json, os, re, subprocess, sys, time

import nbformat
from nbclient import NotebookClient

STATUS = re.compile(r'class="coursekit-check" data-status="([a-z_ -]+)"')
RUNTIMES = ("coursekit-run", "coursekit", ".net-csharp")


def run_engine(notebook, out, coursekit, executed=None):
    """The notebook as `coursekit run` executes it; `executed`: a run of it done already (the tests share one)."""
    if executed is None:
        folder = os.path.join(out, "coursekit-run")
        subprocess.run(["dotnet", coursekit, "run", notebook, "--output", folder], capture_output=True, text=True)
        executed = os.path.join(folder, os.path.basename(notebook))
    return nbformat.read(executed, as_version=4)


def run_kernel(notebook, out, kernel, timeout):
    nb = nbformat.read(notebook, as_version=4)
    client = NotebookClient(nb, kernel_name=kernel, timeout=timeout, startup_timeout=300, allow_errors=True,
                            resources={"metadata": {"path": os.path.dirname(os.path.abspath(notebook))}})
    client.execute()
    folder = os.path.join(out, kernel)
    os.makedirs(folder, exist_ok=True)
    nbformat.write(nb, os.path.join(folder, os.path.basename(notebook)))
    return nb


def summarize(nb):
    """(check statuses by cell, not-implemented cells, other errors) of an executed notebook."""
    checks, not_implemented, errors = {}, [], []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for output in cell.get("outputs", []):
            if output.output_type == "error":
                text = " ".join([output.get("ename", ""), output.get("evalue", "")] + list(output.get("traceback", [])))
                if "NotImplementedException" in text:
                    not_implemented.append(index)
                else:
                    errors.append(f"cell {index}: {output.get('ename')}: {output.get('evalue', '')[:300]}")
            html = output.get("data", {}).get("text/html", "")
            html = "".join(html) if isinstance(html, list) else html
            for status in STATUS.findall(html):
                checks.setdefault(index, []).append(status)
    return checks, sorted(set(not_implemented)), errors


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebook")
    parser.add_argument("--out", required=True)
    parser.add_argument("--coursekit", required=True, help="path of the built coursekit.dll")
    parser.add_argument("--runtimes", default=",".join(RUNTIMES))
    parser.add_argument("--timeout", type=int, default=900, help="seconds per cell")
    parser.add_argument("--engine-notebook", help="the notebook as `coursekit run` already executed it (not run again)")
    args = parser.parse_args()
    results = {}
    for runtime in args.runtimes.split(","):
        started = time.monotonic()
        nb = run_engine(args.notebook, args.out, args.coursekit, args.engine_notebook) if runtime == "coursekit-run" \
            else run_kernel(args.notebook, args.out, runtime, args.timeout)
        checks, not_implemented, errors = summarize(nb)
        results[runtime] = {"seconds": round(time.monotonic() - started, 2), "checks": checks,
                            "not_implemented": not_implemented, "errors": errors}
        print(json.dumps({"runtime": runtime, **results[runtime]}), flush=True)
    return report(results)


def report(results):
    problems = []
    first, *others = list(results)
    for runtime, result in results.items():
        problems += [f"{runtime}: {e}" for e in result["errors"]]
        if not result["checks"]:
            problems.append(f"{runtime}: no check result rendered")
    for runtime in others:
        for key in ("checks", "not_implemented"):
            if results[runtime][key] != results[first][key]:
                problems.append(f"{key} differ: {first} {results[first][key]} vs {runtime} {results[runtime][key]}")
    for p in problems:
        print("parity:", p)
    print("parity:", "ok" if not problems else f"{len(problems)} difference(s)")
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
