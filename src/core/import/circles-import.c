/* circles-import.c: one import, one transaction; format detection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Detection (CIRCLES_IMPORT_FORMAT_AUTO):
 *  - a zip, or a folder that holds Connections.csv, is the data archive
 *    (so is it with --format linkedin);
 *  - by extension: .gv and .dot are DOT, .graphml is GraphML;
 *  - otherwise by content: a file whose first non-blank byte is '<' is
 *    GraphML, one that starts with "graph", "digraph" or "strict" is DOT;
 *  - otherwise it is CSV and its header decides (names compared without
 *    case, blanks, '_' and '-' counting as spaces):
 *    The data archive's files, alone:
 *      SENDER PROFILE URL                            -> messages
 *      Direction + Sent At, or inviterProfileUrl     -> invitations
 *      Skill Name + Endorser/Endorsee Public Url     -> endorsements
 *      First Name + Last Name + Headline             -> profile
 *      First Name + Text + Creation Date             -> recommendations,
 *        given or received as the file's name says
 *      "Notes:" preamble, or First Name + Last Name  -> linkedin
 *      Source + Target                               -> csv (edges)
 *      Id (+ Label, ...)                             -> csv (nodes)
 *      Group + Member                                -> groups
 *      Follower (+ Name)                             -> followers
 *    Any other header is an error that lists these.
 * With --format followers the key column may also be named Key, Id or
 * URL.
 */
#define G_LOG_DOMAIN "circles-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "circles-archive.h"
#include "circles-import-readers.h"

G_DEFINE_QUARK (circles-import-error-quark, circles_import_error)

static const char *format_names[] = {
  [CIRCLES_IMPORT_FORMAT_AUTO] = "auto",
  [CIRCLES_IMPORT_FORMAT_LINKEDIN] = "linkedin",
  [CIRCLES_IMPORT_FORMAT_CSV] = "csv",
  [CIRCLES_IMPORT_FORMAT_DOT] = "dot",
  [CIRCLES_IMPORT_FORMAT_GRAPHML] = "graphml",
  [CIRCLES_IMPORT_FORMAT_FOLLOWERS] = "followers",
  [CIRCLES_IMPORT_FORMAT_GROUPS] = "groups",
  [CIRCLES_IMPORT_FORMAT_ARCHIVE] = "archive",
};

