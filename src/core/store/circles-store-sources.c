/* circles-store-sources.c: where each row came from, and taking it back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every import is a source, a row of `sources`. A person, connection,
 * follow or membership keeps the first source that brought it in its
 * own `source` column, and each other source that brought it again in
 * `also_from`: an import into an empty table writes one integer more
 * per row, and only rows that were there before cost a second write.
 * Taking a source back (forget, or an older export replaced by a newer
 * one) hands each of its rows to another source that has it, when there
 * is one, and deletes the rest. Me is never taken back.
 *
 * Edits by hand are a source of their own ("hand"), and every edit or
 * removal made from the window can be undone: SQLite's session
 * extension records what the transaction changed, and its inverse is
 * the undo (sqlite.org/sessionintro.html). Code of our own would have
 * to know every table a removal touches; the changeset does.
 */
#define G_LOG_DOMAIN "circles-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "circles-store-private.h"

#define NOW_UTC "strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')"

/* The tables an undo restores: every one a removal or an edit changes,
 * the generation counter and the snapshot file apart. */
static const char * const recorded_tables[] = {
  "people", "connections", "follows", "member_groups", "memberships",
  "interactions", "endorsements", "reasons", "sources", "also_from",
  "person_fields",
};

/* The tables whose rows may be held by several sources: the kind in
 * also_from, and the columns of the key. */
typedef struct
{
  int         kind;
  const char *table;
  const char *k1;
  const char *k2;  /* NULL: b is 0 */
} HeldTable;

static const HeldTable held_tables[] = {
  { 1, "connections", "a", "b" },
  { 2, "follows", "follower", "followed" },
  { 3, "memberships", "group_id", "person" },
  { 0, "people", "id", NULL },
};

static gint64
query_int (CirclesStore  *self,
           const char    *sql,
           gint64         arg,
           GError       **error)
{
  sqlite3_stmt *stmt = _circles_store_prepare (self, sql, error);
  gint64 value;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, arg);
  value = _circles_store_step_int (self, stmt, error);
  sqlite3_finalize (stmt);
  return value;
}

gboolean
circles_store_begin_source (CirclesStore             *self,
                            const CirclesSourceInfo  *info,
                            GError                  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CIRCLES_IS_STORE (self), FALSE);
  g_return_val_if_fail (info != NULL && info->format != NULL, FALSE);
  g_return_val_if_fail (self->in_transaction, FALSE);
  g_return_val_if_fail (self->source_id == 0, FALSE);

  stmt = _circles_store_prepare (self,
                                 "INSERT INTO sources (file, format, owner, imported, checksum)"
                                 " VALUES (?1, ?2, nullif (?3, 0), " NOW_UTC ", ?4)",
                                 error);
  if (stmt == NULL)
    return FALSE;
  _circles_store_bind_text_or_null (stmt, 1, info->file);
  sqlite3_bind_text (stmt, 2, info->format, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, MAX (info->owner, 0));
  _circles_store_bind_text_or_null (stmt, 4, info->checksum);
  if (!_circles_store_step_done (self, stmt, error))
    {
      sqlite3_finalize (stmt);
      return FALSE;
    }
  sqlite3_finalize (stmt);

  self->source_id = sqlite3_last_insert_rowid (self->db);
  self->source_owner = info->owner;
  self->source_replaces = info->replaces;
  return TRUE;
}

gboolean
circles_store_describe_source (CirclesStore             *self,
                               const CirclesSourceInfo  *info,
                               GError                  **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (CIRCLES_IS_STORE (self), FALSE);
  g_return_val_if_fail (info != NULL && info->format != NULL, FALSE);
  g_return_val_if_fail (self->in_transaction && self->source_id > 0, FALSE);

  stmt = _circles_store_prepare (self,
                                 "UPDATE sources SET file = ?1, format = ?2,"
                                 " owner = nullif (?3, 0), checksum = ?4 WHERE id = ?5",
                                 error);
  if (stmt == NULL)
    return FALSE;
  _circles_store_bind_text_or_null (stmt, 1, info->file);
  sqlite3_bind_text (stmt, 2, info->format, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, MAX (info->owner, 0));
  _circles_store_bind_text_or_null (stmt, 4, info->checksum);
  sqlite3_bind_int64 (stmt, 5, self->source_id);
  ok = _circles_store_step_done (self, stmt, error);
  sqlite3_finalize (stmt);
  self->source_owner = info->owner;
  self->source_replaces = info->replaces;
  return ok;
}

