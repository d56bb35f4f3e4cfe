#!/bin/sh
# The command line contract: usage errors, --help, --version, exit codes,
# --parse on good, broken and missing files, the feeds file errors.
set -u
W=${WIREDESK:?}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data"

. tests/support/tap.sh
status() { # expected status, command...
	want=$1
	shift
	"$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	[ $? -eq "$want" ]
}

check "help exits 0 and shows usage" status 0 "$W" --help
check "help names --dump" grep -q -- '--dump' "$tmp/out"
check "version" status 0 "$W" --version
check "version text" grep -q '^wiredesk [0-9]' "$tmp/out"
check "unknown option exits 2" status 2 "$W" --no-such-option
check "two modes exit 2" status 2 "$W" --dump --parse x
check "--parse without files exits 2" status 2 "$W" --parse
check "stray argument exits 2" status 2 "$W" --dump stray
check "missing feeds file exits 2" status 2 "$W" --dump -f "$tmp/nope"
check "missing feeds file is named" grep -q "$tmp/nope" "$tmp/err"

printf '# nothing here\n\n' >"$tmp/empty.urls"
check "feeds file without feeds exits 2" status 2 "$W" --dump -f "$tmp/empty.urls"

cat >"$tmp/ok.xml" <<'XML'
<?xml version="1.0"?>
<rss version="2.0"><channel><title>T</title><link>https://ex.test/</link>
<item><title>One &amp; two</title><link>/a</link>
<pubDate>Mon, 24 Nov 2014 18:00:00 -0800</pubDate></item></channel></rss>
XML
check "--parse a good file exits 0" status 0 "$W" --parse "$tmp/ok.xml"
check "--parse prints one line" test "$(wc -l <"$tmp/out")" -eq 1
check "--parse resolves the link" grep -q '"link": "https://ex.test/a"' "$tmp/out"
check "--parse converts the date to UTC" grep -q '"published": "2014-11-25T02:00:00Z"' "$tmp/out"
check "--parse decodes entities" grep -q '"title": "One & two"' "$tmp/out"
printf 'not xml at all \001\002' >"$tmp/junk.xml"
check "--parse junk exits 1" status 1 "$W" --parse "$tmp/ok.xml" "$tmp/junk.xml" "$tmp/missing.xml"
check "--parse junk: three lines" test "$(wc -l <"$tmp/out")" -eq 3
check "--parse junk: error objects" test "$(grep -c '"error": ' "$tmp/out")" -eq 2
check "--parse junk: good file still parsed" grep -q '"format": "rss2.0"' "$tmp/out"

# A feeds file with bad lines: reported FILE:LINE, the good ones still load.
cat >"$tmp/mixed.urls" <<EOF2
ftp://example.test/feed.xml
$tmp/ok.xml "~Good Feed" tag
"unterminated
EOF2
check "bad lines do not stop --dump" status 0 "$W" --dump -f "$tmp/mixed.urls"
check "bad line 1 reported" grep -q "mixed.urls:1: " "$tmp/err"
check "bad line 3 reported" grep -q "mixed.urls:3: " "$tmp/err"
check "good feed dumped" grep -q '"title": "Good Feed"' "$tmp/out"

check "--dump and --parse leave the database alone" test ! -e "$XDG_DATA_HOME/wiredesk"

# A failed feed gives status 1 and its reason; the others carry on.
printf '%s\n%s\n' "$tmp/ok.xml" "$tmp/gone.xml" >"$tmp/fail.urls"
check "a failed feed exits 1" status 1 "$W" --dump -f "$tmp/fail.urls"
check "failed feed has status error" grep -q '"status": "error"' "$tmp/out"
check "good feed still ok" grep -q '"status": "ok"' "$tmp/out"

# OPML round trip through the feeds file.
check "export opml" status 0 "$W" --export-opml -f "$tmp/mixed.urls"
check "export is OPML" grep -q '<opml' "$tmp/out"
cat >"$tmp/in.opml" <<'XML'
<?xml version="1.0"?>
<opml version="2.0"><head><title>x</title></head><body>
<outline text="Tech"><outline type="rss" text="Ars" xmlUrl="https://feeds.arstechnica.test/rss"/></outline>
<outline type="rss" text="Local" xmlUrl="file:///etc/passwd"/>
</body></opml>
XML
check "import opml" status 0 "$W" --import-opml "$tmp/in.opml" -f "$tmp/new.urls"
check "imported http feed" grep -q 'https://feeds.arstechnica.test/rss' "$tmp/new.urls"
check "import refuses file: URLs" sh -c "! grep -q passwd '$tmp/new.urls'"
