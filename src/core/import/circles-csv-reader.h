/* circles-csv-reader.h: a streaming RFC 4180 reader that knows its lines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _CirclesCsvReader CirclesCsvReader;

/* Reads up to @count bytes into @buffer: the number read, 0 at the end,
 * -1 with @error set. */
typedef gssize (*CirclesCsvReadFunc) (gpointer   data,
                                      void      *buffer,
                                      gsize      count,
                                      GError   **error);

/* Opens @path for reading; errors are CIRCLES_IMPORT_ERROR. */
CirclesCsvReader *circles_csv_reader_new       (const char        *path,
                                                GError           **error);
CirclesCsvReader *circles_csv_reader_new_for_stream (const char         *display,
                                                     guint64             size,
                                                     CirclesCsvReadFunc  read_func,
                                                     gpointer            read_data);
/* A record with more non-empty fields than @max_fields (the header's)
 * is an error; 0, the default, allows any number. */
void              circles_csv_reader_set_max_fields (CirclesCsvReader *self,
                                                     guint             max_fields);
/* Reads one record. Returns FALSE at the end of the file (error unset)
 * or on malformed input (error set, naming file, line and column).
 * The fields stay valid until the next call. */
gboolean          circles_csv_reader_next      (CirclesCsvReader  *self,
                                                char            ***fields,
                                                guint             *n_fields,
                                                GError           **error);
/* The line where the last record read began (1-based). */
guint64           circles_csv_reader_get_line  (CirclesCsvReader  *self);
/* Fraction of the file read so far, for progress. */
double            circles_csv_reader_get_fraction (CirclesCsvReader *self);
const char       *circles_csv_reader_get_path  (CirclesCsvReader  *self);
/* The path as it is shown in messages. */
const char       *circles_csv_reader_get_display_name (CirclesCsvReader *self);
void              circles_csv_reader_free      (CirclesCsvReader  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CirclesCsvReader, circles_csv_reader_free)

G_END_DECLS
