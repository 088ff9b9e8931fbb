/* circles-svg-writer.h: a scene as semantic, inert SVG
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "circles-network.h"
#include "circles-scene.h"

G_BEGIN_DECLS

/* The SVG of @scene seen through @view: one <g class="person dN"
 * data-key="…"> per visible person with a <title>, real <text> labels,
 * rings as <circle>, a <style> palette, <a href> only to http(s) profile
 * URLs; no script, no event attribute, no foreign content, whatever the
 * network's strings hold. */
GBytes   *circles_svg_write        (CirclesScene      *scene,
                                    CirclesNetwork    *network,
                                    const CirclesView *view);
/* The same document written to @stream as it is made: the memory it
 * takes does not grow with the network. */
gboolean  circles_svg_write_to_stream (CirclesScene      *scene,
                                       CirclesNetwork    *network,
                                       const CirclesView *view,
                                       GOutputStream     *stream,
                                       GCancellable      *cancellable,
                                       GError           **error);

/* Appends @text to @out escaped for XML text and attribute values;
 * @text must be valid UTF-8 (see circles_scene_sanitize_text()). */
void      circles_svg_append_escaped (GString         *out,
                                      const char      *text);

/* Whether @url may become a link: an absolute, valid http or https URI. */
gboolean  circles_svg_url_is_safe  (const char        *url);

G_END_DECLS
