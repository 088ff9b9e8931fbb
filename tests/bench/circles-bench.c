/* circles-bench.c: how fast Circles is on demo networks, beside its peers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: it measures and prints (issue 7). Each size runs in child
 * processes of this program, so that each peak RSS is the peak of that
 * work alone:
 *
 *   --generate DB N   makes the demo network and imports it;
 *   --open-cold DB    the first open after the import, which reads every
 *                     row and writes the store's snapshot cache;
 *   --open DB ...     the next open (from the cache), then paths to 1,000
 *                     targets, introducers, layout, scene, two frames of
 *                     the canvas's overview at 1920×1080 and the SVG and
 *                     PNG exports of that scene, with the peak RSS after
 *                     each stage. Then, in the same process and on the
 *                     same graph, the peers, each checked to find the
 *                     same rings and the same numbers of paths:
 *                     - igraph's C library: the graph read from the
 *                       database into an igraph_t (load, apart),
 *                       igraph_bfs_simple() from me (against our BFS and
 *                       classification), igraph_get_all_shortest_paths()
 *                       from me to the targets, which lists the paths and
 *                       counts them (against our BFS + the 1,000 queries);
 *                     - the `twopi` command on the ring graph (against
 *                       our layout);
 *                     - a SQLite recursive CTE computing the rings
 *                       (against our open, database to classified
 *                       snapshot);
 *                     - networkx, when python3 has it (bench-networkx.py).
 *
 *   circles-bench [--sizes 10000,100000] [--json FILE] [--workdir DIR] [--keep]
 *                 [--no-peers] [--twopi-timeout S] [--networkx-max-people N]
 *
 * Each ratio in the output is our time divided by the peer's time, both
 * measured in the same run on the same graph: below 1, Circles is faster.
 */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>

#ifdef HAVE_IGRAPH
#include <igraph.h>
#endif

#include "bench-util.h"
#include "circles-demo.h"
#include "circles-export.h"
#include "circles-layout.h"
#include "circles-network.h"
#include "circles-paths.h"
#include "circles-prospects.h"
#include "circles-render-cairo.h"
#include "circles-scene.h"
#include "circles-store.h"

#define N_TARGETS     1000
/* Repeats of the BFS, ours and igraph's, keeping the best: more on the
 * small networks, whose few milliseconds suffer most from a busy machine. */
#define N_BFS_RUNS(people) ((people) <= 200000 ? 9u : 3u)
#define FRAME_WIDTH   1920
#define FRAME_HEIGHT  1080

/* Set by the options, passed on to the --open child. */
typedef struct
{
  gboolean peers;
  guint    twopi_timeout;       /* seconds, 0: none */
  guint    networkx_max_people; /* 0: never */
} BenchOptions;

/* What the --open child knows while it measures the peers. */
typedef struct
{
  CirclesNetwork *network;
  const char     *db;
  const char     *dir;
  GArray         *targets;      /* guint32, distinct */
  GArray         *counts;       /* guint64: our chains_total per target */
  JsonObject     *out;
  guint           mismatches;
} Run;

static double
peak_rss_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

static void
print_object (JsonObject *object)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *text = NULL;

  json_node_set_object (root, object);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

static void
mismatch (Run        *run,
          const char *peer,
          const char *what,
          guint64     ours,
          guint64     theirs)
{
  g_printerr ("bench: *** MISMATCH *** %s: %s is %" G_GUINT64_FORMAT
              " for %s but %" G_GUINT64_FORMAT " for Circles\n",
              run->db, what, theirs, peer, ours);
  run->mismatches++;
}

static void
check_rings (Run        *run,
             const char *peer,
             guint64     first,
             guint64     second,
             guint64     third)
{
  const CirclesCounts *counts = circles_network_get_counts (run->network);

  if (counts->first != first)
    mismatch (run, peer, "the 1st degree", counts->first, first);
  if (counts->second != second)
    mismatch (run, peer, "the 2nd degree", counts->second, second);
  if (counts->third != third)
    mismatch (run, peer, "the 3rd degree", counts->third, third);
}

static void
check_count (Run        *run,
             const char *peer,
             guint       i,
             guint64     theirs)
{
  guint64 ours = g_array_index (run->counts, guint64, i);

  if (ours != theirs)
    {
      g_autofree char *what = g_strdup_printf ("the number of shortest paths to %s",
                                               circles_network_get_key (run->network,
                                                                        g_array_index (run->targets, guint32, i)));
      mismatch (run, peer, what, ours, theirs);
    }
}

static void
set_ratio (JsonObject *out,
           const char *name,
           double      ours,
           double      theirs)
{
  if (theirs > 0)
    json_object_set_double_member (out, name, ours / theirs);
}

