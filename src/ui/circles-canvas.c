/* circles-canvas.c: the ring diagram on screen, to explore with a pointer or keys
 *
 * The canvas draws the session's scene through the cairo backend, in
 * layers:
 *  - the static layer (rings, edges, people, labels) is rendered into a
 *    texture for the current view and kept until the view changes; while
 *    the view moves faster than a layer can be drawn, the last layer is
 *    shown moved and scaled, and a fresh one follows when it settles;
 *  - the legend, rendered once into a texture of its own (it keeps its
 *    place on the screen); it folds to a small button whenever, open, it
 *    would cover people of the view;
 *  - the overlays, drawn every frame: the selection with every chain from
 *    me to it (the rest of the diagram dimmed), the chain chosen in the
 *    person pane on top, and the person under the pointer.
 * One hit test, on the current view, names the person under the pointer
 * for the hover ring, the tooltip and a click alike.
 * The colours, light or dark, and whether people are coloured by circle
 * or by company, are the view's: the scene draws them, in the layers and
 * in every export alike.
 *
 * Whatever the pointer does, keys do too: arrows and Tab move the
 * selection, + − 0 zoom, Escape clears, / searches. The canvas is
 * focusable and tells assistive technologies who is selected.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "circles-canvas"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "circles-canvas.h"
#include "circles-circle.h"
#include "circles-format.h"
#include "circles-paths.h"
#include "circles-selection.h"
#include "circles-prospecting.h"
#include "circles-render-cairo.h"

#define MIN_ZOOM_RATIO    0.5    /* of the zoom that fits */
#define MAX_ZOOM          8.0
#define ZOOM_STEP         1.5
#define PICK_PIXELS       6.0
#define ANIMATION_MS      250
#define REFRESH_DELAY_MS  120
#define SLOW_LAYER_US     12000  /* a layer slower than this is not redrawn while moving */

struct _CirclesCanvas
{
  GtkWidget        parent_instance;

  CirclesSession  *session;
  CirclesProspecting *prospecting; /* the session's: who stands out */
  CirclesNetwork  *network;
  CirclesScene    *scene;

  CirclesView      view;        /* in widget coordinates */
  gboolean         fitted;      /* the view follows the size of the widget */
  CirclesColorBy   color_by;

  guint            hover;
  guint            selected;
  CirclesSelection *selection;   /* drawn with the scene */
  CirclesIntroducerView introducer;  /* drawn with the scene */
  guint            selection_serial; /* changes with the selection, its chain or the introducer */
  guint            layer_selection_serial;

  /* The layers */
  GdkTexture      *layer;
  CirclesView      layer_view;
  int              layer_scale;
  gboolean         layer_dark;
  CirclesColorBy   layer_color_by;
  gint64           layer_usec;  /* time to render the last one */
  GdkTexture      *legend;
  gboolean         legend_dark;
  CirclesColorBy   legend_color_by;
  guint            refresh_id;
  gint64           moving_until;

  /* Interaction */
  double           pointer_x, pointer_y;
  gboolean         has_pointer;
  double           drag_start_x, drag_start_y;
  double           zoom_gesture_start;
  AdwAnimation    *animation;
  double           anim_from[3], anim_to[3]; /* log zoom, scene centre x, y */
  gboolean         stopping;    /* the animation is being stopped: stay */
  int              covered_end; /* pixels at the end side under a pane */

  /* The legend, folded to a button when it would hide people. */
  GtkWidget       *legend_button;
  gboolean         legend_folded;
};

G_DEFINE_FINAL_TYPE (CirclesCanvas, circles_canvas, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_COLOR_BY,
  PROP_ZOOM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------ */
/* Colours                                                             */

static void
color_to_rgba (const CirclesColor *color,
               double              alpha,
               GdkRGBA            *rgba)
{
  rgba->red = color->r;
  rgba->green = color->g;
  rgba->blue = color->b;
  rgba->alpha = alpha;
}

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

/* ------------------------------------------------------------------ */
/* The static layer                                                    */

static GdkTexture *
texture_from_surface (guchar *data,
                      int     stride,
                      int     width,
                      int     height)
{
  g_autoptr(GBytes) bytes = g_bytes_new_take (data, (gsize) stride * height);

  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
}

/**
 * circles_canvas_render_layer:
 * @scale: the scale factor of the screen
 *
 * Renders the static layer of the canvas for @view: everything but the
 * legend and the selection, in the light or dark palette, coloured as
 * @view says (by circle or by company).
 *
 * Returns: (transfer full): a texture of @view's size × @scale
 */
GdkTexture *
circles_canvas_render_layer (CirclesScene      *scene,
                             const CirclesView *view,
                             int                scale,
                             gboolean           dark)
{
  CirclesView layer_view = *view;
  int width = MAX (1, view->width * scale), height = MAX (1, view->height * scale);
  int stride = cairo_format_stride_for_width (CAIRO_FORMAT_ARGB32, width);
  guchar *data = g_malloc ((gsize) stride * height);
  cairo_surface_t *surface;
  cairo_t *cr;

  g_return_val_if_fail (scene != NULL, NULL);
  g_return_val_if_fail (view != NULL, NULL);
  g_return_val_if_fail (scale >= 1, NULL);

  surface = cairo_image_surface_create_for_data (data, CAIRO_FORMAT_ARGB32, width, height, stride);
  /* The backend's fast paths want device pixels: scale 1 draws in them. */
  if (scale != 1)
    cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);

  layer_view.selected = CIRCLES_NO_PERSON;
  layer_view.flags = CIRCLES_VIEW_NO_LEGEND | (dark ? CIRCLES_VIEW_DARK : 0);
  circles_render_cairo (scene, &layer_view, cr);

  cairo_destroy (cr);
  cairo_surface_flush (surface);
  cairo_surface_destroy (surface);

  return texture_from_surface (data, stride, width, height);
}

/* The legend alone: the view puts the diagram far off the surface, and
 * the backend draws only what is inside. */
