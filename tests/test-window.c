/* test-window.c: the main window on fixture databases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "circles-application.h"
#include "circles-badge.h"
#include "circles-canvas.h"
#include "circles-session.h"
#include "circles-store.h"
#include "circles-test-ui.h"
#include "circles-test-util.h"
#include "circles-window.h"

static const char *
label_text (CirclesWindow *window,
            const char    *name)
{
  GtkWidget *label = circles_test_find_named (GTK_WIDGET (window), name);

  g_assert_nonnull (label);
  g_assert_true (GTK_IS_LABEL (label));
  return gtk_label_get_text (GTK_LABEL (label));
}

static const char *
visible_page (CirclesWindow *window)
{
  GtkWidget *stack = circles_test_find_named (GTK_WIDGET (window), "main-stack");

  g_assert_nonnull (stack);
  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

static gint64
add_person (CirclesStore *store,
            const char   *key,
            const char   *name)
{
  g_autoptr(GError) error = NULL;
  CirclesPersonFields fields = { 0 };
  gint64 id;

  id = circles_store_ensure_person (store, key, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  fields.display_name = name;
  circles_store_update_person (store, id, &fields, &error);
  g_assert_no_error (error);

  return id;
}

static void
connect (CirclesStore *store,
         gint64        a,
         gint64        b)
{
  g_autoptr(GError) error = NULL;

  circles_store_add_connection (store, a, b, -1, NULL, &error);
  g_assert_no_error (error);
}

/* A network whose circles are known:
 *
 *   me - a, b, c             1st: a b c             (3)
 *   a - d, b - e             2nd: d e               (2)
 *   d - f                    3rd: f                 (1)
 *   f - g                    g is 4th: out of network
 *   h follows me; d and a follow me (a is 1st: not a follower)
 *                            followers: d h         (2)
 *   group "Alumni": me, e, i group members: e i     (2)
 *   j alone                  out of network: g j    (2)
 */
static char *
make_fixture_database (gboolean with_me)
{
  g_autofree char *dir = circles_test_make_tmpdir ();
  char *path = g_build_filename (dir, "fixture.db", NULL);
  g_autoptr(CirclesStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 me, a, b, c, d, e, f, g, h, i, group;

  store = circles_store_open (path, &error);
  g_assert_no_error (error);

  circles_store_begin (store, &error);
  g_assert_no_error (error);

  me = add_person (store, "me", "Marie Curie");
  a = add_person (store, "a", "Alice Martin");
  b = add_person (store, "b", "Bruno Bernard");
  c = add_person (store, "c", "Chloé Dubois");
  d = add_person (store, "d", "David Thomas");
  e = add_person (store, "e", "Emma Robert");
  f = add_person (store, "f", "Farid Richard");
  g = add_person (store, "g", "Gabrielle Petit");
  h = add_person (store, "h", "Hugo Durand");
  i = add_person (store, "i", "Inès Leroy");
  add_person (store, "j", "Jules Moreau");

  connect (store, me, a);
  connect (store, me, b);
  connect (store, me, c);
  connect (store, a, d);
  connect (store, b, e);
  connect (store, d, f);
  connect (store, f, g);

  circles_store_add_follow (store, h, me, &error);
  g_assert_no_error (error);
  circles_store_add_follow (store, d, me, &error);
  g_assert_no_error (error);
  circles_store_add_follow (store, a, me, &error);
  g_assert_no_error (error);

  group = circles_store_ensure_group (store, "Alumni", &error);
  g_assert_no_error (error);
  circles_store_add_membership (store, group, me, &error);
  g_assert_no_error (error);
  circles_store_add_membership (store, group, e, &error);
  g_assert_no_error (error);
  circles_store_add_membership (store, group, i, &error);
  g_assert_no_error (error);

  if (with_me)
    {
      circles_store_set_me (store, me, &error);
      g_assert_no_error (error);
    }

  circles_store_commit (store, &error);
  g_assert_no_error (error);

  return path;
}

static char *
make_empty_database (void)
{
  g_autofree char *dir = circles_test_make_tmpdir ();
  char *path = g_build_filename (dir, "empty.db", NULL);
  g_autoptr(CirclesStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = circles_store_open (path, &error);
  g_assert_no_error (error);

  return path;
}

static CirclesWindow *
open_window (CirclesSession *session)
{
  CirclesWindow *window = circles_window_new (NULL, session);

  /* GTK owns toplevels; keep a reference to check the finalization. */
  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));
  circles_test_wait_for_session (session);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  return window;
}

static void
close_window (CirclesWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  circles_test_finalize (window);
}

