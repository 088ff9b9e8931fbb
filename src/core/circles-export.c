/* circles-export.c: the ring or paths diagram to an SVG, PNG or PDF file
 *
 * network -> layout -> scene -> (cairo | SVG writer) -> file. Files are
 * written whole or not at all (g_file_set_contents()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "circles-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <cairo.h>
#include <cairo-pdf.h>

#include "circles-export.h"
#include "circles-selection.h"
#include "circles-layout.h"
#include "circles-paths.h"
#include "circles-render-cairo.h"
#include "circles-svg-writer.h"

G_DEFINE_QUARK (circles-export-error-quark, circles_export_error)

gboolean
circles_export_format_for_path (const char           *path,
                                CirclesExportFormat  *format,
                                GError              **error)
{
  g_autofree char *basename = NULL;
  const char *dot;

  g_return_val_if_fail (path != NULL, FALSE);

  basename = g_path_get_basename (path);
  dot = strrchr (basename, '.');
  if (dot != NULL && g_ascii_strcasecmp (dot, ".svg") == 0)
    *format = CIRCLES_EXPORT_SVG;
  else if (dot != NULL && g_ascii_strcasecmp (dot, ".png") == 0)
    *format = CIRCLES_EXPORT_PNG;
  else if (dot != NULL && g_ascii_strcasecmp (dot, ".pdf") == 0)
    *format = CIRCLES_EXPORT_PDF;
  else
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, CIRCLES_EXPORT_ERROR, CIRCLES_EXPORT_ERROR_FORMAT,
                   _("Cannot export to “%s”: the file name must end in .svg, .png or .pdf"),
                   display);
      return FALSE;
    }
  return TRUE;
}

/* The person of key @key, or CIRCLES_NO_PERSON and an error. */
static guint
lookup (CirclesNetwork  *network,
        const char      *key,
        GError         **error)
{
  guint person = circles_network_lookup (network, key);

  if (person == CIRCLES_NO_PERSON || person >= circles_network_get_n_people (network))
    {
      g_autofree char *clean = circles_scene_sanitize_text (key, 200);

      g_set_error (error, CIRCLES_EXPORT_ERROR, CIRCLES_EXPORT_ERROR_UNKNOWN_PERSON,
                   _("No person has the key “%s”"), clean);
      return CIRCLES_NO_PERSON;
    }
  return person;
}

CirclesScene *
circles_export_build_scene (CirclesNetwork  *network,
                            const char      *focus_key,
                            GError         **error)
{
  g_autoptr(CirclesLayout) layout = NULL;

  g_return_val_if_fail (network != NULL, NULL);

  if (focus_key != NULL)
    {
      g_autoptr(CirclesPaths) paths = NULL;
      guint target = lookup (network, focus_key, error);

      if (target == CIRCLES_NO_PERSON)
        return NULL;
      if (target == circles_network_get_me (network))
        {
          g_set_error (error, CIRCLES_EXPORT_ERROR, CIRCLES_EXPORT_ERROR_FOCUS_IS_ME,
                       _("The focus is you: choose another person to see the paths to them"));
          return NULL;
        }
      paths = circles_paths_find (network, target, CIRCLES_EXPORT_PATHS_LIMIT);
      layout = circles_layout_new_paths (network, paths, error);
    }
  else
    {
      layout = circles_layout_new_rings (network, CIRCLES_LAYOUT_ENGINE_AUTO, NULL, error);
    }
  if (layout == NULL)
    return NULL;

  return circles_scene_new (network, layout);
}

/* PNG -------------------------------------------------------------- */

/* cairo's PNG writer compresses at zlib's default level: 1920×1080 costs
 * ~300 ms. This small encoder (PNG spec, "Sub" filter, zlib level 3 from
 * GIO) takes a fraction of that for files of about the same size. */

static guint32 crc_table[256];

static void
crc_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      for (guint32 n = 0; n < 256; n++)
        {
          guint32 c = n;

          for (guint k = 0; k < 8; k++)
            c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
          crc_table[n] = c;
        }
      g_once_init_leave (&done, 1);
    }
}

static guint32
crc_update (guint32       crc,
            const guint8 *data,
            gsize         length)
{
  for (gsize i = 0; i < length; i++)
    crc = crc_table[(crc ^ data[i]) & 0xff] ^ (crc >> 8);
  return crc;
}

static void
append_be32 (GByteArray *out,
             guint32     value)
{
  guint8 bytes[4] = { value >> 24, value >> 16, value >> 8, value };

  g_byte_array_append (out, bytes, 4);
}

