/* circles-application.h: the application, its actions and accelerators
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CIRCLES_TYPE_APPLICATION (circles_application_get_type ())

G_DECLARE_FINAL_TYPE (CirclesApplication, circles_application, CIRCLES, APPLICATION, AdwApplication)

CirclesApplication *circles_application_new         (const char         *db_path);
/* The database the first window opens: --db, else the last one opened
 * while it exists, else the default one. */
char               *circles_application_dup_start_path (CirclesApplication *self);
const char         *circles_application_get_db_path (CirclesApplication *self);

G_END_DECLS
