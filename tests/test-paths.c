/* test-paths.c: counting and listing the chains to a prospect
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "circles-paths.h"
#include "circles-test-util.h"

/* The chain as "me>a>b>t". */
static char *
chain_to_string (CirclesNetwork     *network,
                 const CirclesChain *chain)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < chain->length; i++)
    {
      if (i > 0)
        g_string_append_c (s, '>');
      g_string_append (s, circles_network_get_key (network, chain->people[i]));
    }
  return g_string_free (s, FALSE);
}

static char *
chains_to_string (CirclesNetwork *network,
                  CirclesPaths   *paths)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < paths->chains->len; i++)
    {
      g_autofree char *chain =
        chain_to_string (network, &g_array_index (paths->chains, CirclesChain, i));
      g_string_append_printf (s, "%s%s", i ? " " : "", chain);
    }
  return g_string_free (s, FALSE);
}

/* A grid with me at (0,0): the chains to (i,j) number C(i+j, i). */
static CirclesNetwork *
grid_network (guint size)
{
  g_autoptr(GString) description = g_string_new (NULL);

  for (guint i = 0; i < size; i++)
    for (guint j = 0; j < size; j++)
      {
        g_autofree char *here = i + j == 0 ? g_strdup ("me") : g_strdup_printf ("g%u.%u", i, j);

        if (i + 1 < size)
          g_string_append_printf (description, "%s-g%u.%u ", here, i + 1, j);
        if (j + 1 < size)
          g_string_append_printf (description, "%s-g%u.%u ", here, i, j + 1);
      }
  return circles_test_network_new (description->str);
}

static void
test_grid (void)
{
  g_autoptr(CirclesNetwork) network = grid_network (5);
  static const struct { const char *key; guint degree; guint64 chains; } cases[] = {
    { "g0.1", 1, 1 },
    { "g1.1", 2, 2 },
    { "g0.2", 2, 1 },
    { "g1.2", 3, 3 },
    { "g2.1", 3, 3 },
    { "g0.3", 3, 1 },
    { "g2.2", CIRCLES_DEGREE_BEYOND, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      guint target = circles_test_person (network, cases[i].key);
      g_autoptr(CirclesPaths) paths = circles_paths_find (network, target, 100);

      g_assert_cmpuint (paths->degree, ==, cases[i].degree);
      g_assert_cmpuint (paths->chains_total, ==, cases[i].chains);
      g_assert_cmpuint (paths->chains->len, ==, cases[i].chains);
    }

  {
    g_autoptr(CirclesPaths) paths =
      circles_paths_find (network, circles_test_person (network, "g1.2"), 10);
    g_autofree char *text = chains_to_string (network, paths);

    /* All warmth 1: ordered by the keys along the chain. */
    g_assert_cmpstr (text, ==,
                     "me>g0.1>g0.2>g1.2 me>g0.1>g1.1>g1.2 me>g1.0>g1.1>g1.2");
  }
}

/* me – p people – q people – target, every layer complete to the next:
 * the target is 3rd-degree and reached by p × q chains. */
static void
test_bipartite_layers (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = circles_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "layers.db", NULL);
  g_autoptr(CirclesStore) store = circles_store_open (path, &error);
  g_autoptr(CirclesNetwork) network = NULL;
  g_autoptr(CirclesPaths) paths = NULL;
  const guint p = 150, q = 200;
  gint64 me, target, first[150], second[200];

  g_assert_no_error (error);
  g_assert_true (circles_store_begin (store, &error));
  me = circles_store_ensure_person (store, "me", &error);
  target = circles_store_ensure_person (store, "target", &error);
  for (guint i = 0; i < p; i++)
    {
      g_autofree char *key = g_strdup_printf ("p%03u", i);
      first[i] = circles_store_ensure_person (store, key, &error);
      circles_store_add_connection (store, me, first[i], -1, NULL, &error);
    }
  for (guint j = 0; j < q; j++)
    {
      g_autofree char *key = g_strdup_printf ("q%03u", j);
      second[j] = circles_store_ensure_person (store, key, &error);
      circles_store_add_connection (store, second[j], target, -1, NULL, &error);
      for (guint i = 0; i < p; i++)
        circles_store_add_connection (store, first[i], second[j], -1, NULL, &error);
    }
  circles_store_set_me (store, me, &error);
  g_assert_true (circles_store_commit (store, &error));
  g_assert_no_error (error);

  network = circles_network_load (store, NULL, &error);
  g_assert_no_error (error);

  paths = circles_paths_find (network, circles_test_person (network, "target"), 3);
  g_assert_cmpuint (paths->degree, ==, 3);
  g_assert_cmpuint (paths->chains_total, ==, (guint64)p * q);
  g_assert_cmpuint (paths->chains->len, ==, 3);
  g_assert_cmpuint (paths->mutual->len, ==, 0);
  {
    g_autofree char *text = chains_to_string (network, paths);
    g_assert_cmpstr (text, ==,
                     "me>p000>q000>target me>p000>q001>target me>p000>q002>target");
  }

  /* A 2nd-degree person of the middle layer: p mutual connections. */
  g_clear_pointer (&paths, circles_paths_free);
  paths = circles_paths_find (network, circles_test_person (network, "q007"), 2);
  g_assert_cmpuint (paths->degree, ==, 2);
  g_assert_cmpuint (paths->chains_total, ==, p);
  g_assert_cmpuint (paths->chains->len, ==, 2);
  g_assert_cmpuint (paths->mutual->len, ==, p);
}

