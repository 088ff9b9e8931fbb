/* circles-import.h: reading the files people have into the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "circles-store.h"

G_BEGIN_DECLS

#define CIRCLES_IMPORT_ERROR (circles_import_error_quark ())

/* Everything a file can do wrong. Messages name the file, the line (and
 * column where it applies) and what was wrong: "FILE:LINE:COL: what". */
typedef enum
{
  CIRCLES_IMPORT_ERROR_IO,
  CIRCLES_IMPORT_ERROR_EMPTY,
  CIRCLES_IMPORT_ERROR_INVALID_UTF8,
  CIRCLES_IMPORT_ERROR_UNTERMINATED_QUOTE,
  CIRCLES_IMPORT_ERROR_UNKNOWN_HEADER,
  CIRCLES_IMPORT_ERROR_UNKNOWN_ME,
  CIRCLES_IMPORT_ERROR_SYNTAX,
  CIRCLES_IMPORT_ERROR_BAD_VALUE,
  CIRCLES_IMPORT_ERROR_NO_ME,
  CIRCLES_IMPORT_ERROR_UNKNOWN_OWNER,
  CIRCLES_IMPORT_ERROR_NOT_MINE,
} CirclesImportError;

typedef enum
{
  CIRCLES_IMPORT_FORMAT_AUTO,
  CIRCLES_IMPORT_FORMAT_LINKEDIN,
  CIRCLES_IMPORT_FORMAT_CSV,
  CIRCLES_IMPORT_FORMAT_DOT,
  CIRCLES_IMPORT_FORMAT_GRAPHML,
  CIRCLES_IMPORT_FORMAT_FOLLOWERS,
  CIRCLES_IMPORT_FORMAT_GROUPS,
  CIRCLES_IMPORT_FORMAT_ARCHIVE,
} CirclesImportFormat;

/* What an import did, for the toast and the command's summary. */
typedef struct
{
  CirclesImportFormat format;       /* the format actually read */
  guint64             rows;         /* records read */
  guint64             people_added;
  guint64             connections_added;
  guint64             follows_added;
  guint64             memberships_added;
  guint64             hidden_members; /* rows that held only a date */
  guint64             duplicates;     /* rows seen before in the same file */
  guint64             first_degree;   /* my connections after the import
                                       * (0 when nobody is me) */
  /* From the data archive. */
  guint64             files;          /* files of the archive read */
  guint64             messages;       /* messages counted (contents never kept) */
  guint64             interactions;   /* people I wrote to or heard from */
  guint64             invitations;    /* pending invitations */
  guint64             endorsements;
  guint64             recommendations;
  guint64             unmatched;      /* recommendations that name nobody
                                       * among my connections, or several */
  /* Provenance. */
  gint64              source;         /* the source this import is */
  gint64              same_as;        /* > 0: the file was imported as
                                       * that source already, and this
                                       * import changed nothing */
  char                same_imported[32]; /* when, ISO 8601 */
} CirclesImportReport;

/* Called now and then from the importing thread; fraction in 0..1. */
typedef void (*CirclesImportProgressFunc) (double   fraction,
                                           gpointer user_data);

/* An import warns when my 1st-degree circle reaches this share of the
 * network's cap (CIRCLES_FIRST_DEGREE_CAP). */
#define CIRCLES_IMPORT_CAP_WARNING 0.9

GQuark              circles_import_error_quark  (void);

gboolean            circles_import_format_from_string (const char          *name,
                                                       CirclesImportFormat *format);
const char         *circles_import_format_to_string   (CirclesImportFormat  format);

/* How to read a file, beyond its format. */
typedef struct
{
  const char *me_key;     /* --me: the person who is me, or NULL */
  const char *owner_key;  /* --owner: a Connections.csv (or a whole data
                           * archive) that is this person's own export,
                           * "me" for mine; NULL: mine */
  gboolean    refuse_foreign;  /* without an owner, refuse a
                                * Connections.csv that does not look
                                * like mine (see below) */
} CirclesImportOptions;

/* Imports @path in one transaction: on error the database is exactly as
 * it was. @me_key (may be NULL) names the person who is me. */
gboolean            circles_import_file         (CirclesStore              *store,
                                                 const char                *path,
                                                 CirclesImportFormat        format,
                                                 const char                *me_key,
                                                 CirclesImportReport       *report,
                                                 CirclesImportProgressFunc  progress,
                                                 gpointer                   progress_data,
                                                 GCancellable              *cancellable,
                                                 GError                   **error);

/* The same, with @options (NULL for none). With refuse_foreign and
 * without an owner, a Connections.csv of which fewer than half of the
 * people are already my connections, while I have some, is refused
 * (CIRCLES_IMPORT_ERROR_NOT_MINE): it is likely a colleague's. */
gboolean            circles_import_file_full    (CirclesStore               *store,
                                                 const char                 *path,
                                                 CirclesImportFormat         format,
                                                 const CirclesImportOptions *options,
                                                 CirclesImportReport        *report,
                                                 CirclesImportProgressFunc   progress,
                                                 gpointer                    progress_data,
                                                 GCancellable               *cancellable,
                                                 GError                    **error);

/* A profile URL as the key of its person, the way every importer keys
 * it: scheme and host in lower case, no query nor trailing slash. NULL
 * for a blank one. */
char               *circles_import_profile_key  (const char                 *url);
/* Whether a person's key is a profile URL (other files key people by
 * their names or ids). */
gboolean            circles_import_key_is_url   (const char                 *key);

G_END_DECLS
