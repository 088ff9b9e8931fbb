/* test-panels.c: the people panel and the person pane on a fixture
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "circles-badge.h"
#include "circles-people-panel.h"
#include "circles-person-item.h"
#include "circles-person-list.h"
#include "circles-person-list-row.h"
#include "circles-person-pane.h"
#include "circles-session.h"
#include "circles-test-ui.h"
#include "circles-test-util.h"

/* The fixture network:
 *
 *   1st: a b c d e f
 *   2nd: t (mutual a b c; warmest a 0.81, c 0.30, b 0.27)
 *        p (mutual a b c d e f; d e f 1.0, a 0.18, c 0.12, b 0.06)
 *        x (through a), y (through b)
 *   3rd: z (chains a→x 0.9, b→y 0.15)
 *   followers: x (2nd), h (beyond)
 *   group "club" with me: y (2nd), j (beyond); group "other" without me
 *   out of network: k
 */
static const char fixture[] =
  "me-a:0.9 me-b:0.3 me-c:0.6 me-d me-e me-f "
  "a-t:0.9 b-t:0.9 c-t:0.5 "
  "d-p e-p f-p a-p:0.2 b-p:0.2 c-p:0.2 "
  "a-x b-y x-z y-z:0.5 "
  "h>me x>me "
  "+club:me,y,j +other:k,h "
  "k";

typedef struct
{
  char           *path;
  CirclesSession *session;
  CirclesNetwork *network;
  GtkWindow      *window;
} Fixture;

static void
wait_until (CirclesTestCondition  condition,
            gpointer              data,
            const char           *what)
{
  circles_test_wait_until (condition, data, FALSE, what);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->session = circles_test_session_new (fixture, &f->path);
  f->network = circles_session_get_network (f->session);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_null (f->window);
  circles_test_finalize (f->session);
  g_free (f->path);
}

/* Puts @widget alone in a new window and shows it; keeps a reference
 * so that its finalization can be checked. */
static GtkWidget *
show_widget (Fixture   *f,
             GtkWidget *widget)
{
  g_assert_null (f->window);
  f->window = GTK_WINDOW (gtk_window_new ());
  g_object_ref (f->window);
  gtk_window_set_default_size (f->window, 420, 900);

  g_object_ref_sink (widget);
  gtk_window_set_child (f->window, widget);
  gtk_window_present (f->window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));

  return widget;
}

/* Destroys the window, and checks that it and @widget are finalized. */
static void
finalize_widget (Fixture   *f,
                 GtkWidget *widget)
{
  gtk_window_destroy (f->window);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  circles_test_finalize (f->window);
  f->window = NULL;
  circles_test_finalize (widget);
}

static void
collect_of_type (GtkWidget *widget,
                 GType      type,
                 GPtrArray *found)
{
  if (g_type_is_a (G_OBJECT_TYPE (widget), type) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_of_type (child, type, found);
}

static GtkWidget *
get_named (GtkWidget  *widget,
           const char *name)
{
  GtkWidget *found = circles_test_find_named (widget, name);

  g_assert_nonnull (found);
  return found;
}

static void
select_key (Fixture    *f,
            const char *key)
{
  circles_session_select (f->session, circles_test_person (f->network, key));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* The introducer rows of the pane, as "title|title|…". */
static char *
introducer_titles (GtkWidget *pane)
{
  GtkWidget *list = get_named (pane, "introducers-list");
  GString *s = g_string_new (NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (list);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (!ADW_IS_ACTION_ROW (row))
        continue;
      if (s->len > 0)
        g_string_append_c (s, '|');
      g_string_append (s, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
    }

  return g_string_free (s, FALSE);
}

static const char *
introducers_description (GtkWidget *pane)
{
  GtkWidget *group = get_named (pane, "introducers-group");

  g_assert_true (gtk_widget_get_visible (group));
  return adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group));
}

static void
activate_introducer (GtkWidget *pane,
                     guint      index)
{
  GtkWidget *list = get_named (pane, "introducers-list");
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), index);

  g_assert_nonnull (row);
  /* What a click on the row does. */
  g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));
}

