/* circles-svg-writer.c: a scene as semantic, inert SVG
 *
 * Mirrors circles-render-cairo.c layer by layer and with the same style
 * numbers, so that rsvg-convert or a browser draw what the screen shows.
 * Every string from the network goes through circles_scene_sanitize_text()
 * (valid UTF-8, no control or bidi-override characters) and then XML
 * escaping; only http(s) URLs become links.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "circles-svg"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gio/gio.h>
#include <math.h>
#include <string.h>

#include "circles-render-cairo.h"
#include "circles-circle.h"
#include "circles-svg-writer.h"
#include "circles-selection.h"

#define TITLE_MAX_CHARS 200
#define KEY_MAX_CHARS   2048
#define URL_MAX_BYTES   2048

void
circles_svg_append_escaped (GString    *out,
                            const char *text)
{
  const char *run = text;
  const char *p;

  for (p = text; *p != '\0'; p++)
    {
      const char *entity;

      switch (*p)
        {
        case '&':
          entity = "&amp;";
          break;
        case '<':
          entity = "&lt;";
          break;
        case '>':
          entity = "&gt;";
          break;
        case '"':
          entity = "&quot;";
          break;
        case '\'':
          entity = "&#39;";
          break;
        default:
          continue;
        }
      g_string_append_len (out, run, p - run);
      g_string_append (out, entity);
      run = p + 1;
    }
  g_string_append_len (out, run, p - run);
}

static void
append_sanitized (GString    *out,
                  const char *text,
                  gssize      max_chars)
{
  g_autofree char *clean = circles_scene_sanitize_text (text, max_chars);

  circles_svg_append_escaped (out, clean);
}

gboolean
circles_svg_url_is_safe (const char *url)
{
  const char *scheme_end;
  gsize scheme_len;

  if (url == NULL || strlen (url) > URL_MAX_BYTES)
    return FALSE;
  scheme_end = strchr (url, ':');
  if (scheme_end == NULL)
    return FALSE;
  scheme_len = scheme_end - url;
  if (!((scheme_len == 4 && g_ascii_strncasecmp (url, "http", 4) == 0) ||
        (scheme_len == 5 && g_ascii_strncasecmp (url, "https", 5) == 0)))
    return FALSE;
  if (!g_str_has_prefix (scheme_end, "://") || scheme_end[3] == '\0' || scheme_end[3] == '/')
    return FALSE;
  /* Printable ASCII only (an IRI would have been percent-encoded). */
  for (const char *p = url; *p != '\0'; p++)
    if ((guchar) *p <= 0x20 || (guchar) *p >= 0x7f || strchr ("\"<>\\^`{|}", *p) != NULL)
      return FALSE;
  return g_uri_is_valid (url, G_URI_FLAGS_NONE, NULL);
}

/* Numbers with at most one decimal, written fast and locale-free. */
static void
append_num (GString *out,
            double   value)
{
  gint64 tenths;

  if (!isfinite (value))
    value = 0.0;
  tenths = (gint64) llround (value * 10.0);
  if (tenths < 0)
    {
      g_string_append_c (out, '-');
      tenths = -tenths;
    }
  g_string_append_printf (out, "%" G_GINT64_FORMAT, tenths / 10);
  if (tenths % 10 != 0)
    {
      g_string_append_c (out, '.');
      g_string_append_c (out, (char) ('0' + tenths % 10));
    }
}

static void
append_color (GString            *out,
              const CirclesColor *color)
{
  g_string_append_printf (out, "#%02x%02x%02x",
                          (guint) lround (color->r * 255.0),
                          (guint) lround (color->g * 255.0),
                          (guint) lround (color->b * 255.0));
}

static void
append_alpha (GString *out,
              double   alpha)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.2f", alpha));
}

