/* circles-render-cairo.c: draws a scene onto any cairo_t (canvas, PNG, PDF)
 *
 * Layers, bottom to top: background, ring bands and lines, edges,
 * markers (one fill per circle), labels (one halo stroke and one fill per
 * text style), the selection, the legend. Geometry is transformed by
 * hand so that lines, markers and text keep their size in pixels.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "circles-render"

#include "config.h"

#include <math.h>
#include <string.h>

#include "circles-render-cairo.h"

#define HEX(v) ((v) / 255.0)

static const CirclesRenderStyle style = {
  .background     = { 1.0, 1.0, 1.0 },
  .text           = { HEX (0x24), HEX (0x1f), HEX (0x31) },
  .text_secondary = { HEX (0x5e), HEX (0x5c), HEX (0x64) },
  .halo           = { 1.0, 1.0, 1.0 },
  .panel          = { HEX (0xfa), HEX (0xfa), HEX (0xfa) },
  .panel_border   = { HEX (0xde), HEX (0xdd), HEX (0xda) },
  .gauge_track    = { HEX (0xde), HEX (0xdd), HEX (0xda) },
  .edge_path      = { HEX (0x77), HEX (0x76), HEX (0x7b) },
  .panel_alpha    = 0.94,
  .band_alpha     = 0.07,
  .band_padding   = 5.0,
  .ring_alpha     = 0.45,
  .ring_width     = 1.0,
  .edge_alpha     = { 0.0, 0.30, 0.16, 0.12 },
  .edge_width     = 0.6,
  .path_edge_width = 1.6,
  .path_edge_warm_width = 3.0,
  .halo_width     = 3.0,
  .me_outline     = 2.0,
  .target_halo    = 2.0,
  .selected_width = 2.0,
};

const CirclesRenderStyle *
circles_render_get_style (void)
{
  return &style;
}

void
circles_render_set_font_options (cairo_t *cr)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_set_font_options (cr, options);
  cairo_font_options_destroy (options);
}

static void
set_color (cairo_t            *cr,
           const CirclesColor *color,
           double              alpha)
{
  if (alpha >= 1.0)
    cairo_set_source_rgb (cr, color->r, color->g, color->b);
  else
    cairo_set_source_rgba (cr, color->r, color->g, color->b, alpha);
}

static void
add_marker (cairo_t            *cr,
            CirclesMarkerShape  shape,
            double              x,
            double              y,
            double              r)
{
  double points[8];
  guint n = circles_scene_marker_points (shape, r, points);

  if (n == 0 && r < 3.0)
    {
      /* A small disc: an octagon is the same to the eye and cheaper to
       * fill than the arc's curves (this is what keeps 100k people fast). */
      static const double c8[8][2] = {
        { 1.0, 0.0 }, { G_SQRT2 / 2, G_SQRT2 / 2 }, { 0.0, 1.0 }, { -G_SQRT2 / 2, G_SQRT2 / 2 },
        { -1.0, 0.0 }, { -G_SQRT2 / 2, -G_SQRT2 / 2 }, { 0.0, -1.0 }, { G_SQRT2 / 2, -G_SQRT2 / 2 },
      };
      /* same area as the disc */
      double rr = r * 1.0275;

      cairo_move_to (cr, x + rr * c8[0][0], y + rr * c8[0][1]);
      for (guint i = 1; i < 8; i++)
        cairo_line_to (cr, x + rr * c8[i][0], y + rr * c8[i][1]);
      cairo_close_path (cr);
      return;
    }
  if (n == 0)
    {
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0.0, 2.0 * G_PI);
      cairo_close_path (cr);
      return;
    }
  cairo_move_to (cr, x + points[0], y + points[1]);
  for (guint i = 1; i < n; i++)
    cairo_line_to (cr, x + points[2 * i], y + points[2 * i + 1]);
  cairo_close_path (cr);
}

