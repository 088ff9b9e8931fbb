/* test-import.c: the CSV reader and every import format, good and bad
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>
#include <graphviz/cgraph.h>
#include <stdlib.h>
#include <string.h>

#include "circles-csv-reader.h"
#include "circles-import.h"
#include "circles-layout.h"
#include "circles-import-context.h"
#include "circles-network.h"
#include "circles-store.h"
#include "circles-test-util.h"

typedef struct
{
  char         *dir;
  char         *path;
  CirclesStore *store;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = circles_test_make_tmpdir ();
  f->path = g_build_filename (f->dir, "network.db", NULL);
  f->store = circles_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  g_free (f->path);
  g_free (f->dir);
}

static char *
fixture_path (const char *name)
{
  g_autofree char *sub = g_build_filename ("import", name, NULL);

  return circles_test_fixture (sub);
}

static gboolean
import (Fixture              *f,
        const char           *name,
        CirclesImportFormat   format,
        const char           *me,
        CirclesImportReport  *report,
        GError              **error)
{
  g_autofree char *path = fixture_path (name);

  return circles_import_file (f->store, path, format, me, report,
                              NULL, NULL, NULL, error);
}

static void
import_ok (Fixture              *f,
           const char           *name,
           CirclesImportFormat   format,
           const char           *me,
           CirclesImportReport  *report)
{
  g_autoptr(GError) error = NULL;

  import (f, name, format, me, report, &error);
  g_assert_no_error (error);
}

static CirclesNetwork *
load (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  CirclesNetwork *network = circles_network_load (f->store, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (network);
  return network;
}

typedef struct
{
  guint64 people, connections, first, second, third;
  guint64 followers, group_members, out_of_network;
} Expected;

static void
assert_counts (Fixture        *f,
               const Expected *e)
{
  g_autoptr(CirclesNetwork) network = load (f);
  const CirclesCounts *c = circles_network_get_counts (network);

  g_assert_cmpuint (c->people, ==, e->people);
  g_assert_cmpuint (c->connections, ==, e->connections);
  g_assert_cmpuint (c->first, ==, e->first);
  g_assert_cmpuint (c->second, ==, e->second);
  g_assert_cmpuint (c->third, ==, e->third);
  g_assert_cmpuint (c->followers, ==, e->followers);
  g_assert_cmpuint (c->group_members, ==, e->group_members);
  g_assert_cmpuint (c->out_of_network, ==, e->out_of_network);
}

/* A row-for-row dump of what the store holds. */
static void
dump_person (const CirclesPersonRow *row,
             gpointer                user_data)
{
  g_string_append_printf (user_data, "P %" G_GINT64_FORMAT " %s|%s|%s|%s|%s|%s\n",
                          row->id, row->key, row->display_name, row->position,
                          row->company, row->location, row->profile_url);
}

static void
dump_connection (gint64   a,
                 gint64   b,
                 double   strength,
                 gpointer user_data)
{
  g_string_append_printf (user_data, "C %" G_GINT64_FORMAT " %" G_GINT64_FORMAT " %g\n",
                          a, b, strength);
}

static void
dump_id (gint64   id,
         gpointer user_data)
{
  g_string_append_printf (user_data, "I %" G_GINT64_FORMAT "\n", id);
}

static char *
dump (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GString *s = g_string_new (NULL);
  gint64 me = circles_store_get_me (f->store);

  g_string_append_printf (s, "me %" G_GINT64_FORMAT "\n", me);
  g_assert_true (circles_store_foreach_person (f->store, dump_person, s, &error));
  g_assert_true (circles_store_foreach_connection (f->store, dump_connection, s, &error));
  if (me > 0)
    {
      g_assert_true (circles_store_foreach_follower (f->store, me, dump_id, s, &error));
      g_assert_true (circles_store_foreach_group_fellow (f->store, me, dump_id, s, &error));
    }
  g_assert_no_error (error);
  return g_string_free (s, FALSE);
}

/* A failed import leaves the database as it was: same rows, same bytes. */
static void
assert_import_fails (Fixture              *f,
                     const char           *name,
                     CirclesImportFormat   format,
                     const char           *me,
                     GQuark                domain,
                     int                   code,
                     const char           *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump (f);
  g_autofree char *after = NULL;
  g_autoptr(GBytes) bytes_before = circles_test_read_bytes (f->path);
  g_autoptr(GBytes) bytes_after = NULL;
  CirclesImportReport report;

  g_assert_false (import (f, name, format, me, &report, &error));
  g_assert_error (error, domain, code);
  g_test_message ("%s: %s", name, error->message);
  if (message_part != NULL && strstr (error->message, message_part) == NULL)
    g_error ("“%s” does not hold “%s”", error->message, message_part);
  g_assert_false (circles_store_in_transaction (f->store));

  after = dump (f);
  g_assert_cmpstr (before, ==, after);
  bytes_after = circles_test_read_bytes (f->path);
  g_assert_true (g_bytes_equal (bytes_before, bytes_after));
}

/* Something to spoil: a small committed network. */
static void
fill (Fixture *f)
{
  import_ok (f, "edges.csv", CIRCLES_IMPORT_FORMAT_AUTO, "me", NULL);
}

static const char *
name_of (CirclesNetwork *network,
         const char     *key)
{
  guint person = circles_network_lookup (network, key);

  g_assert_cmpuint (person, !=, CIRCLES_NO_PERSON);
  return circles_network_get_name (network, person);
}

typedef struct
{
  gint64 a, b;
  double weight;
  gboolean found;
} FindConnection;