static void
test_pane_empty (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *pane = show_widget (f, circles_person_pane_new (f->session));

  g_assert_cmpuint (circles_person_pane_get_person (CIRCLES_PERSON_PANE (pane)), ==, CIRCLES_NO_PERSON);
  g_assert_false (gtk_widget_get_mapped (get_named (pane, "person-name")));

  select_key (f, "a");
  g_assert_true (gtk_widget_get_mapped (get_named (pane, "person-name")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_named (pane, "person-name"))), ==, "a");
  g_assert_cmpstr (circles_badge_get_text (CIRCLES_BADGE (get_named (pane, "person-badge"))),
                   ==, "1st-degree connection");
  /* A 1st-degree connection needs no introduction. */
  g_assert_false (gtk_widget_get_visible (get_named (pane, "introducers-group")));
  g_assert_false (gtk_widget_get_visible (get_named (pane, "message-group")));
  g_assert_false (gtk_widget_get_visible (get_named (pane, "reasons-group")));
  /* Nor does connecting with them again bring anyone closer. */
  g_assert_false (gtk_widget_get_visible (get_named (pane, "gain-row")));

  circles_session_select (f->session, CIRCLES_NO_PERSON);
  g_assert_cmpuint (circles_person_pane_get_person (CIRCLES_PERSON_PANE (pane)), ==, CIRCLES_NO_PERSON);

  finalize_widget (f, pane);
}

static void
test_pane_second (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *pane = show_widget (f, circles_person_pane_new (f->session));
  g_autofree char *titles = NULL;
  g_autofree char *message = NULL;
  g_autofree char *copied = NULL;
  GtkWidget *advice;
  GtkWidget *copy;

  select_key (f, "t");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_named (pane, "person-name"))), ==, "t");
  g_assert_cmpstr (circles_badge_get_text (CIRCLES_BADGE (get_named (pane, "person-badge"))),
                   ==, "2nd-degree connection");

  advice = get_named (pane, "advice-row");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (advice)), ==,
                   "Invitation naming your mutual connection, or InMail with a premium plan");
  /* t is reached through my 1st degree only: connecting brings nobody
   * closer, and no "+0 in your 2nd circle, +0 in your 3rd" row says it. */
  g_assert_false (gtk_widget_get_visible (get_named (pane, "gain-row")));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (advice)), ==,
                   "Your best targets: name the person you have in common in your first message");

  /* The mutual connections, warmest first, all of them. */
  titles = introducer_titles (pane);
  g_assert_cmpstr (titles, ==, "a|c|b");
  g_assert_cmpstr (introducers_description (pane), ==,
                   "3 mutual connections, warmest first: choose who to name");
  g_assert_false (gtk_widget_get_visible (get_named (pane, "reasons-group")));

  /* The message names the warmest first, then the one chosen. */
  g_assert_true (gtk_widget_get_visible (get_named (pane, "message-group")));
  message = circles_person_pane_dup_message (CIRCLES_PERSON_PANE (pane));
  g_assert_true (g_str_has_prefix (message, "Hello t,\n"));
  g_assert_nonnull (strstr (message, "a and I are connected"));
  g_clear_pointer (&message, g_free);

  activate_introducer (pane, 1);
  g_assert_cmpuint (circles_person_pane_get_introducer (CIRCLES_PERSON_PANE (pane)), ==, 1);
  message = circles_person_pane_dup_message (CIRCLES_PERSON_PANE (pane));
  g_assert_nonnull (strstr (message, "c and I are connected"));

  /* Copy puts it on the clipboard and says so on the button. */
  copy = get_named (pane, "copy-button");
  g_signal_emit_by_name (copy, "clicked");
  copied = circles_test_clipboard_text (pane);
  g_assert_cmpstr (copied, ==, message);
  g_assert_cmpstr (adw_button_content_get_label (ADW_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (copy)))),
                   ==, "Copied");

  /* More mutual connections than listed: the total and the 5 warmest. */
  select_key (f, "p");
  g_clear_pointer (&titles, g_free);
  titles = introducer_titles (pane);
  g_assert_cmpstr (titles, ==, "d|e|f|a|c");
  g_assert_cmpstr (introducers_description (pane), ==,
                   "6 mutual connections; showing the 5 warmest");
  g_assert_cmpstr (adw_button_content_get_label (ADW_BUTTON_CONTENT (gtk_button_get_child (GTK_BUTTON (copy)))),
                   ==, "_Copy");

  finalize_widget (f, pane);
}