static void
append_style (GString           *out,
              const CirclesView *view)
{
  const CirclesRenderStyle *style = circles_render_get_style ();
  const CirclesPalette *palette = circles_view_get_palette (view);

  g_string_append (out, "<style>\nsvg{font-family:" CIRCLES_SCENE_FONT_FALLBACK "}\n.bg{fill:");
  append_color (out, &palette->background);
  g_string_append (out, "}\n");
  for (guint c = CIRCLES_CIRCLE_ME; c <= CIRCLES_CIRCLE_OUT_OF_NETWORK; c++)
    {
      const char *cls = circles_scene_circle_class (c);

      g_string_append_printf (out, ".person.%s,.title.%s,.swatch.%s,.gauge.%s{fill:", cls, cls, cls, cls);
      append_color (out, &palette->circle[c]);
      g_string_append_printf (out, "}.band.%s,.ring.%s,.edge.%s,.halo.%s{stroke:", cls, cls, cls, cls);
      append_color (out, &palette->circle[c]);
      g_string_append (out, "}\n");
    }
  /* Coloured by company: after the circles, so that these win. */
  if (view->color_by == CIRCLES_COLOR_BY_COMPANY)
    for (guint c = 0; c <= CIRCLES_SCENE_N_COMPANIES; c++)
      {
        g_string_append_printf (out, ".person.co%u,.swatch.co%u{fill:", c, c);
        append_color (out, &palette->company[c]);
        g_string_append (out, "}\n");
      }
  g_string_append (out, ".swatch.shape{fill:");
  append_color (out, &palette->text_secondary);
  g_string_append (out, "}\n");
  g_string_append (out, ".person use{stroke:none}\n.person circle,.person path{stroke:");
  append_color (out, &palette->halo);
  g_string_append_printf (out, ";stroke-width:%gpx}\n", style->me_outline);
  g_string_append (out, ".band,.ring,.edge,.halo{fill:none}\n.band{stroke-opacity:");
  append_alpha (out, style->band_alpha);
  g_string_append (out, "}\n.ring{stroke-opacity:");
  append_alpha (out, style->ring_alpha);
  g_string_append_printf (out, ";stroke-width:%gpx}\n", style->ring_width);
  g_string_append_printf (out, ".edge{stroke-width:%gpx;stroke-linecap:round}\n", style->edge_width);
  for (guint ring = 1; ring <= CIRCLES_MAX_DEGREE; ring++)
    {
      g_string_append_printf (out, ".edge.%s{stroke-opacity:",
                              circles_scene_circle_class (CIRCLES_CIRCLE_FIRST + ring - 1));
      append_alpha (out, style->edge_alpha[ring]);
      g_string_append_printf (out, "}\n.edge.%s.dim{stroke-opacity:",
                              circles_scene_circle_class (CIRCLES_CIRCLE_FIRST + ring - 1));
      append_alpha (out, style->edge_alpha[ring] * style->dim_edge_factor);
      g_string_append (out, "}\n");
    }
  g_string_append (out, ".person.dim{opacity:");
  append_alpha (out, style->dim_mix);
  g_string_append (out, "}\n");
  g_string_append_printf (out, ".halo{stroke-width:%gpx}\n", style->target_halo);
  g_string_append (out, ".chain{fill:none;stroke-linecap:round;stroke:");
  append_color (out, &palette->edge_path);
  g_string_append_printf (out, ";stroke-opacity:.55;stroke-width:%gpx}\n", style->path_edge_width);
  g_string_append (out, ".chain.warmest{stroke:");
  append_color (out, &palette->circle[CIRCLES_CIRCLE_FIRST]);
  g_string_append_printf (out, ";stroke-opacity:.85;stroke-width:%gpx}\n", style->path_edge_warm_width);
  g_string_append (out, ".ring-selected{fill:none;stroke:");
  append_color (out, &palette->text);
  g_string_append_printf (out, ";stroke-width:%gpx}\n", style->selected_width);
  if (view->introducer != NULL)
    {
      g_string_append (out, ".reach{fill:none;stroke-linecap:round;stroke-width:1.25px;stroke-opacity:.55;stroke:");
      append_color (out, &palette->circle[CIRCLES_CIRCLE_FIRST]);
      g_string_append (out, "}\n.reach-ring{fill:none;stroke-width:2.5px;stroke:");
      append_color (out, &palette->circle[CIRCLES_CIRCLE_FIRST]);
      g_string_append (out, "}\n");
    }
  if (view->selection != NULL)
    {
      g_string_append (out, ".veil{fill:");
      append_color (out, &palette->background);
      g_string_append (out, ";fill-opacity:");
      append_alpha (out, CIRCLES_SELECTION_DIM_ALPHA);
      g_string_append (out, "}\npath.link{fill:none;stroke-linecap:round;stroke:");
      append_color (out, &palette->text);
      g_string_append (out, ";stroke-opacity:.45;stroke-width:1.5px}\npath.link.chosen{stroke-opacity:1;stroke-width:3px}\n");
      g_string_append (out, ".mark{stroke:");
      append_color (out, &palette->halo);
      g_string_append (out, ";stroke-width:1.5px}\n.name{stroke:");
      append_color (out, &palette->halo);
      g_string_append (out, ";stroke-width:4px;stroke-linejoin:round;paint-order:stroke}\n");
    }
  g_string_append (out, "text{fill:");
  append_color (out, &palette->text);
  g_string_append (out, "}\n.label{stroke:");
  append_color (out, &palette->halo);
  g_string_append (out, ";stroke-opacity:.9;stroke-linejoin:round;paint-order:stroke;");
  g_string_append_printf (out, "stroke-width:%gpx}\n", style->halo_width);
  g_string_append (out, "text.sec{fill:");
  append_color (out, &palette->text_secondary);
  g_string_append (out, "}\n.b{font-weight:bold}\n.panel{fill:");
  append_color (out, &palette->panel);
  g_string_append (out, ";fill-opacity:");
  append_alpha (out, style->panel_alpha);
  g_string_append (out, ";stroke:");
  append_color (out, &palette->panel_border);
  g_string_append (out, ";stroke-width:1px}\n.track{fill:");
  append_color (out, &palette->gauge_track);
  g_string_append (out, "}\n</style>\n");
}

