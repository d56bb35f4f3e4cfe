#!/bin/sh
# Benchmark: parse_feed throughput against xmllint --stream on the same
# generated ~50 MB RSS feed.  Run from the repository top with $BUILD set
# (the tool is $BUILD/tests/bench/bench_parse).  Both figures are CPU
# time, best of three runs: parse_feed's as bench_parse measures it, and
# xmllint's whole process as the kernel accounts it for its parent.
set -eu
: "${BUILD:?set BUILD to the build directory}"
bench="$BUILD/tests/bench/bench_parse"
if [ ! -x "$bench" ]; then
	echo "parse.sh: $bench is missing; build it first" >&2
	exit 2
fi
if ! command -v xmllint >/dev/null 2>&1; then
	echo "parse.sh: xmllint not found (Debian: libxml2-utils)" >&2
	exit 2
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
feed="$tmp/feed.xml"

timeout 120 "$bench" --gen "$feed" 50
bytes=$(wc -c <"$feed" | tr -d ' ')
ours=$(timeout 300 "$bench" "$feed")
echo "$ours"
ours_mbs=$(printf '%s\n' "$ours" | sed -n 's/.* \([0-9.]*\) MB\/s$/\1/p')

# xmllint's user+system CPU seconds, to the microsecond, as bench_parse
# --cpu reads them from the kernel for the child it ran.
best=""
for run in 1 2 3; do
	t=$(timeout 300 "$bench" --cpu xmllint --stream --noout "$feed")
	if [ -z "$best" ] || awk -v t="$t" -v b="$best" \
	    'BEGIN { exit !(t < b) }'; then
		best=$t
	fi
done
awk -v bytes="$bytes" -v t="$best" -v ours="$ours_mbs" 'BEGIN {
	mb = bytes / 1048576
	if (t <= 0)
		t = 0.001
	x = mb / t
	printf "xmllint --stream: %.1f MB, %.3f s CPU, %.1f MB/s\n", mb, t, x
	printf "ratio parse_feed / xmllint: %.2f (aim: 0.55 or more)\n", ours / x
}'
