/* circles-network.c: the in-memory snapshot of a network, and its circles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * People are numbered 0..n-1 in the order of their database ids. The
 * connections are kept as compressed sparse rows (CSR) with 32-bit
 * indices, each undirected connection stored in both directions. A
 * breadth-first search from me gives every person's degree, the number
 * of shortest chains that reach them, and their warmest parent.
 */
#define G_LOG_DOMAIN "circles-network"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "circles-interaction.h"
#include "circles-network.h"

struct _CirclesNetwork
{
  guint          n;            /* people, me included */
  guint64        n_edges;      /* undirected connections */
  guint          me;

  gint64        *ids;          /* database id of each person, ascending */
  guint32       *text_offsets; /* CIRCLES_N_TEXTS × n offsets into text */
  char          *text;         /* one pool; offset 0 is the empty string */
  guint64        text_size;

  guint32       *offsets;      /* n + 1 */
  guint32       *adjacency;    /* 2 × n_edges */
  float         *strengths;    /* 2 × n_edges, or NULL when all are 1 */
  guint16       *days;         /* 2 × n_edges (circles_network_get_day()),
                                * or NULL when no connection has a date */
  GBytes        *backing;      /* the mapped snapshot file the arrays above
                                * lie in, read-only; NULL when they were
                                * read from the rows */

  guint8        *degrees;
  guint8        *flags;
  guint32       *parents;
  guint64       *chains;       /* number of shortest chains from me */

  CirclesCounts  counts;
  double         read_seconds;
  double         classify_seconds;

  GHashTable    *by_key;       /* built on first lookup */
  GMutex         by_key_lock;
};

G_DEFINE_QUARK (circles-network-error-quark, circles_network_error)

typedef struct
{
  CirclesNetwork *self;
  guint32        *index_of_id;
  gint64          max_id;
  guint           next;
  GByteArray     *text;
  gboolean        text_overflow;
  guint32         today;          /* a Julian day (circles_julian_today()) */

  /* Connections as read, before they become rows. */
  guint32        *edge_a;
  guint32        *edge_b;
  float          *edge_strength;
  guint16        *edge_day;
  guint64         n_edges;
  guint64         edges_allocated;
  gboolean        any_strength;
  gboolean        any_day;

  gint64          me_id;
  GHashTable     *warmth;         /* person id -> r from our interactions */
} Loader;

/* Display texts longer than this (in characters) are cut, with an
 * ellipsis: a 100 kB name would make every frame of the canvas and
 * every layout of a label take seconds. Keys and URLs are kept whole. */
#define DISPLAY_TEXT_MAX_CHARS 500

/* Appends @value to the pool, cut to @max_chars characters when that is
 * not 0; "" and NULL are offset 0. */
static guint32
add_text (Loader     *loader,
          const char *value,
          glong       max_chars)
{
  gsize offset = loader->text->len;
  g_autofree char *valid = NULL;

  if (value == NULL || *value == '\0')
    return 0;
  /* Another program may have written bytes that are not UTF-8: they
   * become U+FFFD here, and nothing downstream (GTK, Pango, the SVG)
   * ever sees them. */
  if (!g_utf8_validate (value, -1, NULL))
    value = valid = g_utf8_make_valid (value, -1);
  if (max_chars > 0 && strlen (value) > (gsize) max_chars &&
      g_utf8_strlen (value, -1) > max_chars)
    {
      const char *end = g_utf8_offset_to_pointer (value, max_chars - 1);
      g_autofree char *head = g_strndup (value, end - value);
      char *cut = g_strconcat (head, "…", NULL);

      g_free (valid);
      value = valid = cut;
    }
  if (offset + strlen (value) + 1 > G_MAXUINT32)
    {
      loader->text_overflow = TRUE;
      return 0;
    }
  g_byte_array_append (loader->text, (const guint8 *)value, strlen (value) + 1);
  return offset;
}

static void
load_person (const CirclesPersonRow *row,
             gpointer                user_data)
{
  Loader *loader = user_data;
  CirclesNetwork *self = loader->self;
  guint i = loader->next;

  if (i >= self->n || row->id <= 0 || row->id > loader->max_id)
    return;  /* rows added meanwhile by another program */

  self->ids[i] = row->id;
  self->text_offsets[CIRCLES_TEXT_KEY * self->n + i] = add_text (loader, row->key, 0);
  self->text_offsets[CIRCLES_TEXT_NAME * self->n + i] = add_text (loader, row->display_name, DISPLAY_TEXT_MAX_CHARS);
  self->text_offsets[CIRCLES_TEXT_COMPANY * self->n + i] = add_text (loader, row->company, DISPLAY_TEXT_MAX_CHARS);
  self->text_offsets[CIRCLES_TEXT_POSITION * self->n + i] = add_text (loader, row->position, DISPLAY_TEXT_MAX_CHARS);
  self->text_offsets[CIRCLES_TEXT_URL * self->n + i] = add_text (loader, row->profile_url, 0);
  loader->next++;
}

