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
      guint target = circles_network_lookup (network, focus_key);

      if (target == CIRCLES_NO_PERSON || target >= circles_network_get_n_people (network))
        {
          g_autofree char *clean = circles_scene_sanitize_text (focus_key, 200);

          g_set_error (error, CIRCLES_EXPORT_ERROR, CIRCLES_EXPORT_ERROR_UNKNOWN_PERSON,
                       _("No person has the key “%s”"), clean);
          return NULL;
        }
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
    {
      g_autoptr(GBytes) svg = circles_svg_write (scene, network, view);
      gsize size;
      const char *bytes = g_bytes_get_data (svg, &size);

      return g_file_set_contents (path, bytes, size, error);
    }

  data = g_byte_array_new ();
  if (format == CIRCLES_EXPORT_PNG)
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, view->width, view->height);
  else
    surface = cairo_pdf_surface_create_for_stream (append_to_byte_array, data,
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
    status = cairo_surface_write_to_png_stream (surface, append_to_byte_array, data);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (cairo_failed (status, path, error))
    return FALSE;

  return g_file_set_contents (path, (const char *) data->data, data->len, error);
}

gboolean
circles_export_file (CirclesNetwork  *network,
                     const char      *path,
                     const char      *focus_key,
                     int              width,
                     int              height,
                     GError         **error)
{
  g_autoptr(CirclesScene) scene = NULL;
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

  scene = circles_export_build_scene (network, focus_key, error);
  if (scene == NULL)
    return FALSE;

  circles_view_init_fit (&view, scene, width, height);
  return circles_export_scene (scene, network, &view, format, path, error);
}
