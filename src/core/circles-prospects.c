/* circles-prospects.c: who can introduce me, and what a connection brings
 *
 * Three pieces of the guide's arithmetic, on a network snapshot:
 *
 * - Prospect filters: "company=Acme,position~sales" (see the header for
 *   the syntax), matched against the snapshot's texts and degrees, and
 *   against locations and group memberships read once from the store.
 *
 * - Best introducers. The introducers of a 2nd-degree prospect are its
 *   mutual connections (its 1st-degree neighbours); those of a 3rd-degree
 *   prospect are the 1st-degree people who start a shortest chain to it
 *   (me → A → B → prospect: A introduces through B). Every 1st-degree
 *   connection is ranked by how many prospects they can introduce. The
 *   cover is the greedy set cover: take the introducer who reaches the
 *   most prospects not yet reached (ties: smallest key), until every
 *   prospect is reached. Gains only fall as prospects get covered, so a
 *   priority queue with lazy updates finds the best one without
 *   recounting everybody (a popped entry whose recount still equals its
 *   key is the best). The greedy cover is at most H(m) times as large as
 *   the smallest cover, where m is the largest reach and
 *   H(m) = 1 + 1/2 + … + 1/m ≤ ln m + 1 (Johnson 1974, Chvátal 1979);
 *   finding the smallest cover is NP-hard.
 *
 * - Reach gain of a person X (see the header for the definitions): a
 *   two-level scan from X with a generation-stamped visited array, so
 *   that nothing is cleared between two persons. The best gains among
 *   the 2nd and 3rd degree are found with an upper bound: second_gain is
 *   cheap (X's neighbours beyond the 2nd degree), and third_gain is at
 *   most the sum, over those neighbours, of their own neighbours beyond
 *   the 3rd degree. Candidates come out of a heap by (second_gain, bound)
 *   and the exact gain is computed only until no bound can beat the
 *   worst of the best.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "circles-prospects"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "circles-prospects.h"

G_DEFINE_QUARK (circles-prospects-error-quark, circles_prospects_error)


/* {{{ Filters */

typedef enum
{
  FIELD_COMPANY,
  FIELD_POSITION,
  FIELD_LOCATION,
  FIELD_GROUP,
  FIELD_CIRCLE,
} Field;

static const char * const field_names[] = {
  [FIELD_COMPANY] = "company",
  [FIELD_POSITION] = "position",
  [FIELD_LOCATION] = "location",
  [FIELD_GROUP] = "group",
  [FIELD_CIRCLE] = "circle",
};

/* Bits of a circle term's mask. */
enum
{
  CIRCLE_BIT_FIRST          = 1 << 1,
  CIRCLE_BIT_SECOND         = 1 << 2,
  CIRCLE_BIT_THIRD          = 1 << 3,
  CIRCLE_BIT_FOLLOWER       = 1 << 4,
  CIRCLE_BIT_GROUP_MEMBER   = 1 << 5,
  CIRCLE_BIT_OUT_OF_NETWORK = 1 << 6,
};

static const struct
{
  const char *name;
  guint       bit;
} circle_names[] = {
  { "1", CIRCLE_BIT_FIRST }, { "1st", CIRCLE_BIT_FIRST }, { "first", CIRCLE_BIT_FIRST },
  { "2", CIRCLE_BIT_SECOND }, { "2nd", CIRCLE_BIT_SECOND }, { "second", CIRCLE_BIT_SECOND },
  { "3", CIRCLE_BIT_THIRD }, { "3rd", CIRCLE_BIT_THIRD }, { "third", CIRCLE_BIT_THIRD },
  { "follower", CIRCLE_BIT_FOLLOWER }, { "followers", CIRCLE_BIT_FOLLOWER },
  { "group_member", CIRCLE_BIT_GROUP_MEMBER }, { "group_members", CIRCLE_BIT_GROUP_MEMBER },
  { "out_of_network", CIRCLE_BIT_OUT_OF_NETWORK },
};

typedef struct
{
  char     *folded; /* casefolded and normalized */
  gboolean  ascii;
  gsize     length;
} Value;

typedef struct
{
  Field     field;
  gboolean  contains; /* "~" rather than "=" */
  gboolean  negate;
  GArray   *values;   /* of Value: any of them will do */
  guint     circles;  /* FIELD_CIRCLE: CIRCLE_BIT_* mask */
  guint8   *marks;    /* FIELD_LOCATION, FIELD_GROUP once bound: 1 where
                       * the term holds (before negation) */
} Term;

struct _CirclesProspectFilter
{
  GArray         *terms; /* of Term */
  CirclesNetwork *network;
  guint           n_people;
};

static void
value_clear (gpointer data)
{
  Value *value = data;

  g_free (value->folded);
}

static void
term_clear (gpointer data)
{
  Term *term = data;

  g_clear_pointer (&term->values, g_array_unref);
  g_clear_pointer (&term->marks, g_free);
}

void
circles_prospect_filter_free (CirclesProspectFilter *filter)
{
  if (filter == NULL)
    return;
  g_array_unref (filter->terms);
  g_clear_pointer (&filter->network, circles_network_unref);
  g_free (filter);
}

static gboolean
is_ascii (const char *s,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if ((guchar)s[i] >= 0x80)
      return FALSE;
  return TRUE;
}

