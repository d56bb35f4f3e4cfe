#!/bin/sh
# storm: the dashboard under a storm of keys, as a reporter with a cat on
# the keyboard would give it.  The demo feeds and hostile ones (a server
# that never answers, one that drips a byte a second, a gzip bomb, broken
# compression, error codes, a redirect chain, a missing file, a line that
# is no feed) load while about 2,000 keys arrive in bursts, every binding
# of every view and keys bound to nothing, with the terminal resized from
# 200x60 down to 3x2 between bursts, and the feeds file is rewritten
# under it (half of it, one line, empty, garbage, a directory, gone,
# whole again; in place or by rename).  The keys come from a seeded
# generator (STORM_SEED, default 1; STORM_KEYS to change the count), so a
# failure can be replayed.  Afterwards the dashboard must still be
# running, quit at once on Q with status 0, and have printed nothing but
# its reports of the feeds file, and its log must show the edits followed
# (under the sanitizer builds of make test,
# any memory error or undefined behaviour ends it first).
set -u
: "${WIREDESK:?}" "${BUILD:?}"
SERVER=$BUILD/tests/tools/feedserver
SEED=${STORM_SEED:-1}
NKEYS=${STORM_KEYS:-2000}
tmp=$(mktemp -d)
sock="wiredesk-storm-$$"
T="tmux -L $sock -f /dev/null"
pids=""
cleanup() {
	$T kill-server 2>/dev/null
	for p in $pids; do kill "$p" 2>/dev/null; done
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 2' INT TERM HUP

. tests/support/tap.sh
. tests/support/screen.sh
. tests/support/serve.sh

command -v tmux >/dev/null || { notok "tmux is installed"; exit 1; }

serve feeds/demo --delay-seed 7
base="http://127.0.0.1:$port"
{
	for f in $(cd feeds/demo && ls | sort); do
		echo "$base/$f tag:demo"
	done
	for r in hang drip bomb coded/garbage coded/truncated 404 500 429 \
	    redirect/3 redirect-file big/3000000 stream/200000; do
		echo "$base/$r"
	done
	echo "file:///nonexistent/feed.xml"
	echo "\"an unclosed quote"
} >"$tmp/feeds"
cp "$tmp/feeds" "$tmp/feeds.all"
# edit VARIANT: what the feeds file becomes
edit() {
	rm -rf "$tmp/feeds.new"
	case $1 in
	half) head -8 "$tmp/feeds.all" >"$tmp/feeds.new" ;;
	one) tail -3 "$tmp/feeds.all" | head -1 >"$tmp/feeds.new" ;;
	empty) : >"$tmp/feeds.new" ;;
	garbage) head -c 3000 /dev/urandom >"$tmp/feeds.new" ;;
	dir) mkdir "$tmp/feeds.new" ;;
	gone) rm -rf "$tmp/feeds"; return ;;
	inplace) rm -rf "$tmp/feeds"; cat "$tmp/feeds.all" >"$tmp/feeds"; return ;;
	*) cp "$tmp/feeds.all" "$tmp/feeds.new" ;;
	esac
	rm -rf "$tmp/feeds"
	mv "$tmp/feeds.new" "$tmp/feeds"
}
cat >"$tmp/config" <<'EOF'
refresh-interval 30s
watch Sony "Black Friday"
breaking-outlets 2
EOF
echo "log-file $tmp/log" >>"$tmp/config"

mkdir -p "$tmp/home" "$tmp/cfg" "$tmp/data"
printf '#!/bin/sh\nexit 0\n' >"$tmp/browser"
chmod +x "$tmp/browser"
# env -i keeps the reporter's environment out; the sanitizers' settings
# of make test go in
sanenv=
for v in ASAN_OPTIONS UBSAN_OPTIONS TSAN_OPTIONS; do
	eval "val=\${$v:-}"
	[ -n "$val" ] && sanenv="$sanenv $v='$val'"
