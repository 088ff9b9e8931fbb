/* circles-growth.h: how the network grew, month by month
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "circles-network.h"

G_BEGIN_DECLS

/* The connections made in one month, by the circle they reach: the
 * outer of the rings of their two ends (a connection of mine is in the
 * 1st; one between a 1st- and a 2nd-degree person in the 2nd). */
typedef struct
{
  guint year;
  guint month;       /* 1..12 */
  guint first;
  guint second;
  guint third;
} CirclesGrowthMonth;

/* Every month from the first dated connection on the rings to the last,
 * empty months included; connections without a date, or beyond the
 * 3rd circle, are not counted. Empty when no connection has a date.
 *
 * Returns: (transfer full) (element-type CirclesGrowthMonth) */
GArray *circles_growth_by_circle (CirclesNetwork *network);

G_END_DECLS
