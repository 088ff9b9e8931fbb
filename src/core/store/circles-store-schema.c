/* circles-store-schema.c: the schema, as the migrations from version 0 build it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "circles-store"

#include "config.h"

#include "circles-store-private.h"

/* Each entry migrates from version i to version i + 1. */
const char * const _circles_store_migrations[CIRCLES_STORE_SCHEMA_VERSION] = {
  /* 0 -> 1: the first schema. */
  "CREATE TABLE people ("
  "  id INTEGER PRIMARY KEY,"
  "  key TEXT NOT NULL UNIQUE,"
  "  display_name TEXT,"
  "  first_name TEXT,"
  "  last_name TEXT,"
  "  position TEXT,"
  "  company TEXT,"
  "  location TEXT,"
  "  profile_url TEXT,"
  "  email TEXT,"
  "  connected_on TEXT,"
  "  notes TEXT"
  ");"
  "CREATE TABLE connections ("
  "  a INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,"
  "  b INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,"
  "  strength REAL CHECK (strength IS NULL OR strength BETWEEN 0 AND 1),"
  "  since TEXT,"
  "  PRIMARY KEY (a, b),"
  "  CHECK (a < b)"
  ") WITHOUT ROWID;"
  "CREATE INDEX connections_b ON connections (b);"
  "CREATE TABLE follows ("
  "  follower INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,"
  "  followed INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (follower, followed),"
  "  CHECK (follower <> followed)"
  ") WITHOUT ROWID;"
  "CREATE INDEX follows_followed ON follows (followed);"
  "CREATE TABLE member_groups ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE"
  ");"
  "CREATE TABLE memberships ("
  "  group_id INTEGER NOT NULL REFERENCES member_groups (id) ON DELETE CASCADE,"
  "  person INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,"
  "  PRIMARY KEY (group_id, person)"
  ") WITHOUT ROWID;"
  "CREATE INDEX memberships_person ON memberships (person);"
  "CREATE TABLE settings ("
  "  name TEXT PRIMARY KEY,"
  "  value"
  ");",

  /* 1 -> 2: the snapshot cache, and a generation counted by each commit. */
  "CREATE TABLE snapshot_cache ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  generation INTEGER NOT NULL,"
  "  n_people INTEGER NOT NULL,"
  "  n_entries INTEGER NOT NULL,"
  "  text_size INTEGER NOT NULL,"
  "  ids BLOB NOT NULL,"
  "  text_offsets BLOB NOT NULL,"
  "  text BLOB NOT NULL,"
  "  offsets BLOB NOT NULL,"
  "  adjacency BLOB NOT NULL,"
  "  strengths BLOB"
  ");"
  "INSERT OR IGNORE INTO settings (name, value) VALUES ('generation', 0);",

  /* 2 -> 3: the reasons recorded for approaching a person. */
  "CREATE TABLE reasons ("
  "  person INTEGER PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,"
  "  flags INTEGER NOT NULL CHECK (flags BETWEEN 0 AND 15)"
  ");",

  /* 3 -> 4: the rating a user sets on a connection. */
  "ALTER TABLE connections ADD COLUMN"
  "  rating INTEGER CHECK (rating IS NULL OR rating BETWEEN 1 AND 5);",

  /* 4 -> 5: nothing looks connections up by their second end, and the
   * index cost a random B-tree insert per connection imported. */
  "DROP INDEX connections_b;",

  /* 5 -> 6: the keys are unique through an index of their own, which an
   * import into an empty table drops and builds again at its end (one
   * sort instead of a random B-tree insert per person). SQLite cannot
   * drop the index of a UNIQUE column: the table is made again, as its
   * documentation describes (migrate() turns foreign keys off). */
  "CREATE TABLE people_new ("
  "  id INTEGER PRIMARY KEY,"
  "  key TEXT NOT NULL,"
  "  display_name TEXT,"
  "  first_name TEXT,"
  "  last_name TEXT,"
  "  position TEXT,"
  "  company TEXT,"
  "  location TEXT,"
  "  profile_url TEXT,"
  "  email TEXT,"
  "  connected_on TEXT,"
  "  notes TEXT"
  ");"
  "INSERT INTO people_new (id, key, display_name, first_name, last_name, position,"
  "  company, location, profile_url, email, connected_on, notes)"
  " SELECT id, key, display_name, first_name, last_name, position,"
  "  company, location, profile_url, email, connected_on, notes FROM people;"
  "DROP TABLE people;"
  "ALTER TABLE people_new RENAME TO people;"
  "CREATE UNIQUE INDEX people_key ON people (key);",

  /* 6 -> 7: what the data archive tells of me and each person. */
  "CREATE TABLE interactions ("
  "  person INTEGER PRIMARY KEY REFERENCES people (id) ON DELETE CASCADE,"
  "  sent INTEGER NOT NULL DEFAULT 0 CHECK (sent >= 0),"
  "  received INTEGER NOT NULL DEFAULT 0 CHECK (received >= 0),"
  "  last_message TEXT,"
  "  invitation INTEGER NOT NULL DEFAULT 0 CHECK (invitation BETWEEN 0 AND 2),"
  "  invited_on TEXT,"
  "  recommendations_given INTEGER NOT NULL DEFAULT 0,"
  "  recommendations_received INTEGER NOT NULL DEFAULT 0"
  ");"
  "CREATE TABLE endorsements ("
  "  person INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,"
  "  skill TEXT NOT NULL,"
  "  given INTEGER NOT NULL CHECK (given IN (0, 1)),"
  "  endorsed_on TEXT,"
  "  PRIMARY KEY (person, given, skill)"
  ") WITHOUT ROWID;",

  /* 7 -> 8: where each row came from. Every import is a source; a row
   * keeps the first source that brought it in a column of its own (the
   * default, 0, is the source of what was imported before sources were
   * kept), and each other source that brought it too in also_from, as
   * (kind, the row's key, that source): kind 0 a person (a = id, b = 0),
   * 1 a connection (a, b), 2 a follow (follower, followed), 3 a
   * membership (group_id, person). Adding a column with a default
   * rewrites no row. Interactions and endorsements are replaced by the
   * import that brings them again: one source is theirs. */
  "CREATE TABLE sources ("
  "  id INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  file TEXT,"
  "  format TEXT NOT NULL,"
  "  owner INTEGER,"
  "  imported TEXT NOT NULL,"
  "  checksum TEXT,"
  "  people INTEGER NOT NULL DEFAULT 0,"
  "  connections INTEGER NOT NULL DEFAULT 0"
  ");"
  "INSERT INTO sources (id, format, imported, people, connections)"
  " SELECT 0, 'legacy', strftime ('%Y-%m-%dT%H:%M:%SZ', 'now'),"
  "  (SELECT count(*) FROM people), (SELECT count(*) FROM connections)"
  " WHERE EXISTS (SELECT 1 FROM people);"
  "ALTER TABLE people ADD COLUMN source INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE connections ADD COLUMN source INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE follows ADD COLUMN source INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE memberships ADD COLUMN source INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE interactions ADD COLUMN source INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE endorsements ADD COLUMN source INTEGER NOT NULL DEFAULT 0;"
  "CREATE TABLE also_from ("
  "  kind INTEGER NOT NULL,"
  "  a INTEGER NOT NULL,"
  "  b INTEGER NOT NULL,"
  "  source INTEGER NOT NULL,"
  "  PRIMARY KEY (kind, a, b, source)"
  ") WITHOUT ROWID;"
  /* The names, companies… each source gave a person that another
   * source brought, so that taking one back gives the others' back;
   * the first row of a person is what it had before. */
  "CREATE TABLE person_fields ("
  "  person INTEGER NOT NULL,"
  "  source INTEGER NOT NULL,"
  "  display_name TEXT,"
  "  first_name TEXT,"
  "  last_name TEXT,"
  "  position TEXT,"
  "  company TEXT,"
  "  location TEXT,"
  "  profile_url TEXT,"
  "  email TEXT,"
  "  connected_on TEXT,"
  "  notes TEXT,"
  "  PRIMARY KEY (person, source)"
  ") WITHOUT ROWID;",

  /* 8 -> 9: the day each connection was made, in the snapshot cache
   * (the rings at a date); caches made before are dropped. */
  "ALTER TABLE snapshot_cache ADD COLUMN days BLOB;"
  "DELETE FROM snapshot_cache;",

  /* 9 -> 10: the snapshot moves to a file beside the database
   * (circles-store-snapshot.c), which names the database it was made
   * from by this identity. */
  "DROP TABLE snapshot_cache;"
  "INSERT OR IGNORE INTO settings (name, value) VALUES ('uuid', lower (hex (randomblob (16))));",
};

G_STATIC_ASSERT (G_N_ELEMENTS (_circles_store_migrations) == CIRCLES_STORE_SCHEMA_VERSION);
