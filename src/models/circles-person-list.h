/* circles-person-list.h: a list of people of a network, as a GListModel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "circles-network.h"

G_BEGIN_DECLS

/* Who a list holds, and in which order, when it selects them itself. */
typedef enum
{
  CIRCLES_PERSON_LIST_FIRST,          /* 1st degree, by name */
  CIRCLES_PERSON_LIST_SECOND,         /* 2nd degree, most mutual connections first */
  CIRCLES_PERSON_LIST_THIRD,          /* 3rd degree, most chains first */
  CIRCLES_PERSON_LIST_FOLLOWERS,      /* followers, closest first */
  CIRCLES_PERSON_LIST_GROUP_MEMBERS,  /* fellow group members, closest first */
  CIRCLES_PERSON_LIST_OUT_OF_NETWORK, /* out of network, by name */
} CirclesPersonListKind;

#define CIRCLES_TYPE_PERSON_LIST (circles_person_list_get_type ())

G_DECLARE_FINAL_TYPE (CirclesPersonList, circles_person_list, CIRCLES, PERSON_LIST, GObject)

CirclesPersonList *circles_person_list_new         (const char             *title);
const char        *circles_person_list_get_title   (CirclesPersonList      *self);
CirclesNetwork    *circles_person_list_get_network (CirclesPersonList      *self);
gboolean           circles_person_list_get_loading (CirclesPersonList      *self);
guint              circles_person_list_get_person  (CirclesPersonList      *self,
                                                    guint                   position);
guint              circles_person_list_find        (CirclesPersonList      *self,
                                                    guint                   person);
void               circles_person_list_set_people  (CirclesPersonList      *self,
                                                    CirclesNetwork         *network,
                                                    const guint32          *people,
                                                    guint                   n_people);
void               circles_person_list_sort_people (CirclesNetwork         *network,
                                                    CirclesPersonListKind   kind,
                                                    GArray                 *people);
void               circles_person_list_load        (CirclesPersonList      *self,
                                                    CirclesNetwork         *network,
                                                    CirclesPersonListKind   kind);
void               circles_person_list_clear       (CirclesPersonList      *self);

G_END_DECLS
