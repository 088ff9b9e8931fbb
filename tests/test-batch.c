/* test-batch.c: the key table and the connection buffer of an import
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <gio/gio.h>
#include <string.h>

#include "circles-connection-buffer.h"
#include "circles-key-table.h"

/* {{{ Key table */

static void
test_key_table (void)
{
  g_autoptr(CirclesKeyTable) table = circles_key_table_new ();
  g_autofree char *long_key = g_strnfill (5000, 'k');
  const char *copy;

  g_assert_cmpint (circles_key_table_lookup (table, "a"), ==, 0);
  g_assert_cmpuint (circles_key_table_size (table), ==, 0);

  /* Enough keys to grow the table many times. */
  for (guint i = 0; i < 100000; i++)
    {
      char key[32];

      g_snprintf (key, sizeof key, "n%u", i);
      copy = circles_key_table_insert (table, key, i + 1);
      g_assert_cmpstr (copy, ==, key);
      g_assert_true (copy != key);
    }
  copy = circles_key_table_insert (table, "", 200000);
  g_assert_cmpstr (copy, ==, "");
  circles_key_table_insert (table, long_key, 200001);
  circles_key_table_insert (table, "https://www.linkedin.com/in/ana", G_MAXINT64);
  g_assert_cmpuint (circles_key_table_size (table), ==, 100003);

  for (guint i = 0; i < 100000; i++)
    {
      char key[32];

      g_snprintf (key, sizeof key, "n%u", i);
      g_assert_cmpint (circles_key_table_lookup (table, key), ==, i + 1);
      /* Prefixes and extensions of a key are other keys. */
      g_snprintf (key, sizeof key, "n%ux", i);
      g_assert_cmpint (circles_key_table_lookup (table, key), ==, 0);
    }
  g_assert_cmpint (circles_key_table_lookup (table, ""), ==, 200000);
  g_assert_cmpint (circles_key_table_lookup (table, long_key), ==, 200001);
  g_assert_cmpint (circles_key_table_lookup (table, "https://www.linkedin.com/in/ana"),
                   ==, G_MAXINT64);
  g_assert_cmpint (circles_key_table_lookup (table, "n"), ==, 0);

  circles_key_table_clear (table);
  g_assert_cmpuint (circles_key_table_size (table), ==, 0);
  g_assert_cmpint (circles_key_table_lookup (table, "n1"), ==, 0);
  circles_key_table_insert (table, "n1", 7);
  g_assert_cmpint (circles_key_table_lookup (table, "n1"), ==, 7);
}

/* }}} */

/* {{{ Connection buffer */

typedef struct
{
  gint64  a;
  gint64  b;
  double  strength;
  char   *since;
  guint   order;  /* when it was added last */
} Expect;

static void
expect_free (gpointer data)
{
  Expect *e = data;

  g_free (e->since);
  g_free (e);
}

static guint
pair_hash (gconstpointer key)
{
  const gint64 *p = key;

  return g_int64_hash (&p[0]) * 31 + g_int64_hash (&p[1]);
}

static gboolean
pair_equal (gconstpointer x,
            gconstpointer y)
{
  const gint64 *p = x, *q = y;

  return p[0] == q[0] && p[1] == q[1];
}

typedef struct
{
  GPtrArray *expected;  /* of Expect, sorted by (a, b) */
  guint      next;
  guint      calls;
} Check;

static gboolean
check_rows (const CirclesBufferedConnection  *rows,
            guint                             n_rows,
            gpointer                          user_data,
            GError                          **error)
{
  Check *check = user_data;

  check->calls++;
  g_assert_cmpuint (n_rows, >, 0);
  for (guint i = 0; i < n_rows; i++)
    {
      const Expect *e;

      g_assert_cmpuint (check->next, <, check->expected->len);
      e = g_ptr_array_index (check->expected, check->next++);
      g_assert_cmpint (rows[i].a, ==, e->a);
      g_assert_cmpint (rows[i].b, ==, e->b);
      /* The very double that was given. */
      g_assert_true (memcmp (&rows[i].strength, &e->strength, sizeof (double)) == 0);
      g_assert_cmpstr (rows[i].since, ==, e->since);
    }
  return TRUE;
}

static int
compare_expect (gconstpointer x,
                gconstpointer y)
{
  const Expect *p = *(Expect * const *) x, *q = *(Expect * const *) y;

  if (p->a != q->a)
    return p->a < q->a ? -1 : 1;
  if (p->b != q->b)
    return p->b < q->b ? -1 : 1;
  return 0;
}

/* Adds @n random pairs among @people ids starting at @base, many of
 * them more than once, to a buffer of @batch; the drain must give each
 * pair once, sorted, with the last strength and date given for it. */
