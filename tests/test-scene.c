/* test-scene.c: scene primitives, level-of-detail labels, hit-testing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <cairo.h>
#include <math.h>
#include <string.h>

#include "circles-demo.h"
#include "circles-render-cairo.h"
#include "circles-scene.h"
#include "circles-text.h"
#include "circles-test-util.h"

static CirclesNetwork *
demo_network (guint people)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = circles_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  g_autoptr(CirclesStore) store = circles_store_open (path, &error);
  CirclesNetwork *network;

  g_assert_no_error (error);
  circles_demo_generate (store, people, 1, NULL, &error);
  g_assert_no_error (error);
  network = circles_network_load (store, NULL, &error);
  g_assert_no_error (error);
  return network;
}

static CirclesScene *
rings_scene (CirclesNetwork *network)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirclesLayout) layout = circles_layout_new_rings (network, CIRCLES_LAYOUT_ENGINE_AUTO, NULL, &error);

  g_assert_no_error (error);
  return circles_scene_new (network, layout);
}

static void
test_primitives (void)
{
  g_autoptr(CirclesNetwork) network = demo_network (2000);
  g_autoptr(CirclesScene) scene = rings_scene (network);
  const CirclesCounts *counts = circles_network_get_counts (network);
  const CirclesScenePrimitive *prims;
  guint n, first, count, previous_first = 0;
  double previous_radius = 0.0;

  prims = circles_scene_get_primitives (scene, &n);

  /* kinds are grouped, in drawing order */
  for (guint k = 0; k < CIRCLES_SCENE_N_KINDS; k++)
    {
      circles_scene_get_range (scene, k, &first, &count);
      g_assert_cmpuint (first, >=, previous_first);
      for (guint i = first; i < first + count; i++)
        g_assert_cmpuint (prims[i].kind, ==, k);
      previous_first = first + count;
    }
  g_assert_cmpuint (previous_first, ==, n);

  /* three rings, radii strictly growing */
  circles_scene_get_range (scene, CIRCLES_SCENE_RING, &first, &count);
  g_assert_cmpuint (count, ==, 3);
  for (guint i = first; i < first + count; i++)
    {
      g_assert_cmpfloat (prims[i].r, >, previous_radius);
      g_assert_cmpuint (prims[i].circle, ==, CIRCLES_CIRCLE_FIRST + (i - first));
      previous_radius = prims[i].r;
    }

  /* one marker per person within 3 degrees, me included, of its circle */
  circles_scene_get_range (scene, CIRCLES_SCENE_PERSON, &first, &count);
  g_assert_cmpuint (count, ==, 1 + counts->first + counts->second + counts->third);
  for (guint i = first; i < first + count; i++)
    {
      guint degree = circles_network_get_degree (network, prims[i].person);

      g_assert_cmpuint (prims[i].circle, ==, CIRCLES_CIRCLE_ME + degree);
      g_assert_cmpuint (circles_scene_lookup_person (scene, prims[i].person), ==, i);
    }

  /* the legend counts the circles, the 1st against the cap */
  circles_scene_get_range (scene, CIRCLES_SCENE_LEGEND, &first, &count);
  {
    gboolean cap = FALSE, gauge = FALSE;

    for (guint i = first; i < first + count; i++)
      {
        if (prims[i].flags & CIRCLES_SCENE_FLAG_GAUGE)
          gauge = TRUE;
        if (prims[i].text != NULL && strstr (prims[i].text, "30,000") != NULL)
          cap = TRUE;
      }
    g_assert_true (cap);
    g_assert_true (gauge);
  }
}

