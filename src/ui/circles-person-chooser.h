/* circles-person-chooser.h: a question whose answer is a person
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "circles-network.h"

G_BEGIN_DECLS

#define CIRCLES_TYPE_PERSON_CHOOSER (circles_person_chooser_get_type ())

G_DECLARE_FINAL_TYPE (CirclesPersonChooser, circles_person_chooser, CIRCLES, PERSON_CHOOSER, AdwMessageDialog)

/* Asks @heading; the answer is one of the people of @network of degree
 * @degree (0: anyone but me), found by typing a part of their name or
 * company. Responses: "cancel", and "choose" once someone is chosen. */
GtkWidget *circles_person_chooser_new         (GtkWindow            *parent,
                                               CirclesNetwork       *network,
                                               guint                 degree,
                                               const char           *heading,
                                               const char           *body,
                                               const char           *choose_label);
/* Narrows the answers to the people connected to @person (@tied), or
 * not yet connected to them, me included; CIRCLES_NO_PERSON: anyone. */
void       circles_person_chooser_set_around  (CirclesPersonChooser *self,
                                               guint                 person,
                                               gboolean              tied);
/* The person chosen, or CIRCLES_NO_PERSON. */
guint      circles_person_chooser_get_person  (CirclesPersonChooser *self);
/* Types @text in the search entry, as a test would. */
void       circles_person_chooser_search      (CirclesPersonChooser *self,
                                               const char           *text);
/* The people the search shows. */
guint      circles_person_chooser_get_n_shown (CirclesPersonChooser *self);

G_END_DECLS
