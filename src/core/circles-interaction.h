/* circles-interaction.h: what really happened between me and a person
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* An invitation still pending between me and a person. */
typedef enum
{
  CIRCLES_INVITATION_NONE,
  CIRCLES_INVITATION_SENT,      /* I invited them */
  CIRCLES_INVITATION_RECEIVED,  /* they invited me */
} CirclesInvitation;

/* From the data archive: messages, invitations, endorsements and
 * recommendations between me and one person. Message contents are
 * never kept. */
typedef struct
{
  guint              messages_sent;      /* by me to them */
  guint              messages_received;  /* by them to me */
  char              *last_message;       /* ISO date, or NULL */
  CirclesInvitation  invitation;
  char              *invited_on;         /* ISO date, or NULL */
  guint              endorsements_given;     /* skills I endorsed them for */
  guint              endorsements_received;  /* skills they endorsed me for */
  guint              recommendations_given;
  guint              recommendations_received;
  GStrv              skills_given;       /* NULL unless asked for */
  GStrv              skills_received;    /* NULL unless asked for */
} CirclesInteraction;

void      circles_interaction_clear     (CirclesInteraction       *self);
gboolean  circles_interaction_is_empty  (const CirclesInteraction *self);

/* The r of a connection's strength w × r × t that our interactions
 * give, in 0.6..1 (0.6 is an unrated connection's), counted on @today
 * (a Julian day, as GDate counts them); -1 when there is no
 * interaction at all. See the README. */
double    circles_interaction_warmth    (const CirclesInteraction *self,
                                         guint32                   today);

/* Why a connection is as warm as it is: "23 messages, the last on
 * 3 November 2026 · endorsed you for Prospecting". NULL when there is
 * nothing to say. */
char     *circles_interaction_describe  (const CirclesInteraction *self);

/* "You invited them on 2 June 2026", "They invited you on …"; NULL
 * without a pending invitation. */
char     *circles_interaction_describe_invitation (const CirclesInteraction *self);

/* An ISO date as people read it: "3 November 2026". NULL when @iso is
 * no date. */
char     *circles_format_date           (const char               *iso);

/* The Julian day of an ISO date "YYYY-MM-DD…"; 0 when it is none. */
guint32   circles_julian_day            (const char               *iso);
/* Today's Julian day. */
guint32   circles_julian_today          (void);

G_END_DECLS
