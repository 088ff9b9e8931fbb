/* circles-import-graphml.c: GraphML through libxml2's streaming reader
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Memory stays flat whatever the file's size: xmlTextReader walks the
 * document node by node and only the <data> of the current <node> is
 * kept. What is read:
 *  - <key id=".." for="node|all" attr.name=".."/>: a node attribute
 *    whose name is label or name becomes the display name; company,
 *    position, location, url, mail ... fill those fields (Gephi,
 *    networkx, igraph, Cytoscape);
 *  - yEd's <key yfiles.type="nodegraphics"/>: the text of the first
 *    <y:NodeLabel> is the display name;
 *  - <node id="..">: a person keyed by its id;
 *  - <edge source=".." target="..">: a connection, whether the graph is
 *    directed or not; self-loops are ignored. Edge data are ignored.
 * Syntax errors are reported with libxml2's line and column.
 */
#define G_LOG_DOMAIN "circles-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/xmlreader.h>
#include <string.h>

#include "circles-import-readers.h"

#define N_FIELDS (CIRCLES_FIELD_EMAIL + 1)
#define FIELD_NODE_LABEL ((CirclesField) 100)

typedef struct
{
  CirclesImportContext *ctx;
  GError               *xml_error;
  GHashTable           *keys;       /* key id -> CirclesField */
  char                 *node_id;    /* the <node> being read */
  char                 *values[N_FIELDS];
  gboolean              in_nodegraphics;
  gboolean              in_node;
  int                   node_depth;
} GraphmlParser;

static void
on_xml_error (void        *user_data,
              xmlErrorPtr  xerror)
{
  GraphmlParser *parser = user_data;
  g_autofree char *message = NULL;

  if (parser->xml_error != NULL || xerror == NULL || xerror->level < XML_ERR_ERROR)
    return;
  message = g_strstrip (g_strdup (xerror->message != NULL ? xerror->message : "?"));
  _circles_import_set_error (&parser->xml_error, CIRCLES_IMPORT_ERROR_SYNTAX,
                             parser->ctx->display, MAX (xerror->line, 1),
                             MAX (xerror->int2, 0),
                             _("XML syntax error: %s"), message);
}

