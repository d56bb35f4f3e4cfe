#!/bin/sh
# Dashboard benchmarks, on the real program in tmux, with the feeds of the
# issue-10 corpus (tests/tools/gencorpus: 30 items of real size a feed,
# UCI headlines):
#   1. start-up to first frame with 10,000, 100,000 and 300,000 stored
#      items, with the peak memory of that process, and how the time per
#      stored item grows from the first to the last (flat: no step in
#      start-up grows faster than the store);
#   2. CPU used over 30 s of idle (IDLE=seconds to change);
#   3. while 1,000 loopback feeds arrive (each answered after 0-300 ms,
#      then all with no delay): when the first frame is drawn, when the
#      board first shows a story, when the last feed has arrived (the
#      status line counts every feed answered, nothing in flight) and when
#      the board's story count last changed, all from the start;
#   4. key-to-screen latency (p50, p99) idle, and while 1,000 loopback
#      feeds arrive (at full speed, then 0-300 ms each) and are reloaded.
# Everything is read off the screen (tmux capture-pane): 1-3 by a shell
# loop, so those times include its polling, a few ms; 4 through one tmux
# control client (tests/tools/keylat), whose looks cost about 0.05 ms.
# Figures only, no pass/fail.  Run from the repository top with
# $WIREDESK and $BUILD set, as `make bench` does.
set -u
: "${WIREDESK:?}" "${BUILD:?}"
IDLE=${IDLE:-30}
W=$WIREDESK
GEN=$BUILD/tests/tools/gencorpus
FS=$BUILD/tests/tools/feedserver
KL=$BUILD/tests/tools/keylat
for b in "$GEN" "$FS" "$KL"; do
	if [ ! -x "$b" ]; then
		echo "dashboard bench: $b not built (make $b)"
		exit 2
	fi
done
tmp=$(mktemp -d "${TMPDIR:-/tmp}/dashbench.XXXXXX") || exit 2
sock="wdbench$$"
T="tmux -L $sock"
server_pid=
stop_server() {
	if [ -n "$server_pid" ]; then
		kill "$server_pid" 2>/dev/null
		wait "$server_pid" 2>/dev/null
	fi
	server_pid=
}
cleanup() {
	$T kill-server 2>/dev/null
	stop_server
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
	sp=$($T display -p '#{socket_path}' 2>/dev/null)
	$T kill-server 2>/dev/null
	# a server still shutting down would take the new session with it:
	# it is gone when its socket is
	i=0
	while [ -n "$sp" ] && [ -S "$sp" ] && [ $i -lt 100 ]; do
		sleep 0.05
		i=$((i + 1))
	done
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

# corpus DIR N: N feeds of the corpus in DIR; their names in DIR.list.
corpus() {
	"$GEN" -n "$2" "$1" >"$1.list"
}

first_frame() { # N feeds of 30 items
	nf=$1
	d="$tmp/ff$nf"
	corpus "$d" "$nf" || return
	while read -r f; do echo "$d/$f"; done <"$d.list" >"$d.urls"
	# store them, as a previous session would have
	"$W" --dump -d "$d.db" -f "$d.urls" >/dev/null 2>"$d.err"
	rm -rf "$d"
	# the feeds now answer nothing new: an unreachable local port
	for i in $(seq 1 "$nf"); do
		echo "http://127.0.0.1:9/f$i.xml"
	done >"$d.offline"
	t0=$(ms)
	start -d "$d.db" -f "$d.offline"
	if wait_frame; then
		t1=$(ms)
		sleep 1
		printf 'first frame with %d stored items: %d ms, peak RSS %s MiB\n' \
		    $((nf * 30)) $((t1 - t0)) "$(peak_mib "$pid")"
		eval "ff_ms_$nf=$((t1 - t0))"
	else
		echo "first frame with $((nf * 30)) items: no frame within 30 s"
	fi
	$T kill-server 2>/dev/null
	rm -f "$d".*
}

first_frame 334
first_frame 3334
first_frame 10000
if [ -n "${ff_ms_334:-}" ] && [ -n "${ff_ms_10000:-}" ]; then
	awk -v a="$ff_ms_334" -v b="$ff_ms_10000" -v na=$((334 * 30)) \
	    -v nb=$((10000 * 30)) 'BEGIN {
		printf "first frame per stored item, %d vs %d: %.2fx\n",
		    nb, na, (b / nb) / (a / na) }'
fi

# latency N LABEL [RELOAD_AT [GAP]]: N keys, Enter and q in turn (open
# the selected story, back to the board), each timed until the pane's top
# line shows the other view, by tests/tools/keylat: one tmux control
# client reads the screen, a look costing a few hundredths of a ms, so
# the figures are the program's and tmux's, not the polling's.  Only a
# key can change the view, so feeds arriving meanwhile cannot end a wait
# early.  R (reload every feed) goes before key RELOAD_AT; GAP ms pass
# between a view showing and the next key, so that the keys span the
# arrivals as a person's would.
latency() {
	"$KL" -L "$sock" -n "$1" -w "$2" ${3:+-r "$3"} ${4:+-i "$4"} ||
	    echo "key-to-screen $2: could not be measured"
}

