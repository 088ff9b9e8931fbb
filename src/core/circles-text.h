/* circles-text.h: names in every script, through Pango
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "circles-scene.h"

G_BEGIN_DECLS

/* The families text is drawn with, the first that has a character
 * winning; fontconfig adds any other installed font that has it. */
#define CIRCLES_TEXT_FAMILIES "Cantarell, Noto Sans, Noto Sans CJK SC, DejaVu Sans, sans-serif"

/* Width in pixels of @text at @size: the sum of the advances Pango gives
 * each character, in the font that has it (so a Chinese name is as wide
 * as its glyphs). Thread-safe. */
double        circles_text_measure      (const char          *text,
                                         double               size,
                                         gboolean             bold);

/* A layout of @text at @size pixels in @context, shaped (bidi, font
 * fallback, the script's own forms). */
PangoLayout  *circles_text_layout_new   (PangoContext        *context,
                                         const char          *text,
                                         double               size,
                                         gboolean             bold);

/* A context of its own, with the font options every backend uses. */
PangoContext *circles_text_context_new  (void);

/* Draws @text with its baseline starting at (x, y): a halo of @halo_width
 * around it as a path, then the text once, as text (a PDF holds each
 * name once). */
void          circles_text_draw         (cairo_t             *cr,
                                         const char          *text,
                                         double               size,
                                         gboolean             bold,
                                         double               x,
                                         double               y,
                                         const CirclesColor  *color,
                                         const CirclesColor  *halo,
                                         double               halo_width);

G_END_DECLS
