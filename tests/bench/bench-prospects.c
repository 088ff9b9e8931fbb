/* bench-prospects.c: how fast introducers and reach gains are, in figures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: it measures and prints, on databases made beforehand with
 * `circles --db FILE demo --people N`:
 *
 *   bench-prospects [--samples N] [--top N] DB…
 *
 * For each database: the time to load the snapshot; introducers (ranking
 * and greedy cover) for every 2nd-degree person; the reach gain of
 * N sampled 2nd- and 3rd-degree people (mean and worst); the top list.
 * The targets on 1M people: under 1 s, 5 ms and 2 s.
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>

#include "circles-network.h"
#include "circles-prospects.h"
#include "circles-store.h"

static double
now (void)
{
  return g_get_monotonic_time () / (double)G_USEC_PER_SEC;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static int
bench_one (const char *path,
           guint       samples,
           guint       top)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CirclesStore) store = NULL;
  g_autoptr(CirclesNetwork) network = NULL;
  g_autoptr(CirclesReach) reach = NULL;
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autoptr(GRand) rand = g_rand_new_with_seed (6);
  double t0, load, intro_best = G_MAXDOUBLE, reach_new, top_time;
  double gain_total = 0, gain_worst = 0, gain_first = 0, worst_again;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  guint32 worst_person = CIRCLES_NO_PERSON;
  guint n_prospects = 0, n_cover = 0, n_ranked = 0;
  guint n;

  store = circles_store_open (path, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  t0 = now ();
  network = circles_network_load (store, NULL, &error);
  load = now () - t0;
  if (network == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  n = circles_network_get_n_people (network);
  printf ("%s: %'u people, %'" G_GUINT64_FORMAT " connections; 2nd %'" G_GUINT64_FORMAT
          ", 3rd %'" G_GUINT64_FORMAT "; snapshot loaded in %.3f s\n",
          path, n, circles_network_get_n_connections (network),
          circles_network_get_counts (network)->second,
          circles_network_get_counts (network)->third, load);

  /* Introducers for every 2nd-degree person: best of three. */
  for (guint round = 0; round < 3; round++)
    {
      g_autoptr(GArray) prospects = NULL;
      g_autoptr(CirclesIntroducers) introducers = NULL;
      double t;

      t0 = now ();
      prospects = circles_prospects_select (network, NULL);
      introducers = circles_introducers_find (network, (const guint32 *)prospects->data,
                                              prospects->len);
      t = now () - t0;
      intro_best = MIN (intro_best, t);
      n_prospects = introducers->n_prospects;
      n_ranked = introducers->ranking->len;
      n_cover = introducers->cover->len;
    }
  printf ("  introducers: %'u prospects, %'u introducers, cover of %'u: %.3f s\n",
          n_prospects, n_ranked, n_cover, intro_best);

  /* Introducers for the 2nd and the 3rd degree: chains of two steps. */
  {
    g_autoptr(CirclesProspectFilter) filter = circles_prospect_filter_parse ("circle=2|3", NULL);
    g_autoptr(GArray) prospects = NULL;
    g_autoptr(CirclesIntroducers) introducers = NULL;

    t0 = now ();
    circles_prospect_filter_bind (filter, network, store, NULL);
    prospects = circles_prospects_select (network, filter);
    introducers = circles_introducers_find (network, (const guint32 *)prospects->data,
                                            prospects->len);
    printf ("  introducers, --filter circle=2|3: %u prospects, cover of %u: %.3f s\n",
            introducers->n_prospects, introducers->cover->len, now () - t0);
  }

  /* What the window's prospects page does for a filter, in its worker:
   * bind (reading locations from the database), match everyone, count by
   * circle, select the prospects, rank their introducers; then whom the
   * first introducer reaches (on the main thread when one is chosen). */
  {
    const char *company = circles_network_get_company (network, circles_network_get_neighbours (network, circles_network_get_me (network))[0]);
    g_autofree char *expr = circles_prospect_filter_build (company, NULL, "a", NULL);
    g_autoptr(CirclesProspectFilter) filter = circles_prospect_filter_parse (expr, NULL);
    g_autoptr(GArray) prospects = NULL;
    g_autoptr(CirclesIntroducers) introducers = NULL;
    g_autofree guint8 *matches = g_new0 (guint8, n);
    g_autofree guint8 *is_prospect = g_new0 (guint8, n);
    g_autofree guint8 *mask = g_new0 (guint8, n);
    CirclesCounts counts;
    double bind, match, mark = 0;

    t0 = now ();
    circles_prospect_filter_bind (filter, network, store, NULL);
    bind = now () - t0;
    for (guint p = 0; p < n; p++)
      matches[p] = circles_prospect_filter_matches (filter, p);
    circles_network_count_subset (network, matches, &counts);
    prospects = circles_prospects_select (network, filter);
    for (guint k = 0; k < prospects->len; k++)
      is_prospect[g_array_index (prospects, guint32, k)] = 1;
    introducers = circles_introducers_find (network, (const guint32 *) prospects->data, prospects->len);
    match = now () - t0 - bind;
    if (introducers->ranking->len > 0)
      {
        t0 = now ();
        circles_introducer_mark_reach (network, g_array_index (introducers->ranking, CirclesIntroducer, 0).person,
                                       is_prospect, mask);
        mark = now () - t0;
      }
    printf ("  filter \"%s\": %'" G_GUINT64_FORMAT " match, %u prospects; bind %.3f s, "
            "match+count+introducers %.3f s, one introducer's reach %.2f ms\n",
            expr, counts.people, prospects->len, bind, match, mark * 1000.0);

    /* The page keeps what the first filter read: the next ones, typed
     * one after the other, bind without the store. */
    {
      g_autoptr(CirclesProspectFacts) facts = circles_prospect_facts_new ();
      g_autoptr(CirclesProspectFilter) first = circles_prospect_filter_parse ("location~a,group~x", NULL);
      g_autoptr(CirclesProspectFilter) next = circles_prospect_filter_parse ("location~e,group~a", NULL);
      double first_bind, next_bind;

      t0 = now ();
      circles_prospect_filter_bind_facts (first, network, store, facts, NULL);
      first_bind = now () - t0;
      t0 = now ();
      circles_prospect_filter_bind_facts (next, network, NULL, facts, NULL);
      next_bind = now () - t0;
      printf ("  the page's facts: first filter binds in %.3f s (reads the store), the next in %.3f s\n",
              first_bind, next_bind);
    }
  }

  /* Reach gains of sampled people. */
  t0 = now ();
  reach = circles_reach_new (network);
  reach_new = now () - t0;
  for (guint32 p = 0; p < n; p++)
    {
      guint degree = circles_network_get_degree (network, p);

      if (degree == 2 || degree == 3)
        g_array_append_val (candidates, p);
    }
  for (guint i = 0; i < samples && candidates->len > 0; i++)
    {
      guint32 p = g_array_index (candidates, guint32,
                                 g_rand_int_range (rand, 0, candidates->len));
      CirclesReachGain gain;
      double t;

      t0 = now ();
      circles_reach_gain (reach, p, &gain);
      t = now () - t0;
      if (i == 0)
        gain_first = t;
      gain_total += t;
      if (t > gain_worst)
        {
          gain_worst = t;
          worst_person = p;
        }
      g_array_append_val (times, t);
    }
  g_array_sort (times, compare_doubles);
  /* The worst again, warm: is it the person or the machine? */
  if (worst_person != CIRCLES_NO_PERSON)
    {
      CirclesReachGain gain;

      t0 = now ();
      for (guint i = 0; i < 10; i++)
        circles_reach_gain (reach, worst_person, &gain);
      worst_again = (now () - t0) / 10;
      printf ("  reach gain: the slowest sample (%u neighbours, +%u/+%u) takes %.4f ms when warm; "
              "median %.4f ms, 99th percentile %.4f ms\n",
              circles_network_get_n_neighbours (network, worst_person),
              gain.second_gain, gain.third_gain, worst_again * 1000,
              g_array_index (times, double, times->len / 2) * 1000,
              g_array_index (times, double, times->len * 99 / 100) * 1000);
    }
  /* The candidate with the most connections: the longest scan. */
  {
    guint32 biggest = CIRCLES_NO_PERSON;
    CirclesReachGain gain;

    for (guint i = 0; i < candidates->len; i++)
      {
        guint32 p = g_array_index (candidates, guint32, i);

        if (biggest == CIRCLES_NO_PERSON ||
            circles_network_get_n_neighbours (network, p) > circles_network_get_n_neighbours (network, biggest))
          biggest = p;
      }
    if (biggest != CIRCLES_NO_PERSON)
      {
        t0 = now ();
        circles_reach_gain (reach, biggest, &gain);
        printf ("  reach gain: the best-connected candidate (%u neighbours, +%u/+%u) takes %.4f ms\n",
                circles_network_get_n_neighbours (network, biggest),
                gain.second_gain, gain.third_gain, (now () - t0) * 1000);
      }
  }
  printf ("  reach gain: scratch made in %.3f ms; %u gains, first (cold) %.4f ms, "
          "mean %.4f ms, worst %.4f ms\n",
          reach_new * 1000, samples, gain_first * 1000,
          gain_total / MAX (1, samples) * 1000, gain_worst * 1000);

  /* The top list. */
  {
    g_autoptr(GArray) best = NULL;

    t0 = now ();
    best = circles_reach_top (network, top);
    top_time = now () - t0;
    printf ("  top %u reach gains over %'u candidates: %.3f s", top, candidates->len, top_time);
    if (best->len > 0)
      {
        const CirclesReachGain *first = &g_array_index (best, CirclesReachGain, 0);
        const CirclesReachGain *last = &g_array_index (best, CirclesReachGain, best->len - 1);

        printf (" (best +%u/+%u, %uth +%u/+%u)", first->second_gain, first->third_gain,
                best->len, last->second_gain, last->third_gain);
      }
    printf ("\n");
  }

  return 0;
}

int
main (int    argc,
      char **argv)
{
  int samples = 1000;
  int top = 100;
  GOptionEntry entries[] = {
    { "samples", 0, 0, G_OPTION_ARG_INT, &samples, "Reach gains to time", "N" },
    { "top", 0, 0, G_OPTION_ARG_INT, &top, "Length of the top list", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("DB…");
  g_autoptr(GError) error = NULL;
  int status = 0;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc < 2 ||
      samples < 0 || top < 1)
    {
      g_printerr ("bench-prospects: %s\n",
                  error != NULL ? error->message : "give one or more databases");
      return 2;
    }

  for (int i = 1; i < argc; i++)
    status |= bench_one (argv[i], samples, top);
  return status;
}