gboolean
circles_import_format_from_string (const char          *name,
                                   CirclesImportFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  if (name == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    if (g_ascii_strcasecmp (name, format_names[i]) == 0)
      {
        *format = i;
        return TRUE;
      }
  return FALSE;
}

const char *
circles_import_format_to_string (CirclesImportFormat format)
{
  if ((guint) format < G_N_ELEMENTS (format_names))
    return format_names[format];
  return NULL;
}

/* Detection by the file's first bytes, for files without a telling
 * extension. */
static CirclesImportFormat
sniff_content (const char *path)
{
  char buf[512];
  gsize len = 0;
  FILE *f = g_fopen (path, "rb");
  const char *p;

  if (f == NULL)
    return CIRCLES_IMPORT_FORMAT_AUTO;
  len = fread (buf, 1, sizeof buf - 1, f);
  fclose (f);
  buf[len] = '\0';

  p = buf;
  if (len >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  while (*p != '\0' && g_ascii_isspace (*p))
    p++;
  if (*p == '<')
    return CIRCLES_IMPORT_FORMAT_GRAPHML;
  if (g_ascii_strncasecmp (p, "digraph", 7) == 0
      || g_ascii_strncasecmp (p, "strict", 6) == 0
      || (g_ascii_strncasecmp (p, "graph", 5) == 0
          && (p[5] == '\0' || g_ascii_isspace (p[5]) || p[5] == '{')))
    return CIRCLES_IMPORT_FORMAT_DOT;
  return CIRCLES_IMPORT_FORMAT_AUTO;
}

typedef enum
{
  CSV_KIND_UNKNOWN,
  CSV_KIND_LINKEDIN,
  CSV_KIND_EDGES,
  CSV_KIND_NODES,
  CSV_KIND_GROUPS,
  CSV_KIND_FOLLOWERS,
  CSV_KIND_PROFILE,
  CSV_KIND_MESSAGES,
  CSV_KIND_INVITATIONS,
  CSV_KIND_ENDORSEMENTS,
  CSV_KIND_RECOMMENDATIONS,
} CsvKind;

/* One of the data archive's files, by its header. */
static CsvKind
archive_kind_of_header (char  **header,
                        guint   n_header)
{
#define HAS(name) (_circles_import_find_column (header, n_header, name) >= 0)
  if (HAS ("sender profile url") && HAS ("recipient profile urls"))
    return CSV_KIND_MESSAGES;
  if (HAS ("inviterprofileurl") || (HAS ("direction") && HAS ("sent at")))
    return CSV_KIND_INVITATIONS;
  if (HAS ("skill name") && (HAS ("endorser public url") || HAS ("endorsee public url")))
    return CSV_KIND_ENDORSEMENTS;
  if (HAS ("first name") && HAS ("last name") && HAS ("headline") && !HAS ("connected on"))
    return CSV_KIND_PROFILE;
  if (HAS ("first name") && HAS ("text") && HAS ("creation date"))
    return CSV_KIND_RECOMMENDATIONS;
#undef HAS
  return CSV_KIND_UNKNOWN;
}

static CsvKind
csv_kind_of_header (char                **header,
                    guint                 n_header,
                    CirclesImportFormat   format)
{
  gboolean linkedin = _circles_import_find_column (header, n_header, "first name") >= 0
                   && _circles_import_find_column (header, n_header, "last name") >= 0;
  gboolean edges = _circles_import_find_column (header, n_header, "source") >= 0
                && _circles_import_find_column (header, n_header, "target") >= 0;
  gboolean nodes = _circles_import_find_column (header, n_header, "id") >= 0;
  gboolean groups = _circles_import_find_column (header, n_header, "group") >= 0
                 && _circles_import_find_column (header, n_header, "member") >= 0;
  gboolean followers = _circles_import_find_column (header, n_header, "follower") >= 0;

  switch (format)
    {
    case CIRCLES_IMPORT_FORMAT_LINKEDIN:
      return linkedin ? CSV_KIND_LINKEDIN : CSV_KIND_UNKNOWN;
    case CIRCLES_IMPORT_FORMAT_CSV:
      return edges ? CSV_KIND_EDGES : nodes ? CSV_KIND_NODES : CSV_KIND_UNKNOWN;
    case CIRCLES_IMPORT_FORMAT_GROUPS:
      return groups ? CSV_KIND_GROUPS : CSV_KIND_UNKNOWN;
    case CIRCLES_IMPORT_FORMAT_FOLLOWERS:
      if (followers
          || _circles_import_find_column (header, n_header, "key") >= 0
          || _circles_import_find_column (header, n_header, "id") >= 0
          || _circles_import_find_column (header, n_header, "url") >= 0)
        return CSV_KIND_FOLLOWERS;
      return CSV_KIND_UNKNOWN;
    case CIRCLES_IMPORT_FORMAT_ARCHIVE:
      {
        CsvKind kind = archive_kind_of_header (header, n_header);

        if (kind == CSV_KIND_UNKNOWN && linkedin)
          return CSV_KIND_LINKEDIN;
        return kind;
      }
    case CIRCLES_IMPORT_FORMAT_AUTO:
    case CIRCLES_IMPORT_FORMAT_DOT:
    case CIRCLES_IMPORT_FORMAT_GRAPHML:
    default:
      {
        CsvKind kind = archive_kind_of_header (header, n_header);

        if (kind != CSV_KIND_UNKNOWN)
          return kind;
      }
      if (linkedin)
        return CSV_KIND_LINKEDIN;
      if (edges)
        return CSV_KIND_EDGES;
      if (groups)
        return CSV_KIND_GROUPS;
      if (followers)
        return CSV_KIND_FOLLOWERS;
      if (nodes)
        return CSV_KIND_NODES;
      return CSV_KIND_UNKNOWN;
    }
}

static gboolean
is_notes_preamble (char  **fields,
                   guint   n_fields)
{
  return n_fields >= 1 && g_ascii_strncasecmp (g_strstrip (fields[0]), "Notes:", 6) == 0;
}

static gboolean
import_csv (CirclesImportContext  *ctx,
            CirclesImportFormat    format,
            GError               **error)
{
  g_autoptr(CirclesCsvReader) reader = NULL;
  GError *local_error = NULL;
  char **header = NULL;
  guint n_header = 0;
  CsvKind kind;

  reader = circles_csv_reader_new (ctx->path, error);
  if (reader == NULL)
    return FALSE;

  if (!circles_csv_reader_next (reader, &header, &n_header, &local_error))
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      _circles_import_set_error (error, CIRCLES_IMPORT_ERROR_EMPTY,
                                 ctx->display, 0, 0, "%s",
                                 _("the file is empty"));
      return FALSE;
    }

  /* The data export's preamble: "Notes:", its text, a blank line. */
  if ((format == CIRCLES_IMPORT_FORMAT_AUTO
       || format == CIRCLES_IMPORT_FORMAT_LINKEDIN
       || format == CIRCLES_IMPORT_FORMAT_ARCHIVE)
      && is_notes_preamble (header, n_header))
    {
      for (;;)
        {
          if (!circles_csv_reader_next (reader, &header, &n_header, &local_error))
            {
              if (local_error != NULL)
                {
                  g_propagate_error (error, local_error);
                  return FALSE;
                }
              _circles_import_set_error (error, CIRCLES_IMPORT_ERROR_UNKNOWN_HEADER,
                                         ctx->display, 0, 0, "%s",
                                         _("a “Notes:” preamble without the "
                                           "First Name,Last Name header of "
                                           "Connections.csv"));
              return FALSE;
            }
          if (csv_kind_of_header (header, n_header,
                                  CIRCLES_IMPORT_FORMAT_LINKEDIN) == CSV_KIND_LINKEDIN)
            break;
        }
    }

  for (guint i = 0; i < n_header; i++)
    g_strstrip (header[i]);

  kind = csv_kind_of_header (header, n_header, format);
  circles_csv_reader_set_max_fields (reader, n_header);
  /* Copy the header: the reader reuses its buffer for the next row. */
  {
    g_auto(GStrv) header_copy = g_new0 (char *, n_header + 1);

    for (guint i = 0; i < n_header; i++)
      header_copy[i] = g_strdup (header[i]);

    switch (kind)
      {
      case CSV_KIND_LINKEDIN:
        ctx->report->format = CIRCLES_IMPORT_FORMAT_LINKEDIN;
        return _circles_import_linkedin (ctx, reader, header_copy, n_header, error);
      case CSV_KIND_EDGES:
        ctx->report->format = CIRCLES_IMPORT_FORMAT_CSV;
        return _circles_import_csv_edges (ctx, reader, header_copy, n_header, error);
      case CSV_KIND_NODES:
        ctx->report->format = CIRCLES_IMPORT_FORMAT_CSV;
        return _circles_import_csv_nodes (ctx, reader, header_copy, n_header, error);
      case CSV_KIND_GROUPS:
        ctx->report->format = CIRCLES_IMPORT_FORMAT_GROUPS;
        return _circles_import_groups (ctx, reader, header_copy, n_header, error);
      case CSV_KIND_FOLLOWERS:
        ctx->report->format = CIRCLES_IMPORT_FORMAT_FOLLOWERS;
        return _circles_import_followers (ctx, reader, header_copy, n_header, error);
      case CSV_KIND_PROFILE:
        ctx->report->format = CIRCLES_IMPORT_FORMAT_ARCHIVE;
        return _circles_import_profile (ctx, reader, header_copy, n_header, error);
      case CSV_KIND_MESSAGES:
        ctx->report->format = CIRCLES_IMPORT_FORMAT_ARCHIVE;
        return _circles_import_messages (ctx, reader, header_copy, n_header, error);
      case CSV_KIND_INVITATIONS:
        ctx->report->format = CIRCLES_IMPORT_FORMAT_ARCHIVE;
        return _circles_import_invitations (ctx, reader, header_copy, n_header, error);
      case CSV_KIND_ENDORSEMENTS:
        ctx->report->format = CIRCLES_IMPORT_FORMAT_ARCHIVE;
        return _circles_import_endorsements (ctx, reader, header_copy, n_header, error);
      case CSV_KIND_RECOMMENDATIONS:
        {
          g_autofree char *base = g_path_get_basename (ctx->path);
          g_autofree char *lower = g_ascii_strdown (base, -1);

          ctx->report->format = CIRCLES_IMPORT_FORMAT_ARCHIVE;
          if (strstr (lower, "given") != NULL)
            return _circles_import_recommendations (ctx, reader, header_copy, n_header, TRUE, error);
          if (strstr (lower, "received") != NULL)
            return _circles_import_recommendations (ctx, reader, header_copy, n_header, FALSE, error);
          _circles_import_set_error (error, CIRCLES_IMPORT_ERROR_UNKNOWN_HEADER,
                                     ctx->display, 0, 0, "%s",
                                     _("recommendations, but given or received? "
                                       "Keep the archive's names, "
                                       "Recommendations_Given.csv or "
                                       "Recommendations_Received.csv"));
          return FALSE;
        }
      case CSV_KIND_UNKNOWN:
      default:
        {
          g_autofree char *seen = g_strjoinv (",", header_copy);

          if (g_utf8_strlen (seen, -1) > 80)
            {
              char *cut = g_utf8_offset_to_pointer (seen, 77);

              strcpy (cut, "...");
            }
          _circles_import_set_error (error, CIRCLES_IMPORT_ERROR_UNKNOWN_HEADER,
                                     ctx->display,
                                     circles_csv_reader_get_line (reader), 0,
                                     _("“%s” is no header this program knows; "
                                       "it knows: First Name,Last Name,... "
                                       "(Connections.csv), Source,Target "
                                       "(edges), Id,Label (nodes), "
                                       "Group,Member[,Name] (groups), "
                                       "Follower[,Name] (followers), and the "
                                       "files of the data archive"),
                                     seen);
          return FALSE;
        }
      }
  }
}

static gboolean
file_is_blank (const char *path)
{
  FILE *f = g_fopen (path, "rb");
  int c;
  gboolean blank = TRUE;

  if (f == NULL)
    return FALSE;
  while ((c = fgetc (f)) != EOF)
    if (!g_ascii_isspace (c))
      {
        blank = FALSE;
        break;
      }
  fclose (f);
  return blank;
}

static gboolean
import_any (CirclesImportContext  *ctx,
            CirclesImportFormat    format,
            GError               **error)
{
  if ((format == CIRCLES_IMPORT_FORMAT_AUTO || format == CIRCLES_IMPORT_FORMAT_LINKEDIN
       || format == CIRCLES_IMPORT_FORMAT_ARCHIVE)
      && circles_archive_is_archive (ctx->path))
    {
      ctx->report->format = CIRCLES_IMPORT_FORMAT_ARCHIVE;
      return _circles_import_archive (ctx, error);
    }

  if (format == CIRCLES_IMPORT_FORMAT_AUTO)
    {
      if (g_str_has_suffix (ctx->path, ".gv") || g_str_has_suffix (ctx->path, ".dot")
          || g_str_has_suffix (ctx->path, ".GV") || g_str_has_suffix (ctx->path, ".DOT"))
        format = CIRCLES_IMPORT_FORMAT_DOT;
      else if (g_str_has_suffix (ctx->path, ".graphml")
               || g_str_has_suffix (ctx->path, ".GRAPHML"))
        format = CIRCLES_IMPORT_FORMAT_GRAPHML;
      else
        format = sniff_content (ctx->path);
    }

  if (format == CIRCLES_IMPORT_FORMAT_DOT || format == CIRCLES_IMPORT_FORMAT_GRAPHML)
    {
      if (!g_file_test (ctx->path, G_FILE_TEST_IS_REGULAR))
        {
          _circles_import_set_error (error, CIRCLES_IMPORT_ERROR_IO,
                                     ctx->display, 0, 0, "%s",
                                     _("no such file"));
          return FALSE;
        }
      if (file_is_blank (ctx->path))
        {
          _circles_import_set_error (error, CIRCLES_IMPORT_ERROR_EMPTY,
                                     ctx->display, 0, 0, "%s",
                                     _("the file is empty"));
          return FALSE;
        }
      ctx->report->format = format;
      if (format == CIRCLES_IMPORT_FORMAT_DOT)
        return _circles_import_dot (ctx, error);
      return _circles_import_graphml (ctx, error);
    }

  return import_csv (ctx, format, error);
}

gboolean
circles_import_file (CirclesStore              *store,
                     const char                *path,
                     CirclesImportFormat        format,
                     const char                *me_key,
                     CirclesImportReport       *report,
                     CirclesImportProgressFunc  progress,
                     gpointer                   progress_data,
                     GCancellable              *cancellable,
                     GError                   **error)
{
  CirclesImportOptions options = { .me_key = me_key };

  return circles_import_file_full (store, path, format, &options, report,
                                   progress, progress_data, cancellable, error);
}

/* --owner names someone of the database (or me). */
static gboolean
find_owner (CirclesImportContext  *ctx,
            const char            *owner_key,
            GError               **error)
{
  gint64 id;

  if (owner_key == NULL)
    return TRUE;
  if (strcmp (owner_key, "me") == 0)
    {
      ctx->owner_is_me = TRUE;
      return TRUE;
    }
  id = circles_store_lookup_person (ctx->store, owner_key);
  if (id <= 0)
    {
      g_autofree char *url = _circles_import_normalize_url (owner_key);

      if (url != NULL)
        id = circles_store_lookup_person (ctx->store, url);
    }
  if (id <= 0)
    {
      _circles_import_set_error (error, CIRCLES_IMPORT_ERROR_UNKNOWN_OWNER,
                                 ctx->display, 0, 0,
                                 _("nobody has the key “%s” given with --owner: "
                                   "import the owner first (usually one of your "
                                   "connections)"),
                                 owner_key);
      return FALSE;
    }
  if (id == ctx->me_id)
    ctx->owner_is_me = TRUE;
  else
    ctx->owner_id = id;
  return TRUE;
}

/* A colleague's export lists me by my profile URL: given with --me
 * while the database still keys me otherwise ("me", from a
 * Connections.csv alone), it becomes my key, so that no second me is
 * made of that row. */
static gboolean
learn_my_key (CirclesImportContext        *ctx,
              const CirclesImportOptions  *options,
              GError                     **error)
{
  g_autofree char *url = NULL;
  g_autofree char *current = NULL;

  if (ctx->owner_id == 0 || options->me_key == NULL || ctx->me_id <= 0)
    return TRUE;
  url = _circles_import_normalize_url (options->me_key);
  current = circles_store_get_person_key (ctx->store, ctx->me_id);
  if (url == NULL || !circles_import_key_is_url (url) || g_strcmp0 (current, url) == 0
      || g_strcmp0 (current, options->me_key) == 0)
    return TRUE;
  if (!circles_store_set_person_key (ctx->store, ctx->me_id, url, error))
    return FALSE;
  ctx->me_key = NULL;  /* me is known: the check at the end is done */
  return TRUE;
}

/* The SHA-256 of a regular file's content, to tell the same file
 * imported twice; NULL for a folder or a file that cannot be read (the
 * import then says what is wrong). */
static char *
content_checksum (const char   *path,
                  GCancellable *cancellable)
{
  g_autoptr(GChecksum) checksum = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree guchar *buffer = NULL;
  gssize n;

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return NULL;
  file = g_file_new_for_path (path);
  stream = g_file_read (file, cancellable, NULL);
  if (stream == NULL)
    return NULL;
  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  buffer = g_malloc (65536);
  while ((n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, 65536, cancellable, NULL)) > 0)
    g_checksum_update (checksum, buffer, n);
  if (n < 0)
    return NULL;
  return g_strdup (g_checksum_get_string (checksum));
}