static void
test_window_counts (void)
{
  g_autofree char *path = make_fixture_database (TRUE);
  g_autoptr(CirclesSession) session = circles_session_new (path);
  CirclesWindow *window;
  GtkWidget *title;
  GtkWidget *cap_bar;

  window = open_window (session);

  g_assert_cmpint (circles_session_get_state (session), ==, CIRCLES_SESSION_STATE_READY);
  g_assert_nonnull (circles_session_get_network (session));
  g_assert_cmpstr (visible_page (window), ==, "network");

  title = circles_test_find_of_type (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE);
  g_assert_nonnull (title);
  g_assert_cmpstr (adw_window_title_get_title (ADW_WINDOW_TITLE (title)), ==, "fixture.db");

  g_assert_cmpstr (label_text (window, "me-name"), ==, "Marie Curie");
  g_assert_cmpstr (label_text (window, "summary"), ==, "10 people in the network, 7 connections");
  g_assert_cmpstr (label_text (window, "first-count"), ==, "3");
  g_assert_cmpstr (label_text (window, "second-count"), ==, "2");
  g_assert_cmpstr (label_text (window, "third-count"), ==, "1");
  g_assert_cmpstr (label_text (window, "follower-count"), ==, "2");
  g_assert_cmpstr (label_text (window, "group-member-count"), ==, "2");
  g_assert_cmpstr (label_text (window, "out-of-network-count"), ==, "2");
  g_assert_cmpstr (label_text (window, "cap-count"), ==, "3 of 30,000");

  cap_bar = circles_test_find_named (GTK_WIDGET (window), "cap-bar");
  g_assert_nonnull (cap_bar);
  g_assert_cmpfloat_with_epsilon (gtk_level_bar_get_value (GTK_LEVEL_BAR (cap_bar)),
                                  3.0 / 30000.0, 1e-9);

  /* Nothing to generate into a database that is not empty. */
  g_assert_false (gtk_widget_is_sensitive (circles_test_find_named (GTK_WIDGET (window), "demo-button")));

  /* Reloading gives the same counts. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL));
  circles_test_wait_for_session (session);
  g_assert_cmpstr (visible_page (window), ==, "network");
  g_assert_cmpstr (label_text (window, "first-count"), ==, "3");

  close_window (window);
}

static void
test_window_search (void)
{
  g_autofree char *path = make_fixture_database (TRUE);
  g_autoptr(CirclesSession) session = circles_session_new (path);
  CirclesNetwork *network;
  CirclesWindow *window;
  GtkWidget *entry;

  window = open_window (session);
  network = circles_session_get_network (session);
  g_assert_nonnull (network);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  entry = circles_test_find_named (GTK_WIDGET (window), "search-entry");
  g_assert_nonnull (entry);

  /* By name, case and accents aside from the case folding. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "emma");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpuint (circles_session_get_selected (session), ==, circles_network_lookup (network, "e"));
  g_assert_cmpstr (label_text (window, "search-status"), ==, "1 of 1");

  /* By key. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "f");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpuint (circles_session_get_selected (session), !=, CIRCLES_NO_PERSON);

  /* Names that start with the text come first: "Da" is David, not Farid Richard. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "da");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpuint (circles_session_get_selected (session), ==, circles_network_lookup (network, "d"));

  /* Nobody. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "zzz");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpstr (label_text (window, "search-status"), ==, "No one found");

  /* Ctrl+F again, the bar open and the focus elsewhere: the entry has the
   * focus back, its text selected to be typed over. */
  {
    int start = -1, end = -1;
    GtkWidget *canvas = circles_test_find_of_type (GTK_WIDGET (window), CIRCLES_TYPE_CANVAS);

    gtk_widget_grab_focus (canvas);
    g_assert_false (gtk_widget_has_focus (entry) || gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), entry));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
    g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), entry));
    g_assert_true (gtk_editable_get_selection_bounds (GTK_EDITABLE (entry), &start, &end));
    g_assert_cmpint (start, ==, 0);
    g_assert_cmpint (end, ==, 3);
  }

  close_window (window);
}

static void
test_window_no_me (void)
{
  g_autofree char *path = make_fixture_database (FALSE);
  g_autoptr(CirclesSession) session = circles_session_new (path);
  CirclesWindow *window;

  window = open_window (session);

  g_assert_cmpint (circles_session_get_state (session), ==, CIRCLES_SESSION_STATE_EMPTY);
  g_assert_cmpstr (visible_page (window), ==, "empty");

  close_window (window);
}

