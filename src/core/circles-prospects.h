/* circles-prospects.h: who can introduce me, and what a connection brings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "circles-network.h"
#include "circles-store.h"

G_BEGIN_DECLS

#define CIRCLES_PROSPECTS_ERROR (circles_prospects_error_quark ())

typedef enum
{
  CIRCLES_PROSPECTS_ERROR_BAD_FILTER, /* a filter expression that does not parse */
} CirclesProspectsError;

GQuark circles_prospects_error_quark (void);


/* {{{ Prospect filters
 *
 * EXPR is a list of terms joined by "," and every term must hold (AND):
 *
 *   FIELD=VALUE    the field equals VALUE (ignoring case and the spaces around)
 *   FIELD~VALUE    the field contains VALUE (ignoring case)
 *   FIELD!=VALUE   negations of the two above
 *   FIELD!~VALUE
 *
 * VALUE may list alternatives joined by "|": any of them will do (OR).
 * A backslash takes the next character literally ("Acme\, Inc.").
 *
 * FIELD is company, position, location, group or circle:
 *   - group matches the names of the groups the person is a member of;
 *   - circle takes "=" or "!=" only, with 1 (1st, first), 2 (2nd, second),
 *     3 (3rd, third), follower, group_member or out_of_network.
 *
 * Examples: "company=Acme,position~sales", "circle=2|3,location~Paris".
 */
typedef struct _CirclesProspectFilter CirclesProspectFilter;

CirclesProspectFilter *circles_prospect_filter_parse       (const char                  *expr,
                                                            GError                     **error);
void                   circles_prospect_filter_free        (CirclesProspectFilter       *filter);
/* TRUE when the filter has a location or group term: those are read
 * from the store by circles_prospect_filter_bind(). */
gboolean               circles_prospect_filter_needs_store (const CirclesProspectFilter *filter);
/* TRUE when the filter has a circle term. */
gboolean               circles_prospect_filter_has_circle  (const CirclesProspectFilter *filter);
/* Ties the filter to @network: reads locations and group memberships
 * from @store (which @network was loaded from) when the filter needs
 * them. Must be called before matching. */
gboolean               circles_prospect_filter_bind        (CirclesProspectFilter       *filter,
                                                            CirclesNetwork              *network,
                                                            CirclesStore                *store,
                                                            GError                     **error);
/* What filters read from the store (locations, group memberships) for
 * one snapshot, kept so that the next filters need not read it again:
 * for a window that filters as the user types. Not thread safe. */
typedef struct _CirclesProspectFacts CirclesProspectFacts;

CirclesProspectFacts  *circles_prospect_facts_new          (void);
void                   circles_prospect_facts_free         (CirclesProspectFacts        *facts);
void                   circles_prospect_facts_forget_others (CirclesProspectFacts       *facts,
                                                            CirclesNetwork              *network);
gboolean               circles_prospect_filter_bind_facts  (CirclesProspectFilter       *filter,
                                                            CirclesNetwork              *network,
                                                            CirclesStore                *store,
                                                            CirclesProspectFacts        *facts,
                                                            GError                     **error);
gboolean               circles_prospect_filter_matches     (const CirclesProspectFilter *filter,
                                                            guint                        person);
/* The expression of "contains" terms for the fields given (NULL or
 * blank ones left out), commas and backslashes escaped, "|" kept as the
 * separator of alternatives; "" when every field is blank. */
char                  *circles_prospect_filter_build       (const char                  *company,
                                                            const char                  *position,
                                                            const char                  *location,
                                                            const char                  *group);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CirclesProspectFilter, circles_prospect_filter_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CirclesProspectFacts, circles_prospect_facts_free)

/* }}} */

/* The prospects: the people who match @filter (bound to @network; NULL
 * matches everyone) and can be introduced, that is who are 2nd or 3rd
 * degree. Unless the filter has a circle term, only the 2nd degree.
 * A GArray of guint32 people, in snapshot order. */
GArray *circles_prospects_select (CirclesNetwork              *network,
                                  const CirclesProspectFilter *filter);

/* {{{ Best introducers */

typedef struct
{
  guint32 person; /* a 1st-degree connection */
  guint   reach;  /* how many of the prospects they can introduce */
} CirclesIntroducer;

typedef struct
{
  guint   n_prospects;
  GArray *ranking;    /* of CirclesIntroducer with reach > 0:
                       * reach highest first, ties by key */
  GArray *cover;      /* of guint32: introducers who together reach every
                       * prospect, in the order the greedy cover took them */
} CirclesIntroducers;

CirclesIntroducers *circles_introducers_find (CirclesNetwork *network,
                                              const guint32  *prospects,
                                              guint           n_prospects);
void                circles_introducers_free (CirclesIntroducers *introducers);
/* Whom one introducer reaches: marks (not zero) in @mask, a byte per
 * person, @introducer, the prospects it can introduce (@is_prospect: a
 * byte per person, not zero for a prospect) and, for 3rd-degree
 * prospects, the 2nd-degree people between. Returns how many prospects
 * it marked that were not marked as such before: from a zeroed @mask,
 * the introducer's reach in circles_introducers_find(). */
guint               circles_introducer_mark_reach (CirclesNetwork *network,
                                                   guint32         introducer,
                                                   const guint8   *is_prospect,
                                                   guint8         *mask);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CirclesIntroducers, circles_introducers_free)

/* }}} */

/* {{{ Reach gain
 *
 * If X became a 1st-degree connection, the people other than X whose
 * degree would become 2 from more than 2 (3rd, or beyond) are X's
 * neighbours u with degree(u) > 2: second_gain counts them. Those whose
 * degree would become 3 from more than 3 are the people v, neither X nor
 * one of X's neighbours, with degree(v) beyond 3 and a neighbour among
 * those u: third_gain counts them. Nobody else moves closer than 3.
 */
typedef struct
{
  guint32 person;
  guint   second_gain;
  guint   third_gain;
} CirclesReachGain;

/* Scratch space for computing gains one after the other (not thread
 * safe: use one per thread). */
typedef struct _CirclesReach CirclesReach;

CirclesReach *circles_reach_new  (CirclesNetwork   *network);
void          circles_reach_free (CirclesReach     *reach);
void          circles_reach_gain (CirclesReach     *reach,
                                  guint             person,
                                  CirclesReachGain *gain);

/* The @limit best gains among the 2nd and 3rd degree: second_gain
 * highest first, then third_gain, then by key. A GArray of
 * CirclesReachGain. */
GArray       *circles_reach_top  (CirclesNetwork   *network,
                                  guint             limit);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CirclesReach, circles_reach_free)

/* }}} */

G_END_DECLS
