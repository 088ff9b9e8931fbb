/* circles-store-private.h: what the files of the store share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The store is one object over several files, each for what it holds
 * (as Epiphany's history service is one API over a file per table):
 *   circles-store.c              open, header checks, transactions,
 *                                people, connections, follows, groups
 *   circles-store-schema.c       the schema and its migrations
 *   circles-store-annotations.c  what the user and the archive add to
 *                                people: reasons, ratings, interactions
 *   circles-store-snapshot.c     the snapshot file beside the database
 *   circles-store-sources.c      where rows came from: sources, taking
 *                                one back, hand edits, undo
 * This header is for them only; SQL never leaves these files.
 */
#pragma once

/* Debian's SQLite has the session extension, which undo uses; its
 * declarations are behind this. */
#ifndef SQLITE_ENABLE_SESSION
#define SQLITE_ENABLE_SESSION 1
#endif
#include <sqlite3.h>

#include "circles-connection-buffer.h"
#include "circles-key-table.h"
#include "circles-store.h"

G_BEGIN_DECLS

/* "Circ": written in the header's application_id field. */
#define CIRCLES_APPLICATION_ID 0x43697263

typedef enum
{
  STMT_LOOKUP_PERSON,
  STMT_INSERT_PERSON,
  STMT_INSERT_PERSON_ID,
  STMT_UPDATE_PERSON,
  STMT_INSERT_CONNECTION,
  STMT_UPDATE_CONNECTION,
  STMT_INSERT_FOLLOW,
  STMT_LOOKUP_GROUP,
  STMT_INSERT_GROUP,
  STMT_INSERT_MEMBERSHIP,
  STMT_GET_ME,
  STMT_SET_ME,
  STMT_BUMP_GENERATION,
  STMT_GET_GENERATION,
  STMT_GET_REASONS,
  STMT_SET_REASONS,
  STMT_GET_RATING,
  STMT_SET_RATING,
  STMT_PERSON_EXISTS,
  STMT_GROUP_EXISTS,
  STMT_PEOPLE_RANGE,
  STMT_SET_MESSAGES,
  STMT_SET_INVITATION,
  STMT_ADD_ENDORSEMENT,
  STMT_SET_RECOMMENDATIONS_GIVEN,
  STMT_SET_RECOMMENDATIONS_RECEIVED,
  STMT_FIND_CONNECTIONS_NAMED,
  STMT_GET_INTERACTION,
  STMT_GET_SKILLS,
  STMT_GET_KEY,
  STMT_SET_KEY,
  STMT_ALSO_PERSON,
  STMT_ALSO_CONNECTION,
  STMT_ALSO_FOLLOW,
  STMT_ALSO_MEMBERSHIP,
  STMT_FIELDS_BEFORE,
  STMT_FIELDS_GIVEN,
  N_STMTS
} StmtId;

typedef struct
{
  gint64      id;
  const char *key;  /* the key cache's copy */
} PendingPerson;

struct _CirclesStore
{
  GObject              parent_instance;

  char                *path;
  sqlite3             *db;
  char                *file_id;     /* in open_files */
  sqlite3_stmt        *stmts[N_STMTS];
  CirclesKeyTable     *key_cache;   /* key -> id, valid within a transaction */
  CirclesConnectionBuffer *pending;  /* within a transaction */
  sqlite3_stmt        *insert_rows; /* INSERT of CONNECTION_ROWS connections at once */
  sqlite3_stmt        *insert_rows_3; /* the same, without since */
  GArray              *pending_people;  /* of PendingPerson, within a transaction */
  sqlite3_stmt        *insert_people;   /* INSERT of PEOPLE_ROWS people at once */
  gint64               written_person_id;  /* people above this id are pending */
  CirclesStoreChanges  changes;
  double               weight_divisor;  /* within a transaction */
  /* Provenance, within a transaction: the source its rows belong to
   * (0 until one is begun: what has none), the people there before it
   * began that it refers to, and the connections there before it that
   * it brings again. */
  gint64               source_id;
  gint64               source_owner;  /* as begun; -1: me, at commit */
  gint64               begin_max_id;
  GHashTable          *touched_people;  /* of gint64 ids */
  guint64              connections_held;
  sqlite3_session     *session;  /* recording for undo, or NULL */
  guint                source_replaces : 1;
  guint                source_finished : 1;  /* finish_source() ran */
  gint64               max_person_id;  /* within a transaction */
  guint                in_transaction : 1;
  guint                in_read : 1;
  guint                dense_ids : 1;  /* people ids are exactly 1..max_person_id */
  guint                keys_cached : 1;    /* every key of the table is in key_cache */
  guint                weighted : 1;       /* strengths pending are weights to divide */
  guint                strengths : 1;      /* strengths pending are strengths */
  guint                weights_written : 1;
  guint                key_index_dropped : 1;  /* people_key, until commit */
};

/* Each entry migrates from version i to version i + 1. */
extern const char * const _circles_store_migrations[CIRCLES_STORE_SCHEMA_VERSION];

gboolean       _circles_store_set_sqlite_error (CirclesStore  *self,
                                                int            rc,
                                                GError       **error);
/* Runs @sql (no rows). */
gboolean       _circles_store_exec             (CirclesStore  *self,
                                                const char    *sql,
                                                GError       **error);
/* Prepares a one-off query; the caller finalizes it. */
sqlite3_stmt  *_circles_store_prepare          (CirclesStore  *self,
                                                const char    *sql,
                                                GError       **error);
/* Runs a prepared statement that returns no row; resets it. */
gboolean       _circles_store_step_done        (CirclesStore  *self,
                                                sqlite3_stmt  *stmt,
                                                GError       **error);
/* Runs a prepared statement for a single integer; 0 when no row. */
gint64         _circles_store_step_int         (CirclesStore  *self,
                                                sqlite3_stmt  *stmt,
                                                GError       **error);
void           _circles_store_bind_text_or_null (sqlite3_stmt *stmt,
                                                 int           column,
                                                 const char   *text);
/* Ends a read loop: TRUE when the statement ran to its end. */
gboolean       _circles_store_finish_rows      (CirclesStore  *self,
                                                sqlite3_stmt  *stmt,
                                                int            rc,
                                                GError       **error);
/* Within a transaction: writes the people and the connections kept
 * back so far, so that SQL sees them. */
gboolean       _circles_store_flush_people     (CirclesStore  *self,
                                                GError       **error);
gboolean       _circles_store_flush_connections (CirclesStore  *self,
                                                 GError       **error);
gboolean       _circles_store_restore_key_index (CirclesStore  *self,
                                                 GError       **error);
/* Within a transaction: @person, there before it began, is referred to
 * by it: its source holds them too. */
static inline void
_circles_store_touch_person (CirclesStore *self,
                             gint64        person)
{
  if (person <= self->begin_max_id && !g_hash_table_contains (self->touched_people, &person))
    g_hash_table_add (self->touched_people, g_memdup2 (&person, sizeof person));
}
/* At commit: what the source of the transaction holds, its counts, and
 * the older exports it replaces (circles-store-sources.c). */
gboolean       _circles_store_finish_source    (CirclesStore  *self,
                                                GError       **error);
/* In a transaction of its own, recording what changes in @undo when
 * not NULL (circles-store-sources.c). */
gboolean       _circles_store_begin_recorded   (CirclesStore  *self,
                                                gboolean       record,
                                                GError       **error);
gboolean       _circles_store_commit_recorded  (CirclesStore  *self,
                                                GBytes       **undo,
                                                GError       **error);

G_END_DECLS
