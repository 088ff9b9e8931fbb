/* test-sources-ui.c: the Sources dialog, its Undo, and edits by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "circles-editor.h"
#include "circles-new-person-dialog.h"
#include "circles-person-chooser.h"
#include "circles-window.h"
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
  for (guint i = 0; i < 500 && !only_ours (f); i++)
    circles_test_wait_ms (10);
  g_test_message ("refs: session %u, editor %u", G_OBJECT (f->session)->ref_count,
                  G_OBJECT (f->editor)->ref_count);
  circles_test_finalize (f->editor);
  circles_test_finalize (f->session);
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
  wait.dialog = dialog;
  wait.rows = 2;
  circles_test_wait_until (has_rows, &wait, FALSE, "the imports listed");
  g_assert_nonnull (circles_test_find_text (GTK_WIDGET (dialog), "followers.csv"));

  button = circles_test_find_named (GTK_WIDGET (dialog), "remove-source-1");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_activate (button));
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
  circles_test_finalize (dialog);
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

static GtkWidget *
find_dialog (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gboolean
question_shown (gpointer data)
{
  return find_dialog (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
chooser_shown (gpointer data)
{
  return find_dialog (CIRCLES_TYPE_PERSON_CHOOSER) != NULL;
}

static gboolean
second_circle (gpointer data)
{
  Fixture *f = data;
  CirclesNetwork *network = circles_session_get_network (f->session);

  return idle (f) && network != NULL && circles_network_get_counts (network)->second >= 13;
}

/* A colleague's export imported without saying whose: the window asks,
 * "A Colleague's…", then whose among my connections. */
static void
test_whose_question (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GString) csv = g_string_new ("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n");
  g_autofree char *theirs = NULL;
  CirclesWindow *window;
  GtkWidget *dialog;
  CirclesPersonChooser *chooser;
  GtkListBoxRow *row;

  for (guint i = 0; i < 12; i++)
    g_string_append_printf (csv, "Qi%u,Zhang,https://www.linkedin.com/in/q%u,,Beta,Role,3 Jan 2024\n", i, i);
  theirs = circles_test_write_file ("Connections.csv", csv->str, -1);
  g_assert_cmpuint (circles_network_get_counts (circles_session_get_network (f->session))->second, ==, 2);

  window = circles_window_new (NULL, f->session);
  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));
  circles_test_wait_for_session (f->session);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import-file", "s", theirs));
  circles_test_wait_until (question_shown, f, FALSE, "the question");
  dialog = find_dialog (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (dialog)), ==, "Whose Connections Are These?");
  /* Nothing was imported meanwhile. */
  g_assert_cmpuint (circles_network_get_counts (circles_session_get_network (f->session))->second, ==, 2);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "theirs");

  circles_test_wait_until (chooser_shown, f, FALSE, "whose");
  chooser = CIRCLES_PERSON_CHOOSER (find_dialog (CIRCLES_TYPE_PERSON_CHOOSER));
  /* My connections a and b; not c (2nd degree), not me. */
  g_assert_cmpuint (circles_person_chooser_get_n_shown (chooser), ==, 2);
  circles_person_chooser_search (chooser, "B");
  g_assert_cmpuint (circles_person_chooser_get_n_shown (chooser), ==, 1);
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (chooser), "choose"));
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (circles_test_find_named (GTK_WIDGET (chooser), "chooser-list")), 0);
  gtk_list_box_select_row (GTK_LIST_BOX (circles_test_find_named (GTK_WIDGET (chooser), "chooser-list")), row);
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (chooser), "choose"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (chooser), "choose");

  /* b's twelve connections are my 2nd circle now, with c and d. */
  circles_test_wait_until (second_circle, f, FALSE, "the colleague's network");
  g_assert_cmpuint (circles_network_get_counts (circles_session_get_network (f->session))->second, ==, 14);

  gtk_window_destroy (GTK_WINDOW (window));
  circles_test_drain ();
  circles_test_finalize (window);
}

static gboolean
new_person_shown (gpointer data)
{
  return find_dialog (CIRCLES_TYPE_NEW_PERSON_DIALOG) != NULL;
}

static gboolean
connected (CirclesNetwork *network,
           const char     *a,
           const char     *b)
{
  return circles_network_find_neighbour (network, circles_test_person (network, a),
                                         circles_test_person (network, b)) != G_MAXUINT;
}

typedef struct
{
  Fixture    *f;
  const char *a;
  const char *b;
  gboolean    linked;
} LinkWait;

static gboolean
link_is (gpointer data)
{
  LinkWait *w = data;

  return idle (w->f) && connected (circles_session_get_network (w->f->session), w->a, w->b) == w->linked;
}