static gboolean
is_sensitive (gpointer widget)
{
  return gtk_widget_is_sensitive (widget);
}

typedef struct
{
  CirclesStore *store;
  gint64        person;
  guint         reasons;
} ReasonsWait;

static gboolean
has_reasons (gpointer data)
{
  ReasonsWait *wait = data;

  return circles_store_get_reasons (wait->store, wait->person) == wait->reasons;
}

/* Until the database holds @reasons for @person: the pane saves them
 * in a worker. */
static void
wait_reasons (CirclesStore *store,
              gint64        person,
              guint         reasons)
{
  ReasonsWait wait = { store, person, reasons };

  circles_test_wait_until (has_reasons, &wait, FALSE, "the reasons saved");
}

static void
test_pane_third (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *pane = show_widget (f, circles_person_pane_new (f->session));
  g_autoptr(CirclesStore) store = circles_store_open (circles_session_get_path (f->session), NULL);
  gint64 z_id = circles_network_get_id (f->network, circles_test_person (f->network, "z"));
  g_autofree char *titles = NULL;
  g_autofree char *message = NULL;
  GtkWidget *event;
  GtkWidget *comments;

  select_key (f, "z");
  /* The request's heading wraps beside its button, never cut. */
  {
    GtkWidget *group = circles_test_find_named (pane, "request-group");
    GtkWidget *heading = circles_test_find_text (group, adw_preferences_group_get_title (ADW_PREFERENCES_GROUP (group)));

    g_assert_nonnull (heading);
    g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (heading)), ==, PANGO_ELLIPSIZE_NONE);
    g_assert_true (gtk_label_get_wrap (GTK_LABEL (heading)));
  }
  g_assert_cmpstr (circles_badge_get_text (CIRCLES_BADGE (get_named (pane, "person-badge"))),
                   ==, "3rd-degree connection");
  /* Connecting with z would bring nobody closer (z knows nobody past
   * the 2nd): no "+0 in your 2nd circle, +0 in your 3rd" row. */
  g_assert_false (gtk_widget_get_visible (get_named (pane, "gain-row")));
  titles = introducer_titles (pane);
  g_assert_cmpstr (titles, ==, "a → x|b → y");
  g_assert_cmpstr (introducers_description (pane), ==, "2 chains, warmest first");

  message = circles_person_pane_dup_message (CIRCLES_PERSON_PANE (pane));
  g_assert_nonnull (strstr (message, "I know a, who knows x."));
  g_clear_pointer (&message, g_free);

  activate_introducer (pane, 1);
  message = circles_person_pane_dup_message (CIRCLES_PERSON_PANE (pane));
  g_assert_nonnull (strstr (message, "I know b, who knows y."));
  g_assert_null (strstr (message, "event"));
  g_clear_pointer (&message, g_free);

  /* The reasons: none yet; toggling one saves it and opens the message. */
  g_assert_true (gtk_widget_get_visible (get_named (pane, "reasons-group")));
  event = get_named (pane, "reason-event");
  comments = get_named (pane, "reason-comments");
  /* Read in a worker: the toggles take clicks once they are known. */
  circles_test_wait_until (is_sensitive, event, FALSE, "the reasons read");
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (event)));
  g_assert_cmpuint (circles_store_get_reasons (store, z_id), ==, 0);

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (event), TRUE);
  wait_reasons (store, z_id, CIRCLES_REASON_EVENT);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (comments), TRUE);
  wait_reasons (store, z_id, CIRCLES_REASON_EVENT | CIRCLES_REASON_COMMENTS);
  message = circles_person_pane_dup_message (CIRCLES_PERSON_PANE (pane));
  g_assert_nonnull (strstr (message, "We met at a recent event"));
  g_clear_pointer (&message, g_free);

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (comments), FALSE);
  wait_reasons (store, z_id, CIRCLES_REASON_EVENT);

  /* Another person has none; coming back shows what was saved. */
  select_key (f, "t");
  g_assert_false (gtk_widget_get_visible (get_named (pane, "reasons-group")));
  select_key (f, "z");
  circles_test_wait_until (is_sensitive, event, FALSE, "the reasons read again");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (event)));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (comments)));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (get_named (pane, "reason-alumni"))));
  g_assert_cmpuint (circles_person_pane_get_introducer (CIRCLES_PERSON_PANE (pane)), ==, 0);

  finalize_widget (f, pane);
}