static void
test_window_empty_then_demo (void)
{
  g_autofree char *path = make_empty_database ();
  g_autoptr(CirclesSession) session = circles_session_new (path);
  CirclesWindow *window;
  GtkWidget *demo_button;
  guint64 first, second, third;

  window = open_window (session);

  g_assert_cmpint (circles_session_get_state (session), ==, CIRCLES_SESSION_STATE_EMPTY);
  g_assert_null (circles_session_get_network (session));
  g_assert_cmpstr (visible_page (window), ==, "empty");

  demo_button = circles_test_find_named (GTK_WIDGET (window), "demo-button");
  g_assert_nonnull (demo_button);
  g_assert_true (gtk_widget_get_visible (demo_button));
  g_assert_true (gtk_widget_is_sensitive (demo_button));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.demo", NULL));
  g_assert_cmpint (circles_session_get_state (session), ==, CIRCLES_SESSION_STATE_GENERATING);
  g_assert_cmpstr (visible_page (window), ==, "loading");

  circles_test_wait_for_session (session);

  g_assert_cmpint (circles_session_get_state (session), ==, CIRCLES_SESSION_STATE_READY);
  g_assert_cmpstr (visible_page (window), ==, "network");
  g_assert_false (gtk_widget_is_sensitive (demo_button));

  /* The demo network is 2,000 people, me included; its rings are not
   * empty (numbers are not grouped in the C locale of the tests). */
  g_assert_true (g_str_has_prefix (label_text (window, "summary"), "1,999 people in the network, "));
  first = g_ascii_strtoull (label_text (window, "first-count"), NULL, 10);
  second = g_ascii_strtoull (label_text (window, "second-count"), NULL, 10);
  third = g_ascii_strtoull (label_text (window, "third-count"), NULL, 10);
  g_assert_cmpuint (first, >, 0);
  g_assert_cmpuint (second, >, 0);
  g_assert_cmpuint (first + second + third, <=, 1999);

  close_window (window);
}

/* Opening says its step and can be cancelled: the window then says so
 * and offers to try again, which opens the network. */
static void
test_window_cancel_load (void)
{
  g_autofree char *path = make_fixture_database (TRUE);
  g_autoptr(CirclesSession) session = circles_session_new (path);
  CirclesWindow *window = circles_window_new (NULL, session);
  GtkWidget *page;

  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));
  /* The window started the load as it was made. */
  g_assert_true (circles_session_get_busy (session));
  g_assert_cmpint (circles_session_get_stage (session), ==, CIRCLES_SESSION_STAGE_OPENING);
  g_assert_cmpstr (visible_page (window), ==, "loading");
  page = circles_test_find_named (GTK_WIDGET (window), "loading-page");
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (page)), ==,
                   "Step 1 of 3: opening the database");
  g_assert_true (gtk_widget_get_visible (circles_test_find_named (GTK_WIDGET (window), "cancel-load")));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-load", NULL));
  circles_test_wait_for_session (session);
  g_assert_cmpint (circles_session_get_state (session), ==, CIRCLES_SESSION_STATE_FAILED);
  g_assert_cmpint (circles_session_get_stage (session), ==, CIRCLES_SESSION_STAGE_NONE);
  g_assert_cmpstr (visible_page (window), ==, "error");
  page = circles_test_find_named (GTK_WIDGET (window), "error-page");
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (page)), ==, "Opening Cancelled");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL));
  circles_test_wait_for_session (session);
  g_assert_cmpint (circles_session_get_state (session), ==, CIRCLES_SESSION_STATE_READY);
  g_assert_cmpstr (visible_page (window), ==, "network");

  close_window (window);
}

static void
test_window_not_a_database (void)
{
  static const char contents[] = "First Name,Last Name\nAda,Lovelace\n";
  g_autofree char *path = circles_test_write_file ("network.db", contents, -1);
  g_autoptr(CirclesSession) session = circles_session_new (path);
  g_autoptr(GBytes) after = NULL;
  CirclesWindow *window;
  GtkWidget *page;

  window = open_window (session);

  g_assert_cmpint (circles_session_get_state (session), ==, CIRCLES_SESSION_STATE_FAILED);
  g_assert_nonnull (circles_session_get_error (session));
  g_assert_cmpstr (visible_page (window), ==, "error");

  page = circles_test_find_named (GTK_WIDGET (window), "error-page");
  g_assert_nonnull (page);
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (page)), !=, "");

  /* The file is left as it was. */
  after = circles_test_read_bytes (path);
  g_assert_nonnull (after);
  g_assert_cmpmem (g_bytes_get_data (after, NULL), g_bytes_get_size (after),
                   contents, sizeof contents - 1);

  close_window (window);
}

/* The sizes a person may use: the default, a big screen, a small one. */
static const int window_sizes[][2] = { { 960, 760 }, { 1440, 900 }, { 700, 600 } };

