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
#include <time.h>

#include "circles-render-cairo.h"
#include "circles-selection.h"
#include "circles-text.h"

static const CirclesRenderStyle style = {
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
  .dim_mix        = 0.22,
  .dim_edge_factor = 0.25,
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

/* ------------------------------------------------------------------ */
/* What a scene keeps from frame to frame (its backend data)           */

/* Many markers onto an image surface: cairo would tessellate each one
 * (~5 µs a marker); instead each marker is rasterised once by cairo, at
 * 4 × 4 sub-pixel offsets, trimmed to its pixels, then composited (OVER)
 * by hand. */
#define STAMP_SUBPIXELS 4
#define N_STAMPS        8
#define FAST_MARKERS_MIN 2000

typedef struct
{
  CirclesMarkerShape shape;
  double             r;       /* device pixels; 0: unused */
  int                width, height;
  int                left, top; /* of the stamp, from the marker's pixel */
  guint8            *alpha;   /* STAMP_SUBPIXELS² stamps of width × height */
  guint8            *spans;   /* of each row of each: first and end column covered */
} Stamp;

/* The glyphs of a label, shaped by Pango: one segment per font (a name
 * in two scripts, or with a character the first font lacks, has
 * several). */
typedef struct
{
  cairo_scaled_font_t *font;   /* a reference, held by the cache */
  guint32              first;  /* in glyphs */
  guint32              n;
} GlyphSegment;

typedef struct
{
  guint32  first;  /* in segments */
  guint32  n;
} GlyphRun;

typedef struct
{
  Stamp      stamps[N_STAMPS];
  guint      next_stamp;
  GArray    *visible;      /* guint, primitive indices */
  /* the glyphs of each label, from its baseline origin, made once */
  GlyphRun  *runs;         /* by label, n = G_MAXUINT32: not yet */
  GArray    *segments;     /* GlyphSegment */
  GArray    *glyphs;       /* cairo_glyph_t */
  PangoContext *context;   /* shapes them, with a font map of its own */
  GArray    *frame_halo;   /* cairo_glyph_t, of one frame */
  GArray    *frame_text;
} RenderCache;

static void
render_cache_free (gpointer data)
{
  RenderCache *cache = data;

  for (guint i = 0; i < N_STAMPS; i++)
    {
      g_free (cache->stamps[i].alpha);
      g_free (cache->stamps[i].spans);
    }
  g_array_unref (cache->visible);
  g_free (cache->runs);
  for (guint i = 0; i < cache->segments->len; i++)
    cairo_scaled_font_destroy (g_array_index (cache->segments, GlyphSegment, i).font);
  g_array_unref (cache->segments);
  g_array_unref (cache->glyphs);
  g_clear_object (&cache->context);
  g_array_unref (cache->frame_halo);
  g_array_unref (cache->frame_text);
  g_free (cache);
}

static RenderCache *
render_cache_get (CirclesScene *scene)
{
  RenderCache *cache = circles_scene_get_backend_data (scene);
  guint n_labels;

  if (cache != NULL)
    return cache;

  circles_scene_get_range (scene, CIRCLES_SCENE_LABEL, NULL, &n_labels);
  cache = g_new0 (RenderCache, 1);
  cache->visible = g_array_new (FALSE, FALSE, sizeof (guint));
  cache->runs = g_new (GlyphRun, MAX (n_labels, 1));
  for (guint i = 0; i < n_labels; i++)
    cache->runs[i].n = G_MAXUINT32;
  cache->glyphs = g_array_new (FALSE, FALSE, sizeof (cairo_glyph_t));
  cache->segments = g_array_new (FALSE, FALSE, sizeof (GlyphSegment));
  cache->frame_halo = g_array_new (FALSE, FALSE, sizeof (cairo_glyph_t));
  cache->frame_text = g_array_new (FALSE, FALSE, sizeof (cairo_glyph_t));
  circles_scene_set_backend_data (scene, cache, render_cache_free);
  return cache;
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

/* The frame being drawn. */
typedef struct
{
  CirclesScene         *scene;
  const CirclesView    *view;
  const CirclesPalette *palette;
  RenderCache          *cache;
  cairo_t              *cr;
  double                x0, y0, x1, y1; /* the clip, in pixels */
  /* the image's pixels, when markers and edges can be written there */
  guint8               *data;          /* NULL: through cairo */
  int                   stride, width, height;
  double                scale;          /* device pixels a pixel */
} Frame;

static inline gboolean
clip_has_point (const Frame *frame,
                double       x,
                double       y,
                double       margin)
{
  return x >= frame->x0 - margin && x <= frame->x1 + margin &&
         y >= frame->y0 - margin && y <= frame->y1 + margin;
}

/* Emphasis (CirclesView.emphasis): the others are drawn first, in
 * colours faded towards the background, then those who stand out. */

static inline guint
n_passes (const CirclesView *view)
{
  return view->emphasis != NULL ? 2 : 1;
}

/* Whether @pass draws the dimmed people. */
static inline gboolean
pass_dims (const CirclesView *view,
           guint              pass)
{
  return view->emphasis != NULL && pass == 0;
}

static inline gboolean
skip_in_pass (const CirclesView *view,
              gboolean           dim,
              guint32            person)
{
  return circles_view_emphasises (view, person) == dim;
}

static CirclesColor
dim_color (const Frame        *frame,
           const CirclesColor *color)
{
  const CirclesColor *bg = &frame->palette->background;
  CirclesColor dimmed = *color;

  dimmed.r = bg->r + (color->r - bg->r) * style.dim_mix;
  dimmed.g = bg->g + (color->g - bg->g) * style.dim_mix;
  dimmed.b = bg->b + (color->b - bg->b) * style.dim_mix;
  return dimmed;
}

static inline guint32
pack_color (const CirclesColor *color)
{
  return 0xff000000u |
         ((guint32) lround (color->r * 255.0) << 16) |
         ((guint32) lround (color->g * 255.0) << 8) |
         (guint32) lround (color->b * 255.0);
}

/* Premultiplied OVER of an opaque colour with coverage @a (0..255),
 * two channels at a time, rounded like (x + 127) / 255. */
static inline guint32
blend (guint32 dst,
       guint32 src,
       guint32 a)
{
  guint32 inv = 255 - a;
  guint32 rb = (src & 0x00ff00ffu) * a + (dst & 0x00ff00ffu) * inv + 0x00800080u;
  guint32 ag = ((src >> 8) & 0x00ff00ffu) * a + ((dst >> 8) & 0x00ff00ffu) * inv + 0x00800080u;

  rb = ((rb + ((rb >> 8) & 0x00ff00ffu)) >> 8) & 0x00ff00ffu;
  ag = (ag + ((ag >> 8) & 0x00ff00ffu)) & 0xff00ff00u;
  return rb | ag;
}

static void
draw_rings (Frame *frame)
{
  const CirclesScenePrimitive *prims = circles_scene_get_primitives (frame->scene, NULL);
  const CirclesView *view = frame->view;
  cairo_t *cr = frame->cr;
  guint first, n;

  circles_scene_get_range (frame->scene, CIRCLES_SCENE_RING, &first, &n);
  for (guint i = first; i < first + n; i++)
    {
      const CirclesScenePrimitive *ring = &prims[i];
      const CirclesColor *color = &frame->palette->circle[MIN (ring->circle, CIRCLES_CIRCLE_OUT_OF_NETWORK)];
      double cx = ring->x * view->zoom + view->offset_x;
      double cy = ring->y * view->zoom + view->offset_y;
      double r = ring->r * view->zoom;
      double half = (ring->w / 2.0 + style.band_padding) * view->zoom;

      /* The band: an annulus, filled (cheaper than a wide stroke). */
      cairo_new_path (cr);
      cairo_arc (cr, cx, cy, r + half, 0.0, 2.0 * G_PI);
      cairo_close_path (cr);
      if (r - half > 0.0)
        {
          cairo_new_sub_path (cr);
          cairo_arc_negative (cr, cx, cy, r - half, 2.0 * G_PI, 0.0);
          cairo_close_path (cr);
        }
      set_color (cr, color, style.band_alpha);
      cairo_fill (cr);

      cairo_new_path (cr);
      cairo_arc (cr, cx, cy, r, 0.0, 2.0 * G_PI);
      set_color (cr, color, style.ring_alpha);
      cairo_set_line_width (cr, style.ring_width);
      cairo_stroke (cr);
    }
}

/* Clips the segment to the rectangle (Liang–Barsky); FALSE when none of
 * it is inside. */
static gboolean
clip_segment (double *ax,
              double *ay,
              double *bx,
              double *by,
              double  x0,
              double  y0,
              double  x1,
              double  y1)
{
  double dx = *bx - *ax, dy = *by - *ay;
  double t0 = 0.0, t1 = 1.0;
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { *ax - x0, x1 - *ax, *ay - y0, y1 - *ay };

  for (guint i = 0; i < 4; i++)
    {
      if (p[i] == 0.0)
        {
          if (q[i] < 0.0)
            return FALSE;
          continue;
        }
      double t = q[i] / p[i];

      if (p[i] < 0.0)
        {
          if (t > t1)
            return FALSE;
          t0 = MAX (t0, t);
        }
      else
        {
          if (t < t0)
            return FALSE;
          t1 = MIN (t1, t);
        }
    }
  *bx = *ax + t1 * dx;
  *by = *ay + t1 * dy;
  *ax = *ax + t0 * dx;
  *ay = *ay + t0 * dy;
  return TRUE;
}

/* A thin line straight into the pixels: Xiaolin Wu's, two pixels a
 * step, their coverages summing to the line's width × @alpha. */
static void
blit_line (const Frame *frame,
           double       ax,
           double       ay,
           double       bx,
           double       by,
           guint32      color,
           double       weight)
{
  gboolean steep = fabs (by - ay) > fabs (bx - ax);
  double gradient;
  int from, to, limit_major, limit_minor;
  guint8 *data = frame->data;
  int stride = frame->stride;
  /* coverage 0..255 per unit of weight, in 8.8 fixed point */
  int level = (int) lround (weight * 255.0 * 256.0);

  if (steep)
    {
      double t;

      t = ax; ax = ay; ay = t;
      t = bx; bx = by; by = t;
    }
  if (ax > bx)
    {
      double t;

      t = ax; ax = bx; bx = t;
      t = ay; ay = by; by = t;
    }
  gradient = bx - ax > 1e-9 ? (by - ay) / (bx - ax) : 0.0;
  /* per unit of length along the major axis, the line covers more */
  level = (int) (level * sqrt (1.0 + gradient * gradient));
  limit_major = steep ? frame->height : frame->width;
  limit_minor = steep ? frame->width : frame->height;
  from = MAX ((int) floor (ax + 0.5), 0);
  to = MIN ((int) floor (bx + 0.5), limit_major - 1);

  for (int major = from; major <= to; major++)
    {
      double minor = ay + gradient * (major + 0.5 - ax) - 0.5;
      int m = (int) floor (minor);
      int frac = (int) ((minor - m) * 256.0);
      int c0 = (level * (256 - frac)) >> 16, c1 = (level * frac) >> 16;

      for (int k = 0; k < 2; k++)
        {
          int mm = m + k;
          int c = k == 0 ? c0 : c1;
          guint32 *pixel;

          if (c <= 0 || mm < 0 || mm >= limit_minor)
            continue;
          if (steep)
            pixel = (guint32 *) (data + (gsize) major * stride) + mm;
          else
            pixel = (guint32 *) (data + (gsize) mm * stride) + major;
          *pixel = blend (*pixel, color, MIN (c, 255));
        }
    }
}

static void
draw_edges (Frame *frame)
{
  const CirclesScenePrimitive *prims = circles_scene_get_primitives (frame->scene, NULL);
  const CirclesView *view = frame->view;
  cairo_t *cr = frame->cr;
  gboolean paths = circles_scene_get_kind (frame->scene) == CIRCLES_LAYOUT_PATHS;
  guint first, n;
  /* a little beyond the clip, so that no end shows */
  double x0 = frame->x0 - 2.0, y0 = frame->y0 - 2.0, x1 = frame->x1 + 2.0, y1 = frame->y1 + 2.0;

  circles_scene_get_range (frame->scene, CIRCLES_SCENE_EDGE, &first, &n);
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
            set_color (cr, &frame->palette->circle[CIRCLES_CIRCLE_FIRST], 0.85);
          else
            set_color (cr, &frame->palette->edge_path, 0.55);
          cairo_set_line_width (cr, warm ? style.path_edge_warm_width : style.path_edge_width);
          cairo_stroke (cr);
        }
      return;
    }

  /* One stroke per ring the edges lead to; each edge clipped to what
   * shows, the ones shorter than a pixel left out. On an image, hairlines
   * go straight into its pixels. When some people stand out, the edges
   * to the others go first, fainter. */
  for (guint pass = 0; pass < n_passes (view); pass++)
    for (guint ring = 1; ring <= CIRCLES_MAX_DEGREE; ring++)
      {
        CirclesCircle circle = CIRCLES_CIRCLE_FIRST + ring - 1;
        const CirclesColor *color = &frame->palette->circle[circle];
        guint32 packed = pack_color (color);
        gboolean dim = pass_dims (view, pass);
        double alpha = style.edge_alpha[ring] * (dim ? style.dim_edge_factor : 1.0);
        double weight = style.edge_width * alpha * frame->scale;
        gboolean any = FALSE;

        cairo_new_path (cr);
        for (guint i = first; i < first + n; i++)
          {
            const CirclesScenePrimitive *e = &prims[i];
            double ax, ay, bx, by;

            if (e->circle != circle || !circles_scene_edge_visible (e, view->zoom))
              continue;
            if (skip_in_pass (view, dim, e->person))
              continue;
            ax = e->x * view->zoom + view->offset_x;
            ay = e->y * view->zoom + view->offset_y;
            bx = e->x2 * view->zoom + view->offset_x;
            by = e->y2 * view->zoom + view->offset_y;
            if (MAX (ax, bx) < x0 || MIN (ax, bx) > x1 || MAX (ay, by) < y0 || MIN (ay, by) > y1)
              continue;
            if (fabs (bx - ax) + fabs (by - ay) < 1.0 ||
                !clip_segment (&ax, &ay, &bx, &by, x0, y0, x1, y1))
              continue;
            if (frame->data != NULL)
              {
                double s = frame->scale;

                blit_line (frame, ax * s, ay * s, bx * s, by * s, packed, weight);
                continue;
              }
            cairo_move_to (cr, ax, ay);
            cairo_line_to (cr, bx, by);
            any = TRUE;
          }
        if (!any)
          continue;
        set_color (cr, color, alpha);
        cairo_set_line_width (cr, style.edge_width);
        cairo_stroke (cr);
      }
  cairo_new_path (cr);
}

