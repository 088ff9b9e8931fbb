#!/bin/sh
# test-install.sh: `meson install` gives an application that starts and finds
# everything it needs
#
# Usage: test-install.sh BUILD_DIR
#
# Installs the build directory into a temporary DESTDIR (without rebuilding),
# then checks that the launcher, the AppStream metadata, the icons, the
# settings schema and the French catalogue are where the desktop looks for
# them, that the installed binary runs, and that its window stays up for a
# few seconds without a critical warning when it has nothing but the
# installed files: settings and icons found through XDG_DATA_DIRS, as on a
# real system. Prints TAP.
#
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

build_dir=$1
app_id=com.example.Circles

tmp=$(mktemp -d "${TMPDIR:-/tmp}/circles-install.XXXXXX")
app_pid=""
cleanup () {
  if [ -n "$app_pid" ]; then
    kill "$app_pid" 2>/dev/null
    wait "$app_pid" 2>/dev/null
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

n=0
failed=0
ok () { n=$((n + 1)); echo "ok $n - $1"; }
not_ok () { n=$((n + 1)); failed=1; echo "not ok $n - $1"; }
skip () { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }
check () {
  what=$1
  shift
  if "$@" >"$tmp/out" 2>&1; then
    ok "$what"
  else
    not_ok "$what"
    sed 's/^/# /' "$tmp/out"
  fi
}

# The prefix the build was configured with.
prefix=$(meson introspect --buildoptions "$build_dir" |
         python3 -c 'import json, sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "prefix"))')

check "meson install into a DESTDIR" \
  meson install -C "$build_dir" --no-rebuild --quiet --destdir "$tmp/dest"

root=$tmp/dest$prefix
share=$root/share

# What the desktop looks for, where it looks for it.
for file in \
  bin/circles \
  share/applications/$app_id.desktop \
  share/metainfo/$app_id.metainfo.xml \
  share/icons/hicolor/scalable/apps/$app_id.svg \
  share/icons/hicolor/symbolic/apps/$app_id-symbolic.svg \
  share/icons/hicolor/16x16/apps/$app_id.svg \
  share/glib-2.0/schemas/$app_id.gschema.xml \
  share/locale/fr/LC_MESSAGES/circles.mo
do
  check "installed: $file" test -s "$root/$file"
done
check "installed: bin/circles is executable" test -x "$root/bin/circles"

if command -v desktop-file-validate >/dev/null; then
  check "installed launcher is valid" desktop-file-validate "$share/applications/$app_id.desktop"
else
  skip "installed launcher is valid" "no desktop-file-validate"
fi
if command -v appstreamcli >/dev/null; then
  check "installed metainfo is valid" appstreamcli validate --no-net "$share/metainfo/$app_id.metainfo.xml"
else
  skip "installed metainfo is valid" "no appstreamcli"
fi

# The launcher's icon and command are the installed ones.
icon=$(sed -n 's/^Icon=//p' "$share/applications/$app_id.desktop")
check "the launcher's icon ($icon) is installed" test -s "$share/icons/hicolor/scalable/apps/$icon.svg"
exec_name=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$share/applications/$app_id.desktop")
check "the launcher's command ($exec_name) is installed" test -x "$root/bin/$exec_name"

# The French catalogue is readable and translates the launcher's comment.
comment=$(sed -n 's/^Comment=//p' "$share/applications/$app_id.desktop")
french=$(TEXTDOMAINDIR="$share/locale" LANGUAGE=fr LC_ALL=fr_FR.UTF-8 gettext -d circles "$comment" 2>/dev/null)
if [ -n "$french" ] && [ "$french" != "$comment" ]; then
  ok "the installed French catalogue translates the launcher"
elif ! locale -a 2>/dev/null | grep -qi '^fr_FR\.utf-\?8$'; then
  skip "the installed French catalogue translates the launcher" "no fr_FR.UTF-8 locale"
else
  not_ok "the installed French catalogue translates the launcher"
fi

# Settings: compiled the way gnome.post_install() does on a real system
# (it does nothing in a DESTDIR).
check "the installed schema compiles" glib-compile-schemas --strict "$share/glib-2.0/schemas"

# A clean environment: only the installed files, no build tree.
export HOME="$tmp/home"
export XDG_DATA_HOME="$tmp/home/.local/share"
export XDG_CONFIG_HOME="$tmp/home/.config"
export XDG_CACHE_HOME="$tmp/home/.cache"
export XDG_DATA_DIRS="$share:/usr/share"
export GSETTINGS_BACKEND=memory
export LC_ALL=C.UTF-8
unset GSETTINGS_SCHEMA_DIR G_TEST_SRCDIR G_TEST_BUILDDIR
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"

check "the installed binary answers --help" "$root/bin/circles" --help
check "the installed binary fills a demo network" \
  "$root/bin/circles" --db "$tmp/net.db" demo --people 300 --seed 7

# The window, on that network, for three seconds.
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  skip "the installed application stays up 3 s without criticals" "no display (run under xvfb-run)"
else
  G_DEBUG=fatal-criticals GTK_A11Y=none NO_AT_BRIDGE=1 \
    "$root/bin/circles" --db "$tmp/net.db" >"$tmp/app.log" 2>&1 &
  app_pid=$!
  sleep 3
  if kill -0 "$app_pid" 2>/dev/null; then
    kill "$app_pid"
    wait "$app_pid" 2>/dev/null
    app_pid=""
    if grep -E 'CRITICAL|WARNING|GLib-GIO-ERROR|Gtk-ERROR' "$tmp/app.log" >/dev/null; then
      not_ok "the installed application stays up 3 s without criticals"
      sed 's/^/# /' "$tmp/app.log"
    else
      ok "the installed application stays up 3 s without criticals"
    fi
  else
    wait "$app_pid"
    status=$?
    app_pid=""
    not_ok "the installed application stays up 3 s without criticals (exited with $status)"
    sed 's/^/# /' "$tmp/app.log"
  fi
fi

echo "1..$n"
exit $failed
