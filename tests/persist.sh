#!/bin/sh
# Persistence end to end: validators survive a restart (the second fetch
# costs a 304 and the stories come from the database), a dashboard and a
# --dump share one database, a feed dropped from the feeds file in flight
# and listed again is fetched whole, a corrupt database is moved aside,
# and a kill -9 in the middle of merging leaves a database that opens.
set -u
W=${WIREDESK:?}
SERVER=${BUILD:?}/tests/tools/feedserver
tmp=$(mktemp -d)
sock="wdpersist$$"
T="tmux -L $sock"
pids=""
cleanup() {
	$T kill-server 2>/dev/null
	for p in $pids; do kill "$p" 2>/dev/null; done
	rm -rf "$tmp"
}
trap cleanup EXIT INT TERM
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data"
mkdir -p "$HOME"

. tests/support/tap.sh
. tests/support/serve.sh
q() { sqlite3 "$1" "$2" 2>/dev/null; }

serve feeds/demo -l "$tmp/log"
for f in $(cd feeds/demo && ls); do echo "http://127.0.0.1:$port/$f"; done >"$tmp/urls"
n=$(wc -l <"$tmp/urls")
db="$tmp/db/wiredesk.db"

timeout 60 "$W" --dump -d "$db" -f "$tmp/urls" >"$tmp/one.json" 2>"$tmp/one.err"
check "first --dump -d exits 0" test $? -eq 0
items=$(q "$db" "SELECT count(*) FROM items")
check "the database holds every item ($items)" test "$items" -eq \
	"$(grep -o '"feed": ' "$tmp/one.json" | wc -l)"
check "validators stored" test "$(q "$db" "SELECT count(*) FROM feeds WHERE etag IS NOT NULL")" -eq "$n"

before=$(grep -ci '^If-None-Match' "$tmp/log")
timeout 60 "$W" --dump -d "$db" -f "$tmp/urls" >"$tmp/two.json" 2>"$tmp/two.err"
check "second --dump -d exits 0" test $? -eq 0
after=$(grep -ci '^If-None-Match' "$tmp/log")
check "the restart sends the stored validators" test $((after - before)) -eq "$n"
# the feed server answers 304 exactly when the validator is the one it
# gave: every stored ETag came back
q "$db" "SELECT etag FROM feeds" | sort >"$tmp/etags"
grep -i '^If-None-Match' "$tmp/log" | sed 's/^[^:]*: *//; s/\r$//' | sort -u >"$tmp/sent"
check "the validators sent are the stored ones (a 304 each)" cmp -s "$tmp/etags" "$tmp/sent"
sed 's/.*"clusters": //' "$tmp/one.json" >"$tmp/one.c"
sed 's/.*"clusters": //' "$tmp/two.json" >"$tmp/two.c"
check "after 304s the stories come from the database, unchanged" cmp -s "$tmp/one.c" "$tmp/two.c"

# A feed cut short keeps the items before the cut and says so; a 304
# later means the same document, so it still says so.
mkdir -p "$tmp/cut"
head -c 4000 feeds/demo/eastern-star-times.rss >"$tmp/cut/cut.rss"
serve "$tmp/cut" -l "$tmp/cutlog"
echo "http://127.0.0.1:$port/cut.rss" >"$tmp/cut.urls"
cdb="$tmp/db/cut.db"
timeout 60 "$W" --dump -d "$cdb" -f "$tmp/cut.urls" >"$tmp/cut1.json" 2>/dev/null
check "a feed cut short: its items before the cut are kept" \
	test "$(grep -o '"feed": ' "$tmp/cut1.json" | wc -l)" -gt 0
w1=$(q "$cdb" "SELECT error FROM feeds WHERE status = 1")
check "... and it is ok, saying what was survived ($w1)" \
	sh -c "echo '$w1' | grep -q '^document ends early'"
timeout 60 "$W" --dump -d "$cdb" -f "$tmp/cut.urls" >"$tmp/cut2.json" 2>/dev/null
check "... the second fetch is a 304" grep -qi '^If-None-Match' "$tmp/cutlog"
check "... after which it still says so" \
	test "$(q "$cdb" "SELECT error FROM feeds WHERE status = 1")" = "$w1"

# A dashboard and a --dump on the same database at once.
$T new-session -d -x 100 -y 30 \
    "exec env TERM=xterm-256color $W -c /dev/null -d $db -f $tmp/urls"
i=0
while ! $T capture-pane -p 2>/dev/null | grep -q 'stories'; do
	sleep 0.1
	i=$((i + 1))
	[ $i -gt 100 ] && break
done
# the hottest story of the dump heads the board (ranking does not depend
# on the time it is made at once every item is older)
top=$(grep -o '"label": "[^"]*"' "$tmp/one.json" | head -1 |
	sed 's/"label": "//; s/"$//' | cut -c1-24)
