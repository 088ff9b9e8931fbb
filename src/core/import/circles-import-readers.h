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
/* The files of the data archive, read alone or by
 * _circles_import_archive(). */
gboolean      _circles_import_profile        (CirclesImportContext  *ctx,
                                              CirclesCsvReader      *reader,
                                              char                 **header,
                                              guint                  n_header,
                                              GError               **error);
gboolean      _circles_import_messages       (CirclesImportContext  *ctx,
                                              CirclesCsvReader      *reader,
                                              char                 **header,
                                              guint                  n_header,
                                              GError               **error);
gboolean      _circles_import_invitations    (CirclesImportContext  *ctx,
                                              CirclesCsvReader      *reader,
                                              char                 **header,
                                              guint                  n_header,
                                              GError               **error);
gboolean      _circles_import_endorsements   (CirclesImportContext  *ctx,
                                              CirclesCsvReader      *reader,
                                              char                 **header,
                                              guint                  n_header,
                                              GError               **error);
gboolean      _circles_import_recommendations (CirclesImportContext *ctx,
                                               CirclesCsvReader     *reader,
                                               char                **header,
                                               guint                 n_header,
                                               gboolean              given,
                                               GError              **error);
/* The person keyed by @url (or, without one, by @name as a row of
 * Connections.csv without URL nor company), added with that name and
 * URL when new; 0 when both are blank, -1 on error. */
gint64        _circles_import_ensure_named   (CirclesImportContext  *ctx,
                                              const char            *url,
                                              const char            *name,
                                              GError               **error);
/* The data archive, a zip or a folder (circles-archive.h). */
gboolean      _circles_import_archive        (CirclesImportContext  *ctx,
                                              GError               **error);
gboolean      _circles_import_graphml        (CirclesImportContext  *ctx,
                                              GError               **error);
gboolean      _circles_import_dot            (CirclesImportContext  *ctx,
                                              GError               **error);

G_END_DECLS
