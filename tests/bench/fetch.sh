#!/bin/sh
# Fetch benchmark, the table of issue 10: N feeds on a loopback nginx
# with gzip on, fetched in one run by
#   curl --parallel --parallel-max 16 --compressed  (the floor: transfers
#                                                    only, no parsing)
#   wiredesk --dump                                 (cold: no database)
#   newsboat -x reload, reload-threads 16           (when installed)
#   wiredesk --dump -d DB, twice on one database    (the second run: every
#                                                    feed answers 304)
# with wall time, CPU (user + system) and peak RSS of each, the ratios
# the issue's "Must hold" names, the bytes on the wire and the answers
# the server gave (from its access log), whether the second -d run
# printed the same JSON as the first, and where the fastest cold
# --dump's time went (its WIREDESK_TIMING line: fetching and parsing,
# counting during and after, adding).  Figures only, no pass/fail.
#
# The corpus (CORPUS=realistic, the default) is tests/tools/gencorpus's:
# 30 items a feed, 34-51 KB a file, 9% Atom, headlines from the UCI
# sample (tests/support/corpus.c).  CORPUS=small is the issue-2 run:
# tests/tools/genfeeds.sh's 10 short items a feed.  N (default 1000),
# ITEMS (default 30, or 10 for small) and REPEAT (default 3; each figure
# is the best of REPEAT runs, peak RSS the largest) may be set; KEEP=1
# keeps the temp dir.  wiredesk runs with its defaults (a fresh HOME and
# XDG dirs): 16 connections, at most 4 to one host.
#
# Run from the repository top with $WIREDESK (the binary) and $BUILD (the
# build directory, for gencorpus and feedserver) set, as `make bench`
# does.  The server is nginx when installed (its config, pid, logs and
# temp paths all live in the temp dir), else $BUILD/tests/tools/feedserver
# (no gzip, no access log).  Everything it starts it stops, and the temp
# dir goes on exit.
set -u
: "${WIREDESK:?}" "${BUILD:?}"
CORPUS=${CORPUS:-realistic}
N=${N:-1000}
case $CORPUS in
small) ITEMS=${ITEMS:-10} ;;
realistic) ITEMS=${ITEMS:-30} ;;
*)
	echo "fetch bench: CORPUS is realistic or small, not $CORPUS"
	exit 2
	;;
esac
REPEAT=${REPEAT:-3}
PAR=16

tmp=$(mktemp -d "${TMPDIR:-/tmp}/fetchbench.XXXXXX") || exit 2
server_pid=
cleanup() {
	if [ -n "$server_pid" ]; then
		kill "$server_pid" 2>/dev/null
		wait "$server_pid" 2>/dev/null
	fi
	if [ -n "${KEEP:-}" ]; then
		printf 'kept %s\n' "$tmp"
	else
		rm -rf "$tmp"
	fi
}
trap cleanup EXIT
trap 'exit 2' INT TERM HUP

say() { printf '%s\n' "$*"; }

# ---- feeds: deterministic ----
mkdir -p "$tmp/www/feeds" "$tmp/home"
if [ "$CORPUS" = small ]; then
	sh tests/tools/genfeeds.sh "$tmp/www/feeds" "$N" "$ITEMS" || exit 2
else
	gen="$BUILD/tests/tools/gencorpus"
	if [ ! -x "$gen" ]; then
		say "fetch bench: $gen not built (make $gen)"
		exit 2
	fi
	"$gen" -n "$N" -i "$ITEMS" -s "$tmp/www/feeds" >/dev/null \
	    2>"$tmp/corpus" || { cat "$tmp/corpus"; exit 2; }
