/* circles-window-private.h: the insides of the main window, shared by its files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "circles-canvas.h"
#include "circles-editor.h"
#include "circles-overview.h"
#include "circles-window.h"

G_BEGIN_DECLS

struct _CirclesWindow
{
  AdwApplicationWindow  parent_instance;

  CirclesSession       *session;
  CirclesEditor        *editor;  /* edits by hand, sources, undo */
  GCancellable         *cancellable;
  GSettings            *settings;

  /* Import: the running one, and the files dropped meanwhile. */
  GCancellable         *import_cancellable;
  GCancellable         *load_cancellable;  /* of the load under way */
  char                 *import_name;
  GFile                *import_file;    /* the running import's */
  CirclesImportFormat   import_format;
  GQueue                import_queue;

  /* Search: a case-folded text a person, built on the first search. */
  GPtrArray            *search_texts;
  GArray               *matches;
  guint                 match;

  /* Layout: whether the people panel is wanted beside the rings (the
   * user's choice while it is docked), and the idle that applies a new
   * width's layout once the window is allocated. */
  gboolean              panel_wanted;
  gboolean              applying_layout;
  int                   panel_layout;  /* the last one applied */
  guint                 layout_id;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  AdwStatusPage        *loading_page;
  GtkSpinner           *spinner;
  GtkWidget            *cancel_load_button;
  AdwStatusPage        *empty_page;
  AdwStatusPage        *error_page;
  CirclesOverview      *overview;
  CirclesCanvas        *canvas;
  AdwFlap              *flap;
  AdwBin               *people_panel_slot;
  AdwFlap              *pane_flap;
  AdwBin               *person_pane_slot;
  GtkRevealer          *progress_revealer;
  GtkLabel             *progress_label;
  GtkProgressBar       *progress_bar;
  GtkSearchBar         *search_bar;
  GtkSearchEntry       *search_entry;
  GtkLabel             *search_status;
  GtkWidget            *import_menu_button;
  GtkWidget            *export_menu_button;
  GtkWidget            *search_button;
  GtkWidget            *overview_button;
  GtkWidget            *sidebar_button;
};

void _circles_window_class_init_actions (GtkWidgetClass *widget_class);
void _circles_window_init_actions       (CirclesWindow  *self);
void _circles_window_watch_session      (CirclesWindow  *self);
void _circles_window_update_actions     (CirclesWindow  *self);
void _circles_window_import             (CirclesWindow  *self,
                                         GFile          *file,
                                         CirclesImportFormat format);
void _circles_window_search_reset       (CirclesWindow  *self);
void _circles_window_update_layout      (CirclesWindow  *self);
/* A toast, with Undo when @offer_undo; @title is plain text. */
void _circles_window_show_toast         (CirclesWindow  *self,
                                         gboolean        offer_undo,
                                         const char     *title);

/* circles-window-edits.c */
void _circles_window_class_init_edits   (GtkWidgetClass *widget_class);
void _circles_window_watch_editor       (CirclesWindow  *self);
void _circles_window_update_edit_actions (CirclesWindow *self);

G_END_DECLS
