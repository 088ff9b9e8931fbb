/* circles-scene.c: what is drawn, as primitives that carry meaning
 *
 * A scene is built once from a layout; backends (cairo, SVG) only read
 * it. It holds, grouped by kind: the rings, the edges of the BFS tree (or
 * of the chains), one marker per placed person, the labels, and a legend
 * with the counts of every circle. Labels get a level of detail: each
 * one has the smallest zoom from which it is drawn, chosen greedily,
 * most connected people first, so that the labels drawn at any zoom
 * never overlap.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "circles-scene"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <cairo.h>
#include <math.h>
#include <string.h>

#include "circles-circle.h"
#include "circles-format.h"
#include "circles-scene.h"
#include "circles-selection.h"
#include "circles-text.h"

#define PERSON_FONT_SIZE     11.0
#define SECONDARY_FONT_SIZE  10.0
#define RING_FONT_SIZE       12.0
#define ME_FONT_SIZE         13.0
#define LEGEND_FONT_SIZE     12.0
#define LEGEND_TITLE_SIZE    14.0
#define LABEL_HEIGHT_RATIO   CIRCLES_SCENE_LABEL_HEIGHT_RATIO
#define LABEL_GAP            8.0  /* pixels between a marker's centre and its label */
#define LABEL_PAD            1.5  /* free pixels kept around every label */
#define LABEL_MAX_CHARS      28
#define TITLE_MAX_CHARS      200
#define LOD_BASE_PIXELS      120.0 /* level 0: the scene fits in this many pixels */
#define LOD_MAX_LEVELS       40
#define LOD_STEP             G_SQRT2
#define LEGEND_PADDING       14.0
#define LEGEND_SWATCH        18.0
#define LEGEND_GAUGE_WIDTH   150.0
#define VIEW_MARGIN          16.0
#define PATH_MARKER_RADIUS   7.0
#define GRID_CELL            32.0

struct _CirclesScene
{
  gatomicrefcount  ref_count;
  CirclesLayout   *layout;
  CirclesLayoutKind kind;
  GArray          *primitives;
  guint            range_first[CIRCLES_SCENE_N_KINDS];
  guint            range_n[CIRCLES_SCENE_N_KINDS];
  GStringChunk    *strings;
  double           bounds[4];  /* x, y, width, height */
  double           legend_size[2];
  CirclesCounts    counts;      /* of the network, for the legend */
  guint            n_people;
  guint32         *prim_of_person;

  /* The last view that fitted (it looks at every label: a canvas asks
   * for it at every frame of a zoom). */
  int              fit_width, fit_height;
  CirclesView      fit_view;

  /* level of detail */
  guint            lod_levels_done;
  double           lod_base;

  /* hit-testing grid over PERSON primitives */
  double           grid_x, grid_y;
  guint            grid_cols, grid_rows;
  guint32         *grid_start;  /* cols × rows + 1 */
  guint32         *grid_items;  /* primitive indices */

  /* colour by company: one index a primitive (0: the others) */
  guint8          *companies;

  gpointer         backend_data;
  GDestroyNotify   backend_destroy;
};

/* ------------------------------------------------------------------ */
/* Palette                                                              */

#define RGB(hex) { ((hex) >> 16) / 255.0, (((hex) >> 8) & 0xff) / 255.0, ((hex) & 0xff) / 255.0 }

/* Blue, orange and magenta tell the three circles apart with every kind
 * of colour blindness (and the shapes do too); the contrast ratios are
 * in tests/test-scene.c. The badges of style.css use the same colours. */
static const CirclesPalette palettes[2] = {
  { /* light: on white */
    .background     = RGB (0xffffff),
    .text           = RGB (0x241f31),
    .text_secondary = RGB (0x5e5c64),
    .halo           = RGB (0xffffff),
    .panel          = RGB (0xfafafa),
    .panel_border   = RGB (0xdeddda),
    .gauge_track    = RGB (0xdeddda),
    .edge_path      = RGB (0x77767b),
    .circle = {
      [CIRCLES_CIRCLE_ME]             = RGB (0x241f31),
      [CIRCLES_CIRCLE_FIRST]          = RGB (0x1a5fb4), /* blue */
      [CIRCLES_CIRCLE_SECOND]         = RGB (0xc64600), /* orange */
      [CIRCLES_CIRCLE_THIRD]          = RGB (0xa8337f), /* magenta */
      [CIRCLES_CIRCLE_FOLLOWER]       = RGB (0x1b7d4f), /* green */
      [CIRCLES_CIRCLE_GROUP_MEMBER]   = RGB (0x8a5f3c), /* brown */
      [CIRCLES_CIRCLE_OUT_OF_NETWORK] = RGB (0x6f6e74), /* grey */
    },
    .company = {
      RGB (0x858489), RGB (0x1c71d8), RGB (0xc64600), RGB (0x1f8a57), RGB (0xc01c28), RGB (0x813d9c),
      RGB (0x98690a), RGB (0x1b7a8a), RGB (0xc0468e), RGB (0x865e3c), RGB (0x4a5b8c),
    },
  },
  { /* dark: on libadwaita's dark view, #1e1e1e */
    .background     = RGB (0x1e1e1e),
    .text           = RGB (0xf6f5f4),
    .text_secondary = RGB (0xb8b7bc),
    .halo           = RGB (0x1e1e1e),
    .panel          = RGB (0x2a2a2a),
    .panel_border   = RGB (0x46464b),
    .gauge_track    = RGB (0x46464b),
    .edge_path      = RGB (0x9a9996),
    .circle = {
      [CIRCLES_CIRCLE_ME]             = RGB (0xf6f5f4),
      [CIRCLES_CIRCLE_FIRST]          = RGB (0x62a0ea),
      [CIRCLES_CIRCLE_SECOND]         = RGB (0xffa348),
      [CIRCLES_CIRCLE_THIRD]          = RGB (0xf08ac8),
      [CIRCLES_CIRCLE_FOLLOWER]       = RGB (0x57e389),
      [CIRCLES_CIRCLE_GROUP_MEMBER]   = RGB (0xcdab8f),
      [CIRCLES_CIRCLE_OUT_OF_NETWORK] = RGB (0xa3a2a7),
    },
    .company = {
      RGB (0x8f8e94), RGB (0x62a0ea), RGB (0xffa348), RGB (0x57e389), RGB (0xf66151), RGB (0xc88be0),
      RGB (0xf5c211), RGB (0x5bc8d6), RGB (0xf28ac6), RGB (0xcdab8f), RGB (0xa0b1e0),
    },
  },
};

#undef RGB

const CirclesPalette *
circles_scene_get_palette (gboolean dark)
{
  return &palettes[dark ? 1 : 0];
}

const CirclesPalette *
circles_view_get_palette (const CirclesView *view)
{
  return &palettes[(view->flags & CIRCLES_VIEW_DARK) ? 1 : 0];
}

static double
relative_luminance (const CirclesColor *c)
{
  double v[3] = { c->r, c->g, c->b };

  for (guint i = 0; i < 3; i++)
    v[i] = v[i] <= 0.04045 ? v[i] / 12.92 : pow ((v[i] + 0.055) / 1.055, 2.4);
  return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
}

