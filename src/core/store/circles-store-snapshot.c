/* circles-store-snapshot.c: the snapshot cache, the network as last read, in blobs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "circles-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "circles-store-private.h"

/* Reads a whole blob column of the cache row into a new buffer of
 * exactly @size bytes; NULL when its size differs. */
static gpointer
read_blob (CirclesStore *self,
           const char   *column,
           guint64       size)
{
  sqlite3_blob *blob = NULL;
  gpointer data = NULL;

  if (size > G_MAXINT ||
      sqlite3_blob_open (self->db, "main", "snapshot_cache", column, 1, 0, &blob) != SQLITE_OK)
    goto out;
  if ((guint64)sqlite3_blob_bytes (blob) != size)
    goto out;

  data = g_malloc (MAX (size, 1));
  if (size > 0 && sqlite3_blob_read (blob, data, size, 0) != SQLITE_OK)
    g_clear_pointer (&data, g_free);

out:
  sqlite3_blob_close (blob);
  return data;
}

void
circles_snapshot_cache_clear (CirclesSnapshotCache *cache)
{
  g_clear_pointer (&cache->ids, g_free);
  g_clear_pointer (&cache->text_offsets, g_free);
  g_clear_pointer (&cache->text, g_free);
  g_clear_pointer (&cache->offsets, g_free);
  g_clear_pointer (&cache->adjacency, g_free);
  g_clear_pointer (&cache->strengths, g_free);
  g_clear_pointer (&cache->days, g_free);
}

gboolean
circles_store_read_snapshot_cache (CirclesStore         *self,
                                   CirclesSnapshotCache *cache)
{
  sqlite3_stmt *stmt;
  gboolean has_strengths = FALSE;
  gboolean has_days = FALSE;
  gint64 generation;
  gsize n;
  int rc;

  g_return_val_if_fail (CIRCLES_IS_STORE (self), FALSE);
  g_return_val_if_fail (cache != NULL, FALSE);

  memset (cache, 0, sizeof *cache);
  generation = circles_store_get_generation (self);

  stmt = _circles_store_prepare (self,
                  "SELECT n_people, n_entries, text_size, strengths IS NOT NULL, days IS NOT NULL"
                  " FROM snapshot_cache WHERE id = 1 AND generation = ?1",
                  NULL);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, generation);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      gint64 n_people = sqlite3_column_int64 (stmt, 0);

      cache->n_people = CLAMP (n_people, 0, G_MAXUINT32);
      cache->n_entries = sqlite3_column_int64 (stmt, 1);
      cache->text_size = sqlite3_column_int64 (stmt, 2);
      has_strengths = sqlite3_column_int (stmt, 3);
      has_days = sqlite3_column_int (stmt, 4);
      if (n_people < 0 || n_people >= G_MAXUINT32)
        rc = SQLITE_CORRUPT;
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW || cache->n_entries > G_MAXUINT32 || cache->text_size > G_MAXUINT32)
    return FALSE;

  n = cache->n_people;
  cache->generation = generation;
  cache->ids = read_blob (self, "ids", sizeof (gint64) * n);
  cache->text_offsets = read_blob (self, "text_offsets", sizeof (guint32) * CIRCLES_N_TEXTS * n);
  cache->text = read_blob (self, "text", cache->text_size);
  cache->offsets = read_blob (self, "offsets", sizeof (guint32) * (n + 1));
  cache->adjacency = read_blob (self, "adjacency", sizeof (guint32) * cache->n_entries);
  if (has_strengths)
    cache->strengths = read_blob (self, "strengths", sizeof (float) * cache->n_entries);
  if (has_days)
    cache->days = read_blob (self, "days", sizeof (guint16) * cache->n_entries);

  if (cache->ids == NULL || cache->text_offsets == NULL || cache->text == NULL ||
      cache->offsets == NULL || cache->adjacency == NULL ||
      (has_strengths && cache->strengths == NULL) ||
      (has_days && cache->days == NULL) ||
      cache->text_size == 0 || cache->text[cache->text_size - 1] != '\0' ||
      cache->offsets[n] != cache->n_entries)
    {
      circles_snapshot_cache_clear (cache);
      return FALSE;
    }

  g_debug ("Read the snapshot cache of generation %" G_GINT64_FORMAT, generation);
  return TRUE;
}

void
circles_store_write_snapshot_cache (CirclesStore               *self,
                                    const CirclesSnapshotCache *cache)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  gint64 generation;
  guint64 n;
  int rc;

  g_return_if_fail (CIRCLES_IS_STORE (self));
  g_return_if_fail (cache != NULL);
  g_return_if_fail (!self->in_transaction);
  g_return_if_fail (!self->in_read);

  /* A cache is no reason to wait for another writer. */
  sqlite3_busy_timeout (self->db, 0);
  rc = sqlite3_exec (self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  sqlite3_busy_timeout (self->db, 5000);
  if (rc != SQLITE_OK)
    {
      g_debug ("No snapshot cache written: %s", sqlite3_errstr (rc));
      return;
    }

  generation = circles_store_get_generation (self);
  if (generation != cache->generation)
    {
      g_debug ("No snapshot cache written: the data changed meanwhile");
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return;
    }

  stmt = _circles_store_prepare (self,
                  "INSERT OR REPLACE INTO snapshot_cache"
                  " (id, generation, n_people, n_entries, text_size,"
                  "  ids, text_offsets, text, offsets, adjacency, strengths, days)"
                  " VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                  &error);
  if (stmt == NULL)
    goto failed;

  n = cache->n_people;
  sqlite3_bind_int64 (stmt, 1, generation);
  sqlite3_bind_int64 (stmt, 2, n);
  sqlite3_bind_int64 (stmt, 3, cache->n_entries);
  sqlite3_bind_int64 (stmt, 4, cache->text_size);
  sqlite3_bind_blob64 (stmt, 5, cache->ids, sizeof (gint64) * n, SQLITE_STATIC);
  sqlite3_bind_blob64 (stmt, 6, cache->text_offsets,
                       sizeof (guint32) * CIRCLES_N_TEXTS * n, SQLITE_STATIC);
  sqlite3_bind_blob64 (stmt, 7, cache->text, cache->text_size, SQLITE_STATIC);
  sqlite3_bind_blob64 (stmt, 8, cache->offsets, sizeof (guint32) * (n + 1), SQLITE_STATIC);
  sqlite3_bind_blob64 (stmt, 9, cache->adjacency,
                       sizeof (guint32) * cache->n_entries, SQLITE_STATIC);
  if (cache->strengths != NULL)
    sqlite3_bind_blob64 (stmt, 10, cache->strengths,
                         sizeof (float) * cache->n_entries, SQLITE_STATIC);
  if (cache->days != NULL)
    sqlite3_bind_blob64 (stmt, 11, cache->days,
                         sizeof (guint16) * cache->n_entries, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      _circles_store_set_sqlite_error (self, rc, &error);
      goto failed;
    }

  if (_circles_store_exec (self, "COMMIT", &error))
    return;

failed:
  g_debug ("No snapshot cache written: %s", error ? error->message : "");
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}
