/* circles-scene.h: what is drawn, as primitives that carry meaning
 *
 * One scene feeds every output (the canvas, PNG, PDF, SVG), so what is
 * exported is what is on screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "circles-layout.h"
#include "circles-network.h"

G_BEGIN_DECLS

/* Primitives come grouped by kind, in this order, which is also the
 * drawing order (bottom to top). */
typedef enum
{
  CIRCLES_SCENE_RING,   /* a ring: centre x,y, radius r, band width w */
  CIRCLES_SCENE_EDGE,   /* a connection: x,y -> x2,y2; r = strength 0..1 */
  CIRCLES_SCENE_PERSON, /* a marker: centre x,y, radius r (scene units) */
  CIRCLES_SCENE_LABEL,  /* text at anchor x,y: box dx,dy,w,h in pixels */
  CIRCLES_SCENE_LEGEND, /* panel, text rows, gauge: in pixels, see below */
  CIRCLES_SCENE_N_KINDS
} CirclesSceneKind;

typedef enum
{
  CIRCLES_SCENE_FLAG_ME        = 1 << 0,
  CIRCLES_SCENE_FLAG_TARGET    = 1 << 1,  /* the focus of a paths scene */
  CIRCLES_SCENE_FLAG_FOLLOWER  = 1 << 2,  /* person: also follows me */
  CIRCLES_SCENE_FLAG_GROUP     = 1 << 3,  /* person: also shares a group */
  CIRCLES_SCENE_FLAG_WARMEST   = 1 << 4,  /* edge: on the warmest chain */
  CIRCLES_SCENE_FLAG_TITLE     = 1 << 5,  /* label: a ring's name; legend: heading (bold) */
  CIRCLES_SCENE_FLAG_SECONDARY = 1 << 6,  /* muted text (second line, notes) */
  CIRCLES_SCENE_FLAG_SWATCH    = 1 << 7,  /* legend row with the marker of its circle */
  CIRCLES_SCENE_FLAG_PANEL     = 1 << 8,  /* legend: the panel (x,y,w,h) */
  CIRCLES_SCENE_FLAG_GAUGE     = 1 << 9,  /* legend: a gauge (x,y,w,h), x2 = filled ratio */
  CIRCLES_SCENE_FLAG_BOLD      = 1 << 10, /* text in bold */
  CIRCLES_SCENE_FLAG_COMPANY   = 1 << 11, /* legend: a row of the legend of companies */
  CIRCLES_SCENE_FLAG_COUNT     = 1 << 12, /* legend: counts its circle (circles_scene_legend_text()) */
} CirclesSceneFlags;

/* Scene units are layout units (points); labels and the legend are in
 * pixels so that they keep their size at every zoom:
 *  - LABEL: its box is (X + dx, Y + dy, w, h) where (X, Y) is the anchor
 *    (x, y) on screen; r is the font size; it is drawn when the zoom is at
 *    least min_zoom (see circles_scene_ensure_labels());
 *  - LEGEND: x, y from the top-left of the legend area; text rows have
 *    their baseline at y and font size r; the swatch sits left of x. */
/* Legend rows with a swatch: its centre is this far left of the text. */
#define CIRCLES_SCENE_SWATCH_OFFSET 10.0
#define CIRCLES_SCENE_SWATCH_RADIUS 4.0

typedef struct
{
  guint8      kind;     /* CirclesSceneKind */
  guint8      circle;   /* CirclesCircle of the person (ring: of the ring) */
  guint16     flags;    /* CirclesSceneFlags */
  guint32     person;   /* network index, or CIRCLES_NO_PERSON */
  float       x, y;
  float       x2, y2;
  float       r;
  float       w, h;
  float       dx, dy;
  float       min_zoom; /* labels; 0 for the rest */
  const char *text;     /* labels and legend: valid, inert UTF-8 */
} CirclesScenePrimitive;

typedef struct _CirclesScene CirclesScene;

typedef enum
{
  CIRCLES_VIEW_NO_LEGEND     = 1 << 0,
  CIRCLES_VIEW_NO_BACKGROUND = 1 << 1, /* leave the surface transparent */
  CIRCLES_VIEW_DARK          = 1 << 2, /* the dark palette */
} CirclesViewFlags;

/* What the colour of a person tells. Whatever it is, the shape of a
 * marker tells its circle (disc, diamond, triangle). */
typedef enum
{
  CIRCLES_COLOR_BY_CIRCLE,
  CIRCLES_COLOR_BY_COMPANY, /* the biggest companies, the others grey */
} CirclesColorBy;

/* How a scene maps to a surface: screen = scene × zoom + offset. */
typedef struct _CirclesSelection CirclesSelection;

/* The introducer looked at (on the Prospects page): lines from them to
 * whom they reach. */
typedef struct
{
  guint          person;
  const guint32 *links;   /* n_links pairs of people (from, to) */
  guint          n_links;
} CirclesIntroducerView;

