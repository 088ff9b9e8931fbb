/* test-demo.c: the demo network generator
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <string.h>

#include "circles-demo.h"
#include "circles-network.h"
#include "circles-store.h"
#include "circles-test-util.h"

static CirclesStore *
new_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = circles_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);
  CirclesStore *store = circles_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static CirclesStore *
new_demo (guint   n_people,
          guint64 seed)
{
  g_autoptr(GError) error = NULL;
  CirclesStore *store = new_store ();
  gboolean ok = circles_demo_generate (store, n_people, seed, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
  g_assert_false (circles_store_in_transaction (store));
  return store;
}

/* {{{ A digest of what the store holds */

static void
digest_person (const CirclesPersonRow *row,
               gpointer                user_data)
{
  g_autofree char *line =
    g_strdup_printf ("P\t%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\t%s\n",
                     row->id, row->key, row->display_name, row->position,
                     row->company, row->location, row->profile_url);

  g_checksum_update (user_data, (const guchar *) line, -1);
}

static void
digest_connection (gint64   a,
                   gint64   b,
                   double   strength,
                   gpointer user_data)
{
  g_autofree char *line =
    g_strdup_printf ("C\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%.17g\n",
                     a, b, strength);

  g_checksum_update (user_data, (const guchar *) line, -1);
}

static void
digest_id (gint64   id,
           gpointer user_data)
{
  g_autofree char *line = g_strdup_printf ("I\t%" G_GINT64_FORMAT "\n", id);

  g_checksum_update (user_data, (const guchar *) line, -1);
}

static char *
store_digest (CirclesStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  gint64 me = circles_store_get_me (store);
  g_autofree char *head =
    g_strdup_printf ("me %" G_GINT64_FORMAT " people %" G_GINT64_FORMAT
                     " connections %" G_GINT64_FORMAT "\n",
                     me, circles_store_count_people (store),
                     circles_store_count_connections (store));

  g_checksum_update (sum, (const guchar *) head, -1);
  g_assert_true (circles_store_foreach_person (store, digest_person, sum, &error));
  g_assert_no_error (error);
  g_assert_true (circles_store_foreach_connection (store, digest_connection, sum, &error));
  g_assert_no_error (error);
  g_assert_true (circles_store_foreach_follower (store, me, digest_id, sum, &error));
  g_assert_no_error (error);
  g_assert_true (circles_store_foreach_group_fellow (store, me, digest_id, sum, &error));
  g_assert_no_error (error);
  return g_strdup (g_checksum_get_string (sum));
}

/* }}} */

static void
test_demo_deterministic (void)
{
  g_autoptr(CirclesStore) one = new_demo (1500, 42);
  g_autoptr(CirclesStore) two = new_demo (1500, 42);
  g_autoptr(CirclesStore) other = new_demo (1500, 43);
  g_autofree char *digest_one = store_digest (one);
  g_autofree char *digest_two = store_digest (two);
  g_autofree char *digest_other = store_digest (other);

  g_assert_cmpstr (digest_one, ==, digest_two);
  g_assert_cmpstr (digest_one, !=, digest_other);
}

static void
test_demo_size (void)
{
  static const guint sizes[] = { CIRCLES_DEMO_MIN_PEOPLE, 101, 777, 2000 };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(CirclesStore) store = new_demo (sizes[i], i);
      gint64 me = circles_store_get_me (store);

      g_assert_cmpint (circles_store_count_people (store), ==, sizes[i]);
      g_assert_cmpint (me, >, 0);
      g_assert_cmpint (circles_store_lookup_person (store, "me"), ==, me);
      /* About 20 connections each, never more than everyone. */
      g_assert_cmpint (circles_store_count_connections (store), >=, 7 * sizes[i]);
      g_assert_cmpint (circles_store_count_connections (store), <=, 11 * sizes[i]);
    }
}

typedef struct
{
  GHashTable *keys;
  guint       n_people;
  guint       n_bad;
} KeyCheck;

static gboolean
key_is_slug (const char *key)
{
  const char *dash = strrchr (key, '-');

  if (dash == NULL || dash == key || strlen (dash + 1) < 4)
    return FALSE;
  for (const char *s = key; *s != '\0'; s++)
    if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
      return FALSE;
  for (const char *s = dash + 1; *s != '\0'; s++)
    if (!g_ascii_isxdigit (*s))
      return FALSE;
  return strstr (key, "--") == NULL && key[strlen (key) - 1] != '-';
}

static void
check_person (const CirclesPersonRow *row,
              gpointer                user_data)
{
  KeyCheck *check = user_data;
  g_autofree char *url = g_strconcat ("https://profiles.example/in/", row->key, NULL);

  check->n_people++;
  g_hash_table_add (check->keys, g_strdup (row->key));

  if (g_strcmp0 (row->key, "me") == 0)
    return;
  if (!key_is_slug (row->key) ||
      row->display_name == NULL || row->position == NULL ||
      row->company == NULL || row->location == NULL ||
      g_strcmp0 (row->profile_url, url) != 0)
    {
      g_test_message ("bad person: %s", row->key);
      check->n_bad++;
    }
}