double
circles_color_contrast (const CirclesColor *a,
                        const CirclesColor *b)
{
  double la = relative_luminance (a), lb = relative_luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

static const char *circle_classes[] = {
  [CIRCLES_CIRCLE_ME]             = "me",
  [CIRCLES_CIRCLE_FIRST]          = "d1",
  [CIRCLES_CIRCLE_SECOND]         = "d2",
  [CIRCLES_CIRCLE_THIRD]          = "d3",
  [CIRCLES_CIRCLE_FOLLOWER]       = "follower",
  [CIRCLES_CIRCLE_GROUP_MEMBER]   = "group",
  [CIRCLES_CIRCLE_OUT_OF_NETWORK] = "out",
};

const CirclesColor *
circles_scene_circle_color (CirclesCircle circle)
{
  if ((guint) circle > CIRCLES_CIRCLE_OUT_OF_NETWORK)
    circle = CIRCLES_CIRCLE_OUT_OF_NETWORK;
  return &palettes[0].circle[circle];
}

const char *
circles_scene_circle_class (CirclesCircle circle)
{
  if ((guint) circle >= G_N_ELEMENTS (circle_classes))
    circle = CIRCLES_CIRCLE_OUT_OF_NETWORK;
  return circle_classes[circle];
}

CirclesMarkerShape
circles_scene_marker_shape (CirclesCircle circle)
{
  switch (circle)
    {
    case CIRCLES_CIRCLE_SECOND:
      return CIRCLES_MARKER_DIAMOND;
    case CIRCLES_CIRCLE_THIRD:
      return CIRCLES_MARKER_TRIANGLE;
    default:
      return CIRCLES_MARKER_DISC;
    }
}

guint
circles_scene_marker_points (CirclesMarkerShape  shape,
                             double              r,
                             double             *points)
{
  switch (shape)
    {
    case CIRCLES_MARKER_DIAMOND:
      /* the same area as the disc */
      r *= 1.25;
      points[0] = 0.0;
      points[1] = -r;
      points[2] = r;
      points[3] = 0.0;
      points[4] = 0.0;
      points[5] = r;
      points[6] = -r;
      points[7] = 0.0;
      return 4;
    case CIRCLES_MARKER_TRIANGLE:
      r *= 1.55;
      points[0] = 0.0;
      points[1] = -r;
      points[2] = r * 0.866;
      points[3] = r * 0.5;
      points[4] = -r * 0.866;
      points[5] = r * 0.5;
      return 3;
    case CIRCLES_MARKER_DISC:
    default:
      return 0;
    }
}

/* ------------------------------------------------------------------ */
/* Text                                                              */

static gboolean
is_unsafe_char (gunichar c)
{
  return c < 0x20 || (c >= 0x7f && c <= 0x9f) ||
         /* bidi marks, embeddings, overrides and isolates */
         c == 0x061c || c == 0x200e || c == 0x200f ||
         (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) ||
         /* byte order mark, non-characters */
         c == 0xfeff || (c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) == 0xfffe;
}

char *
circles_scene_sanitize_text (const char *text,
                             gssize      max_chars)
{
  g_autofree char *valid = NULL;
  GString *out;
  gboolean last_space = TRUE;
  gboolean truncated = FALSE;
  gssize n_chars = 0;

  if (text == NULL)
    return g_strdup ("");

  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (MIN (strlen (valid), max_chars >= 0 ? (gsize) max_chars * 4 + 4 : G_MAXSIZE));
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\t' || c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029)
        c = ' ';
      if (is_unsafe_char (c))
        continue;
      if (c == ' ' && last_space)
        continue;
      if (max_chars >= 0 && n_chars >= max_chars)
        {
          truncated = TRUE;
          break;
        }
      g_string_append_unichar (out, c);
      last_space = c == ' ';
      n_chars++;
    }

  if (truncated && max_chars > 0)
    {
      /* Room for the ellipsis: drop the last character. */
      char *last = g_utf8_find_prev_char (out->str, out->str + out->len);

      if (last != NULL)
        g_string_truncate (out, last - out->str);
    }
  while (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  if (truncated && max_chars > 0)
    g_string_append (out, "…");

  return g_string_free (out, FALSE);
}

double
circles_scene_measure_text (const char *text,
                            double      size,
                            gboolean    bold)
{
  return circles_text_measure (text, size, bold);
}

/* ------------------------------------------------------------------ */

static const char *
intern (CirclesScene *self,
        const char   *text)
{
  return g_string_chunk_insert (self->strings, text);
}

static const char *
intern_sanitized (CirclesScene *self,
                  const char   *text,
                  gssize        max_chars)
{
  g_autofree char *clean = circles_scene_sanitize_text (text, max_chars);

  return intern (self, clean);
}

static CirclesCircle
circle_of_ring (guint ring)
{
  switch (ring)
    {
    case 0:
      return CIRCLES_CIRCLE_ME;
    case 1:
      return CIRCLES_CIRCLE_FIRST;
    case 2:
      return CIRCLES_CIRCLE_SECOND;
    default:
      return CIRCLES_CIRCLE_THIRD;
    }
}

static double
person_radius (CirclesCircle circle)
{
  switch (circle)
    {
    case CIRCLES_CIRCLE_ME:
      return 7.0;
    case CIRCLES_CIRCLE_FIRST:
      return 3.2;
    case CIRCLES_CIRCLE_SECOND:
      return 2.6;
    default:
      return 2.2;
    }
}

double
circles_scene_marker_radius (const CirclesScenePrimitive *person,
                             double                       zoom)
{
  static const double min_px[] = { 5.0, 1.7, 1.4, 1.2, 1.2, 1.2, 1.2 };
  static const double max_px[] = { 9.0, 6.0, 5.5, 5.0, 5.0, 5.0, 5.0 };
  guint c = MIN (person->circle, G_N_ELEMENTS (min_px) - 1);

  return CLAMP (person->r * zoom, min_px[c], max_px[c]);
}

gboolean
circles_scene_edge_visible (const CirclesScenePrimitive *edge,
                            double                       zoom)
{
  return zoom >= edge->min_zoom;
}

/* Labels ------------------------------------------------------------ */

typedef struct
{
  CirclesScenePrimitive prim;
  guint                 n_links;
} LabelCandidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const LabelCandidate *ca = a;
  const LabelCandidate *cb = b;
  gboolean title_a = (ca->prim.flags & (CIRCLES_SCENE_FLAG_TITLE | CIRCLES_SCENE_FLAG_ME)) != 0;
  gboolean title_b = (cb->prim.flags & (CIRCLES_SCENE_FLAG_TITLE | CIRCLES_SCENE_FLAG_ME)) != 0;

  if (title_a != title_b)
    return title_a ? -1 : 1;
  if (ca->n_links != cb->n_links)
    return ca->n_links > cb->n_links ? -1 : 1;
  if (ca->prim.circle != cb->prim.circle)
    return ca->prim.circle < cb->prim.circle ? -1 : 1;
  if ((ca->prim.flags & CIRCLES_SCENE_FLAG_SECONDARY) != (cb->prim.flags & CIRCLES_SCENE_FLAG_SECONDARY))
    return (ca->prim.flags & CIRCLES_SCENE_FLAG_SECONDARY) ? 1 : -1;
  if (ca->prim.person != cb->prim.person)
    return ca->prim.person < cb->prim.person ? -1 : 1;
  return 0;
}

static void
make_label (CirclesScenePrimitive *label,
            const char            *text,
            double                 size,
            gboolean               bold)
{
  label->kind = CIRCLES_SCENE_LABEL;
  label->text = text;
  label->r = size;
  label->w = ceil (circles_scene_measure_text (text, size, bold)) + 1.0;
  label->h = ceil (size * LABEL_HEIGHT_RATIO);
  label->min_zoom = INFINITY;
  if (bold)
    label->flags |= CIRCLES_SCENE_FLAG_BOLD;
}

/* Legend ------------------------------------------------------------ */

typedef struct
{
  GArray *prims;
  double  y;
  double  width;
} LegendBuilder;

static void
legend_text (CirclesScene  *self,
             LegendBuilder *legend,
             const char    *text,
             double         size,
             guint          flags,
             CirclesCircle  circle)
{
  CirclesScenePrimitive prim = { 0, };
  gboolean bold = (flags & (CIRCLES_SCENE_FLAG_TITLE | CIRCLES_SCENE_FLAG_BOLD)) != 0;
  double x = LEGEND_PADDING + ((flags & CIRCLES_SCENE_FLAG_SWATCH) ? LEGEND_SWATCH : 0.0);

  prim.kind = CIRCLES_SCENE_LEGEND;
  prim.person = CIRCLES_NO_PERSON;
  prim.circle = circle;
  prim.flags = flags | (bold ? CIRCLES_SCENE_FLAG_BOLD : 0);
  prim.text = intern_sanitized (self, text, TITLE_MAX_CHARS);
  prim.r = size;
  prim.w = ceil (circles_scene_measure_text (prim.text, size, bold));
  prim.h = ceil (size * LABEL_HEIGHT_RATIO);
  legend->y += size * 1.55;
  prim.x = x;
  prim.y = legend->y;
  legend->width = MAX (legend->width, x + prim.w + LEGEND_PADDING);
  g_array_append_val (legend->prims, prim);
}

static void
legend_gauge (LegendBuilder *legend,
              double         ratio,
              CirclesCircle  circle)
{
  CirclesScenePrimitive prim = { 0, };

  prim.kind = CIRCLES_SCENE_LEGEND;
  prim.person = CIRCLES_NO_PERSON;
  prim.circle = circle;
  prim.flags = CIRCLES_SCENE_FLAG_GAUGE;
  prim.x = LEGEND_PADDING + LEGEND_SWATCH;
  prim.y = legend->y + 6.0;
  prim.w = LEGEND_GAUGE_WIDTH;
  prim.h = 5.0;
  prim.x2 = CLAMP (ratio, 0.0, 1.0);
  legend->y += 9.0;
  legend->width = MAX (legend->width, prim.x + prim.w + LEGEND_PADDING);
  g_array_append_val (legend->prims, prim);
}

static void
legend_space (LegendBuilder *legend,
              double         pixels)
{
  legend->y += pixels;
}

/* How many people @counts has in @circle. */
static guint
count_of (const CirclesCounts *counts,
          CirclesCircle        circle)
{
  switch (circle)
    {
    case CIRCLES_CIRCLE_FIRST:         return counts->first;
    case CIRCLES_CIRCLE_SECOND:        return counts->second;
    case CIRCLES_CIRCLE_THIRD:         return counts->third;
    case CIRCLES_CIRCLE_FOLLOWER:      return counts->followers;
    case CIRCLES_CIRCLE_GROUP_MEMBER:  return counts->group_members;
    case CIRCLES_CIRCLE_OUT_OF_NETWORK:
    default:                           return counts->out_of_network;
    }
}