fi
bytes=$(cat "$tmp"/www/feeds/* | wc -c)

# ---- server ----
free_port() {
	# a port in the dynamic range; the caller retries if it is taken
	awk -v s="$$" -v t="$1" 'BEGIN {
		srand()
		print 20000 + int(rand() * 40000 + s * 7 + t * 7919) % 40000
	}'
}
server=
port=
log=
if command -v nginx >/dev/null 2>&1; then
	mkdir -p "$tmp/nginx"
	log="$tmp/nginx/access.log"
	user_line=
	[ "$(id -u)" -eq 0 ] && user_line="user $(id -un) $(id -gn);"
	tries=0
	while [ $tries -lt 10 ] && [ -z "$server" ]; do
		tries=$((tries + 1))
		port=$(free_port $tries)
		# The access log is opened for appending, so the script can
		# empty it between runs and read one run's answers.
		cat >"$tmp/nginx/nginx.conf" <<EOF
$user_line
daemon off;
worker_processes 1;
pid $tmp/nginx/nginx.pid;
lock_file $tmp/nginx/nginx.lock;
error_log $tmp/nginx/error.log;
events { worker_connections 4096; }
http {
	log_format bench '\$status \$body_bytes_sent';
	access_log $log bench;
	client_body_temp_path $tmp/nginx/body;
	proxy_temp_path $tmp/nginx/proxy;
	fastcgi_temp_path $tmp/nginx/fastcgi;
	uwsgi_temp_path $tmp/nginx/uwsgi;
	scgi_temp_path $tmp/nginx/scgi;
	types {
		application/rss+xml xml;
		application/atom+xml atom;
	}
	gzip on;
	gzip_types application/rss+xml application/atom+xml;
	keepalive_requests 100000;
	server {
		listen 127.0.0.1:$port;
		root $tmp/www;
	}
}
EOF
		nginx -p "$tmp/nginx" -e "$tmp/nginx/error.log" \
		    -c "$tmp/nginx/nginx.conf" 2>>"$tmp/nginx/error.log" &
		server_pid=$!
		i=0
		while [ $i -lt 50 ]; do
			if curl -fs -o /dev/null \
			    "http://127.0.0.1:$port/feeds/f0001.xml"; then
				server="nginx $(nginx -v 2>&1 | sed 's,.*/,,') (gzip on)"
				break
			fi
			kill -0 "$server_pid" 2>/dev/null || break
			sleep 0.1
			i=$((i + 1))
		done
		if [ -z "$server" ]; then
			kill "$server_pid" 2>/dev/null
			wait "$server_pid" 2>/dev/null
			server_pid=
		fi
	done
	[ -n "$server" ] || {
		say "nginx would not start ($(tail -1 "$tmp/nginx/error.log")); using feedserver"
		log=
	}
fi
if [ -z "$server" ]; then
	fs="$BUILD/tests/tools/feedserver"
	if [ ! -x "$fs" ]; then
		say "fetch bench: no nginx and no $fs (make $fs)"
		exit 2
	fi
	"$fs" -d "$tmp/www" -p "$tmp/port" -t 1800 &
	server_pid=$!
	i=0
	while [ ! -s "$tmp/port" ] && [ $i -lt 50 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	port=$(cat "$tmp/port" 2>/dev/null)
	[ -n "$port" ] || { say "fetch bench: feedserver did not start"; exit 2; }
	server="feedserver (no gzip)"
fi

# The processes that serve: nginx's workers (the master only forks
# them), or feedserver itself.
srv_pids=
if [ "${server#nginx}" != "$server" ]; then
	for f in /proc/[0-9]*/stat; do
		read -r l <"$f" 2>/dev/null || continue
		set -- ${l##*) }
		[ "$2" = "$server_pid" ] && srv_pids="$srv_pids ${f#/proc/}"
	done
	srv_pids=$(printf '%s' "$srv_pids" | sed 's,/stat,,g')
fi
[ -n "$srv_pids" ] || srv_pids=$server_pid
hz=$(getconf CLK_TCK 2>/dev/null || echo 100)

# CPU ticks the server has used so far.
srv_ticks() {
	t=0
	for p in $srv_pids; do
		read -r l <"/proc/$p/stat" 2>/dev/null || continue
		set -- ${l##*) }
		t=$((t + ${12} + ${13}))
	done
	echo "$t"
}

# ---- URL lists ----
: >"$tmp/feeds.urls"
: >"$tmp/curl.cfg"
printf 'write-out = "%%{http_code}\\n"\n' >>"$tmp/curl.cfg"
for f in $(cd "$tmp/www/feeds" && ls); do
	u="http://127.0.0.1:$port/feeds/$f"
	printf '%s\n' "$u" >>"$tmp/feeds.urls"
	printf 'url = "%s"\noutput = "/dev/null"\n' "$u" >>"$tmp/curl.cfg"
done

# ---- timing ----
gnutime=
if [ -x /usr/bin/time ] && /usr/bin/time -f '%e %M' -o /dev/null true \
    2>/dev/null; then
	gnutime=/usr/bin/time
fi
now() { date +%s.%N; }
case $(now) in *N) now() { date +%s; } ;; esac

# timed NAME OUT CMD...: runs CMD with stdout to OUT and stderr to
# $tmp/err.NAME; sets wall (seconds, from date for millisecond
# resolution), cpu (user + system seconds from GNU time, or "?"), rss
# (KiB from GNU time, or "?") and rc.
timed() {
	tf="$tmp/time.$1"
	ef="$tmp/err.$1"
	out=$2
	shift 2
	s0=$(srv_ticks)
	t0=$(now)
	if [ -n "$gnutime" ]; then
		"$gnutime" -f '%M %U %S' -o "$tf" "$@" >"$out" 2>"$ef"
		rc=$?
		rss=$(awk 'END { print $1 }' "$tf")
		cpu=$(awk 'END { printf "%.2f", $2 + $3 }' "$tf")
	else
		"$@" >"$out" 2>"$ef"
		rc=$?
		rss="?"
		cpu="?"
	fi
	t1=$(now)
	s1=$(srv_ticks)
	wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
	srv=$(awk -v t=$((s1 - s0)) -v hz="$hz" 'BEGIN { printf "%.2f", t / hz }')
}

lt() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a < b) }'; }

# keep NAME: folds the last timed run into NAME's best figures:
# NAME_wall, NAME_cpu and NAME_srv (least), NAME_rss (largest), NAME_rc
# (last).
keep() {
	eval "bw=\${${1}_wall:-}; bc=\${${1}_cpu:-}; br=\${${1}_rss:-0}"
	eval "bs=\${${1}_srv:-}"
	{ [ -z "$bw" ] || lt "$wall" "$bw"; } && bw=$wall
	{ [ -z "$bs" ] || lt "$srv" "$bs"; } && bs=$srv
	if [ "$cpu" = "?" ]; then
		bc="?"
	elif [ -z "$bc" ] || lt "$cpu" "$bc"; then
		bc=$cpu
	fi
	if [ "$rss" = "?" ]; then
		br="?"
	elif [ "$rss" -gt "$br" ]; then
		br=$rss
	fi
	eval "${1}_wall=\$bw; ${1}_cpu=\$bc; ${1}_rss=\$br; ${1}_rc=\$rc"
	eval "${1}_srv=\$bs"
}

# answers: what the server logged since the log was emptied, as
# "1000x200, 12.8 MB" (statuses by count, then body bytes); "" without
# a log.
answers() {
	[ -n "$log" ] && [ -f "$log" ] || return 0
	awk '{ n[$1]++; b += $2 } END {
		for (s in n) printf "%dx%s ", n[s], s
		printf "%.1f MB", b / 1e6 }' "$log"
}
reset_log() { [ -n "$log" ] && : >"$log"; }

