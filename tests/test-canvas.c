/* test-canvas.c: the diagram widget: selection and chains, keys, zoom, a11y, export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <math.h>
#include <string.h>

#include "circles-canvas.h"
#include "circles-selection.h"
#include "circles-layout.h"
#include "circles-paths.h"
#include "circles-session.h"
#include "circles-store.h"
#include "circles-test-ui.h"
#include "circles-test-util.h"
#include "circles-window.h"

#define WAIT_TIMEOUT_SECONDS 120

/*   me - a, b, c         1st: a b c
 *   a, b, c - d          2nd: d (3 mutual connections), e (1)
 *   a - e
 *   d - f                3rd: f (3 chains: me-a-d-f, me-b-d-f, me-c-d-f) */
#define NETWORK "me-a me-b me-c a-d b-d c-d a-e d-f"

static gboolean
timeout_cb (gpointer user_data)
{
  g_error ("Timed out waiting for %s", (const char *) user_data);
  return G_SOURCE_REMOVE;
}

static gboolean
export_reported (CirclesWindow *window)
{
  return circles_test_find_text (GTK_WIDGET (window), "Exported “shown.svg”") != NULL;
}

typedef struct
{
  CirclesStore   *store;
  CirclesSession *session;
  CirclesWindow  *window;
  CirclesCanvas  *canvas;
  CirclesNetwork *network;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = circles_test_store_new (NETWORK);
  fixture->session = circles_session_new (circles_store_get_path (fixture->store));
  fixture->window = g_object_ref (circles_window_new (NULL, fixture->session));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1000, 700);
  gtk_window_present (GTK_WINDOW (fixture->window));
  circles_test_wait_for_session (fixture->session);
  g_assert_cmpint (circles_session_get_state (fixture->session), ==, CIRCLES_SESSION_STATE_READY);
  fixture->canvas = CIRCLES_CANVAS (circles_test_find_of_type (GTK_WIDGET (fixture->window), CIRCLES_TYPE_CANVAS));
  g_assert_nonnull (fixture->canvas);
  fixture->network = circles_session_get_network (fixture->session);
  g_assert_nonnull (circles_session_get_scene (fixture->session));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->canvas));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  CirclesWindow *window = fixture->window;

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  circles_test_finalize (window);
  circles_test_finalize (fixture->session);
  g_clear_object (&fixture->store);
}

static guint
person (Fixture    *fixture,
        const char *key)
{
  guint p = circles_network_lookup (fixture->network, key);

  g_assert_cmpuint (p, !=, CIRCLES_NO_PERSON);
  return p;
}

static void
select_key (Fixture    *fixture,
            const char *key)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.select-person", "s", key));
}

static void
test_select_highlights_chains (Fixture       *fixture,
                               gconstpointer  data)
{
  g_assert_cmpuint (circles_canvas_get_n_highlighted_chains (fixture->canvas), ==, 0);

  /* 2nd degree: a chain through each mutual connection. */
  select_key (fixture, "d");
  g_assert_cmpuint (circles_session_get_selected (fixture->session), ==, person (fixture, "d"));
  g_assert_cmpuint (circles_canvas_get_n_highlighted_chains (fixture->canvas), ==, 3);
  g_assert_cmpuint (circles_canvas_get_chains_total (fixture->canvas), ==, 3);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->canvas));

  select_key (fixture, "e");
  g_assert_cmpuint (circles_canvas_get_n_highlighted_chains (fixture->canvas), ==, 1);

  /* 3rd degree: me → a|b|c → d → f. */
  select_key (fixture, "f");
  g_assert_cmpuint (circles_canvas_get_n_highlighted_chains (fixture->canvas), ==, 3);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->canvas));

  /* Escape clears, through the canvas's action. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->canvas), "canvas.clear-selection", NULL));
  g_assert_cmpuint (circles_session_get_selected (fixture->session), ==, CIRCLES_NO_PERSON);
  g_assert_cmpuint (circles_canvas_get_n_highlighted_chains (fixture->canvas), ==, 0);

  /* An unknown key selects nobody. */
  select_key (fixture, "nobody");
  g_assert_cmpuint (circles_session_get_selected (fixture->session), ==, CIRCLES_NO_PERSON);
}

/* The introducer rows of the person pane, in order. */
static GtkWidget *
introducer_row (Fixture *fixture,
                guint    index)
{
  GtkWidget *row = circles_test_find_named (GTK_WIDGET (fixture->window), "introducer-row");

  g_assert_nonnull (row);
  for (guint i = 0; i < index && row != NULL; i++)
    row = gtk_widget_get_next_sibling (row);
  g_assert_nonnull (row);
  return row;
}

