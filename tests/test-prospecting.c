/* test-prospecting.c: the filter and the introducers, from the panel to the rings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "circles-canvas.h"
#include "circles-people-panel.h"
#include "circles-prospecting.h"
#include "circles-session.h"
#include "circles-test-ui.h"
#include "circles-test-util.h"
#include "circles-window.h"

/* 1st: a b c; 2nd: p q r s (p, q through a; r through b; s through b
 * and c); 3rd: z (through p). Companies: p, q, r at Acme; a at Acme too.
 * Locations: p and s in Paris (read from the database). Group "club"
 * with me: r. */
static const char fixture[] =
  "me-a me-b me-c a-p a-q b-r b-s c-s p-z +club:me,r";

typedef struct
{
  char           *path;
  CirclesSession *session;
  CirclesNetwork *network;
  CirclesWindow  *window;
  CirclesProspecting *prospecting;
} Fixture;

static gboolean
results_ready (Fixture *f)
{
  return !circles_prospecting_get_computing (f->prospecting);
}

/* Until the filter is applied: typing settles first, then a worker. */
static void
wait_for_results (Fixture *f)
{
  g_usleep (300 * 1000);
  circles_test_drain ();
  circles_test_wait_until ((CirclesTestCondition) results_ready, f, FALSE, "the prospects");
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(CirclesStore) store = circles_test_store_new (fixture);
  g_autoptr(GError) error = NULL;

  g_assert_true (circles_store_begin (store, &error));
  circles_test_set_fields (store, "a", "Acme", NULL, NULL);
  circles_test_set_fields (store, "p", "Acme", NULL, "Paris");
  circles_test_set_fields (store, "q", "Acme", NULL, "Lyon");
  circles_test_set_fields (store, "r", "ACME Europe", NULL, NULL);
  circles_test_set_fields (store, "s", "Zeta", NULL, "Paris, France");
  g_assert_true (circles_store_commit (store, &error));
  f->path = g_strdup (circles_store_get_path (store));
  g_clear_object (&store);

  f->session = circles_session_new (f->path);
  f->window = circles_window_new (NULL, f->session);
  g_object_ref (f->window);
  gtk_window_present (GTK_WINDOW (f->window));
  circles_test_wait_for_session (f->session);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_cmpint (circles_session_get_state (f->session), ==, CIRCLES_SESSION_STATE_READY);
  f->network = circles_session_get_network (f->session);
  f->prospecting = circles_prospecting_get_for_session (f->session);
  wait_for_results (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  circles_test_drain ();
  circles_test_finalize (f->window);
  circles_test_finalize (f->session);
  g_free (f->path);
}

static GtkWidget *
get_named (Fixture    *f,
           const char *name)
{
  GtkWidget *panel = circles_test_find_of_type (GTK_WIDGET (f->window), CIRCLES_TYPE_PEOPLE_PANEL);
  GtkWidget *found;

  g_assert_nonnull (panel);
  found = circles_test_find_named (panel, name);
  g_assert_nonnull (found);
  return found;
}

static const char *
label_text (Fixture    *f,
            const char *name)
{
  return gtk_label_get_text (GTK_LABEL (get_named (f, name)));
}

static void
type_into (Fixture    *f,
           const char *field,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (get_named (f, field)), text);
  wait_for_results (f);
}

/* The people the canvas makes stand out, as keys in snapshot order. */
static char *
emphasised (Fixture *f)
{
  GtkWidget *canvas = circles_test_find_of_type (GTK_WIDGET (f->window), CIRCLES_TYPE_CANVAS);
  GString *s = g_string_new (NULL);
  CirclesView view;

  circles_canvas_get_view (CIRCLES_CANVAS (canvas), &view);
  if (view.emphasis == NULL)
    return g_string_free (s, FALSE);
  for (guint p = 0; p < circles_network_get_n_people (f->network); p++)
    if (view.emphasis[p])
      g_string_append_printf (s, "%s%s", s->len > 0 ? " " : "", circles_network_get_key (f->network, p));
  return g_string_free (s, FALSE);
}

/* The titles of the introducer rows, "a|b|…". */
static char *
introducer_rows (Fixture *f)
{
  GtkWidget *list = get_named (f, "prospect-introducers");
  GString *s = g_string_new (NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row))
      g_string_append_printf (s, "%s%s", s->len > 0 ? "|" : "",
                              adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  return g_string_free (s, FALSE);
}

/* The rows of the legend that count the circles, as the canvas shows
 * them now, "1st circle 1 of 3|2nd circle 3 of 4|…". */
