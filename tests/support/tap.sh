# tap.sh: the TAP-style lines every tests/*.sh script prints, sourced
# (". tests/support/tap.sh" from the repository top, where run.sh starts
# each script).  ok NAME and notok NAME print a result; notok also sets
# fail=1 and, when the script keeps a screen capture in $tmp/screen (the
# tmux tests), shows it.  check NAME COMMAND... is ok when the command
# succeeds.
fail=0
ok() { echo "ok - $1"; }
notok() {
	echo "not ok - $1"
	fail=1
	if [ -n "${tmp:-}" ] && [ -s "$tmp/screen" ]; then
		echo "# screen:"
		sed 's/^/#   /' "$tmp/screen"
	fi
}
check() { # NAME COMMAND...
	c_name=$1
	shift
	if "$@"; then ok "$c_name"; else notok "$c_name"; fi
}