typedef struct
{
  double x0, y0, x1, y1; /* the clip, in pixels */
} Clip;

static inline gboolean
clip_has_point (const Clip *clip,
                double      x,
                double      y,
                double      margin)
{
  return x >= clip->x0 - margin && x <= clip->x1 + margin &&
         y >= clip->y0 - margin && y <= clip->y1 + margin;
}

static void
draw_rings (CirclesScene      *scene,
            const CirclesView *view,
            cairo_t           *cr)
{
  const CirclesScenePrimitive *prims = circles_scene_get_primitives (scene, NULL);
  guint first, n;

  circles_scene_get_range (scene, CIRCLES_SCENE_RING, &first, &n);
  for (guint i = first; i < first + n; i++)
    {
      const CirclesScenePrimitive *ring = &prims[i];
      const CirclesColor *color = circles_scene_circle_color (ring->circle);
      double cx = ring->x * view->zoom + view->offset_x;
      double cy = ring->y * view->zoom + view->offset_y;
      double r = ring->r * view->zoom;

      cairo_new_path (cr);
      cairo_arc (cr, cx, cy, r, 0.0, 2.0 * G_PI);
      set_color (cr, color, style.band_alpha);
      cairo_set_line_width (cr, (ring->w + 2.0 * style.band_padding) * view->zoom);
      cairo_stroke_preserve (cr);
      set_color (cr, color, style.ring_alpha);
      cairo_set_line_width (cr, style.ring_width);
      cairo_stroke (cr);
    }
}

static void
draw_edges (CirclesScene      *scene,
            const CirclesView *view,
            const Clip        *clip,
            cairo_t           *cr)
{
  const CirclesScenePrimitive *prims = circles_scene_get_primitives (scene, NULL);
  gboolean paths = circles_scene_get_kind (scene) == CIRCLES_LAYOUT_PATHS;
  guint first, n;

  circles_scene_get_range (scene, CIRCLES_SCENE_EDGE, &first, &n);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);

  if (paths)
    {
      /* Plain ones first, the warmest chain over them. */
      for (guint warm = 0; warm < 2; warm++)
        {
          cairo_new_path (cr);
          for (guint i = first; i < first + n; i++)
            {
              const CirclesScenePrimitive *e = &prims[i];

              if (((e->flags & CIRCLES_SCENE_FLAG_WARMEST) != 0) != warm)
                continue;
              cairo_move_to (cr, e->x * view->zoom + view->offset_x, e->y * view->zoom + view->offset_y);
              cairo_line_to (cr, e->x2 * view->zoom + view->offset_x, e->y2 * view->zoom + view->offset_y);
            }
          if (warm)
            set_color (cr, circles_scene_circle_color (CIRCLES_CIRCLE_FIRST), 0.85);
          else
            set_color (cr, &style.edge_path, 0.55);
          cairo_set_line_width (cr, warm ? style.path_edge_warm_width : style.path_edge_width);
          cairo_stroke (cr);
        }
      return;
    }

  /* One stroke per ring the edges lead to. */
  for (guint ring = 1; ring <= CIRCLES_MAX_DEGREE; ring++)
    {
      CirclesCircle circle = CIRCLES_CIRCLE_FIRST + ring - 1;
      gboolean any = FALSE;

      cairo_new_path (cr);
      for (guint i = first; i < first + n; i++)
        {
          const CirclesScenePrimitive *e = &prims[i];
          double x0, y0, x1, y1;

          if (e->circle != circle || !circles_scene_edge_visible (e, view->zoom))
            continue;
          x0 = e->x * view->zoom + view->offset_x;
          y0 = e->y * view->zoom + view->offset_y;
          x1 = e->x2 * view->zoom + view->offset_x;
          y1 = e->y2 * view->zoom + view->offset_y;
          if (MAX (x0, x1) < clip->x0 || MIN (x0, x1) > clip->x1 ||
              MAX (y0, y1) < clip->y0 || MIN (y0, y1) > clip->y1)
            continue;
          cairo_move_to (cr, x0, y0);
          cairo_line_to (cr, x1, y1);
          any = TRUE;
        }
      if (!any)
        continue;
      set_color (cr, circles_scene_circle_color (circle), style.edge_alpha[ring]);
      cairo_set_line_width (cr, style.edge_width);
      cairo_stroke (cr);
    }
  cairo_new_path (cr);
}

