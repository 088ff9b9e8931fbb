/* circles-person-list-row.h: a person in a list: name, position, circle
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "circles-person-item.h"

G_BEGIN_DECLS

#define CIRCLES_TYPE_PERSON_LIST_ROW (circles_person_list_row_get_type ())

G_DECLARE_FINAL_TYPE (CirclesPersonListRow, circles_person_list_row, CIRCLES, PERSON_LIST_ROW, AdwBin)

GtkWidget         *circles_person_list_row_new             (void);
CirclesPersonItem *circles_person_list_row_get_item        (CirclesPersonListRow *self);
void               circles_person_list_row_set_item        (CirclesPersonListRow *self,
                                                            CirclesPersonItem    *item);
void               circles_person_list_row_set_degree_only (CirclesPersonListRow *self,
                                                            gboolean              degree_only);

G_END_DECLS
