/* circles-import-context.h: what every format reader shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "circles-csv-reader.h"
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
  char                      *my_name;      /* from Profile.csv, or NULL */
  gint64                     owner_id;     /* --owner, when not me: whose
                                            * export the file is; else 0 */
  gboolean                   owner_is_me;  /* --owner me: mine for sure */
  gboolean                   refuse_foreign;  /* see CirclesImportOptions */
  gboolean                   read_connections;  /* a Connections.csv was read */
  CirclesImportReport       *report;
  CirclesImportProgressFunc  progress;
  gpointer                   progress_data;
  double                     progress_base;  /* the part of the whole */
  double                     progress_span;  /* this file is, 0 = 1 */
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
/* Makes sure somebody is me: the database's me, else the --me key,
 * else a person "me" named "Me" created now. */
gboolean      _circles_import_ensure_me      (CirclesImportContext  *ctx,
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

/* Reads records of @reader up to its header, the first that has a
 * column named @required (a "Notes:" preamble before it is skipped),
 * and limits the records to its width. The header is a copy, stripped
 * of blanks. A file without a record is CIRCLES_IMPORT_ERROR_EMPTY. */
gboolean      _circles_import_read_header    (CirclesImportContext  *ctx,
                                              CirclesCsvReader      *reader,
                                              const char            *required,
                                              GStrv                 *header,
                                              guint                 *n_header,
                                              GError               **error);
/* The field at @column, blanks stripped; "" when the record is short
 * or @column is -1. */
const char   *_circles_import_field          (char                 **fields,
                                              guint                  n_fields,
                                              int                    column);

/* A profile URL as a key: scheme and host in lower case, no query nor
 * fragment, no trailing slash, "https://" when there is no scheme.
 * NULL for a blank one. */
char         *_circles_import_normalize_url  (const char            *url);
/* The day of @text (a time stamp, see below) into *@day, NULL when
 * @text is blank; FALSE with @error set at the reader's line when it is
 * no date, saying what the file's dates look like (@example). */
gboolean      _circles_import_parse_day      (CirclesImportContext  *ctx,
                                              CirclesCsvReader      *reader,
                                              const char            *text,
                                              const char            *example,
                                              char                 **day,
                                              GError               **error);
/* "12 Mar 2024", "7-Feb-22", "2024-03-12" as an ISO date; NULL when
 * it is none of these. */
char         *_circles_import_parse_date     (const char            *text);
/* The day of a time stamp as the archive's files write them, as an ISO
 * date: "2026-03-15 10:22:33 UTC", "2019/05/28 06:56:49 UTC",
 * "6/2/26, 9:14 AM" (month first), or any date parse_date() takes.
 * NULL when it is none of these. */
char         *_circles_import_parse_timestamp (const char           *text);

G_END_DECLS
