/* circles-circle.h: one table of the circles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "circles-network.h"

G_BEGIN_DECLS

/* What each circle is called and what to do with its people, in one
 * place: the badges, the person pane, the overview, the people panel,
 * the diagram's legend and accessible names and the SVG's titles all
 * say it with these words. Translated. */

/* The word of a badge: "1st", "2nd", "3rd", "Group member", … */
const char *circles_circle_get_short_name   (CirclesCircle circle);
/* The circle in a few words: "2nd-degree connection", … */
const char *circles_circle_get_long_name    (CirclesCircle circle);
/* Its people together, as the legend counts them: "2nd circle",
 * "Followers", … */
const char *circles_circle_get_group_name   (CirclesCircle circle);
/* How to reach its people: "Direct message", …; NULL for me. */
const char *circles_circle_get_channel      (CirclesCircle circle);
/* What to do with them: "Nurture them: …"; NULL for me. */
const char *circles_circle_get_advice       (CirclesCircle circle);
/* The icon of that advice; NULL for me. */
const char *circles_circle_get_advice_icon  (CirclesCircle circle);
/* (nullable): the icon of the disc of the circles without a degree;
 * NULL for the rings. */
const char *circles_circle_get_icon_name    (CirclesCircle circle);
/* The style class that colours the circle (see style.css). */
const char *circles_circle_get_css_class    (CirclesCircle circle);

G_END_DECLS
