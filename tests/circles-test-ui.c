/* circles-test-ui.c: helpers shared by the widget tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "circles-test-ui.h"
#include "circles-test-util.h"

#include <math.h>
#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>

static gboolean
session_settled (gpointer data)
{
  CirclesSession *session = data;

  return !circles_session_get_busy (session) &&
         circles_session_get_state (session) != CIRCLES_SESSION_STATE_NONE &&
         circles_session_get_state (session) != CIRCLES_SESSION_STATE_LOADING;
}

void
circles_test_wait_for_session (CirclesSession *session)
{
  circles_test_wait_until (session_settled, session, FALSE, "the session");
}

CirclesSession *
circles_test_session_new (const char  *description,
                          char       **path)
{
  g_autoptr(CirclesStore) store = circles_test_store_new (description);
  CirclesSession *session;

  *path = g_strdup (circles_store_get_path (store));
  g_clear_object (&store);

  session = circles_session_new (*path);
  circles_session_load_async (session, NULL, NULL, NULL);
  circles_test_wait_for_session (session);
  g_assert_cmpint (circles_session_get_state (session), ==, CIRCLES_SESSION_STATE_READY);
  return session;
}

GtkWidget *
circles_test_find_named (GtkWidget  *widget,
                         const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = circles_test_find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
circles_test_find_of_type (GtkWidget *widget,
                           GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (widget), type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = circles_test_find_of_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
circles_test_find_text (GtkWidget  *widget,
                        const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = circles_test_find_text (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

void
circles_test_wait_ms (guint ms)
{
  gint64 until = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < until)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
}

/* (x, y) of @widget on the X screen. */
static gboolean
root_point (GtkWidget *widget,
            double     x,
            double     y,
            Display  **xdisplay,
            int       *root_x,
            int       *root_y)
{
  GdkDisplay *display = gtk_widget_get_display (widget);
  GtkNative *native = gtk_widget_get_native (widget);
  graphene_point_t point;
  double nx, ny;
  Window child;

  if (!GDK_IS_X11_DISPLAY (display))
    {
      g_test_skip ("The pointer is driven through X11 only");
      return FALSE;
    }
  g_assert_nonnull (native);
  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native),
                                           &GRAPHENE_POINT_INIT (x, y), &point));
  gtk_native_get_surface_transform (native, &nx, &ny);

  *xdisplay = gdk_x11_display_get_xdisplay (display);
  XTranslateCoordinates (*xdisplay,
                         gdk_x11_surface_get_xid (gtk_native_get_surface (native)),
                         DefaultRootWindow (*xdisplay),
                         (int) round (point.x + nx), (int) round (point.y + ny),
                         root_x, root_y, &child);
  if (*root_x < 0 || *root_y < 0 ||
      *root_x >= DisplayWidth (*xdisplay, DefaultScreen (*xdisplay)) ||
      *root_y >= DisplayHeight (*xdisplay, DefaultScreen (*xdisplay)))
    return FALSE;
  return TRUE;
}

gboolean
circles_test_pointer_move (GtkWidget *widget,
                           double     x,
                           double     y)
{
  Display *xdisplay;
  int rx, ry;

  if (!root_point (widget, x, y, &xdisplay, &rx, &ry))
    return FALSE;
  XTestFakeMotionEvent (xdisplay, DefaultScreen (xdisplay), rx, ry, CurrentTime);
  XSync (xdisplay, False);
  /* Until GTK has read the motion. */
  circles_test_wait_ms (100);
  return TRUE;
}

gboolean
circles_test_pointer_click (GtkWidget *widget,
                            double     x,
                            double     y)
{
  Display *xdisplay;
  int rx, ry;

  if (!circles_test_pointer_move (widget, x, y) ||
      !root_point (widget, x, y, &xdisplay, &rx, &ry))
    return FALSE;
  XTestFakeButtonEvent (xdisplay, 1, True, CurrentTime);
  XSync (xdisplay, False);
  circles_test_wait_ms (50);
  XTestFakeButtonEvent (xdisplay, 1, False, CurrentTime);
  XSync (xdisplay, False);
  circles_test_wait_ms (100);
  return TRUE;
}

char *
circles_test_clipboard_text (GtkWidget *widget)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (widget);
  GdkContentProvider *content = gdk_clipboard_get_content (clipboard);
  g_auto(GValue) value = G_VALUE_INIT;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (content);
  g_value_init (&value, G_TYPE_STRING);
  gdk_content_provider_get_value (content, &value, &error);
  g_assert_no_error (error);

  return g_value_dup_string (&value);
}