/* Was this content imported already, as the same person's? Then the
 * import adds nothing: the report says when. */
static gboolean
imported_already (CirclesImportContext  *ctx,
                  const char            *checksum,
                  CirclesImportFormat    format)
{
  const char *name = format != CIRCLES_IMPORT_FORMAT_AUTO ? circles_import_format_to_string (format)
                                                          : NULL;
  g_autofree char *imported = NULL;
  gint64 id = 0;

  if (checksum == NULL)
    return FALSE;
  /* --me naming someone else than me changes the network. */
  if (ctx->me_key != NULL)
    {
      gint64 me = circles_store_lookup_person (ctx->store, ctx->me_key);

      if (me <= 0 || me != circles_store_get_me (ctx->store))
        return FALSE;
    }
  if (ctx->owner_id > 0)
    id = circles_store_find_source (ctx->store, checksum, ctx->owner_id, name, &imported);
  else
    {
      if (ctx->me_id > 0)
        id = circles_store_find_source (ctx->store, checksum, ctx->me_id, name, &imported);
      if (id == 0 && !ctx->owner_is_me)
        id = circles_store_find_source (ctx->store, checksum, 0, name, &imported);
    }
  if (id == 0)
    return FALSE;
  ctx->report->same_as = id;
  g_strlcpy (ctx->report->same_imported, imported != NULL ? imported : "",
             sizeof ctx->report->same_imported);
  return TRUE;
}

