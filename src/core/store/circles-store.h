/* circles-store.h: the SQLite database, the only code that speaks SQL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "circles-interaction.h"

G_BEGIN_DECLS

#define CIRCLES_STORE_ERROR (circles_store_error_quark ())

typedef enum
{
  CIRCLES_STORE_ERROR_OPEN,        /* cannot open or create the file */
  CIRCLES_STORE_ERROR_NOT_CIRCLES, /* a file that is not a Circles database */
  CIRCLES_STORE_ERROR_CORRUPT,     /* damaged database */
  CIRCLES_STORE_ERROR_TOO_NEW,     /* written by a newer Circles */
  CIRCLES_STORE_ERROR_BUSY,        /* another program holds the lock */
  CIRCLES_STORE_ERROR_READ_ONLY,   /* cannot write the file */
  CIRCLES_STORE_ERROR_FULL,        /* the disk is full */
  CIRCLES_STORE_ERROR_NO_ME,       /* nobody is "me" yet */
  CIRCLES_STORE_ERROR_NOT_FOUND,   /* no such source, person or connection */
  CIRCLES_STORE_ERROR_EXISTS,      /* a person of that key is there already */
  CIRCLES_STORE_ERROR_CHANGED,     /* an undo of a state that is gone */
  CIRCLES_STORE_ERROR_FAILED,      /* anything else SQLite reports */
} CirclesStoreError;

/* The schema version this build writes; PRAGMA user_version. */
#define CIRCLES_STORE_SCHEMA_VERSION 10

/* Fields of a person that an importer may know; NULL means "not known",
 * and never overwrites what the database already holds. */
typedef struct
{
  const char *display_name;
  const char *first_name;
  const char *last_name;
  const char *position;
  const char *company;
  const char *location;
  const char *profile_url;
  const char *email;
  const char *connected_on; /* ISO 8601 date, YYYY-MM-DD */
  const char *notes;
} CirclesPersonFields;

/* One row of the people table, as handed to a foreach callback. */
typedef struct
{
  gint64      id;
  const char *key;
  const char *display_name;
  const char *position;
  const char *company;
  const char *location;
  const char *profile_url;
} CirclesPersonRow;

/* What the current transaction added (reset by begin). */
typedef struct
{
  guint64 people_added;
  guint64 connections_added;
  guint64 follows_added;
  guint64 memberships_added;
} CirclesStoreChanges;

typedef void (*CirclesStorePersonFunc)     (const CirclesPersonRow *row,
                                            gpointer                user_data);
/* strength is negative when the connection has none recorded. */
typedef void (*CirclesStoreConnectionFunc) (gint64                  a,
                                            gint64                  b,
                                            double                  strength,
                                            gpointer                user_data);
/* One connection with all that it records. */
typedef struct
{
  gint64      a;
  gint64      b;
  double      weight;  /* 0..1, negative when unknown */
  int         rating;  /* 1..5 the user set, 0 when unrated */
  const char *since;   /* ISO date, or NULL */
} CirclesConnectionRow;

typedef void (*CirclesStoreConnectionRowFunc) (const CirclesConnectionRow *row,
                                               gpointer                    user_data);
typedef void (*CirclesStoreIdFunc)         (gint64                  id,
                                            gpointer                user_data);
typedef void (*CirclesStoreMembershipFunc) (const char             *group,
                                            gint64                  person,
                                            gpointer                user_data);

#define CIRCLES_TYPE_STORE (circles_store_get_type ())

G_DECLARE_FINAL_TYPE (CirclesStore, circles_store, CIRCLES, STORE, GObject)

GQuark        circles_store_error_quark          (void);

/* $XDG_DATA_HOME/circles/network.db */
char         *circles_store_default_path         (void);

CirclesStore *circles_store_open                 (const char                 *path,
                                                  GError                    **error);
const char   *circles_store_get_path             (CirclesStore               *self);

