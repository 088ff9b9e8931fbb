/* circles-cold.c: the ties going cold, ranked by what they are worth
 *
 * A 1st-degree connection is worth, as an introducer, the people whose
 * warmest chain from me starts with them (the chain the person pane
 * and the canvas show first): for a 2nd-degree person the warmest
 * mutual connection, for a 3rd-degree one the first step of the
 * warmest chain. The time since the last message (or, without one,
 * since the connection was made) says how cold the tie is. README.md,
 * "Ties going cold", gives the ranking.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "circles-cold.h"

/* Days of an average month. */
#define DAYS_PER_MONTH 30.436875

/* The 1st-degree connection the warmest chain to @person starts with. */
static guint
first_step (CirclesNetwork *network,
            guint           person)
{
  while (person != CIRCLES_NO_PERSON && circles_network_get_degree (network, person) > 1)
    person = circles_network_get_parent (network, person);
  return person;
}

/* The day the connection me–@person was made, as a Julian day; 0 when
 * it is not known. */
static guint32
connected_on (CirclesNetwork *network,
              guint           person)
{
  guint me = circles_network_get_me (network);
  guint i = circles_network_find_neighbour (network, person, me);
  guint day = i != G_MAXUINT ? circles_network_get_day (network, person, i) : 0;

  return circles_day_to_julian (day);
}

static int
compare_ties (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const CirclesColdTie *ta = a, *tb = b;
  CirclesNetwork *network = user_data;

  if (ta->score != tb->score)
    return ta->score > tb->score ? -1 : 1;
  if (ta->reach != tb->reach)
    return ta->reach > tb->reach ? -1 : 1;
  return g_strcmp0 (circles_network_get_key (network, ta->person),
                    circles_network_get_key (network, tb->person));
}

GArray *
circles_cold_rank (CirclesNetwork *network,
                   const guint32  *last_message,
                   const guint8   *counted,
                   guint32         today)
{
  guint n;
  g_autofree guint *reach = NULL;
  GArray *ties;

  g_return_val_if_fail (network != NULL, NULL);

  n = circles_network_get_n_people (network);
  reach = g_new0 (guint, MAX (1, n));
  for (guint p = 0; p < n; p++)
    {
      guint degree = circles_network_get_degree (network, p);
      guint first;

      if (degree < 2 || degree > CIRCLES_MAX_DEGREE || (counted != NULL && !counted[p]))
        continue;
      first = first_step (network, p);
      if (first != CIRCLES_NO_PERSON)
        reach[first]++;
    }

  ties = g_array_new (FALSE, TRUE, sizeof (CirclesColdTie));
  for (guint p = 0; p < n; p++)
    {
      CirclesColdTie tie = { 0 };

      if (circles_network_get_degree (network, p) != 1 || reach[p] == 0)
        continue;

      tie.person = p;
      tie.reach = reach[p];
      tie.messaged = last_message != NULL && last_message[p] != 0;
      tie.since = tie.messaged ? last_message[p] : connected_on (network, p);
      if (tie.since != 0 && today > tie.since)
        tie.months = (guint) ((today - tie.since) / DAYS_PER_MONTH);
      tie.score = (double) tie.reach * tie.months;
      g_array_append_val (ties, tie);
    }

  g_array_sort_with_data (ties, compare_ties, network);
  return ties;
}
