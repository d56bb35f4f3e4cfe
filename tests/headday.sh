#!/bin/sh
# Labelled headline days: real outlets' headlines of one day each, with
# every headline labelled by story (tests/data/headday/*.tsv).
#
#   sh tests/headday.sh
#
# (as the suite runs it) turns each shipped day into feeds, scores
# `wiredesk --dump` on them with tests/realday-eval.sh and fails where
# clustering does not beat putting every headline alone (B-cubed F1).
#
#   sh tests/headday.sh LABELS.tsv YYYY-MM-DD OUTDIR
#
# only writes one day's feeds: LABELS.tsv holds one headline a line,
# `n<TAB>outlet<TAB>title<TAB>story` (outlet as the real day's feed files
# are named: bbc.xml, cnn.xml, ...).  OUTDIR gets one RSS feed an outlet
# (its real channel title and site, the headline as the item's only text,
# every item dated noon of the day), a feeds.urls that lists them and a
# labels.tsv (link<TAB>story), so that
#
#   sh tests/realday-eval.sh OUTDIR [-v]
#
# scores the day as it scores a captured one.  A day of headlines alone
# is a second kind of data beside a captured day's: no summaries, so a
# rule that leans on them shows it here.
set -u

# feeds LABELS DAY OUTDIR: writes the day's feeds, feeds.urls, labels.tsv.
feeds() {
	labels=$1 day=$2 out=$3
	when=$(LC_ALL=C date -u -d "$day 12:00:00" '+%a, %d %b %Y %H:%M:%S GMT')
	mkdir -p "$out"
	rm -f "$out"/*.xml
	LC_ALL=C awk -F '\t' -v out="$out" -v when="$when" '
BEGIN {
	title["bbc.xml"] = "BBC News - Home"; site["bbc.xml"] = "https://www.bbc.co.uk/news/"
	title["cnn.xml"] = "CNN.com - RSS Channel - App International Edition"; site["cnn.xml"] = "https://www.cnn.com/"
	title["dailymail.xml"] = "Articles | Mail Online"; site["dailymail.xml"] = "https://www.dailymail.co.uk/"
	title["fox.xml"] = "FOX News"; site["fox.xml"] = "http://www.foxnews.com/"
	title["gmanews.xml"] = "GMA News Online / News"; site["gmanews.xml"] = "https://www.gmanetwork.com/news/"
	title["latimes.xml"] = "California"; site["latimes.xml"] = "https://www.latimes.com/california"
	title["nytimes.xml"] = "NYT > U.S. News"; site["nytimes.xml"] = "https://www.nytimes.com/section/us"
	title["nzherald.xml"] = "New Zealand Herald - Top Stories"; site["nzherald.xml"] = "https://www.nzherald.co.nz/"
	title["onenewsnz.xml"] = "1 NEWS"; site["onenewsnz.xml"] = "https://www.tvnz.co.nz/one-news"
	title["philstar.xml"] = "philstar.com - RSS Headlines"; site["philstar.xml"] = "https://www.philstar.com/"
	title["rnz.xml"] = "RNZ New Zealand Headlines"; site["rnz.xml"] = "https://www.rnz.co.nz/news"
	title["smh.xml"] = "Sydney Morning Herald - Latest News"; site["smh.xml"] = "https://www.smh.com.au/"
	title["straittimes.xml"] = "The Straits Times Singapore News"; site["straittimes.xml"] = "https://www.straitstimes.com/"
	title["wsj.xml"] = "WSJ.com: World News"; site["wsj.xml"] = "https://www.wsj.com/"
	print "link\tstory" > (out "/labels.tsv")
}
function esc(s) {
	gsub(/&/, "\\&amp;", s); gsub(/</, "\\&lt;", s); gsub(/>/, "\\&gt;", s)
	return s
}
NF >= 4 && $1 ~ /^[0-9]+$/ {
	f = $2
	if (!(f in title)) {
		title[f] = f; site[f] = "https://" f ".example/"
	}
	if (!(f in seen)) {
		seen[f] = 1; order[++nf] = f
		printf "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>\n<title>%s</title>\n<link>%s</link>\n", esc(title[f]), site[f] > (out "/" f)
	}
	link = site[f] "headday/" $1
	printf "<item><title>%s</title><link>%s</link><guid>%s</guid><pubDate>%s</pubDate></item>\n", esc($3), link, link, when > (out "/" f)
	print link "\t" $4 > (out "/labels.tsv")
}
END {
	for (i = 1; i <= nf; i++) {
		print "</channel></rss>" > (out "/" order[i])
		print order[i] > (out "/feeds.urls")
	}
	}' "$labels"
}

if [ $# -eq 3 ]; then
	feeds "$1" "$2" "$3"
	exit
fi
if [ $# -ne 0 ]; then
	echo "usage: sh tests/headday.sh [LABELS.tsv YYYY-MM-DD OUTDIR]" >&2
	exit 2
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
for f in tests/data/headday/*.tsv; do
	day=$(basename "$f" .tsv)
	feeds "$f" "$day" "$tmp/$day" || {
		echo "not ok - headday $day: feeds not written"
		continue
	}
	sh tests/realday-eval.sh "$tmp/$day" >"$tmp/$day.out" 2>&1
	sed "s/^\(not \)*ok - realday-eval/& $day/" "$tmp/$day.out"
	got=$(sed -n 's/^# bcubed [^ ]* [^ ]* //p' "$tmp/$day.out")
	alone=$(sed -n 's/^# alone [^ ]* [^ ]* //p' "$tmp/$day.out")
	if [ -n "$got" ] && [ -n "$alone" ] &&
	    awk -v a="$got" -v b="$alone" 'BEGIN { exit !(a > b) }'; then
		echo "ok - headday $day: F1 $got above every headline alone ($alone)"
	else
		echo "not ok - headday $day: F1 ${got:-none} not above every headline alone (${alone:-none})"
	fi
done
