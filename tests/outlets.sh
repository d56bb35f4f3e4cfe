#!/bin/sh
# outlets: one outlet's several feeds are one witness of a story, on the
# real dashboard in tmux against loopback feeds.  Two feeds on one host
# (an outlet's world and home sections, as the BBC's and the NYT's are)
# carry the same article, and a feed on another host takes the story up:
# the story's panel counts 2 outlets, not 3 (nor is it breaking news, as
# three outlets would make it), and shows the article once.
# A feed whose host does not say whose it is (an address) stays an outlet
# of its own.  An aggregator's feed (Google News) names each item's outlet
# in an RSS <source>: two of its items from two outlets are two witnesses,
# the outlet column names them, in the reader too, and an outlet it names
# whose own feed is listed too is that feed's witness, on the board and in
# --dump, whatever order the feeds are listed in.  Every wait is bounded;
# the tmux server and the feed server are always stopped.
set -u
: "${WIREDESK:?}" "${BUILD:?}"
SERVER=$BUILD/tests/tools/feedserver
tmp=$(mktemp -d)
sock="wiredesk-outlets-$$"
T="tmux -L $sock -f /dev/null"
pids=
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
[ -x "$SERVER" ] || { notok "feedserver is built"; exit 1; }

www="$tmp/www"
mkdir -p "$www" "$tmp/home" "$tmp/data"
now=$(date +%s)
HK="Hong Kong: China's parliament approves security law plan"
HK2="China's parliament approves controversial Hong Kong security law"

# feed FILE SITE [LINK AGE TITLE]...: an RSS file of those items; with
# SOURCE set, each item's title ends " - SOURCE-NAME" and names it in a
# <source> (SOURCE is "name|name|..." in the items' order), as Google
# News's items do.
feed() {
	f_file=$1
	f_site=$2
	shift 2
	{
		printf '<?xml version="1.0"?><rss version="2.0"><channel>'
		printf '<title>%s</title><link>https://%s/</link>\n' \
		    "$f_file" "$f_site"
		f_src=${SOURCE:-}
		while [ $# -ge 3 ]; do
			f_one=${f_src%%|*}
			f_src=${f_src#*|}
			f_t=$3
			[ -n "$f_one" ] && f_t="$3 - $f_one"
			printf '<item><guid>%s</guid><title>%s</title>' "$1" "$f_t"
			[ -n "$f_one" ] &&
				printf '<source url="https://%s.test">%s</source>' \
				    "$(echo "$f_one" | tr -d ' ')" "$f_one"
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
SONY1="Sony Pictures computers hit by widespread hack"
SONY2="Hackers take down Sony Pictures computer network in widespread attack"
SOURCE="Reuters|The Verge|" feed gn.rss news.google.test \
    https://news.google.test/a 1200 "$SONY1" \
    https://news.google.test/b 1100 "$SONY2"
# Reuters' own feed: the aggregator's Reuters item and its own are one
# witness
feed reuters.rss reuters.test https://reuters.test/sony 1150 \
    "Sony Pictures computers hit by widespread hack, studio says"

serve "$www"
# "localhost" is one host: its two feeds are one outlet's; 127.0.0.1 is
# an address, which names no outlet
cat >"$tmp/urls" <<EOF
http://localhost:$port/world.rss "~Harbor World"
http://localhost:$port/home.rss "~Harbor Home"
http://127.0.0.1:$port/pacific.rss "~Pacific Wire"
http://127.0.0.1:$port/gn.rss "~Google News"
http://127.0.0.1:$port/reuters.rss "~Reuters"
EOF

$T new-session -d -s keep "exec sleep 600"
cur=board
$T new-session -d -s board -x 120 -y 30 \
    "env -i PATH='$PATH' HOME='$tmp/home' XDG_CONFIG_HOME='$tmp/home/.config' \
    XDG_DATA_HOME='$tmp/data' LC_ALL=C.UTF-8 TZ=UTC TERM=xterm-256color \
    '$WIREDESK' -f '$tmp/urls' 2>'$tmp/stderr'; exec sleep 600"
if wait_for 'feeds 5 ok' 15; then
	ok "the five feeds are fetched"
else
	notok "the five feeds are fetched"
fi
settle
# The outlet count in the border of the panel whose headline matches.
outlets_of() {
	awk -v re="$1" '/┌/ { b = $0 } $0 ~ re { print b; exit }' \
	    "$tmp/screen" | sed -n 's/^[^0-9]*\([0-9][0-9]*\) outlet.*/\1/p'
}
check "one story of two outlets, not three" [ "$(outlets_of 'Hong Kong')" = 2 ]
# (breaking-outlets is 3: two outlets are not breaking news)
check "one outlet's two feeds do not make the story breaking" \
    sh -c "! grep -q BREAKING '$tmp/screen'"
n=$(grep -c "Hong Kong: China's parliament approves" "$tmp/screen")
check "the article two feeds carry is shown once" [ "$n" -eq 1 ]
check "the other outlet's headline is in the panel" \
    grep -q "Pacific Wi.* China's parliament approves controversial" \
    "$tmp/screen"
check "an aggregator's items of two outlets and one's own feed: two outlets" \
    [ "$(outlets_of 'Sony Pictures')" = 2 ]
check "... each named in the outlet column" \
    sh -c "grep -q 'Reuters' '$tmp/screen' && grep -q 'The Verge' '$tmp/screen'"
check "... and their headlines without the outlet's name after a dash" \
    sh -c "grep -q 'Sony Pictures' '$tmp/screen' &&
        ! grep -q -e '- Reuters' -e '- The Verge' '$tmp/screen'"

# --dump of the same feeds listed in the other order: one JSON (the
# aggregator's outlets are resolved by the feeds' names, whichever feed
# was listed or answered first)
sed '1!G;h;$!d' "$tmp/urls" >"$tmp/urls.rev"
dump() {
	env -i PATH="$PATH" HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config" \
	    XDG_DATA_HOME="$tmp/dump$2" LC_ALL=C.UTF-8 TZ=UTC \
	    timeout 60 "$WIREDESK" --dump -f "$1" >"$tmp/dump$2.json" 2>/dev/null
}
dump "$tmp/urls" 1
dump "$tmp/urls.rev" 2
check "--dump: the feeds in the other order give the same JSON" \
    cmp -s "$tmp/dump1.json" "$tmp/dump2.json"
# (Reuters through the aggregator and its own feed are one witness, so
# the Sony story has two outlets, not the three that make it breaking)
check "--dump: no story of two outlets is breaking" \
    sh -c "grep -q '\"breaking\": false' '$tmp/dump1.json' &&
        ! grep -q '\"breaking\": true' '$tmp/dump1.json'"
exit $fail
