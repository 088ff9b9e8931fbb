/* circles-message.c: the messages Circles drafts, in one place
 *
 * Every drafted message lives here: the person pane and the prospect
 * list (CSV) draw from the same templates. They are English and
 * translated through gettext, so the language of the draft follows the
 * locale (French for a French desktop). A 2nd-degree invitation names
 * the mutual connection in its first lines, as the guide advises; a
 * 3rd-degree one names the chain and the reasons the user recorded for
 * making the approach, or asks the 1st-degree connection of the chain
 * for an introduction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "circles-message"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "circles-message.h"
#include "circles-store.h"

/* A name to put in a message, never empty. */
static const char *
name_or_placeholder (const char *name)
{
  if (name == NULL || *name == '\0')
    /* Translators: stands for a person whose name is hidden, in a
     * drafted message. */
    return _("there");
  return name;
}

/* The name to greet someone by: the first word of their name. */
static char *
greeting_name (const char *name)
{
  const char *end;

  while (name != NULL && *name == ' ')
    name++;
  if (name == NULL || *name == '\0')
    return g_strdup (name_or_placeholder (NULL));
  end = strchr (name, ' ');
  return end != NULL ? g_strndup (name, end - name) : g_strdup (name);
}

/**
 * circles_message_introduction:
 * @prospect: the name of the 2nd-degree person written to, greeted by
 *   their first name
 * @mutual: the name of the 1st-degree connection we share
 *
 * The invitation names the mutual connection, as the guide advises. The
 * person pane and the prospect list both draft it here.
 *
 * Returns: (transfer full): the drafted invitation, in the language of
 * the locale.
 */
char *
circles_message_introduction (const char *prospect,
                              const char *mutual)
{
  g_autofree char *greeting = greeting_name (prospect);

  /* Translators: a drafted invitation to a 2nd-degree person. The
   * first %s is that person's first name, the second the full name of the
   * connection they have in common with the user. Keep it short and
   * warm: it is sent as the invitation note. */
  return g_strdup_printf (_("Hello %s,\n\n"
                            "%s and I are connected, and I believe we would both gain from "
                            "knowing each other. May I add you to my network?\n\n"
                            "Looking forward to exchanging with you."),
                          greeting, name_or_placeholder (mutual));
}

/**
 * circles_message_chain:
 * @prospect: the name of the 3rd-degree person written to, greeted by
 *   their first name
 * @first: the 1st-degree connection of the chain
 * @second: the 2nd-degree person of the chain, who knows @prospect
 * @reasons: #CirclesReasons recorded for @prospect
 *
 * Returns: (transfer full): the drafted invitation, in the language of
 * the locale.
 */
char *
circles_message_chain (const char *prospect,
                       const char *first,
                       const char *second,
                       guint       reasons)
{
  g_autofree char *greeting = greeting_name (prospect);
  GString *message = g_string_new (NULL);

  /* Translators: the greeting of a drafted message; %s is a first name. */
  g_string_append_printf (message, _("Hello %s,"), greeting);
  g_string_append (message, "\n\n");

  /* The reasons come first: they are what makes a 3rd-degree approach
   * welcome. */
  if (reasons & CIRCLES_REASON_EVENT)
    {
      g_string_append (message, _("We met at a recent event and I enjoyed our conversation."));
      g_string_append_c (message, ' ');
    }
  if (reasons & CIRCLES_REASON_ALUMNI)
    {
      g_string_append (message, _("We share a school, an internship or a training."));
      g_string_append_c (message, ' ');
    }
  if (reasons & CIRCLES_REASON_COMMENTS)
    {
      g_string_append (message, _("I appreciated our exchange in the comments of your post."));
      g_string_append_c (message, ' ');
    }
  if (reasons & CIRCLES_REASON_HIGH_VALUE)
    {
      g_string_append (message, _("I have an offer that could be of real value to you."));
      g_string_append_c (message, ' ');
    }

  /* Translators: in a drafted message to a 3rd-degree person: the
   * first %s is a connection of the user, the second a connection of
   * that connection who knows the person written to. */
  g_string_append_printf (message, _("We are not far apart: I know %s, who knows %s."),
                          name_or_placeholder (first),
                          name_or_placeholder (second));
  g_string_append (message, "\n\n");
  g_string_append (message, _("May I add you to my network?"));
  g_string_append (message, "\n\n");
  g_string_append (message, _("Looking forward to exchanging with you."));

  return g_string_free (message, FALSE);
}

/**
 * circles_message_ask_introduction:
 * @first: the name of the 1st-degree connection written to, greeted by
 *   their first name
 * @via: the 2nd-degree person of the chain, a connection of @first
 * @prospect: the 3rd-degree person the chain leads to, a connection of
 *   @via
 *
 * For a 3rd-degree prospect, the warm way in: ask @first to put me in
 * touch with @via, who can then introduce me to @prospect.
 *
 * Returns: (transfer full): the drafted request, in the language of the
 * locale.
 */
char *
circles_message_ask_introduction (const char *first,
                                  const char *via,
                                  const char *prospect)
{
  g_autofree char *greeting = greeting_name (first);

  /* Translators: a drafted message to a connection of the user, asking
   * for an introduction. %1$s is that connection's first name; %2$s
   * the full name of a person they know; %3$s the full name of the
   * person the user wants to reach, who knows %2$s. */
  return g_strdup_printf (_("Hello %1$s,\n\n"
                            "I would like to get in touch with %3$s, who is a connection of %2$s. "
                            "Could you put me in touch with %2$s, so that I can ask for an "
                            "introduction?\n\n"
                            "Thank you in advance."),
                          greeting,
                          name_or_placeholder (via),
                          name_or_placeholder (prospect));
}

/**
 * circles_message_catch_up:
 * @name: the 1st-degree connection written to, greeted by their first
 *   name
 *
 * A tie gone cold (circles-cold.h): a short note to pick up the thread,
 * that asks for nothing yet.
 *
 * Returns: (transfer full): the drafted note, in the language of the
 * locale.
 */
char *
circles_message_catch_up (const char *name)
{
  g_autofree char *greeting = greeting_name (name);

  /* Translators: a drafted note to a connection the user has not
   * written to for a long time; %s is their first name. Warm, short,
   * and asking for nothing yet. */
  return g_strdup_printf (_("Hello %s,\n\n"
                            "It has been a while since we last spoke, and I was thinking of you. "
                            "How are you, and what are you working on these days?\n\n"
                            "I would be glad to catch up."),
                          greeting);
}