done
$T new-session -d -s keep "exec sleep 600"
$T new-session -d -s storm -x 120 -y 40 \
    "env -i PATH='$PATH' HOME='$tmp/home' XDG_CONFIG_HOME='$tmp/cfg' \
    XDG_DATA_HOME='$tmp/data' LC_ALL=C.UTF-8 TZ=UTC TERM=xterm-256color \
    BROWSER='$tmp/browser'$sanenv \
    '$WIREDESK' -f '$tmp/feeds' -c '$tmp/config' 2>'$tmp/stderr'; \
    echo \$? >'$tmp/exit'; exec sleep 600"
cur=storm
if wait_for 'wiredesk ·' 20; then
	ok "the board is up"
else
	notok "the board is up"
	exit 1
fi

# The storm: bursts of 1-24 keys, a resize now and then.  No q or Q (on
# the board q quits) and no C-c or C-z (signals: quit, suspend): the
# storm is to go on to its end.
awk -v seed="$SEED" -v n="$NKEYS" 'BEGIN {
	srand(seed)
	k = split("k j h l Up Down Left Right PPage NPage g G Home End " \
	    "Enter o r R / Escape n w ! m A e ? C-l BSpace Tab Space " \
	    "DC IC F1 F5 F12 a b c x y z 0 1 9 - . , : é 日 S-Tab " \
	    "M-a C-a C-w C-u C-k BTab", key, " ")
	split("200x60 120x40 80x24 40x12 20x6 3x2 132x43 60x30 1x1", size, " ")
	sent = 0
	split("half one empty garbage dir gone inplace all", variant, " ")
	while (sent < n) {
		if (rand() < 0.12) {
			print "edit " variant[1 + int(rand() * 8)]
			continue
		}
		if (rand() < 0.1) {
			print "resize " size[1 + int(rand() * 9)]
			continue
		}
		m = 1 + int(rand() * 24)
		line = "keys"
		for (i = 0; i < m && sent < n; i++) {
			line = line " " key[1 + int(rand() * k)]
			sent++
		}
		print line
	}
}' >"$tmp/plan"
nresize=$(grep -c '^resize' "$tmp/plan")
nedit=$(grep -c '^edit' "$tmp/plan")
while read -r what rest; do
	case $what in
	resize)
		$T resize-window -t storm -x "${rest%x*}" -y "${rest#*x}"
		;;
	edit) edit "$rest" ;;
	keys)
		# shellcheck disable=SC2086 # one key a word
		$T send-keys -t storm $rest
		;;
	esac
	sleep 0.05
done <"$tmp/plan"
# logged: the feeds file's lines matching ERE, after the storm, at most
# 15 s for the one more than were there
logged() {
	l_was=$(grep -Ec "$1" "$tmp/log")
	l_n=0
	while [ "$(grep -Ec "$1" "$tmp/log")" -le "$l_was" ] &&
	    [ $l_n -lt 150 ]; do
		sleep 0.1
		l_n=$((l_n + 1))
	done
	[ $l_n -lt 150 ]
}
edit garbage
check "after the storm, a garbage feeds file keeps the feeds" \
	logged 'feeds: no usable feed .*; still fetching the [0-9]+ feeds'
edit all
check "... and the whole file is followed again" \
	logged 'feeds file read again: 20 feeds'

if [ -e "$tmp/exit" ]; then
	notok "still running after $NKEYS keys, $nresize resizes and $nedit edits of the feeds file (seed $SEED)"
	cat "$tmp/stderr"
else
	ok "still running after $NKEYS keys, $nresize resizes and $nedit edits of the feeds file (seed $SEED)"
fi
$T resize-window -t storm -x 120 -y 40
$T send-keys -t storm Escape Q
i=0
while [ ! -e "$tmp/exit" ] && [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
rc=$(cat "$tmp/exit" 2>/dev/null)
check "Q quits at once after the storm, with status 0 (got ${rc:-none})" \
	test "${rc:-x}" = 0
# What it may print: the feeds file's bad line, nothing else.
grep -v 'feeds:[0-9]*: ' "$tmp/stderr" >"$tmp/other"
if [ -s "$tmp/other" ]; then
	notok "nothing on stderr but the feeds file's report"
	head -40 "$tmp/other"
else
	ok "nothing on stderr but the feeds file's report"
fi
check "the bad line of the feeds file is reported" \
	grep -q 'feeds:[0-9]*: ' "$tmp/stderr"

exit $fail
