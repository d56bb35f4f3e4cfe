#!/bin/sh
# Runs the whole suite: every cmocka binary in $BUILD/tests, then every
# tests/*.sh script (integration against loopback servers, golden files,
# the tmux UI tests).  Scripts print TAP-style "ok - NAME" and
# "not ok - NAME" lines.  The last line is "N passed, N failed".
# Set ONLY=pattern to run a subset.
set -u
: "${WIREDESK:?}" "${BUILD:?}"
export WIREDESK BUILD LC_ALL=C.UTF-8 TZ=UTC
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
pass=0
fail=0
failed=""
log=$(mktemp)
trap 'rm -f "$log"' EXIT INT TERM

# tally NAME STATUS PASSED FAILED: adds one test program's counts; a
# non-zero status with no failure counted (a crash, a time-out, a
# sanitizer report) counts as one failure.
tally() {
	p=$3
	f=$4
	if [ "$2" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
		echo "not ok - $1 exited $2" >>"$log"
	fi
	pass=$((pass + p))
	fail=$((fail + f))
	if [ "$f" -ne 0 ]; then
		failed="$failed $1"
		echo "FAIL $1"
		cat "$log"
	else
		echo "ok   $1 ($p)"
	fi
}

for t in "$BUILD"/tests/test_*; do
	[ -x "$t" ] || continue
	name=$(basename "$t")
	case "$name" in *.d|*.o) continue ;; esac
	[ -n "${ONLY:-}" ] && case "$name" in *$ONLY*) ;; *) continue ;; esac
	timeout 300 "$t" >"$log" 2>&1
	rc=$?
	p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -1)
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -1)
	tally "$name" "$rc" "${p:-0}" "${f:-0}"
done

for s in tests/*.sh; do
	[ -f "$s" ] || continue
	name=$(basename "$s" .sh)
	[ "$name" = run ] && continue
	[ -n "${ONLY:-}" ] && case "$name" in *$ONLY*) ;; *) continue ;; esac
	timeout 600 sh "$s" >"$log" 2>&1
	rc=$?
	p=$(grep -c '^ok ' "$log")
	f=$(grep -c '^not ok ' "$log")
	tally "$name" "$rc" "$p" "$f"
done

[ -n "$failed" ] && echo "failed:$failed"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