/* Transactions: every import is exactly one. */
gboolean      circles_store_begin                (CirclesStore               *self,
                                                  GError                    **error);
gboolean      circles_store_commit               (CirclesStore               *self,
                                                  GError                    **error);
void          circles_store_rollback             (CirclesStore               *self);
gboolean      circles_store_in_transaction       (CirclesStore               *self);
/* A read transaction: what is read between the two calls is one
 * consistent state, whatever other programs commit meanwhile. */
gboolean      circles_store_begin_read           (CirclesStore               *self,
                                                  GError                    **error);
void          circles_store_end_read             (CirclesStore               *self);
/* Counts the commits made through any store: data of the same
 * generation is the same data. */
gint64        circles_store_get_generation       (CirclesStore               *self);
const CirclesStoreChanges *
              circles_store_get_changes          (CirclesStore               *self);

/* Writing (inside a transaction). Ids are > 0; -1 signals an error. */
gint64        circles_store_ensure_person        (CirclesStore               *self,
                                                  const char                 *key,
                                                  GError                    **error);
/* circles_store_ensure_person() for each of @keys, into @ids; faster
 * than one by one. FALSE on error. */
gboolean      circles_store_ensure_people        (CirclesStore               *self,
                                                  const char * const         *keys,
                                                  guint                       n_keys,
                                                  gint64                     *ids,
                                                  GError                    **error);
gboolean      circles_store_update_person        (CirclesStore               *self,
                                                  gint64                      id,
                                                  const CirclesPersonFields  *fields,
                                                  GError                    **error);
gboolean      circles_store_add_connection       (CirclesStore               *self,
                                                  gint64                      a,
                                                  gint64                      b,
                                                  double                      strength,
                                                  const char                 *since,
                                                  GError                    **error);
/* For weights whose scale is known only once every one is read: each
 * @weight (≥ 0, or negative when none) is divided by the divisor set
 * with circles_store_set_weight_divisor() when the connections are
 * written (at commit, or when they are first read). A transaction that
 * adds weighted connections gives no strength to add_connection(). */
gboolean      circles_store_add_weighted_connection (CirclesStore            *self,
                                                  gint64                      a,
                                                  gint64                      b,
                                                  double                      weight,
                                                  GError                    **error);
/* @divisor ≥ 1; 1 until set. */
void          circles_store_set_weight_divisor   (CirclesStore               *self,
                                                  double                      divisor);
gboolean      circles_store_add_follow           (CirclesStore               *self,
                                                  gint64                      follower,
                                                  gint64                      followed,
                                                  GError                    **error);
gint64        circles_store_ensure_group         (CirclesStore               *self,
                                                  const char                 *name,
                                                  GError                    **error);
gboolean      circles_store_add_membership       (CirclesStore               *self,
                                                  gint64                      group_id,
                                                  gint64                      person,
                                                  GError                    **error);
gboolean      circles_store_set_me               (CirclesStore               *self,
                                                  gint64                      id,
                                                  GError                    **error);

/* Reading. */
gint64        circles_store_get_me               (CirclesStore               *self);
gint64        circles_store_lookup_person        (CirclesStore               *self,
                                                  const char                 *key);
gint64        circles_store_count_people         (CirclesStore               *self);
gint64        circles_store_count_connections    (CirclesStore               *self);
gint64        circles_store_max_person_id        (CirclesStore               *self);
/* The number of connections @person has (-1 on error). */
gint64        circles_store_count_connections_of (CirclesStore               *self,
                                                  gint64                      person);
gboolean      circles_store_foreach_person       (CirclesStore               *self,
                                                  CirclesStorePersonFunc      func,
                                                  gpointer                    user_data,
                                                  GError                    **error);
gboolean      circles_store_foreach_connection   (CirclesStore               *self,
                                                  CirclesStoreConnectionFunc  func,
                                                  gpointer                    user_data,
                                                  GError                    **error);