/* A marker's outline, relative to its centre (for <defs>) or absolute. */
static void
append_marker (GString            *out,
               CirclesMarkerShape  shape,
               double              x,
               double              y,
               double              r,
               const char         *attributes)
{
  double points[8];
  guint n = circles_scene_marker_points (shape, r, points);

  if (n == 0)
    {
      g_string_append (out, "<circle");
      g_string_append (out, attributes);
      g_string_append (out, " cx=\"");
      append_num (out, x);
      g_string_append (out, "\" cy=\"");
      append_num (out, y);
      g_string_append (out, "\" r=\"");
      append_num (out, r);
      g_string_append (out, "\"/>");
      return;
    }
  g_string_append (out, "<path");
  g_string_append (out, attributes);
  g_string_append (out, " d=\"");
  for (guint i = 0; i < n; i++)
    {
      g_string_append_c (out, i == 0 ? 'M' : 'L');
      append_num (out, x + points[2 * i]);
      g_string_append_c (out, ',');
      append_num (out, y + points[2 * i + 1]);
    }
  g_string_append (out, "Z\"/>");
}

static void
append_title (GString                     *out,
              CirclesNetwork              *network,
              const CirclesScenePrimitive *p)
{
  const char *position = circles_network_get_position (network, p->person);
  const char *company = circles_network_get_company (network, p->person);
  gboolean has_position = position != NULL && *position != '\0';
  gboolean has_company = company != NULL && *company != '\0';

  g_string_append (out, "<title>");
  append_sanitized (out, circles_network_get_name (network, p->person), TITLE_MAX_CHARS);
  if (has_position || has_company)
    {
      g_string_append (out, " — ");
      if (has_position)
        append_sanitized (out, position, TITLE_MAX_CHARS);
      if (has_position && has_company)
        g_string_append (out, ", ");
      if (has_company)
        append_sanitized (out, company, TITLE_MAX_CHARS);
    }
  g_string_append (out, " (");
  circles_svg_append_escaped (out, circles_circle_get_long_name (p->circle));
  g_string_append (out, ")</title>");
}

static void
append_person (GString                     *out,
               CirclesScene                *scene,
               CirclesNetwork              *network,
               const CirclesView           *view,
               guint                        index)
{
  const CirclesScenePrimitive *p = &circles_scene_get_primitives (scene, NULL)[index];
  const char *url = circles_network_get_profile_url (network, p->person);
  gboolean link = circles_svg_url_is_safe (url);
  double x = p->x * view->zoom + view->offset_x;
  double y = p->y * view->zoom + view->offset_y;
  const char *cls = circles_scene_circle_class (p->circle);
  gboolean special = (p->flags & (CIRCLES_SCENE_FLAG_ME | CIRCLES_SCENE_FLAG_TARGET)) != 0;

  g_string_append (out, "<g class=\"person ");
  g_string_append (out, cls);
  if (view->color_by == CIRCLES_COLOR_BY_COMPANY && !(p->flags & CIRCLES_SCENE_FLAG_ME))
    g_string_append_printf (out, " co%u", circles_scene_get_company (scene, index));
  if (p->flags & CIRCLES_SCENE_FLAG_TARGET)
    g_string_append (out, " target");
  if (p->flags & CIRCLES_SCENE_FLAG_FOLLOWER)
    g_string_append (out, " follower");
  if (p->flags & CIRCLES_SCENE_FLAG_GROUP)
    g_string_append (out, " group");
  if (!special && !circles_view_emphasises (view, p->person))
    g_string_append (out, " dim");
  if (view->selection != NULL && circles_selection_on_chain (view->selection, p->person))
    g_string_append (out, " chain");
  if (view->selection != NULL && circles_selection_get_person (view->selection) == p->person)
    g_string_append (out, " selected");
  g_string_append (out, "\" data-key=\"");
  append_sanitized (out, circles_network_get_key (network, p->person), KEY_MAX_CHARS);
  g_string_append (out, "\">");
  append_title (out, network, p);
  if (link)
    {
      g_string_append (out, "<a href=\"");
      circles_svg_append_escaped (out, url);
      g_string_append (out, "\">");
    }
  if (special)
    {
      double r = circles_scene_marker_radius (p, view->zoom);

      if (p->flags & CIRCLES_SCENE_FLAG_TARGET)
        {
          g_string_append_printf (out, "<circle class=\"halo %s\" cx=\"", cls);
          append_num (out, x);
          g_string_append (out, "\" cy=\"");
          append_num (out, y);
          g_string_append (out, "\" r=\"");
          append_num (out, r + 2.0 * circles_render_get_style ()->target_halo);
          g_string_append (out, "\"/>");
        }
      append_marker (out, circles_scene_marker_shape (p->circle), x, y, r, "");
    }
  else
    {
      g_string_append_printf (out, "<use href=\"#m-%s\" x=\"", cls);
      append_num (out, x);
      g_string_append (out, "\" y=\"");
      append_num (out, y);
      g_string_append (out, "\"/>");
    }
  if (link)
    g_string_append (out, "</a>");
  g_string_append (out, "</g>\n");
}

