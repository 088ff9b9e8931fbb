/* test-store.c: the SQLite store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "circles-store.h"
#include "circles-test-util.h"

typedef struct
{
  char         *dir;
  char         *path;
  CirclesStore *store;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = circles_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "network.db", NULL);
  f->store = circles_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  g_free (f->path);
  g_free (f->dir);
}

/* Adds a triangle me–a–b and a follower. */
static void
fill_small (CirclesStore *store)
{
  g_autoptr(GError) error = NULL;
  CirclesPersonFields fields = { .display_name = "Ana", .company = "Atelier" };
  gint64 me, a, b, c, group;

  g_assert_true (circles_store_begin (store, &error));
  me = circles_store_ensure_person (store, "me", &error);
  a = circles_store_ensure_person (store, "a", &error);
  b = circles_store_ensure_person (store, "b", &error);
  c = circles_store_ensure_person (store, "c", &error);
  g_assert_no_error (error);
  g_assert_cmpint (me, >, 0);
  g_assert_true (circles_store_update_person (store, a, &fields, &error));
  g_assert_true (circles_store_set_me (store, me, &error));
  g_assert_true (circles_store_add_connection (store, me, a, 0.5, "2024-03-12", &error));
  g_assert_true (circles_store_add_connection (store, b, a, -1, NULL, &error));
  g_assert_true (circles_store_add_follow (store, c, me, &error));
  group = circles_store_ensure_group (store, "Prospecting", &error);
  g_assert_cmpint (group, >, 0);
  g_assert_true (circles_store_add_membership (store, group, me, &error));
  g_assert_true (circles_store_add_membership (store, group, b, &error));
  g_assert_true (circles_store_commit (store, &error));
  g_assert_no_error (error);
}

static void
test_create_and_reopen (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirclesStore) again = NULL;

  fill_small (f->store);
  g_clear_object (&f->store);

  again = circles_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (circles_store_count_people (again), ==, 4);
  g_assert_cmpint (circles_store_count_connections (again), ==, 2);
  g_assert_cmpint (circles_store_get_me (again), ==, circles_store_lookup_person (again, "me"));
  g_assert_cmpint (circles_store_lookup_person (again, "nobody"), ==, -1);
}

static void
collect_connection (gint64   a,
                    gint64   b,
                    double   strength,
                    gpointer user_data)
{
  g_string_append_printf (user_data, "%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT ":%.2f;",
                          a, b, strength);
}

static void
collect_id (gint64   id,
            gpointer user_data)
{
  g_string_append_printf (user_data, "%" G_GINT64_FORMAT ";", id);
}

static void
collect_person (const CirclesPersonRow *row,
                gpointer                user_data)
{
  g_string_append_printf (user_data, "%s/%s/%s;", row->key,
                          row->display_name ? row->display_name : "-",
                          row->company ? row->company : "-");
}

static void
test_read_back (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) people = g_string_new (NULL);
  g_autoptr(GString) connections = g_string_new (NULL);
  g_autoptr(GString) followers = g_string_new (NULL);
  g_autoptr(GString) fellows = g_string_new (NULL);

  fill_small (f->store);

  g_assert_true (circles_store_foreach_person (f->store, collect_person, people, &error));
  g_assert_cmpstr (people->str, ==, "me/-/-;a/Ana/Atelier;b/-/-;c/-/-;");

  /* Stored once, smaller id first; unknown strength reads as negative. */
  g_assert_true (circles_store_foreach_connection (f->store, collect_connection, connections, &error));
  g_assert_cmpstr (connections->str, ==, "1-2:0.50;2-3:-1.00;");

  g_assert_true (circles_store_foreach_follower (f->store, 1, collect_id, followers, &error));
  g_assert_cmpstr (followers->str, ==, "4;");
  g_assert_true (circles_store_foreach_group_fellow (f->store, 1, collect_id, fellows, &error));
  g_assert_cmpstr (fellows->str, ==, "3;");
  g_assert_no_error (error);
}

