/* circles-window.c: the main window
 *
 * A window shows one session: a spinner while the database opens, an
 * invitation to fill it when it is empty, the reason when it cannot be
 * opened, and the diagram of the circles once the network is loaded,
 * between the people panel (left) and the person pane (right). Its
 * actions live in circles-window-actions.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "circles-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "circles-people-panel.h"
#include "circles-person-pane.h"
#include "circles-window-private.h"

G_DEFINE_FINAL_TYPE (CirclesWindow, circles_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *
error_title (const GError *error)
{
  if (error != NULL && error->domain == CIRCLES_STORE_ERROR)
    {
      switch ((CirclesStoreError)error->code)
        {
        case CIRCLES_STORE_ERROR_NOT_CIRCLES:
          return _("Not a Circles Database");
        case CIRCLES_STORE_ERROR_CORRUPT:
          return _("The Database Is Damaged");
        case CIRCLES_STORE_ERROR_TOO_NEW:
          return _("Made by a Newer Version of Circles");
        case CIRCLES_STORE_ERROR_BUSY:
          return _("The Database Is in Use");
        case CIRCLES_STORE_ERROR_READ_ONLY:
          return _("The Database Is Read-Only");
        case CIRCLES_STORE_ERROR_OPEN:
        case CIRCLES_STORE_ERROR_FULL:
        case CIRCLES_STORE_ERROR_NO_ME:
        case CIRCLES_STORE_ERROR_FAILED:
        default:
          break;
        }
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return _("Opening Cancelled");
  return _("Cannot Open the Network");
}

/* Where opening is: one of three steps, each in a worker. */
static const char *
stage_text (CirclesSessionStage stage)
{
  switch (stage)
    {
    case CIRCLES_SESSION_STAGE_OPENING:
      return _("Step 1 of 3: opening the database");
    case CIRCLES_SESSION_STAGE_READING:
      return _("Step 2 of 3: reading the people and their connections");
    case CIRCLES_SESSION_STAGE_PLACING:
      return _("Step 3 of 3: placing the people on the rings");
    case CIRCLES_SESSION_STAGE_NONE:
    default:
      return NULL;
    }
}

/* The folder of the database, with the home folder as "~". */
static char *
display_folder (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  const char *home = g_get_home_dir ();
  g_autofree char *display = NULL;

  if (home != NULL && g_str_has_prefix (dir, home) &&
      (dir[strlen (home)] == '/' || dir[strlen (home)] == '\0'))
    {
      g_autofree char *relative = g_strconcat ("~", dir + strlen (home), NULL);

      return g_filename_display_name (relative);
    }

  return g_filename_display_name (dir);
}


/* GTK 4.8 names a button with a mnemonic twice ("_Cancel Cancel"): from
 * its label, underscore included, and from the label child that points
 * back at it. The child alone says it right. */
