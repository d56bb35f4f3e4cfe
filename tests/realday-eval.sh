#!/bin/sh
# Clustering quality on a labelled real news day, end to end:
#
#   sh tests/realday-eval.sh DIR [-v]
#
# DIR holds the day's feed files, a feeds.urls that lists them (relative
# paths) and labels.tsv (link<TAB>story for every item).  Runs `wiredesk
# --dump` on the feeds, scores its clusters against the stories (B-cubed
# precision, recall, F1; tests/tools/realeval.c) and prints the score of
# putting every item alone beside it.  -v also lists every cluster that
# mixes stories and every story split over clusters.  The repository
# ships no labelled day (tests/data/cluster/jun2020.tsv holds one day's
# items for the unit tests), so the suite runs this only when REALDAY
# names a directory; without one it reports nothing.
set -u
dir=${1:-${REALDAY:-}}
if [ -z "$dir" ]; then
	echo "# realday-eval: no day given (sh tests/realday-eval.sh DIR)"
	exit 0
fi
: "${BUILD:=build}"
: "${WIREDESK:=$BUILD/wiredesk}"
tool="$BUILD/tests/tools/realeval"
for f in "$dir/feeds.urls" "$dir/labels.tsv" "$tool" "$WIREDESK"; do
	if [ ! -e "$f" ]; then
		echo "not ok - realday-eval: $f missing"
		exit 1
	fi
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" \
	timeout 300 "$WIREDESK" --dump -f "$dir/feeds.urls" \
	>"$tmp/dump.json" 2>"$tmp/dump.err"
rc=$?
if [ "$rc" -eq 0 ] || [ "$rc" -eq 1 ]; then
	echo "ok - realday-eval: wiredesk --dump exited $rc"
else
	echo "not ok - realday-eval: wiredesk --dump exited $rc"
	sed 's/^/# /' "$tmp/dump.err"
	exit 1
fi
if timeout 120 "$tool" ${2:+"$2"} "$dir/labels.tsv" "$tmp/dump.json" \
    >"$tmp/score"; then
	echo "ok - realday-eval: scored"
else
	echo "not ok - realday-eval: scoring failed"
	exit 1
fi
sed 's/^/# /' "$tmp/score"
if grep -q '^dump:' "$tmp/score"; then
	echo "not ok - realday-eval: links unlabelled or missing"
else
	echo "ok - realday-eval: every labelled item in exactly one cluster"
fi
