/* bench-canvas.c: how long the canvas takes to draw a frame (issue 5), not a unit test
 *
 *   bench-canvas [--sizes 10000,100000] [--db FILE]… [--frames N]
 *
 * For each demo network (generated in a temporary folder, or the
 * databases given), offscreen at 1920×1080, through the canvas's own
 * render path (circles_canvas_render_layer: the cairo backend into an
 * image surface, made a GdkMemoryTexture), in light and dark mode:
 *  - the overview (the view that fits) and a zoomed view (8 × the fit,
 *    around a 2nd-degree person), each frame moved by one pixel so that
 *    the static layer is drawn again every frame (the worst case: a pan);
 *  - the first frame of each, which also computes the labels' level of
 *    detail for that zoom;
 *  - the same two views under a filter (one person in ten stands out,
 *    the others dimmed);
 *  - a frame that only changes the overlays (hover, selection with its
 *    chains), the layer being cached: what a click or a hover costs;
 *  - the circles at a date (the time slider's count: the rows filtered
 *    by the day each connection was made), beside the classification
 *    of the whole network when it was loaded.
 * Prints milliseconds per frame (median and worst of --frames frames).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <locale.h>
#include <stdlib.h>

#include "circles-canvas.h"
#include "circles-render-cairo.h"
#include "circles-selection.h"
#include "circles-demo.h"
#include "circles-layout.h"
#include "circles-network.h"
#include "circles-paths.h"
#include "circles-scene.h"
#include "circles-store.h"

#define WIDTH  1920
#define HEIGHT 1080

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* Draws @frames layers of @view, each one pixel further; prints them. */
static void
bench_layer (const char        *label,
             CirclesScene      *scene,
             const CirclesView *start,
             gboolean           dark,
             guint              frames)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  CirclesView view = *start;
  double first;

  for (guint i = 0; i <= frames; i++)
    {
      double begin = now_ms (), elapsed;
      GdkTexture *texture;

      view.offset_x = start->offset_x + i;
      texture = circles_canvas_render_layer (scene, &view, 1, dark);
      elapsed = now_ms () - begin;
      g_object_unref (texture);
      if (i == 0)
        first = elapsed;
      else
        g_array_append_val (times, elapsed);
    }
  g_array_sort (times, compare_doubles);
  printf ("  %-26s %-5s first %7.1f ms   median %6.1f ms   worst %6.1f ms\n",
          label, dark ? "dark" : "light", first,
          g_array_index (times, double, times->len / 2),
          g_array_index (times, double, times->len - 1));
}

/* A frame while panning or zooming faster than layers are drawn: the
 * last layer composited moved and scaled (what GSK's cairo renderer
 * does with the texture node under a transform). */
static void
bench_moved_layer (CirclesScene      *scene,
                   const CirclesView *view,
                   guint              frames)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GdkTexture) texture = circles_canvas_render_layer (scene, view, 1, FALSE);
  cairo_surface_t *layer = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_surface_t *target = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);

  gdk_texture_download (texture, cairo_image_surface_get_data (layer),
                        cairo_image_surface_get_stride (layer));
  cairo_surface_mark_dirty (layer);
  for (guint i = 0; i < frames; i++)
    {
      double begin = now_ms (), elapsed;
      cairo_t *cr = cairo_create (target);
      double s = 1.0 + 0.02 * i;

      cairo_translate (cr, -(s - 1.0) * WIDTH / 2, -(s - 1.0) * HEIGHT / 2);
      cairo_scale (cr, s, s);
      cairo_set_source_surface (cr, layer, 0, 0);
      cairo_paint (cr);
      cairo_destroy (cr);
      cairo_surface_flush (target);
      elapsed = now_ms () - begin;
      g_array_append_val (times, elapsed);
    }
  cairo_surface_destroy (layer);
  cairo_surface_destroy (target);
  g_array_sort (times, compare_doubles);
  printf ("  %-26s %-5s                  median %6.1f ms   worst %6.1f ms\n",
          "moving: cached layer", "",
          g_array_index (times, double, times->len / 2),
          g_array_index (times, double, times->len - 1));
}