static void
test_merge (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  const CirclesStoreChanges *changes;
  CirclesPersonFields fields = { .position = "CTO" };
  g_autoptr(GString) people = g_string_new (NULL);
  g_autoptr(GString) connections = g_string_new (NULL);
  gint64 a, b;

  fill_small (f->store);

  /* The same data again adds nothing; a new strength updates; self-loops
   * are ignored; a NULL field never erases what is known. */
  g_assert_true (circles_store_begin (f->store, &error));
  a = circles_store_ensure_person (f->store, "a", &error);
  b = circles_store_ensure_person (f->store, "b", &error);
  g_assert_true (circles_store_add_connection (f->store, a, b, -1, NULL, &error));
  g_assert_true (circles_store_add_connection (f->store, b, a, 0.25, NULL, &error));
  g_assert_true (circles_store_add_connection (f->store, a, a, -1, NULL, &error));
  g_assert_true (circles_store_update_person (f->store, a, &fields, &error));
  changes = circles_store_get_changes (f->store);
  g_assert_cmpuint (changes->people_added, ==, 0);
  g_assert_cmpuint (changes->connections_added, ==, 0);
  g_assert_true (circles_store_commit (f->store, &error));
  g_assert_no_error (error);

  g_assert_true (circles_store_foreach_connection (f->store, collect_connection, connections, &error));
  g_assert_cmpstr (connections->str, ==, "1-2:0.50;2-3:0.25;");
  g_assert_true (circles_store_foreach_person (f->store, collect_person, people, &error));
  g_assert_cmpstr (people->str, ==, "me/-/-;a/Ana/Atelier;b/-/-;c/-/-;");
}

static void
sum_strengths (gint64   a,
               gint64   b,
               double   strength,
               gpointer user_data)
{
  double *sum = user_data;

  *sum += strength;
}

/* Connections are written many at a time: the same rules must hold as
 * one by one, whatever the size of the batch. */
static void
test_batches (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 ids[101];
  double sum = 0;

  g_assert_true (circles_store_begin (f->store, &error));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *key = g_strdup_printf ("p%u", i);
      ids[i] = circles_store_ensure_person (f->store, key, &error);
    }
  for (guint i = 0; i + 1 < G_N_ELEMENTS (ids); i++)
    g_assert_true (circles_store_add_connection (f->store, ids[i], ids[i + 1], -1, NULL, &error));
  g_assert_cmpuint (circles_store_get_changes (f->store)->connections_added, ==, 100);
  g_assert_true (circles_store_commit (f->store, &error));

  /* Again with strengths: nothing added, every strength set; a pair
   * given twice in the same batch keeps the later strength. */
  g_assert_true (circles_store_begin (f->store, &error));
  for (guint i = 0; i + 1 < G_N_ELEMENTS (ids); i++)
    g_assert_true (circles_store_add_connection (f->store, ids[i + 1], ids[i], 0.5, NULL, &error));
  g_assert_true (circles_store_add_connection (f->store, ids[3], ids[4], 0.25, NULL, &error));
  g_assert_true (circles_store_add_connection (f->store, ids[3], ids[4], 0.75, NULL, &error));
  g_assert_true (circles_store_add_connection (f->store, ids[0], ids[100], 1.0, NULL, &error));
  g_assert_cmpuint (circles_store_get_changes (f->store)->connections_added, ==, 1);
  g_assert_true (circles_store_commit (f->store, &error));
  g_assert_no_error (error);

  g_assert_cmpint (circles_store_count_connections (f->store), ==, 101);
  g_assert_true (circles_store_foreach_connection (f->store, sum_strengths, &sum, &error));
  g_assert_cmpfloat_with_epsilon (sum, 99 * 0.5 + 0.75 + 1.0, 1e-9);
}

static void
collect_exact (gint64   a,
               gint64   b,
               double   strength,
               gpointer user_data)
{
  g_string_append_printf (user_data, "%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT ":%a;",
                          a, b, strength);
}

/* Weights are divided when the connections are written, by the divisor
 * given once they are all known. */