static GdkTexture *
render_legend (CirclesScene        *scene,
               int                  scale,
               gboolean             dark,
               CirclesColorBy       color_by,
               const CirclesCounts *emphasis_counts)
{
  CirclesView view = { 0, };
  double lw, lh, ox, oy;
  int width, height, stride;
  guchar *data;
  cairo_surface_t *surface;
  cairo_t *cr;

  circles_scene_get_legend_size (scene, &lw, &lh);
  circles_view_get_legend_origin (&view, &ox, &oy);
  view.zoom = 1e-4;
  view.offset_x = view.offset_y = -1e5;
  view.width = (int) ceil (ox + lw + 1);
  view.height = (int) ceil (oy + lh + 1);
  view.selected = CIRCLES_NO_PERSON;
  view.flags = CIRCLES_VIEW_NO_BACKGROUND | (dark ? CIRCLES_VIEW_DARK : 0);
  view.color_by = color_by;
  view.emphasis_counts = emphasis_counts;

  width = view.width * scale;
  height = view.height * scale;
  stride = cairo_format_stride_for_width (CAIRO_FORMAT_ARGB32, width);
  data = g_malloc0 ((gsize) stride * height);
  surface = cairo_image_surface_create_for_data (data, CAIRO_FORMAT_ARGB32, width, height, stride);
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  circles_render_cairo (scene, &view, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  cairo_surface_destroy (surface);

  return texture_from_surface (data, stride, width, height);
}

/* ------------------------------------------------------------------ */
/* People                                                              */

/* The connections of @person that are my 1st-degree connections. */
static guint
count_mutual (CirclesNetwork *network,
              guint           person)
{
  const guint32 *neighbours = circles_network_get_neighbours (network, person);
  guint n = circles_network_get_n_neighbours (network, person);
  guint mutual = 0;

  for (guint i = 0; i < n; i++)
    if (circles_network_get_degree (network, neighbours[i]) == 1)
      mutual++;
  return mutual;
}

static const char *
person_name (CirclesNetwork *network,
             guint           person)
{
  const char *name = circles_network_get_name (network, person);

  if (name == NULL || *name == '\0')
    name = circles_network_get_key (network, person);
  return name != NULL ? name : "";
}

static char *
mutual_text (guint mutual)
{
  g_autofree char *number = circles_format_count (mutual);

  /* Translators: as in "2nd-degree connection, 3 mutual connections" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s mutual connection",
                                       "%s mutual connections", mutual),
                          number);
}

char *
circles_canvas_describe_person (CirclesNetwork *network,
                                guint           person)
{
  g_autofree char *mutual = NULL;

  g_return_val_if_fail (network != NULL, NULL);

  if (person >= circles_network_get_n_people (network))
    return g_strdup ("");
  if (person == circles_network_get_me (network))
    /* Translators: the person at the centre of the diagram: "Marie Curie, you" */
    return g_strdup_printf (_("%s, you"), person_name (network, person));

  mutual = mutual_text (count_mutual (network, person));
  /* Translators: name, circle, mutual connections:
   * "Alice Martin, 2nd-degree connection, 3 mutual connections" */
  return g_strdup_printf (_("%s, %s, %s"), person_name (network, person),
                          circles_circle_get_long_name (circles_network_get_circle (network, person)),
                          mutual);
}

static void
circles_canvas_update_accessible (CirclesCanvas *self)
{
  g_autofree char *label = NULL;
  g_autofree char *description = NULL;

  if (self->network != NULL)
    {
      guint me = circles_network_get_me (self->network);

      /* Translators: the accessible name of the diagram */
      label = g_strdup_printf (_("Circles of %s"), person_name (self->network, me));
      if (self->selected != CIRCLES_NO_PERSON)
        description = circles_canvas_describe_person (self->network, self->selected);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label != NULL ? label : _("Network diagram"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL ? description : _("Nobody selected"),
                                  -1);
}

/* ------------------------------------------------------------------ */
/* The view                                                            */

/* The one hit test: the person whose marker is at (x, y), in widget
 * coordinates, in the current view. The hover ring, the tooltip and a
 * click all ask it, so what is pointed at is what is picked. */
static gboolean legend_covers (CirclesCanvas *self,
                               double         x,
                               double         y);

static guint
pick (CirclesCanvas *self,
      double         x,
      double         y)
{
  /* Nobody is under the legend while it is open: a click there is the
   * legend's, never a person's drawn below. */
  if (self->scene == NULL || legend_covers (self, x, y))
    return CIRCLES_NO_PERSON;
  return circles_scene_pick (self->scene,
                             (x - self->view.offset_x) / self->view.zoom,
                             (y - self->view.offset_y) / self->view.zoom,
                             PICK_PIXELS / self->view.zoom);
}

static gboolean
is_rtl (CirclesCanvas *self)
{
  return gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL;
}

static int
canvas_width (CirclesCanvas *self)
{
  return self->view.width > 0 ? self->view.width : gtk_widget_get_width (GTK_WIDGET (self));
}

/* The width of the canvas that nothing covers: what the view frames. */
static int
visible_width (CirclesCanvas *self)
{
  return MAX (1, canvas_width (self) - self->covered_end);
}

/* Where that part starts: a pane covers the end side, the right one
 * left to right, the left one right to left. */
static int
visible_start (CirclesCanvas *self)
{
  return is_rtl (self) ? MIN (self->covered_end, canvas_width (self) - 1) : 0;
}

static double
visible_center_x (CirclesCanvas *self)
{
  return visible_start (self) + visible_width (self) / 2.0;
}

/* The legend's panel on the screen, at the start side's top corner (the
 * top-left left to right, the top-right right to left), below its
 * button when folded. */
static void
legend_rect (CirclesCanvas   *self,
             graphene_rect_t *rect)
{
  double lx, ly, lw, lh, offset = 0.0;

  circles_view_get_legend_origin (&self->view, &lx, &ly);
  circles_scene_get_legend_size (self->scene, &lw, &lh);
  if (self->legend_folded)
    offset = gtk_widget_get_height (self->legend_button) + 6.0;
  if (is_rtl (self))
    lx = canvas_width (self) - lx - lw;
  graphene_rect_init (rect, lx, ly + offset, lw, lh);
}

/* Whether the legend is shown over (x, y). */
static gboolean
legend_covers (CirclesCanvas *self,
               double         x,
               double         y)
{
  graphene_rect_t rect;

  if (self->scene == NULL || self->legend_button == NULL ||
      (self->legend_folded && !gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->legend_button))))
    return FALSE;
  legend_rect (self, &rect);
  return graphene_rect_contains_point (&rect, &GRAPHENE_POINT_INIT (x, y));
}

static void
circles_canvas_set_hover (CirclesCanvas *self,
                          guint          hover)
{
  if (self->hover == hover)
    return;
  self->hover = hover;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  /* A tooltip up names who was under the pointer: it follows, or goes. */
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
}

/* The view moved under a pointer that did not: who is under it now. */
static void
circles_canvas_update_hover (CirclesCanvas *self)
{
  if (self->has_pointer)
    circles_canvas_set_hover (self, pick (self, self->pointer_x, self->pointer_y));
}

/* The legend stays open while it covers nobody; else it folds to its
 * button, which opens it on demand. Only opacity and targeting change
 * here: this runs while the canvas is allocated. */
static void
circles_canvas_update_legend (CirclesCanvas *self)
{
  g_autoptr(GArray) under = NULL;
  gboolean folded = FALSE;
  double lx, ly, lw, lh;

  if (self->scene != NULL && self->view.zoom > 0)
    {
      under = g_array_new (FALSE, FALSE, sizeof (guint));
      circles_view_get_legend_origin (&self->view, &lx, &ly);
      circles_scene_get_legend_size (self->scene, &lw, &lh);
      if (is_rtl (self))
        lx = canvas_width (self) - lx - lw;
      circles_scene_query_rect (self->scene,
                                (lx - self->view.offset_x) / self->view.zoom,
                                (ly - self->view.offset_y) / self->view.zoom,
                                lw / self->view.zoom, lh / self->view.zoom, under);
      folded = under->len > 0;
    }

  if (folded == self->legend_folded)
    return;
  self->legend_folded = folded;
  gtk_widget_set_opacity (self->legend_button, folded ? 1.0 : 0.0);
  gtk_widget_set_can_target (self->legend_button, folded);
  gtk_widget_set_focusable (self->legend_button, folded);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->legend_button),
                               GTK_ACCESSIBLE_STATE_HIDDEN, !folded, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Stops a move where it is. adw_animation_reset() alone would first put
 * the view back where the move started, even long after it ended: a
 * press on the canvas then picked in a view nobody saw. */
