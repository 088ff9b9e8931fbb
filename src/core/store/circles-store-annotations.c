/* circles-store-annotations.c: what the user adds to people and connections
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "circles-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "circles-store-private.h"

guint
circles_store_get_reasons (CirclesStore *self,
                           gint64        person)
{
  sqlite3_stmt *stmt;
  gint64 flags;

  g_return_val_if_fail (CIRCLES_IS_STORE (self), 0);

  stmt = self->stmts[STMT_GET_REASONS];
  sqlite3_bind_int64 (stmt, 1, person);
  flags = _circles_store_step_int (self, stmt, NULL);
  return flags > 0 ? (guint)flags & CIRCLES_REASONS_ALL : 0;
}

gboolean
circles_store_set_reasons (CirclesStore  *self,
                           gint64         person,
                           guint          reasons,
                           GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CIRCLES_IS_STORE (self), FALSE);
  g_return_val_if_fail (!self->in_transaction && !self->in_read, FALSE);
  g_return_val_if_fail ((reasons & ~CIRCLES_REASONS_ALL) == 0, FALSE);

  if (!_circles_store_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;

  stmt = self->stmts[STMT_SET_REASONS];
  sqlite3_bind_int64 (stmt, 1, person);
  sqlite3_bind_int64 (stmt, 2, reasons);
  if (!_circles_store_step_done (self, stmt, error) || !_circles_store_exec (self, "COMMIT", error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

/**
 * circles_store_get_rating:
 *
 * Returns: the 1..5 rating of the connection @a–@b, 0 when it has none;
 * -1 when there is no such connection, or with @error set when the
 * database cannot be read.
 */
int
circles_store_get_rating (CirclesStore  *self,
                          gint64         a,
                          gint64         b,
                          GError       **error)
{
  sqlite3_stmt *stmt;
  int rating = -1;
  int rc;

  g_return_val_if_fail (CIRCLES_IS_STORE (self), -1);

  if (a > b)
    {
      gint64 t = a;
      a = b;
      b = t;
    }

  if (self->in_transaction && !_circles_store_flush_connections (self, error))
    return -1;

  stmt = self->stmts[STMT_GET_RATING];
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    rating = CLAMP (sqlite3_column_int (stmt, 0), 0, 5);
  else if (rc != SQLITE_DONE)
    _circles_store_set_sqlite_error (self, rc, error);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return rating;
}

gboolean
circles_store_set_rating (CirclesStore  *self,
                          gint64         a,
                          gint64         b,
                          int            rating,
                          GError       **error)
{
  g_autofree char *name = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CIRCLES_IS_STORE (self), FALSE);
  g_return_val_if_fail (!self->in_transaction && !self->in_read, FALSE);
  g_return_val_if_fail (rating >= 0 && rating <= 5, FALSE);

  if (a > b)
    {
      gint64 t = a;
      a = b;
      b = t;
    }

  if (!circles_store_begin (self, error))
    return FALSE;

  stmt = self->stmts[STMT_SET_RATING];
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  if (rating > 0)
    sqlite3_bind_int (stmt, 3, rating);
  if (!_circles_store_step_done (self, stmt, error))
    {
      circles_store_rollback (self);
      return FALSE;
    }
  if (sqlite3_changes (self->db) == 0)
    {
      circles_store_rollback (self);
      name = g_filename_display_basename (self->path);
      g_set_error (error, CIRCLES_STORE_ERROR, CIRCLES_STORE_ERROR_FAILED,
                   _("There is no such connection in “%s”"), name);
      return FALSE;
    }

  /* The rating changes a strength: the commit makes the snapshot stale. */
  return circles_store_commit (self, error);
}

/* Interactions are written within an import, whose people may still be
 * waiting in the batch: they go first. */
static gboolean
ready_for (CirclesStore  *self,
           gint64         person,
           GError       **error)
{
  g_return_val_if_fail (self->in_transaction, FALSE);

  if (person > self->written_person_id)
    return _circles_store_flush_people (self, error);
  return TRUE;
}

