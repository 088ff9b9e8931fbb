/* circles-group-list.h: the groups I share with others, and their members
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "circles-network.h"
#include "circles-session.h"

G_BEGIN_DECLS

#define CIRCLES_TYPE_GROUP_LIST (circles_group_list_get_type ())

G_DECLARE_FINAL_TYPE (CirclesGroupList, circles_group_list, CIRCLES, GROUP_LIST, GObject)

CirclesGroupList *circles_group_list_new         (void);
CirclesNetwork   *circles_group_list_get_network (CirclesGroupList *self);
void              circles_group_list_load_async  (CirclesGroupList    *self,
                                                  CirclesSession      *session,
                                                  GCancellable        *cancellable,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
gboolean          circles_group_list_load_finish (CirclesGroupList    *self,
                                                  GAsyncResult        *result,
                                                  GError             **error);
void              circles_group_list_clear       (CirclesGroupList *self);

G_END_DECLS
