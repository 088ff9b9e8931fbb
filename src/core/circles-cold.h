/* circles-cold.h: the ties going cold, ranked by what they are worth
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "circles-network.h"
#include "circles-store.h"

G_BEGIN_DECLS

/* A 1st-degree connection, as an introducer let go cold. */
typedef struct
{
  guint32  person;
  guint    reach;      /* 2nd- and 3rd-degree people (or prospects)
                        * whose warmest chain starts with them */
  guint    months;     /* since the last message, or since the
                        * connection was made; 0 when neither is known */
  gboolean messaged;   /* months count from the last message */
  guint32  since;      /* the Julian day months count from, 0 if none */
  double   score;      /* reach × months */
} CirclesColdTie;

/* Ranks my 1st-degree connections, the coldest worth first: score
 * (reach × months) down, then reach down, then key. Those who reach
 * nobody are left out.
 *
 * @last_message: per person of @network, the Julian day of our last
 *   message (0: none); NULL when no messages are known
 * @counted: per person, not zero for those the reach counts (the
 *   prospects under a filter); NULL for every 2nd- and 3rd-degree person
 * @today: a Julian day
 *
 * Returns: (transfer full) (element-type CirclesColdTie): the ranking */
GArray *circles_cold_rank (CirclesNetwork *network,
                           const guint32  *last_message,
                           const guint8   *counted,
                           guint32         today);

/* Per person of @network, the Julian day of our last message (0: none),
 * from the interactions @store keeps; NULL on a store error. */
guint32 *circles_cold_read_last_messages (CirclesNetwork  *network,
                                          CirclesStore    *store,
                                          GError         **error);

/* Why @tie ranks where it does: "reaches 41 of your prospects · last
 * message 26 months ago" (of your network's people, unless @prospects). */
char   *circles_cold_tie_describe (const CirclesColdTie *tie,
                                   gboolean              prospects);

G_END_DECLS
