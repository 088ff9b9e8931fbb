/* circles-test-util.h: small helpers shared by the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A fresh temporary directory, removed (with its content) at exit of
 * the test program. */
char     *circles_test_make_tmpdir   (void);
/* Path of a file under tests/fixtures. */
char     *circles_test_fixture       (const char  *name);
/* Writes @contents to a new file in a fresh temporary directory. */
char     *circles_test_write_file    (const char  *basename,
                                      const char  *contents,
                                      gssize       length);
/* Whole file contents, or NULL if missing. */
GBytes   *circles_test_read_bytes    (const char  *path);

G_END_DECLS

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <stdarg.h>

#include "circles-network.h"
#include "circles-store.h"

G_BEGIN_DECLS

/* A new store in a temporary folder, filled from a small description:
 * tokens separated by spaces,
 *   "a-b"      a connection (people are created by key),
 *   "a-b:0.5"  a connection with a strength,
 *   "a-b@2021-03-04"  a connection made on that day (with or without a
 *              strength before the @),
 *   "a>b"      a follows b,
 *   "+g:a,b"   a and b are members of the group g,
 *   "a"        a person alone.
 * The person "me" is me when present. */
CirclesStore   *circles_test_store_new       (const char *description);
CirclesNetwork *circles_test_network_new     (const char *description);
/* The snapshot index of the person with @key (asserts it exists). */
guint           circles_test_person          (CirclesNetwork *network,
                                              const char     *key);
/* Sets the company, position and location (NULL: none) of the person
 * with @key, who must exist, within a transaction of @store. */
void            circles_test_set_fields      (CirclesStore   *store,
                                              const char     *key,
                                              const char     *company,
                                              const char     *position,
                                              const char     *location);

/* The JSON object a command printed (asserts it is one). */
JsonObject     *circles_test_parse_object    (const char     *text);

/* A condition to wait for, on @data. */
typedef gboolean (*CirclesTestCondition) (gpointer data);

/* Spins the main loop until @condition holds (failing the test after two
 * minutes, naming @what); then, unless @now, until nothing is pending. */
void            circles_test_wait_until      (CirclesTestCondition  condition,
                                              gpointer              data,
                                              gboolean              now,
                                              const char           *what);
/* Runs what is pending in the main loop, without waiting. */
void            circles_test_drain           (void);

/* Spins the main loop until @model has items (filled in a worker). */
void            circles_test_wait_for_items  (GListModel           *model,
                                              const char           *what);

/* Drops the caller's reference to @object and asserts it is finalized,
 * once the work still running for it (a worker's read) has returned to
 * the main context: at most a few seconds. */
void            circles_test_finalize        (gpointer        object);

/* Runs "circles --db DB ARGS…" (NULL-terminated) and returns its exit
 * status, or 128 + the signal that killed it. @out and @err may be
 * NULL. Only in test programs built with CIRCLES_BINARY. */
G_GNUC_NULL_TERMINATED
int             circles_test_run_cli         (const char           *db,
                                              char                **out,
                                              char                **err,
                                              const char           *first,
                                              ...);
int             circles_test_run_cli_va      (const char           *db,
                                              char                **out,
                                              char                **err,
                                              const char           *first,
                                              va_list               ap);
/* A fixture for command tests: a new database in a temporary folder,
 * and what the last command printed and returned. */
typedef struct
{
  char *dir;
  char *db;
  char *out;
  char *err;
  int   status;
} CirclesCliFixture;

void            circles_cli_fixture_setup    (CirclesCliFixture    *f,
                                              gconstpointer         data);
void            circles_cli_fixture_teardown (CirclesCliFixture    *f,
                                              gconstpointer         data);
/* Runs "circles --db F->DB ARGS…" (NULL-terminated); keeps its output. */
G_GNUC_NULL_TERMINATED
int             circles_cli_fixture_run      (CirclesCliFixture    *f,
                                              const char           *first,
                                              ...);

/* The same, with the arguments in a NULL-terminated vector, and a
 * function run in the child before exec (may be NULL). */
int             circles_test_run_cliv        (const char           *db,
                                              const char * const   *args,
                                              GSpawnChildSetupFunc  child_setup,
                                              gpointer              child_data,
                                              char                **out,
                                              char                **err);

G_END_DECLS
