/* circles-prospect-list.c: a list of prospects to act on, as CSV
 *
 * One row per prospect with their circle, their best introducer, the
 * warmest chain, the reasons recorded for the approach and a drafted
 * message. The messages come from circles-message.c, in the language of
 * the locale: for a 2nd-degree prospect the invitation naming the mutual
 * connection, for a 3rd-degree one the request to the 1st-degree
 * connection of the chain for an introduction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "circles-prospects"

#include "config.h"

#include <string.h>

#include "circles-message.h"
#include "circles-paths.h"
#include "circles-prospect-list.h"

char *
circles_prospect_list_draft_message (CirclesNetwork *network,
                                     const guint32  *chain,
                                     guint           length)
{
  g_return_val_if_fail (network != NULL, NULL);
  g_return_val_if_fail (chain != NULL, NULL);

  /* me → mutual → prospect: the invitation naming the mutual
   * connection, as the person pane drafts it. */
  if (length == 3)
    return circles_message_introduction (circles_network_get_name (network, chain[2]),
                                         circles_network_get_name (network, chain[1]));

  /* me → first → via → prospect: the request to my 1st-degree
   * connection for an introduction. */
  if (length == 4)
    return circles_message_ask_introduction (circles_network_get_name (network, chain[1]),
                                             circles_network_get_name (network, chain[2]),
                                             circles_network_get_name (network, chain[3]));

  return NULL;
}

/* Appends @field as a CSV field: quoted when it needs to be, and with a
 * leading apostrophe when a spreadsheet would read it as a formula. */
static void
append_field (GString    *row,
              guint      *n_fields,
              const char *field)
{
  gboolean quote;

  if ((*n_fields)++ > 0)
    g_string_append_c (row, ',');
  if (field == NULL)
    return;

  quote = strpbrk (field, ",\"\r\n") != NULL;
  if (quote)
    g_string_append_c (row, '"');
  if (*field != '\0' && strchr ("=+-@\t\r", *field) != NULL)
    g_string_append_c (row, '\'');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (row, '"');
      g_string_append_c (row, *p);
    }
  if (quote)
    g_string_append_c (row, '"');
}

static char *
reasons_to_string (guint reasons)
{
  static const struct { guint flag; const char *name; } names[] = {
    { CIRCLES_REASON_EVENT, "event" },
    { CIRCLES_REASON_ALUMNI, "alumni" },
    { CIRCLES_REASON_HIGH_VALUE, "high_value" },
    { CIRCLES_REASON_COMMENTS, "comments" },
  };
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (reasons & names[i].flag)
      g_string_append_printf (s, "%s%s", s->len > 0 ? ";" : "", names[i].name);
  return g_string_free (s, FALSE);
}

gboolean
circles_prospect_list_write (CirclesNetwork  *network,
                             CirclesStore    *store,
                             const guint32   *prospects,
                             guint            n_prospects,
                             GOutputStream   *stream,
                             GCancellable    *cancellable,
                             GError         **error)
{
  g_autoptr(GString) row = g_string_new (CIRCLES_PROSPECT_LIST_HEADER "\r\n");

  g_return_val_if_fail (network != NULL, FALSE);
  g_return_val_if_fail (store == NULL || CIRCLES_IS_STORE (store), FALSE);
  g_return_val_if_fail (prospects != NULL || n_prospects == 0, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  if (!g_output_stream_write_all (stream, row->str, row->len, NULL, cancellable, error))
    return FALSE;

  for (guint k = 0; k < n_prospects; k++)
    {
      guint32 p = prospects[k];
      guint degree = circles_network_get_degree (network, p);
      g_autoptr(CirclesPaths) paths = NULL;
      g_autoptr(GString) chain_names = g_string_new (NULL);
      g_autofree char *message = NULL;
      g_autofree char *reasons = NULL;
      const CirclesChain *chain;
      guint n_fields = 0;

      if (degree != 2 && degree != 3)
        continue;

      paths = circles_paths_find (network, p, 1);
      if (paths->chains->len == 0)
        continue;
      chain = &g_array_index (paths->chains, CirclesChain, 0);
      for (guint i = 0; i < chain->length; i++)
        g_string_append_printf (chain_names, "%s%s", i > 0 ? " > " : "",
                                circles_network_get_name (network, chain->people[i]));
      message = circles_prospect_list_draft_message (network, chain->people, chain->length);
      reasons = reasons_to_string (store != NULL
                                   ? circles_store_get_reasons (store, circles_network_get_id (network, p))
                                   : 0);

      g_string_truncate (row, 0);
      append_field (row, &n_fields, circles_network_get_key (network, p));
      append_field (row, &n_fields, circles_network_get_name (network, p));
      append_field (row, &n_fields, circles_network_get_company (network, p));
      append_field (row, &n_fields, circles_network_get_position (network, p));
      append_field (row, &n_fields, circles_circle_to_string (circles_network_get_circle (network, p)));
      append_field (row, &n_fields, circles_network_get_key (network, chain->people[1]));
      append_field (row, &n_fields, chain_names->str);
      append_field (row, &n_fields, reasons);
      append_field (row, &n_fields, message);
      g_string_append (row, "\r\n");

      if (!g_output_stream_write_all (stream, row->str, row->len, NULL, cancellable, error))
        return FALSE;
    }

  return TRUE;
}
