/* circles-import-dot.c: Graphviz DOT through cgraph's own reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Node names are the keys; the label attribute (unless it is the
 * default "\N") is the display name, and node attributes named like
 * company, position, location, url or mail fill those fields. Every
 * edge, in a graph or a digraph, is a connection; self-loops are
 * ignored. Only the first graph of the file is read.
 *
 * cgraph keeps its error state and its line counter in globals, so
 * reads are serialised by a lock, and its scanner is flushed before
 * each read; its messages are captured through
 * agseterrf() and turned into "FILE:LINE: syntax error near '...'".
 */
#define G_LOG_DOMAIN "circles-import"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <graphviz/cgraph.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "circles-import-readers.h"
#include "circles-layout.h"

/* Flushes cgraph's scanner buffer (cgraph itself calls it after a
 * syntax error). Without it, what followed the graph in the previous
 * file (a newline, another graph) is scanned before the next file and
 * its line numbers are off. Exported by libcgraph but not declared in
 * its header; weak, so that a cgraph without it still links. */
extern void aglexbad (void) __attribute__ ((weak));


/* cgraph says "FILE: syntax error in line N near 'X'". */
static void
set_syntax_error (CirclesImportContext  *ctx,
                  const char            *messages,
                  GError               **error)
{
  const char *in_line = strstr (messages, "in line ");
  const char *near;
  guint64 line = 0;

  if (in_line != NULL)
    line = g_ascii_strtoull (in_line + strlen ("in line "), NULL, 10);
  near = strstr (messages, "near ");
  if (near != NULL)
    {
      g_autofree char *what = g_strstrip (g_strdup (near + strlen ("near ")));

      _circles_import_set_error (error, CIRCLES_IMPORT_ERROR_SYNTAX,
                                 ctx->display, line, 0,
                                 _("DOT syntax error near %s"), what);
    }
  else
    {
      g_autofree char *what = g_strstrip (g_strdup (messages));
      char *colon = strstr (what, ": ");

      _circles_import_set_error (error, CIRCLES_IMPORT_ERROR_SYNTAX,
                                 ctx->display, line, 0,
                                 _("DOT syntax error: %s"),
                                 colon != NULL ? colon + 2 : what);
    }
}

/* cgraph takes any bytes for names and labels: refuse a file that is
 * not UTF-8 (or holds a NUL byte), as the other formats do, rather than
 * store text that nothing can show. */
static gboolean
check_utf8 (CirclesImportContext  *ctx,
            GError               **error)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *contents, *end, *line_start;
  guint64 line = 1;
  gsize length;

  file = g_mapped_file_new (ctx->path, FALSE, &local_error);
  if (file == NULL)
    {
      _circles_import_set_error (error, CIRCLES_IMPORT_ERROR_IO, ctx->display,
                                 0, 0, "%s", local_error->message);
      return FALSE;
    }
  contents = g_mapped_file_get_contents (file);
  length = g_mapped_file_get_length (file);
  if (contents == NULL || g_utf8_validate_len (contents, length, &end))
    return TRUE;

  line_start = contents;
  for (const char *p = contents; p < end; p++)
    if (*p == '\n')
      {
        line++;
        line_start = p + 1;
      }
  _circles_import_set_error (error, CIRCLES_IMPORT_ERROR_INVALID_UTF8, ctx->display,
                             line, g_utf8_strlen (line_start, end - line_start) + 1,
                             "%s", _("invalid UTF-8"));
  return FALSE;
}