static void
assert_highlighted (Fixture       *fixture,
                    const guint32 *people,
                    guint          length)
{
  const guint32 *drawn;
  guint drawn_length;

  drawn = circles_canvas_get_highlighted_chain (fixture->canvas, &drawn_length);
  g_assert_nonnull (drawn);
  g_assert_cmpmem (drawn, drawn_length * sizeof (guint32), people, length * sizeof (guint32));
}

/* The chain chosen in the person pane is the chain the canvas draws as
 * the one to follow, not the warmest one. */
static void
test_chosen_chain (Fixture       *fixture,
                   gconstpointer  data)
{
  CirclesPaths *paths;
  const CirclesChain *warmest, *third;
  guint32 via_mutual[3];
  guint length;

  /* 3rd degree: three chains, the warmest drawn first. */
  select_key (fixture, "f");
  paths = circles_paths_find (fixture->network, person (fixture, "f"), CIRCLES_SELECTION_MAX_CHAINS);
  g_assert_cmpuint (paths->chains->len, ==, 3);
  warmest = &g_array_index (paths->chains, CirclesChain, 0);
  third = &g_array_index (paths->chains, CirclesChain, 2);
  g_assert_cmpint (memcmp (warmest->people, third->people, sizeof warmest->people), !=, 0);
  assert_highlighted (fixture, warmest->people, warmest->length);

  /* The third row chosen: its chain is drawn, and the session knows. */
  g_signal_emit_by_name (introducer_row (fixture, 2), "activate");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->canvas));
  assert_highlighted (fixture, third->people, third->length);

  /* Back to the first. */
  g_signal_emit_by_name (introducer_row (fixture, 0), "activate");
  assert_highlighted (fixture, warmest->people, warmest->length);
  circles_paths_free (paths);

  /* 2nd degree: the chain through the chosen mutual connection. */
  select_key (fixture, "d");
  paths = circles_paths_find (fixture->network, person (fixture, "d"), CIRCLES_SELECTION_MAX_CHAINS);
  g_assert_cmpuint (paths->mutual->len, ==, 3);
  via_mutual[0] = person (fixture, "me");
  via_mutual[1] = g_array_index (paths->mutual, guint32, 1);
  via_mutual[2] = person (fixture, "d");
  g_signal_emit_by_name (introducer_row (fixture, 1), "activate");
  assert_highlighted (fixture, via_mutual, 3);
  circles_paths_free (paths);

  /* Someone else: none chosen, the warmest drawn again. */
  select_key (fixture, "f");
  paths = circles_paths_find (fixture->network, person (fixture, "f"), CIRCLES_SELECTION_MAX_CHAINS);
  g_assert_null (circles_session_get_chain (fixture->session, &length));
  g_assert_cmpuint (length, ==, 0);
  assert_highlighted (fixture, g_array_index (paths->chains, CirclesChain, 0).people, 4);
  circles_paths_free (paths);
}

static void
test_accessible_description (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *d = circles_canvas_describe_person (fixture->network, person (fixture, "d"));
  g_autofree char *e = circles_canvas_describe_person (fixture->network, person (fixture, "e"));
  g_autofree char *f = circles_canvas_describe_person (fixture->network, person (fixture, "f"));

  g_assert_cmpstr (d, ==, "d, 2nd-degree connection, 3 mutual connections");
  g_assert_cmpstr (e, ==, "e, 2nd-degree connection, 1 mutual connection");
  g_assert_cmpstr (f, ==, "f, 3rd-degree connection, 0 mutual connections");

  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (fixture->canvas)), ==,
                   GTK_ACCESSIBLE_ROLE_GROUP);
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (fixture->canvas)));

  select_key (fixture, "d");
  gtk_test_accessible_assert_property (fixture->canvas, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, d);
  gtk_test_accessible_assert_property (fixture->canvas, GTK_ACCESSIBLE_PROPERTY_LABEL, "Circles of me");
}

