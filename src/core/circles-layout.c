/* circles-layout.c: where every person goes (rings, paths); the only Graphviz user
 *
 * The ring diagram puts me at the centre and everyone within 3 degrees on
 * the ring of their degree, inside the sector of their BFS parent (the
 * warmest neighbour one step closer to me), so that the people who reach
 * me through the same 1st-degree connection sit together; siblings are
 * grouped by company.
 *
 * Two engines give the same picture:
 *  - Graphviz twopi, given only the BFS tree (root = me, ranksep = the
 *    per-ring radii, overlap=true, splines=false): feeding the tree rather
 *    than every connection makes twopi's spanning tree ours, so its rank
 *    of a person is exactly the degree;
 *  - a linear-time radial placement in the same spirit: the sector of a
 *    person is proportional to the number of people it leads to.
 * Crowded rings are spread over concentric lanes inside the ring's band;
 * both engines use the same lanes.
 *
 * Where the switch pays (tests/bench/layout/bench-layout --switch, this
 * 2-core machine, demo networks, best of 5): twopi in process takes
 * 3.7 ms for 191 ring people, 22 ms for 959, 45 ms for 1,969, 83 ms for
 * 3,832 (~22 µs a person, plus ~100 ms to load its plugins once); the
 * radial placement 0.03, 0.16, 0.36, 0.54 ms (~0.15 µs a person). The
 * `twopi` command takes more again (it parses and writes). AUTO keeps
 * twopi while it stays near 20 ms, i.e. up to
 * CIRCLES_LAYOUT_TWOPI_MAX_PEOPLE (1,000) ring people.
 *
 * Graphviz is not thread-safe: every call into it holds one lock.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "circles-layout"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvc.h>

#include "circles-layout.h"

/* Distance between neighbours on a ring, and between lanes of a band. */
#define SPACING      8.0
#define LANE_GAP     (SPACING * 0.75)
#define RING_MARGIN  (SPACING * 3.0)
#define FIRST_GAP    110.0
#define OTHER_GAP    90.0

/* Paths diagram: a node box, in points. */
#define PATH_NODE_WIDTH  170.0
#define PATH_NODE_HEIGHT 44.0

struct _CirclesLayout
{
  gatomicrefcount    ref_count;
  CirclesLayoutKind  kind;
  CirclesLayoutEngine engine;
  guint              n_people;
  GArray            *nodes;          /* CirclesLayoutNode */
  GArray            *edges;          /* CirclesLayoutEdge */
  guint32           *node_of_person; /* n_people entries */
  double             radius[CIRCLES_MAX_DEGREE + 1];
  double             band[CIRCLES_MAX_DEGREE + 1];
  guint              lanes[CIRCLES_MAX_DEGREE + 1];
  guint              ring_size[CIRCLES_MAX_DEGREE + 1];
  CirclesPaths      *paths;          /* a copy, for paths layouts */
};

G_DEFINE_QUARK (circles-layout-error-quark, circles_layout_error)

/* cgraph's state is global (its error handler and level, the name of
 * the file it reads, its scanner): the layout and the DOT importer share
 * this lock, and one handler, installed once, that hands cgraph's
 * messages to whoever holds the lock. */
static GMutex graphviz_lock;
static GVC_t *graphviz_context;
static GString *graphviz_messages;

static int
graphviz_error_cb (char *message)
{
  if (graphviz_messages != NULL)
    g_string_append (graphviz_messages, message);
  else
    g_debug ("graphviz: %s", message);
  return 0;
}

void
circles_graphviz_lock (GString *messages)
{
  g_mutex_lock (&graphviz_lock);
  agseterrf (graphviz_error_cb);
  agseterr (AGERR);
  graphviz_messages = messages;
}

void
circles_graphviz_unlock (void)
{
  graphviz_messages = NULL;
  g_mutex_unlock (&graphviz_lock);
}

/* Called with graphviz_lock held. */
static GVC_t *
graphviz_get_context (void)
{
  if (graphviz_context == NULL)
    graphviz_context = gvContext ();
  return graphviz_context;
}

