#!/bin/sh
# atspi-session.sh: runs a test in a private D-Bus session, where the
# accessibility bus (at-spi2-core) starts on demand
#
# Usage: atspi-session.sh TEST [ARGS…]
#
# The daemons of the session write to their own standard output (the
# registry says it is running): that goes to standard error, so that the
# test's own output stays pure TAP.
#
# SPDX-License-Identifier: GPL-3.0-or-later
exec 3>&1
exec dbus-run-session -- sh -c 'exec "$@" >&3 3>&-' atspi-session "$@" >&2