static gboolean
has_n_people (gpointer data)
{
  RowsWait *w = data;

  return idle (w->f) && n_people (w->f) == w->rows;
}

/* Chooses the only person the chooser shows for @search. */
static void
choose (CirclesPersonChooser *chooser,
        const char           *search)
{
  GtkListBox *list = GTK_LIST_BOX (circles_test_find_named (GTK_WIDGET (chooser), "chooser-list"));

  circles_person_chooser_search (chooser, search);
  g_assert_cmpuint (circles_person_chooser_get_n_shown (chooser), ==, 1);
  gtk_list_box_select_row (list, gtk_list_box_get_row_at_index (list, 0));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (chooser), "choose");
}

/* The person pane's rows: a connection added to whom the pane shows,
 * undone from the window; one removed; a new person connected to them. */
static void
test_pane_edits (Fixture       *f,
                 gconstpointer  data)
{
  CirclesWindow *window;
  CirclesPersonChooser *chooser;
  CirclesNewPersonDialog *form;
  LinkWait link = { f, "a", "d", TRUE };
  RowsWait people = { f, NULL, n_people (f) + 1 };
  CirclesNetwork *network;

  window = circles_window_new (NULL, f->session);
  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));
  circles_test_wait_for_session (f->session);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.select-person", "s", "a"));
  circles_test_drain ();

  /* Whom a is not connected to yet: b and d (me and c are). */
  g_assert_true (gtk_widget_activate (circles_test_find_named (GTK_WIDGET (window), "add-connection-row")));
  circles_test_wait_until (chooser_shown, f, FALSE, "the chooser");
  chooser = CIRCLES_PERSON_CHOOSER (find_dialog (CIRCLES_TYPE_PERSON_CHOOSER));
  g_assert_cmpuint (circles_person_chooser_get_n_shown (chooser), ==, 2);
  choose (chooser, "d");
  circles_test_wait_until (link_is, &link, FALSE, "a and d connected");

  /* The toast's Undo. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  link.linked = FALSE;
  circles_test_wait_until (link_is, &link, FALSE, "a and d apart again");
  g_assert_cmpuint (circles_session_get_selected (f->session), ==,
                    circles_test_person (circles_session_get_network (f->session), "a"));

  /* Whom a is connected to: me and c. */
  g_assert_true (gtk_widget_activate (circles_test_find_named (GTK_WIDGET (window), "remove-connection-row")));
  circles_test_wait_until (chooser_shown, f, FALSE, "the chooser");
  chooser = CIRCLES_PERSON_CHOOSER (find_dialog (CIRCLES_TYPE_PERSON_CHOOSER));
  g_assert_cmpuint (circles_person_chooser_get_n_shown (chooser), ==, 2);
  choose (chooser, "c");
  link.b = "c";
  circles_test_wait_until (link_is, &link, FALSE, "a and c apart");

  g_assert_true (gtk_widget_activate (circles_test_find_named (GTK_WIDGET (window), "new-person-row")));
  circles_test_wait_until (new_person_shown, f, FALSE, "the new person's form");
  form = CIRCLES_NEW_PERSON_DIALOG (find_dialog (CIRCLES_TYPE_NEW_PERSON_DIALOG));
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (form), "add"));
  circles_new_person_dialog_fill (form, "Nadia Benali", "Prospect SA", "Buyer", "Nadia's page");
  g_assert_false (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (form), "add"));
  circles_new_person_dialog_fill (form, NULL, NULL, NULL, "linkedin.com/in/nadia-benali");
  g_assert_true (adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (form), "add"));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (form), "add");
  people.f = f;
  circles_test_wait_until (has_n_people, &people, FALSE, "Nadia");
  network = circles_session_get_network (f->session);
  g_assert_true (connected (network, "a", "https://linkedin.com/in/nadia-benali"));
  g_assert_cmpuint (degree_of (f, "https://linkedin.com/in/nadia-benali"), ==, 2);
  g_assert_cmpstr (circles_network_get_company (network, circles_test_person (network, "https://linkedin.com/in/nadia-benali")),
                   ==, "Prospect SA");

  gtk_window_destroy (GTK_WINDOW (window));
  circles_test_drain ();
  circles_test_finalize (window);
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
  g_test_add ("/sources-ui/whose-question", Fixture, NULL,
              fixture_set_up, test_whose_question, fixture_tear_down);
  g_test_add ("/sources-ui/pane-edits", Fixture, NULL,
              fixture_set_up, test_pane_edits, fixture_tear_down);

  return g_test_run ();
}
