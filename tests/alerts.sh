#!/bin/sh
# alerts: breaking stories, watch terms and alerts on the real dashboard
# in tmux, against loopback feeds that change between refreshes (each
# change is followed by R, reload-all).  A story grows from one outlet to
# three and alerts exactly once: the status line, the alerts view, one
# bell (tmux's alert-bell hook counts them) and one run of the alert
# command; a fourth outlet alerts nothing more.  A watched term alerts
# once, and its headline, full of shell metacharacters, reaches the
# alert command as one exact argument with no shell run.  A restart
# alerts nothing again, not even when the story gains a fifth outlet
# (the marks are in the database), and the alerts view still lists both.
# Under NO_COLOR the marks are still there as words.  Every wait is
# bounded; the tmux server and the feed server are always stopped.
set -u
set -f # headlines hold '*'
: "${WIREDESK:?}" "${BUILD:?}"
SERVER=$BUILD/tests/tools/feedserver
tmp=$(mktemp -d)
sock="wiredesk-alerts-$$"
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

for tool in tmux; do
	command -v $tool >/dev/null || { notok "$tool is installed"; exit 1; }
done
[ -x "$SERVER" ] || { notok "feedserver is built"; exit 1; }

www="$tmp/www"
mkdir -p "$www" "$tmp/run" "$tmp/home" "$tmp/data" "$tmp/notes"
now=$(date +%s)
stamp=$((now - 3600))

# item KEY AGE TITLE: an RSS item dated AGE seconds before $now.
item() {
	i_date=$(date -u -R -d "@$((now - $2))")
	i_title=$(printf '%s' "$3" |
	    sed 's/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g')
	printf '<item><guid>%s</guid><title>%s</title>' "$1" "$i_title"
	printf '<link>https://%s.test/%s</link><pubDate>%s</pubDate>' \
	    "$f_name" "$1" "$i_date"
	printf '<description>%s</description></item>\n' "$i_title"
}
# feed NAME [KEY AGE TITLE]...: writes NAME.rss with a filler item and
# those items, with a modification time of its own, so the server's
# validators change.
feed() {
	f_name=$1
	shift
	{
		printf '<?xml version="1.0"?><rss version="2.0"><channel>'
		printf '<title>%s</title><link>https://%s.test/</link>\n' \
		    "$f_name" "$f_name"
		item "$f_name-0" 20000 "$(filler "$f_name")"
		while [ $# -ge 3 ]; do
			item "$1" "$2" "$3"
			shift 3
		done
		printf '</channel></rss>\n'
	} >"$www/$f_name.rss.tmp"
	mv "$www/$f_name.rss.tmp" "$www/$f_name.rss"
	stamp=$((stamp + 1))
	touch -d "@$stamp" "$www/$f_name.rss"
}
filler() {
	case $1 in
	alpha) echo "City council approves new budget for schools" ;;
	bravo) echo "Local team wins regional football final" ;;
	charlie) echo "Museum opens exhibition of medieval maps" ;;
	delta) echo "Farmers report record apple harvest this autumn" ;;
	*) echo "Ferry timetable changes for the winter season" ;;
	esac
}
V1="Volcano erupts near Grindavik, Keflavik airport closed as lava flows"
V2="Keflavik airport shut as Grindavik volcano eruption sends lava towards town"
V3="Grindavik evacuated: volcano eruption closes Keflavik airport"
V4="Lava from Grindavik volcano eruption keeps Keflavik airport closed"
V5="Grindavik volcano: Keflavik airport stays closed as lava spreads"
# The watched story's headline: every shell metacharacter, and a leading
# dash, in one line.
EVIL="-u critical DerpTrolling \"claims\" PlayStation hack; \$(touch $tmp/PWNED) \`touch $tmp/PWNED2\` | rm -rf * & echo 'x' > $tmp/PWNED3 %s %u"

for f in alpha bravo charlie delta echo; do feed $f; done
feed alpha v1 1200 "$V1"

serve "$www" -t 580 -l "$tmp/log"
for f in alpha bravo charlie delta echo; do
	echo "http://127.0.0.1:$port/$f.rss \"~$f News\""
done >"$tmp/urls"

# The alert command: one file per run, its arguments NUL-terminated.
cat >"$tmp/notify.sh" <<EOF
#!/bin/sh
out=\$(mktemp "$tmp/notes/run.XXXXXX")
{ printf 'argc=%s\n' "\$#"; for a; do printf '%s\0' "\$a"; done; } >"\$out"
EOF
chmod +x "$tmp/notify.sh"
cat >"$tmp/config" <<EOF
refresh-interval 1h
alert-bell yes
alert-command "'$tmp/notify.sh' --"
watch DerpTrolling "Bank of England"
EOF

# A session that outlives the others; bells rung in any window are
# counted by the hook.
$T new-session -d -s keep "exec sleep 600"
$T set-option -g bell-action any
$T set-option -g monitor-bell on
$T set-hook -g alert-bell "run-shell 'echo bell >>$tmp/bells'"
: >"$tmp/bells"