/* The labels drawn at a zoom never overlap, at any zoom. */
static void
check_no_overlap (CirclesScene      *scene,
                  const CirclesView *view,
                  guint             *n_drawn)
{
  const CirclesScenePrimitive *prims = circles_scene_get_primitives (scene, NULL);
  g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (double) * 4);
  guint first, n;

  circles_scene_ensure_labels (scene, view->zoom);
  circles_scene_get_range (scene, CIRCLES_SCENE_LABEL, &first, &n);
  for (guint i = first; i < first + n; i++)
    {
      double box[4];

      if (!circles_scene_label_visible (&prims[i], view->zoom))
        continue;
      circles_scene_label_box (&prims[i], view, &box[0], &box[1], &box[2], &box[3], NULL, NULL);
      g_array_append_vals (boxes, box, 1);
    }
  for (guint a = 0; a < boxes->len; a++)
    for (guint b = a + 1; b < boxes->len; b++)
      {
        const double *p = (const double *) boxes->data + 4 * a;
        const double *q = (const double *) boxes->data + 4 * b;
        gboolean overlap = p[0] < q[0] + q[2] && q[0] < p[0] + p[2] &&
                           p[1] < q[1] + q[3] && q[1] < p[1] + p[3];

        g_assert_false (overlap);
      }
  *n_drawn = boxes->len;
}

static void
test_labels_never_overlap (void)
{
  g_autoptr(CirclesNetwork) network = demo_network (2000);
  g_autoptr(CirclesScene) scene = rings_scene (network);
  CirclesView view;
  guint previous = 0;
  double factors[] = { 0.3, 1.0, 1.3, 2.0, 3.7, 8.0, 20.0 };

  circles_view_init_fit (&view, scene, 1280, 800);
  for (guint i = 0; i < G_N_ELEMENTS (factors); i++)
    {
      CirclesView zoomed = view;
      guint drawn;

      zoomed.zoom = view.zoom * factors[i];
      check_no_overlap (scene, &zoomed, &drawn);
      /* zooming in only adds labels */
      g_assert_cmpuint (drawn, >=, previous);
      previous = drawn;
    }
  g_assert_cmpuint (previous, >, 50);
}

/* The view that fits shows the names it draws whole: those of the outer
 * ring stick out of the rings, and the fit leaves them room. */
static void
test_fit_keeps_labels_inside (void)
{
  g_autoptr(CirclesNetwork) network = demo_network (2000);
  g_autoptr(CirclesScene) scene = rings_scene (network);
  const int sizes[][2] = { { 1280, 800 }, { 800, 1000 }, { 640, 480 } };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      const CirclesScenePrimitive *prims = circles_scene_get_primitives (scene, NULL);
      CirclesView view, again;
      guint first, n, shown = 0;

      circles_view_init_fit (&view, scene, sizes[s][0], sizes[s][1]);
      circles_scene_ensure_labels (scene, view.zoom);
      circles_scene_get_range (scene, CIRCLES_SCENE_LABEL, &first, &n);
      for (guint i = first; i < first + n; i++)
        {
          double x, y, w, h;

          if (!circles_scene_label_visible (&prims[i], view.zoom))
            continue;
          circles_scene_label_box (&prims[i], &view, &x, &y, &w, &h, NULL, NULL);
          g_assert_cmpfloat (x, >=, -1e-6);
          g_assert_cmpfloat (y, >=, -1e-6);
          g_assert_cmpfloat (x + w, <=, sizes[s][0] + 1e-6);
          g_assert_cmpfloat (y + h, <=, sizes[s][1] + 1e-6);
          shown++;
        }
      g_test_message ("%d × %d: %u names shown", sizes[s][0], sizes[s][1], shown);
      g_assert_cmpuint (shown, >, 20);

      /* asked again, the same view */
      circles_view_init_fit (&again, scene, sizes[s][0], sizes[s][1]);
      g_assert_cmpmem (&view, sizeof view, &again, sizeof again);
    }
}

/* The most connected person's label comes first: at the fitted zoom it is
 * drawn, and no other person's label shows from a smaller zoom unless it
 * is far from the ring titles and me (which come before everyone). */
