/* circles-import-linkedin.c: Connections.csv of the network's data export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Header: First Name,Last Name[,URL],Email Address,Company,Position,
 * Connected On (the preamble is skipped by circles-import.c). Columns
 * are found by name, so older exports without URL work too.
 *
 * Key of a person: the profile URL normalised (scheme and host in lower
 * case, no query nor fragment, no trailing slash; "https://" added when
 * there is no scheme); without a URL, "name:" + first and last name +
 * "|" + company, case-folded. A row whose key was seen before in the
 * file is a duplicate and is skipped (counted in report->duplicates).
 *
 * A row that holds only a date is a hidden profile: one anonymous
 * person "Hidden member" each, keyed "hidden:DATE:N" (N-th hidden row
 * with that date in the file) so that importing the file again finds
 * the same people. Every row is a connection to me, since its date.
 * Me is the database's me, else the --me key, else a person "me" named
 * "Me" created now.
 *
 * A colleague's export (--owner KEY): every row is a connection of the
 * owner instead, since its date; the row that lists me is me (found by
 * my profile URL), whose fields the owner's view does not change; the
 * hidden members are the owner's ("hidden:OWNER:DATE:N").
 *
 * Without an owner, when the caller asks (the command line does), the
 * file must look like mine: when I already have
 * connections, at least half of its people must be among them, or the
 * file is refused (CIRCLES_IMPORT_ERROR_NOT_MINE) and the user asked to
 * name its owner: a colleague's file would otherwise silently make all
 * of their connections my 1st degree.
 *
 * Dates: "12 Mar 2024", "7-Feb-22" (two-digit years are 20YY) and
 * ISO "2024-03-12" are stored as ISO dates.
 */
#define G_LOG_DOMAIN "circles-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "circles-format.h"
#include "circles-import-readers.h"

static char *
casefold (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_DEFAULT);

  return g_utf8_casefold (normal != NULL ? normal : text, -1);
}

static void
add_id (gint64   id,
        gpointer user_data)
{
  g_hash_table_add (user_data, g_memdup2 (&id, sizeof id));
}

