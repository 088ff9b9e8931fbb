/* circles-interaction.c: what really happened between me and a person
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The warmth of a connection I have not rated comes from our
 * interactions. Tie-strength research finds recency and intensity of
 * contact the best predictors of a strong tie (Gilbert and Karahalios,
 * 2009), so they weigh most:
 *
 *   recency    R = 2^(-days since the last message / 180)   (0 without)
 *   intensity  I = min (1, ln (1 + messages) / ln (101))
 *   reciprocity B = 1 when messages went both ways, else 0
 *   vouching   V = min (1, 0.25 × endorsements + 0.5 × recommendations)
 *                  (either way)
 *   s = 0.4 R + 0.3 I + 0.15 B + 0.15 V          in 0..1
 *   r = 0.6 + 0.4 s                              in 0.6..1
 *
 * 0.6 is the r of an unrated connection (3 stars of 5) and 1 that of
 * 5 stars: an interaction never makes a tie colder than knowing
 * nothing, a message last week makes it clearly warmer (r ≈ 0.77 for a
 * single one, ≈ 0.9 for a lively exchange), and one from years ago
 * hardly counts. My own rating, when I set one, overrides all of it.
 */
#define G_LOG_DOMAIN "circles-interaction"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "circles-format.h"
#include "circles-interaction.h"

#define RECENCY_HALF_LIFE_DAYS 180.0
#define INTENSITY_FULL         100.0

void
circles_interaction_clear (CirclesInteraction *self)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->last_message, g_free);
  g_clear_pointer (&self->invited_on, g_free);
  g_clear_pointer (&self->skills_given, g_strfreev);
  g_clear_pointer (&self->skills_received, g_strfreev);
  memset (self, 0, sizeof *self);
}

gboolean
circles_interaction_is_empty (const CirclesInteraction *self)
{
  return self->messages_sent == 0 && self->messages_received == 0
         && self->invitation == CIRCLES_INVITATION_NONE
         && self->endorsements_given == 0 && self->endorsements_received == 0
         && self->recommendations_given == 0
         && self->recommendations_received == 0;
}

guint32
circles_julian_day (const char *iso)
{
  guint y, m, d;
  GDate date;

  if (iso == NULL || sscanf (iso, "%4u-%2u-%2u", &y, &m, &d) != 3
      || y < 1 || y > 9999 || !g_date_valid_dmy (d, m, y))
    return 0;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return g_date_get_julian (&date);
}

guint32
circles_julian_today (void)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_time_t (&date, time (NULL));
  return g_date_get_julian (&date);
}

double
circles_interaction_warmth (const CirclesInteraction *self,
                            guint32                   today)
{
  guint messages = self->messages_sent + self->messages_received;
  guint vouches = self->endorsements_given + self->endorsements_received;
  guint recommendations = self->recommendations_given + self->recommendations_received;
  double recency = 0, intensity, both, vouching, s;
  guint32 last = circles_julian_day (self->last_message);

  if (messages == 0 && vouches == 0 && recommendations == 0)
    return -1;

  if (messages > 0 && last > 0)
    recency = exp2 (-(double) (today > last ? today - last : 0) / RECENCY_HALF_LIFE_DAYS);
  intensity = MIN (1.0, log1p (messages) / log1p (INTENSITY_FULL));
  both = self->messages_sent > 0 && self->messages_received > 0 ? 1.0 : 0.0;
  vouching = MIN (1.0, 0.25 * vouches + 0.5 * recommendations);

  s = 0.4 * recency + 0.3 * intensity + 0.15 * both + 0.15 * vouching;
  return 0.6 + 0.4 * CLAMP (s, 0.0, 1.0);
}

char *
circles_format_date (const char *iso)
{
  guint32 day = circles_julian_day (iso);
  g_autoptr(GDateTime) time = NULL;
  GDate date;

  if (day == 0)
    return NULL;
  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  time = g_date_time_new_utc (g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date), 12, 0, 0);
  /* TRANSLATORS: a date as g_date_time_format() writes it: 3 November 2026 */
  return g_date_time_format (time, _("%-d %B %Y"));
}

/* "Prospecting, Sales and Negotiation" */
static char *
join_skills (GStrv skills)
{
  guint n = skills != NULL ? g_strv_length (skills) : 0;
  g_autofree char *head = NULL;

  if (n == 0)
    return NULL;
  if (n == 1)
    return g_strdup (skills[0]);
  {
    g_autofree char **first = g_new0 (char *, n);

    for (guint i = 0; i + 1 < n; i++)
      first[i] = skills[i];
    /* TRANSLATORS: the separator of a list, before its last item */
    head = g_strjoinv (_(", "), first);
  }
  /* TRANSLATORS: the last two items of a list: "A, B and C" */
  return g_strdup_printf (_("%s and %s"), head, skills[n - 1]);
}

char *
circles_interaction_describe (const CirclesInteraction *self)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  guint messages;

  g_return_val_if_fail (self != NULL, NULL);

  messages = self->messages_sent + self->messages_received;
  if (messages > 0)
    {
      g_autofree char *count = circles_format_count (messages);
      g_autofree char *date = circles_format_date (self->last_message);

      if (date != NULL)
        g_ptr_array_add (parts,
                         /* TRANSLATORS: %s are a count and a date */
                         g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "%s message, on %s",
                                                       "%s messages, the last on %s",
                                                       circles_format_plural (messages)),
                                          count, date));
      else
        g_ptr_array_add (parts,
                         g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "%s message", "%s messages",
                                                       circles_format_plural (messages)),
                                          count));
      if (self->messages_sent == 0)
        g_ptr_array_add (parts, g_strdup (_("all from them")));
      else if (self->messages_received == 0)
        g_ptr_array_add (parts, g_strdup (_("all from you")));
    }

  if (self->skills_received != NULL && self->skills_received[0] != NULL)
    {
      g_autofree char *skills = join_skills (self->skills_received);

      g_ptr_array_add (parts, g_strdup_printf (_("endorsed you for %s"), skills));
    }
  else if (self->endorsements_received > 0)
    g_ptr_array_add (parts, g_strdup (_("endorsed you")));

  if (self->skills_given != NULL && self->skills_given[0] != NULL)
    {
      g_autofree char *skills = join_skills (self->skills_given);

      g_ptr_array_add (parts, g_strdup_printf (_("you endorsed them for %s"), skills));
    }
  else if (self->endorsements_given > 0)
    g_ptr_array_add (parts, g_strdup (_("you endorsed them")));

  if (self->recommendations_received > 0)
    g_ptr_array_add (parts, g_strdup (_("recommended you")));
  if (self->recommendations_given > 0)
    g_ptr_array_add (parts, g_strdup (_("you recommended them")));

  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

char *
circles_interaction_describe_invitation (const CirclesInteraction *self)
{
  g_autofree char *date = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->invitation == CIRCLES_INVITATION_NONE)
    return NULL;
  date = circles_format_date (self->invited_on);
  if (self->invitation == CIRCLES_INVITATION_SENT)
    return date != NULL ? g_strdup_printf (_("You invited them on %s"), date)
                        : g_strdup (_("You invited them"));
  return date != NULL ? g_strdup_printf (_("They invited you on %s"), date)
                      : g_strdup (_("They invited you"));
}
