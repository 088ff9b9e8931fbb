/* test-rate.c: the rating of a connection, set and read from the command line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <json-glib/json-glib.h>
#include <string.h>

#include "circles-test-util.h"

/* t is 2nd-degree through a and through b, two chains that tie: nothing
 * is known of the connections, so the keys decide (a first). u is
 * connected to nobody I know; g and h stand apart. */
static const char edges_csv[] =
  "Source,Target\n"
  "me,a\nme,b\n"
  "a,t\nb,t\n"
  "t,u\n"
  "g,h\n";

static void
import_edges (CirclesCliFixture *f,
              const char        *me)
{
  g_autofree char *path = g_build_filename (f->dir, "edges.csv", NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, edges_csv, -1, &error);
  g_assert_no_error (error);
  if (me != NULL)
    g_assert_cmpint (circles_cli_fixture_run (f, "import", path, "--me", me, NULL), ==, 0);
  else
    g_assert_cmpint (circles_cli_fixture_run (f, "import", path, NULL), ==, 0);
}

/* The second key of each chain `paths KEY --json` prints, joined by
 * spaces: the order of the ways in. */
static char *
ways_in (CirclesCliFixture *f,
         const char        *key)
{
  g_autoptr(JsonObject) object = NULL;
  GString *s = g_string_new (NULL);
  JsonArray *paths;

  g_assert_cmpint (circles_cli_fixture_run (f, "paths", key, "--json", NULL), ==, 0);
  object = circles_test_parse_object (f->out);
  paths = json_object_get_array_member (object, "paths");
  for (guint i = 0; i < json_array_get_length (paths); i++)
    g_string_append_printf (s, "%s%s", i ? " " : "",
                            json_array_get_string_element (json_array_get_array_element (paths, i), 1));
  return g_string_free (s, FALSE);
}

/* `rate KEY [--with KEY2] --json`: the rating it reports, 0 for null. */
static gint64
read_rating (CirclesCliFixture *f,
             const char        *key,
             const char        *with)
{
  g_autoptr(JsonObject) object = NULL;

  if (with != NULL)
    g_assert_cmpint (circles_cli_fixture_run (f, "rate", key, "--with", with, "--json", NULL), ==, 0);
  else
    g_assert_cmpint (circles_cli_fixture_run (f, "rate", key, "--json", NULL), ==, 0);
  object = circles_test_parse_object (f->out);
  g_assert_cmpstr (json_object_get_string_member (object, "key"), ==, key);
  if (with != NULL)
    g_assert_cmpstr (json_object_get_string_member (object, "with"), ==, with);
  else
    g_assert_true (json_object_get_null_member (object, "with"));
  if (json_object_get_null_member (object, "rating"))
    return 0;
  return json_object_get_int_member (object, "rating");
}

static void
test_rate_warmest (CirclesCliFixture *f,
                   gconstpointer      data)
{
  g_autofree char *before = NULL;
  g_autofree char *rated = NULL;
  g_autofree char *cleared = NULL;

  import_edges (f, "me");

  /* The chains tie; this load also leaves a snapshot cache behind. */
  before = ways_in (f, "t");
  g_assert_cmpstr (before, ==, "a b");

  /* Rating me–b 5 makes b the warmer way in: the write made the cache
   * stale. */
  g_assert_cmpint (circles_cli_fixture_run (f, "rate", "b", "5", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "rated 5 of 5"));
  rated = ways_in (f, "t");
  g_assert_cmpstr (rated, ==, "b a");

  /* Cleared, the tie is back. */
  g_assert_cmpint (circles_cli_fixture_run (f, "rate", "b", "none", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "not rated"));
  cleared = ways_in (f, "t");
  g_assert_cmpstr (cleared, ==, "a b");
}

