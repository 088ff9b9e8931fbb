/* bench-import.c: how fast the files people have are imported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Not a test: it writes files of the sizes issue 3 names, imports each
 * into a new database in a child process of its own (so that the peak
 * RSS is that import's alone), and prints a table.
 *
 *   bench-import [--edges N] [--graphml-edges N] [--messages N]
 *                [--only CASE] [--dir DIR]
 *
 * Defaults: a 30,000-row Connections.csv (the cap), 1,000,000 edges in a
 * Gephi edge list among 200,000 people (with a Weight column, then
 * without), 1,000,000 edges in GraphML, and the data archive as
 * downloaded: a zip (deflate) of Connections.csv (30,000 rows),
 * messages.csv (200,000 messages between me and 3,000 of them), a
 * profile, a few hundred invitations and endorsements, and the files
 * that are not read (coach_messages.csv, a subfolder). Rates are rows
 * or edges per second of the import itself (opening the database
 * apart); the archive's rows are the records of the files it reads.
 * --only runs one case: linkedin, edges, edges-nw, graphml or archive
 * (`--only archive --messages 400000` shows that the peak stays flat).
 */
#include "config.h"

#include <errno.h>

#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "circles-import.h"
#include "circles-store.h"

typedef struct
{
  const char *name;   /* for --only */
  const char *label;
  char       *path;
  guint64     units;  /* rows or edges */
  const char *rate;   /* their unit per second */
  double      forget_seconds;  /* taking the import back, when measured */
} Case;

static guint64 rng = 88172645463325252ull;

static guint32
next_random (void)
{
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return rng >> 32;
}

/* The bench cannot go on without its files: says why and stops. */
static FILE *
open_for_writing (const char *path)
{
  FILE *f = fopen (path, "w");

  if (f == NULL)
    g_error ("bench-import: cannot write %s: %s", path, g_strerror (errno));
  return f;
}

static void
write_linkedin (const char *path,
                guint       rows)
{
  static const char *first[] = { "Camille", "Lucas", "Inès", "Priya", "Jonas", "Mei", "Sofia", "Hugo" };
  static const char *last[] = { "Martin", "Bernard", "Benali", "Raman", "Schneider", "Chen", "García", "Durand" };
  static const char *months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
  FILE *f = open_for_writing (path);

  fprintf (f, "Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing.\"\n\n");
  fprintf (f, "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n");
  for (guint i = 0; i < rows; i++)
    {
      const char *fn = first[next_random () % G_N_ELEMENTS (first)];
      const char *ln = last[next_random () % G_N_ELEMENTS (last)];

      fprintf (f, "%s,%s,https://www.linkedin.com/in/%s-%s-%u,,\"Atelier %u, SAS\",Head of Sales,%u %s %u\n",
               fn, ln, fn, ln, i, i % 500, 1 + i % 28, months[i % 12], 2010 + i % 15);
    }
  fclose (f);
}

static void
write_edges (const char *path,
             guint64     edges,
             guint       people,
             gboolean    weights)
{
  FILE *f = open_for_writing (path);

  fprintf (f, weights ? "Source,Target,Weight\n" : "Source,Target\n");
  for (guint64 i = 0; i < edges; i++)
    {
      guint a = next_random () % people;
      guint b = (a + 1 + next_random () % 5000) % people;

      if (weights)
        fprintf (f, "n%u,n%u,%u\n", a, b, 1 + next_random () % 9);
      else
        fprintf (f, "n%u,n%u\n", a, b);
    }
  fclose (f);
}

static void
write_graphml (const char *path,
               guint64     edges,
               guint       people)
{
  FILE *f = open_for_writing (path);

  fprintf (f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
              "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
              "  <key id=\"d0\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
              "  <graph id=\"G\" edgedefault=\"undirected\">\n");
  for (guint i = 0; i < people; i++)
    fprintf (f, "    <node id=\"n%u\"><data key=\"d0\">Person %u</data></node>\n", i, i);
  for (guint64 i = 0; i < edges; i++)
    {
      guint a = next_random () % people;
      guint b = (a + 1 + next_random () % 5000) % people;

      fprintf (f, "    <edge source=\"n%u\" target=\"n%u\"/>\n", a, b);
    }
  fprintf (f, "  </graph>\n</graphml>\n");
  fclose (f);
}

