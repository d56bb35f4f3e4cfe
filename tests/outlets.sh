#!/bin/sh
# outlets: one outlet's several feeds are one witness of a story, on the
# real dashboard in tmux against loopback feeds.  Two feeds on one host
# (an outlet's world and home sections, as the BBC's and the NYT's are)
# carry the same article, and a feed on another host takes the story up:
# the story's panel counts 2 outlets, not 3 (nor is it breaking news, as
# three outlets would make it), and shows the article once.
# A feed whose host does not say whose it is (an address) stays an outlet
# of its own.  Every wait is bounded; the tmux server and the feed
# server are always stopped.
set -u
: "${WIREDESK:?}" "${BUILD:?}"
SERVER=$BUILD/tests/tools/feedserver
tmp=$(mktemp -d)
sock="wiredesk-outlets-$$"
T="tmux -L $sock -f /dev/null"
server=
cleanup() {
	$T kill-server 2>/dev/null
	[ -n "$server" ] && kill "$server" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 2' INT TERM HUP

. tests/support/tap.sh
. tests/support/screen.sh

command -v tmux >/dev/null || { notok "tmux is installed"; exit 1; }
[ -x "$SERVER" ] || { notok "feedserver is built"; exit 1; }

www="$tmp/www"
mkdir -p "$www" "$tmp/home" "$tmp/data"
now=$(date +%s)
HK="Hong Kong: China's parliament approves security law plan"
HK2="China's parliament approves controversial Hong Kong security law"

# feed FILE SITE [LINK AGE TITLE]...: an RSS file of those items.
feed() {
	f_file=$1
	f_site=$2
	shift 2
	{
		printf '<?xml version="1.0"?><rss version="2.0"><channel>'
		printf '<title>%s</title><link>https://%s/</link>\n' \
		    "$f_file" "$f_site"
		while [ $# -ge 3 ]; do
			printf '<item><guid>%s</guid><title>%s</title>' "$1" "$3"
			printf '<link>%s</link><pubDate>%s</pubDate>' "$1" \
			    "$(date -u -R -d "@$((now - $2))")"
			printf '<description>Delegates back the national'
			printf ' security legislation.</description></item>\n'
			shift 3
		done
		printf '</channel></rss>\n'
	} >"$www/$f_file"
}
feed world.rss harbor.test https://harbor.test/hk 900 "$HK"
feed home.rss harbor.test https://harbor.test/hk 900 "$HK"
feed pacific.rss pacific.test https://pacific.test/hk 600 "$HK2"

"$SERVER" -d "$www" -p "$tmp/port" -t 120 >/dev/null 2>&1 &
server=$!
i=0
while [ ! -s "$tmp/port" ] && [ $i -lt 100 ]; do sleep 0.05; i=$((i + 1)); done
port=$(cat "$tmp/port")
# "localhost" is one host: its two feeds are one outlet's; 127.0.0.1 is
# an address, which names no outlet
cat >"$tmp/urls" <<EOF
http://localhost:$port/world.rss "~Harbor World"
http://localhost:$port/home.rss "~Harbor Home"
http://127.0.0.1:$port/pacific.rss "~Pacific Wire"
EOF

$T new-session -d -s keep "exec sleep 600"
cur=board
$T new-session -d -s board -x 120 -y 30 \
    "env -i PATH='$PATH' HOME='$tmp/home' XDG_CONFIG_HOME='$tmp/home/.config' \
    XDG_DATA_HOME='$tmp/data' LC_ALL=C.UTF-8 TZ=UTC TERM=xterm-256color \
    '$WIREDESK' -f '$tmp/urls' 2>'$tmp/stderr'; exec sleep 600"
if wait_for 'feeds 3 ok' 15; then
	ok "the three feeds are fetched"
else
	notok "the three feeds are fetched"
fi
settle
check "one story of two outlets, not three" \
    sh -c "grep -q '─ 2 outlets' '$tmp/screen' && ! grep -q '3 outlets' '$tmp/screen'"
# (breaking-outlets is 3: two outlets are not breaking news)
check "one outlet's two feeds do not make the story breaking" \
    sh -c "! grep -q BREAKING '$tmp/screen'"
n=$(grep -c "Hong Kong: China's parliament approves" "$tmp/screen")
check "the article two feeds carry is shown once" [ "$n" -eq 1 ]
check "the other outlet's headline is in the panel" \
    grep -q "Pacific Wi.* China's parliament approves controversial" \
    "$tmp/screen"
exit $fail
