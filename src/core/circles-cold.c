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

#include <glib/gi18n-lib.h>

#include "circles-cold.h"
#include "circles-format.h"
#include "circles-interaction.h"

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

typedef struct
{
  CirclesNetwork *network;
  guint32        *last_message;
} LastMessages;

static void
collect_last_message (gint64                    id,
                      const CirclesInteraction *interaction,
                      gpointer                  user_data)
{
  LastMessages *collect = user_data;
  guint person = circles_network_find_id (collect->network, id);

  if (person != CIRCLES_NO_PERSON && interaction->last_message != NULL)
    collect->last_message[person] = circles_julian_day (interaction->last_message);
}

/**
 * circles_cold_read_last_messages:
 *
 * Returns: (transfer full): per person of @network, the Julian day of
 * our last message (0: none), as the data archive gave it to @store;
 * NULL on a store error
 */
guint32 *
circles_cold_read_last_messages (CirclesNetwork  *network,
                                 CirclesStore    *store,
                                 GError         **error)
{
  g_autofree guint32 *last_message = NULL;
  LastMessages collect;

  g_return_val_if_fail (network != NULL, NULL);
  g_return_val_if_fail (CIRCLES_IS_STORE (store), NULL);

  last_message = g_new0 (guint32, MAX (1, circles_network_get_n_people (network)));
  collect.network = network;
  collect.last_message = last_message;
  if (!circles_store_foreach_interaction (store, collect_last_message, &collect, error))
    return NULL;
  return g_steal_pointer (&last_message);
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

/* Why the tie ranks where it does: "reaches 41 of your people · last
 * message 26 months ago". */
char *
circles_cold_tie_describe (const CirclesColdTie *tie,
                           gboolean              prospects)
{
  g_autofree char *reach = circles_format_count (tie->reach);
  g_autofree char *months = circles_format_count (tie->months);
  g_autofree char *reaches = NULL;
  g_autofree char *since = NULL;

  if (prospects)
    /* Translators: why a cold tie matters; %s is a number */
    reaches = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "reaches %s of your prospects",
                                            "reaches %s of your prospects", tie->reach), reach);
  else
    /* Translators: why a cold tie matters; %s is a number of 2nd- and
     * 3rd-degree people */
    reaches = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "reaches %s person of your network",
                                            "reaches %s people of your network", tie->reach), reach);

  if (tie->since == 0)
    since = g_strdup (_("no message nor date of connection known"));
  else if (tie->messaged)
    /* Translators: %s is a number of months */
    since = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "last message %s month ago",
                                          "last message %s months ago", tie->months), months);
  else
    /* Translators: %s is a number of months */
    since = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "no message, connected %s month ago",
                                          "no message, connected %s months ago", tie->months), months);

  /* Translators: the two reasons of a cold tie, "reaches 41 of your
   * prospects · last message 26 months ago" */
  return g_strdup_printf (_("%s · %s"), reaches, since);
}
