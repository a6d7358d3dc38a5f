#!/usr/bin/env bash
# What `coursekit grade` and its tests need to run learners' code in a sandbox: root (each submission runs as an
# unprivileged user of its own), Debian's bubblewrap (namespaces: no network, no view of other processes or files)
# and util-linux's setpriv and prlimit (the user switch and the resource limits). Installs what is missing when run
# as root on Debian; otherwise stops and names it. A bubblewrap that cannot create its namespaces here is an error.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/require.sh

if [ "$(id -u)" != 0 ]; then
    echo "error: the grading tests run learners' code as other users, which needs root: run ./run-tests.sh as root." >&2
    exit 1
fi
require_debian_packages bubblewrap util-linux
if ! out=$(bwrap --unshare-pid --unshare-net --ro-bind /usr /usr --symlink usr/bin /bin --symlink usr/lib /lib \
        --symlink usr/lib64 /lib64 --proc /proc --dev /dev -- /usr/bin/true 2>&1); then
    echo "error: bubblewrap is installed but cannot create its namespaces here ($out): the grader's sandbox needs them." >&2
    exit 1
fi
