#!/bin/sh
# --dump end to end: the demo feeds over a loopback HTTP server, the
# determinism contract (a shuffled feeds file and uneven server delays
# give byte-identical JSON), every item in exactly one cluster, and the
# defining story: the studio hack and the PlayStation Network claim in
# one cluster, the malware and phone stories apart from it; and the same
# clusters without a database (where only the leads are parsed) as with.
set -u
W=${WIREDESK:?}
SERVER=${BUILD:?}/tests/tools/feedserver
tmp=$(mktemp -d)
pids=""
cleanup() {
	for p in $pids; do kill "$p" 2>/dev/null; done
	rm -rf "$tmp"
}
trap cleanup EXIT INT TERM
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data"

. tests/support/tap.sh
. tests/support/serve.sh

files=$(cd feeds/demo && ls | sort)
n=$(echo "$files" | wc -l)

serve feeds/demo --delay-seed 1
for f in $files; do echo "http://127.0.0.1:$port/$f"; done >"$tmp/a.urls"
timeout 60 "$W" --dump -f "$tmp/a.urls" >"$tmp/a.json" 2>"$tmp/a.err"
check "dump over http exits 0" test $? -eq 0
check "dump names every feed" test "$(grep -o '"status": "ok"' "$tmp/a.json" | wc -l)" -eq "$n"

# Same feeds in reverse order, other delays, another server.
serve feeds/demo --delay-seed 2
port2=$port
for f in $files; do echo "http://127.0.0.1:$port2/$f"; done | sort -r >"$tmp/b.urls"
# the URLs differ by port: map them back before comparing
timeout 60 "$W" --dump -f "$tmp/b.urls" >"$tmp/b.json" 2>"$tmp/b.err"
sed "s/127.0.0.1:$port2/127.0.0.1:PORT/g" "$tmp/b.json" >"$tmp/b.norm"
sed "s/127.0.0.1:$(head -1 "$tmp/a.urls" | sed 's|http://127.0.0.1:\([0-9]*\)/.*|\1|')/127.0.0.1:PORT/g" \
	"$tmp/a.json" >"$tmp/a.norm"
check "shuffled feeds file gives the same feed set" \
	test "$(sort "$tmp/b.urls" | sed 's/:[0-9][0-9]*\//\//' | md5sum)" = \
	"$(sort "$tmp/a.urls" | sed 's/:[0-9][0-9]*\//\//' | md5sum)"
check "shuffled order and delays: byte-identical JSON" cmp -s "$tmp/a.norm" "$tmp/b.norm"

# Items of one date in one story: their order in the JSON is the feeds'
# canonical order, not the order they answered in.  Five outlets carry
# one story at one minute; three servers answer them in other orders.
for seed in 3 4 5; do
	serve tests/data/tie --delay-seed "$seed"
	for f in $(cd tests/data/tie && ls | sort); do
		echo "http://127.0.0.1:$port/$f"
	done >"$tmp/tie$seed.urls"
	timeout 60 "$W" --dump -f "$tmp/tie$seed.urls" 2>/dev/null |
	    sed "s/127.0.0.1:$port/127.0.0.1:PORT/g" >"$tmp/tie$seed.json"
done
check "one story at one date over three servers: the same JSON" \
	sh -c "cmp -s '$tmp/tie3.json' '$tmp/tie4.json' &&
	    cmp -s '$tmp/tie3.json' '$tmp/tie5.json'"
check "... the five in one cluster" \
	test "$(grep -o '"id": ' "$tmp/tie3.json" | wc -l)" -eq 1
check "... listed in the feeds' order" \
	test "$(sed 's/.*"clusters"//' "$tmp/tie3.json" |
	    grep -o 'tie[0-9].xml", "title' | tr -d '\n')" = \
	"$(printf 'tie%d.xml", "title' 1 2 3 4 5)"

# A feed whose charset only the HTTP header names (as "Charset=").
serve tests/data/http
echo "http://127.0.0.1:$port/cafe.cp1252" >"$tmp/c.urls"
timeout 30 "$W" --dump -f "$tmp/c.urls" >"$tmp/c.json" 2>"$tmp/c.err"
check "the HTTP charset decodes a legacy feed" \
	grep -q '"title": "Café prices rise – again"' "$tmp/c.json"

# file:// through the bundled demo list gives the same clusters as http.
timeout 60 "$W" --dump -f feeds/demo.urls >"$tmp/d.json" 2>"$tmp/d.err"
check "demo.urls dump exits 0" test $? -eq 0

# One cluster per line, for grep.
sed 's/}]}, {"id": /\n/g' "$tmp/d.json" >"$tmp/clusters"
items=$(grep -o '"feed": ' "$tmp/d.json" | wc -l)
sum=$(sed -n 's/.*"items": \([0-9]*\)}.*/\1/p' "$tmp/d.json" | head -1)
total=0
for c in $(grep -o '"items": [0-9]*' "$tmp/d.json" | sed 's/.*: //'); do
	total=$((total + c))
done
check "every item in exactly one cluster" test "$items" -eq "$total"
links=$(grep -o '"link": "[^"]*"' "$tmp/d.json" | wc -l)
ulinks=$(grep -o '"link": "[^"]*"' "$tmp/d.json" | sort -u | wc -l)
check "no item listed twice" test "$links" -eq "$ulinks"

