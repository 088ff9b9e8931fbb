/* test-models.c: the models the widgets observe, without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The models (src/models) hold the store and call the analysis; they
 * link no GTK, so that these run in the core suite.
 */
#include "config.h"

#include <gio/gio.h>

#include "circles-cold.h"
#include "circles-editor.h"
#include "circles-group-list.h"
#include "circles-person-details.h"
#include "circles-prospecting.h"
#include "circles-session.h"
#include "circles-test-util.h"

static void
wait_until (CirclesTestCondition  condition,
            gpointer              data,
            const char           *what)
{
  circles_test_wait_until (condition, data, FALSE, what);
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

static CirclesSession *
session_new (const char *description)
{
  g_autoptr(CirclesStore) store = circles_test_store_new (description);
  CirclesSession *session = circles_session_new (circles_store_get_path (store));

  g_clear_object (&store);
  circles_session_load_async (session, NULL, NULL, NULL);
  wait_until (session_ready, session, "the session");
  return session;
}

/* The session opens a database in its worker; the editor connects two
 * people and undoes it; the person details say the circle and chains. */
static void
test_session_and_editor (void)
{
  g_autoptr(CirclesSession) session = session_new ("me-a me-b a-c b-c c-d");
  g_autoptr(CirclesEditor) editor = NULL;
  g_autoptr(CirclesPersonDetails) details = NULL;
  CirclesNetwork *network;
  Edit edit = { 0, };

  network = circles_session_get_network (session);
  g_assert_cmpuint (circles_network_get_counts (network)->first, ==, 2);
  g_assert_cmpuint (degree_of (session, "d"), ==, 3);

  circles_session_select (session, circles_test_person (network, "d"));
  details = circles_person_details_new (session, circles_session_get_selection (session), 5);
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

static gboolean
has_selection (gpointer data)
{
  return circles_session_get_selection (data) != NULL;
}

/* The chains of a click are found once, by the session: at once in a
 * small network, in a worker past the threshold, where only the last
 * of quick clicks counts; the chosen chain is the selection's. */
static void
test_selection (void)
{
  g_autoptr(CirclesSession) session = session_new ("me-a me-b a-c b-c c-d me-e e-f");
  CirclesNetwork *network = circles_session_get_network (session);
  guint me = circles_network_get_me (network);
  guint a = circles_test_person (network, "a"), b = circles_test_person (network, "b");
  guint c = circles_test_person (network, "c"), d = circles_test_person (network, "d");
  guint32 chosen[] = { me, b, c, d };
  CirclesSelection *selection;
  const CirclesChain *chain;

  circles_session_select (session, d);
  selection = circles_session_get_selection (session);
  g_assert_nonnull (selection);
  g_assert_cmpuint (circles_selection_get_person (selection), ==, d);
  g_assert_cmpuint (circles_selection_get_n_chains (selection), ==, 2);
  /* The warmest (ties by keys): through a. */
  chain = circles_selection_get_chosen (selection, NULL);
  g_assert_cmpuint (chain->people[1], ==, a);

  circles_session_set_chain (session, chosen, G_N_ELEMENTS (chosen));
  g_assert_true (circles_session_get_selection (session) == selection);
  chain = circles_selection_get_chosen (selection, NULL);
  g_assert_cmpuint (chain->people[1], ==, b);

  circles_session_select (session, CIRCLES_NO_PERSON);
  g_assert_null (circles_session_get_selection (session));

  /* Past the threshold: found in a worker; quick clicks, the last wins. */
  g_object_set (session, "selection-worker-links", 0, NULL);
  circles_session_select (session, d);
  g_assert_null (circles_session_get_selection (session));
  circles_session_select (session, circles_test_person (network, "f"));
  circles_session_select (session, c);
  g_assert_null (circles_session_get_selection (session));
  wait_until (has_selection, session, "the chains in a worker");
  selection = circles_session_get_selection (session);
  g_assert_cmpuint (circles_selection_get_person (selection), ==, c);
  g_assert_cmpuint (circles_selection_get_n_chains (selection), ==, 2);
  g_assert_true (circles_selection_get_network (selection) == network);
  /* Nothing older comes after it. */
  circles_test_drain ();
  g_assert_true (circles_session_get_selection (session) == selection);
}

static gboolean
reasons_known (gpointer data)
{
  return circles_person_details_get_reasons_known (data);
}

static gboolean
rating_known (gpointer data)
{
  return circles_person_details_get_rating_known (data);
}

typedef struct
{
  gboolean  done;
  GError   *error;
} Saved;

static void
reasons_saved_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Saved *saved = user_data;

  circles_person_details_set_reasons_finish (CIRCLES_PERSON_DETAILS (object), result, &saved->error);
  saved->done = TRUE;
}

static gboolean
saved_done (gpointer data)
{
  return ((Saved *) data)->done;
}

/* What the snapshot does not hold is read in workers through the
 * session's worker store: the reasons and the rating of a person (and
 * the reasons saved the same way), the groups I share. */
static void
test_worker_reads (void)
{
  g_autoptr(CirclesSession) session = session_new ("me-a:0.8 a-b b-c +club:me,a,c +other:b,c");
  CirclesNetwork *network = circles_session_get_network (session);
  g_autoptr(CirclesPersonDetails) details = NULL;
  g_autoptr(CirclesGroupList) groups = circles_group_list_new ();
  g_autoptr(CirclesPersonList) club = NULL;
  Saved saved = { FALSE, NULL };

  circles_session_select (session, circles_test_person (network, "c"));
  details = circles_person_details_new (session, circles_session_get_selection (session), 5);
  g_assert_false (circles_person_details_get_reasons_known (details));
  wait_until (reasons_known, details, "the reasons");
  g_assert_cmpuint (circles_person_details_get_reasons (details), ==, 0);

  circles_person_details_set_reasons_async (details, CIRCLES_REASON_ALUMNI, reasons_saved_cb, &saved);
  wait_until (saved_done, &saved, "the reasons saved");
  g_assert_no_error (saved.error);
  g_assert_cmpuint (circles_person_details_get_reasons (details), ==, CIRCLES_REASON_ALUMNI);
  g_clear_object (&details);
  details = circles_person_details_new (session, circles_session_get_selection (session), 5);
  wait_until (reasons_known, details, "the reasons again");
  g_assert_cmpuint (circles_person_details_get_reasons (details), ==, CIRCLES_REASON_ALUMNI);
  g_clear_object (&details);

  /* My rating of a 1st-degree connection. */
  circles_session_select (session, circles_test_person (network, "a"));
  details = circles_person_details_new (session, circles_session_get_selection (session), 5);
  wait_until (rating_known, details, "the rating");
  g_assert_cmpuint (circles_person_details_get_rating (details), ==, 0);

  /* Only the groups I am in, with their other members. */
  circles_group_list_load_async (groups, session, NULL, NULL, NULL);
  circles_test_wait_for_items (G_LIST_MODEL (groups), "the groups");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (groups)), ==, 1);
  club = g_list_model_get_item (G_LIST_MODEL (groups), 0);
  g_assert_cmpstr (circles_person_list_get_title (club), ==, "club");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (club)), ==, 2);
}

