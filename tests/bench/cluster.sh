#!/bin/sh
# Clustering cost per item at 10,000 and 100,000 generated items, and
# peak memory per item; then the cost per item as one story grows to
# thousands of items in a day (tests/bench/bench_cluster.c says how the
# items are made).  Prints figures; the aim is a flat cost per item.
set -u
: "${BUILD:=build}"
bin="$BUILD/tests/bench/bench_cluster"
if [ ! -x "$bin" ]; then
	echo "cluster.sh: $bin not built (make $bin)" >&2
	exit 1
fi
echo "== clustering: generated items, 1,000 a day, 48 h window"
timeout 600 "$bin" 10000 100000
echo "== clustering: one story growing, 20,000 items in a day"
timeout 600 "$bin" -s 20000