static void
test_pane_beyond (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *pane = show_widget (f, circles_person_pane_new (f->session));
  GtkWidget *advice;

  select_key (f, "k");
  g_assert_cmpstr (circles_badge_get_text (CIRCLES_BADGE (get_named (pane, "person-badge"))),
                   ==, "Out of network");
  advice = get_named (pane, "advice-row");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (advice)), ==, "Cannot be contacted");
  g_assert_false (gtk_widget_get_visible (get_named (pane, "introducers-group")));
  g_assert_false (gtk_widget_get_visible (get_named (pane, "message-group")));
  /* The keys of the fixture are no web addresses. */
  g_assert_false (gtk_widget_get_visible (get_named (pane, "profile-link")));

  select_key (f, "j");
  g_assert_cmpstr (circles_badge_get_text (CIRCLES_BADGE (get_named (pane, "person-badge"))),
                   ==, "Group member, beyond the 3rd degree");

  finalize_widget (f, pane);
}

/* {{{ The panel */

static gboolean
list_loaded (gpointer data)
{
  gboolean loading;

  g_object_get (data, "loading", &loading, NULL);
  return !loading;
}

static GListModel *
view_items (GtkWidget *panel,
            const char *name)
{
  GtkWidget *view = get_named (panel, name);
  GtkSelectionModel *selection = gtk_list_view_get_model (GTK_LIST_VIEW (view));
  GListModel *model = gtk_single_selection_get_model (GTK_SINGLE_SELECTION (selection));

  /* a ring's list is filtered by the filter of the Prospects page */
  if (GTK_IS_FILTER_LIST_MODEL (model))
    model = gtk_filter_list_model_get_model (GTK_FILTER_LIST_MODEL (model));
  return model;
}

/* The people of a list, as "key|key|…". */
static char *
list_keys (CirclesNetwork *network,
           GListModel     *model)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(CirclesPersonItem) item = g_list_model_get_item (model, i);

      if (s->len > 0)
        g_string_append_c (s, '|');
      g_string_append (s, circles_network_get_key (network, circles_person_item_get_person (item)));
    }

  return g_string_free (s, FALSE);
}

/* The rows on screen under @widget, as "name:badge|…". */
static char *
row_badges (GtkWidget *widget)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GString *s = g_string_new (NULL);

  collect_of_type (widget, CIRCLES_TYPE_PERSON_LIST_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      CirclesPersonListRow *row = g_ptr_array_index (rows, i);
      CirclesPersonItem *item = circles_person_list_row_get_item (row);
      g_autoptr(GPtrArray) badges = g_ptr_array_new ();

      if (item == NULL)
        continue;
      collect_of_type (GTK_WIDGET (row), CIRCLES_TYPE_BADGE, badges);
      g_assert_cmpuint (badges->len, ==, 1);
      if (s->len > 0)
        g_string_append_c (s, '|');
      g_string_append_printf (s, "%s:%s", circles_person_item_get_name (item),
                              circles_badge_get_text (g_ptr_array_index (badges, 0)));
    }

  return g_string_free (s, FALSE);
}

static void
test_panel_counts (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *panel = show_widget (f, circles_people_panel_new (f->session));

  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_named (panel, "first-count"))), ==, "6");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_named (panel, "second-count"))), ==, "4");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_named (panel, "third-count"))), ==, "1");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_named (panel, "follower-count"))), ==, "2");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_named (panel, "group-member-count"))), ==, "2");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_named (panel, "out-of-network-count"))), ==, "1");

  finalize_widget (f, panel);
}

