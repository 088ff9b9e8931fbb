/* bench-layout.c: layout, scene and export speed (issue 4), not a unit test
 *
 *   bench-layout [--sizes 10000,100000] [--switch] [--keep DIR]
 *
 * For each demo network size: the radial placement, twopi in process and
 * the `twopi` command on the same graph, the scene, the SVG export (time
 * and bytes per person) and the PNG export at 1920×1080. --switch also
 * measures twopi against the radial placement on small networks, to
 * place CIRCLES_LAYOUT_TWOPI_MAX_PEOPLE. --keep writes the exports there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "bench-util.h"
#include "circles-demo.h"
#include "circles-export.h"
#include "circles-layout.h"
#include "circles-network.h"
#include "circles-render-cairo.h"
#include "circles-scene.h"
#include "circles-store.h"
#include "circles-svg-writer.h"

static gboolean skip_twopi;

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static CirclesNetwork *
demo_network (const char *dir,
              guint       people)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("demo-%u.db", people);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(CirclesStore) store = NULL;
  gboolean fresh = !g_file_test (path, G_FILE_TEST_EXISTS);
  CirclesNetwork *network;

  store = circles_store_open (path, &error);
  if (store != NULL && fresh && !circles_demo_generate (store, people, 1, NULL, &error))
    g_clear_object (&store);
  if (store == NULL)
    g_error ("demo of %u people: %s", people, error->message);
  network = circles_network_load (store, NULL, &error);
  if (network == NULL)
    g_error ("loading the demo of %u people: %s", people, error->message);
  return network;
}

static guint
ring_people (CirclesNetwork *network)
{
  const CirclesCounts *counts = circles_network_get_counts (network);

  return (guint) (counts->first + counts->second + counts->third);
}

static double
time_layout (CirclesNetwork      *network,
             CirclesLayoutEngine  engine,
             guint                runs)
{
  double best = G_MAXDOUBLE;

  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(GError) error = NULL;
      double begin = now_ms ();
      g_autoptr(CirclesLayout) layout = circles_layout_new_rings (network, engine, NULL, &error);

      if (layout == NULL)
        g_error ("layout: %s", error->message);
      best = MIN (best, now_ms () - begin);
    }
  return best;
}

static double
time_twopi_command (CirclesNetwork *network,
                    const char     *dir)
{
  g_autoptr(GError) error = NULL;
  double seconds = 0;

  if (!bench_twopi_command (network, dir, 0, &seconds, NULL, &error))
    g_printerr ("twopi: %s\n", error->message);
  return seconds * 1000.0;
}

static void
bench_switch (const char *dir)
{
  static const guint sizes[] = { 200, 500, 1000, 1500, 2000, 4000, 8000 };

  g_print ("\n# switch point: best of 5, in ms\n");
  g_print ("%8s %10s %10s %10s\n", "people", "on rings", "twopi", "radial");
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(CirclesNetwork) network = demo_network (dir, sizes[i]);

      g_print ("%8u %10u %10.2f %10.3f\n", sizes[i], ring_people (network),
               time_layout (network, CIRCLES_LAYOUT_ENGINE_TWOPI, 5),
               time_layout (network, CIRCLES_LAYOUT_ENGINE_RADIAL, 5));
    }
}

static void
bench_size (guint       people,
            const char *dir,
            const char *keep)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirclesNetwork) network = NULL;
  g_autoptr(CirclesLayout) layout = NULL;
  g_autoptr(CirclesScene) scene = NULL;
  g_autoptr(GBytes) svg = NULL;
  double t, t_radial, t_twopi = -1, t_command, t_scene, t_svg, t_png;
  guint on_rings, n_people_prims;
  CirclesView view;

  t = now_ms ();
  network = demo_network (dir, people);
  g_print ("\n# %u people (demo, seed 1): ready in %.0f ms\n", people, now_ms () - t);
  on_rings = ring_people (network);

  t_radial = time_layout (network, CIRCLES_LAYOUT_ENGINE_RADIAL, 5);
  t_twopi = skip_twopi ? -1 : time_layout (network, CIRCLES_LAYOUT_ENGINE_TWOPI, 1);
  t_command = skip_twopi ? -1 : time_twopi_command (network, dir);

  layout = circles_layout_new_rings (network, CIRCLES_LAYOUT_ENGINE_AUTO, NULL, &error);
  t = now_ms ();
  scene = circles_scene_new (network, layout);
  t_scene = now_ms () - t;
  circles_scene_get_range (scene, CIRCLES_SCENE_PERSON, NULL, &n_people_prims);

  /* SVG, 1920×1080 (scene built once; label levels computed inside). */
  circles_view_init_fit (&view, scene, 1920, 1080);
  t = now_ms ();
  svg = circles_svg_write (scene, network, &view);
  t_svg = now_ms () - t;

  /* PNG, 1920×1080, from the network: layout + scene + draw + encode +
   * write, as `circles export rings.png` does once the network is open. */
  {
    g_autoptr(CirclesLayout) layout2 = NULL;
    g_autoptr(CirclesScene) scene2 = NULL;
    g_autofree char *name = g_strdup_printf ("rings-%u.png", people);
    g_autofree char *path = g_build_filename (keep != NULL ? keep : dir, name, NULL);
    double t1, t2, t3;

    t = now_ms ();
    layout2 = circles_layout_new_rings (network, CIRCLES_LAYOUT_ENGINE_AUTO, NULL, &error);
    t1 = now_ms ();
    scene2 = circles_scene_new (network, layout2);
    circles_view_init_fit (&view, scene2, 1920, 1080);
    t2 = now_ms ();
    circles_scene_ensure_labels (scene2, view.zoom);
    t3 = now_ms ();
    if (!circles_export_scene (scene2, network, &view, CIRCLES_EXPORT_PNG, path, &error))
      g_error ("%s", error->message);
    t_png = now_ms () - t;
    g_print ("PNG phases            layout %.1f, scene %.1f, labels %.1f, draw+encode+write %.1f ms\n",
             t1 - t, t2 - t1, t3 - t2, now_ms () - t3);
    if (keep == NULL)
      g_unlink (path);
  }

  if (keep != NULL)
    {
      g_autofree char *name = g_strdup_printf ("rings-%u.svg", people);
      g_autofree char *path = g_build_filename (keep, name, NULL);

      g_file_set_contents (path, g_bytes_get_data (svg, NULL), g_bytes_get_size (svg), NULL);
    }

  g_print ("people on the rings   %u (1st %" G_GUINT64_FORMAT ", 2nd %" G_GUINT64_FORMAT
           ", 3rd %" G_GUINT64_FORMAT ")\n",
           on_rings, circles_network_get_counts (network)->first,
           circles_network_get_counts (network)->second, circles_network_get_counts (network)->third);
  g_print ("layout radial         %10.1f ms (best of 5)\n", t_radial);
  g_print ("layout twopi (lib)    %10.1f ms\n", t_twopi);
  g_print ("twopi command         %10.1f ms  (radial is %.0fx faster)\n",
           t_command, t_command / MAX (t_radial, 0.001));
  g_print ("layout auto engine    %10s\n", circles_layout_engine_to_string (circles_layout_get_engine (layout)));
  g_print ("scene                 %10.1f ms\n", t_scene);
  g_print ("SVG 1920x1080         %10.1f ms, %zu bytes, %.0f bytes per person\n",
           t_svg, g_bytes_get_size (svg), (double) g_bytes_get_size (svg) / MAX (n_people_prims, 1u));
  g_print ("PNG 1920x1080 total   %10.1f ms (layout+scene+draw+encode+write)\n", t_png);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *sizes = g_strdup ("10000,100000");
  g_autofree char *keep = NULL;
  g_autofree char *dir = NULL;
  gboolean do_switch = FALSE;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) list = NULL;
  GOptionEntry entries[] = {
    { "sizes", 0, 0, G_OPTION_ARG_STRING, &sizes, "Demo sizes", "N,N" },
    { "switch", 0, 0, G_OPTION_ARG_NONE, &do_switch, "Measure the twopi/radial switch", NULL },
    { "no-twopi", 0, 0, G_OPTION_ARG_NONE, &skip_twopi, "Skip twopi", NULL },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &keep, "Keep the exports in DIR", "DIR" },
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &dir, "Cache the demo databases in DIR", "DIR" },
    { NULL },
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- layout benchmark");

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (dir == NULL)
    dir = g_dir_make_tmp ("circles-bench-layout-XXXXXX", NULL);
  g_mkdir_with_parents (dir, 0700);

  if (do_switch)
    bench_switch (dir);
  list = g_strsplit (sizes, ",", -1);
  for (guint i = 0; list[i] != NULL; i++)
    if (*list[i] != '\0')
      bench_size ((guint) strtoul (list[i], NULL, 10), dir, keep);
  return 0;
}