static void
test_weights (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) connections = g_string_new (NULL);
  g_autofree char *expected = NULL;
  gint64 ids[5];

  g_assert_true (circles_store_begin (f->store, &error));
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *key = g_strdup_printf ("p%u", i);
      ids[i] = circles_store_ensure_person (f->store, key, &error);
    }
  g_assert_true (circles_store_add_weighted_connection (f->store, ids[1], ids[0], 3, &error));
  g_assert_true (circles_store_add_weighted_connection (f->store, ids[1], ids[2], -1, &error));
  g_assert_true (circles_store_add_weighted_connection (f->store, ids[2], ids[3], 0, &error));
  g_assert_true (circles_store_add_weighted_connection (f->store, ids[3], ids[4], 0.1, &error));
  /* The last weight given for a pair wins; none given changes nothing. */
  g_assert_true (circles_store_add_weighted_connection (f->store, ids[0], ids[1], 7, &error));
  g_assert_true (circles_store_add_weighted_connection (f->store, ids[0], ids[1], -1, &error));
  g_assert_true (circles_store_add_weighted_connection (f->store, ids[4], ids[4], 100, &error));
  circles_store_set_weight_divisor (f->store, 9);
  g_assert_cmpuint (circles_store_get_changes (f->store)->connections_added, ==, 4);
  g_assert_true (circles_store_commit (f->store, &error));
  g_assert_no_error (error);

  g_assert_true (circles_store_foreach_connection (f->store, collect_exact, connections, &error));
  expected = g_strdup_printf ("1-2:%a;2-3:%a;3-4:%a;4-5:%a;", 7 / 9.0, -1.0, 0.0, 0.1 / 9);
  g_assert_cmpstr (connections->str, ==, expected);

  /* A weight above 1 with no divisor is refused, nothing is written. */
  g_assert_true (circles_store_begin (f->store, &error));
  g_assert_true (circles_store_add_weighted_connection (f->store, ids[0], ids[2], 2, &error));
  g_assert_false (circles_store_commit (f->store, &error));
  g_assert_error (error, CIRCLES_STORE_ERROR, CIRCLES_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (circles_store_in_transaction (f->store));
  g_assert_cmpint (circles_store_count_connections (f->store), ==, 4);

  /* Each transaction starts with a divisor of 1. */
  g_assert_true (circles_store_begin (f->store, &error));
  g_assert_true (circles_store_add_weighted_connection (f->store, ids[0], ids[2], 0.5, &error));
  g_assert_true (circles_store_commit (f->store, &error));
  g_string_truncate (connections, 0);
  g_assert_true (circles_store_foreach_connection (f->store, collect_connection, connections, &error));
  g_assert_cmpstr (connections->str, ==, "1-2:0.78;1-3:0.50;2-3:-1.00;3-4:0.00;4-5:0.01;");
}

/* New people wait to be written in a batch; they can be looked up,
 * counted and updated meanwhile. */
static void
test_people_batch (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) people = g_string_new (NULL);
  CirclesPersonFields fields = { .display_name = "Zoé", .company = "Zinc" };
  gint64 x, y, z;

  fill_small (f->store);

  g_assert_true (circles_store_begin (f->store, &error));
  x = circles_store_ensure_person (f->store, "x", &error);
  y = circles_store_ensure_person (f->store, "y", &error);
  g_assert_cmpint (x, ==, 5);
  g_assert_cmpint (y, ==, 6);
  g_assert_cmpint (circles_store_ensure_person (f->store, "a", &error), ==, 2);
  g_assert_cmpint (circles_store_ensure_person (f->store, "x", &error), ==, x);
  g_assert_cmpint (circles_store_lookup_person (f->store, "y"), ==, y);
  g_assert_cmpint (circles_store_count_people (f->store), ==, 6);
  {
    const char *keys[] = { "y", "w", "w", "me" };
    gint64 ids[G_N_ELEMENTS (keys)];

    g_assert_true (circles_store_ensure_people (f->store, keys, G_N_ELEMENTS (keys), ids, &error));
    g_assert_cmpint (ids[0], ==, y);
    g_assert_cmpint (ids[1], ==, 7);
    g_assert_cmpint (ids[2], ==, 7);
    g_assert_cmpint (ids[3], ==, 1);
  }
  z = circles_store_ensure_person (f->store, "z", &error);
  g_assert_true (circles_store_update_person (f->store, z, &fields, &error));
  g_assert_true (circles_store_add_connection (f->store, x, z, -1, NULL, &error));
  g_assert_cmpint (circles_store_max_person_id (f->store), ==, z);
  g_assert_cmpuint (circles_store_get_changes (f->store)->people_added, ==, 4);
  g_assert_true (circles_store_commit (f->store, &error));
  g_assert_no_error (error);

  g_assert_true (circles_store_foreach_person (f->store, collect_person, people, &error));
  g_assert_cmpstr (people->str, ==, "me/-/-;a/Ana/Atelier;b/-/-;c/-/-;x/-/-;y/-/-;w/-/-;z/Zoé/Zinc;");
  g_assert_cmpint (circles_store_lookup_person (f->store, "z"), ==, 8);
  g_assert_cmpint (circles_store_count_connections (f->store), ==, 3);
}

