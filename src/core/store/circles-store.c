/* circles-store.c: the SQLite database, the only code that speaks SQL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One connection per store, prepared statements kept for the life of the
 * store, WAL journal, foreign keys on. A file is checked from its header
 * bytes before SQLite is allowed to touch it, so that a foreign, corrupt
 * or newer file is refused without a single byte being written.
 */
#define G_LOG_DOMAIN "circles-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "circles-connection-buffer.h"
#include "circles-key-table.h"
#include "circles-store-private.h"

/* "Circ": written in the header's application_id field. */
#define CIRCLES_APPLICATION_ID 0x43697263

#define SQLITE_HEADER_SIZE 100


static const char * const stmt_sql[N_STMTS] = {
  [STMT_LOOKUP_PERSON] = "SELECT id FROM people WHERE key = ?1",
  [STMT_INSERT_PERSON] = "INSERT INTO people (key, source) VALUES (?1, ?2)",
  [STMT_INSERT_PERSON_ID] = "INSERT INTO people (id, key, source) VALUES (?1, ?2, ?3)",
  [STMT_UPDATE_PERSON] =
    "UPDATE people SET"
    " display_name = coalesce (?2, display_name),"
    " first_name = coalesce (?3, first_name),"
    " last_name = coalesce (?4, last_name),"
    " position = coalesce (?5, position),"
    " company = coalesce (?6, company),"
    " location = coalesce (?7, location),"
    " profile_url = coalesce (?8, profile_url),"
    " email = coalesce (?9, email),"
    " connected_on = coalesce (?10, connected_on),"
    " notes = coalesce (?11, notes)"
    " WHERE id = ?1",
  [STMT_INSERT_CONNECTION] =
    "INSERT OR IGNORE INTO connections (a, b, strength, since, source)"
    " VALUES (?1, ?2, ?3, ?4, ?5)",
  [STMT_UPDATE_CONNECTION] =
    "UPDATE connections SET"
    " strength = coalesce (?3, strength),"
    " since = coalesce (?4, since)"
    " WHERE a = ?1 AND b = ?2",
  [STMT_INSERT_FOLLOW] =
    "INSERT OR IGNORE INTO follows (follower, followed, source) VALUES (?1, ?2, ?3)",
  [STMT_LOOKUP_GROUP] = "SELECT id FROM member_groups WHERE name = ?1",
  [STMT_INSERT_GROUP] = "INSERT INTO member_groups (name) VALUES (?1)",
  [STMT_INSERT_MEMBERSHIP] =
    "INSERT OR IGNORE INTO memberships (group_id, person, source) VALUES (?1, ?2, ?3)",
  [STMT_GET_ME] = "SELECT value FROM settings WHERE name = 'me'",
  [STMT_SET_ME] =
    "INSERT INTO settings (name, value) VALUES ('me', ?1)"
    " ON CONFLICT (name) DO UPDATE SET value = excluded.value",
  [STMT_BUMP_GENERATION] =
    "UPDATE settings SET value = value + 1 WHERE name = 'generation'",
  [STMT_GET_GENERATION] =
    "SELECT value FROM settings WHERE name = 'generation'",
  [STMT_GET_REASONS] = "SELECT flags FROM reasons WHERE person = ?1",
  [STMT_GET_RATING] = "SELECT coalesce (rating, 0) FROM connections WHERE a = ?1 AND b = ?2",
  [STMT_SET_RATING] = "UPDATE connections SET rating = ?3 WHERE a = ?1 AND b = ?2",
  [STMT_PERSON_EXISTS] = "SELECT count(*) FROM people WHERE id = ?1",
  [STMT_GROUP_EXISTS] = "SELECT count(*) FROM member_groups WHERE id = ?1",
  [STMT_PEOPLE_RANGE] = "SELECT count(*) = coalesce (max (id), 0), coalesce (max (id), 0) FROM people",
  [STMT_SET_MESSAGES] =
    "INSERT INTO interactions (person, sent, received, last_message, source)"
    " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (person) DO UPDATE SET"
    " sent = excluded.sent, received = excluded.received,"
    " last_message = excluded.last_message, source = excluded.source",
  [STMT_SET_INVITATION] =
    "INSERT INTO interactions (person, invitation, invited_on, source)"
    " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (person) DO UPDATE SET"
    " invitation = excluded.invitation, invited_on = excluded.invited_on,"
    " source = excluded.source",
  [STMT_ADD_ENDORSEMENT] =
    "INSERT INTO endorsements (person, skill, given, endorsed_on, source)"
    " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO UPDATE SET"
    " endorsed_on = coalesce (excluded.endorsed_on, endorsed_on),"
    " source = excluded.source",
  [STMT_SET_RECOMMENDATIONS_GIVEN] =
    "INSERT INTO interactions (person, recommendations_given, source) VALUES (?1, ?2, ?3)"
    " ON CONFLICT (person) DO UPDATE SET"
    " recommendations_given = excluded.recommendations_given, source = excluded.source",
  [STMT_SET_RECOMMENDATIONS_RECEIVED] =
    "INSERT INTO interactions (person, recommendations_received, source) VALUES (?1, ?2, ?3)"
    " ON CONFLICT (person) DO UPDATE SET"
    " recommendations_received = excluded.recommendations_received, source = excluded.source",
  [STMT_FIND_CONNECTIONS_NAMED] =
    "SELECT p.id FROM connections c JOIN people p"
    " ON p.id = CASE c.a WHEN ?1 THEN c.b ELSE c.a END"
    " WHERE (c.a = ?1 OR c.b = ?1)"
    " AND ((p.first_name = ?2 COLLATE NOCASE AND p.last_name = ?3 COLLATE NOCASE)"
    "  OR p.display_name = ?4 COLLATE NOCASE)",
  [STMT_GET_INTERACTION] =
    "SELECT sent, received, last_message, invitation, invited_on,"
    " recommendations_given, recommendations_received"
    " FROM interactions WHERE person = ?1",
  [STMT_GET_SKILLS] =
    "SELECT skill, given FROM endorsements WHERE person = ?1"
    " ORDER BY given, coalesce (endorsed_on, ''), skill",
  [STMT_GET_KEY] = "SELECT key FROM people WHERE id = ?1",
  [STMT_SET_KEY] = "UPDATE people SET key = ?2 WHERE id = ?1",
  [STMT_SET_REASONS] =
    "INSERT INTO reasons (person, flags) VALUES (?1, ?2)"
    " ON CONFLICT (person) DO UPDATE SET flags = excluded.flags",
  /* A row there before that a source brings again. */
  [STMT_ALSO_PERSON] =
    "INSERT OR IGNORE INTO also_from (kind, a, b, source)"
    " SELECT 0, id, 0, ?2 FROM people WHERE id = ?1 AND source <> ?2",
  [STMT_ALSO_CONNECTION] =
    "INSERT OR IGNORE INTO also_from (kind, a, b, source)"
    " SELECT 1, a, b, ?3 FROM connections WHERE a = ?1 AND b = ?2 AND source <> ?3",
  [STMT_ALSO_FOLLOW] =
    "INSERT OR IGNORE INTO also_from (kind, a, b, source)"
    " SELECT 2, follower, followed, ?3 FROM follows"
    " WHERE follower = ?1 AND followed = ?2 AND source <> ?3",
  [STMT_ALSO_MEMBERSHIP] =
    "INSERT OR IGNORE INTO also_from (kind, a, b, source)"
    " SELECT 3, group_id, person, ?3 FROM memberships"
    " WHERE group_id = ?1 AND person = ?2 AND source <> ?3",
  /* A person there before whose fields a source sets: what they were,
   * once, and what this source gives. */
  [STMT_FIELDS_BEFORE] =
    "INSERT OR IGNORE INTO person_fields SELECT id, source, display_name,"
    " first_name, last_name, position, company, location, profile_url,"
    " email, connected_on, notes FROM people WHERE id = ?1"
    " AND NOT EXISTS (SELECT 1 FROM person_fields WHERE person = ?1)",
  [STMT_FIELDS_GIVEN] =
    "INSERT INTO person_fields VALUES (?1, ?12, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
    " ON CONFLICT DO UPDATE SET"
    " display_name = coalesce (excluded.display_name, display_name),"
    " first_name = coalesce (excluded.first_name, first_name),"
    " last_name = coalesce (excluded.last_name, last_name),"
    " position = coalesce (excluded.position, position),"
    " company = coalesce (excluded.company, company),"
    " location = coalesce (excluded.location, location),"
    " profile_url = coalesce (excluded.profile_url, profile_url),"
    " email = coalesce (excluded.email, email),"
    " connected_on = coalesce (excluded.connected_on, connected_on),"
    " notes = coalesce (excluded.notes, notes)",
};


/* Connections are written at the end of the transaction (or when read
 * within it), all of them sorted by (a, b): appending to the B-tree in
 * key order is several times faster than random inserts. The sorting
 * keeps memory flat: see circles-connection-buffer.c. */

/* Connections written by one INSERT: fewer statements to run. */
#define CONNECTION_ROWS 32

