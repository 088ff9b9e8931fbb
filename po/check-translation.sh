#!/bin/sh
# po/check-translation.sh: fails when a translation is incomplete.
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: po/check-translation.sh SOURCE_ROOT LANG
#
# Checks, without writing anything in the source tree and without any
# installed locale:
#   1. po/LANG.po compiles with `msgfmt --check` and has no untranslated
#      and no fuzzy message;
#   2. every message of the current sources (xgettext on po/POTFILES.in,
#      as `meson compile circles-pot` does) is translated in po/LANG.po
#      (`msgcmp`): a string added to the code and not yet merged and
#      translated fails here;
#   3. the translations keep the format directives of the current sources
#      (`msgfmt --check` on po/LANG.po merged into that fresh template);
#   4. po/POTFILES.in is sorted, and no source file with translatable
#      strings is missing from it;
#   5. French typography: no ordinary space before : ; ? ! and no English
#      quotes in a translation (a no-break space is wanted there).
# Exit status: 0 when all is well, 1 on a failure, 77 (skip) when the
# gettext tools are missing.
set -eu
# English messages from the tools, whatever the caller's language: the
# statistics are read below. (No locale is needed: C is always there.)
LC_ALL=C
export LC_ALL
unset LANGUAGE || true

srcdir="$1"
lang="$2"
po="$srcdir/po/$lang.po"
potfiles="$srcdir/po/POTFILES.in"

for tool in xgettext msgfmt msgcmp msgmerge msggrep; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "SKIP: $tool is not installed (gettext)"
    exit 77
  fi
done

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT HUP INT TERM
failed=0
fail () {
  echo "FAIL: $*"
  failed=1
}

# The keywords and flags of i18n.gettext(preset: 'glib') in po/meson.build.
extract () {
  out="$1"
  shift
  xgettext --directory="$srcdir" --output="$out" --from-code=UTF-8 \
    --add-comments --package-name=circles \
    --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
    --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 \
    --keyword=g_dpgettext2:2c,3 \
    --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format \
    --flag=NC_:2:pass-c-format --flag=g_dngettext:2:pass-c-format \
    --flag=g_strdup_printf:1:c-format --flag=g_string_printf:2:c-format \
    --flag=g_string_append_printf:2:c-format \
    --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
    --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format \
    --flag=g_print:1:c-format --flag=g_printerr:1:c-format \
    --flag=g_printf:1:c-format --flag=g_fprintf:2:c-format \
    --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format \
    "$@" 2>"$tmp/xgettext.log"
}

# 1. The file alone: valid, everything translated, nothing fuzzy.
if ! msgfmt --check --statistics --output-file=/dev/null "$po" 2>"$tmp/stats"; then
  cat "$tmp/stats"
  fail "msgfmt --check rejects po/$lang.po"
else
  cat "$tmp/stats"
  if grep -q -e untranslated -e fuzzy "$tmp/stats"; then
    fail "po/$lang.po has untranslated or fuzzy messages:"
    msgattrib --untranslated --no-obsolete "$po" | grep -A3 '^#:' || true
    msgattrib --only-fuzzy --no-obsolete "$po" | grep -A3 '^#:' || true
  fi
fi

# 2. Every message of the current sources is in the translation.
grep -v -e '^#' -e '^[[:space:]]*$' "$potfiles" >"$tmp/listed"
if ! extract "$tmp/current.pot" --force-po --files-from="$tmp/listed"; then
  cat "$tmp/xgettext.log"
  fail "xgettext cannot read the files of po/POTFILES.in"
else
  msgmerge --quiet --no-fuzzy-matching --output-file="$tmp/merged.po" \
    "$po" "$tmp/current.pot"
  if ! msgcmp "$po" "$tmp/current.pot" 2>"$tmp/msgcmp.log"; then
    fail "po/$lang.po does not translate every message of the current" \
         "sources: run 'meson compile circles-update-po' and translate these:"
    msgattrib --untranslated --no-obsolete "$tmp/merged.po" |
      grep -A4 '^#:' || true
    msgattrib --only-fuzzy --no-obsolete "$tmp/merged.po" |
      grep -A4 '^#:' || true
  fi
  # 3. Format directives checked against the flags of today's sources.
  if ! msgfmt --check --output-file=/dev/null "$tmp/merged.po" 2>"$tmp/format.log"; then
    cat "$tmp/format.log"
    fail "po/$lang.po does not keep the format directives of the sources"
  fi
fi

# 4. POTFILES.in: sorted, and complete.
if ! LC_ALL=C sort -c "$tmp/listed" 2>/dev/null; then
  fail "po/POTFILES.in is not sorted (LC_ALL=C sort)"
fi
(cd "$srcdir" &&
  { find src data -type f \( -name '*.c' -o -name '*.h' -o -name '*.ui' \
      -o -name '*.gschema.xml' -o -name '*.metainfo.xml*' \
      -o -name '*.appdata.xml*' -o -name '*.desktop' -o -name '*.desktop.in' \);
    find . -maxdepth 1 -type f \( -name '*.desktop' -o -name '*.desktop.in' \) |
      sed 's|^\./||'; }) | LC_ALL=C sort >"$tmp/candidates"
LC_ALL=C sort "$tmp/listed" >"$tmp/listed.sorted"
LC_ALL=C comm -23 "$tmp/candidates" "$tmp/listed.sorted" >"$tmp/unlisted"
while IFS= read -r file; do
  rm -f "$tmp/one.pot"
  extract "$tmp/one.pot" "$file" || true
  if [ -s "$tmp/one.pot" ]; then
    fail "$file has translatable strings but is not in po/POTFILES.in"
  fi
done <"$tmp/unlisted"

# 5. Typography of the translations (French rules; other languages have
# their own, so this part applies to French only).
if [ "$lang" = fr ]; then
  LC_ALL=C.UTF-8 msggrep --no-wrap -T -E -e ' [:;?!]( |$)' -e '“' -e '”' \
    "$po" >"$tmp/typo.po" 2>/dev/null || true
  if [ "$(grep -c '^msgid ' "$tmp/typo.po" || true)" -gt 1 ]; then
    grep -v '^#' "$tmp/typo.po" | sed '1,/^$/d'
    fail "po/$lang.po: use a no-break space before : ; ? ! and « » quotes"
  fi
fi

if [ "$failed" -ne 0 ]; then
  exit 1
fi
echo "po/$lang.po: complete, up to date with the sources"