/* Casefolded, normalized text of @length bytes. */
static char *
fold (const char *s,
      gssize      length)
{
  g_autofree char *normal = g_utf8_normalize (s, length, G_NORMALIZE_ALL);

  if (normal == NULL) /* not UTF-8: compare bytes */
    return g_ascii_strdown (s, length);
  return g_utf8_casefold (normal, -1);
}

/* Trims ASCII spaces of s[0..*length). */
static const char *
trim (const char *s,
      gsize      *length)
{
  gsize n = *length;

  while (n > 0 && g_ascii_isspace (*s))
    s++, n--;
  while (n > 0 && g_ascii_isspace (s[n - 1]))
    n--;
  *length = n;
  return s;
}

static gboolean
ascii_contains (const char *haystack,
                gsize       haystack_length,
                const char *needle,
                gsize       needle_length)
{
  if (needle_length > haystack_length)
    return FALSE;
  for (gsize i = 0; i + needle_length <= haystack_length; i++)
    if (g_ascii_strncasecmp (haystack + i, needle, needle_length) == 0)
      return TRUE;
  return FALSE;
}

/* Does @text hold any of the term's values (before negation)? */
static gboolean
text_matches (const Term *term,
              const char *text)
{
  g_autofree char *folded = NULL;
  gboolean ascii;
  gsize length;

  if (text == NULL)
    text = "";
  length = strlen (text);
  text = trim (text, &length);
  ascii = is_ascii (text, length);

  for (guint i = 0; i < term->values->len; i++)
    {
      const Value *value = &g_array_index (term->values, Value, i);

      if (value->ascii && ascii)
        {
          if (term->contains
              ? ascii_contains (text, length, value->folded, value->length)
              : (length == value->length &&
                 g_ascii_strncasecmp (text, value->folded, length) == 0))
            return TRUE;
          continue;
        }

      if (folded == NULL)
        folded = fold (text, length);
      if (term->contains
          ? strstr (folded, value->folded) != NULL
          : strcmp (folded, value->folded) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
bad_filter (GError     **error,
            const char  *format,
            ...) G_GNUC_PRINTF (2, 3);

static gboolean
bad_filter (GError     **error,
            const char  *format,
            ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error_literal (error, CIRCLES_PROSPECTS_ERROR,
                       CIRCLES_PROSPECTS_ERROR_BAD_FILTER, message);
  return FALSE;
}

/* Adds the value in @raw (escapes already removed) to @term. */
static gboolean
add_value (Term        *term,
           const char  *text,
           GString     *raw,
           GError     **error)
{
  gsize length = raw->len;
  const char *s = trim (raw->str, &length);
  Value value = { 0 };

  if (length == 0)
    return bad_filter (error, _("“%s” has an empty value"), text);

  if (term->field == FIELD_CIRCLE)
    {
      for (guint i = 0; i < G_N_ELEMENTS (circle_names); i++)
        if (strlen (circle_names[i].name) == length &&
            g_ascii_strncasecmp (s, circle_names[i].name, length) == 0)
          {
            term->circles |= circle_names[i].bit;
            return TRUE;
          }
      {
        g_autofree char *name = g_strndup (s, length);

        return bad_filter (error,
                           _("unknown circle “%s” in “%s”; known circles: 1, 2, 3, follower, group_member, out_of_network"),
                           name, text);
      }
    }

  value.ascii = is_ascii (s, length);
  value.folded = value.ascii ? g_ascii_strdown (s, length) : fold (s, length);
  value.length = strlen (value.folded);
  g_array_append_val (term->values, value);
  return TRUE;
}

/* Parses one term, @text (escapes still in place). */
static gboolean
parse_term (CirclesProspectFilter  *filter,
            const char             *text,
            GError                **error)
{
  g_autoptr(GString) raw = g_string_new (NULL);
  const char *p = text;
  const char *field_end;
  gsize field_length;
  const char *field;
  Term term = { 0 };
  gboolean found = FALSE;

  while (*p != '\0' && strchr ("=~!", *p) == NULL)
    p++;
  field_length = p - text;
  field = trim (text, &field_length);
  field_end = p;

  if (field_length == 0 && *p == '\0')
    return bad_filter (error, _("the filter has an empty term"));
  if (*p == '\0')
    return bad_filter (error, _("“%s” has no operator: use =, ~, != or !~"), text);
  if (field_length == 0)
    return bad_filter (error, _("“%s” names no field"), text);

  for (guint i = 0; i < G_N_ELEMENTS (field_names); i++)
    if (strlen (field_names[i]) == field_length &&
        g_ascii_strncasecmp (field, field_names[i], field_length) == 0)
      {
        term.field = i;
        found = TRUE;
      }
  if (!found)
    {
      g_autofree char *name = g_strndup (field, field_length);

      return bad_filter (error,
                         _("unknown field “%s” in the filter; known fields: company, position, location, group, circle"),
                         name);
    }

  p = field_end;
  if (*p == '!')
    {
      term.negate = TRUE;
      p++;
    }
  if (*p == '~')
    term.contains = TRUE;
  else if (*p != '=')
    return bad_filter (error, _("“%s” has no operator: use =, ~, != or !~"), text);
  p++;

  if (term.field == FIELD_CIRCLE && term.contains)
    return bad_filter (error, _("“%s”: the circle takes = or != only"), text);

  term.values = g_array_new (FALSE, FALSE, sizeof (Value));
  g_array_set_clear_func (term.values, value_clear);
  g_array_append_val (filter->terms, term);

  for (;; p++)
    {
      Term *added = &g_array_index (filter->terms, Term, filter->terms->len - 1);

      if (*p == '\\' && p[1] != '\0')
        g_string_append_c (raw, *++p);
      else if (*p == '\\')
        return bad_filter (error, _("the filter ends with a lone backslash"));
      else if (*p == '|' || *p == '\0')
        {
          if (!add_value (added, text, raw, error))
            return FALSE;
          g_string_truncate (raw, 0);
          if (*p == '\0')
            break;
        }
      else
        g_string_append_c (raw, *p);
    }

  return TRUE;
}

/**
 * circles_prospect_filter_parse:
 * @expr: terms joined by ",", see the header
 *
 * Returns: (transfer full): the filter, to bind before matching; NULL
 *   with CIRCLES_PROSPECTS_ERROR_BAD_FILTER naming what is wrong.
 */
CirclesProspectFilter *
circles_prospect_filter_parse (const char  *expr,
                               GError     **error)
{
  g_autoptr(CirclesProspectFilter) filter = NULL;
  g_autoptr(GString) term = g_string_new (NULL);
  const char *p;

  g_return_val_if_fail (expr != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_utf8_validate (expr, -1, NULL))
    {
      bad_filter (error, _("the filter is not valid UTF-8"));
      return NULL;
    }

  filter = g_new0 (CirclesProspectFilter, 1);
  filter->terms = g_array_new (FALSE, FALSE, sizeof (Term));
  g_array_set_clear_func (filter->terms, term_clear);

  {
    gsize length = strlen (expr);

    trim (expr, &length);
    if (length == 0)
      {
        bad_filter (error, _("the filter is empty"));
        return NULL;
      }
  }

  /* Split on the commas that are not escaped; escapes stay in place for
   * parse_term(). */
  for (p = expr;; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        {
          g_string_append_c (term, *p++);
          g_string_append_c (term, *p);
        }
      else if (*p == ',' || *p == '\0')
        {
          if (!parse_term (filter, term->str, error))
            return NULL;
          g_string_truncate (term, 0);
          if (*p == '\0')
            break;
        }
      else
        g_string_append_c (term, *p);
    }

  return g_steal_pointer (&filter);
}

char *
circles_prospect_filter_build (const char *company,
                               const char *position,
                               const char *location,
                               const char *group)
{
  const char *fields[] = { "company", "position", "location", "group" };
  const char *values[] = { company, position, location, group };
  GString *expr = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *value = g_strstrip (g_strdup (values[i] != NULL ? values[i] : ""));

      if (*value == '\0')
        continue;
      if (expr->len > 0)
        g_string_append_c (expr, ',');
      g_string_append_printf (expr, "%s~", fields[i]);
      for (const char *p = value; *p != '\0'; p++)
        {
          if (*p == ',' || *p == '\\')
            g_string_append_c (expr, '\\');
          g_string_append_c (expr, *p);
        }
    }
  return g_string_free (expr, FALSE);
}

static gboolean
has_field (const CirclesProspectFilter *filter,
           Field                        field)
{
  for (guint i = 0; i < filter->terms->len; i++)
    if (g_array_index (filter->terms, Term, i).field == field)
      return TRUE;
  return FALSE;
}

gboolean
circles_prospect_filter_needs_store (const CirclesProspectFilter *filter)
{
  g_return_val_if_fail (filter != NULL, FALSE);

  return has_field (filter, FIELD_LOCATION) || has_field (filter, FIELD_GROUP);
}

gboolean
circles_prospect_filter_has_circle (const CirclesProspectFilter *filter)
{
  g_return_val_if_fail (filter != NULL, FALSE);

  return has_field (filter, FIELD_CIRCLE);
}

/* The snapshot index of a database id (ids are ascending). */
static guint
index_of_id (CirclesNetwork *network,
             guint           n,
             gint64          id)
{
  guint lo = 0, hi = n;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (circles_network_get_id (network, mid) < id)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo < n && circles_network_get_id (network, lo) == id)
    return lo;
  return CIRCLES_NO_PERSON;
}

/* {{{ What a filter reads from the store, kept for the next filters */

typedef struct
{
  guint32     person;
  const char *group;
} Membership;

struct _CirclesProspectFacts
{
  CirclesNetwork *network;    /* the snapshot they are of; NULL: none yet */
  GStringChunk   *strings;
  const char    **locations;  /* per person, NULL when unknown */
  GArray         *memberships; /* of Membership, NULL until read */
};

CirclesProspectFacts *
circles_prospect_facts_new (void)
{
  return g_new0 (CirclesProspectFacts, 1);
}

static void
facts_clear (CirclesProspectFacts *facts)
{
  g_clear_pointer (&facts->network, circles_network_unref);
  g_clear_pointer (&facts->strings, g_string_chunk_free);
  g_clear_pointer (&facts->locations, g_free);
  g_clear_pointer (&facts->memberships, g_array_unref);
}

/**
 * circles_prospect_facts_forget_others:
 *
 * Drops what @facts holds unless it is of @network (and with it the
 * reference to the snapshot it was of).
 */
void
circles_prospect_facts_forget_others (CirclesProspectFacts *facts,
                                      CirclesNetwork       *network)
{
  g_return_if_fail (facts != NULL);

  if (facts->network != network)
    facts_clear (facts);
}

void
circles_prospect_facts_free (CirclesProspectFacts *facts)
{
  if (facts == NULL)
    return;
  facts_clear (facts);
  g_free (facts);
}

typedef struct
{
  CirclesProspectFacts *facts;
  guint                 n_people;
} FactsReader;

static void
read_location (const CirclesPersonRow *row,
               gpointer                user_data)
{
  FactsReader *reader = user_data;
  guint person = index_of_id (reader->facts->network, reader->n_people, row->id);

  if (person != CIRCLES_NO_PERSON && row->location != NULL && *row->location != '\0')
    reader->facts->locations[person] = g_string_chunk_insert_const (reader->facts->strings, row->location);
}

static void
read_membership (const char *group,
                 gint64      id,
                 gpointer    user_data)
{
  FactsReader *reader = user_data;
  Membership membership = {
    index_of_id (reader->facts->network, reader->n_people, id),
    NULL,
  };

  if (membership.person == CIRCLES_NO_PERSON)
    return;
  membership.group = g_string_chunk_insert_const (reader->facts->strings, group);
  g_array_append_val (reader->facts->memberships, membership);
}

/* Reads what @filter needs and @facts lacks for @network. */
static gboolean
facts_ensure (CirclesProspectFacts         *facts,
              const CirclesProspectFilter  *filter,
              CirclesNetwork               *network,
              CirclesStore                 *store,
              GError                      **error)
{
  FactsReader reader = { facts, circles_network_get_n_people (network) };

  if (facts->network != network)
    {
      facts_clear (facts);
      facts->network = circles_network_ref (network);
      facts->strings = g_string_chunk_new (64 * 1024);
    }

  if (has_field (filter, FIELD_LOCATION) && facts->locations == NULL)
    {
      g_return_val_if_fail (store != NULL, FALSE);
      facts->locations = g_new0 (const char *, MAX (1, reader.n_people));
      if (!circles_store_foreach_person (store, read_location, &reader, error))
        {
          g_clear_pointer (&facts->locations, g_free);
          return FALSE;
        }
    }
  if (has_field (filter, FIELD_GROUP) && facts->memberships == NULL)
    {
      g_return_val_if_fail (store != NULL, FALSE);
      facts->memberships = g_array_new (FALSE, FALSE, sizeof (Membership));
      if (!circles_store_foreach_membership (store, read_membership, &reader, error))
        {
          g_clear_pointer (&facts->memberships, g_array_unref);
          return FALSE;
        }
    }
  return TRUE;
}

/* }}} */

/**
 * circles_prospect_filter_bind_facts:
 * @facts: what earlier filters read for @network, completed from @store
 *   (which may be NULL when @facts holds what the filter needs)
 *
 * circles_prospect_filter_bind(), reading the store only once per
 * snapshot for any number of filters.
 */
gboolean
circles_prospect_filter_bind_facts (CirclesProspectFilter  *filter,
                                    CirclesNetwork         *network,
                                    CirclesStore           *store,
                                    CirclesProspectFacts   *facts,
                                    GError                **error)
{
  g_return_val_if_fail (filter != NULL, FALSE);
  g_return_val_if_fail (network != NULL, FALSE);
  g_return_val_if_fail (store == NULL || CIRCLES_IS_STORE (store), FALSE);
  g_return_val_if_fail (facts != NULL, FALSE);

  g_clear_pointer (&filter->network, circles_network_unref);
  filter->network = circles_network_ref (network);
  filter->n_people = circles_network_get_n_people (network);

  if (!facts_ensure (facts, filter, network, store, error))
    return FALSE;

  for (guint i = 0; i < filter->terms->len; i++)
    {
      Term *term = &g_array_index (filter->terms, Term, i);

      g_clear_pointer (&term->marks, g_free);
      if (term->field == FIELD_LOCATION)
        {
          term->marks = g_new0 (guint8, MAX (1, filter->n_people));
          for (guint p = 0; p < filter->n_people; p++)
            term->marks[p] = text_matches (term, facts->locations[p]);
        }
      else if (term->field == FIELD_GROUP)
        {
          term->marks = g_new0 (guint8, MAX (1, filter->n_people));
          for (guint k = 0; k < facts->memberships->len; k++)
            {
              const Membership *m = &g_array_index (facts->memberships, Membership, k);

              if (text_matches (term, m->group))
                term->marks[m->person] = 1;
            }
        }
    }

  return TRUE;
}

gboolean
circles_prospect_filter_bind (CirclesProspectFilter  *filter,
                              CirclesNetwork         *network,
                              CirclesStore           *store,
                              GError                **error)
{
  g_autoptr(CirclesProspectFacts) facts = circles_prospect_facts_new ();

  g_return_val_if_fail (filter != NULL, FALSE);
  g_return_val_if_fail (network != NULL, FALSE);
  g_return_val_if_fail (store == NULL || CIRCLES_IS_STORE (store), FALSE);
  g_return_val_if_fail (store != NULL || !circles_prospect_filter_needs_store (filter), FALSE);

  return circles_prospect_filter_bind_facts (filter, network, store, facts, error);
}

static guint
circle_bits (CirclesNetwork *network,
             guint           person)
{
  guint degree = circles_network_get_degree (network, person);
  guint flags = circles_network_get_flags (network, person);
  guint bits = 0;

  if (degree >= 1 && degree <= CIRCLES_MAX_DEGREE)
    bits |= 1u << degree;
  if (flags & CIRCLES_FLAG_FOLLOWER)
    bits |= CIRCLE_BIT_FOLLOWER;
  if (flags & CIRCLES_FLAG_GROUP_MEMBER)
    bits |= CIRCLE_BIT_GROUP_MEMBER;
  if (circles_network_get_circle (network, person) == CIRCLES_CIRCLE_OUT_OF_NETWORK)
    bits |= CIRCLE_BIT_OUT_OF_NETWORK;
  return bits;
}

gboolean
circles_prospect_filter_matches (const CirclesProspectFilter *filter,
                                 guint                        person)
{
  g_return_val_if_fail (filter != NULL, FALSE);
  g_return_val_if_fail (filter->network != NULL, FALSE);
  g_return_val_if_fail (person < filter->n_people, FALSE);

  for (guint i = 0; i < filter->terms->len; i++)
    {
      const Term *term = &g_array_index (filter->terms, Term, i);
      gboolean holds = FALSE;

      switch (term->field)
        {
        case FIELD_COMPANY:
          holds = text_matches (term, circles_network_get_company (filter->network, person));
          break;
        case FIELD_POSITION:
          holds = text_matches (term, circles_network_get_position (filter->network, person));
          break;
        case FIELD_LOCATION:
        case FIELD_GROUP:
          holds = term->marks[person] != 0;
          break;
        case FIELD_CIRCLE:
          holds = (circle_bits (filter->network, person) & term->circles) != 0;
          break;
        default:
          g_assert_not_reached ();
        }

      if (holds == term->negate)
        return FALSE;
    }
  return TRUE;
}

/* }}} */

GArray *
circles_prospects_select (CirclesNetwork              *network,
                          const CirclesProspectFilter *filter)
{
  GArray *prospects = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint n = circles_network_get_n_people (network);
  guint max_degree = filter != NULL && circles_prospect_filter_has_circle (filter) ? 3 : 2;

  g_return_val_if_fail (filter == NULL || filter->network == network, prospects);

  for (guint32 p = 0; p < n; p++)
    {
      guint degree = circles_network_get_degree (network, p);

      if (degree < 2 || degree > max_degree)
        continue;
      if (filter != NULL && !circles_prospect_filter_matches (filter, p))
        continue;
      g_array_append_val (prospects, p);
    }
  return prospects;
}

/* {{{ A binary heap of fixed-size items */

typedef gboolean (*HeapAbove) (gconstpointer a,
                               gconstpointer b,
                               gpointer      user_data);

typedef struct
{
  GArray    *items;
  HeapAbove  above; /* TRUE when a must come out before b */
  gpointer   user_data;
} Heap;

#define HEAP_MAX_ITEM_SIZE 16

#define HEAP_AT(heap, i) ((heap)->items->data + (gsize)(i) * elt_size)

static void
heap_sift_down (Heap  *heap,
                guint  i)
{
  guint elt_size = g_array_get_element_size (heap->items);
  guint n = heap->items->len;
  char tmp[HEAP_MAX_ITEM_SIZE];

  g_assert (elt_size <= sizeof tmp);
  memcpy (tmp, HEAP_AT (heap, i), elt_size);
  for (;;)
    {
      guint child = 2 * i + 1;

      if (child >= n)
        break;
      if (child + 1 < n &&
          heap->above (HEAP_AT (heap, child + 1), HEAP_AT (heap, child), heap->user_data))
        child++;
      if (!heap->above (HEAP_AT (heap, child), tmp, heap->user_data))
        break;
      memcpy (HEAP_AT (heap, i), HEAP_AT (heap, child), elt_size);
      i = child;
    }
  memcpy (HEAP_AT (heap, i), tmp, elt_size);
}

static void
heap_init (Heap *heap)
{
  for (guint i = heap->items->len / 2; i-- > 0;)
    heap_sift_down (heap, i);
}

static void
heap_push (Heap          *heap,
           gconstpointer  item)
{
  guint elt_size = g_array_get_element_size (heap->items);
  guint i;

  g_array_append_vals (heap->items, item, 1);
  i = heap->items->len - 1;
  while (i > 0)
    {
      guint parent = (i - 1) / 2;

      if (!heap->above (item, HEAP_AT (heap, parent), heap->user_data))
        break;
      memcpy (HEAP_AT (heap, i), HEAP_AT (heap, parent), elt_size);
      i = parent;
    }
  memcpy (HEAP_AT (heap, i), item, elt_size);
}

/* Copies the top into @item and removes it; FALSE when empty. */
static gboolean
heap_pop (Heap     *heap,
          gpointer  item)
{
  guint elt_size = g_array_get_element_size (heap->items);
  guint n = heap->items->len;

  if (n == 0)
    return FALSE;
  memcpy (item, HEAP_AT (heap, 0), elt_size);
  if (n > 1)
    memcpy (HEAP_AT (heap, 0), HEAP_AT (heap, n - 1), elt_size);
  g_array_set_size (heap->items, n - 1);
  if (n > 2)
    heap_sift_down (heap, 0);
  return TRUE;
}

#undef HEAP_AT
#undef HEAP_MAX_ITEM_SIZE

/* }}} */

/* {{{ Introducers */

void
circles_introducers_free (CirclesIntroducers *introducers)
{
  if (introducers == NULL)
    return;
  g_array_unref (introducers->ranking);
  g_array_unref (introducers->cover);
  g_free (introducers);
}

static int
compare_introducers (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  const CirclesIntroducer *x = a, *y = b;
  CirclesNetwork *network = user_data;

  if (x->reach != y->reach)
    return x->reach > y->reach ? -1 : 1;
  return strcmp (circles_network_get_key (network, x->person),
                 circles_network_get_key (network, y->person));
}

typedef struct
{
  guint   gain;   /* prospects not yet covered when last counted */
  guint32 slot;   /* in the 1st degree */
} CoverEntry;

typedef struct
{
  CirclesNetwork *network;
  const guint32  *first; /* slot -> person */
} CoverContext;

static gboolean
cover_above (gconstpointer a,
             gconstpointer b,
             gpointer      user_data)
{
  const CoverEntry *x = a, *y = b;
  const CoverContext *context = user_data;

  if (x->gain != y->gain)
    return x->gain > y->gain;
  return strcmp (circles_network_get_key (context->network, context->first[x->slot]),
                 circles_network_get_key (context->network, context->first[y->slot])) < 0;
}

guint
circles_introducer_mark_reach (CirclesNetwork *network,
                               guint32         introducer,
                               const guint8   *is_prospect,
                               guint8         *mask)
{
  const guint32 *row;
  guint n_row, reach = 0;

  g_return_val_if_fail (network != NULL, 0);
  g_return_val_if_fail (introducer < circles_network_get_n_people (network), 0);
  g_return_val_if_fail (is_prospect != NULL, 0);
  g_return_val_if_fail (mask != NULL, 0);

  mask[introducer] = 1;
  if (circles_network_get_degree (network, introducer) != 1)
    return 0;

  /* Prospects are marked 2, the people between 1: a prospect reached
   * twice counts once. */
  row = circles_network_get_neighbours (network, introducer);
  n_row = circles_network_get_n_neighbours (network, introducer);
  for (guint i = 0; i < n_row; i++)
    {
      guint32 u = row[i];
      const guint32 *row2;
      guint n_row2;

      if (circles_network_get_degree (network, u) != 2)
        continue;
      if (is_prospect[u] && mask[u] != 2)
        {
          mask[u] = 2;
          reach++;
        }
      row2 = circles_network_get_neighbours (network, u);
      n_row2 = circles_network_get_n_neighbours (network, u);
      for (guint j = 0; j < n_row2; j++)
        {
          guint32 v = row2[j];

          if (!is_prospect[v] || circles_network_get_degree (network, v) != 3)
            continue;
          if (mask[u] == 0)
            mask[u] = 1;
          if (mask[v] != 2)
            {
              mask[v] = 2;
              reach++;
            }
        }
    }
  return reach;
}

/**
 * circles_introducers_find:
 * @prospects: 2nd- and 3rd-degree people (others are reached by nobody)
 *
 * Ranks the 1st degree by how many of @prospects each one can introduce,
 * and finds a small set of them who together reach every prospect (the
 * greedy cover: at most H(m) ≤ ln m + 1 times the smallest, m being the
 * largest reach).
 */
CirclesIntroducers *
circles_introducers_find (CirclesNetwork *network,
                          const guint32  *prospects,
                          guint           n_prospects)
{
  CirclesIntroducers *result;
  guint n = circles_network_get_n_people (network);
  guint me = circles_network_get_me (network);
  const guint32 *first = circles_network_get_neighbours (network, me);
  guint n_first = circles_network_get_n_neighbours (network, me);
  g_autofree guint32 *slot_of = NULL;
  g_autofree guint32 *stamp = NULL;
  g_autofree guint32 *offsets = NULL;
  g_autofree guint32 *members = NULL;
  g_autofree guint8 *covered = NULL;
  g_autoptr(GArray) pairs = NULL; /* (slot, prospect index) */
  CoverContext context = { network, first };
  Heap heap = { NULL, cover_above, &context };
  guint remaining = 0;

  g_return_val_if_fail (network != NULL, NULL);
  g_return_val_if_fail (prospects != NULL || n_prospects == 0, NULL);

  result = g_new0 (CirclesIntroducers, 1);
  result->n_prospects = n_prospects;
  result->ranking = g_array_new (FALSE, FALSE, sizeof (CirclesIntroducer));
  result->cover = g_array_new (FALSE, FALSE, sizeof (guint32));

  /* slot_of is only read for 1st-degree people, the ones written. */
  slot_of = g_new (guint32, MAX (1, n));
  for (guint s = 0; s < n_first; s++)
    slot_of[first[s]] = s;
  stamp = g_new0 (guint32, MAX (1, n_first));
  pairs = g_array_new (FALSE, FALSE, 2 * sizeof (guint32));

  for (guint k = 0; k < n_prospects; k++)
    {
      guint32 p = prospects[k];
      guint degree;
      const guint32 *row;
      guint n_row;

      g_return_val_if_fail (p < n, result);
      degree = circles_network_get_degree (network, p);
      row = circles_network_get_neighbours (network, p);
      n_row = circles_network_get_n_neighbours (network, p);

      if (degree == 2)
        {
          for (guint i = 0; i < n_row; i++)
            if (circles_network_get_degree (network, row[i]) == 1)
              {
                guint32 pair[2] = { slot_of[row[i]], k };

                g_array_append_vals (pairs, pair, 1);
              }
        }
      else if (degree == 3)
        {
          for (guint i = 0; i < n_row; i++)
            {
              const guint32 *row2;
              guint n_row2;

              if (circles_network_get_degree (network, row[i]) != 2)
                continue;
              row2 = circles_network_get_neighbours (network, row[i]);
              n_row2 = circles_network_get_n_neighbours (network, row[i]);
              for (guint j = 0; j < n_row2; j++)
                if (circles_network_get_degree (network, row2[j]) == 1)
                  {
                    guint32 s = slot_of[row2[j]];
                    guint32 pair[2] = { s, k };

                    if (stamp[s] == k + 1)
                      continue;
                    stamp[s] = k + 1;
                    g_array_append_vals (pairs, pair, 1);
                  }
            }
        }
    }

  /* The prospects of each introducer, as compressed rows. */
  offsets = g_new0 (guint32, n_first + 1);
  for (guint i = 0; i < pairs->len; i++)
    offsets[((guint32 *)pairs->data)[2 * i] + 1]++;
  for (guint s = 0; s < n_first; s++)
    offsets[s + 1] += offsets[s];
  members = g_new (guint32, MAX (1, pairs->len));
  {
    g_autofree guint32 *fill = g_memdup2 (offsets, sizeof (guint32) * MAX (1, n_first));

    for (guint i = 0; i < pairs->len; i++)
      {
        const guint32 *pair = (guint32 *)pairs->data + 2 * i;

        members[fill[pair[0]]++] = pair[1];
      }
  }

  /* The ranking. */
  for (guint s = 0; s < n_first; s++)
    if (offsets[s + 1] > offsets[s])
      {
        CirclesIntroducer introducer = { first[s], offsets[s + 1] - offsets[s] };

        g_array_append_val (result->ranking, introducer);
      }
  g_array_sort_with_data (result->ranking, compare_introducers, network);

  /* The greedy cover, with lazy updates: a popped entry whose recount
   * equals its gain beats every other entry, whose gain can only have
   * fallen since it was counted. */
  covered = g_new0 (guint8, MAX (1, n_prospects));
  heap.items = g_array_sized_new (FALSE, FALSE, sizeof (CoverEntry), n_first);
  for (guint s = 0; s < n_first; s++)
    if (offsets[s + 1] > offsets[s])
      {
        CoverEntry entry = { offsets[s + 1] - offsets[s], s };

        g_array_append_val (heap.items, entry);
      }
  heap_init (&heap);
  for (guint i = 0; i < pairs->len; i++)
    covered[((guint32 *)pairs->data)[2 * i + 1]] = 2; /* reachable */
  for (guint k = 0; k < n_prospects; k++)
    if (covered[k] == 2)
      {
        covered[k] = 0;
        remaining++;
      }
    else
      covered[k] = 1; /* nobody reaches it: nothing to cover */

  while (remaining > 0)
    {
      CoverEntry entry;
      guint gain = 0;

      if (!heap_pop (&heap, &entry))
        break;
      for (guint i = offsets[entry.slot]; i < offsets[entry.slot + 1]; i++)
        gain += !covered[members[i]];
      if (gain == 0)
        continue;
      if (gain < entry.gain)
        {
          entry.gain = gain;
          heap_push (&heap, &entry);
          continue;
        }
      for (guint i = offsets[entry.slot]; i < offsets[entry.slot + 1]; i++)
        covered[members[i]] = 1;
      remaining -= gain;
      g_array_append_val (result->cover, first[entry.slot]);
    }
  g_assert (remaining == 0);
  g_array_unref (heap.items);

  return result;
}

/* }}} */

/* {{{ Reach gain */

struct _CirclesReach
{
  CirclesNetwork *network;
  guint           n;
  guint8         *degree;     /* a copy, for the top list; else NULL */
  guint32        *stamp;      /* visited when equal to generation */
  guint32         generation;
};

static inline guint
degree_of (const CirclesReach *reach,
           guint               person)
{
  if (reach->degree != NULL)
    return reach->degree[person];
  return circles_network_get_degree (reach->network, person);
}

/* Cheap to make: the stamps are zeroed pages the system maps lazily. */
CirclesReach *
circles_reach_new (CirclesNetwork *network)
{
  CirclesReach *reach;

  g_return_val_if_fail (network != NULL, NULL);

  reach = g_new0 (CirclesReach, 1);
  reach->network = circles_network_ref (network);
  reach->n = circles_network_get_n_people (network);
  reach->stamp = g_new0 (guint32, MAX (1, reach->n));
  return reach;
}

/* A copy of the degrees makes the scans of the top list faster. */
static void
reach_copy_degrees (CirclesReach *reach)
{
  reach->degree = g_new (guint8, MAX (1, reach->n));
  for (guint p = 0; p < reach->n; p++)
    reach->degree[p] = MIN (circles_network_get_degree (reach->network, p), CIRCLES_DEGREE_BEYOND);
}

void
circles_reach_free (CirclesReach *reach)
{
  if (reach == NULL)
    return;
  circles_network_unref (reach->network);
  g_free (reach->degree);
  g_free (reach->stamp);
  g_free (reach);
}

static guint32
next_generation (CirclesReach *reach)
{
  if (++reach->generation == 0)
    {
      memset (reach->stamp, 0, sizeof (guint32) * MAX (1, reach->n));
      reach->generation = 1;
    }
  return reach->generation;
}

/**
 * circles_reach_gain:
 * @person: X
 *
 * How many people would enter my 2nd and my 3rd circle if X became a
 * 1st-degree connection (see the header).
 */
void
circles_reach_gain (CirclesReach     *reach,
                    guint             person,
                    CirclesReachGain *gain)
{
  CirclesNetwork *network;
  const guint32 *row;
  guint n_row;
  guint32 generation;

  g_return_if_fail (reach != NULL);
  g_return_if_fail (person < reach->n);
  g_return_if_fail (gain != NULL);

  network = reach->network;
  row = circles_network_get_neighbours (network, person);
  n_row = circles_network_get_n_neighbours (network, person);
  generation = next_generation (reach);

  gain->person = person;
  gain->second_gain = 0;
  gain->third_gain = 0;

  /* X and its neighbours end at degree 1 or 2: never counted as 3rd. */
  reach->stamp[person] = generation;
  for (guint i = 0; i < n_row; i++)
    {
      reach->stamp[row[i]] = generation;
      if (degree_of (reach, row[i]) > 2)
        gain->second_gain++;
    }

  /* Only the new 2nd degree brings new 3rd-degree people: the
   * neighbours of an old 2nd-degree person are already within 3. */
  for (guint i = 0; i < n_row; i++)
    {
      const guint32 *row2;
      guint n_row2;

      if (degree_of (reach, row[i]) <= 2)
        continue;
      row2 = circles_network_get_neighbours (network, row[i]);
      n_row2 = circles_network_get_n_neighbours (network, row[i]);
      for (guint j = 0; j < n_row2; j++)
        {
          guint32 v = row2[j];

          if (degree_of (reach, v) <= CIRCLES_MAX_DEGREE || reach->stamp[v] == generation)
            continue;
          reach->stamp[v] = generation;
          gain->third_gain++;
        }
    }
}

typedef struct
{
  guint   second;
  guint   bound;  /* ≥ third_gain */
  guint32 person;
} Candidate;

static gboolean
candidate_above (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const Candidate *x = a, *y = b;

  if (x->second != y->second)
    return x->second > y->second;
  return x->bound > y->bound;
}

/* Orders gains best first: second, then third, then key. */
static int
compare_gains (const CirclesReachGain *x,
               const CirclesReachGain *y,
               CirclesNetwork         *network)
{
  if (x->second_gain != y->second_gain)
    return x->second_gain > y->second_gain ? -1 : 1;
  if (x->third_gain != y->third_gain)
    return x->third_gain > y->third_gain ? -1 : 1;
  return strcmp (circles_network_get_key (network, x->person),
                 circles_network_get_key (network, y->person));
}

/**
 * circles_reach_top:
 * @limit: how many gains to list at most
 *
 * Returns: the best reach gains among the 2nd and 3rd degree (see the
 *   header for the order), each computed exactly.
 */
GArray *
circles_reach_top (CirclesNetwork *network,
                   guint           limit)
{
  g_autoptr(CirclesReach) reach = NULL;
  g_autofree guint *beyond = NULL;
  GArray *best = g_array_new (FALSE, FALSE, sizeof (CirclesReachGain));
  Heap heap = { NULL, candidate_above, NULL };
  Candidate candidate;
  guint n;

  g_return_val_if_fail (network != NULL, best);

  if (limit == 0)
    return best;

  reach = circles_reach_new (network);
  reach_copy_degrees (reach);
  n = reach->n;

  /* For everyone beyond the 2nd degree, the neighbours beyond the 3rd:
   * what they would bring into the 3rd circle at most. */
  beyond = g_new0 (guint, MAX (1, n));
  for (guint u = 0; u < n; u++)
    {
      const guint32 *row;
      guint n_row;

      if (reach->degree[u] <= 2)
        continue;
      row = circles_network_get_neighbours (network, u);
      n_row = circles_network_get_n_neighbours (network, u);
      for (guint j = 0; j < n_row; j++)
        beyond[u] += reach->degree[row[j]] > CIRCLES_MAX_DEGREE;
    }

  heap.items = g_array_new (FALSE, FALSE, sizeof (Candidate));
  for (guint x = 0; x < n; x++)
    {
      const guint32 *row;
      guint n_row;
      Candidate c = { 0, 0, x };

      if (reach->degree[x] != 2 && reach->degree[x] != 3)
        continue;
      row = circles_network_get_neighbours (network, x);
      n_row = circles_network_get_n_neighbours (network, x);
      for (guint i = 0; i < n_row; i++)
        if (reach->degree[row[i]] > 2)
          {
            c.second++;
            c.bound += beyond[row[i]];
          }
      g_array_append_val (heap.items, c);
    }
  heap_init (&heap);

  /* @best stays sorted, best first, at most @limit long. */
  while (heap_pop (&heap, &candidate))
    {
      CirclesReachGain gain;
      guint at;

      if (best->len == limit)
        {
          const CirclesReachGain *worst =
            &g_array_index (best, CirclesReachGain, best->len - 1);

          /* Every later candidate has (second, bound) no greater than
           * this one's, and third_gain ≤ bound. */
          if (candidate.second < worst->second_gain ||
              (candidate.second == worst->second_gain && candidate.bound < worst->third_gain))
            break;
        }

      circles_reach_gain (reach, candidate.person, &gain);
      g_assert (gain.second_gain == candidate.second);
      g_assert (gain.third_gain <= candidate.bound);

      at = best->len;
      while (at > 0 &&
             compare_gains (&gain, &g_array_index (best, CirclesReachGain, at - 1), network) < 0)
        at--;
      if (at < limit)
        {
          g_array_insert_val (best, at, gain);
          if (best->len > limit)
            g_array_set_size (best, limit);
        }
    }

  g_array_unref (heap.items);
  return best;
}

/* }}} */