/* The row of the legend that counts @circle: its total, or when @part
 * is given how many of them stand out. */
static char *
count_text (const CirclesCounts *total,
            const CirclesCounts *part,
            CirclesCircle        circle)
{
  g_autofree char *all = circles_format_count (count_of (total, circle));
  g_autofree char *some = part != NULL ? circles_format_count (count_of (part, circle)) : NULL;
  const char *name = circles_circle_get_group_name (circle);

  if (part == NULL && circle == CIRCLES_CIRCLE_FIRST)
    {
      g_autofree char *cap = circles_format_count (CIRCLES_FIRST_DEGREE_CAP);

      /* Translators: a circle's people against the cap of 1st-degree
       * connections, e.g. "1st circle  312 / 30 000" */
      return g_strdup_printf (_("%s  %s / %s"), name, all, cap);
    }
  if (part == NULL)
    /* Translators: a circle and how many people it has, e.g.
     * "2nd circle  2,728" */
    return g_strdup_printf (_("%s  %s"), name, all);

  /* Translators: how many people of a circle stand out on the rings
   * (they match the filter, or an introducer reaches them), of all the
   * people of that circle, e.g. "2nd circle  111 of 2,728". */
  return g_strdup_printf (_("%s  %s of %s"), name, some, all);
}

/* A row that counts @circle; wide enough for "N of N" too, so that the
 * legend keeps its size whatever stands out. */
static void
legend_count (CirclesScene  *self,
              LegendBuilder *legend,
              CirclesCircle  circle)
{
  g_autofree char *text = count_text (&self->counts, NULL, circle);
  g_autofree char *longest = count_text (&self->counts, &self->counts, circle);
  double x = LEGEND_PADDING + LEGEND_SWATCH;

  legend_text (self, legend, text, LEGEND_FONT_SIZE,
               CIRCLES_SCENE_FLAG_SWATCH | CIRCLES_SCENE_FLAG_COUNT, circle);
  legend->width = MAX (legend->width,
                       x + ceil (circles_scene_measure_text (longest, LEGEND_FONT_SIZE, FALSE)) + LEGEND_PADDING);
}

static void
legend_finish (CirclesScene  *self,
               LegendBuilder *legend)
{
  CirclesScenePrimitive panel = { 0, };

  panel.kind = CIRCLES_SCENE_LEGEND;
  panel.person = CIRCLES_NO_PERSON;
  panel.flags = CIRCLES_SCENE_FLAG_PANEL;
  panel.w = ceil (legend->width);
  panel.h = ceil (legend->y + LEGEND_PADDING);
  g_array_prepend_val (legend->prims, panel);
  self->legend_size[0] = panel.w;
  self->legend_size[1] = panel.h;
}


/* ------------------------------------------------------------------ */
/* Companies                                                           */

typedef struct
{
  const char *name;
  guint       count;
} CompanyCount;

static int
compare_company_counts (gconstpointer a,
                        gconstpointer b)
{
  const CompanyCount *ca = a, *cb = b;

  if (ca->count != cb->count)
    return ca->count > cb->count ? -1 : 1;
  return g_strcmp0 (ca->name, cb->name);
}

/* The biggest companies among the people of the three circles (the same
 * whatever the scene shows): fills @top (at most CIRCLES_SCENE_N_COMPANIES,
 * with 2 people at least) and returns the company index of every person. */
static guint8 *
rank_companies (CirclesNetwork *network,
                GArray         *top)
{
  guint n = circles_network_get_n_people (network);
  g_autoptr(GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (CompanyCount));
  g_autoptr(GHashTable) colors = g_hash_table_new (g_str_hash, g_str_equal);
  guint8 *of_person = g_new0 (guint8, MAX (n, 1));
  GHashTableIter iter;
  gpointer key, value;

  for (guint p = 0; p < n; p++)
    {
      const char *company = circles_network_get_company (network, p);
      guint degree = circles_network_get_degree (network, p);

      if (company == NULL || *company == '\0' || degree < 1 || degree > CIRCLES_MAX_DEGREE)
        continue;
      g_hash_table_insert (counts, (gpointer) company,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, company)) + 1));
    }
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      CompanyCount entry = { key, GPOINTER_TO_UINT (value) };

      if (entry.count >= 2)
        g_array_append_val (all, entry);
    }
  g_array_sort (all, compare_company_counts);
  for (guint i = 0; i < MIN (all->len, CIRCLES_SCENE_N_COMPANIES); i++)
    {
      g_array_append_val (top, g_array_index (all, CompanyCount, i));
      g_hash_table_insert (colors, (gpointer) g_array_index (all, CompanyCount, i).name,
                           GUINT_TO_POINTER (i + 1));
    }
  if (top->len > 0)
    for (guint p = 0; p < n; p++)
      {
        const char *company = circles_network_get_company (network, p);

        if (company != NULL && *company != '\0')
          of_person[p] = GPOINTER_TO_UINT (g_hash_table_lookup (colors, company));
      }
  return of_person;
}

/* The legend shown when people are coloured by company: the companies,
 * then what the shapes tell. The company of a row is kept in x2 until
 * the scene is assembled. */
static void
build_company_legend (CirclesScene *self,
                      GArray       *top,
                      GArray       *out)
{
  g_autoptr(GArray) prims = g_array_new (FALSE, FALSE, sizeof (CirclesScenePrimitive));
  LegendBuilder legend = { prims, 0.0, 0.0 };
  static const struct { CirclesCircle circle; const char *name; } shapes[] = {
    { CIRCLES_CIRCLE_FIRST, N_("1st circle") },
    { CIRCLES_CIRCLE_SECOND, N_("2nd circle") },
    { CIRCLES_CIRCLE_THIRD, N_("3rd circle") },
  };
  double legend_w = self->legend_size[0], legend_h = self->legend_size[1];

  legend_text (self, &legend, _("Colored by company"), LEGEND_TITLE_SIZE,
               CIRCLES_SCENE_FLAG_TITLE, CIRCLES_CIRCLE_OUT_OF_NETWORK);
  legend_space (&legend, 4.0);
  for (guint i = 0; i <= top->len; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *count = NULL;
      g_autofree char *text = NULL;

      if (i < top->len)
        {
          name = circles_scene_sanitize_text (g_array_index (top, CompanyCount, i).name, LABEL_MAX_CHARS);
          count = circles_format_count (g_array_index (top, CompanyCount, i).count);
          /* Translators: a company and how many of my circles work there */
          text = g_strdup_printf (_("%s  %s"), name, count);
        }
      legend_text (self, &legend, i < top->len ? text : _("Other companies"), LEGEND_FONT_SIZE,
                   CIRCLES_SCENE_FLAG_SWATCH, CIRCLES_CIRCLE_OUT_OF_NETWORK);
      g_array_index (prims, CirclesScenePrimitive, prims->len - 1).x2 = i < top->len ? i + 1 : 0;
    }
  legend_space (&legend, 6.0);
  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    legend_text (self, &legend, _(shapes[i].name), LEGEND_FONT_SIZE,
                 CIRCLES_SCENE_FLAG_SWATCH | CIRCLES_SCENE_FLAG_SECONDARY, shapes[i].circle);
  legend_finish (self, &legend);

  for (guint i = 0; i < prims->len; i++)
    g_array_index (prims, CirclesScenePrimitive, i).flags |= CIRCLES_SCENE_FLAG_COMPANY;
  g_array_append_vals (out, prims->data, prims->len);
  /* The view keeps room for the larger legend. */
  self->legend_size[0] = MAX (self->legend_size[0], legend_w);
  self->legend_size[1] = MAX (self->legend_size[1], legend_h);
}

/* ------------------------------------------------------------------ */
/* Rings                                                               */

