/* circles-prospect-list.h: a list of prospects to act on, as CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "circles-network.h"
#include "circles-store.h"

G_BEGIN_DECLS

/* The columns, in this order (the header row is always in English):
 *   key, name, company, position, circle ("second" or "third"),
 *   introducer (key of the best introducer: the warmest mutual connection
 *   of a 2nd-degree prospect; the first step of the warmest chain to a
 *   3rd-degree one), chain (names from me to the prospect, joined by
 *   " > "), reasons (the recorded reasons for the approach, joined by
 *   ";": event, alumni, high_value, comments), message (a drafted
 *   introduction naming the mutual connection, in the language of the
 *   locale). */
#define CIRCLES_PROSPECT_LIST_HEADER \
  "key,name,company,position,circle,introducer,chain,reasons,message"

/* The drafted message for @prospect (2nd or 3rd degree, with its warmest
 * chain me → … → prospect of @length people); NULL for another degree. */
char     *circles_prospect_list_draft_message (CirclesNetwork  *network,
                                               const guint32   *chain,
                                               guint            length);

/* Writes one row per prospect (people of the 2nd or 3rd degree; others
 * are skipped) to @stream. @store gives the recorded reasons and may be
 * NULL. */
gboolean  circles_prospect_list_write        (CirclesNetwork  *network,
                                              CirclesStore    *store,
                                              const guint32   *prospects,
                                              guint            n_prospects,
                                              GOutputStream   *stream,
                                              GCancellable    *cancellable,
                                              GError         **error);

G_END_DECLS