static char *
legend_counts (Fixture *f)
{
  GtkWidget *canvas = circles_test_find_of_type (GTK_WIDGET (f->window), CIRCLES_TYPE_CANVAS);
  CirclesScene *scene = circles_session_get_scene (f->session);
  const CirclesScenePrimitive *prims = circles_scene_get_primitives (scene, NULL);
  GString *s = g_string_new (NULL);
  CirclesView view;
  guint first, n;

  circles_canvas_get_view (CIRCLES_CANVAS (canvas), &view);
  circles_scene_get_range (scene, CIRCLES_SCENE_LEGEND, &first, &n);
  for (guint i = first; i < first + n; i++)
    if (prims[i].flags & CIRCLES_SCENE_FLAG_COUNT)
      {
        g_autofree char *text = circles_scene_legend_text (scene, i, &view);

        g_string_append_printf (s, "%s%s", s->len > 0 ? "|" : "", text);
      }
  return g_string_free (s, FALSE);
}

/* The titles of the rows of a list of introducers, "a|b". */
static char *
list_rows (Fixture    *f,
           const char *name)
{
  GtkWidget *list = get_named (f, name);
  GString *s = g_string_new (NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_ACTION_ROW (row) && gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)))
      g_string_append_printf (s, "%s%s", s->len > 0 ? "|" : "",
                              adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
  return g_string_free (s, FALSE);
}

static GtkListBoxRow *
introducer_row (Fixture *f,
                guint    index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (get_named (f, "prospect-introducers")), index);

  g_assert_nonnull (row);
  return row;
}

/* Without a filter: nobody is dimmed; the prospects are the 2nd degree. */
static void
test_no_filter (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *none = emphasised (f);
  g_autofree char *rows = introducer_rows (f);

  g_assert_cmpstr (none, ==, "");
  g_assert_null (circles_prospecting_get_matches (f->prospecting));
  g_assert_cmpuint (circles_prospecting_get_n_prospects (f->prospecting), ==, 4);
  g_assert_nonnull (strstr (label_text (f, "match-summary"), "4 people of your 2nd circle"));
  /* b reaches r and s, a p and q, c only s */
  g_assert_cmpstr (rows, ==, "a|b|c");
  /* the cover: a and b, each adding 2 prospects */
  {
    g_autofree char *cover = list_rows (f, "prospect-cover-list");
    guint n_gains;
    const guint *gains = circles_prospecting_get_cover_gains (f->prospecting, &n_gains);
    GtkWidget *group = gtk_widget_get_ancestor (get_named (f, "prospect-cover-list"), ADW_TYPE_PREFERENCES_GROUP);

    g_assert_cmpstr (cover, ==, "a|b");
    g_assert_cmpuint (n_gains, ==, 2);
    g_assert_cmpuint (gains[0], ==, 2);
    g_assert_cmpuint (gains[1], ==, 2);
    g_assert_nonnull (strstr (adw_preferences_group_get_description (ADW_PREFERENCES_GROUP (group)),
                              "The smallest set found: 2 connections"));
    g_assert_nonnull (circles_test_find_text (get_named (f, "prospect-cover-list"), "+2"));
    g_assert_false (gtk_widget_get_visible (get_named (f, "prospect-cover")));
  }
  g_assert_false (gtk_widget_get_sensitive (get_named (f, "filter-clear")));

  /* Whom to connect with next: p would bring z into the 2nd circle. */
  {
    GtkWidget *gains = get_named (f, "top-gains");
    GtkListBoxRow *first = gtk_list_box_get_row_at_index (GTK_LIST_BOX (gains), 0);

    g_assert_nonnull (first);
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)), ==, "p");
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (first)), ==,
                     "+1 in your 2nd circle, +0 in your 3rd");
    /* the disc says "2" once, without "2nd" beside it */
    {
      GtkWidget *word = circles_test_find_text (GTK_WIDGET (first), "2nd");

      g_assert_nonnull (circles_test_find_text (GTK_WIDGET (first), "2"));
      g_assert_true (word == NULL || !gtk_widget_get_visible (word));
    }
    g_signal_emit_by_name (gains, "row-activated", first);
    g_assert_cmpuint (circles_session_get_selected (f->session), ==, circles_test_person (f->network, "p"));
  }

  /* Ties going cold: a leads to p and q, and nothing says when we last
   * spoke; its button copies a note to pick up the thread. */
  {
    GtkWidget *cold = get_named (f, "cold-ties");
    GtkListBoxRow *first = gtk_list_box_get_row_at_index (GTK_LIST_BOX (cold), 0);
    GtkWidget *copy;
    g_autofree char *note = NULL;

    g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (cold, ADW_TYPE_PREFERENCES_GROUP)));
    g_assert_nonnull (first);
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (first)), ==, "a");
    g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (first)), ==,
                     "reaches 2 of your prospects · no message nor date of connection known");
    copy = circles_test_find_of_type (GTK_WIDGET (first), GTK_TYPE_BUTTON);
    g_assert_nonnull (copy);
    g_signal_emit_by_name (copy, "clicked");
    note = circles_test_clipboard_text (copy);
    g_assert_true (g_str_has_prefix (note, "Hello a,"));
    g_assert_cmpstr (gtk_widget_get_tooltip_text (copy), ==, "Copied");
  }
}

