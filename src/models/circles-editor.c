/* circles-editor.c: edits by hand, imports taken back, and their undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A model without widgets: the window's actions, the person pane and the
 * sources dialog ask it, and it writes through the session (in a worker,
 * then the network is reloaded). Each edit keeps what undoes it, as the
 * store gives it, with the database's generation after it: an undo is
 * only made while nothing else changed the database since.
 */
#define G_LOG_DOMAIN "circles-editor"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "circles-editor.h"
#include "circles-import.h"

typedef enum
{
  EDIT_FORGET,
  EDIT_LINK,
  EDIT_UNLINK,
  EDIT_ADD_PERSON,
  EDIT_UNDO,
} EditKind;

typedef struct
{
  GBytes *changes;     /* what undoes the edit */
  gint64  generation;  /* of the database right after it */
  char   *label;       /* what the edit did */
} UndoStep;

typedef struct
{
  EditKind             kind;
  gint64               source;
  gint64               a;
  gint64               b;      /* or the person to connect a new one to */
  char                *key;
  char                *name;
  char                *company;
  char                *position;
  char                *url;
  char                *message;  /* said when done */
  UndoStep             undo;     /* out, or in for EDIT_UNDO */
} Edit;

struct _CirclesEditor
{
  GObject         parent_instance;

  CirclesSession *session;
  GQueue          undo;  /* of UndoStep *, the last first */
};