/* The julian day of 1970-01-01: day 1 of circles_network_get_day(). */
#define DAY_EPOCH 719163

/* The day of circles_network_get_day() of a Julian day (0: unknown);
 * days before 1970 are day 1, past 2149 the last day. */
static guint16
day_of_julian (guint32 julian)
{
  if (julian == 0)
    return 0;
  return (guint16) CLAMP ((gint64) julian - DAY_EPOCH + 1, 1, G_MAXUINT16);
}

/**
 * circles_day_to_julian:
 *
 * Returns: the Julian day (as GDate counts them) of a day of
 * circles_network_get_day(); 0 for 0, the unknown day
 */
guint32
circles_day_to_julian (guint day)
{
  return day != 0 ? (guint32) (DAY_EPOCH - 1 + day) : 0;
}

/**
 * circles_day_from_iso:
 * @text: a date, exactly "YYYY-MM-DD"
 * @day: (out): its day, as circles_network_get_day() counts them
 *
 * Returns: %FALSE when @text is not such a date
 */
gboolean
circles_day_from_iso (const char *text,
                      guint      *day)
{
  guint32 julian;

  g_return_val_if_fail (day != NULL, FALSE);

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  julian = circles_julian_day (text);
  if (julian == 0)
    return FALSE;
  *day = day_of_julian (julian);
  return TRUE;
}

double
circles_connection_strength (double weight,
                             int    rating,
                             double years)
{
  return circles_connection_strength_warm (weight, rating, -1, years);
}

double
circles_connection_strength_warm (double weight,
                                  int    rating,
                                  double warmth,
                                  double years)
{
  double w = weight >= 0 ? MIN (weight, 1.0) : 1.0;
  double r = rating >= 1 ? MIN (rating, 5) / 5.0
             : warmth >= 0 ? MIN (warmth, 1.0) : 3 / 5.0;
  double t = 0.5 + 0.5 * exp2 (-(years >= 0 ? years : 5.0) / 5.0);

  return w * r * t;
}

static void
load_warmth (gint64                    person,
             const CirclesInteraction *interaction,
             gpointer                  user_data)
{
  Loader *loader = user_data;
  double warmth = circles_interaction_warmth (interaction, loader->today);

  if (warmth >= 0)
    g_hash_table_insert (loader->warmth, g_memdup2 (&person, sizeof person),
                         g_memdup2 (&warmth, sizeof warmth));
}

static void
load_connection (const CirclesConnectionRow *row,
                 gpointer                    user_data)
{
  Loader *loader = user_data;
  guint32 day = circles_julian_day (row->since);
  double warmth = -1;
  guint32 ia, ib;

  if (row->a <= 0 || row->b <= 0 || row->a > loader->max_id || row->b > loader->max_id)
    return;
  ia = loader->index_of_id[row->a];
  ib = loader->index_of_id[row->b];
  if (ia == CIRCLES_NO_PERSON || ib == CIRCLES_NO_PERSON || ia == ib)
    return;

  if (loader->n_edges == loader->edges_allocated)
    {
      loader->edges_allocated = MAX (1024, loader->edges_allocated * 2);
      loader->edge_a = g_renew (guint32, loader->edge_a, loader->edges_allocated);
      loader->edge_b = g_renew (guint32, loader->edge_b, loader->edges_allocated);
      loader->edge_strength = g_renew (float, loader->edge_strength, loader->edges_allocated);
      loader->edge_day = g_renew (guint16, loader->edge_day, loader->edges_allocated);
    }

  loader->edge_a[loader->n_edges] = ia;
  loader->edge_b[loader->n_edges] = ib;
  /* An unrated connection of mine is as warm as our interactions. */
  if (row->rating == 0 && loader->warmth != NULL
      && (row->a == loader->me_id || row->b == loader->me_id))
    {
      gint64 other = row->a == loader->me_id ? row->b : row->a;
      gpointer value = g_hash_table_lookup (loader->warmth, &other);

      if (value != NULL)
        warmth = *(double *) value;
    }

  loader->edge_strength[loader->n_edges] =
    circles_connection_strength_warm (row->weight, row->rating, warmth,
                                      day != 0 ? MAX (0, (gint64) loader->today - day) / 365.25 : -1);
  if (row->weight >= 0 || row->rating > 0 || day != 0 || warmth >= 0)
    loader->any_strength = TRUE;
  loader->edge_day[loader->n_edges] = day_of_julian (day);
  loader->any_day |= day != 0;
  loader->n_edges++;
}

