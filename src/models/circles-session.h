/* circles-session.h: one open network database, as the windows see it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "circles-import.h"
#include "circles-network.h"
#include "circles-scene.h"
#include "circles-selection.h"
#include "circles-store.h"
#include "circles-worker-store.h"

G_BEGIN_DECLS

typedef enum
{
  CIRCLES_SESSION_STATE_NONE,       /* nothing loaded yet */
  CIRCLES_SESSION_STATE_LOADING,    /* opening the database, building the snapshot */
  CIRCLES_SESSION_STATE_GENERATING, /* writing a demo network */
  CIRCLES_SESSION_STATE_READY,      /* the network is loaded */
  CIRCLES_SESSION_STATE_EMPTY,      /* nobody is me, or me knows nobody */
  CIRCLES_SESSION_STATE_FAILED,     /* see circles_session_get_error() */
} CirclesSessionState;

/* The steps of a load, each in a worker. */
typedef enum
{
  CIRCLES_SESSION_STAGE_NONE,
  CIRCLES_SESSION_STAGE_OPENING,  /* the database */
  CIRCLES_SESSION_STAGE_READING,  /* the network, its circles */
  CIRCLES_SESSION_STAGE_PLACING,  /* the layout of the rings, the scene */
} CirclesSessionStage;

/* Size of the demo network offered to an empty database, me included. */
#define CIRCLES_SESSION_DEMO_PEOPLE 2000u
#define CIRCLES_SESSION_DEMO_SEED   1

/* Above this many connections, a selection's chains are found in a
 * worker (about 10 ms of the click at 100,000 people, 1.5 million
 * connections). */
#define CIRCLES_SESSION_SELECTION_WORKER_LINKS 2000000u

#define CIRCLES_TYPE_SESSION_STATE (circles_session_state_get_type ())
#define CIRCLES_TYPE_SESSION       (circles_session_get_type ())
#define CIRCLES_TYPE_SESSION_STAGE (circles_session_stage_get_type ())

GType circles_session_state_get_type (void) G_GNUC_CONST;
GType circles_session_stage_get_type (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (CirclesSession, circles_session, CIRCLES, SESSION, GObject)

CirclesSession      *circles_session_new                  (const char           *path);
const char          *circles_session_get_path             (CirclesSession       *self);
const char          *circles_session_get_title            (CirclesSession       *self);
CirclesSessionState  circles_session_get_state            (CirclesSession       *self);
CirclesSessionStage  circles_session_get_stage            (CirclesSession       *self);
gboolean             circles_session_get_busy             (CirclesSession       *self);
const GError        *circles_session_get_error            (CirclesSession       *self);
CirclesWorkerStore  *circles_session_get_worker_store     (CirclesSession       *self);
CirclesNetwork      *circles_session_get_network          (CirclesSession       *self);
CirclesScene        *circles_session_get_scene            (CirclesSession       *self);
double               circles_session_get_progress         (CirclesSession       *self);
guint                circles_session_get_selected         (CirclesSession       *self);
void                 circles_session_select               (CirclesSession       *self,
                                                           guint                 person);
CirclesSelection    *circles_session_get_selection        (CirclesSession       *self);
const guint32       *circles_session_get_chain            (CirclesSession       *self,
                                                           guint                *length);
void                 circles_session_set_chain            (CirclesSession       *self,
                                                           const guint32        *people,
                                                           guint                 length);

void                 circles_session_load_async           (CirclesSession       *self,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gboolean             circles_session_load_finish          (CirclesSession       *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);

void                 circles_session_generate_demo_async  (CirclesSession       *self,
                                                           guint                 n_people,
                                                           guint64               seed,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gboolean             circles_session_generate_demo_finish (CirclesSession       *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);

void                 circles_session_import_async         (CirclesSession       *self,
                                                           const char           *path,
                                                           CirclesImportFormat   format,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
void                 circles_session_import_owned_async   (CirclesSession       *self,
                                                           const char           *path,
                                                           CirclesImportFormat   format,
                                                           const char           *owner_key,
                                                           gboolean              refuse_foreign,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gboolean             circles_session_import_finish        (CirclesSession       *self,
                                                           GAsyncResult         *result,
                                                           CirclesImportReport  *report,
                                                           GError              **error);

void                 circles_session_export_async         (CirclesSession       *self,
                                                           const char           *path,
                                                           const CirclesView    *view,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gboolean             circles_session_export_finish        (CirclesSession       *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);

void                 circles_session_rate_async           (CirclesSession       *self,
                                                           guint                 person,
                                                           int                   rating,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gboolean             circles_session_rate_finish          (CirclesSession       *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);
/* Writes in a worker with the session's store; TRUE when written. The
 * network is the one on screen (may be NULL). */
typedef gboolean (*CirclesSessionWriteFunc) (CirclesStore   *store,
                                             CirclesNetwork *network,
                                             gpointer        data,
                                             GError        **error);
void                 circles_session_write_async          (CirclesSession       *self,
                                                           CirclesSessionWriteFunc func,
                                                           gpointer              data,
                                                           GDestroyNotify        destroy,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gboolean             circles_session_write_finish         (CirclesSession       *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);

G_END_DECLS