/* {{{ The generate and cold-open children */

static int
child_generate (const char *db,
                guint       people)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) out = json_object_new ();
  g_autoptr(CirclesStore) store = NULL;
  double start = bench_now ();

  g_unlink (db);
  store = circles_store_open (db, &error);
  if (store == NULL || !circles_demo_generate (store, people, 1, NULL, &error))
    {
      g_printerr ("bench: %s\n", error->message);
      return 1;
    }
  g_clear_object (&store);   /* checkpoints the WAL */

  json_object_set_double_member (out, "generate_import", bench_now () - start);
  json_object_set_double_member (out, "generate_rss_mb", peak_rss_mb ());
  print_object (out);
  return 0;
}

static int
child_open_cold (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) out = json_object_new ();
  g_autoptr(CirclesStore) store = NULL;
  g_autoptr(CirclesNetwork) network = NULL;
  double start = bench_now ();

  store = circles_store_open (db, &error);
  if (store != NULL)
    network = circles_network_load (store, NULL, &error);
  if (network == NULL)
    {
      g_printerr ("bench: %s\n", error->message);
      return 1;
    }
  json_object_set_double_member (out, "open_cold", bench_now () - start);
  json_object_set_double_member (out, "open_cold_rss_mb", peak_rss_mb ());
  print_object (out);
  return 0;
}

/* }}} */
/* {{{ Ours */

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Up to N_TARGETS distinct people of the three rings, the same every run. */
static GArray *
pick_targets (CirclesNetwork *network)
{
  g_autoptr(GArray) ring = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autofree guint8 *picked = NULL;
  GArray *targets = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint64 seed = 12345;

  for (guint i = 0; i < circles_network_get_n_people (network); i++)
    if (circles_network_get_degree (network, i) >= 1 &&
        circles_network_get_degree (network, i) <= CIRCLES_MAX_DEGREE)
      g_array_append_val (ring, i);

  if (ring->len <= N_TARGETS)
    {
      g_array_append_vals (targets, ring->data, ring->len);
      return targets;
    }

  picked = g_new0 (guint8, ring->len);
  while (targets->len < N_TARGETS)
    {
      guint k;

      seed = seed * 6364136223846793005ull + 1442695040888963407ull;
      k = (seed >> 33) % ring->len;
      if (!picked[k])
        {
          picked[k] = 1;
          g_array_append_val (targets, g_array_index (ring, guint32, k));
        }
    }
  return targets;
}

static void
measure_paths (Run *run)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  double total = 0;

  run->counts = g_array_new (FALSE, FALSE, sizeof (guint64));
  for (guint i = 0; i < run->targets->len; i++)
    {
      g_autoptr(CirclesPaths) paths = NULL;
      double t = bench_now ();

      paths = circles_paths_find (run->network, g_array_index (run->targets, guint32, i), 10);
      t = bench_now () - t;
      total += t;
      g_array_append_val (times, t);
      g_array_append_val (run->counts, paths->chains_total);
    }
  g_array_sort (times, compare_doubles);

  json_object_set_int_member (run->out, "paths_targets", times->len);
  json_object_set_double_member (run->out, "paths_median",
                                 times->len ? g_array_index (times, double, times->len / 2) : 0);
  json_object_set_double_member (run->out, "paths_worst",
                                 times->len ? g_array_index (times, double, times->len - 1) : 0);
  json_object_set_double_member (run->out, "paths_all", total);
}

static void
measure_introducers (Run *run)
{
  g_autoptr(GArray) prospects = NULL;
  g_autoptr(CirclesIntroducers) introducers = NULL;
  double t = bench_now ();

  /* What `circles introducers` does without a filter: every 2nd-degree
   * person, the ranking and the greedy cover. */
  prospects = circles_prospects_select (run->network, NULL);
  introducers = circles_introducers_find (run->network, (const guint32 *) prospects->data,
                                          prospects->len);
  json_object_set_double_member (run->out, "introducers", bench_now () - t);
  json_object_set_int_member (run->out, "introducers_cover", introducers->cover->len);
}

