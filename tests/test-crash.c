/* test-crash.c: a headless import killed at random moments
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "circles import" of a large edge list is killed with SIGKILL at a
 * random moment of its run, again and again: every time the database
 * must pass PRAGMA integrity_check and hold exactly what it held before
 * the import, or exactly what the whole import gives, never half of it.
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
  char *before;     /* digests */
  char *after;
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
  f->before = robust_db_digest (f->base_db, &integrity);
  g_assert_nonnull (f->before);
  g_assert_cmpstr (integrity, ==, "ok");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_free (f->dir);
  g_free (f->base_db);
  g_free (f->after_db);
  g_free (f->big);
  g_free (f->before);
  g_free (f->after);
}

static GPid
spawn_import (const char *db,
              const char *file)
{
  const char *argv[] = { CIRCLES_BINARY, "--db", db, "import", file, NULL };
  g_autoptr(GError) error = NULL;
  GPid pid = 0;

  g_spawn_async (NULL, (char **) argv, NULL,
                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL |
                 G_SPAWN_STDERR_TO_DEV_NULL,
                 NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  return pid;
}

static void
test_crash_kill_import (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *work = g_build_filename (f->dir, "work.db", NULL);
  g_autofree char *integrity = NULL;
  guint32 seed = robust_seed ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guint n_before = 0, n_after = 0, n_killed = 0, n_finished = 0;
  gint64 start, duration;
  int status;

  /* The whole import: the state after, and how long it takes at the
   * quickest of three runs (on a loaded machine a slow measure would put
   * most kills after the end). */
  duration = G_MAXINT64;
  for (guint run = 0; run < 3; run++)
    {
      robust_copy_db (f->base_db, f->after_db);
      start = g_get_monotonic_time ();
      status = circles_test_run_cli (f->after_db, NULL, NULL, "import", f->big, NULL);
      duration = MIN (duration, g_get_monotonic_time () - start);
      g_assert_cmpint (status, ==, 0);
    }
  f->after = robust_db_digest (f->after_db, &integrity);
  g_assert_nonnull (f->after);
  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_cmpstr (f->after, !=, f->before);
  g_test_message ("a whole import takes %.0f ms", duration / 1000.0);

  for (guint i = 0; i < N_KILLS; i++)
    {
      g_autofree char *digest = NULL;
      g_autofree char *check = NULL;
      /* Most kills within the import; a few just after its end. */
      gint64 delay = (gint64) (g_rand_double (rand) * 1.3 * duration);
      int wait_status = 0;
      GPid pid;

      robust_copy_db (f->base_db, work);
      pid = spawn_import (work, f->big);
      g_usleep (delay);
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &wait_status, 0), ==, pid);
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
          (g_strcmp0 (digest, f->before) != 0 && g_strcmp0 (digest, f->after) != 0))
        g_error ("kill %u after %" G_GINT64_FORMAT " µs (seed %u): integrity %s, "
                 "digest %s, neither before %s nor after %s",
                 i, delay, seed, check, digest, f->before, f->after);

      if (g_str_equal (digest, f->before))
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
  /* The kills did land in the middle of imports. */
  g_assert_cmpuint (n_killed, >=, N_KILLS / 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/crash/kill-import", Fixture, NULL,
              fixture_setup, test_crash_kill_import, fixture_teardown);

  return g_test_run ();
}