gint64
circles_store_get_source (CirclesStore *self)
{
  g_return_val_if_fail (CIRCLES_IS_STORE (self), 0);

  return self->source_id;
}

gint64
circles_store_find_source (CirclesStore  *self,
                           const char    *checksum,
                           gint64         owner,
                           const char    *format,
                           char         **imported)
{
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (CIRCLES_IS_STORE (self), 0);
  g_return_val_if_fail (checksum != NULL, 0);

  stmt = _circles_store_prepare (self,
                                 "SELECT id, imported FROM sources"
                                 " WHERE checksum = ?1 AND owner IS nullif (?2, 0)"
                                 " AND format = coalesce (?3, format)"
                                 " ORDER BY id DESC LIMIT 1",
                                 NULL);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, checksum, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, MAX (owner, 0));
  _circles_store_bind_text_or_null (stmt, 3, format);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      if (imported != NULL)
        *imported = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_finalize (stmt);
  return id;
}

/* Takes back what source @id holds in @t: each row another source
 * holds too goes to it; the others are deleted. @keep, when not NULL,
 * is an SQL condition on the table's columns for rows that stay held
 * by @id. */
static gboolean
take_back_table (CirclesStore     *self,
                 const HeldTable  *t,
                 gint64            id,
                 const char       *keep,
                 GError          **error)
{
  g_autofree char *same_b = t->k2 != NULL ? g_strdup_printf (" AND %s = also_from.b", t->k2)
                                          : g_strdup ("");
  g_autofree char *f_b = t->k2 != NULL ? g_strdup_printf ("f.b = %s.%s", t->table, t->k2)
                                       : g_strdup ("f.b = 0");
  g_autofree char *key = t->k2 != NULL ? g_strdup_printf ("(%s, %s)", t->k1, t->k2)
                                       : g_strdup (t->k1);
  g_autofree char *keep_rows = keep != NULL ? g_strdup_printf (" AND NOT (%s)", keep)
                                            : g_strdup ("");
  g_autofree char *keep_also = keep != NULL
    ? g_strdup_printf (" AND NOT EXISTS (SELECT 1 FROM %s WHERE %s = also_from.a%s AND (%s))",
                       t->table, t->k1, same_b, keep)
    : g_strdup ("");
  g_autofree char *not_me = t->kind == 0
    ? g_strdup_printf (" AND id <> %" G_GINT64_FORMAT, MAX (circles_store_get_me (self), 0))
    : g_strdup ("");
  g_autofree char *sql = g_strdup_printf (
    /* Rows first brought by @id that another source has too. */
    "UPDATE %1$s SET source = (SELECT min (f.source) FROM also_from f"
    "  WHERE f.kind = %2$d AND f.a = %1$s.%3$s AND %4$s AND f.source <> %5$" G_GINT64_FORMAT ")"
    " WHERE source = %5$" G_GINT64_FORMAT "%6$s"
    " AND %7$s IN (SELECT %8$s FROM also_from WHERE kind = %2$d AND source <> %5$" G_GINT64_FORMAT ");"
    "DELETE FROM also_from WHERE kind = %2$d AND source = %5$" G_GINT64_FORMAT "%9$s;"
    /* The source a row was handed to is its first now. */
    "DELETE FROM also_from WHERE kind = %2$d"
    " AND source = (SELECT source FROM %1$s WHERE %3$s = also_from.a%10$s);"
    "DELETE FROM %1$s WHERE source = %5$" G_GINT64_FORMAT "%6$s%11$s;",
    t->table, t->kind, t->k1, f_b, id, keep_rows, key,
    t->k2 != NULL ? "a, b" : "a", keep_also, same_b, not_me);

  return _circles_store_exec (self, sql, error);
}

/* The latest value of a field that the sources left give a person. */
#define FOLD(field) \
  "(SELECT f." field " FROM person_fields f WHERE f.person = people.id" \
  " AND f." field " IS NOT NULL ORDER BY f.source DESC LIMIT 1)"

