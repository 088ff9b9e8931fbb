/* circles-test-ui.h: helpers shared by the widget tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "circles-session.h"
#include "circles-test-util.h"

G_BEGIN_DECLS

/* Spins the main loop until @session has loaded (or failed), then until
 * nothing is pending; fails the test after two minutes. */
void       circles_test_wait_for_session (CirclesSession *session);
/* A session on a new database made from @description (the syntax of
 * circles_test_store_new()), loaded: the test fails unless it is ready.
 * The database's path in @path. */
CirclesSession *circles_test_session_new (const char *description,
                                          char      **path);

/* The first widget of @widget's tree (itself included) with that name,
 * or of that type; NULL when there is none. */
GtkWidget *circles_test_find_named       (GtkWidget      *widget,
                                          const char     *name);
GtkWidget *circles_test_find_of_type     (GtkWidget      *widget,
                                          GType           type);
/* The first label of @widget's tree that shows @text, or NULL. */
GtkWidget *circles_test_find_text        (GtkWidget      *widget,
                                          const char     *text);

/* The real pointer, through the X server (XTest): it moves to (x, y) of
 * @widget, in its coordinates, or clicks there with the first button,
 * and the events come back as they would from a mouse. FALSE, with the
 * test skipped, when the display is not X11 or the point is off the
 * screen. */
gboolean   circles_test_pointer_move     (GtkWidget      *widget,
                                          double          x,
                                          double          y);
gboolean   circles_test_pointer_click    (GtkWidget      *widget,
                                          double          x,
                                          double          y);
/* Spins the main loop for @ms milliseconds. */
void       circles_test_wait_ms          (guint           ms);

/* What the clipboard of @widget's display holds, as text. */
char      *circles_test_clipboard_text   (GtkWidget      *widget);

G_END_DECLS
