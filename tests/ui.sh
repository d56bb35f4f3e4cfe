#!/bin/sh
# ui: drives the real dashboard in tmux as a reporter would: the board on
# the demo feeds, moving between panels, a cluster's items, the reader,
# the filter, the help, the feeds view, resizing (wide, narrow, tiny),
# opening links through a recording browser (one exact argument, no
# shell), NO_COLOR and a monochrome terminal, and quitting with the
# terminal restored.  Every wait is bounded; the private tmux server is
# always killed.
set -u
: "${WIREDESK:?}"
top=$(pwd)
tmp=$(mktemp -d)
sock="wiredesk-ui-$$"
T="tmux -L $sock -f /dev/null"
cleanup() {
	$T kill-server 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 2' INT TERM HUP

. tests/support/tap.sh
. tests/support/screen.sh

# The man page renders without a warning.
if groff -man -Tutf8 -ww -z docs/wiredesk.1 >"$tmp/groff" 2>&1 &&
    [ ! -s "$tmp/groff" ]; then
	ok "man page renders without warnings"
else
	cat "$tmp/groff"
	notok "man page renders without warnings"
fi

for tool in tmux perl; do
	command -v $tool >/dev/null || { notok "$tool is installed"; exit 1; }
done
"$WIREDESK" --parse /dev/null >/dev/null 2>"$tmp/err"
if [ ! -f feeds/demo.urls ] || grep -q "not built yet" "$tmp/err"; then
	echo "ok - dashboard # SKIP app or demo feeds not on this branch yet"
	exit 0
fi

mkdir -p "$tmp/home" "$tmp/config" "$tmp/data-vt" "$tmp/run"
# A session that outlives the others, so the server never exits (and
# races a new session) between two runs.
$T new-session -d -s keep "exec sleep 600"
# The browser: records its arguments, one per line after the count.
cat >"$tmp/rec.sh" <<EOF
#!/bin/sh
{ printf '%s\n' "\$#"; for a; do printf '%s\n' "\$a"; done; } >"$tmp/rec.tmp"
mv "$tmp/rec.tmp" "$tmp/rec.out"
EOF
chmod +x "$tmp/rec.sh"

# Panels on screen, one per line: "label / headline / ...".  Works at
# any width: the k-th box on a screen row is the k-th panel column.
cat >"$tmp/panels.pl" <<'EOF'
use utf8;
binmode STDIN, ':encoding(UTF-8)';
binmode STDOUT, ':encoding(UTF-8)';
my (@open, @out);
while (<STDIN>) {
	chomp;
	my $k = 0;
	while (/([┌│└])([^┐│┘]*)([┐│┘])/g) {
		my ($l, $t) = ($1, $2);
		if ($l eq '┌') {
			push @out, $open[$k] if defined $open[$k];
			$open[$k] = $t;
		} elsif ($l eq '│') {
			$open[$k] .= ' / ' . $t if defined $open[$k];
		} else {
			push @out, $open[$k] if defined $open[$k];
			undef $open[$k];
		}
		$k++;
	}
}
print "$_\n" for @out;
EOF
# The selected (reverse video) text above the status line, from a
# capture with escapes.
cat >"$tmp/selected.pl" <<'EOF'
binmode STDIN, ':encoding(UTF-8)';
binmode STDOUT, ':encoding(UTF-8)';
my @l = <STDIN>;
for my $i (1 .. $#l - 2) {
	my $s = $l[$i];
	$s =~ s/\e\[([0-9;]*)m/
	    my %p = map { $_ => 1 } split(m!;!, $1);
	    $p{7} ? "\x01" : ($1 eq '' || $p{0} || $p{27}) ? "\x02" : ''/ge;
	if ($s =~ /\x01([^\x02\n]*)/) {
		my $t = $1;
		$t =~ s/\x01//g;
		$t =~ s/^\s+|\s+$//g;
		print "$t\n";
		exit 0;
	}
}
EOF

start() { # NAME COLS ROWS FEEDS [ENV...]
	sname=$1
	cols=$2
	rows=$3
	feeds=$4
	shift 4
	rm -f "$tmp/rec.out" "$tmp/exit"
	# Each run has a database of its own.
	mkdir -p "$tmp/data-$sname"
	$T new-session -d -s "$sname" -x "$cols" -y "$rows" \
	    "cd '$tmp/run' && env -i PATH='$PATH' HOME='$tmp/home' \
	    XDG_CONFIG_HOME='$tmp/config' XDG_DATA_HOME='$tmp/data-$sname' \
	    LC_ALL=C.UTF-8 TZ=UTC TERM=xterm-256color BROWSER='$tmp/rec.sh' \
	    $* '$WIREDESK' -f '$feeds' -c /dev/null 2>'$tmp/stderr'; \
	    rc=\$?; echo \"wiredesk exited \$rc\"; echo \$rc >'$tmp/exit'; \
	    exec sleep 600"
	cur=$sname
}

# Waits until every feed has answered and the board has been still for a
# second, so rankings no longer move under the keys.
quiet() {
	q_n=0
	while [ $q_n -lt 100 ] && { capture; tail -2 "$tmp/screen" | head -1 |
	    grep -q 'fetching'; }; do
		sleep 0.1
		q_n=$((q_n + 1))
	done
	settle 1
}

keys() {
	$T send-keys -t "$cur" "$@"
	sleep 0.2
	settle
}

selected() {
	$T capture-pane -e -p -t "$cur" | perl "$tmp/selected.pl"
}

panels() {
	capture
	perl "$tmp/panels.pl" <"$tmp/screen"
}

stories() { # the count on the title line
	sed -n '1s/.* \([0-9][0-9]*\) stor.*/\1/p' "$tmp/screen"
}

alive() {
	[ ! -f "$tmp/exit" ]
}

# --- the demo board at 120x40 -------------------------------------------
start main 120 40 "$top/feeds/demo.urls"
if wait_for '┌' && quiet && [ "$(panels | wc -l)" -ge 2 ]; then
	ok "board shows cluster panels"
else
	notok "board shows cluster panels"
fi
n_all=$(stories)
check "title line counts stories" [ -n "$n_all" ]

# The Sony panel carries both the studio hack and the PlayStation
# Network headlines (at 120 columns two panels share each row), on
# whichever page of the board it ranks (twice through the pages, in
# case a late re-ranking moved it behind the pager).
found=0
page=0
while [ $page -lt 20 ]; do
	if panels | grep "Sony Pictures" | grep -q "PlayStation Network"; then
		found=1
		break
	fi
	if [ $page = 9 ]; then keys g; else keys NPage; fi
	page=$((page + 1))
done
keys g
if [ $found = 1 ]; then
	ok "Sony panel shows the studio hack and the PlayStation Network"
else
	notok "Sony panel shows the studio hack and the PlayStation Network"
fi
check "status line shows feeds and counts" \
    grep -Eq 'feeds [0-9]+ ok.*[0-9]+ items, [0-9]+ stories' "$tmp/screen"

# --- navigation ----------------------------------------------------------
s0=$(selected)
keys l
s1=$(selected)
keys h
s2=$(selected)
keys j
s3=$(selected)
keys k
if [ -n "$s0" ] && [ -n "$s1" ] && [ "$s0" != "$s1" ] &&
    [ "$s2" = "$s0" ] && [ "$s3" != "$s0" ] && [ "$(selected)" = "$s0" ]; then
	ok "h/j/k/l move between panels"
else
	echo "# selections: '$s0' '$s1' '$s2' '$s3'"
	notok "h/j/k/l move between panels"
fi
# g selects the first panel: the label on the board's first row.
first_label() {
	panels | head -1 | sed 's/^[^/]*\/ *//; s/ \/ .*//; s/ *$//'
}
keys G
sG=$(selected)
keys g
sg=$(selected)
if [ "$sG" != "$sg" ] && [ -n "$sg" ] &&
    first_label | grep -qF -- "$(printf '%s' "$sg" | cut -c1-20)"; then
	ok "G and g jump to the last and first panel"
else
	notok "G and g jump to the last and first panel"
fi

# --- a cluster's items and the reader -----------------------------------
keys Enter
if wait_for '^ [0-9]+ items? · ' && [ -n "$(selected)" ]; then
	ok "Enter opens the cluster as a list of its items"
else
	notok "Enter opens the cluster as a list of its items"
fi
item=$(selected)
keys j
keys k
check "items list keeps its selection" [ "$(selected)" = "$item" ]
keys Enter
if wait_for '^Date: .*UTC' && grep -q '^Outlet: ' "$tmp/screen" &&
    grep -q '^\[1\] http' "$tmp/screen"; then
	ok "Enter opens the reader with outlet, dates and links"
else
	notok "Enter opens the reader with outlet, dates and links"
fi
link=$(sed -n 's/^\[1\] //p' "$tmp/screen" | head -1 | sed 's/ *$//')
keys o
i=0
while [ ! -f "$tmp/rec.out" ] && [ $i -lt 50 ]; do
	sleep 0.1
	i=$((i + 1))
done
if [ -f "$tmp/rec.out" ] && [ "$(sed -n 1p "$tmp/rec.out")" = 1 ] &&
    [ "$(sed -n 2p "$tmp/rec.out")" = "$link" ]; then
	ok "o hands the link to \$BROWSER as one argument"
else
	echo "# link on screen: '$link'"
	[ -f "$tmp/rec.out" ] && sed 's/^/# rec: /' "$tmp/rec.out"
	notok "o hands the link to \$BROWSER as one argument"
fi
keys q
check "q goes back to the items" wait_for '^ [0-9]+ items? · '
keys q
check "q goes back to the board" wait_for 'stor(y|ies)'

# --- filtering ------------------------------------------------------------
keys /
keys p l a y s t a t i o n
if wait_for 'matching "playstation"' &&
    grep -q 'filter: playstation' "$tmp/screen" &&
    [ "$(stories)" -ge 1 ] && [ "$(stories)" -lt "$n_all" ] &&
    panels | grep -qi 'playstation'; then
	ok "/ filters the board, case-insensitively"
else
	notok "/ filters the board, case-insensitively"
fi
keys Enter
keys Escape
if wait_for "$n_all stor" && ! grep -q 'matching' "$tmp/screen"; then
	ok "Esc clears the filter"
else
	notok "Esc clears the filter"
fi
keys / Z z q x v
check "a filter without matches says so" wait_for 'No story matches'
keys Escape
keys Escape
wait_for "$n_all stor" >/dev/null

# --- help and feeds ------------------------------------------------------
keys '?'
if wait_for 'open-in-browser' && grep -q 'reload-all' "$tmp/screen" &&
    grep -q 'next-unread' "$tmp/screen" && grep -q ' q  ' "$tmp/screen" &&
    grep -q 'filter' "$tmp/screen"; then
	ok "? lists the keys"
else
	notok "? lists the keys"
fi
keys q
keys e
if wait_for 'Harbor Ledger' && grep -q 'Pacific Wire' "$tmp/screen" &&
    grep -Eq '^ok ' "$tmp/screen"; then
	ok "e shows the feeds with their status"
else
	notok "e shows the feeds with their status"
fi
keys q
wait_for 'stor(y|ies)' >/dev/null

# --- resizing ---------------------------------------------------------------
sr=$(selected)
$T resize-window -t "$cur" -x 60 -y 40
settle
# One column: no row holds two panels, and panels still show.
if [ "$(panels | wc -l)" -ge 2 ] && ! grep -q '┐┌' "$tmp/screen" &&
    grep -q 'stor' "$tmp/screen"; then
	ok "at 60 columns the board has one column"
else
	notok "at 60 columns the board has one column"
fi
$T resize-window -t "$cur" -x 200 -y 40
settle
if grep -q '┐┌.*┐┌.*┐┌' "$tmp/screen" && [ "$(stories)" = "$n_all" ]; then
	ok "at 200 columns the board has several columns"
else
	notok "at 200 columns the board has several columns"
fi
$T resize-window -t "$cur" -x 20 -y 5
settle
$T resize-window -t "$cur" -x 3 -y 2
settle
check "a tiny terminal does not crash it" alive
$T resize-window -t "$cur" -x 120 -y 40
settle
if [ "$(panels | wc -l)" -ge 2 ] && [ "$(selected)" = "$sr" ]; then
	ok "back at 120x40 the board is whole, the selection kept"
else
	notok "back at 120x40 the board is whole, the selection kept"
fi

# --- quitting ------------------------------------------------------------
keys q
if wait_for 'wiredesk exited 0' &&
    [ "$($T display -p -t "$cur" '#{alternate_on}')" = 0 ]; then
	ok "q quits from the board with status 0 and restores the terminal"
else
	notok "q quits from the board with status 0 and restores the terminal"
fi
if [ -s "$tmp/stderr" ]; then
	sed 's/^/# stderr: /' "$tmp/stderr"
fi
$T kill-session -t "$cur" 2>/dev/null

# --- a link full of shell metacharacters ------------------------------
start evil 100 30 "$top/tests/data/ui/evil.urls"
wait_for '┌' >/dev/null
keys Enter
keys Enter
wait_for '^\[1\] ' >/dev/null
keys o
i=0
while [ ! -f "$tmp/rec.out" ] && [ $i -lt 50 ]; do
	sleep 0.1
	i=$((i + 1))
done
want=$(sed -n 's/.*<link>\(https:\/\/x\.test\/a?[^<]*\)<\/link>.*/\1/p' \
    tests/data/ui/evil.rss | sed 's/&amp;/\&/g')
got=$(sed -n 2p "$tmp/rec.out" 2>/dev/null)
if [ "$(sed -n 1p "$tmp/rec.out" 2>/dev/null)" = 1 ] &&
    [ "$got" = "$want" ]; then
	ok "a link with shell metacharacters arrives as one exact argument"
else
	echo "# want: $want"
	echo "# got:  $got"
	notok "a link with shell metacharacters arrives as one exact argument"
fi
keys 2
sleep 0.5
if [ ! -e "$tmp/run/PWNED" ] && [ ! -e "$tmp/run/PWNED2" ] &&
    [ ! -e "$tmp/run/PWNED3" ] && [ ! -e "$tmp/home/PWNED" ]; then
	ok "no shell ran the link"
else
	notok "no shell ran the link"
fi
keys Q
wait_for 'wiredesk exited 0' >/dev/null
$T kill-session -t "$cur" 2>/dev/null

# --- NO_COLOR and a monochrome terminal --------------------------------
start nocolor 100 30 "$top/feeds/demo.urls" NO_COLOR=1
wait_for '┌' >/dev/null
settle
$T capture-pane -e -p -t "$cur" >"$tmp/esc"
esc=$(printf '\033')
if [ "$(panels | wc -l)" -ge 1 ] &&
    ! grep -Eq "$esc\\[([0-9;]*;)?(3[0-7]|4[0-7]|[34]8;5;[0-9]+)(;[0-9;]*)?m" \
    "$tmp/esc" && grep -Eq "$esc\\[([0-9;]*;)?7(;[0-9;]*)?m" "$tmp/esc"; then
	ok "NO_COLOR: no colours, the selection still in reverse video"
else
	notok "NO_COLOR: no colours, the selection still in reverse video"
fi
keys q
wait_for 'wiredesk exited 0' >/dev/null
$T kill-session -t "$cur" 2>/dev/null

$T new-session -d -s vt -x 80 -y 24 \
    "cd '$tmp/run' && env -i PATH='$PATH' HOME='$tmp/home' \
    XDG_CONFIG_HOME='$tmp/config' XDG_DATA_HOME='$tmp/data-vt' \
    LC_ALL=C.UTF-8 TZ=UTC TERM=vt100 '$WIREDESK' -f '$top/feeds/demo.urls' \
    -c /dev/null; echo \"wiredesk exited \$?\"; exec sleep 600"
cur=vt
if wait_for 'stor(y|ies)' && settle && [ "$(stories)" -ge 1 ]; then
	ok "a monochrome terminal (vt100) shows the board"
else
	notok "a monochrome terminal (vt100) shows the board"
fi
keys q
check "vt100: q quits with status 0" wait_for 'wiredesk exited 0'
$T kill-session -t "$cur" 2>/dev/null

# Under a locale that is not UTF-8 the screen still shows UTF-8 text.
$T new-session -d -s c -x 100 -y 24 \
    "cd '$tmp/run' && env -i PATH='$PATH' HOME='$tmp/home' \
    XDG_CONFIG_HOME='$tmp/config' XDG_DATA_HOME='$tmp/data-c' \
    LC_ALL=C TZ=UTC TERM=xterm-256color '$WIREDESK' \
    -f '$top/feeds/demo.urls' -c /dev/null; \
    echo \"wiredesk exited \$?\"; exec sleep 600"
cur=c
check "LC_ALL=C: says the locale is not UTF-8" wait_for 'locale is not UTF-8'
# (the board fills after the message: a loaded machine may take longer)
check "LC_ALL=C: curly quotes still show as such" wait_for '‘|’' 30
keys q
check "LC_ALL=C: q quits with status 0" wait_for 'wiredesk exited 0'
$T kill-session -t "$cur" 2>/dev/null

# --- a feed cut short ------------------------------------------------------
# Its items before the cut are kept, its status stays ok, and the feeds
# view says what the parser met.
head -c 1500 "$top/feeds/demo/harbor-ledger.rss" >"$tmp/cut.rss"
printf '%s\n' "$tmp/cut.rss" "$top/feeds/demo/pacific-wire.atom" \
    >"$tmp/cut.urls"
start cut 120 30 "$tmp/cut.urls"
wait_for '┌' >/dev/null
quiet
keys e
if wait_for 'ends early' &&
    grep -Eq '^ok +[0-9:]+ +[1-9][0-9]* .*ends early' "$tmp/screen" &&
    ! grep -q 'FAILED' "$tmp/screen"; then
	ok "a feed cut short: ok, its items kept, the feeds view says it ends early"
else
	notok "a feed cut short: ok, its items kept, the feeds view says it ends early"
fi
keys Q
check "a feed cut short: Q quits with status 0" wait_for 'wiredesk exited 0'

# --- terminals it cannot use ----------------------------------------------
# Each is told plainly, with exit status 2.
for tt in dumb no-such-terminal ""; do
	$T new-session -d -s tt -x 80 -y 20 \
	    "cd '$tmp/run' && env -i PATH='$PATH' HOME='$tmp/home' \
	    XDG_CONFIG_HOME='$tmp/config' XDG_DATA_HOME='$tmp/data-tt' \
	    LC_ALL=C.UTF-8 TERM='$tt' '$WIREDESK' -f '$top/feeds/demo.urls' \
	    -c /dev/null; echo \"wiredesk exited \$?\"; exec sleep 600"
	cur=tt
	case $tt in
	dumb) want="terminal type 'dumb' cannot move the cursor" ;;
	"") want="TERM is not set" ;;
	*) want="cannot use terminal type '$tt'" ;;
	esac
	if wait_for 'wiredesk exited 2' && grep -qF "$want" "$tmp/screen"; then
		ok "TERM=$tt: '$want', status 2"
	else
		notok "TERM=$tt: '$want', status 2"
	fi
	$T kill-session -t tt 2>/dev/null
