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
dotnet src/CourseKit.Cli/bin/Release/net10.0/coursekit.dll kernel install --user
scripts/install-dotnet-interactive.sh