typedef struct
{
  double zoom;
  double offset_x, offset_y;
  int    width, height;
  /* The part of the surface that nothing covers (a pane over the
   * canvas): x from frame_x, frame_width wide; 0 wide: all of it. */
  int    frame_x, frame_width;
  guint  selected; /* person to ring, or CIRCLES_NO_PERSON */
  /* NULL, or the selection drawn over the rest (its chains and names,
   * the rest dimmed); the ring labels give way to its names. Owned by
   * the caller. */
  CirclesSelection *selection;
  /* NULL, or the introducer drawn under the selection. Owned by the
   * caller. */
  const CirclesIntroducerView *introducer;
  guint  flags;    /* CirclesViewFlags */
  guint  color_by; /* CirclesColorBy */
  /* NULL, or one byte per person of the network: the people whose byte
   * is not zero stand out, everyone else is dimmed (a filter, or whom an
   * introducer reaches). Me always stands out. Owned by the caller. */
  const guint8 *emphasis;
  /* NULL, or how many of each circle stand out: the legend then says
   * "111 of 2,728" for each circle. Owned by the caller. */
  const CirclesCounts *emphasis_counts;
} CirclesView;

/* Whether @person stands out in @view. */
static inline gboolean
circles_view_emphasises (const CirclesView *view,
                         guint32            person)
{
  return view->emphasis == NULL || person == CIRCLES_NO_PERSON || view->emphasis[person] != 0;
}

/* A scene of the layout's kind (rings or paths). */
CirclesScene  *circles_scene_new               (CirclesNetwork  *network,
                                                CirclesLayout   *layout);
CirclesScene  *circles_scene_ref               (CirclesScene    *self);
void           circles_scene_unref             (CirclesScene    *self);

CirclesLayoutKind
               circles_scene_get_kind          (CirclesScene    *self);
CirclesLayout *circles_scene_get_layout        (CirclesScene    *self);

const CirclesScenePrimitive *
               circles_scene_get_primitives    (CirclesScene    *self,
                                                guint           *n_primitives);
/* The primitives of one kind are [*first, *first + *n). */
void           circles_scene_get_range         (CirclesScene    *self,
                                                CirclesSceneKind kind,
                                                guint           *first,
                                                guint           *n);
/* Bounds of the drawing (rings, people, edges), in scene units. */
void           circles_scene_get_bounds        (CirclesScene    *self,
                                                double          *x,
                                                double          *y,
                                                double          *width,
                                                double          *height);
/* Size of the legend, in pixels (the larger of the legend of circles
 * and that of companies, so that the view fits both). */
void           circles_scene_get_legend_size   (CirclesScene    *self,
                                                double          *width,
                                                double          *height);
/* Index of the PERSON primitive of @person, or G_MAXUINT. */
guint          circles_scene_lookup_person     (CirclesScene    *self,
                                                guint            person);
/* The person whose marker is nearest (x, y) (scene units) within
 * @tolerance, or CIRCLES_NO_PERSON. */
guint          circles_scene_pick              (CirclesScene    *self,
                                                double           x,
                                                double           y,
                                                double           tolerance);
/* Appends to @indices (guint) the PERSON primitives whose marker may
 * intersect the rectangle (scene units). */
void           circles_scene_query_rect        (CirclesScene    *self,
                                                double           x,
                                                double           y,
                                                double           width,
                                                double           height,
                                                GArray          *indices);

/* Labels by level of detail: the labels with min_zoom <= zoom never
 * overlap at that zoom nor at any larger one, the most connected people
 * first. Levels are computed on demand: call this before reading
 * min_zoom for @zoom (the renderers do). Not thread-safe: use a scene
 * from one thread at a time. */
void           circles_scene_ensure_labels     (CirclesScene    *self,
                                                double           zoom);
gboolean       circles_scene_label_visible     (const CirclesScenePrimitive *label,
                                                double           zoom);
/* The LABEL primitives @view draws in the clip (x0, y0)–(x1, y1), in
 * pixels: those its zoom shows, but for the people @view dims; and when
 * some people stand out, a few more of theirs where they cover no other.
 * Indices into the primitives, in drawing order, replace @out's content.
 * Computes the level of detail on demand. */
void           circles_scene_collect_labels    (CirclesScene    *self,
                                                const CirclesView *view,
                                                double           x0,
                                                double           y0,
                                                double           x1,
                                                double           y1,
                                                GArray          *out);
/* The box of a label on the screen, and where its baseline starts. */
void           circles_scene_label_box         (const CirclesScenePrimitive *label,
                                                const CirclesView *view,
                                                double          *x,
                                                double          *y,
                                                double          *width,
                                                double          *height,
                                                double          *baseline_x,
                                                double          *baseline_y);
/* Radius in pixels of a person's marker at @zoom. */
double         circles_scene_marker_radius     (const CirclesScenePrimitive *person,
                                                double           zoom);
/* Whether an edge is drawn at @zoom (dense rings hide their edges). */
gboolean       circles_scene_edge_visible      (const CirclesScenePrimitive *edge,
                                                double           zoom);

/* The view that fits the whole scene (and the legend) in width × height. */
void           circles_view_init_fit           (CirclesView     *view,
                                                CirclesScene    *scene,
                                                int              width,
                                                int              height);