/* A company filter: matches stand out on the rings, counts follow, and
 * the introducers are those of the matching prospects. */
static void
test_company_filter (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *matches = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *after = NULL;

  type_into (f, "filter-company", "acme");

  matches = emphasised (f);
  g_assert_cmpstr (matches, ==, "a p q r");
  g_assert_cmpuint (circles_prospecting_get_n_prospects (f->prospecting), ==, 3);
  g_assert_cmpstr (label_text (f, "match-summary"), ==,
                   "4 people match: 1 in your 1st circle, 3 in your 2nd, 0 in your 3rd.");
  g_assert_cmpstr (label_text (f, "first-count"), ==, "1 of 3");
  g_assert_cmpstr (label_text (f, "second-count"), ==, "3 of 4");
  g_assert_cmpstr (label_text (f, "third-count"), ==, "0 of 1");
  /* the legend of the canvas counts the same */
  {
    g_autofree char *legend = legend_counts (f);

    g_test_message ("legend: %s", legend);
    g_assert_nonnull (strstr (legend, "1st circle 1 of 3|2nd circle 3 of 4|3rd circle 0 of 1|"));
  }
  rows = introducer_rows (f);
  g_assert_cmpstr (rows, ==, "a|b");
  g_assert_true (gtk_widget_get_sensitive (get_named (f, "filter-clear")));

  /* alternatives, and a second field: both must hold */
  type_into (f, "filter-company", "zeta|acme europe");
  type_into (f, "filter-location", "paris");
  g_clear_pointer (&matches, g_free);
  matches = emphasised (f);
  g_assert_cmpstr (matches, ==, "s");

  /* Clear: everyone again, counts as they were */
  g_signal_emit_by_name (get_named (f, "filter-clear"), "clicked");
  wait_for_results (f);
  after = emphasised (f);
  g_assert_cmpstr (after, ==, "");
  g_assert_cmpstr (label_text (f, "second-count"), ==, "4");
  {
    g_autofree char *legend = legend_counts (f);

    g_assert_true (g_str_has_prefix (legend, "1st circle 3 / 30,000|2nd circle 4|3rd circle 1|"));
  }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_named (f, "filter-location"))), ==, "");
}

/* A group filter reads the memberships from the database. */
static void
test_group_filter (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *matches = NULL;

  type_into (f, "filter-group", "club");
  matches = emphasised (f);
  g_assert_cmpstr (matches, ==, "r");
  g_assert_null (circles_prospecting_get_error (f->prospecting));
}

/* Choosing an introducer makes whom they reach stand out; choosing them
 * again shows the filter's matches (here: everyone) again. */
static void
test_introducer (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *list = get_named (f, "prospect-introducers");
  g_autofree char *reached = NULL;
  g_autofree char *again = NULL;
  g_autofree char *filtered = NULL;

  /* b, the 2nd row: r and s */
  g_signal_emit_by_name (list, "row-activated", introducer_row (f, 1));
  circles_test_drain ();
  g_assert_cmpuint (circles_prospecting_get_introducer (f->prospecting), ==,
                    circles_test_person (f->network, "b"));
  g_assert_cmpuint (circles_prospecting_get_introducer_reach (f->prospecting), ==, 2);
  reached = emphasised (f);
  g_assert_cmpstr (reached, ==, "b r s");
  g_assert_nonnull (strstr (label_text (f, "prospect-cover"), "b can introduce you to 2"));
  /* lines from b to r and s */
  {
    guint n_links;
    const guint32 *links = circles_prospecting_get_introducer_links (f->prospecting, &n_links);
    g_autofree char *legend = legend_counts (f);

    g_assert_cmpuint (n_links, ==, 2);
    for (guint i = 0; i < n_links; i++)
      g_assert_cmpuint (links[2 * i], ==, circles_test_person (f->network, "b"));
    g_assert_true (links[1] == circles_test_person (f->network, "r") || links[3] == circles_test_person (f->network, "r"));
    g_assert_nonnull (strstr (legend, "1st circle 1 of 3|2nd circle 2 of 4|3rd circle 0 of 1|"));
  }

  g_signal_emit_by_name (list, "row-activated", introducer_row (f, 1));
  circles_test_drain ();
  g_assert_cmpuint (circles_prospecting_get_introducer (f->prospecting), ==, CIRCLES_NO_PERSON);
  again = emphasised (f);
  g_assert_cmpstr (again, ==, "");

  /* Under a filter on the 3rd degree too: a reaches z through p. */
  g_assert_true (circles_prospecting_set_filter (f->prospecting, "circle=3", NULL));
  wait_for_results (f);
  g_signal_emit_by_name (list, "row-activated", introducer_row (f, 0));
  circles_test_drain ();
  filtered = emphasised (f);
  g_assert_cmpstr (filtered, ==, "a p z");
  /* a line to p, and from p to z */
  {
    guint n_links;
    const guint32 *links = circles_prospecting_get_introducer_links (f->prospecting, &n_links);

    g_assert_cmpuint (n_links, ==, 2);
    g_assert_cmpuint (links[0], ==, circles_test_person (f->network, "a"));
    g_assert_cmpuint (links[1], ==, circles_test_person (f->network, "p"));
    g_assert_cmpuint (links[2], ==, circles_test_person (f->network, "p"));
    g_assert_cmpuint (links[3], ==, circles_test_person (f->network, "z"));
  }
}

