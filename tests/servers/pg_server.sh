#!/bin/sh
# Start a throwaway PostgreSQL cluster on 127.0.0.1 for the case-store tests and print its URL.
#
#   url=$(tests/servers/pg_server.sh start [DIR])   # prints postgresql://... on stdout
#   export SPAM_WIZARD_TEST_PG_URL="$url"
#   tests/servers/pg_server.sh stop DIR
#
# Uses the Debian packages (postgresql-15 or any /usr/lib/postgresql/*/bin). As root the cluster runs as
# the "postgres" user (initdb refuses root). Trust authentication, listening on 127.0.0.1 only.
set -eu

cmd="${1:-start}"
dir="${2:-${TMPDIR:-/tmp}/spam-wizard-pg}"

bindir=""
for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && bindir="$d"
done
if [ -z "$bindir" ]; then
    bindir="$(dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/initdb)")"
fi
if [ ! -x "$bindir/initdb" ]; then
    echo "pg_server.sh: PostgreSQL server binaries not found (apt-get install postgresql)" >&2
    exit 1
fi

as_owner() {
    if [ "$(id -u)" = "0" ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

case "$cmd" in
stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
        as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    exit 0
    ;;
start) ;;
*)
    echo "usage: pg_server.sh start|stop [DIR]" >&2
    exit 2
    ;;
esac

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
if [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
fi
rm -rf "$dir"
mkdir -p "$dir"
if [ "$(id -u)" = "0" ]; then
    chown postgres "$dir"
fi
as_owner "$bindir/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; exit 1; }
as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=50" start >/dev/null \
    || { cat "$dir/server.log" >&2; exit 1; }
as_owner "$bindir/createdb" -h 127.0.0.1 -p "$port" -U postgres spam_wizard_test
echo "postgresql://postgres@127.0.0.1:$port/spam_wizard_test"