/* The overlays over a cached layer: the chains of a selection. */
/* What a click costs: the selection (its chains found) and the layer
 * drawn again with it (the rest dimmed, the chains, the names along
 * them, the ring labels giving way). */
static void
bench_overlay (CirclesNetwork    *network,
               CirclesScene      *scene,
               const CirclesView *view,
               guint              target,
               guint              frames)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);

  for (guint i = 0; i < frames; i++)
    {
      double begin = now_ms ();
      g_autoptr(CirclesSelection) selection = circles_selection_new (network, target);
      CirclesView selected = *view;
      cairo_t *cr = cairo_create (surface);
      double elapsed;

      selected.selection = selection;
      circles_render_cairo (scene, &selected, cr);
      cairo_destroy (cr);
      elapsed = now_ms () - begin;
      g_array_append_val (times, elapsed);
    }
  cairo_surface_destroy (surface);
  g_array_sort (times, compare_doubles);
  printf ("  %-26s %-5s                  median %6.1f ms   worst %6.1f ms\n",
          "click: selection layer", "",
          g_array_index (times, double, times->len / 2),
          g_array_index (times, double, times->len - 1));
}

/* The circles at --frames dates from the first connection's day to the
 * last's: what a step of the time slider recomputes. */
static void
bench_dates (CirclesNetwork *network,
             guint           frames)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  guint n = circles_network_get_n_people (network);
  guint first = G_MAXUINT, last = 0;
  double classify;

  for (guint p = 0; p < n; p++)
    for (guint i = 0; i < circles_network_get_n_neighbours (network, p); i++)
      {
        guint day = circles_network_get_day (network, p, i);

        if (day == 0)
          continue;
        first = MIN (first, day);
        last = MAX (last, day);
      }
  if (first > last)
    {
      printf ("  %-26s no connection has a date\n", "circles at a date:");
      return;
    }

  for (guint i = 0; i < frames; i++)
    {
      guint day = first + (guint) ((guint64) (last - first) * i / (frames - 1));
      CirclesCounts counts;
      double begin = now_ms ();
      double elapsed;

      circles_network_count_at (network, day, &counts);
      elapsed = now_ms () - begin;
      g_array_append_val (times, elapsed);
    }
  g_array_sort (times, compare_doubles);
  circles_network_get_timings (network, NULL, &classify);
  printf ("  %-26s %-5s                  median %6.1f ms   worst %6.1f ms"
          "   (classifying at load: %.1f ms)\n",
          "slider: circles at a date", "",
          g_array_index (times, double, times->len / 2),
          g_array_index (times, double, times->len - 1),
          classify * 1000.0);
}

static guint
find_second_degree (CirclesNetwork *network)
{
  guint best = CIRCLES_NO_PERSON, best_links = 0;

  for (guint p = 0; p < circles_network_get_n_people (network); p++)
    if (circles_network_get_degree (network, p) == 2 &&
        circles_network_get_n_neighbours (network, p) > best_links)
      {
        best = p;
        best_links = circles_network_get_n_neighbours (network, p);
      }
  return best;
}

