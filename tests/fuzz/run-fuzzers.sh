#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs every libFuzzer harness of a -Dfuzzing=true build for SECONDS
# each, on a copy of the seed corpus; crashes land in BUILD/fuzz-out/.
# Usage: tests/fuzz/run-fuzzers.sh BUILD_DIR [SECONDS [HARNESS...]]
# (all of them when no HARNESS is named, one at a time: a single job).
set -eu

build=$1
seconds=${2:-600}
shift $(( $# < 2 ? $# : 2 ))
only="$*"
here=$(cd "$(dirname "$0")" && pwd)
out="$build/fuzz-out"

# cgraph leaks on syntax errors by design; leaks are not what we hunt.
export ASAN_OPTIONS="detect_leaks=0:abort_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export G_DEBUG=""
# Inputs and databases on tmpfs: no disk syncs.
[ -d /dev/shm ] && export TMPDIR=/dev/shm

run () {
  name=$1
  seeds=$2
  case " ${only:-$name} " in
    *" $name "*) ;;
    *) return 0 ;;
  esac
  mkdir -p "$out/$name/corpus" "$out/$name/crashes"
  echo "== $name for ${seconds}s"
  "$build/tests/fuzz/$name" -max_total_time="$seconds" -max_len=65536 \
    -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$out/$name/crashes/" \
    "$out/$name/corpus" "$here/corpus/$seeds" > "$out/$name/log" 2>&1 || true
  tail -n 20 "$out/$name/log"
}

run fuzz-csv-reader csv
run fuzz-import-csv csv
run fuzz-import-graphml graphml
run fuzz-import-dot dot
run fuzz-import-archive archive
run fuzz-import-messages messages
run fuzz-import-profile profile
run fuzz-import-invitations invitations
run fuzz-import-endorsements endorsements
run fuzz-import-recommendations recommendations