/* Back on the Circles page, a bar says what stands out and shows
 * everyone again; the list of a ring shows who stands out (the
 * filter's matches, or whom the introducer reaches), the selection
 * scrolled to. */
static void
test_circles_page_highlight (Fixture       *f,
                             gconstpointer  data)
{
  GtkWidget *panel = circles_test_find_of_type (GTK_WIDGET (f->window), CIRCLES_TYPE_PEOPLE_PANEL);
  GtkWidget *bar = get_named (f, "highlight-list");
  GtkWidget *row = get_named (f, "highlight-row");
  GtkListView *ring_view;
  GtkSelectionModel *model;
  g_autofree char *none = NULL;

  g_assert_false (gtk_widget_get_visible (bar));

  type_into (f, "filter-company", "acme");
  g_assert_true (gtk_widget_get_visible (bar));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "On the rings: the 4 people who match the filter of the Prospects page");

  /* the 2nd ring lists p q r, not s */
  circles_people_panel_show_ring (CIRCLES_PEOPLE_PANEL (panel), 2);
  circles_test_drain ();
  ring_view = GTK_LIST_VIEW (circles_test_find_named (panel, "ring-view"));
  g_assert_nonnull (ring_view);
  model = gtk_list_view_get_model (ring_view);
  /* The ring's list is read in a worker. */
  circles_test_wait_for_items (G_LIST_MODEL (model), "the ring");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);
  g_assert_nonnull (strstr (label_text (f, "ring-subtitle"), "3 of 4 people"));
  circles_session_select (f->session, circles_test_person (f->network, "r"));
  circles_test_drain ();
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (model)), !=, GTK_INVALID_LIST_POSITION);

  /* an introducer says so, and the ring lists whom they reach (a: p
   * and q); the button lets go of it first */
  circles_prospecting_set_introducer (f->prospecting, circles_test_person (f->network, "a"));
  circles_test_drain ();
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), "a can introduce you to"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
  g_assert_nonnull (strstr (label_text (f, "ring-subtitle"), "2 of 4 people"));
  g_signal_emit_by_name (get_named (f, "highlight-clear"), "clicked");
  circles_test_drain ();
  g_assert_cmpuint (circles_prospecting_get_introducer (f->prospecting), ==, CIRCLES_NO_PERSON);
  g_assert_true (gtk_widget_get_visible (bar));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);

  /* then the filter: the fields of the Prospects page follow */
  g_signal_emit_by_name (get_named (f, "highlight-clear"), "clicked");
  wait_for_results (f);
  none = emphasised (f);
  g_assert_cmpstr (none, ==, "");
  g_assert_false (gtk_widget_get_visible (bar));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (get_named (f, "filter-company"))), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 4);
}

/* A filter that does not parse is refused and the last one kept; a new
 * snapshot starts without an introducer. */