/* Where the legend goes on the screen (top-left). */
void           circles_view_get_legend_origin  (const CirclesView *view,
                                                double          *x,
                                                double          *y);

/* Text helpers shared by the backends. */
#define CIRCLES_SCENE_LABEL_HEIGHT_RATIO 1.3
#define CIRCLES_SCENE_FONT_FAMILY "Cantarell"
#define CIRCLES_SCENE_FONT_FALLBACK \
  "Cantarell, \"Noto Sans\", \"Noto Sans Arabic\", \"Noto Sans Hebrew\", " \
  "\"Noto Sans Devanagari\", \"Noto Sans Thai\", \"Noto Sans CJK SC\", \"DejaVu Sans\", sans-serif"

/* Valid UTF-8 that is safe in any output: control characters, bidi
 * embeddings/overrides/isolates and non-characters removed, line breaks
 * and tabs turned into spaces, at most @max_chars characters (an ellipsis
 * ends a shortened text; -1: no limit). Never returns NULL. */
char          *circles_scene_sanitize_text     (const char      *text,
                                                gssize           max_chars);
/* Width in pixels of @text drawn by the backends at @size. */
double         circles_scene_measure_text      (const char      *text,
                                                double           size,
                                                gboolean         bold);

/* The palette, shared by every backend (the SVG <style> too) and by the
 * badges of the side panels (style.css): one light and one dark
 * variant, the view choosing (CIRCLES_VIEW_DARK). Every colour of a
 * circle or a company holds a contrast of at least 3:1 (WCAG, graphics)
 * against the background of its variant. */
typedef struct
{
  double r, g, b;
} CirclesColor;

/* Companies coloured when people are coloured by company; index 0 is
 * "every other company" (and nobody's). */
#define CIRCLES_SCENE_N_COMPANIES 10

typedef struct
{
  CirclesColor background;
  CirclesColor text;
  CirclesColor text_secondary;
  CirclesColor halo;           /* behind labels */
  CirclesColor panel;          /* the legend's background */
  CirclesColor panel_border;
  CirclesColor gauge_track;
  CirclesColor edge_path;      /* paths diagram: connections */
  CirclesColor circle[CIRCLES_CIRCLE_OUT_OF_NETWORK + 1];
  CirclesColor company[CIRCLES_SCENE_N_COMPANIES + 1];
} CirclesPalette;

const CirclesPalette *circles_scene_get_palette (gboolean          dark);
const CirclesPalette *circles_view_get_palette  (const CirclesView *view);
/* The WCAG 2 contrast ratio of two opaque colours, 1 to 21. */
double         circles_color_contrast          (const CirclesColor *a,
                                                const CirclesColor *b);
/* The light palette's colour of @circle. */
const CirclesColor *circles_scene_circle_color (CirclesCircle    circle);

/* Colour by company: the company colour of each PERSON primitive (and
 * of each row of the legend of companies), 0 for the others. */
guint          circles_scene_get_company       (CirclesScene    *self,
                                                guint            index);
/* The colour of a PERSON or LEGEND primitive for @view. */
const CirclesColor *
               circles_scene_primitive_color   (CirclesScene    *self,
                                                const CirclesView *view,
                                                guint            index);
/* The text the LEGEND primitive @index shows in @view: a row that
 * counts a circle says how many of it stand out when the view has
 * emphasis_counts. NULL for a primitive without text; free with g_free(). */
char          *circles_scene_legend_text       (CirclesScene    *self,
                                                guint            index,
                                                const CirclesView *view);
/* Whether a LEGEND primitive belongs to the legend @view shows. */
gboolean       circles_scene_legend_visible    (CirclesScene    *self,
                                                const CirclesScenePrimitive *legend,
                                                const CirclesView *view);

/* A slot for a backend's cache of drawing data (glyphs, stamps), freed
 * with the scene; like the scene, for one thread at a time. */
gpointer       circles_scene_get_backend_data  (CirclesScene    *self);
void           circles_scene_set_backend_data  (CirclesScene    *self,
                                                gpointer         data,
                                                GDestroyNotify   destroy);

typedef enum
{
  CIRCLES_MARKER_DISC,     /* me, the 1st circle, and everyone off the rings */
  CIRCLES_MARKER_DIAMOND,  /* the 2nd circle */
  CIRCLES_MARKER_TRIANGLE, /* the 3rd circle */
} CirclesMarkerShape;

/* The shape tells the circle as well as the colour does. A diamond or a
 * triangle of "radius" r has the corners written in @points (x, y pairs,
 * relative to its centre); returns the number of corners (0: a disc). */
CirclesMarkerShape circles_scene_marker_shape  (CirclesCircle    circle);
guint          circles_scene_marker_points     (CirclesMarkerShape shape,
                                                double           r,
                                                double          *points);

/* The CSS class of a circle: "me", "d1", "d2", "d3", "follower", ... */
const char    *circles_scene_circle_class      (CirclesCircle    circle);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CirclesScene, circles_scene_unref)

G_END_DECLS
