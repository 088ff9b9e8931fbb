/* circles-import-context.h: what every format reader shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "circles-import.h"

G_BEGIN_DECLS

/* One import in progress: the store it writes into (a transaction is
 * open), the file, and the report being filled. */
typedef struct
{
  CirclesStore              *store;
  const char                *path;
  char                      *display;      /* path, for messages */
  const char                *me_key;       /* --me, or NULL */
  gint64                     me_id;        /* 0 while unknown */
  CirclesImportReport       *report;
  CirclesImportProgressFunc  progress;
  gpointer                   progress_data;
  GCancellable              *cancellable;
  gint64                     last_progress;
} CirclesImportContext;

/* What a column of a node list (or a node attribute) holds. */
typedef enum
{
  CIRCLES_FIELD_NONE,
  CIRCLES_FIELD_DISPLAY_NAME,
  CIRCLES_FIELD_FIRST_NAME,
  CIRCLES_FIELD_LAST_NAME,
  CIRCLES_FIELD_COMPANY,
  CIRCLES_FIELD_POSITION,
  CIRCLES_FIELD_LOCATION,
  CIRCLES_FIELD_PROFILE_URL,
  CIRCLES_FIELD_EMAIL,
} CirclesField;

/* Sets @error to "FILE:LINE[:COL]: message" (LINE 0: no line; COL 0:
 * no column). @format is already translated. */
void          _circles_import_set_error      (GError               **error,
                                              CirclesImportError     code,
                                              const char            *file,
                                              guint64                line,
                                              guint64                col,
                                              const char            *format,
                                              ...) G_GNUC_PRINTF (6, 7);

/* The id of @key, created when absent; -1 on error. */
gint64        _circles_import_ensure_person  (CirclesImportContext  *ctx,
                                              const char            *key,
                                              GError               **error);
/* Checks cancellation and reports progress now and then. */
gboolean      _circles_import_tick           (CirclesImportContext  *ctx,
                                              double                 fraction,
                                              GError               **error);
CirclesField  _circles_import_match_field    (const char            *name);
void          _circles_import_set_field      (CirclesPersonFields   *fields,
                                              CirclesField           field,
                                              const char            *value);
/* Case-insensitive ASCII comparison after trimming blanks. */
gboolean      _circles_import_name_is        (const char            *name,
                                              const char            *expected);
/* Index of the column named @name in @header, or -1. */
int           _circles_import_find_column    (char                 **header,
                                              guint                  n_header,
                                              const char            *name);

/* A profile URL as a key: scheme and host in lower case, no query nor
 * fragment, no trailing slash, "https://" when there is no scheme.
 * NULL for a blank one. */
char         *_circles_import_normalize_url  (const char            *url);
/* "12 Mar 2024", "7-Feb-22", "2024-03-12" as an ISO date; NULL when
 * it is none of these. */
char         *_circles_import_parse_date     (const char            *text);

G_END_DECLS
