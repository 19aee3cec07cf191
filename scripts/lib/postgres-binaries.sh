# Sourced by postgres.sh (the shared test cluster) and postgres-scratch.sh (a test's own cluster):
# where Debian's PostgreSQL binaries are, and running them as the postgres user.

# The newest installed version's bin folder (pg_ctl, initdb, psql); fails when none is installed.
find_bin() {
    local v
    for v in 17 16 15; do
        if [ -x "/usr/lib/postgresql/$v/bin/pg_ctl" ]; then echo "/usr/lib/postgresql/$v/bin"; return 0; fi
    done
    return 1
}

as_postgres() { runuser -u postgres -- "$@"; }