gboolean
circles_store_set_messages (CirclesStore  *self,
                            gint64         person,
                            guint          sent,
                            guint          received,
                            const char    *last,
                            GError       **error)
{
  sqlite3_stmt *stmt = self->stmts[STMT_SET_MESSAGES];

  g_return_val_if_fail (CIRCLES_IS_STORE (self), FALSE);

  if (!ready_for (self, person, error))
    return FALSE;
  _circles_store_touch_person (self, person);
  sqlite3_bind_int64 (stmt, 1, person);
  sqlite3_bind_int64 (stmt, 2, sent);
  sqlite3_bind_int64 (stmt, 3, received);
  _circles_store_bind_text_or_null (stmt, 4, last);
  sqlite3_bind_int64 (stmt, 5, self->source_id);
  return _circles_store_step_done (self, stmt, error);
}

gboolean
circles_store_set_invitation (CirclesStore       *self,
                              gint64              person,
                              CirclesInvitation   invitation,
                              const char         *date,
                              GError            **error)
{
  sqlite3_stmt *stmt = self->stmts[STMT_SET_INVITATION];

  g_return_val_if_fail (CIRCLES_IS_STORE (self), FALSE);
  g_return_val_if_fail (invitation <= CIRCLES_INVITATION_RECEIVED, FALSE);

  if (!ready_for (self, person, error))
    return FALSE;
  _circles_store_touch_person (self, person);
  sqlite3_bind_int64 (stmt, 1, person);
  sqlite3_bind_int (stmt, 2, invitation);
  _circles_store_bind_text_or_null (stmt, 3, date);
  sqlite3_bind_int64 (stmt, 4, self->source_id);
  return _circles_store_step_done (self, stmt, error);
}

gboolean
circles_store_add_endorsement (CirclesStore  *self,
                               gint64         person,
                               const char    *skill,
                               gboolean       given,
                               const char    *date,
                               GError       **error)
{
  sqlite3_stmt *stmt = self->stmts[STMT_ADD_ENDORSEMENT];

  g_return_val_if_fail (CIRCLES_IS_STORE (self), FALSE);
  g_return_val_if_fail (skill != NULL, FALSE);

  if (!ready_for (self, person, error))
    return FALSE;
  _circles_store_touch_person (self, person);
  sqlite3_bind_int64 (stmt, 1, person);
  sqlite3_bind_text (stmt, 2, skill, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 3, given ? 1 : 0);
  _circles_store_bind_text_or_null (stmt, 4, date);
  sqlite3_bind_int64 (stmt, 5, self->source_id);
  return _circles_store_step_done (self, stmt, error);
}

gboolean
circles_store_set_recommendations (CirclesStore  *self,
                                   gint64         person,
                                   gboolean       given,
                                   guint          count,
                                   GError       **error)
{
  sqlite3_stmt *stmt = self->stmts[given ? STMT_SET_RECOMMENDATIONS_GIVEN
                                         : STMT_SET_RECOMMENDATIONS_RECEIVED];

  g_return_val_if_fail (CIRCLES_IS_STORE (self), FALSE);

  if (!ready_for (self, person, error))
    return FALSE;
  _circles_store_touch_person (self, person);
  sqlite3_bind_int64 (stmt, 1, person);
  sqlite3_bind_int64 (stmt, 2, count);
  sqlite3_bind_int64 (stmt, 3, self->source_id);
  return _circles_store_step_done (self, stmt, error);
}