static void
fix_mnemonic_button_names (GtkWidget *widget)
{
  if (GTK_IS_BUTTON (widget) &&
      gtk_button_get_use_underline (GTK_BUTTON (widget)) &&
      gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    fix_mnemonic_button_names (child);
}

static void
circles_window_update_state (CirclesWindow *self)
{
  CirclesSessionState state = circles_session_get_state (self->session);
  const char *page = "loading";

  switch (state)
    {
    case CIRCLES_SESSION_STATE_NONE:
    case CIRCLES_SESSION_STATE_LOADING:
      adw_status_page_set_title (self->loading_page, _("Opening the Network…"));
      adw_status_page_set_description (self->loading_page, stage_text (circles_session_get_stage (self->session)));
      gtk_widget_set_visible (self->cancel_load_button, TRUE);
      break;

    case CIRCLES_SESSION_STATE_GENERATING:
      {
        g_autofree char *people = g_strdup_printf ("%'u", CIRCLES_SESSION_DEMO_PEOPLE);
        g_autofree char *description = NULL;

        /* Translators: %s is a number of people, such as 2,000. */
        description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    "%s person is joining your circles",
                                                    "%s people are joining your circles",
                                                    CIRCLES_SESSION_DEMO_PEOPLE),
                                       people);
        adw_status_page_set_title (self->loading_page, _("Creating a Demo Network…"));
        adw_status_page_set_description (self->loading_page, description);
        gtk_widget_set_visible (self->cancel_load_button, FALSE);
      }
      break;

    case CIRCLES_SESSION_STATE_READY:
      page = "network";
      g_settings_set_string (self->settings, "last-database",
                             circles_session_get_path (self->session));
      break;

    case CIRCLES_SESSION_STATE_EMPTY:
      page = "empty";
      break;

    case CIRCLES_SESSION_STATE_FAILED:
      {
        const GError *error = circles_session_get_error (self->session);
        g_autofree char *markup = NULL;

        if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
          markup = g_strdup (_("The network was not opened. Try again when you have the time, or open another database."));
        else if (error != NULL)
          markup = g_markup_escape_text (error->message, -1);
        adw_status_page_set_title (self->error_page, error_title (error));
        adw_status_page_set_description (self->error_page, markup);
        page = "error";
      }
      break;

    default:
      g_assert_not_reached ();
    }

  gtk_spinner_set_spinning (self->spinner, g_str_equal (page, "loading"));
  gtk_stack_set_visible_child_name (self->stack, page);
  gtk_widget_set_visible (self->sidebar_button, g_str_equal (page, "network"));
  gtk_widget_set_visible (self->overview_button, g_str_equal (page, "network"));
  gtk_widget_set_visible (self->export_menu_button, g_str_equal (page, "network"));
  gtk_widget_set_visible (self->search_button, g_str_equal (page, "network"));
  _circles_window_update_actions (self);
}

static void
circles_window_notify_state_cb (CirclesWindow  *self,
                                GParamSpec     *pspec,
                                CirclesSession *session)
{
  circles_window_update_state (self);
}

static void
circles_window_notify_busy_cb (CirclesWindow  *self,
                               GParamSpec     *pspec,
                               CirclesSession *session)
{
  _circles_window_update_actions (self);
}

static void
circles_window_notify_network_cb (CirclesWindow  *self,
                                  GParamSpec     *pspec,
                                  CirclesSession *session)
{
  circles_overview_set_network (self->overview,
                                circles_session_get_network (session));
  _circles_window_search_reset (self);
}

/* The layout, by the window's width (libadwaita 1.2 has no breakpoints):
 * the rings keep half of the window (at least RINGS_MIN pixels, and no
 * more than RINGS_ROOM are asked for); the person pane sits beside them when it leaves
 * them that, else over them; the people panel sits beside them when it
 * leaves them that too, else it folds away behind its button. The flaps
 * only fold: the window never grows to make room. */
#define PEOPLE_PANEL_WIDTH 377 /* with its separator */
#define PERSON_PANE_WIDTH  361
#define RINGS_MIN          360
#define RINGS_ROOM         640

enum { PANEL_UNKNOWN, PANEL_DOCKED, PANEL_FOLDED };

static int
rings_need (int width)
{
  return CLAMP (width / 2, RINGS_MIN, RINGS_ROOM);
}

void
_circles_window_update_layout (CirclesWindow *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  gboolean person = self->session != NULL &&
                    circles_session_get_selected (self->session) != CIRCLES_NO_PERSON;
  gboolean pane_docked, panel_docked, was_docked;

  if (width <= 0)
    return;

  pane_docked = width - PERSON_PANE_WIDTH >= rings_need (width);
  panel_docked = width - PEOPLE_PANEL_WIDTH - (person && pane_docked ? PERSON_PANE_WIDTH : 0) >=
                 rings_need (width);
  /* Our own last decision: AdwFlap may have folded itself at first. */
  was_docked = self->panel_layout != PANEL_FOLDED;
  self->panel_layout = panel_docked ? PANEL_DOCKED : PANEL_FOLDED;

  self->applying_layout = TRUE;
  adw_flap_set_fold_policy (self->pane_flap, pane_docked ? ADW_FLAP_FOLD_POLICY_NEVER
                                                         : ADW_FLAP_FOLD_POLICY_ALWAYS);
  adw_flap_set_reveal_flap (self->pane_flap, person);
  adw_flap_set_fold_policy (self->flap, panel_docked ? ADW_FLAP_FOLD_POLICY_NEVER
                                                     : ADW_FLAP_FOLD_POLICY_ALWAYS);
  /* Docked, the panel is there when the user wants it; folded, it shows
   * over the rings only when asked for. */
  if (panel_docked)
    adw_flap_set_reveal_flap (self->flap, self->panel_wanted);
  else if (was_docked)
    adw_flap_set_reveal_flap (self->flap, FALSE);
  self->applying_layout = FALSE;

  /* Over the rings, the pane hides their end: the view frames the rest. */
  circles_canvas_set_covered_end (self->canvas, person && !pane_docked ? PERSON_PANE_WIDTH : 0);
}

