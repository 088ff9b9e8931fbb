/* test-network.c: the snapshot, degrees and circles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "circles-cold.h"
#include "circles-growth.h"
#include "circles-interaction.h"
#include "circles-network.h"
#include "circles-test-util.h"

static guint
degree_of (CirclesNetwork *network,
           const char     *key)
{
  return circles_network_get_degree (network, circles_test_person (network, key));
}

static void
test_rings (void)
{
  /* me - a - b - c - d, and a shortcut me - x - c: c is 2nd, d is 3rd. */
  g_autoptr(CirclesNetwork) network =
    circles_test_network_new ("me-a a-b b-c c-d me-x x-c e");
  const CirclesCounts *counts = circles_network_get_counts (network);

  g_assert_cmpuint (circles_network_get_n_people (network), ==, 7);
  g_assert_cmpuint (degree_of (network, "me"), ==, 0);
  g_assert_cmpuint (degree_of (network, "a"), ==, 1);
  g_assert_cmpuint (degree_of (network, "x"), ==, 1);
  g_assert_cmpuint (degree_of (network, "b"), ==, 2);
  g_assert_cmpuint (degree_of (network, "c"), ==, 2);
  g_assert_cmpuint (degree_of (network, "d"), ==, 3);
  g_assert_cmpuint (degree_of (network, "e"), ==, CIRCLES_DEGREE_BEYOND);

  g_assert_cmpuint (counts->people, ==, 6);
  g_assert_cmpuint (counts->connections, ==, 6);
  g_assert_cmpuint (counts->first, ==, 2);
  g_assert_cmpuint (counts->second, ==, 2);
  g_assert_cmpuint (counts->third, ==, 1);
  g_assert_cmpuint (counts->out_of_network, ==, 1);
}

static void
test_beyond_third (void)
{
  g_autoptr(CirclesNetwork) network =
    circles_test_network_new ("me-a a-b b-c c-d d-e");
  const CirclesCounts *counts = circles_network_get_counts (network);

  g_assert_cmpuint (degree_of (network, "c"), ==, 3);
  g_assert_cmpuint (degree_of (network, "d"), ==, CIRCLES_DEGREE_BEYOND);
  g_assert_cmpuint (degree_of (network, "e"), ==, CIRCLES_DEGREE_BEYOND);
  g_assert_cmpuint (counts->out_of_network, ==, 2);
  g_assert_cmpuint (circles_network_count_chains (network, circles_test_person (network, "d")), ==, 0);
  g_assert_cmpint (circles_network_get_circle (network, circles_test_person (network, "d")),
                   ==, CIRCLES_CIRCLE_OUT_OF_NETWORK);
}

static void
test_self_loops_and_duplicates (void)
{
  g_autoptr(CirclesNetwork) network =
    circles_test_network_new ("me-a a-me me-a a-a me-me a-b b-a");
  guint a = circles_test_person (network, "a");

  g_assert_cmpuint (circles_network_get_n_connections (network), ==, 2);
  g_assert_cmpuint (circles_network_get_n_neighbours (network, a), ==, 2);
  g_assert_cmpuint (circles_network_get_counts (network)->first, ==, 1);
  g_assert_cmpuint (circles_network_get_counts (network)->second, ==, 1);
}

static void
test_me_isolated (void)
{
  g_autoptr(CirclesNetwork) network = circles_test_network_new ("me a-b b-c");
  const CirclesCounts *counts = circles_network_get_counts (network);

  g_assert_cmpuint (counts->people, ==, 3);
  g_assert_cmpuint (counts->first, ==, 0);
  g_assert_cmpuint (counts->second, ==, 0);
  g_assert_cmpuint (counts->third, ==, 0);
  g_assert_cmpuint (counts->out_of_network, ==, 3);
}

static void
test_no_me (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirclesStore) store = circles_test_store_new ("a-b b-c");
  g_autoptr(CirclesNetwork) network = circles_network_load (store, NULL, &error);

  g_assert_null (network);
  g_assert_error (error, CIRCLES_NETWORK_ERROR, CIRCLES_NETWORK_ERROR_NO_ME);
}

