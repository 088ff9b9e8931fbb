/* test-hostile.c: hostile content end to end, and files that are not
 * databases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Names and fields with markup, quotes, control characters, bidi
 * overrides, 100 kB strings and profile URLs of every scheme go through
 * "circles import" (invalid UTF-8 is refused with a message naming the
 * file and line, the database left as it was), then are shown in the
 * window (person pane, people panel, canvas tooltip) under
 * G_DEBUG=fatal-warnings, and exported to SVG by the command and by the
 * window: the SVG must be inert (no script, no event handler, no
 * foreign object, no entity) and its only links http(s). The person
 * pane offers a profile link for http(s) URLs only.
 *
 * A truncated database, a random file and a database of a newer schema
 * open on the error page, untouched, with a way to open another one.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <sqlite3.h>
#include <string.h>

#include "circles-canvas.h"
#include "circles-person-pane.h"
#include "circles-session.h"
#include "circles-store.h"
#include "circles-test-ui.h"
#include "circles-test-util.h"
#include "circles-window.h"
#include "robust-util.h"

#define WAIT_TIMEOUT_SECONDS 120
#define LONG_SIZE (100 * 1024)

static const char * const hostile_files[] = {
  "robustness/hostile-connections.csv",  /* LinkedIn: makes me */
  "robustness/hostile.gv",
  "robustness/hostile.graphml",
};

static const char * const invalid_files[] = {
  "robustness/invalid-utf8.csv",
  "robustness/invalid-utf8-connections.csv",
  "robustness/invalid-utf8.gv",
  "robustness/invalid-utf8.graphml",
  "robustness/nul-byte.csv",
};

/* ------------------------------------------------------------------ */
/* Helpers                                                             */

static gboolean
timeout_cb (gpointer user_data)
{
  g_error ("Timed out waiting for %s", (const char *) user_data);
  return G_SOURCE_REMOVE;
}

