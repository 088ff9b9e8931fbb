/* circles-window.h: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "circles-session.h"

G_BEGIN_DECLS

#define CIRCLES_TYPE_WINDOW (circles_window_get_type ())

G_DECLARE_FINAL_TYPE (CirclesWindow, circles_window, CIRCLES, WINDOW, AdwApplicationWindow)

CirclesWindow  *circles_window_new         (GtkApplication *application,
                                            CirclesSession *session);
CirclesSession *circles_window_get_session (CirclesWindow  *self);

G_END_DECLS