static gboolean
measure_drawing (Run     *run,
                 GError **error)
{
  g_autoptr(CirclesLayout) layout = NULL;
  g_autoptr(CirclesScene) scene = NULL;
  g_autofree char *svg = g_build_filename (run->dir, "rings.svg", NULL);
  g_autofree char *png = g_build_filename (run->dir, "rings.png", NULL);
  cairo_surface_t *surface;
  cairo_t *cr;
  CirclesView view;
  double t;

  t = bench_now ();
  layout = circles_layout_new_rings (run->network, CIRCLES_LAYOUT_ENGINE_AUTO, NULL, error);
  if (layout == NULL)
    return FALSE;
  json_object_set_double_member (run->out, "layout", bench_now () - t);
  json_object_set_string_member (run->out, "layout_engine",
                                 circles_layout_engine_to_string (circles_layout_get_engine (layout)));

  t = bench_now ();
  scene = circles_scene_new (run->network, layout);
  json_object_set_double_member (run->out, "scene", bench_now () - t);

  /* The canvas's overview: the whole network fitted in the window. The
   * first frame computes the labels' level of detail; the next ones
   * reuse it. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, FRAME_WIDTH, FRAME_HEIGHT);
  circles_view_init_fit (&view, scene, FRAME_WIDTH, FRAME_HEIGHT);
  for (guint i = 0; i < 2; i++)
    {
      cr = cairo_create (surface);
      t = bench_now ();
      circles_render_cairo (scene, &view, cr);
      cairo_surface_flush (surface);
      json_object_set_double_member (run->out, i == 0 ? "frame_first" : "frame",
                                     bench_now () - t);
      cairo_destroy (cr);
    }
  cairo_surface_destroy (surface);
  json_object_set_double_member (run->out, "rss_frame_mb", peak_rss_mb ());

  /* The exports from the same scene and view, as the window does (one
   * scene feeds every output); `circles export` adds a layout and a
   * scene to these. */
  t = bench_now ();
  if (!circles_export_scene (scene, run->network, &view, CIRCLES_EXPORT_SVG, svg, error))
    return FALSE;
  json_object_set_double_member (run->out, "export_svg", bench_now () - t);
  t = bench_now ();
  if (!circles_export_scene (scene, run->network, &view, CIRCLES_EXPORT_PNG, png, error))
    return FALSE;
  json_object_set_double_member (run->out, "export_png", bench_now () - t);
  g_unlink (svg);
  g_unlink (png);
  return TRUE;
}

/* BFS and classification, best of N_BFS_RUNS opens (one is done). */
static gboolean
measure_bfs (Run           *run,
             CirclesStore  *store,
             GError       **error)
{
  double best;

  circles_network_get_timings (run->network, NULL, &best);
  for (guint i = 1; i < N_BFS_RUNS (circles_network_get_n_people (run->network)); i++)
    {
      g_autoptr(CirclesNetwork) again = circles_network_load (store, NULL, error);
      double classify;

      if (again == NULL)
        return FALSE;
      circles_network_get_timings (again, NULL, &classify);
      best = MIN (best, classify);
    }
  json_object_set_double_member (run->out, "bfs_classify", best);
  return TRUE;
}

/* }}} */
/* {{{ igraph's C library */

