#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the study-storage tests and benchmarks: Debian's postgresql (initdb, pg_ctl) in
# a folder of its own, on a free TCP port of the addresses given, with a random password, its socket in that folder.
# Nothing system-wide is touched; `stop` removes the folder.
#
#   scripts/postgres.sh start DIR [--listen ADDRESSES] [--durable]   prints the cluster's URL (password included)
#   scripts/postgres.sh restart DIR          fast shutdown, start again on the same port (clients must reconnect)
#   scripts/postgres.sh halt DIR | resume DIR  stops the server keeping its data, starts it again (same port)
#   scripts/postgres.sh stop DIR             stops the server and deletes DIR
#
# --listen: comma-separated addresses (127.0.0.1 by default). --durable keeps fsync on (benchmarks); tests turn it off.
# Run as root, the server runs as the `postgres` user, as PostgreSQL requires.
set -euo pipefail

bindir() {
    local dir
    dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    if [ -z "$dir" ] || [ ! -x "$dir/initdb" ]; then
        echo "error: PostgreSQL's server programs (initdb, pg_ctl) are not installed: apt-get install postgresql." >&2
        exit 1
    fi
    echo "$dir"
}

as_owner() { # COMMAND...: PostgreSQL refuses to run as root
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
    /usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start() { # DIR [--listen ADDRESSES] [--durable]
    local dir=$1 listen=127.0.0.1 durable=0 bin password port
    shift
    while [ $# -gt 0 ]; do
        case $1 in
            --listen) listen=$2; shift 2 ;;
            --durable) durable=1; shift ;;
            *) echo "error: unknown option '$1'" >&2; exit 2 ;;
        esac
    done
    bin=$(bindir)
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    [ "$(id -u)" = 0 ] && chown postgres: "$dir"
    password=$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 24)
    ( umask 077; printf '%s\n' "$password" > "$dir/password" )
    [ "$(id -u)" = 0 ] && chown postgres: "$dir/password"
    as_owner "$bin/initdb" -D "$dir/data" -U coursekit --pwfile="$dir/password" --auth=scram-sha-256 \
        -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    # The server listens only on the addresses given; any of them may log in with the password.
    echo "host all all 0.0.0.0/0 scram-sha-256" >> "$dir/data/pg_hba.conf"
    local settings="-c listen_addresses='$listen' -k '$dir' -c max_connections=200 -c shared_buffers=64MB"
    [ "$durable" = 1 ] || settings="$settings -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    # A port another process takes between choosing and binding fails the start: choose again (bounded).
    for attempt in 1 2 3 4 5; do
        port=$(free_port)
        if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -o "-p $port $settings" start >/dev/null; then
            echo "-p $port $settings" > "$dir/options"
            echo "postgresql://coursekit:$password@${listen%%,*}:$port/postgres"
            return 0
        fi
    done
    echo "error: PostgreSQL did not start in $dir; its log:" >&2
    tail -n 20 "$dir/server.log" >&2
    exit 1
}

restart() { # DIR
    local bin; bin=$(bindir)
    as_owner "$bin/pg_ctl" -D "$1/data" -m fast -w -t 60 restart >/dev/null
}

halt() { # DIR
    local bin; bin=$(bindir)
    as_owner "$bin/pg_ctl" -D "$1/data" -m fast -w -t 60 stop >/dev/null
}

resume() { # DIR
    local bin; bin=$(bindir)
    as_owner "$bin/pg_ctl" -D "$1/data" -l "$1/server.log" -w -t 60 -o "$(cat "$1/options")" start >/dev/null
}

stop() { # DIR
    local bin; bin=$(bindir)
    [ -d "$1/data" ] && { as_owner "$bin/pg_ctl" -D "$1/data" -m fast -w -t 60 stop >/dev/null 2>&1 || true; }
    rm -rf "$1"
}

case ${1:-} in
    start) shift; start "$@" ;;
    restart) restart "$2" ;;
    halt) halt "$2" ;;
    resume) resume "$2" ;;
    stop) stop "$2" ;;
    *) echo "usage: $0 start DIR [--listen ADDRESSES] [--durable] | restart DIR | halt DIR | resume DIR | stop DIR" >&2; exit 2 ;;
esac
