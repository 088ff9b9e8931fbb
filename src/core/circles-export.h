/* circles-export.h: the ring or paths diagram to an SVG, PNG or PDF file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "circles-network.h"
#include "circles-scene.h"

G_BEGIN_DECLS

#define CIRCLES_EXPORT_ERROR (circles_export_error_quark ())

/* Errors the user causes (a command maps them to "bad input"). Failing
 * to write the file is a G_FILE_ERROR or G_IO_ERROR instead. */
typedef enum
{
  CIRCLES_EXPORT_ERROR_FORMAT,         /* the extension is not .svg, .png or .pdf */
  CIRCLES_EXPORT_ERROR_UNKNOWN_PERSON, /* no person has the focus key */
  CIRCLES_EXPORT_ERROR_FOCUS_IS_ME,    /* the focus is me: no path to draw */
  CIRCLES_EXPORT_ERROR_SIZE,           /* width or height out of range */
} CirclesExportError;

typedef enum
{
  CIRCLES_EXPORT_SVG,
  CIRCLES_EXPORT_PNG,
  CIRCLES_EXPORT_PDF,
} CirclesExportFormat;

#define CIRCLES_EXPORT_DEFAULT_WIDTH  1920
#define CIRCLES_EXPORT_DEFAULT_HEIGHT 1080
#define CIRCLES_EXPORT_MAX_SIZE       16384
/* Chains drawn in a paths diagram; the legend says how many more. */
#define CIRCLES_EXPORT_PATHS_LIMIT    8

GQuark        circles_export_error_quark     (void);

/* Writes the ring diagram (or, with @focus_key, the paths diagram from me
 * to that person) as SVG, PNG or PDF, chosen by the extension of @path.
 * @width and @height are pixels (points for PDF); 0 means the default. */
gboolean      circles_export_file            (CirclesNetwork       *network,
                                              const char           *path,
                                              const char           *focus_key,
                                              int                   width,
                                              int                   height,
                                              GError              **error);

/* The same, with @select_key (unless NULL) selected: the chains from
 * me to them and the names along them drawn over the rest, dimmed, as
 * the window shows them. */
gboolean      circles_export_file_full       (CirclesNetwork       *network,
                                              const char           *path,
                                              const char           *focus_key,
                                              const char           *select_key,
                                              int                   width,
                                              int                   height,
                                              GError              **error);

/* The steps, for tests, benchmarks and the GUI. */
gboolean      circles_export_format_for_path (const char           *path,
                                              CirclesExportFormat  *format,
                                              GError              **error);
CirclesScene *circles_export_build_scene     (CirclesNetwork       *network,
                                              const char           *focus_key,
                                              GError              **error);
gboolean      circles_export_scene           (CirclesScene         *scene,
                                              CirclesNetwork       *network,
                                              const CirclesView    *view,
                                              CirclesExportFormat   format,
                                              const char           *path,
                                              GError              **error);

G_END_DECLS