/* Many markers onto an image surface: cairo would tessellate each one
 * (~5 µs a marker); instead each circle's marker is rasterised once by
 * cairo, at 4 × 4 sub-pixel offsets, then composited (OVER) by hand. */
#define STAMP_SUBPIXELS 4
#define FAST_MARKERS_MIN 2000

typedef struct
{
  int            size;   /* width and height of every stamp */
  int            origin; /* pixel of the stamp holding the marker's centre */
  guint8        *alpha;  /* STAMP_SUBPIXELS² stamps of size × size */
} Stamps;

static void
stamps_init (Stamps             *stamps,
             CirclesMarkerShape  shape,
             double              r)
{
  int size = (int) ceil (r * 1.6) * 2 + 4;
  int stride = cairo_format_stride_for_width (CAIRO_FORMAT_A8, size);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, size, size);

  stamps->size = size;
  stamps->origin = size / 2;
  stamps->alpha = g_new0 (guint8, (gsize) size * size * STAMP_SUBPIXELS * STAMP_SUBPIXELS);
  for (int sy = 0; sy < STAMP_SUBPIXELS; sy++)
    for (int sx = 0; sx < STAMP_SUBPIXELS; sx++)
      {
        cairo_t *cr = cairo_create (surface);
        guint8 *dst = stamps->alpha + (gsize) (sy * STAMP_SUBPIXELS + sx) * size * size;
        const guint8 *src;

        cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
        cairo_set_source_rgba (cr, 0, 0, 0, 0);
        cairo_paint (cr);
        cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
        cairo_set_source_rgba (cr, 0, 0, 0, 1);
        add_marker (cr, shape, stamps->origin + (sx + 0.5) / STAMP_SUBPIXELS,
                    stamps->origin + (sy + 0.5) / STAMP_SUBPIXELS, r);
        cairo_fill (cr);
        cairo_destroy (cr);
        cairo_surface_flush (surface);
        src = cairo_image_surface_get_data (surface);
        for (int y = 0; y < size; y++)
          memcpy (dst + y * size, src + y * stride, size);
      }
  cairo_surface_destroy (surface);
}

static inline void
stamp_blit (const Stamps       *stamps,
            guint8             *data,
            int                 stride,
            int                 width,
            int                 height,
            double              x,
            double              y,
            const CirclesColor *color)
{
  double fx = floor (x), fy = floor (y);
  int sx = MIN ((int) ((x - fx) * STAMP_SUBPIXELS), STAMP_SUBPIXELS - 1);
  int sy = MIN ((int) ((y - fy) * STAMP_SUBPIXELS), STAMP_SUBPIXELS - 1);
  const guint8 *alpha = stamps->alpha + (gsize) (sy * STAMP_SUBPIXELS + sx) * stamps->size * stamps->size;
  int left = (int) fx - stamps->origin, top = (int) fy - stamps->origin;
  guint32 cr = (guint32) lround (color->r * 255.0);
  guint32 cg = (guint32) lround (color->g * 255.0);
  guint32 cb = (guint32) lround (color->b * 255.0);

  for (int j = MAX (0, -top); j < stamps->size && top + j < height; j++)
    {
      guint32 *row = (guint32 *) (data + (gsize) (top + j) * stride);

      for (int i = MAX (0, -left); i < stamps->size && left + i < width; i++)
        {
          guint32 a = alpha[j * stamps->size + i];
          guint32 pixel, inv;

          if (a == 0)
            continue;
          pixel = row[left + i];
          inv = 255 - a;
          /* premultiplied OVER, channel by channel, rounded */
#define MIX(shift, c) ((((c) * a + ((pixel >> (shift)) & 0xff) * inv + 127) / 255) << (shift))
          row[left + i] = MIX (24, 255u) | MIX (16, cr) | MIX (8, cg) | MIX (0, cb);
#undef MIX
        }
    }
}

