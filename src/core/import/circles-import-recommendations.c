/* circles-import-recommendations.c: the recommendations of the data archive
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Recommendations_Received.csv and Recommendations_Given.csv: First
 * Name,Last Name,Company,Job Title,Text,Creation Date,Status. No URL:
 * the person is found by name among my connections, and only when one
 * person has that name (two namesakes, or none, and the recommendation
 * is counted in report->unmatched: never given to the wrong person).
 * The text is not kept.
 */
#define G_LOG_DOMAIN "circles-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "circles-import-readers.h"

gboolean
_circles_import_recommendations (CirclesImportContext  *ctx,
                                 CirclesCsvReader      *reader,
                                 char                 **header,
                                 guint                  n_header,
                                 gboolean               given,
                                 GError               **error)
{
  int col_first = _circles_import_find_column (header, n_header, "first name");
  int col_last = _circles_import_find_column (header, n_header, "last name");
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GError *local_error = NULL;
  GHashTableIter iter;
  gpointer key, value;
  char **fields;
  guint n_fields;

  if (!_circles_import_ensure_me (ctx, error))
    return FALSE;

  while (circles_csv_reader_next (reader, &fields, &n_fields, &local_error))
    {
      const char *first = _circles_import_field (fields, n_fields, col_first);
      const char *last = _circles_import_field (fields, n_fields, col_last);
      g_autoptr(GArray) ids = NULL;

      ctx->report->rows++;
      if (!_circles_import_tick (ctx, circles_csv_reader_get_fraction (reader), error))
        return FALSE;

      ids = circles_store_find_connections_named (ctx->store, ctx->me_id, first, last, error);
      if (ids == NULL)
        return FALSE;
      if (ids->len != 1)
        {
          ctx->report->unmatched++;
          continue;
        }
      {
        gint64 id = g_array_index (ids, gint64, 0);
        guint n = GPOINTER_TO_UINT (g_hash_table_lookup (counts, &id));

        g_hash_table_insert (counts, g_memdup2 (&id, sizeof id), GUINT_TO_POINTER (n + 1));
      }
      ctx->report->recommendations++;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!circles_store_set_recommendations (ctx->store, *(gint64 *) key, given,
                                            GPOINTER_TO_UINT (value), error))
      return FALSE;
  return TRUE;
}