static void
append_chunk (GByteArray   *out,
              const char   *type,
              const guint8 *data,
              gsize         length)
{
  guint32 crc = 0xffffffffu;

  append_be32 (out, (guint32) length);
  g_byte_array_append (out, (const guint8 *) type, 4);
  if (length > 0)
    g_byte_array_append (out, data, length);
  crc = crc_update (crc, (const guint8 *) type, 4);
  crc = crc_update (crc, data, length);
  append_be32 (out, crc ^ 0xffffffffu);
}

static GByteArray *
encode_png (cairo_surface_t  *surface,
            GError          **error)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 1);
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autofree guint8 *raw = NULL;
  g_autofree guint8 *compressed = NULL;
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data;
  gboolean opaque = TRUE;
  guint bpp;
  gsize row_size, raw_size, compressed_size, capacity, read = 0;
  guint8 header[13];

  crc_init ();
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);

  for (int y = 0; y < height && opaque; y++)
    {
      const guint32 *row = (const guint32 *) (data + (gsize) y * stride);

      for (int x = 0; x < width; x++)
        if ((row[x] >> 24) != 0xff)
          {
            opaque = FALSE;
            break;
          }
    }

  /* Unpremultiplied RGB(A) rows, each with the "Sub" filter. */
  bpp = opaque ? 3 : 4;
  row_size = 1 + (gsize) width * bpp;
  raw_size = row_size * height;
  raw = g_malloc (raw_size);
  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *) (data + (gsize) y * stride);
      guint8 *dst = raw + row_size * y;
      guint8 previous[4] = { 0, 0, 0, 0 };

      *dst++ = 1;
      for (int x = 0; x < width; x++)
        {
          guint32 pixel = row[x];
          guint a = pixel >> 24;
          guint8 px[4];

          px[0] = (pixel >> 16) & 0xff;
          px[1] = (pixel >> 8) & 0xff;
          px[2] = pixel & 0xff;
          px[3] = a;
          if (a != 0xff && a != 0)
            for (guint c = 0; c < 3; c++)
              px[c] = (guint8) MIN (255u, (px[c] * 255u + a / 2) / a);
          for (guint c = 0; c < bpp; c++)
            {
              *dst++ = (guint8) (px[c] - previous[c]);
              previous[c] = px[c];
            }
        }
    }

  capacity = raw_size + raw_size / 100 + 1024;
  compressed = g_malloc (capacity);
  compressed_size = 0;
  for (;;)
    {
      gsize bytes_read = 0, bytes_written = 0;
      GConverterResult result;

      result = g_converter_convert (G_CONVERTER (compressor),
                                    raw + read, raw_size - read,
                                    compressed + compressed_size, capacity - compressed_size,
                                    G_CONVERTER_INPUT_AT_END, &bytes_read, &bytes_written, error);
      if (result == G_CONVERTER_ERROR)
        return NULL;
      read += bytes_read;
      compressed_size += bytes_written;
      if (result == G_CONVERTER_FINISHED)
        break;
      if (capacity - compressed_size < 65536)
        {
          capacity *= 2;
          compressed = g_realloc (compressed, capacity);
        }
    }

  g_byte_array_append (out, signature, sizeof signature);
  header[0] = width >> 24;
  header[1] = width >> 16;
  header[2] = width >> 8;
  header[3] = width;
  header[4] = height >> 24;
  header[5] = height >> 16;
  header[6] = height >> 8;
  header[7] = height;
  header[8] = 8;                 /* bits per channel */
  header[9] = opaque ? 2 : 6;    /* RGB or RGBA */
  header[10] = 0;                /* deflate */
  header[11] = 0;                /* adaptive filtering */
  header[12] = 0;                /* no interlace */
  append_chunk (out, "IHDR", header, sizeof header);
  append_chunk (out, "IDAT", compressed, compressed_size);
  append_chunk (out, "IEND", NULL, 0);
  return g_steal_pointer (&out);
}

static cairo_status_t
append_to_byte_array (void                *closure,
                      const unsigned char *data,
                      unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
cairo_failed (cairo_status_t   status,
              const char      *path,
              GError         **error)
{
  g_autofree char *display = NULL;

  if (status == CAIRO_STATUS_SUCCESS)
    return FALSE;
  display = g_filename_display_name (path);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               _("Cannot draw “%s”: %s"), display, cairo_status_to_string (status));
  return TRUE;
}

