/* bench-util.c: helpers shared by the benchmarks under tests/bench
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sys/wait.h>

#include "bench-util.h"
#include "circles-layout.h"

double
bench_now (void)
{
  return g_get_monotonic_time () / (double) G_USEC_PER_SEC;
}

gboolean
bench_twopi_command (CirclesNetwork  *network,
                     const char      *dir,
                     guint            timeout_seconds,
                     double          *seconds,
                     gboolean        *timed_out,
                     GError         **error)
{
  g_autofree char *gv = g_build_filename (dir, "rings.gv", NULL);
  g_autofree char *limit = g_strdup_printf ("%u", timeout_seconds);
  const char *plain[] = { "twopi", "-Tplain", "-o", "/dev/null", gv, NULL };
  const char *limited[] = { "timeout", limit, "twopi", "-Tplain", "-o", "/dev/null", gv, NULL };
  int status = 0;
  double begin;
  gboolean ok;

  if (timed_out != NULL)
    *timed_out = FALSE;
  if (!circles_layout_write_twopi_graph (network, gv, error))
    return FALSE;

  begin = bench_now ();
  ok = g_spawn_sync (NULL, (char **) (timeout_seconds > 0 ? limited : plain), NULL,
                     G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, error);
  *seconds = bench_now () - begin;
  g_unlink (gv);
  if (!ok)
    return FALSE;

  /* timeout(1) exits with 124 when it stopped the command. */
  if (timeout_seconds > 0 && WIFEXITED (status) && WEXITSTATUS (status) == 124)
    {
      if (timed_out != NULL)
        *timed_out = TRUE;
      return TRUE;
    }
  return g_spawn_check_wait_status (status, error);
}
