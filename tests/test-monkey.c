/* test-monkey.c: thousands of random actions on the real window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Under G_DEBUG=fatal-warnings (set by tests/meson.build), a window on
 * a demo network takes random actions: select people (known keys and
 * junk), zoom, pan, move the selection, search, toggle the panels,
 * colour by, import a fixture, export, reload, resize, filter the
 * prospects, look at an introducer, export the prospects, rate. Any
 * critical or warning aborts. The seed is printed; CIRCLES_TEST_SEED replays a run,
 * CIRCLES_MONKEY_ACTIONS changes how many actions run.
 */
#include "config.h"

#include <adwaita.h>

#include "circles-canvas.h"
#include "circles-demo.h"
#include "circles-prospecting.h"
#include "circles-session.h"
#include "circles-store.h"
#include "circles-test-ui.h"
#include "circles-test-util.h"
#include "circles-window.h"
#include "robust-util.h"

#define DEFAULT_ACTIONS 2000
#define WAIT_TIMEOUT_SECONDS 120

static const char * const junk_keys[] = {
  "", "nobody", "<b>", "\xe2\x80\xae", "me ", "ME", "%s%n", "https://", "demo-0",
};

static gboolean
timeout_cb (gpointer user_data)
{
  g_error ("Timed out waiting for %s", (const char *) user_data);
  return G_SOURCE_REMOVE;
}

static void
wait_idle (CirclesSession *session)
{
  guint id = g_timeout_add_seconds (WAIT_TIMEOUT_SECONDS, timeout_cb, (gpointer) "the session");

  while (circles_session_get_busy (session) ||
         circles_session_get_state (session) == CIRCLES_SESSION_STATE_NONE ||
         circles_session_get_state (session) == CIRCLES_SESSION_STATE_LOADING)
    g_main_context_iteration (NULL, TRUE);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_source_remove (id);
}