static void
build_rows (CirclesNetwork *self,
            Loader         *loader)
{
  guint32 *fill;

  self->n_edges = loader->n_edges;
  self->offsets = g_new0 (guint32, (gsize)self->n + 1);

  for (guint64 e = 0; e < loader->n_edges; e++)
    {
      self->offsets[loader->edge_a[e] + 1]++;
      self->offsets[loader->edge_b[e] + 1]++;
    }
  for (guint i = 0; i < self->n; i++)
    self->offsets[i + 1] += self->offsets[i];

  self->adjacency = g_new (guint32, MAX (1, 2 * loader->n_edges));
  if (loader->any_strength)
    self->strengths = g_new (float, MAX (1, 2 * loader->n_edges));
  if (loader->any_day)
    self->days = g_new (guint16, MAX (1, 2 * loader->n_edges));

  fill = g_memdup2 (self->offsets, sizeof (guint32) * self->n);
  for (guint64 e = 0; e < loader->n_edges; e++)
    {
      guint32 a = loader->edge_a[e];
      guint32 b = loader->edge_b[e];
      guint32 pa = fill[a]++;
      guint32 pb = fill[b]++;

      self->adjacency[pa] = b;
      self->adjacency[pb] = a;
      if (self->strengths != NULL)
        {
          self->strengths[pa] = loader->edge_strength[e];
          self->strengths[pb] = loader->edge_strength[e];
        }
      if (self->days != NULL)
        self->days[pa] = self->days[pb] = loader->edge_day[e];
    }
  g_free (fill);
}

/* People and rows read the long way: every row of the store. */
static gboolean
read_rows (CirclesNetwork  *self,
           CirclesStore    *store,
           Loader          *loader,
           GError         **error)
{
  gboolean ok;

  self->ids = g_new0 (gint64, MAX (1, self->n));
  self->text_offsets = g_new0 (guint32, MAX (1, (gsize)CIRCLES_N_TEXTS * self->n));
  loader->text = g_byte_array_sized_new (64 * MAX (1, self->n));
  g_byte_array_append (loader->text, (const guint8 *)"", 1);

  ok = circles_store_foreach_person (store, load_person, loader, error);
  self->text_size = loader->text->len;
  self->text = (char *)g_byte_array_free (g_steal_pointer (&loader->text), FALSE);
  if (!ok)
    return FALSE;
  if (loader->text_overflow)
    {
      g_set_error (error, CIRCLES_NETWORK_ERROR, CIRCLES_NETWORK_ERROR_TOO_BIG,
                   _("The network is too big: the names and keys of its people exceed 4 GB"));
      return FALSE;
    }
  if (loader->next != self->n)
    {
      /* Another program removed people meanwhile: keep the offsets
       * table in step with the smaller count. */
      guint32 *offsets = g_new0 (guint32, MAX (1, (gsize)CIRCLES_N_TEXTS * loader->next));

      for (guint t = 0; t < CIRCLES_N_TEXTS; t++)
        memcpy (offsets + (gsize)t * loader->next, self->text_offsets + (gsize)t * self->n,
                sizeof (guint32) * loader->next);
      g_free (self->text_offsets);
      self->text_offsets = offsets;
      self->n = loader->next;
    }
  for (guint i = 0; i < self->n; i++)
    loader->index_of_id[self->ids[i]] = i;

  loader->today = circles_julian_today ();
  loader->warmth = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  ok = circles_store_foreach_interaction (store, load_warmth, loader, error)
       && circles_store_foreach_connection_row (store, load_connection, loader, error);
  g_clear_pointer (&loader->warmth, g_hash_table_unref);
  if (ok)
    build_rows (self, loader);
  g_free (loader->edge_a);
  g_free (loader->edge_b);
  g_free (loader->edge_strength);
  g_free (loader->edge_day);
  return ok;
}

static inline double
strength_at (CirclesNetwork *self,
             guint32         position)
{
  return self->strengths != NULL ? self->strengths[position] : 1.0;
}

