/* circles-overview.h: the counts of each circle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "circles-network.h"

G_BEGIN_DECLS

#define CIRCLES_TYPE_OVERVIEW (circles_overview_get_type ())

G_DECLARE_FINAL_TYPE (CirclesOverview, circles_overview, CIRCLES, OVERVIEW, AdwBin)

GtkWidget      *circles_overview_new         (void);
CirclesNetwork *circles_overview_get_network (CirclesOverview *self);
void            circles_overview_set_network (CirclesOverview *self,
                                              CirclesNetwork  *network);

G_END_DECLS
