#!/bin/sh
# Fetch benchmark: 1,000 small RSS feeds on a loopback server, fetched by
# `wiredesk --dump`, by `curl --parallel --parallel-max 16` (the floor:
# transfers only, no parsing) and by `newsboat -x reload` when installed.
# Prints wall times (best of $REPEAT runs), ratios and peak RSS; figures
# only, no pass/fail.
#
# Run from the repository top with $WIREDESK (the binary) and $BUILD (the
# build directory, for feedserver) set, as `make bench` does.  The server
# is nginx when installed (its config, pid, logs and temp paths all live
# in a temp dir), else $BUILD/tests/tools/feedserver.  N, ITEMS and REPEAT
# may be overridden from the environment; KEEP=1 keeps the temp dir.
set -u
: "${WIREDESK:?}" "${BUILD:?}"
N=${N:-1000}
ITEMS=${ITEMS:-10}
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

# ---- feeds: N files of ITEMS items, deterministic ----
mkdir -p "$tmp/www/feeds" "$tmp/home"
sh tests/tools/genfeeds.sh "$tmp/www/feeds" "$N" "$ITEMS" || exit 2

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
if command -v nginx >/dev/null 2>&1; then
	mkdir -p "$tmp/nginx"
	user_line=
	[ "$(id -u)" -eq 0 ] && user_line="user $(id -un) $(id -gn);"
	tries=0
	while [ $tries -lt 10 ] && [ -z "$server" ]; do
		tries=$((tries + 1))
		port=$(free_port $tries)
		cat >"$tmp/nginx/nginx.conf" <<EOF
$user_line
daemon off;
worker_processes 1;
pid $tmp/nginx/nginx.pid;
lock_file $tmp/nginx/nginx.lock;
error_log $tmp/nginx/error.log;
events { worker_connections 4096; }
http {
	access_log off;
	client_body_temp_path $tmp/nginx/body;
	proxy_temp_path $tmp/nginx/proxy;
	fastcgi_temp_path $tmp/nginx/fastcgi;
	uwsgi_temp_path $tmp/nginx/uwsgi;
	scgi_temp_path $tmp/nginx/scgi;
	types { application/rss+xml xml; }
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
				server="nginx $(nginx -v 2>&1 | sed 's,.*/,,')"
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
	[ -n "$server" ] || say "nginx would not start ($(tail -1 "$tmp/nginx/error.log")); using feedserver"
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
	server="feedserver"
fi

# ---- URL lists ----
i=1
: >"$tmp/feeds.urls"
: >"$tmp/curl.cfg"
printf 'write-out = "%%{http_code}\\n"\n' >>"$tmp/curl.cfg"
while [ $i -le "$N" ]; do
	u=$(printf 'http://127.0.0.1:%s/feeds/f%04d.xml' "$port" "$i")
	printf '%s\n' "$u" >>"$tmp/feeds.urls"
	printf 'url = "%s"\noutput = "/dev/null"\n' "$u" >>"$tmp/curl.cfg"
	i=$((i + 1))
done

# ---- timing ----
gnutime=
if [ -x /usr/bin/time ] && /usr/bin/time -f '%e %M' -o /dev/null true \
    2>/dev/null; then
	gnutime=/usr/bin/time
fi
now() { date +%s.%N; }
case $(now) in *N) now() { date +%s; } ;; esac

# timed NAME OUT CMD...: runs CMD with stdout to OUT; sets wall (seconds,
# from date for millisecond resolution), rss (KiB from GNU time, or "?")
# and rc.
timed() {
	tf="$tmp/time.$1"
	out=$2
	shift 2
	t0=$(now)
	if [ -n "$gnutime" ]; then
		"$gnutime" -f '%M' -o "$tf" "$@" >"$out" 2>>"$tmp/stderr"
		rc=$?
		rss=$(awk 'END { print $1 }' "$tf")
	else
		"$@" >"$out" 2>>"$tmp/stderr"
		rc=$?
		rss="?"
	fi
	t1=$(now)
	wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
}