/* Breadth-first search from me: degrees, chain counts, warmest parents. */
static void
search_from_me (CirclesNetwork *self)
{
  g_autofree guint32 *queue = g_new (guint32, self->n);
  g_autofree double *warmth = g_new0 (double, self->n);
  guint head = 0, tail = 0;

  memset (self->degrees, CIRCLES_DEGREE_BEYOND, self->n);
  for (guint i = 0; i < self->n; i++)
    self->parents[i] = CIRCLES_NO_PERSON;

  self->degrees[self->me] = 0;
  self->chains[self->me] = 1;
  warmth[self->me] = 1.0;
  queue[tail++] = self->me;

  while (head < tail)
    {
      guint32 u = queue[head++];
      guint du = self->degrees[u];

      /* Nothing past the 3rd degree is a circle: the search stops there,
       * which spares the scan of the biggest ring's connections. */
      if (du >= CIRCLES_MAX_DEGREE)
        break;

      for (guint32 p = self->offsets[u]; p < self->offsets[u + 1]; p++)
        {
          guint32 v = self->adjacency[p];
          double w = warmth[u] * strength_at (self, p);

          if (self->degrees[v] == CIRCLES_DEGREE_BEYOND)
            {
              self->degrees[v] = du + 1;
              self->parents[v] = u;
              warmth[v] = w;
              self->chains[v] = self->chains[u];
              queue[tail++] = v;
            }
          else if (self->degrees[v] == du + 1)
            {
              if (w > warmth[v])
                {
                  warmth[v] = w;
                  self->parents[v] = u;
                }
              if (G_UNLIKELY (__builtin_add_overflow (self->chains[v], self->chains[u],
                                                      &self->chains[v])))
                self->chains[v] = G_MAXUINT64;
            }
        }
    }

}

static void
flag_follower (gint64   id,
               gpointer user_data)
{
  Loader *loader = user_data;

  if (id > 0 && id <= loader->max_id && loader->index_of_id[id] != CIRCLES_NO_PERSON)
    loader->self->flags[loader->index_of_id[id]] |= CIRCLES_FLAG_FOLLOWER;
}

static void
flag_group_member (gint64   id,
                   gpointer user_data)
{
  Loader *loader = user_data;

  if (id > 0 && id <= loader->max_id && loader->index_of_id[id] != CIRCLES_NO_PERSON)
    loader->self->flags[loader->index_of_id[id]] |= CIRCLES_FLAG_GROUP_MEMBER;
}

/* The counts of the people @subset marks (a byte per person; NULL:
 * everyone). Followers and group members are counted apart from the
 * rings they may also be on; out of network is who is on none. */
static void
count_people (CirclesNetwork *self,
              const guint8   *degrees,
              const guint8   *subset,
              CirclesCounts  *c)
{
  memset (c, 0, sizeof *c);

  for (guint i = 0; i < self->n; i++)
    {
      if (i == self->me || (subset != NULL && !subset[i]))
        continue;

      c->people++;
      switch (degrees[i])
        {
        case 1: c->first++; break;
        case 2: c->second++; break;
        case 3: c->third++; break;
        default:
          if (self->flags[i] == 0)
            c->out_of_network++;
          break;
        }

      if (self->flags[i] & CIRCLES_FLAG_FOLLOWER)
        c->followers++;
      if (self->flags[i] & CIRCLES_FLAG_GROUP_MEMBER)
        c->group_members++;
    }
}

static void
count_circles (CirclesNetwork *self)
{
  /* Every 1st-degree connection follows me already. */
  for (guint i = 0; i < self->n; i++)
    if (self->degrees[i] == 1)
      self->flags[i] &= ~CIRCLES_FLAG_FOLLOWER;

  count_people (self, self->degrees, NULL, &self->counts);
  self->counts.connections = self->n_edges;
}

/* The arrays the network keeps of its snapshot, as the store sees them. */
static CirclesSnapshotCache
snapshot_of (CirclesNetwork *self,
             gint64          generation)
{
  return (CirclesSnapshotCache) {
    .generation = generation,
    .n_people = self->n,
    .n_entries = 2 * self->n_edges,
    .text_size = self->text_size,
    .ids = self->ids,
    .text_offsets = self->text_offsets,
    .text = self->text,
    .offsets = self->offsets,
    .adjacency = self->adjacency,
    .strengths = self->strengths,
    .days = self->days,
    .backing = self->backing,
  };
}