G_DEFINE_FINAL_TYPE (CirclesEditor, circles_editor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_CAN_UNDO,
  PROP_UNDO_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
undo_step_clear (UndoStep *step)
{
  g_clear_pointer (&step->changes, g_bytes_unref);
  g_clear_pointer (&step->label, g_free);
}

static void
undo_step_free (UndoStep *step)
{
  undo_step_clear (step);
  g_free (step);
}

static void
edit_free (Edit *edit)
{
  g_free (edit->key);
  g_free (edit->name);
  g_free (edit->company);
  g_free (edit->position);
  g_free (edit->url);
  g_free (edit->message);
  undo_step_clear (&edit->undo);
  g_free (edit);
}

static void
notify_undo (CirclesEditor *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
}

static void
circles_editor_finalize (GObject *object)
{
  CirclesEditor *self = CIRCLES_EDITOR (object);

  g_queue_clear_full (&self->undo, (GDestroyNotify) undo_step_free);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (circles_editor_parent_class)->finalize (object);
}

static void
circles_editor_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CirclesEditor *self = CIRCLES_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, circles_editor_get_can_undo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, circles_editor_get_undo_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
circles_editor_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CirclesEditor *self = CIRCLES_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
circles_editor_class_init (CirclesEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = circles_editor_finalize;
  object_class->get_property = circles_editor_get_property;
  object_class->set_property = circles_editor_set_property;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, CIRCLES_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
circles_editor_init (CirclesEditor *self)
{
  g_queue_init (&self->undo);
}

CirclesEditor *
circles_editor_new (CirclesSession *session)
{
  g_return_val_if_fail (CIRCLES_IS_SESSION (session), NULL);

  return g_object_new (CIRCLES_TYPE_EDITOR, "session", session, NULL);
}

CirclesSession *
circles_editor_get_session (CirclesEditor *self)
{
  g_return_val_if_fail (CIRCLES_IS_EDITOR (self), NULL);

  return self->session;
}

gboolean
circles_editor_get_can_undo (CirclesEditor *self)
{
  g_return_val_if_fail (CIRCLES_IS_EDITOR (self), FALSE);

  return !g_queue_is_empty (&self->undo);
}

const char *
circles_editor_get_undo_label (CirclesEditor *self)
{
  UndoStep *step;

  g_return_val_if_fail (CIRCLES_IS_EDITOR (self), NULL);

  step = g_queue_peek_head (&self->undo);
  return step != NULL ? step->label : NULL;
}

/* In the worker. */
static gboolean
write_edit (CirclesStore    *store,
            CirclesNetwork  *network,
            gpointer         data,
            GError         **error)
{
  Edit *edit = data;
  CirclesPersonFields fields = { 0 };
  gboolean ok = FALSE;

  switch (edit->kind)
    {
    case EDIT_FORGET:
      ok = circles_store_forget_source (store, edit->source, &edit->undo.changes, error);
      break;
    case EDIT_LINK:
      ok = circles_store_link (store, edit->a, edit->b, &edit->undo.changes, error);
      break;
    case EDIT_UNLINK:
      ok = circles_store_unlink (store, edit->a, edit->b, &edit->undo.changes, error);
      break;
    case EDIT_ADD_PERSON:
      fields.display_name = edit->name;
      fields.company = edit->company;
      fields.position = edit->position;
      fields.profile_url = edit->url;
      ok = circles_store_add_person (store, edit->key, &fields, edit->b,
                                     &edit->undo.changes, error) > 0;
      break;
    case EDIT_UNDO:
      ok = circles_store_undo (store, edit->undo.changes, edit->undo.generation, error);
      break;
    default:
      g_assert_not_reached ();
    }

  if (ok)
    edit->undo.generation = circles_store_get_generation (store);
  return ok;
}

static void
write_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CirclesEditor *self = g_task_get_source_object (task);
  Edit *edit = g_task_get_task_data (task);
  GError *error = NULL;

  if (!circles_session_write_finish (CIRCLES_SESSION (object), result, &error))
    {
      /* What stood between the edit and its undo changed the database:
       * none of the older ones can be undone either. */
      if (g_error_matches (error, CIRCLES_STORE_ERROR, CIRCLES_STORE_ERROR_CHANGED))
        {
          g_queue_clear_full (&self->undo, (GDestroyNotify) undo_step_free);
          notify_undo (self);
        }
      else if (edit->kind == EDIT_UNDO)
        {
          UndoStep *step = g_new0 (UndoStep, 1);

          *step = edit->undo;
          memset (&edit->undo, 0, sizeof edit->undo);
          g_queue_push_head (&self->undo, step);
          notify_undo (self);
        }
      g_task_return_error (task, error);
      return;
    }

  /* The database is as it was right after the edit before: that one
   * can be undone now, at the generation the undo made. */
  if (edit->kind == EDIT_UNDO && !g_queue_is_empty (&self->undo))
    ((UndoStep *) g_queue_peek_head (&self->undo))->generation = edit->undo.generation;
  if (edit->kind != EDIT_UNDO)
    {
      UndoStep *step = g_new0 (UndoStep, 1);

      step->changes = g_steal_pointer (&edit->undo.changes);
      step->generation = edit->undo.generation;
      step->label = g_strdup (edit->message);
      g_queue_push_head (&self->undo, step);
      while (g_queue_get_length (&self->undo) > CIRCLES_EDITOR_UNDO_DEPTH)
        undo_step_free (g_queue_pop_tail (&self->undo));
      notify_undo (self);
    }
  g_task_return_boolean (task, TRUE);
}

static void
start_edit (CirclesEditor       *self,
            Edit                *edit,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  GTask *task = g_task_new (self, NULL, callback, user_data);

  g_task_set_source_tag (task, start_edit);
  g_task_set_task_data (task, edit, (GDestroyNotify) edit_free);
  circles_session_write_async (self->session, write_edit, edit, NULL, write_cb, task);
}

/* The database ids of @a and @b (CIRCLES_NO_PERSON: none), people of
 * the network on screen, into @edit. */
static gboolean
people_of_network (CirclesEditor  *self,
                   guint           a,
                   guint           b,
                   Edit           *edit,
                   GError        **error)
{
  CirclesNetwork *network = circles_session_get_network (self->session);
  guint n = network != NULL ? circles_network_get_n_people (network) : 0;

  if (a >= n || (b != CIRCLES_NO_PERSON && b >= n))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           _("This person is not in the network on screen"));
      return FALSE;
    }
  edit->a = circles_network_get_id (network, a);
  edit->b = b != CIRCLES_NO_PERSON ? circles_network_get_id (network, b) : 0;
  return TRUE;
}