static void
test_rollback (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(CirclesStore) again = NULL;
  gint64 x, y;

  fill_small (f->store);
  g_clear_object (&f->store);
  before = circles_test_read_bytes (f->path);

  f->store = circles_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (circles_store_begin (f->store, &error));
  x = circles_store_ensure_person (f->store, "x", &error);
  y = circles_store_ensure_person (f->store, "y", &error);
  g_assert_true (circles_store_add_connection (f->store, x, y, 1.0, NULL, &error));
  g_assert_cmpuint (circles_store_get_changes (f->store)->people_added, ==, 2);
  circles_store_rollback (f->store);
  g_assert_false (circles_store_in_transaction (f->store));

  /* The key cache forgets what the rollback took back. */
  g_assert_cmpint (circles_store_lookup_person (f->store, "x"), ==, -1);
  g_assert_cmpint (circles_store_count_people (f->store), ==, 4);
  g_assert_cmpint (circles_store_count_connections (f->store), ==, 2);
  g_clear_object (&f->store);

  after = circles_test_read_bytes (f->path);
  g_assert_true (g_bytes_equal (before, after));
}

/* A foreign file must be refused and left byte for byte as it was. */
static void
assert_refused_untouched (const char        *path,
                          CirclesStoreError  code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = circles_test_read_bytes (path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(CirclesStore) store = circles_store_open (path, &error);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  g_assert_null (store);
  g_assert_error (error, CIRCLES_STORE_ERROR, (int)code);
  g_assert_nonnull (strstr (error->message, "network.db"));
  after = circles_test_read_bytes (path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_foreign_file (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = NULL;
  guint8 noise[4096];
  GRand *rand = g_rand_new_with_seed (7);

  g_clear_object (&f->store);
  for (guint i = 0; i < sizeof noise; i++)
    noise[i] = g_rand_int (rand) & 0xff;
  g_rand_free (rand);

  path = circles_test_write_file ("network.db", (const char *)noise, sizeof noise);
  assert_refused_untouched (path, CIRCLES_STORE_ERROR_NOT_CIRCLES);
}

static void
test_foreign_sqlite (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *dir = circles_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "network.db", NULL);
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('x')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_refused_untouched (path, CIRCLES_STORE_ERROR_NOT_CIRCLES);
}

static void
test_newer_schema (Fixture       *f,
                   gconstpointer  data)
{
  sqlite3 *db;
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d",
                                          CIRCLES_STORE_SCHEMA_VERSION + 1);

  fill_small (f->store);
  g_clear_object (&f->store);

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_refused_untouched (f->path, CIRCLES_STORE_ERROR_TOO_NEW);
}

static void
test_truncated (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  gsize size;

  /* Enough people that the file spans many pages. */
  g_assert_true (circles_store_begin (f->store, &error));
  for (guint i = 0; i < 2000; i++)
    {
      g_autofree char *key = g_strdup_printf ("person-%u", i);
      g_assert_cmpint (circles_store_ensure_person (f->store, key, &error), >, 0);
    }
  g_assert_true (circles_store_commit (f->store, &error));
  g_clear_object (&f->store);   /* checkpoints the WAL into the file */

  bytes = circles_test_read_bytes (f->path);
  size = g_bytes_get_size (bytes);
  g_assert_cmpuint (size, >, 16384);
  path = circles_test_write_file ("network.db", g_bytes_get_data (bytes, NULL), size / 2);
  assert_refused_untouched (path, CIRCLES_STORE_ERROR_CORRUPT);
}

static void
test_migrate_from_empty (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = circles_test_write_file ("network.db", "", 0);
  g_autoptr(CirclesStore) store = circles_store_open (path, &error);
  sqlite3 *db;
  sqlite3_stmt *stmt;

  /* An empty file is a new database: it gets the current schema. */
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (circles_store_count_people (store), ==, 0);
  g_assert_cmpint (circles_store_get_me (store), ==, -1);
  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, CIRCLES_STORE_SCHEMA_VERSION);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* A database file made by an older Circles: @sql run by SQLite alone. */
static char *
write_old_database (Fixture    *f,
                    const char *name,
                    const char *sql)
{
  char *path = g_build_filename (f->dir, name, NULL);
  sqlite3 *db;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  return path;
}

/* A database of the first schema, as version 0.1 wrote it. */
static const char schema_1[] =
  "PRAGMA application_id = 1130984035;"
  "CREATE TABLE people (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE,"
  "  display_name TEXT, first_name TEXT, last_name TEXT, position TEXT,"
  "  company TEXT, location TEXT, profile_url TEXT, email TEXT,"
  "  connected_on TEXT, notes TEXT);"
  "CREATE TABLE connections (a INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,"
  "  b INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,"
  "  strength REAL CHECK (strength IS NULL OR strength BETWEEN 0 AND 1),"
  "  since TEXT, PRIMARY KEY (a, b), CHECK (a < b)) WITHOUT ROWID;"
  "CREATE INDEX connections_b ON connections (b);"
  "CREATE TABLE follows (follower INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,"
  "  followed INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (follower, followed), CHECK (follower <> followed)) WITHOUT ROWID;"
  "CREATE INDEX follows_followed ON follows (followed);"
  "CREATE TABLE member_groups (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);"
  "CREATE TABLE memberships (group_id INTEGER NOT NULL REFERENCES member_groups (id) ON DELETE CASCADE,"
  "  person INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (group_id, person)) WITHOUT ROWID;"
  "CREATE INDEX memberships_person ON memberships (person);"
  "CREATE TABLE settings (name TEXT PRIMARY KEY, value);"
  "INSERT INTO people (id, key, display_name) VALUES (1, 'me', 'Me'), (2, 'a', 'Ana');"
  "INSERT INTO connections VALUES (1, 2, 0.5, NULL);"
  "INSERT INTO settings VALUES ('me', 1);"
  "PRAGMA user_version = 1;";

static void
test_migrate_from_1 (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirclesStore) store = NULL;
  g_autofree char *path = write_old_database (f, "old.db", schema_1);
  sqlite3 *db;
  sqlite3_stmt *stmt;

  store = circles_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (circles_store_count_people (store), ==, 2);
  g_assert_cmpint (circles_store_count_connections (store), ==, 1);
  g_assert_cmpint (circles_store_get_me (store), ==, 1);
  g_assert_cmpint (circles_store_get_generation (store), ==, 0);
  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, CIRCLES_STORE_SCHEMA_VERSION);
  sqlite3_finalize (stmt);
  /* The cache of schema 2 went to a file; the database has an identity. */
  g_assert_cmpint (sqlite3_exec (db, "SELECT * FROM snapshot_cache", NULL, NULL, NULL), ==, SQLITE_ERROR);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT value FROM settings WHERE name = 'uuid'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_bytes (stmt, 0), ==, 32);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* A database of schema 5, as the version before the key index wrote
 * it, with rows in every table that refers to people. */