mib() {
	case $1 in
	\? | "") printf 'n/a' ;;
	*) awk -v k="$1" 'BEGIN { printf "%.1f MiB", k / 1024 }' ;;
	esac
}
secs() {
	case $1 in
	\? | "") printf 'n/a' ;;
	*) printf '%s s' "$1" ;;
	esac
}
ratio() {
	awk -v a="$1" -v b="$2" \
	    'BEGIN { if (a != "" && b > 0) printf "%.1f", a / b; else printf "n/a" }'
}
row() { printf '| %s | %s | %s | %s | %s | %s |\n' "$@"; }
# cl_ms NAME: the clustering time the run's WIREDESK_TIMING line gives.
cl_ms() {
	sed -n 's/.*clustered [0-9]* items in \([0-9]*\) ms.*/\1/p' \
	    "$tmp/err.$1" | tail -1
}

# Every tool runs isolated from the user's config and data (curl's
# .curlrc included).
mkdir -p "$tmp/home/.config" "$tmp/home/.local/share" "$tmp/nb"
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" \
    XDG_DATA_HOME="$tmp/home/.local/share"
printf 'reload-threads %s\n' "$PAR" >"$tmp/nb/config"
have_wd=
[ -x "$WIREDESK" ] && have_wd=1
have_nb=
command -v newsboat >/dev/null 2>&1 && have_nb=1

