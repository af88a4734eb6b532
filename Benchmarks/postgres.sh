# Sourced by the benchmark scripts for PostgreSQL: starts a throwaway PostgreSQL server (Debian's
# newest installed, durable: fsync and synchronous_commit on, as SQLite runs at synchronous=FULL)
# in $work/pg on $pg_port, stopped on exit; `pg_database NAME` creates a database and prints its URL.
pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
pg_port=${PG_PORT:-55440}
pg_dir="$work/pg"
mkdir -p "$pg_dir"
as_postgres=()
if [ "$(id -u)" -eq 0 ]; then chmod o+x "$work"; chown postgres "$pg_dir"; as_postgres=(runuser -u postgres --); fi
"${as_postgres[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -A trust -U docket -E UTF8 --locale=C.UTF-8 >/dev/null
"${as_postgres[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/log" -w \
    -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=1GB" start >/dev/null </dev/null
pg_stop() { "${as_postgres[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast stop >/dev/null 2>&1 || true; }
pg_database() {
    "$pg_bin/psql" -X -q -h 127.0.0.1 -p "$pg_port" -U docket -d postgres -c "CREATE DATABASE $1"
    echo "postgres://docket@127.0.0.1:$pg_port/$1"
}
pg_sql() { "$pg_bin/psql" -X -q -A -t -h 127.0.0.1 -p "$pg_port" -U docket -d "$1" -c "$2"; }
