#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs what Circles needs to build, run and test on Debian 12.
set -eu

packages="
  meson ninja-build gcc pkg-config gettext itstool
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev
  libgraphviz-dev graphviz libsqlite3-dev sqlite3 libcairo2-dev libxml2-dev
  libjson-glib-dev libarchive-dev libxxhash-dev libigraph-dev python3-networkx
  xvfb xauth dbus-daemon dbus-x11 at-spi2-core libxtst-dev
  desktop-file-utils appstream librsvg2-bin libxml2-utils
  fonts-cantarell adwaita-icon-theme
  fonts-noto-core fonts-noto-cjk poppler-utils locales
"

missing=""
for p in $packages; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed'; then
    missing="$missing $p"
  fi
done

if [ -n "$missing" ]; then
  echo "Installing:$missing"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends $missing
fi

# The French tests (the installed catalogue, the window in French) need
# the French locale; Debian builds only the ones listed in locale.gen.
if ! locale -a 2>/dev/null | grep -qi '^fr_FR\.utf-\?8$'; then
  echo "Generating the fr_FR.UTF-8 locale"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO sed -i 's/^# *\(fr_FR\.UTF-8 UTF-8\)/\1/' /etc/locale.gen
  grep -q '^fr_FR\.UTF-8 UTF-8' /etc/locale.gen || echo 'fr_FR.UTF-8 UTF-8' | $SUDO tee -a /etc/locale.gen > /dev/null
  $SUDO locale-gen
fi
