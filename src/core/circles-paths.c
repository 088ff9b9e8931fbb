/* circles-paths.c: the chains from me to a prospect, warmest first
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A chain is a shortest path me → … → target; its warmth is the product
 * of the strengths of its connections. The number of chains comes from
 * the breadth-first search (counted, never enumerated). The first N
 * chains are found by walking the shortest-path DAG backwards from the
 * target (at most three steps) and keeping the N best in a bounded heap:
 * the cost is the sum of the degrees of the intermediaries, not the
 * number of chains.
 */
#define G_LOG_DOMAIN "circles-paths"

#include "config.h"

#include <string.h>

#include "circles-paths.h"

typedef struct
{
  CirclesNetwork *network;
  CirclesChain   *heap;   /* heap[0] is the worst chain kept */
  guint           len;
  guint           limit;
} Best;

/* < 0 when @a is better (comes first) than @b: warmer, then by the keys
 * of the people along the chain. */
static int
compare_chains (CirclesNetwork     *network,
                const CirclesChain *a,
                const CirclesChain *b)
{
  if (a->warmth != b->warmth)
    return a->warmth > b->warmth ? -1 : 1;

  for (guint i = 1; i < MIN (a->length, b->length); i++)
    if (a->people[i] != b->people[i])
      {
        int c = strcmp (circles_network_get_key (network, a->people[i]),
                        circles_network_get_key (network, b->people[i]));
        if (c != 0)
          return c;
      }

  return (int)a->length - (int)b->length;
}

static void
sift_down (Best  *best,
           guint  i)
{
  for (;;)
    {
      guint l = 2 * i + 1, r = l + 1, worst = i;
      CirclesChain tmp;

      if (l < best->len && compare_chains (best->network, &best->heap[l], &best->heap[worst]) > 0)
        worst = l;
      if (r < best->len && compare_chains (best->network, &best->heap[r], &best->heap[worst]) > 0)
        worst = r;
      if (worst == i)
        return;
      tmp = best->heap[i];
      best->heap[i] = best->heap[worst];
      best->heap[worst] = tmp;
      i = worst;
    }
}

static void
sift_up (Best  *best,
         guint  i)
{
  while (i > 0)
    {
      guint parent = (i - 1) / 2;
      CirclesChain tmp;

      if (compare_chains (best->network, &best->heap[i], &best->heap[parent]) <= 0)
        return;
      tmp = best->heap[i];
      best->heap[i] = best->heap[parent];
      best->heap[parent] = tmp;
      i = parent;
    }
}

static void
offer (Best               *best,
       const CirclesChain *chain)
{
  if (best->limit == 0)
    return;

  if (best->len < best->limit)
    {
      best->heap[best->len++] = *chain;
      sift_up (best, best->len - 1);
    }
  else if (compare_chains (best->network, chain, &best->heap[0]) < 0)
    {
      best->heap[0] = *chain;
      sift_down (best, 0);
    }
}

static int
compare_chains_sort (gconstpointer a,
                     gconstpointer b,
                     gpointer      network)
{
  return compare_chains (network, a, b);
}

/* Strength of the connection between @a and @b, found from @a's row. */
static double
strength_between (CirclesNetwork *network,
                  guint           a,
                  guint           b)
{
  const guint32 *row = circles_network_get_neighbours (network, a);
  guint n = circles_network_get_n_neighbours (network, a);
  guint lo = 0, hi = n;

  /* Rows are sorted by person: a binary search. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (row[mid] < b)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo < n && row[lo] == b ? circles_network_get_strength (network, a, lo) : 0.0;
}

/* Walks back from @chain->people[step] to me, one degree per step. */
static void
walk_back (Best         *best,
           CirclesChain *chain,
           guint         step,
           double        warmth)
{
  CirclesNetwork *network = best->network;
  guint person = chain->people[step];
  const guint32 *row;
  guint n;

  if (step == 0)
    {
      chain->warmth = warmth;
      offer (best, chain);
      return;
    }

  if (step == 1)
    {
      /* person is 1st-degree: the last link is the one with me. */
      chain->people[0] = circles_network_get_me (network);
      walk_back (best, chain, 0,
                 warmth * strength_between (network, person, chain->people[0]));
      return;
    }

  row = circles_network_get_neighbours (network, person);
  n = circles_network_get_n_neighbours (network, person);
  for (guint i = 0; i < n; i++)
    if (circles_network_get_degree (network, row[i]) == step - 1)
      {
        chain->people[step - 1] = row[i];
        walk_back (best, chain, step - 1,
                   warmth * circles_network_get_strength (network, person, i));
      }
}

/**
 * circles_paths_find:
 * @limit: how many chains to list
 *
 * Returns: (transfer full): the target's degree, how many shortest
 * chains reach it, the first @limit of them warmest first and, for a
 * 2nd-degree target, its mutual connections with me.
 */
CirclesPaths *
circles_paths_find (CirclesNetwork *network,
                    guint           target,
                    guint           limit)
{
  CirclesPaths *paths;
  guint requested = limit;
  guint degree;

  g_return_val_if_fail (network != NULL, NULL);
  g_return_val_if_fail (target < circles_network_get_n_people (network), NULL);

  degree = circles_network_get_degree (network, target);

  paths = g_new0 (CirclesPaths, 1);
  paths->target = target;
  paths->degree = degree;
  paths->chains = g_array_new (FALSE, FALSE, sizeof (CirclesChain));
  paths->mutual = g_array_new (FALSE, FALSE, sizeof (guint32));

  if (degree > CIRCLES_MAX_DEGREE)
    return paths;

  paths->chains_total = circles_network_count_chains (network, target);

  /* The mutual connections of a 2nd-degree person are all its chains. */
  if (degree == 2)
    limit = MAX (limit, (guint)MIN (paths->chains_total, G_MAXUINT));

  {
    Best best = { network, NULL, 0, limit };
    CirclesChain chain = { 0 };

    best.heap = g_new (CirclesChain, MAX (1, MIN (limit, paths->chains_total)));
    best.limit = MIN (limit, paths->chains_total);
    chain.length = degree + 1;
    chain.people[degree] = target;
    walk_back (&best, &chain, degree, 1.0);

    g_array_append_vals (paths->chains, best.heap, best.len);
    g_array_sort_with_data (paths->chains, compare_chains_sort, network);
    g_free (best.heap);
  }

  if (degree == 2)
    {
      for (guint i = 0; i < paths->chains->len; i++)
        {
          const CirclesChain *c = &g_array_index (paths->chains, CirclesChain, i);
          guint32 mutual = c->people[1];

          g_array_append_val (paths->mutual, mutual);
        }
      if (paths->chains->len > requested)
        g_array_set_size (paths->chains, requested);
    }

  return paths;
}

void
circles_paths_free (CirclesPaths *paths)
{
  if (paths == NULL)
    return;

  g_array_unref (paths->chains);
  g_array_unref (paths->mutual);
  g_free (paths);
}