dbarg=
start() { # NAME [ENV...]; $dbarg: more options
	sname=$1
	shift
	rm -f "$tmp/exit"
	$T new-session -d -s "$sname" -x 130 -y 40 \
	    "cd '$tmp/run' && env -i PATH='$PATH' HOME='$tmp/home' \
	    XDG_CONFIG_HOME='$tmp/home/.config' XDG_DATA_HOME='$tmp/data' \
	    LC_ALL=C.UTF-8 TZ=UTC TERM=xterm-256color $* '$WIREDESK' \
	    -f '$tmp/urls' -c '$tmp/config' $dbarg 2>'$tmp/stderr'; \
	    echo \"wiredesk exited \$?\"; echo \$? >'$tmp/exit'; \
	    exec sleep 600"
	cur=$sname
}
requests() {
	r_n=$(grep -c '^GET ' "$tmp/log" 2>/dev/null)
	echo "${r_n:-0}"
}
# Waits until the server has answered n more requests than before, then
# until the screen is still.
fetched() { # BEFORE N
	f_n=0
	while [ "$(requests)" -lt $(($1 + $2)) ] && [ $f_n -lt 100 ]; do
		sleep 0.1
		f_n=$((f_n + 1))
	done
	settle 1 10
}
reload() {
	r0=$(requests)
	$T send-keys -t "$cur" R
	fetched "$r0" 5
}
keys() {
	$T send-keys -t "$cur" "$@"
	sleep 0.3
	capture
}
notes() { find "$tmp/notes" -type f | wc -l; }
bells() { wc -l <"$tmp/bells"; }
status_line() { tail -2 "$tmp/screen" | head -1; }
# The panel whose top border comes first on the board.
first_border() { sed -n 2p "$tmp/screen"; }
# The outlet count in the border of the panel with the volcano story.
volcano_outlets() {
	awk '/┌/ { b = $0 } /Grindavik|Keflavik/ { print b; exit }' \
	    "$tmp/screen" | sed -n 's/^[^0-9]*\([0-9][0-9]*\) outlet.*/\1/p'
}

# --- one outlet, then two: nothing ---------------------------------------
start one
fetched 0 5
wait_for 'stor(y|ies)' >/dev/null
check "one outlet: the story is on the board, no alert" \
    sh -c "grep -q 'Grindavik' '$tmp/screen' && [ \$(find '$tmp/notes' -type f | wc -l) -eq 0 ]"
feed bravo v2 900 "$V2"
reload
check "two outlets: no alert yet" [ "$(notes)" -eq 0 ]
check "... and no bell" [ "$(bells)" -eq 0 ]

# --- three outlets within the hour: breaking, alerted once ---------------
feed charlie v3 600 "$V3"
reload
if [ "$(volcano_outlets)" = 3 ] &&
    first_border | grep -q '^┌─ BREAKING'; then
	ok "three outlets: BREAKING in the first panel's border"
else
	notok "three outlets: BREAKING in the first panel's border"
fi
st=$(status_line)
if printf '%s\n' "$st" | grep -q 'BREAKING' &&
    printf '%s\n' "$st" | grep -Eq 'Grindavik|Keflavik'; then
	ok "the status line shows the alert and its headline"
else
	notok "the status line shows the alert and its headline"
fi
check "the alert command ran once" [ "$(notes)" -eq 1 ]
note=$(find "$tmp/notes" -type f | head -1)
got=$(tail -n +2 "$note" 2>/dev/null | tr '\0' '\n' | sed -n 2p)
if head -1 "$note" | grep -q '^argc=2$' &&
    [ "$(tail -n +2 "$note" | tr '\0' '\n' | sed -n 1p)" = "--" ] &&
    { [ "$got" = "$V1" ] || [ "$got" = "$V2" ] || [ "$got" = "$V3" ]; }; then
	ok "the alert command got the headline as one argument"
else
	sed 's/^/# note: /' "$note" 2>/dev/null | tr '\0' '|'
	echo
	notok "the alert command got the headline as one argument"
fi
check "the bell rang once" [ "$(bells)" -eq 1 ]
keys '!'
if grep -Eq '^ 1 alert in the last 24 hours' "$tmp/screen" &&
    grep -E 'BREAKING +3 outlets' "$tmp/screen" | grep -qF -- "$got" &&
    grep -q 'breaking: 3 outlets within 60 min' "$tmp/screen"; then
	ok "the alerts view lists it: time, reason, outlets, headline"
else
	notok "the alerts view lists it: time, reason, outlets, headline"
fi
keys Enter
check "Enter opens the story" grep -Eq '^ 3 items · ' "$tmp/screen"
keys q
keys q
wait_for '^ wiredesk' >/dev/null