/* The data archive ------------------------------------------------------ */

#define ARCHIVE_CONNECTIONS  30000
#define ARCHIVE_CORRESPONDENTS 3000
#define ARCHIVE_INVITATIONS  300
#define ARCHIVE_ENDORSEMENTS 400
#define ARCHIVE_RECOMMENDATIONS 12
#define ARCHIVE_COACH        40
#define ME_URL "https://www.linkedin.com/in/me-slug"
#define ME_NAME "Alex Moreau"

/* 40 first names, and 30 × 25 last names: 30,000 people, each named
 * once (past them, the names come round again). */
static const char *archive_first[] = {
  "Camille", "Lucas", "Inès", "Priya", "Jonas", "Mei", "Sofia", "Hugo", "Amara", "Tomasz",
  "Yuki", "Léa", "Noah", "Aïcha", "Mateo", "Chloé", "Arjun", "Elena", "Omar", "Zoé",
  "Liam", "Fatou", "Nils", "Ana", "Kenji", "Maëlle", "Ravi", "Ingrid", "Diego", "Nour",
  "Paul", "Sakura", "Erik", "Lina", "Jakub", "Clara", "Tariq", "Emma", "Bruno", "Hana",
};
static const char *archive_last_root[] = {
  "Ber", "Mar", "Dur", "Ok", "Now", "Schn", "Ra", "Ch", "Gar", "Dub",
  "Lef", "Mor", "Fon", "Gau", "Lam", "Rou", "Bl", "Tan", "Kow", "Ng",
  "Pet", "Ros", "Sil", "Van", "Wei", "Yam", "Zel", "Hal", "Ib", "Jo",
};
static const char *archive_last_end[] = {
  "and", "ert", "ois", "ak", "ier", "anski", "ev", "son", "ez", "ani",
  "elli", "oto", "ström", "berg", "ard", "ot", "in", "ova", "ić", "ura",
  "ley", "mann", "eau", "ski", "ido",
};

/* Connection @i (i < 30,000; past them, people I am not connected to):
 * a name and a URL unique to them. */
static void
archive_person (guint   i,
                char   *first,
                char   *last,
                char   *url,
                gsize   size)
{
  guint f = i % G_N_ELEMENTS (archive_first);
  guint r = (i / G_N_ELEMENTS (archive_first)) % G_N_ELEMENTS (archive_last_root);
  guint e = (i / (G_N_ELEMENTS (archive_first) * G_N_ELEMENTS (archive_last_root)))
            % G_N_ELEMENTS (archive_last_end);
  g_autofree char *name = NULL;
  g_autofree char *ascii = NULL;
  g_autofree char *slug = NULL;

  g_strlcpy (first, archive_first[f], size);
  g_snprintf (last, size, "%s%s", archive_last_root[r], archive_last_end[e]);
  name = g_strdup_printf ("%s-%s", first, last);
  ascii = g_str_to_ascii (name, "C");
  slug = g_ascii_strdown (ascii, -1);
  g_snprintf (url, size, "https://www.linkedin.com/in/%s-%x", slug, (i * 2654435761u) >> 12);
}

/* Contents as people write them: commas, quotes, line breaks. */
static const char *archive_contents[] = {
  "Hi, thanks for connecting!",
  "Thanks, likewise.",
  "Are you free on Thursday? I'd like to talk about the \"Atlas\" project, if you have 20 minutes.",
  "Sure.\nThursday 10:00 works for me.\n\nBest,\nA.",
  "Here is the deck: https://example.com/deck.pdf — let me know, any comment is welcome.",
  "Congrats on the new role!!",
  "Bonjour, je me permets de vous contacter au sujet d'un poste de \"Head of Sales\", basé à Lyon, télétravail possible.",
  "Not right now, but keep me posted.",
  "Quick question: do you know anyone at Atelier 42, SAS?\nThey're hiring, and a friend of mine, \"Sam\", is interested.",
  "ok 👍",
  "Following up on my last message, any news?",
  "Happy new year, and all the best for 2026, to you and the team!",
};

