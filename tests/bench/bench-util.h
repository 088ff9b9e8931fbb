/* bench-util.h: helpers shared by the benchmarks under tests/bench
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "circles-network.h"

G_BEGIN_DECLS

/* Monotonic time in seconds. */
double   bench_now           (void);

/* Writes the ring graph twopi is given for @network into @dir, then
 * times the `twopi` command on it (layout only: -Tplain to /dev/null).
 * With @timeout_seconds > 0 the command runs under timeout(1) and
 * @timed_out tells whether it was stopped. The graph is removed. */
gboolean bench_twopi_command (CirclesNetwork  *network,
                              const char      *dir,
                              guint            timeout_seconds,
                              double          *seconds,
                              gboolean        *timed_out,
                              GError         **error);

G_END_DECLS