static const char schema_5[] =
  "PRAGMA application_id = 1130984035;"
  "CREATE TABLE people (id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE,"
  "  display_name TEXT, first_name TEXT, last_name TEXT, position TEXT,"
  "  company TEXT, location TEXT, profile_url TEXT, email TEXT,"
  "  connected_on TEXT, notes TEXT);"
  "CREATE TABLE connections (a INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,"
  "  b INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,"
  "  strength REAL CHECK (strength IS NULL OR strength BETWEEN 0 AND 1),"
  "  since TEXT, rating INTEGER CHECK (rating IS NULL OR rating BETWEEN 1 AND 5),"
  "  PRIMARY KEY (a, b), CHECK (a < b)) WITHOUT ROWID;"
  "CREATE TABLE follows (follower INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,"
  "  followed INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (follower, followed), CHECK (follower <> followed)) WITHOUT ROWID;"
  "CREATE INDEX follows_followed ON follows (followed);"
  "CREATE TABLE member_groups (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);"
  "CREATE TABLE memberships (group_id INTEGER NOT NULL REFERENCES member_groups (id) ON DELETE CASCADE,"
  "  person INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (group_id, person)) WITHOUT ROWID;"
  "CREATE INDEX memberships_person ON memberships (person);"
  "CREATE TABLE settings (name TEXT PRIMARY KEY, value);"
  "CREATE TABLE snapshot_cache (id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  generation INTEGER NOT NULL, n_people INTEGER NOT NULL, n_entries INTEGER NOT NULL,"
  "  text_size INTEGER NOT NULL, ids BLOB NOT NULL, text_offsets BLOB NOT NULL,"
  "  text BLOB NOT NULL, offsets BLOB NOT NULL, adjacency BLOB NOT NULL, strengths BLOB);"
  "CREATE TABLE reasons (person INTEGER PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,"
  "  flags INTEGER NOT NULL CHECK (flags BETWEEN 0 AND 15));"
  "INSERT INTO people (id, key, display_name, company, notes)"
  "  VALUES (1, 'me', 'Me', NULL, NULL), (2, 'a', 'Ana', 'Atelier', 'met in Lyon'),"
  "  (4, 'c', NULL, NULL, NULL), (5, 'd', 'Dan', NULL, NULL);"
  "INSERT INTO connections VALUES (1, 2, 0.5, '2024-03-12', 4), (2, 4, NULL, NULL, NULL);"
  "INSERT INTO follows VALUES (5, 1);"
  "INSERT INTO member_groups VALUES (1, 'Alumni');"
  "INSERT INTO memberships VALUES (1, 1), (1, 4);"
  "INSERT INTO reasons VALUES (4, 3);"
  "INSERT INTO settings VALUES ('me', 1), ('generation', 7);"
  "PRAGMA user_version = 5;";

