/* robust-util.h: helpers of the robustness tests (crash, writers,
 * storage, hostile content, monkey)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The seed of a randomised test: $CIRCLES_TEST_SEED when set, else a
 * new one; printed either way so that a failure can be replayed. */
guint32   robust_seed            (void);

/* A SHA-256 of what the database holds (people, connections, follows,
 * groups, memberships, settings but the generation), read with SQLite
 * directly. *integrity (freed first: NULL or a string of an earlier
 * call) receives the result of PRAGMA integrity_check
 * ("ok" for a sound file). Returns NULL when the file cannot be read. */
char     *robust_db_digest       (const char   *db,
                                  char        **integrity);

/* Copies a database file (without -wal nor -shm: the source must be
 * closed); removes the destination's -wal and -shm. */
void      robust_copy_db         (const char   *from,
                                  const char   *to);

/* Writes an edge list "Source,Target,Weight": me knows @n_first people
 * "PREFIXi", then @n_edges random edges between @n_people people
 * "PREFIXi", weights in 0.1..1. Deterministic for a @seed. */
void      robust_write_edges     (const char   *path,
                                  const char   *prefix,
                                  guint         n_first,
                                  guint         n_people,
                                  guint         n_edges,
                                  guint32       seed);

/* Size of a file in bytes, -1 when missing. */
gint64    robust_file_size       (const char   *path);

G_END_DECLS
