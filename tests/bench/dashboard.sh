#!/bin/sh
# Dashboard benchmarks, on the real program in tmux:
#   1. start-up to first frame with 10,000 and with 100,000 stored items,
#      with the peak memory of that process;
#   2. CPU used over 30 s of idle (IDLE=seconds to change);
#   3. key-to-screen latency (p50, p99) while 1,000 loopback feeds
#      refresh.
# Figures only, no pass/fail.  Run from the repository top with $WIREDESK
# and $BUILD set, as `make bench` does.
set -u
: "${WIREDESK:?}" "${BUILD:?}"
IDLE=${IDLE:-30}
W=$WIREDESK
tmp=$(mktemp -d "${TMPDIR:-/tmp}/dashbench.XXXXXX") || exit 2
sock="wdbench$$"
T="tmux -L $sock"
server_pid=
cleanup() {
	$T kill-server 2>/dev/null
	[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 2' INT TERM HUP
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data"
mkdir -p "$HOME"
printf 'refresh-interval 1h\n' >"$tmp/config.conf"

ms() { date +%s%3N; }

# Starts the dashboard in a fresh tmux server; sets $pid.
start() {
	$T kill-server 2>/dev/null
	$T new-session -d -x 160 -y 50 \
	    "exec env TERM=xterm-256color $W -c $tmp/config.conf $*"
	pid=$($T display -p '#{pane_pid}')
}

# Waits until the pane shows the status line with a story count.
wait_frame() {
	i=0
	while [ $i -lt 6000 ]; do
		if $T capture-pane -p 2>/dev/null | grep -q 'stor'; then
			return 0
		fi
		sleep 0.005
		i=$((i + 1))
	done
	return 1
}

# Peak resident memory of a live process, in MiB.
peak_mib() {
	awk '/^VmHWM/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"
}

cpu_ticks() {
	awk '{ print $14 + $15 }' "/proc/$1/stat"
}

first_frame() { # N feeds of M items
	nf=$1
	ni=$2
	d="$tmp/ff$nf-$ni"
	sh tests/tools/genfeeds.sh "$d" "$nf" "$ni" || return
	for f in "$d"/*.xml; do echo "$f"; done >"$d/urls"
	# store them, as a previous session would have
	"$W" --dump -d "$d/db" -f "$d/urls" >/dev/null 2>"$d/dump.err"
	# the feeds now answer nothing new: an unreachable local port
	for i in $(seq 1 "$nf"); do
		echo "http://127.0.0.1:9/f$i.xml"
	done >"$d/urls.offline"
	t0=$(ms)
	start -d "$d/db" -f "$d/urls.offline"
	if wait_frame; then
		t1=$(ms)
		sleep 1
		printf 'first frame with %d stored items: %d ms, peak RSS %s MiB\n' \
		    $((nf * ni)) $((t1 - t0)) "$(peak_mib "$pid")"
	else
		echo "first frame with $((nf * ni)) items: no frame within 30 s"
	fi
	$T kill-server 2>/dev/null
}

first_frame 100 100
first_frame 1000 100

# latency N LABEL [RELOAD_AT]: sends N keys, Enter and q in turn (open
# the selected story, back to the board), and prints the percentiles of
# the time until the top line shows the other view.  Only a key can
# change the view, so feeds arriving meanwhile cannot end a wait early.
on_board() {
	$T capture-pane -p | head -1 | grep -q '^ wiredesk'
}
latency() {
	: >"$tmp/lat"
	k=0
	while [ $k -lt "$1" ]; do
		[ $k -eq "${3:--1}" ] && $T send-keys R
		t0=$(ms)
		if [ $((k % 2)) -eq 0 ]; then
			$T send-keys Enter
			n=0
			while on_board && [ $n -lt 2000 ]; do n=$((n + 1)); done
		else
			$T send-keys q
			n=0
			while ! on_board && [ $n -lt 2000 ]; do n=$((n + 1)); done
		fi
		echo $(($(ms) - t0)) >>"$tmp/lat"
		k=$((k + 1))
	done
	sort -n "$tmp/lat" | awk -v what="$2" '{ v[NR] = $1 } END {
		printf "key-to-screen %s: p50 %d ms, p99 %d ms, max %d ms (%d keys, tmux polling included)\n",
		    what, v[int(NR * 0.5 + 0.5)], v[int(NR * 0.99 + 0.5)], v[NR], NR }'
}

# Waits until the board has at least one panel.
wait_panel() {
	i=0
	while ! $T capture-pane -p | grep -q 'outlet'; do
		sleep 0.01
		i=$((i + 1))
		[ $i -gt 3000 ] && return 1
	done
}

# Idle CPU: the demo feeds, after the first fetch round.
start -f feeds/demo.urls
wait_frame
sleep 3
hz=$(getconf CLK_TCK)
c0=$(cpu_ticks "$pid")
sleep "$IDLE"
c1=$(cpu_ticks "$pid")
awk -v d=$((c1 - c0)) -v hz="$hz" -v s="$IDLE" 'BEGIN {
	printf "idle CPU over %d s: %d ticks = %.2f%% of one core\n", s, d,
	    100 * d / hz / s }'
latency 60 "while idle (the measuring floor)"
$T kill-server 2>/dev/null

# Key latency while 1,000 loopback feeds arrive and are reloaded.
sh tests/tools/genfeeds.sh "$tmp/www" 1000 10 || exit 2
"$BUILD/tests/tools/feedserver" -d "$tmp/www" -p "$tmp/port" -t 300 \
    --delay-seed 7 >/dev/null 2>&1 &
server_pid=$!
i=0
while [ ! -s "$tmp/port" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
port=$(cat "$tmp/port")
for f in $(cd "$tmp/www" && ls); do
	echo "http://127.0.0.1:$port/$f"
done >"$tmp/urls"
start -f "$tmp/urls"
wait_panel
latency 120 "while 1,000 feeds arrive and reload" 60