static char *
query_text (sqlite3    *db,
            const char *sql)
{
  GString *s = g_string_new (NULL);
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        g_string_append_printf (s, "%s%s", i > 0 ? "|" : "",
                                sqlite3_column_type (stmt, i) == SQLITE_NULL
                                ? "-" : (const char *) sqlite3_column_text (stmt, i));
      g_string_append_c (s, ';');
    }
  sqlite3_finalize (stmt);
  return g_string_free (s, FALSE);
}

/* 5 -> 6 makes the people table again: nothing that refers to it may
 * be lost (foreign keys cascade on delete). */
static void
test_migrate_from_5 (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirclesStore) store = NULL;
  g_autofree char *path = write_old_database (f, "v5.db", schema_5);
  g_autofree char *people = NULL;
  g_autofree char *connections = NULL;
  g_autofree char *rest = NULL;
  g_autofree char *check = NULL;
  sqlite3 *db;

  store = circles_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (circles_store_count_people (store), ==, 4);
  g_assert_cmpint (circles_store_count_connections (store), ==, 2);
  g_assert_cmpint (circles_store_get_me (store), ==, 1);
  g_assert_cmpint (circles_store_get_generation (store), ==, 7);
  g_assert_cmpuint (circles_store_get_reasons (store, 4), ==, 3);
  g_assert_cmpint (circles_store_lookup_person (store, "d"), ==, 5);

  /* Still usable: a new person gets the next id, a key stays unique. */
  g_assert_true (circles_store_begin (store, &error));
  g_assert_cmpint (circles_store_ensure_person (store, "e", &error), ==, 6);
  g_assert_cmpint (circles_store_ensure_person (store, "a", &error), ==, 2);
  g_assert_true (circles_store_commit (store, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  people = query_text (db, "SELECT id, key, display_name, company, notes FROM people ORDER BY id");
  g_assert_cmpstr (people, ==, "1|me|Me|-|-;2|a|Ana|Atelier|met in Lyon;4|c|-|-|-;5|d|Dan|-|-;6|e|-|-|-;");
  connections = query_text (db, "SELECT a, b, strength, since, rating, source FROM connections ORDER BY a, b");
  g_assert_cmpstr (connections, ==, "1|2|0.5|2024-03-12|4|0;2|4|-|-|-|0;");
  /* What was there became one source, which the rows written later
   * without one join. */
  g_clear_pointer (&check, g_free);
  check = query_text (db, "SELECT id, file, format, owner, people, connections FROM sources;"
                      " SELECT 0");
  g_assert_cmpstr (check, ==, "0|-|legacy|-|4|2;");
  g_clear_pointer (&check, g_free);
  rest = query_text (db,
                     "SELECT (SELECT group_concat (follower || '>' || followed) FROM follows),"
                     " (SELECT group_concat (group_id || ':' || person) FROM memberships),"
                     " (SELECT count(*) FROM reasons),"
                     " (SELECT group_concat (name) FROM sqlite_schema WHERE tbl_name = 'people'),"
                     " (SELECT user_version FROM pragma_user_version)");
  g_assert_cmpstr (rest, ==, "5>1|1:1,1:4|1|people,people_key|" G_STRINGIFY (CIRCLES_STORE_SCHEMA_VERSION) ";");
  check = query_text (db, "PRAGMA integrity_check");
  g_assert_cmpstr (check, ==, "ok;");
  g_clear_pointer (&check, g_free);
  check = query_text (db, "PRAGMA foreign_key_check");
  g_assert_cmpstr (check, ==, "");
  /* The index keeps keys unique. */
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO people (key) VALUES ('a')", NULL, NULL, NULL),
                   ==, SQLITE_CONSTRAINT);
  sqlite3_close (db);
}

