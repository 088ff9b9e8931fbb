/* test-archive.c: the data archive, as the network sends it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The archives are built here the way real exports look: the "Notes:"
 * preamble of Connections.csv, message contents with quotes, commas and
 * line breaks, the automated assistants' message files, files in
 * folders, URLs without a scheme, and dates in each file's own format.
 */
#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>
#include <string.h>

#include "circles-import.h"
#include "circles-network.h"
#include "circles-paths.h"
#include "circles-store.h"
#include "circles-test-util.h"

#define ME        "https://www.linkedin.com/in/marie-curie"
#define ALICE     "https://www.linkedin.com/in/alice-martin"
#define BRUNO     "https://www.linkedin.com/in/bruno-durand"
#define CHLOE     "https://www.linkedin.com/in/chloe-bernard"
#define REX       "https://www.linkedin.com/in/rex-recruiter"
#define PAUL      "https://www.linkedin.com/in/paul-pending"

typedef struct
{
  const char *name;
  const char *contents;
} Entry;

typedef struct
{
  char         *dir;
  char         *db;
  CirclesStore *store;
} Fixture;

static const char connections_csv[] =
  "Notes:\r\n"
  "\"When exporting your connection data, you may notice that some of the "
  "email addresses are missing. You will only see email addresses for "
  "connections who have allowed their connections to see or download their "
  "email address using this setting https://www.linkedin.com/psettings/privacy/email. "
  "You can learn more here https://www.linkedin.com/help/linkedin/answer/261\"\r\n"
  "\r\n"
  "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
  "Alice,Martin," ALICE ",,Acme,CEO,12 Mar 2024\r\n"
  "Bruno,Durand," BRUNO ",bruno@example.com,Globex,Sales,01 Feb 2020\r\n"
  "Chloé,Bernard," CHLOE ",,\"Initech, Inc.\",CTO,15 Jun 2019\r\n"
  "Jean,Dupont,https://www.linkedin.com/in/jean-dupont-1,,Acme,Buyer,3 Jan 2023\r\n"
  "Jean,Dupont,https://www.linkedin.com/in/jean-dupont-2,,Globex,Buyer,4 Jan 2023\r\n"
  "山田,太郎,https://www.linkedin.com/in/taro-yamada,,ソニー,エンジニア,5 Jan 2023\r\n"
  ",,,,,,6 Jan 2023\r\n";

static const char profile_csv[] =
  "First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,"
  "Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers\n"
  "Marie,Curie,,\"1 rue de l'Exemple, Paris\",\"Nov 7, 1967\",Business developer,"
  "\"I help teams\n\"\"find\"\" their next client.\",Software,75001,"
  "\"Paris, Île-de-France, France\",,[],\n";

static const char messages_csv[] =
  "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,"
  "DATE,SUBJECT,CONTENT,FOLDER,ATTACHMENTS\n"
  "c1,,Marie Curie," ME ",Bruno Durand," BRUNO ",2026-03-15 10:22:33 UTC,,"
  "\"Hello Bruno, \"\"quick\"\" question:\nare you free, Tuesday?\",INBOX,\n"
  "c1,,Bruno Durand," BRUNO ",Marie Curie," ME ",2026-03-16 08:01:00 UTC,,"
  "\"Yes,\n\nat 10.\",INBOX,\n"
  "c1,,Marie Curie," ME ",Bruno Durand," BRUNO ",2026-03-14 09:00:00 UTC,,First,INBOX,\n"
  "c2,Job,Rex Recruiter," REX ",Marie Curie," ME ",2025-01-02 08:00:00 UTC,Offer,"
  "\"An offer, maybe?\",INBOX,\n"
  "c3,Team,Marie Curie," ME ",\"Alice Martin,Bruno Durand\",\"" ALICE "," BRUNO "\","
  "2026-02-01 12:00:00 UTC,,\"Hi both\",SENT,\n"
  "c4,,LinkedIn Offer,,Marie Curie," ME ",2026-02-02 12:00:00 UTC,,Sponsored,INBOX,\n";

static const char coach_csv[] =
  "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,"
  "DATE,SUBJECT,CONTENT,FOLDER,ATTACHMENTS\n"
  "k1,,Coach,https://www.linkedin.com/in/coach-bot,Marie Curie," ME ","
  "2026-03-15 10:22:33 UTC,,Tips,INBOX,\n"
  "k1,,Marie Curie," ME ",Coach,https://www.linkedin.com/in/coach-bot,"
  "2026-03-15 10:23:33 UTC,,Thanks,INBOX,\n";

static const char invitations_csv[] =
  "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
  "Marie Curie,Paul Pending,\"6/2/26, 9:14 AM\",\"Hello Paul, we met at the fair\","
  "OUTGOING," ME "," PAUL "\n";