static void
build_rings (CirclesScene   *self,
             CirclesNetwork *network,
             GArray        **by_kind)
{
  CirclesLayout *layout = self->layout;
  const CirclesLayoutNode *nodes;
  const CirclesLayoutEdge *edges;
  const CirclesCounts *counts = circles_network_get_counts (network);
  guint n_nodes, n_edges;
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (LabelCandidate));
  LegendBuilder legend = { by_kind[CIRCLES_SCENE_LEGEND], 0.0, 0.0 };
  double edge_min_zoom[CIRCLES_MAX_DEGREE + 1];
  double outer;

  nodes = circles_layout_get_nodes (layout, &n_nodes);
  edges = circles_layout_get_edges (layout, &n_edges);

  for (guint k = 1; k <= CIRCLES_MAX_DEGREE; k++)
    {
      CirclesScenePrimitive ring = { 0, };
      LabelCandidate label = { { 0, }, 0 };
      double radius = circles_layout_get_ring_radius (layout, k);
      double band = circles_layout_get_ring_band (layout, k);
      guint size = circles_layout_get_ring_size (layout, k);
      static const char *names[] = { NULL, N_("1st"), N_("2nd"), N_("3rd") };

      ring.kind = CIRCLES_SCENE_RING;
      ring.circle = circle_of_ring (k);
      ring.person = CIRCLES_NO_PERSON;
      ring.r = radius;
      ring.w = band;
      g_array_append_val (by_kind[CIRCLES_SCENE_RING], ring);

      /* The ring's name, above its band. */
      label.prim.circle = ring.circle;
      label.prim.person = CIRCLES_NO_PERSON;
      label.prim.flags = CIRCLES_SCENE_FLAG_TITLE;
      make_label (&label.prim, intern (self, _(names[k])), RING_FONT_SIZE, TRUE);
      label.prim.x = 0.0;
      label.prim.y = -(radius + band / 2.0);
      label.prim.dx = -label.prim.w / 2.0;
      label.prim.dy = -label.prim.h - 3.0;
      g_array_append_val (candidates, label);

      /* Edges towards a dense ring only show once its people are apart:
       * the 1st ring's always do (the spokes of me). */
      edge_min_zoom[k] = k == 1 ? 0.0
                         : 3.0 / (2.0 * G_PI * radius / MAX (size, 1u));
    }
  outer = circles_layout_get_ring_radius (layout, CIRCLES_MAX_DEGREE) +
          circles_layout_get_ring_band (layout, CIRCLES_MAX_DEGREE) / 2.0 + 6.0;
  self->bounds[0] = -outer;
  self->bounds[1] = -outer - 20.0;
  self->bounds[2] = 2.0 * outer;
  self->bounds[3] = 2.0 * outer + 20.0;

  for (guint i = 0; i < n_edges; i++)
    {
      CirclesScenePrimitive prim = { 0, };
      const CirclesLayoutNode *a = &nodes[edges[i].a];
      const CirclesLayoutNode *b = &nodes[edges[i].b];

      prim.kind = CIRCLES_SCENE_EDGE;
      prim.circle = circle_of_ring (b->ring);
      prim.person = b->person;
      prim.x = a->x;
      prim.y = a->y;
      prim.x2 = b->x;
      prim.y2 = b->y;
      prim.r = edges[i].strength;
      prim.min_zoom = edge_min_zoom[MIN (b->ring, CIRCLES_MAX_DEGREE)];
      g_array_append_val (by_kind[CIRCLES_SCENE_EDGE], prim);
    }

  for (guint i = 0; i < n_nodes; i++)
    {
      const CirclesLayoutNode *node = &nodes[i];
      CirclesScenePrimitive prim = { 0, };
      LabelCandidate label = { { 0, }, 0 };
      guint flags = circles_network_get_flags (network, node->person);

      prim.kind = CIRCLES_SCENE_PERSON;
      prim.circle = circle_of_ring (node->ring);
      prim.person = node->person;
      prim.x = node->x;
      prim.y = node->y;
      prim.r = person_radius (prim.circle);
      if (node->ring == 0)
        prim.flags |= CIRCLES_SCENE_FLAG_ME;
      if (flags & CIRCLES_FLAG_FOLLOWER)
        prim.flags |= CIRCLES_SCENE_FLAG_FOLLOWER;
      if (flags & CIRCLES_FLAG_GROUP_MEMBER)
        prim.flags |= CIRCLES_SCENE_FLAG_GROUP;
      g_array_append_val (by_kind[CIRCLES_SCENE_PERSON], prim);

      label.prim.circle = prim.circle;
      label.prim.person = node->person;
      label.prim.x = node->x;
      label.prim.y = node->y;
      label.n_links = circles_network_get_n_neighbours (network, node->person);
      if (node->ring == 0)
        {
          label.prim.flags = CIRCLES_SCENE_FLAG_ME;
          make_label (&label.prim,
                      intern_sanitized (self, circles_network_get_name (network, node->person),
                                        LABEL_MAX_CHARS),
                      ME_FONT_SIZE, TRUE);
          label.prim.dx = -label.prim.w / 2.0;
          label.prim.dy = LABEL_GAP + 2.0;
        }
      else
        {
          make_label (&label.prim,
                      intern_sanitized (self, circles_network_get_name (network, node->person),
                                        LABEL_MAX_CHARS),
                      PERSON_FONT_SIZE, node->ring == 1);
          /* Away from the centre: right of people on the right half. */
          label.prim.dx = node->x >= 0.0 ? LABEL_GAP : -LABEL_GAP - label.prim.w;
          label.prim.dy = -label.prim.h / 2.0;
        }
      if (label.prim.text[0] != '\0')
        g_array_append_val (candidates, label);
    }

  g_array_sort (candidates, compare_candidates);
  for (guint i = 0; i < candidates->len; i++)
    g_array_append_val (by_kind[CIRCLES_SCENE_LABEL],
                        g_array_index (candidates, LabelCandidate, i).prim);

  /* Legend: the counts of every circle; the 1st against its cap. */
  {
    guint me = circles_network_get_me (network);

    self->counts = *counts;
    legend_text (self, &legend, circles_network_get_name (network, me),
                 LEGEND_TITLE_SIZE, CIRCLES_SCENE_FLAG_TITLE, CIRCLES_CIRCLE_ME);
    legend_space (&legend, 4.0);

    legend_count (self, &legend, CIRCLES_CIRCLE_FIRST);
    legend_gauge (&legend, (double) counts->first / CIRCLES_FIRST_DEGREE_CAP, CIRCLES_CIRCLE_FIRST);
    legend_count (self, &legend, CIRCLES_CIRCLE_SECOND);
    legend_count (self, &legend, CIRCLES_CIRCLE_THIRD);
    legend_space (&legend, 6.0);
    legend_text (self, &legend, _("Off the rings"), LEGEND_FONT_SIZE,
                 CIRCLES_SCENE_FLAG_BOLD | CIRCLES_SCENE_FLAG_SECONDARY, CIRCLES_CIRCLE_OUT_OF_NETWORK);
    legend_count (self, &legend, CIRCLES_CIRCLE_FOLLOWER);
    legend_count (self, &legend, CIRCLES_CIRCLE_GROUP_MEMBER);
    legend_count (self, &legend, CIRCLES_CIRCLE_OUT_OF_NETWORK);
    legend_finish (self, &legend);
  }
}

/* ------------------------------------------------------------------ */
/* Paths                                                               */

static const char *
advice_for (guint degree)
{
  switch (degree)
    {
    case 1:
    case 2:
    case 3:
      return circles_circle_get_advice (CIRCLES_CIRCLE_FIRST + degree - 1);
    default:
      return _("Not within three degrees: no chain leads there.");
    }
}