static void
stamp_init (Stamp              *stamp,
            CirclesMarkerShape  shape,
            double              r)
{
  int size = (int) ceil (r * 1.6) * 2 + 4;
  int stride = cairo_format_stride_for_width (CAIRO_FORMAT_A8, size);
  int origin = size / 2;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, size, size * STAMP_SUBPIXELS * STAMP_SUBPIXELS);
  cairo_t *cr = cairo_create (surface);
  const guint8 *src;
  int x0 = size, y0 = size, x1 = -1, y1 = -1;

  /* Every sub-pixel offset, one below the other. */
  for (int sy = 0; sy < STAMP_SUBPIXELS; sy++)
    for (int sx = 0; sx < STAMP_SUBPIXELS; sx++)
      add_marker (cr, shape, origin + (sx + 0.5) / STAMP_SUBPIXELS,
                  (sy * STAMP_SUBPIXELS + sx) * size + origin + (sy + 0.5) / STAMP_SUBPIXELS, r);
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  src = cairo_image_surface_get_data (surface);

  /* Trimmed to the pixels any of them covers. */
  for (int k = 0; k < STAMP_SUBPIXELS * STAMP_SUBPIXELS; k++)
    for (int y = 0; y < size; y++)
      for (int x = 0; x < size; x++)
        if (src[(k * size + y) * stride + x] != 0)
          {
            x0 = MIN (x0, x);
            x1 = MAX (x1, x);
            y0 = MIN (y0, y);
            y1 = MAX (y1, y);
          }
  if (x1 < 0)
    x0 = y0 = x1 = y1 = 0;

  g_free (stamp->alpha);
  stamp->shape = shape;
  stamp->r = r;
  stamp->width = x1 - x0 + 1;
  stamp->height = y1 - y0 + 1;
  stamp->left = x0 - origin;
  stamp->top = y0 - origin;
  stamp->alpha = g_new (guint8, (gsize) stamp->width * stamp->height * STAMP_SUBPIXELS * STAMP_SUBPIXELS);
  g_free (stamp->spans);
  stamp->spans = g_new (guint8, (gsize) 2 * stamp->height * STAMP_SUBPIXELS * STAMP_SUBPIXELS);
  for (int k = 0; k < STAMP_SUBPIXELS * STAMP_SUBPIXELS; k++)
    for (int y = 0; y < stamp->height; y++)
      {
        guint8 *row = stamp->alpha + ((gsize) k * stamp->height + y) * stamp->width;
        guint8 *span = stamp->spans + 2 * ((gsize) k * stamp->height + y);
        int a = stamp->width, b = 0;

        memcpy (row, src + (gsize) (k * size + y0 + y) * stride + x0, stamp->width);
        for (int x = 0; x < stamp->width; x++)
          if (row[x] != 0)
            {
              a = MIN (a, x);
              b = x + 1;
            }
        span[0] = a < b ? a : 0;
        span[1] = b;
      }
  cairo_surface_destroy (surface);
}

