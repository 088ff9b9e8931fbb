/* circles-growth.c: how the network grew, month by month
 *
 * One pass over the rows: each connection with a date counts once, in
 * the month it was made and the circle it reaches. README.md, "How the
 * network grew", says what is counted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "circles-growth.h"

/* Months since year 0 of a day of circles_network_get_day(). */
static guint
month_of_day (guint day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, circles_day_to_julian (day));
  return g_date_get_year (&date) * 12 + g_date_get_month (&date) - 1;
}

#define N_DAYS (G_MAXUINT16 + 1)

GArray *
circles_growth_by_circle (CirclesNetwork *network)
{
  g_autofree guint *per_day = NULL;  /* [ring - 1][day] */
  guint n, first_day = G_MAXUINT, last_day = 0, first_month;
  GArray *months;

  g_return_val_if_fail (network != NULL, NULL);

  /* Counted by day first: a day is 16 bits, and a month is found once
   * per day rather than once per connection. */
  per_day = g_new0 (guint, CIRCLES_MAX_DEGREE * N_DAYS);
  n = circles_network_get_n_people (network);
  for (guint a = 0; a < n; a++)
    {
      const guint32 *neighbours = circles_network_get_neighbours (network, a);
      guint degree_a = circles_network_get_degree (network, a);

      for (guint i = 0; i < circles_network_get_n_neighbours (network, a); i++)
        {
          guint b = neighbours[i];
          guint day = circles_network_get_day (network, a, i);
          guint ring = MAX (degree_a, circles_network_get_degree (network, b));

          /* Each connection once, from its lower end. */
          if (b < a || day == 0 || ring < 1 || ring > CIRCLES_MAX_DEGREE)
            continue;
          per_day[(ring - 1) * N_DAYS + day]++;
          first_day = MIN (first_day, day);
          last_day = MAX (last_day, day);
        }
    }

  months = g_array_new (FALSE, TRUE, sizeof (CirclesGrowthMonth));
  if (first_day > last_day)
    return months;

  first_month = month_of_day (first_day);
  g_array_set_size (months, month_of_day (last_day) - first_month + 1);
  for (guint m = 0; m < months->len; m++)
    {
      CirclesGrowthMonth *month = &g_array_index (months, CirclesGrowthMonth, m);

      month->year = (first_month + m) / 12;
      month->month = (first_month + m) % 12 + 1;
    }
  for (guint day = first_day; day <= last_day; day++)
    {
      CirclesGrowthMonth *month = &g_array_index (months, CirclesGrowthMonth, month_of_day (day) - first_month);

      month->first += per_day[day];
      month->second += per_day[N_DAYS + day];
      month->third += per_day[2 * N_DAYS + day];
    }
  return months;
}
