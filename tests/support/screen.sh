# screen.sh: reading the dashboard's tmux pane, for the tmux tests
# (ui.sh, alerts.sh), sourced after tap.sh.  The caller sets T (tmux with
# its own socket), cur (the session to read) and tmp (where the capture
# is kept, $tmp/screen, which notok shows).

capture() {
	$T capture-pane -p -t "$cur" >"$tmp/screen" 2>/dev/null
}

# wait_for ERE [SECONDS]: until the screen matches the extended regex,
# at most SECONDS (10).
wait_for() {
	w_n=0
	while [ $w_n -lt $((${2:-10} * 10)) ]; do
		capture
		grep -Eq -- "$1" "$tmp/screen" && return 0
		sleep 0.1
		w_n=$((w_n + 1))
	done
	return 1
}

# settle [INTERVAL [TRIES]]: until two captures INTERVAL (0.3) seconds
# apart agree, at most TRIES (30) times; it always succeeds, the screen
# may keep moving (a clock).
settle() {
	s_n=0
	capture
	cp "$tmp/screen" "$tmp/prev"
	while [ $s_n -lt "${2:-30}" ]; do
		sleep "${1:-0.3}"
		capture
		cmp -s "$tmp/screen" "$tmp/prev" && return 0
		cp "$tmp/screen" "$tmp/prev"
		s_n=$((s_n + 1))
	done
	return 0
}
