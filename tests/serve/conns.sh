#!/bin/bash
# Connections that misbehave, for tests/serve.sh (bash for /dev/tcp):
#
#   conns.sh hold PORT N [REQUEST]
#       opens N connections to 127.0.0.1:PORT, writes REQUEST (a printf
#       format; none: a client that never sends a byte) on each, never
#       reads, prints "holding N" and keeps them open until killed (at
#       most 300 s)
#   conns.sh idle PORT SECONDS
#       opens one connection and sends nothing; prints "closed" when the
#       server closes it within SECONDS, else "open"
port=$2
case $1 in
hold)
	n=$3
	req=$4
	held=0
	while [ "$held" -lt "$n" ]; do
		exec {fd}<>"/dev/tcp/127.0.0.1/$port" || break
		# shellcheck disable=SC2059 # the request is a format
		[ -n "$req" ] && printf "$req" >&"$fd"
		held=$((held + 1))
	done
	echo "holding $held"
	exec sleep 300
	;;
idle)
	exec {fd}<>"/dev/tcp/127.0.0.1/$port" || exit 1
	# read fails at once at the end of the stream, and with a status
	# above 128 when the time runs out.
	read -r -t "$3" -u "$fd" _
	if [ $? -gt 128 ]; then
		echo open
	else
		echo closed
	fi
	;;
*)
	echo "usage: conns.sh hold PORT N [REQUEST] | idle PORT SECONDS" >&2
	exit 2
	;;
esac
