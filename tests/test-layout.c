/* test-layout.c: ring and paths layouts (twopi, radial placement, dot)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "circles-demo.h"
#include "circles-layout.h"
#include "circles-paths.h"
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
  circles_demo_generate (store, people, 7, NULL, &error);
  g_assert_no_error (error);
  network = circles_network_load (store, NULL, &error);
  g_assert_no_error (error);
  return network;
}

/* Every person within 3 degrees is on the ring of its degree, inside the
 * ring's band; nobody else is placed; radii strictly grow outwards and
 * bands never touch. */
static void
check_rings (CirclesNetwork *network,
             CirclesLayout  *layout)
{
  guint n_nodes;
  const CirclesLayoutNode *nodes = circles_layout_get_nodes (layout, &n_nodes);
  guint n = circles_network_get_n_people (network);
  guint placed = 0;

  g_assert_cmpfloat (circles_layout_get_ring_radius (layout, 0), ==, 0.0);
  for (guint k = 1; k <= CIRCLES_MAX_DEGREE; k++)
    {
      double inner = circles_layout_get_ring_radius (layout, k) - circles_layout_get_ring_band (layout, k) / 2.0;
      double outer_prev = circles_layout_get_ring_radius (layout, k - 1) +
                          circles_layout_get_ring_band (layout, k - 1) / 2.0;

      g_assert_cmpfloat (circles_layout_get_ring_radius (layout, k), >, circles_layout_get_ring_radius (layout, k - 1));
      g_assert_cmpfloat (inner, >, outer_prev);
    }

  for (guint p = 0; p < n; p++)
    {
      guint degree = circles_network_get_degree (network, p);
      guint node = circles_layout_lookup_node (layout, p);

      if (degree > CIRCLES_MAX_DEGREE)
        {
          g_assert_cmpuint (node, ==, CIRCLES_LAYOUT_NO_NODE);
          continue;
        }
      g_assert_cmpuint (node, <, n_nodes);
      g_assert_cmpuint (nodes[node].person, ==, p);
      g_assert_cmpuint (nodes[node].ring, ==, degree);
      if (degree > 0)
        {
          double d = hypot (nodes[node].x, nodes[node].y);
          double r = circles_layout_get_ring_radius (layout, degree);
          double band = circles_layout_get_ring_band (layout, degree);

          g_assert_cmpfloat (d, >=, r - band / 2.0 - 0.01);
          g_assert_cmpfloat (d, <=, r + band / 2.0 + 0.01);
        }
      else
        {
          g_assert_cmpfloat (fabs (nodes[node].x) + fabs (nodes[node].y), <, 0.001);
        }
      placed++;
    }
  g_assert_cmpuint (placed, ==, n_nodes);
}

/* People who share a BFS parent sit in one contiguous run of their ring
 * (the sector of their parent; a run may wrap around the top). */
static void
check_sectors (CirclesNetwork *network,
               CirclesLayout  *layout)
{
  guint n_nodes;
  const CirclesLayoutNode *nodes = circles_layout_get_nodes (layout, &n_nodes);

  for (guint ring = 2; ring <= CIRCLES_MAX_DEGREE; ring++)
    {
      g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

      for (guint i = 0; i < n_nodes; i++)
        {
          guint parent;

          if (nodes[i].ring != ring)
            continue;
          if (i > 0 && nodes[i - 1].ring == ring)
            g_assert_cmpfloat (nodes[i].angle, >=, nodes[i - 1].angle);
          parent = circles_network_get_parent (network, nodes[i].person);
          if (runs->len == 0 || g_array_index (runs, guint, runs->len - 1) != parent)
            g_array_append_val (runs, parent);
        }
      if (runs->len > 1 && g_array_index (runs, guint, 0) == g_array_index (runs, guint, runs->len - 1))
        g_array_set_size (runs, runs->len - 1);
      for (guint r = 0; r < runs->len; r++)
        {
          guint parent = g_array_index (runs, guint, r);

          g_assert_false (g_hash_table_contains (seen, GUINT_TO_POINTER (parent + 1)));
          g_hash_table_add (seen, GUINT_TO_POINTER (parent + 1));
        }
    }
}