static CirclesLayout *
circles_layout_alloc (CirclesLayoutKind kind,
                      guint             n_people)
{
  CirclesLayout *self = g_new0 (CirclesLayout, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->kind = kind;
  self->n_people = n_people;
  self->nodes = g_array_new (FALSE, FALSE, sizeof (CirclesLayoutNode));
  self->edges = g_array_new (FALSE, FALSE, sizeof (CirclesLayoutEdge));
  self->node_of_person = g_new (guint32, MAX (n_people, 1));
  memset (self->node_of_person, 0xff, sizeof (guint32) * MAX (n_people, 1));
  return self;
}

CirclesLayout *
circles_layout_ref (CirclesLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
circles_layout_unref (CirclesLayout *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_array_unref (self->nodes);
  g_array_unref (self->edges);
  g_free (self->node_of_person);
  g_clear_pointer (&self->paths, circles_paths_free);
  g_free (self);
}

CirclesLayoutKind
circles_layout_get_kind (CirclesLayout *self)
{
  return self->kind;
}

CirclesLayoutEngine
circles_layout_get_engine (CirclesLayout *self)
{
  return self->engine;
}

const CirclesLayoutNode *
circles_layout_get_nodes (CirclesLayout *self,
                          guint         *n_nodes)
{
  if (n_nodes != NULL)
    *n_nodes = self->nodes->len;
  return (const CirclesLayoutNode *) self->nodes->data;
}

const CirclesLayoutEdge *
circles_layout_get_edges (CirclesLayout *self,
                          guint         *n_edges)
{
  if (n_edges != NULL)
    *n_edges = self->edges->len;
  return (const CirclesLayoutEdge *) self->edges->data;
}

guint
circles_layout_lookup_node (CirclesLayout *self,
                            guint          person)
{
  if (person >= self->n_people)
    return CIRCLES_LAYOUT_NO_NODE;
  return self->node_of_person[person];
}

double
circles_layout_get_ring_radius (CirclesLayout *self,
                                guint          ring)
{
  g_return_val_if_fail (ring <= CIRCLES_MAX_DEGREE, 0.0);
  return self->radius[ring];
}

double
circles_layout_get_ring_band (CirclesLayout *self,
                              guint          ring)
{
  g_return_val_if_fail (ring <= CIRCLES_MAX_DEGREE, 0.0);
  return self->band[ring];
}

guint
circles_layout_get_ring_size (CirclesLayout *self,
                              guint          ring)
{
  g_return_val_if_fail (ring <= CIRCLES_MAX_DEGREE, 0);
  return self->ring_size[ring];
}

double
circles_layout_get_spacing (CirclesLayout *self)
{
  return SPACING;
}

const CirclesPaths *
circles_layout_get_paths (CirclesLayout *self)
{
  return self->paths;
}

const char *
circles_layout_engine_to_string (CirclesLayoutEngine engine)
{
  switch (engine)
    {
    case CIRCLES_LAYOUT_ENGINE_AUTO:
      return "auto";
    case CIRCLES_LAYOUT_ENGINE_TWOPI:
      return "twopi";
    case CIRCLES_LAYOUT_ENGINE_RADIAL:
      return "radial";
    case CIRCLES_LAYOUT_ENGINE_DOT:
      return "dot";
    default:
      return "unknown";
    }
}

/* ------------------------------------------------------------------ */
/* The BFS tree of the ring people, children grouped by company        */

typedef struct
{
  guint    n_people;
  guint    me;
  guint    n_ring;          /* ring people, me excluded */
  guint32 *parent;          /* n_people; CIRCLES_NO_PERSON off the rings */
  guint32 *child_start;     /* n_people + 1 */
  guint32 *children;        /* n_ring */
  guint32 *size;            /* n_people: people in the subtree, self included */
  guint    ring_size[CIRCLES_MAX_DEGREE + 1];
} RingTree;

static void
ring_tree_clear (RingTree *tree)
{
  g_free (tree->parent);
  g_free (tree->child_start);
  g_free (tree->children);
  g_free (tree->size);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RingTree, ring_tree_clear)

static void
ring_tree_build (RingTree       *tree,
                 CirclesNetwork *network)
{
  guint n = circles_network_get_n_people (network);
  guint me = circles_network_get_me (network);
  g_autoptr(GHashTable) companies = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree guint32 *company = g_new0 (guint32, MAX (n, 1));
  g_autofree guint32 *company_count = NULL;
  g_autofree guint32 *sorted = NULL;
  guint n_companies = 1; /* 0: no company */
  guint n_ring = 0;

  memset (tree, 0, sizeof *tree);
  tree->n_people = n;
  tree->me = me;
  tree->parent = g_new (guint32, MAX (n, 1));
  tree->size = g_new0 (guint32, MAX (n, 1));
  tree->child_start = g_new0 (guint32, n + 1);

  for (guint p = 0; p < n; p++)
    {
      guint degree = circles_network_get_degree (network, p);
      guint parent;

      tree->parent[p] = CIRCLES_NO_PERSON;
      if (p == me || degree < 1 || degree > CIRCLES_MAX_DEGREE)
        continue;

      parent = circles_network_get_parent (network, p);
      if (degree == 1 || parent >= n ||
          circles_network_get_degree (network, parent) != degree - 1)
        {
          if (degree != 1)
            g_warning ("Person %u (degree %u) has no parent one step closer; "
                       "placing it under me", p, degree);
          parent = me;
        }
      tree->parent[p] = parent;
      tree->size[p] = 1;
      tree->ring_size[degree]++;
      n_ring++;

      {
        const char *name = circles_network_get_company (network, p);

        if (name != NULL && name[0] != '\0')
          {
            gpointer id;

            if (!g_hash_table_lookup_extended (companies, name, NULL, &id))
              {
                id = GUINT_TO_POINTER (n_companies++);
                g_hash_table_insert (companies, (gpointer) name, id);
              }
            company[p] = GPOINTER_TO_UINT (id);
          }
      }
    }
  tree->n_ring = n_ring;
  tree->size[me] = 1;

  /* Counting sort of the ring people by company (stable by index). */
  company_count = g_new0 (guint32, n_companies + 1);
  for (guint p = 0; p < n; p++)
    if (tree->parent[p] != CIRCLES_NO_PERSON)
      company_count[company[p] + 1]++;
  for (guint c = 1; c <= n_companies; c++)
    company_count[c] += company_count[c - 1];
  sorted = g_new (guint32, MAX (n_ring, 1));
  for (guint p = 0; p < n; p++)
    if (tree->parent[p] != CIRCLES_NO_PERSON)
      sorted[company_count[company[p]]++] = p;

  /* Children lists, in company order. */
  for (guint p = 0; p < n; p++)
    if (tree->parent[p] != CIRCLES_NO_PERSON)
      tree->child_start[tree->parent[p] + 1]++;
  for (guint p = 0; p < n; p++)
    tree->child_start[p + 1] += tree->child_start[p];
  tree->children = g_new (guint32, MAX (n_ring, 1));
  {
    g_autofree guint32 *cursor = g_memdup2 (tree->child_start, sizeof (guint32) * (n + 1));

    for (guint i = 0; i < n_ring; i++)
      {
        guint p = sorted[i];

        tree->children[cursor[tree->parent[p]]++] = p;
      }
  }

  /* Subtree sizes, from the outer ring inwards. */
  for (guint degree = CIRCLES_MAX_DEGREE; degree >= 1; degree--)
    for (guint i = 0; i < n_ring; i++)
      {
        guint p = sorted[i];

        if (circles_network_get_degree (network, p) == degree)
          tree->size[tree->parent[p]] += tree->size[p];
      }
}

/* ------------------------------------------------------------------ */
/* Ring geometry                                                       */

static void
compute_rings (CirclesLayout *self)
{
  double prev_radius = 0.0;
  double prev_band = 0.0;

  self->radius[0] = 0.0;
  self->band[0] = 0.0;
  self->lanes[0] = 1;

  for (guint k = 1; k <= CIRCLES_MAX_DEGREE; k++)
    {
      double n = self->ring_size[k];
      double gap = k == 1 ? FIRST_GAP : OTHER_GAP;
      double radius = 0.0;
      double band = 0.0;
      guint lanes = 1;

      /* The gap grows until the band that holds the ring fits. */
      for (guint iter = 0; iter < 64; iter++)
        {
          double need;

          radius = prev_radius + gap;
          lanes = (guint) MAX (1.0, ceil (n * SPACING / (2.0 * G_PI * radius)));
          band = (lanes - 1) * LANE_GAP;
          need = prev_band / 2.0 + band / 2.0 + RING_MARGIN;
          if (gap >= need)
            break;
          gap = need;
        }

      self->radius[k] = radius;
      self->band[k] = band;
      self->lanes[k] = lanes;
      prev_radius = radius;
      prev_band = band;
    }
}

static inline double
normalise_angle (double angle)
{
  angle = fmod (angle, 2.0 * G_PI);
  if (angle < 0.0)
    angle += 2.0 * G_PI;
  return angle;
}

static void
add_node (CirclesLayout *self,
          guint          person,
          guint          ring,
          double         angle)
{
  CirclesLayoutNode node = { 0, };

  node.person = person;
  node.ring = ring;
  node.angle = angle;
  node.flags = ring == 0 ? CIRCLES_LAYOUT_NODE_ME : 0;
  self->node_of_person[person] = self->nodes->len;
  g_array_append_val (self->nodes, node);
}

/* Nodes are in rings 0..3, each in angular order: spread them over lanes
 * and fix their coordinates. */
static void
apply_lanes (CirclesLayout *self)
{
  guint index_in_ring = 0;
  guint ring = 0;

  for (guint i = 0; i < self->nodes->len; i++)
    {
      CirclesLayoutNode *node = &g_array_index (self->nodes, CirclesLayoutNode, i);
      guint lanes;
      double r;

      if (node->ring != ring)
        {
          ring = node->ring;
          index_in_ring = 0;
        }
      lanes = self->lanes[ring];
      node->lane = index_in_ring % lanes;
      r = self->radius[ring] + (node->lane - (lanes - 1) / 2.0) * LANE_GAP;
      node->x = r * sin (node->angle);
      node->y = -r * cos (node->angle);
      index_in_ring++;
    }
}

static double
connection_strength (CirclesNetwork *network,
                     guint           person,
                     guint           other)
{
  guint i = circles_network_find_neighbour (network, person, other);

  return i != G_MAXUINT ? circles_network_get_strength (network, person, i) : 1.0;
}

static void
add_tree_edges (CirclesLayout  *self,
                CirclesNetwork *network,
                const RingTree *tree)
{
  g_array_set_size (self->edges, 0);
  for (guint i = 1; i < self->nodes->len; i++)
    {
      const CirclesLayoutNode *node = &g_array_index (self->nodes, CirclesLayoutNode, i);
      CirclesLayoutEdge edge = { 0, };
      guint parent = tree->parent[node->person];

      edge.a = self->node_of_person[parent];
      edge.b = i;
      edge.strength = connection_strength (network, node->person, parent);
      g_array_append_val (self->edges, edge);
    }
}

/* ------------------------------------------------------------------ */
/* The radial placement: linear in the number of ring people           */

static void
place_radial (CirclesLayout  *self,
              const RingTree *tree)
{
  g_autofree double *start = g_new (double, MAX (tree->n_people, 1));
  double unit = tree->n_ring > 0 ? 2.0 * G_PI / tree->n_ring : 0.0;
  double cursor;

  add_node (self, tree->me, 0, 0.0);

  /* Breadth first over the ordered tree: each ring comes out in angular
   * order. A parent keeps half a unit on each side of its children. */
  cursor = 0.0;
  for (guint c = tree->child_start[tree->me]; c < tree->child_start[tree->me + 1]; c++)
    {
      guint child = tree->children[c];

      start[child] = cursor;
      cursor += tree->size[child];
    }
  for (guint c = tree->child_start[tree->me]; c < tree->child_start[tree->me + 1]; c++)
    {
      guint child = tree->children[c];

      add_node (self, child, 1, (start[child] + tree->size[child] / 2.0) * unit);
    }

  for (guint i = 1; i < self->nodes->len; i++)
    {
      CirclesLayoutNode node = g_array_index (self->nodes, CirclesLayoutNode, i);

      cursor = start[node.person] + 0.5;
      for (guint c = tree->child_start[node.person]; c < tree->child_start[node.person + 1]; c++)
        {
          guint child = tree->children[c];

          start[child] = cursor;
          cursor += tree->size[child];
          add_node (self, child, node.ring + 1,
                    (start[child] + tree->size[child] / 2.0) * unit);
        }
    }
}

/* ------------------------------------------------------------------ */
/* twopi                                                               */

static void
node_name (char  *buffer,
           gsize  size,
           guint  person)
{
  g_snprintf (buffer, size, "n%u", person);
}

/* Called with graphviz_lock held. */
static Agraph_t *
build_twopi_graph (CirclesLayout  *self,
                   const RingTree *tree,
                   Agnode_t      **gv_nodes)
{
  Agraph_t *g;
  char name[32];
  char ranksep[G_ASCII_DTOSTR_BUF_SIZE * 3 + 8];
  char b1[G_ASCII_DTOSTR_BUF_SIZE], b2[G_ASCII_DTOSTR_BUF_SIZE], b3[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree guint32 *queue = g_new (guint32, tree->n_ring + 1);
  guint head = 0, tail = 0;

  g = agopen ((char *) "circles", Agundirected, NULL);

  /* ranksep: the first radius, then the increments, in inches. */
  g_ascii_formatd (b1, sizeof b1, "%.4f", self->radius[1] / 72.0);
  g_ascii_formatd (b2, sizeof b2, "%.4f", (self->radius[2] - self->radius[1]) / 72.0);
  g_ascii_formatd (b3, sizeof b3, "%.4f", (self->radius[3] - self->radius[2]) / 72.0);
  g_snprintf (ranksep, sizeof ranksep, "%s:%s:%s", b1, b2, b3);
  node_name (name, sizeof name, tree->me);

  agattr (g, AGRAPH, (char *) "root", name);
  agattr (g, AGRAPH, (char *) "ranksep", ranksep);
  agattr (g, AGRAPH, (char *) "overlap", (char *) "true");
  agattr (g, AGRAPH, (char *) "splines", (char *) "false");
  agattr (g, AGNODE, (char *) "shape", (char *) "point");
  agattr (g, AGNODE, (char *) "width", (char *) "0.05");

  /* Nodes and tree edges, breadth first, children in company order. */
  queue[tail++] = tree->me;
  gv_nodes[tree->me] = agnode (g, name, TRUE);
  while (head < tail)
    {
      guint p = queue[head++];

      for (guint c = tree->child_start[p]; c < tree->child_start[p + 1]; c++)
        {
          guint child = tree->children[c];

          node_name (name, sizeof name, child);
          gv_nodes[child] = agnode (g, name, TRUE);
          agedge (g, gv_nodes[p], gv_nodes[child], NULL, TRUE);
          queue[tail++] = child;
        }
    }
  return g;
}

static int
compare_nodes_by_ring_and_angle (gconstpointer a,
                                 gconstpointer b)
{
  const CirclesLayoutNode *na = a;
  const CirclesLayoutNode *nb = b;

  if (na->ring != nb->ring)
    return na->ring < nb->ring ? -1 : 1;
  if (na->angle != nb->angle)
    return na->angle < nb->angle ? -1 : 1;
  return na->person < nb->person ? -1 : na->person > nb->person;
}

static gboolean
place_twopi (CirclesLayout   *self,
             CirclesNetwork  *network,
             const RingTree  *tree,
             GError         **error)
{
  g_autofree Agnode_t **gv_nodes = g_new0 (Agnode_t *, MAX (tree->n_people, 1));
  Agraph_t *g;
  GVC_t *gvc;
  double root_x, root_y;
  int status;

  circles_graphviz_lock (NULL);
  gvc = graphviz_get_context ();
  g = build_twopi_graph (self, tree, gv_nodes);
  status = gvLayout (gvc, g, "twopi");
  if (status != 0)
    {
      agclose (g);
      circles_graphviz_unlock ();
      g_set_error (error, CIRCLES_LAYOUT_ERROR, CIRCLES_LAYOUT_ERROR_GRAPHVIZ,
                   _("Graphviz could not lay out the rings (twopi failed)"));
      return FALSE;
    }

  root_x = ND_coord (gv_nodes[tree->me]).x;
  root_y = ND_coord (gv_nodes[tree->me]).y;
  add_node (self, tree->me, 0, 0.0);
  for (guint p = 0; p < tree->n_people; p++)
    {
      double dx, dy;
      guint degree;

      if (tree->parent[p] == CIRCLES_NO_PERSON || gv_nodes[p] == NULL)
        continue;
      /* Graphviz has y upwards; angles run clockwise from the top. */
      dx = ND_coord (gv_nodes[p]).x - root_x;
      dy = ND_coord (gv_nodes[p]).y - root_y;
      degree = circles_network_get_degree (network, p);
      add_node (self, p, degree, normalise_angle (atan2 (dx, dy)));
    }
  gvFreeLayout (gvc, g);
  agclose (g);
  circles_graphviz_unlock ();

  g_array_sort (self->nodes, compare_nodes_by_ring_and_angle);
  for (guint i = 0; i < self->nodes->len; i++)
    self->node_of_person[g_array_index (self->nodes, CirclesLayoutNode, i).person] = i;
  return TRUE;
}

gboolean
circles_layout_write_twopi_graph (CirclesNetwork  *network,
                                  const char      *path,
                                  GError         **error)
{
  g_autoptr(CirclesLayout) self = NULL;
  g_auto(RingTree) tree = { 0, };
  g_autofree Agnode_t **gv_nodes = NULL;
  Agraph_t *g;
  FILE *file;
  int status;

  g_return_val_if_fail (network != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  ring_tree_build (&tree, network);
  self = circles_layout_alloc (CIRCLES_LAYOUT_RINGS, tree.n_people);
  memcpy (self->ring_size, tree.ring_size, sizeof self->ring_size);
  compute_rings (self);

  file = g_fopen (path, "w");
  if (file == NULL)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot write “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  gv_nodes = g_new0 (Agnode_t *, MAX (tree.n_people, 1));
  circles_graphviz_lock (NULL);
  graphviz_get_context ();
  g = build_twopi_graph (self, &tree, gv_nodes);
  status = agwrite (g, file);
  agclose (g);
  circles_graphviz_unlock ();
  if (fclose (file) != 0 || status != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Cannot write “%s”"), path);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */

CirclesLayout *
circles_layout_new_rings (CirclesNetwork       *network,
                          CirclesLayoutEngine   engine,
                          GCancellable         *cancellable,
                          GError              **error)
{
  g_autoptr(CirclesLayout) self = NULL;
  g_auto(RingTree) tree = { 0, };
  gint64 begin = g_get_monotonic_time ();

  g_return_val_if_fail (network != NULL, NULL);
  g_return_val_if_fail (engine != CIRCLES_LAYOUT_ENGINE_DOT, NULL);

  if (circles_network_get_me (network) >= circles_network_get_n_people (network))
    {
      g_set_error (error, CIRCLES_LAYOUT_ERROR, CIRCLES_LAYOUT_ERROR_NO_ME,
                   _("The network has nobody marked as me"));
      return NULL;
    }

  ring_tree_build (&tree, network);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  self = circles_layout_alloc (CIRCLES_LAYOUT_RINGS, tree.n_people);
  memcpy (self->ring_size, tree.ring_size, sizeof self->ring_size);
  compute_rings (self);

  if (engine == CIRCLES_LAYOUT_ENGINE_AUTO)
    engine = tree.n_ring <= CIRCLES_LAYOUT_TWOPI_MAX_PEOPLE
             ? CIRCLES_LAYOUT_ENGINE_TWOPI : CIRCLES_LAYOUT_ENGINE_RADIAL;
  self->engine = engine;

  if (engine == CIRCLES_LAYOUT_ENGINE_TWOPI)
    {
      if (!place_twopi (self, network, &tree, error))
        return NULL;
    }
  else
    {
      place_radial (self, &tree);
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  apply_lanes (self);
  add_tree_edges (self, network, &tree);

  g_debug ("Ring layout of %u people by %s in %.1f ms; radii %.0f %.0f %.0f",
           tree.n_ring, circles_layout_engine_to_string (engine),
           (g_get_monotonic_time () - begin) / 1000.0,
           self->radius[1], self->radius[2], self->radius[3]);
  return g_steal_pointer (&self);
}

/* ------------------------------------------------------------------ */
/* Paths diagram                                                       */

static CirclesPaths *
copy_paths (const CirclesPaths *paths)
{
  CirclesPaths *copy = g_new0 (CirclesPaths, 1);

  copy->target = paths->target;
  copy->degree = paths->degree;
  copy->chains_total = paths->chains_total;
  copy->chains = paths->chains != NULL
                 ? g_array_copy (paths->chains)
                 : g_array_new (FALSE, FALSE, sizeof (CirclesChain));
  copy->mutual = paths->mutual != NULL
                 ? g_array_copy (paths->mutual)
                 : g_array_new (FALSE, FALSE, sizeof (guint32));
  return copy;
}

static guint
add_path_node (CirclesLayout *self,
               guint          person,
               guint          rank)
{
  CirclesLayoutNode node = { 0, };

  if (self->node_of_person[person] != CIRCLES_LAYOUT_NO_NODE)
    return self->node_of_person[person];
  node.person = person;
  node.ring = rank;
  self->node_of_person[person] = self->nodes->len;
  g_array_append_val (self->nodes, node);
  return self->nodes->len - 1;
}

CirclesLayout *
circles_layout_new_paths (CirclesNetwork      *network,
                          const CirclesPaths  *paths,
                          GError             **error)
{
  g_autoptr(CirclesLayout) self = NULL;
  guint me;
  guint target_node;
  Agraph_t *g;
  GVC_t *gvc;
  double me_x = 0.0, me_y = 0.0;

  g_return_val_if_fail (network != NULL, NULL);
  g_return_val_if_fail (paths != NULL, NULL);

  me = circles_network_get_me (network);
  if (me >= circles_network_get_n_people (network))
    {
      g_set_error (error, CIRCLES_LAYOUT_ERROR, CIRCLES_LAYOUT_ERROR_NO_ME,
                   _("The network has nobody marked as me"));
      return NULL;
    }

  self = circles_layout_alloc (CIRCLES_LAYOUT_PATHS, circles_network_get_n_people (network));
  self->engine = CIRCLES_LAYOUT_ENGINE_DOT;
  self->paths = copy_paths (paths);

  add_path_node (self, me, 0);
  for (guint c = 0; paths->chains != NULL && c < paths->chains->len; c++)
    {
      const CirclesChain *chain = &g_array_index (paths->chains, CirclesChain, c);

      for (guint i = 0; i < chain->length; i++)
        add_path_node (self, chain->people[i], i);
      for (guint i = 0; i + 1 < chain->length; i++)
        {
          guint a = self->node_of_person[chain->people[i]];
          guint b = self->node_of_person[chain->people[i + 1]];
          CirclesLayoutEdge edge = { 0, };
          gboolean seen = FALSE;

          /* A few chains only: a linear scan is the simplest set. */
          for (guint e = 0; e < self->edges->len && !seen; e++)
            {
              const CirclesLayoutEdge *other = &g_array_index (self->edges, CirclesLayoutEdge, e);

              seen = other->a == a && other->b == b;
            }
          if (seen)
            continue;
          edge.a = a;
          edge.b = b;
          edge.strength = connection_strength (network, chain->people[i], chain->people[i + 1]);
          edge.flags = c == 0 ? CIRCLES_LAYOUT_EDGE_WARMEST : 0;
          g_array_append_val (self->edges, edge);
        }
    }
  if (paths->target != me && paths->target < self->n_people)
    add_path_node (self, paths->target,
                   paths->degree <= CIRCLES_MAX_DEGREE ? paths->degree : 1);
  target_node = paths->target < self->n_people
                ? self->node_of_person[paths->target] : CIRCLES_LAYOUT_NO_NODE;
  if (target_node != CIRCLES_LAYOUT_NO_NODE)
    g_array_index (self->nodes, CirclesLayoutNode, target_node).flags |= CIRCLES_LAYOUT_NODE_TARGET;
  g_array_index (self->nodes, CirclesLayoutNode, 0).flags |= CIRCLES_LAYOUT_NODE_ME;

  /* dot, left to right. */
  {
    g_autofree Agnode_t **gv_nodes = g_new0 (Agnode_t *, self->nodes->len);
    char width[G_ASCII_DTOSTR_BUF_SIZE], height[G_ASCII_DTOSTR_BUF_SIZE];
    int status;

    g_ascii_formatd (width, sizeof width, "%.3f", PATH_NODE_WIDTH / 72.0);
    g_ascii_formatd (height, sizeof height, "%.3f", PATH_NODE_HEIGHT / 72.0);

    circles_graphviz_lock (NULL);
    gvc = graphviz_get_context ();
    g = agopen ((char *) "paths", Agdirected, NULL);
    agattr (g, AGRAPH, (char *) "rankdir", (char *) "LR");
    agattr (g, AGRAPH, (char *) "nodesep", (char *) "0.35");
    agattr (g, AGRAPH, (char *) "ranksep", (char *) "1.1");
    agattr (g, AGRAPH, (char *) "splines", (char *) "false");
    agattr (g, AGRAPH, (char *) "ordering", (char *) "out");
    agattr (g, AGNODE, (char *) "shape", (char *) "box");
    agattr (g, AGNODE, (char *) "fixedsize", (char *) "true");
    agattr (g, AGNODE, (char *) "width", width);
    agattr (g, AGNODE, (char *) "height", height);
    agattr (g, AGEDGE, (char *) "style", (char *) "solid");

    for (guint i = 0; i < self->nodes->len; i++)
      {
        char name[32];

        node_name (name, sizeof name, g_array_index (self->nodes, CirclesLayoutNode, i).person);
        gv_nodes[i] = agnode (g, name, TRUE);
      }
    for (guint i = 0; i < self->edges->len; i++)
      {
        const CirclesLayoutEdge *edge = &g_array_index (self->edges, CirclesLayoutEdge, i);

        agedge (g, gv_nodes[edge->a], gv_nodes[edge->b], NULL, TRUE);
      }
    if (self->edges->len == 0 && target_node != CIRCLES_LAYOUT_NO_NODE)
      {
        /* No chain: me and the target, apart, with nothing between. */
        Agedge_t *e = agedge (g, gv_nodes[0], gv_nodes[target_node], NULL, TRUE);

        agsafeset (e, (char *) "minlen", (char *) "2", (char *) "1");
      }

    status = gvLayout (gvc, g, "dot");
    if (status == 0)
      {
        me_x = ND_coord (gv_nodes[0]).x;
        me_y = ND_coord (gv_nodes[0]).y;
        for (guint i = 0; i < self->nodes->len; i++)
          {
            CirclesLayoutNode *node = &g_array_index (self->nodes, CirclesLayoutNode, i);

            node->x = ND_coord (gv_nodes[i]).x - me_x;
            node->y = -(ND_coord (gv_nodes[i]).y - me_y);
          }
        gvFreeLayout (gvc, g);
      }
    agclose (g);
    circles_graphviz_unlock ();

    if (status != 0)
      {
        g_set_error (error, CIRCLES_LAYOUT_ERROR, CIRCLES_LAYOUT_ERROR_GRAPHVIZ,
                     _("Graphviz could not lay out the paths (dot failed)"));
        return NULL;
      }
  }

  return g_steal_pointer (&self);
}