static gboolean
can_blit (cairo_t    *cr,
          const Clip *clip)
{
  cairo_surface_t *target = cairo_get_target (cr);
  cairo_matrix_t matrix;

  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE ||
      cairo_image_surface_get_format (target) != CAIRO_FORMAT_ARGB32)
    return FALSE;
  cairo_get_matrix (cr, &matrix);
  if (matrix.xx != 1.0 || matrix.yy != 1.0 || matrix.xy != 0.0 || matrix.yx != 0.0 ||
      matrix.x0 != 0.0 || matrix.y0 != 0.0)
    return FALSE;
  /* no clip but the surface itself */
  return clip->x0 <= 0.0 && clip->y0 <= 0.0 &&
         clip->x1 >= cairo_image_surface_get_width (target) &&
         clip->y1 >= cairo_image_surface_get_height (target);
}

static void
draw_people (CirclesScene      *scene,
             const CirclesView *view,
             const Clip        *clip,
             cairo_t           *cr)
{
  const CirclesScenePrimitive *prims = circles_scene_get_primitives (scene, NULL);
  guint first, n;
  guint8 circles_seen[CIRCLES_CIRCLE_OUT_OF_NETWORK + 1] = { 0, };

  circles_scene_get_range (scene, CIRCLES_SCENE_PERSON, &first, &n);
  for (guint i = first; i < first + n; i++)
    circles_seen[MIN (prims[i].circle, CIRCLES_CIRCLE_OUT_OF_NETWORK)] = 1;

  /* One fill per circle; me (and a paths target) on top. */
  for (guint c = CIRCLES_CIRCLE_FIRST; c <= CIRCLES_CIRCLE_OUT_OF_NETWORK; c++)
    {
      CirclesMarkerShape shape = circles_scene_marker_shape (c);

      if (!circles_seen[c])
        continue;
      if (n >= FAST_MARKERS_MIN && can_blit (cr, clip))
        {
          cairo_surface_t *target = cairo_get_target (cr);
          guint8 *data;
          int stride, width, height;
          Stamps stamps = { 0, };
          double r = -1.0;

          cairo_surface_flush (target);
          data = cairo_image_surface_get_data (target);
          stride = cairo_image_surface_get_stride (target);
          width = cairo_image_surface_get_width (target);
          height = cairo_image_surface_get_height (target);
          for (guint i = first; i < first + n; i++)
            {
              const CirclesScenePrimitive *p = &prims[i];
              double x, y, pr;

              if (p->circle != c || (p->flags & (CIRCLES_SCENE_FLAG_ME | CIRCLES_SCENE_FLAG_TARGET)))
                continue;
              pr = circles_scene_marker_radius (p, view->zoom);
              if (pr != r)
                {
                  g_free (stamps.alpha);
                  stamps_init (&stamps, shape, pr);
                  r = pr;
                }
              x = p->x * view->zoom + view->offset_x;
              y = p->y * view->zoom + view->offset_y;
              if (!clip_has_point (clip, x, y, 2.0 * pr))
                continue;
              stamp_blit (&stamps, data, stride, width, height, x, y,
                          circles_scene_circle_color (c));
            }
          g_free (stamps.alpha);
          cairo_surface_mark_dirty (target);
          continue;
        }
      cairo_new_path (cr);
      for (guint i = first; i < first + n; i++)
        {
          const CirclesScenePrimitive *p = &prims[i];
          double x, y, r;

          if (p->circle != c || (p->flags & (CIRCLES_SCENE_FLAG_ME | CIRCLES_SCENE_FLAG_TARGET)))
            continue;
          x = p->x * view->zoom + view->offset_x;
          y = p->y * view->zoom + view->offset_y;
          r = circles_scene_marker_radius (p, view->zoom);
          if (!clip_has_point (clip, x, y, 2.0 * r))
            continue;
          add_marker (cr, shape, x, y, r);
        }
      set_color (cr, circles_scene_circle_color (c), 1.0);
      cairo_fill (cr);
    }

  for (guint i = first; i < first + n; i++)
    {
      const CirclesScenePrimitive *p = &prims[i];
      double x, y, r;

      if (!(p->flags & (CIRCLES_SCENE_FLAG_ME | CIRCLES_SCENE_FLAG_TARGET)))
        continue;
      x = p->x * view->zoom + view->offset_x;
      y = p->y * view->zoom + view->offset_y;
      r = circles_scene_marker_radius (p, view->zoom);
      cairo_new_path (cr);
      if (p->flags & CIRCLES_SCENE_FLAG_TARGET)
        {
          cairo_arc (cr, x, y, r + 2.0 * style.target_halo, 0.0, 2.0 * G_PI);
          set_color (cr, circles_scene_circle_color (p->circle), 1.0);
          cairo_set_line_width (cr, style.target_halo);
          cairo_stroke (cr);
        }
      add_marker (cr, circles_scene_marker_shape (p->circle), x, y, r);
      set_color (cr, circles_scene_circle_color (p->circle), 1.0);
      cairo_fill_preserve (cr);
      set_color (cr, &style.halo, 1.0);
      cairo_set_line_width (cr, style.me_outline);
      cairo_stroke (cr);
    }

  if (view->selected != CIRCLES_NO_PERSON)
    {
      guint index = circles_scene_lookup_person (scene, view->selected);

      if (index != G_MAXUINT)
        {
          const CirclesScenePrimitive *p = &prims[index];
          double r = circles_scene_marker_radius (p, view->zoom) + 4.0;

          cairo_new_path (cr);
          cairo_arc (cr, p->x * view->zoom + view->offset_x, p->y * view->zoom + view->offset_y,
                     r, 0.0, 2.0 * G_PI);
          set_color (cr, &style.halo, 1.0);
          cairo_set_line_width (cr, style.selected_width + 2.0);
          cairo_stroke_preserve (cr);
          set_color (cr, &style.text, 1.0);
          cairo_set_line_width (cr, style.selected_width);
          cairo_stroke (cr);
        }
    }
}