static const Stamp *
stamp_get (RenderCache        *cache,
           CirclesMarkerShape  shape,
           double              r)
{
  Stamp *stamp;

  for (guint i = 0; i < N_STAMPS; i++)
    if (cache->stamps[i].r == r && cache->stamps[i].shape == shape)
      return &cache->stamps[i];
  stamp = &cache->stamps[cache->next_stamp];
  cache->next_stamp = (cache->next_stamp + 1) % N_STAMPS;
  stamp_init (stamp, shape, r);
  return stamp;
}

static inline void
stamp_blit (const Frame *frame,
            const Stamp *stamp,
            double       x,
            double       y,
            guint32      color)
{
  /* floor() of coordinates a little off the surface too */
  int fx = (int) (x + 1024.0) - 1024, fy = (int) (y + 1024.0) - 1024;
  int sx = MIN ((int) ((x - fx) * STAMP_SUBPIXELS), STAMP_SUBPIXELS - 1);
  int sy = MIN ((int) ((y - fy) * STAMP_SUBPIXELS), STAMP_SUBPIXELS - 1);
  gsize variant = (gsize) (sy * STAMP_SUBPIXELS + sx) * stamp->height;
  const guint8 *alpha = stamp->alpha + variant * stamp->width;
  const guint8 *spans = stamp->spans + 2 * variant;
  int left = fx + stamp->left, top = fy + stamp->top;
  int i0 = MAX (0, -left), i1 = MIN (stamp->width, frame->width - left);
  int j0 = MAX (0, -top), j1 = MIN (stamp->height, frame->height - top);

  for (int j = j0; j < j1; j++)
    {
      guint32 *row = (guint32 *) (frame->data + (gsize) (top + j) * frame->stride) + left;
      const guint8 *a = alpha + j * stamp->width;
      int end = MIN (i1, spans[2 * j + 1]);

      for (int i = MAX (i0, spans[2 * j]); i < end; i++)
        row[i] = blend (row[i], color, a[i]); /* exact for 255 too: no branch */
    }
}

