/* circles-test-ui.c: helpers shared by the widget tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "circles-test-ui.h"
#include "circles-test-util.h"

#define WAIT_SECONDS 120

static gboolean
timed_out (gpointer data)
{
  g_error ("timed out waiting for %s", (const char *)data);
  return G_SOURCE_REMOVE;
}

void
circles_test_wait_for_session (CirclesSession *session)
{
  guint id = g_timeout_add_seconds (WAIT_SECONDS, timed_out, (gpointer)"the session");

  while (circles_session_get_busy (session) ||
         circles_session_get_state (session) == CIRCLES_SESSION_STATE_NONE ||
         circles_session_get_state (session) == CIRCLES_SESSION_STATE_LOADING)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_source_remove (id);
}

void
circles_test_wait_until (CirclesTestCondition  condition,
                         gpointer              data,
                         gboolean              now,
                         const char           *what)
{
  guint id = g_timeout_add_seconds (WAIT_SECONDS, timed_out, (gpointer)what);

  while (!condition (data))
    g_main_context_iteration (NULL, TRUE);
  if (!now)
    circles_test_drain ();
  g_source_remove (id);
}

void
circles_test_drain (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
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