#ifdef HAVE_IGRAPH
static void
measure_igraph (Run *run)
{
  guint n = circles_network_get_n_people (run->network);
  guint me = circles_network_get_me (run->network);
  gint64 max_id = 0;
  g_autofree guint32 *index_of_id = NULL;
  igraph_vector_int_t edges, order, layers, parents, nrgeo;
  igraph_vector_int_t targets;
  igraph_vector_int_list_t paths;
  igraph_t graph;
  igraph_vs_t to;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  double t, best = G_MAXDOUBLE;
  guint64 first = 0, second = 0, third = 0;
  igraph_integer_t n_layers;
  g_autofree guint64 *found = NULL;

  /* The same vertex numbers as the snapshot, so that the answers compare. */
  for (guint i = 0; i < n; i++)
    max_id = MAX (max_id, circles_network_get_id (run->network, i));
  index_of_id = g_new (guint32, max_id + 1);
  memset (index_of_id, 0xff, sizeof (guint32) * (max_id + 1));
  for (guint i = 0; i < n; i++)
    index_of_id[circles_network_get_id (run->network, i)] = i;

  /* Load: the connections read from the database, then igraph_create(). */
  t = bench_now ();
  igraph_vector_int_init (&edges, 0);
  igraph_vector_int_reserve (&edges, 2 * circles_network_get_n_connections (run->network));
  if (sqlite3_open_v2 (run->db, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "SELECT a, b FROM connections", -1, &stmt, NULL) != SQLITE_OK)
    g_error ("igraph: %s", sqlite3_errmsg (db));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 a = sqlite3_column_int64 (stmt, 0), b = sqlite3_column_int64 (stmt, 1);

      if (a <= 0 || b <= 0 || a > max_id || b > max_id ||
          index_of_id[a] == CIRCLES_NO_PERSON || index_of_id[b] == CIRCLES_NO_PERSON)
        continue;
      igraph_vector_int_push_back (&edges, index_of_id[a]);
      igraph_vector_int_push_back (&edges, index_of_id[b]);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  igraph_create (&graph, &edges, n, IGRAPH_UNDIRECTED);
  igraph_vector_int_destroy (&edges);
  json_object_set_double_member (run->out, "igraph_load", bench_now () - t);

  /* BFS from me, best of N_BFS_RUNS: the order, layers and parents. */
  igraph_vector_int_init (&order, 0);
  igraph_vector_int_init (&layers, 0);
  igraph_vector_int_init (&parents, 0);
  for (guint i = 0; i < N_BFS_RUNS (n); i++)
    {
      t = bench_now ();
      igraph_bfs_simple (&graph, me, IGRAPH_ALL, &order, &layers, &parents);
      best = MIN (best, bench_now () - t);
    }
  json_object_set_double_member (run->out, "igraph_bfs", best);
  set_ratio (run->out, "bfs_vs_igraph",
             json_object_get_double_member (run->out, "bfs_classify"), best);

  /* layers holds where each layer starts in order, and the end. */
  n_layers = igraph_vector_int_size (&layers) - 1;
  if (n_layers > 1)
    first = VECTOR (layers)[2] - VECTOR (layers)[1];
  if (n_layers > 2)
    second = VECTOR (layers)[3] - VECTOR (layers)[2];
  if (n_layers > 3)
    third = VECTOR (layers)[4] - VECTOR (layers)[3];
  check_rings (run, "igraph", first, second, third);
  igraph_vector_int_destroy (&order);
  igraph_vector_int_destroy (&layers);
  igraph_vector_int_destroy (&parents);

  /* Every shortest path from me to the targets, listed and counted, in
   * one call (it searches once for all of them). */
  igraph_vector_int_init (&targets, run->targets->len);
  for (guint i = 0; i < run->targets->len; i++)
    VECTOR (targets)[i] = g_array_index (run->targets, guint32, i);
  igraph_vs_vector (&to, &targets);
  igraph_vector_int_list_init (&paths, 0);
  igraph_vector_int_init (&nrgeo, 0);
  t = bench_now ();
  igraph_get_all_shortest_paths (&graph, &paths, NULL, &nrgeo, me, to, IGRAPH_ALL);
  t = bench_now () - t;
  json_object_set_double_member (run->out, "igraph_paths", t);
  set_ratio (run->out, "paths_vs_igraph",
             json_object_get_double_member (run->out, "bfs_classify") +
             json_object_get_double_member (run->out, "paths_all"), t);

  found = g_new0 (guint64, n);
  for (igraph_integer_t p = 0; p < igraph_vector_int_list_size (&paths); p++)
    {
      igraph_vector_int_t *path = igraph_vector_int_list_get_ptr (&paths, p);

      found[igraph_vector_int_tail (path)]++;
    }
  for (guint i = 0; i < run->targets->len; i++)
    {
      guint32 target = g_array_index (run->targets, guint32, i);

      check_count (run, "igraph (paths listed)", i, found[target]);
      check_count (run, "igraph (nrgeo)", i, VECTOR (nrgeo)[target]);
    }
  json_object_set_int_member (run->out, "igraph_paths_listed", igraph_vector_int_list_size (&paths));

  igraph_vector_int_destroy (&nrgeo);
  igraph_vector_int_list_destroy (&paths);
  igraph_vs_destroy (&to);
  igraph_vector_int_destroy (&targets);
  igraph_destroy (&graph);
}
#endif

/* }}} */
/* {{{ twopi, SQLite, networkx */

static void
measure_twopi (Run                *run,
               const BenchOptions *options)
{
  g_autoptr(GError) error = NULL;
  gboolean timed_out = FALSE;
  double seconds;

  if (!bench_twopi_command (run->network, run->dir, options->twopi_timeout,
                            &seconds, &timed_out, &error))
    {
      g_printerr ("bench: twopi: %s\n", error->message);
      return;
    }
  if (timed_out)
    {
      /* Only a bound: the ratio is at most what it says. */
      g_printerr ("bench: twopi stopped after %u s\n", options->twopi_timeout);
      json_object_set_boolean_member (run->out, "twopi_timed_out", TRUE);
    }
  json_object_set_double_member (run->out, "twopi", seconds);
  set_ratio (run->out, "layout_vs_twopi",
             json_object_get_double_member (run->out, "layout"), seconds);
}

/* How a database user computes the rings: a recursive CTE over the
 * connections (both directions), three steps deep, then each person at
 * their smallest depth. */
