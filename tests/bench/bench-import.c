/* bench-import.c: how fast the files people have are imported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: it writes files of the sizes issue 3 names, imports each
 * into a new database in a child process of its own (so that the peak
 * RSS is that import's alone), and prints a table.
 *
 *   bench-import [--edges N] [--graphml-edges N] [--dir DIR]
 *
 * Defaults: a 30,000-row Connections.csv (the cap), 1,000,000 edges in a
 * Gephi edge list among 200,000 people (with a Weight column, then
 * without) and 1,000,000 edges in GraphML. Rates are rows or edges per
 * second of the import itself (opening the database apart).
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "circles-import.h"
#include "circles-store.h"

typedef struct
{
  const char *label;
  char       *path;
  guint64     units;  /* rows or edges */
  const char *rate;   /* their unit per second */
} Case;

static guint64 rng = 88172645463325252ull;

static guint32
next_random (void)
{
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return rng >> 32;
}

static void
write_linkedin (const char *path,
                guint       rows)
{
  static const char *first[] = { "Camille", "Lucas", "Inès", "Priya", "Jonas", "Mei", "Sofia", "Hugo" };
  static const char *last[] = { "Martin", "Bernard", "Benali", "Raman", "Schneider", "Chen", "García", "Durand" };
  static const char *months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
  FILE *f = fopen (path, "w");

  fprintf (f, "Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\n\n");
  fprintf (f, "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n");
  for (guint i = 0; i < rows; i++)
    {
      const char *fn = first[next_random () % G_N_ELEMENTS (first)];
      const char *ln = last[next_random () % G_N_ELEMENTS (last)];

      fprintf (f, "%s,%s,https://www.linkedin.com/in/%s-%s-%u,,\"Atelier %u, SAS\",Head of Sales,%u %s %u\n",
               fn, ln, fn, ln, i, i % 500, 1 + i % 28, months[i % 12], 2010 + i % 15);
    }
  fclose (f);
}

static void
write_edges (const char *path,
             guint64     edges,
             guint       people,
             gboolean    weights)
{
  FILE *f = fopen (path, "w");

  fprintf (f, weights ? "Source,Target,Weight\n" : "Source,Target\n");
  for (guint64 i = 0; i < edges; i++)
    {
      guint a = next_random () % people;
      guint b = (a + 1 + next_random () % 5000) % people;

      if (weights)
        fprintf (f, "n%u,n%u,%u\n", a, b, 1 + next_random () % 9);
      else
        fprintf (f, "n%u,n%u\n", a, b);
    }
  fclose (f);
}

static void
write_graphml (const char *path,
               guint64     edges,
               guint       people)
{
  FILE *f = fopen (path, "w");

  fprintf (f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
              "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
              "  <key id=\"d0\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
              "  <graph id=\"G\" edgedefault=\"undirected\">\n");
  for (guint i = 0; i < people; i++)
    fprintf (f, "    <node id=\"n%u\"><data key=\"d0\">Person %u</data></node>\n", i, i);
  for (guint64 i = 0; i < edges; i++)
    {
      guint a = next_random () % people;
      guint b = (a + 1 + next_random () % 5000) % people;

      fprintf (f, "    <edge source=\"n%u\" target=\"n%u\"/>\n", a, b);
    }
  fprintf (f, "  </graph>\n</graphml>\n");
  fclose (f);
}

/* Imports in a child; returns FALSE when it failed. */
static gboolean
measure (const char *dir,
         Case       *c,
         double     *seconds,
         double     *rss_mb)
{
  int fds[2];
  pid_t pid;
  int status;
  double figures[2] = { 0, 0 };

  if (pipe (fds) != 0)
    return FALSE;

  pid = fork ();
  if (pid == 0)
    {
      g_autofree char *db = g_build_filename (dir, "import.db", NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(CirclesStore) store = NULL;
      struct rusage usage;
      gint64 start;
      double out[2];

      g_unlink (db);
      store = circles_store_open (db, &error);
      start = g_get_monotonic_time ();
      if (store == NULL ||
          !circles_import_file (store, c->path, CIRCLES_IMPORT_FORMAT_AUTO, NULL, NULL,
                                NULL, NULL, NULL, &error))
        {
          g_printerr ("bench-import: %s\n", error->message);
          _exit (1);
        }
      out[0] = (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC;
      getrusage (RUSAGE_SELF, &usage);
      out[1] = usage.ru_maxrss / 1024.0;
      if (write (fds[1], out, sizeof out) != sizeof out)
        _exit (1);
      g_clear_object (&store);
      g_unlink (db);
      _exit (0);
    }

  close (fds[1]);
  if (read (fds[0], figures, sizeof figures) != sizeof figures)
    figures[0] = -1;
  close (fds[0]);
  waitpid (pid, &status, 0);

  *seconds = figures[0];
  *rss_mb = figures[1];
  return WIFEXITED (status) && WEXITSTATUS (status) == 0 && figures[0] >= 0;
}

int
main (int   argc,
      char *argv[])
{
  gint64 edges = 1000000, graphml_edges = 1000000;
  g_autofree char *dir = NULL;
  GOptionEntry entries[] = {
    { "edges", 0, 0, G_OPTION_ARG_INT64, &edges, "Edges in the edge list", "N" },
    { "graphml-edges", 0, 0, G_OPTION_ARG_INT64, &graphml_edges, "Edges in the GraphML file", "N" },
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &dir, "Where the files go", "DIR" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- time the importers");
  g_autoptr(GError) error = NULL;
  Case cases[4];
  int status = 0;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (dir == NULL)
    dir = g_dir_make_tmp ("circles-bench-import-XXXXXX", NULL);

  cases[0] = (Case) { "Connections.csv (linkedin)", g_build_filename (dir, "Connections.csv", NULL), 30000, "rows/s" };
  cases[1] = (Case) { "edge list, Weight (csv)", g_build_filename (dir, "edges.csv", NULL), edges, "edges/s" };
  cases[2] = (Case) { "edge list, no Weight (csv)", g_build_filename (dir, "edges-nw.csv", NULL), edges, "edges/s" };
  cases[3] = (Case) { "GraphML", g_build_filename (dir, "graph.graphml", NULL), graphml_edges, "edges/s" };

  g_printerr ("bench-import: writing the files in %s…\n", dir);
  write_linkedin (cases[0].path, cases[0].units);
  write_edges (cases[1].path, cases[1].units, MAX (1000, edges / 5), TRUE);
  write_edges (cases[2].path, cases[2].units, MAX (1000, edges / 5), FALSE);
  write_graphml (cases[3].path, cases[3].units, MAX (1000, graphml_edges / 5));

  printf ("%-28s %12s %10s %16s %10s %10s\n", "file", "size", "seconds", "rate", "file MB", "peak MB");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double seconds, rss;
      GStatBuf st;

      g_stat (cases[i].path, &st);
      if (!measure (dir, &cases[i], &seconds, &rss))
        {
          status = 1;
          continue;
        }
      printf ("%-28s %'12" G_GUINT64_FORMAT " %10.2f %'10.0f %-5s %10.1f %10.1f\n",
              cases[i].label, cases[i].units, seconds, cases[i].units / seconds,
              cases[i].rate, st.st_size / 1048576.0, rss);
      g_unlink (cases[i].path);
      g_free (cases[i].path);
    }

  g_rmdir (dir);
  return status;
}