static void
circles_network_free (CirclesNetwork *self)
{
  CirclesSnapshotCache arrays = snapshot_of (self, -1);

  circles_snapshot_cache_clear (&arrays);
  g_free (self->degrees);
  g_free (self->flags);
  g_free (self->parents);
  g_free (self->chains);
  g_clear_pointer (&self->by_key, g_hash_table_unref);
  g_mutex_clear (&self->by_key_lock);
}

/* Everything read from the store, in one read transaction: from the
 * snapshot file when it is current, else row by row. */
static CirclesNetwork *
read_snapshot (CirclesStore  *store,
               GCancellable  *cancellable,
               gboolean      *cache_current,
               gint64        *generation,
               GError       **error)
{
  g_autoptr(CirclesNetwork) self = NULL;
  g_autofree guint32 *index_of_id = NULL;
  CirclesSnapshotCache cache;
  Loader loader = { 0 };
  gint64 n_people, max_id, me_id;

  me_id = circles_store_get_me (store);
  if (me_id <= 0)
    {
      g_set_error (error, CIRCLES_NETWORK_ERROR, CIRCLES_NETWORK_ERROR_NO_ME,
                   _("Nobody is “me” in this database yet: import your connections, or name yourself with --me"));
      return NULL;
    }

  *generation = circles_store_get_generation (store);
  max_id = circles_store_max_person_id (store);
  if (max_id < 0)
    {
      g_set_error (error, CIRCLES_NETWORK_ERROR, CIRCLES_NETWORK_ERROR_TOO_BIG,
                   _("The database cannot be read"));
      return NULL;
    }
  if (max_id >= G_MAXUINT32)
    {
      g_set_error (error, CIRCLES_NETWORK_ERROR, CIRCLES_NETWORK_ERROR_TOO_BIG,
                   _("The network is too big: Circles handles up to 4 billion people"));
      return NULL;
    }

  self = g_atomic_rc_box_new0 (CirclesNetwork);
  g_mutex_init (&self->by_key_lock);

  index_of_id = g_new (guint32, max_id + 1);
  memset (index_of_id, 0xff, sizeof (guint32) * (max_id + 1));
  loader.self = self;
  loader.me_id = me_id;
  loader.index_of_id = index_of_id;
  loader.max_id = max_id;

  *cache_current = circles_store_read_snapshot_cache (store, &cache);
  if (*cache_current)
    {
      self->n = cache.n_people;
      self->n_edges = cache.n_entries / 2;
      self->ids = g_steal_pointer (&cache.ids);
      self->text_offsets = g_steal_pointer (&cache.text_offsets);
      self->text = g_steal_pointer (&cache.text);
      self->text_size = cache.text_size;
      self->offsets = g_steal_pointer (&cache.offsets);
      self->adjacency = g_steal_pointer (&cache.adjacency);
      self->strengths = g_steal_pointer (&cache.strengths);
      self->days = g_steal_pointer (&cache.days);
      self->backing = g_steal_pointer (&cache.backing);
      for (guint i = 0; i < self->n; i++)
        if (self->ids[i] > 0 && self->ids[i] <= max_id)
          index_of_id[self->ids[i]] = i;
    }
  else
    {
      n_people = circles_store_count_people (store);
      if (n_people < 0 || n_people >= G_MAXUINT32)
        {
          g_set_error (error, CIRCLES_NETWORK_ERROR, CIRCLES_NETWORK_ERROR_TOO_BIG,
                       _("The database cannot be read"));
          return NULL;
        }
      self->n = n_people;
      if (!read_rows (self, store, &loader, error))
        return NULL;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (me_id > max_id || index_of_id[me_id] == CIRCLES_NO_PERSON)
    {
      g_set_error (error, CIRCLES_NETWORK_ERROR, CIRCLES_NETWORK_ERROR_NO_ME,
                   _("Nobody is “me” in this database yet: import your connections, or name yourself with --me"));
      return NULL;
    }
  self->me = index_of_id[me_id];

  self->flags = g_new0 (guint8, MAX (1, self->n));
  if (!circles_store_foreach_follower (store, me_id, flag_follower, &loader, error) ||
      !circles_store_foreach_group_fellow (store, me_id, flag_group_member, &loader, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* The people and connections of @store, from its snapshot file when it
 * is current; read the long way otherwise, and then kept in the file for
 * the next time. Not classified yet. */
static CirclesNetwork *
read_network (CirclesStore  *store,
              GCancellable  *cancellable,
              gboolean      *cache_current,
              GError       **error)
{
  g_autoptr(CirclesNetwork) self = NULL;
  gint64 generation = -1;

  if (!circles_store_begin_read (store, error))
    return NULL;
  self = read_snapshot (store, cancellable, cache_current, &generation, error);
  circles_store_end_read (store);
  if (self == NULL)
    return NULL;

  if (!*cache_current)
    {
      CirclesSnapshotCache cache = snapshot_of (self, generation);

      circles_store_write_snapshot_cache (store, &cache);
    }
  return g_steal_pointer (&self);
}

/**
 * circles_network_load:
 *
 * Reads people and connections from @store, then classifies everyone
 * seen from me. The store must not be used elsewhere meanwhile.
 *
 * Returns: (transfer full): the snapshot, or %NULL with @error set
 * (%CIRCLES_NETWORK_ERROR_NO_ME when nobody is me yet).
 */
CirclesNetwork *
circles_network_load (CirclesStore  *store,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(CirclesNetwork) self = NULL;
  gboolean cache_current = FALSE;
  gint64 start;

  g_return_val_if_fail (CIRCLES_IS_STORE (store), NULL);

  start = g_get_monotonic_time ();
  self = read_network (store, cancellable, &cache_current, error);
  if (self == NULL)
    return NULL;

  self->read_seconds = (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC;
  start = g_get_monotonic_time ();

  self->degrees = g_new (guint8, self->n);
  self->parents = g_new (guint32, self->n);
  self->chains = g_new0 (guint64, self->n);
  search_from_me (self);
  count_circles (self);

  self->classify_seconds = (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC;

  g_debug ("Loaded %u people, %" G_GUINT64_FORMAT " connections%s",
           self->n, self->n_edges, cache_current ? " (from the snapshot file)" : "");

  return g_steal_pointer (&self);
}

/**
 * circles_network_save_snapshot:
 *
 * Makes sure the snapshot file of @store is current, so that the next
 * opening maps it instead of reading every row: what an import does once
 * it has committed, while its user still waits for it.
 *
 * Returns: FALSE with @error set when the network cannot be read (as
 * when nobody is me yet).
 */
gboolean
circles_network_save_snapshot (CirclesStore  *store,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autoptr(CirclesNetwork) self = NULL;
  gboolean cache_current = FALSE;

  g_return_val_if_fail (CIRCLES_IS_STORE (store), FALSE);

  self = read_network (store, cancellable, &cache_current, error);
  return self != NULL;
}

static void
load_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  CirclesStore *store = task_data;
  GError *error = NULL;
  CirclesNetwork *network = circles_network_load (store, cancellable, &error);

  if (network == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, network, (GDestroyNotify)circles_network_unref);
}

/**
 * circles_network_load_async:
 *
 * Loads the snapshot in a worker thread; the store must not be used
 * until @callback runs.
 */
void
circles_network_load_async (CirclesStore        *store,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (CIRCLES_IS_STORE (store));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, circles_network_load_async);
  g_task_set_task_data (task, g_object_ref (store), g_object_unref);
  g_task_run_in_thread (task, load_in_thread);
}

CirclesNetwork *
circles_network_load_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == circles_network_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

CirclesNetwork *
circles_network_ref (CirclesNetwork *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
circles_network_unref (CirclesNetwork *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, (GDestroyNotify)circles_network_free);
}

guint
circles_network_get_n_people (CirclesNetwork *self)
{
  return self->n;
}

guint64
circles_network_get_n_connections (CirclesNetwork *self)
{
  return self->n_edges;
}

guint
circles_network_get_me (CirclesNetwork *self)
{
  return self->me;
}

/**
 * circles_network_count_subset:
 * @subset: a byte per person, not zero for those to count
 *
 * The counts of circles_network_get_counts(), for the people of @subset
 * only (me never counts; connections are left at 0).
 */
void
circles_network_count_subset (CirclesNetwork *self,
                              const guint8   *subset,
                              CirclesCounts  *counts)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (subset != NULL);
  g_return_if_fail (counts != NULL);

  count_people (self, self->degrees, subset, counts);
}

/**
 * circles_network_find_id:
 * @id: a database id
 *
 * Returns: the person with that id, or %CIRCLES_NO_PERSON; people are
 * numbered in the order of their ids
 */
guint
circles_network_find_id (CirclesNetwork *self,
                         gint64          id)
{
  guint lo = 0, hi;

  g_return_val_if_fail (self != NULL, CIRCLES_NO_PERSON);

  hi = self->n;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (self->ids[mid] == id)
        return mid;
      if (self->ids[mid] < id)
        lo = mid + 1;
      else
        hi = mid;
    }
  return CIRCLES_NO_PERSON;
}

/**
 * circles_network_get_day:
 *
 * Returns: the day the @i-th connection of @person was made: 1 for
 * 1970-01-01 (and before), one more each day; 0 when it is not known
 */
guint
circles_network_get_day (CirclesNetwork *self,
                         guint           person,
                         guint           i)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (person < self->n, 0);
  g_return_val_if_fail (i < self->offsets[person + 1] - self->offsets[person], 0);

  return self->days != NULL ? self->days[self->offsets[person] + i] : 0;
}

/**
 * circles_network_count_at:
 * @day: a day (circles_day_from_iso())
 * @counts: (out): the circles as they were at the end of @day
 *
 * Counts the circles of the network made only of the connections made
 * by @day; a connection without a date counts from the start. Followers
 * and group members are today's. One breadth-first search over the
 * rows, skipping later connections: the database is not read.
 */
void
circles_network_count_at (CirclesNetwork *self,
                          guint           day,
                          CirclesCounts  *counts)
{
  g_autofree guint8 *degrees = NULL;
  g_autofree guint32 *queue = NULL;
  guint head = 0, tail = 0;
  guint64 entries = 0;

  g_return_if_fail (self != NULL);
  g_return_if_fail (counts != NULL);

  degrees = g_malloc (MAX (1, self->n));
  queue = g_new (guint32, MAX (1, self->n));
  memset (degrees, CIRCLES_DEGREE_BEYOND, self->n);
  degrees[self->me] = 0;
  queue[tail++] = self->me;

  while (head < tail)
    {
      guint32 u = queue[head++];

      if (degrees[u] >= CIRCLES_MAX_DEGREE)
        break;
      for (guint32 p = self->offsets[u]; p < self->offsets[u + 1]; p++)
        {
          guint32 v = self->adjacency[p];

          if (self->days != NULL && self->days[p] > day)
            continue;
          if (degrees[v] == CIRCLES_DEGREE_BEYOND)
            {
              degrees[v] = degrees[u] + 1;
              queue[tail++] = v;
            }
        }
    }

  count_people (self, degrees, NULL, counts);
  if (self->days == NULL)
    entries = 2 * self->n_edges;
  else
    for (guint64 p = 0; p < 2 * self->n_edges; p++)
      entries += self->days[p] <= day;
  counts->connections = entries / 2;
}

const CirclesCounts *
circles_network_get_counts (CirclesNetwork *self)
{
  return &self->counts;
}

/* A text of a person, NULL when empty. */
static inline const char *
text_of (CirclesNetwork *self,
         CirclesText     field,
         guint           person)
{
  guint32 offset = self->text_offsets[(gsize)field * self->n + person];

  return offset != 0 && offset < self->text_size ? self->text + offset : NULL;
}

/**
 * circles_network_lookup:
 *
 * Returns: the person whose key is @key, or %CIRCLES_NO_PERSON.
 */
guint
circles_network_lookup (CirclesNetwork *self,
                        const char     *key)
{
  gpointer value;
  gboolean found;

  g_return_val_if_fail (self != NULL, CIRCLES_NO_PERSON);
  g_return_val_if_fail (key != NULL, CIRCLES_NO_PERSON);

  g_mutex_lock (&self->by_key_lock);
  if (self->by_key == NULL)
    {
      self->by_key = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < self->n; i++)
        g_hash_table_insert (self->by_key, (gpointer)text_of (self, CIRCLES_TEXT_KEY, i),
                             GUINT_TO_POINTER (i));
    }
  found = g_hash_table_lookup_extended (self->by_key, key, NULL, &value);
  g_mutex_unlock (&self->by_key_lock);

  return found ? GPOINTER_TO_UINT (value) : CIRCLES_NO_PERSON;
}