static gboolean
flap_settled (CirclesWindow *window,
              const char    *name)
{
  AdwFlap *flap = ADW_FLAP (circles_test_find_named (GTK_WIDGET (window), name));
  double progress = adw_flap_get_reveal_progress (flap);

  return progress == (adw_flap_get_reveal_flap (flap) ? 1.0 : 0.0);
}

static gboolean
canvas_settled (gpointer data)
{
  CirclesWindow *window = data;
  CirclesCanvas *canvas = CIRCLES_CANVAS (circles_test_find_of_type (GTK_WIDGET (window),
                                                                     CIRCLES_TYPE_CANVAS));

  return !circles_canvas_get_moving (canvas) &&
         flap_settled (window, "pane-flap") && flap_settled (window, "people-flap");
}

static void
wait_settled (CirclesWindow *window)
{
  circles_test_wait_until (canvas_settled, window, FALSE, "the canvas to settle");
  /* The layout of the new width, and its frame, drawn. */
  circles_test_wait_ms (100);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  circles_test_wait_until (canvas_settled, window, FALSE, "the canvas to settle");
}

/* A person of the scene, at least @room pixels from every other on the
 * screen, inside the canvas, that is not @not; the @skip-th such, its
 * position in (x, y). */
static guint
find_isolated_person (CirclesCanvas *canvas,
                      guint          not,
                      double         room,
                      guint          skip,
                      double        *x,
                      double        *y)
{
  CirclesScene *scene = circles_session_get_scene (circles_canvas_get_session (canvas));
  const CirclesScenePrimitive *prims = circles_scene_get_primitives (scene, NULL);
  g_autoptr(GArray) near = g_array_new (FALSE, FALSE, sizeof (guint));
  CirclesView view;
  double lw, lh, lx, ly;
  guint first, n;

  circles_canvas_get_view (canvas, &view);
  circles_scene_get_legend_size (scene, &lw, &lh);
  circles_view_get_legend_origin (&view, &lx, &ly);
  circles_scene_get_range (scene, CIRCLES_SCENE_PERSON, &first, &n);
  for (guint i = first; i < first + n; i++)
    {
      double px = prims[i].x * view.zoom + view.offset_x;
      double py = prims[i].y * view.zoom + view.offset_y;
      gboolean alone = TRUE;

      /* An open legend covers nobody: it folds to a button first. */
      if (prims[i].person == not || px < 24 || py < 24 ||
          px > view.width - 24 || py > view.height - 24 ||
          (!circles_canvas_get_legend_folded (canvas) && px < lx + lw && py < ly + lh))
        continue;

      g_array_set_size (near, 0);
      circles_scene_query_rect (scene, prims[i].x - room / view.zoom, prims[i].y - room / view.zoom,
                                2 * room / view.zoom, 2 * room / view.zoom, near);
      for (guint k = 0; k < near->len && alone; k++)
        {
          const CirclesScenePrimitive *other = &prims[g_array_index (near, guint, k)];

          alone = other == &prims[i] ||
                  hypot (other->x - prims[i].x, other->y - prims[i].y) * view.zoom >= room;
        }
      if (alone && skip-- == 0)
        {
          *x = px;
          *y = py;
          return prims[i].person;
        }
    }
  return CIRCLES_NO_PERSON;
}

/* Whether (x, y) of the canvas is the canvas's on the screen, not a
 * pane's over it. */
static gboolean
shows_canvas (CirclesWindow *window,
              CirclesCanvas *canvas,
              double         x,
              double         y)
{
  graphene_point_t point;

  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (canvas), GTK_WIDGET (window),
                                           &GRAPHENE_POINT_INIT (x, y), &point));
  return gtk_widget_pick (GTK_WIDGET (window), point.x, point.y, GTK_PICK_DEFAULT) == GTK_WIDGET (canvas);
}

typedef struct
{
  CirclesSession *session;
  guint           before;
} SelectionWait;

static gboolean
selection_changed (gpointer data)
{
  SelectionWait *wait = data;

  return circles_session_get_selected (wait->session) != wait->before;
}

/* The demo network, written once into a new database. */
static char *
make_demo_database (void)
{
  char *path = make_empty_database ();
  g_autoptr(CirclesSession) session = circles_session_new (path);
  CirclesWindow *window = open_window (session);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.demo", NULL));
  circles_test_wait_for_session (session);
  g_assert_cmpint (circles_session_get_state (session), ==, CIRCLES_SESSION_STATE_READY);
  close_window (window);
  return path;
}

static guint
first_of_degree (CirclesNetwork *network,
                 guint           degree)
{
  for (guint p = 0; p < circles_network_get_n_people (network); p++)
    if (circles_network_get_degree (network, p) == degree)
      return p;
  return CIRCLES_NO_PERSON;
}