static void
append_text (GString    *out,
             const char *classes,
             double      x,
             double      y,
             double      size,
             const char *text)
{
  g_string_append_printf (out, "<text class=\"%s\" x=\"", classes);
  append_num (out, x);
  g_string_append (out, "\" y=\"");
  append_num (out, y);
  g_string_append (out, "\" font-size=\"");
  append_num (out, size);
  g_string_append (out, "\">");
  circles_svg_append_escaped (out, text);
  g_string_append (out, "</text>\n");
}

/* A ring of class @cls @gap pixels around the marker of @p (at least 4
 * pixels wide). */
static void
append_ring (GString                     *out,
             const char                  *cls,
             const CirclesScenePrimitive *p,
             const CirclesView           *view,
             double                       gap)
{
  g_string_append_printf (out, "<circle class=\"%s\" cx=\"", cls);
  append_num (out, p->x * view->zoom + view->offset_x);
  g_string_append (out, "\" cy=\"");
  append_num (out, p->y * view->zoom + view->offset_y);
  g_string_append (out, "\" r=\"");
  append_num (out, MAX (circles_scene_marker_radius (p, view->zoom), 4.0) + gap);
  g_string_append (out, "\"/>\n");
}

/* The introducer looked at, as the cairo backend draws it: their links
 * (class "reach"), and a ring around them with their key. */
static void
append_introducer (GString           *out,
                   CirclesScene      *scene,
                   CirclesNetwork    *network,
                   const CirclesView *view)
{
  const CirclesIntroducerView *introducer = view->introducer;
  const CirclesScenePrimitive *prims = circles_scene_get_primitives (scene, NULL);
  guint index = circles_scene_lookup_person (scene, introducer->person);
  gsize start;
  gboolean any = FALSE;

  g_string_append (out, "<g class=\"introducer\" data-key=\"");
  append_sanitized (out, circles_network_get_key (network, introducer->person), KEY_MAX_CHARS);
  g_string_append (out, "\">\n");
  start = out->len;
  g_string_append (out, "<path class=\"reach\" d=\"");
  for (guint i = 0; i < introducer->n_links; i++)
    {
      guint a = circles_scene_lookup_person (scene, introducer->links[2 * i]);
      guint b = circles_scene_lookup_person (scene, introducer->links[2 * i + 1]);

      if (a == G_MAXUINT || b == G_MAXUINT)
        continue;
      g_string_append_c (out, 'M');
      append_num (out, prims[a].x * view->zoom + view->offset_x);
      g_string_append_c (out, ' ');
      append_num (out, prims[a].y * view->zoom + view->offset_y);
      g_string_append_c (out, 'L');
      append_num (out, prims[b].x * view->zoom + view->offset_x);
      g_string_append_c (out, ' ');
      append_num (out, prims[b].y * view->zoom + view->offset_y);
      any = TRUE;
    }
  if (any)
    g_string_append (out, "\"/>\n");
  else
    g_string_truncate (out, start);
  if (index != G_MAXUINT)
    append_ring (out, "reach-ring", &prims[index], view, 4.0);
  g_string_append (out, "</g>\n");
}

/* The selection over the rest, as the cairo backend draws it: a veil,
 * the links of every chain (class "link", the chosen one "chosen", each
 * with the keys of its two people), the people along them and the
 * selected person, ringed, and the names the selection placed. */
static void
append_link (GString                     *out,
             CirclesNetwork              *network,
             const CirclesView           *view,
             const CirclesScenePrimitive *a,
             const CirclesScenePrimitive *b,
             gboolean                     chosen)
{
  g_string_append_printf (out, "<path class=\"link chain%s\" data-from=\"", chosen ? " chosen" : "");
  append_sanitized (out, circles_network_get_key (network, a->person), KEY_MAX_CHARS);
  g_string_append (out, "\" data-to=\"");
  append_sanitized (out, circles_network_get_key (network, b->person), KEY_MAX_CHARS);
  g_string_append (out, "\" d=\"M");
  append_num (out, a->x * view->zoom + view->offset_x);
  g_string_append_c (out, ' ');
  append_num (out, a->y * view->zoom + view->offset_y);
  g_string_append_c (out, 'L');
  append_num (out, b->x * view->zoom + view->offset_x);
  g_string_append_c (out, ' ');
  append_num (out, b->y * view->zoom + view->offset_y);
  g_string_append (out, "\"/>\n");
}