#define CHECK_PERSON(self, person, val)                       \
  G_STMT_START {                                              \
    g_return_val_if_fail ((self) != NULL, (val));             \
    g_return_val_if_fail ((person) < (self)->n, (val));       \
  } G_STMT_END

gint64
circles_network_get_id (CirclesNetwork *self,
                        guint           person)
{
  CHECK_PERSON (self, person, -1);
  return self->ids[person];
}

const char *
circles_network_get_key (CirclesNetwork *self,
                         guint           person)
{
  CHECK_PERSON (self, person, NULL);
  return text_of (self, CIRCLES_TEXT_KEY, person);
}

/* The display name, or the key when the files gave no name. */
const char *
circles_network_get_name (CirclesNetwork *self,
                          guint           person)
{
  CHECK_PERSON (self, person, NULL);
  return text_of (self, CIRCLES_TEXT_NAME, person) != NULL
         ? text_of (self, CIRCLES_TEXT_NAME, person)
         : text_of (self, CIRCLES_TEXT_KEY, person);
}

const char *
circles_network_get_company (CirclesNetwork *self,
                             guint           person)
{
  CHECK_PERSON (self, person, NULL);
  return text_of (self, CIRCLES_TEXT_COMPANY, person);
}

const char *
circles_network_get_position (CirclesNetwork *self,
                              guint           person)
{
  CHECK_PERSON (self, person, NULL);
  return text_of (self, CIRCLES_TEXT_POSITION, person);
}