/* Where @person is on the canvas, in its coordinates. */
static void
person_on_screen (CirclesCanvas *canvas,
                  guint          person,
                  double        *x,
                  double        *y)
{
  CirclesScene *scene = circles_session_get_scene (circles_canvas_get_session (canvas));
  const CirclesScenePrimitive *prims = circles_scene_get_primitives (scene, NULL);
  guint index = circles_scene_lookup_person (scene, person);
  CirclesView view;

  g_assert_cmpuint (index, !=, G_MAXUINT);
  circles_canvas_get_view (canvas, &view);
  *x = prims[index].x * view.zoom + view.offset_x;
  *y = prims[index].y * view.zoom + view.offset_y;
}

/* Clicking what is pointed at selects it, whatever the size of the
 * window, after the view has moved (a press once put the view back
 * where the last move had started, and picked there). */
static void
test_window_click (void)
{
  g_autofree char *path = NULL;

  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      g_test_skip ("The pointer is driven through X11 only");
      return;
    }

  /* Moves end at once (they still end: the press that put the view back
   * did it after any move), and the panes fold without a transition. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_clear_pointer (&path, g_free);
  path = make_demo_database ();

  for (guint s = 0; s < G_N_ELEMENTS (window_sizes); s++)
    {
      g_autoptr(CirclesSession) session = circles_session_new (path);
      CirclesWindow *window = circles_window_new (NULL, session);
      CirclesCanvas *canvas;
      CirclesNetwork *network;
      guint third = CIRCLES_NO_PERSON, target = CIRCLES_NO_PERSON, skip = 0;
      double x = 0, y = 0;

      g_test_message ("At %d × %d", window_sizes[s][0], window_sizes[s][1]);
      g_object_ref (window);
      gtk_window_set_default_size (GTK_WINDOW (window), window_sizes[s][0], window_sizes[s][1]);
      gtk_window_present (GTK_WINDOW (window));
      circles_test_wait_for_session (session);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      canvas = CIRCLES_CANVAS (circles_test_find_of_type (GTK_WIDGET (window), CIRCLES_TYPE_CANVAS));
      network = circles_session_get_network (session);

      /* A 3rd-degree person open, the view moved to them. */
      for (guint p = 0; p < circles_network_get_n_people (network) && third == CIRCLES_NO_PERSON; p++)
        if (circles_network_get_degree (network, p) == 3)
          third = p;
      g_assert_cmpuint (third, !=, CIRCLES_NO_PERSON);
      circles_session_select (session, third);
      wait_settled (window);

      /* The window keeps its size (the screen may clamp a big one), and
       * at the default size the rings keep half of it with a person open. */
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, window_sizes[s][0]);
      if (window_sizes[s][0] == 960)
        {
          g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (canvas)), >=, 960 / 2);
        }
      g_assert_true (circles_canvas_center_on (canvas, third, TRUE));
      wait_settled (window);

      /* Someone else, alone enough on the screen to be clicked without
       * doubt, and on the X screen. */
      /* (The layout a width chooses may still be reaching the screen:
       * look again a few frames later before giving up.) */
      for (guint round = 0; round < 5; round++)
        {
          skip = 0;
          do
            target = find_isolated_person (canvas, third, 8.0, skip++, &x, &y);
          while (target != CIRCLES_NO_PERSON &&
                 (!shows_canvas (window, canvas, x, y) ||
                  !circles_test_pointer_move (GTK_WIDGET (canvas), x, y)));
          if (target != CIRCLES_NO_PERSON)
            break;
          {
            guint t0 = find_isolated_person (canvas, third, 8.0, 0, &x, &y);
            graphene_point_t pt;
            GtkWidget *picked;

            g_assert_true (gtk_widget_compute_point (GTK_WIDGET (canvas), GTK_WIDGET (window), &GRAPHENE_POINT_INIT (x, y), &pt));
            picked = gtk_widget_pick (GTK_WIDGET (window), pt.x, pt.y, GTK_PICK_DEFAULT);
            g_test_message ("No one to click yet, after %u tries; first %u at %g,%g (window %g,%g) picks %s %s",
                            skip, t0, x, y, pt.x, pt.y, picked ? G_OBJECT_TYPE_NAME (picked) : "-",
                            picked ? gtk_widget_get_name (picked) : "-");
          }
          circles_test_wait_ms (300);
          wait_settled (window);
        }
      g_assert_cmpuint (target, !=, CIRCLES_NO_PERSON);

      /* Pointed at: the hover ring and the tooltip name them. */
      g_assert_cmpuint (circles_canvas_get_hovered (canvas), ==, target);

      /* Clicked: selected. */
      {
        SelectionWait wait = { session, third };

        g_assert_true (circles_test_pointer_click (GTK_WIDGET (canvas), x, y));
        circles_test_wait_until (selection_changed, &wait, FALSE, "the click to select");
      }
      g_assert_cmpuint (circles_session_get_selected (session), ==, target);

      /* Once the view has moved to show them, the person under the
       * pointer is the one the hit test finds there now. */
      wait_settled (window);
      {
        CirclesView view;

        circles_canvas_get_view (canvas, &view);
        g_assert_cmpuint (circles_canvas_get_hovered (canvas), ==,
                          circles_scene_pick (circles_session_get_scene (session),
                                              (x - view.offset_x) / view.zoom,
                                              (y - view.offset_y) / view.zoom,
                                              6.0 / view.zoom));
      }

      /* Me, clicked, is selected as Tab selects it: "This is you". */
      {
        guint me = circles_network_get_me (network);

        circles_session_select (session, third);
        wait_settled (window);
        g_assert_true (circles_canvas_center_on (canvas, me, FALSE));
        wait_settled (window);
        person_on_screen (canvas, me, &x, &y);
        if (shows_canvas (window, canvas, x, y) && circles_test_pointer_click (GTK_WIDGET (canvas), x, y))
          {
            SelectionWait wait = { session, third };

            circles_test_wait_until (selection_changed, &wait, FALSE, "the click on me");
            g_assert_cmpuint (circles_session_get_selected (session), ==, me);
            wait_settled (window);
            g_assert_nonnull (circles_test_find_text (GTK_WIDGET (window), "This is you"));
          }
      }

      close_window (window);
    }

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
}