/* A button of @widget's tree whose action is @action_name. */
static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action_name)
{
  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action_name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static CirclesWindow *
open_window (CirclesSession *session)
{
  CirclesWindow *window = circles_window_new (NULL, session);

  g_object_ref (window);
  gtk_window_present (GTK_WINDOW (window));
  circles_test_wait_for_session (session);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  return window;
}

static void
close_window (CirclesWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  circles_test_finalize (window);
}

static gboolean
is_web_url (const char *url)
{
  return url != NULL &&
         (g_ascii_strncasecmp (url, "http://", 7) == 0 ||
          g_ascii_strncasecmp (url, "https://", 8) == 0);
}

/* ------------------------------------------------------------------ */
/* An inert SVG                                                        */

typedef struct
{
  guint n_elements;
  guint n_links;
} SvgCheck;

static void
check_svg_node (xmlNode  *node,
                SvgCheck *check)
{
  static const char * const forbidden[] = {
    "script", "foreignObject", "iframe", "object", "embed", "handler",
    "listener", "set", "animate", "animateMotion", "animateTransform",
  };

  for (; node != NULL; node = node->next)
    {
      switch (node->type)
        {
        case XML_ELEMENT_NODE:
          check->n_elements++;
          for (guint i = 0; i < G_N_ELEMENTS (forbidden); i++)
            g_assert_cmpstr ((const char *) node->name, !=, forbidden[i]);
          for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
            {
              g_autofree char *value = (char *) xmlNodeGetContent ((xmlNode *) attr);
              const char *name = (const char *) attr->name;

              g_assert_false (g_ascii_strncasecmp (name, "on", 2) == 0);
              if (g_str_equal (name, "href") && value != NULL && value[0] == '#')
                {
                  /* A reference within the document. */
                  g_assert_null (strpbrk (value, " \t\n\"'<>():"));
                }
              else if (g_str_equal (name, "href"))
                {
                  /* Only http(s), with nothing that could break out. */
                  g_assert_true (is_web_url (value));
                  g_assert_null (strpbrk (value, " \t\n\"'<>"));
                  check->n_links++;
                }
              /* Attributes that a viewer follows or applies; data-*
               * and the like are inert text. */
              if (value != NULL &&
                  (g_str_equal (name, "href") || g_str_equal (name, "src") ||
                   g_str_equal (name, "style") || g_str_equal (name, "fill") ||
                   g_str_equal (name, "stroke") || g_str_equal (name, "filter") ||
                   g_str_equal (name, "mask") || g_str_equal (name, "clip-path")))
                {
                  g_autofree char *lower = g_ascii_strdown (value, -1);

                  g_assert_null (strstr (lower, "javascript:"));
                  g_assert_null (strstr (lower, "vbscript:"));
                  if (!g_str_equal (name, "href"))
                    g_assert_null (strstr (lower, "url(data:"));
                }
            }
          check_svg_node (node->children, check);
          break;

        case XML_TEXT_NODE:
        case XML_CDATA_SECTION_NODE:
        case XML_COMMENT_NODE:
          break;

        default:
          /* No processing instruction, no entity reference. */
          g_error ("unexpected node of type %d in the SVG", node->type);
        }
    }
}

static void
assert_svg_inert (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  SvgCheck check = { 0 };
  xmlDoc *doc;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_true (g_utf8_validate (contents, length, NULL));
  g_assert_null (strstr (contents, "<!DOCTYPE"));
  g_assert_null (strstr (contents, "<!ENTITY"));

  doc = xmlReadMemory (contents, (int) length, path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR);
  g_assert_nonnull (doc);
  g_assert_null (doc->intSubset);
  check_svg_node (xmlDocGetRootElement (doc), &check);
  xmlFreeDoc (doc);

  g_test_message ("%s: %u elements, %u links, all http(s)", path, check.n_elements, check.n_links);
  g_assert_cmpuint (check.n_elements, >, 10);
}

/* ------------------------------------------------------------------ */
/* The hostile database                                                */

/* A LinkedIn export with 100 kB fields. */
static char *
write_long_connections (const char *dir)
{
  g_autofree char *long_text = g_malloc (LONG_SIZE + 1);
  g_autoptr(GString) text = g_string_new ("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n");
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "long-connections.csv", NULL);

  memset (long_text, 'W', LONG_SIZE);
  long_text[LONG_SIZE] = '\0';
  g_string_append_printf (text, "%s,Long,https://www.linkedin.com/in/long,,%s,%s,1 Jan 2024\n",
                          long_text, long_text, long_text);
  /* A 100 kB URL, and 100 kB of markup and bidi overrides. */
  g_string_append_printf (text, "Url,Long,https://www.linkedin.com/in/%s,,Co,Pos,1 Jan 2024\n",
                          long_text);
  g_string_append (text, "\"");
  for (guint i = 0; i < LONG_SIZE / 16; i++)
    g_string_append (text, "<b>\xe2\x80\xae&amp;\"\"</b>");
  g_string_append (text, "\",Markup,https://www.linkedin.com/in/long-markup,,Co,Pos,1 Jan 2024\n");

  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);
  return path;
}

/* Imports the hostile files with the command; refuses the invalid ones. */
static char *
make_hostile_database (const char *dir)
{
  char *db = g_build_filename (dir, "hostile.db", NULL);
  g_autofree char *long_file = write_long_connections (dir);
  g_autofree char *before = NULL;
  g_autofree char *integrity = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (hostile_files); i++)
    {
      g_autofree char *path = circles_test_fixture (hostile_files[i]);
      g_autofree char *err = NULL;
      int status;

      if (i == 0)
        status = circles_test_run_cli (db, NULL, &err, "import", path, NULL);
      else
        status = circles_test_run_cli (db, NULL, &err, "import", path, "--me", "me", NULL);
      if (status != 0)
        g_error ("import %s: exit %d: %s", path, status, err);
    }
  /* Mine too, though it shares nobody with the first. */
  g_assert_cmpint (circles_test_run_cli (db, NULL, NULL, "import", long_file, "--owner", "me", NULL), ==, 0);

  before = robust_db_digest (db, &integrity);
  g_assert_cmpstr (integrity, ==, "ok");

  for (guint i = 0; i < G_N_ELEMENTS (invalid_files); i++)
    {
      g_autofree char *path = circles_test_fixture (invalid_files[i]);
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *err = NULL;
      g_autofree char *after = NULL;
      g_autofree char *check = NULL;
      g_autofree char *where = NULL;

      g_assert_cmpint (circles_test_run_cli (db, NULL, &err, "import", path, "--me", "me", NULL), ==, 2);
      g_test_message ("%s refused: %s", base, err);
      /* "FILE:LINE:…" */
      where = g_strconcat (base, ":", NULL);
      g_assert_nonnull (strstr (err, where));
      g_assert_true (g_ascii_isdigit (strstr (err, where)[strlen (where)]));
      after = robust_db_digest (db, &check);
      g_assert_cmpstr (check, ==, "ok");
      g_assert_cmpstr (after, ==, before);
    }

  return db;
}

