/* circles-import-endorsements.c: the endorsements of the data archive
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Endorsement_Received_Info.csv: Endorsement Date,Skill Name,Endorser
 * First Name,Endorser Last Name,Endorser Public Url,Endorsement Status;
 * Endorsement_Given_Info.csv the same with Endorsee. URLs often come
 * without a scheme (www.linkedin.com/in/…), dates like
 * "2019/05/28 06:56:49 UTC". Each endorsement is kept on the other
 * person (added when new); one that I, or they, turned down (status
 * REJECTED) never happened.
 */
#define G_LOG_DOMAIN "circles-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "circles-import-readers.h"

gboolean
_circles_import_endorsements (CirclesImportContext  *ctx,
                              CirclesCsvReader      *reader,
                              char                 **header,
                              guint                  n_header,
                              GError               **error)
{
  gboolean given = _circles_import_find_column (header, n_header, "endorsee public url") >= 0;
  const char *who = given ? "endorsee" : "endorser";
  g_autofree char *first_name = g_strconcat (who, " first name", NULL);
  g_autofree char *last_name = g_strconcat (who, " last name", NULL);
  g_autofree char *public_url = g_strconcat (who, " public url", NULL);
  int col_first = _circles_import_find_column (header, n_header, first_name);
  int col_last = _circles_import_find_column (header, n_header, last_name);
  int col_url = _circles_import_find_column (header, n_header, public_url);
  int col_skill = _circles_import_find_column (header, n_header, "skill name");
  int col_date = _circles_import_find_column (header, n_header, "endorsement date");
  int col_status = _circles_import_find_column (header, n_header, "endorsement status");
  GError *local_error = NULL;
  char **fields;
  guint n_fields;

  if (!_circles_import_ensure_me (ctx, error))
    return FALSE;

  while (circles_csv_reader_next (reader, &fields, &n_fields, &local_error))
    {
      const char *skill = _circles_import_field (fields, n_fields, col_skill);
      const char *date = _circles_import_field (fields, n_fields, col_date);
      g_autofree char *name = g_strstrip (g_strdup_printf ("%s %s",
                                                           _circles_import_field (fields, n_fields, col_first),
                                                           _circles_import_field (fields, n_fields, col_last)));
      g_autofree char *day = NULL;
      gint64 id;

      ctx->report->rows++;
      if (!_circles_import_tick (ctx, circles_csv_reader_get_fraction (reader), error))
        return FALSE;

      if (g_ascii_strcasecmp (_circles_import_field (fields, n_fields, col_status), "REJECTED") == 0)
        continue;
      if (*skill == '\0')
        {
          _circles_import_set_error (error, CIRCLES_IMPORT_ERROR_BAD_VALUE,
                                     ctx->display,
                                     circles_csv_reader_get_line (reader), 0, "%s",
                                     _("an endorsement without a skill"));
          return FALSE;
        }
      if (!_circles_import_parse_day (ctx, reader, date,
                                      "2019/05/28 06:56:49 UTC", &day, error))
        return FALSE;
      id = _circles_import_ensure_named (ctx, _circles_import_field (fields, n_fields, col_url),
                                         name, error);
      if (id < 0)
        return FALSE;
      if (id == 0)
        {
          _circles_import_set_error (error, CIRCLES_IMPORT_ERROR_BAD_VALUE,
                                     ctx->display,
                                     circles_csv_reader_get_line (reader), 0, "%s",
                                     _("an endorsement names nobody: no profile URL, no name"));
          return FALSE;
        }
      if (id == ctx->me_id)
        continue;
      if (!circles_store_add_endorsement (ctx->store, id, skill, given, day, error))
        return FALSE;
      ctx->report->endorsements++;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}