# best NAME CMD...: REPEAT runs; sets best_wall, best_rss (max), best_rc
# (of the last run).  $before, if set, runs before each one.
best() {
	name=$1
	shift
	best_wall=
	best_rss=0
	r=0
	while [ $r -lt "$REPEAT" ]; do
		[ -n "${before:-}" ] && eval "$before"
		timed "$name" "$tmp/out.$name" "$@"
		best_rc=$rc
		if [ -z "$best_wall" ] ||
		    awk -v a="$wall" -v b="$best_wall" 'BEGIN { exit !(a < b) }'; then
			best_wall=$wall
		fi
		if [ "$rss" = "?" ]; then
			best_rss="?"
		elif [ "$best_rss" != "?" ] && [ "$rss" -gt "$best_rss" ]; then
			best_rss=$rss
		fi
		r=$((r + 1))
	done
}

mib() {
	case $1 in
	\?) printf 'n/a' ;;
	*) awk -v k="$1" 'BEGIN { printf "%.1f MiB", k / 1024 }' ;;
	esac
}

ratio() {
	awk -v a="$1" -v b="$2" \
	    'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "n/a" }'
}

say "fetch bench: $N feeds x $ITEMS items, $server on 127.0.0.1:$port," \
    "best of $REPEAT"
[ -n "$gnutime" ] || say "(GNU time absent: wall times from date, no peak RSS)"

# curl: the transfer floor
before=
best curl curl --parallel --parallel-max "$PAR" -s --no-progress-meter \
    -K "$tmp/curl.cfg"
curl_wall=$best_wall
ok=$(grep -c '^200$' "$tmp/out.curl")
say "$(printf '%-28s %7s s   %s/%s HTTP 200   peak RSS %s' \
    "curl --parallel-max $PAR" "$curl_wall" "$ok" "$N" "$(mib "$best_rss")")"

# wiredesk --dump, isolated from the user's config and data
wd_wall=
if [ -x "$WIREDESK" ]; then
	mkdir -p "$tmp/home/.config" "$tmp/home/.local/share"
	best wiredesk env HOME="$tmp/home" \
	    XDG_CONFIG_HOME="$tmp/home/.config" \
	    XDG_DATA_HOME="$tmp/home/.local/share" \
	    "$WIREDESK" --dump -f "$tmp/feeds.urls"
	case $best_rc in
	0) state="all feeds ok" ;;
	1) state="some feeds failed (exit 1)" ;;
	*) state="--dump failed (exit $best_rc): $(tail -1 "$tmp/stderr")" ;;
	esac
	if [ "$best_rc" -le 1 ]; then
		wd_wall=$best_wall
		say "$(printf '%-28s %7s s   %s   peak RSS %s' "wiredesk --dump" \
		    "$wd_wall" "$state" "$(mib "$best_rss")")"
	else
		say "wiredesk --dump: $state"
	fi
else
	say "wiredesk: $WIREDESK is not executable"
fi

# newsboat, 16 reload threads to match the connection cap
nb_wall=
if command -v newsboat >/dev/null 2>&1; then
	mkdir -p "$tmp/nb"
	printf 'reload-threads %s\n' "$PAR" >"$tmp/nb/config"
	before='rm -f "$tmp/nb/cache.db" "$tmp/nb/cache.db.lock"'
	best newsboat env HOME="$tmp/nb" XDG_CONFIG_HOME="$tmp/nb" \
	    XDG_DATA_HOME="$tmp/nb" newsboat -u "$tmp/feeds.urls" \
	    -c "$tmp/nb/cache.db" -C "$tmp/nb/config" -x reload
	before=
	if [ "$best_rc" -eq 0 ]; then
		nb_wall=$best_wall
		say "$(printf '%-28s %7s s   reload-threads %s   peak RSS %s' \
		    "newsboat -x reload" "$nb_wall" "$PAR" "$(mib "$best_rss")")"
	else
		say "newsboat -x reload failed (exit $best_rc): $(tail -1 "$tmp/stderr")"
	fi
else
	say "newsboat: not installed"
fi

if [ -n "$wd_wall" ]; then
	say "ratio wiredesk/curl:     $(ratio "$wd_wall" "$curl_wall")"
	[ -n "$nb_wall" ] &&
	    say "ratio wiredesk/newsboat: $(ratio "$wd_wall" "$nb_wall")"
fi
exit 0
