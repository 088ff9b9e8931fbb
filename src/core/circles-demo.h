/* circles-demo.h: a deterministic demo network
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "circles-store.h"

G_BEGIN_DECLS

#define CIRCLES_DEMO_MIN_PEOPLE 100u
#define CIRCLES_DEMO_MAX_PEOPLE 1000000u

/* Fills @store (in one transaction) with @n_people people, me included,
 * the same for the same @seed on every machine. */
gboolean circles_demo_generate (CirclesStore  *store,
                                guint          n_people,
                                guint64        seed,
                                GCancellable  *cancellable,
                                GError       **error);

G_END_DECLS
