/* circles-person-details.h: what the person pane shows of one person
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "circles-paths.h"
#include "circles-person-list.h"
#include "circles-session.h"

G_BEGIN_DECLS

#define CIRCLES_TYPE_PERSON_DETAILS (circles_person_details_get_type ())

G_DECLARE_FINAL_TYPE (CirclesPersonDetails, circles_person_details, CIRCLES, PERSON_DETAILS, GObject)

CirclesPersonDetails *circles_person_details_new               (CirclesSession       *session,
                                                                CirclesSelection     *selection,
                                                                guint                 limit);
CirclesSession       *circles_person_details_get_session       (CirclesPersonDetails *self);
CirclesNetwork       *circles_person_details_get_network       (CirclesPersonDetails *self);
guint                 circles_person_details_get_person        (CirclesPersonDetails *self);
const char           *circles_person_details_get_name          (CirclesPersonDetails *self);
const char           *circles_person_details_get_position      (CirclesPersonDetails *self);
const char           *circles_person_details_get_company       (CirclesPersonDetails *self);
const char           *circles_person_details_get_profile_url   (CirclesPersonDetails *self);
gboolean              circles_person_details_has_web_profile   (CirclesPersonDetails *self);
guint                 circles_person_details_get_degree        (CirclesPersonDetails *self);
CirclesCircle         circles_person_details_get_circle        (CirclesPersonDetails *self);
guint64               circles_person_details_get_chains_total  (CirclesPersonDetails *self);
guint                 circles_person_details_get_n_chains      (CirclesPersonDetails *self);
const CirclesChain   *circles_person_details_get_chain         (CirclesPersonDetails *self,
                                                                guint                 i);
CirclesPersonList    *circles_person_details_get_mutual        (CirclesPersonDetails *self);
guint                 circles_person_details_get_n_introducers (CirclesPersonDetails *self);
char                 *circles_person_details_draft_message     (CirclesPersonDetails *self,
                                                                guint                 introducer);
const char           *circles_person_details_get_ties          (CirclesPersonDetails *self);
gboolean              circles_person_details_get_reasons_known (CirclesPersonDetails *self);
guint                 circles_person_details_get_reasons       (CirclesPersonDetails *self);
gboolean              circles_person_details_get_reach_gain    (CirclesPersonDetails *self,
                                                                guint                *second,
                                                                guint                *third);
void                  circles_person_details_set_reasons_async (CirclesPersonDetails *self,
                                                                guint                 reasons,
                                                                GAsyncReadyCallback   callback,
                                                                gpointer              user_data);
gboolean              circles_person_details_set_reasons_finish (CirclesPersonDetails *self,
                                                                GAsyncResult         *result,
                                                                GError              **error);
char                 *circles_person_details_draft_request     (CirclesPersonDetails *self,
                                                                guint                 introducer);
gboolean              circles_person_details_get_rating_known  (CirclesPersonDetails *self);
guint                 circles_person_details_get_rating        (CirclesPersonDetails *self);
void                  circles_person_details_reload            (CirclesPersonDetails *self);

G_END_DECLS