static void
run_buffer (guint   batch,
            guint   n,
            gint64  base,
            guint   people,
            guint   seed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirclesConnectionBuffer) buffer = circles_connection_buffer_new (batch);
  g_autoptr(GHashTable) pairs = g_hash_table_new_full (pair_hash, pair_equal, NULL, expect_free);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  Check check = { 0 };
  GHashTableIter iter;
  gpointer value;

  for (guint i = 0; i < n; i++)
    {
      gint64 a = base + g_rand_int_range (rand, 0, people);
      gint64 b = base + g_rand_int_range (rand, 0, people);
      double strength = g_rand_boolean (rand) ? -1.0 : g_rand_double (rand) * 10;
      g_autofree char *since = NULL;
      gint64 key[2];
      Expect *e;

      if (a == b)
        continue;
      key[0] = MIN (a, b);
      key[1] = MAX (a, b);
      if (g_rand_int_range (rand, 0, 4) == 0)
        since = g_strdup_printf ("20%02d-01-%02d", g_rand_int_range (rand, 0, 25), 1 + i % 28);
      g_assert_true (circles_connection_buffer_add (buffer, key[0], key[1], strength, since, &error));
      g_assert_no_error (error);

      e = g_hash_table_lookup (pairs, key);
      if (e == NULL)
        {
          e = g_new0 (Expect, 1);
          e->a = key[0];
          e->b = key[1];
          e->strength = -1.0;
          g_hash_table_insert (pairs, e, e);
        }
      if (strength >= 0)
        e->strength = strength;
      if (since != NULL)
        {
          g_free (e->since);
          e->since = g_steal_pointer (&since);
        }
    }

  g_hash_table_iter_init (&iter, pairs);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (expected, value);
  g_ptr_array_sort (expected, compare_expect);

  check.expected = expected;
  g_assert_true (circles_connection_buffer_drain (buffer, check_rows, &check, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (check.next, ==, expected->len);
  g_assert_cmpuint (circles_connection_buffer_get_length (buffer), ==, 0);

  /* Drained: nothing more comes out. */
  check.calls = 0;
  g_assert_true (circles_connection_buffer_drain (buffer, check_rows, &check, &error));
  g_assert_cmpuint (check.calls, ==, 0);
}

static void
test_buffer_memory (void)
{
  /* One batch, sorted in memory (small ids: the radix sort). */
  run_buffer (0, 20000, 1, 3000, 1);
  /* Few: the comparison sort. */
  run_buffer (0, 100, 1, 20, 2);
}

static void
test_buffer_runs (void)
{
  /* Many runs in the temporary file, merged. */
  run_buffer (1000, 50000, 1, 2000, 3);
  /* Pairs given again and again across runs. */
  run_buffer (300, 20000, 1, 40, 4);
  /* Ids too big to pack two in 64 bits: the comparison sort. */
  run_buffer (5000, 20000, G_GINT64_CONSTANT (1) << 40, 500, 5);
  /* Negative ids sort too. */
  run_buffer (5000, 20000, -250, 500, 6);
}

static gboolean
count_rows (const CirclesBufferedConnection  *rows,
            guint                             n_rows,
            gpointer                          user_data,
            GError                          **error)
{
  guint *count = user_data;

  for (guint i = 0; i < n_rows; i++)
    if (rows[i].since != NULL)
      g_assert_cmpuint (strlen (rows[i].since), ==, 100000);
  *count += n_rows;
  return TRUE;
}

static void
test_buffer_long_since (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirclesConnectionBuffer) buffer = circles_connection_buffer_new (3);
  g_autofree char *since = g_strnfill (100000, 'x');
  guint count = 0;

  /* Records longer than the read and write buffers. */
  for (guint i = 1; i <= 10; i++)
    g_assert_true (circles_connection_buffer_add (buffer, i, i + 1, -1, i % 2 ? since : NULL,
                                                  &error));
  g_assert_true (circles_connection_buffer_drain (buffer, count_rows, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count, ==, 10);
}

static gboolean
fail_rows (const CirclesBufferedConnection  *rows,
           guint                             n_rows,
           gpointer                          user_data,
           GError                          **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "stop");
  return FALSE;
}

static void
test_buffer_error (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirclesConnectionBuffer) buffer = circles_connection_buffer_new (10);
  guint count = 0;

  for (guint i = 1; i <= 100; i++)
    g_assert_true (circles_connection_buffer_add (buffer, i, i + 1, 0.5, NULL, &error));
  g_assert_false (circles_connection_buffer_drain (buffer, fail_rows, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);

  /* Emptied all the same, and usable again. */
  g_assert_cmpuint (circles_connection_buffer_get_length (buffer), ==, 0);
  g_assert_true (circles_connection_buffer_add (buffer, 1, 2, 0.5, NULL, NULL));
  g_assert_true (circles_connection_buffer_drain (buffer, count_rows, &count, NULL));
  g_assert_cmpuint (count, ==, 1);
}

/* }}} */

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/batch/key-table", test_key_table);
  g_test_add_func ("/batch/buffer-memory", test_buffer_memory);
  g_test_add_func ("/batch/buffer-runs", test_buffer_runs);
  g_test_add_func ("/batch/buffer-long-since", test_buffer_long_since);
  g_test_add_func ("/batch/buffer-error", test_buffer_error);

  return g_test_run ();
}
