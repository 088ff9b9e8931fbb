/* circles-import-invitations.c: Invitations.csv of the data archive
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Header: From,To,Sent At,Message,Direction,inviterProfileUrl,
 * inviteeProfileUrl; dates like "6/2/26, 9:14 AM" (month first);
 * Direction OUTGOING (I invited them) or INCOMING. The file lists the
 * invitations still pending: each is kept on the other person (added
 * when new, with the name the file gives). The message is not kept.
 */
#define G_LOG_DOMAIN "circles-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "circles-import-readers.h"

/* The key of someone the file names without a URL: as Connections.csv
 * keys a row without URL nor company. */
static char *
key_of_name (const char *name)
{
  g_autofree char *normal = g_utf8_normalize (name, -1, G_NORMALIZE_DEFAULT);
  g_autofree char *folded = g_utf8_casefold (normal != NULL ? normal : name, -1);

  return g_strdup_printf ("name:%s|", folded);
}

gint64
_circles_import_ensure_named (CirclesImportContext  *ctx,
                              const char            *url,
                              const char            *name,
                              GError               **error)
{
  g_autofree char *key = _circles_import_normalize_url (url);
  CirclesPersonFields fields = { 0 };
  gint64 id;

  if (key == NULL)
    {
      if (*name == '\0')
        return 0;
      key = key_of_name (name);
    }
  id = circles_store_lookup_person (ctx->store, key);
  if (id > 0)
    return id;
  id = _circles_import_ensure_person (ctx, key, error);
  if (id < 0)
    return -1;
  _circles_import_set_field (&fields, CIRCLES_FIELD_DISPLAY_NAME, name);
  if (circles_import_key_is_url (key))
    _circles_import_set_field (&fields, CIRCLES_FIELD_PROFILE_URL, url);
  if (!circles_store_update_person (ctx->store, id, &fields, error))
    return -1;
  return id;
}

gboolean
_circles_import_invitations (CirclesImportContext  *ctx,
                             CirclesCsvReader      *reader,
                             char                 **header,
                             guint                  n_header,
                             GError               **error)
{
  int col_from = _circles_import_find_column (header, n_header, "from");
  int col_to = _circles_import_find_column (header, n_header, "to");
  int col_date = _circles_import_find_column (header, n_header, "sent at");
  int col_direction = _circles_import_find_column (header, n_header, "direction");
  int col_inviter = _circles_import_find_column (header, n_header, "inviterprofileurl");
  int col_invitee = _circles_import_find_column (header, n_header, "inviteeprofileurl");
  GError *local_error = NULL;
  char **fields;
  guint n_fields;

  if (!_circles_import_ensure_me (ctx, error))
    return FALSE;

  while (circles_csv_reader_next (reader, &fields, &n_fields, &local_error))
    {
      const char *direction = _circles_import_field (fields, n_fields, col_direction);
      const char *date = _circles_import_field (fields, n_fields, col_date);
      g_autofree char *day = NULL;
      CirclesInvitation invitation;
      gint64 id;

      ctx->report->rows++;
      if (!_circles_import_tick (ctx, circles_csv_reader_get_fraction (reader), error))
        return FALSE;

      if (g_ascii_strcasecmp (direction, "OUTGOING") == 0)
        invitation = CIRCLES_INVITATION_SENT;
      else if (g_ascii_strcasecmp (direction, "INCOMING") == 0)
        invitation = CIRCLES_INVITATION_RECEIVED;
      else
        {
          _circles_import_set_error (error, CIRCLES_IMPORT_ERROR_BAD_VALUE,
                                     ctx->display,
                                     circles_csv_reader_get_line (reader), 0,
                                     _("“%s” is no direction: OUTGOING or INCOMING"),
                                     direction);
          return FALSE;
        }
      if (!_circles_import_parse_day (ctx, reader, date,
                                      "6/2/26, 9:14 AM", &day, error))
        return FALSE;

      if (invitation == CIRCLES_INVITATION_SENT)
        id = _circles_import_ensure_named (ctx,
                                           _circles_import_field (fields, n_fields, col_invitee),
                                           _circles_import_field (fields, n_fields, col_to),
                                           error);
      else
        id = _circles_import_ensure_named (ctx,
                                           _circles_import_field (fields, n_fields, col_inviter),
                                           _circles_import_field (fields, n_fields, col_from),
                                           error);
      if (id < 0)
        return FALSE;
      if (id == 0)
        {
          _circles_import_set_error (error, CIRCLES_IMPORT_ERROR_BAD_VALUE,
                                     ctx->display,
                                     circles_csv_reader_get_line (reader), 0, "%s",
                                     _("an invitation names nobody: no profile URL, no name"));
          return FALSE;
        }
      if (id == ctx->me_id)
        continue;
      if (!circles_store_set_invitation (ctx->store, id, invitation, day, error))
        return FALSE;
      ctx->report->invitations++;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}
