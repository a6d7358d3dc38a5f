#!/usr/bin/python3
"""Executes a notebook with a named Jupyter kernel through nbclient (the Jupyter project's own client) and writes the
executed notebook. Cells that raise do not stop the run (their error outputs are kept), so callers compare outputs.

    /usr/bin/python3 scripts/run-notebook.py --kernel .net-csharp notebooks/07-softmax-regression.ipynb out.ipynb

Relative paths in the notebook (#r "../artifacts/...") resolve against --cwd, by default the input notebook's folder,
as Jupyter and VS Code do. Prints one JSON line: {"notebook", "kernel", "seconds", "errors"}; exit code 0 when the
run finished (even with error outputs), 1 when the kernel died or a cell timed out, 2 for usage errors.
"""
import argparse, json, os, sys, time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError, DeadKernelError


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebook")
    parser.add_argument("output")
    parser.add_argument("--kernel", required=True, help="kernelspec name, e.g. coursekit or .net-csharp")
    parser.add_argument("--timeout", type=int, default=600, help="seconds per cell (default 600)")
    parser.add_argument("--startup-timeout", type=int, default=120, help="seconds for the kernel to start (default 120)")
    parser.add_argument("--cwd", help="the kernel's working folder (default: the notebook's folder)")
    args = parser.parse_args()

    nb = nbformat.read(args.notebook, as_version=4)
    cwd = os.path.abspath(args.cwd or os.path.dirname(os.path.abspath(args.notebook)))
    client = NotebookClient(nb, kernel_name=args.kernel, timeout=args.timeout, startup_timeout=args.startup_timeout,
                            allow_errors=True, record_timing=True, resources={"metadata": {"path": cwd}})
    started = time.monotonic()
    failure = None
    try:
        client.execute()
    except (CellTimeoutError, DeadKernelError) as e:
        failure = f"{type(e).__name__}: {e}"
    seconds = time.monotonic() - started
    write_atomically(nb, args.output)
    errors = sum(1 for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.output_type == "error")
    print(json.dumps({"notebook": args.notebook, "kernel": args.kernel, "seconds": round(seconds, 3),
                      "errors": errors, "failure": failure}))
    return 1 if failure else 0


def write_atomically(nb, path: str) -> None:
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    tmp = os.path.join(folder, f".{os.path.basename(path)}.{os.getpid()}.tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        nbformat.write(nb, f)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


if __name__ == "__main__":
    sys.exit(main())