static void
append_chain (GString            *out,
              CirclesScene       *scene,
              CirclesNetwork     *network,
              const CirclesView  *view,
              const CirclesChain *chain,
              gboolean            chosen)
{
  const CirclesScenePrimitive *prims = circles_scene_get_primitives (scene, NULL);

  for (guint k = 0; k + 1 < chain->length; k++)
    {
      guint a = circles_scene_lookup_person (scene, chain->people[k]);
      guint b = circles_scene_lookup_person (scene, chain->people[k + 1]);

      if (a != G_MAXUINT && b != G_MAXUINT)
        append_link (out, network, view, &prims[a], &prims[b], chosen);
    }
}

static void
append_mark (GString           *out,
             CirclesScene      *scene,
             const CirclesView *view,
             guint              person,
             double             grow)
{
  const CirclesScenePrimitive *prims = circles_scene_get_primitives (scene, NULL);
  guint index = circles_scene_lookup_person (scene, person);
  g_autoptr(GString) attributes = g_string_new (" class=\"mark\" fill=\"");
  double r;

  if (index == G_MAXUINT)
    return;
  r = MAX (circles_scene_marker_radius (&prims[index], view->zoom), 3.5) + grow;
  append_color (attributes, circles_scene_primitive_color (scene, view, index));
  g_string_append_c (attributes, '"');
  append_marker (out, circles_scene_marker_shape (prims[index].circle),
                 prims[index].x * view->zoom + view->offset_x,
                 prims[index].y * view->zoom + view->offset_y, r, attributes->str);
  g_string_append_c (out, '\n');
}

static void
append_selection (GString           *out,
                  CirclesScene      *scene,
                  CirclesNetwork    *network,
                  const CirclesView *view)
{
  CirclesSelection *selection = view->selection;
  const CirclesScenePrimitive *prims = circles_scene_get_primitives (scene, NULL);
  guint person = circles_selection_get_person (selection);
  guint index = circles_scene_lookup_person (scene, person);
  guint n_chains = circles_selection_get_n_chains (selection);
  g_autoptr(GArray) names = g_array_new (FALSE, FALSE, sizeof (CirclesSelectionLabel));
  const CirclesChain *chosen;
  guint chosen_index;

  if (index == G_MAXUINT)
    return;
  chosen = circles_selection_get_chosen (selection, &chosen_index);

  g_string_append (out, "<g class=\"selection\">\n");
  g_string_append_printf (out, "<rect class=\"veil\" width=\"%d\" height=\"%d\"/>\n",
                          view->width, view->height);
  for (guint c = n_chains; c-- > 0;)
    if (c != chosen_index)
      append_chain (out, scene, network, view, circles_selection_get_chain (selection, c), FALSE);
  if (chosen != NULL)
    append_chain (out, scene, network, view, chosen, TRUE);
  for (guint c = n_chains; c-- > 0;)
    {
      const CirclesChain *chain = c == chosen_index ? chosen : circles_selection_get_chain (selection, c);

      for (guint k = 1; k + 1 < chain->length; k++)
        append_mark (out, scene, view, chain->people[k], 1.0);
    }
  if (chosen != NULL && chosen_index == G_MAXUINT)
    for (guint k = 1; k + 1 < chosen->length; k++)
      append_mark (out, scene, view, chosen->people[k], 1.0);
  append_mark (out, scene, view, person, 1.5);
  append_ring (out, "ring-selected", &prims[index], view, 7.0);

  circles_selection_place_labels (selection, scene, view, names);
  for (guint i = 0; i < names->len; i++)
    {
      const CirclesSelectionLabel *name = &g_array_index (names, CirclesSelectionLabel, i);

      append_text (out, name->bold ? "name b" : "name", name->baseline_x, name->baseline_y,
                   name->size, name->text);
    }
  g_string_append (out, "</g>\n");
}

/* Where the document goes: kept in @out, or written to @stream whenever
 * @out holds more than SINK_FLUSH_SIZE bytes, so that the memory an
 * export takes does not grow with the network. */
typedef struct
{
  GString       *out;
  GOutputStream *stream;      /* NULL: everything stays in out */
  GCancellable  *cancellable;
  GError        *error;       /* the first write that failed */
} Sink;

#define SINK_FLUSH_SIZE (1u << 20)

static void
sink_flush (Sink *sink)
{
  if (sink->error == NULL)
    g_output_stream_write_all (sink->stream, sink->out->str, sink->out->len, NULL,
                               sink->cancellable, &sink->error);
  g_string_truncate (sink->out, 0);
}

static inline void
sink_maybe_flush (Sink *sink)
{
  if (sink->stream != NULL && sink->out->len >= SINK_FLUSH_SIZE)
    sink_flush (sink);
}

