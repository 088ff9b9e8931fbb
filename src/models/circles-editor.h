/* circles-editor.h: edits by hand, imports taken back, and their undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "circles-session.h"

G_BEGIN_DECLS

#define CIRCLES_TYPE_EDITOR (circles_editor_get_type ())

G_DECLARE_FINAL_TYPE (CirclesEditor, circles_editor, CIRCLES, EDITOR, GObject)

/* How many edits can be undone, the last first. */
#define CIRCLES_EDITOR_UNDO_DEPTH 20

CirclesEditor  *circles_editor_new              (CirclesSession       *session);
CirclesSession *circles_editor_get_session      (CirclesEditor        *self);
gboolean        circles_editor_get_can_undo     (CirclesEditor        *self);
/* What Undo would undo: "Remove “colleague.csv”", or NULL. */
const char     *circles_editor_get_undo_label   (CirclesEditor        *self);

/* Takes an import back (see circles_store_forget_source()); @name says
 * what it is, for the toast. */
void            circles_editor_forget_async     (CirclesEditor        *self,
                                                 gint64                source,
                                                 const char           *name,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
/* Connects two people of the network on screen. */
void            circles_editor_link_async       (CirclesEditor        *self,
                                                 guint                 a,
                                                 guint                 b,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
void            circles_editor_unlink_async     (CirclesEditor        *self,
                                                 guint                 a,
                                                 guint                 b,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
/* A new person (keyed by @url when given), connected to @link_to, a
 * person of the network on screen, unless CIRCLES_NO_PERSON. */
void            circles_editor_add_person_async (CirclesEditor        *self,
                                                 const char           *name,
                                                 const char           *company,
                                                 const char           *position,
                                                 const char           *url,
                                                 guint                 link_to,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
/* Undoes the last edit or removal. */
void            circles_editor_undo_async       (CirclesEditor        *self,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
/* @message: (out) (optional): what was done, for a toast. */
gboolean        circles_editor_finish           (CirclesEditor        *self,
                                                 GAsyncResult         *result,
                                                 char                **message,
                                                 GError              **error);

/* The imports the database keeps (CirclesSourceRow), read in a worker. */
void            circles_editor_list_sources_async  (CirclesEditor       *self,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
GPtrArray      *circles_editor_list_sources_finish (CirclesEditor       *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);

G_END_DECLS