static void
fail_now (CirclesEditor       *self,
          Edit                *edit,
          GError              *error,
          GAsyncReadyCallback  callback,
          gpointer             user_data)
{
  GTask *task = g_task_new (self, NULL, callback, user_data);

  g_task_set_source_tag (task, start_edit);
  edit_free (edit);
  g_task_return_error (task, error);
  g_object_unref (task);
}

void
circles_editor_forget_async (CirclesEditor       *self,
                             gint64               source,
                             const char          *name,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  Edit *edit;

  g_return_if_fail (CIRCLES_IS_EDITOR (self));
  g_return_if_fail (name != NULL);

  edit = g_new0 (Edit, 1);
  edit->kind = EDIT_FORGET;
  edit->source = source;
  /* Translators: a toast, after an import was taken back; %s is a file
   * name, or what the import was ("Added by hand") */
  edit->message = g_strdup_printf (_("Removed “%s”"), name);
  start_edit (self, edit, callback, user_data);
}

static void
link_or_unlink (CirclesEditor       *self,
                EditKind             kind,
                guint                a,
                guint                b,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  CirclesNetwork *network = circles_session_get_network (self->session);
  Edit *edit = g_new0 (Edit, 1);
  GError *error = NULL;

  edit->kind = kind;
  if (b == CIRCLES_NO_PERSON || !people_of_network (self, a, b, edit, &error))
    {
      if (error == NULL)
        error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                                     _("Choose a second person"));
      fail_now (self, edit, error, callback, user_data);
      return;
    }
  if (kind == EDIT_LINK)
    /* Translators: a toast; the two names of people */
    edit->message = g_strdup_printf (_("Connected %s and %s"),
                                     circles_network_get_name (network, a),
                                     circles_network_get_name (network, b));
  else
    /* Translators: a toast; the two names of people */
    edit->message = g_strdup_printf (_("Disconnected %s and %s"),
                                     circles_network_get_name (network, a),
                                     circles_network_get_name (network, b));
  start_edit (self, edit, callback, user_data);
}

void
circles_editor_link_async (CirclesEditor       *self,
                           guint                a,
                           guint                b,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_return_if_fail (CIRCLES_IS_EDITOR (self));

  link_or_unlink (self, EDIT_LINK, a, b, callback, user_data);
}

void
circles_editor_unlink_async (CirclesEditor       *self,
                             guint                a,
                             guint                b,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (CIRCLES_IS_EDITOR (self));

  link_or_unlink (self, EDIT_UNLINK, a, b, callback, user_data);
}

static char *
stripped_or_null (const char *text)
{
  char *copy;

  if (text == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);
  return copy;
}

void
circles_editor_add_person_async (CirclesEditor       *self,
                                 const char          *name,
                                 const char          *company,
                                 const char          *position,
                                 const char          *url,
                                 guint                link_to,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  CirclesNetwork *network = circles_session_get_network (self->session);
  Edit *edit;
  GError *error = NULL;

  g_return_if_fail (CIRCLES_IS_EDITOR (self));

  edit = g_new0 (Edit, 1);
  edit->kind = EDIT_ADD_PERSON;
  edit->name = stripped_or_null (name);
  edit->company = stripped_or_null (company);
  edit->position = stripped_or_null (position);
  edit->url = stripped_or_null (url);
  if (edit->name == NULL)
    {
      fail_now (self, edit, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                                                 _("A new person needs a name")),
                callback, user_data);
      return;
    }
  if (link_to != CIRCLES_NO_PERSON && !people_of_network (self, link_to, CIRCLES_NO_PERSON, edit, &error))
    {
      fail_now (self, edit, error, callback, user_data);
      return;
    }
  /* The person to connect to is the second one. */
  edit->b = edit->a;
  edit->a = 0;

  /* Keyed as an import of their profile would key them; without a
   * profile, by a key of their own that no import gives. */
  if (edit->url != NULL)
    edit->key = circles_import_profile_key (edit->url);
  if (edit->key == NULL)
    {
      g_autofree char *uuid = g_uuid_string_random ();

      edit->key = g_strconcat ("added:", uuid, NULL);
    }

  if (link_to != CIRCLES_NO_PERSON)
    /* Translators: a toast; a new person's name, and whom they know */
    edit->message = g_strdup_printf (_("Added %s, connected to %s"), edit->name,
                                     circles_network_get_name (network, link_to));
  else
    /* Translators: a toast; a new person's name */
    edit->message = g_strdup_printf (_("Added %s"), edit->name);
  start_edit (self, edit, callback, user_data);
}