static Agraph_t *
read_graph (CirclesImportContext  *ctx,
            GError               **error)
{
  g_autoptr(GString) messages = g_string_new (NULL);
  g_autofree char *file_name = g_strdup (ctx->display);
  Agraph_t *graph;
  FILE *f;

  f = g_fopen (ctx->path, "rb");
  if (f == NULL)
    {
      int saved_errno = errno;

      _circles_import_set_error (error, CIRCLES_IMPORT_ERROR_IO, ctx->display,
                                 0, 0, "%s", g_strerror (saved_errno));
      return NULL;
    }

  circles_graphviz_lock (messages);
  agreseterrors ();
  agsetfile (file_name);
  if (aglexbad != NULL)
    aglexbad ();
  agreadline (1);
  graph = agread (f, NULL);
  /* cgraph keeps the pointer: never leave it dangling. */
  agsetfile (NULL);
  circles_graphviz_unlock ();
  fclose (f);

  if (graph == NULL || messages->len > 0)
    {
      if (graph != NULL)
        agclose (graph);
      if (messages->len > 0)
        set_syntax_error (ctx, messages->str, error);
      else
        _circles_import_set_error (error, CIRCLES_IMPORT_ERROR_SYNTAX,
                                   ctx->display, 0, 0, "%s",
                                   _("no graph in this DOT file"));
      return NULL;
    }
  return graph;
}

static gint64
node_id (GHashTable *ids,
         Agnode_t   *node)
{
  return (gint64) GPOINTER_TO_SIZE (g_hash_table_lookup (ids, node));
}

static gboolean
import_graph (CirclesImportContext  *ctx,
              Agraph_t              *graph,
              GError               **error)
{
  g_autoptr(GArray) syms = g_array_new (FALSE, FALSE, sizeof (Agsym_t *));
  g_autoptr(GArray) kinds = g_array_new (FALSE, FALSE, sizeof (CirclesField));
  g_autoptr(GHashTable) ids = g_hash_table_new (g_direct_hash, g_direct_equal);
  int n_nodes = agnnodes (graph);
  double done = 0;
  Agnode_t *node;
  int i;

  /* Which node attributes mean something. */
  for (Agsym_t *sym = agnxtattr (graph, AGNODE, NULL); sym != NULL;
       sym = agnxtattr (graph, AGNODE, sym))
    {
      CirclesField field = _circles_import_match_field (sym->name);

      if (field != CIRCLES_FIELD_NONE)
        {
          g_array_append_val (syms, sym);
          g_array_append_val (kinds, field);
        }
    }

  for (node = agfstnode (graph), i = 0; node != NULL; node = agnxtnode (graph, node), i++)
    {
      CirclesPersonFields fields = { 0 };
      gboolean any = FALSE;
      gint64 id;

      ctx->report->rows++;
      id = _circles_import_ensure_person (ctx, agnameof (node), error);
      if (id < 0)
        return FALSE;
      g_hash_table_insert (ids, node, GSIZE_TO_POINTER ((gsize) id));

      for (guint s = 0; s < syms->len; s++)
        {
          Agsym_t *sym = g_array_index (syms, Agsym_t *, s);
          const char *value = agxget (node, sym);

          if (value == NULL || *value == '\0' || strcmp (value, "\\N") == 0)
            continue;
          _circles_import_set_field (&fields, g_array_index (kinds, CirclesField, s), value);
          any = TRUE;
        }
      if (any && !circles_store_update_person (ctx->store, id, &fields, error))
        return FALSE;
      if (!_circles_import_tick (ctx, 0.5 * ++done / MAX (n_nodes, 1), error))
        return FALSE;
    }

  done = 0;
  for (node = agfstnode (graph); node != NULL; node = agnxtnode (graph, node))
    {
      for (Agedge_t *edge = agfstout (graph, node); edge != NULL;
           edge = agnxtout (graph, edge))
        {
          Agnode_t *head = aghead (edge);
          Agnode_t *tail = agtail (edge);

          ctx->report->rows++;
          if (head == tail)
            continue;
          if (!circles_store_add_connection (ctx->store,
                                             node_id (ids, tail),
                                             node_id (ids, head),
                                             -1.0, NULL, error))
            return FALSE;
        }
      if (!_circles_import_tick (ctx, 0.5 + 0.5 * ++done / MAX (n_nodes, 1), error))
        return FALSE;
    }
  return TRUE;
}

gboolean
_circles_import_dot (CirclesImportContext  *ctx,
                     GError               **error)
{
  Agraph_t *graph;
  gboolean ok;

  if (!check_utf8 (ctx, error))
    return FALSE;
  graph = read_graph (ctx, error);
  if (graph == NULL)
    return FALSE;
  ok = import_graph (ctx, graph, error);
  agclose (graph);
  return ok;
}
