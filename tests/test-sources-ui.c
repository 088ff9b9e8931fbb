/* test-sources-ui.c: the Sources dialog, its Undo, and edits by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "circles-editor.h"
#include "circles-session.h"
#include "circles-sources-dialog.h"
#include "circles-test-ui.h"
#include "circles-test-util.h"

typedef struct
{
  CirclesSession *session;
  CirclesEditor  *editor;
  char           *path;
  gboolean        done;
  gboolean        ok;
  char           *message;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->session = circles_test_session_new ("me-a me-b a-c b-d", &f->path);
  f->editor = circles_editor_new (f->session);
}

static gboolean
only_ours (gpointer data)
{
  Fixture *f = data;

  /* The test's and the editor's. */
  return G_OBJECT (f->session)->ref_count == 2 && G_OBJECT (f->editor)->ref_count == 1;
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  /* The worker threads let go of the session a little after the end of
   * their work. */
  circles_test_wait_until (only_ours, f, TRUE, "the workers to let go");
  g_assert_finalize_object (f->editor);
  g_assert_finalize_object (f->session);
  g_free (f->path);
  g_free (f->message);
}

static gboolean
idle (gpointer data)
{
  Fixture *f = data;

  return !circles_session_get_busy (f->session);
}

static gboolean
is_done (gpointer data)
{
  Fixture *f = data;

  return f->done && !circles_session_get_busy (f->session);
}

static void
imported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Fixture *f = user_data;
  g_autoptr(GError) error = NULL;

  f->ok = circles_session_import_finish (CIRCLES_SESSION (object), result, NULL, &error);
  g_assert_no_error (error);
  f->done = TRUE;
}

static void
edited_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Fixture *f = user_data;
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&f->message, g_free);
  f->ok = circles_editor_finish (CIRCLES_EDITOR (object), result, &f->message, &error);
  if (error != NULL)
    g_test_message ("edit: %s", error->message);
  f->done = TRUE;
}

static void
wait_edit (Fixture *f)
{
  circles_test_wait_until (is_done, f, FALSE, "the edit");
  f->done = FALSE;
}

static guint
n_people (Fixture *f)
{
  return circles_network_get_n_people (circles_session_get_network (f->session));
}

static guint
degree_of (Fixture    *f,
           const char *key)
{
  CirclesNetwork *network = circles_session_get_network (f->session);

  return circles_network_get_degree (network, circles_test_person (network, key));
}

typedef struct
{
  Fixture              *f;
  CirclesSourcesDialog *dialog;
  guint                 rows;
} RowsWait;

static gboolean
has_rows (gpointer data)
{
  RowsWait *w = data;

  return idle (w->f) && circles_sources_dialog_get_n_rows (w->dialog) == w->rows;
}

/* The dialog lists the imports; removing one takes it back at once and
 * its toast's Undo brings it back. */
static void
test_remove_and_undo (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *followers = circles_test_write_file ("followers.csv",
                                                       "Follower,Name\nzed,Zed Zimmerman\nyan,Yan Li\n", -1);
  CirclesSourcesDialog *dialog;
  RowsWait wait = { f, NULL, 0 };
  GtkWidget *button;
  guint before;

  before = n_people (f);
  circles_session_import_async (f->session, followers, CIRCLES_IMPORT_FORMAT_AUTO, NULL, imported_cb, f);
  wait_edit (f);
  g_assert_cmpuint (n_people (f), ==, before + 2);

  dialog = CIRCLES_SOURCES_DIALOG (circles_sources_dialog_new (NULL, f->editor));
  g_object_ref_sink (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
  /* What the test's store wrote before sources, and the followers. */
  g_assert_cmpuint (circles_sources_dialog_get_n_rows (dialog), ==, 2);
  g_assert_nonnull (circles_test_find_text (GTK_WIDGET (dialog), "followers.csv"));

  button = circles_test_find_named (GTK_WIDGET (dialog), "remove-source-1");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_activate (button));
  wait.dialog = dialog;
  wait.rows = 1;
  circles_test_wait_until (has_rows, &wait, FALSE, "the followers removed");
  g_assert_cmpuint (n_people (f), ==, before);
  g_assert_null (circles_test_find_text (GTK_WIDGET (dialog), "followers.csv"));
  g_assert_true (circles_editor_get_can_undo (f->editor));
  g_assert_cmpstr (circles_editor_get_undo_label (f->editor), ==, "Removed “followers.csv”");

  /* The toast's button. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "sources.undo", NULL));
  wait.rows = 2;
  circles_test_wait_until (has_rows, &wait, FALSE, "the followers back");
  g_assert_cmpuint (n_people (f), ==, before + 2);
  g_assert_false (circles_editor_get_can_undo (f->editor));

  gtk_window_destroy (GTK_WINDOW (dialog));
  circles_test_drain ();
  g_assert_finalize_object (dialog);
}

/* Connected, disconnected, a new person: each undone in turn. */
static void
test_hand_edits (Fixture       *f,
                 gconstpointer  data)
{
  CirclesNetwork *network = circles_session_get_network (f->session);
  guint me = circles_network_get_me (network);
  guint before = n_people (f);

  g_assert_cmpuint (degree_of (f, "c"), ==, 2);
  circles_editor_link_async (f->editor, me, circles_test_person (network, "c"), edited_cb, f);
  wait_edit (f);
  g_assert_true (f->ok);
  g_assert_cmpuint (degree_of (f, "c"), ==, 1);

  network = circles_session_get_network (f->session);
  circles_editor_add_person_async (f->editor, "  Nadia Benali ", "Prospect SA", NULL,
                                   "linkedin.com/in/nadia-benali/", circles_test_person (network, "d"),
                                   edited_cb, f);
  wait_edit (f);
  g_assert_true (f->ok);
  g_assert_cmpstr (f->message, ==, "Added Nadia Benali, connected to d");
  g_assert_cmpuint (n_people (f), ==, before + 1);
  g_assert_cmpuint (degree_of (f, "https://linkedin.com/in/nadia-benali"), ==, 3);

  /* A name is needed. */
  circles_editor_add_person_async (f->editor, " ", NULL, NULL, NULL, CIRCLES_NO_PERSON, edited_cb, f);
  wait_edit (f);
  g_assert_false (f->ok);

  circles_editor_undo_async (f->editor, edited_cb, f);
  wait_edit (f);
  g_assert_true (f->ok);
  g_assert_cmpuint (n_people (f), ==, before);
  circles_editor_undo_async (f->editor, edited_cb, f);
  wait_edit (f);
  g_assert_true (f->ok);
  g_assert_cmpuint (degree_of (f, "c"), ==, 2);
  g_assert_false (circles_editor_get_can_undo (f->editor));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/sources-ui/remove-and-undo", Fixture, NULL,
              fixture_set_up, test_remove_and_undo, fixture_tear_down);
  g_test_add ("/sources-ui/hand-edits", Fixture, NULL,
              fixture_set_up, test_hand_edits, fixture_tear_down);

  return g_test_run ();
}
