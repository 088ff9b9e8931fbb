/* test-cli.c: the headless commands, run as a user runs them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <json-glib/json-glib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "circles-test-util.h"


/* me knows a, b, c; a knows d; d knows e; b and c know f; g is apart. */
static const char edges_csv[] =
  "Source,Target,Weight\n"
  "me,a,1\n"
  "me,b,1\n"
  "me,c,1\n"
  "a,d,1\n"
  "d,e,1\n"
  "b,f,1\n"
  "c,f,0.5\n"
  "g,h,1\n";

static char *
write_edges (CirclesCliFixture    *f,
             const char *name,
             const char *contents)
{
  char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_import_stats_paths (CirclesCliFixture *f,
                         gconstpointer      data)
{
  g_autofree char *edges = write_edges (f, "edges.csv", edges_csv);
  g_autoptr(JsonObject) stats = NULL;
  g_autoptr(JsonObject) paths = NULL;
  g_autofree char *snapshot = g_strconcat (f->db, ".snapshot", NULL);
  JsonArray *chains;

  /* The import leaves the snapshot the next command maps. */
  g_assert_cmpint (circles_cli_fixture_run (f, "import", edges, "--format", "csv", "--me", "me", NULL), ==, 0);
  g_assert_true (g_file_test (snapshot, G_FILE_TEST_IS_REGULAR));

  g_assert_cmpint (circles_cli_fixture_run (f, "stats", "--json", NULL), ==, 0);
  stats = circles_test_parse_object (f->out);
  g_assert_cmpstr (json_object_get_string_member (stats, "me"), ==, "me");
  g_assert_cmpint (json_object_get_int_member (stats, "people"), ==, 8);
  g_assert_cmpint (json_object_get_int_member (stats, "connections"), ==, 8);
  g_assert_cmpint (json_object_get_int_member (stats, "first"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (stats, "second"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (stats, "third"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (stats, "followers"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (stats, "group_members"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (stats, "out_of_network"), ==, 2);

  /* f is 2nd-degree through b (1 × 1) and c (1 × 0.5): b first. */
  g_assert_cmpint (circles_cli_fixture_run (f, "paths", "f", "--json", NULL), ==, 0);
  paths = circles_test_parse_object (f->out);
  g_assert_cmpstr (json_object_get_string_member (paths, "key"), ==, "f");
  g_assert_cmpint (json_object_get_int_member (paths, "degree"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (paths, "paths_total"), ==, 2);
  chains = json_object_get_array_member (paths, "paths");
  g_assert_cmpuint (json_array_get_length (chains), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (json_array_get_array_element (chains, 0), 1),
                   ==, "b");
  g_assert_cmpstr (json_array_get_string_element (json_array_get_array_element (chains, 1), 1),
                   ==, "c");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (paths, "mutual_connections")),
                    ==, 2);

  /* --limit cuts the list, not the count. */
  g_clear_pointer (&paths, json_object_unref);
  g_assert_cmpint (circles_cli_fixture_run (f, "paths", "f", "--limit", "1", "--json", NULL), ==, 0);
  paths = circles_test_parse_object (f->out);
  g_assert_cmpint (json_object_get_int_member (paths, "paths_total"), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (paths, "paths")), ==, 1);

  /* Beyond the 3rd degree: null, 0, nothing. */
  g_clear_pointer (&paths, json_object_unref);
  g_assert_cmpint (circles_cli_fixture_run (f, "paths", "h", "--json", NULL), ==, 0);
  paths = circles_test_parse_object (f->out);
  g_assert_true (json_object_get_null_member (paths, "degree"));
  g_assert_cmpint (json_object_get_int_member (paths, "paths_total"), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (paths, "paths")), ==, 0);

  /* The human forms work too. */
  g_assert_cmpint (circles_cli_fixture_run (f, "stats", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "2nd degree"));
  g_assert_cmpint (circles_cli_fixture_run (f, "paths", "e", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "me → a → d → e"));
}

static void
test_import_twice (CirclesCliFixture *f,
                   gconstpointer      data)
{
  g_autofree char *edges = write_edges (f, "edges.csv", edges_csv);
  g_autoptr(JsonObject) stats = NULL;

  g_assert_cmpint (circles_cli_fixture_run (f, "import", edges, "--me", "me", NULL), ==, 0);
  g_assert_cmpint (circles_cli_fixture_run (f, "import", edges, "--me", "me", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "edges.csv was imported already"));
  g_assert_nonnull (strstr (f->out, "(import 1): nothing changed"));
  g_assert_cmpint (circles_cli_fixture_run (f, "stats", "--json", NULL), ==, 0);
  stats = circles_test_parse_object (f->out);
  g_assert_cmpint (json_object_get_int_member (stats, "people"), ==, 8);
  g_assert_cmpint (json_object_get_int_member (stats, "connections"), ==, 8);
}

/* Bad input: status 2, a message naming the file and line, and the
 * database exactly as it was. */
static void
assert_refused (CirclesCliFixture    *f,
                const char *needle)
{
  g_assert_cmpint (f->status, ==, 2);
  g_assert_nonnull (f->err);
  if (strstr (f->err, needle) == NULL)
    g_error ("expected “%s” in the message, got: %s", needle, f->err);
}

static void
test_bad_input (CirclesCliFixture *f,
                gconstpointer      data)
{
  g_autofree char *edges = write_edges (f, "edges.csv", edges_csv);
  g_autofree char *broken = write_edges (f, "broken.csv",
                                         "Source,Target\nx,y\n\"z,w\n");
  g_autofree char *unknown = write_edges (f, "unknown.csv", "Colour,Shape\nred,round\n");
  g_autofree char *stats_before = NULL;

  g_assert_cmpint (circles_cli_fixture_run (f, "import", edges, "--me", "me", NULL), ==, 0);
  g_assert_cmpint (circles_cli_fixture_run (f, "stats", "--json", NULL), ==, 0);
  stats_before = g_strdup (f->out);

  circles_cli_fixture_run (f, "import", broken, NULL);
  assert_refused (f, "broken.csv:3");
  circles_cli_fixture_run (f, "import", unknown, NULL);
  assert_refused (f, "unknown.csv:1");
  circles_cli_fixture_run (f, "import", edges, "--me", "nobody", NULL);
  assert_refused (f, "nobody");
  circles_cli_fixture_run (f, "import", "/nonexistent/edges.csv", NULL);
  g_assert_cmpint (f->status, ==, 2);
  circles_cli_fixture_run (f, "import", edges, "--format", "spreadsheet", NULL);
  assert_refused (f, "spreadsheet");
  {
    /* A folder or a zip that is not the network's archive. */
    g_autofree char *folder = g_build_filename (f->dir, "not-an-archive", NULL);
    g_autofree char *zip = write_edges (f, "cut.zip", "PK\003\004cut short");

    g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
    circles_cli_fixture_run (f, "import", folder, NULL);
    assert_refused (f, "not-an-archive: no Connections.csv");
    circles_cli_fixture_run (f, "import", zip, NULL);
    assert_refused (f, "cut.zip: the archive is damaged");
  }
  circles_cli_fixture_run (f, "import", NULL);
  assert_refused (f, "Usage");
  circles_cli_fixture_run (f, "paths", "nobody", NULL);
  assert_refused (f, "nobody");
  circles_cli_fixture_run (f, "paths", "f", "--limit", "-3", NULL);
  assert_refused (f, "--limit");
  circles_cli_fixture_run (f, "stats", "--bogus", NULL);
  assert_refused (f, "--bogus");
  circles_cli_fixture_run (f, "frobnicate", NULL);
  assert_refused (f, "frobnicate");
  circles_cli_fixture_run (f, "demo", "--people", "10", NULL);
  assert_refused (f, "--people");
  circles_cli_fixture_run (f, "demo", "--people", "200", NULL);
  assert_refused (f, "already holds a network");

  g_assert_cmpint (circles_cli_fixture_run (f, "stats", "--json", NULL), ==, 0);
  g_assert_cmpstr (f->out, ==, stats_before);
}

static void
test_foreign_database (CirclesCliFixture *f,
                       gconstpointer      data)
{
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  const char text[] = "these are my notes, not a database\n";

  g_file_set_contents (f->db, text, -1, &error);
  g_assert_no_error (error);

  circles_cli_fixture_run (f, "stats", NULL);
  assert_refused (f, "not a Circles database");
  after = circles_test_read_bytes (f->db);
  g_assert_cmpmem (g_bytes_get_data (after, NULL), g_bytes_get_size (after), text, strlen (text));
}

static void
test_empty_database (CirclesCliFixture *f,
                     gconstpointer      data)
{
  g_autoptr(JsonObject) stats = NULL;

  g_assert_cmpint (circles_cli_fixture_run (f, "stats", "--json", NULL), ==, 0);
  stats = circles_test_parse_object (f->out);
  g_assert_true (json_object_get_null_member (stats, "me"));
  g_assert_cmpint (json_object_get_int_member (stats, "people"), ==, 0);

  circles_cli_fixture_run (f, "paths", "anyone", NULL);
  g_assert_cmpint (f->status, ==, 2);
}

static void
test_demo (CirclesCliFixture *f,
           gconstpointer      data)
{
  g_autoptr(JsonObject) stats = NULL;

  g_assert_cmpint (circles_cli_fixture_run (f, "demo", "--people", "3000", "--seed", "7", NULL), ==, 0);
  g_assert_cmpint (circles_cli_fixture_run (f, "stats", "--json", NULL), ==, 0);
  stats = circles_test_parse_object (f->out);
  g_assert_cmpint (json_object_get_int_member (stats, "people"), ==, 2999);
  g_assert_cmpint (json_object_get_int_member (stats, "first"), >, 0);
  g_assert_cmpint (json_object_get_int_member (stats, "second"), >,
                   json_object_get_int_member (stats, "first"));
  g_assert_cmpint (json_object_get_int_member (stats, "third"), >, 0);
  g_assert_cmpint (json_object_get_int_member (stats, "followers"), >, 0);
  g_assert_cmpint (json_object_get_int_member (stats, "group_members"), >, 0);
  g_assert_cmpint (json_object_get_int_member (stats, "out_of_network"), >, 0);
  g_assert_cmpint (json_object_get_int_member (stats, "first") +
                   json_object_get_int_member (stats, "second") +
                   json_object_get_int_member (stats, "third"), <=, 2999);
}

static void
test_export (CirclesCliFixture *f,
             gconstpointer      data)
{
  g_autofree char *edges = write_edges (f, "edges.csv", edges_csv);
  g_autofree char *svg = g_build_filename (f->dir, "rings.svg", NULL);
  g_autofree char *focus = g_build_filename (f->dir, "focus.svg", NULL);
  g_autofree char *png = g_build_filename (f->dir, "rings.png", NULL);
  g_autofree char *text = g_build_filename (f->dir, "rings.txt", NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *contents = NULL;

  g_assert_cmpint (circles_cli_fixture_run (f, "import", edges, "--me", "me", NULL), ==, 0);

  g_assert_cmpint (circles_cli_fixture_run (f, "export", svg, NULL), ==, 0);
  g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<svg"));
  g_assert_nonnull (strstr (contents, "data-key=\"f\""));
  g_clear_pointer (&contents, g_free);

  g_assert_cmpint (circles_cli_fixture_run (f, "export", focus, "--focus", "e", NULL), ==, 0);
  g_assert_true (g_file_get_contents (focus, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "data-key=\"d\""));

  g_assert_cmpint (circles_cli_fixture_run (f, "export", png, "--width", "640", "--height", "480", NULL), ==, 0);
  bytes = circles_test_read_bytes (png);
  g_assert_nonnull (bytes);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 4, "\x89PNG", 4);

  circles_cli_fixture_run (f, "export", text, NULL);
  assert_refused (f, "rings.txt");
  g_assert_false (g_file_test (text, G_FILE_TEST_EXISTS));
  circles_cli_fixture_run (f, "export", svg, "--focus", "nobody", NULL);
  assert_refused (f, "nobody");
  circles_cli_fixture_run (f, "export", svg, "--width", "-5", NULL);
  assert_refused (f, "--width");
}

static void
test_cap_warning (CirclesCliFixture *f,
                  gconstpointer      data)
{
  g_autoptr(GString) csv = g_string_new ("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n");
  g_autofree char *path = NULL;

  /* 27,000 is 90% of the 30,000 cap: the import says so, and succeeds. */
  for (guint i = 0; i < 26999; i++)
    g_string_append_printf (csv, "Ana,B%u,https://www.linkedin.com/in/p%u,,,,1 Mar 2024\n", i, i);
  path = write_edges (f, "Connections.csv", csv->str);
  g_assert_cmpint (circles_cli_fixture_run (f, "import", path, NULL), ==, 0);
  g_assert_null (strstr (f->err, "warning"));

  g_string_append (csv, "Ana,Last,https://www.linkedin.com/in/last,,,,1 Mar 2024\n");
  g_clear_pointer (&path, g_free);
  path = write_edges (f, "Connections-2.csv", csv->str);
  g_assert_cmpint (circles_cli_fixture_run (f, "import", path, NULL), ==, 0);
  g_assert_nonnull (strstr (f->err, "warning: your 1st-degree circle holds 27,000 people, 90.0% of the 30,000"));
}

static void
test_usage (CirclesCliFixture *f,
            gconstpointer      data)
{
  g_assert_cmpint (circles_cli_fixture_run (f, "--help", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "paths"));
}

static char *
stats_of (CirclesCliFixture *f)
{
  g_assert_cmpint (circles_cli_fixture_run (f, "stats", "--json", NULL), ==, 0);
  return g_strdup (f->out);
}

/* sources, forget, link, unlink, person add. */
static void
test_sources (CirclesCliFixture *f,
              gconstpointer      data)
{
  g_autofree char *edges = write_edges (f, "edges.csv", edges_csv);
  g_autofree char *followers = write_edges (f, "followers.csv", "Follower,Name\nzed,Zed Zimmerman\nb,\n");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(JsonObject) list = NULL;
  g_autoptr(JsonObject) stats = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *zoe_stats = NULL;
  JsonArray *sources;
  JsonObject *first;

  g_assert_cmpint (circles_cli_fixture_run (f, "sources", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "Nothing was imported yet"));

  g_assert_cmpint (circles_cli_fixture_run (f, "import", edges, "--me", "me", NULL), ==, 0);
  before = stats_of (f);
  g_assert_cmpint (circles_cli_fixture_run (f, "import", followers, NULL), ==, 0);

  g_assert_cmpint (circles_cli_fixture_run (f, "sources", "--json", NULL), ==, 0);
  list = circles_test_parse_object (f->out);
  sources = json_object_get_array_member (list, "sources");
  g_assert_cmpuint (json_array_get_length (sources), ==, 2);
  first = json_array_get_object_element (sources, 0);
  g_assert_cmpint (json_object_get_int_member (first, "id"), ==, 1);
  g_assert_true (g_str_has_suffix (json_object_get_string_member (first, "file"), "/edges.csv"));
  g_assert_cmpstr (json_object_get_string_member (first, "format"), ==, "csv");
  g_assert_true (json_object_get_null_member (first, "owner"));
  g_assert_cmpint (json_object_get_int_member (first, "people"), ==, 9);  /* me too */
  g_assert_cmpint (json_object_get_int_member (first, "connections"), ==, 8);
  when = g_date_time_new_from_iso8601 (json_object_get_string_member (first, "imported"), NULL);
  g_assert_nonnull (when);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (sources, 1), "format"),
                   ==, "followers");

  /* Taken back: the network is as it was. */
  g_assert_cmpint (circles_cli_fixture_run (f, "forget", "2", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "Forgot import 2: 1 person, 0 connections taken back"));
  after = stats_of (f);
  g_assert_cmpstr (before, ==, after);
  circles_cli_fixture_run (f, "forget", "2", NULL);
  g_assert_cmpint (f->status, ==, 2);
  g_assert_nonnull (strstr (f->err, "No import has the number 2"));
  circles_cli_fixture_run (f, "forget", "two", NULL);
  g_assert_cmpint (f->status, ==, 2);

  /* Edits by hand. */
  g_assert_cmpint (circles_cli_fixture_run (f, "person", "add", "zoe", "--name", "Zoé Ndiaye",
                                            "--company", "Prospect SA", NULL), ==, 0);
  g_assert_cmpint (circles_cli_fixture_run (f, "link", "b", "zoe", NULL), ==, 0);
  zoe_stats = stats_of (f);
  stats = circles_test_parse_object (zoe_stats);
  g_assert_cmpint (json_object_get_int_member (stats, "people"), ==, 9);
  g_assert_cmpint (json_object_get_int_member (stats, "second"), ==, 3);
  circles_cli_fixture_run (f, "person", "add", "zoe", "--name", "Again", NULL);
  g_assert_cmpint (f->status, ==, 2);
  circles_cli_fixture_run (f, "person", "add", "nameless", NULL);
  g_assert_cmpint (f->status, ==, 2);
  circles_cli_fixture_run (f, "link", "b", "nobody", NULL);
  g_assert_cmpint (f->status, ==, 2);
  g_assert_cmpint (circles_cli_fixture_run (f, "unlink", "b", "zoe", NULL), ==, 0);
  circles_cli_fixture_run (f, "unlink", "b", "zoe", NULL);
  g_assert_cmpint (f->status, ==, 2);
  g_assert_nonnull (strstr (f->err, "not connected"));
  g_assert_cmpint (circles_cli_fixture_run (f, "sources", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "Added by hand"));
}

/* stats --at: the rings at a date; a malformed date is bad input. */
static void
test_stats_at (CirclesCliFixture *f,
               gconstpointer      data)
{
  g_autoptr(CirclesStore) store = circles_test_store_new ("me-a@2020-01-10 a-b@2021-05-01 me-c");
  g_autofree char *db = g_strdup (circles_store_get_path (store));
  const char *bad[] = { "2021-02-30", "2021-5-1", "last year", "" };

  g_clear_object (&store);

  /* Before the first dated connection: me-c, undated, counts. */
  g_clear_pointer (&f->out, g_free);
  g_assert_cmpint (circles_test_run_cli (db, &f->out, NULL, "stats", "--at", "2019-01-01", "--json", NULL), ==, 0);
  {
    g_autoptr(JsonObject) stats = circles_test_parse_object (f->out);

    g_assert_cmpstr (json_object_get_string_member (stats, "at"), ==, "2019-01-01");
    g_assert_cmpint (json_object_get_int_member (stats, "first"), ==, 1);
    g_assert_cmpint (json_object_get_int_member (stats, "second"), ==, 0);
    g_assert_cmpint (json_object_get_int_member (stats, "connections"), ==, 1);
  }
  g_clear_pointer (&f->out, g_free);
  g_assert_cmpint (circles_test_run_cli (db, &f->out, NULL, "stats", "--at", "2021-05-01", "--json", NULL), ==, 0);
  {
    g_autoptr(JsonObject) stats = circles_test_parse_object (f->out);

    g_assert_cmpint (json_object_get_int_member (stats, "first"), ==, 2);
    g_assert_cmpint (json_object_get_int_member (stats, "second"), ==, 1);
    g_assert_cmpint (json_object_get_int_member (stats, "connections"), ==, 3);
  }
  g_clear_pointer (&f->out, g_free);
  g_assert_cmpint (circles_test_run_cli (db, &f->out, NULL, "stats", "--at", "2020-06-30", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "As of 2020-06-30"));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_clear_pointer (&f->err, g_free);
      g_assert_cmpint (circles_test_run_cli (db, NULL, &f->err, "stats", "--at", bad[i], NULL), ==, 2);
      g_assert_nonnull (strstr (f->err, "is not a date"));
    }
}