static const char rings_cte[] =
  "WITH RECURSIVE reach (person, depth) AS ("
  "  SELECT CAST (value AS INTEGER), 0 FROM settings WHERE name = 'me'"
  "  UNION"
  "  SELECT c.b, r.depth + 1 FROM reach r JOIN connections c ON c.a = r.person"
  "   WHERE r.depth < 3"
  "  UNION"
  "  SELECT c.a, r.depth + 1 FROM reach r JOIN connections c ON c.b = r.person"
  "   WHERE r.depth < 3"
  ")"
  "SELECT depth, count (*) FROM"
  " (SELECT person, min (depth) AS depth FROM reach GROUP BY person)"
  " GROUP BY depth ORDER BY depth";

#define SQLITE_LIMIT_SECONDS 300

static int
sqlite_too_long (void *user_data)
{
  return bench_now () > *(const double *) user_data;
}

static void
measure_sqlite (Run *run)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint64 rings[CIRCLES_MAX_DEGREE + 1] = { 0, };
  double t, deadline;
  int rc;

  if (sqlite3_open_v2 (run->db, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    goto failed;

  /* Since schema 5 the store has no index on connections (b): Circles
   * never looks a connection up by its second end. The query needs one,
   * or it scans every connection for each person it reaches. A database
   * user would add it; the bench adds it to its own scratch database,
   * after measuring Circles, and times it apart. */
  t = bench_now ();
  if (sqlite3_exec (db, "CREATE INDEX IF NOT EXISTS bench_connections_b ON connections (b)",
                    NULL, NULL, NULL) != SQLITE_OK)
    goto failed;
  json_object_set_double_member (run->out, "sqlite_index", bench_now () - t);

  t = bench_now ();
  deadline = t + SQLITE_LIMIT_SECONDS;
  sqlite3_progress_handler (db, 100000, sqlite_too_long, &deadline);
  if (sqlite3_prepare_v2 (db, rings_cte, -1, &stmt, NULL) != SQLITE_OK)
    goto failed;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int depth = sqlite3_column_int (stmt, 0);

      if (depth >= 0 && depth <= (int) CIRCLES_MAX_DEGREE)
        rings[depth] = sqlite3_column_int64 (stmt, 1);
    }
  t = bench_now () - t;
  if (rc == SQLITE_INTERRUPT)
    {
      g_printerr ("bench: the SQLite CTE stopped after %d s\n", SQLITE_LIMIT_SECONDS);
      json_object_set_boolean_member (run->out, "sqlite_timed_out", TRUE);
    }
  else if (rc != SQLITE_DONE)
    goto failed;
  else
    check_rings (run, "the SQLite CTE", rings[1], rings[2], rings[3]);

  json_object_set_double_member (run->out, "sqlite_cte", t);
  set_ratio (run->out, "open_vs_sqlite", json_object_get_double_member (run->out, "open"), t);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return;

failed:
  g_printerr ("bench: SQLite: %s\n", sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static gboolean
write_edge_list (Run        *run,
                 const char *path)
{
  FILE *file = g_fopen (path, "w");
  guint n = circles_network_get_n_people (run->network);

  if (file == NULL)
    return FALSE;
  fprintf (file, "# me %u\n# targets", circles_network_get_me (run->network));
  for (guint i = 0; i < run->targets->len; i++)
    fprintf (file, " %u", g_array_index (run->targets, guint32, i));
  fputc ('\n', file);
  for (guint u = 0; u < n; u++)
    {
      const guint32 *neighbours = circles_network_get_neighbours (run->network, u);
      guint degree = circles_network_get_n_neighbours (run->network, u);

      for (guint k = 0; k < degree; k++)
        if (u < neighbours[k])
          fprintf (file, "%u %u\n", u, neighbours[k]);
    }
  return fclose (file) == 0;
}

static void
measure_networkx (Run *run)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *edges = g_build_filename (run->dir, "edges.txt", NULL);
  g_autofree char *out = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *argv[] = { "python3", BENCH_NETWORKX_SCRIPT, edges, NULL };
  JsonObject *result;
  JsonArray *counts;
  int status;
  double ours_rings, ours_paths;

  if (!write_edge_list (run, edges))
    {
      g_printerr ("bench: cannot write %s\n", edges);
      return;
    }
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH,
                     NULL, NULL, &out, NULL, &status, &error))
    {
      g_printerr ("bench: networkx: %s\n", error->message);
      g_unlink (edges);
      return;
    }
  g_unlink (edges);
  if (WIFEXITED (status) && WEXITSTATUS (status) == 3)
    {
      g_printerr ("bench: networkx is not installed: its columns are left out\n");
      return;
    }
  if (!g_spawn_check_wait_status (status, &error) ||
      !json_parser_load_from_data (parser, out, -1, &error))
    {
      g_printerr ("bench: networkx: %s\n", error->message);
      return;
    }

  result = json_node_get_object (json_parser_get_root (parser));
  json_object_set_double_member (run->out, "networkx_load", json_object_get_double_member (result, "load"));
  json_object_set_double_member (run->out, "networkx_rings", json_object_get_double_member (result, "rings"));
  json_object_set_double_member (run->out, "networkx_paths", json_object_get_double_member (result, "paths"));
  json_object_set_string_member (run->out, "networkx_version", json_object_get_string_member (result, "version"));

  ours_rings = json_object_get_double_member (run->out, "bfs_classify");
  ours_paths = ours_rings + json_object_get_double_member (run->out, "paths_all");
  set_ratio (run->out, "bfs_vs_networkx", ours_rings,
             json_object_get_double_member (result, "rings"));
  set_ratio (run->out, "paths_vs_networkx", ours_paths,
             json_object_get_double_member (result, "paths"));

  check_rings (run, "networkx",
               json_object_get_int_member (result, "first"),
               json_object_get_int_member (result, "second"),
               json_object_get_int_member (result, "third"));
  counts = json_object_get_array_member (result, "counts");
  if (json_array_get_length (counts) != run->targets->len)
    mismatch (run, "networkx", "the number of targets", run->targets->len,
              json_array_get_length (counts));
  else
    for (guint i = 0; i < run->targets->len; i++)
      check_count (run, "networkx", i, json_array_get_int_element (counts, i));
}