static void
test_rate_read (CirclesCliFixture *f,
                gconstpointer      data)
{
  import_edges (f, "me");

  /* Nothing rated yet, in both forms. */
  g_assert_cmpint (read_rating (f, "a", NULL), ==, 0);
  g_assert_cmpint (circles_cli_fixture_run (f, "rate", "a", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "Your connection with “a” is not rated\n");

  g_assert_cmpint (circles_cli_fixture_run (f, "rate", "a", "4", "--json", NULL), ==, 0);
  g_assert_cmpint (read_rating (f, "a", NULL), ==, 4);
  g_assert_cmpint (circles_cli_fixture_run (f, "rate", "a", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "Your connection with “a” is rated 4 of 5\n");
  /* The other connections keep none. */
  g_assert_cmpint (read_rating (f, "b", NULL), ==, 0);

  /* Between two other people, either way round. */
  g_assert_cmpint (circles_cli_fixture_run (f, "rate", "t", "--with", "a", "2", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, "The connection between “t” and “a” is rated 2 of 5\n");
  g_assert_cmpint (read_rating (f, "a", "t"), ==, 2);
  g_assert_cmpint (read_rating (f, "t", "a"), ==, 2);
  g_assert_cmpint (read_rating (f, "t", "b"), ==, 0);
  g_assert_cmpint (read_rating (f, "a", NULL), ==, 4);

  /* 0 clears, as none does. */
  g_assert_cmpint (circles_cli_fixture_run (f, "rate", "a", "0", NULL), ==, 0);
  g_assert_cmpint (read_rating (f, "a", NULL), ==, 0);
  g_assert_cmpint (circles_cli_fixture_run (f, "rate", "a", "--with", "t", "NONE", NULL), ==, 0);
  g_assert_cmpint (read_rating (f, "t", "a"), ==, 0);
}

/* Nobody is me: only --with can name a connection. */
static void
test_rate_no_me (CirclesCliFixture *f,
                 gconstpointer      data)
{
  import_edges (f, NULL);

  circles_cli_fixture_run (f, "rate", "a", "3", NULL);
  g_assert_cmpint (f->status, ==, 2);
  g_assert_nonnull (strstr (f->err, "Nobody is “me”"));

  g_assert_cmpint (circles_cli_fixture_run (f, "rate", "g", "--with", "h", "3", NULL), ==, 0);
  g_assert_cmpint (read_rating (f, "h", "g"), ==, 3);
}

static void
assert_db_is (CirclesCliFixture *f,
              GBytes            *expected)
{
  g_autoptr(GBytes) now = circles_test_read_bytes (f->db);

  g_assert_nonnull (now);
  g_assert_cmpmem (g_bytes_get_data (now, NULL), g_bytes_get_size (now),
                   g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
}

/* Bad usage or bad input: status 2, a message that names what was
 * wrong, and the database byte for byte as it was. */
static void
test_rate_bad_input (CirclesCliFixture *f,
                     gconstpointer      data)
{
  static const struct {
    const char *args[6];
    const char *needle;
  } cases[] = {
    { { "rate", "nobody", "3" }, "nobody has the key “nobody”" },
    { { "rate", "a", "--with", "nobody", "3" }, "nobody has the key “nobody”" },
    { { "rate", "t", "3" }, "“t” is not one of your connections" },
    { { "rate", "t" }, "“t” is not one of your connections" },
    { { "rate", "me", "3" }, "“me” is not one of your connections" },
    { { "rate", "a", "--with", "b", "3" }, "“a” and “b” are not connected" },
    { { "rate", "g", "--with", "g", "3" }, "“g” and “g” are not connected" },
    { { "rate", "a", "6" }, "“6” is not a rating" },
    { { "rate", "a", "2.5" }, "“2.5” is not a rating" },
    { { "rate", "a", "high" }, "“high” is not a rating" },
    { { "rate", "a", "" }, "“” is not a rating" },
    { { "rate", "a", "-1" }, "-1" },
    { { "rate", "a", "3", "4" }, "Usage" },
    { { "rate" }, "Usage" },
    { { "rate", "a", "3", "--with" }, "--with" },
    { { "rate", "a", "3", "--bogus" }, "--bogus" },
  };
  g_autoptr(GBytes) before = NULL;

  import_edges (f, "me");
  g_assert_cmpint (circles_cli_fixture_run (f, "rate", "a", "4", NULL), ==, 0);
  before = circles_test_read_bytes (f->db);
  g_assert_nonnull (before);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *err = NULL;
      int status;

      g_test_message ("circles %s", cases[i].args[1] != NULL ? cases[i].args[1] : "");
      status = circles_test_run_cliv (f->db, cases[i].args, NULL, NULL, NULL, &err);
      g_assert_cmpint (status, ==, 2);
      if (strstr (err, cases[i].needle) == NULL)
        g_error ("expected “%s” in the message, got: %s", cases[i].needle, err);
      assert_db_is (f, before);
    }

  /* Reading writes nothing, and neither does setting the same rating. */
  g_assert_cmpint (read_rating (f, "a", NULL), ==, 4);
  assert_db_is (f, before);
  g_assert_cmpint (circles_cli_fixture_run (f, "rate", "a", "4", NULL), ==, 0);
  assert_db_is (f, before);
  g_assert_cmpint (read_rating (f, "a", NULL), ==, 4);
}

static void
test_rate_usage (CirclesCliFixture *f,
                 gconstpointer      data)
{
  g_assert_cmpint (circles_cli_fixture_run (f, "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "rate KEY [RATING] [--with KEY2] [--json]"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/rate/" name, CirclesCliFixture, NULL, circles_cli_fixture_setup, func, circles_cli_fixture_teardown)
  ADD ("warmest", test_rate_warmest);
  ADD ("read", test_rate_read);
  ADD ("no-me", test_rate_no_me);
  ADD ("bad-input", test_rate_bad_input);
  ADD ("usage", test_rate_usage);
#undef ADD

  return g_test_run ();
}