/* The legend opened from its button takes the clicks on it: the people
 * drawn below are neither pointed at nor picked. */
static void
test_window_legend_open (void)
{
  g_autofree char *path = NULL;
  g_autoptr(CirclesSession) session = NULL;
  CirclesWindow *window;
  CirclesCanvas *canvas;
  CirclesScene *scene;
  const CirclesScenePrimitive *prims;
  GtkWidget *button;
  CirclesView view;
  double lx, ly, lw, lh, top, x = 0, y = 0;
  guint first, n, under = CIRCLES_NO_PERSON;

  if (!GDK_IS_X11_DISPLAY (gdk_display_get_default ()))
    {
      g_test_skip ("The pointer is driven through X11 only");
      return;
    }
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  path = make_demo_database ();
  session = circles_session_new (path);
  window = circles_window_new (NULL, session);
  g_object_ref (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 700, 600);
  gtk_window_present (GTK_WINDOW (window));
  circles_test_wait_for_session (session);
  wait_settled (window);
  canvas = CIRCLES_CANVAS (circles_test_find_of_type (GTK_WIDGET (window), CIRCLES_TYPE_CANVAS));
  scene = circles_session_get_scene (session);

  /* Zoomed in, the legend covers people: it folds; open it. */
  circles_canvas_zoom_at (canvas, 4.0, gtk_widget_get_width (GTK_WIDGET (canvas)) / 2.0,
                          gtk_widget_get_height (GTK_WIDGET (canvas)) / 2.0, FALSE);
  wait_settled (window);
  g_assert_true (circles_canvas_get_legend_folded (canvas));
  button = circles_test_find_named (GTK_WIDGET (canvas), "legend-button");
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));

  /* Someone drawn under the open legend. */
  circles_canvas_get_view (canvas, &view);
  circles_view_get_legend_origin (&view, &lx, &ly);
  circles_scene_get_legend_size (scene, &lw, &lh);
  top = ly + gtk_widget_get_height (button) + 6.0;
  prims = circles_scene_get_primitives (scene, NULL);
  circles_scene_get_range (scene, CIRCLES_SCENE_PERSON, &first, &n);
  for (guint i = first; i < first + n && under == CIRCLES_NO_PERSON; i++)
    {
      x = prims[i].x * view.zoom + view.offset_x;
      y = prims[i].y * view.zoom + view.offset_y;
      if (x > lx + 8 && x < lx + lw - 8 && y > top + 8 && y < top + lh - 8)
        under = prims[i].person;
    }
  g_assert_cmpuint (under, !=, CIRCLES_NO_PERSON);

  if (circles_test_pointer_move (GTK_WIDGET (canvas), x, y))
    {
      circles_test_wait_ms (100);
      g_assert_cmpuint (circles_canvas_get_hovered (canvas), ==, CIRCLES_NO_PERSON);
      g_assert_true (circles_test_pointer_click (GTK_WIDGET (canvas), x, y));
      circles_test_wait_ms (200);
      g_assert_cmpuint (circles_session_get_selected (session), ==, CIRCLES_NO_PERSON);
    }

  close_window (window);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
}