static const char endorsements_received_csv[] =
  "Endorsement Date,Skill Name,Endorser First Name,Endorser Last Name,"
  "Endorser Public Url,Endorsement Status\n"
  "2019/05/28 06:56:49 UTC,Prospecting,Alice,Martin,www.linkedin.com/in/alice-martin,ACCEPTED\n"
  "2019/05/29 06:56:49 UTC,Negotiation,Alice,Martin,www.linkedin.com/in/alice-martin,ACCEPTED\n"
  "2019/05/30 06:56:49 UTC,Sales,Bruno,Durand,www.linkedin.com/in/bruno-durand,REJECTED\n";

static const char recommendations_csv[] =
  "First Name,Last Name,Company,Job Title,Text,Creation Date,Status\n"
  "Chloé,Bernard,\"Initech, Inc.\",CTO,\"Marie is \"\"great\"\",\nreally.\",03/11/21,VISIBLE\n"
  "Jean,Dupont,Acme,Buyer,Two namesakes: nobody gets it,03/12/21,VISIBLE\n";

static const Entry real_archive[] = {
  { "Connections.csv", connections_csv },
  { "Profile.csv", profile_csv },
  { "messages.csv", messages_csv },
  { "coach_messages.csv", coach_csv },
  { "guide_messages.csv", coach_csv },
  { "Invitations.csv", invitations_csv },
  { "Endorsement_Received_Info.csv", endorsements_received_csv },
  { "Recommendations_Received.csv", recommendations_csv },
  { "Jobs/Job Applications.csv", "Application Date,Contact Email\n1/2/26,x@y\n" },
  { "Registration.csv", "Registered At,Registration Ip\n2010-01-01,1.2.3.4\n" },
};

static void
write_zip (const char   *path,
           const char   *prefix,
           const Entry  *entries,
           guint         n_entries)
{
  struct archive *a = archive_write_new ();

  g_assert_cmpint (archive_write_set_format_zip (a), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_open_filename (a, path), ==, ARCHIVE_OK);
  for (guint i = 0; i < n_entries; i++)
    {
      struct archive_entry *entry = archive_entry_new ();
      g_autofree char *name = g_strconcat (prefix, entries[i].name, NULL);
      gsize size = strlen (entries[i].contents);

      archive_entry_set_pathname (entry, name);
      archive_entry_set_size (entry, size);
      archive_entry_set_filetype (entry, AE_IFREG);
      archive_entry_set_perm (entry, 0644);
      g_assert_cmpint (archive_write_header (a, entry), ==, ARCHIVE_OK);
      g_assert_cmpint (archive_write_data (a, entries[i].contents, size), ==, (la_ssize_t) size);
      archive_entry_free (entry);
    }
  g_assert_cmpint (archive_write_close (a), ==, ARCHIVE_OK);
  archive_write_free (a);
}