static void
write_svg (Sink              *sink,
           CirclesScene      *scene,
           CirclesNetwork    *network,
           const CirclesView *view)
{
  const CirclesScenePrimitive *prims;
  const CirclesRenderStyle *style = circles_render_get_style ();
  GString *out = sink->out;
  guint first, n;
  gboolean paths;
  double x0 = 0, y0 = 0, x1 = view->width, y1 = view->height;
  gboolean defined[CIRCLES_CIRCLE_OUT_OF_NETWORK + 1] = { FALSE, };

  prims = circles_scene_get_primitives (scene, NULL);
  paths = circles_scene_get_kind (scene) == CIRCLES_LAYOUT_PATHS;

  g_string_append_printf (out,
                          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" "
                          "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" class=\"circles %s\">\n",
                          view->width, view->height, view->width, view->height,
                          paths ? "paths" : "rings");
  g_string_append (out, "<title>");
  circles_svg_append_escaped (out, paths ? _("Circles: paths to a person") : _("Circles: my network"));
  g_string_append (out, "</title>\n");
  append_style (out, view);

  /* Markers of the people, one per circle, at this zoom. */
  circles_scene_get_range (scene, CIRCLES_SCENE_PERSON, &first, &n);
  g_string_append (out, "<defs>");
  for (guint i = first; i < first + n; i++)
    {
      const CirclesScenePrimitive *p = &prims[i];
      guint c = MIN (p->circle, CIRCLES_CIRCLE_OUT_OF_NETWORK);
      g_autofree char *id = NULL;

      if (defined[c] || (p->flags & (CIRCLES_SCENE_FLAG_ME | CIRCLES_SCENE_FLAG_TARGET)))
        continue;
      defined[c] = TRUE;
      id = g_strdup_printf (" id=\"m-%s\"", circles_scene_circle_class (c));
      append_marker (out, circles_scene_marker_shape (c), 0.0, 0.0,
                     circles_scene_marker_radius (p, view->zoom), id);
    }
  g_string_append (out, "</defs>\n");

  if (!(view->flags & CIRCLES_VIEW_NO_BACKGROUND))
    g_string_append_printf (out, "<rect class=\"bg\" width=\"%d\" height=\"%d\"/>\n",
                            view->width, view->height);

  /* Rings. */
  circles_scene_get_range (scene, CIRCLES_SCENE_RING, &first, &n);
  if (n > 0)
    {
      g_string_append (out, "<g class=\"rings\">\n");
      for (guint i = first; i < first + n; i++)
        {
          const CirclesScenePrimitive *ring = &prims[i];
          const char *cls = circles_scene_circle_class (ring->circle);

          for (guint line = 0; line < 2; line++)
            {
              g_string_append_printf (out, "<circle class=\"%s %s\" cx=\"", line ? "ring" : "band", cls);
              append_num (out, ring->x * view->zoom + view->offset_x);
              g_string_append (out, "\" cy=\"");
              append_num (out, ring->y * view->zoom + view->offset_y);
              g_string_append (out, "\" r=\"");
              append_num (out, ring->r * view->zoom);
              if (!line)
                {
                  g_string_append (out, "\" stroke-width=\"");
                  append_num (out, (ring->w + 2.0 * style->band_padding) * view->zoom);
                }
              g_string_append (out, "\"/>\n");
            }
        }
      g_string_append (out, "</g>\n");
    }

  /* Edges: one path per ring (or per kind of chain). */
  circles_scene_get_range (scene, CIRCLES_SCENE_EDGE, &first, &n);
  if (n > 0)
    {
      g_string_append (out, "<g class=\"edges\">\n");
      /* When some people stand out, the edges to the others first. */
      for (guint pass = 0; pass < (view->emphasis != NULL && !paths ? 2u : 1u); pass++)
        for (guint group = 0; group < (paths ? 2u : CIRCLES_MAX_DEGREE); group++)
          {
            gboolean dim = view->emphasis != NULL && !paths && pass == 0;
            gsize start = out->len;
            gboolean any = FALSE;

            if (paths)
              g_string_append_printf (out, "<path class=\"chain%s\" d=\"", group ? " warmest" : "");
            else
              g_string_append_printf (out, "<path class=\"edge %s%s\" d=\"",
                                      circles_scene_circle_class (CIRCLES_CIRCLE_FIRST + group),
                                      dim ? " dim" : "");
            for (guint i = first; i < first + n; i++)
              {
                const CirclesScenePrimitive *e = &prims[i];
                double ax = e->x * view->zoom + view->offset_x;
                double ay = e->y * view->zoom + view->offset_y;
                double bx = e->x2 * view->zoom + view->offset_x;
                double by = e->y2 * view->zoom + view->offset_y;

                if (paths)
                  {
                    if (((e->flags & CIRCLES_SCENE_FLAG_WARMEST) != 0) != group)
                      continue;
                  }
                else if (e->circle != CIRCLES_CIRCLE_FIRST + group ||
                         (view->emphasis != NULL && circles_view_emphasises (view, e->person) == dim) ||
                         !circles_scene_edge_visible (e, view->zoom) ||
                         MAX (ax, bx) < x0 || MIN (ax, bx) > x1 ||
                         MAX (ay, by) < y0 || MIN (ay, by) > y1)
                  continue;
                /* Once the path has a segment, it can be written out. */
                if (any)
                  sink_maybe_flush (sink);
                g_string_append_c (out, 'M');
                append_num (out, ax);
                g_string_append_c (out, ' ');
                append_num (out, ay);
                g_string_append_c (out, 'L');
                append_num (out, bx);
                g_string_append_c (out, ' ');
                append_num (out, by);
                any = TRUE;
              }
            if (any)
              g_string_append (out, "\"/>\n");
            else
              g_string_truncate (out, start);
          }
      g_string_append (out, "</g>\n");
    }

  /* People: markers of each circle together, as the cairo backend
   * fills them; me and a target last. */
  circles_scene_get_range (scene, CIRCLES_SCENE_PERSON, &first, &n);
  g_string_append (out, "<g class=\"people\">\n");
  /* The dimmed, those who stand out, then me and a target. */
  for (guint pass = 0; pass < 3; pass++)
    for (guint c = CIRCLES_CIRCLE_ME; c <= CIRCLES_CIRCLE_OUT_OF_NETWORK; c++)
      for (guint i = first; i < first + n; i++)
        {
          const CirclesScenePrimitive *p = &prims[i];
          gboolean special = (p->flags & (CIRCLES_SCENE_FLAG_ME | CIRCLES_SCENE_FLAG_TARGET)) != 0;
          guint p_pass = special ? 2 : circles_view_emphasises (view, p->person) ? 1 : 0;
          double x, y, r;

          if (p->circle != c || p_pass != pass)
            continue;
          x = p->x * view->zoom + view->offset_x;
          y = p->y * view->zoom + view->offset_y;
          r = circles_scene_marker_radius (p, view->zoom);
          if (x < x0 - 2 * r || x > x1 + 2 * r || y < y0 - 2 * r || y > y1 + 2 * r)
            continue;
          append_person (out, scene, network, view, i);
          sink_maybe_flush (sink);
        }
  if (view->selected != CIRCLES_NO_PERSON && view->selection == NULL)
    {
      guint index = circles_scene_lookup_person (scene, view->selected);

      if (index != G_MAXUINT)
        {
          const CirclesScenePrimitive *p = &prims[index];

          g_string_append (out, "<circle class=\"ring-selected\" cx=\"");
          append_num (out, p->x * view->zoom + view->offset_x);
          g_string_append (out, "\" cy=\"");
          append_num (out, p->y * view->zoom + view->offset_y);
          g_string_append (out, "\" r=\"");
          append_num (out, circles_scene_marker_radius (p, view->zoom) + 4.0);
          g_string_append (out, "\"/>\n");
        }
    }
  g_string_append (out, "</g>\n");

  /* Labels. */
  {
    g_autoptr(GArray) labels = g_array_new (FALSE, FALSE, sizeof (guint));

    circles_scene_collect_labels (scene, view, x0, y0, x1, y1, labels);
    g_string_append (out, "<g class=\"labels\">\n");
    for (guint v = 0; v < labels->len; v++)
      {
        const CirclesScenePrimitive *label = &prims[g_array_index (labels, guint, v)];
        double bx, by;
        g_autofree char *classes = NULL;

        circles_scene_label_box (label, view, NULL, NULL, NULL, NULL, &bx, &by);
        classes = g_strdup_printf ("label %s%s%s%s",
                                   circles_scene_circle_class (label->circle),
                                   (label->flags & CIRCLES_SCENE_FLAG_TITLE) ? " title" : "",
                                   (label->flags & CIRCLES_SCENE_FLAG_SECONDARY) ? " sec" : "",
                                   (label->flags & CIRCLES_SCENE_FLAG_BOLD) ? " b" : "");
        append_text (out, classes, bx, by, label->r, label->text);
        sink_maybe_flush (sink);
      }
    g_string_append (out, "</g>\n");
  }

  if (view->introducer != NULL)
    append_introducer (out, scene, network, view);
  if (view->selection != NULL)
    append_selection (out, scene, network, view);

  /* Legend. */
  if (!(view->flags & CIRCLES_VIEW_NO_LEGEND))
    {
      double ox, oy;

      circles_view_get_legend_origin (view, &ox, &oy);
      circles_scene_get_range (scene, CIRCLES_SCENE_LEGEND, &first, &n);
      g_string_append (out, "<g class=\"legend\">\n");
      for (guint i = first; i < first + n; i++)
        {
          const CirclesScenePrimitive *p = &prims[i];
          const char *cls = circles_scene_circle_class (p->circle);

          if (!circles_scene_legend_visible (scene, p, view))
            continue;
          if (p->flags & CIRCLES_SCENE_FLAG_PANEL)
            {
              g_string_append (out, "<rect class=\"panel\" x=\"");
              append_num (out, ox + p->x + 0.5);
              g_string_append (out, "\" y=\"");
              append_num (out, oy + p->y + 0.5);
              g_string_append (out, "\" width=\"");
              append_num (out, p->w - 1.0);
              g_string_append (out, "\" height=\"");
              append_num (out, p->h - 1.0);
              g_string_append (out, "\" rx=\"8\"/>\n");
            }
          else if (p->flags & CIRCLES_SCENE_FLAG_GAUGE)
            {
              for (guint part = 0; part < 2; part++)
                {
                  if (part == 1 && p->x2 <= 0.0)
                    break;
                  g_string_append_printf (out, "<rect class=\"%s%s\" x=\"",
                                          part ? "gauge " : "track", part ? cls : "");
                  append_num (out, ox + p->x);
                  g_string_append (out, "\" y=\"");
                  append_num (out, oy + p->y);
                  g_string_append (out, "\" width=\"");
                  append_num (out, part ? MAX (p->w * p->x2, p->h) : p->w);
                  g_string_append (out, "\" height=\"");
                  append_num (out, p->h);
                  g_string_append (out, "\" rx=\"");
                  append_num (out, p->h / 2.0);
                  g_string_append (out, "\"/>\n");
                }
            }
          else if (p->text != NULL)
            {
              g_autofree char *classes = NULL;
              g_autofree char *text = circles_scene_legend_text (scene, i, view);

              if (p->flags & CIRCLES_SCENE_FLAG_SWATCH)
                {
                  g_autofree char *attributes = NULL;

                  if (!(p->flags & CIRCLES_SCENE_FLAG_COMPANY))
                    attributes = g_strdup_printf (" class=\"swatch %s\"", cls);
                  else if (p->flags & CIRCLES_SCENE_FLAG_SECONDARY)
                    attributes = g_strdup_printf (" class=\"swatch shape %s\"", cls);
                  else
                    attributes = g_strdup_printf (" class=\"swatch co%u\"", circles_scene_get_company (scene, i));

                  append_marker (out, circles_scene_marker_shape (p->circle),
                                 ox + p->x - CIRCLES_SCENE_SWATCH_OFFSET, oy + p->y - p->r * 0.35,
                                 CIRCLES_SCENE_SWATCH_RADIUS, attributes);
                  g_string_append_c (out, '\n');
                }
              classes = g_strdup_printf ("%s%s",
                                         (p->flags & CIRCLES_SCENE_FLAG_SECONDARY) ? "sec" : "legend",
                                         (p->flags & CIRCLES_SCENE_FLAG_BOLD) ? " b" : "");
              append_text (out, classes, ox + p->x, oy + p->y, p->r, text);
            }
        }
      g_string_append (out, "</g>\n");
    }

  g_string_append (out, "</svg>\n");
}