/* }}} */

static int
child_open (const char         *db,
            const BenchOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) out = json_object_new ();
  g_autoptr(CirclesStore) store = NULL;
  g_autoptr(CirclesNetwork) network = NULL;
  g_autoptr(GArray) targets = NULL;
  g_autoptr(GArray) counts = NULL;
  g_autofree char *dir = g_path_get_dirname (db);
  const CirclesCounts *c;
  double start, read_time, classify_time;
  Run run = { 0, };
  GStatBuf st;

  start = bench_now ();
  store = circles_store_open (db, &error);
  if (store != NULL)
    network = circles_network_load (store, NULL, &error);
  if (network == NULL)
    {
      g_printerr ("bench: %s\n", error->message);
      return 1;
    }
  json_object_set_double_member (out, "open", bench_now () - start);
  circles_network_get_timings (network, &read_time, &classify_time);
  json_object_set_double_member (out, "open_read", read_time);
  json_object_set_double_member (out, "open_classify", classify_time);

  c = circles_network_get_counts (network);
  json_object_set_int_member (out, "people", c->people + 1);
  json_object_set_int_member (out, "connections", c->connections);
  json_object_set_int_member (out, "first", c->first);
  json_object_set_int_member (out, "second", c->second);
  json_object_set_int_member (out, "third", c->third);

  targets = pick_targets (network);
  run.network = network;
  run.db = db;
  run.dir = dir;
  run.targets = targets;
  run.out = out;

  measure_paths (&run);
  counts = run.counts;
  measure_introducers (&run);
  json_object_set_double_member (out, "rss_open_mb", peak_rss_mb ());
  if (!measure_drawing (&run, &error))
    {
      g_printerr ("bench: %s\n", error->message);
      return 1;
    }
  /* Everything above is the app's work: its peak is ours. */
  json_object_set_double_member (out, "rss_mb", peak_rss_mb ());
  json_object_set_double_member (out, "db_mb", g_stat (db, &st) == 0 ? st.st_size / 1048576.0 : 0);

  if (!measure_bfs (&run, store, &error))
    {
      g_printerr ("bench: %s\n", error->message);
      return 1;
    }

  if (options->peers)
    {
#ifdef HAVE_IGRAPH
      measure_igraph (&run);
#endif
      measure_twopi (&run, options);
      measure_sqlite (&run);
      if (c->people + 1 <= options->networkx_max_people)
        measure_networkx (&run);
      json_object_set_int_member (out, "mismatches", run.mismatches);
    }

  print_object (out);
  return 0;
}

/* Runs this program again for one step; returns its JSON object. */
static JsonObject *
run_child (const char         *self_path,
           const char         *step,
           const char         *db,
           guint               people,
           const BenchOptions *options)
{
  g_autofree char *people_arg = g_strdup_printf ("%u", people);
  g_autofree char *peers_arg = g_strdup_printf ("%d", options->peers);
  g_autofree char *timeout_arg = g_strdup_printf ("%u", options->twopi_timeout);
  g_autofree char *networkx_arg = g_strdup_printf ("%u", options->networkx_max_people);
  const char *argv[] = { self_path, step, db, people_arg, peers_arg, timeout_arg,
                         networkx_arg, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN,
                     NULL, NULL, &out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error) ||
      !json_parser_load_from_data (parser, out, -1, &error))
    {
      g_printerr ("bench: %s %s: %s\n", step, db, error->message);
      exit (1);
    }
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
merge_into (JsonObject *into,
            JsonObject *from)
{
  g_autoptr(GList) members = json_object_get_members (from);

  for (GList *l = members; l != NULL; l = l->next)
    json_object_set_member (into, l->data,
                            json_node_copy (json_object_get_member (from, l->data)));
}