static void
test_hostile_cli (void)
{
  g_autofree char *dir = circles_test_make_tmpdir ();
  g_autofree char *db = make_hostile_database (dir);
  static const char * const outputs[] = { "out.svg", "out.png", "out.pdf" };

  for (guint i = 0; i < G_N_ELEMENTS (outputs); i++)
    {
      g_autofree char *path = g_build_filename (dir, outputs[i], NULL);
      g_autofree char *err = NULL;

      g_assert_cmpint (circles_test_run_cli (db, NULL, &err, "export", path, NULL), ==, 0);
      g_assert_cmpint (robust_file_size (path), >, 0);
    }

  {
    g_autofree char *svg = g_build_filename (dir, "out.svg", NULL);
    g_autofree char *focus = g_build_filename (dir, "focus.svg", NULL);

    assert_svg_inert (svg);
    /* The paths diagram of a hostile person. */
    g_assert_cmpint (circles_test_run_cli (db, NULL, NULL, "export", focus, "--focus",
                                     "<script>alert(1)</script>", NULL), ==, 0);
    assert_svg_inert (focus);
  }
}

/* Everyone in the window: selected (person pane, canvas), in a tooltip. */
static void
show_everyone (CirclesWindow *window)
{
  CirclesSession *session = circles_window_get_session (window);
  CirclesNetwork *network = circles_session_get_network (session);
  GtkWidget *pane, *link, *canvas;
  guint n = circles_network_get_n_people (network);
  guint n_links = 0;

  g_assert_nonnull (network);
  pane = circles_test_find_of_type (GTK_WIDGET (window), CIRCLES_TYPE_PERSON_PANE);
  g_assert_nonnull (pane);
  link = circles_test_find_of_type (pane, GTK_TYPE_LINK_BUTTON);
  g_assert_nonnull (link);
  canvas = circles_test_find_of_type (GTK_WIDGET (window), CIRCLES_TYPE_CANVAS);
  g_assert_nonnull (canvas);

  for (guint person = 0; person < n; person++)
    {
      const char *key = circles_network_get_key (network, person);
      const char *url = circles_network_get_profile_url (network, person);
      g_autoptr(GtkTooltip) tooltip = g_object_new (GTK_TYPE_TOOLTIP, NULL);
      gboolean shown = FALSE;

      /* A key that is not UTF-8 (written by another program) cannot
       * go through the action's string parameter. */
      if (g_utf8_validate (key, -1, NULL))
        g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.select-person", "s", key));
      else
        circles_session_select (session, person);
      g_assert_cmpuint (circles_session_get_selected (session), ==, person);
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);

      /* A link only to a web page. */
      if (gtk_widget_get_visible (link))
        {
          const char *uri = gtk_link_button_get_uri (GTK_LINK_BUTTON (link));

          g_assert_true (is_web_url (uri));
          g_assert_cmpstr (uri, ==, url);
          n_links++;
        }
      else
        g_assert_false (is_web_url (url) && g_uri_is_valid (url, G_URI_FLAGS_NONE, NULL));

      /* The canvas' tooltip of the selected person (keyboard mode). */
      g_signal_emit_by_name (canvas, "query-tooltip", 0, 0, TRUE, tooltip, &shown);
      g_assert_true (shown);

      if (person % 8 == 0)
        gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
    }
  g_test_message ("%u people shown, %u with a profile link", n, n_links);
}