static char *
make_demo_database (const char *dir)
{
  char *path = g_build_filename (dir, "monkey.db", NULL);
  g_autoptr(CirclesStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = circles_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (circles_demo_generate (store, 1500, 7, NULL, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_monkey (void)
{
  g_autofree char *dir = circles_test_make_tmpdir ();
  g_autofree char *db = make_demo_database (dir);
  g_autofree char *fixture = circles_test_fixture ("robustness/monkey-import.csv");
  g_autoptr(CirclesSession) session = circles_session_new (db);
  const char *env = g_getenv ("CIRCLES_MONKEY_ACTIONS");
  guint n_actions = env != NULL ? (guint) g_ascii_strtoull (env, NULL, 10) : DEFAULT_ACTIONS;
  guint32 seed = robust_seed ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  guint counts[16] = { 0 };
  guint n_exports = 0;
  CirclesWindow *window;
  CirclesProspecting *prospecting = circles_prospecting_get_for_session (session);
  GtkWidget *canvas, *entry;

  window = circles_window_new (NULL, session);
  g_object_ref (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  wait_idle (session);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  g_assert_cmpint (circles_session_get_state (session), ==, CIRCLES_SESSION_STATE_READY);

  canvas = circles_test_find_of_type (GTK_WIDGET (window), CIRCLES_TYPE_CANVAS);
  g_assert_nonnull (canvas);
  entry = circles_test_find_named (GTK_WIDGET (window), "search-entry");
  g_assert_nonnull (entry);

  for (guint i = 0; i < n_actions; i++)
    {
      CirclesNetwork *network = circles_session_get_network (session);
      guint n_people = network != NULL ? circles_network_get_n_people (network) : 0;
      int width = MAX (gtk_widget_get_width (canvas), 1);
      int height = MAX (gtk_widget_get_height (canvas), 1);
      guint kind = g_rand_int_range (rand, 0, 1000) / 10;
      guint rare = g_rand_int_range (rand, 0, 1000);

      /* Long work only now and then. */
      if (kind < 30)
        {
          counts[0]++;
          if (n_people > 0 && g_rand_int_range (rand, 0, 5) > 0)
            gtk_widget_activate_action (GTK_WIDGET (window), "win.select-person", "s",
                                        circles_network_get_key (network,
                                                                 g_rand_int_range (rand, 0, n_people)));
          else
            gtk_widget_activate_action (GTK_WIDGET (window), "win.select-person", "s",
                                        junk_keys[g_rand_int_range (rand, 0, G_N_ELEMENTS (junk_keys))]);
        }
      else if (kind < 45)
        {
          static const char * const zooms[] = { "canvas.zoom-in", "canvas.zoom-out", "canvas.zoom-fit" };

          counts[1]++;
          gtk_widget_activate_action (canvas, zooms[g_rand_int_range (rand, 0, 3)], NULL);
        }
      else if (kind < 55)
        {
          /* Pan and zoom around a point, inside or outside the canvas. */
          counts[2]++;
          circles_canvas_zoom_at (CIRCLES_CANVAS (canvas),
                                  g_rand_double_range (rand, 0.2, 5.0),
                                  g_rand_double_range (rand, -0.5, 1.5) * width,
                                  g_rand_double_range (rand, -0.5, 1.5) * height,
                                  g_rand_boolean (rand));
        }
      else if (kind < 65)
        {
          static const char * const moves[] = {
            "canvas.select-next", "canvas.select-previous", "canvas.clear-selection",
            "canvas.center-selection",
          };

          counts[3]++;
          if (g_rand_boolean (rand))
            gtk_widget_activate_action (canvas, moves[g_rand_int_range (rand, 0, G_N_ELEMENTS (moves))], NULL);
          else
            gtk_widget_activate_action (canvas, "canvas.move-selection", "(ii)",
                                        g_rand_int_range (rand, -1, 2), g_rand_int_range (rand, -1, 2));
        }
      else if (kind < 78)
        {
          static const char * const searches[] = {
            "a", "ma", "zz", "<", "", "demo", "é", "Marie", "\xe2\x80\xae", "  ",
          };

          counts[4]++;
          gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL);
          gtk_editable_set_text (GTK_EDITABLE (entry),
                                 searches[g_rand_int_range (rand, 0, G_N_ELEMENTS (searches))]);
          g_signal_emit_by_name (entry, g_rand_boolean (rand) ? "search-changed" : "next-match");
          if (g_rand_int_range (rand, 0, 4) == 0)
            g_signal_emit_by_name (entry, "stop-search");
        }
      else if (kind < 86)
        {
          counts[5]++;
          gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-people", NULL);
        }
      else if (kind < 90)
        {
          static const char * const colors[] = { "circle", "company" };
          g_autoptr(GVariant) state = g_variant_ref_sink (g_variant_new_string (colors[g_rand_int_range (rand, 0, 2)]));

          counts[6]++;
          /* The stateful action from the settings; only valid choices. */
          if (g_action_group_has_action (G_ACTION_GROUP (window), "color-by"))
            g_action_group_change_action_state (G_ACTION_GROUP (window), "color-by", state);
        }
      else if (kind < 94)
        {
          counts[7]++;
          gtk_window_set_default_size (GTK_WINDOW (window),
                                       g_rand_int_range (rand, 300, 1280),
                                       g_rand_int_range (rand, 300, 1000));
        }
      else if (rare < 500)
        {
          /* Most of what is left: the people panel again. */
          counts[5]++;
          gtk_widget_activate_action (GTK_WIDGET (window), "win.toggle-people", NULL);
        }
      else if (rare < 540)
        {
          counts[8]++;
          gtk_widget_activate_action (GTK_WIDGET (window), "win.import-file", "s", fixture);
        }
      else if (rare < 600)
        {
          static const char * const extensions[] = { "svg", "png", "pdf" };
          g_autofree char *path = g_strdup_printf ("%s/export-%u.%s", dir, n_exports++,
                                                   extensions[g_rand_int_range (rand, 0, 3)]);

          counts[9]++;
          gtk_widget_activate_action (GTK_WIDGET (window), "win.export-to", "s", path);
        }
      else if (rare < 650)
        {
          counts[10]++;
          gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL);
        }
      else if (rare < 750)
        {
          /* A filter, good or bad (refused), or none. */
          static const char * const filters[] = {
            "", "company~a", "position~sales|buyer", "location~paris", "group~a",
            "company=", "circle=2|3", "company~é,location!~x", "nonsense", "circle=third",
          };

          counts[12]++;
          circles_prospecting_set_filter (prospecting, filters[g_rand_int_range (rand, 0, G_N_ELEMENTS (filters))],
                                          NULL);
        }
      else if (rare < 800)
        {
          /* Whom someone reaches: a 1st-degree person, or anyone (refused). */
          counts[13]++;
          circles_prospecting_set_introducer (prospecting,
                                              n_people > 0 ? (guint) g_rand_int_range (rand, 0, n_people)
                                                           : CIRCLES_NO_PERSON);
        }
      else if (rare < 830)
        {
          g_autofree char *path = g_strdup_printf ("%s/prospects-%u.csv", dir, n_exports++);

          counts[14]++;
          gtk_widget_activate_action (GTK_WIDGET (window), "win.export-prospects-to", "s", path);
        }
      else if (rare < 860)
        {
          /* A rating (refused unless 1st degree and the database idle). */
          counts[15]++;
          if (n_people > 0)
            circles_session_rate_async (session, g_rand_int_range (rand, 0, n_people),
                                        g_rand_int_range (rand, 0, 6), NULL, NULL, NULL);
        }
      else
        {
          counts[11]++;
          gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-import", NULL);
        }

      /* Let the window react; draw now and then. */
      for (guint n = 0; n < 4 && g_main_context_pending (NULL); n++)
        g_main_context_iteration (NULL, FALSE);
      if (i % 100 == 99)
        gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
    }

  wait_idle (session);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  if (circles_session_get_error (session) != NULL)
    g_test_message ("session error: %s", circles_session_get_error (session)->message);
  g_assert_cmpint (circles_session_get_state (session), ==, CIRCLES_SESSION_STATE_READY);

  g_test_message ("%u actions: %u select, %u zoom, %u pan, %u move, %u search, %u panel, "
                  "%u colour, %u resize, %u import, %u export, %u reload, %u cancel, "
                  "%u filter, %u introducer, %u prospect list, %u rating",
                  n_actions, counts[0], counts[1], counts[2], counts[3], counts[4], counts[5],
                  counts[6], counts[7], counts[8], counts[9], counts[10], counts[11],
                  counts[12], counts[13], counts[14], counts[15]);

  /* Close whatever dialogs the failures opened (exports while busy). */
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  circles_test_finalize (window);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/monkey/window", test_monkey);

  return g_test_run ();
}
