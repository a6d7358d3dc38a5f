#!/usr/bin/env bash
# Installs .NET Interactive's Jupyter kernel (Polyglot Notebooks' engine) at a pinned version, for the parity tests
# and for learners who use Polyglot: the NuGet tool Microsoft.dotnet-interactive into artifacts/tools/dotnet-interactive/
# (project-local: no global tool, no PATH change), then its kernelspecs (.net-csharp, .net-fsharp, .net-powershell)
# into the user's Jupyter data folder (~/.local/share/jupyter/kernels, or $JUPYTER_DATA_DIR/kernels). The kernelspecs
# it writes start "dotnet interactive", which needs the tool on PATH; they are rewritten to the tool's absolute path,
# with its HTTP services on loopback only (--http-local-only).
# Also the Debian packages a Jupyter client needs (nbclient, jupyter_client), used by scripts/run-notebook.py.
# Idempotent: a second run changes nothing when the pinned version is already installed.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/require.sh

version=1.0.712001
tool_dir=artifacts/tools/dotnet-interactive
require_command dotnet "the .NET SDK 10 (https://dot.net)"
require_debian_packages python3-nbclient python3-jupyter-client

if ! dotnet tool list --tool-path "$tool_dir" 2>/dev/null | grep -qiE "^microsoft\.dotnet-interactive +$version( |$)"; then
    echo "Installing Microsoft.dotnet-interactive $version into $tool_dir" >&2
    rm -rf "$tool_dir"
    dotnet tool install --tool-path "$tool_dir" Microsoft.dotnet-interactive --version "$version" >/dev/null
fi
tool=$(cd "$tool_dir" && pwd)/dotnet-interactive

kernels_dir=$(/usr/bin/python3 -c 'from jupyter_core.paths import jupyter_data_dir; print(jupyter_data_dir())')/kernels
mkdir -p "$kernels_dir"   # the tool refuses to install when the folder is missing
DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT=1 "$tool" jupyter install --path "$kernels_dir" >/dev/null
/usr/bin/python3 - "$kernels_dir" "$tool" <<'PY'
import json, os, sys
kernels_dir, tool = sys.argv[1], sys.argv[2]
for name in (".net-csharp", ".net-fsharp", ".net-powershell"):
    path = os.path.join(kernels_dir, name, "kernel.json")
    with open(path, encoding="utf-8") as f:
        spec = json.load(f)
    argv = spec["argv"]
    if argv[:2] == ["dotnet", "interactive"]:
        spec["argv"] = [tool] + argv[2:]
    # Its HTTP services listen on every network interface by default, and two kernels started at once (parallel
    # tests) then collide on a port; loopback only avoids both.
    if "--http-local-only" not in spec["argv"]:
        spec["argv"].append("--http-local-only")
    spec.setdefault("env", {}).update({"DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT": "1", "DOTNET_CLI_TELEMETRY_OPTOUT": "1"})
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(spec, f, indent=2)
    os.replace(tmp, path)
PY
echo ".NET Interactive $version: kernelspec .net-csharp in $kernels_dir" >&2