static void
export_from_window (CirclesWindow *window,
                    const char    *path)
{
  guint id = g_timeout_add_seconds (WAIT_TIMEOUT_SECONDS, timeout_cb, (gpointer) "the export");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-to", "s", path));
  /* Done when the file is there and no longer grows. */
  while (robust_file_size (path) <= 0)
    g_main_context_iteration (NULL, TRUE);
  for (gint64 size = -1; size != robust_file_size (path); )
    {
      size = robust_file_size (path);
      g_usleep (50000);
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
    }
  g_source_remove (id);
}

static void
test_hostile_window (void)
{
  g_autofree char *dir = circles_test_make_tmpdir ();
  g_autofree char *db = make_hostile_database (dir);
  g_autofree char *svg = g_build_filename (dir, "window.svg", NULL);
  g_autoptr(CirclesSession) session = circles_session_new (db);
  CirclesWindow *window = open_window (session);
  GtkWidget *entry;

  g_assert_cmpint (circles_session_get_state (session), ==, CIRCLES_SESSION_STATE_READY);
  show_everyone (window);

  /* Hostile searches. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.search", NULL));
  entry = circles_test_find_named (GTK_WIDGET (window), "search-entry");
  g_assert_nonnull (entry);
  {
    static const char * const searches[] = {
      "<script>", "<b>", "&amp;", "\"", "\xe2\x80\xae", "%s%n", "\x07", "WWWWWWWW", "javascript:",
    };

    for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
      {
        gtk_editable_set_text (GTK_EDITABLE (entry), searches[i]);
        g_signal_emit_by_name (entry, "search-changed");
        gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
      }
  }

  export_from_window (window, svg);
  assert_svg_inert (svg);

  close_window (window);
}

/* Another program wrote what no importer lets in: invalid UTF-8,
 * control characters, NUL-free but hostile keys. */
static void
test_hostile_foreign_texts (void)
{
  g_autofree char *dir = circles_test_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "foreign.db", NULL);
  g_autofree char *svg = g_build_filename (dir, "foreign.svg", NULL);
  static const char * const texts[] = {
    "Bad \xff\xfe UTF-8", "Overlong \xc0\xaf", "Surrogate \xed\xa0\x80", "Cut \xe2\x80",
    "<b>markup", "\x1b[31mred", "\xe2\x80\xae" "evil",
  };
  g_autoptr(CirclesSession) session = NULL;
  g_autoptr(GError) error = NULL;
  CirclesWindow *window;

  {
    g_autoptr(CirclesStore) store = circles_store_open (db, &error);
    gint64 me;

    g_assert_no_error (error);
    g_assert_true (circles_store_begin (store, &error));
    me = circles_store_ensure_person (store, "me", &error);
    g_assert_true (circles_store_set_me (store, me, &error));
    for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
      {
        g_autofree char *key = g_strdup_printf ("%s %u", texts[i], i);
        CirclesPersonFields fields = { 0 };
        gint64 id = circles_store_ensure_person (store, key, &error);

        g_assert_cmpint (id, >, 0);
        fields.display_name = texts[i];
        fields.company = texts[(i + 1) % G_N_ELEMENTS (texts)];
        fields.position = texts[(i + 2) % G_N_ELEMENTS (texts)];
        fields.profile_url = i % 2 ? "javascript:alert(1)" : texts[i];
        g_assert_true (circles_store_update_person (store, id, &fields, &error));
        g_assert_true (circles_store_add_connection (store, me, id, 1.0, NULL, &error));
      }
    g_assert_true (circles_store_commit (store, &error));
    g_assert_no_error (error);
  }

  session = circles_session_new (db);
  window = open_window (session);
  g_assert_cmpint (circles_session_get_state (session), ==, CIRCLES_SESSION_STATE_READY);
  show_everyone (window);
  export_from_window (window, svg);
  assert_svg_inert (svg);
  close_window (window);
}