/* Whole or not at all, without waiting for the disk (no fsync). */
static gboolean
write_file (const char    *path,
            const guint8  *data,
            gsize          length,
            GError       **error)
{
  return g_file_set_contents_full (path, (const char *) data, length,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0666, error);
}

/* Streamed into a temporary file that replaces @path once complete: a
 * failure leaves the file that was there. */
static gboolean
write_svg_file (CirclesScene       *scene,
                CirclesNetwork     *network,
                const CirclesView  *view,
                const char         *path,
                GError            **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GCancellable) abandon = NULL;

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, error);
  if (stream == NULL)
    return FALSE;
  if (circles_svg_write_to_stream (scene, network, view, G_OUTPUT_STREAM (stream), NULL, error) &&
      g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error))
    return TRUE;

  /* Closing with a cancelled cancellable drops the temporary file. */
  abandon = g_cancellable_new ();
  g_cancellable_cancel (abandon);
  g_output_stream_close (G_OUTPUT_STREAM (stream), abandon, NULL);
  return FALSE;
}

gboolean
circles_export_scene (CirclesScene         *scene,
                      CirclesNetwork       *network,
                      const CirclesView    *view,
                      CirclesExportFormat   format,
                      const char           *path,
                      GError              **error)
{
  g_autoptr(GByteArray) data = NULL;
  cairo_surface_t *surface = NULL;
  cairo_t *cr;
  cairo_status_t status;

  g_return_val_if_fail (scene != NULL, FALSE);
  g_return_val_if_fail (network != NULL, FALSE);
  g_return_val_if_fail (view != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (format == CIRCLES_EXPORT_SVG)
    return write_svg_file (scene, network, view, path, error);

  if (format == CIRCLES_EXPORT_PNG)
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, view->width, view->height);
  else
    surface = cairo_pdf_surface_create_for_stream (append_to_byte_array,
                                                   (data = g_byte_array_new ()),
                                                   view->width, view->height);
  if (cairo_failed (cairo_surface_status (surface), path, error))
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }
  if (format == CIRCLES_EXPORT_PDF)
    {
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                      circles_scene_get_kind (scene) == CIRCLES_LAYOUT_PATHS
                                      ? _("Circles: paths to a person") : _("Circles: my network"));
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Circles");
    }

  cr = cairo_create (surface);
  circles_render_cairo (scene, view, cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS && format == CIRCLES_EXPORT_PNG)
    {
      data = encode_png (surface, error);
      if (data == NULL)
        {
          cairo_surface_destroy (surface);
          return FALSE;
        }
    }
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (cairo_failed (status, path, error))
    return FALSE;

  return write_file (path, data->data, data->len, error);
}

gboolean
circles_export_file (CirclesNetwork  *network,
                     const char      *path,
                     const char      *focus_key,
                     int              width,
                     int              height,
                     GError         **error)
{
  return circles_export_file_full (network, path, focus_key, NULL, width, height, error);
}

gboolean
circles_export_file_full (CirclesNetwork  *network,
                          const char      *path,
                          const char      *focus_key,
                          const char      *select_key,
                          int              width,
                          int              height,
                          GError         **error)
{
  g_autoptr(CirclesScene) scene = NULL;
  g_autoptr(CirclesSelection) selection = NULL;
  CirclesExportFormat format;
  CirclesView view;

  g_return_val_if_fail (network != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (width == 0)
    width = CIRCLES_EXPORT_DEFAULT_WIDTH;
  if (height == 0)
    height = CIRCLES_EXPORT_DEFAULT_HEIGHT;
  if (width < 1 || height < 1 || width > CIRCLES_EXPORT_MAX_SIZE || height > CIRCLES_EXPORT_MAX_SIZE)
    {
      g_set_error (error, CIRCLES_EXPORT_ERROR, CIRCLES_EXPORT_ERROR_SIZE,
                   _("The width and height must be between 1 and %d pixels, not %d × %d"),
                   CIRCLES_EXPORT_MAX_SIZE, width, height);
      return FALSE;
    }
  if (!circles_export_format_for_path (path, &format, error))
    return FALSE;

  if (select_key != NULL)
    {
      guint person = lookup (network, select_key, error);

      if (person == CIRCLES_NO_PERSON)
        return FALSE;
      selection = circles_selection_new (network, person);
    }

  scene = circles_export_build_scene (network, focus_key, error);
  if (scene == NULL)
    return FALSE;

  circles_view_init_fit (&view, scene, width, height);
  view.selection = selection;
  return circles_export_scene (scene, network, &view, format, path, error);
}