static void
test_panel_followers (Fixture       *f,
                      gconstpointer  data)
{
  GtkWidget *panel = show_widget (f, circles_people_panel_new (f->session));
  GListModel *followers;
  GtkWidget *view;
  g_autofree char *keys = NULL;
  g_autofree char *badges = NULL;

  circles_people_panel_show_page (CIRCLES_PEOPLE_PANEL (panel), "followers");
  followers = view_items (panel, "followers-view");
  wait_until (list_loaded, followers, "the followers");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));

  /* Closest first. */
  keys = list_keys (f->network, followers);
  g_assert_cmpstr (keys, ==, "x|h");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_named (panel, "followers-label"))), ==,
                   "2 followers read your posts without being connected to you");

  view = get_named (panel, "followers-view");
  badges = row_badges (view);
  g_assert_cmpstr (badges, ==, "x:2nd|h:Beyond 3rd");

  /* Activating a row selects the person; the list follows the session. */
  g_signal_emit_by_name (view, "activate", 1);
  g_assert_cmpuint (circles_session_get_selected (f->session), ==, circles_test_person (f->network, "h"));

  gtk_selection_model_select_item (gtk_list_view_get_model (GTK_LIST_VIEW (view)), 0, TRUE);
  g_assert_cmpuint (circles_session_get_selected (f->session), ==, circles_test_person (f->network, "x"));

  select_key (f, "h");
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (view)))),
                    ==, 1);
  select_key (f, "a");
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (view)))),
                    ==, GTK_INVALID_LIST_POSITION);

  finalize_widget (f, panel);
}

static void
test_panel_rings (Fixture       *f,
                  gconstpointer  data)
{
  GtkWidget *panel = show_widget (f, circles_people_panel_new (f->session));
  GListModel *ring;
  GtkWidget *view;
  g_autofree char *keys = NULL;

  /* Opening the 2nd circle from its row lists it, most mutual first. */
  g_assert_true (gtk_widget_activate (get_named (panel, "second-row")));
  ring = view_items (panel, "ring-view");
  wait_until (list_loaded, ring, "the 2nd circle");
  keys = list_keys (f->network, ring);
  g_assert_cmpstr (keys, ==, "p|t|x|y");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_named (panel, "ring-title"))), ==,
                   "2nd-Degree Connections");

  view = get_named (panel, "ring-view");
  g_signal_emit_by_name (view, "activate", 1);
  g_assert_cmpuint (circles_session_get_selected (f->session), ==, circles_test_person (f->network, "t"));

  /* The 1st circle, by name. */
  circles_people_panel_show_ring (CIRCLES_PEOPLE_PANEL (panel), 1);
  ring = view_items (panel, "ring-view");
  wait_until (list_loaded, ring, "the 1st circle");
  g_clear_pointer (&keys, g_free);
  keys = list_keys (f->network, ring);
  g_assert_cmpstr (keys, ==, "a|b|c|d|e|f");

  select_key (f, "c");
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (view)))),
                    ==, 2);

  circles_people_panel_show_ring (CIRCLES_PEOPLE_PANEL (panel), 3);
  ring = view_items (panel, "ring-view");
  wait_until (list_loaded, ring, "the 3rd circle");
  g_clear_pointer (&keys, g_free);
  keys = list_keys (f->network, ring);
  g_assert_cmpstr (keys, ==, "z");

  finalize_widget (f, panel);
}