say "fetch bench: $N feeds x $ITEMS items ($CORPUS corpus," \
    "$(awk -v b="$bytes" 'BEGIN { printf "%.1f MB", b / 1e6 }')), $server" \
    "on 127.0.0.1:$port, best of $REPEAT, one run"
[ -s "$tmp/corpus" ] && sed 's/^/  corpus: /' "$tmp/corpus"
[ -n "$gnutime" ] || say "(GNU time absent: wall times from date, no CPU or RSS)"
[ -n "$have_wd" ] || say "wiredesk: $WIREDESK is not executable"
[ -n "$have_nb" ] || say "newsboat: not installed (make deps-bench)"

# The tools take turns within each round, so a slow spell of the
# machine (another job on its two cores) falls on all of them alike.
jsame=yes
r=0
while [ $r -lt "$REPEAT" ]; do
	r=$((r + 1))
	reset_log
	timed curl "$tmp/out.curl" curl --parallel --parallel-max "$PAR" \
	    --compressed -s --no-progress-meter -K "$tmp/curl.cfg"
	keep curl
	curl_ans=$(answers)
	curl_ok=$(grep -c '^200$' "$tmp/out.curl")
	if [ -n "$have_wd" ]; then
		reset_log
		timed dump "$tmp/out.dump" env WIREDESK_TIMING=1 "$WIREDESK" \
		    --dump -f "$tmp/feeds.urls"
		# where the fastest run's time went
		if [ -z "${dump_wall:-}" ] || lt "$wall" "$dump_wall"; then
			dump_phases=$(sed -n 's/^wiredesk: timing: //p' \
			    "$tmp/err.dump" | tail -1)
		fi
		keep dump
		dump_ans=$(answers)
		# the same database twice: fetched, then all 304
		rm -f "$tmp/db" "$tmp/db-wal" "$tmp/db-shm" "$tmp/db-journal"
		reset_log
		timed db1 "$tmp/out.db1" env WIREDESK_TIMING=1 "$WIREDESK" \
		    --dump -d "$tmp/db" -f "$tmp/feeds.urls"
		keep db1
		db1_cl=$(cl_ms db1)
		db1_ans=$(answers)
		reset_log
		timed db2 "$tmp/out.db2" env WIREDESK_TIMING=1 "$WIREDESK" \
		    --dump -d "$tmp/db" -f "$tmp/feeds.urls"
		keep db2
		db2_cl=$(cl_ms db2)
		db2_ans=$(answers)
		cmp -s "$tmp/out.db1" "$tmp/out.db2" || jsame=no
	fi
	if [ -n "$have_nb" ]; then
		rm -f "$tmp/nb/cache.db" "$tmp/nb/cache.db.lock"
		reset_log
		timed nb "$tmp/out.nb" env HOME="$tmp/nb" \
		    XDG_CONFIG_HOME="$tmp/nb" XDG_DATA_HOME="$tmp/nb" \
		    newsboat -u "$tmp/feeds.urls" -c "$tmp/nb/cache.db" \
		    -C "$tmp/nb/config" -x reload
		keep nb
		nb_ans=$(answers)
	fi