/* Below this radius (device pixels) a marker's shape cannot be seen: it
 * is a dot, a square of its area, written without blending. */
#define TINY_MARKER 2.0

static inline void
dot_blit (const Frame *frame,
          double       x,
          double       y,
          double       r,
          guint32      color)
{
  int side = MAX (1, (int) (r * 1.7725 + 0.5)); /* r × √π */
  int left = (int) (x - side / 2.0 + 1024.5) - 1024, top = (int) (y - side / 2.0 + 1024.5) - 1024;
  int i0 = MAX (0, left), i1 = MIN (frame->width, left + side);
  int j0 = MAX (0, top), j1 = MIN (frame->height, top + side);

  for (int j = j0; j < j1; j++)
    {
      guint32 *row = (guint32 *) (frame->data + (gsize) j * frame->stride);

      for (int i = i0; i < i1; i++)
        row[i] = color;
    }
}

static void
draw_people (Frame *frame)
{
  const CirclesScenePrimitive *prims = circles_scene_get_primitives (frame->scene, NULL);
  const CirclesView *view = frame->view;
  cairo_t *cr = frame->cr;
  guint first, n;
  GArray *visible = frame->cache->visible;
  guint8 circles_seen[CIRCLES_CIRCLE_OUT_OF_NETWORK + 1] = { 0, };

  circles_scene_get_range (frame->scene, CIRCLES_SCENE_PERSON, &first, &n);

  /* The people in the clip, by the scene's grid (a marker is at most
   * 9 pixels: a margin of 12). */
  g_array_set_size (visible, 0);
  {
    double qx = (frame->x0 - 12.0 - view->offset_x) / view->zoom;
    double qy = (frame->y0 - 12.0 - view->offset_y) / view->zoom;
    double qw = (frame->x1 - frame->x0 + 24.0) / view->zoom;
    double qh = (frame->y1 - frame->y0 + 24.0) / view->zoom;
    double bx, by, bw, bh;

    circles_scene_get_bounds (frame->scene, &bx, &by, &bw, &bh);
    if (qw * qh < 0.25 * bw * bh)
      circles_scene_query_rect (frame->scene, qx, qy, qw, qh, visible);
    else
      {
        /* Most of the scene shows: every person, in the scene's order
         * (ring by ring, neighbours together), is faster than the grid's
         * many small cells. */
        g_array_set_size (visible, n);
        for (guint i = 0; i < n; i++)
          g_array_index (visible, guint, i) = first + i;
      }
  }

  if (frame->data != NULL)
    {
      /* Colours by circle then by company; the dimmed ones after. */
      enum { N_COLORS = CIRCLES_CIRCLE_OUT_OF_NETWORK + 1 + CIRCLES_SCENE_N_COMPANIES + 1 };
      guint32 colors[2 * N_COLORS];
      gboolean by_company = view->color_by == CIRCLES_COLOR_BY_COMPANY;
      double s = frame->scale;

      for (guint c = 0; c < N_COLORS; c++)
        {
          const CirclesColor *color = c <= CIRCLES_CIRCLE_OUT_OF_NETWORK
                                      ? &frame->palette->circle[c]
                                      : &frame->palette->company[c - CIRCLES_CIRCLE_OUT_OF_NETWORK - 1];
          CirclesColor dimmed = dim_color (frame, color);

          colors[c] = pack_color (color);
          colors[N_COLORS + c] = pack_color (&dimmed);
        }

      /* A marker's radius depends on its circle and its size in the
       * scene: remember the stamp of each. */
      struct { float size; const Stamp *stamp; double r; } by_circle[CIRCLES_CIRCLE_OUT_OF_NETWORK + 1];
      double zoom = view->zoom * s, ox = view->offset_x * s, oy = view->offset_y * s;
      const guint *indices = (const guint *) visible->data;

      for (guint c = 0; c <= CIRCLES_CIRCLE_OUT_OF_NETWORK; c++)
        by_circle[c].size = -1.0f;

      for (guint pass = 0; pass < n_passes (view); pass++)
        for (guint v = 0; v < visible->len; v++)
          {
            guint index = indices[v];
            const CirclesScenePrimitive *p = &prims[index];
            guint c = MIN (p->circle, CIRCLES_CIRCLE_OUT_OF_NETWORK);
            gboolean dim = pass_dims (view, pass);
            double x, y, r;
            guint32 color;

            if (G_UNLIKELY (p->flags & (CIRCLES_SCENE_FLAG_ME | CIRCLES_SCENE_FLAG_TARGET)))
              continue;
            if (skip_in_pass (view, dim, p->person))
              continue;
            if (G_UNLIKELY (by_circle[c].size != p->r))
              {
                by_circle[c].size = p->r;
                by_circle[c].r = circles_scene_marker_radius (p, view->zoom) * s;
                by_circle[c].stamp = stamp_get (frame->cache, circles_scene_marker_shape (c), by_circle[c].r);
              }
            r = by_circle[c].r;
            x = p->x * zoom + ox;
            y = p->y * zoom + oy;
            if (x < -2.0 * r || y < -2.0 * r || x > frame->width + 2.0 * r || y > frame->height + 2.0 * r)
              continue;
            color = by_company ? colors[(dim ? N_COLORS : 0) + CIRCLES_CIRCLE_OUT_OF_NETWORK + 1 +
                                        circles_scene_get_company (frame->scene, index)]
                               : colors[(dim ? N_COLORS : 0) + c];
            if (r < TINY_MARKER)
              dot_blit (frame, x, y, r, color);
            else
              stamp_blit (frame, by_circle[c].stamp, x, y, color);
          }
      /* The edges and the markers written: cairo draws over them. */
      cairo_surface_mark_dirty (cairo_get_target (cr));
    }
  else
    {
      for (guint v = 0; v < visible->len; v++)
        circles_seen[MIN (prims[g_array_index (visible, guint, v)].circle, CIRCLES_CIRCLE_OUT_OF_NETWORK)] = 1;

      /* One fill per colour; me (and a paths target) on top. */
      for (guint pass = 0; pass < n_passes (view); pass++)
        for (guint c = CIRCLES_CIRCLE_FIRST; c <= CIRCLES_CIRCLE_OUT_OF_NETWORK; c++)
          {
            gboolean dim = pass_dims (view, pass);

            CirclesMarkerShape shape = circles_scene_marker_shape (c);
            guint n_colors = view->color_by == CIRCLES_COLOR_BY_COMPANY ? CIRCLES_SCENE_N_COMPANIES + 1 : 1;

            if (!circles_seen[c])
              continue;
            for (guint k = 0; k < n_colors; k++)
              {
                gboolean any = FALSE;

                cairo_new_path (cr);
                for (guint v = 0; v < visible->len; v++)
                  {
                    guint index = g_array_index (visible, guint, v);
                    const CirclesScenePrimitive *p = &prims[index];
                    double x, y, r;

                    if (p->circle != c || (p->flags & (CIRCLES_SCENE_FLAG_ME | CIRCLES_SCENE_FLAG_TARGET)))
                      continue;
                    if (skip_in_pass (view, dim, p->person))
                      continue;
                    if (n_colors > 1 && circles_scene_get_company (frame->scene, index) != k)
                      continue;
                    x = p->x * view->zoom + view->offset_x;
                    y = p->y * view->zoom + view->offset_y;
                    r = circles_scene_marker_radius (p, view->zoom);
                    if (!clip_has_point (frame, x, y, 2.0 * r))
                      continue;
                    add_marker (cr, shape, x, y, r);
                    any = TRUE;
                  }
                if (!any)
                  continue;
                {
                  const CirclesColor *color = n_colors > 1 ? &frame->palette->company[k] : &frame->palette->circle[c];
                  CirclesColor dimmed = dim_color (frame, color);

                  set_color (cr, dim ? &dimmed : color, 1.0);
                }
                cairo_fill (cr);
              }
          }
    }

  for (guint v = 0; v < visible->len; v++)
    {
      guint index = g_array_index (visible, guint, v);
      const CirclesScenePrimitive *p = &prims[index];
      const CirclesColor *color;
      double x, y, r;

      if (!(p->flags & (CIRCLES_SCENE_FLAG_ME | CIRCLES_SCENE_FLAG_TARGET)))
        continue;
      color = circles_scene_primitive_color (frame->scene, view, index);
      x = p->x * view->zoom + view->offset_x;
      y = p->y * view->zoom + view->offset_y;
      r = circles_scene_marker_radius (p, view->zoom);
      cairo_new_path (cr);
      if (p->flags & CIRCLES_SCENE_FLAG_TARGET)
        {
          cairo_arc (cr, x, y, r + 2.0 * style.target_halo, 0.0, 2.0 * G_PI);
          set_color (cr, color, 1.0);
          cairo_set_line_width (cr, style.target_halo);
          cairo_stroke (cr);
        }
      add_marker (cr, circles_scene_marker_shape (p->circle), x, y, r);
      set_color (cr, color, 1.0);
      cairo_fill_preserve (cr);
      set_color (cr, &frame->palette->halo, 1.0);
      cairo_set_line_width (cr, style.me_outline);
      cairo_stroke (cr);
    }

  if (view->selected != CIRCLES_NO_PERSON && view->selection == NULL)
    {
      guint index = circles_scene_lookup_person (frame->scene, view->selected);

      if (index != G_MAXUINT)
        {
          const CirclesScenePrimitive *p = &prims[index];
          double r = circles_scene_marker_radius (p, view->zoom) + 4.0;

          cairo_new_path (cr);
          cairo_arc (cr, p->x * view->zoom + view->offset_x, p->y * view->zoom + view->offset_y,
                     r, 0.0, 2.0 * G_PI);
          set_color (cr, &frame->palette->halo, 1.0);
          cairo_set_line_width (cr, style.selected_width + 2.0);
          cairo_stroke_preserve (cr);
          set_color (cr, &frame->palette->text, 1.0);
          cairo_set_line_width (cr, style.selected_width);
          cairo_stroke (cr);
        }
    }
}