static void
test_demo_keys (void)
{
  g_autoptr(CirclesStore) store = new_demo (2000, 7);
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                      g_free, NULL);
  g_autoptr(GError) error = NULL;
  KeyCheck check = { keys, 0, 0 };

  g_assert_true (circles_store_foreach_person (store, check_person, &check, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (check.n_people, ==, 2000);
  g_assert_cmpuint (g_hash_table_size (keys), ==, 2000);
  g_assert_cmpuint (check.n_bad, ==, 0);
  g_assert_true (g_hash_table_contains (keys, "me"));
}

typedef struct
{
  guint with_strength;
  guint without_strength;
  guint out_of_range;
} StrengthCount;

static void
count_strength (gint64   a,
                gint64   b,
                double   strength,
                gpointer user_data)
{
  StrengthCount *count = user_data;

  if (strength < 0)
    count->without_strength++;
  else if (strength <= 1.0)
    count->with_strength++;
  else
    count->out_of_range++;
}

static void
test_demo_strengths (void)
{
  g_autoptr(CirclesStore) store = new_demo (1000, 3);
  g_autoptr(GError) error = NULL;
  StrengthCount count = { 0, 0, 0 };

  g_assert_true (circles_store_foreach_connection (store, count_strength, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count.out_of_range, ==, 0);
  /* Some connections are rated, many are not. */
  g_assert_cmpuint (count.with_strength, >, count.without_strength / 5);
  g_assert_cmpuint (count.without_strength, >, count.with_strength / 5);
}

static void
test_demo_circles (void)
{
  g_autoptr(CirclesStore) store = new_demo (2000, 2024);
  g_autoptr(GError) error = NULL;
  g_autoptr(CirclesNetwork) network = NULL;
  const CirclesCounts *counts;
  CirclesSnapshotCache cache;

  /* The demo, as an import, leaves the snapshot its first opening maps. */
  g_assert_true (circles_store_begin_read (store, &error));
  g_assert_true (circles_store_read_snapshot_cache (store, &cache));
  circles_store_end_read (store);
  g_assert_cmpuint (cache.n_people, ==, 2000);
  circles_snapshot_cache_clear (&cache);

  network = circles_network_load (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (network);
  counts = circles_network_get_counts (network);

  g_test_message ("first %" G_GUINT64_FORMAT " second %" G_GUINT64_FORMAT
                  " third %" G_GUINT64_FORMAT " followers %" G_GUINT64_FORMAT
                  " group members %" G_GUINT64_FORMAT " out %" G_GUINT64_FORMAT,
                  counts->first, counts->second, counts->third,
                  counts->followers, counts->group_members,
                  counts->out_of_network);

  g_assert_cmpuint (counts->people, ==, 1999);
  g_assert_cmpuint (counts->connections, ==,
                    (guint64) circles_store_count_connections (store));
  /* clamp (1.5 × sqrt (2000), 30, 2000) = 67, a few may be lost. */
  g_assert_cmpuint (counts->first, >=, 50);
  g_assert_cmpuint (counts->first, <=, 70);
  g_assert_cmpuint (counts->second, >, counts->first);
  g_assert_cmpuint (counts->third, >, 0);
  g_assert_cmpuint (counts->followers, >, 0);
  g_assert_cmpuint (counts->group_members, >, 0);
  g_assert_cmpuint (counts->out_of_network, >, 0);
  /* Out of network stays a few percent. */
  g_assert_cmpuint (counts->out_of_network, <, counts->people / 10);
}

static void
test_demo_out_of_range (void)
{
  static const guint sizes[] = {
    0, 1, CIRCLES_DEMO_MIN_PEOPLE - 1, CIRCLES_DEMO_MAX_PEOPLE + 1, G_MAXUINT,
  };
  g_autoptr(CirclesStore) store = new_store ();

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(GError) error = NULL;
      gboolean ok = circles_demo_generate (store, sizes[i], 1, NULL, &error);

      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
      g_assert_false (ok);
    }

  g_assert_false (circles_store_in_transaction (store));
  g_assert_cmpint (circles_store_count_people (store), ==, 0);
}

static void
test_demo_cancelled (void)
{
  g_autoptr(CirclesStore) store = new_store ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_cancellable_cancel (cancellable);
  ok = circles_demo_generate (store, 5000, 1, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (ok);
  g_assert_false (circles_store_in_transaction (store));
  g_assert_cmpint (circles_store_count_people (store), ==, 0);
  g_assert_cmpint (circles_store_count_connections (store), ==, 0);
}

static gpointer
cancel_soon (gpointer data)
{
  g_usleep (50 * G_TIME_SPAN_MILLISECOND);
  g_cancellable_cancel (data);
  return NULL;
}

static void
test_demo_cancelled_midway (void)
{
  g_autoptr(CirclesStore) store = new_store ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  GThread *thread;
  gboolean ok;

  /* 200,000 people take seconds: the cancellation lands in the middle,
   * and the transaction is rolled back. */
  thread = g_thread_new ("cancel", cancel_soon, cancellable);
  ok = circles_demo_generate (store, 200000, 1, cancellable, &error);
  g_thread_join (thread);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (ok);
  g_assert_false (circles_store_in_transaction (store));
  g_assert_cmpint (circles_store_count_people (store), ==, 0);
  g_assert_cmpint (circles_store_count_connections (store), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/demo/deterministic", test_demo_deterministic);
  g_test_add_func ("/demo/size", test_demo_size);
  g_test_add_func ("/demo/keys", test_demo_keys);
  g_test_add_func ("/demo/strengths", test_demo_strengths);
  g_test_add_func ("/demo/circles", test_demo_circles);
  g_test_add_func ("/demo/out-of-range", test_demo_out_of_range);
  g_test_add_func ("/demo/cancelled", test_demo_cancelled);
  g_test_add_func ("/demo/cancelled-midway", test_demo_cancelled_midway);

  return g_test_run ();
}
