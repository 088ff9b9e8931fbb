/* circles-import-csv.c: Gephi's spreadsheet files, edges and nodes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Edges: Source,Target[,Type][,Weight][,Label], names without case and
 * in any order; other columns are ignored. Every edge, directed or not,
 * is a connection (connections are reciprocal). Self-loops are ignored
 * (their person is still created); a duplicate edge is merged by the
 * store. Weight becomes the connection's strength in 0..1: when every
 * weight of the file is already in 0..1 it is kept; otherwise each is
 * divided by the file's largest weight (self-loops' included). The
 * store holds the weights until the file is read, and divides them when
 * it writes the connections: the file is read once, memory stays flat.
 * An empty Weight means no strength; a negative or non-numeric one is
 * an error.
 *
 * Nodes: Id[,Label][,...]; Label (or Name) is the display name, and
 * columns whose names hold company, position, location, url or mail
 * (or First Name, Last Name, Title, City, ...) fill those fields.
 */
#define G_LOG_DOMAIN "circles-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "circles-import-readers.h"

static gboolean
parse_weight (CirclesImportContext  *ctx,
              CirclesCsvReader      *reader,
              const char            *text,
              double                *weight,
              GError               **error)
{
  char *end = NULL;
  double value;
  guint64 digits = 0;
  guint n = 0;

  /* Whole numbers, the usual weights, without strtod: up to 15 digits
   * they are exact doubles, the very ones strtod would give. */
  while (n < 16 && g_ascii_isdigit (text[n]))
    digits = 10 * digits + (text[n++] - '0');
  if (n > 0 && n < 16 && text[n] == '\0')
    {
      *weight = (double) digits;
      return TRUE;
    }

  value = g_ascii_strtod (text, &end);
  while (end != NULL && g_ascii_isspace (*end))
    end++;
  if (end == text || end == NULL || *end != '\0' || !isfinite (value) || value < 0)
    {
      _circles_import_set_error (error, CIRCLES_IMPORT_ERROR_BAD_VALUE,
                                 ctx->display,
                                 circles_csv_reader_get_line (reader), 0,
                                 _("the Weight “%s” is not a number ≥ 0"),
                                 text);
      return FALSE;
    }
  *weight = value;
  return TRUE;
}

/* Edges are read a few at a time and all their ends looked up at once:
 * the cache misses of the key lookups overlap (pairs are too few to
 * gain, dozens too many). */
#define EDGE_BLOCK 8

typedef struct
{
  gsize  source;  /* offsets of the keys in the block's text */
  gsize  target;
  double weight;
} BlockEdge;

typedef struct
{
  BlockEdge  edges[EDGE_BLOCK];
  guint      n_edges;
  GString   *text;
} EdgeBlock;

/* Creates the people of the block's edges, in the order of the file,
 * then its connections. */
static gboolean
write_block (CirclesImportContext  *ctx,
             EdgeBlock             *block,
             GError               **error)
{
  const char *keys[2 * EDGE_BLOCK];
  gint64 ids[2 * EDGE_BLOCK];
  guint n = block->n_edges;

  if (n == 0)
    return TRUE;
  block->n_edges = 0;
  for (guint i = 0; i < n; i++)
    {
      keys[2 * i] = block->text->str + block->edges[i].source;
      keys[2 * i + 1] = block->text->str + block->edges[i].target;
    }
  if (!circles_store_ensure_people (ctx->store, keys, 2 * n, ids, error))
    return FALSE;
  g_string_truncate (block->text, 0);

  for (guint i = 0; i < n; i++)
    /* A self-loop only creates its person. */
    if (ids[2 * i] != ids[2 * i + 1] &&
        !circles_store_add_weighted_connection (ctx->store, ids[2 * i], ids[2 * i + 1],
                                                block->edges[i].weight, error))
      return FALSE;
  return TRUE;
}