static void
test_followers_and_groups (void)
{
  /* f1 follows me from the 2nd degree, f2 from beyond, a (1st) follows
   * me too but is never a follower; g1 shares a group with me and is
   * beyond, a shares it too and stays 1st. z is nothing. */
  g_autoptr(CirclesNetwork) network =
    circles_test_network_new ("me-a a-f1 f1>me f2>me a>me +club:me,a,g1 +other:z,f2 z");
  const CirclesCounts *counts = circles_network_get_counts (network);

  g_assert_cmpuint (counts->first, ==, 1);
  g_assert_cmpuint (counts->second, ==, 1);
  g_assert_cmpuint (counts->followers, ==, 2);
  g_assert_cmpuint (counts->group_members, ==, 2);
  g_assert_cmpuint (counts->out_of_network, ==, 1);

  g_assert_cmpint (circles_network_get_circle (network, circles_test_person (network, "f1")),
                   ==, CIRCLES_CIRCLE_SECOND);
  g_assert_cmpuint (circles_network_get_flags (network, circles_test_person (network, "f1")),
                    ==, CIRCLES_FLAG_FOLLOWER);
  g_assert_cmpint (circles_network_get_circle (network, circles_test_person (network, "f2")),
                   ==, CIRCLES_CIRCLE_FOLLOWER);
  g_assert_cmpuint (circles_network_get_flags (network, circles_test_person (network, "a")),
                    ==, CIRCLES_FLAG_GROUP_MEMBER);
  g_assert_cmpint (circles_network_get_circle (network, circles_test_person (network, "g1")),
                   ==, CIRCLES_CIRCLE_GROUP_MEMBER);
  g_assert_cmpint (circles_network_get_circle (network, circles_test_person (network, "z")),
                   ==, CIRCLES_CIRCLE_OUT_OF_NETWORK);
  g_assert_cmpint (circles_network_get_circle (network, circles_test_person (network, "me")),
                   ==, CIRCLES_CIRCLE_ME);
}

static void
test_warmest_parent (void)
{
  /* Two ways to b: through a (0.9 × 0.9) and through c (1.0 × 0.5). */
  g_autoptr(CirclesNetwork) network =
    circles_test_network_new ("me-a:0.9 a-b:0.9 me-c:1.0 c-b:0.5");

  g_assert_cmpuint (circles_network_get_parent (network, circles_test_person (network, "b")),
                    ==, circles_test_person (network, "a"));
  g_assert_cmpuint (circles_network_count_chains (network, circles_test_person (network, "b")), ==, 2);
  g_assert_cmpuint (circles_network_get_parent (network, circles_test_person (network, "me")),
                    ==, CIRCLES_NO_PERSON);
}

static void
test_names (void)
{
  g_autoptr(CirclesNetwork) network = circles_test_network_new ("me-a");

  /* Without a display name, the key stands in. */
  g_assert_cmpstr (circles_network_get_name (network, circles_test_person (network, "a")), ==, "a");
  g_assert_cmpuint (circles_network_lookup (network, "nobody"), ==, CIRCLES_NO_PERSON);
}

