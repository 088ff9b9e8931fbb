/* test-models.c: the models the widgets observe, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The models (src/models) hold the store and call the analysis; they
 * link no GTK, so that these run in the core suite.
 */
#include "config.h"

#include <gio/gio.h>

#include "circles-editor.h"
#include "circles-person-details.h"
#include "circles-session.h"
#include "circles-test-util.h"

#define WAIT_SECONDS 60

typedef gboolean (*Condition) (gpointer data);

static gboolean
timed_out (gpointer data)
{
  g_error ("Timed out waiting for %s", (const char *) data);
  return G_SOURCE_REMOVE;
}

static void
wait_until (Condition   condition,
            gpointer    data,
            const char *what)
{
  guint id = g_timeout_add_seconds (WAIT_SECONDS, timed_out, (gpointer) what);

  while (!condition (data))
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (id);
}

static gboolean
session_ready (gpointer data)
{
  CirclesSession *session = data;

  return !circles_session_get_busy (session) &&
         circles_session_get_state (session) == CIRCLES_SESSION_STATE_READY;
}

typedef struct
{
  CirclesSession *session;
  gboolean        done;
  gboolean        ok;
  char           *message;
} Edit;

static gboolean
edit_done (gpointer data)
{
  Edit *edit = data;

  return edit->done && !circles_session_get_busy (edit->session);
}

static void
edited_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Edit *edit = user_data;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&edit->message, g_free);
  edit->ok = circles_editor_finish (CIRCLES_EDITOR (object), result, &edit->message, &error);
  edit->done = TRUE;
}

static guint
degree_of (CirclesSession *session,
           const char     *key)
{
  CirclesNetwork *network = circles_session_get_network (session);

  return circles_network_get_degree (network, circles_test_person (network, key));
}

/* The session opens a database in its worker; the editor connects two
 * people and undoes it; the person details say the circle and chains. */
static void
test_session_and_editor (void)
{
  g_autoptr(CirclesStore) store = circles_test_store_new ("me-a me-b a-c b-c c-d");
  g_autofree char *path = g_strdup (circles_store_get_path (store));
  g_autoptr(CirclesSession) session = NULL;
  g_autoptr(CirclesEditor) editor = NULL;
  g_autoptr(CirclesPersonDetails) details = NULL;
  CirclesNetwork *network;
  Edit edit = { 0, };

  g_clear_object (&store);
  session = circles_session_new (path);
  circles_session_load_async (session, NULL, NULL, NULL);
  wait_until (session_ready, session, "the session");
  network = circles_session_get_network (session);
  g_assert_cmpuint (circles_network_get_counts (network)->first, ==, 2);
  g_assert_cmpuint (degree_of (session, "d"), ==, 3);

  details = circles_person_details_new (session, circles_test_person (network, "d"), 5);
  g_assert_cmpuint (circles_person_details_get_n_chains (details), ==, 2);

  editor = circles_editor_new (session);
  edit.session = session;
  circles_editor_link_async (editor, circles_network_get_me (network), circles_test_person (network, "c"),
                             edited_cb, &edit);
  wait_until (edit_done, &edit, "the link");
  g_assert_true (edit.ok);
  g_assert_cmpstr (edit.message, ==, "Connected me and c");
  g_assert_cmpuint (degree_of (session, "c"), ==, 1);
  g_assert_cmpuint (degree_of (session, "d"), ==, 2);
  g_assert_true (circles_editor_get_can_undo (editor));

  edit.done = FALSE;
  circles_editor_undo_async (editor, edited_cb, &edit);
  wait_until (edit_done, &edit, "the undo");
  g_assert_true (edit.ok);
  g_assert_cmpuint (degree_of (session, "d"), ==, 3);
  g_assert_false (circles_editor_get_can_undo (editor));
  g_free (edit.message);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/models/session-and-editor", test_session_and_editor);

  return g_test_run ();
}
