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
 * divided by the file's largest weight, which a first pass over the
 * Weight column finds (the file is read twice, memory stays flat).
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

#include "circles-import-private.h"

static gboolean
parse_weight (CirclesImportContext  *ctx,
              CirclesCsvReader      *reader,
              const char            *text,
              double                *weight,
              GError               **error)
{
  char *end = NULL;
  double value;

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

/* First pass: the largest weight of the file. */
static gboolean
find_max_weight (CirclesImportContext  *ctx,
                 int                    column,
                 double                *max_weight,
                 GError               **error)
{
  g_autoptr(CirclesCsvReader) reader = circles_csv_reader_new (ctx->path, error);
  GError *local_error = NULL;
  char **fields;
  guint n_fields;
  gboolean header = TRUE;

  if (reader == NULL)
    return FALSE;

  *max_weight = 0;
  while (circles_csv_reader_next (reader, &fields, &n_fields, &local_error))
    {
      double weight;

      if (header)
        {
          header = FALSE;
          continue;
        }
      if ((guint) column >= n_fields)
        continue;
      g_strstrip (fields[column]);
      if (fields[column][0] == '\0')
        continue;
      if (!parse_weight (ctx, reader, fields[column], &weight, error))
        return FALSE;
      *max_weight = MAX (*max_weight, weight);
      if (!_circles_import_tick (ctx, 0.5 * circles_csv_reader_get_fraction (reader), error))
        return FALSE;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
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
  double scale = 1.0;
  double base = 0.0;
  GError *local_error = NULL;
  char **fields;
  guint n_fields;

  g_return_val_if_fail (source >= 0 && target >= 0, FALSE);

  if (weight_col >= 0)
    {
      double max_weight;

      if (!find_max_weight (ctx, weight_col, &max_weight, error))
        return FALSE;
      if (max_weight > 1.0)
        scale = max_weight;
      base = 0.5;
    }

  while (circles_csv_reader_next (reader, &fields, &n_fields, &local_error))
    {
      const char *s, *t;
      double strength = -1.0;
      gint64 a, b;

      ctx->report->rows++;
      if (!_circles_import_tick (ctx, base + (1.0 - base) * circles_csv_reader_get_fraction (reader), error))
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

      if (weight_col >= 0 && (guint) weight_col < n_fields)
        {
          const char *w = g_strstrip (fields[weight_col]);

          if (*w != '\0')
            {
              if (!parse_weight (ctx, reader, w, &strength, error))
                return FALSE;
              strength /= scale;
            }
        }

      a = _circles_import_ensure_person (ctx, s, error);
      if (a < 0)
        return FALSE;
      if (g_strcmp0 (s, t) == 0)
        continue;
      b = _circles_import_ensure_person (ctx, t, error);
      if (b < 0)
        return FALSE;
      if (!circles_store_add_connection (ctx->store, a, b, strength, NULL, error))
        return FALSE;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
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