/* Takes source @id back: everything (@replaced FALSE), or, when a newer
 * export of the same owner replaces it, its connections, follows and
 * memberships and its people but those it has messages or endorsements
 * of (a person one wrote to stays, connected or not). Then deletes what
 * refers to people gone, and the source when it holds nothing more. */
static gboolean
take_back (CirclesStore  *self,
           gint64         id,
           gboolean       replaced,
           GError       **error)
{
  g_autofree char *annotated = NULL;
  g_autofree char *not_annotated = NULL;
  g_autofree char *sql = NULL;
  gint64 left;

  if (replaced)
    annotated = g_strdup_printf ("id IN (SELECT person FROM interactions WHERE source = %1$" G_GINT64_FORMAT
                                 " UNION SELECT person FROM endorsements WHERE source = %1$" G_GINT64_FORMAT ")",
                                 id);
  not_annotated = annotated != NULL ? g_strdup_printf ("NOT (%s)", annotated) : g_strdup ("1");

  if (!_circles_store_flush_people (self, error) ||
      !_circles_store_restore_key_index (self, error) ||
      !_circles_store_flush_connections (self, error))
    return FALSE;

  /* The people @id brought first that others hold too: their fields,
   * unless another source gave some, were @id's (me apart). */
  sql = g_strdup_printf (
    "CREATE TEMP TABLE IF NOT EXISTS refold (id INTEGER PRIMARY KEY);"
    "DELETE FROM temp.refold;"
    "INSERT INTO temp.refold SELECT id FROM people WHERE source = %1$" G_GINT64_FORMAT
    " AND id <> %2$" G_GINT64_FORMAT " AND %3$s"
    " AND id IN (SELECT a FROM also_from WHERE kind = 0 AND source <> %1$" G_GINT64_FORMAT ");"
    "INSERT OR IGNORE INTO temp.refold SELECT person FROM person_fields WHERE source = %1$" G_GINT64_FORMAT ";",
    id, MAX (circles_store_get_me (self), 0), not_annotated);
  if (!_circles_store_exec (self, sql, error))
    return FALSE;
  g_clear_pointer (&sql, g_free);

  for (guint i = 0; i < G_N_ELEMENTS (held_tables); i++)
    if (!take_back_table (self, &held_tables[i], id,
                          held_tables[i].kind == 0 ? annotated : NULL, error))
      return FALSE;

  if (!replaced)
    {
      sql = g_strdup_printf ("DELETE FROM interactions WHERE source = %1$" G_GINT64_FORMAT ";"
                             "DELETE FROM endorsements WHERE source = %1$" G_GINT64_FORMAT ";",
                             id);
      if (!_circles_store_exec (self, sql, error))
        return FALSE;
      g_clear_pointer (&sql, g_free);
    }

  /* The fields of a person are again what the other sources gave, the
   * later over the earlier. */
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf (
    "DELETE FROM person_fields WHERE source = %1$" G_GINT64_FORMAT
    " OR person NOT IN (SELECT id FROM people);"
    "UPDATE people SET"
    " display_name = " FOLD ("display_name") ","
    " first_name = " FOLD ("first_name") ","
    " last_name = " FOLD ("last_name") ","
    " position = " FOLD ("position") ","
    " company = " FOLD ("company") ","
    " location = " FOLD ("location") ","
    " profile_url = " FOLD ("profile_url") ","
    " email = " FOLD ("email") ","
    " connected_on = " FOLD ("connected_on") ","
    " notes = " FOLD ("notes")
    " WHERE id IN (SELECT id FROM temp.refold)"
    " AND EXISTS (SELECT 1 FROM person_fields WHERE person = people.id);"
    "UPDATE people SET display_name = NULL, first_name = NULL, last_name = NULL,"
    " position = NULL, company = NULL, location = NULL, profile_url = NULL,"
    " email = NULL, connected_on = NULL, notes = NULL"
    " WHERE id IN (SELECT id FROM temp.refold)"
    " AND NOT EXISTS (SELECT 1 FROM person_fields WHERE person = people.id);"
    /* One row left is what the person has: no longer needed. */
    "DELETE FROM person_fields WHERE person IN (SELECT id FROM temp.refold)"
    " AND person IN (SELECT person FROM person_fields GROUP BY person HAVING count(*) = 1);",
    id);
  if (!_circles_store_exec (self, sql, error))
    return FALSE;

  if (!_circles_store_exec (self,
    "DELETE FROM interactions WHERE person NOT IN (SELECT id FROM people);"
    "DELETE FROM endorsements WHERE person NOT IN (SELECT id FROM people);"
    "DELETE FROM reasons WHERE person NOT IN (SELECT id FROM people);"
    "DELETE FROM member_groups WHERE id NOT IN (SELECT group_id FROM memberships);"
    "UPDATE sources SET owner = NULL WHERE owner NOT IN (SELECT id FROM people);",
    error))
    return FALSE;

  /* Ids have holes from here: imports check them one by one. */
  self->dense_ids = FALSE;

  if (!replaced)
    left = 0;
  else
    {
      g_autofree char *count = g_strdup_printf (
        "SELECT (SELECT count(*) FROM people WHERE source = ?1 AND id <> %" G_GINT64_FORMAT ")"
        " + (SELECT count(*) FROM also_from WHERE kind = 0 AND source = ?1)",
        MAX (circles_store_get_me (self), 0));

      left = query_int (self, count, id, error);
      if (left < 0)
        return FALSE;
    }

  g_clear_pointer (&sql, g_free);
  if (left == 0)
    sql = g_strdup_printf ("DELETE FROM sources WHERE id = %" G_GINT64_FORMAT, id);
  else
    /* The same file imported again is no longer "imported already". */
    sql = g_strdup_printf ("UPDATE sources SET connections = 0, people = %" G_GINT64_FORMAT ","
                           " checksum = NULL WHERE id = %" G_GINT64_FORMAT, left, id);
  return _circles_store_exec (self, sql, error);
}