/* ------------------------------------------------------------------ */
/* Files that are not databases                                        */

static char *
make_newer_database (const char *dir)
{
  char *path = g_build_filename (dir, "newer.db", NULL);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  {
    g_autoptr(CirclesStore) store = circles_store_open (path, &error);

    g_assert_no_error (error);
  }
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99; CREATE TABLE future (x);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  return path;
}

static char *
make_truncated_database (const char *dir)
{
  g_autofree char *whole = g_build_filename (dir, "whole.db", NULL);
  g_autofree char *csv = g_build_filename (dir, "edges.csv", NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "truncated.db", NULL);

  robust_write_edges (csv, "t", 100, 2000, 4000, 3);
  g_assert_cmpint (circles_test_run_cli (whole, NULL, NULL, "import", csv, "--me", "me", NULL), ==, 0);
  bytes = circles_test_read_bytes (whole);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 16384);
  /* Cut in the middle of a page. */
  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes) / 2 + 100, &error);
  g_assert_no_error (error);
  return path;
}

static char *
make_random_file (const char *dir)
{
  char *path = g_build_filename (dir, "random.db", NULL);
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GError) error = NULL;
  guint32 data[2048];

  for (guint i = 0; i < G_N_ELEMENTS (data); i++)
    data[i] = g_rand_int (rand);
  g_file_set_contents (path, (const char *) data, sizeof data, &error);
  g_assert_no_error (error);
  return path;
}

static void
test_bad_databases (void)
{
  g_autofree char *dir = circles_test_make_tmpdir ();
  char *paths[] = {
    make_truncated_database (dir),
    make_random_file (dir),
    make_newer_database (dir),
  };
  static const CirclesStoreError codes[] = {
    CIRCLES_STORE_ERROR_CORRUPT,
    CIRCLES_STORE_ERROR_NOT_CIRCLES,
    CIRCLES_STORE_ERROR_TOO_NEW,
  };

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GBytes) before = circles_test_read_bytes (paths[i]);
      g_autoptr(GBytes) after = NULL;
      g_autoptr(CirclesSession) session = circles_session_new (paths[i]);
      g_autofree char *err = NULL;
      CirclesWindow *window;
      GtkWidget *page, *open_another;
      g_autofree char *wal = g_strconcat (paths[i], "-wal", NULL);

      /* The command: bad input, a clear message. */
      g_assert_cmpint (circles_test_run_cli (paths[i], NULL, &err, "stats", NULL), ==, 2);
      g_test_message ("%s: %s", paths[i], err);

      window = open_window (session);
      g_assert_cmpint (circles_session_get_state (session), ==, CIRCLES_SESSION_STATE_FAILED);
      g_assert_error ((GError *) circles_session_get_error (session), CIRCLES_STORE_ERROR, (int) codes[i]);

      page = circles_test_find_named (GTK_WIDGET (window), "error-page");
      g_assert_nonnull (page);
      g_assert_true (gtk_widget_is_drawable (page));
      g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (page)), !=, "");

      /* The page offers to open another database. */
      open_another = find_action_button (page, "win.open-database");
      g_assert_nonnull (open_another);
      g_assert_true (gtk_widget_is_drawable (open_another));
      g_assert_true (gtk_widget_is_sensitive (open_another));

      close_window (window);

      /* Untouched: same bytes, no journal left. */
      after = circles_test_read_bytes (paths[i]);
      g_assert_true (g_bytes_equal (before, after));
      g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
      g_free (paths[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/hostile/cli", test_hostile_cli);
  g_test_add_func ("/hostile/window", test_hostile_window);
  g_test_add_func ("/hostile/foreign-texts", test_hostile_foreign_texts);
  g_test_add_func ("/hostile/bad-databases", test_bad_databases);

  return g_test_run ();
}
