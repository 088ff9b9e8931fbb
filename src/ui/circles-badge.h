/* circles-badge.h: the circle of a person, as a numbered disc and a word
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "circles-circle.h"
#include "circles-network.h"

G_BEGIN_DECLS

#define CIRCLES_TYPE_BADGE (circles_badge_get_type ())

G_DECLARE_FINAL_TYPE (CirclesBadge, circles_badge, CIRCLES, BADGE, GtkWidget)

GtkWidget     *circles_badge_new             (void);
CirclesCircle  circles_badge_get_circle      (CirclesBadge  *self);
void           circles_badge_set_circle      (CirclesBadge  *self,
                                              CirclesCircle  circle);
gboolean       circles_badge_get_degree_only (CirclesBadge  *self);
void           circles_badge_set_degree_only (CirclesBadge  *self,
                                              gboolean       degree_only);
const char    *circles_badge_get_text        (CirclesBadge  *self);
void           circles_badge_set_disc_only   (CirclesBadge  *self,
                                              gboolean       disc_only);

/* Words shared with the person pane. */

/* Loads the styles of the panels once for @display. */
/* Gives the rows of the circles (1st, 2nd, 3rd, group members,
 * followers, out of network: NULL to skip one) the advice of their
 * circle as subtitle. */
void           circles_circle_rows_set_advice (AdwActionRow *first,
                                               AdwActionRow *second,
                                               AdwActionRow *third,
                                               AdwActionRow *group_member,
                                               AdwActionRow *follower,
                                               AdwActionRow *out_of_network);
void           circles_badge_ensure_style    (GdkDisplay    *display);

G_END_DECLS
