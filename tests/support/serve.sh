# serve.sh: the loopback feed server (tests/tools/feedserver) for the
# shell tests, sourced after tap.sh.  The caller sets SERVER (the
# program), tmp, and pids, which its cleanup kills.

# serve DOCROOT [OPTION...]: starts a server on DOCROOT with feedserver's
# options (--delay-seed N, -l LOG, -t SECONDS: 300 unless given), adds it
# to $pids, and sets $port once it accepts connections (at most 5 s).
serve() {
	s_root=$1
	shift
	rm -f "$tmp/port"
	"$SERVER" -d "$s_root" -p "$tmp/port" -t 300 "$@" >/dev/null 2>&1 &
	pids="$pids $!"
	s_n=0
	while [ ! -s "$tmp/port" ] && [ $s_n -lt 100 ]; do
		sleep 0.05
		s_n=$((s_n + 1))
	done
	port=$(cat "$tmp/port" 2>/dev/null)
}
