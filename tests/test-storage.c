/* test-storage.c: a full disk and a read-only database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "circles import" into a database that cannot grow (a file size limit,
 * a full file system) or cannot be written (a read-only file system, or
 * file modes when not root): each time a clear error that names the
 * file, exit status 1 (a failure while working), and the database holds
 * what it held before, byte for byte where nothing could be written.
 *
 * A full and a read-only file system are made in a private mount
 * namespace (unshare), so that they vanish with the test; that needs
 * root, and the cases are skipped, with the reason, where it fails.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <glib/gstdio.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <unistd.h>

#include "circles-test-util.h"
#include "robust-util.h"

typedef struct
{
  char *dir;
  char *db;
  char *big;
  char *before;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *small = NULL;
  g_autofree char *integrity = NULL;

  f->dir = circles_test_make_tmpdir ();
  f->db = g_build_filename (f->dir, "network.db", NULL);
  f->big = g_build_filename (f->dir, "big.csv", NULL);
  small = g_build_filename (f->dir, "small.csv", NULL);

  robust_write_edges (small, "p", 50, 200, 300, 1);
  robust_write_edges (f->big, "p", 500, 20000, 30000, 2);

  g_assert_cmpint (circles_test_run_cli (f->db, NULL, NULL, "import", small, "--me", "me", NULL), ==, 0);
  f->before = robust_db_digest (f->db, &integrity);
  g_assert_nonnull (f->before);
  g_assert_cmpstr (integrity, ==, "ok");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_free (f->dir);
  g_free (f->db);
  g_free (f->big);
  g_free (f->before);
}

/* The database holds what it held before, soundly. */
static void
assert_unchanged (const char *db,
                  const char *before)
{
  g_autofree char *integrity = NULL;
  g_autofree char *digest = robust_db_digest (db, &integrity);

  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_cmpstr (digest, ==, before);
}

/* A clear message: it names the file and is not SQLite's "not an error". */
static void
assert_clear_error (const char *err,
                    const char *db,
                    const char *expected)
{
  g_autofree char *name = g_path_get_basename (db);

  g_test_message ("stderr: %s", err);
  g_assert_nonnull (strstr (err, name));
  g_assert_null (strstr (err, "not an error"));
  if (expected != NULL)
    g_assert_nonnull (strstr (err, expected));
}

/* Mounts made by this process from now on are its own. */
static gboolean
private_mounts (char **reason)
{
  static int done = -1;
  static char *why = NULL;

  if (done < 0)
    {
      if (unshare (CLONE_NEWNS) != 0)
        why = g_strdup_printf ("cannot make a mount namespace: %s", g_strerror (errno));
      else if (mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0)
        why = g_strdup_printf ("cannot make the mounts private: %s", g_strerror (errno));
      done = why == NULL;
    }
  if (!done)
    *reason = g_strdup (why);
  return done;
}

static void
limit_file_size_cb (gpointer user_data)
{
  struct rlimit limit;

  limit.rlim_cur = limit.rlim_max = GPOINTER_TO_SIZE (user_data);
  setrlimit (RLIMIT_FSIZE, &limit);
  /* Writes past the limit fail with EFBIG instead of killing. */
  signal (SIGXFSZ, SIG_IGN);
}

static void
test_file_size_limit (Fixture       *f,
                      gconstpointer  data)
{
  const char *args[] = { "import", f->big, NULL };
  g_autofree char *err = NULL;
  gsize limit = (gsize) robust_file_size (f->db) + 64 * 1024;

  g_assert_cmpint (circles_test_run_cliv (f->db, args, limit_file_size_cb, GSIZE_TO_POINTER (limit),
                                    NULL, &err), ==, 1);
  assert_clear_error (err, f->db, NULL);
  assert_unchanged (f->db, f->before);

  /* Without the limit, the same import goes through. */
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (circles_test_run_cli (f->db, NULL, &err, "import", f->big, NULL), ==, 0);
}

static void
test_full_disk (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *reason = NULL;
  g_autofree char *mnt = g_build_filename (f->dir, "small-disk", NULL);
  g_autofree char *db = g_build_filename (mnt, "network.db", NULL);
  g_autofree char *err = NULL;
  g_autofree char *options = NULL;
  g_autofree char *out = NULL;

  if (!private_mounts (&reason))
    {
      g_test_skip (reason);
      return;
    }

  g_assert_cmpint (g_mkdir (mnt, 0700), ==, 0);
  /* Room for the database, not for what the import adds. */
  options = g_strdup_printf ("size=%" G_GINT64_FORMAT, robust_file_size (f->db) + 96 * 1024);
  if (mount ("circles-test", mnt, "tmpfs", 0, options) != 0)
    {
      g_autofree char *why = g_strdup_printf ("cannot mount a small tmpfs: %s", g_strerror (errno));

      g_test_skip (why);
      return;
    }

  robust_copy_db (f->db, db);
  g_assert_cmpint (circles_test_run_cli (db, NULL, &err, "import", f->big, NULL), ==, 1);
  assert_clear_error (err, db, "full");
  assert_unchanged (db, f->before);

  /* The database still opens, with its network. */
  g_assert_cmpint (circles_test_run_cli (db, &out, NULL, "stats", "--json", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"me\" : \"me\""));

  g_assert_cmpint (umount2 (mnt, MNT_DETACH), ==, 0);
}

