/* test-crash.c: a headless import killed at random moments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "circles import" of a large edge list, of a colleague's export named
 * as theirs, and "circles forget" of a large import are killed with
 * SIGKILL at a random moment of their run, again and again: every time
 * the database must pass PRAGMA integrity_check and hold exactly what it
 * held before the command, or exactly what the whole command gives,
 * never half of it.
 * The kill times are spread over the import's duration, measured once.
 * The seed is printed; CIRCLES_TEST_SEED replays a run.
 */
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "circles-store.h"
#include "circles-test-util.h"
#include "robust-util.h"

#define N_KILLS 50

/* The file killed in the middle: new people, and connections that
 * change the strength of those the database already holds. */
#define BIG_PEOPLE 30000
#define BIG_EDGES  80000

typedef struct
{
  char *dir;
  char *base_db;    /* the state before */
  char *after_db;   /* the state after a whole import */
  char *big;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *base_csv = NULL;
  g_autofree char *integrity = NULL;
  g_autofree char *err = NULL;

  f->dir = circles_test_make_tmpdir ();
  f->base_db = g_build_filename (f->dir, "base.db", NULL);
  f->after_db = g_build_filename (f->dir, "after.db", NULL);
  f->big = g_build_filename (f->dir, "big.csv", NULL);
  base_csv = g_build_filename (f->dir, "base.csv", NULL);

  /* The same people prefix: the big file meets people of the base. */
  robust_write_edges (base_csv, "p", 300, 3000, 6000, 1);
  robust_write_edges (f->big, "p", 1000, BIG_PEOPLE, BIG_EDGES, 2);

  g_assert_cmpint (circles_test_run_cli (f->base_db, NULL, &err, "import", base_csv,
                                   "--me", "me", NULL), ==, 0);
  (void) integrity;
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_free (f->dir);
  g_free (f->base_db);
  g_free (f->after_db);
  g_free (f->big);
}