/* New people are written in batches too, by INSERTs of many rows. Their
 * ids are given when they are first seen (max + 1, as SQLite would), so
 * the batch changes no id, and the rows are appended in id order. (In
 * key order, the index of the keys is written in order but the table
 * at random: no faster, with the sort on top.) The keys are in the key
 * cache already: a pending person costs an id and a pointer. */

#define PEOPLE_BATCH 262144

/* A first batch at least this big, into a table that had nobody, goes
 * in without the index of the keys, made again before the connections
 * are written (restore_key_index). */
#define DROP_KEY_INDEX_MIN 4096

/* People written by one INSERT. */
#define PEOPLE_ROWS 32

/* SQLite's page cache, in KiB: while reading, and within an import. */
#define READ_CACHE_KIB   65536
#define IMPORT_CACHE_KIB 131072


G_DEFINE_FINAL_TYPE (CirclesStore, circles_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (circles-store-error-quark, circles_store_error)

/* The database files that stores of this process hold open, by device
 * and inode, with how many stores hold each. Closing any descriptor of
 * a file drops every POSIX lock the process holds on it, SQLite's
 * included (sqlite.org/howtocorrupt.html, 2.2): another program then
 * believes it is alone, checkpoints and removes the WAL under our feet.
 * So the header check, which reads the file through stdio, never runs
 * on a file that SQLite holds open in this process: the store that
 * opened it first checked it. */
G_LOCK_DEFINE_STATIC (open_files);
static GHashTable *open_files;  /* "dev:ino" -> count */

static char *
file_id (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    return NULL;
  return g_strdup_printf ("%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT,
                          (guint64) st.st_dev, (guint64) st.st_ino);
}

/* Called with the open_files lock held. */
static gboolean
file_is_open (const char *id)
{
  return id != NULL && open_files != NULL && g_hash_table_contains (open_files, id);
}

/* Called with the open_files lock held. */
static void
register_open_file (CirclesStore *self)
{
  guint count;

  self->file_id = file_id (self->path);
  if (self->file_id == NULL)
    return;
  if (open_files == NULL)
    open_files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  count = GPOINTER_TO_UINT (g_hash_table_lookup (open_files, self->file_id));
  g_hash_table_insert (open_files, g_strdup (self->file_id), GUINT_TO_POINTER (count + 1));
}

static void
unregister_open_file (CirclesStore *self)
{
  guint count;

  if (self->file_id == NULL)
    return;
  G_LOCK (open_files);
  count = GPOINTER_TO_UINT (g_hash_table_lookup (open_files, self->file_id));
  if (count > 1)
    g_hash_table_insert (open_files, g_strdup (self->file_id), GUINT_TO_POINTER (count - 1));
  else
    g_hash_table_remove (open_files, self->file_id);
  G_UNLOCK (open_files);
  g_clear_pointer (&self->file_id, g_free);
}

static void
reset_weights (CirclesStore *self)
{
  self->weight_divisor = 1.0;
  self->weighted = FALSE;
  self->strengths = FALSE;
  self->weights_written = FALSE;
}

/* What a transaction records of its source. */
static void
reset_source (CirclesStore *self)
{
  self->source_id = 0;
  self->source_owner = 0;
  self->source_replaces = FALSE;
  self->source_finished = FALSE;
  self->begin_max_id = self->max_person_id;
  self->connections_held = 0;
  g_hash_table_remove_all (self->touched_people);
}

static void
circles_store_finalize (GObject *object)
{
  CirclesStore *self = (CirclesStore *)object;

  if (self->in_transaction)
    circles_store_rollback (self);

  for (guint i = 0; i < N_STMTS; i++)
    g_clear_pointer (&self->stmts[i], sqlite3_finalize);
  g_clear_pointer (&self->insert_rows, sqlite3_finalize);
  g_clear_pointer (&self->insert_rows_3, sqlite3_finalize);
  g_clear_pointer (&self->insert_people, sqlite3_finalize);
  g_clear_pointer (&self->session, sqlite3session_delete);
  g_clear_pointer (&self->db, sqlite3_close);
  unregister_open_file (self);
  g_clear_pointer (&self->key_cache, circles_key_table_free);
  g_clear_pointer (&self->pending, circles_connection_buffer_free);
  g_clear_pointer (&self->pending_people, g_array_unref);
  g_clear_pointer (&self->touched_people, g_hash_table_unref);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (circles_store_parent_class)->finalize (object);
}

static void
circles_store_class_init (CirclesStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = circles_store_finalize;
}

static void
circles_store_init (CirclesStore *self)
{
  self->key_cache = circles_key_table_new ();
  self->pending = circles_connection_buffer_new (0);
  self->pending_people = g_array_new (FALSE, FALSE, sizeof (PendingPerson));
  self->touched_people = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  reset_weights (self);
}

static CirclesStoreError
error_code_from_sqlite (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
      return CIRCLES_STORE_ERROR_CORRUPT;
    case SQLITE_NOTADB:
      return CIRCLES_STORE_ERROR_NOT_CIRCLES;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return CIRCLES_STORE_ERROR_BUSY;
    case SQLITE_READONLY:
    case SQLITE_PERM:
      return CIRCLES_STORE_ERROR_READ_ONLY;
    case SQLITE_FULL:
      return CIRCLES_STORE_ERROR_FULL;
    case SQLITE_CANTOPEN:
      return CIRCLES_STORE_ERROR_OPEN;
    default:
      return CIRCLES_STORE_ERROR_FAILED;
    }
}

gboolean
_circles_store_set_sqlite_error (CirclesStore  *self,
                                 int            rc,
                                 GError       **error)
{
  CirclesStoreError code = error_code_from_sqlite (rc);
  /* The connection's message only when it is about @rc: the statements
   * run since the failure (a rollback, pragmas) leave "not an error". */
  const char *detail = self->db != NULL && sqlite3_extended_errcode (self->db) == rc
                       ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);
  g_autofree char *name = g_filename_display_basename (self->path);

  switch (code)
    {
    case CIRCLES_STORE_ERROR_CORRUPT:
      g_set_error (error, CIRCLES_STORE_ERROR, code,
                   _("“%s” is damaged and cannot be read (%s)"), name, detail);
      break;
    case CIRCLES_STORE_ERROR_NOT_CIRCLES:
      g_set_error (error, CIRCLES_STORE_ERROR, code,
                   _("“%s” is not a Circles database"), name);
      break;
    case CIRCLES_STORE_ERROR_BUSY:
      g_set_error (error, CIRCLES_STORE_ERROR, code,
                   _("“%s” is busy: another program is writing to it; try again in a moment"),
                   name);
      break;
    case CIRCLES_STORE_ERROR_READ_ONLY:
      g_set_error (error, CIRCLES_STORE_ERROR, code,
                   _("“%s” cannot be written: it is read-only"), name);
      break;
    case CIRCLES_STORE_ERROR_FULL:
      g_set_error (error, CIRCLES_STORE_ERROR, code,
                   _("“%s” cannot be written: the disk is full"), name);
      break;
    case CIRCLES_STORE_ERROR_OPEN:
    case CIRCLES_STORE_ERROR_TOO_NEW:
    case CIRCLES_STORE_ERROR_NO_ME:
    case CIRCLES_STORE_ERROR_FAILED:
    default:
      g_set_error (error, CIRCLES_STORE_ERROR, code,
                   _("Database error in “%s”: %s"), name, detail);
      break;
    }

  return FALSE;
}

gboolean
_circles_store_exec (CirclesStore  *self,
                     const char    *sql,
                     GError       **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return _circles_store_set_sqlite_error (self, rc, error);
  return TRUE;
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32)p[0] << 24) | ((guint32)p[1] << 16) | ((guint32)p[2] << 8) | p[3];
}

/* Looks at the file before SQLite does. Sets *is_new when the file is
 * missing or empty. Never writes. */
