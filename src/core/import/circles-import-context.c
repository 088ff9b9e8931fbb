/* circles-import-context.c: what every format reader shares
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The import in progress (its store, file, report, progress and
 * cancellation), error messages that name the file and the line, the
 * people it creates, and the matching of column names. The readers
 * depend on this file; the dispatcher (circles-import.c) depends on the
 * readers; nothing here calls a reader.
 */
#define G_LOG_DOMAIN "circles-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "circles-import-context.h"

#define TICK_ROWS       4096

/* The key of me until the data archive tells my profile URL. */
#define ME_KEY "me"

void
_circles_import_set_error (GError             **error,
                           CirclesImportError   code,
                           const char          *file,
                           guint64              line,
                           guint64              col,
                           const char          *format,
                           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (error == NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (line > 0 && col > 0)
    g_set_error (error, CIRCLES_IMPORT_ERROR, code,
                 "%s:%" G_GUINT64_FORMAT ":%" G_GUINT64_FORMAT ": %s",
                 file, line, col, message);
  else if (line > 0)
    g_set_error (error, CIRCLES_IMPORT_ERROR, code,
                 "%s:%" G_GUINT64_FORMAT ": %s", file, line, message);
  else
    g_set_error (error, CIRCLES_IMPORT_ERROR, code, "%s: %s", file, message);
}

gint64
_circles_import_ensure_person (CirclesImportContext  *ctx,
                               const char            *key,
                               GError               **error)
{
  /* The store keeps its own key cache. */
  gint64 id = circles_store_ensure_person (ctx->store, key, error);

  return id > 0 ? id : -1;
}

gboolean
_circles_import_tick (CirclesImportContext  *ctx,
                      double                 fraction,
                      GError               **error)
{
  if (++ctx->last_progress % TICK_ROWS != 0)
    return TRUE;
  if (g_cancellable_set_error_if_cancelled (ctx->cancellable, error))
    return FALSE;
  if (ctx->progress != NULL)
    {
      double span = ctx->progress_span > 0 ? ctx->progress_span : 1.0;

      ctx->progress (ctx->progress_base + span * CLAMP (fraction, 0.0, 1.0),
                     ctx->progress_data);
    }
  return TRUE;
}

/* Lower-case ASCII, '_' and '-' as spaces, blanks trimmed and folded. */
static char *
normalize_name (const char *name)
{
  GString *s = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = name; *p != '\0'; p++)
    {
      char c = g_ascii_tolower (*p);

      if (c == '_' || c == '-' || g_ascii_isspace (c))
        {
          space = s->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (s, ' ');
      space = FALSE;
      g_string_append_c (s, c);
    }
  return g_string_free (s, FALSE);
}

gboolean
_circles_import_name_is (const char *name,
                         const char *expected)
{
  g_autofree char *n = normalize_name (name);

  return g_ascii_strcasecmp (n, expected) == 0;
}

int
_circles_import_find_column (char       **header,
                             guint        n_header,
                             const char  *name)
{
  for (guint i = 0; i < n_header; i++)
    if (_circles_import_name_is (header[i], name))
      return i;
  return -1;
}

CirclesField
_circles_import_match_field (const char *name)
{
  static const struct { const char *name; CirclesField field; } exact[] = {
    { "label", CIRCLES_FIELD_DISPLAY_NAME },
    { "name", CIRCLES_FIELD_DISPLAY_NAME },
    { "display name", CIRCLES_FIELD_DISPLAY_NAME },
    { "full name", CIRCLES_FIELD_DISPLAY_NAME },
    { "first name", CIRCLES_FIELD_FIRST_NAME },
    { "firstname", CIRCLES_FIELD_FIRST_NAME },
    { "given name", CIRCLES_FIELD_FIRST_NAME },
    { "last name", CIRCLES_FIELD_LAST_NAME },
    { "lastname", CIRCLES_FIELD_LAST_NAME },
    { "family name", CIRCLES_FIELD_LAST_NAME },
    { "surname", CIRCLES_FIELD_LAST_NAME },
    { "title", CIRCLES_FIELD_POSITION },
    { "job title", CIRCLES_FIELD_POSITION },
    { "organization", CIRCLES_FIELD_COMPANY },
    { "organisation", CIRCLES_FIELD_COMPANY },
    { "employer", CIRCLES_FIELD_COMPANY },
    { "city", CIRCLES_FIELD_LOCATION },
    { "profile", CIRCLES_FIELD_PROFILE_URL },
  };
  /* Otherwise a name that holds one of these words. */
  static const struct { const char *word; CirclesField field; } words[] = {
    { "company", CIRCLES_FIELD_COMPANY },
    { "position", CIRCLES_FIELD_POSITION },
    { "location", CIRCLES_FIELD_LOCATION },
    { "mail", CIRCLES_FIELD_EMAIL },
    { "url", CIRCLES_FIELD_PROFILE_URL },
  };
  g_autofree char *n = normalize_name (name);

  for (guint i = 0; i < G_N_ELEMENTS (exact); i++)
    if (strcmp (n, exact[i].name) == 0)
      return exact[i].field;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strstr (n, words[i].word) != NULL)
      return words[i].field;
  return CIRCLES_FIELD_NONE;
}

