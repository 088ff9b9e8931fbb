/* circles-cli-private.h: what the command files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "circles-cli.h"
#include "circles-network.h"
#include "circles-store.h"

G_BEGIN_DECLS

/* Prints the error and returns the exit status it calls for. */
int      _circles_cli_fail          (const GError     *error);
/* Prints "circles COMMAND: MESSAGE" and the command's usage; returns 2. */
int      _circles_cli_usage_error   (const char       *command,
                                     const char       *message);
/* Parses a command's options, leaving its positional arguments in
 * argv[1..]; on bad usage sets *status and returns FALSE. */
gboolean _circles_cli_parse_options (const char       *command,
                                     GOptionEntry     *entries,
                                     int              *argc,
                                     char           ***argv,
                                     int              *status);
void     _circles_cli_print_json    (JsonBuilder      *builder);
/* Loads the snapshot; *network stays NULL when nobody is me yet. */
gboolean _circles_cli_load_network  (CirclesStore     *store,
                                     CirclesNetwork  **network,
                                     GError          **error);

/* Commands in circles-cli-prospects.c. */
int      _circles_cli_introducers   (const char       *db_path,
                                     int               argc,
                                     char            **argv);
int      _circles_cli_reach         (const char       *db_path,
                                     int               argc,
                                     char            **argv);
int      _circles_cli_prospects     (const char       *db_path,
                                     int               argc,
                                     char            **argv);

/* Commands in circles-cli-sources.c. */
int      _circles_cli_sources       (const char       *db_path,
                                     int               argc,
                                     char            **argv);
int      _circles_cli_forget        (const char       *db_path,
                                     int               argc,
                                     char            **argv);
int      _circles_cli_link          (const char       *db_path,
                                     int               argc,
                                     char            **argv);
int      _circles_cli_unlink        (const char       *db_path,
                                     int               argc,
                                     char            **argv);
int      _circles_cli_cold          (const char       *db_path,
                                     int               argc,
                                     char            **argv);
int      _circles_cli_growth        (const char       *db_path,
                                     int               argc,
                                     char            **argv);
int      _circles_cli_person        (const char       *db_path,
                                     int               argc,
                                     char            **argv);

/* Opens the store and loads a network that has a me; on failure prints
 * why and returns FALSE with the exit status in *status. */
gboolean _circles_cli_open_network  (const char       *db_path,
                                     CirclesStore    **store,
                                     CirclesNetwork  **network,
                                     int              *status);

G_END_DECLS