static gboolean
check_header (const char  *path,
              gboolean    *is_new,
              GError     **error)
{
  g_autofree char *name = g_filename_display_basename (path);
  g_autofree char *wal = NULL;
  guint8 header[SQLITE_HEADER_SIZE];
  GStatBuf st;
  guint32 page_size;
  FILE *file;
  size_t n;

  *is_new = FALSE;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        {
          *is_new = TRUE;
          return TRUE;
        }
      g_set_error (error, CIRCLES_STORE_ERROR, CIRCLES_STORE_ERROR_OPEN,
                   _("Cannot open “%s”: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, CIRCLES_STORE_ERROR, CIRCLES_STORE_ERROR_NOT_CIRCLES,
                   _("“%s” is not a Circles database"), name);
      return FALSE;
    }

  if (st.st_size == 0)
    {
      *is_new = TRUE;
      return TRUE;
    }

  file = g_fopen (path, "rb");
  if (file == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, CIRCLES_STORE_ERROR, CIRCLES_STORE_ERROR_OPEN,
                   _("Cannot open “%s”: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }
  n = fread (header, 1, sizeof header, file);
  fclose (file);

  if (n < sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, CIRCLES_STORE_ERROR, CIRCLES_STORE_ERROR_NOT_CIRCLES,
                   _("“%s” is not a Circles database"), name);
      return FALSE;
    }

  /* An id of 0 may be a foreign database or ours whose first page has
   * not been checkpointed from the WAL yet: SQLite tells, later. */
  if (read_be32 (header + 68) != CIRCLES_APPLICATION_ID &&
      read_be32 (header + 68) != 0)
    {
      g_set_error (error, CIRCLES_STORE_ERROR, CIRCLES_STORE_ERROR_NOT_CIRCLES,
                   _("“%s” is an SQLite database, but not a Circles one"), name);
      return FALSE;
    }

  if (read_be32 (header + 60) > CIRCLES_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, CIRCLES_STORE_ERROR, CIRCLES_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Circles (schema %u; this version reads up to %u)"),
                   name, read_be32 (header + 60), CIRCLES_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  /* A truncated file: fewer bytes than the pages the header promises
   * (the in-header size is only trusted when it is current, as SQLite
   * does). */
  page_size = ((guint32)header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  /* With a WAL, another program may be checkpointing it: the file then
   * grows after its first page says the new size. SQLite, which holds
   * the locks, tells a damaged file from that. */
  wal = g_strconcat (path, "-wal", NULL);
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    return TRUE;
  if (page_size < 512 || (page_size & (page_size - 1)) != 0 ||
      st.st_size % page_size != 0 ||
      (read_be32 (header + 24) == read_be32 (header + 92) &&
       (guint64)st.st_size < (guint64)read_be32 (header + 28) * page_size))
    {
      g_set_error (error, CIRCLES_STORE_ERROR, CIRCLES_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged: the file is shorter than its header says"),
                   name);
      return FALSE;
    }

  return TRUE;
}

static gint64
get_pragma_int (CirclesStore *self,
                const char   *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = -1;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static gboolean
check_identity (CirclesStore  *self,
                gint64         n_tables,
                GError       **error)
{
  g_autofree char *name = g_filename_display_basename (self->path);
  gint64 application_id = get_pragma_int (self, "PRAGMA application_id");
  gint64 version = get_pragma_int (self, "PRAGMA user_version");

  if (application_id != CIRCLES_APPLICATION_ID && (application_id != 0 || n_tables > 0))
    {
      g_set_error (error, CIRCLES_STORE_ERROR, CIRCLES_STORE_ERROR_NOT_CIRCLES,
                   _("“%s” is an SQLite database, but not a Circles one"), name);
      return FALSE;
    }
  if (version > CIRCLES_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, CIRCLES_STORE_ERROR, CIRCLES_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Circles (schema %u; this version reads up to %u)"),
                   name, (guint)version, CIRCLES_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  return TRUE;
}

static gboolean
migrate (CirclesStore  *self,
         GError       **error)
{
  gint64 version = get_pragma_int (self, "PRAGMA user_version");
  g_autofree char *set_version = NULL;

  if (version < 0)
    return _circles_store_set_sqlite_error (self, sqlite3_errcode (self->db), error);

  if (version == CIRCLES_STORE_SCHEMA_VERSION)
    return TRUE;

  g_debug ("Migrating %s from schema %" G_GINT64_FORMAT " to %d",
           self->path, version, CIRCLES_STORE_SCHEMA_VERSION);

  /* Dropping a table that others refer to must not delete their rows:
   * the pragma is only honoured outside a transaction. */
  sqlite3_exec (self->db, "PRAGMA foreign_keys = OFF", NULL, NULL, NULL);
  if (!_circles_store_exec (self, "BEGIN IMMEDIATE", error))
    goto failed;

  for (gint64 v = version; v < CIRCLES_STORE_SCHEMA_VERSION; v++)
    if (!_circles_store_exec (self, _circles_store_migrations[v], error))
      goto failed;

  set_version = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d",
                                 CIRCLES_APPLICATION_ID, CIRCLES_STORE_SCHEMA_VERSION);
  if (!_circles_store_exec (self, set_version, error) || !_circles_store_exec (self, "COMMIT", error))
    goto failed;

  sqlite3_exec (self->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);

  /* Write the header's identity into the main file now, so that other
   * programs (and the next open) can tell at once what this file is. */
  sqlite3_exec (self->db, "PRAGMA wal_checkpoint(PASSIVE)", NULL, NULL, NULL);

  return TRUE;

failed:
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_exec (self->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  return FALSE;
}

/* Checks the file (unless a store of this process holds it open
 * already) and opens it. */
static gboolean
open_checked (CirclesStore  *self,
              GError       **error)
{
  g_autofree char *id = NULL;
  gboolean is_new = FALSE;
  gboolean ok = FALSE;
  int rc;

  G_LOCK (open_files);

  id = file_id (self->path);
  if (!file_is_open (id) && !check_header (self->path, &is_new, error))
    goto out;

  if (is_new)
    {
      g_autofree char *dir = g_path_get_dirname (self->path);

      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;
          g_autofree char *name = g_filename_display_name (dir);

          g_set_error (error, CIRCLES_STORE_ERROR, CIRCLES_STORE_ERROR_OPEN,
                       _("Cannot create the folder “%s”: %s"),
                       name, g_strerror (saved_errno));
          goto out;
        }
    }

  rc = sqlite3_open_v2 (self->path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                        SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE, NULL);
  if (rc != SQLITE_OK)
    {
      _circles_store_set_sqlite_error (self, rc, error);
      goto out;
    }
  register_open_file (self);
  ok = TRUE;

out:
  G_UNLOCK (open_files);
  return ok;
}

char *
circles_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "circles", "network.db", NULL);
}

/* Prepares @prefix followed by @n_rows times @row, comma-separated: one
 * statement that writes many rows. */
static gboolean
prepare_rows (CirclesStore   *self,
              const char     *prefix,
              const char     *row,
              guint           n_rows,
              sqlite3_stmt  **stmt,
              GError        **error)
{
  g_autoptr(GString) sql = g_string_new (prefix);
  int rc;

  for (guint i = 0; i < n_rows; i++)
    {
      if (i > 0)
        g_string_append (sql, ", ");
      g_string_append (sql, row);
    }
  rc = sqlite3_prepare_v3 (self->db, sql->str, -1, SQLITE_PREPARE_PERSISTENT, stmt, NULL);
  if (rc != SQLITE_OK)
    {
      _circles_store_set_sqlite_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * circles_store_open:
 * @path: the database file, created when missing
 *
 * Opens a Circles database. A file that is not one, a damaged one or
 * one from a newer Circles is refused, and left exactly as it was.
 */
CirclesStore *
circles_store_open (const char  *path,
                    GError     **error)
{
  g_autoptr(CirclesStore) self = NULL;
  gint64 n_tables;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (CIRCLES_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  if (!open_checked (self, error))
    return NULL;

  sqlite3_busy_timeout (self->db, 5000);

  /* Reading the schema makes SQLite look at the whole header and the
   * first page: a damaged file is found here, before anything is set. */
  n_tables = get_pragma_int (self, "SELECT count(*) FROM sqlite_schema");
  if (n_tables < 0)
    {
      int code = sqlite3_errcode (self->db);

      /* A WAL database in a read-only folder or file system cannot even
       * be read (SQLite needs its -shm file): say that it is read-only. */
      if ((code & 0xff) == SQLITE_CANTOPEN && sqlite3_db_readonly (self->db, "main") == 1)
        code = SQLITE_READONLY;
      _circles_store_set_sqlite_error (self, code, error);
      return NULL;
    }

  /* What the header could not tell, read through the WAL. */
  if (!check_identity (self, n_tables, error))
    return NULL;

  if (!_circles_store_exec (self,
             "PRAGMA journal_mode = WAL;"
             "PRAGMA synchronous = NORMAL;"
             "PRAGMA foreign_keys = ON;"
             "PRAGMA temp_store = MEMORY;"
             "PRAGMA cache_size = -" G_STRINGIFY (READ_CACHE_KIB) ";"
             ,
             error))
    return NULL;

  if (!migrate (self, error))
    return NULL;

  for (guint i = 0; i < N_STMTS; i++)
    {
      rc = sqlite3_prepare_v3 (self->db, stmt_sql[i], -1,
                               SQLITE_PREPARE_PERSISTENT, &self->stmts[i], NULL);
      if (rc != SQLITE_OK)
        {
          _circles_store_set_sqlite_error (self, rc, error);
          return NULL;
        }
    }

  /* OR IGNORE: a statement that cannot fail half way needs no statement
   * journal, which an INSERT of many rows otherwise writes page by page.
   * The people rows never conflict (see flush_people). */
  if (!prepare_rows (self, "INSERT OR IGNORE INTO connections (a, b, source, strength, since) VALUES ",
                     "(?, ?, ?, ?, ?)", CONNECTION_ROWS, &self->insert_rows, error) ||
      !prepare_rows (self, "INSERT OR IGNORE INTO connections (a, b, source, strength) VALUES ",
                     "(?, ?, ?, ?)", CONNECTION_ROWS, &self->insert_rows_3, error) ||
      !prepare_rows (self, "INSERT OR IGNORE INTO people (id, key, source) VALUES ",
                     "(?, ?, ?)", PEOPLE_ROWS, &self->insert_people, error))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
circles_store_get_path (CirclesStore *self)
{
  g_return_val_if_fail (CIRCLES_IS_STORE (self), NULL);

  return self->path;
}

/* Ends the SQL transaction (@sql is COMMIT or ROLLBACK) and sets back
 * what begin changed. */
static int
end_transaction (CirclesStore *self,
                 const char   *sql)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc == SQLITE_OK || sqlite3_get_autocommit (self->db))
    {
      sqlite3_exec (self->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
      sqlite3_exec (self->db, "PRAGMA cache_size = -" G_STRINGIFY (READ_CACHE_KIB),
                    NULL, NULL, NULL);
    }
  return rc;
}

gboolean
circles_store_begin (CirclesStore  *self,
                     GError       **error)
{
  g_return_val_if_fail (CIRCLES_IS_STORE (self), FALSE);
  g_return_val_if_fail (!self->in_transaction, FALSE);

  /* Within a transaction of ours the store checks the references itself
   * (see valid_person): SQLite's own check costs two B-tree lookups per
   * connection, 40% of an import. The pragma is only honoured outside
   * a transaction, and set back on at its end. */
  sqlite3_exec (self->db, "PRAGMA foreign_keys = OFF", NULL, NULL, NULL);
  if (!_circles_store_exec (self, "BEGIN IMMEDIATE", error))
    {
      sqlite3_exec (self->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
      return FALSE;
    }

  /* With the write lock held: are the ids 1..max without a hole? Circles
   * never deletes a person, but another program may have. */
  {
    sqlite3_stmt *stmt = self->stmts[STMT_PEOPLE_RANGE];
    int rc = sqlite3_step (stmt);

    self->dense_ids = rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) == 1;
    self->max_person_id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 1) : 0;
    self->written_person_id = self->max_person_id;
    self->keys_cached = self->max_person_id == 0;
    sqlite3_reset (stmt);
    if (rc != SQLITE_ROW)
      {
        _circles_store_set_sqlite_error (self, rc, error);
        end_transaction (self, "ROLLBACK");
        return FALSE;
      }
  }

  /* Imports look people up at random: give them room to keep the
   * people table in memory. */
  sqlite3_exec (self->db, "PRAGMA cache_size = -" G_STRINGIFY (IMPORT_CACHE_KIB),
                NULL, NULL, NULL);
  self->in_transaction = TRUE;
  memset (&self->changes, 0, sizeof self->changes);
  reset_weights (self);
  reset_source (self);
  return TRUE;
}

/* A person id that the rows of this transaction may refer to. */
static gboolean
valid_person (CirclesStore  *self,
              gint64         id,
              GError       **error)
{
  gboolean valid;

  if (self->dense_ids)
    valid = id >= 1 && id <= self->max_person_id;
  else
    {
      sqlite3_bind_int64 (self->stmts[STMT_PERSON_EXISTS], 1, id);
      valid = _circles_store_step_int (self, self->stmts[STMT_PERSON_EXISTS], NULL) == 1;
    }

  if (!valid)
    g_set_error (error, CIRCLES_STORE_ERROR, CIRCLES_STORE_ERROR_FAILED,
                 "No person has the id %" G_GINT64_FORMAT, id);
  return valid;
}

gboolean
circles_store_commit (CirclesStore  *self,
                      GError       **error)
{
  int rc;

  g_return_val_if_fail (CIRCLES_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->in_transaction, FALSE);

  /* Whatever this transaction changed, the snapshot file is stale now. */
  if (!_circles_store_flush_people (self, error) ||
      !_circles_store_restore_key_index (self, error) ||
      !_circles_store_flush_connections (self, error) ||
      !_circles_store_finish_source (self, error) ||
      !_circles_store_step_done (self, self->stmts[STMT_BUMP_GENERATION], error))
    {
      circles_store_rollback (self);
      return FALSE;
    }

  rc = end_transaction (self, "COMMIT");
  if (rc != SQLITE_OK)
    {
      _circles_store_set_sqlite_error (self, rc, error);
      circles_store_rollback (self);
      return FALSE;
    }

  self->in_transaction = FALSE;
  circles_key_table_clear (self->key_cache);
  reset_source (self);
  return TRUE;
}

void
circles_store_rollback (CirclesStore *self)
{
  g_return_if_fail (CIRCLES_IS_STORE (self));

  if (!self->in_transaction)
    return;

  for (guint i = 0; i < N_STMTS; i++)
    sqlite3_reset (self->stmts[i]);
  sqlite3_reset (self->insert_rows);
  sqlite3_reset (self->insert_rows_3);
  sqlite3_reset (self->insert_people);
  circles_connection_buffer_clear (self->pending);
  g_array_set_size (self->pending_people, 0);
  end_transaction (self, "ROLLBACK");
  self->in_transaction = FALSE;
  self->key_index_dropped = FALSE;  /* the rollback made it again */
  circles_key_table_clear (self->key_cache);
  memset (&self->changes, 0, sizeof self->changes);
  reset_weights (self);
  g_clear_pointer (&self->session, sqlite3session_delete);
  reset_source (self);
}

gboolean
circles_store_begin_read (CirclesStore  *self,
                          GError       **error)
{
  g_return_val_if_fail (CIRCLES_IS_STORE (self), FALSE);
  g_return_val_if_fail (!self->in_transaction && !self->in_read, FALSE);

  /* The snapshot starts with the first read, made at once. */
  if (!_circles_store_exec (self, "BEGIN; SELECT count(*) FROM settings", error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  self->in_read = TRUE;
  return TRUE;
}

void
circles_store_end_read (CirclesStore *self)
{
  g_return_if_fail (CIRCLES_IS_STORE (self));
  g_return_if_fail (self->in_read);

  sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
  self->in_read = FALSE;
}

gint64
circles_store_get_generation (CirclesStore *self)
{
  g_return_val_if_fail (CIRCLES_IS_STORE (self), -1);

  return _circles_store_step_int (self, self->stmts[STMT_GET_GENERATION], NULL);
}

gboolean
circles_store_in_transaction (CirclesStore *self)
{
  g_return_val_if_fail (CIRCLES_IS_STORE (self), FALSE);

  return self->in_transaction;
}

const CirclesStoreChanges *
circles_store_get_changes (CirclesStore *self)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (CIRCLES_IS_STORE (self), NULL);

  /* The connections still in the batch count too; an error here comes
   * back from the commit, which flushes again. */
  if (self->in_transaction && !_circles_store_flush_connections (self, &error))
    g_debug ("Connections not written yet: %s", error->message);

  return &self->changes;
}

/* Runs a prepared statement that returns no row; resets it. */
gboolean
_circles_store_step_done (CirclesStore  *self,
                          sqlite3_stmt  *stmt,
                          GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return _circles_store_set_sqlite_error (self, rc, error);
  return TRUE;
}

/* Runs a prepared statement for a single integer; 0 when no row. */
gint64
_circles_store_step_int (CirclesStore  *self,
                         sqlite3_stmt  *stmt,
                         GError       **error)
{
  int rc = sqlite3_step (stmt);
  gint64 value = 0;

  if (rc == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      _circles_store_set_sqlite_error (self, rc, error);
      value = -1;
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return value;
}

void
_circles_store_bind_text_or_null (sqlite3_stmt *stmt,
                                  int           column,
                                  const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, column);
}

gint64
circles_store_lookup_person (CirclesStore *self,
                             const char   *key)
{
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (CIRCLES_IS_STORE (self), -1);
  g_return_val_if_fail (key != NULL, -1);

  id = circles_key_table_lookup (self->key_cache, key);
  if (id > 0)
    return id;

  stmt = self->stmts[STMT_LOOKUP_PERSON];
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  id = _circles_store_step_int (self, stmt, NULL);
  return id > 0 ? id : -1;
}

gint64
circles_store_ensure_person (CirclesStore  *self,
                             const char    *key,
                             GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (CIRCLES_IS_STORE (self), -1);
  g_return_val_if_fail (key != NULL, -1);
  g_return_val_if_fail (self->in_transaction, -1);

  id = circles_key_table_lookup (self->key_cache, key);
  if (id > 0)
    return id;

  /* Everyone this transaction adds goes through the cache: when the
   * table had nobody, a key that is not in the cache is nowhere. */
  if (!self->keys_cached)
    {
      stmt = self->stmts[STMT_LOOKUP_PERSON];
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      id = _circles_store_step_int (self, stmt, error);
      if (id < 0)
        return -1;
      if (id > 0)
        _circles_store_touch_person (self, id);
    }

  if (id == 0 && self->dense_ids)
    {
      PendingPerson pending;

      pending.id = ++self->max_person_id;
      pending.key = circles_key_table_insert (self->key_cache, key, pending.id);
      g_array_append_val (self->pending_people, pending);
      self->changes.people_added++;
      if (self->pending_people->len >= PEOPLE_BATCH && !_circles_store_flush_people (self, error))
        return -1;
      return pending.id;
    }

  if (id == 0)
    {
      stmt = self->stmts[STMT_INSERT_PERSON];
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, self->source_id);
      if (!_circles_store_step_done (self, stmt, error))
        return -1;
      id = sqlite3_last_insert_rowid (self->db);
      self->changes.people_added++;
      if (self->dense_ids && id != self->max_person_id + 1)
        self->dense_ids = FALSE;  /* never so with INTEGER PRIMARY KEY, but be sure */
      self->max_person_id = MAX (self->max_person_id, id);
    }

  circles_key_table_insert (self->key_cache, key, id);
  return id;
}

gboolean
circles_store_ensure_people (CirclesStore        *self,
                             const char * const  *keys,
                             guint                n_keys,
                             gint64              *ids,
                             GError             **error)
{
  g_return_val_if_fail (CIRCLES_IS_STORE (self), FALSE);
  g_return_val_if_fail (keys != NULL || n_keys == 0, FALSE);
  g_return_val_if_fail (ids != NULL || n_keys == 0, FALSE);
  g_return_val_if_fail (self->in_transaction, FALSE);

  /* The cache misses of the lookups overlap. */
  for (guint i = 0; i < n_keys; i++)
    circles_key_table_prefetch (self->key_cache, keys[i]);
  for (guint i = 0; i < n_keys; i++)
    {
      ids[i] = circles_store_ensure_person (self, keys[i], error);
      if (ids[i] < 0)
        return FALSE;
    }
  return TRUE;
}

/* Binds @id as ?1 and @fields as ?2 to ?11. */
static gboolean
bind_person_fields (sqlite3_stmt              *stmt,
                    gint64                     id,
                    const CirclesPersonFields *fields)
{
  sqlite3_bind_int64 (stmt, 1, id);
  _circles_store_bind_text_or_null (stmt, 2, fields->display_name);
  _circles_store_bind_text_or_null (stmt, 3, fields->first_name);
  _circles_store_bind_text_or_null (stmt, 4, fields->last_name);
  _circles_store_bind_text_or_null (stmt, 5, fields->position);
  _circles_store_bind_text_or_null (stmt, 6, fields->company);
  _circles_store_bind_text_or_null (stmt, 7, fields->location);
  _circles_store_bind_text_or_null (stmt, 8, fields->profile_url);
  _circles_store_bind_text_or_null (stmt, 9, fields->email);
  _circles_store_bind_text_or_null (stmt, 10, fields->connected_on);
  _circles_store_bind_text_or_null (stmt, 11, fields->notes);
  return TRUE;
}

gboolean
circles_store_update_person (CirclesStore               *self,
                             gint64                      id,
                             const CirclesPersonFields  *fields,
                             GError                    **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CIRCLES_IS_STORE (self), FALSE);
  g_return_val_if_fail (fields != NULL, FALSE);
  g_return_val_if_fail (self->in_transaction, FALSE);

  if (id > self->written_person_id && !_circles_store_flush_people (self, error))
    return FALSE;

  /* Someone another source brought: what each gave is kept. */
  if (id <= self->begin_max_id)
    {
      _circles_store_touch_person (self, id);
      stmt = self->stmts[STMT_FIELDS_BEFORE];
      sqlite3_bind_int64 (stmt, 1, id);
      if (!_circles_store_step_done (self, stmt, error) ||
          !bind_person_fields (self->stmts[STMT_FIELDS_GIVEN], id, fields) ||
          (sqlite3_bind_int64 (self->stmts[STMT_FIELDS_GIVEN], 12, self->source_id),
           !_circles_store_step_done (self, self->stmts[STMT_FIELDS_GIVEN], error)))
        return FALSE;
    }

  stmt = self->stmts[STMT_UPDATE_PERSON];
  bind_person_fields (stmt, id, fields);
  return _circles_store_step_done (self, stmt, error);
}

/**
 * circles_store_add_connection:
 * @strength: in 0..1, or negative when unknown
 * @since: (nullable): ISO date
 *
 * Adds the undirected connection a–b; a self-loop is ignored, a
 * connection already there keeps its values unless new ones are given.
 */
gboolean
circles_store_add_connection (CirclesStore  *self,
                              gint64         a,
                              gint64         b,
                              double         strength,
                              const char    *since,
                              GError       **error)
{
  g_return_val_if_fail (CIRCLES_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->in_transaction, FALSE);
  g_return_val_if_fail (strength <= 1.0, FALSE);
  g_return_val_if_fail (strength < 0 || !self->weighted, FALSE);

  if (a == b)
    return TRUE;
  if (!valid_person (self, a, error) || !valid_person (self, b, error))
    return FALSE;

  self->strengths |= strength >= 0;
  return circles_connection_buffer_add (self->pending, MIN (a, b), MAX (a, b),
                                        strength, since, error);
}

gboolean
circles_store_add_weighted_connection (CirclesStore  *self,
                                       gint64         a,
                                       gint64         b,
                                       double         weight,
                                       GError       **error)
{
  g_return_val_if_fail (CIRCLES_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->in_transaction, FALSE);
  g_return_val_if_fail (!self->strengths, FALSE);
  /* The divisor must be known before any weight is written. */
  g_return_val_if_fail (!self->weights_written, FALSE);

  if (a == b)
    return TRUE;
  if (!valid_person (self, a, error) || !valid_person (self, b, error))
    return FALSE;

  self->weighted |= weight >= 0;
  return circles_connection_buffer_add (self->pending, MIN (a, b), MAX (a, b),
                                        weight, NULL, error);
}

void
circles_store_set_weight_divisor (CirclesStore *self,
                                  double        divisor)
{
  g_return_if_fail (CIRCLES_IS_STORE (self));
  g_return_if_fail (self->in_transaction);
  g_return_if_fail (divisor >= 1.0);
  g_return_if_fail (!self->weights_written);

  self->weight_divisor = divisor;
}

/* The strength a pending connection is written with. */
static inline double
written_strength (CirclesStore *self,
                  double        strength)
{
  if (strength >= 0 && self->weighted)
    return strength / self->weight_divisor;
  return strength;
}

/* @c was there before this transaction's source brought it: the source
 * holds it too. */
static gboolean
hold_connection (CirclesStore                     *self,
                 const CirclesBufferedConnection  *c,
                 GError                          **error)
{
  sqlite3_stmt *stmt = self->stmts[STMT_ALSO_CONNECTION];

  sqlite3_bind_int64 (stmt, 1, c->a);
  sqlite3_bind_int64 (stmt, 2, c->b);
  sqlite3_bind_int64 (stmt, 3, self->source_id);
  if (!_circles_store_step_done (self, stmt, error))
    return FALSE;
  self->connections_held += sqlite3_changes (self->db);
  return TRUE;
}

/* Writes one connection: inserted when new, else its strength and date
 * are updated when given. (The buffer merged the rows of the same pair,
 * the values given last winning, as they would have row by row.) */
static gboolean
write_connection (CirclesStore                     *self,
                  const CirclesBufferedConnection  *c,
                  GError                          **error)
{
  sqlite3_stmt *stmt = self->stmts[STMT_INSERT_CONNECTION];
  double strength = written_strength (self, c->strength);

  sqlite3_bind_int64 (stmt, 1, c->a);
  sqlite3_bind_int64 (stmt, 2, c->b);
  if (strength >= 0)
    sqlite3_bind_double (stmt, 3, strength);
  _circles_store_bind_text_or_null (stmt, 4, c->since);
  sqlite3_bind_int64 (stmt, 5, self->source_id);
  if (!_circles_store_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (self->db) > 0)
    {
      self->changes.connections_added++;
      return TRUE;
    }

  if (!hold_connection (self, c, error))
    return FALSE;
  if (strength < 0 && c->since == NULL)
    return TRUE;

  stmt = self->stmts[STMT_UPDATE_CONNECTION];
  sqlite3_bind_int64 (stmt, 1, c->a);
  sqlite3_bind_int64 (stmt, 2, c->b);
  if (strength >= 0)
    sqlite3_bind_double (stmt, 3, strength);
  _circles_store_bind_text_or_null (stmt, 4, c->since);
  return _circles_store_step_done (self, stmt, error);
}

/* Writes CONNECTION_ROWS connections with one statement. When some were
 * there already, those that bring a strength or a date update them, in
 * order, as write_connection() would have one by one. */
static gboolean
write_connection_rows (CirclesStore                     *self,
                       const CirclesBufferedConnection  *rows,
                       GError                          **error)
{
  sqlite3_stmt *stmt = self->insert_rows_3;
  guint columns = 4;
  int inserted;

  /* Fewer columns, less work per row: most imports bring no date. */
  for (guint i = 0; i < CONNECTION_ROWS; i++)
    if (rows[i].since != NULL)
      {
        stmt = self->insert_rows;
        columns = 5;
        break;
      }

  for (guint i = 0; i < CONNECTION_ROWS; i++)
    {
      const CirclesBufferedConnection *c = &rows[i];
      double strength = written_strength (self, c->strength);

      sqlite3_bind_int64 (stmt, columns * i + 1, c->a);
      sqlite3_bind_int64 (stmt, columns * i + 2, c->b);
      sqlite3_bind_int64 (stmt, columns * i + 3, self->source_id);
      if (strength >= 0)
        sqlite3_bind_double (stmt, columns * i + 4, strength);
      else
        sqlite3_bind_null (stmt, columns * i + 4);
      if (columns == 5)
        _circles_store_bind_text_or_null (stmt, columns * i + 5, c->since);
    }
  if (!_circles_store_step_done (self, stmt, error))
    return FALSE;

  inserted = sqlite3_changes (self->db);
  self->changes.connections_added += inserted;
  if (inserted == CONNECTION_ROWS)
    return TRUE;

  for (guint i = 0; i < CONNECTION_ROWS; i++)
    {
      const CirclesBufferedConnection *c = &rows[i];
      sqlite3_stmt *update = self->stmts[STMT_UPDATE_CONNECTION];
      double strength = written_strength (self, c->strength);

      /* Only a pair of people there before can have been there. */
      if (c->b <= self->begin_max_id && !hold_connection (self, c, error))
        return FALSE;
      if (strength < 0 && c->since == NULL)
        continue;
      sqlite3_bind_int64 (update, 1, c->a);
      sqlite3_bind_int64 (update, 2, c->b);
      if (strength >= 0)
        sqlite3_bind_double (update, 3, strength);
      _circles_store_bind_text_or_null (update, 4, c->since);
      if (!_circles_store_step_done (self, update, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_connections (const CirclesBufferedConnection  *rows,
                   guint                             n_rows,
                   gpointer                          user_data,
                   GError                          **error)
{
  CirclesStore *self = user_data;

  /* SQLite does not check them (see flush_connections): the store does. */
  for (guint i = 0; i < n_rows; i++)
    {
      if (written_strength (self, rows[i].strength) > 1.0)
        {
          g_set_error (error, CIRCLES_STORE_ERROR, CIRCLES_STORE_ERROR_FAILED,
                       "A connection strength above 1: %g", rows[i].strength);
          return FALSE;
        }
      /* a < b: a person there before is at a at least. */
      if (rows[i].a <= self->begin_max_id)
        {
          _circles_store_touch_person (self, rows[i].a);
          _circles_store_touch_person (self, rows[i].b);
        }
    }

  for (guint i = 0; i < n_rows; )
    {
      if (n_rows - i >= CONNECTION_ROWS)
        {
          if (!write_connection_rows (self, &rows[i], error))
            return FALSE;
          i += CONNECTION_ROWS;
        }
      else if (!write_connection (self, &rows[i++], error))
        return FALSE;
    }
  return TRUE;
}

gboolean
_circles_store_flush_connections (CirclesStore  *self,
                                  GError       **error)
{
  gboolean ok;

  if (circles_connection_buffer_get_length (self->pending) == 0)
    return TRUE;
  /* The key cache goes first: an import is done with it by now (people
   * added later are looked up in the table), and its memory serves the
   * rest. Then the keys are indexed, before the connections fill the
   * page cache, so that SQLite's sort of them does not come on top of
   * it. */
  if (!_circles_store_flush_people (self, error))
    return FALSE;
  circles_key_table_clear (self->key_cache);
  self->keys_cached = FALSE;
  if (!_circles_store_restore_key_index (self, error))
    return FALSE;
  self->weights_written |= self->weighted;

  /* The rows written here are checked beforehand (a < b by
   * construction, strength in 0..1 or none in write_connections, no
   * rating): SQLite need not check them again, 15% of its instructions
   * per row. (The pragma makes the statements prepared again, once per
   * flush.) */
  sqlite3_exec (self->db, "PRAGMA ignore_check_constraints = ON", NULL, NULL, NULL);
  ok = circles_connection_buffer_drain (self->pending, write_connections, self, error);
  sqlite3_exec (self->db, "PRAGMA ignore_check_constraints = OFF", NULL, NULL, NULL);
  return ok;
}

/* Writes the people added since the last flush. */
gboolean
_circles_store_flush_people (CirclesStore  *self,
                             GError       **error)
{
  GArray *people = self->pending_people;
  guint i = 0;

  if (people->len == 0)
    return TRUE;

  /* Many come into a table that had nobody: their keys are indexed all
   * at once in the end (restore_key_index), rather than one by one; a
   * key not in the cache is then looked up without the index, which is
   * slower, but only circles_store_lookup_person() does it. */
  if (self->keys_cached && !self->key_index_dropped &&
      self->written_person_id == 0 && people->len >= DROP_KEY_INDEX_MIN)
    {
      if (!_circles_store_exec (self, "DROP INDEX IF EXISTS people_key", error))
        {
          g_array_set_size (people, 0);
          return FALSE;
        }
      self->key_index_dropped = TRUE;
    }

  while (i < people->len)
    {
      sqlite3_stmt *stmt;
      guint n;

      if (people->len - i >= PEOPLE_ROWS)
        {
          stmt = self->insert_people;
          n = PEOPLE_ROWS;
        }
      else
        {
          stmt = self->stmts[STMT_INSERT_PERSON_ID];
          n = 1;
        }

      for (guint j = 0; j < n; j++)
        {
          const PendingPerson *p = &g_array_index (people, PendingPerson, i + j);

          sqlite3_bind_int64 (stmt, 3 * j + 1, p->id);
          sqlite3_bind_text (stmt, 3 * j + 2, p->key, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (stmt, 3 * j + 3, self->source_id);
        }
      if (!_circles_store_step_done (self, stmt, error))
        {
          g_array_set_size (people, 0);
          return FALSE;
        }
      /* Every key was looked up first: none can be there already. */
      if ((guint) sqlite3_changes (self->db) != n)
        {
          g_array_set_size (people, 0);
          g_set_error (error, CIRCLES_STORE_ERROR, CIRCLES_STORE_ERROR_FAILED,
                       "A person was added twice");
          return FALSE;
        }
      i += n;
    }

  g_array_set_size (people, 0);
  self->written_person_id = self->max_person_id;
  return TRUE;
}

/* Indexes the keys again, when flush_people() dropped the index. */
gboolean
_circles_store_restore_key_index (CirclesStore  *self,
                                  GError       **error)
{
  if (!self->key_index_dropped)
    return TRUE;
  if (!_circles_store_exec (self, "CREATE UNIQUE INDEX people_key ON people (key)", error))
    return FALSE;
  self->key_index_dropped = FALSE;
  return TRUE;
}

gboolean
circles_store_add_follow (CirclesStore  *self,
                          gint64         follower,
                          gint64         followed,
                          GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CIRCLES_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->in_transaction, FALSE);

  if (follower == followed)
    return TRUE;

  if (!valid_person (self, follower, error) || !valid_person (self, followed, error))
    return FALSE;

  _circles_store_touch_person (self, follower);
  _circles_store_touch_person (self, followed);
  stmt = self->stmts[STMT_INSERT_FOLLOW];
  sqlite3_bind_int64 (stmt, 1, follower);
  sqlite3_bind_int64 (stmt, 2, followed);
  sqlite3_bind_int64 (stmt, 3, self->source_id);
  if (!_circles_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) > 0)
    {
      self->changes.follows_added++;
      return TRUE;
    }
  stmt = self->stmts[STMT_ALSO_FOLLOW];
  sqlite3_bind_int64 (stmt, 1, follower);
  sqlite3_bind_int64 (stmt, 2, followed);
  sqlite3_bind_int64 (stmt, 3, self->source_id);
  return _circles_store_step_done (self, stmt, error);
}

gint64
circles_store_ensure_group (CirclesStore  *self,
                            const char    *name,
                            GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (CIRCLES_IS_STORE (self), -1);
  g_return_val_if_fail (name != NULL, -1);
  g_return_val_if_fail (self->in_transaction, -1);

  stmt = self->stmts[STMT_LOOKUP_GROUP];
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  id = _circles_store_step_int (self, stmt, error);
  if (id != 0)
    return id;

  stmt = self->stmts[STMT_INSERT_GROUP];
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_STATIC);
  if (!_circles_store_step_done (self, stmt, error))
    return -1;
  return sqlite3_last_insert_rowid (self->db);
}

gboolean
circles_store_add_membership (CirclesStore  *self,
                              gint64         group_id,
                              gint64         person,
                              GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CIRCLES_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->in_transaction, FALSE);

  if (!valid_person (self, person, error))
    return FALSE;
  sqlite3_bind_int64 (self->stmts[STMT_GROUP_EXISTS], 1, group_id);
  if (_circles_store_step_int (self, self->stmts[STMT_GROUP_EXISTS], NULL) != 1)
    {
      g_set_error (error, CIRCLES_STORE_ERROR, CIRCLES_STORE_ERROR_FAILED,
                   "No group has the id %" G_GINT64_FORMAT, group_id);
      return FALSE;
    }

  _circles_store_touch_person (self, person);
  stmt = self->stmts[STMT_INSERT_MEMBERSHIP];
  sqlite3_bind_int64 (stmt, 1, group_id);
  sqlite3_bind_int64 (stmt, 2, person);
  sqlite3_bind_int64 (stmt, 3, self->source_id);
  if (!_circles_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) > 0)
    {
      self->changes.memberships_added++;
      return TRUE;
    }
  stmt = self->stmts[STMT_ALSO_MEMBERSHIP];
  sqlite3_bind_int64 (stmt, 1, group_id);
  sqlite3_bind_int64 (stmt, 2, person);
  sqlite3_bind_int64 (stmt, 3, self->source_id);
  return _circles_store_step_done (self, stmt, error);
}

gboolean
circles_store_set_me (CirclesStore  *self,
                      gint64         id,
                      GError       **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (CIRCLES_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->in_transaction, FALSE);
  g_return_val_if_fail (id > 0, FALSE);

  if (!valid_person (self, id, error))
    return FALSE;

  _circles_store_touch_person (self, id);
  stmt = self->stmts[STMT_SET_ME];
  sqlite3_bind_int64 (stmt, 1, id);
  return _circles_store_step_done (self, stmt, error);
}

char *
circles_store_get_person_key (CirclesStore *self,
                              gint64        person)
{
  sqlite3_stmt *stmt;
  char *key = NULL;

  g_return_val_if_fail (CIRCLES_IS_STORE (self), NULL);

  if (self->in_transaction && person > self->written_person_id
      && !_circles_store_flush_people (self, NULL))
    return NULL;
  stmt = self->stmts[STMT_GET_KEY];
  sqlite3_bind_int64 (stmt, 1, person);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    key = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return key;
}

/* Moves what refers to @from over to @into, then removes @from. Foreign
 * keys are off within an import: every table is seen to here. */
static gboolean
merge_person (CirclesStore  *self,
              gint64         into,
              gint64         from,
              GError       **error)
{
  g_autofree char *sql = g_strdup_printf (
    /* What held the rows of @from holds those of @into: a row that
     * @into has already keeps its own source, the other joins it. */
    "INSERT OR IGNORE INTO also_from (kind, a, b, source)"
    " SELECT 1, min (o, %1$" G_GINT64_FORMAT "), max (o, %1$" G_GINT64_FORMAT "), s FROM ("
    "  SELECT b AS o, source AS s FROM connections WHERE a = %2$" G_GINT64_FORMAT
    "  UNION ALL SELECT a, source FROM connections WHERE b = %2$" G_GINT64_FORMAT
    "  UNION ALL SELECT b, source FROM also_from WHERE kind = 1 AND a = %2$" G_GINT64_FORMAT
    "  UNION ALL SELECT a, source FROM also_from WHERE kind = 1 AND b = %2$" G_GINT64_FORMAT
    " ) WHERE o <> %1$" G_GINT64_FORMAT ";"
    "INSERT OR IGNORE INTO also_from (kind, a, b, source)"
    " SELECT kind, CASE a WHEN %2$" G_GINT64_FORMAT " THEN %1$" G_GINT64_FORMAT " ELSE a END,"
    "  CASE b WHEN %2$" G_GINT64_FORMAT " THEN %1$" G_GINT64_FORMAT " ELSE b END, source"
    " FROM also_from WHERE kind IN (0, 2, 3) AND (a = %2$" G_GINT64_FORMAT " OR b = %2$" G_GINT64_FORMAT ")"
    " UNION ALL SELECT 2, CASE follower WHEN %2$" G_GINT64_FORMAT " THEN %1$" G_GINT64_FORMAT " ELSE follower END,"
    "  CASE followed WHEN %2$" G_GINT64_FORMAT " THEN %1$" G_GINT64_FORMAT " ELSE followed END, source"
    " FROM follows WHERE follower = %2$" G_GINT64_FORMAT " OR followed = %2$" G_GINT64_FORMAT
    " UNION ALL SELECT 3, group_id, %1$" G_GINT64_FORMAT ", source FROM memberships WHERE person = %2$" G_GINT64_FORMAT
    " UNION ALL SELECT 0, %1$" G_GINT64_FORMAT ", 0, source FROM people WHERE id = %2$" G_GINT64_FORMAT ";"
    "DELETE FROM also_from WHERE (kind = 1 OR kind = 2) AND (a = %2$" G_GINT64_FORMAT " OR b = %2$" G_GINT64_FORMAT ")"
    " OR kind = 0 AND a = %2$" G_GINT64_FORMAT " OR kind = 3 AND b = %2$" G_GINT64_FORMAT ";"
    "INSERT OR IGNORE INTO connections (a, b, strength, since, rating, source)"
    " SELECT min (o, %1$" G_GINT64_FORMAT "), max (o, %1$" G_GINT64_FORMAT "),"
    "  strength, since, rating, source FROM ("
    "  SELECT b AS o, strength, since, rating, source FROM connections WHERE a = %2$" G_GINT64_FORMAT
    "  UNION ALL"
    "  SELECT a, strength, since, rating, source FROM connections WHERE b = %2$" G_GINT64_FORMAT
    " ) WHERE o <> %1$" G_GINT64_FORMAT ";"
    "DELETE FROM connections WHERE a = %2$" G_GINT64_FORMAT " OR b = %2$" G_GINT64_FORMAT ";"
    "INSERT OR IGNORE INTO follows (follower, followed, source)"
    " SELECT f, t, source FROM ("
    "  SELECT CASE follower WHEN %2$" G_GINT64_FORMAT " THEN %1$" G_GINT64_FORMAT " ELSE follower END AS f,"
    "   CASE followed WHEN %2$" G_GINT64_FORMAT " THEN %1$" G_GINT64_FORMAT " ELSE followed END AS t, source"
    "  FROM follows WHERE follower = %2$" G_GINT64_FORMAT " OR followed = %2$" G_GINT64_FORMAT
    " ) WHERE f <> t;"
    "DELETE FROM follows WHERE follower = %2$" G_GINT64_FORMAT " OR followed = %2$" G_GINT64_FORMAT ";"
    "INSERT OR IGNORE INTO memberships (group_id, person, source)"
    " SELECT group_id, %1$" G_GINT64_FORMAT ", source FROM memberships WHERE person = %2$" G_GINT64_FORMAT ";"
    "DELETE FROM memberships WHERE person = %2$" G_GINT64_FORMAT ";"
    "INSERT OR IGNORE INTO interactions"
    " SELECT %1$" G_GINT64_FORMAT ", sent, received, last_message, invitation, invited_on,"
    "  recommendations_given, recommendations_received, source"
    " FROM interactions WHERE person = %2$" G_GINT64_FORMAT ";"
    "DELETE FROM interactions WHERE person = %2$" G_GINT64_FORMAT ";"
    "INSERT OR IGNORE INTO endorsements (person, skill, given, endorsed_on, source)"
    " SELECT %1$" G_GINT64_FORMAT ", skill, given, endorsed_on, source FROM endorsements"
    " WHERE person = %2$" G_GINT64_FORMAT ";"
    "DELETE FROM endorsements WHERE person = %2$" G_GINT64_FORMAT ";"
    "INSERT OR IGNORE INTO reasons (person, flags)"
    " SELECT %1$" G_GINT64_FORMAT ", flags FROM reasons WHERE person = %2$" G_GINT64_FORMAT ";"
    "DELETE FROM reasons WHERE person = %2$" G_GINT64_FORMAT ";"
    "UPDATE OR IGNORE person_fields SET person = %1$" G_GINT64_FORMAT
    " WHERE person = %2$" G_GINT64_FORMAT ";"
    "DELETE FROM person_fields WHERE person = %2$" G_GINT64_FORMAT ";"
    "UPDATE people SET"
    " display_name = coalesce (people.display_name, o.display_name),"
    " first_name = coalesce (people.first_name, o.first_name),"
    " last_name = coalesce (people.last_name, o.last_name),"
    " position = coalesce (people.position, o.position),"
    " company = coalesce (people.company, o.company),"
    " location = coalesce (people.location, o.location),"
    " profile_url = coalesce (people.profile_url, o.profile_url),"
    " email = coalesce (people.email, o.email),"
    " connected_on = coalesce (people.connected_on, o.connected_on),"
    " notes = coalesce (people.notes, o.notes)"
    " FROM (SELECT * FROM people WHERE id = %2$" G_GINT64_FORMAT ") AS o"
    " WHERE people.id = %1$" G_GINT64_FORMAT ";"
    "DELETE FROM people WHERE id = %2$" G_GINT64_FORMAT ";",
    into, from);

  if (!_circles_store_exec (self, sql, error))
    return FALSE;
  self->dense_ids = FALSE;
  return TRUE;
}

gboolean
circles_store_set_person_key (CirclesStore  *self,
                              gint64         person,
                              const char    *key,
                              GError       **error)
{
  sqlite3_stmt *stmt;
  gint64 other;

  g_return_val_if_fail (CIRCLES_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->in_transaction, FALSE);
  g_return_val_if_fail (key != NULL && *key != '\0', FALSE);

  /* SQL sees everyone and every connection of this import from here. */
  if (!_circles_store_flush_people (self, error)
      || !_circles_store_restore_key_index (self, error)
      || !_circles_store_flush_connections (self, error)
      || !valid_person (self, person, error))
    return FALSE;

  stmt = self->stmts[STMT_LOOKUP_PERSON];
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  other = _circles_store_step_int (self, stmt, error);
  if (other < 0)
    return FALSE;
  if (other == person)
    return TRUE;
  if (other > 0 && !merge_person (self, person, other, error))
    return FALSE;

  stmt = self->stmts[STMT_SET_KEY];
  sqlite3_bind_int64 (stmt, 1, person);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_STATIC);
  if (!_circles_store_step_done (self, stmt, error))
    return FALSE;

  /* The cache knew the old keys: from here keys are looked up in SQL. */
  circles_key_table_clear (self->key_cache);
  self->keys_cached = FALSE;
  return TRUE;
}

/**
 * circles_store_get_me:
 *
 * Returns: the id of the person who is me, or -1 when nobody is.
 */
gint64
circles_store_get_me (CirclesStore *self)
{
  gint64 id;

  g_return_val_if_fail (CIRCLES_IS_STORE (self), -1);

  id = _circles_store_step_int (self, self->stmts[STMT_GET_ME], NULL);
  return id > 0 ? id : -1;
}

static gint64
count (CirclesStore *self,
       const char   *sql)
{
  return get_pragma_int (self, sql);
}

gint64
circles_store_count_people (CirclesStore *self)
{
  g_return_val_if_fail (CIRCLES_IS_STORE (self), -1);

  if (self->in_transaction && !_circles_store_flush_people (self, NULL))
    return -1;
  return count (self, "SELECT count(*) FROM people");
}

gint64
circles_store_count_connections (CirclesStore *self)
{
  g_return_val_if_fail (CIRCLES_IS_STORE (self), -1);

  return count (self, "SELECT count(*) FROM connections");
}

gint64
circles_store_count_connections_of (CirclesStore *self,
                                    gint64        person)
{
  sqlite3_stmt *stmt;
  gint64 n;

  g_return_val_if_fail (CIRCLES_IS_STORE (self), -1);

  if (self->in_transaction && !_circles_store_flush_connections (self, NULL))
    return -1;

  /* (a, b) is the primary key: the first half is a range, the second a
   * scan, which is why this is only asked after an import. */
  stmt = _circles_store_prepare (self,
                  "SELECT (SELECT count(*) FROM connections WHERE a = ?1)"
                  " + (SELECT count(*) FROM connections WHERE b = ?1)",
                  NULL);
  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, person);
  n = _circles_store_step_int (self, stmt, NULL);
  sqlite3_finalize (stmt);
  return n;
}

gint64
circles_store_max_person_id (CirclesStore *self)
{
  g_return_val_if_fail (CIRCLES_IS_STORE (self), -1);

  if (self->in_transaction && !_circles_store_flush_people (self, NULL))
    return -1;
  return count (self, "SELECT coalesce (max (id), 0) FROM people");
}

/* Prepares a one-off query; the caller finalizes it. */
sqlite3_stmt *
_circles_store_prepare (CirclesStore  *self,
                        const char    *sql,
                        GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      _circles_store_set_sqlite_error (self, rc, error);
      return NULL;
    }
  return stmt;
}