/* A ring @gap pixels around the marker of the PERSON primitive @index
 * (at least 4 pixels wide), in @color over a halo. */
static void
stroke_ring (Frame              *frame,
             guint               index,
             double              gap,
             const CirclesColor *color)
{
  const CirclesScenePrimitive *p = &circles_scene_get_primitives (frame->scene, NULL)[index];
  const CirclesView *view = frame->view;
  cairo_t *cr = frame->cr;

  cairo_new_path (cr);
  cairo_arc (cr, p->x * view->zoom + view->offset_x, p->y * view->zoom + view->offset_y,
             MAX (circles_scene_marker_radius (p, view->zoom), 4.0) + gap, 0.0, 2.0 * G_PI);
  set_color (cr, &frame->palette->halo, 1.0);
  cairo_set_line_width (cr, 5.0);
  cairo_stroke_preserve (cr);
  set_color (cr, color, 1.0);
  cairo_set_line_width (cr, 2.5);
  cairo_stroke (cr);
}

/* The introducer looked at: lines from them to whom they reach, in the
 * colour of the 1st circle, and a ring around them. */
static void
draw_introducer (Frame *frame)
{
  const CirclesIntroducerView *introducer = frame->view->introducer;
  const CirclesView *view = frame->view;
  const CirclesScenePrimitive *prims = circles_scene_get_primitives (frame->scene, NULL);
  const CirclesColor *color = &frame->palette->circle[CIRCLES_CIRCLE_FIRST];
  cairo_t *cr = frame->cr;
  guint index;

  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_new_path (cr);
  for (guint i = 0; i < introducer->n_links; i++)
    {
      guint a = circles_scene_lookup_person (frame->scene, introducer->links[2 * i]);
      guint b = circles_scene_lookup_person (frame->scene, introducer->links[2 * i + 1]);

      if (a == G_MAXUINT || b == G_MAXUINT)
        continue;
      cairo_move_to (cr, prims[a].x * view->zoom + view->offset_x, prims[a].y * view->zoom + view->offset_y);
      cairo_line_to (cr, prims[b].x * view->zoom + view->offset_x, prims[b].y * view->zoom + view->offset_y);
    }
  set_color (cr, color, 0.55);
  cairo_set_line_width (cr, 1.25);
  cairo_stroke (cr);

  index = circles_scene_lookup_person (frame->scene, introducer->person);
  if (index != G_MAXUINT)
    stroke_ring (frame, index, 4.0, color);
  cairo_restore (cr);
}

