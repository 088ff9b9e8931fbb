/* circles-canvas.h: the ring diagram on screen, to explore with a pointer or keys
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "circles-scene.h"
#include "circles-session.h"

G_BEGIN_DECLS

/* Chains of the selection drawn over the diagram, warmest first. */

#define CIRCLES_TYPE_CANVAS (circles_canvas_get_type ())

G_DECLARE_FINAL_TYPE (CirclesCanvas, circles_canvas, CIRCLES, CANVAS, GtkWidget)

GtkWidget         *circles_canvas_new                     (void);
CirclesSession    *circles_canvas_get_session             (CirclesCanvas     *self);
void               circles_canvas_set_session             (CirclesCanvas     *self,
                                                           CirclesSession    *session);
const char        *circles_canvas_get_color_by            (CirclesCanvas     *self);
void               circles_canvas_set_color_by            (CirclesCanvas     *self,
                                                           const char        *color_by);
double             circles_canvas_get_zoom                (CirclesCanvas     *self);
/* The view shown: what an export of "what is shown" uses. */
void               circles_canvas_get_view                (CirclesCanvas     *self,
                                                           CirclesView       *view);
void               circles_canvas_zoom_to_fit             (CirclesCanvas     *self,
                                                           gboolean           animate);
/* Zooms by @factor around (x, y), in widget coordinates. */
void               circles_canvas_zoom_at                 (CirclesCanvas     *self,
                                                           double             factor,
                                                           double             x,
                                                           double             y,
                                                           gboolean           animate);
/* Brings @person to the centre; FALSE when the diagram does not place it. */
gboolean           circles_canvas_center_on               (CirclesCanvas     *self,
                                                           guint              person,
                                                           gboolean           animate);
/* The person under the pointer (the hover ring, the tooltip, what a
 * click picks), or CIRCLES_NO_PERSON. */
guint              circles_canvas_get_hovered             (CirclesCanvas     *self);
/* Whether the view is moving to a place (zoom, centring, reveal). */
gboolean           circles_canvas_get_moving              (CirclesCanvas     *self);
/* Pixels of the end side a pane covers: the view frames the rest. */
void               circles_canvas_set_covered_end         (CirclesCanvas     *self,
                                                           int                covered);
/* Whether the legend is folded to its button (open, it would cover people). */
gboolean           circles_canvas_get_legend_folded       (CirclesCanvas     *self);
/* The chains from me to the selected person that are highlighted, and
 * how many shortest chains there are in all. */
guint              circles_canvas_get_n_highlighted_chains (CirclesCanvas    *self);
guint64            circles_canvas_get_chains_total        (CirclesCanvas     *self);
/* The chain drawn as the one to follow: the one chosen in the person
 * pane (circles_session_set_chain()), else the warmest. */
const guint32     *circles_canvas_get_highlighted_chain   (CirclesCanvas     *self,
                                                           guint             *length);
/* "Name, 2nd degree, 3 mutual connections": what a screen reader hears. */
char              *circles_canvas_describe_person         (CirclesNetwork    *network,
                                                           guint              person);

/* The static layer of the canvas (rings, edges, people, labels; no
 * legend, no selection) as the canvas renders it, for the benchmark:
 * coloured as @view says (view->color_by), in the dark palette or not. */
GdkTexture        *circles_canvas_render_layer            (CirclesScene      *scene,
                                                           const CirclesView *view,
                                                           int                scale,
                                                           gboolean           dark);

G_END_DECLS