static void
write_folder (const char   *dir,
              const Entry  *entries,
              guint         n_entries)
{
  for (guint i = 0; i < n_entries; i++)
    {
      g_autofree char *path = g_build_filename (dir, entries[i].name, NULL);
      g_autofree char *parent = g_path_get_dirname (path);
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (g_mkdir_with_parents (parent, 0755), ==, 0);
      g_file_set_contents (path, entries[i].contents, -1, &error);
      g_assert_no_error (error);
    }
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = circles_test_make_tmpdir ();
  f->db = g_build_filename (f->dir, "network.db", NULL);
  f->store = circles_store_open (f->db, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  g_free (f->db);
  g_free (f->dir);
}

static char *
path_in (Fixture    *f,
         const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

static void
import_ok (Fixture             *f,
           const char          *path,
           CirclesImportReport *report)
{
  g_autoptr(GError) error = NULL;

  circles_import_file (f->store, path, CIRCLES_IMPORT_FORMAT_AUTO, NULL,
                       report, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static gint64
id_of (Fixture    *f,
       const char *key)
{
  gint64 id = circles_store_lookup_person (f->store, key);

  g_assert_cmpint (id, >, 0);
  return id;
}

/* "sent/received/last" of a person, "-" when nothing is recorded. */
static char *
messages_of (Fixture    *f,
             const char *key)
{
  CirclesInteraction interaction;
  g_autoptr(GError) error = NULL;
  char *text;

  g_assert_true (circles_store_get_interaction (f->store, id_of (f, key), &interaction, &error));
  g_assert_no_error (error);
  text = g_strdup_printf ("%u/%u/%s", interaction.messages_sent,
                          interaction.messages_received,
                          interaction.last_message != NULL ? interaction.last_message : "-");
  circles_interaction_clear (&interaction);
  return text;
}

static void
assert_messages (Fixture    *f,
                 const char *key,
                 const char *expected)
{
  g_autofree char *seen = messages_of (f, key);

  g_assert_cmpstr (seen, ==, expected);
}

/* What the import left, in one line to compare. */
static char *
summary (Fixture *f)
{
  g_autoptr(GString) s = g_string_new (NULL);
  const char *keys[] = { ALICE, BRUNO, CHLOE, REX, PAUL };
  g_autofree char *me = circles_store_get_person_key (f->store, circles_store_get_me (f->store));

  g_string_append_printf (s, "me=%s people=%" G_GINT64_FORMAT " connections=%" G_GINT64_FORMAT,
                          me, circles_store_count_people (f->store),
                          circles_store_count_connections (f->store));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *m = messages_of (f, keys[i]);

      g_string_append_printf (s, " %s", m);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
check_real_archive (Fixture                   *f,
                    const CirclesImportReport *report)
{
  g_autoptr(CirclesNetwork) network = NULL;
  g_autoptr(GError) error = NULL;
  CirclesInteraction interaction;
  const CirclesCounts *counts;

  g_assert_cmpint (report->format, ==, CIRCLES_IMPORT_FORMAT_ARCHIVE);
  g_assert_cmpuint (report->files, ==, 6);
  g_assert_cmpuint (report->hidden_members, ==, 1);
  /* The assistants' messages are not among them. */
  g_assert_cmpuint (report->messages, ==, 6);
  g_assert_cmpuint (report->interactions, ==, 3);  /* Bruno, Rex, Alice */
  g_assert_cmpuint (report->invitations, ==, 1);
  g_assert_cmpuint (report->endorsements, ==, 2);
  g_assert_cmpuint (report->recommendations, ==, 1);
  g_assert_cmpuint (report->unmatched, ==, 1);

  /* Me is keyed by my URL, named, with my headline and location. */
  g_assert_cmpint (circles_store_lookup_person (f->store, ME), ==, circles_store_get_me (f->store));
  g_assert_cmpint (circles_store_lookup_person (f->store, "me"), <, 0);
  network = circles_network_load (f->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (circles_network_get_name (network, circles_network_get_me (network)), ==, "Marie Curie");
  g_assert_cmpstr (circles_network_get_position (network, circles_network_get_me (network)), ==, "Business developer");
  counts = circles_network_get_counts (network);
  g_assert_cmpuint (counts->first, ==, 7);
  /* Rex wrote to me, Paul has my invitation: known, out of my network. */
  g_assert_cmpuint (counts->out_of_network, ==, 2);
  g_assert_cmpint (circles_store_lookup_person (f->store, "https://www.linkedin.com/in/coach-bot"), <, 0);

  assert_messages (f, BRUNO, "3/1/2026-03-16");
  assert_messages (f, ALICE, "1/0/2026-02-01");
  assert_messages (f, REX, "0/1/2025-01-02");
  assert_messages (f, CHLOE, "0/0/-");

  g_assert_true (circles_store_get_interaction (f->store, id_of (f, ALICE), &interaction, &error));
  g_assert_cmpuint (interaction.endorsements_received, ==, 2);
  g_assert_cmpstr (interaction.skills_received[0], ==, "Prospecting");
  g_assert_cmpstr (interaction.skills_received[1], ==, "Negotiation");
  circles_interaction_clear (&interaction);

  g_assert_true (circles_store_get_interaction (f->store, id_of (f, BRUNO), &interaction, &error));
  g_assert_cmpuint (interaction.endorsements_received, ==, 0);  /* rejected */
  circles_interaction_clear (&interaction);

  g_assert_true (circles_store_get_interaction (f->store, id_of (f, CHLOE), &interaction, &error));
  g_assert_cmpuint (interaction.recommendations_received, ==, 1);
  circles_interaction_clear (&interaction);

  g_assert_true (circles_store_get_interaction (f->store, id_of (f, PAUL), &interaction, &error));
  g_assert_cmpint (interaction.invitation, ==, CIRCLES_INVITATION_SENT);
  g_assert_cmpstr (interaction.invited_on, ==, "2026-06-02");
  circles_interaction_clear (&interaction);
}

static void
test_zip (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *zip = path_in (f, "Basic_LinkedInDataExport_12-05-2026.zip");
  CirclesImportReport report;
  g_autofree char *first = NULL;
  g_autofree char *again = NULL;

  write_zip (zip, "", real_archive, G_N_ELEMENTS (real_archive));
  import_ok (f, zip, &report);
  check_real_archive (f, &report);
  first = summary (f);

  /* The same archive again: counts replaced, never added up. */
  import_ok (f, zip, &report);
  again = summary (f);
  g_assert_cmpstr (again, ==, first);
}

/* An empty file in the archive says nothing, and stops nothing. */
static void
test_empty_file (Fixture       *f,
                 gconstpointer  data)
{
  const Entry entries[] = {
    { "Connections.csv", connections_csv },
    { "Invitations.csv", "" },
    { "messages.csv", messages_csv },
  };
  g_autofree char *zip = path_in (f, "me.zip");
  CirclesImportReport report;

  write_zip (zip, "", entries, G_N_ELEMENTS (entries));
  import_ok (f, zip, &report);
  g_assert_cmpuint (report.files, ==, 3);
  g_assert_cmpuint (report.invitations, ==, 0);
  assert_messages (f, BRUNO, "3/1/2026-03-16");
}

static void
test_folder (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *folder = path_in (f, "export");
  g_autofree char *inner = g_build_filename (folder, "Basic_LinkedInDataExport_12-05-2026", NULL);
  CirclesImportReport report;

  /* Unpacked, one folder down, as a file manager does. */
  write_folder (inner, real_archive, G_N_ELEMENTS (real_archive));
  import_ok (f, folder, &report);
  check_real_archive (f, &report);
}

static void
test_zip_in_folder (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *zip = path_in (f, "again.zip");
  CirclesImportReport report;

  /* Unpacked and zipped again: every entry under a folder. */
  write_zip (zip, "Basic_LinkedInDataExport/", real_archive, G_N_ELEMENTS (real_archive));
  import_ok (f, zip, &report);
  check_real_archive (f, &report);
}

/* The chain through the colleague I wrote to last week comes first,
 * whatever the names; my own rating still decides over it. */
static void
test_warmth_orders_chains (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) last_week = g_date_time_add_days (now, -7);
  g_autofree char *when = g_date_time_format (last_week, "%Y-%m-%d 10:00:00 UTC");
  g_autofree char *messages = g_strdup_printf (
    "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,"
    "DATE,SUBJECT,CONTENT,FOLDER,ATTACHMENTS\n"
    "c1,,Marie Curie," ME ",Zoé Zimmer,https://www.linkedin.com/in/zoe,%s,,Hi,SENT,\n", when);
  const Entry entries[] = {
    { "Connections.csv",
      "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
      "Adam,Abel,https://www.linkedin.com/in/adam,,A,A,1 Jan 2024\n"
      "Zoé,Zimmer,https://www.linkedin.com/in/zoe,,Z,Z,1 Jan 2024\n" },
    { "messages.csv", messages },
  };
  g_autofree char *zip = path_in (f, "me.zip");
  g_autofree char *edges = circles_test_write_file ("edges.csv",
    "Source,Target\n"
    "https://www.linkedin.com/in/adam,https://www.linkedin.com/in/prospect\n"
    "https://www.linkedin.com/in/zoe,https://www.linkedin.com/in/prospect\n", -1);
  g_autoptr(CirclesNetwork) network = NULL;
  g_autoptr(CirclesPaths) paths = NULL;
  g_autoptr(GError) error = NULL;
  CirclesImportReport report;
  const CirclesChain *first;

  write_zip (zip, "", entries, G_N_ELEMENTS (entries));
  import_ok (f, zip, &report);
  import_ok (f, edges, &report);

  network = circles_network_load (f->store, NULL, &error);
  g_assert_no_error (error);
  paths = circles_paths_find (network, circles_test_person (network, "https://www.linkedin.com/in/prospect"), 5);
  g_assert_cmpuint (paths->chains_total, ==, 2);
  first = &g_array_index (paths->chains, CirclesChain, 0);
  g_assert_cmpstr (circles_network_get_key (network, first->people[1]), ==, "https://www.linkedin.com/in/zoe");
  g_assert_cmpfloat (first->warmth, >, g_array_index (paths->chains, CirclesChain, 1).warmth);
  g_clear_pointer (&paths, circles_paths_free);
  g_clear_pointer (&network, circles_network_unref);

  /* Five stars on Adam: my word counts more than a message. */
  g_assert_true (circles_store_set_rating (f->store, circles_store_get_me (f->store),
                                           id_of (f, "https://www.linkedin.com/in/adam"), 5, &error));
  network = circles_network_load (f->store, NULL, &error);
  g_assert_no_error (error);
  paths = circles_paths_find (network, circles_test_person (network, "https://www.linkedin.com/in/prospect"), 5);
  first = &g_array_index (paths->chains, CirclesChain, 0);
  g_assert_cmpstr (circles_network_get_key (network, first->people[1]), ==, "https://www.linkedin.com/in/adam");
}

/* Connections.csv alone keys me "me"; the archive later gives me my
 * URL, and the person an edge list had made of it is merged into me. */
static void
test_me_rekeyed (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *connections = circles_test_write_file ("Connections.csv", connections_csv, -1);
  g_autofree char *edges = circles_test_write_file ("edges.csv",
    "Source,Target\n" ME ",https://www.linkedin.com/in/someone\n", -1);
  const Entry entries[] = { { "Connections.csv", connections_csv }, { "messages.csv", messages_csv } };
  g_autofree char *zip = path_in (f, "me.zip");
  g_autoptr(CirclesNetwork) network = NULL;
  g_autoptr(GError) error = NULL;
  CirclesImportReport report;
  gint64 people;

  import_ok (f, connections, &report);
  g_assert_cmpint (circles_store_lookup_person (f->store, "me"), ==, circles_store_get_me (f->store));
  import_ok (f, edges, &report);
  people = circles_store_count_people (f->store);

  write_zip (zip, "", entries, G_N_ELEMENTS (entries));
  import_ok (f, zip, &report);

  /* One person fewer: the URL's person and "me" are one now, plus Rex. */
  g_assert_cmpint (circles_store_count_people (f->store), ==, people - 1 + 1);
  g_assert_cmpint (circles_store_lookup_person (f->store, "me"), <, 0);
  g_assert_cmpint (circles_store_lookup_person (f->store, ME), ==, circles_store_get_me (f->store));
  network = circles_network_load (f->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (circles_network_get_counts (network)->first, ==, 8);
  g_assert_cmpint (circles_store_get_rating (f->store, circles_store_get_me (f->store),
                                             id_of (f, "https://www.linkedin.com/in/someone"),
                                             NULL), ==, 0);
}

typedef struct
{
  const char *name;
  const char *message;  /* what the error must say */
} BadCase;

/* Imports @path, which must fail with a message holding @expected, and
 * leave the database as it was. */
static void
import_fails (Fixture    *f,
              const char *path,
              const char *expected)
{
  g_autoptr(GError) error = NULL;
  gint64 generation = circles_store_get_generation (f->store);
  gint64 people = circles_store_count_people (f->store);
  gint64 connections = circles_store_count_connections (f->store);

  g_assert_false (circles_import_file (f->store, path, CIRCLES_IMPORT_FORMAT_AUTO, NULL,
                                       NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, CIRCLES_IMPORT_ERROR, error->code);
  g_test_message ("%s", error->message);
  if (strstr (error->message, expected) == NULL)
    g_error ("“%s” does not say “%s”", error->message, expected);
  g_assert_cmpint (circles_store_get_generation (f->store), ==, generation);
  g_assert_cmpint (circles_store_count_people (f->store), ==, people);
  g_assert_cmpint (circles_store_count_connections (f->store), ==, connections);
}

static GBytes *
zip_bytes (Fixture     *f,
           const Entry *entries,
           guint        n)
{
  g_autofree char *zip = path_in (f, "good.zip");
  GBytes *bytes;

  write_zip (zip, "", entries, n);
  bytes = circles_test_read_bytes (zip);
  g_assert_nonnull (bytes);
  return bytes;
}

static char *
write_bytes (Fixture      *f,
             const char   *name,
             const guint8 *data,
             gsize         size)
{
  char *path = path_in (f, name);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, (const char *) data, size, &error);
  g_assert_no_error (error);
  return path;
}

/* Sets a field of every header with @signature: flags (encryption is
 * bit 0) or the uncompressed size, as a tool that lies would. */
static void
patch_headers (guint8     *data,
               gsize       size,
               guint32     signature,
               gsize       offset,
               guint32     value,
               gsize       width)
{
  for (gsize i = 0; i + offset + width <= size; i++)
    if (data[i] == (signature & 0xff) && data[i + 1] == ((signature >> 8) & 0xff)
        && data[i + 2] == ((signature >> 16) & 0xff) && data[i + 3] == (signature >> 24))
      for (gsize b = 0; b < width; b++)
        data[i + offset + b] = (value >> (8 * b)) & 0xff;
}

static void
test_bad_archives (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *connections = circles_test_write_file ("Connections.csv", connections_csv, -1);
  const Entry no_connections[] = { { "Profile.csv", profile_csv }, { "messages.csv", messages_csv } };
  const Entry open_quote[] = {
    { "Connections.csv", connections_csv },
    { "messages.csv",
      "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,"
      "DATE,SUBJECT,CONTENT,FOLDER,ATTACHMENTS\n"
      "c1,,Marie Curie," ME ",Bruno Durand," BRUNO ",2026-03-15 10:22:33 UTC,,Fine,INBOX,\n"
      "c1,,Marie Curie," ME ",Bruno Durand," BRUNO ",2026-03-15 10:22:33 UTC,,\"Never closed,INBOX,\n"
      "c1,,Marie Curie," ME ",Bruno Durand," BRUNO ",2026-03-15 10:22:33 UTC,,Fine,INBOX,\n" },
  };
  const Entry bad_date[] = {
    { "Connections.csv", connections_csv },
    { "Invitations.csv",
      "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
      "Marie Curie,Paul,yesterday,,OUTGOING," ME "," PAUL "\n" },
  };
  g_autoptr(GBytes) good = zip_bytes (f, real_archive, G_N_ELEMENTS (real_archive));
  gsize size;
  const guint8 *bytes = g_bytes_get_data (good, &size);
  g_autofree guint8 *copy = g_memdup2 (bytes, size);
  g_autofree char *path = NULL;
  CirclesImportReport report;

  /* Something in the database to keep. */
  import_ok (f, connections, &report);

  g_clear_pointer (&path, g_free);
  path = path_in (f, "no-connections.zip");
  write_zip (path, "", no_connections, G_N_ELEMENTS (no_connections));
  import_fails (f, path, "no-connections.zip: no Connections.csv");

  g_clear_pointer (&path, g_free);
  path = path_in (f, "open-quote.zip");
  write_zip (path, "", open_quote, G_N_ELEMENTS (open_quote));
  import_fails (f, path, "open-quote.zip: messages.csv:3:");

  g_clear_pointer (&path, g_free);
  path = path_in (f, "bad-date.zip");
  write_zip (path, "", bad_date, G_N_ELEMENTS (bad_date));
  import_fails (f, path, "bad-date.zip: Invitations.csv:2:");

  /* Cut in the middle: the central directory is gone. */
  g_clear_pointer (&path, g_free);
  path = write_bytes (f, "truncated.zip", bytes, size / 2);
  import_fails (f, path, "truncated.zip");

  /* Damaged inside an entry: its check sum fails. */
  memcpy (copy, bytes, size);
  for (gsize i = 200; i < 260 && i < size; i++)
    copy[i] ^= 0x5a;
  g_clear_pointer (&path, g_free);
  path = write_bytes (f, "damaged.zip", copy, size);
  import_fails (f, path, "damaged.zip");

  /* Encrypted: the flag in the local and central headers. */
  memcpy (copy, bytes, size);
  patch_headers (copy, size, 0x04034b50, 6, 0x0009, 2);
  patch_headers (copy, size, 0x02014b50, 8, 0x0009, 2);
  g_clear_pointer (&path, g_free);
  path = write_bytes (f, "encrypted.zip", copy, size);
  import_fails (f, path, "encrypted.zip");

  /* Entries that say they inflate to 4 GiB. */
  memcpy (copy, bytes, size);
  patch_headers (copy, size, 0x02014b50, 24, 0xfffffff0u, 4);
  patch_headers (copy, size, 0x04034b50, 22, 0xfffffff0u, 4);
  g_clear_pointer (&path, g_free);
  path = write_bytes (f, "bomb.zip", copy, size);
  import_fails (f, path, "bomb.zip: Connections.csv: this file inflates past 1 GiB");

  g_assert_cmpint (circles_store_lookup_person (f->store, ME), <, 0);
}

/* A stray quote at the start of a name would swallow the next lines. */
static void
test_strict_csv (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *stray = circles_test_write_file ("Connections.csv",
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Alice,Martin," ALICE ",,Acme,CEO,12 Mar 2024\n"
    "\"Bruno,Durand," BRUNO ",,Globex,Sales,01 Feb 2020\n"
    "Chloé,Bernard," CHLOE ",,Initech,CTO,15 Jun 2019\n"
    "Jean,\"JD\" Dupont,https://www.linkedin.com/in/jd,,Acme,Buyer,3 Jan 2023\n", -1);
  g_autofree char *wide = circles_test_write_file ("wide.csv",
    "Source,Target\n"
    "a,b\n"
    "c,d,e\n", -1);
  g_autofree char *spreadsheet = circles_test_write_file ("sheet.csv",
    "\xEF\xBB\xBFSource,Target,Weight\r\n"
    "a,b,1,,\r\n"
    "\r\n"
    "b,c\r\n", -1);
  g_autofree char *quoted_inside = circles_test_write_file ("inside.csv",
    "Source,Target\n"
    "Jean \"JJ\" Dupont,b\n", -1);
  CirclesImportReport report;

  import_fails (f, stray, "Connections.csv:3:1: text follows the quote");
  import_fails (f, wide, "wide.csv:3: this record has 3 fields, the header 2");

  /* What spreadsheets really do loses nothing: BOM, CRLF, blank lines,
   * empty trailing fields, short records, quotes inside a field. */
  import_ok (f, spreadsheet, &report);
  g_assert_cmpint (circles_store_count_connections (f->store), ==, 2);
  import_ok (f, quoted_inside, &report);
  g_assert_cmpint (circles_store_lookup_person (f->store, "Jean \"JJ\" Dupont"), >, 0);
}

/* The files of the archive alone, as found in the unpacked folder. */
static void
test_single_files (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *connections = circles_test_write_file ("Connections.csv", connections_csv, -1);
  g_autofree char *messages = circles_test_write_file ("messages.csv", messages_csv, -1);
  g_autofree char *recommendations = circles_test_write_file ("Recommendations_Received.csv",
                                                              recommendations_csv, -1);
  /* Not quite the same content: the same would be imported already. */
  g_autofree char *unnamed_csv = g_strconcat (recommendations_csv, "\n", NULL);
  g_autofree char *unnamed = circles_test_write_file ("recs.csv", unnamed_csv, -1);
  CirclesImportReport report;
  CirclesInteraction interaction;
  g_autoptr(GError) error = NULL;

  import_ok (f, connections, &report);
  import_ok (f, messages, &report);
  g_assert_cmpint (report.format, ==, CIRCLES_IMPORT_FORMAT_ARCHIVE);
  assert_messages (f, BRUNO, "3/1/2026-03-16");
  import_ok (f, recommendations, &report);
  g_assert_true (circles_store_get_interaction (f->store, id_of (f, CHLOE), &interaction, &error));
  g_assert_cmpuint (interaction.recommendations_received, ==, 1);
  circles_interaction_clear (&interaction);
  import_fails (f, unnamed, "given or received");
}

static void
test_describe (void)
{
  CirclesInteraction interaction = { 0 };
  g_autofree char *text = NULL;
  char *skills[] = { (char *) "Prospecting", (char *) "Sales", NULL };
  guint32 today = circles_julian_day ("2026-12-05");
  double warm, cold;

  g_assert_null (circles_interaction_describe (&interaction));
  g_assert_cmpfloat (circles_interaction_warmth (&interaction, today), ==, -1);

  interaction.messages_sent = 20;
  interaction.messages_received = 3;
  interaction.last_message = (char *) "2026-11-03";
  interaction.skills_received = skills;
  interaction.endorsements_received = 2;
  text = circles_interaction_describe (&interaction);
  g_assert_cmpstr (text, ==, "23 messages, the last on 3 November 2026 · "
                             "endorsed you for Prospecting and Sales");

  /* Recent and lively is warmer than old, which is warmer than nothing. */
  warm = circles_interaction_warmth (&interaction, today);
  interaction.last_message = (char *) "2019-11-03";
  cold = circles_interaction_warmth (&interaction, today);
  g_assert_cmpfloat (warm, >, cold);
  g_assert_cmpfloat (cold, >, 0.6);
  g_assert_cmpfloat (warm, <=, 1.0);

  interaction.messages_sent = 0;
  interaction.messages_received = 0;
  interaction.skills_received = NULL;
  interaction.endorsements_received = 0;
  interaction.invitation = CIRCLES_INVITATION_SENT;
  interaction.invited_on = (char *) "2026-06-02";
  g_clear_pointer (&text, g_free);
  text = circles_interaction_describe_invitation (&interaction);
  g_assert_cmpstr (text, ==, "You invited them on 2 June 2026");
}

static gboolean
import_owned (Fixture              *f,
              const char           *path,
              const char           *owner,
              const char           *me,
              GError              **error)
{
  CirclesImportOptions options = { .me_key = me, .owner_key = owner, .refuse_foreign = TRUE };

  return circles_import_file_full (f->store, path, CIRCLES_IMPORT_FORMAT_AUTO, &options,
                                   NULL, NULL, NULL, NULL, error);
}

/* A colleague's export: their rows are their connections, my 2nd
 * degree; the guard refuses it when no owner is named. */
static void
test_owner (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GString) mine = g_string_new ("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n");
  g_autoptr(GString) theirs = g_string_new ("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                                            "Marie,Curie," ME ",,Me Inc,Developer,2 Feb 2022\n"
                                            ",,,,,,2 Feb 2022\n");
  g_autofree char *mine_path = NULL;
  g_autofree char *theirs_path = NULL;
  g_autoptr(CirclesNetwork) network = NULL;
  g_autoptr(GError) error = NULL;
  const CirclesCounts *counts;
  gint64 generation;

  for (guint i = 0; i < 60; i++)
    g_string_append_printf (mine, "P%u,X,https://www.linkedin.com/in/p%u,,Acme,Role,1 Jan 2024\n", i, i);
  for (guint i = 0; i < 10; i++)
    g_string_append_printf (theirs, "P%u,X,https://www.linkedin.com/in/p%u,,Acme,Role,1 Jan 2024\n", i, i);
  for (guint i = 0; i < 39; i++)
    g_string_append_printf (theirs, "Q%u,Y,https://www.linkedin.com/in/q%u,,Beta,Role,3 Jan 2024\n", i, i);
  mine_path = circles_test_write_file ("Connections.csv", mine->str, -1);
  theirs_path = circles_test_write_file ("Connections.csv", theirs->str, -1);

  import_ok (f, mine_path, NULL);
  generation = circles_store_get_generation (f->store);

  /* Without an owner: refused, nothing changed. */
  g_assert_false (import_owned (f, theirs_path, NULL, NULL, &error));
  g_assert_error (error, CIRCLES_IMPORT_ERROR, CIRCLES_IMPORT_ERROR_NOT_MINE);
  g_assert_nonnull (strstr (error->message, "only 10 of the 50 people"));
  g_clear_error (&error);
  g_assert_cmpint (circles_store_get_generation (f->store), ==, generation);

  /* An owner nobody has is bad input. */
  g_assert_false (import_owned (f, theirs_path, "https://www.linkedin.com/in/nobody", NULL, &error));
  g_assert_error (error, CIRCLES_IMPORT_ERROR, CIRCLES_IMPORT_ERROR_UNKNOWN_OWNER);
  g_clear_error (&error);

  /* Named: P0's connections are my 2nd degree, and the row that lists
   * me (by the URL given with --me) is me, not a second me. */
  g_assert_true (import_owned (f, theirs_path, "https://www.linkedin.com/in/p0/", ME, &error));
  g_assert_no_error (error);
  network = circles_network_load (f->store, NULL, &error);
  g_assert_no_error (error);
  counts = circles_network_get_counts (network);
  g_assert_cmpuint (counts->first, ==, 60);
  g_assert_cmpuint (counts->second, ==, 40);  /* 39 and P0's hidden member */
  g_assert_cmpstr (circles_network_get_key (network, circles_network_get_me (network)), ==, ME);
  g_assert_cmpstr (circles_network_get_name (network, circles_network_get_me (network)), ==, "Me");
  g_assert_cmpint (circles_store_lookup_person (f->store, "me"), <, 0);

  /* --owner me: mine for sure, the guard stands aside. */
  g_assert_true (import_owned (f, theirs_path, "me", NULL, &error));
  g_assert_no_error (error);
}

/* A colleague's whole archive: their connections and their name; their
 * messages are theirs, and are not read. */
static void
test_owner_archive (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *mine = circles_test_write_file ("Connections.csv",
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Bruno,Durand," BRUNO ",,Globex,Sales,01 Feb 2020\n", -1);
  g_autofree char *zip = path_in (f, "bruno.zip");
  g_autoptr(GError) error = NULL;
  CirclesInteraction interaction;
  g_autoptr(CirclesNetwork) network = NULL;

  import_ok (f, mine, NULL);
  write_zip (zip, "", real_archive, G_N_ELEMENTS (real_archive));
  g_assert_true (import_owned (f, zip, BRUNO, NULL, &error));
  g_assert_no_error (error);

  network = circles_network_load (f->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (circles_network_get_counts (network)->first, ==, 1);
  g_assert_cmpuint (circles_network_get_counts (network)->second, ==, 6);
  /* The profile was Bruno's own: he is Marie Curie in that archive. */
  g_assert_cmpstr (circles_network_get_name (network, circles_test_person (network, BRUNO)), ==, "Marie Curie");
  g_assert_true (circles_store_get_interaction (f->store, id_of (f, ALICE), &interaction, &error));
  g_assert_true (circles_interaction_is_empty (&interaction));
  circles_interaction_clear (&interaction);
  g_assert_cmpint (circles_store_lookup_person (f->store, REX), <, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/archive/zip", test_zip);
  ADD ("/archive/folder", test_folder);
  ADD ("/archive/empty-file", test_empty_file);
  ADD ("/archive/zip-in-folder", test_zip_in_folder);
  ADD ("/archive/warmth-orders-chains", test_warmth_orders_chains);
  ADD ("/archive/me-rekeyed", test_me_rekeyed);
  ADD ("/archive/bad", test_bad_archives);
  ADD ("/archive/strict-csv", test_strict_csv);
  ADD ("/archive/single-files", test_single_files);
  ADD ("/archive/owner", test_owner);
  ADD ("/archive/owner-archive", test_owner_archive);
#undef ADD
  g_test_add_func ("/archive/describe", test_describe);

  return g_test_run ();
}