static void
circles_window_notify_reveal_panel_cb (CirclesWindow *self,
                                       GParamSpec    *pspec,
                                       AdwFlap       *flap)
{
  /* The user's own choice, while the panel has its room. */
  if (!self->applying_layout && !adw_flap_get_folded (flap))
    self->panel_wanted = adw_flap_get_reveal_flap (flap);
}

static gboolean
circles_window_layout_cb (gpointer user_data)
{
  CirclesWindow *self = user_data;

  self->layout_id = 0;
  _circles_window_update_layout (self);
  return G_SOURCE_REMOVE;
}

static void
circles_window_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  CirclesWindow *self = CIRCLES_WINDOW (widget);

  GTK_WIDGET_CLASS (circles_window_parent_class)->size_allocate (widget, width, height, baseline);

  /* Not while allocating: the flaps would ask for another layout. */
  if (self->layout_id == 0)
    self->layout_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, circles_window_layout_cb, self, NULL);
}

static void
circles_window_notify_selected_cb (CirclesWindow  *self,
                                   GParamSpec     *pspec,
                                   CirclesSession *session)
{
  _circles_window_update_layout (self);
}

static void
circles_window_set_session (CirclesWindow  *self,
                            CirclesSession *session)
{
  g_autofree char *folder = NULL;

  g_assert (self->session == NULL);
  g_assert (CIRCLES_IS_SESSION (session));

  self->session = g_object_ref (session);

  folder = display_folder (circles_session_get_path (session));
  adw_window_title_set_title (self->window_title, circles_session_get_title (session));
  adw_window_title_set_subtitle (self->window_title, folder);

  g_signal_connect_object (session, "notify::state",
                           G_CALLBACK (circles_window_notify_state_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::busy",
                           G_CALLBACK (circles_window_notify_busy_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::stage",
                           G_CALLBACK (circles_window_update_state),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::network",
                           G_CALLBACK (circles_window_notify_network_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "notify::selected",
                           G_CALLBACK (circles_window_notify_selected_cb),
                           self, G_CONNECT_SWAPPED);

  _circles_window_watch_session (self);
  circles_canvas_set_session (self->canvas, session);
  adw_bin_set_child (self->people_panel_slot,
                     g_object_new (CIRCLES_TYPE_PEOPLE_PANEL, "session", session, NULL));
  adw_bin_set_child (self->person_pane_slot,
                     g_object_new (CIRCLES_TYPE_PERSON_PANE, "session", session, NULL));
  fix_mnemonic_button_names (GTK_WIDGET (self->people_panel_slot));
  fix_mnemonic_button_names (GTK_WIDGET (self->person_pane_slot));
}

static void
circles_window_constructed (GObject *object)
{
  CirclesWindow *self = (CirclesWindow *)object;

  G_OBJECT_CLASS (circles_window_parent_class)->constructed (object);

  g_return_if_fail (self->session != NULL);

  circles_overview_set_network (self->overview,
                                circles_session_get_network (self->session));
  circles_window_update_state (self);

  /* A new session is opened as soon as it has a window. */
  if (circles_session_get_state (self->session) == CIRCLES_SESSION_STATE_NONE)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.reload", NULL);
}

static gboolean
circles_window_close_request (GtkWindow *window)
{
  CirclesWindow *self = CIRCLES_WINDOW (window);
  int width, height;

  gtk_window_get_default_size (window, &width, &height);

  g_settings_delay (self->settings);
  if (!gtk_window_is_maximized (window) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (window));
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (circles_window_parent_class)->close_request (window);
}

static void
circles_window_dispose (GObject *object)
{
  CirclesWindow *self = (CirclesWindow *)object;

  g_cancellable_cancel (self->cancellable);
  if (self->load_cancellable != NULL)
    g_cancellable_cancel (self->load_cancellable);
  g_clear_handle_id (&self->layout_id, g_source_remove);
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), CIRCLES_TYPE_WINDOW);

  G_OBJECT_CLASS (circles_window_parent_class)->dispose (object);
}

static void
circles_window_finalize (GObject *object)
{
  CirclesWindow *self = (CirclesWindow *)object;

  g_clear_object (&self->editor);
  g_clear_object (&self->session);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings);
  g_clear_object (&self->import_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_pointer (&self->import_name, g_free);
  g_clear_object (&self->import_file);
  g_queue_clear_full (&self->import_queue, g_object_unref);
  g_clear_pointer (&self->search_texts, g_ptr_array_unref);
  g_clear_pointer (&self->matches, g_array_unref);

  G_OBJECT_CLASS (circles_window_parent_class)->finalize (object);
}

static void
circles_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  CirclesWindow *self = CIRCLES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
circles_window_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  CirclesWindow *self = CIRCLES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      circles_window_set_session (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
circles_window_class_init (CirclesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = circles_window_constructed;
  object_class->dispose = circles_window_dispose;
  object_class->finalize = circles_window_finalize;
  object_class->get_property = circles_window_get_property;
  object_class->set_property = circles_window_set_property;

  window_class->close_request = circles_window_close_request;
  widget_class->size_allocate = circles_window_size_allocate;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL,
                         CIRCLES_TYPE_SESSION,
                         (G_PARAM_READWRITE |
                          G_PARAM_CONSTRUCT_ONLY |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/circles-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CirclesWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CirclesWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CirclesWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CirclesWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, CirclesWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, CirclesWindow, cancel_load_button);
  gtk_widget_class_bind_template_child (widget_class, CirclesWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CirclesWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, CirclesWindow, overview);
  gtk_widget_class_bind_template_child (widget_class, CirclesWindow, canvas);
  gtk_widget_class_bind_template_child (widget_class, CirclesWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, CirclesWindow, people_panel_slot);
  gtk_widget_class_bind_template_child (widget_class, CirclesWindow, pane_flap);
  gtk_widget_class_bind_template_child (widget_class, CirclesWindow, person_pane_slot);
  gtk_widget_class_bind_template_child (widget_class, CirclesWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, CirclesWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, CirclesWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CirclesWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, CirclesWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CirclesWindow, search_status);
  gtk_widget_class_bind_template_child (widget_class, CirclesWindow, import_menu_button);
  gtk_widget_class_bind_template_child (widget_class, CirclesWindow, export_menu_button);
  gtk_widget_class_bind_template_child (widget_class, CirclesWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, CirclesWindow, overview_button);
  gtk_widget_class_bind_template_child (widget_class, CirclesWindow, sidebar_button);

  _circles_window_class_init_actions (widget_class);

  g_type_ensure (CIRCLES_TYPE_OVERVIEW);
  g_type_ensure (CIRCLES_TYPE_CANVAS);
}

static void
circles_window_init (CirclesWindow *self)
{
  self->cancellable = g_cancellable_new ();
  self->settings = g_settings_new (APP_ID);

  gtk_widget_init_template (GTK_WIDGET (self));
  fix_mnemonic_button_names (GTK_WIDGET (self));
  self->panel_wanted = TRUE;
  g_signal_connect_object (self->flap, "notify::reveal-flap",
                           G_CALLBACK (circles_window_notify_reveal_panel_cb), self,
                           G_CONNECT_SWAPPED);
  g_queue_init (&self->import_queue);
  _circles_window_init_actions (self);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

/**
 * circles_window_new:
 * @application: (nullable): the application
 * @session: the database to show; the window loads it when nobody did
 */
CirclesWindow *
circles_window_new (GtkApplication *application,
                    CirclesSession *session)
{
  g_return_val_if_fail (!application || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (CIRCLES_IS_SESSION (session), NULL);

  return g_object_new (CIRCLES_TYPE_WINDOW,
                       "application", application,
                       "session", session,
                       NULL);
}

CirclesSession *
circles_window_get_session (CirclesWindow *self)
{
  g_return_val_if_fail (CIRCLES_IS_WINDOW (self), NULL);

  return self->session;
}