static char *
get_attribute (xmlTextReaderPtr  reader,
               const char       *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (reader, (const xmlChar *) name);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

static char *
read_text (xmlTextReaderPtr reader)
{
  xmlChar *value = xmlTextReaderReadString (reader);
  char *copy;

  if (value == NULL)
    return NULL;
  copy = g_strstrip (g_strdup ((const char *) value));
  xmlFree (value);
  return copy;
}

static void
clear_node (GraphmlParser *parser)
{
  g_clear_pointer (&parser->node_id, g_free);
  for (guint i = 0; i < N_FIELDS; i++)
    g_clear_pointer (&parser->values[i], g_free);
  parser->in_node = FALSE;
  parser->in_nodegraphics = FALSE;
}

static gboolean
finish_node (GraphmlParser  *parser,
             GError        **error)
{
  CirclesPersonFields fields = { 0 };
  gboolean any = FALSE;
  gboolean ok;
  gint64 id;

  id = _circles_import_ensure_person (parser->ctx, parser->node_id, error);
  if (id < 0)
    return FALSE;
  for (guint i = 0; i < N_FIELDS; i++)
    if (parser->values[i] != NULL && parser->values[i][0] != '\0')
      {
        _circles_import_set_field (&fields, i, parser->values[i]);
        any = TRUE;
      }
  ok = !any || circles_store_update_person (parser->ctx->store, id, &fields, error);
  clear_node (parser);
  return ok;
}

static gboolean
syntax_error (GraphmlParser     *parser,
              xmlTextReaderPtr   reader,
              GError           **error,
              const char        *message)
{
  xmlNodePtr node = xmlTextReaderCurrentNode (reader);
  long line = node != NULL ? xmlGetLineNo (node) : -1;

  /* The parser reads ahead: the node's own line is the right one. */
  if (line <= 0)
    line = xmlTextReaderGetParserLineNumber (reader);
  _circles_import_set_error (error, CIRCLES_IMPORT_ERROR_SYNTAX,
                             parser->ctx->display, MAX (line, 1),
                             0, "%s", message);
  return FALSE;
}

static gboolean
on_element (GraphmlParser     *parser,
            xmlTextReaderPtr   reader,
            const char        *name,
            gboolean           empty,
            GError           **error)
{
  CirclesImportContext *ctx = parser->ctx;

  if (strcmp (name, "key") == 0)
    {
      g_autofree char *id = get_attribute (reader, "id");
      g_autofree char *domain = get_attribute (reader, "for");
      g_autofree char *attr_name = get_attribute (reader, "attr.name");
      g_autofree char *yfiles = get_attribute (reader, "yfiles.type");
      CirclesField field = CIRCLES_FIELD_NONE;

      if (id == NULL)
        return TRUE;
      if (domain != NULL && strcmp (domain, "node") != 0 && strcmp (domain, "all") != 0)
        return TRUE;
      if (g_strcmp0 (yfiles, "nodegraphics") == 0)
        field = FIELD_NODE_LABEL;
      else if (attr_name != NULL)
        field = _circles_import_match_field (attr_name);
      if (field != CIRCLES_FIELD_NONE)
        g_hash_table_insert (parser->keys, g_steal_pointer (&id), GINT_TO_POINTER (field));
      return TRUE;
    }

  if (strcmp (name, "node") == 0)
    {
      if (parser->in_node && !finish_node (parser, error))
        return FALSE;
      parser->node_id = get_attribute (reader, "id");
      if (parser->node_id == NULL || parser->node_id[0] == '\0')
        return syntax_error (parser, reader, error, _("a <node> needs an id"));
      ctx->report->rows++;
      parser->in_node = TRUE;
      parser->node_depth = xmlTextReaderDepth (reader);
      if (empty)
        return finish_node (parser, error);
      return TRUE;
    }

  if (strcmp (name, "data") == 0 && parser->in_node)
    {
      g_autofree char *key = get_attribute (reader, "key");
      gpointer value;
      CirclesField field;

      if (key == NULL || !g_hash_table_lookup_extended (parser->keys, key, NULL, &value))
        return TRUE;
      field = GPOINTER_TO_INT (value);
      if (field == FIELD_NODE_LABEL)
        parser->in_nodegraphics = TRUE;
      else if (!empty && (guint) field < N_FIELDS && parser->values[field] == NULL)
        parser->values[field] = read_text (reader);
      return TRUE;
    }

  if (strcmp (name, "NodeLabel") == 0 && parser->in_nodegraphics && !empty
      && parser->values[CIRCLES_FIELD_DISPLAY_NAME] == NULL)
    {
      parser->values[CIRCLES_FIELD_DISPLAY_NAME] = read_text (reader);
      return TRUE;
    }

  if (strcmp (name, "edge") == 0)
    {
      g_autofree char *source = get_attribute (reader, "source");
      g_autofree char *target = get_attribute (reader, "target");
      gint64 a, b;

      if (parser->in_node && !finish_node (parser, error))
        return FALSE;
      if (source == NULL || target == NULL || *source == '\0' || *target == '\0')
        return syntax_error (parser, reader, error,
                             _("an <edge> needs a source and a target"));
      ctx->report->rows++;
      a = _circles_import_ensure_person (ctx, source, error);
      if (a < 0)
        return FALSE;
      if (strcmp (source, target) == 0)
        return TRUE;
      b = _circles_import_ensure_person (ctx, target, error);
      if (b < 0)
        return FALSE;
      return circles_store_add_connection (ctx->store, a, b, -1.0, NULL, error);
    }

  return TRUE;
}

gboolean
_circles_import_graphml (CirclesImportContext  *ctx,
                         GError               **error)
{
  GraphmlParser parser = { 0 };
  xmlTextReaderPtr reader;
  gboolean ok = TRUE;
  gboolean root_seen = FALSE;
  guint64 file_size = 0;
  GStatBuf st;
  int rc = 0;

  if (g_stat (ctx->path, &st) == 0)
    file_size = st.st_size;

  xmlInitParser ();
  reader = xmlReaderForFile (ctx->path, NULL, XML_PARSE_NONET | XML_PARSE_COMPACT);
  if (reader == NULL)
    {
      _circles_import_set_error (error, CIRCLES_IMPORT_ERROR_IO, ctx->display,
                                 0, 0, "%s", _("cannot open the file"));
      return FALSE;
    }

  parser.ctx = ctx;
  parser.keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  xmlTextReaderSetStructuredErrorHandler (reader, on_xml_error, &parser);

  while (ok && (rc = xmlTextReaderRead (reader)) == 1)
    {
      int type = xmlTextReaderNodeType (reader);
      const char *name = (const char *) xmlTextReaderConstLocalName (reader);

      if (parser.xml_error != NULL)
        break;

      if (type == XML_READER_TYPE_ELEMENT)
        {
          if (!root_seen)
            {
              root_seen = TRUE;
              if (g_strcmp0 (name, "graphml") != 0)
                {
                  g_autofree char *message =
                    g_strdup_printf (_("not a GraphML file: the root element is <%s>"),
                                     name);

                  ok = syntax_error (&parser, reader, error, message);
                  break;
                }
              continue;
            }
          ok = on_element (&parser, reader, name,
                           xmlTextReaderIsEmptyElement (reader), error);
        }
      else if (type == XML_READER_TYPE_END_ELEMENT)
        {
          if (parser.in_node && strcmp (name, "node") == 0
              && xmlTextReaderDepth (reader) == parser.node_depth)
            ok = finish_node (&parser, error);
          else if (strcmp (name, "data") == 0)
            parser.in_nodegraphics = FALSE;
        }

      if (ok && file_size > 0)
        ok = _circles_import_tick (ctx, (double) xmlTextReaderByteConsumed (reader)
                                        / (double) file_size, error);
    }

  if (ok && parser.xml_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&parser.xml_error));
      ok = FALSE;
    }
  else if (ok && rc < 0)
    {
      ok = syntax_error (&parser, reader, error, _("XML syntax error"));
    }
  else if (ok && !root_seen)
    {
      _circles_import_set_error (error, CIRCLES_IMPORT_ERROR_EMPTY, ctx->display,
                                 0, 0, "%s", _("the file is empty"));
      ok = FALSE;
    }
  else if (ok && parser.in_node)
    ok = finish_node (&parser, error);

  g_clear_error (&parser.xml_error);
  clear_node (&parser);
  g_hash_table_unref (parser.keys);
  xmlFreeTextReader (reader);
  return ok;
}