typedef enum
{
  UNIT_COUNT,
  UNIT_S,
  UNIT_MS,
  UNIT_MB,
  UNIT_RATIO,
} Unit;

static void
print_table (JsonArray *sizes)
{
  static const struct { const char *key; const char *label; Unit unit; } rows[] = {
    { "connections", "connections", UNIT_COUNT },
    { "first", "1st degree", UNIT_COUNT },
    { "second", "2nd degree", UNIT_COUNT },
    { "third", "3rd degree", UNIT_COUNT },
    { NULL, "Circles", 0 },
    { "generate_import", "generate + import (s)", UNIT_S },
    { "open_cold", "open, first after import (s)", UNIT_S },
    { "open", "open: SQLite to classified snapshot (s)", UNIT_S },
    { "open_read", "  of which reading the store (s)", UNIT_S },
    { "bfs_classify", "BFS and classification, best run (ms)", UNIT_MS },
    { "paths_median", "paths, median of 1,000 targets (ms)", UNIT_MS },
    { "paths_worst", "paths, worst of 1,000 targets (ms)", UNIT_MS },
    { "paths_all", "paths, all 1,000 targets (ms)", UNIT_MS },
    { "introducers", "introducers of the 2nd degree (ms)", UNIT_MS },
    { "layout", "layout of the rings (ms)", UNIT_MS },
    { "scene", "scene (ms)", UNIT_MS },
    { "frame_first", "first frame, overview 1920x1080 (ms)", UNIT_MS },
    { "frame", "next frame, overview 1920x1080 (ms)", UNIT_MS },
    { "export_svg", "SVG export of the scene (ms)", UNIT_MS },
    { "export_png", "PNG export of the scene (ms)", UNIT_MS },
    { "rss_open_mb", "peak RSS: open, paths, introducers (MB)", UNIT_MB },
    { "rss_frame_mb", "  then layout, scene, frames (MB)", UNIT_MB },
    { "rss_mb", "  then SVG and PNG exports (MB)", UNIT_MB },
    { "generate_rss_mb", "peak RSS, generate + import (MB)", UNIT_MB },
    { "db_mb", "database size (MB)", UNIT_MB },
    { NULL, "Peers, same graph, same run", 0 },
    { "igraph_load", "igraph: load from SQLite (s)", UNIT_S },
    { "igraph_bfs", "igraph: BFS from me, best run (ms)", UNIT_MS },
    { "igraph_paths", "igraph: all shortest paths, targets (ms)", UNIT_MS },
    { "twopi", "twopi command, ring graph (s)", UNIT_S },
    { "sqlite_index", "SQLite: index on connections (b) (s)", UNIT_S },
    { "sqlite_cte", "SQLite: recursive CTE, rings (s)", UNIT_S },
    { "networkx_load", "networkx: load (s)", UNIT_S },
    { "networkx_rings", "networkx: rings (ms)", UNIT_MS },
    { "networkx_paths", "networkx: path counts, targets (ms)", UNIT_MS },
    { "mismatches", "answers differing from ours", UNIT_COUNT },
    { NULL, "Ratios: ours / peer's (below 1: faster)", 0 },
    { "bfs_vs_igraph", "bfs_vs_igraph", UNIT_RATIO },
    { "paths_vs_igraph", "paths_vs_igraph (BFS + paths)", UNIT_RATIO },
    { "layout_vs_twopi", "layout_vs_twopi", UNIT_RATIO },
    { "open_vs_sqlite", "open_vs_sqlite (open / CTE)", UNIT_RATIO },
    { "bfs_vs_networkx", "bfs_vs_networkx", UNIT_RATIO },
    { "paths_vs_networkx", "paths_vs_networkx (BFS + paths)", UNIT_RATIO },
  };
  guint n = json_array_get_length (sizes);

  printf ("%-42s", "people");
  for (guint i = 0; i < n; i++)
    printf ("%14" G_GINT64_FORMAT,
            json_object_get_int_member (json_array_get_object_element (sizes, i), "people"));
  printf ("\n");

  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      if (rows[r].key == NULL)
        {
          printf ("%s\n", rows[r].label);
          continue;
        }
      printf ("%-42s", rows[r].label);
      for (guint i = 0; i < n; i++)
        {
          JsonObject *size = json_array_get_object_element (sizes, i);
          JsonNode *node = json_object_get_member (size, rows[r].key);

          if (node == NULL)
            printf ("%14s", "-");
          else if (rows[r].unit == UNIT_COUNT)
            printf ("%14" G_GINT64_FORMAT, json_node_get_int (node));
          else if (rows[r].unit == UNIT_MS)
            printf ("%14.2f", json_node_get_double (node) * 1000.0);
          else if (rows[r].unit == UNIT_RATIO)
            printf ("%14.4f", json_node_get_double (node));
          else
            printf ("%14.3f", json_node_get_double (node));
        }
      printf ("\n");
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *sizes_arg = NULL;
  g_autofree char *json_path = NULL;
  g_autofree char *workdir = NULL;
  gboolean no_peers = FALSE, keep = FALSE;
  int twopi_timeout = 600, networkx_max = 200000;
  GOptionEntry entries[] = {
    { "sizes", 0, 0, G_OPTION_ARG_STRING, &sizes_arg, "Comma-separated numbers of people", "N,N" },
    { "json", 0, 0, G_OPTION_ARG_FILENAME, &json_path, "Write the figures to FILE", "FILE" },
    { "workdir", 0, 0, G_OPTION_ARG_FILENAME, &workdir, "Where the databases go", "DIR" },
    { "keep", 0, 0, G_OPTION_ARG_NONE, &keep, "Keep the databases in the workdir", NULL },
    { "no-peers", 0, 0, G_OPTION_ARG_NONE, &no_peers, "Measure Circles alone", NULL },
    { "twopi-timeout", 0, 0, G_OPTION_ARG_INT, &twopi_timeout,
      "Stop twopi after S seconds (0: never; default 600)", "S" },
    { "networkx-max-people", 0, 0, G_OPTION_ARG_INT, &networkx_max,
      "Leave networkx out above N people (default 200000)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) sizes = json_array_new ();
  g_auto(GStrv) size_list = NULL;
  BenchOptions options;

  setlocale (LC_ALL, "");

  /* The children: STEP DB PEOPLE PEERS TWOPI-TIMEOUT NETWORKX-MAX */
  if (argc == 7 && g_str_equal (argv[1], "--generate"))
    return child_generate (argv[2], atoi (argv[3]));
  if (argc == 7 && g_str_equal (argv[1], "--open-cold"))
    return child_open_cold (argv[2]);
  if (argc == 7 && g_str_equal (argv[1], "--open"))
    {
      options.peers = atoi (argv[4]) != 0;
      options.twopi_timeout = strtoul (argv[5], NULL, 10);
      options.networkx_max_people = strtoul (argv[6], NULL, 10);
      return child_open (argv[2], &options);
    }

  context = g_option_context_new ("- measure Circles and its peers on demo networks");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  options.peers = !no_peers;
  options.twopi_timeout = MAX (twopi_timeout, 0);
  options.networkx_max_people = MAX (networkx_max, 0);

  size_list = g_strsplit (sizes_arg ? sizes_arg : "10000,100000", ",", -1);
  if (workdir == NULL)
    workdir = g_dir_make_tmp ("circles-bench-XXXXXX", NULL);
  g_mkdir_with_parents (workdir, 0700);

  for (guint i = 0; size_list[i] != NULL; i++)
    {
      guint people = atoi (size_list[i]);
      g_autofree char *name = g_strdup_printf ("demo-%u.db", people);
      g_autofree char *db = g_build_filename (workdir, name, NULL);
      g_autoptr(JsonObject) generated = NULL;
      g_autoptr(JsonObject) opened = NULL;
      g_autoptr(JsonObject) cold = NULL;

      if (people == 0)
        continue;
      g_printerr ("bench: %u people: generating…\n", people);
      generated = run_child (argv[0], "--generate", db, people, &options);
      /* The first open after an import reads every row and writes the
       * snapshot cache; the next ones read the cache. */
      g_printerr ("bench: %u people: measuring%s…\n", people,
                  options.peers ? " (and the peers)" : "");
      cold = run_child (argv[0], "--open-cold", db, people, &options);
      opened = run_child (argv[0], "--open", db, people, &options);
      merge_into (opened, generated);
      merge_into (opened, cold);
      json_array_add_object_element (sizes, json_object_ref (opened));
      if (!keep)
        g_unlink (db);
    }

  print_table (sizes);

  if (json_path != NULL)
    {
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
      g_autoptr(JsonObject) object = json_object_new ();

      json_object_set_array_member (object, "sizes", json_array_ref (sizes));
      json_node_set_object (root, object);
      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, TRUE);
      if (!json_generator_to_file (generator, json_path, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }

  g_rmdir (workdir);
  return 0;
}