gboolean      circles_store_foreach_connection_row (CirclesStore                  *self,
                                                    CirclesStoreConnectionRowFunc  func,
                                                    gpointer                       user_data,
                                                    GError                       **error);
/* The 1..5 rating of the connection a–b, 0 when unrated; -1 when there
 * is no such connection (@error unset), or when the database cannot be
 * read (@error set). */
int           circles_store_get_rating           (CirclesStore               *self,
                                                  gint64                      a,
                                                  gint64                      b,
                                                  GError                    **error);
/* Sets the 1..5 rating of the connection a–b (0 clears it), in a
 * transaction of its own; an unknown connection is an error. The commit
 * makes the snapshot file stale, so the next load sees the new
 * strength. */
gboolean      circles_store_set_rating           (CirclesStore               *self,
                                                  gint64                      a,
                                                  gint64                      b,
                                                  int                         rating,
                                                  GError                    **error);
/* The people connected to @person. */
gboolean      circles_store_foreach_connection_of (CirclesStore              *self,
                                                   gint64                     person,
                                                   CirclesStoreIdFunc         func,
                                                   gpointer                   user_data,
                                                   GError                   **error);
/* People who follow @followed. */
gboolean      circles_store_foreach_follower     (CirclesStore               *self,
                                                  gint64                      followed,
                                                  CirclesStoreIdFunc          func,
                                                  gpointer                    user_data,
                                                  GError                    **error);
/* People other than @person who share at least one group with @person. */
gboolean      circles_store_foreach_group_fellow (CirclesStore               *self,
                                                  gint64                      person,
                                                  CirclesStoreIdFunc          func,
                                                  gpointer                    user_data,
                                                  GError                    **error);
/* Every group membership: the group's name and the member's id. */
gboolean      circles_store_foreach_membership   (CirclesStore               *self,
                                                  CirclesStoreMembershipFunc  func,
                                                  gpointer                    user_data,
                                                  GError                    **error);

/* Why a 3rd-degree approach is acceptable (DOMAIN.md), as the user
 * records it on a person. */
typedef enum
{
  CIRCLES_REASON_EVENT      = 1 << 0, /* met at an event */
  CIRCLES_REASON_ALUMNI     = 1 << 1, /* former schoolmate, internship, training */
  CIRCLES_REASON_HIGH_VALUE = 1 << 2, /* an exceptional offer or expertise they need */
  CIRCLES_REASON_COMMENTS   = 1 << 3, /* an exchange in the comments of a post */
} CirclesReasons;

#define CIRCLES_REASONS_ALL 0xfu

/* The reasons recorded on a person (0 when none, or on error). */
guint         circles_store_get_reasons          (CirclesStore               *self,
                                                  gint64                      person);
/* Replaces them, in a transaction of its own. The network snapshot does
 * not hold reasons, so this leaves the snapshot file current. */
gboolean      circles_store_set_reasons          (CirclesStore               *self,
                                                  gint64                      person,
                                                  guint                       reasons,
                                                  GError                    **error);

/* Within an import: the messages between me and @person (counts and the
 * day of the last), replacing what was recorded. */
gboolean      circles_store_set_messages         (CirclesStore               *self,
                                                  gint64                      person,
                                                  guint                       sent,
                                                  guint                       received,
                                                  const char                 *last,
                                                  GError                    **error);
/* Within an import: a pending invitation between me and @person. */
gboolean      circles_store_set_invitation       (CirclesStore               *self,
                                                  gint64                      person,
                                                  CirclesInvitation           invitation,
                                                  const char                 *date,
                                                  GError                    **error);
/* Within an import: @skill endorsed, by me (@given) or by @person. The
 * same endorsement recorded again changes nothing. */
gboolean      circles_store_add_endorsement      (CirclesStore               *self,
                                                  gint64                      person,
                                                  const char                 *skill,
                                                  gboolean                    given,
                                                  const char                 *date,
                                                  GError                    **error);
/* Within an import: how many recommendations I gave @person (@given)
 * or received from them, replacing what was recorded. */
