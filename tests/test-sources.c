/* test-sources.c: where rows came from; taking an import back; edits by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "circles-import.h"
#include "circles-network.h"
#include "circles-store.h"
#include "circles-test-util.h"

#define ME "https://www.linkedin.com/in/me-myself"
#define HEADER "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"

typedef struct
{
  char         *dir;
  char         *db;
  CirclesStore *store;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = circles_test_make_tmpdir ();
  f->db = g_build_filename (f->dir, "network.db", NULL);
  f->store = circles_store_open (f->db, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  g_free (f->db);
  g_free (f->dir);
}

static char *
write_file (Fixture    *f,
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
import_as (Fixture             *f,
           const char          *path,
           const char          *owner,
           CirclesImportReport *report)
{
  g_autoptr(GError) error = NULL;
  CirclesImportOptions options = { .me_key = owner != NULL ? ME : NULL, .owner_key = owner };

  g_assert_true (circles_import_file_full (f->store, path, CIRCLES_IMPORT_FORMAT_AUTO, &options,
                                           report, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* Everything the database holds, by keys (ids differ from one database
 * to another), one line each, sorted. */
static char *
dump (const char *db_path)
{
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
    "SELECT 'person ' || key || ' ' || coalesce (display_name, '') FROM people"
    " UNION ALL SELECT 'connection ' || min (pa.key, pb.key) || ' ' || max (pa.key, pb.key)"
    "  || ' ' || coalesce (c.rating, '') FROM connections c"
    "  JOIN people pa ON pa.id = c.a JOIN people pb ON pb.id = c.b"
    " UNION ALL SELECT 'follow ' || p1.key || ' > ' || p2.key FROM follows f"
    "  JOIN people p1 ON p1.id = f.follower JOIN people p2 ON p2.id = f.followed"
    " UNION ALL SELECT 'member ' || g.name || ' ' || p.key FROM memberships m"
    "  JOIN member_groups g ON g.id = m.group_id JOIN people p ON p.id = m.person"
    " UNION ALL SELECT 'group ' || name FROM member_groups"
    " UNION ALL SELECT 'reason ' || p.key || ' ' || r.flags FROM reasons r JOIN people p ON p.id = r.person"
    " UNION ALL SELECT 'me ' || p.key FROM settings s JOIN people p ON p.id = s.value WHERE s.name = 'me'"
    " ORDER BY 1", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (out, "%s\n", (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_same (const char *a,
             const char *b)
{
  if (g_strcmp0 (a, b) != 0)
    {
      g_test_message ("expected:\n%s\ngot:\n%s", a, b);
      g_assert_cmpstr (a, ==, b);
    }
}

typedef struct
{
  guint  n;
  gint64 ids[16];
  char  *formats[16];
  char  *owners[16];
  gint64 people[16];
  gint64 connections[16];
} Sources;

static void
collect_source (const CirclesSourceRow *row,
                gpointer                user_data)
{
  Sources *s = user_data;

  g_assert_cmpuint (s->n, <, G_N_ELEMENTS (s->ids));
  s->ids[s->n] = row->id;
  s->formats[s->n] = g_strdup (row->format);
  s->owners[s->n] = g_strdup (row->owner_key);
  s->people[s->n] = row->people;
  s->connections[s->n] = row->connections;
  s->n++;
}

static void
sources_clear (Sources *s)
{
  for (guint i = 0; i < s->n; i++)
    {
      g_free (s->formats[i]);
      g_free (s->owners[i]);
    }
  memset (s, 0, sizeof *s);
}

static void
list_sources (Fixture *f,
              Sources *s)
{
  g_autoptr(GError) error = NULL;

  sources_clear (s);
  g_assert_true (circles_store_foreach_source (f->store, collect_source, s, &error));
  g_assert_no_error (error);
}

/* My 60 connections; a colleague's 50, 10 of them mine, and me. */
static void
write_networks (Fixture  *f,
                char    **mine,
                char    **theirs,
                char    **theirs_later)
{
  g_autoptr(GString) m = g_string_new (HEADER);
  g_autoptr(GString) t = g_string_new (HEADER "Me,Myself," ME ",,Acme,Boss,1 Jan 2020\n");
  g_autoptr(GString) l = g_string_new (HEADER "Me,Myself," ME ",,Acme,Boss,1 Jan 2020\n");

  for (guint i = 0; i < 60; i++)
    g_string_append_printf (m, "Péo%u,Martin,https://www.linkedin.com/in/p%u,,Acme,Role,1 Jan 2024\n", i, i);
  for (guint i = 0; i < 10; i++)
    g_string_append_printf (t, "Péo%u,Martin,https://www.linkedin.com/in/p%u,,Acme,Role,1 Jan 2024\n", i, i);
  for (guint i = 0; i < 39; i++)
    g_string_append_printf (t, "Qi%u,Zhang,https://www.linkedin.com/in/q%u,,Beta,Role,3 Jan 2024\n", i, i);
  /* Later: 5 of mine and 20 of theirs are no longer connected to them;
   * 3 are new. */
  for (guint i = 5; i < 10; i++)
    g_string_append_printf (l, "Péo%u,Martin,https://www.linkedin.com/in/p%u,,Acme,Role,1 Jan 2024\n", i, i);
  for (guint i = 0; i < 19; i++)
    g_string_append_printf (l, "Qi%u,Zhang,https://www.linkedin.com/in/q%u,,Beta,Role,3 Jan 2024\n", i, i);
  for (guint i = 0; i < 3; i++)
    g_string_append_printf (l, "Rahul%u,Sharma,https://www.linkedin.com/in/r%u,,Gamma,Role,3 Jan 2025\n", i, i);

  *mine = write_file (f, "Connections.csv", m->str);
  *theirs = write_file (f, "theirs.csv", t->str);
  if (theirs_later != NULL)
    *theirs_later = write_file (f, "theirs-later.csv", l->str);
}

static const CirclesCounts *
load_counts (Fixture         *f,
             CirclesNetwork **network)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (network, circles_network_unref);
  *network = circles_network_load (f->store, NULL, &error);
  g_assert_no_error (error);
  return circles_network_get_counts (*network);
}

/* A colleague's network comes in as theirs and goes out again exactly. */
static void
test_forget_colleague (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *mine = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(CirclesNetwork) network = NULL;
  g_autoptr(GError) error = NULL;
  CirclesImportReport report;
  const CirclesCounts *counts;
  CirclesCounts first_counts;

  Sources s = { 0 };

  write_networks (f, &mine, &theirs, NULL);
  import_as (f, mine, NULL, &report);
  g_assert_cmpint (report.source, >, 0);
  first_counts = *load_counts (f, &network);
  g_assert_cmpuint (first_counts.first, ==, 60);
  /* A rating on a connection the colleague's export also has. */
  g_assert_true (circles_store_set_rating (f->store, circles_store_lookup_person (f->store, "https://www.linkedin.com/in/p3"),
                                           circles_store_get_me (f->store), 4, &error));
  g_assert_no_error (error);

  import_as (f, theirs, "https://www.linkedin.com/in/p0", &report);
  counts = load_counts (f, &network);
  g_assert_cmpuint (counts->first, ==, 60);
  g_assert_cmpuint (counts->second, ==, 39);
  g_assert_cmpstr (circles_network_get_key (network, circles_network_get_me (network)), ==, ME);

  list_sources (f, &s);
  g_assert_cmpuint (s.n, ==, 2);
  g_assert_cmpstr (s.formats[0], ==, "linkedin");
  g_assert_cmpstr (s.owners[0], ==, ME);  /* re-keyed by --me */
  g_assert_cmpint (s.people[0], ==, 61);
  g_assert_cmpint (s.connections[0], ==, 60);
  g_assert_cmpstr (s.owners[1], ==, "https://www.linkedin.com/in/p0");
  /* 39 new, P1 to P9 (P0's own row is skipped), P0 and me. */
  g_assert_cmpint (s.people[1], ==, 50);
  g_assert_cmpint (s.connections[1], ==, 49);
  g_assert_cmpint (s.ids[1], ==, report.source);

  g_assert_true (circles_store_forget_source (f->store, s.ids[1], NULL, &error));
  g_assert_no_error (error);
  counts = load_counts (f, &network);
  g_assert_cmpmem (counts, sizeof *counts, &first_counts, sizeof first_counts);
  g_assert_cmpint (circles_store_get_rating (f->store, circles_store_lookup_person (f->store, "https://www.linkedin.com/in/p3"),
                                             circles_store_get_me (f->store), NULL), ==, 4);
  g_assert_cmpint (circles_store_count_people (f->store), ==, 61);
  g_assert_cmpint (circles_store_count_connections (f->store), ==, 60);
  list_sources (f, &s);
  g_assert_cmpuint (s.n, ==, 2 - 1);
  sources_clear (&s);

  /* Me keeps the key the colleague's import taught: from here, a
   * forget gives back exactly what was, rows and ratings. */
  before = dump (f->db);

  /* Forgotten: no longer "imported already". */
  import_as (f, theirs, "https://www.linkedin.com/in/p0", &report);
  g_assert_cmpint (report.same_as, ==, 0);
  g_assert_cmpuint (report.people_added, ==, 39);
  g_assert_true (circles_store_forget_source (f->store, report.source, NULL, &error));
  g_assert_no_error (error);
  after = dump (f->db);
  assert_same (before, after);
}

/* Property: importing sources, then forgetting one, leaves exactly what
 * importing all the others would have. Random edge lists, followers and
 * groups over a shared set of keys. */
static char *
random_file (Fixture    *f,
             GRand      *rand,
             guint       index)
{
  g_autoptr(GString) s = NULL;
  g_autofree char *name = NULL;
  guint kind = index == 0 ? 0 : g_rand_int_range (rand, 0, 3);
  guint rows = g_rand_int_range (rand, 1, 40);

  if (kind == 0)
    {
      s = g_string_new ("Source,Target\n");
      if (index == 0)
        g_string_append (s, "me,k0\n");
      for (guint i = 0; i < rows; i++)
        {
          guint a = g_rand_int_range (rand, 0, 30), b = g_rand_int_range (rand, 0, 30);

          if (a != b)
            g_string_append_printf (s, "k%u,k%u\n", a, b);
          if (g_rand_boolean (rand))
            g_string_append_printf (s, "me,k%u\n", a);
        }
    }
  else if (kind == 1)
    {
      s = g_string_new ("Follower,Name\n");
      for (guint i = 0; i < rows; i++)
        g_string_append_printf (s, "k%u,Name %u\n", g_rand_int_range (rand, 0, 40), index);
    }
  else
    {
      s = g_string_new ("Group,Member,Name\n");
      for (guint i = 0; i < rows; i++)
        g_string_append_printf (s, "G%u,k%u,\n", g_rand_int_range (rand, 0, 3), g_rand_int_range (rand, 0, 40));
    }
  name = g_strdup_printf ("random-%u.csv", index);
  return write_file (f, name, s->str);
}

static void
import_plain (CirclesStore *store,
              const char   *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (circles_import_file (store, path, CIRCLES_IMPORT_FORMAT_AUTO, "me",
                                      NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_forget_property (Fixture       *f,
                      gconstpointer  data)
{
  for (guint round = 0; round < 30; round++)
    {
      g_autoptr(GRand) rand = g_rand_new_with_seed (round);
      guint n = g_rand_int_range (rand, 2, 6);
      guint forgotten = g_rand_int_range (rand, 1, n);
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *all_path = g_strdup_printf ("%s/all-%u.db", f->dir, round);
      g_autofree char *some_path = g_strdup_printf ("%s/some-%u.db", f->dir, round);
      g_autoptr(CirclesStore) all = circles_store_open (all_path, NULL);
      g_autoptr(CirclesStore) some = circles_store_open (some_path, NULL);
      g_autofree char *expected = NULL;
      g_autofree char *got = NULL;
      g_autofree char *restored = NULL;
      g_autofree char *before = NULL;
      g_autoptr(GBytes) undo = NULL;
      g_autoptr(GError) error = NULL;
      gint64 source = 0;

      for (guint i = 0; i < n; i++)
        g_ptr_array_add (files, random_file (f, rand, i));

      for (guint i = 0; i < n; i++)
        {
          import_plain (all, files->pdata[i]);
          if (i == forgotten)
            source = circles_store_get_generation (all);  /* any > 0 */
          if (i != forgotten)
            import_plain (some, files->pdata[i]);
        }
      before = dump (all_path);

      /* The forgotten import is the (forgotten + 1)th source. */
      {
        Sources s = { 0 };

        list_sources (&(Fixture) { .store = all }, &s);
        g_assert_cmpuint (s.n, ==, n);
        source = s.ids[forgotten];
        sources_clear (&s);
      }
      g_assert_true (circles_store_forget_source (all, source, &undo, &error));
      g_assert_no_error (error);
      expected = dump (some_path);
      got = dump (all_path);
      g_test_message ("round %u: %u files, forgot #%u", round, n, forgotten);
      assert_same (expected, got);

      /* Undone, all is back. */
      g_assert_true (circles_store_undo (all, undo, circles_store_get_generation (all), &error));
      g_assert_no_error (error);
      restored = dump (all_path);
      assert_same (before, restored);
    }
}

/* The same file twice adds nothing, and says so. */
static void
test_same_file_twice (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *mine = NULL;
  g_autofree char *theirs = NULL;
  CirclesImportReport report;
  gint64 generation;

  write_networks (f, &mine, &theirs, NULL);
  import_as (f, mine, NULL, &report);
  g_assert_cmpint (report.same_as, ==, 0);
  generation = circles_store_get_generation (f->store);

  import_as (f, mine, NULL, &report);
  g_assert_cmpint (report.same_as, >, 0);
  g_assert_cmpuint (strlen (report.same_imported), ==, strlen ("2026-12-05T19:10:00Z"));
  g_assert_cmpuint (report.people_added, ==, 0);
  g_assert_cmpint (circles_store_get_generation (f->store), ==, generation);

  /* As someone else's export, it means something else. */
  import_as (f, theirs, "https://www.linkedin.com/in/p0", &report);
  import_as (f, theirs, "https://www.linkedin.com/in/p0", &report);
  g_assert_cmpint (report.same_as, >, 0);
  import_as (f, theirs, "https://www.linkedin.com/in/p1", &report);
  g_assert_cmpint (report.same_as, ==, 0);
}

/* A newer export of the same owner replaces the older one: who is no
 * longer connected to them is no longer linked; ratings stay. */
static void
test_newer_export_replaces (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *mine = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *later = NULL;
  g_autoptr(CirclesNetwork) network = NULL;
  g_autoptr(GError) error = NULL;
  const CirclesCounts *counts;
  CirclesImportReport report;
  gint64 p0, q0, q30;
  Sources s = { 0 };

  write_networks (f, &mine, &theirs, &later);
  import_as (f, mine, NULL, NULL);
  import_as (f, theirs, "https://www.linkedin.com/in/p0", NULL);
  p0 = circles_store_lookup_person (f->store, "https://www.linkedin.com/in/p0");
  q0 = circles_store_lookup_person (f->store, "https://www.linkedin.com/in/q0");
  q30 = circles_store_lookup_person (f->store, "https://www.linkedin.com/in/q30");
  g_assert_true (circles_store_set_rating (f->store, p0, q0, 5, &error));
  g_assert_no_error (error);

  import_as (f, later, "https://www.linkedin.com/in/p0", &report);
  counts = load_counts (f, &network);
  g_assert_cmpuint (counts->first, ==, 60);
  g_assert_cmpuint (counts->second, ==, 19 + 3);
  /* Q30 was theirs only, and is gone; P1 is mine still, but no longer
   * linked to P0. */
  g_assert_cmpint (circles_store_lookup_person (f->store, "https://www.linkedin.com/in/q30"), <, 0);
  g_assert_cmpint (circles_store_get_rating (f->store, circles_store_lookup_person (f->store, "https://www.linkedin.com/in/p1"),
                                             p0, NULL), <, 0);
  g_assert_cmpint (circles_store_get_rating (f->store, p0, q0, &error), ==, 5);
  g_assert_cmpint (circles_store_get_rating (f->store, p0, circles_store_get_me (f->store), NULL), ==, 0);
  (void) q30;

  /* The older export held nothing more: it is gone from the list. */
  list_sources (f, &s);
  g_assert_cmpuint (s.n, ==, 2);
  g_assert_cmpint (s.ids[1], ==, report.source);
  sources_clear (&s);

  /* Forgetting the newer one takes the colleague's network away. */
  g_assert_true (circles_store_forget_source (f->store, report.source, NULL, &error));
  counts = load_counts (f, &network);
  g_assert_cmpuint (counts->first, ==, 60);
  g_assert_cmpuint (counts->second, ==, 0);
}

/* Edits by hand: a source of their own, undone one by one. */
static void
test_hand_edits (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *mine = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *start = NULL;
  g_autofree char *linked = NULL;
  g_autoptr(GBytes) undo_person = NULL;
  g_autoptr(GBytes) undo_link = NULL;
  g_autoptr(GBytes) undo_unlink = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CirclesNetwork) network = NULL;
  CirclesPersonFields fields = { .display_name = "Nadia Benali", .company = "Prospect SA" };
  gint64 nadia, p3, p4, generation;
  Sources s = { 0 };

  write_networks (f, &mine, &theirs, NULL);
  import_as (f, mine, NULL, NULL);
  start = dump (f->db);
  p3 = circles_store_lookup_person (f->store, "https://www.linkedin.com/in/p3");
  p4 = circles_store_lookup_person (f->store, "https://www.linkedin.com/in/p4");

  nadia = circles_store_add_person (f->store, "nadia", &fields, 0, &undo_person, &error);
  g_assert_no_error (error);
  g_assert_cmpint (nadia, >, 0);
  g_assert_cmpint (circles_store_add_person (f->store, "nadia", &fields, 0, NULL, &error), <, 0);
  g_assert_error (error, CIRCLES_STORE_ERROR, CIRCLES_STORE_ERROR_EXISTS);
  g_clear_error (&error);

  g_assert_true (circles_store_link (f->store, p3, nadia, &undo_link, &error));
  g_assert_no_error (error);
  load_counts (f, &network);
  g_assert_cmpuint (circles_network_get_counts (network)->second, ==, 1);
  linked = dump (f->db);

  /* Unlinking an imported connection, then undoing it, keeps its rating. */
  g_assert_true (circles_store_set_rating (f->store, p4, circles_store_get_me (f->store), 2, &error));
  g_assert_true (circles_store_unlink (f->store, p4, circles_store_get_me (f->store), &undo_unlink, &error));
  g_assert_no_error (error);
  g_assert_cmpint (circles_store_get_rating (f->store, p4, circles_store_get_me (f->store), NULL), <, 0);
  g_assert_false (circles_store_unlink (f->store, p4, circles_store_get_me (f->store), NULL, &error));
  g_assert_error (error, CIRCLES_STORE_ERROR, CIRCLES_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (circles_store_undo (f->store, undo_unlink, circles_store_get_generation (f->store), &error));
  g_assert_no_error (error);
  g_assert_cmpint (circles_store_get_rating (f->store, p4, circles_store_get_me (f->store), NULL), ==, 2);

  /* An undo of a state that is gone is refused. */
  generation = circles_store_get_generation (f->store);
  g_assert_false (circles_store_undo (f->store, undo_link, generation - 1, &error));
  g_assert_error (error, CIRCLES_STORE_ERROR, CIRCLES_STORE_ERROR_CHANGED);
  g_clear_error (&error);

  list_sources (f, &s);
  g_assert_cmpuint (s.n, ==, 2);
  g_assert_cmpstr (s.formats[1], ==, "hand");
  g_assert_cmpint (s.people[1], ==, 2);  /* Nadia, and P3 linked to her */
  g_assert_cmpint (s.connections[1], ==, 1);

  /* A new person connected at once, undone at once. */
  {
    g_autoptr(GBytes) undo_new = NULL;
    CirclesPersonFields more = { .display_name = "Omar Haddad" };
    gint64 omar;

    g_autoptr(GBytes) undo_p3_p4 = NULL;

    g_assert_true (circles_store_link (f->store, p3, p4, &undo_p3_p4, &error));
    omar = circles_store_add_person (f->store, "omar", &more, p3, &undo_new, &error);

    g_assert_no_error (error);
    g_assert_cmpint (omar, >, 0);
    g_assert_true (circles_store_undo (f->store, undo_new, circles_store_get_generation (f->store), &error));
    g_assert_no_error (error);
    g_assert_cmpint (circles_store_lookup_person (f->store, "omar"), <, 0);
    g_assert_true (circles_store_undo (f->store, undo_p3_p4, circles_store_get_generation (f->store), &error));
    g_assert_no_error (error);
  }

  /* Forgetting the edits by hand takes Nadia and her link away. */
  g_assert_true (circles_store_forget_source (f->store, s.ids[1], NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (circles_store_lookup_person (f->store, "nadia"), <, 0);
  g_assert_cmpint (circles_store_get_rating (f->store, p4, circles_store_get_me (f->store), NULL), ==, 2);
  sources_clear (&s);
  (void) start;
  (void) linked;
}

/* A person the import touches but did not bring survives the forget of
 * the import that did bring them, held by the other. */
static void
test_shared_people (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *mine = NULL;
  g_autofree char *theirs = NULL;
  g_autoptr(CirclesNetwork) network = NULL;
  g_autoptr(GError) error = NULL;
  const CirclesCounts *counts;
  Sources s = { 0 };

  write_networks (f, &mine, &theirs, NULL);
  import_as (f, mine, NULL, NULL);
  import_as (f, theirs, "https://www.linkedin.com/in/p0", NULL);
  list_sources (f, &s);

  /* Forget my own export: P0's network stays, me among it. */
  g_assert_true (circles_store_forget_source (f->store, s.ids[0], NULL, &error));
  g_assert_no_error (error);
  sources_clear (&s);
  g_assert_cmpint (circles_store_lookup_person (f->store, "https://www.linkedin.com/in/p0"), >, 0);
  g_assert_cmpint (circles_store_lookup_person (f->store, "https://www.linkedin.com/in/p5"), >, 0);
  g_assert_cmpint (circles_store_lookup_person (f->store, "https://www.linkedin.com/in/p50"), <, 0);
  counts = load_counts (f, &network);
  /* I am P0's connection in their export: my only one now. */
  g_assert_cmpuint (counts->first, ==, 1);
  g_assert_cmpuint (counts->second, ==, 48);  /* P1 to P9 and the 39 */

  /* No such import. */
  g_assert_false (circles_store_forget_source (f->store, 99, NULL, &error));
  g_assert_error (error, CIRCLES_STORE_ERROR, CIRCLES_STORE_ERROR_NOT_FOUND);
}

/* Undone in turn, the last first, back to before the first edit. */
static void
test_undo_in_turn (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *mine = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autoptr(GBytes) undo_link = NULL;
  g_autoptr(GBytes) undo_add = NULL;
  g_autoptr(GError) error = NULL;
  CirclesPersonFields fields = { .display_name = "Omar Haddad" };
  gint64 p3, p4;

  write_networks (f, &mine, &theirs, NULL);
  import_as (f, mine, NULL, NULL);
  start = dump (f->db);
  p3 = circles_store_lookup_person (f->store, "https://www.linkedin.com/in/p3");
  p4 = circles_store_lookup_person (f->store, "https://www.linkedin.com/in/p4");
  g_assert_true (circles_store_link (f->store, p3, p4, &undo_link, &error));
  g_assert_cmpint (circles_store_add_person (f->store, "omar", &fields, p4, &undo_add, &error), >, 0);
  g_assert_true (circles_store_undo (f->store, undo_add, circles_store_get_generation (f->store), &error));
  g_assert_no_error (error);
  g_assert_true (circles_store_undo (f->store, undo_link, circles_store_get_generation (f->store), &error));
  g_assert_no_error (error);
  end = dump (f->db);
  assert_same (start, end);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/sources/forget-colleague", test_forget_colleague);
  ADD ("/sources/forget-property", test_forget_property);
  ADD ("/sources/same-file-twice", test_same_file_twice);
  ADD ("/sources/newer-export-replaces", test_newer_export_replaces);
  ADD ("/sources/hand-edits", test_hand_edits);
  ADD ("/sources/shared-people", test_shared_people);
  ADD ("/sources/undo-in-turn", test_undo_in_turn);
#undef ADD

  return g_test_run ();
}
