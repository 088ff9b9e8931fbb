/* circles-import-archive.c: the whole data archive in one import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The files are read in an order where each finds what it needs:
 * Connections.csv makes me and my 1st degree; Profile.csv names me;
 * messages.csv learns my profile URL (which takes part in every one of
 * my conversations) and counts who I talk to; the invitations,
 * endorsements and recommendations come last, the recommendations
 * being matched by name among my connections. Files of the same shape
 * as messages.csv that hold chats with the network's automated
 * assistants (coach_messages.csv, guide_messages.csv, …) are not
 * conversations with people, and like the dozens of other files they
 * are not read. All of it is one transaction, the caller's.
 *
 * A colleague's archive (--owner) gives their connections and their
 * profile; their messages, invitations, endorsements and
 * recommendations are theirs, not mine, and are not read.
 */
#define G_LOG_DOMAIN "circles-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "circles-archive.h"
#include "circles-import-readers.h"

typedef enum
{
  READ_CONNECTIONS,
  READ_PROFILE,
  READ_MESSAGES,
  READ_INVITATIONS,
  READ_ENDORSEMENTS,
  READ_RECOMMENDATIONS_RECEIVED,
  READ_RECOMMENDATIONS_GIVEN,
} Read;

static const struct
{
  const char *name;
  const char *required;  /* a column of its header */
  Read        read;
  double      share;     /* of the progress */
} archive_files[] = {
  { "Connections.csv", "first name", READ_CONNECTIONS, 0.3 },
  { "Profile.csv", "first name", READ_PROFILE, 0.01 },
  { "messages.csv", "sender profile url", READ_MESSAGES, 0.6 },
  { "Invitations.csv", "direction", READ_INVITATIONS, 0.03 },
  { "Endorsement_Received_Info.csv", "skill name", READ_ENDORSEMENTS, 0.02 },
  { "Endorsement_Given_Info.csv", "skill name", READ_ENDORSEMENTS, 0.02 },
  { "Recommendations_Received.csv", "first name", READ_RECOMMENDATIONS_RECEIVED, 0.01 },
  { "Recommendations_Given.csv", "first name", READ_RECOMMENDATIONS_GIVEN, 0.01 },
};

static gboolean
read_file (CirclesImportContext  *ctx,
           CirclesCsvReader      *reader,
           Read                   read,
           const char            *required,
           GError               **error)
{
  g_auto(GStrv) header = NULL;
  GError *local_error = NULL;
  guint n_header = 0;

  if (!_circles_import_read_header (ctx, reader, required, &header, &n_header, &local_error))
    {
      /* An empty file of the archive says nothing; Connections.csv
       * must have someone. */
      if (read != READ_CONNECTIONS
          && g_error_matches (local_error, CIRCLES_IMPORT_ERROR, CIRCLES_IMPORT_ERROR_EMPTY))
        {
          g_error_free (local_error);
          return TRUE;
        }
      g_propagate_error (error, local_error);
      return FALSE;
    }

  switch (read)
    {
    case READ_CONNECTIONS:
      return _circles_import_linkedin (ctx, reader, header, n_header, error);
    case READ_PROFILE:
      return _circles_import_profile (ctx, reader, header, n_header, error);
    case READ_MESSAGES:
      return _circles_import_messages (ctx, reader, header, n_header, error);
    case READ_INVITATIONS:
      return _circles_import_invitations (ctx, reader, header, n_header, error);
    case READ_ENDORSEMENTS:
      return _circles_import_endorsements (ctx, reader, header, n_header, error);
    case READ_RECOMMENDATIONS_RECEIVED:
      return _circles_import_recommendations (ctx, reader, header, n_header, FALSE, error);
    case READ_RECOMMENDATIONS_GIVEN:
      return _circles_import_recommendations (ctx, reader, header, n_header, TRUE, error);
    default:
      g_assert_not_reached ();
    }
}

gboolean
_circles_import_archive (CirclesImportContext  *ctx,
                         GError               **error)
{
  g_autoptr(CirclesArchive) archive = circles_archive_open (ctx->path, error);
  char *saved_display = ctx->display;
  gboolean ok = TRUE;
  double done = 0;

  if (archive == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (archive_files) && ok; i++)
    {
      g_autoptr(CirclesCsvReader) reader = NULL;
      GError *local_error = NULL;

      if (ctx->owner_id > 0 && archive_files[i].read > READ_PROFILE)
        continue;
      reader = circles_archive_open_file (archive, archive_files[i].name, &local_error);
      if (reader == NULL)
        {
          if (local_error != NULL)
            {
              g_propagate_error (error, local_error);
              ok = FALSE;
            }
          done += archive_files[i].share;
          continue;
        }

      ctx->display = (char *) circles_csv_reader_get_display_name (reader);
      ctx->progress_base = done;
      ctx->progress_span = archive_files[i].share;
      ok = read_file (ctx, reader, archive_files[i].read, archive_files[i].required, error);
      ctx->display = saved_display;
      if (ok)
        ctx->report->files++;
      done += archive_files[i].share;
    }

  ctx->progress_base = 0;
  ctx->progress_span = 0;
  return ok;
}