static void
find_connection (gint64   a,
                 gint64   b,
                 double   strength,
                 gpointer user_data)
{
  FindConnection *find = user_data;

  if ((a == find->a && b == find->b) || (a == find->b && b == find->a))
    {
      find->weight = strength;
      find->found = TRUE;
    }
}

/* The weight stored for the connection a–b (negative: none). */
static double
stored_weight (Fixture    *f,
               const char *a,
               const char *b)
{
  g_autoptr(GError) error = NULL;
  FindConnection find = {
    .a = circles_store_lookup_person (f->store, a),
    .b = circles_store_lookup_person (f->store, b),
  };

  g_assert_cmpint (find.a, >, 0);
  g_assert_cmpint (find.b, >, 0);
  g_assert_true (circles_store_foreach_connection (f->store, find_connection, &find, &error));
  g_assert_no_error (error);
  g_assert_true (find.found);
  return find.weight;
}

/* The CSV reader on its own. */

typedef struct
{
  guint64     line;
  const char *fields[4];
} Record;

static void
assert_records (const char   *contents,
                gssize        length,
                const Record *records,
                guint         n_records)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = circles_test_write_file ("r.csv", contents, length);
  g_autoptr(CirclesCsvReader) reader = circles_csv_reader_new (path, &error);
  char **fields;
  guint n_fields;
  guint i = 0;

  g_assert_no_error (error);
  while (circles_csv_reader_next (reader, &fields, &n_fields, &error))
    {
      guint expected_n = 0;

      g_assert_cmpuint (i, <, n_records);
      while (expected_n < 4 && records[i].fields[expected_n] != NULL)
        expected_n++;
      g_assert_cmpuint (circles_csv_reader_get_line (reader), ==, records[i].line);
      g_assert_cmpuint (n_fields, ==, expected_n);
      for (guint j = 0; j < n_fields; j++)
        g_assert_cmpstr (fields[j], ==, records[i].fields[j]);
      g_assert_null (fields[n_fields]);
      i++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (i, ==, n_records);
  g_assert_cmpfloat (circles_csv_reader_get_fraction (reader), ==, 1.0);
}

static void
test_reader_basics (void)
{
  static const Record lf[] = {
    { 1, { "a", "b", NULL } },
    { 2, { "c,d", "say \"hi\"", NULL } },
    { 3, { "multi\nline", "", NULL } },
    { 5, { "", "", "", NULL } },
    { 7, { "last", NULL } },
  };
  static const Record crlf[] = {
    { 1, { "a", "b", NULL } },
    { 2, { "x\r\ny", "z", NULL } },
    { 4, { "é", NULL } },
  };
  static const Record cr[] = {
    { 1, { "a", NULL } },
    { 2, { "b\rc", NULL } },
    { 4, { "", NULL } },
  };

  assert_records ("a,b\n\"c,d\",\"say \"\"hi\"\"\"\n\"multi\nline\",\n,,\n\nlast", -1,
                  lf, G_N_ELEMENTS (lf));
  assert_records ("\xEF\xBB\xBF" "a,b\r\n\"x\r\ny\",z\r\n\xC3\xA9\r\n", -1,
                  crlf, G_N_ELEMENTS (crlf));
  assert_records ("a\r\"b\rc\"\r\"\"\r", -1, cr, G_N_ELEMENTS (cr));
  assert_records ("", 0, NULL, 0);
  assert_records ("\n\n\r\n", -1, NULL, 0);
}

/* Records and multi-byte characters across the 64 KiB chunks. */
static void
test_reader_chunks (void)
{
  g_autoptr(GString) contents = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CirclesCsvReader) reader = NULL;
  char **fields;
  guint n_fields;
  guint n = 0;

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (contents, "%u,\"é\"\"%u\n€\",ü😀\n", i, i);
  path = circles_test_write_file ("big.csv", contents->str, contents->len);
  reader = circles_csv_reader_new (path, &error);
  g_assert_no_error (error);

  while (circles_csv_reader_next (reader, &fields, &n_fields, &error))
    {
      g_autofree char *id = g_strdup_printf ("%u", n);
      g_autofree char *second = g_strdup_printf ("é\"%u\n€", n);

      g_assert_cmpuint (n_fields, ==, 3);
      g_assert_cmpstr (fields[0], ==, id);
      g_assert_cmpstr (fields[1], ==, second);
      g_assert_cmpstr (fields[2], ==, "ü😀");
      g_assert_cmpuint (circles_csv_reader_get_line (reader), ==, 2 * n + 1);
      n++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 20000);
}

/* A CRLF split by the 64 KiB chunk boundary is one line break, in
 * and out of quotes. */
/* Plain records (read at once) and others (byte by byte) one after
 * the other: the same fields, lines and error positions. */
