/* circles-network.h: the in-memory snapshot of a network, and its circles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <gio/gio.h>

#include "circles-store.h"

G_BEGIN_DECLS

/* Degree of a person seen from me: 0 for me, 1..3 for the rings, and
 * CIRCLES_DEGREE_BEYOND for everyone farther or unreachable. */
#define CIRCLES_DEGREE_BEYOND 255u
#define CIRCLES_MAX_DEGREE    3u

/* The 1st-degree cap of the network (DOMAIN.md). */
#define CIRCLES_FIRST_DEGREE_CAP 30000u

#define CIRCLES_NO_PERSON G_MAXUINT32

typedef enum
{
  CIRCLES_FLAG_FOLLOWER     = 1 << 0, /* follows me and is not 1st */
  CIRCLES_FLAG_GROUP_MEMBER = 1 << 1, /* shares a group with me */
} CirclesPersonFlags;

typedef enum
{
  CIRCLES_CIRCLE_ME,
  CIRCLES_CIRCLE_FIRST,
  CIRCLES_CIRCLE_SECOND,
  CIRCLES_CIRCLE_THIRD,
  CIRCLES_CIRCLE_FOLLOWER,
  CIRCLES_CIRCLE_GROUP_MEMBER,
  CIRCLES_CIRCLE_OUT_OF_NETWORK,
} CirclesCircle;

typedef struct
{
  guint64 people;         /* everyone but me */
  guint64 connections;    /* every connection, mine included */
  guint64 first;
  guint64 second;
  guint64 third;
  guint64 followers;
  guint64 group_members;
  guint64 out_of_network;
} CirclesCounts;

typedef struct _CirclesNetwork CirclesNetwork;

#define CIRCLES_NETWORK_ERROR (circles_network_error_quark ())

typedef enum
{
  CIRCLES_NETWORK_ERROR_NO_ME,
  CIRCLES_NETWORK_ERROR_TOO_BIG,
} CirclesNetworkError;

GQuark          circles_network_error_quark      (void);

/* Loads people and connections in one pass, then classifies them. */
CirclesNetwork *circles_network_load             (CirclesStore    *store,
                                                  GCancellable    *cancellable,
                                                  GError         **error);
/* Writes the snapshot file the next load will map, if it is not current. */
gboolean        circles_network_save_snapshot    (CirclesStore    *store,
                                                  GCancellable    *cancellable,
                                                  GError         **error);
void            circles_network_load_async       (CirclesStore    *store,
                                                  GCancellable    *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer         user_data);
CirclesNetwork *circles_network_load_finish      (GAsyncResult    *result,
                                                  GError         **error);

CirclesNetwork *circles_network_ref              (CirclesNetwork  *self);
void            circles_network_unref            (CirclesNetwork  *self);

guint           circles_network_get_n_people     (CirclesNetwork  *self); /* me included */
guint64         circles_network_get_n_connections(CirclesNetwork  *self);
guint           circles_network_get_me           (CirclesNetwork  *self);
const CirclesCounts *
                circles_network_get_counts       (CirclesNetwork  *self);
void            circles_network_count_subset     (CirclesNetwork  *self,
                                                  const guint8    *subset,
                                                  CirclesCounts   *counts);

/* People are numbered 0..n-1 in the snapshot. */
guint           circles_network_lookup           (CirclesNetwork  *self,
                                                  const char      *key);
/* The person of database id @id, or CIRCLES_NO_PERSON. */
guint           circles_network_find_id          (CirclesNetwork  *self,
                                                  gint64           id);
gint64          circles_network_get_id           (CirclesNetwork  *self,
                                                  guint            person);
const char     *circles_network_get_key          (CirclesNetwork  *self,
                                                  guint            person);
const char     *circles_network_get_name         (CirclesNetwork  *self,
                                                  guint            person);
const char     *circles_network_get_company      (CirclesNetwork  *self,
                                                  guint            person);
