/* circles-prospects-page.h: filter the prospects, see who can introduce them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "circles-session.h"

G_BEGIN_DECLS

#define CIRCLES_TYPE_PROSPECTS_PAGE (circles_prospects_page_get_type ())

G_DECLARE_FINAL_TYPE (CirclesProspectsPage, circles_prospects_page, CIRCLES, PROSPECTS_PAGE, AdwBin)

GtkWidget      *circles_prospects_page_new         (CirclesSession       *session);

G_END_DECLS
