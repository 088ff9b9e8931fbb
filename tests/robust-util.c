/* robust-util.c: helpers of the robustness tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>

#include "robust-util.h"

guint32
robust_seed (void)
{
  const char *env = g_getenv ("CIRCLES_TEST_SEED");
  guint32 seed;

  if (env != NULL && *env != '\0')
    seed = (guint32) g_ascii_strtoull (env, NULL, 10);
  else
    seed = g_random_int ();

  g_test_message ("seed %u (replay with CIRCLES_TEST_SEED=%u)", seed, seed);
  return seed;
}

/* Feeds every row of @sql into @checksum; FALSE on an SQLite error. */
static gboolean
digest_query (sqlite3    *db,
              GChecksum  *checksum,
              const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return FALSE;

  g_checksum_update (checksum, (const guchar *) sql, -1);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int n = sqlite3_column_count (stmt);

      for (int i = 0; i < n; i++)
        {
          const guchar *text = sqlite3_column_text (stmt, i);
          int length = sqlite3_column_bytes (stmt, i);

          if (text == NULL)
            g_checksum_update (checksum, (const guchar *) "\1N", 2);
          else
            {
              g_checksum_update (checksum, (const guchar *) "\1T", 2);
              g_checksum_update (checksum, text, length);
            }
        }
      g_checksum_update (checksum, (const guchar *) "\2", 1);
    }
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE;
}

char *
robust_db_digest (const char  *path,
                  char       **integrity)
{
  static const char * const queries[] = {
    "SELECT * FROM people ORDER BY id",
    "SELECT a, b, strength, since, rating FROM connections ORDER BY a, b",
    "SELECT * FROM follows ORDER BY follower, followed",
    "SELECT * FROM member_groups ORDER BY id",
    "SELECT * FROM memberships ORDER BY group_id, person",
    "SELECT * FROM settings WHERE name <> 'generation' ORDER BY name",
  };
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;

  g_clear_pointer (integrity, g_free);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;

  /* Read-write: the first connection after a crash recovers the WAL. */
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    {
      *integrity = g_strdup (sqlite3_errmsg (db));
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_busy_timeout (db, 10000);

  if (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL) == SQLITE_OK)
    {
      GString *result = g_string_new (NULL);

      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          if (result->len > 0)
            g_string_append_c (result, '\n');
          g_string_append (result, (const char *) sqlite3_column_text (stmt, 0));
        }
      *integrity = g_string_free (result, FALSE);
    }
  else
    *integrity = g_strdup (sqlite3_errmsg (db));
  sqlite3_finalize (stmt);

  for (guint i = 0; ok && i < G_N_ELEMENTS (queries); i++)
    {
      ok = digest_query (db, checksum, queries[i]);
      if (!ok)
        g_test_message ("digest of %s: %s: %s", path, queries[i], sqlite3_errmsg (db));
    }
  sqlite3_close (db);

  return ok ? g_strdup (g_checksum_get_string (checksum)) : NULL;
}

void
robust_copy_db (const char *from,
                const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *wal = g_strconcat (to, "-wal", NULL);
  g_autofree char *shm = g_strconcat (to, "-shm", NULL);
  gsize length;

  g_file_get_contents (from, &contents, &length, &error);
  g_assert_no_error (error);
  g_unlink (wal);
  g_unlink (shm);
  g_file_set_contents (to, contents, length, &error);
  g_assert_no_error (error);
}

void
robust_write_edges (const char *path,
                    const char *prefix,
                    guint       n_first,
                    guint       n_people,
                    guint       n_edges,
                    guint32     seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GString) text = g_string_sized_new (n_edges * 24 + 64);
  g_autoptr(GError) error = NULL;

  g_string_append (text, "Source,Target,Weight\n");
  for (guint i = 0; i < n_first; i++)
    g_string_append_printf (text, "me,%s%u,1\n", prefix, i);
  for (guint i = 0; i < n_edges; i++)
    g_string_append_printf (text, "%s%u,%s%u,0.%d\n",
                            prefix, g_rand_int_range (rand, 0, n_people),
                            prefix, g_rand_int_range (rand, 0, n_people),
                            g_rand_int_range (rand, 1, 10));

  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);
}

gint64
robust_file_size (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return -1;
  return st.st_size;
}
