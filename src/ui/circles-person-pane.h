/* circles-person-pane.h: the selected person, and the way to reach them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "circles-session.h"

G_BEGIN_DECLS

#define CIRCLES_TYPE_PERSON_PANE (circles_person_pane_get_type ())

G_DECLARE_FINAL_TYPE (CirclesPersonPane, circles_person_pane, CIRCLES, PERSON_PANE, AdwBin)

GtkWidget      *circles_person_pane_new            (CirclesSession    *session);
CirclesSession *circles_person_pane_get_session    (CirclesPersonPane *self);
guint           circles_person_pane_get_person     (CirclesPersonPane *self);
guint           circles_person_pane_get_introducer (CirclesPersonPane *self);
void            circles_person_pane_set_introducer (CirclesPersonPane *self,
                                                    guint              introducer);
char           *circles_person_pane_dup_message    (CirclesPersonPane *self);

G_END_DECLS
