/* circles-format.h: numbers as people read them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A count with the thousands separator of the user's language: 30,000
 * in English, 30 000 in French. The separator comes from the translation
 * (not LC_NUMERIC), so that the window, the command line and the exports
 * agree, and drawn text never needs a glyph the diagram's font lacks. */
char   *circles_format_count  (guint64 n);

/* What a source of the database is, for people: "Data archive",
 * "Added by hand"…, from its format ("archive", "hand"…). */
const char *circles_format_source_kind (const char *format);

/* The n to choose a plural form with (ngettext takes an unsigned long). */
static inline gulong
circles_format_plural (guint64 n)
{
  return n > G_MAXULONG ? G_MAXULONG : (gulong) n;
}

/* What an import brought: "12 people, 1 connection". */
char       *circles_format_brought     (gint64      people,
                                        gint64      connections);

G_END_DECLS
