/* circles-cli.h: the headless commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <stdio.h>

G_BEGIN_DECLS

/* Exit statuses of the command line (ARCHITECTURE.md). */
enum
{
  CIRCLES_EXIT_OK = 0,
  CIRCLES_EXIT_FAILED = 1,
  CIRCLES_EXIT_BAD_INPUT = 2,
};

gboolean circles_cli_is_command (const char  *name);
/* argv[0] is the command's name. */
int      circles_cli_run        (const char  *db_path,
                                 int          argc,
                                 char       **argv);
void     circles_cli_usage      (FILE        *stream);

G_END_DECLS