GBytes *
circles_svg_write (CirclesScene      *scene,
                   CirclesNetwork    *network,
                   const CirclesView *view)
{
  Sink sink = { NULL, };
  guint n;

  g_return_val_if_fail (scene != NULL, NULL);
  g_return_val_if_fail (network != NULL, NULL);
  g_return_val_if_fail (view != NULL, NULL);

  circles_scene_get_range (scene, CIRCLES_SCENE_PERSON, NULL, &n);
  sink.out = g_string_sized_new (4096 + (gsize) n * 200);
  write_svg (&sink, scene, network, view);
  return g_string_free_to_bytes (sink.out);
}

/**
 * circles_svg_write_to_stream:
 *
 * Writes the SVG of circles_svg_write() to @stream as it goes, holding
 * at most about a megabyte of it in memory.
 */
gboolean
circles_svg_write_to_stream (CirclesScene       *scene,
                             CirclesNetwork     *network,
                             const CirclesView  *view,
                             GOutputStream      *stream,
                             GCancellable       *cancellable,
                             GError            **error)
{
  g_autoptr(GString) out = g_string_sized_new (SINK_FLUSH_SIZE + 4096);
  Sink sink = { out, stream, cancellable, NULL };

  g_return_val_if_fail (scene != NULL, FALSE);
  g_return_val_if_fail (network != NULL, FALSE);
  g_return_val_if_fail (view != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  write_svg (&sink, scene, network, view);
  sink_flush (&sink);
  if (sink.error != NULL)
    {
      g_propagate_error (error, sink.error);
      return FALSE;
    }
  return TRUE;
}