void
_circles_import_set_field (CirclesPersonFields *fields,
                           CirclesField         field,
                           const char          *value)
{
  if (value == NULL || *value == '\0')
    return;

  switch (field)
    {
    case CIRCLES_FIELD_DISPLAY_NAME: fields->display_name = value; break;
    case CIRCLES_FIELD_FIRST_NAME:   fields->first_name = value; break;
    case CIRCLES_FIELD_LAST_NAME:    fields->last_name = value; break;
    case CIRCLES_FIELD_COMPANY:      fields->company = value; break;
    case CIRCLES_FIELD_POSITION:     fields->position = value; break;
    case CIRCLES_FIELD_LOCATION:     fields->location = value; break;
    case CIRCLES_FIELD_PROFILE_URL:  fields->profile_url = value; break;
    case CIRCLES_FIELD_EMAIL:        fields->email = value; break;
    case CIRCLES_FIELD_NONE:
    default:
      break;
    }
}

char *
_circles_import_normalize_url (const char *url)
{
  g_autofree char *scheme = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (url));
  const char *rest, *sep, *host_end, *path_end;
  GString *s;

  if (*trimmed == '\0')
    return NULL;

  sep = strstr (trimmed, "://");
  if (sep != NULL && strcspn (trimmed, "/?#") > (gsize) (sep - trimmed))
    {
      scheme = g_ascii_strdown (trimmed, sep - trimmed);
      rest = sep + 3;
    }
  else
    {
      scheme = g_strdup ("https");
      rest = trimmed;
    }

  host_end = rest + strcspn (rest, "/?#");
  path_end = host_end + strcspn (host_end, "?#");
  while (path_end > host_end && path_end[-1] == '/')
    path_end--;

  s = g_string_new (scheme);
  g_string_append (s, "://");
  for (const char *p = rest; p < host_end; p++)
    g_string_append_c (s, g_ascii_tolower (*p));
  g_string_append_len (s, host_end, path_end - host_end);
  return g_string_free (s, FALSE);
}

static int
month_of (const char *name)
{
  static const char *months[] = {
    "jan", "feb", "mar", "apr", "may", "jun",
    "jul", "aug", "sep", "oct", "nov", "dec",
  };

  if (strlen (name) < 3)
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    if (g_ascii_strncasecmp (name, months[i], 3) == 0)
      return i + 1;
  return 0;
}

static gboolean
parse_uint (const char *text,
            guint       max_digits,
            guint      *value)
{
  guint n = 0, v = 0;

  for (const char *p = text; *p != '\0'; p++, n++)
    {
      if (!g_ascii_isdigit (*p) || n >= max_digits)
        return FALSE;
      v = v * 10 + (*p - '0');
    }
  if (n == 0)
    return FALSE;
  *value = v;
  return TRUE;
}

char *
_circles_import_parse_date (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  g_auto(GStrv) parts = NULL;
  guint day = 0, year = 0, month = 0;

  if (strchr (copy, ' ') != NULL)
    parts = g_strsplit (copy, " ", -1);
  else
    parts = g_strsplit (copy, "-", -1);

  if (g_strv_length (parts) != 3)
    return NULL;

  if (parse_uint (parts[0], 4, &year) && strlen (parts[0]) == 4)
    {
      /* ISO: 2024-03-12 */
      if (!parse_uint (parts[1], 2, &month) || !parse_uint (parts[2], 2, &day))
        return NULL;
    }
  else
    {
      /* 12 Mar 2024, 7-Feb-22 */
      if (!parse_uint (parts[0], 2, &day))
        return NULL;
      month = month_of (parts[1]);
      if (month == 0 || !parse_uint (parts[2], 4, &year))
        return NULL;
      if (strlen (parts[2]) == 2)
        year += 2000;
      else if (strlen (parts[2]) != 4)
        return NULL;
    }

  if (month < 1 || month > 12 || year < 1 || year > 9999
      || !g_date_valid_dmy (day, month, year))
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}

/* Y-M-D with '-' or '/' between, then anything (a time). */
static char *
parse_ymd (const char *text)
{
  guint y, m, d;
  char s1, s2;
  int used = 0;

  if (sscanf (text, "%4u%c%2u%c%2u%n", &y, &s1, &m, &s2, &d, &used) != 5
      || used < 8 || s1 != s2 || (s1 != '-' && s1 != '/')
      || !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[3])
      || g_ascii_isdigit (text[4])
      || (text[used] != '\0' && text[used] != ' ' && text[used] != 'T')
      || y < 1 || m < 1 || m > 12 || !g_date_valid_dmy (d, m, y))
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", y, m, d);
}