done

# --- the feeds file edited while it runs -----------------------------------
# An added feed is fetched (found by the 5 s look), a removed one leaves
# the feeds view (on R), and a file emptied mid-edit keeps the feeds.
ed="$tmp/edit.urls"
printf '%s\n' "$top/feeds/demo/harbor-ledger.rss" \
    "$top/feeds/demo/pacific-wire.atom" >"$ed"
start edit 120 30 "$ed"
wait_for '┌' >/dev/null
quiet
printf '%s "~Reel"\nftp://example.com/feed.xml\n' \
    "$top/feeds/demo/reel-report.rss" >>"$ed"
check "feeds file edited: an added line is read within seconds" \
	wait_for 'feeds file read again: 3 feeds, 1 added, 0 removed; 1 problem: .*edit.urls:4: unsupported URL scheme' 15
keys e
check "feeds file edited: the added feed is fetched" \
	wait_for '^ok +[0-9:]+ +12  Reel'
printf '%s "~Reel"\n%s\n' "$top/feeds/demo/reel-report.rss" \
    "$top/feeds/demo/harbor-ledger.rss" >"$ed.new"
mv "$ed.new" "$ed"
keys R
if wait_for 'feeds file read again: 2 feeds, 0 added, 1 removed' &&
    grep -q '^ 2 feeds' "$tmp/screen" && ! grep -q 'Pacific' "$tmp/screen"; then
	ok "feeds file edited: on R a removed feed leaves the feeds view"
else
	notok "feeds file edited: on R a removed feed leaves the feeds view"
fi
: >"$ed"
keys R
if wait_for 'no feeds in the file; still fetching the 2 feeds read before' &&
    grep -q 'Reel' "$tmp/screen" && grep -q 'Harbor' "$tmp/screen"; then
	ok "feeds file edited: an empty file keeps the feeds"
else
	notok "feeds file edited: an empty file keeps the feeds"
fi
keys Q
check "feeds file edited: Q quits with status 0" wait_for 'wiredesk exited 0'

# --- every feed failing ----------------------------------------------------
# An empty board says why it is empty.
printf 'http://127.0.0.1:9/a.xml\nhttp://127.0.0.1:9/b.xml\n%s\n' \
    "$tmp/nonexistent.xml" >"$tmp/down.urls"
start down 100 20 "$tmp/down.urls"
check "every feed failed: the empty board says how many and where to look" \
	wait_for 'No stories yet: 3 of 3 feeds failed; the feeds view says why'
keys Q
check "every feed failed: Q quits with status 0" wait_for 'wiredesk exited 0'

exit $fail