static void
test_reader_mixed (void)
{
  g_autoptr(GString) contents = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(CirclesCsvReader) reader = NULL;
  char **fields;
  guint n_fields;
  guint64 line = 1;
  guint n = 0;

  for (guint i = 0; i < 30000; i++)
    switch (i % 5)
      {
      case 0: g_string_append_printf (contents, "n%u,t%u,%u\n", i, i, i); break;
      case 1: g_string_append_printf (contents, "n%u,t%u,%u\r\n", i, i, i); break;
      case 2: g_string_append_printf (contents, "\"n%u\",t%u,%u\n\n", i, i, i); break;
      case 3: g_string_append_printf (contents, "n%u,t%u,%u\r", i, i, i); break;
      default: g_string_append_printf (contents, " n%u ,t%u\t,%u,\n", i, i, i); break;
      }
  g_string_append (contents, "ok,\xC3(,x\n");
  path = circles_test_write_file ("mixed.csv", contents->str, contents->len);
  reader = circles_csv_reader_new (path, &error);
  g_assert_no_error (error);

  while (circles_csv_reader_next (reader, &fields, &n_fields, &error))
    {
      g_autofree char *a = g_strdup_printf (n % 5 == 4 ? " n%u " : "n%u", n);
      g_autofree char *b = g_strdup_printf (n % 5 == 4 ? "t%u\t" : "t%u", n);
      g_autofree char *c = g_strdup_printf ("%u", n);

      g_assert_cmpuint (n_fields, ==, n % 5 == 4 ? 4 : 3);
      g_assert_cmpstr (fields[0], ==, a);
      g_assert_cmpstr (fields[1], ==, b);
      g_assert_cmpstr (fields[2], ==, c);
      g_assert_cmpuint (circles_csv_reader_get_line (reader), ==, line);
      line += n % 5 == 2 ? 2 : 1;
      n++;
    }
  g_assert_cmpuint (n, ==, 30000);
  g_assert_error (error, CIRCLES_IMPORT_ERROR, CIRCLES_IMPORT_ERROR_INVALID_UTF8);
  {
    g_autofree char *where = g_strdup_printf ("mixed.csv:%" G_GUINT64_FORMAT ":4: ", line);

    g_assert_nonnull (strstr (error->message, where));
  }
}

static void
test_reader_crlf_boundary (void)
{
  g_autoptr(GString) contents = g_string_new (NULL);
  g_autofree char *a = g_strnfill (65535, 'a');
  g_autofree char *c = g_strnfill (65530, 'c');
  g_autofree char *quoted = g_strdup_printf ("%s\r\nd", c);
  const Record records[] = {
    { 1, { a, NULL } },
    { 2, { "b", NULL } },
    { 3, { quoted, "e", NULL } },
    { 5, { "f", NULL } },
  };

  /* CR at offset 65535, LF at 65536. */
  g_string_append_printf (contents, "%s\r\nb\r\n", a);
  /* Quoted CR at offset 131071, LF at 131072. */
  g_string_append_printf (contents, "\"%s\r\nd\",e\r\nf", c);
  g_assert_cmpint (contents->str[65535], ==, '\r');
  g_assert_cmpint (contents->str[131071], ==, '\r');
  assert_records (contents->str, contents->len, records, G_N_ELEMENTS (records));
}

static void
assert_reader_error (const char *contents,
                     gssize      length,
                     int         code,
                     const char *where)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = circles_test_write_file ("bad.csv", contents, length);
  g_autoptr(CirclesCsvReader) reader = circles_csv_reader_new (path, &error);
  g_autofree char *expected = g_strdup_printf ("bad.csv:%s: ", where);
  char **fields;
  guint n_fields;

  g_assert_no_error (error);
  while (circles_csv_reader_next (reader, &fields, &n_fields, &error))
    ;
  g_assert_error (error, CIRCLES_IMPORT_ERROR, code);
  if (strstr (error->message, expected) == NULL)
    g_error ("“%s” does not hold “%s”", error->message, expected);
}

static void
test_reader_errors (void)
{
  assert_reader_error ("a,b\nc,\xFF\n", -1, CIRCLES_IMPORT_ERROR_INVALID_UTF8, "2:3");
  assert_reader_error ("a,b\n\xC3\xA9\xC3\n", -1, CIRCLES_IMPORT_ERROR_INVALID_UTF8, "2:2");
  assert_reader_error ("a,\xC3", -1, CIRCLES_IMPORT_ERROR_INVALID_UTF8, "1:3");
  /* Overlong, surrogate, NUL. */
  assert_reader_error ("\xC0\x80", -1, CIRCLES_IMPORT_ERROR_INVALID_UTF8, "1:1");
  assert_reader_error ("x\xED\xA0\x80", -1, CIRCLES_IMPORT_ERROR_INVALID_UTF8, "1:2");
  assert_reader_error ("ab\0c", 4, CIRCLES_IMPORT_ERROR_INVALID_UTF8, "1:3");
  assert_reader_error ("a\nb,\"c\nd\ne", -1, CIRCLES_IMPORT_ERROR_UNTERMINATED_QUOTE, "2:3");
}

static void
test_reader_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirclesCsvReader) reader = circles_csv_reader_new ("/nonexistent/x.csv", &error);

  g_assert_null (reader);
  g_assert_error (error, CIRCLES_IMPORT_ERROR, CIRCLES_IMPORT_ERROR_IO);
}

/* Helpers of the LinkedIn reader. */

static void
test_dates (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "12 Mar 2024", "2024-03-12" },
    { "03 Jan 2023", "2023-01-03" },
    { "7-Feb-22", "2022-02-07" },
    { "29-Feb-24", "2024-02-29" },
    { " 1 Dec 2019 ", "2019-12-01" },
    { "2024-03-12", "2024-03-12" },
    { "31 Feb 2024", NULL },
    { "29-Feb-23", NULL },
    { "12 Foo 2024", NULL },
    { "yesterday", NULL },
    { "12 Mar", NULL },
    { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *iso = _circles_import_parse_date (cases[i].in);

      g_assert_cmpstr (iso, ==, cases[i].out);
    }
}

static void
test_urls (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { "https://www.linkedin.com/in/jean-dupont/", "https://www.linkedin.com/in/jean-dupont" },
    { "HTTPS://WWW.LinkedIn.COM/in/Jean?trk=x#top", "https://www.linkedin.com/in/Jean" },
    { "www.linkedin.com/in/x//", "https://www.linkedin.com/in/x" },
    { " http://example.com ", "http://example.com" },
    { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *url = _circles_import_normalize_url (cases[i].in);

      g_assert_cmpstr (url, ==, cases[i].out);
    }
}

