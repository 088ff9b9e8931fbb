/* circles-store-annotations.c: what the user adds to people and connections
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "circles-store"

#include "config.h"

#include <glib/gi18n-lib.h>

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
