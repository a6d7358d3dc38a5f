#!/usr/bin/env bash
# The main job: builds CourseKit and runs the course. The notebook chapters and their engine (`coursekit run`)
# arrive with the notebook-engine issue; until then the runnable parts are the numeric core and the training
# runs the chapters cite, so this builds the `coursekit` tool, times the kernels, and trains the chapter's
# networks (digits with and without BatchNorm, Fashion-MNIST).
set -euo pipefail
cd "$(dirname "$0")"
source scripts/require.sh
require_command dotnet "the .NET SDK 10 (https://dot.net)"
require_debian_packages dataset-fashion-mnist
dotnet build src/CourseKit.Cli -c Release -nologo -v quiet
coursekit() { dotnet src/CourseKit.Cli/bin/Release/net10.0/coursekit.dll "$@"; }
coursekit bench kernels
coursekit bench train
