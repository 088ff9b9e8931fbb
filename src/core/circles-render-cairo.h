/* circles-render-cairo.h: draws a scene onto any cairo_t (canvas, PNG, PDF)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "circles-scene.h"

G_BEGIN_DECLS

/* The look shared by every backend (the SVG writer's <style> too). */
/* The colours come from the scene's palette (circles_view_get_palette()). */
typedef struct
{
  double       panel_alpha;
  double       band_alpha;     /* the tint of a ring's band */
  double       band_padding;   /* scene units on each side of the band */
  double       ring_alpha;     /* the ring's centre line */
  double       ring_width;     /* pixels */
  double       edge_alpha[4];  /* by the ring the edge leads to */
  double       edge_width;     /* pixels */
  double       path_edge_width;
  double       path_edge_warm_width;
  double       halo_width;     /* pixels */
  double       me_outline;     /* pixels */
  double       target_halo;    /* pixels */
  double       selected_width; /* pixels */
  double       dim_mix;        /* what is left of a dimmed marker's colour */
  double       dim_edge_factor; /* of a dimmed edge's opacity */
} CirclesRenderStyle;

const CirclesRenderStyle *circles_render_get_style (void);

/* Draws @scene with @view onto @cr, whose user space must be the view's
 * pixels (the canvas: widget coordinates), in the view's palette and
 * colour mode. Only what intersects the clip is drawn. Computes the
 * labels' level of detail on demand. On an ARGB32 image surface without
 * a transformation, markers and edges are written straight into its
 * pixels (the same picture, far faster); other surfaces (PDF) get paths. */
void                      circles_render_cairo     (CirclesScene      *scene,
                                                    const CirclesView *view,
                                                    cairo_t           *cr);

/* The font options every text measurement assumes. */
void                      circles_render_set_font_options (cairo_t    *cr);

G_END_DECLS