/* M/D/YY or M/D/YYYY, then anything after a ',' or a blank. */
static char *
parse_mdy (const char *text)
{
  guint y, m, d;
  int used = 0, year_start = 0;

  if (sscanf (text, "%2u/%2u/%n%4u%n", &m, &d, &year_start, &y, &used) != 3
      || !g_ascii_isdigit (text[0]))
    return NULL;
  if (text[used] != '\0' && text[used] != ',' && text[used] != ' ')
    return NULL;
  if (used - year_start == 2)
    y += 2000;
  else if (used - year_start != 4)
    return NULL;
  if (m < 1 || m > 12 || y < 1 || !g_date_valid_dmy (d, m, y))
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", y, m, d);
}

char *
_circles_import_parse_timestamp (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  char *iso;

  if ((iso = parse_ymd (copy)) != NULL || (iso = parse_mdy (copy)) != NULL)
    return iso;
  return _circles_import_parse_date (copy);
}

const char *
_circles_import_field (char  **fields,
                       guint   n_fields,
                       int     column)
{
  if (column < 0 || (guint) column >= n_fields)
    return "";
  return g_strstrip (fields[column]);
}

gboolean
_circles_import_read_header (CirclesImportContext  *ctx,
                             CirclesCsvReader      *reader,
                             const char            *required,
                             GStrv                 *header,
                             guint                 *n_header,
                             GError               **error)
{
  GError *local_error = NULL;
  char **fields;
  guint n_fields;
  gboolean preamble = FALSE;
  gboolean any = FALSE;

  while (circles_csv_reader_next (reader, &fields, &n_fields, &local_error))
    {
      any = TRUE;
      if (_circles_import_find_column (fields, n_fields, required) >= 0)
        {
          GStrv copy = g_new0 (char *, n_fields + 1);

          for (guint i = 0; i < n_fields; i++)
            copy[i] = g_strstrip (g_strdup (fields[i]));
          *header = copy;
          *n_header = n_fields;
          circles_csv_reader_set_max_fields (reader, n_fields);
          return TRUE;
        }
      if (!preamble && n_fields >= 1
          && g_ascii_strncasecmp (g_strstrip (fields[0]), "Notes:", 6) == 0)
        {
          preamble = TRUE;
          continue;
        }
      if (!preamble)
        break;
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (!any)
    {
      _circles_import_set_error (error, CIRCLES_IMPORT_ERROR_EMPTY,
                                 circles_csv_reader_get_display_name (reader),
                                 0, 0, "%s", _("the file is empty"));
      return FALSE;
    }
  _circles_import_set_error (error, CIRCLES_IMPORT_ERROR_UNKNOWN_HEADER,
                             circles_csv_reader_get_display_name (reader),
                             circles_csv_reader_get_line (reader), 0,
                             _("the header has no %s column"), required);
  return FALSE;
}

gboolean
_circles_import_ensure_me (CirclesImportContext  *ctx,
                           GError               **error)
{
  gint64 id;

  if (ctx->me_id > 0)
    return TRUE;
  if (ctx->me_key != NULL)
    {
      _circles_import_set_error (error, CIRCLES_IMPORT_ERROR_UNKNOWN_ME,
                                 ctx->display, 0, 0,
                                 _("nobody has the key “%s” given with --me"),
                                 ctx->me_key);
      return FALSE;
    }

  id = circles_store_lookup_person (ctx->store, ME_KEY);
  if (id <= 0)
    {
      CirclesPersonFields fields = { 0 };

      id = _circles_import_ensure_person (ctx, ME_KEY, error);
      if (id < 0)
        return FALSE;
      /* TRANSLATORS: the name of the user until they name themself */
      fields.display_name = _("Me");
      if (!circles_store_update_person (ctx->store, id, &fields, error))
        return FALSE;
    }
  if (!circles_store_set_me (ctx->store, id, error))
    return FALSE;
  ctx->me_id = id;
  return TRUE;
}

gboolean
_circles_import_parse_day (CirclesImportContext  *ctx,
                           CirclesCsvReader      *reader,
                           const char            *text,
                           const char            *example,
                           char                 **day,
                           GError               **error)
{
  *day = NULL;
  if (*text == '\0' || (*day = _circles_import_parse_timestamp (text)) != NULL)
    return TRUE;
  _circles_import_set_error (error, CIRCLES_IMPORT_ERROR_BAD_VALUE,
                             ctx->display, circles_csv_reader_get_line (reader), 0,
                             _("“%s” is not a date like %s"), text, example);
  return FALSE;
}

char *
circles_import_profile_key (const char *url)
{
  g_return_val_if_fail (url != NULL, NULL);

  return _circles_import_normalize_url (url);
}

gboolean
circles_import_key_is_url (const char *key)
{
  return key != NULL && (g_str_has_prefix (key, "https://") || g_str_has_prefix (key, "http://"));
}
