/* circles-people-panel.h: the people of each circle, as lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "circles-session.h"

G_BEGIN_DECLS

#define CIRCLES_TYPE_PEOPLE_PANEL (circles_people_panel_get_type ())

G_DECLARE_FINAL_TYPE (CirclesPeoplePanel, circles_people_panel, CIRCLES, PEOPLE_PANEL, AdwBin)

GtkWidget      *circles_people_panel_new         (CirclesSession     *session);
CirclesSession *circles_people_panel_get_session (CirclesPeoplePanel *self);
void            circles_people_panel_show_page   (CirclesPeoplePanel *self,
                                                  const char         *page);
void            circles_people_panel_show_ring   (CirclesPeoplePanel *self,
                                                  guint               degree);

G_END_DECLS