static void
test_keyboard_moves_selection (Fixture       *fixture,
                               gconstpointer  data)
{
  GtkWidget *canvas = GTK_WIDGET (fixture->canvas);
  guint placed = 0, seen_me = 0;

  /* Tab goes round every placed person, me first. */
  for (guint i = 0; i < 7; i++)
    {
      guint selected;

      g_assert_true (gtk_widget_activate_action (canvas, "canvas.select-next", NULL));
      selected = circles_session_get_selected (fixture->session);
      g_assert_cmpuint (selected, !=, CIRCLES_NO_PERSON);
      if (selected == circles_network_get_me (fixture->network))
        seen_me++;
      placed++;
    }
  g_assert_cmpuint (seen_me, ==, 1);
  /* 7 people are placed: the 8th Tab comes back to the first one. */
  g_assert_true (gtk_widget_activate_action (canvas, "canvas.select-next", NULL));
  g_assert_cmpuint (circles_session_get_selected (fixture->session), ==, circles_network_get_me (fixture->network));
  g_assert_true (gtk_widget_activate_action (canvas, "canvas.select-previous", NULL));
  g_assert_cmpuint (circles_session_get_selected (fixture->session), !=, circles_network_get_me (fixture->network));

  /* Arrows: from me, some person lies in at least one direction. */
  circles_session_select (fixture->session, circles_network_get_me (fixture->network));
  {
    static const int directions[][2] = { { 1, 0 }, { -1, 0 }, { 0, 1 }, { 0, -1 } };
    gboolean moved = FALSE;

    for (guint i = 0; i < G_N_ELEMENTS (directions) && !moved; i++)
      {
        circles_session_select (fixture->session, circles_network_get_me (fixture->network));
        gtk_widget_activate_action (canvas, "canvas.move-selection", "(ii)",
                                    directions[i][0], directions[i][1]);
        moved = circles_session_get_selected (fixture->session) != circles_network_get_me (fixture->network);
      }
    g_assert_true (moved);
  }
}

/* Runs the main loop until the zoom stops changing (an animation ends). */
static void
wait_for_zoom (CirclesCanvas *canvas)
{
  guint timeout_id = g_timeout_add_seconds (WAIT_TIMEOUT_SECONDS, timeout_cb, (gpointer) "the zoom");
  gint64 still_since = g_get_monotonic_time ();
  double last = circles_canvas_get_zoom (canvas);

  while (g_get_monotonic_time () - still_since < 500 * 1000)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
      if (circles_canvas_get_zoom (canvas) != last)
        {
          last = circles_canvas_get_zoom (canvas);
          still_since = g_get_monotonic_time ();
        }
    }
  g_source_remove (timeout_id);
}

static void
test_zoom_actions (Fixture       *fixture,
                   gconstpointer  data)
{
  GtkWidget *canvas = GTK_WIDGET (fixture->canvas);
  double fit = circles_canvas_get_zoom (fixture->canvas);

  g_assert_cmpfloat (fit, >, 0.0);

  /* Without animation (the window is not mapped long enough to run one). */
  circles_canvas_zoom_at (fixture->canvas, 2.0, 100, 100, FALSE);
  g_assert_cmpfloat_with_epsilon (circles_canvas_get_zoom (fixture->canvas), fit * 2.0, 1e-9);

  /* The actions animate: wait for the zoom to settle. */
  g_assert_true (gtk_widget_activate_action (canvas, "canvas.zoom-fit", NULL));
  wait_for_zoom (fixture->canvas);
  fit = circles_canvas_get_zoom (fixture->canvas);

  g_assert_true (gtk_widget_activate_action (canvas, "canvas.zoom-in", NULL));
  wait_for_zoom (fixture->canvas);
  g_assert_cmpfloat_with_epsilon (circles_canvas_get_zoom (fixture->canvas) / fit, 1.5, 1e-6);

  g_assert_true (gtk_widget_activate_action (canvas, "canvas.zoom-out", NULL));
  wait_for_zoom (fixture->canvas);
  g_assert_cmpfloat_with_epsilon (circles_canvas_get_zoom (fixture->canvas) / fit, 1.0, 1e-6);
  gtk_test_widget_wait_for_draw (canvas);
}

/* Reloading the same diagram keeps where the user zoomed; a fitted view
 * stays fitted. */
static void
test_reload_keeps_view (Fixture       *fixture,
                        gconstpointer  data)
{
  CirclesView before, after;

  circles_canvas_zoom_at (fixture->canvas, 3.0, 120, 80, FALSE);
  circles_canvas_get_view (fixture->canvas, &before);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.reload", NULL));
  circles_test_wait_for_session (fixture->session);
  g_assert_true (circles_session_get_scene (fixture->session) != NULL);
  circles_canvas_get_view (fixture->canvas, &after);
  g_assert_cmpfloat_with_epsilon (after.zoom, before.zoom, 1e-9);
  g_assert_cmpfloat_with_epsilon (after.offset_x, before.offset_x, 1e-9);
  g_assert_cmpfloat_with_epsilon (after.offset_y, before.offset_y, 1e-9);

  circles_canvas_zoom_to_fit (fixture->canvas, FALSE);
  circles_canvas_get_view (fixture->canvas, &before);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.reload", NULL));
  circles_test_wait_for_session (fixture->session);
  circles_canvas_get_view (fixture->canvas, &after);
  g_assert_cmpfloat_with_epsilon (after.zoom, before.zoom, 1e-9);
}

