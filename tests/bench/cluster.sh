#!/bin/sh
# Clustering cost per item on the corpus of issue 10 at 10,000, 100,000
# and 300,000 items (few large, growing stories: the UCI headlines of
# tests/data/bench/uci-headlines.tsv with realistic summaries, the same
# generator as the fetch benchmark's feeds); then on generated items at
# 10,000 and 100,000 with peak memory per item; then the cost per item as
# one story grows to thousands of items in a day (tests/bench/
# bench_cluster.c says how the items are made).  Prints figures; the aim
# is a flat cost per item.  CLUSTER_SIZES overrides the corpus sizes.
set -u
: "${BUILD:=build}"
bin="$BUILD/tests/bench/bench_cluster"
if [ ! -x "$bin" ]; then
	echo "cluster.sh: $bin not built (make $bin)" >&2
	exit 1
fi
echo "== clustering: the issue-10 corpus (UCI stories), in --dump's order"
# (the sizes split into words on purpose)
timeout 900 "$bin" -u tests/data/bench/uci-headlines.tsv \
    ${CLUSTER_SIZES:-10000 100000 300000} ||
    echo "(corpus clustering could not finish: exit $?)"
echo "== clustering: generated items, 1,000 a day, 48 h window"
timeout 600 "$bin" 10000 100000
echo "== clustering: one story growing, 20,000 items in a day"
timeout 600 "$bin" -s 20000