# Waits until the board shows at least one story.
wait_panel() {
	i=0
	while ! $T capture-pane -p 2>/dev/null | head -1 |
	    grep -q ' [1-9][0-9]* stor'; do
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
latency 60 "while idle"
$T kill-server 2>/dev/null

# The 1,000 feeds, served by feedserver (its own delays, if any, make
# arrival order differ from request order).
corpus "$tmp/www" 1000 || exit 2
nfeeds=$(wc -l <"$tmp/www.list")

# serve [ARGS]: (re)starts feedserver on $tmp/www; writes $tmp/urls.
serve() {
	stop_server
	rm -f "$tmp/port"
	"$FS" -d "$tmp/www" -p "$tmp/port" -t 600 "$@" >/dev/null 2>&1 &
	server_pid=$!
	i=0
	while [ ! -s "$tmp/port" ] && [ $i -lt 200 ]; do
		sleep 0.05
		i=$((i + 1))
	done
	port=$(cat "$tmp/port")
	while read -r f; do
		echo "http://127.0.0.1:$port/$f"
	done <"$tmp/www.list" >"$tmp/urls"
}

# arrivals LABEL: starts the dashboard with an empty database on
# $tmp/urls and watches the screen until the story count has not changed
# for 2 s after the last feed arrived (at most 120 s).
arrivals() {
	db="$tmp/arrivals.db"
	rm -f "$db" "$db"-*
	t0=$(ms)
	start -d "$db" -f "$tmp/urls"
	tf= ts= tl= tc=$t0 last= seen=
	while [ $(($(ms) - t0)) -lt 120000 ]; do
		st=$($T capture-pane -p 2>/dev/null | grep ' feeds [0-9]* ok' |
		    tail -1)
		t=$(ms)
		if [ -z "$st" ]; then
			sleep 0.005
			continue
		fi
		[ -n "$tf" ] || tf=$t
		n=$(printf '%s\n' "$st" | sed -n 's/.* \([0-9]*\) stories.*/\1/p')
		[ -z "$ts" ] && [ "${n:-0}" -gt 0 ] && ts=$t
		[ "$n" != "$last" ] && { last=$n; tc=$t; }
		case $st in
		*fetching*) seen=1 ;;
		*)
			if [ -z "$tl" ] && [ -n "$seen" ]; then
				ok=$(printf '%s\n' "$st" |
				    sed -n 's/.* feeds \([0-9]*\) ok.*/\1/p')
				bad=$(printf '%s\n' "$st" |
				    sed -n 's/.* \([0-9]*\) failed.*/\1/p')
				[ $((ok + ${bad:-0})) -ge "$nfeeds" ] && tl=$t
			fi
			;;
		esac
		[ -n "$tl" ] && [ $((t - tc)) -ge 2000 ] && break
		sleep 0.005
	done
	items=$(printf '%s\n' "$st" | sed -n 's/.* \([0-9]*\) items.*/\1/p')
	rel() { [ -n "$1" ] && echo "$(($1 - t0)) ms" || echo "never"; }
	printf '%s: first frame %s, first story %s, last feed %s, story count last changed %s (%s items, %s stories)\n' \
	    "$1" "$(rel "$tf")" "$(rel "$ts")" "$(rel "$tl")" "$(rel "$tc")" \
	    "${items:-?}" "${last:-?}"
	if [ -n "$ts" ] && [ -n "$tl" ]; then
		if [ "$ts" -lt "$tl" ]; then
			echo "  first stories on the board $((tl - ts)) ms before the last feed arrived"
		else
			echo "  the board showed no story before the last feed arrived"
		fi
	fi
	$T kill-server 2>/dev/null
}

serve --delay-seed 7
arrivals "1,000 feeds, each answered after 0-300 ms"
serve
arrivals "1,000 feeds, no delay"

# Key latency while 1,000 loopback feeds arrive and are reloaded: 300
# keys about 20 ms apart span the arrivals and the reload, first at full
# speed (the most work a turn of the loop gets), then with each feed
# answered after 0-300 ms.
serve
start -d "$tmp/lat1.db" -f "$tmp/urls"
sleep 1 # looks in the pane's first moments can leave it blank here
wait_panel &&
    latency 300 "while 1,000 feeds arrive at full speed and reload" 150 20
serve --delay-seed 7
start -d "$tmp/lat2.db" -f "$tmp/urls"
sleep 1 # looks in the pane's first moments can leave it blank here
wait_panel &&
    latency 300 "while 1,000 feeds arrive (0-300 ms each) and reload" 150 20