/* The selection over the rest, dimmed: every chain from me to the
 * selected person, thin, the warmest on top; the chosen one thick, in
 * the selected person's colour; the people along them; the selected
 * person, ringed; and the names the selection placed. */
static void
add_chain_path (Frame              *frame,
                const CirclesChain *chain)
{
  const CirclesScenePrimitive *prims = circles_scene_get_primitives (frame->scene, NULL);
  const CirclesView *view = frame->view;

  cairo_new_path (frame->cr);
  for (guint k = 0; k < chain->length; k++)
    {
      guint index = circles_scene_lookup_person (frame->scene, chain->people[k]);

      if (index == G_MAXUINT)
        break;
      cairo_line_to (frame->cr, prims[index].x * view->zoom + view->offset_x,
                     prims[index].y * view->zoom + view->offset_y);
    }
}

static void
draw_chain_person (Frame   *frame,
                   guint    person,
                   double   grow)
{
  const CirclesScenePrimitive *prims = circles_scene_get_primitives (frame->scene, NULL);
  const CirclesView *view = frame->view;
  guint index = circles_scene_lookup_person (frame->scene, person);
  cairo_t *cr = frame->cr;
  double r;

  if (index == G_MAXUINT)
    return;
  r = MAX (circles_scene_marker_radius (&prims[index], view->zoom), 3.5) + grow;
  cairo_new_path (cr);
  add_marker (cr, circles_scene_marker_shape (prims[index].circle),
              prims[index].x * view->zoom + view->offset_x,
              prims[index].y * view->zoom + view->offset_y, MAX (r, 3.0));
  set_color (cr, circles_scene_primitive_color (frame->scene, view, index), 1.0);
  cairo_fill_preserve (cr);
  set_color (cr, &frame->palette->halo, 1.0);
  cairo_set_line_width (cr, 1.5);
  cairo_stroke (cr);
}

static void
draw_selection (Frame *frame)
{
  CirclesSelection *selection = frame->view->selection;
  const CirclesView *view = frame->view;
  const CirclesScenePrimitive *prims = circles_scene_get_primitives (frame->scene, NULL);
  guint person = circles_selection_get_person (selection);
  guint index = circles_scene_lookup_person (frame->scene, person);
  guint n_chains = circles_selection_get_n_chains (selection);
  g_autoptr(GArray) names = g_array_new (FALSE, FALSE, sizeof (CirclesSelectionLabel));
  const CirclesColor *color;
  const CirclesChain *chosen;
  guint chosen_index;
  cairo_t *cr = frame->cr;

  if (index == G_MAXUINT)
    return;
  color = circles_scene_primitive_color (frame->scene, view, index);
  chosen = circles_selection_get_chosen (selection, &chosen_index);

  set_color (cr, &frame->palette->background, CIRCLES_SELECTION_DIM_ALPHA);
  cairo_paint (cr);

  cairo_save (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint c = n_chains; c-- > 0;)
    {
      if (c == chosen_index)
        continue;
      add_chain_path (frame, circles_selection_get_chain (selection, c));
      set_color (cr, &frame->palette->halo, 1.0);
      cairo_set_line_width (cr, 3.5);
      cairo_stroke_preserve (cr);
      set_color (cr, &frame->palette->text, 0.45);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
    }
  if (chosen != NULL)
    {
      add_chain_path (frame, chosen);
      set_color (cr, &frame->palette->halo, 1.0);
      cairo_set_line_width (cr, 6.0);
      cairo_stroke_preserve (cr);
      set_color (cr, color, 1.0);
      cairo_set_line_width (cr, 3.0);
      cairo_stroke (cr);
    }
  for (guint c = n_chains; c-- > 0;)
    if (c != chosen_index)
      {
        const CirclesChain *chain = circles_selection_get_chain (selection, c);

        for (guint k = 1; k + 1 < chain->length; k++)
          draw_chain_person (frame, chain->people[k], 1.0);
      }
  if (chosen != NULL)
    for (guint k = 1; k + 1 < chosen->length; k++)
      draw_chain_person (frame, chosen->people[k], 1.0);

  /* The selected person: its marker, a ring around it. */
  draw_chain_person (frame, person, 1.5 + MAX (0.0, 4.0 - circles_scene_marker_radius (&prims[index], view->zoom)));
  stroke_ring (frame, index, 7.0, &frame->palette->text);

  /* The names: a halo as a path, the text once as text. */
  circles_selection_place_labels (selection, frame->scene, view, names);
  for (guint i = 0; i < names->len; i++)
    {
      const CirclesSelectionLabel *name = &g_array_index (names, CirclesSelectionLabel, i);

      circles_text_draw (cr, name->text, name->size, name->bold, name->baseline_x, name->baseline_y,
                         &frame->palette->text, &frame->palette->halo, 4.0);
    }
  cairo_restore (cr);
}

static const CirclesColor *
label_color (const Frame                 *frame,
             const CirclesScenePrimitive *label)
{
  if (label->flags & CIRCLES_SCENE_FLAG_TITLE)
    return &frame->palette->circle[MIN (label->circle, CIRCLES_CIRCLE_OUT_OF_NETWORK)];
  if (label->flags & CIRCLES_SCENE_FLAG_SECONDARY)
    return &frame->palette->text_secondary;
  return &frame->palette->text;
}

/* The glyphs of a label from its baseline origin: shaped once, by
 * Pango, in the fonts that have its characters. */