const char *
circles_network_get_profile_url (CirclesNetwork *self,
                                 guint           person)
{
  CHECK_PERSON (self, person, NULL);
  return text_of (self, CIRCLES_TEXT_URL, person);
}

guint
circles_network_get_degree (CirclesNetwork *self,
                            guint           person)
{
  CHECK_PERSON (self, person, CIRCLES_DEGREE_BEYOND);
  return self->degrees[person];
}

guint
circles_network_get_flags (CirclesNetwork *self,
                           guint           person)
{
  CHECK_PERSON (self, person, 0);
  return self->flags[person];
}

/* The circle a person is drawn in: the ring when within three degrees,
 * else the warmest channel left (a shared group, then following). */
CirclesCircle
circles_network_get_circle (CirclesNetwork *self,
                            guint           person)
{
  CHECK_PERSON (self, person, CIRCLES_CIRCLE_OUT_OF_NETWORK);

  if (person == self->me)
    return CIRCLES_CIRCLE_ME;
  switch (self->degrees[person])
    {
    case 1: return CIRCLES_CIRCLE_FIRST;
    case 2: return CIRCLES_CIRCLE_SECOND;
    case 3: return CIRCLES_CIRCLE_THIRD;
    default: break;
    }
  if (self->flags[person] & CIRCLES_FLAG_GROUP_MEMBER)
    return CIRCLES_CIRCLE_GROUP_MEMBER;
  if (self->flags[person] & CIRCLES_FLAG_FOLLOWER)
    return CIRCLES_CIRCLE_FOLLOWER;
  return CIRCLES_CIRCLE_OUT_OF_NETWORK;
}