static void
test_format_names (void)
{
  CirclesImportFormat format = CIRCLES_IMPORT_FORMAT_AUTO;

  for (guint i = CIRCLES_IMPORT_FORMAT_AUTO; i <= CIRCLES_IMPORT_FORMAT_GROUPS; i++)
    {
      g_assert_true (circles_import_format_from_string (circles_import_format_to_string (i), &format));
      g_assert_cmpint (format, ==, i);
    }
  g_assert_true (circles_import_format_from_string ("GraphML", &format));
  g_assert_cmpint (format, ==, CIRCLES_IMPORT_FORMAT_GRAPHML);
  g_assert_false (circles_import_format_from_string ("xlsx", &format));
  g_assert_false (circles_import_format_from_string (NULL, &format));
}

/* The formats. */

static void
test_linkedin_preamble (Fixture       *f,
                        gconstpointer  data)
{
  CirclesImportReport report;
  g_autoptr(CirclesNetwork) network = NULL;
  guint ada;

  import_ok (f, "linkedin-preamble.csv", CIRCLES_IMPORT_FORMAT_AUTO, NULL, &report);
  g_assert_cmpint (report.format, ==, CIRCLES_IMPORT_FORMAT_LINKEDIN);
  g_assert_cmpuint (report.rows, ==, 6);
  g_assert_cmpuint (report.hidden_members, ==, 2);
  g_assert_cmpuint (report.duplicates, ==, 1);
  g_assert_cmpuint (report.people_added, ==, 6); /* me included */
  g_assert_cmpuint (report.connections_added, ==, 5);
  assert_counts (f, &(Expected) { .people = 5, .connections = 5, .first = 5 });

  network = load (f);
  g_assert_cmpstr (circles_network_get_key (network, circles_network_get_me (network)), ==, "me");
  g_assert_cmpstr (name_of (network, "me"), ==, "Me");
  g_assert_cmpstr (name_of (network, "https://www.linkedin.com/in/jean-dupont-1a2b3c"), ==, "Jean Dupont");
  g_assert_cmpstr (name_of (network, "https://www.linkedin.com/in/marie-curie"), ==, "Marie Curie");
  g_assert_cmpstr (name_of (network, "hidden:2021-04-15:1"), ==, "Hidden member");
  g_assert_cmpstr (name_of (network, "hidden:2021-04-15:2"), ==, "Hidden member");
  ada = circles_network_lookup (network, "https://www.linkedin.com/in/ada-lovelace");
  g_assert_cmpstr (circles_network_get_position (network, ada), ==, "Mathematician\nand writer");
  g_assert_cmpstr (circles_network_get_company (network,
                                                circles_network_lookup (network, "https://www.linkedin.com/in/jean-dupont-1a2b3c")),
                   ==, "Acme, Inc.");
  g_assert_cmpstr (circles_network_get_position (network,
                                                 circles_network_lookup (network, "https://www.linkedin.com/in/marie-curie")),
                   ==, "Chercheuse \"senior\"");
}

static void
test_linkedin_no_url (Fixture       *f,
                      gconstpointer  data)
{
  CirclesImportReport report;
  g_autoptr(CirclesNetwork) network = NULL;

  import_ok (f, "linkedin-no-url.csv", CIRCLES_IMPORT_FORMAT_AUTO, NULL, &report);
  g_assert_cmpint (report.format, ==, CIRCLES_IMPORT_FORMAT_LINKEDIN);
  g_assert_cmpuint (report.duplicates, ==, 1);
  assert_counts (f, &(Expected) { .people = 2, .connections = 2, .first = 2 });
  network = load (f);
  g_assert_cmpstr (name_of (network, "name:paul martin|globex"), ==, "Paul Martin");
  g_assert_cmpstr (name_of (network, "name:paul martin|initech"), ==, "Paul Martin");
}

static void
test_linkedin_bom_crlf (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(CirclesNetwork) network = NULL;
  guint lucie;

  import_ok (f, "linkedin-bom-crlf.csv", CIRCLES_IMPORT_FORMAT_LINKEDIN, NULL, NULL);
  assert_counts (f, &(Expected) { .people = 3, .connections = 3, .first = 3 });
  network = load (f);
  lucie = circles_network_lookup (network, "https://www.linkedin.com/in/lucie-bernard");
  g_assert_cmpuint (lucie, !=, CIRCLES_NO_PERSON);
  g_assert_cmpstr (circles_network_get_position (network, lucie), ==, "Head of\r\nSales");
  g_assert_cmpstr (name_of (network, "https://www.linkedin.com/in/zoe-muller"), ==, "Zoé Müller");
}

/* me is the database's me when there is one. */
static void
test_linkedin_existing_me (Fixture       *f,
                           gconstpointer  data)
{
  fill (f);
  import_ok (f, "linkedin-no-url.csv", CIRCLES_IMPORT_FORMAT_AUTO, NULL, NULL);
  assert_counts (f, &(Expected) { .people = 8, .connections = 8, .first = 4,
                                  .second = 1, .third = 1, .out_of_network = 2 });
}