gboolean      circles_store_set_recommendations  (CirclesStore               *self,
                                                  gint64                      person,
                                                  gboolean                    given,
                                                  guint                       count,
                                                  GError                    **error);
/* The connections of @of named @first_name @last_name (without case,
 * ASCII), as ids; NULL with @error set when the database fails. */
GArray       *circles_store_find_connections_named (CirclesStore             *self,
                                                    gint64                    of,
                                                    const char               *first_name,
                                                    const char               *last_name,
                                                    GError                  **error);
/* Everything recorded between me and @person, skills included; an
 * empty @interaction when there is nothing. */
gboolean      circles_store_get_interaction      (CirclesStore               *self,
                                                  gint64                      person,
                                                  CirclesInteraction         *interaction,
                                                  GError                    **error);
typedef void (*CirclesStoreInteractionFunc) (gint64                    person,
                                             const CirclesInteraction *interaction,
                                             gpointer                  user_data);
/* Every person with an interaction (skills left NULL, counted). */
gboolean      circles_store_foreach_interaction  (CirclesStore               *self,
                                                  CirclesStoreInteractionFunc func,
                                                  gpointer                    user_data,
                                                  GError                    **error);
/* Within an import: gives @person the key @key. When another person has
 * it, that person is merged into @person (their connections, follows,
 * memberships and interactions become @person's) and removed. */
gboolean      circles_store_set_person_key       (CirclesStore               *self,
                                                  gint64                      person,
                                                  const char                 *key,
                                                  GError                    **error);
/* The key of @person, or NULL. */
char         *circles_store_get_person_key       (CirclesStore               *self,
                                                  gint64                      person);

/* Where rows came from (circles-store-sources.c). Each import is a
 * source; so are the edits made by hand, all together. */
typedef struct
{
  const char *file;      /* the file read, or NULL */
  const char *format;    /* "linkedin", "archive", "csv", "dot",
                          * "graphml", "followers", "groups", "demo",
                          * "hand"; "legacy" for what was imported
                          * before sources were kept */
  gint64      owner;     /* whose export it is: a person, -1 for me
                          * (as me is at commit), 0 for nobody's */
  const char *checksum;  /* of the file's content, or NULL */
  gboolean    replaces;  /* all of the owner's connections: an older
                          * such export of the same owner is replaced */
} CirclesSourceInfo;

typedef struct
{
  gint64      id;
  const char *file;
  const char *format;
  const char *owner_key;   /* NULL when nobody's */
  const char *owner_name;  /* NULL when unknown */
  gboolean    owner_is_me;
  const char *imported;    /* ISO 8601, UTC */
  gint64      people;      /* people it brought, or brought again */
  gint64      connections;
} CirclesSourceRow;

typedef void (*CirclesStoreSourceFunc) (const CirclesSourceRow *row,
                                        gpointer                user_data);

/* Within a transaction, before it writes: its rows belong to a new
 * source. Without one they belong to the "legacy" source. */
gboolean      circles_store_begin_source         (CirclesStore               *self,
                                                  const CirclesSourceInfo    *info,
                                                  GError                    **error);
/* Within a transaction: says what its source is, once it is known
 * (the format of a file is known after its first lines). */
gboolean      circles_store_describe_source      (CirclesStore               *self,
                                                  const CirclesSourceInfo    *info,
                                                  GError                    **error);
/* The source of the current transaction (0 when none was begun). */
gint64        circles_store_get_source           (CirclesStore               *self);
/* The latest source with the content @checksum, the owner @owner (0:
 * nobody's) and the format @format (NULL: any), with when it was
 * imported; 0 when none. */
gint64        circles_store_find_source          (CirclesStore               *self,
                                                  const char                 *checksum,
                                                  gint64                      owner,
                                                  const char                 *format,
                                                  char                      **imported);
