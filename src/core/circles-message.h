/* circles-message.h: the messages Circles drafts, in one place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Names are display names, as given; the person written to is greeted
 * by the first word of theirs. A missing name gets a stand-in. */

/* A 2nd-degree prospect, me → @mutual → @prospect: an invitation to
 * @prospect naming the mutual connection (DOMAIN.md). */
char *circles_message_introduction     (const char *prospect,
                                        const char *mutual);

/* A 3rd-degree prospect reached through me → @first → @second →
 * @prospect: an invitation to @prospect naming the chain; @reasons
 * (CirclesReasons flags) add why the approach is welcome. */
char *circles_message_chain            (const char *prospect,
                                        const char *first,
                                        const char *second,
                                        guint       reasons);

/* The same chain, me → @first → @via → @prospect, taken the other way:
 * a request to @first, my 1st-degree connection, to put me in touch
 * with @via, who knows @prospect. For a chain of circles-paths.h,
 * @first is chain->people[1], @via chain->people[2], @prospect
 * chain->people[3]. */
char *circles_message_ask_introduction (const char *first,
                                        const char *via,
                                        const char *prospect);

/* A tie gone cold: a note to @name, my 1st-degree connection, to pick
 * up the thread. */
char *circles_message_catch_up         (const char *name);

G_END_DECLS