static void
build_paths (CirclesScene   *self,
             CirclesNetwork *network,
             GArray        **by_kind)
{
  CirclesLayout *layout = self->layout;
  const CirclesPaths *paths = circles_layout_get_paths (layout);
  const CirclesLayoutNode *nodes;
  const CirclesLayoutEdge *edges;
  guint n_nodes, n_edges;
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (LabelCandidate));
  LegendBuilder legend = { by_kind[CIRCLES_SCENE_LEGEND], 0.0, 0.0 };
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

  nodes = circles_layout_get_nodes (layout, &n_nodes);
  edges = circles_layout_get_edges (layout, &n_edges);

  for (guint i = 0; i < n_edges; i++)
    {
      CirclesScenePrimitive prim = { 0, };
      const CirclesLayoutNode *a = &nodes[edges[i].a];
      const CirclesLayoutNode *b = &nodes[edges[i].b];

      prim.kind = CIRCLES_SCENE_EDGE;
      prim.circle = circle_of_ring (MIN (b->ring, CIRCLES_MAX_DEGREE));
      prim.person = b->person;
      prim.x = a->x;
      prim.y = a->y;
      prim.x2 = b->x;
      prim.y2 = b->y;
      prim.r = edges[i].strength;
      if (edges[i].flags & CIRCLES_LAYOUT_EDGE_WARMEST)
        prim.flags |= CIRCLES_SCENE_FLAG_WARMEST;
      g_array_append_val (by_kind[CIRCLES_SCENE_EDGE], prim);
    }

  for (guint i = 0; i < n_nodes; i++)
    {
      const CirclesLayoutNode *node = &nodes[i];
      CirclesScenePrimitive prim = { 0, };
      LabelCandidate name = { { 0, }, 0 };
      LabelCandidate detail = { { 0, }, 0 };
      guint degree = circles_network_get_degree (network, node->person);
      guint flags = circles_network_get_flags (network, node->person);
      const char *position = circles_network_get_position (network, node->person);
      const char *company = circles_network_get_company (network, node->person);
      g_autofree char *line = NULL;

      prim.kind = CIRCLES_SCENE_PERSON;
      prim.circle = degree <= CIRCLES_MAX_DEGREE
                    ? circle_of_ring (degree)
                    : circles_network_get_circle (network, node->person);
      prim.person = node->person;
      prim.x = node->x;
      prim.y = node->y;
      prim.r = PATH_MARKER_RADIUS;
      if (node->flags & CIRCLES_LAYOUT_NODE_ME)
        prim.flags |= CIRCLES_SCENE_FLAG_ME;
      if (node->flags & CIRCLES_LAYOUT_NODE_TARGET)
        prim.flags |= CIRCLES_SCENE_FLAG_TARGET;
      if (flags & CIRCLES_FLAG_FOLLOWER)
        prim.flags |= CIRCLES_SCENE_FLAG_FOLLOWER;
      if (flags & CIRCLES_FLAG_GROUP_MEMBER)
        prim.flags |= CIRCLES_SCENE_FLAG_GROUP;
      g_array_append_val (by_kind[CIRCLES_SCENE_PERSON], prim);

      x0 = MIN (x0, node->x - 90.0);
      x1 = MAX (x1, node->x + 90.0);
      y0 = MIN (y0, node->y - 24.0);
      y1 = MAX (y1, node->y + 40.0);

      name.prim.circle = prim.circle;
      name.prim.person = node->person;
      name.prim.flags = prim.flags & (CIRCLES_SCENE_FLAG_ME | CIRCLES_SCENE_FLAG_TARGET);
      name.prim.x = node->x;
      name.prim.y = node->y;
      name.n_links = (node->flags & CIRCLES_LAYOUT_NODE_TARGET) ? G_MAXUINT : G_MAXUINT - 1 - node->ring;
      make_label (&name.prim,
                  intern_sanitized (self, circles_network_get_name (network, node->person),
                                    LABEL_MAX_CHARS),
                  PERSON_FONT_SIZE + 1.0, TRUE);
      name.prim.dx = -name.prim.w / 2.0;
      name.prim.dy = LABEL_GAP + 2.0;
      g_array_append_val (candidates, name);

      if (position != NULL && *position != '\0' && company != NULL && *company != '\0')
        line = g_strdup_printf ("%s · %s", position, company);
      else if (position != NULL && *position != '\0')
        line = g_strdup (position);
      else if (company != NULL && *company != '\0')
        line = g_strdup (company);
      if (line != NULL)
        {
          detail.prim = name.prim;
          detail.prim.flags = CIRCLES_SCENE_FLAG_SECONDARY;
          make_label (&detail.prim, intern_sanitized (self, line, 30), SECONDARY_FONT_SIZE, FALSE);
          detail.prim.dx = -detail.prim.w / 2.0;
          detail.prim.dy = name.prim.dy + name.prim.h + 1.0;
          detail.n_links = name.n_links;
          g_array_append_val (candidates, detail);
        }
    }
  self->bounds[0] = x0;
  self->bounds[1] = y0;
  self->bounds[2] = x1 - x0;
  self->bounds[3] = y1 - y0;

  g_array_sort (candidates, compare_candidates);
  for (guint i = 0; i < candidates->len; i++)
    g_array_append_val (by_kind[CIRCLES_SCENE_LABEL],
                        g_array_index (candidates, LabelCandidate, i).prim);

  {
    g_autofree char *text = NULL;
    g_autofree char *total = NULL;
    const char *name;
    guint shown = paths->chains != NULL ? paths->chains->len : 0;
    guint64 more = paths->chains_total > shown ? paths->chains_total - shown : 0;
    CirclesCircle circle;

    name = circles_network_get_name (network, paths->target);
    circle = paths->degree <= CIRCLES_MAX_DEGREE ? circle_of_ring (paths->degree)
                                                  : circles_network_get_circle (network, paths->target);
    text = g_strdup_printf (_("Paths to %s"), name != NULL ? name : "");
    legend_text (self, &legend, text, LEGEND_TITLE_SIZE, CIRCLES_SCENE_FLAG_TITLE, circle);
    legend_space (&legend, 2.0);
    g_clear_pointer (&text, g_free);

    if (paths->degree >= 1 && paths->degree <= CIRCLES_MAX_DEGREE)
      {
        total = circles_format_count (paths->chains_total);
        text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "%s · %s shortest chain",
                                             "%s · %s shortest chains",
                                             paths->chains_total > 1000000 ? 1000000 : (gulong) paths->chains_total),
                                circles_circle_get_group_name (circle), total);
        legend_text (self, &legend, text, LEGEND_FONT_SIZE, CIRCLES_SCENE_FLAG_SWATCH, circle);
        g_clear_pointer (&text, g_free);
        if (more > 0)
          {
            g_autofree char *more_text = circles_format_count (more);

            text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "The %u warmest shown; %s more",
                                                 "The %u warmest shown; %s more",
                                                 shown),
                                    shown, more_text);
            legend_text (self, &legend, text, LEGEND_FONT_SIZE, CIRCLES_SCENE_FLAG_SWATCH,
                         CIRCLES_CIRCLE_OUT_OF_NETWORK);
            g_clear_pointer (&text, g_free);
          }
        if (paths->degree == 2 && paths->mutual != NULL)
          {
            g_autofree char *mutual = circles_format_count (paths->mutual->len);

            text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%s mutual connection",
                                                 "%s mutual connections",
                                                 paths->mutual->len),
                                    mutual);
            legend_text (self, &legend, text, LEGEND_FONT_SIZE, CIRCLES_SCENE_FLAG_SWATCH,
                         CIRCLES_CIRCLE_FIRST);
            g_clear_pointer (&text, g_free);
          }
      }
    legend_text (self, &legend, advice_for (paths->degree), LEGEND_FONT_SIZE,
                 CIRCLES_SCENE_FLAG_SECONDARY, circle);
    legend_finish (self, &legend);
  }
}

/* ------------------------------------------------------------------ */
/* Hit-testing grid                                                    */

static void
build_grid (CirclesScene *self)
{
  const CirclesScenePrimitive *prims = (const CirclesScenePrimitive *) self->primitives->data;
  guint first = self->range_first[CIRCLES_SCENE_PERSON];
  guint n = self->range_n[CIRCLES_SCENE_PERSON];
  guint n_cells;
  g_autofree guint32 *cursor = NULL;

  self->grid_x = self->bounds[0];
  self->grid_y = self->bounds[1];
  self->grid_cols = MAX (1, (guint) ceil (self->bounds[2] / GRID_CELL));
  self->grid_rows = MAX (1, (guint) ceil (self->bounds[3] / GRID_CELL));
  n_cells = self->grid_cols * self->grid_rows;
  self->grid_start = g_new0 (guint32, n_cells + 1);
  self->grid_items = g_new (guint32, MAX (n, 1));

#define CELL_OF(p) \
  (CLAMP ((gint) floor (((p)->y - self->grid_y) / GRID_CELL), 0, (gint) self->grid_rows - 1) * self->grid_cols + \
   CLAMP ((gint) floor (((p)->x - self->grid_x) / GRID_CELL), 0, (gint) self->grid_cols - 1))

  for (guint i = first; i < first + n; i++)
    self->grid_start[CELL_OF (&prims[i]) + 1]++;
  for (guint c = 0; c < n_cells; c++)
    self->grid_start[c + 1] += self->grid_start[c];
  cursor = g_memdup2 (self->grid_start, sizeof (guint32) * n_cells);
  for (guint i = first; i < first + n; i++)
    self->grid_items[cursor[CELL_OF (&prims[i])]++] = i;
#undef CELL_OF
}

static void
grid_range (CirclesScene *self,
            double        x0,
            double        y0,
            double        x1,
            double        y1,
            gint         *c0,
            gint         *r0,
            gint         *c1,
            gint         *r1)
{
  *c0 = CLAMP ((gint) floor ((x0 - self->grid_x) / GRID_CELL), 0, (gint) self->grid_cols - 1);
  *c1 = CLAMP ((gint) floor ((x1 - self->grid_x) / GRID_CELL), 0, (gint) self->grid_cols - 1);
  *r0 = CLAMP ((gint) floor ((y0 - self->grid_y) / GRID_CELL), 0, (gint) self->grid_rows - 1);
  *r1 = CLAMP ((gint) floor ((y1 - self->grid_y) / GRID_CELL), 0, (gint) self->grid_rows - 1);
}