gboolean
_circles_import_csv_edges (CirclesImportContext  *ctx,
                           CirclesCsvReader      *reader,
                           char                 **header,
                           guint                  n_header,
                           GError               **error)
{
  int source = _circles_import_find_column (header, n_header, "source");
  int target = _circles_import_find_column (header, n_header, "target");
  int weight_col = _circles_import_find_column (header, n_header, "weight");
  guint needed = MAX (source, target) + 1;
  double max_weight = 0.0;
  g_autoptr(GString) text = g_string_sized_new (1024);
  EdgeBlock block = { .text = text };
  GError *local_error = NULL;
  char **fields;
  guint n_fields;

  g_return_val_if_fail (source >= 0 && target >= 0, FALSE);

  while (circles_csv_reader_next (reader, &fields, &n_fields, &local_error))
    {
      BlockEdge *edge = &block.edges[block.n_edges];
      const char *s, *t;

      ctx->report->rows++;
      if (!_circles_import_tick (ctx, circles_csv_reader_get_fraction (reader), error))
        return FALSE;

      if (n_fields < needed)
        s = t = "";
      else
        {
          s = g_strstrip (fields[source]);
          t = g_strstrip (fields[target]);
        }
      if (*s == '\0' || *t == '\0')
        {
          _circles_import_set_error (error, CIRCLES_IMPORT_ERROR_BAD_VALUE,
                                     ctx->display,
                                     circles_csv_reader_get_line (reader), 0,
                                     "%s", _("a row needs a Source and a Target"));
          return FALSE;
        }

      edge->weight = -1.0;
      if (weight_col >= 0 && (guint) weight_col < n_fields)
        {
          const char *w = g_strstrip (fields[weight_col]);

          if (*w != '\0')
            {
              if (!parse_weight (ctx, reader, w, &edge->weight, error))
                return FALSE;
              max_weight = MAX (max_weight, edge->weight);
            }
        }

      /* The reader reuses its fields for the next record. */
      edge->source = text->len;
      g_string_append_len (text, s, strlen (s) + 1);
      edge->target = text->len;
      g_string_append_len (text, t, strlen (t) + 1);
      if (++block.n_edges == EDGE_BLOCK && !write_block (ctx, &block, error))
        return FALSE;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (!write_block (ctx, &block, error))
    return FALSE;

  if (max_weight > 1.0)
    circles_store_set_weight_divisor (ctx->store, max_weight);
  return TRUE;
}

gboolean
_circles_import_csv_nodes (CirclesImportContext  *ctx,
                           CirclesCsvReader      *reader,
                           char                 **header,
                           guint                  n_header,
                           GError               **error)
{
  int id_col = _circles_import_find_column (header, n_header, "id");
  g_autofree CirclesField *columns = g_new0 (CirclesField, n_header);
  GError *local_error = NULL;
  char **fields;
  guint n_fields;

  g_return_val_if_fail (id_col >= 0, FALSE);

  for (guint i = 0; i < n_header; i++)
    if ((int) i != id_col)
      columns[i] = _circles_import_match_field (header[i]);

  while (circles_csv_reader_next (reader, &fields, &n_fields, &local_error))
    {
      CirclesPersonFields person = { 0 };
      gboolean any = FALSE;
      const char *key;
      gint64 id;

      ctx->report->rows++;
      if (!_circles_import_tick (ctx, circles_csv_reader_get_fraction (reader), error))
        return FALSE;

      key = (guint) id_col < n_fields ? g_strstrip (fields[id_col]) : "";
      if (*key == '\0')
        {
          _circles_import_set_error (error, CIRCLES_IMPORT_ERROR_BAD_VALUE,
                                     ctx->display,
                                     circles_csv_reader_get_line (reader), 0,
                                     "%s", _("a row needs an Id"));
          return FALSE;
        }

      id = _circles_import_ensure_person (ctx, key, error);
      if (id < 0)
        return FALSE;

      for (guint i = 0; i < MIN (n_fields, n_header); i++)
        if (columns[i] != CIRCLES_FIELD_NONE)
          {
            const char *value = g_strstrip (fields[i]);

            if (*value != '\0')
              {
                _circles_import_set_field (&person, columns[i], value);
                any = TRUE;
              }
          }
      if (any && !circles_store_update_person (ctx->store, id, &person, error))
        return FALSE;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}
