/* circles-import-readers.h: the format readers, as the dispatcher calls them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "circles-csv-reader.h"
#include "circles-import-context.h"

G_BEGIN_DECLS

/* The format readers. @header is the header record already read from
 * @reader (CSV formats). */
gboolean      _circles_import_linkedin       (CirclesImportContext  *ctx,
                                              CirclesCsvReader      *reader,
                                              char                 **header,
                                              guint                  n_header,
                                              GError               **error);
gboolean      _circles_import_csv_edges      (CirclesImportContext  *ctx,
                                              CirclesCsvReader      *reader,
                                              char                 **header,
                                              guint                  n_header,
                                              GError               **error);
gboolean      _circles_import_csv_nodes      (CirclesImportContext  *ctx,
                                              CirclesCsvReader      *reader,
                                              char                 **header,
                                              guint                  n_header,
                                              GError               **error);
gboolean      _circles_import_followers      (CirclesImportContext  *ctx,
                                              CirclesCsvReader      *reader,
                                              char                 **header,
                                              guint                  n_header,
                                              GError               **error);
gboolean      _circles_import_groups         (CirclesImportContext  *ctx,
                                              CirclesCsvReader      *reader,
                                              char                 **header,
                                              guint                  n_header,
                                              GError               **error);
gboolean      _circles_import_graphml        (CirclesImportContext  *ctx,
                                              GError               **error);
gboolean      _circles_import_dot            (CirclesImportContext  *ctx,
                                              GError               **error);

G_END_DECLS
