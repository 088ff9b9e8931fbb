/* circles-import-messages.c: messages.csv of the data archive
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Header: CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,
 * RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER,ATTACHMENTS; dates
 * like "2026-03-15 10:22:33 UTC"; several recipients' URLs in one field,
 * separated by commas (or semicolons, or blanks).
 *
 * Only who wrote to whom, and when, is kept: never a subject nor a
 * content. The file is read once; what it tells is held by pair of
 * URLs (a few thousand pairs for 200,000 messages), and written when
 * the file is read:
 *  - me is the URL that takes part in the most messages (every message
 *    of my archive is mine, sent or received); among equals, the one
 *    named as I am in Profile.csv, then one who is not my connection.
 *    When the database's me is keyed otherwise (an import of
 *    Connections.csv keys me "me"), me gets this key, so that a
 *    colleague's export, which lists me by URL, finds me;
 *  - for each person I wrote to or heard from: how many messages each
 *    way, and the day of the last. Someone not yet in the database (an
 *    InMail from a recruiter) is added, with the name the file gives.
 * A message without a sender's URL (a sponsored message) is counted
 * among the rows and attributed to nobody.
 */
#define G_LOG_DOMAIN "circles-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "circles-import-readers.h"

typedef struct
{
  guint  messages;
  char  *name;   /* as FROM or TO writes it */
  char  *url;    /* as the file writes it */
} Party;

typedef struct
{
  guint count;
  char  last[11];  /* ISO day, "" when no message had a date */
} Pair;

static void
party_free (gpointer data)
{
  Party *party = data;

  g_free (party->name);
  g_free (party->url);
  g_free (party);
}

typedef struct
{
  GHashTable *parties;  /* key -> Party */
  GHashTable *pairs;    /* "from\037to" -> Pair */
} Tally;

static Party *
party_of (Tally      *tally,
          const char *key,
          const char *url)
{
  Party *party = g_hash_table_lookup (tally->parties, key);

  if (party == NULL)
    {
      party = g_new0 (Party, 1);
      party->url = g_strdup (url);
      g_hash_table_insert (tally->parties, g_strdup (key), party);
    }
  return party;
}

static void
count_pair (Tally      *tally,
            const char *from,
            const char *to,
            const char *day)
{
  g_autofree char *key = g_strconcat (from, "\037", to, NULL);
  Pair *pair = g_hash_table_lookup (tally->pairs, key);

  if (pair == NULL)
    {
      pair = g_new0 (Pair, 1);
      g_hash_table_insert (tally->pairs, g_steal_pointer (&key), pair);
    }
  pair->count++;
  if (day != NULL && strcmp (day, pair->last) > 0)
    g_strlcpy (pair->last, day, sizeof pair->last);
}

/* The URLs of a recipients field, each once, in order. */
static GPtrArray *
split_urls (const char *field)
{
  g_autoptr(GPtrArray) urls = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) parts = g_strsplit_set (field, ",; \t\r\n", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] != '\0' && g_hash_table_add (seen, parts[i]))
      g_ptr_array_add (urls, g_strdup (parts[i]));
  return g_steal_pointer (&urls);
}


static const Pair *
pair_lookup (Tally      *tally,
             const char *from,
             const char *to)
{
  g_autofree char *key = g_strconcat (from, "\037", to, NULL);

  return g_hash_table_lookup (tally->pairs, key);
}

/* Who is me among the parties (see the top of the file); NULL when the
 * file names nobody. */
static char *
find_me (CirclesImportContext  *ctx,
         Tally                 *tally,
         GError               **error)
{
  g_autofree char *current = circles_store_get_person_key (ctx->store, ctx->me_id);
  g_autofree char *my_name = NULL;
  const char *best = NULL;
  Party *best_party = NULL;
  int best_rank = -1;
  GHashTableIter iter;
  gpointer key, value;

  if (current != NULL && g_hash_table_contains (tally->parties, current))
    return g_steal_pointer (&current);
  if (circles_import_key_is_url (current))
    {
      _circles_import_set_error (error, CIRCLES_IMPORT_ERROR_UNKNOWN_ME,
                                 ctx->display, 0, 0,
                                 _("these messages are not yours: your profile "
                                   "%s takes part in none of them"),
                                 current);
      return NULL;
    }

  if (ctx->my_name != NULL)
    my_name = g_utf8_casefold (ctx->my_name, -1);

  g_hash_table_iter_init (&iter, tally->parties);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Party *party = value;
      gint64 id = circles_store_lookup_person (ctx->store, key);
      g_autofree char *name = party->name != NULL ? g_utf8_casefold (party->name, -1) : NULL;
      int rank = (my_name != NULL && name != NULL && strcmp (my_name, name) == 0 ? 2 : 0)
                 + (id <= 0 || circles_store_get_rating (ctx->store, ctx->me_id, id, NULL) < 0 ? 1 : 0);

      if (best_party == NULL || party->messages > best_party->messages
          || (party->messages == best_party->messages && rank > best_rank)
          || (party->messages == best_party->messages && rank == best_rank
              && strcmp (key, best) < 0))
        {
          best = key;
          best_party = party;
          best_rank = rank;
        }
    }
  return g_strdup (best);
}

/* Gives me my URL as key; the person already keyed by it (listed in an
 * edge list, say) becomes me. */
static gboolean
learn_me (CirclesImportContext  *ctx,
          const char            *me_key,
          const Party           *me_party,
          GError               **error)
{
  CirclesPersonFields fields = { 0 };

  if (!circles_store_set_person_key (ctx->store, ctx->me_id, me_key, error))
    return FALSE;
  fields.profile_url = me_party->url;
  return circles_store_update_person (ctx->store, ctx->me_id, &fields, error);
}