static void
circles_canvas_stop_move (CirclesCanvas *self)
{
  self->stopping = TRUE;
  adw_animation_reset (self->animation);
  self->stopping = FALSE;
}

static void
circles_canvas_invalidate (CirclesCanvas *self)
{
  g_clear_object (&self->layer);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static double
fit_zoom (CirclesCanvas *self)
{
  CirclesView fit;

  if (self->scene == NULL)
    return 1.0;
  circles_view_init_fit (&fit, self->scene,
                         visible_width (self),
                         MAX (1, gtk_widget_get_height (GTK_WIDGET (self))));
  return fit.zoom;
}

static void
circles_canvas_set_view (CirclesCanvas *self,
                         double         zoom,
                         double         offset_x,
                         double         offset_y)
{
  double old_zoom = self->view.zoom;

  zoom = CLAMP (zoom, fit_zoom (self) * MIN_ZOOM_RATIO, MAX (MAX_ZOOM, fit_zoom (self)));
  if (zoom == self->view.zoom && offset_x == self->view.offset_x && offset_y == self->view.offset_y)
    return;

  self->view.zoom = zoom;
  self->view.offset_x = offset_x;
  self->view.offset_y = offset_y;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  circles_canvas_update_hover (self);
  circles_canvas_update_legend (self);
  if (old_zoom != zoom)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/* The view with its centre on (cx, cy), in scene units. */
static void
circles_canvas_set_center (CirclesCanvas *self,
                           double         zoom,
                           double         cx,
                           double         cy)
{
  circles_canvas_set_view (self, zoom,
                           visible_center_x (self) - cx * zoom,
                           self->view.height / 2.0 - cy * zoom);
}

static void
circles_canvas_animation_cb (double   value,
                             gpointer user_data)
{
  CirclesCanvas *self = user_data;
  double zoom = exp (self->anim_from[0] + (self->anim_to[0] - self->anim_from[0]) * value);
  double cx = self->anim_from[1] + (self->anim_to[1] - self->anim_from[1]) * value;
  double cy = self->anim_from[2] + (self->anim_to[2] - self->anim_from[2]) * value;

  if (self->stopping)
    return;
  self->moving_until = g_get_monotonic_time () + REFRESH_DELAY_MS * 1000;
  circles_canvas_set_center (self, zoom, cx, cy);
}

/* Moves to the view of @zoom centred on (cx, cy), smoothly when asked
 * and when the system wants animations. */
static void
circles_canvas_move_to (CirclesCanvas *self,
                        double         zoom,
                        double         cx,
                        double         cy,
                        gboolean       animate)
{
  zoom = CLAMP (zoom, fit_zoom (self) * MIN_ZOOM_RATIO, MAX (MAX_ZOOM, fit_zoom (self)));
  circles_canvas_stop_move (self);

  if (!animate || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      circles_canvas_set_center (self, zoom, cx, cy);
      return;
    }

  self->anim_from[0] = log (self->view.zoom);
  self->anim_from[1] = (visible_center_x (self) - self->view.offset_x) / self->view.zoom;
  self->anim_from[2] = (self->view.height / 2.0 - self->view.offset_y) / self->view.zoom;
  self->anim_to[0] = log (zoom);
  self->anim_to[1] = cx;
  self->anim_to[2] = cy;
  adw_animation_play (self->animation);
}

void
circles_canvas_zoom_to_fit (CirclesCanvas *self,
                            gboolean       animate)
{
  CirclesView fit;

  g_return_if_fail (CIRCLES_IS_CANVAS (self));

  self->fitted = TRUE;
  if (self->scene == NULL)
    return;

  circles_view_init_fit (&fit, self->scene, visible_width (self), MAX (1, self->view.height));
  circles_canvas_move_to (self, fit.zoom,
                          (fit.width / 2.0 - fit.offset_x) / fit.zoom,
                          (fit.height / 2.0 - fit.offset_y) / fit.zoom,
                          animate);
}

void
circles_canvas_zoom_at (CirclesCanvas *self,
                        double         factor,
                        double         x,
                        double         y,
                        gboolean       animate)
{
  double zoom, sx, sy;

  g_return_if_fail (CIRCLES_IS_CANVAS (self));

  if (self->scene == NULL)
    return;

  self->fitted = FALSE;
  zoom = CLAMP (self->view.zoom * factor,
                fit_zoom (self) * MIN_ZOOM_RATIO, MAX (MAX_ZOOM, fit_zoom (self)));
  /* The scene point under (x, y) stays there. */
  sx = (x - self->view.offset_x) / self->view.zoom;
  sy = (y - self->view.offset_y) / self->view.zoom;

  if (animate)
    circles_canvas_move_to (self, zoom,
                            sx + (visible_center_x (self) - x) / zoom,
                            sy + (self->view.height / 2.0 - y) / zoom,
                            TRUE);
  else
    {
      self->moving_until = g_get_monotonic_time () + REFRESH_DELAY_MS * 1000;
      circles_canvas_set_view (self, zoom, x - sx * zoom, y - sy * zoom);
    }
}

gboolean
circles_canvas_center_on (CirclesCanvas *self,
                          guint          person,
                          gboolean       animate)
{
  const CirclesScenePrimitive *prims;
  guint index;

  g_return_val_if_fail (CIRCLES_IS_CANVAS (self), FALSE);

  if (self->scene == NULL)
    return FALSE;
  index = circles_scene_lookup_person (self->scene, person);
  if (index == G_MAXUINT)
    return FALSE;

  prims = circles_scene_get_primitives (self->scene, NULL);
  self->fitted = FALSE;

  /* The selection's chains are the point: frame them all, me included,
   * as close as that allows. */
  if (self->selection != NULL && circles_selection_get_person (self->selection) == person &&
      circles_selection_get_n_chains (self->selection) > 0)
    {
      double x0 = prims[index].x, x1 = x0, y0 = prims[index].y, y1 = y0;
      double width = visible_width (self);
      double height = MAX (1, gtk_widget_get_height (GTK_WIDGET (self)));
      double zoom;

      for (guint c = 0; c < circles_selection_get_n_chains (self->selection); c++)
        {
          const CirclesChain *chain = circles_selection_get_chain (self->selection, c);

          for (guint i = 0; i < chain->length; i++)
            {
              guint at = circles_scene_lookup_person (self->scene, chain->people[i]);

              if (at == G_MAXUINT)
                continue;
              x0 = MIN (x0, prims[at].x);
              x1 = MAX (x1, prims[at].x);
              y0 = MIN (y0, prims[at].y);
              y1 = MAX (y1, prims[at].y);
            }
        }

      /* Room around for the labels: a quarter of the view on each side. */
      zoom = MIN (width / MAX (x1 - x0, 1e-6), height / MAX (y1 - y0, 1e-6)) * 0.5;
      zoom = MIN (zoom, MIN (fit_zoom (self) * 4.0, MAX_ZOOM));
      circles_canvas_move_to (self, MAX (zoom, fit_zoom (self)),
                              (x0 + x1) / 2, (y0 + y1) / 2, animate);
      return TRUE;
    }

  /* Close enough to read the names around. */
  circles_canvas_move_to (self, MAX (self->view.zoom, MIN (fit_zoom (self) * 4.0, MAX_ZOOM)),
                          prims[index].x, prims[index].y, animate);
  return TRUE;
}

/* Keeps @person on the screen: moves only when it is off it. */
static void
circles_canvas_reveal (CirclesCanvas *self,
                       guint          person)
{
  const CirclesScenePrimitive *prims;
  guint index;
  double x, y, margin = 48.0;

  if (self->scene == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  index = circles_scene_lookup_person (self->scene, person);
  if (index == G_MAXUINT)
    return;

  prims = circles_scene_get_primitives (self->scene, NULL);
  x = prims[index].x * self->view.zoom + self->view.offset_x;
  y = prims[index].y * self->view.zoom + self->view.offset_y;
  if (x < visible_start (self) + margin || y < margin ||
      x > visible_start (self) + visible_width (self) - margin || y > self->view.height - margin)
    {
      self->fitted = FALSE;
      circles_canvas_move_to (self, self->view.zoom, prims[index].x, prims[index].y, TRUE);
    }
}

/* ------------------------------------------------------------------ */
/* Selection                                                           */

/* Follows the session: who is selected, and the chains to them (found
 * by the session once per selection, later in a large network). */
static void
circles_canvas_sync_selection (CirclesCanvas *self)
{
  guint selected = CIRCLES_NO_PERSON;
  CirclesSelection *selection = NULL;
  gboolean new_person;

  if (self->session != NULL && self->network != NULL)
    {
      selected = circles_session_get_selected (self->session);
      selection = circles_session_get_selection (self->session);
    }
  new_person = selected != self->selected;
  if (!new_person && selection == self->selection)
    return;

  self->selected = selected;
  g_clear_pointer (&self->selection, circles_selection_unref);
  if (selection != NULL)
    self->selection = circles_selection_ref (selection);
  self->selection_serial++;

  if (new_person)
    circles_canvas_update_accessible (self);
  /* Once more when the chains come: they are framed too. */
  if (selected != CIRCLES_NO_PERSON)
    circles_canvas_reveal (self, selected);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
circles_canvas_select (CirclesCanvas *self,
                       guint          person)
{
  if (self->session != NULL)
    circles_session_select (self->session, person);
}

guint
circles_canvas_get_hovered (CirclesCanvas *self)
{
  g_return_val_if_fail (CIRCLES_IS_CANVAS (self), CIRCLES_NO_PERSON);

  return self->hover;
}

gboolean
circles_canvas_get_moving (CirclesCanvas *self)
{
  g_return_val_if_fail (CIRCLES_IS_CANVAS (self), FALSE);

  return adw_animation_get_state (self->animation) == ADW_ANIMATION_PLAYING;
}

guint
circles_canvas_get_n_highlighted_chains (CirclesCanvas *self)
{
  g_return_val_if_fail (CIRCLES_IS_CANVAS (self), 0);

  return self->selection != NULL ? circles_selection_get_n_chains (self->selection) : 0;
}

guint64
circles_canvas_get_chains_total (CirclesCanvas *self)
{
  g_return_val_if_fail (CIRCLES_IS_CANVAS (self), 0);

  return self->selection != NULL ? circles_selection_get_paths (self->selection)->chains_total : 0;
}

/**
 * circles_canvas_get_highlighted_chain:
 * @length: (out): its number of people, me and the selected person included
 *
 * Returns: (nullable): the chain drawn as the one to follow (the one
 * chosen in the person pane, else the warmest), me first; %NULL when
 * none is drawn
 */
const guint32 *
circles_canvas_get_highlighted_chain (CirclesCanvas *self,
                                      guint         *length)
{
  const CirclesChain *chain;

  g_return_val_if_fail (CIRCLES_IS_CANVAS (self), NULL);
  g_return_val_if_fail (length != NULL, NULL);

  chain = self->selection != NULL ? circles_selection_get_chosen (self->selection, NULL) : NULL;
  *length = chain != NULL ? chain->length : 0;
  return chain != NULL ? chain->people : NULL;
}

/* The session chose another chain of the selection. */
static void
circles_canvas_notify_chain_cb (CirclesCanvas *self)
{
  self->selection_serial++;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The introducer looked at on the Prospects page, drawn with the scene
 * under the selection. */
static void
circles_canvas_update_introducer (CirclesCanvas *self)
{
  CirclesIntroducerView introducer = { CIRCLES_NO_PERSON, NULL, 0 };

  if (self->prospecting != NULL && self->scene != NULL)
    {
      introducer.person = circles_prospecting_get_introducer (self->prospecting);
      introducer.links = circles_prospecting_get_introducer_links (self->prospecting, &introducer.n_links);
    }
  if (introducer.person == CIRCLES_NO_PERSON || introducer.links == NULL)
    introducer = (CirclesIntroducerView) { CIRCLES_NO_PERSON, NULL, 0 };
  if (introducer.person == self->introducer.person && introducer.links == self->introducer.links &&
      introducer.n_links == self->introducer.n_links)
    return;
  self->introducer = introducer;
  self->view.introducer = introducer.person != CIRCLES_NO_PERSON ? &self->introducer : NULL;
  self->selection_serial++;
}

/* Who stands out comes from the session's prospecting: a filter, or
 * whom an introducer reaches. */
static void
circles_canvas_update_emphasis (CirclesCanvas *self)
{
  const guint8 *emphasis = NULL;
  const CirclesCounts *counts = NULL;

  if (self->prospecting != NULL && self->scene != NULL)
    {
      emphasis = circles_prospecting_get_emphasis (self->prospecting);
      counts = circles_prospecting_get_emphasis_counts (self->prospecting);
    }
  /* The lines of an introducer may change with the same people. */
  circles_canvas_update_introducer (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (self->view.emphasis == emphasis && self->view.emphasis_counts == counts)
    return;

  self->view.emphasis = emphasis;
  self->view.emphasis_counts = counts;
  /* The layer's pointer may be freed already: never compare with it. */
  g_clear_object (&self->layer);
  self->layer_view.emphasis = NULL;
  /* The legend counts who stands out. */
  g_clear_object (&self->legend);
}

static gboolean
same_bounds (CirclesScene *a,
             CirclesScene *b)
{
  double ax, ay, aw, ah, bx, by, bw, bh;

  circles_scene_get_bounds (a, &ax, &ay, &aw, &ah);
  circles_scene_get_bounds (b, &bx, &by, &bw, &bh);
  return fabs (ax - bx) < 1e-3 && fabs (ay - by) < 1e-3 &&
         fabs (aw - bw) < 1e-3 && fabs (ah - bh) < 1e-3;
}

static void
circles_canvas_notify_scene_cb (CirclesCanvas  *self,
                                GParamSpec     *pspec,
                                CirclesSession *session)
{
  CirclesNetwork *network = session != NULL ? circles_session_get_network (session) : NULL;
  CirclesScene *scene = session != NULL ? circles_session_get_scene (session) : NULL;
  gboolean keep_view;
  CirclesView kept;

  if (network == self->network && scene == self->scene)
    return;

  /* The same diagram again (a reload after a rating, say): the place the
   * user zoomed to stays. */
  keep_view = !self->fitted && self->scene != NULL && scene != NULL &&
              same_bounds (self->scene, scene);
  kept = self->view;

  g_clear_pointer (&self->selection, circles_selection_unref);
  g_clear_pointer (&self->network, circles_network_unref);
  g_clear_pointer (&self->scene, circles_scene_unref);
  g_clear_object (&self->legend);
  if (network != NULL && scene != NULL)
    {
      self->network = circles_network_ref (network);
      self->scene = circles_scene_ref (scene);
    }

  self->hover = CIRCLES_NO_PERSON;
  self->selected = CIRCLES_NO_PERSON;
  circles_canvas_update_emphasis (self);
  circles_canvas_sync_selection (self);
  circles_canvas_update_accessible (self);
  if (keep_view)
    {
      self->view.zoom = kept.zoom;
      self->view.offset_x = kept.offset_x;
      self->view.offset_y = kept.offset_y;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
    }
  else
    circles_canvas_zoom_to_fit (self, FALSE);
  circles_canvas_invalidate (self);
}

/* ------------------------------------------------------------------ */
/* Drawing                                                             */

static gboolean
circles_canvas_refresh_cb (gpointer user_data)
{
  CirclesCanvas *self = user_data;

  self->refresh_id = 0;
  if (g_get_monotonic_time () < self->moving_until)
    {
      self->refresh_id = g_timeout_add (REFRESH_DELAY_MS, circles_canvas_refresh_cb, self);
      return G_SOURCE_REMOVE;
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

static gboolean
layer_is_current (CirclesCanvas *self,
                  int            scale,
                  gboolean       dark)
{
  return self->layer != NULL &&
         self->layer_view.zoom == self->view.zoom &&
         self->layer_view.offset_x == self->view.offset_x &&
         self->layer_view.offset_y == self->view.offset_y &&
         self->layer_view.width == self->view.width &&
         self->layer_view.height == self->view.height &&
         self->layer_scale == scale && self->layer_dark == dark &&
         self->layer_color_by == self->view.color_by &&
         self->layer_view.emphasis == self->view.emphasis &&
         self->layer_view.frame_x == self->view.frame_x &&
         self->layer_view.frame_width == self->view.frame_width &&
         self->layer_selection_serial == self->selection_serial;
}

static void
snapshot_layer (CirclesCanvas *self,
                GtkSnapshot   *snapshot,
                int            scale,
                gboolean       dark)
{
  gboolean moving = g_get_monotonic_time () < self->moving_until;

  /* Moving faster than a layer can be drawn: show the last one, moved,
   * and draw a fresh one once the view settles. */
  if (!layer_is_current (self, scale, dark) && self->layer != NULL && moving &&
      self->layer_usec > SLOW_LAYER_US && self->layer_dark == dark &&
      self->layer_color_by == self->view.color_by &&
      self->layer_view.emphasis == self->view.emphasis &&
      self->layer_selection_serial == self->selection_serial)
    {
      double s = self->view.zoom / self->layer_view.zoom;

      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot,
                              &GRAPHENE_POINT_INIT (self->view.offset_x - self->layer_view.offset_x * s,
                                                    self->view.offset_y - self->layer_view.offset_y * s));
      gtk_snapshot_scale (snapshot, s, s);
      gtk_snapshot_append_texture (snapshot, self->layer,
                                   &GRAPHENE_RECT_INIT (0, 0, self->layer_view.width, self->layer_view.height));
      gtk_snapshot_restore (snapshot);
      if (self->refresh_id == 0)
        self->refresh_id = g_timeout_add (REFRESH_DELAY_MS, circles_canvas_refresh_cb, self);
      return;
    }

  if (!layer_is_current (self, scale, dark))
    {
      gint64 begin = g_get_monotonic_time ();

      g_clear_object (&self->layer);
      self->layer = circles_canvas_render_layer (self->scene, &self->view, scale, dark);
      self->layer_view = self->view;
      self->layer_selection_serial = self->selection_serial;
      self->layer_scale = scale;
      self->layer_dark = dark;
      self->layer_color_by = self->view.color_by;
      self->layer_usec = g_get_monotonic_time () - begin;
      g_debug ("Layer of %d × %d drawn in %.1f ms", self->view.width, self->view.height,
               self->layer_usec / 1000.0);
    }

  gtk_snapshot_append_texture (snapshot, self->layer,
                               &GRAPHENE_RECT_INIT (0, 0, self->view.width, self->view.height));
}

static gboolean
person_position (CirclesCanvas *self,
                 guint          person,
                 double        *x,
                 double        *y,
                 double        *r)
{
  const CirclesScenePrimitive *prims = circles_scene_get_primitives (self->scene, NULL);
  guint index = circles_scene_lookup_person (self->scene, person);

  if (index == G_MAXUINT)
    return FALSE;
  *x = prims[index].x * self->view.zoom + self->view.offset_x;
  *y = prims[index].y * self->view.zoom + self->view.offset_y;
  if (r != NULL)
    *r = circles_scene_marker_radius (&prims[index], self->view.zoom);
  return TRUE;
}

static void
draw_hover (CirclesCanvas *self,
            cairo_t       *cr,
            const GdkRGBA *fg,
            const GdkRGBA *bg)
{
  double x, y, r;

  if (self->hover == CIRCLES_NO_PERSON || self->hover == self->selected ||
      !person_position (self, self->hover, &x, &y, &r))
    return;

  cairo_new_path (cr);
  cairo_arc (cr, x, y, MAX (r, 3.0) + 4.0, 0, 2 * G_PI);
  gdk_cairo_set_source_rgba (cr, bg);
  cairo_set_line_width (cr, 4.0);
  cairo_stroke_preserve (cr);
  cairo_set_source_rgba (cr, fg->red, fg->green, fg->blue, 0.8);
  cairo_set_line_width (cr, 2.0);
  cairo_stroke (cr);
}

static void
circles_canvas_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  CirclesCanvas *self = CIRCLES_CANVAS (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  gboolean dark = is_dark ();
  GdkRGBA fg, bg;
  cairo_t *cr;

  if (self->scene == NULL || width <= 0 || height <= 0)
    return;

  self->view.width = width;
  self->view.height = height;
  self->view.color_by = self->color_by;
  self->view.selection = self->selection;
  self->view.frame_x = visible_start (self);
  self->view.frame_width = visible_width (self);
  color_to_rgba (&circles_scene_get_palette (dark)->text, 1.0, &fg);
  color_to_rgba (&circles_scene_get_palette (dark)->background, 1.0, &bg);

  snapshot_layer (self, snapshot, scale, dark);

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw_hover (self, cr, &fg, &bg);
  cairo_destroy (cr);

  /* The legend of what the colours tell: circles or companies. */
  if (self->legend == NULL || self->legend_dark != dark || self->legend_color_by != self->color_by)
    {
      g_clear_object (&self->legend);
      self->legend = render_legend (self->scene, scale, dark, self->color_by, self->view.emphasis_counts);
      self->legend_dark = dark;
      self->legend_color_by = self->color_by;
    }
  if (!self->legend_folded ||
      gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->legend_button)))
    {
      double offset = self->legend_folded ? gtk_widget_get_height (self->legend_button) + 6.0 : 0.0;
      double tw = gdk_texture_get_width (self->legend) / (double) scale;
      double th = gdk_texture_get_height (self->legend) / (double) scale;
      graphene_rect_t panel;
      double tx = 0.0;

      /* The texture holds the legend's margin on its left and top. */
      legend_rect (self, &panel);
      if (is_rtl (self))
        tx = panel.origin.x - (tw - panel.size.width - 1.0);
      gtk_snapshot_append_texture (snapshot, self->legend,
                                   &GRAPHENE_RECT_INIT (tx, offset, tw, th));
    }
  gtk_widget_snapshot_child (widget, self->legend_button, snapshot);
}

static void
circles_canvas_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  CirclesCanvas *self = CIRCLES_CANVAS (widget);
  double cx = (visible_center_x (self) - self->view.offset_x) / MAX (self->view.zoom, 1e-9);
  double cy = (self->view.height / 2.0 - self->view.offset_y) / MAX (self->view.zoom, 1e-9);
  gboolean first = self->view.width == 0 || self->view.height == 0;
  int bw, bh;
  double lx, ly;

  self->view.width = width;
  self->view.height = height;
  if (self->scene != NULL)
    {
      /* A fitted view stays fitted; another one keeps its centre. */
      if (self->fitted || first)
        circles_canvas_zoom_to_fit (self, FALSE);
      else
        circles_canvas_set_center (self, self->view.zoom, cx, cy);
    }

  /* Last: the view may have folded the legend. */
  gtk_widget_measure (self->legend_button, GTK_ORIENTATION_HORIZONTAL, -1, &bw, NULL, NULL, NULL);
  gtk_widget_measure (self->legend_button, GTK_ORIENTATION_VERTICAL, -1, &bh, NULL, NULL, NULL);
  circles_view_get_legend_origin (&self->view, &lx, &ly);
  if (is_rtl (self))
    lx = width - lx - bw;
  gtk_widget_size_allocate (self->legend_button, &(GtkAllocation) { (int) lx, (int) ly, bw, bh }, -1);

  /* The canvas may have moved under the pointer: a tooltip up is asked
   * again where the pointer is. */
  if (self->has_pointer)
    gtk_widget_trigger_tooltip_query (widget);
}

static void
circles_canvas_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  *minimum = 160;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 800 : 600;
}

/* ------------------------------------------------------------------ */
/* Pointer                                                             */

static void
motion_cb (CirclesCanvas            *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  self->pointer_x = x;
  self->pointer_y = y;
  self->has_pointer = TRUE;
  circles_canvas_set_hover (self, pick (self, x, y));
}

static void
leave_cb (CirclesCanvas            *self,
          GtkEventControllerMotion *controller)
{
  self->has_pointer = FALSE;
  circles_canvas_set_hover (self, CIRCLES_NO_PERSON);
}

static gboolean
scroll_cb (CirclesCanvas            *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  double x = self->has_pointer ? self->pointer_x : self->view.width / 2.0;
  double y = self->has_pointer ? self->pointer_y : self->view.height / 2.0;
  double step = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL ? 1.0 : 0.1;

  if (self->scene == NULL || dy == 0.0)
    return FALSE;
  circles_canvas_stop_move (self);
  circles_canvas_zoom_at (self, pow (1.25, -dy * step * (step < 1.0 ? 1.5 : 1.0)), x, y, FALSE);
  return TRUE;
}

static void
drag_begin_cb (CirclesCanvas  *self,
               double          x,
               double          y,
               GtkGestureDrag *gesture)
{
  if (self->scene == NULL)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  circles_canvas_stop_move (self);
  self->drag_start_x = self->view.offset_x;
  self->drag_start_y = self->view.offset_y;
}

static void
drag_update_cb (CirclesCanvas  *self,
                double          dx,
                double          dy,
                GtkGestureDrag *gesture)
{
  if (!gtk_drag_check_threshold (GTK_WIDGET (self), 0, 0, (int) dx, (int) dy) &&
      gtk_widget_get_cursor (GTK_WIDGET (self)) == NULL)
    return;

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
  self->fitted = FALSE;
  self->moving_until = g_get_monotonic_time () + REFRESH_DELAY_MS * 1000;
  circles_canvas_set_view (self, self->view.zoom, self->drag_start_x + dx, self->drag_start_y + dy);
}

static void
drag_end_cb (CirclesCanvas  *self,
             double          dx,
             double          dy,
             GtkGestureDrag *gesture)
{
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
}

static void
zoom_begin_cb (CirclesCanvas    *self,
               GdkEventSequence *sequence,
               GtkGesture       *gesture)
{
  self->zoom_gesture_start = self->view.zoom;
}

static void
zoom_scale_changed_cb (CirclesCanvas  *self,
                       double          scale,
                       GtkGestureZoom *gesture)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    return;
  circles_canvas_zoom_at (self, self->zoom_gesture_start * scale / self->view.zoom, x, y, FALSE);
}

static void
click_released_cb (CirclesCanvas   *self,
                   int              n_press,
                   double           x,
                   double           y,
                   GtkGestureClick *gesture)
{
  guint person = pick (self, x, y);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (n_press == 2)
    {
      /* Double click: bring it to the centre (or zoom in on empty space). */
      if (person != CIRCLES_NO_PERSON)
        circles_canvas_center_on (self, person, TRUE);
      else
        circles_canvas_zoom_at (self, ZOOM_STEP, x, y, TRUE);
      return;
    }
  circles_canvas_select (self, person);
}

static gboolean
circles_canvas_query_tooltip (GtkWidget  *widget,
                              int         x,
                              int         y,
                              gboolean    keyboard_mode,
                              GtkTooltip *tooltip)
{
  CirclesCanvas *self = CIRCLES_CANVAS (widget);
  g_autofree char *mutual = NULL;
  g_autofree char *markup = NULL;
  GString *details;
  const char *position, *company;
  guint person;

  if (self->network == NULL)
    return FALSE;
  person = keyboard_mode ? self->selected : pick (self, x, y);
  if (person == CIRCLES_NO_PERSON)
    return FALSE;

  position = circles_network_get_position (self->network, person);
  company = circles_network_get_company (self->network, person);
  details = g_string_new (NULL);
  if (position != NULL && *position != '\0')
    g_string_append (details, position);
  if (company != NULL && *company != '\0')
    {
      if (details->len > 0)
        /* Translators: between a position and a company: "Engineer at ACME" */
        g_string_append (details, _(" at "));
      g_string_append (details, company);
    }

  if (person == circles_network_get_me (self->network))
    mutual = g_strdup (_("You"));
  else
    {
      g_autofree char *count = mutual_text (count_mutual (self->network, person));

      /* Translators: circle and mutual connections,
       * "2nd-degree connection · 3 mutual connections" */
      mutual = g_strdup_printf (_("%s · %s"),
                                circles_circle_get_long_name (circles_network_get_circle (self->network, person)),
                                count);
    }

  if (details->len > 0)
    markup = g_markup_printf_escaped ("<b>%s</b>\n%s\n<small>%s</small>",
                                      person_name (self->network, person), details->str, mutual);
  else
    markup = g_markup_printf_escaped ("<b>%s</b>\n<small>%s</small>",
                                      person_name (self->network, person), mutual);
  g_string_free (details, TRUE);
  gtk_tooltip_set_markup (tooltip, markup);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Actions                                                             */

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CirclesCanvas *self = CIRCLES_CANVAS (widget);

  circles_canvas_zoom_at (self, ZOOM_STEP, visible_center_x (self), self->view.height / 2.0, TRUE);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CirclesCanvas *self = CIRCLES_CANVAS (widget);

  circles_canvas_zoom_at (self, 1.0 / ZOOM_STEP, visible_center_x (self), self->view.height / 2.0, TRUE);
}

static void
zoom_fit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  circles_canvas_zoom_to_fit (CIRCLES_CANVAS (widget), TRUE);
}

static void
clear_selection_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  circles_canvas_select (CIRCLES_CANVAS (widget), CIRCLES_NO_PERSON);
}