guint64
circles_network_count_chains (CirclesNetwork *self,
                              guint           person)
{
  CHECK_PERSON (self, person, 0);
  return self->degrees[person] <= CIRCLES_MAX_DEGREE ? self->chains[person] : 0;
}

guint
circles_network_get_parent (CirclesNetwork *self,
                            guint           person)
{
  CHECK_PERSON (self, person, CIRCLES_NO_PERSON);
  return self->parents[person];
}

guint
circles_network_get_n_neighbours (CirclesNetwork *self,
                                  guint           person)
{
  CHECK_PERSON (self, person, 0);
  return self->offsets[person + 1] - self->offsets[person];
}

const guint32 *
circles_network_get_neighbours (CirclesNetwork *self,
                                guint           person)
{
  CHECK_PERSON (self, person, NULL);
  return self->adjacency + self->offsets[person];
}

guint
circles_network_find_neighbour (CirclesNetwork *self,
                                guint           person,
                                guint           other)
{
  guint n = circles_network_get_n_neighbours (self, person);
  const guint32 *neighbours = circles_network_get_neighbours (self, person);

  for (guint i = 0; i < n; i++)
    if (neighbours[i] == other)
      return i;
  return G_MAXUINT;
}

double
circles_network_get_strength (CirclesNetwork *self,
                              guint           person,
                              guint           i)
{
  CHECK_PERSON (self, person, 1.0);
  g_return_val_if_fail (i < self->offsets[person + 1] - self->offsets[person], 1.0);
  return strength_at (self, self->offsets[person] + i);
}

void
circles_network_get_timings (CirclesNetwork *self,
                             double         *read_seconds,
                             double         *classify_seconds)
{
  g_return_if_fail (self != NULL);

  if (read_seconds != NULL)
    *read_seconds = self->read_seconds;
  if (classify_seconds != NULL)
    *classify_seconds = self->classify_seconds;
}