static void
test_small_rings (void)
{
  g_autoptr(CirclesNetwork) network =
    circles_test_network_new ("me-a me-b me-c a-b a-d a-e b-f c-g d-h e-h g-i i-j j-k "
                              "f>me +club:me,z z lonely");
  CirclesLayoutEngine engines[] = { CIRCLES_LAYOUT_ENGINE_TWOPI, CIRCLES_LAYOUT_ENGINE_RADIAL,
                                    CIRCLES_LAYOUT_ENGINE_AUTO };

  for (guint i = 0; i < G_N_ELEMENTS (engines); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CirclesLayout) layout = circles_layout_new_rings (network, engines[i], NULL, &error);

      g_assert_no_error (error);
      g_assert_nonnull (layout);
      g_assert_cmpint (circles_layout_get_kind (layout), ==, CIRCLES_LAYOUT_RINGS);
      g_assert_cmpint (circles_layout_get_engine (layout), !=, CIRCLES_LAYOUT_ENGINE_AUTO);
      check_rings (network, layout);
      check_sectors (network, layout);
      /* me - a - d - h: 3rd degree; i is 3rd through c - g - i; j, k beyond */
      g_assert_cmpuint (circles_layout_get_ring_size (layout, 1), ==, 3);
      g_assert_cmpuint (circles_layout_get_ring_size (layout, 3), ==, 2);
      g_assert_cmpuint (circles_layout_lookup_node (layout, circles_test_person (network, "j")),
                        ==, CIRCLES_LAYOUT_NO_NODE);
      g_assert_cmpuint (circles_layout_lookup_node (layout, circles_test_person (network, "z")),
                        ==, CIRCLES_LAYOUT_NO_NODE);
    }
}

static void
test_demo_engines_agree (void)
{
  g_autoptr(CirclesNetwork) network = demo_network (1200);
  g_autoptr(GError) error = NULL;
  g_autoptr(CirclesLayout) twopi = circles_layout_new_rings (network, CIRCLES_LAYOUT_ENGINE_TWOPI, NULL, &error);
  g_autoptr(CirclesLayout) radial = circles_layout_new_rings (network, CIRCLES_LAYOUT_ENGINE_RADIAL, NULL, &error);
  guint n_twopi, n_radial;

  g_assert_no_error (error);
  check_rings (network, twopi);
  check_rings (network, radial);
  check_sectors (network, twopi);
  check_sectors (network, radial);

  circles_layout_get_nodes (twopi, &n_twopi);
  circles_layout_get_nodes (radial, &n_radial);
  g_assert_cmpuint (n_twopi, ==, n_radial);
  for (guint k = 0; k <= CIRCLES_MAX_DEGREE; k++)
    g_assert_cmpfloat (circles_layout_get_ring_radius (twopi, k), ==,
                       circles_layout_get_ring_radius (radial, k));
}