static const CirclesColor *
label_color (const CirclesScenePrimitive *label)
{
  if (label->flags & CIRCLES_SCENE_FLAG_TITLE)
    return circles_scene_circle_color (label->circle);
  if (label->flags & CIRCLES_SCENE_FLAG_SECONDARY)
    return &style.text_secondary;
  return &style.text;
}

static void
draw_labels (CirclesScene      *scene,
             const CirclesView *view,
             const Clip        *clip,
             cairo_t           *cr)
{
  const CirclesScenePrimitive *prims = circles_scene_get_primitives (scene, NULL);
  guint first, n;
  g_autoptr(GArray) visible = g_array_new (FALSE, FALSE, sizeof (guint));
  struct
  {
    double              size;
    gboolean            bold;
    const CirclesColor *color;
  } styles[16];
  guint n_styles = 0;

  circles_scene_ensure_labels (scene, view->zoom);
  circles_scene_get_range (scene, CIRCLES_SCENE_LABEL, &first, &n);

  for (guint i = first; i < first + n; i++)
    {
      const CirclesScenePrimitive *label = &prims[i];
      double x, y, w, h;

      if (!circles_scene_label_visible (label, view->zoom))
        continue;
      circles_scene_label_box (label, view, &x, &y, &w, &h, NULL, NULL);
      if (x > clip->x1 || x + w < clip->x0 || y > clip->y1 || y + h < clip->y0)
        continue;
      g_array_append_val (visible, i);
    }

  /* The few text styles in use. */
  for (guint v = 0; v < visible->len; v++)
    {
      const CirclesScenePrimitive *label = &prims[g_array_index (visible, guint, v)];
      gboolean bold = (label->flags & CIRCLES_SCENE_FLAG_BOLD) != 0;
      const CirclesColor *color = label_color (label);
      guint k;

      for (k = 0; k < n_styles; k++)
        if (styles[k].size == label->r && styles[k].bold == bold && styles[k].color == color)
          break;
      if (k == n_styles && n_styles < G_N_ELEMENTS (styles))
        {
          styles[k].size = label->r;
          styles[k].bold = bold;
          styles[k].color = color;
          n_styles++;
        }
    }

  /* The halo is the text drawn in the halo colour around itself: glyphs
   * come from the font cache, far cheaper than stroking outlines. */
  for (guint k = 0; k < n_styles; k++)
    {
      static const double offsets[][2] = {
        { -1.0, -1.0 }, { 0.0, -1.5 }, { 1.0, -1.0 }, { 1.5, 0.0 },
        { 1.0, 1.0 }, { 0.0, 1.5 }, { -1.0, 1.0 }, { -1.5, 0.0 },
      };
      cairo_scaled_font_t *font;

      cairo_select_font_face (cr, CIRCLES_SCENE_FONT_FAMILY, CAIRO_FONT_SLANT_NORMAL,
                              styles[k].bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
      cairo_set_font_size (cr, styles[k].size);
      font = cairo_get_scaled_font (cr);
      for (guint v = 0; v < visible->len; v++)
        {
          const CirclesScenePrimitive *label = &prims[g_array_index (visible, guint, v)];
          cairo_glyph_t *glyphs = NULL;
          int n_glyphs = 0;
          double bx, by;

          if (label->r != styles[k].size ||
              ((label->flags & CIRCLES_SCENE_FLAG_BOLD) != 0) != styles[k].bold ||
              label_color (label) != styles[k].color)
            continue;
          circles_scene_label_box (label, view, NULL, NULL, NULL, NULL, &bx, &by);
          if (cairo_scaled_font_text_to_glyphs (font, bx, by, label->text, -1,
                                                &glyphs, &n_glyphs, NULL, NULL, NULL) != CAIRO_STATUS_SUCCESS)
            continue;
          set_color (cr, &style.halo, 1.0);
          for (guint o = 0; o < G_N_ELEMENTS (offsets); o++)
            {
              cairo_save (cr);
              cairo_translate (cr, offsets[o][0] * style.halo_width / 3.0,
                               offsets[o][1] * style.halo_width / 3.0);
              cairo_show_glyphs (cr, glyphs, n_glyphs);
              cairo_restore (cr);
            }
          set_color (cr, styles[k].color, 1.0);
          cairo_show_glyphs (cr, glyphs, n_glyphs);
          cairo_glyph_free (glyphs);
        }
    }
}

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   w,
                   double   h,
                   double   r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2.0, 0.0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0.0, G_PI / 2.0);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2.0, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3.0 * G_PI / 2.0);
  cairo_close_path (cr);
}

