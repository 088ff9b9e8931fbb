/* circles-import-lists.c: simple CSV lists of followers and of groups
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Followers: Follower[,Name] (with --format followers the key column may
 * also be Key, Id or URL): each row is a person who follows me. Me must
 * be known before (the database's me, or --me KEY of someone already in
 * the database). A row naming me is skipped.
 *
 * Groups: Group,Member[,Name]: Member belongs to Group (groups are
 * created by name). Me's own groups are simply those that list me.
 * In both, Name (or Label) sets the display name, and columns named like
 * company, position, location, url or mail fill those fields.
 */
#define G_LOG_DOMAIN "circles-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "circles-import-readers.h"

/* Fills the person fields that the other columns hold. */
static gboolean
apply_columns (CirclesImportContext  *ctx,
               gint64                 id,
               const CirclesField    *columns,
               char                 **fields,
               guint                  n,
               GError               **error)
{
  CirclesPersonFields person = { 0 };
  gboolean any = FALSE;

  for (guint i = 0; i < n; i++)
    if (columns[i] != CIRCLES_FIELD_NONE)
      {
        const char *value = g_strstrip (fields[i]);

        if (*value != '\0')
          {
            _circles_import_set_field (&person, columns[i], value);
            any = TRUE;
          }
      }
  if (!any)
    return TRUE;
  return circles_store_update_person (ctx->store, id, &person, error);
}

static CirclesField *
map_columns (char  **header,
             guint   n_header,
             int     skip_a,
             int     skip_b)
{
  CirclesField *columns = g_new0 (CirclesField, n_header);

  for (guint i = 0; i < n_header; i++)
    if ((int) i != skip_a && (int) i != skip_b)
      columns[i] = _circles_import_match_field (header[i]);
  return columns;
}

gboolean
_circles_import_followers (CirclesImportContext  *ctx,
                           CirclesCsvReader      *reader,
                           char                 **header,
                           guint                  n_header,
                           GError               **error)
{
  static const char *key_names[] = { "follower", "key", "id", "url" };
  g_autofree CirclesField *columns = NULL;
  GError *local_error = NULL;
  char **fields;
  guint n_fields;
  int key_col = -1;

  for (guint i = 0; i < G_N_ELEMENTS (key_names) && key_col < 0; i++)
    key_col = _circles_import_find_column (header, n_header, key_names[i]);
  g_return_val_if_fail (key_col >= 0, FALSE);
  columns = map_columns (header, n_header, key_col, -1);

  if (ctx->me_id <= 0)
    {
      if (ctx->me_key != NULL)
        _circles_import_set_error (error, CIRCLES_IMPORT_ERROR_UNKNOWN_ME,
                                   ctx->display, 0, 0,
                                   _("nobody has the key “%s” given with --me"),
                                   ctx->me_key);
      else
        _circles_import_set_error (error, CIRCLES_IMPORT_ERROR_NO_ME,
                                   ctx->display, 0, 0, "%s",
                                   _("followers follow me, and nobody is me "
                                     "yet: import Connections.csv first or "
                                     "name me with --me KEY"));
      return FALSE;
    }

  while (circles_csv_reader_next (reader, &fields, &n_fields, &local_error))
    {
      const char *key;
      gint64 id;

      ctx->report->rows++;
      if (!_circles_import_tick (ctx, circles_csv_reader_get_fraction (reader), error))
        return FALSE;

      key = (guint) key_col < n_fields ? g_strstrip (fields[key_col]) : "";
      if (*key == '\0')
        {
          _circles_import_set_error (error, CIRCLES_IMPORT_ERROR_BAD_VALUE,
                                     ctx->display,
                                     circles_csv_reader_get_line (reader), 0,
                                     _("a row needs a %s"), header[key_col]);
          return FALSE;
        }
      id = _circles_import_ensure_person (ctx, key, error);
      if (id < 0)
        return FALSE;
      if (id == ctx->me_id)
        continue;
      if (!apply_columns (ctx, id, columns, fields, MIN (n_fields, n_header), error))
        return FALSE;
      if (!circles_store_add_follow (ctx->store, id, ctx->me_id, error))
        return FALSE;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

gboolean
_circles_import_groups (CirclesImportContext  *ctx,
                        CirclesCsvReader      *reader,
                        char                 **header,
                        guint                  n_header,
                        GError               **error)
{
  int group_col = _circles_import_find_column (header, n_header, "group");
  int member_col = _circles_import_find_column (header, n_header, "member");
  g_autofree CirclesField *columns = map_columns (header, n_header, group_col, member_col);
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GError *local_error = NULL;
  char **fields;
  guint n_fields;

  g_return_val_if_fail (group_col >= 0 && member_col >= 0, FALSE);

  while (circles_csv_reader_next (reader, &fields, &n_fields, &local_error))
    {
      const char *group, *member;
      gpointer cached;
      gint64 group_id, id;

      ctx->report->rows++;
      if (!_circles_import_tick (ctx, circles_csv_reader_get_fraction (reader), error))
        return FALSE;

      group = (guint) group_col < n_fields ? g_strstrip (fields[group_col]) : "";
      member = (guint) member_col < n_fields ? g_strstrip (fields[member_col]) : "";
      if (*group == '\0' || *member == '\0')
        {
          _circles_import_set_error (error, CIRCLES_IMPORT_ERROR_BAD_VALUE,
                                     ctx->display,
                                     circles_csv_reader_get_line (reader), 0,
                                     "%s", _("a row needs a Group and a Member"));
          return FALSE;
        }

      if (g_hash_table_lookup_extended (groups, group, NULL, &cached))
        group_id = (gint64) GPOINTER_TO_SIZE (cached);
      else
        {
          group_id = circles_store_ensure_group (ctx->store, group, error);
          if (group_id <= 0)
            return FALSE;
          g_hash_table_insert (groups, g_strdup (group), GSIZE_TO_POINTER ((gsize) group_id));
        }

      id = _circles_import_ensure_person (ctx, member, error);
      if (id < 0)
        return FALSE;
      if (!apply_columns (ctx, id, columns, fields, MIN (n_fields, n_header), error))
        return FALSE;
      if (!circles_store_add_membership (ctx->store, group_id, id, error))
        return FALSE;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}