/* A format whose rows are the connections of its owner, all of them. */
#define OWNS_CONNECTIONS "format IN ('linkedin', 'archive')"

gboolean
_circles_store_finish_source (CirclesStore  *self,
                              GError       **error)
{
  const CirclesStoreChanges *c = &self->changes;
  GHashTableIter iter;
  gpointer key;
  guint64 people_held = 0;
  gint64 owner;
  g_autofree char *sql = NULL;

  if (self->source_finished)
    return TRUE;
  self->source_finished = TRUE;

  if (self->source_id == 0)
    {
      /* Rows written without a source belong to the one of the rows from
       * before sources were kept. */
      if (c->people_added + c->connections_added + c->follows_added + c->memberships_added == 0)
        return TRUE;
      return _circles_store_exec (self,
                                  "INSERT OR IGNORE INTO sources (id, format, imported)"
                                  " VALUES (0, 'legacy', " NOW_UTC ")",
                                  error);
    }

  /* Those of them it did not hold yet (the source of edits by hand
   * lives on from one transaction to the next). */
  g_hash_table_iter_init (&iter, self->touched_people);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      sqlite3_stmt *stmt = self->stmts[STMT_ALSO_PERSON];

      sqlite3_bind_int64 (stmt, 1, *(gint64 *) key);
      sqlite3_bind_int64 (stmt, 2, self->source_id);
      if (!_circles_store_step_done (self, stmt, error))
        return FALSE;
      people_held += sqlite3_changes (self->db);
    }

  owner = self->source_owner < 0 ? MAX (circles_store_get_me (self), 0) : self->source_owner;
  sql = g_strdup_printf ("UPDATE sources SET owner = nullif (%" G_GINT64_FORMAT ", 0),"
                         " people = people + %" G_GUINT64_FORMAT ","
                         " connections = connections + %" G_GUINT64_FORMAT
                         " WHERE id = %" G_GINT64_FORMAT,
                         owner,
                         c->people_added + people_held,
                         c->connections_added + self->connections_held,
                         self->source_id);
  if (!_circles_store_exec (self, sql, error))
    return FALSE;

  if (self->source_replaces && owner > 0)
    {
      g_autoptr(GArray) older = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autofree char *query = g_strdup_printf ("SELECT id FROM sources WHERE owner = %" G_GINT64_FORMAT
                                                " AND id < %" G_GINT64_FORMAT " AND " OWNS_CONNECTIONS,
                                                owner, self->source_id);
      sqlite3_stmt *stmt = _circles_store_prepare (self, query, error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          g_array_append_val (older, id);
        }
      if (!_circles_store_finish_rows (self, stmt, rc, error))
        return FALSE;

      for (guint i = 0; i < older->len; i++)
        if (!take_back (self, g_array_index (older, gint64, i), TRUE, error))
          return FALSE;
    }
  return TRUE;
}

