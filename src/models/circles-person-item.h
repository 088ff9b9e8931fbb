/* circles-person-item.h: one person of a network, as list rows see it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "circles-network.h"

G_BEGIN_DECLS

#define CIRCLES_TYPE_PERSON_ITEM (circles_person_item_get_type ())

G_DECLARE_FINAL_TYPE (CirclesPersonItem, circles_person_item, CIRCLES, PERSON_ITEM, GObject)

CirclesPersonItem *circles_person_item_new          (CirclesNetwork    *network,
                                                     guint              person);
CirclesNetwork    *circles_person_item_get_network  (CirclesPersonItem *self);
guint              circles_person_item_get_person   (CirclesPersonItem *self);
const char        *circles_person_item_get_name     (CirclesPersonItem *self);
const char        *circles_person_item_get_position (CirclesPersonItem *self);
const char        *circles_person_item_get_company  (CirclesPersonItem *self);
const char        *circles_person_item_get_subtitle (CirclesPersonItem *self);
guint              circles_person_item_get_degree   (CirclesPersonItem *self);
CirclesCircle      circles_person_item_get_circle   (CirclesPersonItem *self);
guint64            circles_person_item_get_chains   (CirclesPersonItem *self);

G_END_DECLS
