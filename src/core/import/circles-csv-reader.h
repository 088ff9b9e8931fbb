/* circles-csv-reader.h: a streaming RFC 4180 reader that knows its lines
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _CirclesCsvReader CirclesCsvReader;

/* Opens @path for reading; errors are CIRCLES_IMPORT_ERROR. */
CirclesCsvReader *circles_csv_reader_new       (const char        *path,
                                                GError           **error);
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