done

# state NAME: what a run's exit status says.
state() {
	eval "s=\${${1}_rc:-}"
	case $s in
	0) printf 'ok' ;;
	1) printf 'some feeds failed (exit 1)' ;;
	*) printf 'failed (exit %s: %s)' "$s" "$(tail -1 "$tmp/err.$1")" ;;
	esac
}

say ""
row tool wall CPU "peak RSS" "server CPU" "server's answers, body bytes"
row --- --- --- --- --- ---
row "\`curl --parallel-max $PAR --compressed\` (network floor)" \
    "$(secs "$curl_wall")" "$(secs "$curl_cpu")" "$(mib "$curl_rss")" \
    "$(secs "$curl_srv")" "${curl_ans:-$curl_ok/$N HTTP 200}"
if [ -n "$have_wd" ]; then
	row "\`wiredesk --dump\` ($(state dump))" \
	    "$(secs "$dump_wall") ($(ratio "$dump_wall" "$curl_wall")x)" \
	    "$(secs "$dump_cpu")" "$(mib "$dump_rss")" "$(secs "$dump_srv")" \
	    "${dump_ans:-not logged}"
fi
if [ -n "$have_nb" ]; then
	nbv=$(newsboat -v 2>/dev/null | awk 'NR == 1 { print $2 }')
	row "newsboat $nbv \`-x reload\`, $PAR threads ($(state nb))" \
	    "$(secs "$nb_wall")" "$(secs "$nb_cpu")" "$(mib "$nb_rss")" \
	    "$(secs "$nb_srv")" "${nb_ans:-not logged}"
fi
if [ -n "$have_wd" ]; then
	row "\`wiredesk --dump -d DB\`, 1st run ($(state db1))" \
	    "$(secs "$db1_wall")" "$(secs "$db1_cpu")" "$(mib "$db1_rss")" \
	    "$(secs "$db1_srv")" "${db1_ans:-not logged}"
	row "\`wiredesk --dump -d DB\`, 2nd run ($(state db2))" \
	    "$(secs "$db2_wall")" "$(secs "$db2_cpu")" "$(mib "$db2_rss")" \
	    "$(secs "$db2_srv")" "${db2_ans:-not logged}"
fi

say ""
if [ "$CORPUS" = realistic ]; then
	say "Must hold (issue 10), this run:"
else
	say "Ratios (issue 10's aims are for the realistic corpus):"
fi
if [ -n "$have_wd" ]; then
	say "- cold --dump / curl floor: $(ratio "$dump_wall" "$curl_wall")x" \
	    "wall (aim: at most 3x)"
	[ -n "$have_nb" ] &&
	    say "- newsboat / cold --dump: $(ratio "$nb_wall" "$dump_wall")x" \
	        "wall (aim: at least 25x)"
	say "- --dump -d DB, 2nd run / 1st run: clustering" \
	    "${db2_cl:-?} ms / ${db1_cl:-?} ms = $(ratio "${db2_cl:-}" \
	    "${db1_cl:-0}")x (aim: at most 1.5x; WIREDESK_TIMING), wall" \
	    "$(ratio "$db2_wall" "$db1_wall")x; 2nd run's" \
	    "answers: ${db2_ans:-not logged}; same JSON both runs: $jsame"
	if cmp -s "$tmp/out.dump" "$tmp/out.db1"; then
		say "  (the -d runs' JSON is also the cold --dump's)"
	else
		say "  (the -d runs' JSON differs from the cold --dump's)"
	fi
	say "- peak RSS of cold --dump: $(mib "$dump_rss") (aim: at most 48 MiB)"
	[ -n "${dump_phases:-}" ] &&
	    say "- cold --dump's fastest run (WIREDESK_TIMING): $dump_phases"
fi
exit 0
