#!/usr/bin/env bash
# Installs the web assets CourseKit's offline pages use (pinned in package-lock.json): plotly.js-dist-min, which charts
# inline and the course site bundles, and katex, which typesets the course site's math —
# into node_modules/ at the repository root — with `npm ci`, and only when node_modules is missing or older than the lock.
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/require.sh

installed=node_modules/.package-lock.json   # npm's record of what it installed
if [ -f node_modules/plotly.js-dist-min/plotly.min.js ] && [ -f node_modules/katex/dist/katex.min.js ] && [ -f "$installed" ] && [ ! package-lock.json -nt "$installed" ]; then
    exit 0
fi
command -v npm >/dev/null 2>&1 || require_debian_packages npm   # as root on Debian; otherwise stops naming it
require_command npm "Node.js with npm (Debian: apt-get install npm)"
echo "Installing web dependencies (npm ci): plotly.js-dist-min, katex" >&2
npm ci --no-audit --no-fund --loglevel=error