static void
test_bad_filter_and_reload (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *matches = NULL;

  type_into (f, "filter-company", "acme");
  type_into (f, "filter-company", "acme|");
  g_assert_cmpstr (circles_prospecting_get_filter (f->prospecting), ==, "company~acme");
  g_assert_true (gtk_widget_has_css_class (get_named (f, "filter-company"), "error"));
  g_assert_false (circles_prospecting_set_filter (f->prospecting, "compny=x", &error));
  g_assert_error (error, CIRCLES_PROSPECTS_ERROR, CIRCLES_PROSPECTS_ERROR_BAD_FILTER);

  circles_prospecting_set_introducer (f->prospecting, circles_test_person (f->network, "a"));
  g_assert_cmpuint (circles_prospecting_get_introducer (f->prospecting), !=, CIRCLES_NO_PERSON);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.reload", NULL));
  circles_test_wait_for_session (f->session);
  f->network = circles_session_get_network (f->session);
  wait_for_results (f);
  g_assert_cmpuint (circles_prospecting_get_introducer (f->prospecting), ==, CIRCLES_NO_PERSON);
  /* the filter stays, on the new snapshot */
  matches = emphasised (f);
  g_assert_cmpstr (matches, ==, "a p q r");
}

/* The person pane of a 1st-degree connection says how many prospects
 * they can introduce, and shows them on the rings; the page follows. */
static void
test_pane_reach (Fixture       *f,
                 gconstpointer  data)
{
  GtkWidget *row, *button;
  g_autofree char *shown = NULL;
  g_autofree char *none = NULL;

  circles_session_select (f->session, circles_test_person (f->network, "b"));
  circles_test_drain ();
  row = circles_test_find_named (GTK_WIDGET (f->window), "reach-row");
  button = circles_test_find_named (GTK_WIDGET (f->window), "reach-button");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_get_visible (row));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "Can introduce you to 2 of your 4 prospects");

  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
  g_assert_cmpuint (circles_prospecting_get_introducer (f->prospecting), ==,
                    circles_test_person (f->network, "b"));
  shown = emphasised (f);
  g_assert_cmpstr (shown, ==, "b r s");
  g_assert_nonnull (strstr (label_text (f, "prospect-cover"), "b can introduce you to 2"));

  /* chosen from the page instead: the button follows */
  circles_prospecting_set_introducer (f->prospecting, CIRCLES_NO_PERSON);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
  none = emphasised (f);
  g_assert_cmpstr (none, ==, "");

  /* a 2nd-degree person introduces nobody */
  circles_session_select (f->session, circles_test_person (f->network, "p"));
  circles_test_drain ();
  g_assert_false (gtk_widget_get_visible (row));
}

static gboolean
export_reported (Fixture *f)
{
  return circles_test_find_text (GTK_WIDGET (f->window), "Exported “prospects.csv”") != NULL;
}

/* The list to act on, written from the window, is what the command
 * writes for the same filter. */
static void
test_export_list (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *dir = circles_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "prospects.csv", NULL);
  g_autofree char *written = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;

  type_into (f, "filter-company", "acme");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export-prospects-to", "s", path));
  /* written in a worker; the window says so once the task is done (and
   * has let go of the window) */
  circles_test_wait_until ((CirclesTestCondition) export_reported, f, FALSE, "the list");

  g_assert_true (g_file_get_contents (path, &written, NULL, &error));
  g_assert_no_error (error);
  lines = g_strsplit (written, "\r\n", -1);
  /* the header, p q r, and the empty end */
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  g_assert_true (g_str_has_prefix (lines[0], "key,name,company"));
  g_assert_true (g_str_has_prefix (lines[1], "p,") || g_str_has_prefix (lines[2], "p,") ||
                 g_str_has_prefix (lines[3], "p,"));

  g_assert_cmpint (circles_test_run_cli (f->path, &expected, NULL, "prospects", "-",
                                         "--filter", "company~acme", NULL), ==, 0);
  g_assert_cmpstr (written, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/prospecting/no-filter", Fixture, NULL, fixture_set_up, test_no_filter, fixture_tear_down);
  g_test_add ("/prospecting/company-filter", Fixture, NULL, fixture_set_up, test_company_filter, fixture_tear_down);
  g_test_add ("/prospecting/group-filter", Fixture, NULL, fixture_set_up, test_group_filter, fixture_tear_down);
  g_test_add ("/prospecting/introducer", Fixture, NULL, fixture_set_up, test_introducer, fixture_tear_down);
  g_test_add ("/prospecting/circles-page-highlight", Fixture, NULL, fixture_set_up,
              test_circles_page_highlight, fixture_tear_down);
  g_test_add ("/prospecting/bad-filter-and-reload", Fixture, NULL, fixture_set_up,
              test_bad_filter_and_reload, fixture_tear_down);

  g_test_add ("/prospecting/pane-reach", Fixture, NULL, fixture_set_up, test_pane_reach, fixture_tear_down);
  g_test_add ("/prospecting/export-list", Fixture, NULL, fixture_set_up, test_export_list, fixture_tear_down);

  return g_test_run ();
}
