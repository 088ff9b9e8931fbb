/* test-writers.c: the app and a headless import on one database at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The app side is the real one: a CirclesSession (what the window
 * drives) loads the database and imports into it in its worker thread,
 * while "circles import" runs on the same file. Both succeed, or the
 * one that could not write says clearly that the database is busy; the
 * file is sound and holds exactly the imports that succeeded.
 */
#include <gio/gio.h>
#include <string.h>

#include "circles-session.h"
#include "circles-store.h"
#include "circles-test-util.h"
#include "robust-util.h"

#define WAIT_TIMEOUT_SECONDS 120
#define N_ROUNDS 10

typedef struct
{
  char           *dir;
  char           *db;
  CirclesSession *session;
} Fixture;

static gboolean
timeout_cb (gpointer user_data)
{
  g_error ("Timed out waiting for %s", (const char *) user_data);
  return G_SOURCE_REMOVE;
}

static void
wait_until (gboolean   *done,
            const char *what)
{
  guint id = g_timeout_add_seconds (WAIT_TIMEOUT_SECONDS, timeout_cb, (gpointer) what);

  while (!*done)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (id);
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  circles_session_load_finish (CIRCLES_SESSION (object), result, &error);
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *base = NULL;
  gboolean done = FALSE;

  f->dir = circles_test_make_tmpdir ();
  f->db = g_build_filename (f->dir, "network.db", NULL);
  base = g_build_filename (f->dir, "base.csv", NULL);
  robust_write_edges (base, "base", 100, 1000, 2000, 1);
  g_assert_cmpint (circles_test_run_cli (f->db, NULL, NULL, "import", base, "--me", "me", NULL), ==, 0);

  f->session = circles_session_new (f->db);
  circles_session_load_async (f->session, NULL, load_cb, &done);
  wait_until (&done, "the first load");
  g_assert_cmpint (circles_session_get_state (f->session), ==, CIRCLES_SESSION_STATE_READY);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_false (circles_session_get_busy (f->session));
  circles_test_finalize (f->session);
  g_free (f->db);
  g_free (f->dir);
}

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *error;
} SessionImport;

static void
session_import_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  SessionImport *import = user_data;

  import->ok = circles_session_import_finish (CIRCLES_SESSION (object), result,
                                              NULL, &import->error);
  import->done = TRUE;
}

typedef struct
{
  gboolean  done;
  int       status;
  char     *out;
  char     *err;
} CliImport;

static void
cli_import_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GSubprocess *process = G_SUBPROCESS (object);
  CliImport *import = user_data;
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8_finish (process, result, &import->out, &import->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  import->status = g_subprocess_get_exit_status (process);
  import->done = TRUE;
}

static GSubprocess *
start_cli_import (const char *db,
                  const char *file,
                  CliImport  *import)
{
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                              &error, CIRCLES_BINARY, "--db", db, "import", file, NULL);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (process, NULL, NULL, cli_import_cb, import);
  return process;
}

/* Whether the database has the person @key (a fresh connection). */
static gboolean
has_person (const char *db,
            const char *key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirclesStore) store = circles_store_open (db, &error);

  g_assert_no_error (error);
  return circles_store_lookup_person (store, key) > 0;
}

