/* circles-prospecting.h: the prospects of a session, and who can introduce them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "circles-prospects.h"
#include "circles-session.h"

G_BEGIN_DECLS

#define CIRCLES_TYPE_PROSPECTING (circles_prospecting_get_type ())

G_DECLARE_FINAL_TYPE (CirclesProspecting, circles_prospecting, CIRCLES, PROSPECTING, GObject)

/* The one of @session, made on first use and kept as long as it. */
CirclesProspecting       *circles_prospecting_get_for_session     (CirclesSession      *session);

/* The filter, in the syntax of circles_prospect_filter_parse(); "" for
 * none. A filter that does not parse is refused and the current one
 * kept. The results follow in a worker thread ("computing"). */
const char               *circles_prospecting_get_filter          (CirclesProspecting  *self);
gboolean                  circles_prospecting_set_filter          (CirclesProspecting  *self,
                                                                   const char          *filter,
                                                                   GError             **error);
gboolean                  circles_prospecting_get_computing       (CirclesProspecting  *self);
/* Why the results match nobody: the database could not be read for the
 * filter. NULL otherwise. */
const GError             *circles_prospecting_get_error           (CirclesProspecting  *self);

/* The results for the session's network (NULL while there is none):
 * the people the filter matches, a byte each (NULL: no filter), and their
 * counts by circle; the prospects (the matches of the 2nd degree, or of
 * the circles the filter names); who can introduce them. */
const guint8             *circles_prospecting_get_matches         (CirclesProspecting  *self);
const CirclesCounts      *circles_prospecting_get_match_counts    (CirclesProspecting  *self);
guint                     circles_prospecting_get_n_prospects     (CirclesProspecting  *self);
const CirclesIntroducers *circles_prospecting_get_introducers     (CirclesProspecting  *self);

/* Whom to connect with next (CirclesReachGain, best first), for the
 * network whatever the filter; NULL while there are no results. */
#define CIRCLES_PROSPECTING_TOP_GAINS 10
const GArray             *circles_prospecting_get_top_gains       (CirclesProspecting  *self);
#define CIRCLES_PROSPECTING_COLD 5
const GArray             *circles_prospecting_get_cold            (CirclesProspecting  *self);

/* The introducer looked at (a 1st-degree person) or CIRCLES_NO_PERSON. */
guint                     circles_prospecting_get_introducer      (CirclesProspecting  *self);
void                      circles_prospecting_set_introducer      (CirclesProspecting  *self,
                                                                   guint                person);
/* How many prospects the introducer looked at reaches. */
guint                     circles_prospecting_get_introducer_reach (CirclesProspecting *self);
/* The lines from the introducer looked at to whom they reach: @n_links
 * pairs of people (from, to); NULL when none is looked at. */
const guint32            *circles_prospecting_get_introducer_links (CirclesProspecting *self,
                                                                   guint              *n_links);
/* What each of the introducers' cover adds to those before it, in the
 * cover's order (how many more prospects). */
const guint              *circles_prospecting_get_cover_gains     (CirclesProspecting  *self,
                                                                   guint               *n_gains);

/* Who the views make stand out (CirclesView.emphasis): the introducer
 * looked at and whom they reach, or else the matches of the filter;
 * NULL: everyone. A byte per person of the session's network. */
const guint8             *circles_prospecting_get_emphasis        (CirclesProspecting  *self);
/* How many of each circle stand out; NULL when everyone does. */
const CirclesCounts      *circles_prospecting_get_emphasis_counts (CirclesProspecting  *self);

/* The prospects as a CSV list to act on (circles-prospect-list.h). */
void                      circles_prospecting_write_list_async    (CirclesProspecting  *self,
                                                                   GFile               *file,
                                                                   GCancellable        *cancellable,
                                                                   GAsyncReadyCallback  callback,
                                                                   gpointer             user_data);
gboolean                  circles_prospecting_write_list_finish   (CirclesProspecting  *self,
                                                                   GAsyncResult        *result,
                                                                   GError             **error);

G_END_DECLS
