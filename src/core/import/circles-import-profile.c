/* circles-import-profile.c: Profile.csv of the data archive
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Header: First Name,Last Name,Maiden Name,Address,Birth Date,Headline,
 * Summary,Industry,Zip Code,Geo Location,Twitter Handles,Websites,
 * Instant Messengers. One record: me (or, in a colleague's archive,
 * them). My name replaces "Me", my
 * headline is my position and Geo Location my location; the rest (an
 * address, a birth date) is none of the network's business and is not
 * kept.
 */
#define G_LOG_DOMAIN "circles-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "circles-import-readers.h"

gboolean
_circles_import_profile (CirclesImportContext  *ctx,
                         CirclesCsvReader      *reader,
                         char                 **header,
                         guint                  n_header,
                         GError               **error)
{
  int col_first = _circles_import_find_column (header, n_header, "first name");
  int col_last = _circles_import_find_column (header, n_header, "last name");
  int col_headline = _circles_import_find_column (header, n_header, "headline");
  int col_location = _circles_import_find_column (header, n_header, "geo location");
  GError *local_error = NULL;
  guint records = 0;
  char **fields;
  guint n_fields;

  if (col_location < 0)
    col_location = _circles_import_find_column (header, n_header, "location");

  if (!_circles_import_ensure_me (ctx, error))
    return FALSE;

  while (circles_csv_reader_next (reader, &fields, &n_fields, &local_error))
    {
      const char *first = _circles_import_field (fields, n_fields, col_first);
      const char *last = _circles_import_field (fields, n_fields, col_last);
      g_autofree char *name = g_strstrip (g_strdup_printf ("%s %s", first, last));
      CirclesPersonFields person = { 0 };

      ctx->report->rows++;
      /* One profile: a second record is not mine. */
      if (++records > 1)
        {
          _circles_import_set_error (error, CIRCLES_IMPORT_ERROR_SYNTAX,
                                     ctx->display,
                                     circles_csv_reader_get_line (reader), 0, "%s",
                                     _("a profile has one record, this is a second"));
          return FALSE;
        }

      _circles_import_set_field (&person, CIRCLES_FIELD_DISPLAY_NAME, name);
      _circles_import_set_field (&person, CIRCLES_FIELD_FIRST_NAME, first);
      _circles_import_set_field (&person, CIRCLES_FIELD_LAST_NAME, last);
      _circles_import_set_field (&person, CIRCLES_FIELD_POSITION,
                                 _circles_import_field (fields, n_fields, col_headline));
      _circles_import_set_field (&person, CIRCLES_FIELD_LOCATION,
                                 _circles_import_field (fields, n_fields, col_location));
      if (!circles_store_update_person (ctx->store,
                                        ctx->owner_id > 0 ? ctx->owner_id : ctx->me_id,
                                        &person, error))
        return FALSE;
      if (*name != '\0' && ctx->owner_id == 0)
        {
          g_free (ctx->my_name);
          ctx->my_name = g_steal_pointer (&name);
        }
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}