static const GlyphRun *
label_glyphs (Frame                       *frame,
              guint                        label_index,
              const CirclesScenePrimitive *label)
{
  RenderCache *cache = frame->cache;
  GlyphRun *run = &cache->runs[label_index];
  g_autoptr(PangoLayout) layout = NULL;
  PangoLayoutLine *line;
  double x = 0.0;

  if (run->n != G_MAXUINT32)
    return run;

  if (cache->context == NULL)
    cache->context = circles_text_context_new ();
  layout = circles_text_layout_new (cache->context, label->text, label->r,
                                    (label->flags & CIRCLES_SCENE_FLAG_BOLD) != 0);
  run->first = cache->segments->len;
  run->n = 0;
  line = pango_layout_get_line_readonly (layout, 0);
  for (GSList *l = line != NULL ? line->runs : NULL; l != NULL; l = l->next)
    {
      PangoGlyphItem *item = l->data;
      PangoGlyphString *string = item->glyphs;
      GlyphSegment segment = { NULL, cache->glyphs->len, 0 };

      segment.font = cairo_scaled_font_reference (pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (item->item->analysis.font)));
      for (int g = 0; g < string->num_glyphs; g++)
        {
          const PangoGlyphInfo *info = &string->glyphs[g];
          cairo_glyph_t glyph;

          /* Nothing to draw for an empty glyph nor a missing one. */
          if (info->glyph != PANGO_GLYPH_EMPTY && !(info->glyph & PANGO_GLYPH_UNKNOWN_FLAG))
            {
              glyph.index = info->glyph;
              glyph.x = x + info->geometry.x_offset / (double) PANGO_SCALE;
              glyph.y = info->geometry.y_offset / (double) PANGO_SCALE;
              g_array_append_val (cache->glyphs, glyph);
              segment.n++;
            }
          x += info->geometry.width / (double) PANGO_SCALE;
        }
      g_array_append_val (cache->segments, segment);
      run->n++;
    }
  return run;
}

static void
append_glyphs (GArray              *out,
               const cairo_glyph_t *glyphs,
               guint                n,
               double               x,
               double               y)
{
  guint start = out->len;
  cairo_glyph_t *dst;

  g_array_set_size (out, start + n);
  dst = &g_array_index (out, cairo_glyph_t, start);
  for (guint i = 0; i < n; i++)
    {
      dst[i].index = glyphs[i].index;
      dst[i].x = glyphs[i].x + x;
      dst[i].y = glyphs[i].y + y;
    }
}