static void
test_warmth_order (void)
{
  /* Through b: 0.75 × 0.75; through a and c: 0.25 each, a first by key. */
  g_autoptr(CirclesNetwork) network =
    circles_test_network_new ("me-c:1 c-t:0.25 me-a:0.5 a-t:0.5 me-b:0.75 b-t:0.75 me-z");
  g_autoptr(CirclesPaths) paths =
    circles_paths_find (network, circles_test_person (network, "t"), 10);
  g_autofree char *text = chains_to_string (network, paths);

  g_assert_cmpuint (paths->degree, ==, 2);
  g_assert_cmpuint (paths->chains_total, ==, 3);
  g_assert_cmpstr (text, ==, "me>b>t me>a>t me>c>t");
  /* Weights known, ratings and dates not: each strength is w × 0.6 × 0.75. */
  g_assert_cmpfloat_with_epsilon (g_array_index (paths->chains, CirclesChain, 0).warmth,
                                  (0.75 * 0.45) * (0.75 * 0.45), 1e-6);
  g_assert_cmpuint (paths->mutual->len, ==, 3);
  g_assert_cmpstr (circles_network_get_key (network, g_array_index (paths->mutual, guint32, 0)),
                   ==, "b");
  g_assert_cmpstr (circles_network_get_key (network, g_array_index (paths->mutual, guint32, 2)),
                   ==, "c");
}

static void
test_rating (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirclesStore) store = circles_test_store_new ("me-a a-t me-b b-t");
  g_autoptr(CirclesNetwork) before = circles_network_load (store, NULL, &error);
  g_autoptr(CirclesNetwork) after = NULL;
  g_autoptr(CirclesPaths) paths = NULL;
  g_autofree char *text = NULL;

  /* Nothing known: every strength is 1 and the keys decide. */
  paths = circles_paths_find (before, circles_test_person (before, "t"), 10);
  text = chains_to_string (before, paths);
  g_assert_cmpstr (text, ==, "me>a>t me>b>t");
  g_assert_cmpfloat (g_array_index (paths->chains, CirclesChain, 0).warmth, ==, 1.0);

  /* Rating me–b 5 makes it the warmer way in. */
  g_assert_true (circles_store_set_rating (store, circles_store_lookup_person (store, "b"),
                                           circles_store_lookup_person (store, "me"), 5, &error));
  g_assert_no_error (error);
  after = circles_network_load (store, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&paths, circles_paths_free);
  g_clear_pointer (&text, g_free);
  paths = circles_paths_find (after, circles_test_person (after, "t"), 10);
  text = chains_to_string (after, paths);
  g_assert_cmpstr (text, ==, "me>b>t me>a>t");

  /* It reads back either way round; the others have none. */
  g_assert_cmpint (circles_store_get_rating (store, circles_store_lookup_person (store, "me"),
                                             circles_store_lookup_person (store, "b"), &error), ==, 5);
  g_assert_cmpint (circles_store_get_rating (store, circles_store_lookup_person (store, "b"),
                                             circles_store_lookup_person (store, "me"), &error), ==, 5);
  g_assert_cmpint (circles_store_get_rating (store, circles_store_lookup_person (store, "a"),
                                             circles_store_lookup_person (store, "me"), &error), ==, 0);
  g_assert_no_error (error);

  /* A connection that is not there has no rating, and cannot be rated. */
  g_assert_cmpint (circles_store_get_rating (store, circles_store_lookup_person (store, "a"),
                                             circles_store_lookup_person (store, "b"), &error), ==, -1);
  g_assert_no_error (error);
  g_assert_false (circles_store_set_rating (store, circles_store_lookup_person (store, "a"),
                                            circles_store_lookup_person (store, "b"), 4, &error));
  g_assert_error (error, CIRCLES_STORE_ERROR, CIRCLES_STORE_ERROR_FAILED);
  g_clear_error (&error);

  /* Cleared, it is unrated again; the generation counts each write. */
  {
    gint64 generation = circles_store_get_generation (store);

    g_assert_true (circles_store_set_rating (store, circles_store_lookup_person (store, "me"),
                                             circles_store_lookup_person (store, "b"), 0, &error));
    g_assert_no_error (error);
    g_assert_cmpint (circles_store_get_generation (store), ==, generation + 1);
    g_assert_cmpint (circles_store_get_rating (store, circles_store_lookup_person (store, "me"),
                                               circles_store_lookup_person (store, "b"), &error), ==, 0);
  }
}

