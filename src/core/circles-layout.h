/* circles-layout.h: where every person goes (rings, paths); the only Graphviz user
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "circles-network.h"
#include "circles-paths.h"

G_BEGIN_DECLS

/* Coordinates are in layout units (1 unit = 1 typographic point, as in
 * Graphviz), me at (0, 0), y growing downwards. */

typedef enum
{
  CIRCLES_LAYOUT_RINGS, /* me at the centre, the 1st, 2nd and 3rd rings */
  CIRCLES_LAYOUT_PATHS, /* me -> introducers -> a target, left to right */
} CirclesLayoutKind;

typedef enum
{
  CIRCLES_LAYOUT_ENGINE_AUTO,   /* twopi up to CIRCLES_LAYOUT_TWOPI_MAX_PEOPLE */
  CIRCLES_LAYOUT_ENGINE_TWOPI,  /* Graphviz twopi, in process */
  CIRCLES_LAYOUT_ENGINE_RADIAL, /* the linear-time radial placement */
  CIRCLES_LAYOUT_ENGINE_DOT,    /* Graphviz dot (paths only) */
} CirclesLayoutEngine;

/* Where AUTO switches from twopi to the radial placement, in ring people.
 * Measured with tests/bench/layout/bench-layout --switch (demo networks):
 * twopi in process costs ~22 µs per person (plus ~100 ms to load its
 * plugins the first time), the radial placement ~0.17 µs; twopi stays
 * near 20 ms up to about 1,000 ring people. */
#define CIRCLES_LAYOUT_TWOPI_MAX_PEOPLE 1000u

#define CIRCLES_LAYOUT_NO_NODE G_MAXUINT32

typedef enum
{
  CIRCLES_LAYOUT_NODE_ME     = 1 << 0,
  CIRCLES_LAYOUT_NODE_TARGET = 1 << 1, /* the focus of a paths layout */
} CirclesLayoutNodeFlags;

typedef struct
{
  guint32 person; /* index in the network snapshot */
  guint8  ring;   /* 0 for me, 1..3; for paths: the rank from me */
  guint8  flags;  /* CirclesLayoutNodeFlags */
  guint16 lane;   /* rings: the lane inside the ring's band */
  float   x, y;
  float   angle;  /* rings: radians, clockwise from the top */
} CirclesLayoutNode;

typedef enum
{
  CIRCLES_LAYOUT_EDGE_WARMEST = 1 << 0, /* paths: on the warmest chain */
} CirclesLayoutEdgeFlags;

typedef struct
{
  guint32 a, b;     /* node indices; rings: a is the BFS parent of b */
  float   strength; /* 0..1 */
  guint32 flags;    /* CirclesLayoutEdgeFlags */
} CirclesLayoutEdge;

typedef struct _CirclesLayout CirclesLayout;

#define CIRCLES_LAYOUT_ERROR (circles_layout_error_quark ())

typedef enum
{
  CIRCLES_LAYOUT_ERROR_GRAPHVIZ, /* Graphviz refused the graph */
  CIRCLES_LAYOUT_ERROR_NO_ME,
} CirclesLayoutError;

GQuark               circles_layout_error_quark        (void);

/* The ring layout of everyone within 3 degrees. Followers, group members
 * and people out of network are not placed (the scene counts them). */
CirclesLayout       *circles_layout_new_rings          (CirclesNetwork      *network,
                                                        CirclesLayoutEngine  engine,
                                                        GCancellable        *cancellable,
                                                        GError             **error);
/* The paths diagram of @paths (from circles_paths_find()), by dot. */
CirclesLayout       *circles_layout_new_paths          (CirclesNetwork      *network,
                                                        const CirclesPaths  *paths,
                                                        GError             **error);

CirclesLayout       *circles_layout_ref                (CirclesLayout       *self);
void                 circles_layout_unref              (CirclesLayout       *self);

CirclesLayoutKind    circles_layout_get_kind           (CirclesLayout       *self);
/* The engine actually used (never AUTO). */
CirclesLayoutEngine  circles_layout_get_engine         (CirclesLayout       *self);

const CirclesLayoutNode *
                     circles_layout_get_nodes          (CirclesLayout       *self,
                                                        guint               *n_nodes);
const CirclesLayoutEdge *
                     circles_layout_get_edges          (CirclesLayout       *self,
                                                        guint               *n_edges);
/* Node index of @person, or CIRCLES_LAYOUT_NO_NODE when not placed. */
guint                circles_layout_lookup_node        (CirclesLayout       *self,
                                                        guint                person);

/* Rings 1..3: radius of the ring's centre line, and its band: people of
 * ring k lie within radius ± band/2, and bands never touch. */
double               circles_layout_get_ring_radius    (CirclesLayout       *self,
                                                        guint                ring);
double               circles_layout_get_ring_band      (CirclesLayout       *self,
                                                        guint                ring);
guint                circles_layout_get_ring_size      (CirclesLayout       *self,
                                                        guint                ring);
/* The distance the layout keeps between neighbours, in layout units. */
double               circles_layout_get_spacing        (CirclesLayout       *self);

/* Paths layouts: what was asked and found. */
const CirclesPaths  *circles_layout_get_paths          (CirclesLayout       *self);

/* Writes the graph twopi is given for @network (for the benchmark, which
 * compares with the `twopi` command on the same graph). */
gboolean             circles_layout_write_twopi_graph  (CirclesNetwork      *network,
                                                        const char          *path,
                                                        GError             **error);

const char          *circles_layout_engine_to_string   (CirclesLayoutEngine  engine);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CirclesLayout, circles_layout_unref)

/* cgraph's state is global: whoever reads or lays out a graph with it
 * holds this lock (the layout, the DOT importer). While it is held,
 * what cgraph reports is appended to @messages (NULL: logged). */
void           circles_graphviz_lock           (GString          *messages);
void           circles_graphviz_unlock         (void);

G_END_DECLS