const char     *circles_network_get_position     (CirclesNetwork  *self,
                                                  guint            person);
const char     *circles_network_get_profile_url  (CirclesNetwork  *self,
                                                  guint            person);
guint           circles_network_get_degree       (CirclesNetwork  *self,
                                                  guint            person);
guint           circles_network_get_flags        (CirclesNetwork  *self,
                                                  guint            person);
CirclesCircle   circles_network_get_circle       (CirclesNetwork  *self,
                                                  guint            person);
/* Number of shortest chains from me (1 for me and the 1st degree, 0
 * beyond the 3rd). Exact: it is bounded by 30,000 × n × n. */
guint64         circles_network_count_chains     (CirclesNetwork  *self,
                                                  guint            person);
/* The BFS parent: the warmest neighbour one step closer to me. */
guint           circles_network_get_parent       (CirclesNetwork  *self,
                                                  guint            person);

/* Adjacency (compressed sparse rows). */
guint           circles_network_get_n_neighbours (CirclesNetwork  *self,
                                                  guint            person);
const guint32  *circles_network_get_neighbours   (CirclesNetwork  *self,
                                                  guint            person);
/* Which of @person's connections @other is (an index for
 * circles_network_get_strength()), or G_MAXUINT when they are not
 * connected. */
guint           circles_network_find_neighbour   (CirclesNetwork  *self,
                                                  guint            person,
                                                  guint            other);
/* The day the i-th connection of @person was made (1 is 1970-01-01),
 * 0 when unknown. */
guint           circles_network_get_day          (CirclesNetwork  *self,
                                                  guint            person,
                                                  guint            i);
/* The circles as they were at the end of @day, counting only the
 * connections made by then (one without a date counts from the start). */
void            circles_network_count_at         (CirclesNetwork  *self,
                                                  guint            day,
                                                  CirclesCounts   *counts);
/* The day of a date written exactly "YYYY-MM-DD"; FALSE when it is not
 * one. */
gboolean        circles_day_from_iso             (const char      *text,
                                                  guint           *day);
/* The Julian day (as GDate counts them) of such a day; 0 for 0. */
guint32         circles_day_to_julian            (guint            day);

/* Strength of the i-th connection of @person, in 0..1 (1 when unknown). */
double          circles_network_get_strength     (CirclesNetwork  *self,
                                                  guint            person,
                                                  guint            i);

/* Seconds spent reading the store and classifying, for the benchmark. */
void            circles_network_get_timings      (CirclesNetwork  *self,
                                                  double          *read_seconds,
                                                  double          *classify_seconds);

/* The strength of one connection, in 0..1, from what the data says:
 *
 *   strength = w × r × t
 *   w: the connection's Weight, 0..1 (1 when unknown)
 *   r: rating / 5 for the 1..5 rating the user set (0.6, a rating of 3,
 *      when unrated; 0 or less means unrated)
 *   t: 0.5 + 0.5 × 2^(−years / 5), years since the connection was made:
 *      ties fade, by half of what is left every 5 years, to a floor of
 *      0.5 (0.75, five years, when the date is unknown: years < 0)
 *
 * A chain's warmth is the product of the strengths of its connections;
 * among the shortest chains the warmest come first (circles-paths.h).
 * The unknown cases take constant values, so that chains of equal length
 * without the data keep their order. A network whose connections carry
 * no weight, rating or date at all has every strength 1. */
double          circles_connection_strength      (double           weight,
                                                  int              rating,
                                                  double           years);
/* The same, with the r that our interactions give an unrated
 * connection of mine (circles_interaction_warmth(), -1 when none). */
double          circles_connection_strength_warm (double           weight,
                                                  int              rating,
                                                  double           warmth,
                                                  double           years);

const char     *circles_circle_to_string         (CirclesCircle    circle);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CirclesNetwork, circles_network_unref)

G_END_DECLS