/* Right to left, the person pane comes from the left: the rings are
 * framed in what it leaves, the selection and the legend's button
 * uncovered. */
static void
test_window_rtl (void)
{
  g_autofree char *path = NULL;

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  path = make_demo_database ();
  gtk_widget_set_default_direction (GTK_TEXT_DIR_RTL);

  for (guint s = 0; s < G_N_ELEMENTS (window_sizes); s++)
    {
      g_autoptr(CirclesSession) session = circles_session_new (path);
      CirclesWindow *window = circles_window_new (NULL, session);
      CirclesCanvas *canvas;
      GtkWidget *button;
      guint third;
      double x, y;

      g_test_message ("At %d × %d, right to left", window_sizes[s][0], window_sizes[s][1]);
      g_object_ref (window);
      gtk_window_set_default_size (GTK_WINDOW (window), window_sizes[s][0], window_sizes[s][1]);
      gtk_window_present (GTK_WINDOW (window));
      circles_test_wait_for_session (session);
      gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      canvas = CIRCLES_CANVAS (circles_test_find_of_type (GTK_WIDGET (window), CIRCLES_TYPE_CANVAS));
      g_assert_cmpint (gtk_widget_get_direction (GTK_WIDGET (canvas)), ==, GTK_TEXT_DIR_RTL);

      third = first_of_degree (circles_session_get_network (session), 3);
      circles_session_select (session, third);
      wait_settled (window);
      g_assert_true (circles_canvas_center_on (canvas, third, FALSE));
      wait_settled (window);

      person_on_screen (canvas, third, &x, &y);
      g_assert_true (shows_canvas (window, canvas, x, y));

      button = circles_test_find_named (GTK_WIDGET (canvas), "legend-button");
      if (circles_canvas_get_legend_folded (canvas))
        {
          graphene_point_t point;
          GtkWidget *picked;

          g_assert_true (gtk_widget_compute_point (button, GTK_WIDGET (window),
                                                   &GRAPHENE_POINT_INIT (gtk_widget_get_width (button) / 2.0,
                                                                         gtk_widget_get_height (button) / 2.0),
                                                   &point));
          picked = gtk_widget_pick (GTK_WIDGET (window), point.x, point.y, GTK_PICK_DEFAULT);
          g_assert_true (picked == button || (picked != NULL && gtk_widget_is_ancestor (picked, button)));
        }

      close_window (window);
    }

  gtk_widget_set_default_direction (GTK_TEXT_DIR_LTR);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", TRUE, NULL);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (g_type_is_a (G_OBJECT_TYPE (window), type))
        return window;
    }

  return NULL;
}

static void
test_application_windows (void)
{
  g_autofree char *path = make_fixture_database (TRUE);
  g_autoptr(CirclesApplication) app = circles_application_new (path);
  g_autoptr(GError) error = NULL;
  CirclesWindow *window;
  GtkWindow *about;
  GtkWindow *shortcuts;

  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (circles_application_get_db_path (app), ==, path);

  /* Activation opens a window on the database it was given. */
  g_application_activate (G_APPLICATION (app));
  window = CIRCLES_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  g_object_ref (window);
  g_assert_cmpstr (circles_session_get_path (circles_window_get_session (window)), ==, path);
  circles_test_wait_for_session (circles_window_get_session (window));
  g_assert_cmpstr (visible_page (window), ==, "network");

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  about = find_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==, GTK_LICENSE_GPL_3_0);
  g_assert_cmpstr (adw_about_window_get_website (ADW_ABOUT_WINDOW (about)), ==, "https://example.com/circles");
  g_assert_cmpstr (adw_about_window_get_issue_url (ADW_ABOUT_WINDOW (about)), ==, "https://example.com/circles/issues");
  g_assert_nonnull (adw_about_window_get_developers (ADW_ABOUT_WINDOW (about)));
  g_assert_nonnull (adw_about_window_get_developers (ADW_ABOUT_WINDOW (about))[0]);
  g_assert_cmpstr (adw_about_window_get_application_icon (ADW_ABOUT_WINDOW (about)), ==, APP_ID);
  g_assert_nonnull (strstr (adw_about_window_get_debug_info (ADW_ABOUT_WINDOW (about)), PACKAGE_VERSION));
  /* Untranslated (the tests run in C), no "translator-credits" shows as a name. */
  g_assert_cmpstr (adw_about_window_get_translator_credits (ADW_ABOUT_WINDOW (about)), !=, "translator-credits");
  gtk_window_destroy (about);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  shortcuts = find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  g_assert_nonnull (shortcuts);
  gtk_window_destroy (shortcuts);

  close_window (window);
}

