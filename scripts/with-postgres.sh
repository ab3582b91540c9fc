#!/usr/bin/env bash
# Usage: scripts/with-postgres.sh <command...>
# Runs <command> with a private, throw-away PostgreSQL cluster: initdb in a temp dir, trust auth,
# a free port on 127.0.0.1, the unix socket in the temp dir. Exports
#   MD_TEST_PG_URL=postgresql://USER@127.0.0.1:PORT/meterdesk_test
# (fsync=off unless MD_PG_FSYNC=on: tests need no durability; benchmarks should set it on)
# then stops the cluster and removes the dir (also on failure or Ctrl-C) and exits with the
# command's exit code. Without the server binaries it just runs the command (PG test rows skip).
set -uo pipefail

if [ $# -eq 0 ]; then
    echo "usage: $0 <command...>" >&2
    exit 2
fi

PGBIN=${PGBIN:-}
if [ -z "$PGBIN" ]; then
    for d in /usr/lib/postgresql/*/bin; do
        [ -x "$d/initdb" ] && PGBIN=$d
    done
fi
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ] || [ ! -x "$PGBIN/pg_ctl" ]; then
    echo "with-postgres: no PostgreSQL server binaries found; running without MD_TEST_PG_URL" >&2
    exec "$@"
fi

# initdb refuses to run as root: run the server as the `postgres` account when we are root.
RUNAS=()
PGUSER_NAME=$(id -un)
if [ "$(id -u)" = 0 ]; then
    if id postgres >/dev/null 2>&1; then
        PGUSER_NAME=postgres
    else
        echo "with-postgres: running as root and no 'postgres' user; running without MD_TEST_PG_URL" >&2
        exec "$@"
    fi
    if command -v runuser >/dev/null 2>&1; then
        RUNAS=(runuser -u postgres --)
    else
        RUNAS=(su postgres -s /bin/sh -c)
    fi
fi
as_pg() {
    if [ ${#RUNAS[@]} -eq 0 ]; then
        "$@"
    elif [ "${RUNAS[0]}" = runuser ]; then
        "${RUNAS[@]}" "$@"
    else
        "${RUNAS[@]}" "$(printf '%q ' "$@")"
    fi
}

DIR=$(mktemp -d "${TMPDIR:-/tmp}/md-pg.XXXXXX")
chmod 755 "$DIR"
[ -n "${RUNAS[*]:-}" ] && chown postgres "$DIR"

cleanup() {
    if [ -f "$DIR/data/postmaster.pid" ]; then
        as_pg "$PGBIN/pg_ctl" -D "$DIR/data" -m immediate -w stop >/dev/null 2>&1
    fi
    rm -rf "$DIR"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() {
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
        || echo $((20000 + RANDOM % 20000))
}

if ! as_pg "$PGBIN/initdb" -D "$DIR/data" -U "$PGUSER_NAME" -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$DIR/initdb.log" 2>&1; then
    echo "with-postgres: initdb failed:" >&2
    cat "$DIR/initdb.log" >&2
    exit 1
fi

started=0
for attempt in 1 2 3 4 5; do
    PORT=$(free_port)
    if as_pg "$PGBIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 30 \
        -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=${MD_PG_FSYNC:-off} -c synchronous_commit=on -c max_connections=200 -c shared_buffers=128MB" \
        start >/dev/null 2>&1; then
        started=1
        break
    fi
done
if [ $started = 0 ]; then
    echo "with-postgres: server did not start:" >&2
    cat "$DIR/server.log" >&2 2>/dev/null
    exit 1
fi

if ! as_pg "$PGBIN/createdb" -h 127.0.0.1 -p "$PORT" -U "$PGUSER_NAME" meterdesk_test >/dev/null 2>&1; then
    echo "with-postgres: createdb failed" >&2
    exit 1
fi

export MD_TEST_PG_URL="postgresql://$PGUSER_NAME@127.0.0.1:$PORT/meterdesk_test"
export MD_TEST_PG_BIN="$PGBIN"
# Fault tests stop and start this cluster: MD_TEST_PG_CTL stop|start|restart (same port, same data).
PGCTL_OPTS="-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=${MD_PG_FSYNC:-off} -c synchronous_commit=on -c max_connections=200 -c shared_buffers=128MB"
{
    echo '#!/usr/bin/env bash'
    echo 'case "${1:-}" in stop|start|restart) ;; *) echo "usage: $0 stop|start|restart" >&2; exit 2 ;; esac'
    printf 'exec %s' "$(printf '%q ' "${RUNAS[@]}")"
    if [ "${RUNAS[0]:-}" = su ]; then
        printf '"%q -D %q -l %q -m fast -w -t 60 -o %q $1"\n' "$PGBIN/pg_ctl" "$DIR/data" "$DIR/server.log" "$PGCTL_OPTS"
    else
        printf '%q -D %q -l %q -m fast -w -t 60 -o %q "$1"\n' "$PGBIN/pg_ctl" "$DIR/data" "$DIR/server.log" "$PGCTL_OPTS"
    fi
} > "$DIR/pgctl"
chmod 755 "$DIR/pgctl"
export MD_TEST_PG_CTL="$DIR/pgctl"
echo "with-postgres: $MD_TEST_PG_URL" >&2
"$@"
rc=$?
exit $rc