gboolean      circles_store_foreach_source       (CirclesStore               *self,
                                                  CirclesStoreSourceFunc      func,
                                                  gpointer                    user_data,
                                                  GError                    **error);
/* Takes back, in one transaction, what source @id alone brought:
 * connections, follows, memberships, people (never me), messages and
 * endorsements no other source has. With @undo, what undoes it. */
gboolean      circles_store_forget_source        (CirclesStore               *self,
                                                  gint64                      id,
                                                  GBytes                    **undo,
                                                  GError                    **error);
/* Edits by hand, each in a transaction of its own, belonging to the
 * source of the edits by hand; with @undo, what undoes it. */
gboolean      circles_store_link                 (CirclesStore               *self,
                                                  gint64                      a,
                                                  gint64                      b,
                                                  GBytes                    **undo,
                                                  GError                    **error);
gboolean      circles_store_unlink               (CirclesStore               *self,
                                                  gint64                      a,
                                                  gint64                      b,
                                                  GBytes                    **undo,
                                                  GError                    **error);
/* A new person of key @key (an error when someone has it), connected
 * to @link_to unless 0. */
gint64        circles_store_add_person           (CirclesStore               *self,
                                                  const char                 *key,
                                                  const CirclesPersonFields  *fields,
                                                  gint64                      link_to,
                                                  GBytes                    **undo,
                                                  GError                    **error);
/* Undoes a forget or an edit, while the database is still at the
 * @generation it left (CIRCLES_STORE_ERROR_CHANGED otherwise). */
gboolean      circles_store_undo                 (CirclesStore               *self,
                                                  GBytes                     *undo,
                                                  gint64                      generation,
                                                  GError                    **error);

/* The texts of a person kept in a snapshot, in this order. */
typedef enum
{
  CIRCLES_TEXT_KEY,
  CIRCLES_TEXT_NAME,
  CIRCLES_TEXT_COMPANY,
  CIRCLES_TEXT_POSITION,
  CIRCLES_TEXT_URL,
  CIRCLES_N_TEXTS
} CirclesText;

/* A network snapshot in its in-memory form, kept in a file beside the
 * database (circles-store-snapshot.c) so that opening a big network maps
 * a few arrays instead of reading every row: people numbered in id
 * order, their texts in one pool, the connections as compressed sparse
 * rows. It is valid while the data it was made from is unchanged: every
 * commit makes it stale. */
typedef struct
{
  gint64   generation;    /* of the data it was made from */
  guint32  n_people;
  guint64  n_entries;     /* twice the number of connections */
  guint64  text_size;
  gint64  *ids;           /* n_people database ids, ascending */
  guint32 *text_offsets;  /* CIRCLES_N_TEXTS × n_people offsets into text;
                           * 0 is the empty string */
  char    *text;          /* text_size bytes of NUL-terminated strings */
  guint32 *offsets;       /* n_people + 1 */
  guint32 *adjacency;     /* n_entries */
  float   *strengths;     /* n_entries, or NULL when every strength is 1 */
  guint16 *days;          /* n_entries: the day each connection was made
                           * (circles_network_get_day()), or NULL when no
                           * connection has one */
  GBytes  *backing;       /* the mapped file the arrays lie in, read-only;
                           * NULL when they were allocated with g_malloc */
} CirclesSnapshotCache;

/* The snapshot file of this database: its path with ".snapshot". */
char         *circles_store_get_snapshot_path    (CirclesStore               *self);
/* Maps the file when it was made from the database as it is now; FALSE
 * otherwise. Call within a read transaction. */
gboolean      circles_store_read_snapshot_cache  (CirclesStore               *self,
                                                  CirclesSnapshotCache       *cache);
/* Best effort: a database changed since @cache->generation, or a folder
 * that cannot be written to, keeps no file. */
void          circles_store_write_snapshot_cache (CirclesStore               *self,
                                                  const CirclesSnapshotCache *cache);
void          circles_snapshot_cache_clear       (CirclesSnapshotCache       *cache);

G_END_DECLS
