/* circles-format.c: numbers as people read them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "circles-format.h"

char *
circles_format_count (guint64 n)
{
  /* Translators: the separator of thousands in counts, as in 30,000 */
  const char *separator = C_("thousands separator", ",");
  char digits[24];
  GString *out = g_string_sized_new (32);
  gsize len;

  g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, n);
  len = strlen (digits);
  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append (out, separator);
      g_string_append_c (out, digits[i]);
    }
  return g_string_free (out, FALSE);
}

const char *
circles_format_source_kind (const char *format)
{
  static const struct
  {
    const char *format;
    const char *kind;
  } kinds[] = {
    { "archive", N_("Data archive") },
    { "linkedin", N_("Connections export") },
    { "csv", N_("Edge list") },
    { "dot", N_("DOT graph") },
    { "graphml", N_("GraphML graph") },
    { "followers", N_("Followers list") },
    { "groups", N_("Groups list") },
    { "demo", N_("Demo network") },
    { "hand", N_("Added by hand") },
    { "legacy", N_("Imported before sources were kept") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (format, kinds[i].format) == 0)
      return _(kinds[i].kind);
  return _("Import");
}

char *
circles_format_brought (gint64 people,
                        gint64 connections)
{
  g_autofree char *n_people = circles_format_count (MAX (people, 0));
  g_autofree char *n_connections = circles_format_count (MAX (connections, 0));
  /* Translators: how many people an import brought; the first half of
   * "12 people, 40 connections" */
  g_autofree char *first = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s person", "%s people",
                                                         circles_format_plural (MAX (people, 0))),
                                            n_people);
  /* Translators: how many connections an import brought */
  g_autofree char *second = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s connection", "%s connections",
                                                          circles_format_plural (MAX (connections, 0))),
                                             n_connections);

  /* Translators: "12 people, 40 connections" */
  return g_strdup_printf (_("%s, %s"), first, second);
}