/* Many people into an empty table: their keys are indexed at the end
 * (the index is dropped meanwhile), and looked up all the same. */
static void
test_bulk_people (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *schema = NULL;
  gint64 previous = 0;
  sqlite3 *db;

  g_assert_true (circles_store_begin (f->store, &error));
  for (guint i = 0; i < 10000; i++)
    {
      g_autofree char *key = g_strdup_printf ("p%u", i);
      gint64 id = circles_store_ensure_person (f->store, key, &error);

      g_assert_cmpint (id, ==, i + 1);
      if (previous > 0)
        g_assert_true (circles_store_add_connection (f->store, previous, id, -1, NULL, &error));
      previous = id;
    }
  /* Written now, without the index. */
  g_assert_cmpint (circles_store_count_people (f->store), ==, 10000);
  g_assert_cmpint (circles_store_lookup_person (f->store, "p4321"), ==, 4322);
  g_assert_cmpint (circles_store_lookup_person (f->store, "nobody"), ==, -1);
  g_assert_cmpint (circles_store_ensure_person (f->store, "late", &error), ==, 10001);
  /* The connections are written now, and the key cache dropped: the
   * people are found in the table. */
  g_assert_cmpuint (circles_store_get_changes (f->store)->connections_added, ==, 9999);
  g_assert_cmpint (circles_store_ensure_person (f->store, "p5", &error), ==, 6);
  g_assert_cmpint (circles_store_ensure_person (f->store, "late", &error), ==, 10001);
  g_assert_cmpint (circles_store_ensure_person (f->store, "later", &error), ==, 10002);
  g_assert_cmpint (circles_store_ensure_person (f->store, "later", &error), ==, 10002);
  g_assert_true (circles_store_commit (f->store, &error));
  g_assert_no_error (error);

  g_assert_cmpint (circles_store_lookup_person (f->store, "p9999"), ==, 10000);
  g_assert_cmpint (circles_store_lookup_person (f->store, "later"), ==, 10002);
  g_assert_cmpint (circles_store_count_people (f->store), ==, 10002);
  g_assert_cmpint (circles_store_count_connections (f->store), ==, 9999);
  g_clear_object (&f->store);

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  schema = query_text (db, "SELECT name FROM sqlite_schema WHERE tbl_name = 'people' ORDER BY name");
  g_assert_cmpstr (schema, ==, "people;people_key;");
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO people (key) VALUES ('p1')", NULL, NULL, NULL),
                   ==, SQLITE_CONSTRAINT);
  sqlite3_close (db);
}

/* A bulk import given up, before or after its keys are indexed again,
 * leaves the file as it was. */
static void
test_bulk_rollback (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;

  g_clear_object (&f->store);
  before = circles_test_read_bytes (f->path);

  for (guint round = 0; round < 2; round++)
    {
      g_autoptr(GBytes) after = NULL;

      f->store = circles_store_open (f->path, &error);
      g_assert_no_error (error);
      g_assert_true (circles_store_begin (f->store, &error));
      for (guint i = 0; i < 10000; i++)
        {
          g_autofree char *key = g_strdup_printf ("p%u", i);

          g_assert_cmpint (circles_store_ensure_person (f->store, key, &error), >, 0);
        }
      g_assert_true (circles_store_add_connection (f->store, 1, 2, -1, NULL, &error));
      g_assert_cmpint (circles_store_count_people (f->store), ==, 10000);
      if (round == 1)
        g_assert_cmpuint (circles_store_get_changes (f->store)->connections_added, ==, 1);
      circles_store_rollback (f->store);
      g_assert_cmpint (circles_store_count_people (f->store), ==, 0);
      g_assert_cmpint (circles_store_lookup_person (f->store, "p1"), ==, -1);
      g_clear_object (&f->store);

      after = circles_test_read_bytes (f->path);
      g_assert_true (g_bytes_equal (before, after));
    }
}