static void
test_warmth_third_degree (void)
{
  g_autoptr(CirclesNetwork) network =
    circles_test_network_new ("me-p1:0.5 me-p2 p1-q1 p2-q1:0.5 p2-q2 q1-t q2-t:0.25");
  g_autoptr(CirclesPaths) paths =
    circles_paths_find (network, circles_test_person (network, "t"), 2);
  g_autofree char *text = chains_to_string (network, paths);

  g_assert_cmpuint (paths->degree, ==, 3);
  g_assert_cmpuint (paths->chains_total, ==, 3);
  g_assert_cmpstr (text, ==, "me>p1>q1>t me>p2>q1>t");
}

static void
test_first_degree_and_me (void)
{
  g_autoptr(CirclesNetwork) network = circles_test_network_new ("me-a:0.5 a-b");
  g_autoptr(CirclesPaths) first =
    circles_paths_find (network, circles_test_person (network, "a"), 10);
  g_autoptr(CirclesPaths) me =
    circles_paths_find (network, circles_test_person (network, "me"), 10);
  g_autoptr(CirclesPaths) none =
    circles_paths_find (network, circles_test_person (network, "a"), 0);

  g_assert_cmpuint (first->degree, ==, 1);
  g_assert_cmpuint (first->chains_total, ==, 1);
  g_assert_cmpuint (first->chains->len, ==, 1);
  g_assert_cmpfloat_with_epsilon (g_array_index (first->chains, CirclesChain, 0).warmth,
                                  circles_connection_strength (0.5, 0, -1), 1e-6);
  g_assert_cmpuint (first->mutual->len, ==, 0);

  g_assert_cmpuint (me->degree, ==, 0);
  g_assert_cmpuint (me->chains_total, ==, 1);

  g_assert_cmpuint (none->chains_total, ==, 1);
  g_assert_cmpuint (none->chains->len, ==, 0);
}

static void
test_unreachable (void)
{
  g_autoptr(CirclesNetwork) network = circles_test_network_new ("me-a x-y");
  g_autoptr(CirclesPaths) paths =
    circles_paths_find (network, circles_test_person (network, "y"), 10);

  g_assert_cmpuint (paths->degree, ==, CIRCLES_DEGREE_BEYOND);
  g_assert_cmpuint (paths->chains_total, ==, 0);
  g_assert_cmpuint (paths->chains->len, ==, 0);
  g_assert_cmpuint (paths->mutual->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/paths/grid", test_grid);
  g_test_add_func ("/paths/bipartite-layers", test_bipartite_layers);
  g_test_add_func ("/paths/warmth-order", test_warmth_order);
  g_test_add_func ("/paths/warmth-third-degree", test_warmth_third_degree);
  g_test_add_func ("/paths/rating", test_rating);
  g_test_add_func ("/paths/first-degree-and-me", test_first_degree_and_me);
  g_test_add_func ("/paths/unreachable", test_unreachable);

  return g_test_run ();
}