static int
bench_database (const char *path,
                guint       frames)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirclesStore) store = circles_store_open (path, &error);
  g_autoptr(CirclesNetwork) network = NULL;
  g_autoptr(CirclesLayout) layout = NULL;
  g_autoptr(CirclesScene) scene = NULL;
  CirclesView overview, zoomed;
  const CirclesScenePrimitive *prims;
  guint target, index, first, n_people;
  double begin;

  if (store == NULL ||
      (network = circles_network_load (store, NULL, &error)) == NULL ||
      (layout = circles_layout_new_rings (network, CIRCLES_LAYOUT_ENGINE_AUTO, NULL, &error)) == NULL)
    {
      g_printerr ("bench-canvas: %s\n", error->message);
      return 1;
    }
  begin = now_ms ();
  scene = circles_scene_new (network, layout);
  circles_scene_get_range (scene, CIRCLES_SCENE_PERSON, &first, &n_people);
  printf ("%s: %'u people, %'u placed; scene built in %.0f ms (off the main thread)\n",
          path, circles_network_get_n_people (network), n_people, now_ms () - begin);

  circles_view_init_fit (&overview, scene, WIDTH, HEIGHT);
  target = find_second_degree (network);
  prims = circles_scene_get_primitives (scene, NULL);
  index = circles_scene_lookup_person (scene, target);
  zoomed = overview;
  zoomed.zoom = overview.zoom * 8.0;
  zoomed.offset_x = WIDTH / 2.0 - prims[index].x * zoomed.zoom;
  zoomed.offset_y = HEIGHT / 2.0 - prims[index].y * zoomed.zoom;

  for (int dark = 0; dark <= 1; dark++)
    {
      bench_layer ("overview, layer redrawn", scene, &overview, dark, frames);
      bench_layer ("zoomed ×8, layer redrawn", scene, &zoomed, dark, frames);
    }
  /* A filter: one person in ten stands out, the others are dimmed (and
   * the names of a few more who stand out are placed). */
  {
    g_autofree guint8 *emphasis = g_new0 (guint8, circles_network_get_n_people (network));
    CirclesView filtered = overview, filtered_zoomed = zoomed;

    for (guint p = 0; p < circles_network_get_n_people (network); p += 10)
      emphasis[p] = 1;
    filtered.emphasis = filtered_zoomed.emphasis = emphasis;
    bench_layer ("overview, filter", scene, &filtered, FALSE, frames);
    bench_layer ("zoomed ×8, filter", scene, &filtered_zoomed, FALSE, frames);
  }
  bench_moved_layer (scene, &overview, frames);
  bench_overlay (network, scene, &overview, target, frames);
  bench_dates (network, frames);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *sizes = g_strdup ("10000,100000");
  g_auto(GStrv) dbs = NULL;
  int frames = 30;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "sizes", 0, 0, G_OPTION_ARG_STRING, &sizes, "Demo network sizes", "N,N" },
    { "db", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &dbs, "Existing databases instead", "FILE" },
    { "frames", 0, 0, G_OPTION_ARG_INT, &frames, "Frames a measure", "N" },
    { NULL }
  };
  int status = 0;

  setlocale (LC_ALL, "");
  context = g_option_context_new (NULL);
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-canvas: %s\n", error->message);
      return 2;
    }
  frames = MAX (frames, 3);
  printf ("Canvas frames at %d × %d, CPU (cairo image surface → GdkMemoryTexture)\n", WIDTH, HEIGHT);

  if (dbs != NULL)
    {
      for (guint i = 0; dbs[i] != NULL; i++)
        status |= bench_database (dbs[i], frames);
      return status;
    }

  {
    g_autofree char *dir = g_dir_make_tmp ("circles-bench-canvas-XXXXXX", &error);
    g_auto(GStrv) list = g_strsplit (sizes, ",", -1);

    if (dir == NULL)
      {
        g_printerr ("bench-canvas: %s\n", error->message);
        return 1;
      }
    for (guint i = 0; list[i] != NULL; i++)
      {
        guint n = (guint) g_ascii_strtoull (list[i], NULL, 10);
        g_autofree char *name = g_strdup_printf ("demo-%u.db", n);
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_autoptr(CirclesStore) store = circles_store_open (path, &error);

        if (store == NULL || !circles_demo_generate (store, n, 1, NULL, &error))
          {
            g_printerr ("bench-canvas: %s\n", error->message);
            return 1;
          }
        g_clear_object (&store);
        status |= bench_database (path, frames);
        g_unlink (path);
      }
    g_rmdir (dir);
  }
  return status;
}