/* Ends a read loop: TRUE when the statement ran to its end. */
gboolean
_circles_store_finish_rows (CirclesStore  *self,
                            sqlite3_stmt  *stmt,
                            int            rc,
                            GError       **error)
{
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return _circles_store_set_sqlite_error (self, rc, error);
  return TRUE;
}

gboolean
circles_store_foreach_person (CirclesStore            *self,
                              CirclesStorePersonFunc   func,
                              gpointer                 user_data,
                              GError                 **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CIRCLES_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (self->in_transaction && !_circles_store_flush_people (self, error))
    return FALSE;

  stmt = _circles_store_prepare (self,
                  "SELECT id, key, display_name, position, company, location, profile_url"
                  " FROM people ORDER BY id",
                  error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CirclesPersonRow row = {
        .id = sqlite3_column_int64 (stmt, 0),
        .key = (const char *)sqlite3_column_text (stmt, 1),
        .display_name = (const char *)sqlite3_column_text (stmt, 2),
        .position = (const char *)sqlite3_column_text (stmt, 3),
        .company = (const char *)sqlite3_column_text (stmt, 4),
        .location = (const char *)sqlite3_column_text (stmt, 5),
        .profile_url = (const char *)sqlite3_column_text (stmt, 6),
      };

      func (&row, user_data);
    }

  return _circles_store_finish_rows (self, stmt, rc, error);
}