static void
test_labels_priority (void)
{
  g_autoptr(CirclesNetwork) network = demo_network (1000);
  g_autoptr(CirclesScene) scene = rings_scene (network);
  const CirclesScenePrimitive *prims = circles_scene_get_primitives (scene, NULL);
  guint first, n, best = CIRCLES_NO_PERSON, best_links = 0;
  CirclesView view;

  circles_view_init_fit (&view, scene, 1920, 1080);
  circles_scene_ensure_labels (scene, view.zoom * 4);
  circles_scene_get_range (scene, CIRCLES_SCENE_LABEL, &first, &n);
  for (guint i = first; i < first + n; i++)
    {
      guint links;

      if (prims[i].person == CIRCLES_NO_PERSON || prims[i].person == circles_network_get_me (network))
        continue;
      links = circles_network_get_n_neighbours (network, prims[i].person);
      if (best == CIRCLES_NO_PERSON || links > best_links)
        {
          best = i;
          best_links = links;
        }
    }
  g_assert_true (circles_scene_label_visible (&prims[best], view.zoom));
  /* labels come in priority order: titles and me, then by connections */
  for (guint i = first + 1; i < first + n; i++)
    if (prims[i].person != CIRCLES_NO_PERSON && prims[i - 1].person != CIRCLES_NO_PERSON &&
        prims[i - 1].person != circles_network_get_me (network))
      g_assert_cmpuint (circles_network_get_n_neighbours (network, prims[i - 1].person), >=,
                        circles_network_get_n_neighbours (network, prims[i].person));
}

static void
test_pick (void)
{
  g_autoptr(CirclesNetwork) network = demo_network (500);
  g_autoptr(CirclesScene) scene = rings_scene (network);
  const CirclesScenePrimitive *prims = circles_scene_get_primitives (scene, NULL);
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (guint));
  guint first, n;
  double bx, by, bw, bh;

  circles_scene_get_range (scene, CIRCLES_SCENE_PERSON, &first, &n);
  for (guint i = first; i < first + n; i += 7)
    g_assert_cmpuint (circles_scene_pick (scene, prims[i].x + 0.1, prims[i].y - 0.1, 0.5),
                      ==, prims[i].person);
  circles_scene_get_bounds (scene, &bx, &by, &bw, &bh);
  g_assert_cmpuint (circles_scene_pick (scene, bx - 100, by - 100, 1.0), ==, CIRCLES_NO_PERSON);

  circles_scene_query_rect (scene, bx, by, bw, bh, found);
  g_assert_cmpuint (found->len, ==, n);
  g_array_set_size (found, 0);
  circles_scene_query_rect (scene, 0.0, 0.0, bw, bh, found);
  g_assert_cmpuint (found->len, <, n);
  for (guint i = 0; i < found->len; i++)
    {
      const CirclesScenePrimitive *p = &prims[g_array_index (found, guint, i)];

      g_assert_cmpfloat (p->x + p->r, >=, 0.0);
      g_assert_cmpfloat (p->y + p->r, >=, 0.0);
    }
}