static void
draw_legend (CirclesScene      *scene,
             const CirclesView *view,
             cairo_t           *cr)
{
  const CirclesScenePrimitive *prims = circles_scene_get_primitives (scene, NULL);
  guint first, n;
  double ox, oy;

  circles_view_get_legend_origin (view, &ox, &oy);
  circles_scene_get_range (scene, CIRCLES_SCENE_LEGEND, &first, &n);
  for (guint i = first; i < first + n; i++)
    {
      const CirclesScenePrimitive *p = &prims[i];

      cairo_new_path (cr);
      if (p->flags & CIRCLES_SCENE_FLAG_PANEL)
        {
          rounded_rectangle (cr, ox + p->x + 0.5, oy + p->y + 0.5, p->w - 1.0, p->h - 1.0, 8.0);
          set_color (cr, &style.panel, style.panel_alpha);
          cairo_fill_preserve (cr);
          set_color (cr, &style.panel_border, 1.0);
          cairo_set_line_width (cr, 1.0);
          cairo_stroke (cr);
        }
      else if (p->flags & CIRCLES_SCENE_FLAG_GAUGE)
        {
          rounded_rectangle (cr, ox + p->x, oy + p->y, p->w, p->h, p->h / 2.0);
          set_color (cr, &style.gauge_track, 1.0);
          cairo_fill (cr);
          if (p->x2 > 0.0)
            {
              rounded_rectangle (cr, ox + p->x, oy + p->y, MAX (p->w * p->x2, p->h), p->h, p->h / 2.0);
              set_color (cr, circles_scene_circle_color (p->circle), 1.0);
              cairo_fill (cr);
            }
        }
      else if (p->text != NULL)
        {
          gboolean bold = (p->flags & CIRCLES_SCENE_FLAG_BOLD) != 0;

          if (p->flags & CIRCLES_SCENE_FLAG_SWATCH)
            {
              add_marker (cr, circles_scene_marker_shape (p->circle),
                          ox + p->x - CIRCLES_SCENE_SWATCH_OFFSET, oy + p->y - p->r * 0.35,
                          CIRCLES_SCENE_SWATCH_RADIUS);
              set_color (cr, circles_scene_circle_color (p->circle), 1.0);
              cairo_fill (cr);
            }
          cairo_select_font_face (cr, CIRCLES_SCENE_FONT_FAMILY, CAIRO_FONT_SLANT_NORMAL,
                                  bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
          cairo_set_font_size (cr, p->r);
          set_color (cr, (p->flags & CIRCLES_SCENE_FLAG_SECONDARY) ? &style.text_secondary : &style.text, 1.0);
          cairo_move_to (cr, ox + p->x, oy + p->y);
          cairo_show_text (cr, p->text);
        }
    }
}

void
circles_render_cairo (CirclesScene      *scene,
                      const CirclesView *view,
                      cairo_t           *cr)
{
  Clip clip;
  gint64 t[6];

  g_return_if_fail (scene != NULL);
  g_return_if_fail (view != NULL);
  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  circles_render_set_font_options (cr);
  cairo_clip_extents (cr, &clip.x0, &clip.y0, &clip.x1, &clip.y1);

  if (!(view->flags & CIRCLES_VIEW_NO_BACKGROUND))
    {
      set_color (cr, &style.background, 1.0);
      cairo_paint (cr);
    }

  t[0] = g_get_monotonic_time ();
  draw_rings (scene, view, cr);
  t[1] = g_get_monotonic_time ();
  draw_edges (scene, view, &clip, cr);
  t[2] = g_get_monotonic_time ();
  draw_people (scene, view, &clip, cr);
  t[3] = g_get_monotonic_time ();
  draw_labels (scene, view, &clip, cr);
  t[4] = g_get_monotonic_time ();
  if (!(view->flags & CIRCLES_VIEW_NO_LEGEND))
    draw_legend (scene, view, cr);
  t[5] = g_get_monotonic_time ();
  g_debug ("Drawn in %.1f ms: rings %.1f, edges %.1f, people %.1f, labels %.1f, legend %.1f",
           (t[5] - t[0]) / 1000.0, (t[1] - t[0]) / 1000.0, (t[2] - t[1]) / 1000.0,
           (t[3] - t[2]) / 1000.0, (t[4] - t[3]) / 1000.0, (t[5] - t[4]) / 1000.0);

  cairo_restore (cr);
}
