/* circles-circle.c: one table of the circles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "circles-circle.h"

typedef struct
{
  const char *id;           /* circles_circle_to_string() */
  const char *css_class;
  const char *short_name;   /* msgctxt "circle" */
  const char *long_name;
  const char *group_name;   /* its people together: the legend's rows */
  const char *channel;
  const char *advice;
  const char *advice_icon;
  const char *icon_name;
} CircleInfo;

/* By CirclesCircle. */
static const CircleInfo circles[] = {
  [CIRCLES_CIRCLE_ME] = {
    "me", "me", NC_("circle", "You"), N_("This is you"), N_("You"),
    NULL, NULL, NULL, "avatar-default-symbolic",
  },
  [CIRCLES_CIRCLE_FIRST] = {
    "first", "first", NC_("circle", "1st"), N_("1st-degree connection"), N_("1st circle"),
    N_("Direct message"),
    N_("Nurture them: these relations create your opportunities"),
    "mail-send-symbolic", NULL,
  },
  [CIRCLES_CIRCLE_SECOND] = {
    "second", "second", NC_("circle", "2nd"), N_("2nd-degree connection"), N_("2nd circle"),
    N_("Invitation naming your mutual connection, or InMail with a premium plan"),
    N_("Your best targets: name the person you have in common in your first message"),
    "starred-symbolic", NULL,
  },
  [CIRCLES_CIRCLE_THIRD] = {
    "third", "third", NC_("circle", "3rd"), N_("3rd-degree connection"), N_("3rd circle"),
    N_("Invitation, or InMail with a premium plan"),
    N_("Approach with care: few accept, and a refusal is a bad first impression"),
    "dialog-warning-symbolic", NULL,
  },
  [CIRCLES_CIRCLE_FOLLOWER] = {
    "follower", "follower", NC_("circle", "Follower"), N_("Follower, beyond the 3rd degree"), N_("Followers"),
    N_("They read your posts"),
    N_("They read your posts: grow them for reach, there is no direct channel"),
    "application-rss+xml-symbolic", "application-rss+xml-symbolic",
  },
  [CIRCLES_CIRCLE_GROUP_MEMBER] = {
    "group_member", "group-member", NC_("circle", "Group member"), N_("Group member, beyond the 3rd degree"), N_("Group members"),
    N_("Message in the group you share"),
    N_("A warm channel: message them in the group you share"),
    "system-users-symbolic", "system-users-symbolic",
  },
  [CIRCLES_CIRCLE_OUT_OF_NETWORK] = {
    "out_of_network", "out-of-network", NC_("circle", "Out of network"), N_("Out of network"), N_("Out of network"),
    N_("No channel"),
    N_("Cannot be contacted"),
    "action-unavailable-symbolic", "action-unavailable-symbolic",
  },
};

static const CircleInfo *
info (CirclesCircle circle)
{
  return &circles[MIN ((guint) circle, (guint) CIRCLES_CIRCLE_OUT_OF_NETWORK)];
}

static const char *
translated (const char *text)
{
  return text != NULL ? _(text) : NULL;
}

const char *
circles_circle_to_string (CirclesCircle circle)
{
  g_return_val_if_fail ((guint) circle <= CIRCLES_CIRCLE_OUT_OF_NETWORK, NULL);

  return circles[circle].id;
}

const char *
circles_circle_get_short_name (CirclesCircle circle)
{
  return g_dpgettext2 (GETTEXT_PACKAGE, "circle", info (circle)->short_name);
}

const char *
circles_circle_get_long_name (CirclesCircle circle)
{
  return translated (info (circle)->long_name);
}

const char *
circles_circle_get_group_name (CirclesCircle circle)
{
  return translated (info (circle)->group_name);
}

const char *
circles_circle_get_channel (CirclesCircle circle)
{
  return translated (info (circle)->channel);
}

const char *
circles_circle_get_advice (CirclesCircle circle)
{
  return translated (info (circle)->advice);
}

const char *
circles_circle_get_advice_icon (CirclesCircle circle)
{
  return info (circle)->advice_icon;
}

const char *
circles_circle_get_icon_name (CirclesCircle circle)
{
  return info (circle)->icon_name;
}

const char *
circles_circle_get_css_class (CirclesCircle circle)
{
  return info (circle)->css_class;
}