typedef struct
{
  GCancellable *cancellable;
  gboolean      done;
  gboolean      ok;
} Import;

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Import *import = user_data;

  import->ok = circles_session_import_finish (CIRCLES_SESSION (object), result, NULL, NULL);
  import->done = TRUE;
}

static gboolean
import_done (gpointer data)
{
  return ((Import *) data)->done;
}

/* The reload starts: the import is committed. */
static void
stage_cb (CirclesSession *session,
          GParamSpec     *pspec,
          Import         *import)
{
  if (circles_session_get_stage (session) != CIRCLES_SESSION_STAGE_NONE)
    g_cancellable_cancel (import->cancellable);
}

/* An import cancelled a moment too late (its file written, the network
 * being reloaded) is an import done: the network is the new one, not a
 * failed load. */
static void
test_import_cancelled_late (void)
{
  g_autoptr(CirclesSession) session = session_new ("me-a");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *followers = circles_test_write_file ("followers.csv",
                                                       "Follower,Name\nzed,Zed Zimmerman\n", -1);
  Import import = { cancellable, FALSE, FALSE };
  gulong handler;

  handler = g_signal_connect (session, "notify::stage", G_CALLBACK (stage_cb), &import);
  circles_session_import_async (session, followers, CIRCLES_IMPORT_FORMAT_AUTO, cancellable,
                                import_done_cb, &import);
  wait_until (import_done, &import, "the import");
  g_signal_handler_disconnect (session, handler);

  g_assert_true (g_cancellable_is_cancelled (cancellable));
  g_assert_true (import.ok);
  g_assert_cmpint (circles_session_get_state (session), ==, CIRCLES_SESSION_STATE_READY);
  g_assert_cmpuint (circles_test_person (circles_session_get_network (session), "zed"), !=, CIRCLES_NO_PERSON);
}