gboolean
_circles_store_begin_recorded (CirclesStore  *self,
                               gboolean       record,
                               GError       **error)
{
  int rc;

  if (!circles_store_begin (self, error))
    return FALSE;
  if (!record)
    return TRUE;

  rc = sqlite3session_create (self->db, "main", &self->session);
  for (guint i = 0; rc == SQLITE_OK && i < G_N_ELEMENTS (recorded_tables); i++)
    rc = sqlite3session_attach (self->session, recorded_tables[i]);
  if (rc != SQLITE_OK)
    {
      _circles_store_set_sqlite_error (self, rc, error);
      circles_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

gboolean
_circles_store_commit_recorded (CirclesStore  *self,
                                GBytes       **undo,
                                GError       **error)
{
  int size = 0, inverse_size = 0;
  void *changes = NULL, *inverse = NULL;
  int rc;

  if (self->session == NULL)
    return circles_store_commit (self, error);

  /* Everything goes to SQL first, what the source holds and its counts
   * included, or the session would not see it. */
  if (!_circles_store_flush_people (self, error) ||
      !_circles_store_restore_key_index (self, error) ||
      !_circles_store_flush_connections (self, error) ||
      !_circles_store_finish_source (self, error))
    {
      circles_store_rollback (self);
      return FALSE;
    }

  rc = sqlite3session_changeset (self->session, &size, &changes);
  if (rc == SQLITE_OK)
    rc = sqlite3changeset_invert (size, changes, &inverse_size, &inverse);
  sqlite3_free (changes);
  g_clear_pointer (&self->session, sqlite3session_delete);
  if (rc != SQLITE_OK)
    {
      _circles_store_set_sqlite_error (self, rc, error);
      circles_store_rollback (self);
      return FALSE;
    }

  if (!circles_store_commit (self, error))
    {
      sqlite3_free (inverse);
      return FALSE;
    }
  if (undo != NULL)
    *undo = g_bytes_new_with_free_func (inverse, inverse_size, sqlite3_free, inverse);
  else
    sqlite3_free (inverse);
  return TRUE;
}

/* Whether there is a person (@person) or a source of id @id; FALSE
 * with @error set when there is not. */
static gboolean
row_exists (CirclesStore  *self,
            gboolean       person,
            gint64         id,
            GError       **error)
{
  gint64 n = query_int (self, person ? "SELECT count(*) FROM people WHERE id = ?1"
                                     : "SELECT count(*) FROM sources WHERE id = ?1",
                        id, error);

  if (n < 0)
    return FALSE;
  if (n == 0)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      if (person)
        g_set_error (error, CIRCLES_STORE_ERROR, CIRCLES_STORE_ERROR_NOT_FOUND,
                     _("Nobody has the number %s"), number);
      else
        g_set_error (error, CIRCLES_STORE_ERROR, CIRCLES_STORE_ERROR_NOT_FOUND,
                     _("No import has the number %s"), number);
      return FALSE;
    }
  return TRUE;
}

static gboolean
source_exists (CirclesStore  *self,
               gint64         id,
               GError       **error)
{
  return row_exists (self, FALSE, id, error);
}

gboolean
circles_store_forget_source (CirclesStore  *self,
                             gint64         id,
                             GBytes       **undo,
                             GError       **error)
{
  g_return_val_if_fail (CIRCLES_IS_STORE (self), FALSE);
  g_return_val_if_fail (!self->in_transaction && !self->in_read, FALSE);

  if (!_circles_store_begin_recorded (self, undo != NULL, error))
    return FALSE;
  if (!source_exists (self, id, error) || !take_back (self, id, FALSE, error))
    {
      circles_store_rollback (self);
      return FALSE;
    }
  return _circles_store_commit_recorded (self, undo, error);
}

static int
abort_on_conflict (void                   *user_data,
                   int                     conflict,
                   sqlite3_changeset_iter *iter)
{
  const char *table = NULL;
  int n_columns = 0, op = 0, indirect = 0;

  sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect);
  g_debug ("Undo: conflict %d on %s (operation %d)", conflict, table, op);
  return SQLITE_CHANGESET_ABORT;
}

