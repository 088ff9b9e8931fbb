/* circles-sources-dialog.h: the imports of the database, each removable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "circles-editor.h"

G_BEGIN_DECLS

#define CIRCLES_TYPE_SOURCES_DIALOG (circles_sources_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CirclesSourcesDialog, circles_sources_dialog, CIRCLES, SOURCES_DIALOG, AdwWindow)

GtkWidget *circles_sources_dialog_new        (GtkWindow            *parent,
                                              CirclesEditor        *editor);
/* The rows shown, one per import. */
guint      circles_sources_dialog_get_n_rows (CirclesSourcesDialog *self);

G_END_DECLS
