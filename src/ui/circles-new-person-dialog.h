/* circles-new-person-dialog.h: someone the files do not know yet
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CIRCLES_TYPE_NEW_PERSON_DIALOG (circles_new_person_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CirclesNewPersonDialog, circles_new_person_dialog, CIRCLES, NEW_PERSON_DIALOG, AdwMessageDialog)

/* Asks for a new person's name, company, position and profile URL;
 * @body says whom they will be connected to. Responses: "cancel", and
 * "add" once there is a name and the profile URL, if any, is one. */
GtkWidget  *circles_new_person_dialog_new          (GtkWindow              *parent,
                                                    const char             *body);
const char *circles_new_person_dialog_get_name     (CirclesNewPersonDialog *self);
const char *circles_new_person_dialog_get_company  (CirclesNewPersonDialog *self);
const char *circles_new_person_dialog_get_position (CirclesNewPersonDialog *self);
const char *circles_new_person_dialog_get_url      (CirclesNewPersonDialog *self);
/* Fills the fields in, as a person typing would (NULL leaves one). */
void        circles_new_person_dialog_fill         (CirclesNewPersonDialog *self,
                                                    const char             *name,
                                                    const char             *company,
                                                    const char             *position,
                                                    const char             *url);

G_END_DECLS