static const char *
archive_content (void)
{
  return archive_contents[next_random () % G_N_ELEMENTS (archive_contents)];
}

/* Writes @text as a CSV field, quoted when it needs to be. */
static void
archive_put_field (FILE       *f,
                   const char *text)
{
  if (strpbrk (text, ",\"\r\n") == NULL)
    {
      fputs (text, f);
      return;
    }
  fputc ('"', f);
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        fputc ('"', f);
      fputc (*p, f);
    }
  fputc ('"', f);
}

/* "2026-03-15 10:22:33 UTC", @minutes before a fixed now. */
static void
archive_date (char   *out,
              gsize   size,
              guint64 minutes)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 3, 15, 18, 0, 0);
  g_autoptr(GDateTime) then = g_date_time_add_seconds (now, -60.0 * minutes - next_random () % 60);
  g_autofree char *text = g_date_time_format (then, "%Y-%m-%d %H:%M:%S UTC");

  g_strlcpy (out, text, size);
}

static void
write_archive_connections (FILE *f)
{
  static const char *months[] = { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
  static const char *positions[] = { "Head of Sales", "Software Engineer", "Product Manager, EMEA", "CEO", "Data Scientist", "Account Executive" };

  fprintf (f, "Notes:\n\"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261\"\n\n");
  fprintf (f, "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n");
  for (guint i = 0; i < ARCHIVE_CONNECTIONS; i++)
    {
      char first[64], last[64], url[128];

      archive_person (i, first, last, url, sizeof url);
      fprintf (f, "%s,%s,%s,", first, last, url);
      if (i % 7 == 0)
        fprintf (f, "%s%u@example.com", url + strlen ("https://www.linkedin.com/in/"), i);
      fprintf (f, ",\"Atelier %u, SAS\",", i % 900);
      archive_put_field (f, positions[i % G_N_ELEMENTS (positions)]);
      fprintf (f, ",%02u %s %u\n", 1 + i % 28, months[i % 12], 2010 + i % 16);
    }
}

static void
write_archive_profile (FILE *f)
{
  fprintf (f, "First Name,Last Name,Maiden Name,Address,Birth Date,Headline,Summary,Industry,Zip Code,Geo Location,Twitter Handles,Websites,Instant Messengers\n");
  fprintf (f, "Alex,Moreau,,\"12 rue de la Paix, Paris\",Jun 2,\"Head of Sales, Atelier 7\","
              "\"Twenty years in sales.\nI like \"\"hard\"\" problems.\",Software Development,75002,"
              "\"Paris, Île-de-France, France\",[alexmoreau],[PERSONAL:https://example.com],\n");
}

/* Conversations between me and ARCHIVE_CORRESPONDENTS connections (a
 * few talk a lot, most a little), one after the other, newest first, as
 * the export lists them; now and then a message to two people, or a
 * sponsored one without a sender's URL. */
static void
write_archive_messages (FILE       *f,
                        const char *header,
                        guint       messages,
                        gboolean    coach)
{
  guint conversation = G_MAXUINT;
  guint64 minutes = 0;

  fprintf (f, "%s\n", header);
  for (guint i = 0; i < messages; i++)
    {
      /* Skewed: conversation c gets messages in proportion to 1/sqrt. */
      guint c = (guint) ((guint64) i * i / messages * ARCHIVE_CORRESPONDENTS / messages);
      guint person = c * (ARCHIVE_CONNECTIONS / ARCHIVE_CORRESPONDENTS) + 3;
      char first[64], last[64], url[128], date[32];
      g_autofree char *name = NULL;
      gboolean mine = next_random () % 2 == 0;

      archive_person (person, first, last, url, sizeof url);
      name = g_strdup_printf ("%s %s", first, last);
      if (c != conversation)
        {
          conversation = c;
          minutes = 60 * 24 * (guint64) (next_random () % 700);
        }
      minutes += next_random () % 600;
      archive_date (date, sizeof date, minutes);

      if (coach)
        {
          /* The assistant has no profile URL. */
          if (mine)
            fprintf (f, "2-Y29hY2g=,,%s,%s,Coach,,%s,,", ME_NAME, ME_URL, date);
          else
            fprintf (f, "2-Y29hY2g=,,Coach,,%s,%s,%s,,", ME_NAME, ME_URL, date);
          archive_put_field (f, archive_content ());
          fprintf (f, ",INBOX,\n");
          continue;
        }

      fprintf (f, "2-%08x%06u,,", (c + 1) * 2654435761u, c);
      if (i % 997 == 500)
        {
          /* Sponsored: no sender's URL. */
          fprintf (f, "Offre Sponsorisée,,%s,%s,%s,", ME_NAME, ME_URL, date);
          fprintf (f, "Une offre pour vous,\"Découvrez, dès maintenant, notre offre.\",SPONSORED,\n");
          continue;
        }
      if (mine && i % 113 == 7)
        {
          char first2[64], last2[64], url2[128];

          archive_person (person + 1, first2, last2, url2, sizeof url2);
          fprintf (f, "%s,%s,\"%s,%s %s\",\"%s,%s\",%s,,", ME_NAME, ME_URL,
                   name, first2, last2, url, url2, date);
        }
      else if (mine)
        fprintf (f, "%s,%s,%s,%s,%s,,", ME_NAME, ME_URL, name, url, date);
      else
        fprintf (f, "%s,%s,%s,%s,%s,,", name, url, ME_NAME, ME_URL, date);
      archive_put_field (f, archive_content ());
      fprintf (f, ",INBOX,%s\n", i % 211 == 0 ? "https://www.linkedin.com/dms/prv/vid/attachment.pdf" : "");
    }
}

static void
write_archive_invitations (FILE *f)
{
  fprintf (f, "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n");
  for (guint i = 0; i < ARCHIVE_INVITATIONS; i++)
    {
      /* People outside my connections: indexes past them. */
      char first[64], last[64], url[128];
      guint hour = 1 + i % 12;

      archive_person (ARCHIVE_CONNECTIONS + i, first, last, url, sizeof url);
      if (i % 3 == 0)
        fprintf (f, "%s,%s %s,\"%u/%u/26, %u:%02u %s\",\"Hi %s, I'd like to join your network.\",OUTGOING,%s,%s\n",
                 ME_NAME, first, last, 1 + i % 12, 1 + i % 28, hour, i % 60, i % 2 ? "PM" : "AM",
                 first, ME_URL, url);
      else
        fprintf (f, "%s %s,%s,\"%u/%u/25, %u:%02u %s\",,INCOMING,%s,%s\n",
                 first, last, ME_NAME, 1 + i % 12, 1 + i % 28, hour, i % 60, i % 2 ? "PM" : "AM",
                 url, ME_URL);
    }
}

static void
write_archive_endorsements (FILE *f,
                            guint n)
{
  static const char *skills[] = { "Sales", "Negotiation", "B2B", "Account Management", "CRM, Salesforce", "Public Speaking" };

  fprintf (f, "Endorsement Date,Skill Name,Endorser First Name,Endorser Last Name,Endorser Public Url,Endorsement Status\n");
  for (guint i = 0; i < n; i++)
    {
      char first[64], last[64], url[128];

      archive_person ((i * 37) % ARCHIVE_CONNECTIONS, first, last, url, sizeof url);
      fprintf (f, "%u/%02u/%02u %02u:%02u:%02u UTC,", 2015 + i % 11, 1 + i % 12, 1 + i % 28,
               i % 24, i % 60, (i * 7) % 60);
      archive_put_field (f, skills[i % G_N_ELEMENTS (skills)]);
      /* As the export writes them: without the scheme. */
      fprintf (f, ",%s,%s,%s,%s\n", first, last, url + strlen ("https://"),
               i % 50 == 49 ? "REJECTED" : "ACCEPTED");
    }
}

static void
write_archive_recommendations (FILE *f)
{
  fprintf (f, "First Name,Last Name,Company,Job Title,Text,Creation Date,Status\n");
  for (guint i = 0; i < ARCHIVE_RECOMMENDATIONS; i++)
    {
      char first[64], last[64], url[128];

      archive_person (i * 101, first, last, url, sizeof url);
      fprintf (f, "%s,%s,\"Atelier %u, SAS\",Head of Sales,\"Alex is \"\"the\"\" person to call.\nHighly recommended.\",\"%u/%u/24, 10:%02u AM\",VISIBLE\n",
               first, last, (i * 101) % 900, 1 + i % 12, 1 + i % 28, i);
    }
  /* From a former colleague I never connected with: unmatched. */
  fprintf (f, "Grace,Hopper,US Navy,Rear Admiral,Recommended.,\"2/1/24, 9:00 AM\",VISIBLE\n");
}

/* Adds the file at @path to the zip as @name, streamed. */
static gboolean
archive_add_file (struct archive *zip,
                  const char     *name,
                  const char     *path)
{
  struct archive_entry *entry = archive_entry_new ();
  GStatBuf st;
  char buffer[65536];
  FILE *f;
  size_t n;
  gboolean ok = TRUE;

  if (g_stat (path, &st) != 0 || (f = g_fopen (path, "rb")) == NULL)
    return FALSE;
  archive_entry_set_pathname (entry, name);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_size (entry, st.st_size);
  archive_entry_set_mtime (entry, 1773568953, 0);
  if (archive_write_header (zip, entry) != ARCHIVE_OK)
    ok = FALSE;
  while (ok && (n = fread (buffer, 1, sizeof buffer, f)) > 0)
    ok = archive_write_data (zip, buffer, n) == (la_ssize_t) n;
  fclose (f);
  archive_entry_free (entry);
  if (!ok)
    g_printerr ("bench-import: %s: %s\n", name, archive_error_string (zip));
  return ok;
}

/* Writes the data archive at @path; returns the records of the files
 * the import reads (0 on failure). */
static guint64
write_archive (const char *path,
               const char *dir,
               guint       messages)
{
  static const char messages_header[] =
    "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER,ATTACHMENTS";
  g_autofree char *tmp = g_build_filename (dir, "archive-entry.csv", NULL);
  struct archive *zip = archive_write_new ();
  static const char *names[] = {
    "Connections.csv", "Profile.csv", "messages.csv", "coach_messages.csv",
    "Invitations.csv", "Endorsement_Received_Info.csv", "Recommendations_Received.csv",
    "Jobs/Job Applications.csv",
  };
  guint64 records = 0;
  gboolean ok;

  ok = archive_write_set_format_zip (zip) == ARCHIVE_OK
    && archive_write_zip_set_compression_deflate (zip) == ARCHIVE_OK
    && archive_write_open_filename (zip, path) == ARCHIVE_OK;

  for (guint i = 0; ok && i < G_N_ELEMENTS (names); i++)
    {
      FILE *f = g_fopen (tmp, "w");

      switch (i)
        {
        case 0:
          write_archive_connections (f);
          records += ARCHIVE_CONNECTIONS;
          break;
        case 1:
          write_archive_profile (f);
          records += 1;
          break;
        case 2:
          write_archive_messages (f, messages_header, messages, FALSE);
          records += messages;
          break;
        case 3:
          write_archive_messages (f, messages_header, ARCHIVE_COACH, TRUE);
          break;
        case 4:
          write_archive_invitations (f);
          records += ARCHIVE_INVITATIONS;
          break;
        case 5:
          write_archive_endorsements (f, ARCHIVE_ENDORSEMENTS);
          records += ARCHIVE_ENDORSEMENTS;
          break;
        case 6:
          write_archive_recommendations (f);
          records += ARCHIVE_RECOMMENDATIONS + 1;
          break;
        default:
          fprintf (f, "Application Date,Contact Email,Company Name,Job Title\n"
                      "\"3/1/26, 2:00 PM\",alex@example.com,\"Atelier 3, SAS\",Head of Sales\n");
          break;
        }
      fclose (f);
      ok = archive_add_file (zip, names[i], tmp);
    }

  ok = archive_write_close (zip) == ARCHIVE_OK && ok;
  archive_write_free (zip);
  g_unlink (tmp);
  return ok ? records : 0;
}

/* Imports in a child; returns FALSE when it failed. */
static gboolean
measure (const char *dir,
         Case       *c,
         double     *seconds,
         double     *rss_mb)
{
  int fds[2];
  pid_t pid;
  int status;
  double figures[3] = { 0, 0, 0 };

  if (pipe (fds) != 0)
    return FALSE;

  pid = fork ();
  if (pid == 0)
    {
      g_autofree char *db = g_build_filename (dir, "import.db", NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(CirclesStore) store = NULL;
      struct rusage usage;
      gint64 start;
      double out[3] = { 0, 0, 0 };

      CirclesImportReport report = { 0 };

      g_unlink (db);
      store = circles_store_open (db, &error);
      start = g_get_monotonic_time ();
      if (store == NULL ||
          !circles_import_file (store, c->path, CIRCLES_IMPORT_FORMAT_AUTO, NULL, &report,
                                NULL, NULL, NULL, &error))
        {
          g_printerr ("bench-import: %s\n", error->message);
          _exit (1);
        }
      out[0] = (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC;
      if (report.format == CIRCLES_IMPORT_FORMAT_ARCHIVE)
        g_printerr ("bench-import: %s: %" G_GUINT64_FORMAT " files, %" G_GUINT64_FORMAT " rows, "
                    "%" G_GUINT64_FORMAT " messages, %" G_GUINT64_FORMAT " interactions, "
                    "%" G_GUINT64_FORMAT " invitations, %" G_GUINT64_FORMAT " endorsements, "
                    "%" G_GUINT64_FORMAT " recommendations (%" G_GUINT64_FORMAT " unmatched), "
                    "%" G_GUINT64_FORMAT " people added, 1st degree %" G_GUINT64_FORMAT "\n",
                    c->label, report.files, report.rows, report.messages, report.interactions,
                    report.invitations, report.endorsements, report.recommendations,
                    report.unmatched, report.people_added, report.first_degree);
      getrusage (RUSAGE_SELF, &usage);
      out[1] = usage.ru_maxrss / 1024.0;
      /* Taking the edge list back: every person and connection goes. */
      if (g_str_equal (c->name, "edges"))
        {
          start = g_get_monotonic_time ();
          if (!circles_store_forget_source (store, report.source, NULL, &error))
            {
              g_printerr ("bench-import: forget: %s\n", error->message);
              _exit (1);
            }
          out[2] = (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC;
        }
      if (write (fds[1], out, sizeof out) != sizeof out)
        _exit (1);
      g_clear_object (&store);
      g_unlink (db);
      _exit (0);
    }

  close (fds[1]);
  if (read (fds[0], figures, sizeof figures) != sizeof figures)
    figures[0] = -1;
  close (fds[0]);
  waitpid (pid, &status, 0);

  *seconds = figures[0];
  c->forget_seconds = figures[2];
  *rss_mb = figures[1];
  return WIFEXITED (status) && WEXITSTATUS (status) == 0 && figures[0] >= 0;
}

int
main (int   argc,
      char *argv[])
{
  gint64 edges = 1000000, graphml_edges = 1000000, messages = 200000;
  g_autofree char *dir = NULL;
  g_autofree char *only = NULL;
  GOptionEntry entries[] = {
    { "edges", 0, 0, G_OPTION_ARG_INT64, &edges, "Edges in the edge list", "N" },
    { "graphml-edges", 0, 0, G_OPTION_ARG_INT64, &graphml_edges, "Edges in the GraphML file", "N" },
    { "messages", 0, 0, G_OPTION_ARG_INT64, &messages, "Messages in the data archive", "N" },
    { "only", 0, 0, G_OPTION_ARG_STRING, &only, "Run one case: linkedin, edges, edges-nw, graphml or archive", "CASE" },
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &dir, "Where the files go", "DIR" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- time the importers");
  g_autoptr(GError) error = NULL;
  Case cases[5];
  int status = 0;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (messages < 1 || messages > G_MAXUINT32)
    {
      g_printerr ("--messages: between 1 and %u\n", G_MAXUINT32);
      return 2;
    }
  if (dir == NULL)
    dir = g_dir_make_tmp ("circles-bench-import-XXXXXX", NULL);

  cases[0] = (Case) { "linkedin", "Connections.csv (linkedin)", g_build_filename (dir, "Connections.csv", NULL), 30000, "rows/s" };
  cases[1] = (Case) { "edges", "edge list, Weight (csv)", g_build_filename (dir, "edges.csv", NULL), edges, "edges/s" };
  cases[2] = (Case) { "edges-nw", "edge list, no Weight (csv)", g_build_filename (dir, "edges-nw.csv", NULL), edges, "edges/s" };
  cases[3] = (Case) { "graphml", "GraphML", g_build_filename (dir, "graph.graphml", NULL), graphml_edges, "edges/s" };
  cases[4] = (Case) { "archive", "data archive (zip)", g_build_filename (dir, "Basic_LinkedInDataExport.zip", NULL), 0, "rows/s" };

  for (guint i = 0; only != NULL && i < G_N_ELEMENTS (cases); i++)
    if (g_strcmp0 (only, cases[i].name) == 0)
      break;
    else if (i + 1 == G_N_ELEMENTS (cases))
      {
        g_printerr ("--only: no case %s\n", only);
        return 2;
      }

#define WANTED(i) (only == NULL || g_strcmp0 (only, cases[i].name) == 0)
  g_printerr ("bench-import: writing the files in %s…\n", dir);
  if (WANTED (0))
    write_linkedin (cases[0].path, cases[0].units);
  if (WANTED (1))
    write_edges (cases[1].path, cases[1].units, MAX (1000, edges / 5), TRUE);
  if (WANTED (2))
    write_edges (cases[2].path, cases[2].units, MAX (1000, edges / 5), FALSE);
  if (WANTED (3))
    write_graphml (cases[3].path, cases[3].units, MAX (1000, graphml_edges / 5));
  if (WANTED (4))
    {
      cases[4].units = write_archive (cases[4].path, dir, messages);
      if (cases[4].units == 0)
        {
          g_printerr ("bench-import: cannot write %s\n", cases[4].path);
          return 1;
        }
    }

  printf ("%-28s %12s %10s %16s %10s %10s\n", "file", "size", "seconds", "rate", "file MB", "peak MB");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double seconds, rss;
      GStatBuf st;

      if (!WANTED (i))
        {
          g_free (cases[i].path);
          continue;
        }
      g_stat (cases[i].path, &st);
      if (!measure (dir, &cases[i], &seconds, &rss))
        {
          status = 1;
          continue;
        }
      printf ("%-28s %'12" G_GUINT64_FORMAT " %10.2f %'10.0f %-5s %10.1f %10.1f\n",
              cases[i].label, cases[i].units, seconds, cases[i].units / seconds,
              cases[i].rate, st.st_size / 1048576.0, rss);
      if (cases[i].forget_seconds > 0)
        printf ("%-28s %'12" G_GUINT64_FORMAT " %10.2f %'10.0f %-5s\n",
                "forget of that import", cases[i].units, cases[i].forget_seconds,
                cases[i].units / cases[i].forget_seconds, cases[i].rate);
      g_unlink (cases[i].path);
      g_free (cases[i].path);
    }
#undef WANTED

  g_rmdir (dir);
  return status;
}