guint
circles_scene_pick (CirclesScene *self,
                    double        x,
                    double        y,
                    double        tolerance)
{
  const CirclesScenePrimitive *prims;
  guint best = CIRCLES_NO_PERSON;
  double best_d2 = G_MAXDOUBLE;
  gint c0, r0, c1, r1;
  double reach = tolerance + PATH_MARKER_RADIUS;

  g_return_val_if_fail (self != NULL, CIRCLES_NO_PERSON);

  prims = (const CirclesScenePrimitive *) self->primitives->data;
  grid_range (self, x - reach, y - reach, x + reach, y + reach, &c0, &r0, &c1, &r1);
  for (gint r = r0; r <= r1; r++)
    for (gint c = c0; c <= c1; c++)
      {
        guint cell = r * self->grid_cols + c;

        for (guint k = self->grid_start[cell]; k < self->grid_start[cell + 1]; k++)
          {
            const CirclesScenePrimitive *p = &prims[self->grid_items[k]];
            double dx = p->x - x, dy = p->y - y;
            double d2 = dx * dx + dy * dy;
            double limit = tolerance + p->r;

            if (d2 <= limit * limit && d2 < best_d2)
              {
                best_d2 = d2;
                best = p->person;
              }
          }
      }
  return best;
}

void
circles_scene_query_rect (CirclesScene *self,
                          double        x,
                          double        y,
                          double        width,
                          double        height,
                          GArray       *indices)
{
  const CirclesScenePrimitive *prims;
  gint c0, r0, c1, r1;

  g_return_if_fail (self != NULL);
  g_return_if_fail (indices != NULL);

  prims = (const CirclesScenePrimitive *) self->primitives->data;
  grid_range (self, x - PATH_MARKER_RADIUS, y - PATH_MARKER_RADIUS,
              x + width + PATH_MARKER_RADIUS, y + height + PATH_MARKER_RADIUS,
              &c0, &r0, &c1, &r1);
  for (gint r = r0; r <= r1; r++)
    for (gint c = c0; c <= c1; c++)
      {
        guint cell = r * self->grid_cols + c;

        for (guint k = self->grid_start[cell]; k < self->grid_start[cell + 1]; k++)
          {
            guint index = self->grid_items[k];
            const CirclesScenePrimitive *p = &prims[index];

            if (p->x + p->r >= x && p->x - p->r <= x + width &&
                p->y + p->r >= y && p->y - p->r <= y + height)
              g_array_append_val (indices, index);
          }
      }
}

/* ------------------------------------------------------------------ */
/* Level of detail                                                     */

/* A small open-addressing map from a grid cell to the first entry of
 * the labels that cover it. */
typedef struct
{
  guint64 *keys;
  guint32 *heads;
  guint    mask;
  guint    used;
} CellMap;

typedef struct
{
  guint32 label;
  guint32 next;
} CellEntry;

#define CELL_EMPTY G_MAXUINT64

static void
cell_map_init (CellMap *map,
               guint    expected)
{
  guint capacity = 64;

  while (capacity < expected * 2)
    capacity *= 2;
  map->keys = g_new (guint64, capacity);
  memset (map->keys, 0xff, sizeof (guint64) * capacity);
  map->heads = g_new (guint32, capacity);
  map->mask = capacity - 1;
  map->used = 0;
}

static void
cell_map_clear (CellMap *map)
{
  g_clear_pointer (&map->keys, g_free);
  g_clear_pointer (&map->heads, g_free);
}

static inline guint
cell_hash (guint64 key)
{
  key ^= key >> 33;
  key *= G_GUINT64_CONSTANT (0xff51afd7ed558ccd);
  key ^= key >> 33;
  return (guint) key;
}

static void cell_map_grow (CellMap *map);

/* The slot of @key, inserted (head = G_MAXUINT32) when @insert. */
static guint32 *
cell_map_slot (CellMap *map,
               guint64  key,
               gboolean insert)
{
  guint i = cell_hash (key) & map->mask;

  for (;;)
    {
      if (map->keys[i] == key)
        return &map->heads[i];
      if (map->keys[i] == CELL_EMPTY)
        {
          if (!insert)
            return NULL;
          if ((map->used + 1) * 2 > map->mask + 1)
            {
              cell_map_grow (map);
              return cell_map_slot (map, key, TRUE);
            }
          map->keys[i] = key;
          map->heads[i] = G_MAXUINT32;
          map->used++;
          return &map->heads[i];
        }
      i = (i + 1) & map->mask;
    }
}

static void
cell_map_grow (CellMap *map)
{
  CellMap bigger;
  guint capacity = map->mask + 1;

  cell_map_init (&bigger, capacity);
  for (guint i = 0; i < capacity; i++)
    if (map->keys[i] != CELL_EMPTY)
      *cell_map_slot (&bigger, map->keys[i], TRUE) = map->heads[i];
  cell_map_clear (map);
  *map = bigger;
}

#define LOD_CELL 64.0

static inline guint64
cell_key (gint64 col,
          gint64 row)
{
  return ((guint64) (col + (1 << 30)) << 32) | (guint64) (row + (1 << 30));
}

static double
lod_zoom (CirclesScene *self,
          guint         level)
{
  return self->lod_base * pow (LOD_STEP, level);
}

static void
compute_level (CirclesScene *self,
               guint         level)
{
  CirclesScenePrimitive *prims = (CirclesScenePrimitive *) self->primitives->data;
  guint first = self->range_first[CIRCLES_SCENE_LABEL];
  guint n = self->range_n[CIRCLES_SCENE_LABEL];
  double zoom = lod_zoom (self, level);
  CellMap map;
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (CellEntry));
  g_autofree float *boxes = g_new (float, 4 * (gsize) MAX (n, 1));
  guint n_placed = 0;

  cell_map_init (&map, 1024);

  for (guint i = 0; i < n; i++)
    {
      const CirclesScenePrimitive *label = &prims[first + i];
      float *box = &boxes[4 * i];

      box[0] = label->x * zoom + label->dx - LABEL_PAD;
      box[1] = label->y * zoom + label->dy - LABEL_PAD;
      box[2] = box[0] + label->w + 2 * LABEL_PAD;
      box[3] = box[1] + label->h + 2 * LABEL_PAD;
    }

  /* Two passes over the labels in priority order: those already shown at
   * the previous level first (they still do not overlap: apart from the
   * ones centred on x = 0, labels keep to their side of the centre, so
   * distances only grow with the zoom), then the others. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n; i++)
      {
        CirclesScenePrimitive *label = &prims[first + i];
        const float *box = &boxes[4 * i];
        gboolean shown = label->min_zoom <= zoom;
        gint64 c0, c1, r0, r1;
        gboolean free = TRUE;

        if (pass == 0 ? !shown : shown)
          continue;

        c0 = (gint64) floor (box[0] / LOD_CELL);
        c1 = (gint64) floor (box[2] / LOD_CELL);
        r0 = (gint64) floor (box[1] / LOD_CELL);
        r1 = (gint64) floor (box[3] / LOD_CELL);

        if (pass == 1)
          for (gint64 r = r0; r <= r1 && free; r++)
            for (gint64 c = c0; c <= c1 && free; c++)
              {
                guint32 *head = cell_map_slot (&map, cell_key (c, r), FALSE);

                for (guint32 e = head != NULL ? *head : G_MAXUINT32;
                     e != G_MAXUINT32 && free;
                     e = g_array_index (entries, CellEntry, e).next)
                  {
                    const float *other = &boxes[4 * g_array_index (entries, CellEntry, e).label];

                    if (box[0] < other[2] && other[0] < box[2] &&
                        box[1] < other[3] && other[1] < box[3])
                      free = FALSE;
                  }
              }
        if (!free)
          continue;

        if (pass == 1)
          label->min_zoom = level == 0 ? 0.0 : zoom;
        n_placed++;
        for (gint64 r = r0; r <= r1; r++)
          for (gint64 c = c0; c <= c1; c++)
            {
              guint32 *head = cell_map_slot (&map, cell_key (c, r), TRUE);
              CellEntry entry = { i, *head };

              *head = entries->len;
              g_array_append_val (entries, entry);
            }
      }

  cell_map_clear (&map);
  g_debug ("Labels at zoom %.4f (level %u): %u of %u", zoom, level, n_placed, n);
}

void
circles_scene_ensure_labels (CirclesScene *self,
                             double        zoom)
{
  g_return_if_fail (self != NULL);

  while (self->lod_levels_done < LOD_MAX_LEVELS &&
         lod_zoom (self, self->lod_levels_done) <= zoom * (1.0 + 1e-9))
    {
      compute_level (self, self->lod_levels_done);
      self->lod_levels_done++;
    }
}

gboolean
circles_scene_label_visible (const CirclesScenePrimitive *label,
                             double                       zoom)
{
  return label->min_zoom <= zoom;
}

static gboolean
label_in_clip (const CirclesScenePrimitive *label,
               const CirclesView           *view,
               double                       x0,
               double                       y0,
               double                       x1,
               double                       y1)
{
  double x, y, w, h;

  circles_scene_label_box (label, view, &x, &y, &w, &h, NULL, NULL);
  return !(x > x1 || x + w < x0 || y > y1 || y + h < y0);
}

static gboolean
label_boxes_overlap (const CirclesScenePrimitive *a,
                     const CirclesScenePrimitive *b,
                     const CirclesView           *view)
{
  double ax, ay, aw, ah, bx, by, bw, bh;

  circles_scene_label_box (a, view, &ax, &ay, &aw, &ah, NULL, NULL);
  circles_scene_label_box (b, view, &bx, &by, &bw, &bh, NULL, NULL);
  return ax < bx + bw && bx < ax + aw && ay < by + bh && by < ay + ah;
}

/* The names of people who stand out tried beyond the level of detail,
 * in the scene's order (the most connected first). */
