#!/usr/bin/env bash
# The main job: builds CourseKit and runs the course: the notebook chapters (`coursekit run`), then what the
# chapters cite: the kernel timings and the chapter's networks trained (digits with and without BatchNorm,
# Fashion-MNIST).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/require.sh
require_command dotnet "the .NET SDK 10 (https://dot.net)"
require_debian_packages dataset-fashion-mnist
dotnet build src/CourseKit.Cli -c Release -nologo -v quiet
coursekit() { dotnet src/CourseKit.Cli/bin/Release/net10.0/coursekit.dll "$@"; }
# The chapters: the solutions executed end to end (every output, every check) into artifacts/course/, then the
# student versions, which must run with every exercise reported "not implemented yet" and nothing failing.
coursekit run notebooks/solutions --output artifacts/course
scripts/install-web-deps.sh && coursekit site artifacts/course --output artifacts/site   # the course as an offline HTML site
coursekit run notebooks
coursekit bench kernels
coursekit bench train