static void
test_writers_together (Fixture       *f,
                       gconstpointer  data)
{
  guint32 seed = robust_seed ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guint n_both = 0, n_busy = 0;

  for (guint round = 0; round < N_ROUNDS; round++)
    {
      g_autofree char *cli_prefix = g_strdup_printf ("cli%u_", round);
      g_autofree char *app_prefix = g_strdup_printf ("app%u_", round);
      g_autofree char *cli_file = g_strdup_printf ("%s/%s.csv", f->dir, cli_prefix);
      g_autofree char *app_file = g_strdup_printf ("%s/%s.csv", f->dir, app_prefix);
      g_autofree char *cli_key = g_strconcat (cli_prefix, "0", NULL);
      g_autofree char *app_key = g_strconcat (app_prefix, "0", NULL);
      g_autofree char *integrity = NULL;
      g_autofree char *digest = NULL;
      g_autoptr(GSubprocess) process = NULL;
      SessionImport app = { 0 };
      CliImport cli = { 0 };
      gboolean app_first = g_rand_boolean (rand);
      gulong delay = g_rand_int_range (rand, 0, 150000);

      robust_write_edges (cli_file, cli_prefix, 200, 10000, 20000, seed + round);
      robust_write_edges (app_file, app_prefix, 200, 10000, 20000, seed + round + 100);

      /* One starts, the other one a moment later. */
      if (app_first)
        circles_session_import_async (f->session, app_file, CIRCLES_IMPORT_FORMAT_AUTO,
                                      NULL, session_import_cb, &app);
      else
        process = start_cli_import (f->db, cli_file, &cli);
      g_usleep (delay);
      if (app_first)
        process = start_cli_import (f->db, cli_file, &cli);
      else
        circles_session_import_async (f->session, app_file, CIRCLES_IMPORT_FORMAT_AUTO,
                                      NULL, session_import_cb, &app);

      wait_until (&app.done, "the app's import");
      wait_until (&cli.done, "the headless import");

      g_test_message ("round %u (%s first, %lu µs apart): app %s, cli exit %d %s",
                      round, app_first ? "app" : "cli", delay,
                      app.ok ? "ok" : app.error->message, cli.status, cli.err);

      /* Each succeeded, or says that the database is busy. */
      if (!app.ok)
        {
          g_assert_error (app.error, CIRCLES_STORE_ERROR, CIRCLES_STORE_ERROR_BUSY);
          g_assert_nonnull (strstr (app.error->message, "busy"));
        }
      if (cli.status != 0)
        {
          g_assert_cmpint (cli.status, ==, 1);
          g_assert_nonnull (strstr (cli.err, "busy"));
        }
      if (app.ok && cli.status == 0)
        n_both++;
      else
        n_busy++;

      /* Sound, with exactly what succeeded. */
      digest = robust_db_digest (f->db, &integrity);
      g_assert_nonnull (digest);
      g_assert_cmpstr (integrity, ==, "ok");
      g_assert_cmpint (has_person (f->db, app_key), ==, app.ok);
      g_assert_cmpint (has_person (f->db, cli_key), ==, cli.status == 0);

      /* The app shows its own import. */
      g_assert_cmpint (circles_session_get_state (f->session), ==, CIRCLES_SESSION_STATE_READY);
      if (app.ok)
        g_assert_cmpuint (circles_network_lookup (circles_session_get_network (f->session), app_key),
                          !=, CIRCLES_NO_PERSON);

      g_clear_error (&app.error);
      g_free (cli.out);
      g_free (cli.err);
    }

  g_test_message ("%u rounds: %u with both imports done, %u with one busy",
                  N_ROUNDS, n_both, n_busy);
}

/* Another program holds the write lock longer than the store waits:
 * the headless import and the app's import both say busy, and change
 * nothing. */
static void
test_writers_lock_held (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *file = g_build_filename (f->dir, "more.csv", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *integrity = NULL;
  g_autoptr(CirclesStore) holder = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  SessionImport app = { 0 };
  CliImport cli = { 0 };
  gint64 start;

  robust_write_edges (file, "more", 10, 100, 100, 7);
  before = robust_db_digest (f->db, &integrity);
  g_assert_cmpstr (integrity, ==, "ok");

  holder = circles_store_open (f->db, &error);
  g_assert_no_error (error);
  g_assert_true (circles_store_begin (holder, &error));
  g_assert_no_error (error);
  g_assert_cmpint (circles_store_ensure_person (holder, "held", &error), >, 0);
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  process = start_cli_import (f->db, file, &cli);
  circles_session_import_async (f->session, file, CIRCLES_IMPORT_FORMAT_AUTO,
                                NULL, session_import_cb, &app);
  wait_until (&cli.done, "the headless import");
  wait_until (&app.done, "the app's import");
  g_test_message ("both gave up after %.1f s: %s / %s",
                  (g_get_monotonic_time () - start) / 1e6, app.error->message, cli.err);

  g_assert_cmpint (cli.status, ==, 1);
  g_assert_nonnull (strstr (cli.err, "busy"));
  g_assert_false (app.ok);
  g_assert_error (app.error, CIRCLES_STORE_ERROR, CIRCLES_STORE_ERROR_BUSY);
  /* The app still shows the network it had. */
  g_assert_cmpint (circles_session_get_state (f->session), ==, CIRCLES_SESSION_STATE_READY);
  g_assert_nonnull (circles_session_get_network (f->session));

  circles_store_rollback (holder);
  g_clear_object (&holder);
  after = robust_db_digest (f->db, &integrity);
  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_cmpstr (after, ==, before);

  g_clear_error (&app.error);
  g_free (cli.out);
  g_free (cli.err);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/writers/together", Fixture, NULL,
              fixture_setup, test_writers_together, fixture_teardown);
  g_test_add ("/writers/lock-held", Fixture, NULL,
              fixture_setup, test_writers_lock_held, fixture_teardown);

  return g_test_run ();
}
