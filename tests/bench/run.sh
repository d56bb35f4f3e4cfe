#!/bin/sh
# Runs every benchmark script in tests/bench; each prints its figures.
# No pass/fail: a benchmark that cannot run says why and the next runs.
set -u
: "${WIREDESK:?}" "${BUILD:?}"
export WIREDESK BUILD LC_ALL=C.UTF-8 TZ=UTC
cd "$(dirname "$0")/../.." || exit 2
for s in tests/bench/*.sh; do
	[ "$(basename "$s")" = run.sh ] && continue
	[ -n "${ONLY:-}" ] && case "$s" in *$ONLY*) ;; *) continue ;; esac
	echo "== $(basename "$s" .sh)"
	sh "$s" || echo "($(basename "$s") could not finish: exit $?)"
	echo
done