typedef struct
{
  CirclesStoreConnectionFunc func;
  gpointer                   user_data;
} ConnectionAdapter;

static void
adapt_connection (const CirclesConnectionRow *row,
                  gpointer                    user_data)
{
  ConnectionAdapter *adapter = user_data;

  adapter->func (row->a, row->b, row->weight, adapter->user_data);
}

/* The connections with their weight only: a shorter form of
 * circles_store_foreach_connection_row(). */
gboolean
circles_store_foreach_connection (CirclesStore                *self,
                                  CirclesStoreConnectionFunc   func,
                                  gpointer                     user_data,
                                  GError                     **error)
{
  ConnectionAdapter adapter = { func, user_data };

  g_return_val_if_fail (func != NULL, FALSE);

  return circles_store_foreach_connection_row (self, adapt_connection, &adapter, error);
}

static gboolean
foreach_id (CirclesStore        *self,
            const char          *sql,
            gint64               param,
            CirclesStoreIdFunc   func,
            gpointer             user_data,
            GError             **error)
{
  sqlite3_stmt *stmt = _circles_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, param);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    func (sqlite3_column_int64 (stmt, 0), user_data);

  return _circles_store_finish_rows (self, stmt, rc, error);
}

gboolean
circles_store_foreach_connection_of (CirclesStore        *self,
                                     gint64               person,
                                     CirclesStoreIdFunc   func,
                                     gpointer             user_data,
                                     GError             **error)
{
  g_return_val_if_fail (CIRCLES_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (self->in_transaction && !_circles_store_flush_connections (self, error))
    return FALSE;
  return foreach_id (self,
                     "SELECT b FROM connections WHERE a = ?1"
                     " UNION ALL SELECT a FROM connections WHERE b = ?1",
                     person, func, user_data, error);
}

gboolean
circles_store_foreach_follower (CirclesStore        *self,
                                gint64               followed,
                                CirclesStoreIdFunc   func,
                                gpointer             user_data,
                                GError             **error)
{
  g_return_val_if_fail (CIRCLES_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  return foreach_id (self, "SELECT follower FROM follows WHERE followed = ?1",
                     followed, func, user_data, error);
}

gboolean
circles_store_foreach_group_fellow (CirclesStore        *self,
                                    gint64               person,
                                    CirclesStoreIdFunc   func,
                                    gpointer             user_data,
                                    GError             **error)
{
  g_return_val_if_fail (CIRCLES_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  return foreach_id (self,
                     "SELECT DISTINCT m2.person FROM memberships m1"
                     " JOIN memberships m2 ON m2.group_id = m1.group_id"
                     " WHERE m1.person = ?1 AND m2.person <> ?1",
                     person, func, user_data, error);
}

/* Every group membership, as (group name, person id). */
gboolean
circles_store_foreach_membership (CirclesStore                *self,
                                  CirclesStoreMembershipFunc   func,
                                  gpointer                     user_data,
                                  GError                     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CIRCLES_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  stmt = _circles_store_prepare (self,
                  "SELECT g.name, m.person FROM memberships m"
                  " JOIN member_groups g ON g.id = m.group_id",
                  error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    func ((const char *)sqlite3_column_text (stmt, 0),
          sqlite3_column_int64 (stmt, 1), user_data);

  return _circles_store_finish_rows (self, stmt, rc, error);
}

gboolean
circles_store_foreach_connection_row (CirclesStore                   *self,
                                      CirclesStoreConnectionRowFunc   func,
                                      gpointer                        user_data,
                                      GError                        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (CIRCLES_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  if (self->in_transaction && !_circles_store_flush_connections (self, error))
    return FALSE;

  stmt = _circles_store_prepare (self, "SELECT a, b, strength, rating, since FROM connections", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CirclesConnectionRow row = {
        .a = sqlite3_column_int64 (stmt, 0),
        .b = sqlite3_column_int64 (stmt, 1),
        .weight = sqlite3_column_type (stmt, 2) != SQLITE_NULL ? sqlite3_column_double (stmt, 2) : -1,
        .rating = sqlite3_column_int (stmt, 3),
        .since = (const char *)sqlite3_column_text (stmt, 4),
      };

      func (&row, user_data);
    }

  return _circles_store_finish_rows (self, stmt, rc, error);
}