void
circles_editor_undo_async (CirclesEditor       *self,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  UndoStep *step;
  Edit *edit;

  g_return_if_fail (CIRCLES_IS_EDITOR (self));

  edit = g_new0 (Edit, 1);
  edit->kind = EDIT_UNDO;
  step = g_queue_peek_head (&self->undo);
  if (step == NULL)
    {
      fail_now (self, edit, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                                                 _("Nothing to undo")),
                callback, user_data);
      return;
    }
  if (circles_session_get_busy (self->session))
    {
      fail_now (self, edit, g_error_new_literal (G_IO_ERROR, G_IO_ERROR_PENDING,
                                                 _("The database is busy")),
                callback, user_data);
      return;
    }

  g_queue_pop_head (&self->undo);
  edit->undo = *step;
  g_free (step);
  /* Translators: a toast, after Undo; %s says what was undone */
  edit->message = g_strdup_printf (_("Undone: %s"), edit->undo.label);
  notify_undo (self);
  start_edit (self, edit, callback, user_data);
}

gboolean
circles_editor_finish (CirclesEditor  *self,
                       GAsyncResult   *result,
                       char          **message,
                       GError        **error)
{
  Edit *edit;

  g_return_val_if_fail (CIRCLES_IS_EDITOR (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  edit = g_task_get_task_data (G_TASK (result));
  if (message != NULL)
    *message = g_strdup (edit->message);
  return TRUE;
}

/* {{{ The imports */

static CirclesSourceRow *
source_row_copy (const CirclesSourceRow *row)
{
  CirclesSourceRow *copy = g_new (CirclesSourceRow, 1);

  *copy = *row;
  copy->file = g_strdup (row->file);
  copy->format = g_strdup (row->format);
  copy->owner_key = g_strdup (row->owner_key);
  copy->owner_name = g_strdup (row->owner_name);
  copy->imported = g_strdup (row->imported);
  return copy;
}

static void
source_row_free (CirclesSourceRow *row)
{
  g_free ((char *) row->file);
  g_free ((char *) row->format);
  g_free ((char *) row->owner_key);
  g_free ((char *) row->owner_name);
  g_free ((char *) row->imported);
  g_free (row);
}

static void
add_source (const CirclesSourceRow *row,
            gpointer                user_data)
{
  g_ptr_array_add (user_data, source_row_copy (row));
}

static gboolean
read_sources (CirclesStore  *store,
              gpointer       data,
              GError       **error)
{
  return circles_store_foreach_source (store, add_source, data, error);
}

static void
read_sources_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GPtrArray *rows;

  rows = circles_worker_store_run_finish (result, &error);
  if (rows == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_ptr_array_ref (rows), (GDestroyNotify) g_ptr_array_unref);
}

/**
 * circles_editor_list_sources_async:
 *
 * Reads the imports the database keeps, in a worker: what Remove can
 * take back.
 */
void
circles_editor_list_sources_async (CirclesEditor       *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (CIRCLES_IS_EDITOR (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, circles_editor_list_sources_async);
  circles_worker_store_run_async (circles_session_get_worker_store (self->session), self,
                                  read_sources,
                                  g_ptr_array_new_with_free_func ((GDestroyNotify) source_row_free),
                                  (GDestroyNotify) g_ptr_array_unref,
                                  cancellable, read_sources_cb, task);
}

/**
 * circles_editor_list_sources_finish:
 *
 * Returns: (transfer container) (element-type CirclesSourceRow): the
 * imports, the latest first; NULL on error
 */
GPtrArray *
circles_editor_list_sources_finish (CirclesEditor  *self,
                                    GAsyncResult   *result,
                                    GError        **error)
{
  g_return_val_if_fail (CIRCLES_IS_EDITOR (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* }}} */
