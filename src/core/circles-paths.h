/* circles-paths.h: the chains from me to a prospect, warmest first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "circles-network.h"

G_BEGIN_DECLS

typedef struct
{
  double  warmth;   /* product of the strengths along the chain */
  guint   length;   /* number of people, me and the target included */
  guint32 people[CIRCLES_MAX_DEGREE + 1];
} CirclesChain;

typedef struct
{
  guint    target;
  guint    degree;        /* 1..3, or CIRCLES_DEGREE_BEYOND */
  guint64  chains_total;  /* every shortest chain, counted */
  GArray  *chains;        /* of CirclesChain, warmest first, ties by keys */
  GArray  *mutual;        /* of guint32: for a 2nd-degree target, the
                           * 1st-degree people it is connected to,
                           * warmest first; else empty */
} CirclesPaths;

CirclesPaths *circles_paths_find (CirclesNetwork *network,
                                  guint           target,
                                  guint           limit);
void          circles_paths_free (CirclesPaths   *paths);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CirclesPaths, circles_paths_free)

G_END_DECLS