static GPid
spawn_command (const char         *db,
               const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GPid pid = 0;

  g_ptr_array_add (argv, (char *) CIRCLES_BINARY);
  g_ptr_array_add (argv, (char *) "--db");
  g_ptr_array_add (argv, (char *) db);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_async (NULL, (char **) argv->pdata, NULL,
                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL |
                 G_SPAWN_STDERR_TO_DEV_NULL,
                 NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  return pid;
}

/* Runs @args to its end as the kills will (output to /dev/null); returns
 * how long it took. */
static gint64
run_command (const char         *db,
             const char * const *args)
{
  gint64 start = g_get_monotonic_time ();
  GPid pid = spawn_command (db, args);
  int wait_status = 0;
  gint64 took;

  g_assert_cmpint (waitpid (pid, &wait_status, 0), ==, pid);
  took = g_get_monotonic_time () - start;
  g_spawn_close_pid (pid);
  if (!WIFEXITED (wait_status) || WEXITSTATUS (wait_status) != 0)
    g_error ("%s failed (wait status %d)", args[0], wait_status);
  return took;
}

/* Kills "circles --db COPY ARGS…" N_KILLS times at random moments, each
 * on a fresh copy of @start_db: the database is always the one before
 * or the one after the whole command. */
static void
kill_runs (Fixture            *f,
           const char         *start_db,
           const char * const *args)
{
  g_autofree char *work = g_build_filename (f->dir, "work.db", NULL);
  g_autofree char *integrity = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint32 seed = robust_seed ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guint n_before = 0, n_after = 0, n_killed = 0, n_finished = 0;
  gint64 duration;

  before = robust_db_digest (start_db, &integrity);
  g_assert_nonnull (before);
  g_assert_cmpstr (integrity, ==, "ok");

  /* The whole command: the state after, and how long it takes at the
   * quickest of three runs (on a loaded machine a slow measure would put
   * most kills after the end). */
  duration = G_MAXINT64;
  for (guint run = 0; run < 3; run++)
    {
      gint64 took;

      robust_copy_db (start_db, f->after_db);
      took = run_command (f->after_db, args);  /* once: MIN() evaluates twice */
      duration = MIN (duration, took);
    }
  after = robust_db_digest (f->after_db, &integrity);
  g_assert_nonnull (after);
  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_cmpstr (after, !=, before);
  g_test_message ("%s takes %.0f ms", args[0], duration / 1000.0);

  for (guint i = 0; i < N_KILLS; i++)
    {
      g_autofree char *digest = NULL;
      g_autofree char *check = NULL;
      /* Most kills within the command; a few just after its end. */
      gint64 delay = (gint64) (g_rand_double (rand) * 1.1 * duration);
      int wait_status = 0;
      GPid pid;

      gint64 spawned;
      pid_t done = 0;

      robust_copy_db (start_db, work);
      spawned = g_get_monotonic_time ();
      pid = spawn_command (work, args);
      /* Waits for the moment of the kill, watching whether the command
       * ends first: then it is quicker than measured (the machine is
       * less loaded now), and the next delays are drawn from its time. */
      while (g_get_monotonic_time () - spawned < delay &&
             (done = waitpid (pid, &wait_status, WNOHANG)) == 0)
        g_usleep (500);
      if (done == pid)
        duration = MIN (duration, g_get_monotonic_time () - spawned);
      else
        {
          kill (pid, SIGKILL);
          g_assert_cmpint (waitpid (pid, &wait_status, 0), ==, pid);
        }
      g_spawn_close_pid (pid);

      if (WIFSIGNALED (wait_status) && WTERMSIG (wait_status) == SIGKILL)
        n_killed++;
      else
        {
          g_assert_true (WIFEXITED (wait_status));
          g_assert_cmpint (WEXITSTATUS (wait_status), ==, 0);
          n_finished++;
        }

      digest = robust_db_digest (work, &check);
      if (digest == NULL || g_strcmp0 (check, "ok") != 0 ||
          (g_strcmp0 (digest, before) != 0 && g_strcmp0 (digest, after) != 0))
        g_error ("%s: kill %u after %" G_GINT64_FORMAT " µs (seed %u): integrity %s, "
                 "digest %s, neither before %s nor after %s",
                 args[0], i, delay, seed, check, digest, before, after);

      if (g_str_equal (digest, before))
        n_before++;
      else
        n_after++;

      /* The program opens the file again and carries on from there. */
      if (i % 10 == 0)
        {
          g_autofree char *out = NULL;

          g_assert_cmpint (circles_test_run_cli (work, &out, NULL, "stats", "--json", NULL), ==, 0);
          g_assert_nonnull (strstr (out, "\"me\" : \"me\""));
        }
    }

  g_test_message ("%u runs: %u killed, %u finished first; %u left the state before, "
                  "%u the state after", N_KILLS, n_killed, n_finished, n_before, n_after);
  g_assert_cmpuint (n_before + n_after, ==, N_KILLS);
  /* The kills did land in the middle of the commands. */
  g_assert_cmpuint (n_killed, >=, N_KILLS / 2);
}

static void
test_crash_kill_import (Fixture       *f,
                        gconstpointer  data)
{
  const char *args[] = { "import", f->big, NULL };

  kill_runs (f, f->base_db, args);
}

/* A colleague's export, named as theirs. */
static void
test_crash_kill_owner_import (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *theirs = g_build_filename (f->dir, "Connections.csv", NULL);
  g_autoptr(GString) csv = g_string_new ("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n");
  const char *args[] = { "import", theirs, "--owner", "p1", NULL };

  for (guint i = 0; i < BIG_PEOPLE; i++)
    g_string_append_printf (csv, "Q%u,Colleague,https://www.linkedin.com/in/q%u,,Company %u,Role,%u Mar 2024\n",
                            i, i, i % 97, 1 + i % 28);
  g_assert_true (g_file_set_contents (theirs, csv->str, csv->len, NULL));
  kill_runs (f, f->base_db, args);
}

/* Taking the big import back. */
static void
test_crash_kill_forget (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *imported = g_build_filename (f->dir, "imported.db", NULL);
  g_autofree char *out = NULL;
  const char *args[] = { "forget", "2", NULL };

  robust_copy_db (f->base_db, imported);
  g_assert_cmpint (circles_test_run_cli (imported, NULL, NULL, "import", f->big, NULL), ==, 0);
  /* The base is import 1, the big file import 2. */
  g_assert_cmpint (circles_test_run_cli (imported, &out, NULL, "sources", "--json", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\"id\" : 2"));
  kill_runs (f, imported, args);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/crash/kill-import", Fixture, NULL,
              fixture_setup, test_crash_kill_import, fixture_teardown);
  g_test_add ("/crash/kill-owner-import", Fixture, NULL,
              fixture_setup, test_crash_kill_owner_import, fixture_teardown);
  g_test_add ("/crash/kill-forget", Fixture, NULL,
              fixture_setup, test_crash_kill_forget, fixture_teardown);

  return g_test_run ();
}