static void
test_panel_groups (Fixture       *f,
                   gconstpointer  data)
{
  GtkWidget *panel = show_widget (f, circles_people_panel_new (f->session));
  GListModel *tree;
  g_autoptr(GtkTreeListRow) group_row = NULL;
  g_autoptr(GObject) group = NULL;
  g_autofree char *badges = NULL;
  GtkWidget *view;

  circles_people_panel_show_page (CIRCLES_PEOPLE_PANEL (panel), "groups");
  tree = view_items (panel, "groups-view");

  /* Only the groups I am in, read in a worker. */
  circles_test_wait_for_items (tree, "the groups");
  g_assert_cmpuint (g_list_model_get_n_items (tree), ==, 1);
  group_row = g_list_model_get_item (tree, 0);
  group = gtk_tree_list_row_get_item (group_row);
  g_assert_true (CIRCLES_IS_PERSON_LIST (group));
  g_assert_cmpstr (circles_person_list_get_title (CIRCLES_PERSON_LIST (group)), ==, "club");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (get_named (panel, "groups-label"))), ==,
                   "You share 1 group: message its members there");

  /* Activating the group opens it: its members with their degree. */
  view = get_named (panel, "groups-view");
  g_signal_emit_by_name (view, "activate", 0);
  g_assert_true (gtk_tree_list_row_get_expanded (group_row));
  g_assert_cmpuint (g_list_model_get_n_items (tree), ==, 3);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  badges = row_badges (view);
  g_assert_cmpstr (badges, ==, "y:2nd|j:Beyond 3rd");

  g_signal_emit_by_name (view, "activate", 2);
  g_assert_cmpuint (circles_session_get_selected (f->session), ==, circles_test_person (f->network, "j"));

  finalize_widget (f, panel);
}

static void
test_panel_out_of_network (Fixture       *f,
                           gconstpointer  data)
{
  GtkWidget *panel = show_widget (f, circles_people_panel_new (f->session));
  GtkWidget *status;
  GListModel *out;
  g_autofree char *keys = NULL;

  circles_people_panel_show_page (CIRCLES_PEOPLE_PANEL (panel), "out-of-network");
  status = get_named (panel, "out-status");
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==, "1 Person Out of Network");

  /* The list only on demand. */
  out = view_items (panel, "out-view");
  g_assert_cmpuint (g_list_model_get_n_items (out), ==, 0);
  g_signal_emit_by_name (get_named (panel, "out-show-button"), "clicked");
  wait_until (list_loaded, out, "the people out of network");
  keys = list_keys (f->network, out);
  g_assert_cmpstr (keys, ==, "k");

  finalize_widget (f, panel);
}

/* }}} */

static void
count_changes_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *changes)
{
  (*changes)++;
}

/* Items are made on demand, and the content changes in one step. */
static void
test_person_list_lazy (void)
{
  g_autoptr(CirclesNetwork) network = circles_test_network_new ("me-a a-b b-c");
  g_autoptr(CirclesPersonList) list = circles_person_list_new (NULL);
  const guint32 people[] = { 1, 2, 3 };
  g_autoptr(CirclesPersonItem) first = NULL;
  g_autoptr(CirclesPersonItem) again = NULL;
  guint changes = 0;


  g_signal_connect (list, "items-changed", G_CALLBACK (count_changes_cb), &changes);
  circles_person_list_set_people (list, network, people, G_N_ELEMENTS (people));
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  g_assert_cmpuint (circles_person_list_find (list, 2), ==, 1);
  g_assert_cmpuint (circles_person_list_find (list, 0), ==, G_MAXUINT);

  /* Items are made on demand, and the last ones kept. */
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  again = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_true (first == again);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 3));

  circles_person_list_clear (list);
  g_assert_cmpuint (changes, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/person-list/lazy", test_person_list_lazy);
  g_test_add ("/person-pane/empty", Fixture, NULL, fixture_set_up, test_pane_empty, fixture_tear_down);
  g_test_add ("/person-pane/second", Fixture, NULL, fixture_set_up, test_pane_second, fixture_tear_down);
  g_test_add ("/person-pane/third", Fixture, NULL, fixture_set_up, test_pane_third, fixture_tear_down);
  g_test_add ("/person-pane/beyond", Fixture, NULL, fixture_set_up, test_pane_beyond, fixture_tear_down);
  g_test_add ("/people-panel/counts", Fixture, NULL, fixture_set_up, test_panel_counts, fixture_tear_down);
  g_test_add ("/people-panel/followers", Fixture, NULL, fixture_set_up, test_panel_followers, fixture_tear_down);
  g_test_add ("/people-panel/rings", Fixture, NULL, fixture_set_up, test_panel_rings, fixture_tear_down);
  g_test_add ("/people-panel/groups", Fixture, NULL, fixture_set_up, test_panel_groups, fixture_tear_down);
  g_test_add ("/people-panel/out-of-network", Fixture, NULL, fixture_set_up, test_panel_out_of_network, fixture_tear_down);

  return g_test_run ();
}
