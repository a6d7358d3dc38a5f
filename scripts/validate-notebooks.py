#!/usr/bin/python3
"""Validates notebooks against the real nbformat 4 JSON schema (Debian's python3-nbformat).

Usage: validate-notebooks.py PATH...   (a PATH that is a folder is searched recursively for *.ipynb)
Prints each failure and exits 1 when any notebook is invalid, 2 when no notebook was given or found.
"""
import pathlib
import sys

import nbformat


def notebooks(paths):
    for arg in paths:
        path = pathlib.Path(arg)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
        else:
            yield path


def main(argv):
    files = list(notebooks(argv[1:]))
    if not files:
        print("validate-notebooks: expected notebooks to validate, found none in: " + " ".join(argv[1:]), file=sys.stderr)
        return 2
    failures = 0
    for path in files:
        try:
            nbformat.validate(nbformat.read(str(path), as_version=4))
        except Exception as e:  # ValidationError, JSON errors, unreadable files: all are failures to report
            failures += 1
            message = getattr(e, "message", None) or str(e)
            print(f"invalid notebook: {path}: {type(e).__name__}: {message}", file=sys.stderr)
    print(f"notebooks valid against nbformat {nbformat.__version__}: {len(files) - failures} of {len(files)}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