GArray *
circles_store_find_connections_named (CirclesStore  *self,
                                      gint64         of,
                                      const char    *first_name,
                                      const char    *last_name,
                                      GError       **error)
{
  sqlite3_stmt *stmt = self->stmts[STMT_FIND_CONNECTIONS_NAMED];
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *full = g_strdup_printf ("%s %s", first_name, last_name);
  int rc;

  g_return_val_if_fail (CIRCLES_IS_STORE (self), NULL);

  if (self->in_transaction
      && (!_circles_store_flush_people (self, error)
          || !_circles_store_flush_connections (self, error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, of);
  sqlite3_bind_text (stmt, 2, first_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, last_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, g_strstrip (full), -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      _circles_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

static char *
column_text_dup (sqlite3_stmt *stmt,
                 int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return text != NULL ? g_strdup (text) : NULL;
}

gboolean
circles_store_get_interaction (CirclesStore        *self,
                               gint64               person,
                               CirclesInteraction  *interaction,
                               GError             **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(GPtrArray) given = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  g_autoptr(GPtrArray) received = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  int rc;

  g_return_val_if_fail (CIRCLES_IS_STORE (self), FALSE);
  g_return_val_if_fail (interaction != NULL, FALSE);

  memset (interaction, 0, sizeof *interaction);

  stmt = self->stmts[STMT_GET_INTERACTION];
  sqlite3_bind_int64 (stmt, 1, person);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      interaction->messages_sent = sqlite3_column_int64 (stmt, 0);
      interaction->messages_received = sqlite3_column_int64 (stmt, 1);
      interaction->last_message = column_text_dup (stmt, 2);
      interaction->invitation = CLAMP (sqlite3_column_int (stmt, 3), 0, 2);
      interaction->invited_on = column_text_dup (stmt, 4);
      interaction->recommendations_given = sqlite3_column_int64 (stmt, 5);
      interaction->recommendations_received = sqlite3_column_int64 (stmt, 6);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _circles_store_set_sqlite_error (self, rc, error);

  stmt = self->stmts[STMT_GET_SKILLS];
  sqlite3_bind_int64 (stmt, 1, person);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (sqlite3_column_int (stmt, 1) ? given : received,
                     column_text_dup (stmt, 0));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      circles_interaction_clear (interaction);
      return _circles_store_set_sqlite_error (self, rc, error);
    }
  interaction->endorsements_given = given->len;
  interaction->endorsements_received = received->len;
  interaction->skills_given = (GStrv) g_ptr_array_steal (given, NULL);
  interaction->skills_received = (GStrv) g_ptr_array_steal (received, NULL);
  return TRUE;
}

gboolean
circles_store_foreach_interaction (CirclesStore                *self,
                                   CirclesStoreInteractionFunc  func,
                                   gpointer                     user_data,
                                   GError                     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CIRCLES_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  stmt = _circles_store_prepare (self,
    "SELECT p, sum (sent), sum (received), max (last), max (inv), max (day),"
    " sum (rg), sum (rr), sum (eg), sum (er) FROM ("
    "  SELECT person AS p, sent, received, last_message AS last,"
    "   invitation AS inv, invited_on AS day, recommendations_given AS rg,"
    "   recommendations_received AS rr, 0 AS eg, 0 AS er FROM interactions"
    "  UNION ALL"
    "  SELECT person, 0, 0, NULL, 0, NULL, 0, 0, given, 1 - given FROM endorsements"
    ") GROUP BY p", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CirclesInteraction interaction = {
        .messages_sent = sqlite3_column_int64 (stmt, 1),
        .messages_received = sqlite3_column_int64 (stmt, 2),
        .last_message = (char *) sqlite3_column_text (stmt, 3),
        .invitation = CLAMP (sqlite3_column_int (stmt, 4), 0, 2),
        .invited_on = (char *) sqlite3_column_text (stmt, 5),
        .recommendations_given = sqlite3_column_int64 (stmt, 6),
        .recommendations_received = sqlite3_column_int64 (stmt, 7),
        .endorsements_given = sqlite3_column_int64 (stmt, 8),
        .endorsements_received = sqlite3_column_int64 (stmt, 9),
      };

      func (sqlite3_column_int64 (stmt, 0), &interaction, user_data);
    }

  return _circles_store_finish_rows (self, stmt, rc, error);
}