static void
center_selection_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CirclesCanvas *self = CIRCLES_CANVAS (widget);

  if (self->selected != CIRCLES_NO_PERSON)
    circles_canvas_center_on (self, self->selected, TRUE);
}

/* Tab: the next person of the diagram, in the order of the rings. */
static void
select_next_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  CirclesCanvas *self = CIRCLES_CANVAS (widget);
  const CirclesScenePrimitive *prims;
  gboolean back = g_str_equal (action_name, "canvas.select-previous");
  guint first, n, index;

  if (self->scene == NULL)
    return;
  circles_scene_get_range (self->scene, CIRCLES_SCENE_PERSON, &first, &n);
  if (n == 0)
    return;
  prims = circles_scene_get_primitives (self->scene, NULL);

  index = self->selected != CIRCLES_NO_PERSON ? circles_scene_lookup_person (self->scene, self->selected)
                                              : G_MAXUINT;
  if (index == G_MAXUINT)
    index = back ? first + n - 1 : first;
  else if (back)
    index = index == first ? first + n - 1 : index - 1;
  else
    index = index + 1 >= first + n ? first : index + 1;
  circles_canvas_select (self, prims[index].person);
}

/* Arrows: the nearest person in that direction, on the screen. */
static void
move_selection_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CirclesCanvas *self = CIRCLES_CANVAS (widget);
  const CirclesScenePrimitive *prims;
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (guint));
  double ox, oy, bw, bh, reach;
  int dx, dy;
  guint from, best = CIRCLES_NO_PERSON;
  double best_score = G_MAXDOUBLE;

  if (self->scene == NULL || self->network == NULL)
    return;
  g_variant_get (parameter, "(ii)", &dx, &dy);

  from = self->selected != CIRCLES_NO_PERSON ? self->selected : circles_network_get_me (self->network);
  if (circles_scene_lookup_person (self->scene, from) == G_MAXUINT)
    from = circles_network_get_me (self->network);
  if (self->selected == CIRCLES_NO_PERSON || circles_scene_lookup_person (self->scene, from) == G_MAXUINT)
    {
      circles_canvas_select (self, from);
      return;
    }

  prims = circles_scene_get_primitives (self->scene, NULL);
  ox = prims[circles_scene_lookup_person (self->scene, from)].x;
  oy = prims[circles_scene_lookup_person (self->scene, from)].y;
  circles_scene_get_bounds (self->scene, NULL, NULL, &bw, &bh);

  /* Look around, farther and farther, in scene units. */
  for (reach = 24.0 / self->view.zoom; best == CIRCLES_NO_PERSON && reach < 2.0 * MAX (bw, bh); reach *= 2.0)
    {
      g_array_set_size (found, 0);
      circles_scene_query_rect (self->scene, ox - reach, oy - reach, 2 * reach, 2 * reach, found);
      for (guint i = 0; i < found->len; i++)
        {
          const CirclesScenePrimitive *p = &prims[g_array_index (found, guint, i)];
          double vx = p->x - ox, vy = p->y - oy;
          double along = vx * dx + vy * dy;
          double across = fabs (vx * dy - vy * dx);
          double score;

          if (p->person == from || along <= 0.0 || across > along * 1.5)
            continue;
          score = along + 2.0 * across;
          if (score < best_score)
            {
              best_score = score;
              best = p->person;
            }
        }
    }

  if (best != CIRCLES_NO_PERSON)
    circles_canvas_select (self, best);
  else
    gtk_widget_error_bell (widget);
}

