/* circles-message.h: the first message to a prospect, drafted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A 2nd-degree prospect: an invitation naming the mutual connection
 * (DOMAIN.md). Names are shown as given. */
char *circles_message_introduction (const char *prospect,
                                    const char *mutual);

/* A 3rd-degree prospect reached through me → @first → @second →
 * @prospect; @reasons (CirclesReasons flags) add why the approach is
 * welcome. */
char *circles_message_chain        (const char *prospect,
                                    const char *first,
                                    const char *second,
                                    guint       reasons);

G_END_DECLS