gboolean
circles_store_undo (CirclesStore  *self,
                    GBytes        *undo,
                    gint64         generation,
                    GError       **error)
{
  gsize size;
  gconstpointer data;
  int rc;

  g_return_val_if_fail (CIRCLES_IS_STORE (self), FALSE);
  g_return_val_if_fail (undo != NULL, FALSE);
  g_return_val_if_fail (!self->in_transaction && !self->in_read, FALSE);

  if (!circles_store_begin (self, error))
    return FALSE;
  if (circles_store_get_generation (self) != generation)
    {
      circles_store_rollback (self);
      g_set_error_literal (error, CIRCLES_STORE_ERROR, CIRCLES_STORE_ERROR_CHANGED,
                           _("The network has changed since: this can no longer be undone"));
      return FALSE;
    }

  data = g_bytes_get_data (undo, &size);
  rc = sqlite3changeset_apply (self->db, (int) size, (void *) data, NULL,
                               abort_on_conflict, NULL);
  if (rc != SQLITE_OK)
    {
      circles_store_rollback (self);
      if (rc == SQLITE_ABORT)
        g_set_error_literal (error, CIRCLES_STORE_ERROR, CIRCLES_STORE_ERROR_CHANGED,
                             _("The network has changed since: this can no longer be undone"));
      else
        _circles_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  /* Ids may have holes again, or none. */
  self->dense_ids = FALSE;
  return circles_store_commit (self, error);
}

gboolean
circles_store_foreach_source (CirclesStore            *self,
                              CirclesStoreSourceFunc   func,
                              gpointer                 user_data,
                              GError                 **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CIRCLES_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  stmt = _circles_store_prepare (self,
                                 "SELECT s.id, s.file, s.format, p.key,"
                                 " coalesce (p.display_name, trim (coalesce (p.first_name, '') || ' '"
                                 "  || coalesce (p.last_name, ''))),"
                                 " s.imported, s.people, s.connections, s.owner = m.value"
                                 " FROM sources s LEFT JOIN people p ON p.id = s.owner"
                                 " LEFT JOIN settings m ON m.name = 'me'"
                                 " ORDER BY s.id",
                                 error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CirclesSourceRow row = {
        .id = sqlite3_column_int64 (stmt, 0),
        .file = (const char *) sqlite3_column_text (stmt, 1),
        .format = (const char *) sqlite3_column_text (stmt, 2),
        .owner_key = (const char *) sqlite3_column_text (stmt, 3),
        .owner_name = (const char *) sqlite3_column_text (stmt, 4),
        .imported = (const char *) sqlite3_column_text (stmt, 5),
        .people = sqlite3_column_int64 (stmt, 6),
        .connections = sqlite3_column_int64 (stmt, 7),
        .owner_is_me = sqlite3_column_int (stmt, 8) == 1,
      };

      if (row.owner_name != NULL && *row.owner_name == '\0')
        row.owner_name = NULL;
      func (&row, user_data);
    }
  return _circles_store_finish_rows (self, stmt, rc, error);
}

/* Edits by hand. */

/* Begins a transaction whose rows belong to the source of the edits by
 * hand, made the first time. */
static gboolean
begin_hand_edit (CirclesStore  *self,
                 gboolean       record,
                 GError       **error)
{
  gint64 id;

  if (!_circles_store_begin_recorded (self, record, error))
    return FALSE;
  id = query_int (self, "SELECT coalesce (max (id), 0) FROM sources WHERE format = 'hand'",
                  0, error);
  if (id < 0)
    goto failed;
  if (id > 0)
    {
      self->source_id = id;
      return TRUE;
    }
  {
    const CirclesSourceInfo info = { .format = "hand" };

    if (circles_store_begin_source (self, &info, error))
      return TRUE;
  }

failed:
  circles_store_rollback (self);
  return FALSE;
}

static gboolean
check_person (CirclesStore  *self,
              gint64         id,
              GError       **error)
{
  return row_exists (self, TRUE, id, error);
}

gboolean
circles_store_link (CirclesStore  *self,
                    gint64         a,
                    gint64         b,
                    GBytes       **undo,
                    GError       **error)
{
  g_return_val_if_fail (CIRCLES_IS_STORE (self), FALSE);
  g_return_val_if_fail (!self->in_transaction && !self->in_read, FALSE);

  if (a == b)
    {
      g_set_error_literal (error, CIRCLES_STORE_ERROR, CIRCLES_STORE_ERROR_FAILED,
                           _("A person cannot be connected to themselves"));
      return FALSE;
    }
  if (!begin_hand_edit (self, undo != NULL, error))
    return FALSE;
  if (!check_person (self, a, error) || !check_person (self, b, error) ||
      !circles_store_add_connection (self, MIN (a, b), MAX (a, b), -1, NULL, error))
    {
      circles_store_rollback (self);
      return FALSE;
    }
  return _circles_store_commit_recorded (self, undo, error);
}

gboolean
circles_store_unlink (CirclesStore  *self,
                      gint64         a,
                      gint64         b,
                      GBytes       **undo,
                      GError       **error)
{
  g_autofree char *sql = NULL;
  gint64 n;

  g_return_val_if_fail (CIRCLES_IS_STORE (self), FALSE);
  g_return_val_if_fail (!self->in_transaction && !self->in_read, FALSE);

  if (!begin_hand_edit (self, undo != NULL, error))
    return FALSE;
  sql = g_strdup_printf ("SELECT count(*) FROM connections WHERE a = %" G_GINT64_FORMAT
                         " AND b = ?1", MIN (a, b));
  n = query_int (self, sql, MAX (a, b), error);
  if (n == 0)
    g_set_error_literal (error, CIRCLES_STORE_ERROR, CIRCLES_STORE_ERROR_NOT_FOUND,
                         _("These two people are not connected"));
  g_clear_pointer (&sql, g_free);
  if (n == 1)
    sql = g_strdup_printf ("DELETE FROM connections WHERE a = %1$" G_GINT64_FORMAT " AND b = %2$" G_GINT64_FORMAT ";"
                           "DELETE FROM also_from WHERE kind = 1 AND a = %1$" G_GINT64_FORMAT
                           " AND b = %2$" G_GINT64_FORMAT ";",
                           MIN (a, b), MAX (a, b));
  if (n != 1 || !_circles_store_exec (self, sql, error))
    {
      circles_store_rollback (self);
      return FALSE;
    }
  return _circles_store_commit_recorded (self, undo, error);
}

gint64
circles_store_add_person (CirclesStore               *self,
                          const char                 *key,
                          const CirclesPersonFields  *fields,
                          gint64                      link_to,
                          GBytes                    **undo,
                          GError                    **error)
{
  gint64 id;

  g_return_val_if_fail (CIRCLES_IS_STORE (self), -1);
  g_return_val_if_fail (key != NULL && *key != '\0', -1);
  g_return_val_if_fail (fields != NULL, -1);
  g_return_val_if_fail (!self->in_transaction && !self->in_read, -1);

  if (!begin_hand_edit (self, undo != NULL, error))
    return -1;
  if (circles_store_lookup_person (self, key) > 0)
    {
      g_set_error (error, CIRCLES_STORE_ERROR, CIRCLES_STORE_ERROR_EXISTS,
                   _("Someone has the key “%s” already"), key);
      circles_store_rollback (self);
      return -1;
    }
  id = circles_store_ensure_person (self, key, error);
  if (id < 0 || !circles_store_update_person (self, id, fields, error) ||
      (link_to > 0 && (!check_person (self, link_to, error) ||
                       !circles_store_add_connection (self, MIN (id, link_to), MAX (id, link_to),
                                                      -1, NULL, error))) ||
      !_circles_store_commit_recorded (self, undo, error))
    {
      if (circles_store_in_transaction (self))
        circles_store_rollback (self);
      return -1;
    }
  return id;
}