static void
test_edges (Fixture       *f,
            gconstpointer  data)
{
  CirclesImportReport report;

  import_ok (f, "edges.csv", CIRCLES_IMPORT_FORMAT_AUTO, "me", &report);
  g_assert_cmpint (report.format, ==, CIRCLES_IMPORT_FORMAT_CSV);
  g_assert_cmpuint (report.rows, ==, 9);
  g_assert_cmpuint (report.people_added, ==, 7);
  g_assert_cmpuint (report.connections_added, ==, 6);
  assert_counts (f, &(Expected) { .people = 6, .connections = 6, .first = 2,
                                  .second = 1, .third = 1, .out_of_network = 2 });
  /* Weights 1..8 are divided by 8. */
  g_assert_cmpfloat_with_epsilon (stored_weight (f, "me", "alice"), 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (stored_weight (f, "carol", "dave"), 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (stored_weight (f, "bob", "carol"), 0.25, 1e-9);
  g_assert_cmpfloat_with_epsilon (stored_weight (f, "eve", "frank"), 0.125, 1e-9);
}

static void
test_edges_columns (Fixture       *f,
                    gconstpointer  data)
{
  import_ok (f, "edges-columns.csv", CIRCLES_IMPORT_FORMAT_CSV, "a", NULL);
  assert_counts (f, &(Expected) { .people = 2, .connections = 3, .first = 2 });
  /* Weights already in 0..1 are kept; an empty one is no weight. */
  g_assert_cmpfloat_with_epsilon (stored_weight (f, "a", "b"), 0.25, 1e-9);
  g_assert_cmpfloat_with_epsilon (stored_weight (f, "b", "c"), 0.5, 1e-9);
  g_assert_cmpfloat (stored_weight (f, "a", "c"), <, 0);
}

#define BIG_PEOPLE 50000
#define BIG_ROWS   300000

static double
big_weight (guint row)
{
  return (row % 97) + (row % 4) * 0.25;
}

typedef struct
{
  GHashTable *keys;  /* id -> key */
  guint       checked;
} BigCheck;

static void
collect_key (const CirclesPersonRow *row,
             gpointer                user_data)
{
  BigCheck *check = user_data;

  g_hash_table_insert (check->keys, g_memdup2 (&row->id, sizeof row->id), g_strdup (row->key));
}

static void
check_big_connection (gint64   a,
                      gint64   b,
                      double   strength,
                      gpointer user_data)
{
  BigCheck *check = user_data;
  guint x = atoi ((const char *) g_hash_table_lookup (check->keys, &a) + 1);
  guint y = atoi ((const char *) g_hash_table_lookup (check->keys, &b) + 1);
  guint k = (y + BIG_PEOPLE - x) % BIG_PEOPLE;
  guint source = x;

  if (k < 1 || k > 6)
    {
      k = (x + BIG_PEOPLE - y) % BIG_PEOPLE;
      source = y;
    }
  g_assert_cmpuint (k, >=, 1);
  g_assert_cmpuint (k, <=, 6);
  /* Exactly the weight divided by the largest one, 500. */
  g_assert_cmpfloat (strength, ==, big_weight ((k - 1) * BIG_PEOPLE + source) / 500);
  check->checked++;
}

/* More edges than the store keeps in memory: they go through its
 * temporary file, and still every weight is divided by the largest of
 * the file, found on its last line, a self-loop. */
static void
test_edges_big (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) contents = g_string_new ("Source,Target,Weight\n");
  g_autofree char *path = NULL;
  BigCheck check = { g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free), 0 };
  CirclesImportReport report;

  for (guint i = 0; i < BIG_ROWS; i++)
    {
      guint a = i % BIG_PEOPLE;
      guint b = (a + 1 + i / BIG_PEOPLE) % BIG_PEOPLE;
      char w[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (contents, "p%u,p%u,%s\n", a, b,
                              g_ascii_dtostr (w, sizeof w, big_weight (i)));
    }
  g_string_append (contents, "p7,p7,500\n");
  path = circles_test_write_file ("big.csv", contents->str, contents->len);

  g_assert_true (circles_import_file (f->store, path, CIRCLES_IMPORT_FORMAT_AUTO, NULL,
                                      &report, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.people_added, ==, BIG_PEOPLE);
  g_assert_cmpuint (report.connections_added, ==, BIG_ROWS);

  g_assert_true (circles_store_foreach_person (f->store, collect_key, &check, &error));
  g_assert_true (circles_store_foreach_connection (f->store, check_big_connection, &check, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (check.checked, ==, BIG_ROWS);

  /* Again: nothing new. */
  g_assert_true (circles_import_file (f->store, path, CIRCLES_IMPORT_FORMAT_AUTO, NULL,
                                      &report, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.people_added, ==, 0);
  g_assert_cmpuint (report.connections_added, ==, 0);
  g_assert_cmpint (circles_store_count_connections (f->store), ==, BIG_ROWS);
  g_hash_table_unref (check.keys);
}

static void
test_nodes (Fixture       *f,
            gconstpointer  data)
{
  CirclesImportReport report;
  g_autoptr(CirclesNetwork) network = NULL;
  guint alice;

  fill (f);
  import_ok (f, "nodes.csv", CIRCLES_IMPORT_FORMAT_AUTO, NULL, &report);
  g_assert_cmpint (report.format, ==, CIRCLES_IMPORT_FORMAT_CSV);
  g_assert_cmpuint (report.people_added, ==, 1);
  assert_counts (f, &(Expected) { .people = 7, .connections = 6, .first = 2,
                                  .second = 1, .third = 1, .out_of_network = 3 });
  network = load (f);
  alice = circles_network_lookup (network, "alice");
  g_assert_cmpstr (circles_network_get_name (network, alice), ==, "Alice Martin");
  g_assert_cmpstr (circles_network_get_company (network, alice), ==, "Acme, Inc.");
  g_assert_cmpstr (circles_network_get_position (network, alice), ==, "Engineer");
  g_assert_cmpstr (circles_network_get_profile_url (network, alice), ==, "https://example.com/in/alice");
  g_assert_cmpstr (name_of (network, "zoe"), ==, "Zoé Durand");
}

static void
test_followers (Fixture       *f,
                gconstpointer  data)
{
  CirclesImportReport report;

  fill (f);
  import_ok (f, "followers.csv", CIRCLES_IMPORT_FORMAT_AUTO, NULL, &report);
  g_assert_cmpint (report.format, ==, CIRCLES_IMPORT_FORMAT_FOLLOWERS);
  g_assert_cmpuint (report.follows_added, ==, 2);
  /* zed follows me; alice is 1st so she is no follower. */
  assert_counts (f, &(Expected) { .people = 7, .connections = 6, .first = 2,
                                  .second = 1, .third = 1, .followers = 1,
                                  .out_of_network = 2 });
}

static void
test_followers_need_me (Fixture       *f,
                        gconstpointer  data)
{
  assert_import_fails (f, "followers.csv", CIRCLES_IMPORT_FORMAT_AUTO, NULL,
                       CIRCLES_IMPORT_ERROR, CIRCLES_IMPORT_ERROR_NO_ME,
                       "followers.csv: ");
}

static void
test_groups (Fixture       *f,
             gconstpointer  data)
{
  CirclesImportReport report;
  g_autoptr(CirclesNetwork) network = NULL;

  fill (f);
  import_ok (f, "groups.csv", CIRCLES_IMPORT_FORMAT_AUTO, NULL, &report);
  g_assert_cmpint (report.format, ==, CIRCLES_IMPORT_FORMAT_GROUPS);
  g_assert_cmpuint (report.memberships_added, ==, 4);
  /* gina shares a group with me, alice too (and stays 1st); hugo does not. */
  assert_counts (f, &(Expected) { .people = 8, .connections = 6, .first = 2,
                                  .second = 1, .third = 1, .group_members = 2,
                                  .out_of_network = 3 });
  network = load (f);
  g_assert_cmpstr (name_of (network, "gina"), ==, "Gina Gnome");
}

static void
test_graphml (Fixture       *f,
              gconstpointer  data)
{
  CirclesImportReport report;
  g_autoptr(CirclesNetwork) network = NULL;

  import_ok (f, "graph.graphml", CIRCLES_IMPORT_FORMAT_AUTO, "me", &report);
  g_assert_cmpint (report.format, ==, CIRCLES_IMPORT_FORMAT_GRAPHML);
  assert_counts (f, &(Expected) { .people = 4, .connections = 3, .first = 1,
                                  .second = 1, .third = 1, .out_of_network = 1 });
  network = load (f);
  g_assert_cmpstr (name_of (network, "n1"), ==, "Alice");
  g_assert_cmpstr (circles_network_get_company (network, circles_network_lookup (network, "n1")), ==, "Acme");
  g_assert_cmpstr (name_of (network, "me"), ==, "Me Myself");
}

static void
test_graphml_yed (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(CirclesNetwork) network = NULL;

  import_ok (f, "yed.graphml", CIRCLES_IMPORT_FORMAT_GRAPHML, "n0", NULL);
  assert_counts (f, &(Expected) { .people = 1, .connections = 1, .first = 1 });
  network = load (f);
  g_assert_cmpstr (name_of (network, "n0"), ==, "Ann");
  g_assert_cmpstr (name_of (network, "n1"), ==, "Ben");
}

static void
test_dot (Fixture       *f,
          gconstpointer  data)
{
  CirclesImportReport report;
  g_autoptr(CirclesNetwork) network = NULL;

  import_ok (f, "graph.gv", CIRCLES_IMPORT_FORMAT_AUTO, "me", &report);
  g_assert_cmpint (report.format, ==, CIRCLES_IMPORT_FORMAT_DOT);
  assert_counts (f, &(Expected) { .people = 6, .connections = 5, .first = 1,
                                  .second = 1, .third = 1, .out_of_network = 3 });
  network = load (f);
  g_assert_cmpstr (name_of (network, "alice"), ==, "Alice Martin");
  g_assert_cmpstr (circles_network_get_company (network, circles_network_lookup (network, "alice")), ==, "Acme");
}

/* The same file twice: nothing changes. */
static void
test_twice (Fixture       *f,
            gconstpointer  data)
{
  /* The second Connections.csv shares nobody with the first: it is
   * said to be mine, or the guard would take it for a colleague's. */
  static const struct { const char *file; const char *me; const char *owner; } files[] = {
    { "linkedin-preamble.csv", NULL, NULL },
    { "linkedin-bom-crlf.csv", NULL, "me" },
    { "edges.csv", "me", NULL },
    { "nodes.csv", NULL, NULL },
    { "followers.csv", NULL, NULL },
    { "groups.csv", NULL, NULL },
    { "graph.graphml", "me", NULL },
    { "graph.gv", "me", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      CirclesImportReport report;
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;

      CirclesImportOptions options = { .me_key = files[i].me, .owner_key = files[i].owner };
      g_autofree char *path = fixture_path (files[i].file);
      g_autoptr(GError) error = NULL;

      circles_import_file_full (f->store, path, CIRCLES_IMPORT_FORMAT_AUTO, &options,
                                NULL, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      before = dump (f);
      circles_import_file_full (f->store, path, CIRCLES_IMPORT_FORMAT_AUTO, &options,
                                &report, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      after = dump (f);
      g_assert_cmpstr (before, ==, after);
      g_assert_cmpuint (report.people_added, ==, 0);
      g_assert_cmpuint (report.connections_added, ==, 0);
      g_assert_cmpuint (report.follows_added, ==, 0);
      g_assert_cmpuint (report.memberships_added, ==, 0);
    }
}

static void
count_progress (double   fraction,
                gpointer user_data)
{
  double *last = user_data;

  g_assert_cmpfloat (fraction, >=, *last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  *last = fraction;
}

static void
test_progress (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) contents = g_string_new ("Source,Target,Weight\n");
  g_autofree char *path = NULL;
  double last = 0;

  g_string_append (contents, "me,p0,1\n");
  for (guint i = 1; i < 10000; i++)
    g_string_append_printf (contents, "p%u,p%u,%u\n", i - 1, i, i % 7);
  path = circles_test_write_file ("chain.csv", contents->str, contents->len);

  g_assert_true (circles_import_file (f->store, path, CIRCLES_IMPORT_FORMAT_AUTO, "me",
                                      NULL, count_progress, &last, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (last, ==, 1.0);
  assert_counts (f, &(Expected) { .people = 10000, .connections = 10000, .first = 1,
                                  .second = 1, .third = 1, .out_of_network = 9997 });
}

static void
test_cancelled (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = fixture_path ("linkedin-preamble.csv");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  fill (f);
  before = dump (f);
  g_cancellable_cancel (cancellable);
  g_assert_false (circles_import_file (f->store, path, CIRCLES_IMPORT_FORMAT_AUTO, NULL,
                                       NULL, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = dump (f);
  g_assert_cmpstr (before, ==, after);
}

/* Bad input: a message with file, line and column, nothing written. */

static void
test_error_invalid_utf8 (Fixture       *f,
                         gconstpointer  data)
{
  fill (f);
  assert_import_fails (f, "invalid-utf8.csv", CIRCLES_IMPORT_FORMAT_AUTO, "me",
                       CIRCLES_IMPORT_ERROR, CIRCLES_IMPORT_ERROR_INVALID_UTF8,
                       "invalid-utf8.csv:3:5: invalid UTF-8");
}

static void
test_error_unterminated_quote (Fixture       *f,
                               gconstpointer  data)
{
  fill (f);
  assert_import_fails (f, "unterminated-quote.csv", CIRCLES_IMPORT_FORMAT_AUTO, "me",
                       CIRCLES_IMPORT_ERROR, CIRCLES_IMPORT_ERROR_UNTERMINATED_QUOTE,
                       "unterminated-quote.csv:3:1: ");
}

static void
test_error_unknown_header (Fixture       *f,
                           gconstpointer  data)
{
  fill (f);
  assert_import_fails (f, "unknown-header.csv", CIRCLES_IMPORT_FORMAT_AUTO, NULL,
                       CIRCLES_IMPORT_ERROR, CIRCLES_IMPORT_ERROR_UNKNOWN_HEADER,
                       "unknown-header.csv:1: “Foo,Bar”");
  assert_import_fails (f, "unknown-header.csv", CIRCLES_IMPORT_FORMAT_AUTO, NULL,
                       CIRCLES_IMPORT_ERROR, CIRCLES_IMPORT_ERROR_UNKNOWN_HEADER,
                       "Source,Target");
  /* A known header, but not of the format asked for. */
  assert_import_fails (f, "edges.csv", CIRCLES_IMPORT_FORMAT_LINKEDIN, NULL,
                       CIRCLES_IMPORT_ERROR, CIRCLES_IMPORT_ERROR_UNKNOWN_HEADER,
                       "edges.csv:1: ");
  assert_import_fails (f, "groups.csv", CIRCLES_IMPORT_FORMAT_CSV, NULL,
                       CIRCLES_IMPORT_ERROR, CIRCLES_IMPORT_ERROR_UNKNOWN_HEADER,
                       "groups.csv:1: ");
}

static void
test_error_empty (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *dot = circles_test_write_file ("empty.gv", "", 0);
  g_autofree char *xml = circles_test_write_file ("empty.graphml", "\n  \n", -1);
  g_autoptr(GError) error = NULL;

  fill (f);
  assert_import_fails (f, "empty.csv", CIRCLES_IMPORT_FORMAT_AUTO, NULL,
                       CIRCLES_IMPORT_ERROR, CIRCLES_IMPORT_ERROR_EMPTY,
                       "empty.csv: the file is empty");
  assert_import_fails (f, "blank.csv", CIRCLES_IMPORT_FORMAT_AUTO, NULL,
                       CIRCLES_IMPORT_ERROR, CIRCLES_IMPORT_ERROR_EMPTY,
                       "blank.csv: the file is empty");
  g_assert_false (circles_import_file (f->store, dot, CIRCLES_IMPORT_FORMAT_AUTO, NULL,
                                       NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, CIRCLES_IMPORT_ERROR, CIRCLES_IMPORT_ERROR_EMPTY);
  g_clear_error (&error);
  g_assert_false (circles_import_file (f->store, xml, CIRCLES_IMPORT_FORMAT_AUTO, NULL,
                                       NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, CIRCLES_IMPORT_ERROR, CIRCLES_IMPORT_ERROR_EMPTY);
}

static void
test_error_unknown_me (Fixture       *f,
                       gconstpointer  data)
{
  fill (f);
  assert_import_fails (f, "edges-columns.csv", CIRCLES_IMPORT_FORMAT_AUTO, "nobody",
                       CIRCLES_IMPORT_ERROR, CIRCLES_IMPORT_ERROR_UNKNOWN_ME,
                       "“nobody”");
  assert_import_fails (f, "graph.gv", CIRCLES_IMPORT_FORMAT_AUTO, "nobody",
                       CIRCLES_IMPORT_ERROR, CIRCLES_IMPORT_ERROR_UNKNOWN_ME, NULL);
  assert_import_fails (f, "linkedin-no-url.csv", CIRCLES_IMPORT_FORMAT_AUTO, "nobody",
                       CIRCLES_IMPORT_ERROR, CIRCLES_IMPORT_ERROR_UNKNOWN_ME, NULL);
  assert_import_fails (f, "followers.csv", CIRCLES_IMPORT_FORMAT_AUTO, "nobody",
                       CIRCLES_IMPORT_ERROR, CIRCLES_IMPORT_ERROR_UNKNOWN_ME, NULL);
}

static void
test_error_graphml_syntax (Fixture       *f,
                           gconstpointer  data)
{
  fill (f);
  assert_import_fails (f, "bad.graphml", CIRCLES_IMPORT_FORMAT_AUTO, NULL,
                       CIRCLES_IMPORT_ERROR, CIRCLES_IMPORT_ERROR_SYNTAX,
                       "bad.graphml:7:");
  assert_import_fails (f, "not-graphml.xml", CIRCLES_IMPORT_FORMAT_AUTO, NULL,
                       CIRCLES_IMPORT_ERROR, CIRCLES_IMPORT_ERROR_SYNTAX,
                       "not-graphml.xml:2: not a GraphML file");
}

static void
test_error_dot_syntax (Fixture       *f,
                       gconstpointer  data)
{
  fill (f);
  assert_import_fails (f, "bad.gv", CIRCLES_IMPORT_FORMAT_AUTO, NULL,
                       CIRCLES_IMPORT_ERROR, CIRCLES_IMPORT_ERROR_SYNTAX,
                       "bad.gv:4: DOT syntax error near ';'");
  /* cgraph's state is reset between reads: a good file reads again. */
  import_ok (f, "graph.gv", CIRCLES_IMPORT_FORMAT_AUTO, "me", NULL);

  /* And the import left cgraph's one handler in place: what cgraph
   * reports next goes to the holder of the lock (the layout), never to
   * stderr. */
  {
    g_autoptr(GString) messages = g_string_new (NULL);

    circles_graphviz_lock (messages);
    agerr (AGERR, "a message for the layout\n");
    circles_graphviz_unlock ();
    g_assert_nonnull (strstr (messages->str, "a message for the layout"));
  }
}

static void
test_error_bad_rows (Fixture       *f,
                     gconstpointer  data)
{
  fill (f);
  assert_import_fails (f, "edges-missing-target.csv", CIRCLES_IMPORT_FORMAT_AUTO, NULL,
                       CIRCLES_IMPORT_ERROR, CIRCLES_IMPORT_ERROR_BAD_VALUE,
                       "edges-missing-target.csv:4: a row needs a Source and a Target");
  assert_import_fails (f, "edges-bad-weight.csv", CIRCLES_IMPORT_FORMAT_AUTO, NULL,
                       CIRCLES_IMPORT_ERROR, CIRCLES_IMPORT_ERROR_BAD_VALUE,
                       "edges-bad-weight.csv:3: the Weight “heavy”");
  assert_import_fails (f, "linkedin-bad-date.csv", CIRCLES_IMPORT_FORMAT_AUTO, NULL,
                       CIRCLES_IMPORT_ERROR, CIRCLES_IMPORT_ERROR_BAD_VALUE,
                       "linkedin-bad-date.csv:3: “31 Feb 2024”");
  assert_import_fails (f, "no-such-file.csv", CIRCLES_IMPORT_FORMAT_AUTO, NULL,
                       CIRCLES_IMPORT_ERROR, CIRCLES_IMPORT_ERROR_IO,
                       "no-such-file.csv: ");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/reader/basics", test_reader_basics);
  g_test_add_func ("/import/reader/chunks", test_reader_chunks);
  g_test_add_func ("/import/reader/crlf-boundary", test_reader_crlf_boundary);
  g_test_add_func ("/import/reader/mixed", test_reader_mixed);
  g_test_add_func ("/import/reader/errors", test_reader_errors);
  g_test_add_func ("/import/reader/missing-file", test_reader_missing_file);
  g_test_add_func ("/import/linkedin/dates", test_dates);
  g_test_add_func ("/import/linkedin/urls", test_urls);
  g_test_add_func ("/import/format-names", test_format_names);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/import/linkedin/preamble", test_linkedin_preamble);
  ADD ("/import/linkedin/no-url", test_linkedin_no_url);
  ADD ("/import/linkedin/bom-crlf", test_linkedin_bom_crlf);
  ADD ("/import/linkedin/existing-me", test_linkedin_existing_me);
  ADD ("/import/csv/edges", test_edges);
  ADD ("/import/csv/edges-columns", test_edges_columns);
  ADD ("/import/csv/edges-big", test_edges_big);
  ADD ("/import/csv/nodes", test_nodes);
  ADD ("/import/followers", test_followers);
  ADD ("/import/followers/need-me", test_followers_need_me);
  ADD ("/import/groups", test_groups);
  ADD ("/import/graphml", test_graphml);
  ADD ("/import/graphml/yed", test_graphml_yed);
  ADD ("/import/dot", test_dot);
  ADD ("/import/twice", test_twice);
  ADD ("/import/progress", test_progress);
  ADD ("/import/cancelled", test_cancelled);
  ADD ("/import/error/invalid-utf8", test_error_invalid_utf8);
  ADD ("/import/error/unterminated-quote", test_error_unterminated_quote);
  ADD ("/import/error/unknown-header", test_error_unknown_header);
  ADD ("/import/error/empty", test_error_empty);
  ADD ("/import/error/unknown-me", test_error_unknown_me);
  ADD ("/import/error/graphml-syntax", test_error_graphml_syntax);
  ADD ("/import/error/dot-syntax", test_error_dot_syntax);
  ADD ("/import/error/bad-rows", test_error_bad_rows);

#undef ADD

  return g_test_run ();
}