static void
test_sanitize (void)
{
  struct
  {
    const char *in;
    gssize      max;
    const char *out;
  } cases[] = {
    { "Camille Martin", -1, "Camille Martin" },
    { "  two\tlines\nhere\r\n ", -1, "two lines here" },
    { "bell\a nul\x01 esc\x1b[31m", -1, "bell nul esc[31m" },
    { "evil\xe2\x80\xae" "gnp.exe", -1, "evilgnp.exe" },              /* U+202E */
    { "iso\xe2\x81\xa6late\xe2\x81\xa9", -1, "isolate" },             /* U+2066, U+2069 */
    { "bad \xff\xfe utf8", -1, "bad \xef\xbf\xbd\xef\xbf\xbd utf8" }, /* U+FFFD */
    { "c1\xc2\x85\xc2\x9b", -1, "c1" },
    { "Éloïse Müller", 3, "Él…" },
    { "abcdef", 6, "abcdef" },
    { NULL, -1, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = circles_scene_sanitize_text (cases[i].in, cases[i].max);

      g_assert_cmpstr (out, ==, cases[i].out);
      g_assert_true (g_utf8_validate (out, -1, NULL));
    }
}

/* Names in the scripts the install step brings fonts for. */
static const char *script_names[] = {
  "Camille Martin", "Éloïse Müller-Ångström", "W.A.V.E. iiii", "Ñ",
  "Ελένη Παπαδοπούλου", "Иван Петров", "Nguyễn Thị Hương",
  "محمد العلي", "נועה כהן", "प्रिया शर्मा", "สมชาย ใจดี",
  "王伟", "山田 由美", "김민준",
};

/* What the scene measures is what Pango draws: the sum of the advances
 * of the characters, close to the shaped width (scripts that join or
 * combine their letters are shaped narrower). */
static void
test_measure (void)
{
  PangoContext *context = circles_text_context_new ();

  for (guint bold = 0; bold < 2; bold++)
    for (guint i = 0; i < G_N_ELEMENTS (script_names); i++)
      {
        g_autoptr(PangoLayout) layout = circles_text_layout_new (context, script_names[i], 11.0, bold);
        PangoRectangle logical;
        double shaped, measured = circles_scene_measure_text (script_names[i], 11.0, bold);

        pango_layout_get_extents (layout, NULL, &logical);
        shaped = logical.width / (double) PANGO_SCALE;
        g_test_message ("%s: measured %.2f, shaped %.2f", script_names[i], measured, shaped);
        /* Hardly narrower than drawn (the space between two words of
         * another script is that font's; labels keep 1.5 pixels free
         * around them), at most a quarter wider (joined letters are
         * narrower than alone). */
        g_assert_cmpfloat (measured, >=, shaped * 0.96 - 0.5);
        g_assert_cmpfloat (measured, <=, shaped * 1.25 + 0.5);
      }
  g_object_unref (context);
}

/* Every name is drawn with real glyphs: no empty boxes. */
static void
test_scripts (void)
{
  PangoContext *context = circles_text_context_new ();

  for (guint i = 0; i < G_N_ELEMENTS (script_names); i++)
    {
      g_autoptr(PangoLayout) layout = circles_text_layout_new (context, script_names[i], 11.0, FALSE);

      g_test_message ("%s: %d unknown glyphs", script_names[i], pango_layout_get_unknown_glyphs_count (layout));
      g_assert_cmpint (pango_layout_get_unknown_glyphs_count (layout), ==, 0);
    }
  g_object_unref (context);
}

static void
test_paths_scene (void)
{
  g_autoptr(CirclesNetwork) network =
    circles_test_network_new ("me-a me-b a-c b-c c-t a-x x-t b-y y-t");
  g_autoptr(CirclesPaths) paths = circles_paths_find (network, circles_test_person (network, "t"), 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(CirclesLayout) layout = circles_layout_new_paths (network, paths, &error);
  g_autoptr(CirclesScene) scene = NULL;
  const CirclesScenePrimitive *prims;
  guint first, n, drawn;
  gboolean more = FALSE;
  CirclesView view;

  g_assert_no_error (error);
  scene = circles_scene_new (network, layout);
  prims = circles_scene_get_primitives (scene, NULL);
  g_assert_cmpint (circles_scene_get_kind (scene), ==, CIRCLES_LAYOUT_PATHS);

  circles_view_init_fit (&view, scene, 1200, 600);
  check_no_overlap (scene, &view, &drawn);
  circles_scene_get_range (scene, CIRCLES_SCENE_PERSON, &first, &n);
  /* every name shows at the fitted zoom */
  g_assert_cmpuint (drawn, >=, n);

  /* 4 chains in all, 2 drawn: the legend says 2 more */
  g_assert_cmpuint (paths->chains_total, ==, 4);
  circles_scene_get_range (scene, CIRCLES_SCENE_LEGEND, &first, &n);
  for (guint i = first; i < first + n; i++)
    if (prims[i].text != NULL && strstr (prims[i].text, "2 more") != NULL)
      more = TRUE;
  g_assert_true (more);
}

/* Issue 9: every colour of a circle (and of a company) holds 3:1 against
 * the background it is drawn on, in light and in dark (WCAG 2, non-text
 * contrast); text holds 4.5:1. */
static void
test_palette_contrast (void)
{
  for (int dark = 0; dark <= 1; dark++)
    {
      const CirclesPalette *palette = circles_scene_get_palette (dark);
      CirclesView view = { 0, };

      view.flags = dark ? CIRCLES_VIEW_DARK : 0;
      g_assert_true (circles_view_get_palette (&view) == palette);
      for (guint c = CIRCLES_CIRCLE_ME; c <= CIRCLES_CIRCLE_OUT_OF_NETWORK; c++)
        {
          double ratio = circles_color_contrast (&palette->circle[c], &palette->background);

          g_test_message ("%s %s: %.2f:1", dark ? "dark" : "light", circles_scene_circle_class (c), ratio);
          g_assert_cmpfloat (ratio, >=, 3.0);
          /* on the legend's panel too */
          g_assert_cmpfloat (circles_color_contrast (&palette->circle[c], &palette->panel), >=, 3.0);
        }
      for (guint c = 0; c <= CIRCLES_SCENE_N_COMPANIES; c++)
        g_assert_cmpfloat (circles_color_contrast (&palette->company[c], &palette->background), >=, 3.0);
      g_assert_cmpfloat (circles_color_contrast (&palette->text, &palette->background), >=, 4.5);
      g_assert_cmpfloat (circles_color_contrast (&palette->text_secondary, &palette->background), >=, 4.5);
      g_assert_cmpfloat (circles_color_contrast (&palette->text_secondary, &palette->panel), >=, 4.5);

      /* The three circles are told apart by more than lightness alone. */
      for (guint a = CIRCLES_CIRCLE_FIRST; a <= CIRCLES_CIRCLE_THIRD; a++)
        for (guint b = a + 1; b <= CIRCLES_CIRCLE_THIRD; b++)
          {
            const CirclesColor *ca = &palette->circle[a], *cb = &palette->circle[b];
            double d = fabs (ca->r - cb->r) + fabs (ca->g - cb->g) + fabs (ca->b - cb->b);

            g_assert_cmpfloat (d, >, 0.5);
          }
    }
  /* The reference values of the WCAG formula. */
  {
    CirclesColor black = { 0, 0, 0 }, white = { 1, 1, 1 };

    g_assert_cmpfloat_with_epsilon (circles_color_contrast (&black, &white), 21.0, 1e-9);
    g_assert_cmpfloat_with_epsilon (circles_color_contrast (&white, &white), 1.0, 1e-9);
  }
  /* The shape tells the circle too. */
  g_assert_cmpint (circles_scene_marker_shape (CIRCLES_CIRCLE_FIRST), !=, circles_scene_marker_shape (CIRCLES_CIRCLE_SECOND));
  g_assert_cmpint (circles_scene_marker_shape (CIRCLES_CIRCLE_SECOND), !=, circles_scene_marker_shape (CIRCLES_CIRCLE_THIRD));
  g_assert_cmpint (circles_scene_marker_shape (CIRCLES_CIRCLE_FIRST), !=, circles_scene_marker_shape (CIRCLES_CIRCLE_THIRD));
}

/* Colour by company: the biggest companies get colours, the others 0; a
 * legend of its own, shown instead of the circles' one. */
static void
test_color_by_company (void)
{
  g_autoptr(CirclesNetwork) network = demo_network (1500);
  g_autoptr(CirclesScene) scene = rings_scene (network);
  const CirclesScenePrimitive *prims = circles_scene_get_primitives (scene, NULL);
  CirclesView view;
  guint first, n, coloured = 0, company_rows = 0, circle_rows = 0;
  guint used[CIRCLES_SCENE_N_COMPANIES + 1] = { 0, };
  double lw, lh;

  circles_view_init_fit (&view, scene, 1200, 800);
  circles_scene_get_range (scene, CIRCLES_SCENE_PERSON, &first, &n);
  for (guint i = first; i < first + n; i++)
    {
      guint company = circles_scene_get_company (scene, i);

      g_assert_cmpuint (company, <=, CIRCLES_SCENE_N_COMPANIES);
      used[MIN (company, CIRCLES_SCENE_N_COMPANIES)]++;
      if (company > 0)
        {
          const char *name = circles_network_get_company (network, prims[i].person);

          g_assert_nonnull (name);
          coloured++;
        }
      /* by circle, the circle's colour; by company, the company's */
      view.color_by = CIRCLES_COLOR_BY_CIRCLE;
      if (!(prims[i].flags & CIRCLES_SCENE_FLAG_ME))
        {
          g_assert_true (circles_scene_primitive_color (scene, &view, i) ==
                         &circles_scene_get_palette (FALSE)->circle[prims[i].circle]);
          view.color_by = CIRCLES_COLOR_BY_COMPANY;
          g_assert_true (circles_scene_primitive_color (scene, &view, i) ==
                         &circles_scene_get_palette (FALSE)->company[company]);
        }
    }
  g_assert_cmpuint (coloured, >, 0);
  /* the first company is the biggest */
  for (guint c = 2; c <= CIRCLES_SCENE_N_COMPANIES; c++)
    g_assert_cmpuint (used[1], >=, used[c]);

  circles_scene_get_legend_size (scene, &lw, &lh);
  circles_scene_get_range (scene, CIRCLES_SCENE_LEGEND, &first, &n);
  for (guint i = first; i < first + n; i++)
    {
      view.color_by = CIRCLES_COLOR_BY_COMPANY;
      if (circles_scene_legend_visible (scene, &prims[i], &view))
        {
          g_assert_true (prims[i].flags & CIRCLES_SCENE_FLAG_COMPANY);
          company_rows++;
          g_assert_cmpfloat (prims[i].y, <=, lh);
        }
      view.color_by = CIRCLES_COLOR_BY_CIRCLE;
      if (circles_scene_legend_visible (scene, &prims[i], &view))
        {
          g_assert_false (prims[i].flags & CIRCLES_SCENE_FLAG_COMPANY);
          circle_rows++;
        }
    }
  g_assert_cmpuint (company_rows + circle_rows, ==, n);
  /* panel, title, up to ten companies and "Other companies", three shapes */
  g_assert_cmpuint (company_rows, >=, 1 + 1 + 1 + 1 + 3);
  g_assert_cmpuint (company_rows, <=, 1 + 1 + CIRCLES_SCENE_N_COMPANIES + 1 + 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scene/palette/contrast", test_palette_contrast);
  g_test_add_func ("/scene/color-by-company", test_color_by_company);

  g_test_add_func ("/scene/primitives", test_primitives);
  g_test_add_func ("/scene/labels/never-overlap", test_labels_never_overlap);
  g_test_add_func ("/scene/labels/priority", test_labels_priority);
  g_test_add_func ("/scene/fit-keeps-labels-inside", test_fit_keeps_labels_inside);
  g_test_add_func ("/scene/pick", test_pick);
  g_test_add_func ("/scene/sanitize", test_sanitize);
  g_test_add_func ("/scene/measure", test_measure);
  g_test_add_func ("/scene/scripts", test_scripts);
  g_test_add_func ("/scene/paths", test_paths_scene);

  return g_test_run ();
}
