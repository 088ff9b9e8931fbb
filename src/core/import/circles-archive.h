/* circles-archive.h: the data archive, as a zip or as the folder it was unpacked to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "circles-csv-reader.h"

G_BEGIN_DECLS

typedef struct _CirclesArchive CirclesArchive;

/* An entry may not inflate past this, nor past RATIO times its packed
 * size (a zip bomb is bad input, not a reason to fill the memory). */
#define CIRCLES_ARCHIVE_MAX_ENTRY_SIZE  (G_GUINT64_CONSTANT (1) << 30)
#define CIRCLES_ARCHIVE_MAX_RATIO       1000

/* TRUE when @path is a zip file, or a folder (which must hold
 * Connections.csv, at most a few folders down). */
gboolean          circles_archive_is_archive (const char      *path);

/* Opens the archive at @path (zip or folder) and finds its
 * Connections.csv: the other files are looked for beside it. An archive
 * without one is an error, as is a corrupt, truncated or encrypted
 * zip. Errors are CIRCLES_IMPORT_ERROR. */
CirclesArchive   *circles_archive_open       (const char      *path,
                                              GError         **error);
/* A reader of the file @name beside Connections.csv (the case of the
 * name does not matter), streaming from the zip; NULL without an error
 * when there is none. Messages name "ARCHIVE: ENTRY". One reader at a
 * time: open the next once this one is freed. */
CirclesCsvReader *circles_archive_open_file  (CirclesArchive  *self,
                                              const char      *name,
                                              GError         **error);
/* "me.zip: messages.csv", for messages about a whole file. */
char             *circles_archive_display_name (CirclesArchive *self,
                                                const char     *name);
void              circles_archive_free       (CirclesArchive  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CirclesArchive, circles_archive_free)

G_END_DECLS