/* Makes @dir (and what it holds) read-only for the CLI: a read-only
 * bind mount as root, file modes otherwise. */
static gboolean
make_read_only (const char  *dir,
                const char  *db,
                char       **reason)
{
  if (geteuid () != 0)
    {
      g_assert_cmpint (g_chmod (db, 0444), ==, 0);
      g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
      return TRUE;
    }

  /* Root writes whatever the modes say. */
  if (!private_mounts (reason))
    return FALSE;
  if (mount (dir, dir, NULL, MS_BIND, NULL) != 0 ||
      mount (NULL, dir, NULL, MS_REMOUNT | MS_BIND | MS_RDONLY, NULL) != 0)
    {
      *reason = g_strdup_printf ("cannot make a read-only bind mount: %s", g_strerror (errno));
      return FALSE;
    }
  return TRUE;
}

static void
undo_read_only (const char *dir,
                const char *db)
{
  if (geteuid () != 0)
    {
      g_chmod (dir, 0700);
      g_chmod (db, 0644);
    }
  else
    g_assert_cmpint (umount2 (dir, MNT_DETACH), ==, 0);
}

static void
test_read_only (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *reason = NULL;
  g_autofree char *ro = g_build_filename (f->dir, "read-only", NULL);
  g_autofree char *db = g_build_filename (ro, "network.db", NULL);
  g_autoptr(GBytes) bytes_before = NULL;
  g_autoptr(GBytes) bytes_after = NULL;
  g_autofree char *err = NULL;

  g_assert_cmpint (g_mkdir (ro, 0700), ==, 0);
  robust_copy_db (f->db, db);
  bytes_before = circles_test_read_bytes (db);

  if (!make_read_only (ro, db, &reason))
    {
      g_test_skip (reason);
      return;
    }

  /* Nothing but the database in the folder: SQLite cannot even make
   * the -shm file it needs to read a WAL database. */
  g_assert_cmpint (circles_test_run_cli (db, NULL, &err, "import", f->big, NULL), ==, 1);
  assert_clear_error (err, db, "read-only");

  bytes_after = circles_test_read_bytes (db);
  g_assert_true (g_bytes_equal (bytes_before, bytes_after));

  undo_read_only (ro, db);
  assert_unchanged (db, f->before);
}

/* Root: a database file that cannot be written, in a folder that can;
 * chattr +i where the file system has it. */
static void
test_immutable_file (Fixture       *f,
                     gconstpointer  data)
{
  const char *chattr_on[] = { "chattr", "+i", f->db, NULL };
  const char *chattr_off[] = { "chattr", "-i", f->db, NULL };
  g_autoptr(GBytes) bytes_before = circles_test_read_bytes (f->db);
  g_autoptr(GBytes) bytes_after = NULL;
  g_autofree char *err = NULL;
  g_autofree char *out = NULL;
  int wait_status = 0;

  if (geteuid () != 0)
    {
      g_test_skip ("not root: file modes make the file read-only (see /storage/read-only)");
      return;
    }
  if (!g_spawn_sync (NULL, (char **) chattr_on, NULL,
                     G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &wait_status, NULL) ||
      !g_spawn_check_wait_status (wait_status, NULL))
    {
      g_test_skip ("chattr +i is not available here");
      return;
    }

  g_assert_cmpint (circles_test_run_cli (f->db, NULL, &err, "import", f->big, NULL), ==, 1);
  assert_clear_error (err, f->db, "read-only");
  /* Reading still works. */
  g_assert_cmpint (circles_test_run_cli (f->db, &out, NULL, "stats", "--json", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"me\" : \"me\""));

  g_assert_true (g_spawn_sync (NULL, (char **) chattr_off, NULL, G_SPAWN_SEARCH_PATH,
                               NULL, NULL, NULL, NULL, &wait_status, NULL));
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  bytes_after = circles_test_read_bytes (f->db);
  g_assert_true (g_bytes_equal (bytes_before, bytes_after));
  assert_unchanged (f->db, f->before);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/storage/file-size-limit", Fixture, NULL,
              fixture_setup, test_file_size_limit, fixture_teardown);
  g_test_add ("/storage/full-disk", Fixture, NULL,
              fixture_setup, test_full_disk, fixture_teardown);
  g_test_add ("/storage/read-only", Fixture, NULL,
              fixture_setup, test_read_only, fixture_teardown);
  g_test_add ("/storage/immutable-file", Fixture, NULL,
              fixture_setup, test_immutable_file, fixture_teardown);

  return g_test_run ();
}