static void
test_reasons (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 generation, a;

  fill_small (f->store);
  a = circles_store_lookup_person (f->store, "a");
  generation = circles_store_get_generation (f->store);

  g_assert_cmpuint (circles_store_get_reasons (f->store, a), ==, 0);
  g_assert_true (circles_store_set_reasons (f->store, a,
                                            CIRCLES_REASON_EVENT | CIRCLES_REASON_COMMENTS,
                                            &error));
  g_assert_no_error (error);
  g_assert_cmpuint (circles_store_get_reasons (f->store, a), ==,
                    CIRCLES_REASON_EVENT | CIRCLES_REASON_COMMENTS);
  g_assert_true (circles_store_set_reasons (f->store, a, CIRCLES_REASON_ALUMNI, &error));
  g_assert_cmpuint (circles_store_get_reasons (f->store, a), ==, CIRCLES_REASON_ALUMNI);

  /* Reasons are not part of the snapshot: its cache stays current. */
  g_assert_cmpint (circles_store_get_generation (f->store), ==, generation);

  /* A person who is not there is refused, nothing is written. */
  g_assert_false (circles_store_set_reasons (f->store, 999, CIRCLES_REASON_EVENT, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (circles_store_get_reasons (f->store, 999), ==, 0);
}

static void
test_references (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db;
  gint64 a, c;

  fill_small (f->store);

  /* Ids that no person has are refused, with or without holes. */
  g_assert_true (circles_store_begin (f->store, &error));
  a = circles_store_lookup_person (f->store, "a");
  g_assert_false (circles_store_add_connection (f->store, a, 99, -1, NULL, &error));
  g_assert_error (error, CIRCLES_STORE_ERROR, CIRCLES_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (circles_store_add_follow (f->store, 0, a, &error));
  g_clear_error (&error);
  g_assert_false (circles_store_add_membership (f->store, 42, a, &error));
  g_clear_error (&error);
  g_assert_false (circles_store_set_me (f->store, 5, &error));
  g_clear_error (&error);
  circles_store_rollback (f->store);
  g_clear_object (&f->store);

  /* Another program removed b (id 3): the ids have a hole now. */
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA foreign_keys = ON; DELETE FROM people WHERE key = 'b'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  f->store = circles_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_true (circles_store_begin (f->store, &error));
  a = circles_store_lookup_person (f->store, "a");
  c = circles_store_lookup_person (f->store, "c");
  g_assert_false (circles_store_add_connection (f->store, a, 3, -1, NULL, &error));
  g_assert_error (error, CIRCLES_STORE_ERROR, CIRCLES_STORE_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_true (circles_store_add_connection (f->store, a, c, -1, NULL, &error));
  g_assert_true (circles_store_commit (f->store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (circles_store_count_connections (f->store), ==, 2);
}

static void
test_missing_folder (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "a", "b", "network.db", NULL);
  g_autoptr(CirclesStore) store = circles_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static void
test_busy (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirclesStore) other = NULL;
  sqlite3 *db;

  fill_small (f->store);

  /* Another program holds the write lock. */
  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  other = circles_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_false (circles_store_begin (other, &error));
  g_assert_error (error, CIRCLES_STORE_ERROR, CIRCLES_STORE_ERROR_BUSY);
  g_clear_error (&error);

  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (db);
  g_assert_true (circles_store_begin (other, &error));
  circles_store_rollback (other);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/store/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("create-and-reopen", test_create_and_reopen);
  ADD ("read-back", test_read_back);
  ADD ("merge", test_merge);
  ADD ("batches", test_batches);
  ADD ("weights", test_weights);
  ADD ("people-batch", test_people_batch);
  ADD ("rollback", test_rollback);
  ADD ("foreign-file", test_foreign_file);
  ADD ("foreign-sqlite", test_foreign_sqlite);
  ADD ("newer-schema", test_newer_schema);
  ADD ("truncated", test_truncated);
  ADD ("migrate-from-empty", test_migrate_from_empty);
  ADD ("migrate-from-1", test_migrate_from_1);
  ADD ("migrate-from-5", test_migrate_from_5);
  ADD ("bulk-people", test_bulk_people);
  ADD ("bulk-rollback", test_bulk_rollback);
  ADD ("reasons", test_reasons);
  ADD ("references", test_references);
  ADD ("missing-folder", test_missing_folder);
  ADD ("busy", test_busy);
#undef ADD

  return g_test_run ();
}