gboolean
_circles_import_linkedin (CirclesImportContext  *ctx,
                          CirclesCsvReader      *reader,
                          char                 **header,
                          guint                  n_header,
                          GError               **error)
{
  int col_first = _circles_import_find_column (header, n_header, "first name");
  int col_last = _circles_import_find_column (header, n_header, "last name");
  int col_url = _circles_import_find_column (header, n_header, "url");
  int col_email = _circles_import_find_column (header, n_header, "email address");
  int col_company = _circles_import_find_column (header, n_header, "company");
  int col_position = _circles_import_find_column (header, n_header, "position");
  int col_date = _circles_import_find_column (header, n_header, "connected on");
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) hidden_per_date = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) mine = NULL;  /* my connections before, by id */
  g_autofree char *owner_key = NULL;
  guint64 keyed = 0, known = 0;
  GError *local_error = NULL;
  gint64 center;
  char **fields;
  guint n_fields;

  ctx->read_connections = TRUE;

  if (col_url < 0)
    col_url = _circles_import_find_column (header, n_header, "profile url");
  if (col_email < 0)
    col_email = _circles_import_find_column (header, n_header, "email");

  if (!_circles_import_ensure_me (ctx, error))
    return FALSE;
  center = ctx->owner_id > 0 ? ctx->owner_id : ctx->me_id;
  if (ctx->refuse_foreign && ctx->owner_id == 0 && !ctx->owner_is_me)
    {
      mine = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      if (!circles_store_foreach_connection_of (ctx->store, ctx->me_id, add_id, mine, error))
        return FALSE;
      if (g_hash_table_size (mine) == 0)
        g_clear_pointer (&mine, g_hash_table_unref);
    }
  if (ctx->owner_id > 0)
    owner_key = circles_store_get_person_key (ctx->store, ctx->owner_id);

  while (circles_csv_reader_next (reader, &fields, &n_fields, &local_error))
    {
      const char *first = _circles_import_field (fields, n_fields, col_first);
      const char *last = _circles_import_field (fields, n_fields, col_last);
      const char *url = _circles_import_field (fields, n_fields, col_url);
      const char *email = _circles_import_field (fields, n_fields, col_email);
      const char *company = _circles_import_field (fields, n_fields, col_company);
      const char *position = _circles_import_field (fields, n_fields, col_position);
      const char *date = _circles_import_field (fields, n_fields, col_date);
      g_autofree char *iso = NULL;
      g_autofree char *key = NULL;
      g_autofree char *display_name = NULL;
      CirclesPersonFields person = { 0 };
      gboolean hidden;
      gint64 id;

      ctx->report->rows++;
      if (!_circles_import_tick (ctx, circles_csv_reader_get_fraction (reader), error))
        return FALSE;

      if (*date != '\0')
        {
          iso = _circles_import_parse_date (date);
          if (iso == NULL)
            {
              _circles_import_set_error (error, CIRCLES_IMPORT_ERROR_BAD_VALUE,
                                         ctx->display,
                                         circles_csv_reader_get_line (reader), 0,
                                         _("“%s” is not a date like 12 Mar 2024"),
                                         date);
              return FALSE;
            }
        }

      hidden = *first == '\0' && *last == '\0' && *url == '\0'
               && *email == '\0' && *company == '\0' && *position == '\0';
      if (hidden && iso == NULL)
        continue; /* an empty row */

      if (hidden)
        {
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (hidden_per_date, iso)) + 1;

          g_hash_table_insert (hidden_per_date, g_strdup (iso), GUINT_TO_POINTER (n));
          if (owner_key != NULL)
            key = g_strdup_printf ("hidden:%s:%s:%u", owner_key, iso, n);
          else
            key = g_strdup_printf ("hidden:%s:%u", iso, n);
          /* TRANSLATORS: a connection whose profile is hidden */
          person.display_name = _("Hidden member");
          ctx->report->hidden_members++;
        }
      else
        {
          if (*url != '\0')
            key = _circles_import_normalize_url (url);
          else
            {
              g_autofree char *name = g_strdup_printf ("%s %s", first, last);
              g_autofree char *folded_name = casefold (g_strstrip (name));
              g_autofree char *folded_company = casefold (company);

              key = g_strdup_printf ("name:%s|%s", folded_name, folded_company);
            }

          if (g_hash_table_contains (seen, key))
            {
              ctx->report->duplicates++;
              continue;
            }
          g_hash_table_add (seen, g_strdup (key));

          display_name = g_strstrip (g_strdup_printf ("%s %s", first, last));
          _circles_import_set_field (&person, CIRCLES_FIELD_DISPLAY_NAME, display_name);
          _circles_import_set_field (&person, CIRCLES_FIELD_FIRST_NAME, first);
          _circles_import_set_field (&person, CIRCLES_FIELD_LAST_NAME, last);
          _circles_import_set_field (&person, CIRCLES_FIELD_PROFILE_URL, url);
          _circles_import_set_field (&person, CIRCLES_FIELD_EMAIL, email);
          _circles_import_set_field (&person, CIRCLES_FIELD_COMPANY, company);
          _circles_import_set_field (&person, CIRCLES_FIELD_POSITION, position);
        }
      /* The day they connected to me; an owner's rows tell theirs. */
      if (ctx->owner_id == 0)
        person.connected_on = iso;

      if (mine != NULL && !hidden)
        {
          gint64 before = circles_store_lookup_person (ctx->store, key);

          keyed++;
          if (before > 0 && g_hash_table_contains (mine, &before))
            known++;
        }

      id = _circles_import_ensure_person (ctx, key, error);
      if (id < 0)
        return FALSE;
      if (id != ctx->me_id
          && !circles_store_update_person (ctx->store, id, &person, error))
        return FALSE;
      if (id != center
          && !circles_store_add_connection (ctx->store, center, id, -1.0, iso, error))
        return FALSE;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  if (mine != NULL && keyed > 0 && 2 * known < keyed)
    {
      g_autofree char *n_keyed = circles_format_count (keyed);
      g_autofree char *n_known = circles_format_count (known);

      _circles_import_set_error (error, CIRCLES_IMPORT_ERROR_NOT_MINE,
                                 ctx->display, 0, 0,
                                 _("only %s of the %s people of this export are "
                                   "your connections: is it a colleague’s? Name "
                                   "whose it is with --owner KEY, or with "
                                   "--owner me if it really is yours"),
                                 n_known, n_keyed);
      return FALSE;
    }
  return TRUE;
}