check "the dashboard opens on the stored stories ($top)" \
	sh -c "$T capture-pane -p | grep -qF \"\$1\"" sh "$top"
timeout 60 "$W" --dump -d "$db" -f "$tmp/urls" >"$tmp/three.json" 2>"$tmp/three.err"
check "--dump -d works while the dashboard runs" test $? -eq 0
check "... with the same stories" sh -c "sed 's/.*\"clusters\": //' '$tmp/three.json' | cmp -s - '$tmp/one.c'"
$T send-keys q
sleep 0.5
check "the dashboard quits cleanly" sh -c "! $T has-session 2>/dev/null"
$T kill-server 2>/dev/null
check "integrity after both" test "$(q "$db" 'PRAGMA integrity_check')" = ok

# A feed dropped from the feeds file while its answer is on the way, then
# listed again: the dropped answer's validators are not kept, so the feed
# is fetched whole again (a 200, not a 304 that would leave it empty).
serve feeds/demo -l "$tmp/droplog"
slow="http://127.0.0.1:$port/delay/3000/etag"
printf '%s\n%s\n' "http://127.0.0.1:$port/harbor-ledger.rss" "$slow" \
    >"$tmp/drop.urls"
ddb="$tmp/db/drop.db"
$T new-session -d -x 100 -y 30 \
    "exec env TERM=xterm-256color $W -c /dev/null -d $ddb -f $tmp/drop.urls"
i=0
until grep -q '^GET /delay/3000/etag' "$tmp/droplog" 2>/dev/null ||
    [ $i -gt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
printf '%s\n' "http://127.0.0.1:$port/harbor-ledger.rss" >"$tmp/drop.urls"
sleep 1.1
$T send-keys R
sleep 3 # its answer comes, to a feed no longer listed
printf '%s\n%s\n' "http://127.0.0.1:$port/harbor-ledger.rss" "$slow" \
    >"$tmp/drop.urls"
sleep 1.1
$T send-keys R
sleep 4
$T send-keys q
sleep 0.5
$T kill-server 2>/dev/null
check "a feed dropped in flight and listed again: fetched twice" \
	test "$(grep -c '^GET /delay/3000/etag' "$tmp/droplog")" -eq 2
# the heads of the slow feed's requests that carry a validator
validated=$(awk '/^GET /{slow = ($2 == "/delay/3000/etag")}
	slow && tolower($0) ~ /^if-(none-match|modified-since):/ {n++}
	END {print n + 0}' "$tmp/droplog")
check "... the second time without the dropped answer's validators" \
	test "$validated" -eq 0
check "... and its items are stored" test "$(q "$ddb" \
	"SELECT count(*) FROM items JOIN feeds ON feeds.id = items.feed_id
	 WHERE feeds.url = '$slow'")" -gt 0

# A corrupt database is moved aside and a fresh one starts.
mkdir -p "$tmp/bad"
head -c 65536 /dev/urandom >"$tmp/bad/wiredesk.db"
timeout 60 "$W" --dump -d "$tmp/bad/wiredesk.db" -f "$tmp/urls" >"$tmp/bad.json" 2>"$tmp/bad.err"
check "a corrupt database does not stop --dump" test $? -eq 0
check "it is reported" grep -qi 'corrupt\|not a database' "$tmp/bad.err"
check "it is moved aside, not deleted" test -s "$tmp/bad/wiredesk.db.corrupt-1"
check "a fresh database took its place" test "$(q "$tmp/bad/wiredesk.db" 'SELECT count(*) FROM items')" -gt 0

# kill -9 while a dashboard merges 300 feeds: the database still opens.
sh tests/tools/genfeeds.sh "$tmp/gen" 300 40 || exit 2
for f in "$tmp"/gen/*.xml; do echo "$f"; done >"$tmp/gen.urls"
kdb="$tmp/kill/wiredesk.db"
for delay in 0.3 0.6; do
	$T new-session -d -x 100 -y 30 \
	    "exec env TERM=xterm-256color $W -c /dev/null -d $kdb -f $tmp/gen.urls"
	pid=$($T display -p '#{pane_pid}')
	sleep "$delay"
	kill -9 "$pid" 2>/dev/null
	$T kill-server 2>/dev/null
	sleep 0.2
	check "after kill -9 at ${delay}s the database is intact" \
		test "$(q "$kdb" 'PRAGMA integrity_check')" = ok
done
timeout 60 "$W" --dump -d "$kdb" -f "$tmp/gen.urls" >"$tmp/k.json" 2>"$tmp/k.err"
check "and opens again with every item" test "$(q "$kdb" 'SELECT count(*) FROM items')" -eq 12000