#define EMPHASIS_MAX_EXTRA_LABELS 200

/* Whether @label gives way to the names of the selection: it names one
 * of them, or covers one. */
static gboolean
gives_way (const CirclesScenePrimitive *label,
           const CirclesView           *view,
           GArray                      *names)
{
  double x, y;

  circles_scene_label_box (label, view, &x, &y, NULL, NULL, NULL, NULL);
  for (guint i = 0; i < names->len; i++)
    {
      const CirclesSelectionLabel *name = &g_array_index (names, CirclesSelectionLabel, i);

      if (label->person == name->person && !(label->flags & CIRCLES_SCENE_FLAG_TITLE))
        return TRUE;
      if (x < name->x + name->width + LABEL_PAD && name->x < x + label->w + LABEL_PAD &&
          y < name->y + name->height + LABEL_PAD && name->y < y + label->h + LABEL_PAD)
        return TRUE;
    }
  return FALSE;
}

void
circles_scene_collect_labels (CirclesScene      *self,
                              const CirclesView *view,
                              double             x0,
                              double             y0,
                              double             x1,
                              double             y1,
                              GArray            *out)
{
  const CirclesScenePrimitive *prims;
  g_autoptr(GArray) given_way = NULL;
  guint first, n, n_tried = 0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (view != NULL);
  g_return_if_fail (out != NULL);

  circles_scene_ensure_labels (self, view->zoom);
  prims = (const CirclesScenePrimitive *) self->primitives->data;
  first = self->range_first[CIRCLES_SCENE_LABEL];
  n = self->range_n[CIRCLES_SCENE_LABEL];

  g_array_set_size (out, 0);
  if (view->selection != NULL)
    {
      given_way = g_array_new (FALSE, FALSE, sizeof (CirclesSelectionLabel));
      circles_selection_place_labels (view->selection, self, view, given_way);
    }
  for (guint i = first; i < first + n; i++)
    {
      const CirclesScenePrimitive *label = &prims[i];

      if (given_way != NULL && gives_way (label, view, given_way))
        continue;
      if (circles_scene_label_visible (label, view->zoom) &&
          ((label->flags & CIRCLES_SCENE_FLAG_ME) || circles_view_emphasises (view, label->person)) &&
          label_in_clip (label, view, x0, y0, x1, y1))
        g_array_append_val (out, i);
    }
  if (view->emphasis == NULL)
    return;

  /* Each extra name must not cover one already there: few enough to
   * compare them all. */
  for (guint i = first; i < first + n && n_tried < EMPHASIS_MAX_EXTRA_LABELS; i++)
    {
      const CirclesScenePrimitive *label = &prims[i];
      gboolean clear = TRUE;

      if (label->person == CIRCLES_NO_PERSON || !view->emphasis[label->person] ||
          circles_scene_label_visible (label, view->zoom) ||
          !label_in_clip (label, view, x0, y0, x1, y1))
        continue;
      n_tried++;
      if (given_way != NULL && gives_way (label, view, given_way))
        continue;
      for (guint v = 0; v < out->len && clear; v++)
        clear = !label_boxes_overlap (label, &prims[g_array_index (out, guint, v)], view);
      if (clear)
        g_array_append_val (out, i);
    }
}

void
circles_scene_label_box (const CirclesScenePrimitive *label,
                         const CirclesView           *view,
                         double                      *x,
                         double                      *y,
                         double                      *width,
                         double                      *height,
                         double                      *baseline_x,
                         double                      *baseline_y)
{
  double left = label->x * view->zoom + view->offset_x + label->dx;
  double top = label->y * view->zoom + view->offset_y + label->dy;

  if (x != NULL)
    *x = left;
  if (y != NULL)
    *y = top;
  if (width != NULL)
    *width = label->w;
  if (height != NULL)
    *height = label->h;
  if (baseline_x != NULL)
    *baseline_x = left;
  if (baseline_y != NULL)
    *baseline_y = top + (label->h - label->r) / 2.0 + label->r * 0.8;
}

/* ------------------------------------------------------------------ */