/* What the import was, once read: whose export, and whether it is all
 * of the owner's connections (then it replaces an older one). */
static gboolean
describe_source (CirclesImportContext  *ctx,
                 const char            *checksum,
                 GError               **error)
{
  g_autofree char *absolute = g_canonicalize_filename (ctx->path, NULL);
  CirclesImportFormat format = ctx->report->format;
  gboolean exported = format == CIRCLES_IMPORT_FORMAT_LINKEDIN
                      || format == CIRCLES_IMPORT_FORMAT_ARCHIVE;
  CirclesSourceInfo info = {
    .file = absolute,
    .format = circles_import_format_to_string (format),
    .checksum = checksum,
  };

  /* An export of the network is its owner's; mine unless said. */
  if (ctx->owner_id > 0)
    info.owner = ctx->owner_id;
  else if (exported)
    info.owner = -1;
  info.replaces = exported && ctx->read_connections;
  return circles_store_describe_source (ctx->store, &info, error);
}

gboolean
circles_import_file_full (CirclesStore               *store,
                          const char                 *path,
                          CirclesImportFormat         format,
                          const CirclesImportOptions *options,
                          CirclesImportReport        *report,
                          CirclesImportProgressFunc   progress,
                          gpointer                    progress_data,
                          GCancellable               *cancellable,
                          GError                    **error)
{
  static const CirclesImportOptions no_options = { 0 };
  CirclesImportReport local_report;
  CirclesImportContext ctx = { 0 };
  g_autofree char *checksum = NULL;
  const char *me_key;
  gboolean ok;

  if (options == NULL)
    options = &no_options;
  me_key = options->me_key;

  g_return_val_if_fail (CIRCLES_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (report == NULL)
    report = &local_report;
  memset (report, 0, sizeof *report);
  report->format = format;

  checksum = content_checksum (path, cancellable);
  if (!circles_store_begin (store, error))
    return FALSE;

  ctx.store = store;
  ctx.path = path;
  ctx.display = g_filename_display_name (path);
  ctx.me_key = me_key;
  ctx.report = report;
  ctx.progress = progress;
  ctx.progress_data = progress_data;
  ctx.cancellable = cancellable;
  ctx.refuse_foreign = options->refuse_foreign;

  if (me_key != NULL)
    {
      gint64 id = circles_store_lookup_person (store, me_key);

      /* With an owner, --me gives my URL to the me already there. */
      if (id <= 0 && options->owner_key != NULL)
        id = circles_store_get_me (store);
      if (id > 0)
        ctx.me_id = id;
    }
  else
    {
      gint64 id = circles_store_get_me (store);

      if (id > 0)
        ctx.me_id = id;
    }

  ok = !g_cancellable_set_error_if_cancelled (cancellable, error)
       && find_owner (&ctx, options->owner_key, error);
  if (ok && imported_already (&ctx, checksum, format))
    {
      circles_store_rollback (store);
      g_free (ctx.display);
      return TRUE;
    }
  if (ok)
    {
      const CirclesSourceInfo info = { .format = circles_import_format_to_string (format) };

      ok = circles_store_begin_source (store, &info, error)
           && learn_my_key (&ctx, options, error)
           && import_any (&ctx, format, error)
           && describe_source (&ctx, checksum, error);
      report->source = circles_store_get_source (store);
    }

  /* Only a network's own export has an owner. */
  if (ok && options->owner_key != NULL
      && report->format != CIRCLES_IMPORT_FORMAT_LINKEDIN
      && report->format != CIRCLES_IMPORT_FORMAT_ARCHIVE)
    {
      _circles_import_set_error (error, CIRCLES_IMPORT_ERROR_BAD_VALUE,
                                 ctx.display, 0, 0, "%s",
                                 _("--owner is for a Connections.csv or a data "
                                   "archive: the rows of other files say whose "
                                   "connections they are"));
      ok = FALSE;
    }

  /* --me names someone the file (or the database) has. */
  if (ok && me_key != NULL)
    {
      gint64 id = circles_store_lookup_person (store, me_key);

      if (id <= 0)
        {
          g_autofree char *url = _circles_import_normalize_url (me_key);

          if (url != NULL)
            id = circles_store_lookup_person (store, url);
        }
      if (id <= 0)
        {
          _circles_import_set_error (error, CIRCLES_IMPORT_ERROR_UNKNOWN_ME,
                                     ctx.display, 0, 0,
                                     _("nobody has the key “%s” given with --me"),
                                     me_key);
          ok = FALSE;
        }
      else
        ok = circles_store_set_me (store, id, error);
    }

  if (ok && g_cancellable_set_error_if_cancelled (cancellable, error))
    ok = FALSE;

  if (ok)
    {
      const CirclesStoreChanges *changes = circles_store_get_changes (store);
      gint64 me = circles_store_get_me (store);

      if (me > 0)
        report->first_degree = MAX (0, circles_store_count_connections_of (store, me));

      report->people_added = changes->people_added;
      report->connections_added = changes->connections_added;
      report->follows_added = changes->follows_added;
      report->memberships_added = changes->memberships_added;
      ok = circles_store_commit (store, error);
    }

  if (!ok)
    {
      circles_store_rollback (store);
      report->source = 0;
      report->people_added = 0;
      report->connections_added = 0;
      report->follows_added = 0;
      report->memberships_added = 0;
    }
  else if (progress != NULL)
    progress (1.0, progress_data);

  g_free (ctx.display);
  g_free (ctx.my_name);
  return ok;
}
