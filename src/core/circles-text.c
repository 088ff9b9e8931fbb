/* circles-text.c: names in every script, through Pango
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every backend that draws with cairo (the canvas, PNG, PDF) shapes its
 * text with Pango: bidi, font fallback, the forms of each script. The
 * scene measures names by the sum of the advances of their characters
 * (a million names cannot each be shaped while the scene is built); the
 * advance of each character is asked of Pango once, in the font that
 * has it, so that widths count the fallback fonts too.
 */
#define G_LOG_DOMAIN "circles-text"

#include "config.h"

#include "circles-text.h"

/* Advances measured at this size, then scaled. */
#define MEASURE_SIZE 100.0

typedef struct
{
  PangoLayout *layout;
  double       ascii[128];
  double       dotted_circle; /* U+25CC, what a mark alone is shaped on */
  GHashTable  *others; /* gunichar -> double * */
} Measurer;

static GMutex measure_lock;
static PangoFontMap *measure_map;
static Measurer measurers[2];

static void
set_options (PangoContext *context)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  /* Unhinted metrics: the width measured is the width drawn at any zoom. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);
}

PangoContext *
circles_text_context_new (void)
{
  g_autoptr(PangoFontMap) map = pango_cairo_font_map_new ();
  PangoContext *context = pango_font_map_create_context (map);

  set_options (context);
  return context;
}

PangoLayout *
circles_text_layout_new (PangoContext *context,
                         const char   *text,
                         double        size,
                         gboolean      bold)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoFontDescription *desc = pango_font_description_from_string (CIRCLES_TEXT_FAMILIES);

  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

static gboolean
is_mark (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  return type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_SPACING_MARK ||
         type == G_UNICODE_ENCLOSING_MARK;
}

static double
advance_of (Measurer   *m,
            const char *utf8,
            gssize      len)
{
  PangoRectangle logical;

  pango_layout_set_text (m->layout, utf8, len < 0 ? -1 : (int) len);
  pango_layout_get_extents (m->layout, NULL, &logical);
  return logical.width / (double) PANGO_SCALE;
}

static Measurer *
get_measurer (gboolean bold)
{
  Measurer *m = &measurers[bold ? 1 : 0];

  if (m->layout == NULL)
    {
      PangoContext *context;

      if (measure_map == NULL)
        measure_map = pango_cairo_font_map_new ();
      context = pango_font_map_create_context (measure_map);
      set_options (context);
      m->layout = circles_text_layout_new (context, "", MEASURE_SIZE, bold);
      g_object_unref (context);
      for (guint c = 0; c < 128; c++)
        {
          char s[2] = { (char) c, '\0' };

          m->ascii[c] = c < 0x20 || c == 0x7f ? 0.0 : advance_of (m, s, 1);
        }
      m->dotted_circle = advance_of (m, "\xe2\x97\x8c", -1);
      m->others = g_hash_table_new_full (NULL, NULL, NULL, g_free);
    }
  return m;
}

double
circles_text_measure (const char *text,
                      double      size,
                      gboolean    bold)
{
  Measurer *m;
  double width = 0.0;

  if (text == NULL)
    return 0.0;

  g_mutex_lock (&measure_lock);
  m = get_measurer (bold);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      guchar byte = (guchar) *p;

      if (byte < 0x80)
        width += m->ascii[byte];
      else
        {
          gunichar c = g_utf8_get_char (p);
          double *advance = g_hash_table_lookup (m->others, GUINT_TO_POINTER (c));

          if (advance == NULL)
            {
              advance = g_new (double, 1);
              *advance = advance_of (m, p, g_utf8_next_char (p) - p);
              /* A mark alone is shaped on a dotted circle: without it,
               * what it adds to the letter it marks. */
              if (is_mark (c))
                *advance = MAX (0.0, *advance - m->dotted_circle);
              g_hash_table_insert (m->others, GUINT_TO_POINTER (c), advance);
            }
          width += *advance;
        }
    }
  g_mutex_unlock (&measure_lock);

  return width * size / MEASURE_SIZE;
}

void
circles_text_draw (cairo_t            *cr,
                   const char         *text,
                   double              size,
                   gboolean            bold,
                   double              x,
                   double              y,
                   const CirclesColor *color,
                   const CirclesColor *halo,
                   double              halo_width)
{
  PangoContext *context = pango_cairo_create_context (cr);
  g_autoptr(PangoLayout) layout = NULL;
  double baseline;

  set_options (context);
  layout = circles_text_layout_new (context, text, size, bold);
  g_object_unref (context);
  baseline = pango_layout_get_baseline (layout) / (double) PANGO_SCALE;

  cairo_save (cr);
  if (halo != NULL && halo_width > 0.0)
    {
      cairo_new_path (cr);
      cairo_move_to (cr, x, y - baseline);
      pango_cairo_layout_path (cr, layout);
      cairo_set_source_rgb (cr, halo->r, halo->g, halo->b);
      cairo_set_line_width (cr, halo_width);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);
    }
  cairo_move_to (cr, x, y - baseline);
  cairo_set_source_rgb (cr, color->r, color->g, color->b);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}