CirclesScene *
circles_scene_new (CirclesNetwork *network,
                   CirclesLayout  *layout)
{
  CirclesScene *self;
  GArray *by_kind[CIRCLES_SCENE_N_KINDS];
  g_autoptr(GArray) top = g_array_new (FALSE, FALSE, sizeof (CompanyCount));
  g_autofree guint8 *company_of_person = NULL;
  gint64 begin = g_get_monotonic_time ();

  g_return_val_if_fail (network != NULL, NULL);
  g_return_val_if_fail (layout != NULL, NULL);

  self = g_new0 (CirclesScene, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->fit_width = self->fit_height = -1;
  self->layout = circles_layout_ref (layout);
  self->kind = circles_layout_get_kind (layout);
  self->strings = g_string_chunk_new (64 * 1024);
  self->n_people = circles_network_get_n_people (network);

  for (guint k = 0; k < CIRCLES_SCENE_N_KINDS; k++)
    by_kind[k] = g_array_new (FALSE, FALSE, sizeof (CirclesScenePrimitive));

  if (self->kind == CIRCLES_LAYOUT_RINGS)
    build_rings (self, network, by_kind);
  else
    build_paths (self, network, by_kind);
  company_of_person = rank_companies (network, top);
  /* The paths diagram keeps its legend of the chains. */
  if (self->kind == CIRCLES_LAYOUT_RINGS)
    build_company_legend (self, top, by_kind[CIRCLES_SCENE_LEGEND]);

  self->primitives = g_array_new (FALSE, FALSE, sizeof (CirclesScenePrimitive));
  for (guint k = 0; k < CIRCLES_SCENE_N_KINDS; k++)
    {
      self->range_first[k] = self->primitives->len;
      self->range_n[k] = by_kind[k]->len;
      g_array_append_vals (self->primitives, by_kind[k]->data, by_kind[k]->len);
      g_array_unref (by_kind[k]);
    }

  self->companies = g_new0 (guint8, MAX (self->primitives->len, 1));
  for (guint i = 0; i < self->primitives->len; i++)
    {
      CirclesScenePrimitive *p = &g_array_index (self->primitives, CirclesScenePrimitive, i);

      if (p->kind == CIRCLES_SCENE_PERSON && p->person < self->n_people)
        self->companies[i] = company_of_person[p->person];
      else if (p->kind == CIRCLES_SCENE_LEGEND && (p->flags & CIRCLES_SCENE_FLAG_COMPANY) &&
               (p->flags & CIRCLES_SCENE_FLAG_SWATCH))
        {
          self->companies[i] = (guint8) p->x2;
          p->x2 = 0.0f;
        }
    }

  self->prim_of_person = g_new (guint32, MAX (self->n_people, 1));
  memset (self->prim_of_person, 0xff, sizeof (guint32) * MAX (self->n_people, 1));
  for (guint i = 0; i < self->range_n[CIRCLES_SCENE_PERSON]; i++)
    {
      guint index = self->range_first[CIRCLES_SCENE_PERSON] + i;

      self->prim_of_person[g_array_index (self->primitives, CirclesScenePrimitive, index).person] = index;
    }

  build_grid (self);
  self->lod_base = LOD_BASE_PIXELS / MAX (MAX (self->bounds[2], self->bounds[3]), 1.0);
  /* Paths: below this zoom, a label could pass another one of the same
   * rank when zooming in (they all hang below their marker). */
  if (self->kind == CIRCLES_LAYOUT_PATHS)
    self->lod_base = MAX (self->lod_base, 0.35);

  g_debug ("Scene of %u primitives in %.1f ms", self->primitives->len,
           (g_get_monotonic_time () - begin) / 1000.0);
  return self;
}

CirclesScene *
circles_scene_ref (CirclesScene *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
circles_scene_unref (CirclesScene *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  circles_layout_unref (self->layout);
  g_array_unref (self->primitives);
  g_string_chunk_free (self->strings);
  g_free (self->prim_of_person);
  g_free (self->grid_start);
  g_free (self->grid_items);
  g_free (self->companies);
  if (self->backend_destroy != NULL)
    self->backend_destroy (self->backend_data);
  g_free (self);
}

CirclesLayoutKind
circles_scene_get_kind (CirclesScene *self)
{
  return self->kind;
}

CirclesLayout *
circles_scene_get_layout (CirclesScene *self)
{
  return self->layout;
}

const CirclesScenePrimitive *
circles_scene_get_primitives (CirclesScene *self,
                              guint        *n_primitives)
{
  if (n_primitives != NULL)
    *n_primitives = self->primitives->len;
  return (const CirclesScenePrimitive *) self->primitives->data;
}

void
circles_scene_get_range (CirclesScene     *self,
                         CirclesSceneKind  kind,
                         guint            *first,
                         guint            *n)
{
  g_return_if_fail (kind < CIRCLES_SCENE_N_KINDS);

  if (first != NULL)
    *first = self->range_first[kind];
  if (n != NULL)
    *n = self->range_n[kind];
}

void
circles_scene_get_bounds (CirclesScene *self,
                          double       *x,
                          double       *y,
                          double       *width,
                          double       *height)
{
  if (x != NULL)
    *x = self->bounds[0];
  if (y != NULL)
    *y = self->bounds[1];
  if (width != NULL)
    *width = self->bounds[2];
  if (height != NULL)
    *height = self->bounds[3];
}

void
circles_scene_get_legend_size (CirclesScene *self,
                               double       *width,
                               double       *height)
{
  if (width != NULL)
    *width = self->legend_size[0];
  if (height != NULL)
    *height = self->legend_size[1];
}

guint
circles_scene_get_company (CirclesScene *self,
                           guint         index)
{
  g_return_val_if_fail (self != NULL, 0);

  return index < self->primitives->len ? self->companies[index] : 0;
}

const CirclesColor *
circles_scene_primitive_color (CirclesScene      *self,
                               const CirclesView *view,
                               guint              index)
{
  const CirclesPalette *palette = circles_view_get_palette (view);
  const CirclesScenePrimitive *p;

  g_return_val_if_fail (self != NULL, &palette->text);
  g_return_val_if_fail (index < self->primitives->len, &palette->text);

  p = &g_array_index (self->primitives, CirclesScenePrimitive, index);
  if (p->kind == CIRCLES_SCENE_LEGEND && (p->flags & CIRCLES_SCENE_FLAG_COMPANY))
    return (p->flags & CIRCLES_SCENE_FLAG_SECONDARY) ? &palette->text_secondary
                                                     : &palette->company[self->companies[index]];
  if (p->kind == CIRCLES_SCENE_PERSON && view->color_by == CIRCLES_COLOR_BY_COMPANY &&
      !(p->flags & CIRCLES_SCENE_FLAG_ME))
    return &palette->company[self->companies[index]];
  return &palette->circle[MIN (p->circle, CIRCLES_CIRCLE_OUT_OF_NETWORK)];
}

char *
circles_scene_legend_text (CirclesScene      *self,
                           guint              index,
                           const CirclesView *view)
{
  const CirclesScenePrimitive *prim;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->primitives->len, NULL);
  g_return_val_if_fail (view != NULL, NULL);

  prim = &g_array_index (self->primitives, CirclesScenePrimitive, index);
  if (prim->kind != CIRCLES_SCENE_LEGEND || prim->text == NULL)
    return NULL;
  if ((prim->flags & CIRCLES_SCENE_FLAG_COUNT) && view->emphasis_counts != NULL)
    {
      g_autofree char *text = count_text (&self->counts, view->emphasis_counts, prim->circle);

      return circles_scene_sanitize_text (text, TITLE_MAX_CHARS);
    }
  return g_strdup (prim->text);
}

gboolean
circles_scene_legend_visible (CirclesScene                *self,
                              const CirclesScenePrimitive *legend,
                              const CirclesView           *view)
{
  gboolean company = (legend->flags & CIRCLES_SCENE_FLAG_COMPANY) != 0;

  /* A paths diagram has only the legend of its chains. */
  if (self->kind != CIRCLES_LAYOUT_RINGS)
    return !company;
  return company == (view->color_by == CIRCLES_COLOR_BY_COMPANY);
}

gpointer
circles_scene_get_backend_data (CirclesScene *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->backend_data;
}

void
circles_scene_set_backend_data (CirclesScene   *self,
                                gpointer        data,
                                GDestroyNotify  destroy)
{
  g_return_if_fail (self != NULL);

  if (self->backend_destroy != NULL && self->backend_data != data)
    self->backend_destroy (self->backend_data);
  self->backend_data = data;
  self->backend_destroy = destroy;
}

guint
circles_scene_lookup_person (CirclesScene *self,
                             guint         person)
{
  if (person >= self->n_people || self->prim_of_person[person] == G_MAXUINT32)
    return G_MAXUINT;
  return self->prim_of_person[person];
}

/* ------------------------------------------------------------------ */

/* How far the labels shown at @zoom stick out of the scene's bounds, in
 * pixels: left, right, top, bottom. Labels are capped in length, so this
 * is bounded. */
static void
label_overflow (CirclesScene *self,
                double        zoom,
                double        overflow[4])
{
  const CirclesScenePrimitive *prims = (const CirclesScenePrimitive *) self->primitives->data;
  guint first = self->range_first[CIRCLES_SCENE_LABEL];
  guint n = self->range_n[CIRCLES_SCENE_LABEL];
  double bx = self->bounds[0], by = self->bounds[1];
  double bw = self->bounds[2] * zoom, bh = self->bounds[3] * zoom;

  memset (overflow, 0, 4 * sizeof (double));
  circles_scene_ensure_labels (self, zoom);
  for (guint i = first; i < first + n; i++)
    {
      const CirclesScenePrimitive *label = &prims[i];
      double x, y;

      if (!circles_scene_label_visible (label, zoom))
        continue;
      /* the box, from the bounds' top-left corner */
      x = (label->x - bx) * zoom + label->dx;
      y = (label->y - by) * zoom + label->dy;
      overflow[0] = MAX (overflow[0], -x);
      overflow[1] = MAX (overflow[1], x + label->w - bw);
      overflow[2] = MAX (overflow[2], -y);
      overflow[3] = MAX (overflow[3], y + label->h - bh);
    }
}

void
circles_view_init_fit (CirclesView  *view,
                       CirclesScene *scene,
                       int           width,
                       int           height)
{
  double bx, by, bw, bh;
  double lw, lh;
  double left = VIEW_MARGIN, top = VIEW_MARGIN;
  double avail_w, avail_h;
  double overflow[4] = { 0.0, }; /* left, right, top, bottom: pixels */

  g_return_if_fail (view != NULL);
  g_return_if_fail (scene != NULL);

  if (scene->fit_width == width && scene->fit_height == height)
    {
      *view = scene->fit_view;
      return;
    }

  memset (view, 0, sizeof *view);
  view->width = width;
  view->height = height;
  view->selected = CIRCLES_NO_PERSON;

  circles_scene_get_bounds (scene, &bx, &by, &bw, &bh);
  circles_scene_get_legend_size (scene, &lw, &lh);

  /* Keep the legend clear of the drawing: beside the rings, above the
   * paths, when there is room. */
  if (scene->kind == CIRCLES_LAYOUT_RINGS)
    {
      if (width - (lw + VIEW_MARGIN) > height * 0.75)
        left += lw + VIEW_MARGIN;
    }
  else if (height - (lh + VIEW_MARGIN) > height * 0.5)
    {
      top += lh + VIEW_MARGIN;
    }

  avail_w = MAX (width - left - VIEW_MARGIN, 1.0);
  avail_h = MAX (height - top - VIEW_MARGIN, 1.0);
  view->zoom = MIN (avail_w / MAX (bw, 1.0), avail_h / MAX (bh, 1.0));
  if (scene->kind == CIRCLES_LAYOUT_PATHS)
    view->zoom = MIN (view->zoom, 2.0);

  /* The names of the people on the outer ring stick out of the bounds
   * by up to their width, in pixels: make room for those the fitted zoom
   * shows. Twice: a smaller zoom shows no more names. */
  if (scene->kind == CIRCLES_LAYOUT_RINGS)
    for (guint round = 0; round < 2; round++)
      {
        label_overflow (scene, view->zoom, overflow);
        view->zoom = MIN (MAX (avail_w - overflow[0] - overflow[1], avail_w * 0.5) / MAX (bw, 1.0),
                          MAX (avail_h - overflow[2] - overflow[3], avail_h * 0.5) / MAX (bh, 1.0));
      }

  /* Centred, with the names that stick out. */
  view->offset_x = left + (avail_w - bw * view->zoom - overflow[0] - overflow[1]) / 2.0 + overflow[0] -
                   bx * view->zoom;
  view->offset_y = top + (avail_h - bh * view->zoom - overflow[2] - overflow[3]) / 2.0 + overflow[2] -
                   by * view->zoom;

  scene->fit_width = width;
  scene->fit_height = height;
  scene->fit_view = *view;
}

void
circles_view_get_legend_origin (const CirclesView *view,
                                double            *x,
                                double            *y)
{
  if (x != NULL)
    *x = VIEW_MARGIN;
  if (y != NULL)
    *y = VIEW_MARGIN;
}