static void
test_color_by_company (Fixture       *fixture,
                       gconstpointer  data)
{
  g_assert_cmpstr (circles_canvas_get_color_by (fixture->canvas), ==, "circle");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.color-by", "s", "company"));
  g_assert_cmpstr (circles_canvas_get_color_by (fixture->canvas), ==, "company");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->canvas));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.color-by", "s", "circle"));
  g_assert_cmpstr (circles_canvas_get_color_by (fixture->canvas), ==, "circle");
}

static void
test_export_svg (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *dir = circles_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "shown.svg", NULL);
  g_autofree char *contents = NULL;
  xmlDocPtr doc;
  xmlNodePtr root;

  /* The export of what is shown keeps the selection: f, 3rd degree,
   * through a, b or c, then d. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.select-person", "s", "f"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (fixture->canvas));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.export-to", "s", path));
  /* the window says so once the export's task is done */
  circles_test_wait_until ((CirclesTestCondition) export_reported, fixture->window, FALSE, "the export");

  doc = xmlReadFile (path, NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  root = xmlDocGetRootElement (doc);
  g_assert_nonnull (root);
  g_assert_cmpstr ((const char *) root->name, ==, "svg");
  xmlFreeDoc (doc);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<g class=\"person d3 chain selected\" data-key=\"f\""));
  g_assert_nonnull (strstr (contents, "<g class=\"person d2 chain\" data-key=\"d\""));
  g_assert_nonnull (strstr (contents, "data-from=\"d\" data-to=\"f\""));
  g_assert_nonnull (strstr (contents, "<g class=\"person d2\" data-key=\"e\""));
}

static void
test_render_layer (void)
{
  g_autoptr(CirclesNetwork) network = circles_test_network_new (NETWORK);
  g_autoptr(CirclesLayout) layout = circles_layout_new_rings (network, CIRCLES_LAYOUT_ENGINE_RADIAL, NULL, NULL);
  g_autoptr(CirclesScene) scene = circles_scene_new (network, layout);
  g_autoptr(GdkTexture) light = NULL;
  g_autoptr(GdkTexture) dark = NULL;
  g_autofree guchar *pixels = g_malloc (4 * 640 * 400);
  CirclesView view;

  circles_view_init_fit (&view, scene, 320, 200);
  light = circles_canvas_render_layer (scene, &view, 1, FALSE);
  dark = circles_canvas_render_layer (scene, &view, 2, TRUE);
  g_assert_cmpint (gdk_texture_get_width (light), ==, 320);
  g_assert_cmpint (gdk_texture_get_height (dark), ==, 400);

  /* The corner is the background: white, or the dark one. */
  gdk_texture_download (light, pixels, 4 * 320);
  g_assert_cmphex (((guint32 *) pixels)[0], ==, 0xffffffff);
  g_assert_cmpint (gdk_texture_get_width (dark), ==, 640);
  gdk_texture_download (dark, pixels, 4 * 640);
  g_assert_cmphex (((guint32 *) pixels)[0] & 0xff, <, 0x40);
}

int
main (int   argc,
      char *argv[])
{
  /* The accessible properties are kept by GTK's test backend. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/canvas/render-layer", test_render_layer);
  g_test_add ("/canvas/select-highlights-chains", Fixture, NULL,
              fixture_set_up, test_select_highlights_chains, fixture_tear_down);
  g_test_add ("/canvas/chosen-chain", Fixture, NULL,
              fixture_set_up, test_chosen_chain, fixture_tear_down);
  g_test_add ("/canvas/accessible", Fixture, NULL,
              fixture_set_up, test_accessible_description, fixture_tear_down);
  g_test_add ("/canvas/keyboard", Fixture, NULL,
              fixture_set_up, test_keyboard_moves_selection, fixture_tear_down);
  g_test_add ("/canvas/reload-keeps-view", Fixture, NULL,
              fixture_set_up, test_reload_keeps_view, fixture_tear_down);
  g_test_add ("/canvas/zoom", Fixture, NULL,
              fixture_set_up, test_zoom_actions, fixture_tear_down);
  g_test_add ("/canvas/color-by", Fixture, NULL,
              fixture_set_up, test_color_by_company, fixture_tear_down);
  g_test_add ("/canvas/export-svg", Fixture, NULL,
              fixture_set_up, test_export_svg, fixture_tear_down);

  return g_test_run ();
}
