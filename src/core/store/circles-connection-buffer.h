/* circles-connection-buffer.h: the connections of an import, in key order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One connection as the buffer hands it out: a < b. */
typedef struct
{
  gint64      a;
  gint64      b;
  double      strength;  /* negative: none given */
  const char *since;     /* NULL: none given */
} CirclesBufferedConnection;

typedef struct _CirclesConnectionBuffer CirclesConnectionBuffer;

/* Called with up to a few thousand connections in order; FALSE with
 * @error set stops the drain. */
typedef gboolean (*CirclesConnectionSink) (const CirclesBufferedConnection  *rows,
                                           guint                             n_rows,
                                           gpointer                          user_data,
                                           GError                          **error);

/* @batch: how many connections are held in memory before a sorted run
 * of them goes to a temporary file (0: the default). */
CirclesConnectionBuffer *circles_connection_buffer_new    (guint                     batch);
void                     circles_connection_buffer_free   (CirclesConnectionBuffer  *self);
/* Forgets every connection added. */
void                     circles_connection_buffer_clear  (CirclesConnectionBuffer  *self);
/* How many connections were added since the last drain or clear. */
guint64                  circles_connection_buffer_get_length (CirclesConnectionBuffer *self);
/* @a < @b; @since is copied. FALSE when a run cannot be written. */
gboolean                 circles_connection_buffer_add    (CirclesConnectionBuffer  *self,
                                                           gint64                    a,
                                                           gint64                    b,
                                                           double                    strength,
                                                           const char               *since,
                                                           GError                  **error);
/* Hands every connection added to @sink, sorted by (a, b), each pair
 * once: of the values given for the same pair, the last one added wins
 * (strength and since apart). Empties the buffer, even on error. */
gboolean                 circles_connection_buffer_drain  (CirclesConnectionBuffer  *self,
                                                           CirclesConnectionSink     sink,
                                                           gpointer                  user_data,
                                                           GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CirclesConnectionBuffer, circles_connection_buffer_free)

G_END_DECLS
