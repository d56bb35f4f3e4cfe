#!/bin/sh
# genfeeds.sh DIR N ITEMS: writes N RSS 2.0 feeds of ITEMS items each as
# DIR/f0001.xml ...  Deterministic (a fixed seed): headlines mix a few
# stories with filler words, dated across 24 November 2014, so benchmarks
# see realistic clustering work.  Used by the persistence test and by
# the fetch benchmark's CORPUS=small run (the issue-2 figures).
set -u
dir=${1:?usage: genfeeds.sh DIR N ITEMS}
n=${2:?}
items=${3:?}
mkdir -p "$dir" || exit 2
awk -v n="$n" -v items="$items" -v dir="$dir" 'BEGIN {
	srand(20141124)
	ns = split("Sony Pictures hack|ECB rate decision|eBay password breach|" \
	    "Ebola vaccine trial|Rosetta comet landing|Ferguson grand jury|" \
	    "Iran nuclear talks|Uber surge pricing|Apple Watch launch|" \
	    "Oil price slump", story, "|")
	nw = split("says report claims new data shows officials confirm " \
	    "latest update sources warn experts question market reacts " \
	    "investors fear analysts expect", word, " ")
	for (i = 1; i <= n; i++) {
		f = sprintf("%s/f%04d.xml", dir, i)
		printf "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" > f
		printf "<rss version=\"2.0\"><channel><title>Outlet %d</title>" \
		    "<link>http://outlet%d.example/</link>\n", i, i > f
		for (j = 1; j <= items; j++) {
			s = story[int(rand() * ns) + 1]
			w1 = word[int(rand() * nw) + 1]
			w2 = word[int(rand() * nw) + 1]
			printf "<item><title>%s: %s %s</title>" \
			    "<link>http://outlet%d.example/%d</link>" \
			    "<guid>o%d-%d</guid>" \
			    "<pubDate>Mon, 24 Nov 2014 %02d:%02d:00 GMT</pubDate>" \
			    "<description>%s, %s %s, outlet %d.</description>" \
			    "</item>\n", s, w1, w2, i, j, i, j, \
			    int(rand() * 24), int(rand() * 60), s, w2, w1, i > f
		}
		printf "</channel></rss>\n" > f
		close(f)
	}
}'
