# Shared by the repository's scripts: find or install what a command needs, or stop naming it.

require_command() { # NAME DESCRIPTION
    if ! command -v "$1" >/dev/null 2>&1; then
        echo "error: '$1' not found: install $2 and run this again." >&2
        exit 1
    fi
}

require_debian_packages() { # PACKAGE...
    local missing=()
    for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=()
    # A dev container's user (Ubuntu's or Debian's, not root) installs through passwordless sudo.
    [ "$(id -u)" != 0 ] && command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null && sudo=(sudo -n)
    if { [ "$(id -u)" = 0 ] || [ ${#sudo[@]} -gt 0 ]; } && command -v apt-get >/dev/null 2>&1; then
        echo "Installing Debian packages: ${missing[*]}" >&2
        "${sudo[@]}" apt-get update -qq && "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    else
        echo "error: missing system packages: ${missing[*]} (as root on Debian: apt-get install ${missing[*]})." >&2
        exit 1
    fi
}
