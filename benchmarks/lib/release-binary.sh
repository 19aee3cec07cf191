# Sourced by benchmarks that run `relance` (smtp-send.sh, shared-book.sh):
#
#   release_relance
#
# Sets RELANCE to RELANCE_BENCH_BINARY when given (a release binary built before: two builds
# compared on the same load), else builds this tree in release mode and uses its binary; a failed
# build prints its last lines and exits. Uses $ROOT (the repository).
release_relance() {
    if [ -n "${RELANCE_BENCH_BINARY:-}" ]; then
        RELANCE=$RELANCE_BENCH_BINARY
        return
    fi
    echo "building relance (release)…" >&2
    local log
    if ! log=$(cd "$ROOT" && swift build -c release --product relance 2>&1); then
        echo "$log" | tail -20 >&2; echo "the release build failed" >&2; exit 1
    fi
    RELANCE="$ROOT/.build/release/relance"
}