/* ------------------------------------------------------------------ */

static void
circles_canvas_style_changed_cb (CirclesCanvas   *self,
                                 GParamSpec      *pspec,
                                 AdwStyleManager *manager)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
circles_canvas_dispose (GObject *object)
{
  CirclesCanvas *self = (CirclesCanvas *)object;

  g_clear_object (&self->animation);
  g_clear_pointer (&self->legend_button, gtk_widget_unparent);
  circles_canvas_set_session (self, NULL);
  g_clear_handle_id (&self->refresh_id, g_source_remove);

  G_OBJECT_CLASS (circles_canvas_parent_class)->dispose (object);
}

static void
circles_canvas_finalize (GObject *object)
{
  CirclesCanvas *self = (CirclesCanvas *)object;

  g_clear_object (&self->layer);
  g_clear_object (&self->legend);
  g_clear_pointer (&self->selection, circles_selection_unref);
  g_clear_pointer (&self->scene, circles_scene_unref);
  g_clear_pointer (&self->network, circles_network_unref);

  G_OBJECT_CLASS (circles_canvas_parent_class)->finalize (object);
}

static void
circles_canvas_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CirclesCanvas *self = CIRCLES_CANVAS (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_COLOR_BY:
      g_value_set_string (value, circles_canvas_get_color_by (self));
      break;

    case PROP_ZOOM:
      g_value_set_double (value, self->view.zoom);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
circles_canvas_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CirclesCanvas *self = CIRCLES_CANVAS (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      circles_canvas_set_session (self, g_value_get_object (value));
      break;

    case PROP_COLOR_BY:
      circles_canvas_set_color_by (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
circles_canvas_class_init (CirclesCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const struct { guint key; int dx, dy; } arrows[] = {
    { GDK_KEY_Left, -1, 0 }, { GDK_KEY_KP_Left, -1, 0 },
    { GDK_KEY_Right, 1, 0 }, { GDK_KEY_KP_Right, 1, 0 },
    { GDK_KEY_Up, 0, -1 }, { GDK_KEY_KP_Up, 0, -1 },
    { GDK_KEY_Down, 0, 1 }, { GDK_KEY_KP_Down, 0, 1 },
  };

  object_class->dispose = circles_canvas_dispose;
  object_class->finalize = circles_canvas_finalize;
  object_class->get_property = circles_canvas_get_property;
  object_class->set_property = circles_canvas_set_property;

  widget_class->snapshot = circles_canvas_snapshot;
  widget_class->size_allocate = circles_canvas_size_allocate;
  widget_class->measure = circles_canvas_measure;
  widget_class->query_tooltip = circles_canvas_query_tooltip;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         CIRCLES_TYPE_SESSION,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  /* "circle" or "company": the nick of the color-by setting. */
  properties[PROP_COLOR_BY] =
    g_param_spec_string ("color-by", NULL, NULL,
                         "circle",
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         0.0, G_MAXDOUBLE, 1.0,
                         (G_PARAM_READABLE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "circlescanvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_install_action (widget_class, "canvas.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-fit", NULL, zoom_fit_action);
  gtk_widget_class_install_action (widget_class, "canvas.clear-selection", NULL, clear_selection_action);
  gtk_widget_class_install_action (widget_class, "canvas.center-selection", NULL, center_selection_action);
  gtk_widget_class_install_action (widget_class, "canvas.select-next", NULL, select_next_action);
  gtk_widget_class_install_action (widget_class, "canvas.select-previous", NULL, select_next_action);
  gtk_widget_class_install_action (widget_class, "canvas.move-selection", "(ii)", move_selection_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "canvas.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "canvas.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "canvas.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, 0, "canvas.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, 0, "canvas.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "canvas.clear-selection", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "canvas.center-selection", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "canvas.center-selection", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Tab, 0, "canvas.select-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK, "canvas.select-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Tab, GDK_SHIFT_MASK, "canvas.select-previous", NULL);
  /* The window's search; Ctrl+Tab still leaves the canvas. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_slash, 0, "win.search", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (arrows); i++)
    gtk_widget_class_add_binding_action (widget_class, arrows[i].key, 0, "canvas.move-selection",
                                         "(ii)", arrows[i].dx, arrows[i].dy);
}

static void
circles_canvas_init (CirclesCanvas *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  self->hover = CIRCLES_NO_PERSON;
  self->selected = CIRCLES_NO_PERSON;
  self->introducer.person = CIRCLES_NO_PERSON;
  self->fitted = TRUE;
  self->view.zoom = 1.0;
  self->view.selected = CIRCLES_NO_PERSON;

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  /* Folded, the legend is this button; open, it shows below it. */
  self->legend_button = gtk_toggle_button_new ();
  gtk_button_set_icon_name (GTK_BUTTON (self->legend_button), "view-list-bullet-symbolic");
  gtk_widget_set_tooltip_text (self->legend_button, _("Show the Legend"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->legend_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Legend"), -1);
  gtk_widget_add_css_class (self->legend_button, "osd");
  gtk_widget_add_css_class (self->legend_button, "circular");
  gtk_widget_set_name (self->legend_button, "legend-button");
  gtk_widget_set_parent (self->legend_button, GTK_WIDGET (self));
  g_signal_connect_swapped (self->legend_button, "toggled", G_CALLBACK (gtk_widget_queue_draw), self);
  gtk_widget_set_opacity (self->legend_button, 0.0);
  gtk_widget_set_can_target (self->legend_button, FALSE);
  gtk_widget_set_focusable (self->legend_button, FALSE);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->legend_button),
                               GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect_swapped (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect_swapped (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect_swapped (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect_swapped (gesture, "begin", G_CALLBACK (zoom_begin_cb), self);
  g_signal_connect_swapped (gesture, "scale-changed", G_CALLBACK (zoom_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (gesture, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  self->animation = adw_timed_animation_new (GTK_WIDGET (self), 0.0, 1.0, ANIMATION_MS,
                                             adw_callback_animation_target_new (circles_canvas_animation_cb,
                                                                                self, NULL));
  adw_timed_animation_set_easing (ADW_TIMED_ANIMATION (self->animation), ADW_EASE_OUT_CUBIC);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (circles_canvas_style_changed_cb), self,
                           G_CONNECT_SWAPPED);

  circles_canvas_update_accessible (self);
}

GtkWidget *
circles_canvas_new (void)
{
  return g_object_new (CIRCLES_TYPE_CANVAS, NULL);
}

CirclesSession *
circles_canvas_get_session (CirclesCanvas *self)
{
  g_return_val_if_fail (CIRCLES_IS_CANVAS (self), NULL);

  return self->session;
}

void
circles_canvas_set_session (CirclesCanvas  *self,
                            CirclesSession *session)
{
  g_return_if_fail (CIRCLES_IS_CANVAS (self));
  g_return_if_fail (!session || CIRCLES_IS_SESSION (session));

  if (self->session == session)
    return;

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  if (self->prospecting != NULL)
    g_signal_handlers_disconnect_by_data (self->prospecting, self);
  g_set_object (&self->session, session);
  g_clear_object (&self->prospecting);
  if (session != NULL)
    self->prospecting = g_object_ref (circles_prospecting_get_for_session (session));
  if (session != NULL)
    {
      g_signal_connect_swapped (session, "notify::scene",
                                G_CALLBACK (circles_canvas_notify_scene_cb), self);
      g_signal_connect_swapped (session, "notify::selected",
                                G_CALLBACK (circles_canvas_sync_selection), self);
      g_signal_connect_swapped (session, "notify::selection",
                                G_CALLBACK (circles_canvas_sync_selection), self);
      g_signal_connect_swapped (session, "notify::chain",
                                G_CALLBACK (circles_canvas_notify_chain_cb), self);
      g_signal_connect_swapped (self->prospecting, "notify::emphasis",
                                G_CALLBACK (circles_canvas_update_emphasis), self);
      g_signal_connect_swapped (self->prospecting, "notify::introducer",
                                G_CALLBACK (circles_canvas_update_emphasis), self);
    }
  circles_canvas_notify_scene_cb (self, NULL, session);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

const char *
circles_canvas_get_color_by (CirclesCanvas *self)
{
  g_return_val_if_fail (CIRCLES_IS_CANVAS (self), NULL);

  return self->color_by == CIRCLES_COLOR_BY_COMPANY ? "company" : "circle";
}

void
circles_canvas_set_color_by (CirclesCanvas *self,
                             const char    *color_by)
{
  CirclesColorBy value;

  g_return_if_fail (CIRCLES_IS_CANVAS (self));

  value = g_strcmp0 (color_by, "company") == 0 ? CIRCLES_COLOR_BY_COMPANY : CIRCLES_COLOR_BY_CIRCLE;
  if (self->color_by == value)
    return;

  self->color_by = value;
  self->view.color_by = value;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR_BY]);
}

double
circles_canvas_get_zoom (CirclesCanvas *self)
{
  g_return_val_if_fail (CIRCLES_IS_CANVAS (self), 1.0);

  return self->view.zoom;
}

void
circles_canvas_get_view (CirclesCanvas *self,
                         CirclesView   *view)
{
  g_return_if_fail (CIRCLES_IS_CANVAS (self));
  g_return_if_fail (view != NULL);

  *view = self->view;
  view->selected = self->selected;
  view->selection = self->selection;
  /* Exports frame the whole surface. */
  view->frame_x = view->frame_width = 0;
  /* Exports keep the light palette (paper, documents), and the colours
   * shown: by circle or by company. */
  view->flags = 0;
  view->color_by = self->color_by;
}

/**
 * circles_canvas_set_covered_end:
 * @covered: pixels of the end side (right, left to right) that a pane
 *   covers, 0 when none
 *
 * The view frames what is left: the fitted diagram, the selection.
 */
void
circles_canvas_set_covered_end (CirclesCanvas *self,
                                int            covered)
{
  g_return_if_fail (CIRCLES_IS_CANVAS (self));

  covered = MAX (covered, 0);
  if (self->covered_end == covered)
    return;

  self->covered_end = covered;
  if (self->scene == NULL)
    return;
  if (self->selected != CIRCLES_NO_PERSON)
    circles_canvas_center_on (self, self->selected, TRUE);
  else if (self->fitted)
    circles_canvas_zoom_to_fit (self, TRUE);
}

/**
 * circles_canvas_get_legend_folded:
 *
 * Returns: whether the legend is folded to its button, because open it
 * would cover people of the view
 */
gboolean
circles_canvas_get_legend_folded (CirclesCanvas *self)
{
  g_return_val_if_fail (CIRCLES_IS_CANVAS (self), FALSE);

  return self->legend_folded;
}
