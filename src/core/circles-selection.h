/* circles-selection.h: the person selected, the chains to them, and the
 * names along them, as every output draws them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "circles-network.h"
#include "circles-paths.h"
#include "circles-scene.h"

G_BEGIN_DECLS

/* Chains drawn from me to the selected person, on the screen and in an
 * export alike; the warmest first. */
#define CIRCLES_SELECTION_MAX_CHAINS   50
/* Chains whose people are named (the chosen one first). */
#define CIRCLES_SELECTION_NAMED_CHAINS 6
/* How much the rest of the picture fades behind a selection. */
#define CIRCLES_SELECTION_DIM_ALPHA    0.62

typedef struct _CirclesSelection CirclesSelection;

/* @person selected in @network: the chains from me to them are found
 * now (up to CIRCLES_SELECTION_MAX_CHAINS). */
CirclesSelection   *circles_selection_new          (CirclesNetwork     *network,
                                                    guint               person);
CirclesSelection   *circles_selection_ref          (CirclesSelection   *self);
/* A copy of its own, for another thread: the same chains and choice. */
CirclesSelection   *circles_selection_copy         (const CirclesSelection *self);
void                circles_selection_unref        (CirclesSelection   *self);

guint               circles_selection_get_person   (const CirclesSelection *self);
CirclesNetwork     *circles_selection_get_network  (const CirclesSelection *self);
const CirclesPaths *circles_selection_get_paths    (const CirclesSelection *self);
/* The chains drawn: [0, n), warmest first. */
guint               circles_selection_get_n_chains (const CirclesSelection *self);
const CirclesChain *circles_selection_get_chain    (const CirclesSelection *self,
                                                    guint               index);
/* The chain to follow: @people (me first, the selected person last),
 * or NULL for the warmest. A chain that does not end at the selected
 * person is ignored. */
void                circles_selection_choose       (CirclesSelection   *self,
                                                    const guint32      *people,
                                                    guint               length);
/* The chain to follow, and its index among the chains drawn (G_MAXUINT
 * when it is past them); NULL when there is no chain (me, or nobody
 * reaches them). */
const CirclesChain *circles_selection_get_chosen   (const CirclesSelection *self,
                                                    guint              *index);
/* Whether @person is on a chain drawn (the selected person and me are). */
gboolean            circles_selection_on_chain     (const CirclesSelection *self,
                                                    guint               person);
/* Whether the connection a–b is a step of a chain drawn. */
gboolean            circles_selection_on_chain_link (const CirclesSelection *self,
                                                    guint               a,
                                                    guint               b);

/* A name along the chains, placed for a view: its box and baseline in
 * pixels, its text valid and inert. */
typedef struct
{
  guint32     person;
  gboolean    bold;
  double      size;
  double      x, y, width, height;
  double      baseline_x, baseline_y;
  const char *text;  /* owned by the selection */
} CirclesSelectionLabel;

/* Places the names for @view in @out (of CirclesSelectionLabel): the
 * selected person's (always, inside the view), the chosen chain's, then
 * the warmest others', each only where it covers none placed before. */
void                circles_selection_place_labels (CirclesSelection   *self,
                                                    CirclesScene       *scene,
                                                    const CirclesView  *view,
                                                    GArray             *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CirclesSelection, circles_selection_unref)

G_END_DECLS
