#!/usr/bin/env bash
# Sets up a machine to run the chapters as a learner does, with no manual step: builds CourseKit (the library the
# notebooks load from artifacts/notebook-lib/, and the coursekit tool), registers CourseKit's Jupyter kernel
# (kernelspec "coursekit", the one the chapters name) for this user, and .NET Interactive's kernel (.net-csharp) for
# Polyglot users, plus the Jupyter client packages. The dev container's postCreate runs exactly this, and so does
# run-tests.sh. Works on Debian 12 and Ubuntu 24.04 (the .NET 10 dev-container image), as root or through sudo.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/require.sh

require_command dotnet "the .NET SDK 10 (https://dot.net)"
require_debian_packages python3-nbclient python3-jupyter-client
# --with-test-tools (run-tests.sh): also what the kernel's tests drive it with: the Jupyter project's conformance test,
# a Jupyter server and a CDP client for the browser test.
[ "${1:-}" = --with-test-tools ] && require_debian_packages python3-jupyter-kernel-test jupyter-notebook python3-websocket chromium
echo "Building CourseKit (library and coursekit tool)" >&2
dotnet build src/CourseKit.Cli -c Release -nologo -v quiet
# The kernel learners start is published ReadyToRun as one self-contained composite image: Roslyn, CourseKit and the
# .NET libraries compiled ahead of time together, in one version bubble. Per-assembly ReadyToRun cannot precompile
# the generic instantiations that cross assemblies (Roslyn's ImmutableArray<T> and pooled collections over its own
# structs, ≈ 3,000 methods), so every kernel jitted them at Tier0 again and compiled cells with that slower code:
# chapter 6's cells compiled in 0.77–0.88 s of its run, 0.58–0.63 s with the composite (docs/benchmarks.md). It costs
# disk (≈ 220 MB against 75 MB) and about a minute more of publishing. The runtime is the image's own, so the kernel is
# started by its apphost. The publish goes to a fresh folder first: a failed one leaves the installed kernel as it was.
# Rerun this script after changing the library.
case "$(uname -m)" in
  x86_64) rid=linux-x64 ;;
  aarch64 | arm64) rid=linux-arm64 ;;
  *) echo "scripts/setup.sh: no .NET runtime identifier known for $(uname -m)" >&2; exit 1 ;;
esac
echo "Publishing the coursekit kernel (self-contained, composite ReadyToRun) for $rid into artifacts/kernel" >&2
rm -rf artifacts/kernel.publishing
dotnet publish src/CourseKit.Cli -c Release -r "$rid" --self-contained true -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true \
  -o artifacts/kernel.publishing -nologo -v quiet
rm -rf artifacts/kernel
mv artifacts/kernel.publishing artifacts/kernel
artifacts/kernel/coursekit kernel install --user
# One start of that kernel running a cell saves the JIT profile of its start in ~/.cache/coursekit (KernelJitProfile.cs):
# from the first start a learner makes, the methods of Roslyn's first compile are compiled ahead on the second core.
# Only speed depends on it, so a failure is reported and the setup goes on.
/usr/bin/python3 scripts/record-kernel-jit-profile.py --kernel coursekit \
  || echo "warning: the kernel's JIT profile was not recorded; its first start will be slower (scripts/record-kernel-jit-profile.py)" >&2
scripts/install-dotnet-interactive.sh
