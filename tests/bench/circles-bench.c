/* circles-bench.c: how fast Circles is on demo networks, in figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: it measures and prints. Each size runs in two child
 * processes of this program, one that generates and stores the demo
 * network and one that opens it and answers paths, so that each peak
 * RSS is the peak of that work alone.
 *
 *   circles-bench [--sizes 10000,100000] [--json FILE] [--workdir DIR]
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "circles-demo.h"
#include "circles-network.h"
#include "circles-paths.h"
#include "circles-store.h"

#define N_TARGETS 1000

static double
now (void)
{
  return g_get_monotonic_time () / (double)G_USEC_PER_SEC;
}

static double
peak_rss_mb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

static void
print_result (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

static void
add_double (JsonBuilder *builder,
            const char  *name,
            double       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_double_value (builder, value);
}

static int
child_generate (const char *db,
                guint       people)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(CirclesStore) store = NULL;
  double start = now ();

  g_unlink (db);
  store = circles_store_open (db, &error);
  if (store == NULL || !circles_demo_generate (store, people, 1, NULL, &error))
    {
      g_printerr ("bench: %s\n", error->message);
      return 1;
    }
  g_clear_object (&store);   /* checkpoints the WAL */

  json_builder_begin_object (builder);
  add_double (builder, "generate_import", now () - start);
  add_double (builder, "generate_rss_mb", peak_rss_mb ());
  json_builder_end_object (builder);
  print_result (builder);
  return 0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y;
}

static int
child_open (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(CirclesStore) store = NULL;
  g_autoptr(CirclesNetwork) network = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) ring = g_array_new (FALSE, FALSE, sizeof (guint32));
  const CirclesCounts *counts;
  double start, open_time, read_time, classify_time;
  guint64 seed = 12345;
  GStatBuf st;

  start = now ();
  store = circles_store_open (db, &error);
  if (store != NULL)
    network = circles_network_load (store, NULL, &error);
  if (network == NULL)
    {
      g_printerr ("bench: %s\n", error->message);
      return 1;
    }
  open_time = now () - start;
  circles_network_get_timings (network, &read_time, &classify_time);
  counts = circles_network_get_counts (network);

  /* 1,000 targets drawn from the three rings, the same every run. */
  for (guint i = 0; i < circles_network_get_n_people (network); i++)
    if (circles_network_get_degree (network, i) >= 1 &&
        circles_network_get_degree (network, i) <= CIRCLES_MAX_DEGREE)
      g_array_append_val (ring, i);

  for (guint i = 0; i < N_TARGETS && ring->len > 0; i++)
    {
      g_autoptr(CirclesPaths) paths = NULL;
      guint32 target;
      double t;

      seed = seed * 6364136223846793005ull + 1442695040888963407ull;
      target = g_array_index (ring, guint32, (seed >> 33) % ring->len);
      t = now ();
      paths = circles_paths_find (network, target, 10);
      t = now () - t;
      g_array_append_val (times, t);
    }
  g_array_sort (times, compare_doubles);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "people");
  json_builder_add_int_value (builder, counts->people + 1);
  json_builder_set_member_name (builder, "connections");
  json_builder_add_int_value (builder, counts->connections);
  json_builder_set_member_name (builder, "first");
  json_builder_add_int_value (builder, counts->first);
  json_builder_set_member_name (builder, "second");
  json_builder_add_int_value (builder, counts->second);
  json_builder_set_member_name (builder, "third");
  json_builder_add_int_value (builder, counts->third);
  add_double (builder, "open", open_time);
  add_double (builder, "open_read", read_time);
  add_double (builder, "bfs_classify", classify_time);
  add_double (builder, "paths_median", times->len ? g_array_index (times, double, times->len / 2) : 0);
  add_double (builder, "paths_worst", times->len ? g_array_index (times, double, times->len - 1) : 0);
  add_double (builder, "open_rss_mb", peak_rss_mb ());
  add_double (builder, "db_mb", g_stat (db, &st) == 0 ? st.st_size / 1048576.0 : 0);
  json_builder_end_object (builder);
  print_result (builder);
  return 0;
}

/* Runs this program again for one step; returns its JSON object. */
static JsonObject *
run_child (const char *self_path,
           const char *step,
           const char *db,
           guint       people)
{
  g_autofree char *people_arg = g_strdup_printf ("%u", people);
  const char *argv[] = { self_path, step, db, people_arg, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  int status;

  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN,
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

static void
print_table (JsonArray *sizes)
{
  static const struct { const char *key; const char *label; gboolean ms; } rows[] = {
    { "connections", "connections", FALSE },
    { "first", "1st degree", FALSE },
    { "second", "2nd degree", FALSE },
    { "third", "3rd degree", FALSE },
    { "generate_import", "generate + import (s)", FALSE },
    { "open_cold", "first open after import (s)", FALSE },
    { "open", "open: SQLite to classified snapshot (s)", FALSE },
    { "open_read", "  of which reading the store (s)", FALSE },
    { "bfs_classify", "  of which BFS and classification (s)", FALSE },
    { "paths_median", "paths, median of 1,000 (ms)", TRUE },
    { "paths_worst", "paths, worst of 1,000 (ms)", TRUE },
    { "open_rss_mb", "peak RSS, open + paths (MB)", FALSE },
    { "generate_rss_mb", "peak RSS, generate (MB)", FALSE },
    { "db_mb", "database size (MB)", FALSE },
  };
  guint n = json_array_get_length (sizes);

  printf ("%-42s", "people");
  for (guint i = 0; i < n; i++)
    printf ("%14" G_GINT64_FORMAT,
            json_object_get_int_member (json_array_get_object_element (sizes, i), "people"));
  printf ("\n");

  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      printf ("%-42s", rows[r].label);
      for (guint i = 0; i < n; i++)
        {
          JsonObject *size = json_array_get_object_element (sizes, i);
          JsonNode *node = json_object_get_member (size, rows[r].key);

          if (node == NULL)
            printf ("%14s", "-");
          else if (json_node_get_value_type (node) == G_TYPE_INT64)
            printf ("%14" G_GINT64_FORMAT, json_node_get_int (node));
          else
            printf ("%14.3f", json_node_get_double (node) * (rows[r].ms ? 1000.0 : 1.0));
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
  GOptionEntry entries[] = {
    { "sizes", 0, 0, G_OPTION_ARG_STRING, &sizes_arg, "Comma-separated numbers of people", "N,N" },
    { "json", 0, 0, G_OPTION_ARG_FILENAME, &json_path, "Write the figures to FILE", "FILE" },
    { "workdir", 0, 0, G_OPTION_ARG_FILENAME, &workdir, "Where the databases go", "DIR" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonArray) sizes = json_array_new ();
  g_auto(GStrv) size_list = NULL;

  setlocale (LC_ALL, "");

  if (argc == 4 && g_str_equal (argv[1], "--generate"))
    return child_generate (argv[2], atoi (argv[3]));
  if (argc == 4 && g_str_equal (argv[1], "--open"))
    return child_open (argv[2]);

  context = g_option_context_new ("- measure Circles on demo networks");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

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

      g_printerr ("bench: %u people…\n", people);
      generated = run_child (argv[0], "--generate", db, people);
      /* The first open after an import reads every row and writes the
       * graph cache; the next ones read the cache. */
      cold = run_child (argv[0], "--open", db, people);
      opened = run_child (argv[0], "--open", db, people);
      merge_into (opened, generated);
      json_object_set_double_member (opened, "open_cold",
                                     json_object_get_double_member (cold, "open"));
      json_array_add_object_element (sizes, json_object_ref (opened));
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
