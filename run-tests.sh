#!/usr/bin/env bash
# Runs every test of CourseKit. This is the README's test command, and .ci/run calls exactly this.
# System packages the tests need are installed here when running as root on Debian; otherwise the script stops
# and names them. In CI a missing dependency is a failure, never a skip.
set -euo pipefail
cd "$(dirname "$0")"

# --fast: the quick loop while developing, without the tests marked [Trait("Category", "Slow")] (see README, Development).
case "${1:-}" in
  "") test_filter=() ;;
  --fast) test_filter=(--filter "Category!=Slow") ;;
  *) echo "usage: ./run-tests.sh [--fast]" >&2; exit 2 ;;
esac

source scripts/require.sh
require_command dotnet "the .NET SDK 10 (https://dot.net)"

# Fashion-MNIST for the training evidence tests (under /usr/share/datasets/fashion-mnist/); Chromium for the
# headless chart tests; nbformat (the Jupyter project's own schema and validator) for the notebooks the engine writes.
require_debian_packages dataset-fashion-mnist chromium python3-nbformat

scripts/setup.sh --with-test-tools   # CourseKit's and .NET Interactive's Jupyter kernels (Polyglot's engine), Jupyter clients (tests/kernel)
scripts/install-web-deps.sh   # plotly.js for the charts' offline pages (npm ci when missing or stale)
scripts/install-grading-deps.sh   # bubblewrap, setpriv, prlimit and root: the grader's sandbox
source scripts/test-postgres.sh   # a throwaway PostgreSQL cluster for the study-storage tests, stopped on exit
dotnet build CourseKit.sln -c Release -nologo -v quiet -warnaserror
# The engine's tests write every notebook they execute here; it is validated below.
rm -rf artifacts/test-notebooks
log=$(mktemp)
set +e
dotnet test CourseKit.sln -c Release --no-build -nologo "${test_filter[@]}" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
# Every notebook the tests produced, and the course's notebooks, against the real nbformat 4 schema.
notebooks=(artifacts/test-notebooks)
[ -d notebooks ] && notebooks+=(notebooks)
/usr/bin/python3 scripts/validate-notebooks.py "${notebooks[@]}"
validation=$?
set -e
# One closing line for every test assembly together, in the plain "N passed, N failed" form.
awk '/(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+/ {
       gsub(",", ""); for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     } END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
[ "$status" -ne 0 ] && exit "$status"
exit "$validation"