static gboolean
write_tally (CirclesImportContext  *ctx,
             Tally                 *tally,
             GError               **error)
{
  g_autofree char *me = NULL;
  Party *me_party;
  GHashTableIter iter;
  gpointer key, value;

  if (g_hash_table_size (tally->parties) == 0)
    return TRUE;

  me = find_me (ctx, tally, error);
  if (me == NULL)
    return FALSE;
  me_party = g_hash_table_lookup (tally->parties, me);
  if (!learn_me (ctx, me, me_party, error))
    return FALSE;

  g_hash_table_iter_init (&iter, tally->parties);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Party *party = value;
      const Pair *sent, *received;
      const char *last;
      gint64 id;

      if (strcmp (key, me) == 0)
        continue;
      sent = pair_lookup (tally, me, key);
      received = pair_lookup (tally, key, me);
      if (sent == NULL && received == NULL)
        continue;  /* only in group conversations, never with me alone */

      id = circles_store_lookup_person (ctx->store, key);
      if (id <= 0)
        {
          CirclesPersonFields fields = { 0 };

          id = _circles_import_ensure_person (ctx, key, error);
          if (id < 0)
            return FALSE;
          fields.display_name = party->name;
          fields.profile_url = party->url;
          if (!circles_store_update_person (ctx->store, id, &fields, error))
            return FALSE;
        }

      last = sent != NULL ? sent->last : "";
      if (received != NULL && strcmp (received->last, last) > 0)
        last = received->last;
      if (!circles_store_set_messages (ctx->store, id,
                                       sent != NULL ? sent->count : 0,
                                       received != NULL ? received->count : 0,
                                       *last != '\0' ? last : NULL, error))
        return FALSE;
      ctx->report->interactions++;
    }
  return TRUE;
}

/* Names from a TO field, when there is one per URL. */
static void
name_recipients (Tally      *tally,
                 GPtrArray  *keys,
                 const char *to)
{
  g_auto(GStrv) names = g_strsplit (to, ",", -1);

  if (g_strv_length (names) != keys->len)
    return;
  for (guint i = 0; i < keys->len; i++)
    {
      Party *party = g_hash_table_lookup (tally->parties, keys->pdata[i]);
      char *name = g_strstrip (names[i]);

      if (party != NULL && party->name == NULL && *name != '\0')
        party->name = g_strdup (name);
    }
}

gboolean
_circles_import_messages (CirclesImportContext  *ctx,
                          CirclesCsvReader      *reader,
                          char                 **header,
                          guint                  n_header,
                          GError               **error)
{
  int col_from = _circles_import_find_column (header, n_header, "from");
  int col_sender = _circles_import_find_column (header, n_header, "sender profile url");
  int col_to = _circles_import_find_column (header, n_header, "to");
  int col_recipients = _circles_import_find_column (header, n_header, "recipient profile urls");
  int col_date = _circles_import_find_column (header, n_header, "date");
  Tally tally = {
    .parties = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, party_free),
    .pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free),
  };
  GError *local_error = NULL;
  gboolean ok = FALSE;
  char **fields;
  guint n_fields;

  if (col_sender < 0 || col_recipients < 0)
    {
      _circles_import_set_error (error, CIRCLES_IMPORT_ERROR_UNKNOWN_HEADER,
                                 ctx->display, circles_csv_reader_get_line (reader), 0,
                                 "%s",
                                 _("messages need the columns SENDER PROFILE URL "
                                   "and RECIPIENT PROFILE URLS"));
      goto out;
    }
  if (ctx->me_id <= 0)
    {
      _circles_import_set_error (error, CIRCLES_IMPORT_ERROR_NO_ME,
                                 ctx->display, 0, 0, "%s",
                                 _("messages are mine, and nobody is me yet: "
                                   "import Connections.csv first, or the whole "
                                   "archive"));
      goto out;
    }

  while (circles_csv_reader_next (reader, &fields, &n_fields, &local_error))
    {
      const char *date = _circles_import_field (fields, n_fields, col_date);
      g_autofree char *sender = _circles_import_normalize_url (
        _circles_import_field (fields, n_fields, col_sender));
      g_autofree char *day = NULL;
      g_autoptr(GPtrArray) recipients = NULL;
      g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
      Party *from;

      ctx->report->rows++;
      if (!_circles_import_tick (ctx, circles_csv_reader_get_fraction (reader), error))
        goto out;

      if (!_circles_import_parse_day (ctx, reader, date,
                                      "2026-03-15 10:22:33 UTC", &day, error))
        goto out;
      ctx->report->messages++;
      if (sender == NULL)
        continue;

      from = party_of (&tally, sender, _circles_import_field (fields, n_fields, col_sender));
      from->messages++;
      if (from->name == NULL && *_circles_import_field (fields, n_fields, col_from) != '\0')
        from->name = g_strdup (_circles_import_field (fields, n_fields, col_from));

      recipients = split_urls (_circles_import_field (fields, n_fields, col_recipients));
      for (guint i = 0; i < recipients->len; i++)
        {
          char *key = _circles_import_normalize_url (recipients->pdata[i]);

          if (key == NULL || strcmp (key, sender) == 0)
            {
              g_free (key);
              continue;
            }
          party_of (&tally, key, recipients->pdata[i])->messages++;
          count_pair (&tally, sender, key, day);
          g_ptr_array_add (keys, key);
        }
      name_recipients (&tally, keys, _circles_import_field (fields, n_fields, col_to));
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      goto out;
    }

  ok = write_tally (ctx, &tally, error);

out:
  g_hash_table_unref (tally.parties);
  g_hash_table_unref (tally.pairs);
  return ok;
}