/* A crowded ring spreads over lanes, still inside its band. */
static void
test_crowded_ring (void)
{
  GString *description = g_string_new (NULL);
  g_autoptr(CirclesNetwork) network = NULL;
  g_autoptr(CirclesLayout) layout = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (description, "me-p%u ", i);
  for (guint i = 0; i < 300; i++)
    g_string_append_printf (description, "p%u-q%u ", i, i);
  network = circles_test_network_new (description->str);
  g_string_free (description, TRUE);

  layout = circles_layout_new_rings (network, CIRCLES_LAYOUT_ENGINE_AUTO, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (circles_layout_get_engine (layout), ==, CIRCLES_LAYOUT_ENGINE_RADIAL);
  g_assert_cmpfloat (circles_layout_get_ring_band (layout, 1), >, 0.0);
  check_rings (network, layout);
  check_sectors (network, layout);
}

static void
test_paths_left_to_right (void)
{
  g_autoptr(CirclesNetwork) network =
    circles_test_network_new ("me-a me-b a-c b-c c-t a-x x-t:0.5 b-y y-t");
  guint target = circles_test_person (network, "t");
  g_autoptr(CirclesPaths) paths = circles_paths_find (network, target, 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(CirclesLayout) layout = circles_layout_new_paths (network, paths, &error);
  guint n_nodes, n_edges;
  const CirclesLayoutNode *nodes;
  const CirclesLayoutEdge *edges;
  guint me_node, target_node;

  g_assert_no_error (error);
  g_assert_cmpint (circles_layout_get_kind (layout), ==, CIRCLES_LAYOUT_PATHS);
  g_assert_cmpint (circles_layout_get_engine (layout), ==, CIRCLES_LAYOUT_ENGINE_DOT);
  g_assert_cmpuint (paths->degree, ==, 3);
  g_assert_cmpuint (circles_layout_get_paths (layout)->chains_total, ==, paths->chains_total);

  nodes = circles_layout_get_nodes (layout, &n_nodes);
  edges = circles_layout_get_edges (layout, &n_edges);
  me_node = circles_layout_lookup_node (layout, circles_network_get_me (network));
  target_node = circles_layout_lookup_node (layout, target);
  g_assert_cmpuint (me_node, !=, CIRCLES_LAYOUT_NO_NODE);
  g_assert_cmpuint (target_node, !=, CIRCLES_LAYOUT_NO_NODE);
  g_assert_true (nodes[target_node].flags & CIRCLES_LAYOUT_NODE_TARGET);
  g_assert_true (nodes[me_node].flags & CIRCLES_LAYOUT_NODE_ME);
  /* two chains of 4 people: at most 8 distinct people, 6 connections */
  g_assert_cmpuint (n_nodes, <=, 8);
  g_assert_cmpuint (n_edges, <=, 6);
  for (guint i = 0; i < n_edges; i++)
    g_assert_cmpfloat (nodes[edges[i].a].x, <, nodes[edges[i].b].x);
  for (guint i = 0; i < n_nodes; i++)
    {
      if (i != me_node)
        g_assert_cmpfloat (nodes[i].x, >, nodes[me_node].x);
      if (i != target_node)
        g_assert_cmpfloat (nodes[i].x, <, nodes[target_node].x);
    }
}

static void
test_paths_none (void)
{
  g_autoptr(CirclesNetwork) network = circles_test_network_new ("me-a a-b b-c c-d");
  g_autoptr(CirclesPaths) paths = circles_paths_find (network, circles_test_person (network, "d"), 5);
  g_autoptr(GError) error = NULL;
  g_autoptr(CirclesLayout) layout = circles_layout_new_paths (network, paths, &error);
  guint n_nodes, n_edges;

  g_assert_no_error (error);
  circles_layout_get_nodes (layout, &n_nodes);
  circles_layout_get_edges (layout, &n_edges);
  g_assert_cmpuint (n_nodes, ==, 2);
  g_assert_cmpuint (n_edges, ==, 0);
}

static void
test_twopi_graph_file (void)
{
  g_autoptr(CirclesNetwork) network = circles_test_network_new ("me-a a-b b-c c-d me-b");
  g_autofree char *dir = circles_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "rings.gv", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_assert_true (circles_layout_write_twopi_graph (network, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "ranksep"));
  g_assert_nonnull (strstr (contents, "root"));
  /* the BFS tree only: me-a, me-b, b-c, c-d (not a-b) */
  {
    guint n_edges = 0;

    for (const char *p = strstr (contents, "--"); p != NULL; p = strstr (p + 2, "--"))
      n_edges++;
    g_assert_cmpuint (n_edges, ==, 4);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/layout/rings/small", test_small_rings);
  g_test_add_func ("/layout/rings/engines-agree", test_demo_engines_agree);
  g_test_add_func ("/layout/rings/crowded", test_crowded_ring);
  g_test_add_func ("/layout/paths/left-to-right", test_paths_left_to_right);
  g_test_add_func ("/layout/paths/none", test_paths_none);
  g_test_add_func ("/layout/twopi-graph", test_twopi_graph_file);

  return g_test_run ();
}