# --- a fourth outlet: still that one alert --------------------------------
feed delta v4 300 "$V4"
reload
check "four outlets: the story grew" [ "$(volcano_outlets)" = 4 ]
check "... and alerted no more (command)" [ "$(notes)" -eq 1 ]
check "... (bell)" [ "$(bells)" -eq 1 ]
reload
check "a reload with nothing new alerts nothing" [ "$(notes)" -eq 1 ]

# --- a watched term ----------------------------------------------------------
feed alpha v1 1200 "$V1" w1 60 "$EVIL"
reload
check "the watched term alerted once" [ "$(notes)" -eq 2 ]
check "... with the bell" [ "$(bells)" -eq 2 ]
want=$(printf '%s' "$EVIL")
latest="$tmp/notes/$(ls -t "$tmp/notes" | head -1)"
got=$(tail -n +2 "$latest" | tr '\0' '\n' | sed -n 2p)
if head -1 "$latest" | grep -q '^argc=2$' && [ "$got" = "$want" ]; then
	ok "a headline of shell metacharacters arrives as one exact argument"
else
	echo "# want: $want"
	echo "# got:  $got"
	notok "a headline of shell metacharacters arrives as one exact argument"
fi
check "no shell ran the headline" \
    sh -c "[ ! -e '$tmp/PWNED' ] && [ ! -e '$tmp/PWNED2' ] && [ ! -e '$tmp/PWNED3' ] && [ ! -e '$tmp/run/PWNED3' ]"
capture
check "the watched story is marked with its term" \
    grep -q '★ DerpTrolling' "$tmp/screen"
keys g
keys w
check "w finds the watched story" \
    sh -c "! grep -q 'no story matches a watch term' '$tmp/screen'"
keys '!'
if grep -Eq '^ 2 alerts in the last 24 hours' "$tmp/screen" &&
    grep -E 'WATCH +1 outlet ' "$tmp/screen" | grep -q 'DerpTrolling'; then
	ok "the alerts view lists the watch alert first"
else
	notok "the alerts view lists the watch alert first"
fi
keys Escape
reload
check "the watched term alerts once only" [ "$(notes)" -eq 2 ]
keys q
check "q quits with status 0" wait_for 'wiredesk exited 0'
$T kill-session -t "$cur" 2>/dev/null

# --- a restart alerts nothing again ---------------------------------------
r0=$(requests)
start two NO_COLOR=1
fetched "$r0" 5
wait_for 'stor(y|ies)' >/dev/null
settle 1 10
check "restarted: no alert for what the database holds" [ "$(notes)" -eq 2 ]
check "... no bell" [ "$(bells)" -eq 2 ]
check "... no banner" sh -c "! tail -2 '$tmp/screen' | head -1 | grep -q BREAKING"
check "NO_COLOR: BREAKING and the star are still there" \
    sh -c "sed -n 2p '$tmp/screen' | grep -q '^┌─ BREAKING' &&
    grep -q '★ DerpTrolling' '$tmp/screen'"
feed echo v5 120 "$V5"
reload
if [ "$(volcano_outlets)" = 5 ] && [ "$(notes)" -eq 2 ] &&
    [ "$(bells)" -eq 2 ]; then
	ok "a fifth outlet after the restart: no second alert (marks kept)"
else
	notok "a fifth outlet after the restart: no second alert (marks kept)"
fi
keys '!'
check "the alerts view still lists both" \
    grep -Eq '^ 2 alerts in the last 24 hours' "$tmp/screen"
keys Q
check "Q quits with status 0" wait_for 'wiredesk exited 0'
$T kill-session -t "$cur" 2>/dev/null

# --- stories a --dump stored never alert at start-up ----------------------
# --dump -d stores the same breaking and watched stories, and alerts
# nothing (it has no alerts); the dashboard then loads them.
timeout 60 "$WIREDESK" --dump -c "$tmp/config" -f "$tmp/urls" \
    -d "$tmp/dumped.db" >"$tmp/dump.json" 2>"$tmp/dump.err"
check "--dump -d on the same feeds" grep -q '"breaking": true' "$tmp/dump.json"
r0=$(requests)
dbarg="-d '$tmp/dumped.db'"
start three
fetched "$r0" 5
wait_for 'stor(y|ies)' >/dev/null
settle 1 10
if sed -n 2p "$tmp/screen" | grep -q '^┌─ BREAKING' &&
    grep -q '★ DerpTrolling' "$tmp/screen" && [ "$(notes)" -eq 2 ] &&
    [ "$(bells)" -eq 2 ] &&
    ! tail -2 "$tmp/screen" | head -1 | grep -q 'BREAKING'; then
	ok "items loaded at start-up show as breaking and watched, and alert nothing"
else
	notok "items loaded at start-up show as breaking and watched, and alert nothing"
fi
keys Q
check "Q quits again with status 0" wait_for 'wiredesk exited 0'
if [ -s "$tmp/stderr" ]; then
	sed 's/^/# stderr: /' "$tmp/stderr"
fi

exit $fail