static void
draw_labels (Frame *frame)
{
  const CirclesScenePrimitive *prims = circles_scene_get_primitives (frame->scene, NULL);
  const CirclesView *view = frame->view;
  cairo_t *cr = frame->cr;
  RenderCache *cache = frame->cache;
  GArray *visible = cache->visible;
  guint first, n;
  struct
  {
    double              size;
    gboolean            bold;
    const CirclesColor *color;
  } styles[16];
  guint n_styles = 0;
  /* The halo is the text drawn in the halo colour around itself: glyphs
   * come from the font cache, far cheaper than stroking outlines. */
  static const double offsets[][2] = {
    { -1.0, -1.0 }, { 0.0, -1.5 }, { 1.0, -1.0 }, { 1.5, 0.0 },
    { 1.0, 1.0 }, { 0.0, 1.5 }, { -1.0, 1.0 }, { -1.5, 0.0 },
  };

  gboolean on_image = cairo_surface_get_type (cairo_get_target (cr)) == CAIRO_SURFACE_TYPE_IMAGE;

  circles_scene_get_range (frame->scene, CIRCLES_SCENE_LABEL, &first, &n);
  circles_scene_collect_labels (frame->scene, view, frame->x0, frame->y0, frame->x1, frame->y1, visible);

  /* The few text styles in use. */
  for (guint v = 0; v < visible->len; v++)
    {
      const CirclesScenePrimitive *label = &prims[g_array_index (visible, guint, v)];
      gboolean bold = (label->flags & CIRCLES_SCENE_FLAG_BOLD) != 0;
      const CirclesColor *color = label_color (frame, label);
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

  /* On an image, per label and font: its halo (eight copies of its
   * glyphs) in one call, its text in one; cairo masks glyphs that
   * overlap, so a call keeps to one label. Elsewhere (PDF), the halo is
   * a path and the text is drawn once, as text. */
  for (guint k = 0; k < n_styles; k++)
    {
      cairo_pattern_t *halo, *text;

      halo = cairo_pattern_create_rgb (frame->palette->halo.r, frame->palette->halo.g, frame->palette->halo.b);
      text = cairo_pattern_create_rgb (styles[k].color->r, styles[k].color->g, styles[k].color->b);
      for (guint v = 0; v < visible->len; v++)
        {
          guint index = g_array_index (visible, guint, v);
          const CirclesScenePrimitive *label = &prims[index];
          const GlyphRun *run;
          double bx, by;

          if (label->r != styles[k].size ||
              ((label->flags & CIRCLES_SCENE_FLAG_BOLD) != 0) != styles[k].bold ||
              label_color (frame, label) != styles[k].color)
            continue;
          circles_scene_label_box (label, view, NULL, NULL, NULL, NULL, &bx, &by);
          if (!on_image)
            {
              circles_text_draw (cr, label->text, label->r, styles[k].bold, bx, by,
                                 styles[k].color, &frame->palette->halo, style.halo_width);
              continue;
            }
          run = label_glyphs (frame, index - first, label);
          for (guint r = run->first; r < run->first + run->n; r++)
            {
              const GlyphSegment *segment = &g_array_index (cache->segments, GlyphSegment, r);
              const cairo_glyph_t *glyphs = &g_array_index (cache->glyphs, cairo_glyph_t, segment->first);

              if (segment->n == 0)
                continue;
              cairo_set_scaled_font (cr, segment->font);
              g_array_set_size (cache->frame_halo, 0);
              for (guint o = 0; o < G_N_ELEMENTS (offsets); o++)
                append_glyphs (cache->frame_halo, glyphs, segment->n,
                               bx + offsets[o][0] * style.halo_width / 3.0,
                               by + offsets[o][1] * style.halo_width / 3.0);
              g_array_set_size (cache->frame_text, 0);
              append_glyphs (cache->frame_text, glyphs, segment->n, bx, by);
              cairo_set_source (cr, halo);
              cairo_show_glyphs (cr, (cairo_glyph_t *) cache->frame_halo->data, cache->frame_halo->len);
              cairo_set_source (cr, text);
              cairo_show_glyphs (cr, (cairo_glyph_t *) cache->frame_text->data, cache->frame_text->len);
            }
        }
      cairo_pattern_destroy (halo);
      cairo_pattern_destroy (text);
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
draw_legend (Frame *frame)
{
  const CirclesScenePrimitive *prims = circles_scene_get_primitives (frame->scene, NULL);
  const CirclesView *view = frame->view;
  const CirclesPalette *palette = frame->palette;
  cairo_t *cr = frame->cr;
  guint first, n;
  double ox, oy;

  circles_view_get_legend_origin (view, &ox, &oy);
  circles_scene_get_range (frame->scene, CIRCLES_SCENE_LEGEND, &first, &n);
  for (guint i = first; i < first + n; i++)
    {
      const CirclesScenePrimitive *p = &prims[i];

      if (!circles_scene_legend_visible (frame->scene, p, view))
        continue;
      cairo_new_path (cr);
      if (p->flags & CIRCLES_SCENE_FLAG_PANEL)
        {
          rounded_rectangle (cr, ox + p->x + 0.5, oy + p->y + 0.5, p->w - 1.0, p->h - 1.0, 8.0);
          set_color (cr, &palette->panel, style.panel_alpha);
          cairo_fill_preserve (cr);
          set_color (cr, &palette->panel_border, 1.0);
          cairo_set_line_width (cr, 1.0);
          cairo_stroke (cr);
        }
      else if (p->flags & CIRCLES_SCENE_FLAG_GAUGE)
        {
          rounded_rectangle (cr, ox + p->x, oy + p->y, p->w, p->h, p->h / 2.0);
          set_color (cr, &palette->gauge_track, 1.0);
          cairo_fill (cr);
          if (p->x2 > 0.0)
            {
              rounded_rectangle (cr, ox + p->x, oy + p->y, MAX (p->w * p->x2, p->h), p->h, p->h / 2.0);
              set_color (cr, &palette->circle[MIN (p->circle, CIRCLES_CIRCLE_OUT_OF_NETWORK)], 1.0);
              cairo_fill (cr);
            }
        }
      else if (p->text != NULL)
        {
          gboolean bold = (p->flags & CIRCLES_SCENE_FLAG_BOLD) != 0;
          g_autofree char *text = circles_scene_legend_text (frame->scene, i, view);

          if (p->flags & CIRCLES_SCENE_FLAG_SWATCH)
            {
              add_marker (cr, circles_scene_marker_shape (p->circle),
                          ox + p->x - CIRCLES_SCENE_SWATCH_OFFSET, oy + p->y - p->r * 0.35,
                          CIRCLES_SCENE_SWATCH_RADIUS);
              if (p->flags & CIRCLES_SCENE_FLAG_COMPANY)
                set_color (cr, circles_scene_primitive_color (frame->scene, view, i), 1.0);
              else
                set_color (cr, &palette->circle[MIN (p->circle, CIRCLES_CIRCLE_OUT_OF_NETWORK)], 1.0);
              cairo_fill (cr);
            }
          circles_text_draw (cr, text, p->r, bold, ox + p->x, oy + p->y,
                             (p->flags & CIRCLES_SCENE_FLAG_SECONDARY) ? &palette->text_secondary : &palette->text,
                             NULL, 0.0);
        }
    }
}

/* Whether markers and edges can be written into the target's pixels:
 * an ARGB32 image, no transformation but the device scale, the clip the
 * whole surface. */
static void
frame_find_pixels (Frame *frame)
{
  cairo_surface_t *target = cairo_get_target (frame->cr);
  cairo_matrix_t matrix;
  double sx = 1.0, sy = 1.0, dx = 0.0, dy = 0.0;

  guint n_people;

  frame->data = NULL;
  frame->scale = 1.0;
  /* A small scene draws as fast through cairo, and exactly as PDF does. */
  circles_scene_get_range (frame->scene, CIRCLES_SCENE_PERSON, NULL, &n_people);
  if (n_people < FAST_MARKERS_MIN)
    return;
  if (cairo_surface_get_type (target) != CAIRO_SURFACE_TYPE_IMAGE ||
      cairo_image_surface_get_format (target) != CAIRO_FORMAT_ARGB32)
    return;
  cairo_get_matrix (frame->cr, &matrix);
  if (matrix.xx != 1.0 || matrix.yy != 1.0 || matrix.xy != 0.0 || matrix.yx != 0.0 ||
      matrix.x0 != 0.0 || matrix.y0 != 0.0)
    return;
  cairo_surface_get_device_scale (target, &sx, &sy);
  cairo_surface_get_device_offset (target, &dx, &dy);
  if (sx != sy || sx < 1.0 || dx != 0.0 || dy != 0.0)
    return;
  frame->width = cairo_image_surface_get_width (target);
  frame->height = cairo_image_surface_get_height (target);
  if (frame->x0 > 0.0 || frame->y0 > 0.0 ||
      frame->x1 * sx < frame->width || frame->y1 * sy < frame->height)
    return;
  cairo_surface_flush (target);
  frame->data = cairo_image_surface_get_data (target);
  frame->stride = cairo_image_surface_get_stride (target);
  frame->scale = sx;
}

/* The time this thread has worked, in µs: what a frame costs, whatever
 * else the machine does. */
static gint64
thread_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

void
circles_render_cairo (CirclesScene      *scene,
                      const CirclesView *view,
                      cairo_t           *cr)
{
  Frame frame = { 0, };
  gint64 t[6];

  g_return_if_fail (scene != NULL);
  g_return_if_fail (view != NULL);
  g_return_if_fail (cr != NULL);

  frame.scene = scene;
  frame.view = view;
  frame.palette = circles_view_get_palette (view);
  frame.cache = render_cache_get (scene);
  frame.cr = cr;

  cairo_save (cr);
  circles_render_set_font_options (cr);
  cairo_clip_extents (cr, &frame.x0, &frame.y0, &frame.x1, &frame.y1);

  if (!(view->flags & CIRCLES_VIEW_NO_BACKGROUND))
    {
      set_color (cr, &frame.palette->background, 1.0);
      cairo_paint (cr);
    }

  t[0] = thread_time ();
  draw_rings (&frame);
  t[1] = thread_time ();
  /* Cairo is done with the pixels until they are marked dirty. */
  frame_find_pixels (&frame);
  draw_edges (&frame);
  t[2] = thread_time ();
  draw_people (&frame);
  t[3] = thread_time ();
  draw_labels (&frame);
  if (view->introducer != NULL)
    draw_introducer (&frame);
  if (view->selection != NULL)
    draw_selection (&frame);
  t[4] = thread_time ();
  if (!(view->flags & CIRCLES_VIEW_NO_LEGEND))
    draw_legend (&frame);
  t[5] = thread_time ();
  g_debug ("Drawn in %.1f ms of CPU: rings %.1f, edges %.1f, people %.1f, labels %.1f, legend %.1f",
           (t[5] - t[0]) / 1000.0, (t[1] - t[0]) / 1000.0, (t[2] - t[1]) / 1000.0,
           (t[3] - t[2]) / 1000.0, (t[4] - t[3]) / 1000.0, (t[5] - t[4]) / 1000.0);

  cairo_restore (cr);
}