/* cold: the ties worth most and let go longest first, with a note. */
static void
test_cold (CirclesCliFixture *f,
           gconstpointer      data)
{
  g_autoptr(CirclesStore) store = circles_test_store_new ("me-a@2015-01-01 me-b@2024-01-01 a-x a-y b-z");
  g_autofree char *db = g_strdup (circles_store_get_path (store));
  g_autoptr(JsonObject) result = NULL;
  JsonArray *ties;
  JsonObject *first;

  g_clear_object (&store);
  g_assert_cmpint (circles_test_run_cli (db, &f->out, NULL, "cold", "--json", NULL), ==, 0);
  result = circles_test_parse_object (f->out);
  ties = json_object_get_array_member (result, "ties");
  g_assert_cmpuint (json_array_get_length (ties), ==, 2);
  first = json_array_get_object_element (ties, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "key"), ==, "a");
  g_assert_cmpint (json_object_get_int_member (first, "reach"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (first, "since"), ==, "connection");
  g_assert_cmpstr (json_object_get_string_member (first, "last"), ==, "2015-01-01");
  g_assert_nonnull (strstr (json_object_get_string_member (first, "note"), "Hello a,"));

  g_clear_pointer (&f->out, g_free);
  g_assert_cmpint (circles_test_run_cli (db, &f->out, NULL, "cold", "--limit", "1", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "1. a — reaches 2 people of your network · no message, connected"));
  g_assert_null (strstr (f->out, "2. "));

  g_assert_cmpint (circles_test_run_cli (db, NULL, NULL, "cold", "--limit", "0", NULL), ==, 2);

  /* growth: January 2015 to January 2024, a 1st-degree connection at
   * each end. */
  g_clear_pointer (&f->out, g_free);
  g_assert_cmpint (circles_test_run_cli (db, &f->out, NULL, "growth", "--json", NULL), ==, 0);
  {
    g_autoptr(JsonObject) growth = circles_test_parse_object (f->out);
    JsonArray *months = json_object_get_array_member (growth, "months");
    JsonObject *last;

    g_assert_cmpuint (json_array_get_length (months), ==, 9 * 12 + 1);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (months, 0), "month"), ==,
                     "2015-01");
    last = json_array_get_object_element (months, 9 * 12);
    g_assert_cmpstr (json_object_get_string_member (last, "month"), ==, "2024-01");
    g_assert_cmpint (json_object_get_int_member (last, "first"), ==, 1);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/cli/" name, CirclesCliFixture, NULL, circles_cli_fixture_setup, func, circles_cli_fixture_teardown)
  ADD ("import-stats-paths", test_import_stats_paths);
  ADD ("import-twice", test_import_twice);
  ADD ("bad-input", test_bad_input);
  ADD ("foreign-database", test_foreign_database);
  ADD ("empty-database", test_empty_database);
  ADD ("demo", test_demo);
  ADD ("export", test_export);
  ADD ("cap-warning", test_cap_warning);
  ADD ("usage", test_usage);
  ADD ("sources", test_sources);
  ADD ("stats-at", test_stats_at);
  ADD ("cold", test_cold);
#undef ADD

  return g_test_run ();
}
