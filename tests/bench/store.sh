#!/bin/sh
# Store benchmark: merge throughput into a file database (new items, then
# the same bodies again), the same in memory, and a start on 100,000
# stored items (load time and peak RSS of a process that only opens).
# Figures only, no pass/fail beyond the tool's own sanity checks.
set -u
: "${BUILD:?}"
bin=$BUILD/tests/bench/bench_store
n=${STORE_BENCH_ITEMS:-100000}
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT INT TERM

echo "== store: $n items, 200 feeds, 50 items a merge"
timeout 600 "$bin" mem "$n" || exit 1
timeout 600 "$bin" fill "$dir/wiredesk.db" "$n" || exit 1
ls -l "$dir" | awk 'NR > 1 { print "file " $NF " " $5 " bytes" }'
echo "-- open twice (the file is in the page cache both times)"
timeout 600 "$bin" load "$dir/wiredesk.db" || exit 1
timeout 600 "$bin" load "$dir/wiredesk.db" || exit 1
