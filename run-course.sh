#!/usr/bin/env bash
# The main job: builds CourseKit and runs the course. The notebook chapters and their engine (`coursekit run`)
# arrive with the notebook-engine issue; until then the runnable part of the course is the numeric core,
# so this builds the `coursekit` tool and runs its kernel benchmark.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/require.sh
require_command dotnet "the .NET SDK 10 (https://dot.net)"
dotnet build src/CourseKit.Cli -c Release -nologo -v quiet
dotnet src/CourseKit.Cli/bin/Release/net10.0/coursekit.dll bench kernels "$@"