static GtkWidget *
find_with_classes (GtkWidget  *widget,
                   const char *a,
                   const char *b)
{
  if (gtk_widget_has_css_class (widget, a) && gtk_widget_has_css_class (widget, b))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_with_classes (child, a, b);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The digits and icons on the discs of the circles hold WCAG AA (4.5:1)
 * against the disc, in the light style and in the dark one, with the
 * style sheets the application loads. */
static void
check_badges (CirclesWindow *window,
              gboolean       dark)
{
  const CirclesPalette *palette = circles_scene_get_palette (dark);

  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  for (CirclesCircle circle = CIRCLES_CIRCLE_FIRST; circle <= CIRCLES_CIRCLE_OUT_OF_NETWORK; circle++)
    {
      GtkWidget *badge = find_with_classes (GTK_WIDGET (window), "circle-badge",
                                            circles_circle_get_css_class (circle));
      GdkRGBA rgba;
      CirclesColor fg;
      double ratio;

      g_assert_nonnull (badge);
      gtk_style_context_get_color (gtk_widget_get_style_context (badge), &rgba);
      fg.r = rgba.red;
      fg.g = rgba.green;
      fg.b = rgba.blue;
      ratio = circles_color_contrast (&fg, &palette->circle[circle]);
      g_test_message ("%s, %s: %.2f:1", dark ? "dark" : "light", circles_circle_get_css_class (circle), ratio);
      g_assert_cmpfloat (ratio, >=, 4.5);
    }
}

static void
test_application_badge_contrast (void)
{
  g_autofree char *path = make_fixture_database (TRUE);
  g_autoptr(CirclesApplication) app = circles_application_new (path);
  g_autoptr(GError) error = NULL;
  AdwStyleManager *style = adw_style_manager_get_default ();
  CirclesWindow *window;

  /* An id of its own: the application of /application/windows may still
   * be exported on the bus. */
  g_application_set_application_id (G_APPLICATION (app), APP_ID ".BadgeTest");
  /* Dark from the start, as a desktop in the dark style opens it. */
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  window = CIRCLES_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  g_object_ref (window);
  circles_test_wait_for_session (circles_window_get_session (window));

  check_badges (window, TRUE);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  check_badges (window, FALSE);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  check_badges (window, TRUE);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  close_window (window);
}

/* Without a database on the command line, the window opens the last
 * one it had while that file is still there, else the default one. */
static void
test_application_last_database (void)
{
  g_autofree char *path = make_fixture_database (TRUE);
  g_autofree char *gone = g_strconcat (path, ".gone", NULL);
  g_autofree char *default_path = circles_store_default_path ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(CirclesApplication) app = circles_application_new (NULL);
  g_autoptr(CirclesApplication) given = circles_application_new (path);
  g_autofree char *start = NULL;

  g_assert_null (circles_application_get_db_path (app));

  /* The windows of the tests before have left their database there. */
  g_settings_reset (settings, "last-database");
  start = circles_application_dup_start_path (app);
  g_assert_cmpstr (start, ==, default_path);
  g_clear_pointer (&start, g_free);

  g_settings_set_string (settings, "last-database", path);
  start = circles_application_dup_start_path (app);
  g_assert_cmpstr (start, ==, path);
  g_clear_pointer (&start, g_free);

  g_settings_set_string (settings, "last-database", gone);
  start = circles_application_dup_start_path (app);
  g_assert_cmpstr (start, ==, default_path);
  g_clear_pointer (&start, g_free);

  /* --db wins. */
  g_settings_set_string (settings, "last-database", gone);
  start = circles_application_dup_start_path (given);
  g_assert_cmpstr (start, ==, path);

  g_settings_reset (settings, "last-database");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/window/counts", test_window_counts);
  g_test_add_func ("/window/search", test_window_search);
  g_test_add_func ("/window/no-me", test_window_no_me);
  g_test_add_func ("/window/empty-then-demo", test_window_empty_then_demo);
  g_test_add_func ("/window/not-a-database", test_window_not_a_database);
  g_test_add_func ("/window/cancel-load", test_window_cancel_load);
  g_test_add_func ("/window/click", test_window_click);
  g_test_add_func ("/window/legend-open", test_window_legend_open);
  g_test_add_func ("/window/rtl", test_window_rtl);
  g_test_add_func ("/application/windows", test_application_windows);
  g_test_add_func ("/application/badge-contrast", test_application_badge_contrast);
  g_test_add_func ("/application/last-database", test_application_last_database);

  return g_test_run ();
}