static gboolean
prospecting_done (gpointer data)
{
  return !circles_prospecting_get_computing (data) && circles_prospecting_get_cold (data) != NULL;
}

/* The ties going cold count months from the last message, read once per
 * network and kept through the filter's changes. */
static void
test_cold_messages (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirclesStore) store = circles_test_store_new ("me-a a-p a-q me-b b-r");
  g_autoptr(CirclesSession) session = NULL;
  CirclesProspecting *prospecting;
  const GArray *cold;
  const CirclesColdTie *tie;
  guint months;

  g_assert_true (circles_store_begin (store, &error));
  g_assert_true (circles_store_set_messages (store, circles_store_lookup_person (store, "a"),
                                             2, 1, "2020-01-15", &error));
  g_assert_true (circles_store_commit (store, &error));
  session = circles_session_new (circles_store_get_path (store));
  g_clear_object (&store);
  circles_session_load_async (session, NULL, NULL, NULL);
  wait_until (session_ready, session, "the session");

  prospecting = circles_prospecting_get_for_session (session);
  wait_until (prospecting_done, prospecting, "the prospects");
  cold = circles_prospecting_get_cold (prospecting);
  g_assert_cmpuint (cold->len, ==, 2);
  tie = &g_array_index (cold, CirclesColdTie, 0);
  g_assert_cmpuint (tie->person, ==, circles_test_person (circles_session_get_network (session), "a"));
  g_assert_true (tie->messaged);
  g_assert_cmpuint (tie->reach, ==, 2);
  g_assert_cmpuint (tie->months, >=, 70);
  months = tie->months;

  g_assert_true (circles_prospecting_set_filter (prospecting, "circle=2", &error));
  g_assert_no_error (error);
  wait_until (prospecting_done, prospecting, "the prospects again");
  g_assert_cmpstr (circles_prospecting_get_filter (prospecting), ==, "circle=2");
  cold = circles_prospecting_get_cold (prospecting);
  g_assert_cmpuint (cold->len, ==, 2);
  tie = &g_array_index (cold, CirclesColdTie, 0);
  g_assert_cmpuint (tie->person, ==, circles_test_person (circles_session_get_network (session), "a"));
  g_assert_true (tie->messaged);
  g_assert_cmpuint (tie->months, ==, months);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/models/session-and-editor", test_session_and_editor);
  g_test_add_func ("/models/selection", test_selection);
  g_test_add_func ("/models/worker-reads", test_worker_reads);
  g_test_add_func ("/models/import-cancelled-late", test_import_cancelled_late);
  g_test_add_func ("/models/cold-messages", test_cold_messages);

  return g_test_run ();
}