static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  CirclesNetwork **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = circles_network_load_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_load_async (void)
{
  g_autoptr(CirclesStore) store = circles_test_store_new ("me-a a-b");
  g_autoptr(CirclesNetwork) network = NULL;

  circles_network_load_async (store, NULL, loaded_cb, &network);
  while (network == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (circles_network_get_counts (network)->second, ==, 1);
}

static void
test_snapshot_cache (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirclesStore) store = circles_test_store_new ("me-a:0.5 a-b b-c");
  g_autoptr(CirclesNetwork) first = NULL;
  g_autoptr(CirclesNetwork) second = NULL;
  g_autoptr(CirclesNetwork) third = NULL;
  CirclesSnapshotCache cache;
  gint64 c, d;

  /* The first load writes the cache, the second reads the same graph. */
  g_assert_true (circles_store_begin_read (store, &error));
  g_assert_false (circles_store_read_snapshot_cache (store, &cache));
  circles_store_end_read (store);
  first = circles_network_load (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (circles_store_begin_read (store, &error));
  g_assert_true (circles_store_read_snapshot_cache (store, &cache));
  circles_store_end_read (store);
  g_assert_cmpuint (cache.n_people, ==, 4);
  g_assert_cmpuint (cache.n_entries, ==, 6);
  g_assert_nonnull (cache.strengths);
  g_assert_cmpstr (cache.text + cache.text_offsets[CIRCLES_TEXT_KEY * 4 + 1], ==, "a");
  circles_snapshot_cache_clear (&cache);

  second = circles_network_load (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (circles_network_get_n_connections (second), ==, 3);
  for (guint i = 0; i < circles_network_get_n_people (first); i++)
    {
      g_assert_cmpuint (circles_network_get_degree (first, i), ==,
                        circles_network_get_degree (second, i));
      g_assert_cmpstr (circles_network_get_key (first, i), ==,
                       circles_network_get_key (second, i));
      g_assert_cmpstr (circles_network_get_name (first, i), ==,
                       circles_network_get_name (second, i));
      g_assert_cmpmem (circles_network_get_neighbours (first, i),
                       circles_network_get_n_neighbours (first, i) * sizeof (guint32),
                       circles_network_get_neighbours (second, i),
                       circles_network_get_n_neighbours (second, i) * sizeof (guint32));
      for (guint j = 0; j < circles_network_get_n_neighbours (first, i); j++)
        g_assert_cmpfloat (circles_network_get_strength (first, i, j), ==,
                           circles_network_get_strength (second, i, j));
    }

  /* Any commit makes it stale: the next load sees the change. */
  g_assert_true (circles_store_begin (store, &error));
  c = circles_store_lookup_person (store, "c");
  d = circles_store_ensure_person (store, "d", &error);
  g_assert_true (circles_store_add_connection (store, c, d, -1, NULL, &error));
  g_assert_true (circles_store_commit (store, &error));
  g_assert_true (circles_store_begin_read (store, &error));
  g_assert_false (circles_store_read_snapshot_cache (store, &cache));
  circles_store_end_read (store);

  third = circles_network_load (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (circles_network_get_n_connections (third), ==, 4);
  g_assert_cmpuint (circles_network_get_counts (third)->out_of_network, ==, 1);
}

/* Whether the store would trust its snapshot file now. */
static gboolean
snapshot_current (CirclesStore *store)
{
  g_autoptr(GError) error = NULL;
  CirclesSnapshotCache cache;
  gboolean current;

  g_assert_true (circles_store_begin_read (store, &error));
  current = circles_store_read_snapshot_cache (store, &cache);
  circles_store_end_read (store);
  circles_snapshot_cache_clear (&cache);
  return current;
}

static CirclesNetwork *
load (CirclesStore *store)
{
  g_autoptr(GError) error = NULL;
  CirclesNetwork *network = circles_network_load (store, NULL, &error);

  g_assert_no_error (error);
  return network;
}

/* The second circle of a loaded network, as keys. */
static char *
second_circle (CirclesStore *store)
{
  g_autoptr(CirclesNetwork) network = load (store);
  GString *keys = g_string_new (NULL);

  for (guint i = 0; i < circles_network_get_n_people (network); i++)
    if (circles_network_get_degree (network, i) == 2)
      g_string_append_printf (keys, "%s%s", keys->len ? " " : "",
                              circles_network_get_key (network, i));
  return g_string_free (keys, FALSE);
}

static void
rewrite_file (const char *path,
              gsize       keep,
              gssize      flip_at)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_cmpuint (keep, <=, length);
  if (flip_at >= 0)
    contents[flip_at] ^= 0x40;
  g_assert_true (g_file_set_contents (path, contents, keep, &error));
}

/* A snapshot file that does not match its database is never used: it is
 * read again from the rows, and written anew. */
static void
test_snapshot_file_checks (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirclesStore) store = circles_test_store_new ("me-a a-b b-c");
  g_autoptr(CirclesStore) other = circles_test_store_new ("me-x x-y y-z me-w");
  g_autoptr(CirclesStore) behind = NULL;
  g_autofree char *path = circles_store_get_snapshot_path (store);
  g_autofree char *other_path = circles_store_get_snapshot_path (other);
  g_autofree char *aside = g_strconcat (path, ".aside", NULL);
  g_autofree char *keys = NULL;
  GStatBuf st;
  gsize size;

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (snapshot_current (store));
  keys = second_circle (store);
  g_assert_cmpstr (keys, ==, "b");
  g_assert_true (snapshot_current (store));
  g_clear_pointer (&keys, g_free);
  keys = second_circle (other);
  g_assert_cmpstr (keys, ==, "y");

  /* Edited behind its back, by another connection to the database, with
   * the file put back as it was: stale. */
  g_assert_cmpint (g_rename (path, aside), ==, 0);
  behind = circles_store_open (circles_store_get_path (store), &error);
  g_assert_no_error (error);
  g_assert_true (circles_store_begin (behind, &error));
  g_assert_true (circles_store_add_connection (behind, circles_store_lookup_person (behind, "me"),
                                               circles_store_lookup_person (behind, "b"),
                                               -1, NULL, &error));
  g_assert_true (circles_store_commit (behind, &error));
  g_assert_cmpint (g_rename (aside, path), ==, 0);
  g_assert_false (snapshot_current (store));
  g_clear_pointer (&keys, g_free);
  keys = second_circle (store);
  g_assert_cmpstr (keys, ==, "c");
  g_assert_true (snapshot_current (store));

  /* Truncated, one byte short, or cut in its header. */
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  size = st.st_size;
  rewrite_file (path, size - 1, -1);
  g_assert_false (snapshot_current (store));
  rewrite_file (path, 40, -1);
  g_assert_false (snapshot_current (store));
  rewrite_file (path, 0, -1);
  g_assert_false (snapshot_current (store));
  g_clear_pointer (&keys, g_free);
  keys = second_circle (store);
  g_assert_cmpstr (keys, ==, "c");
  g_assert_true (snapshot_current (store));

  /* One bit changed, in the arrays or in the header. */
  rewrite_file (path, size, size - 20);
  g_assert_false (snapshot_current (store));
  g_clear_pointer (&keys, g_free);
  keys = second_circle (store);
  g_assert_true (snapshot_current (store));
  rewrite_file (path, size, 60);
  g_assert_false (snapshot_current (store));
  g_clear_pointer (&keys, g_free);
  keys = second_circle (store);
  g_assert_cmpstr (keys, ==, "c");

  /* Two databases' files swapped: each is foreign to the other. */
  g_assert_true (snapshot_current (store));
  g_assert_true (snapshot_current (other));
  g_assert_cmpint (g_rename (path, aside), ==, 0);
  g_assert_cmpint (g_rename (other_path, path), ==, 0);
  g_assert_cmpint (g_rename (aside, other_path), ==, 0);
  g_assert_false (snapshot_current (store));
  g_assert_false (snapshot_current (other));
  g_clear_pointer (&keys, g_free);
  keys = second_circle (store);
  g_assert_cmpstr (keys, ==, "c");
  g_clear_pointer (&keys, g_free);
  keys = second_circle (other);
  g_assert_cmpstr (keys, ==, "y");
  g_assert_true (snapshot_current (store));
  g_assert_true (snapshot_current (other));
}

/* The rings at a date count only the connections made by then; one
 * without a date counts from the start. The days survive the snapshot
 * cache. */
static const char dated[] =
  "me-a@2020-01-10 me-b@2021-06-01 a-c@2020-02-01 c-d@2020-03-01 "
  "b-d@2021-07-01 d-e f";

static void
assert_counts_at (CirclesNetwork *network,
                  const char     *date,
                  guint           first,
                  guint           second,
                  guint           third,
                  guint           connections)
{
  CirclesCounts counts;
  guint day = 0;

  g_assert_true (circles_day_from_iso (date, &day));
  circles_network_count_at (network, day, &counts);
  g_assert_cmpuint (counts.first, ==, first);
  g_assert_cmpuint (counts.second, ==, second);
  g_assert_cmpuint (counts.third, ==, third);
  g_assert_cmpuint (counts.connections, ==, connections);
  /* Everyone is counted, on a ring or not. */
  g_assert_cmpuint (counts.people, ==, circles_network_get_counts (network)->people);
}

static void
test_counts_at (void)
{
  g_autoptr(CirclesStore) store = circles_test_store_new (dated);
  g_autoptr(GError) error = NULL;

  for (guint load = 0; load < 2; load++)
    {
      /* The second load reads the snapshot cache the first wrote. */
      g_autoptr(CirclesNetwork) network = circles_network_load (store, NULL, &error);
      const CirclesCounts *today;
      CirclesCounts later;
      guint a, day;

      g_assert_no_error (error);
      a = circles_test_person (network, "a");
      g_assert_true (circles_day_from_iso ("2020-01-10", &day));
      g_assert_cmpuint (circles_network_get_day (network, a, circles_network_find_neighbour (network, a, circles_network_get_me (network))), ==, day);
      g_assert_cmpuint (circles_network_get_day (network, circles_test_person (network, "e"), 0), ==, 0);

      /* Before the first connection: empty rings (d-e has no date). */
      assert_counts_at (network, "2019-12-31", 0, 0, 0, 1);
      assert_counts_at (network, "2020-01-10", 1, 0, 0, 2);
      assert_counts_at (network, "2020-03-01", 1, 1, 1, 4);
      assert_counts_at (network, "2021-06-01", 2, 1, 1, 5);
      /* b-d brings d and e closer. */
      assert_counts_at (network, "2021-07-01", 2, 2, 1, 6);

      /* Today's rings are the rings at any later date. */
      today = circles_network_get_counts (network);
      g_assert_true (circles_day_from_iso ("2100-01-01", &day));
      circles_network_count_at (network, day, &later);
      g_assert_cmpuint (later.first, ==, today->first);
      g_assert_cmpuint (later.second, ==, today->second);
      g_assert_cmpuint (later.third, ==, today->third);
      g_assert_cmpuint (later.out_of_network, ==, today->out_of_network);
      g_assert_cmpuint (later.connections, ==, today->connections);
    }
}

static void
test_day_from_iso (void)
{
  const char *bad[] = { "", "2021-1-01", "2021-13-01", "2021-02-30", "20210101", "2021-01-01T00:00",
                        "yesterday", "２０２１-01-01", "-021-01-01" };
  guint day = 0, next = 0;

  g_assert_true (circles_day_from_iso ("1970-01-01", &day));
  g_assert_cmpuint (day, ==, 1);
  /* Earlier days are the first one. */
  g_assert_true (circles_day_from_iso ("1969-12-31", &day));
  g_assert_cmpuint (day, ==, 1);
  g_assert_true (circles_day_from_iso ("2024-02-29", &day));
  g_assert_true (circles_day_from_iso ("2024-03-01", &next));
  g_assert_cmpuint (next, ==, day + 1);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (circles_day_from_iso (bad[i], &day));
}

/* Ties going cold: reach (people whose warmest chain starts with the
 * tie) times months since the last message, or since the connection. */
static void
test_cold (void)
{
  g_autoptr(CirclesNetwork) network =
    circles_test_network_new ("me-a@2020-01-01 me-b@2024-01-01 me-c a-x b-x a-y y-z c-w");
  guint n = circles_network_get_n_people (network);
  g_autofree guint32 *last_message = g_new0 (guint32, n);
  g_autofree guint8 *counted = g_new0 (guint8, n);
  g_autoptr(GArray) ties = NULL;
  guint32 today = circles_julian_day ("2026-01-01");
  const CirclesColdTie *tie;

  /* x is best reached through b, the newer (warmer) tie. */
  g_assert_cmpuint (circles_network_get_parent (network, circles_test_person (network, "x")), ==,
                    circles_test_person (network, "b"));
  last_message[circles_test_person (network, "b")] = circles_julian_day ("2025-12-01");

  ties = circles_cold_rank (network, last_message, NULL, today);
  g_assert_cmpuint (ties->len, ==, 3);
  tie = &g_array_index (ties, CirclesColdTie, 0);
  g_assert_cmpstr (circles_network_get_key (network, tie->person), ==, "a");
  g_assert_cmpuint (tie->reach, ==, 2);
  g_assert_cmpuint (tie->months, ==, 72);
  g_assert_false (tie->messaged);
  g_assert_cmpfloat (tie->score, ==, 144.0);
  tie = &g_array_index (ties, CirclesColdTie, 1);
  g_assert_cmpstr (circles_network_get_key (network, tie->person), ==, "b");
  g_assert_true (tie->messaged);
  g_assert_cmpuint (tie->months, ==, 1);
  /* Neither a message nor a date: last, however far it leads. */
  tie = &g_array_index (ties, CirclesColdTie, 2);
  g_assert_cmpstr (circles_network_get_key (network, tie->person), ==, "c");
  g_assert_cmpuint (tie->since, ==, 0);
  g_assert_cmpfloat (tie->score, ==, 0.0);
  g_clear_pointer (&ties, g_array_unref);

  /* Only the prospects count: x alone, whom b leads to. */
  counted[circles_test_person (network, "x")] = 1;
  ties = circles_cold_rank (network, NULL, counted, today);
  g_assert_cmpuint (ties->len, ==, 1);
  tie = &g_array_index (ties, CirclesColdTie, 0);
  g_assert_cmpstr (circles_network_get_key (network, tie->person), ==, "b");
  g_assert_false (tie->messaged);
  g_assert_cmpuint (tie->months, ==, 24);
}

/* Growth: the dated connections on the rings, by month and by the
 * circle they reach, every month between the first and the last. */
static void
test_growth (void)
{
  g_autoptr(CirclesNetwork) network = circles_test_network_new (dated);
  g_autoptr(CirclesNetwork) undated = circles_test_network_new ("me-a a-b");
  g_autoptr(GArray) months = circles_growth_by_circle (network);
  g_autoptr(GArray) none = circles_growth_by_circle (undated);
  const CirclesGrowthMonth *month;
  guint first = 0, second = 0, third = 0;

  g_assert_cmpuint (none->len, ==, 0);
  /* January 2020 to July 2021. */
  g_assert_cmpuint (months->len, ==, 19);
  month = &g_array_index (months, CirclesGrowthMonth, 0);
  g_assert_cmpuint (month->year, ==, 2020);
  g_assert_cmpuint (month->month, ==, 1);
  g_assert_cmpuint (month->first, ==, 1);
  /* a-c, in February: a 1st-degree person and a 2nd. */
  month = &g_array_index (months, CirclesGrowthMonth, 1);
  g_assert_cmpuint (month->second, ==, 1);
  g_assert_cmpuint (month->first, ==, 0);
  month = &g_array_index (months, CirclesGrowthMonth, 18);
  g_assert_cmpuint (month->year, ==, 2021);
  g_assert_cmpuint (month->month, ==, 7);
  g_assert_cmpuint (month->second, ==, 1);
  for (guint m = 0; m < months->len; m++)
    {
      month = &g_array_index (months, CirclesGrowthMonth, m);
      first += month->first;
      second += month->second;
      third += month->third;
    }
  /* d-e has no date: not counted. */
  g_assert_cmpuint (first, ==, 2);
  g_assert_cmpuint (second, ==, 3);
  g_assert_cmpuint (third, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/network/rings", test_rings);
  g_test_add_func ("/network/beyond-third", test_beyond_third);
  g_test_add_func ("/network/self-loops-and-duplicates", test_self_loops_and_duplicates);
  g_test_add_func ("/network/me-isolated", test_me_isolated);
  g_test_add_func ("/network/no-me", test_no_me);
  g_test_add_func ("/network/followers-and-groups", test_followers_and_groups);
  g_test_add_func ("/network/warmest-parent", test_warmest_parent);
  g_test_add_func ("/network/names", test_names);
  g_test_add_func ("/network/load-async", test_load_async);
  g_test_add_func ("/network/snapshot-cache", test_snapshot_cache);
  g_test_add_func ("/network/snapshot-file-checks", test_snapshot_file_checks);
  g_test_add_func ("/network/counts-at", test_counts_at);
  g_test_add_func ("/network/day-from-iso", test_day_from_iso);
  g_test_add_func ("/network/cold", test_cold);
  g_test_add_func ("/network/growth", test_growth);

  return g_test_run ();
}