studio=$(grep -n 'Sony Pictures Targeted by Widespread Hack' "$tmp/clusters" | cut -d: -f1)
derp=$(grep -n 'DerpTrolling' "$tmp/clusters" | cut -d: -f1 | sort -u)
check "the studio hack is in the demo" test -n "$studio"
check "the PlayStation Network claim is in the demo" test -n "$derp"
check "studio hack and PSN claim share one cluster" test "$studio" = "$derp"
regin=$(grep -in 'regin' "$tmp/clusters" | cut -d: -f1 | sort -u | head -1)
xperia=$(grep -in 'xperia' "$tmp/clusters" | cut -d: -f1 | sort -u | head -1)
ecb=$(grep -n 'ECB\|Draghi' "$tmp/clusters" | cut -d: -f1 | sort -u | head -1)
check "the malware story stays apart" test -n "$regin" -a "$regin" != "$studio"
check "the phone review stays apart" test -n "$xperia" -a "$xperia" != "$studio"
check "the ECB story stays apart" test -n "$ecb" -a "$ecb" != "$studio"

# The config file counts for --dump too: its watch terms and breaking
# thresholds, from -c or the XDG default, give each cluster "breaking"
# and "watch"; breaking clusters come first, judged at the newest item's
# date, so the output stays the same whenever it is made.
check "without watch terms every cluster has an empty watch list" \
	test "$(grep -o '"watch": \[\]' "$tmp/d.json" | wc -l)" -eq \
	"$(grep -o '"id": ' "$tmp/d.json" | wc -l)"
check "with the default thresholds nothing in the demo is breaking" \
	sh -c "! grep -q '\"breaking\": true' '$tmp/d.json'"
cat >"$tmp/w.conf" <<'CONF'
breaking-window 12h
breaking-outlets 2
watch Sony "PlayStation Network"
watch ECB tag:europe
watch "the of"
CONF
timeout 60 "$W" --dump -f feeds/demo.urls -c "$tmp/w.conf" >"$tmp/w.json" 2>"$tmp/w.err"
check "--dump -c exits 0" test $? -eq 0
check "a watch term with no word is FILE:LINE: reason" \
	grep -q "w.conf:5: watch: 'the of' has no word to match" "$tmp/w.err"
sed 's/}]}, {"id": /\n/g' "$tmp/w.json" >"$tmp/wclusters"
check "the Sony story lists both its terms" \
	grep -q '"watch": \["Sony", "PlayStation Network"\].*DerpTrolling' "$tmp/wclusters"
check "ECB is watched in the europe-tagged feed" \
	grep -q '"watch": \["ECB"\].*continental-courier' "$tmp/wclusters"
sed 's/tag:europe/tag:asia/' "$tmp/w.conf" >"$tmp/asia.conf"
timeout 60 "$W" --dump -f feeds/demo.urls -c "$tmp/asia.conf" >"$tmp/asia.json" 2>/dev/null
check "... and not where no feed with its tag carries it" \
	sh -c "! grep -q '\"ECB\"' '$tmp/asia.json'"
# breaking first: no "true" after the first "false"
order=$(grep -o '"breaking": [a-z]*' "$tmp/w.json" | sed 's/.*: //' | uniq | tr '\n' ' ')
check "breaking clusters come first ($order)" test "$order" = "true false "
mkdir -p "$tmp/config/wiredesk"
cp "$tmp/w.conf" "$tmp/config/wiredesk/config"
timeout 60 "$W" --dump -f feeds/demo.urls >"$tmp/x.json" 2>/dev/null
check "--dump reads the XDG config by default" cmp -s "$tmp/w.json" "$tmp/x.json"
sort -r feeds/demo.urls | sed 's|demo/|'"$PWD"'/feeds/demo/|' >"$tmp/r.urls"
timeout 60 "$W" --dump -f "$tmp/r.urls" -c "$tmp/w.conf" >"$tmp/r.json" 2>/dev/null
check "breaking and watch do not depend on the feeds' order" cmp -s "$tmp/w.json" "$tmp/r.json"

# --db twice on file:// feeds (no validators): the second run meets only
# items the database holds, and must say the same.
timeout 60 "$W" --dump -d "$tmp/db/w.db" -f feeds/demo.urls -c /dev/null >"$tmp/db1.json" 2>"$tmp/db1.err"
check "--dump --db exits 0" test $? -eq 0
timeout 60 "$W" --dump -d "$tmp/db/w.db" -f feeds/demo.urls -c /dev/null >"$tmp/db2.json" 2>"$tmp/db2.err"
check "--dump --db again, every item known, exits 0" test $? -eq 0
check "... with the same clusters" sh -c "sed 's/.*\"clusters\": //' '$tmp/db1.json' >'$tmp/db1.c' && sed 's/.*\"clusters\": //' '$tmp/db2.json' | cmp -s - '$tmp/db1.c'"

# Without a database the summaries are parsed for their leads alone
# (parse_feed_lead); the clusters are those the whole texts give.  The
# benchmark's corpus, 40 feeds of it: summaries of 300 to 1,500
# characters of HTML, most of them longer than the lead.
mkdir -p "$tmp/corpus"
"$BUILD/tests/tools/gencorpus" -n 40 "$tmp/corpus" |
	sed "s|^|file://$tmp/corpus/|" >"$tmp/corpus.urls"
timeout 60 "$W" --dump -f "$tmp/corpus.urls" -c /dev/null >"$tmp/lean.json" 2>/dev/null
check "--dump of 40 corpus feeds exits 0" test $? -eq 0
timeout 60 "$W" --dump -d "$tmp/db/c.db" -f "$tmp/corpus.urls" -c /dev/null >"$tmp/full.json" 2>/dev/null
check "... with a database too" test $? -eq 0
check "... and both give the same clusters" sh -c "test \$(grep -o '\"title\": ' '$tmp/lean.json' | wc -l) -gt 1000 && sed 's/.*\"clusters\": //' '$tmp/lean.json' >'$tmp/lean.c' && sed 's/.*\"clusters\": //' '$tmp/full.json' | cmp -s - '$tmp/lean.c'"
