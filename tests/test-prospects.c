/* test-prospects.c: filters, introducers, reach gains, and their commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

#include "circles-prospect-list.h"
#include "circles-prospects.h"
#include "circles-test-util.h"

/* {{{ Helpers */

/* Keys of an array of guint32 people, joined by spaces. */
static char *
people_to_string (CirclesNetwork *network,
                  GArray         *people)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < people->len; i++)
    g_string_append_printf (s, "%s%s", i ? " " : "",
                            circles_network_get_key (network, g_array_index (people, guint32, i)));
  return g_string_free (s, FALSE);
}

/* The ranking as "a:4 b:3". */
static char *
ranking_to_string (CirclesNetwork     *network,
                   CirclesIntroducers *introducers)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < introducers->ranking->len; i++)
    {
      const CirclesIntroducer *introducer =
        &g_array_index (introducers->ranking, CirclesIntroducer, i);

      g_string_append_printf (s, "%s%s:%u", i ? " " : "",
                              circles_network_get_key (network, introducer->person),
                              introducer->reach);
    }
  return g_string_free (s, FALSE);
}

static CirclesIntroducers *
find_introducers (CirclesNetwork        *network,
                  CirclesProspectFilter *filter,
                  char                 **prospects_string)
{
  g_autoptr(GArray) prospects = circles_prospects_select (network, filter);

  if (prospects_string != NULL)
    *prospects_string = people_to_string (network, prospects);
  return circles_introducers_find (network, (const guint32 *)prospects->data, prospects->len);
}

/* The keys the filter selects among everyone but me, in snapshot order. */
static char *
matching (CirclesNetwork        *network,
          CirclesProspectFilter *filter)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new ();
  g_autofree char *joined = NULL;
  guint me = circles_network_get_me (network);

  for (guint p = 0; p < circles_network_get_n_people (network); p++)
    if (p != me && circles_prospect_filter_matches (filter, p))
      g_ptr_array_add (keys, (gpointer)circles_network_get_key (network, p));
  g_ptr_array_add (keys, NULL);
  return g_strjoinv (" ", (char **)keys->pdata);
}

/* }}} */

/* {{{ Filters */

static void
test_filter_errors (void)
{
  static const struct
  {
    const char *expr;
    const char *culprit; /* the message names it */
  } cases[] = {
    { "", "empty" },
    { "   ", "empty" },
    { "compny=Acme", "compny" },
    { "company", "company" },
    { "company:Acme", "company:Acme" },
    { "=Acme", "=Acme" },
    { "company=", "company=" },
    { "company=Acme|", "company=Acme|" },
    { "company=Acme,,position~x", "empty term" },
    { "company=Acme,", "empty term" },
    { "circle=4", "4" },
    { "circle~2", "circle~2" },
    { "circle=second|fourth", "fourth" },
    { "company=Acme\\", "backslash" },
    { "company!Acme", "company!Acme" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CirclesProspectFilter) filter =
        circles_prospect_filter_parse (cases[i].expr, &error);

      g_test_message ("filter “%s”", cases[i].expr);
      g_assert_null (filter);
      g_assert_error (error, CIRCLES_PROSPECTS_ERROR, CIRCLES_PROSPECTS_ERROR_BAD_FILTER);
      g_assert_nonnull (strstr (error->message, cases[i].culprit));
    }
}

static void
test_filter_matching (void)
{
  g_autoptr(CirclesStore) store =
    circles_test_store_new ("me-a me-b a-p1 a-p2 b-p3 b-p4 p4-p5 +sales:p1,p3 +salsa:p2 +sales:a");
  g_autoptr(CirclesNetwork) network = NULL;
  g_autoptr(GError) error = NULL;
  static const struct
  {
    const char *expr;
    const char *people;    /* who matches, everyone but me, in snapshot order */
    const char *prospects; /* whom circles_prospects_select() keeps */
  } cases[] = {
    { "company=acme", "p1 p2", "p1 p2" },
    { "company = ACME ", "p1 p2", "p1 p2" },
    { "company~acme", "p1 p2 p5", "p1 p2" },
    { "company=Acme\\, Inc.", "p5", "" },
    { "position~SALES", "p1 p3", "p1 p3" },
    { "location~paris,company!=acme", "p3", "p3" },
    { "location!~paris", "a b p2 p4 p5", "p2 p4" },
    { "group=sales", "a p1 p3", "p1 p3" },
    { "group~sal", "a p1 p2 p3", "p1 p2 p3" },
    { "group!=sales", "b p2 p4 p5", "p2 p4" },
    { "company=Zeta|Acme", "p1 p2 p3", "p1 p2 p3" },
    { "company~société", "p4", "p4" },
    { "company~SOCIETE", "", "" },
    { "company=SOCIÉTÉ GÉNÉRALE", "p4", "p4" },
    { "circle=1", "a b", "" },
    { "circle=2|3", "p1 p2 p3 p4 p5", "p1 p2 p3 p4 p5" },
    { "circle=third", "p5", "p5" },
    { "circle!=2", "a b p5", "p5" },
  };

  g_assert_true (circles_store_begin (store, &error));
  circles_test_set_fields (store, "p1", "Acme", "Sales Manager", "Paris, France");
  circles_test_set_fields (store, "p2", "ACME", "Engineer", "Lyon");
  circles_test_set_fields (store, "p3", "Zeta", "Head of sales", "Paris");
  circles_test_set_fields (store, "p4", "Société Générale", "Trader", NULL);
  circles_test_set_fields (store, "p5", "Acme, Inc.", "Founder", "Berlin");
  g_assert_true (circles_store_commit (store, &error));
  network = circles_network_load (store, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CirclesProspectFilter) filter =
        circles_prospect_filter_parse (cases[i].expr, &error);
      g_autoptr(GArray) prospects = NULL;
      g_autofree char *people = NULL;
      g_autofree char *selected = NULL;

      g_test_message ("filter “%s”", cases[i].expr);
      g_assert_no_error (error);
      g_assert_true (circles_prospect_filter_bind (filter, network, store, &error));
      g_assert_no_error (error);

      people = matching (network, filter);
      g_assert_cmpstr (people, ==, cases[i].people);
      prospects = circles_prospects_select (network, filter);
      selected = people_to_string (network, prospects);
      g_assert_cmpstr (selected, ==, cases[i].prospects);
    }

  /* Facts kept from the first filters serve the next ones without the
   * store, with the same result. */
  {
    g_autoptr(CirclesProspectFacts) facts = circles_prospect_facts_new ();
    g_autoptr(CirclesProspectFilter) first = circles_prospect_filter_parse ("location~x,group~x", &error);

    g_assert_no_error (error);
    g_assert_true (circles_prospect_filter_bind_facts (first, network, store, facts, &error));
    g_assert_no_error (error);
    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_autoptr(CirclesProspectFilter) filter = circles_prospect_filter_parse (cases[i].expr, &error);
        g_autofree char *people = NULL;

        g_assert_true (circles_prospect_filter_bind_facts (filter, network, NULL, facts, &error));
        g_assert_no_error (error);
        people = matching (network, filter);
        g_assert_cmpstr (people, ==, cases[i].people);
      }

    /* Another snapshot: the facts of the first one are forgotten. */
    {
      g_autoptr(CirclesNetwork) other = circles_network_load (store, NULL, &error);
      g_autoptr(CirclesProspectFilter) filter = circles_prospect_filter_parse ("location~paris", &error);
      g_autofree char *people = NULL;

      g_assert_true (circles_prospect_filter_bind_facts (filter, other, store, facts, &error));
      people = matching (other, filter);
      g_assert_cmpstr (people, ==, "p1 p3");
      circles_prospect_facts_forget_others (facts, NULL);
    }
  }
}

/* What the filter fields of the window build parses back to the same
 * values, commas and backslashes included. */
static void
test_filter_build (void)
{
  g_autoptr(CirclesStore) store = circles_test_store_new ("me-a me-b a-c a-d b-e");
  g_autoptr(CirclesNetwork) network = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *empty = circles_prospect_filter_build (NULL, " ", "", NULL);
  g_autofree char *comma = circles_prospect_filter_build ("Acme, Inc.", NULL, NULL, NULL);
  g_autofree char *two = circles_prospect_filter_build (" acme ", "sales|buyer", NULL, NULL);
  g_autofree char *slash = circles_prospect_filter_build ("back\\slash", NULL, NULL, NULL);
  g_autofree char *all = circles_prospect_filter_build ("a", "b", "c", "d");
  const struct
  {
    const char *expr;
    const char *people;
  } cases[] = {
    { comma, "c" },
    { two, "c d" },
    { slash, "e" },
  };

  g_assert_cmpstr (empty, ==, "");
  g_assert_cmpstr (comma, ==, "company~Acme\\, Inc.");
  g_assert_cmpstr (two, ==, "company~acme,position~sales|buyer");
  g_assert_cmpstr (slash, ==, "company~back\\\\slash");
  g_assert_cmpstr (all, ==, "company~a,position~b,location~c,group~d");

  g_assert_true (circles_store_begin (store, &error));
  circles_test_set_fields (store, "c", "Acme, Inc.", "Head of Sales", NULL);
  circles_test_set_fields (store, "d", "Acme", "Buyer", NULL);
  circles_test_set_fields (store, "e", "Back\\slash", "Engineer", NULL);
  g_assert_true (circles_store_commit (store, &error));
  network = circles_network_load (store, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *expr = cases[i].expr;
      g_autoptr(CirclesProspectFilter) filter = circles_prospect_filter_parse (expr, &error);
      g_autofree char *people = NULL;

      g_test_message ("filter “%s”", expr);
      g_assert_no_error (error);
      g_assert_true (circles_prospect_filter_bind (filter, network, store, &error));
      people = matching (network, filter);
      g_assert_cmpstr (people, ==, cases[i].people);
    }
}

/* }}} */

/* {{{ Introducers */

static void
test_introducers_ranking_and_cover (void)
{
  /* a reaches p1..p4, b p1 p2 p5, c p3 p4 p6, d p5 p6: the greedy cover
   * takes a, then b and c have fallen to 1 and d (2) completes it. */
  g_autoptr(CirclesNetwork) network =
    circles_test_network_new ("me-a me-b me-c me-d "
                              "a-p1 a-p2 a-p3 a-p4 b-p1 b-p2 b-p5 "
                              "c-p3 c-p4 c-p6 d-p5 d-p6 p6-far");
  g_autoptr(CirclesIntroducers) introducers = NULL;
  g_autofree char *prospects = NULL;
  g_autofree char *ranking = NULL;
  g_autofree char *cover = NULL;

  introducers = find_introducers (network, NULL, &prospects);
  g_assert_cmpstr (prospects, ==, "p1 p2 p3 p4 p5 p6");
  g_assert_cmpuint (introducers->n_prospects, ==, 6);
  ranking = ranking_to_string (network, introducers);
  g_assert_cmpstr (ranking, ==, "a:4 b:3 c:3 d:2");
  cover = people_to_string (network, introducers->cover);
  g_assert_cmpstr (cover, ==, "a d");
}

static void
test_introducers_greedy_is_not_optimal (void)
{
  /* The classic case: z reaches the most, so the greedy cover takes it
   * and still needs x and y, while x and y alone suffice. */
  g_autoptr(CirclesNetwork) network =
    circles_test_network_new ("me-x me-y me-z "
                              "x-q1 x-q2 x-q3 y-q4 y-q5 y-q6 "
                              "z-q1 z-q2 z-q4 z-q5");
  g_autoptr(CirclesIntroducers) introducers = find_introducers (network, NULL, NULL);
  g_autofree char *ranking = ranking_to_string (network, introducers);
  g_autofree char *cover = people_to_string (network, introducers->cover);

  g_assert_cmpstr (ranking, ==, "z:4 x:3 y:3");
  g_assert_cmpstr (cover, ==, "z x y");
}

static void
test_introducers_third_degree (void)
{
  /* t is 3rd degree through a→b and c→b2; u through a→b only. */
  g_autoptr(CirclesNetwork) network =
    circles_test_network_new ("me-a me-c me-e a-b c-b2 b-t b2-t b-u a-c e-e2");
  g_autoptr(GError) error = NULL;
  g_autoptr(CirclesProspectFilter) filter = circles_prospect_filter_parse ("circle=3", &error);
  g_autoptr(CirclesIntroducers) introducers = NULL;
  g_autofree char *prospects = NULL;
  g_autofree char *ranking = NULL;
  g_autofree char *cover = NULL;

  g_assert_no_error (error);
  g_assert_true (circles_prospect_filter_bind (filter, network, NULL, &error));
  introducers = find_introducers (network, filter, &prospects);
  g_assert_cmpstr (prospects, ==, "t u");
  ranking = ranking_to_string (network, introducers);
  g_assert_cmpstr (ranking, ==, "a:2 c:1");
  cover = people_to_string (network, introducers->cover);
  g_assert_cmpstr (cover, ==, "a");
}

static void
test_introducers_empty (void)
{
  g_autoptr(CirclesNetwork) network = circles_test_network_new ("me-a me-b");
  g_autoptr(CirclesIntroducers) introducers = find_introducers (network, NULL, NULL);

  g_assert_cmpuint (introducers->n_prospects, ==, 0);
  g_assert_cmpuint (introducers->ranking->len, ==, 0);
  g_assert_cmpuint (introducers->cover->len, ==, 0);
}

/* }}} */

/* {{{ Reach gain */

static void
assert_gain (CirclesNetwork *network,
             CirclesReach   *reach,
             const char     *key,
             guint           second,
             guint           third)
{
  CirclesReachGain gain;

  circles_reach_gain (reach, circles_test_person (network, key), &gain);
  g_test_message ("gain of %s", key);
  g_assert_cmpuint (gain.second_gain, ==, second);
  g_assert_cmpuint (gain.third_gain, ==, third);
}

static void
test_reach_gain (void)
{
  /* A line me-a-b-c-d-e-f: d, e, f are beyond; g-h is apart. */
  g_autoptr(CirclesNetwork) network =
    circles_test_network_new ("me-a a-b b-c c-d d-e e-f g-h b-c2 c2-d");
  g_autoptr(CirclesReach) reach = circles_reach_new (network);

  assert_gain (network, reach, "me", 0, 0);
  assert_gain (network, reach, "a", 0, 0);
  assert_gain (network, reach, "b", 2, 1);   /* c, c2 to 2nd, d to 3rd */
  assert_gain (network, reach, "c", 1, 1);   /* d to 2nd, e to 3rd */
  assert_gain (network, reach, "c2", 1, 1);  /* the same d and e */
  assert_gain (network, reach, "d", 3, 1);   /* c, c2, e to 2nd, f to 3rd */
  assert_gain (network, reach, "e", 2, 0);   /* d, f to 2nd; c, c2 were 3rd */
  assert_gain (network, reach, "g", 1, 0);   /* h to 2nd */
  /* Many calls in a row reuse the stamps without clearing them. */
  for (guint i = 0; i < 1000; i++)
    assert_gain (network, reach, "c", 1, 1);
}

/* A random network with me and n others: about @edges connections. */
static char *
random_description (GRand *rand,
                    guint  n,
                    guint  edges)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < 3; i++)
    g_string_append_printf (s, "me-p%u ", g_rand_int_range (rand, 0, n));
  for (guint i = 0; i < edges; i++)
    {
      guint a = g_rand_int_range (rand, 0, n);
      guint b = g_rand_int_range (rand, 0, n);

      if (a != b)
        g_string_append_printf (s, "p%u-p%u ", a, b);
    }
  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "p%u ", i);
  return g_string_free (s, FALSE);
}

/* Whom one introducer reaches is what the ranking counted. */
static void
test_introducers_mark_reach (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);

  for (guint round = 0; round < 6; round++)
    {
      g_autofree char *description = random_description (rand, 60, 80);
      g_autoptr(CirclesNetwork) network = circles_test_network_new (description);
      g_autoptr(GError) error = NULL;
      g_autoptr(CirclesProspectFilter) filter =
        circles_prospect_filter_parse (round % 2 ? "circle=2|3" : "circle=3", &error);
      g_autoptr(CirclesIntroducers) introducers = NULL;
      g_autoptr(GArray) prospects = NULL;
      guint n = circles_network_get_n_people (network);
      g_autofree guint8 *is_prospect = g_new0 (guint8, n);

      g_assert_no_error (error);
      g_assert_true (circles_prospect_filter_bind (filter, network, NULL, &error));
      prospects = circles_prospects_select (network, filter);
      for (guint k = 0; k < prospects->len; k++)
        is_prospect[g_array_index (prospects, guint32, k)] = 1;
      introducers = circles_introducers_find (network, (const guint32 *) prospects->data, prospects->len);
      g_assert_cmpuint (introducers->ranking->len, >, 0);

      for (guint r = 0; r < introducers->ranking->len; r++)
        {
          const CirclesIntroducer *introducer = &g_array_index (introducers->ranking, CirclesIntroducer, r);
          g_autofree guint8 *mask = g_new0 (guint8, n);
          guint marked_prospects = 0;

          g_assert_cmpuint (circles_introducer_mark_reach (network, introducer->person, is_prospect, mask),
                            ==, introducer->reach);
          g_assert_true (mask[introducer->person]);
          for (guint p = 0; p < n; p++)
            {
              if (!mask[p] || p == introducer->person)
                continue;
              /* a prospect, or a 2nd-degree person between */
              g_assert_true (is_prospect[p] || circles_network_get_degree (network, p) == 2);
              if (is_prospect[p])
                marked_prospects++;
            }
          g_assert_cmpuint (marked_prospects, >=, introducer->reach);
          /* marking again adds nothing */
          g_assert_cmpuint (circles_introducer_mark_reach (network, introducer->person, is_prospect, mask), ==, 0);
        }
    }
}

static guint
degree_of (CirclesNetwork *network,
           const char     *key)
{
  return circles_network_get_degree (network, circles_test_person (network, key));
}

/* The gains agree with the degrees of the network where X is a
 * connection of mine. */
static void
test_reach_gain_against_bfs (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (6);
  guint seconds = 0, thirds = 0;

  for (guint round = 0; round < 4; round++)
    {
      g_autofree char *description = random_description (rand, 40, 45);
      g_autoptr(CirclesNetwork) network = circles_test_network_new (description);
      g_autoptr(CirclesReach) reach = circles_reach_new (network);
      guint n = circles_network_get_n_people (network);

      for (guint x = 0; x < n; x += 3)
        {
          const char *key = circles_network_get_key (network, x);
          g_autofree char *more = g_strdup_printf ("%s me-%s", description, key);
          g_autoptr(CirclesNetwork) after = NULL;
          CirclesReachGain gain;
          guint second = 0, third = 0;

          if (x == circles_network_get_me (network))
            continue;
          after = circles_test_network_new (more);
          for (guint v = 0; v < n; v++)
            {
              const char *v_key = circles_network_get_key (network, v);
              guint before_degree = circles_network_get_degree (network, v);
              guint after_degree = degree_of (after, v_key);

              if (v == x)
                continue;
              second += before_degree > 2 && after_degree == 2;
              third += before_degree > 3 && after_degree == 3;
            }
          circles_reach_gain (reach, x, &gain);
          g_test_message ("round %u, %s", round, key);
          g_assert_cmpuint (gain.second_gain, ==, second);
          g_assert_cmpuint (gain.third_gain, ==, third);
          seconds += second;
          thirds += third;
        }
    }
  /* The random networks do reach past the 3rd degree. */
  g_assert_cmpuint (seconds, >, 0);
  g_assert_cmpuint (thirds, >, 0);
}

static int
compare_gains (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const CirclesReachGain *x = a, *y = b;
  CirclesNetwork *network = user_data;

  if (x->second_gain != y->second_gain)
    return x->second_gain > y->second_gain ? -1 : 1;
  if (x->third_gain != y->third_gain)
    return x->third_gain > y->third_gain ? -1 : 1;
  return strcmp (circles_network_get_key (network, x->person),
                 circles_network_get_key (network, y->person));
}

/* The pruned top list equals sorting every gain. */
static void
test_reach_top (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (66);
  g_autofree char *description = random_description (rand, 400, 520);
  g_autoptr(CirclesNetwork) network = circles_test_network_new (description);
  g_autoptr(CirclesReach) reach = circles_reach_new (network);
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (CirclesReachGain));
  static const guint limits[] = { 1, 2, 5, 17, 100, 10000 };

  for (guint x = 0; x < circles_network_get_n_people (network); x++)
    {
      guint degree = circles_network_get_degree (network, x);
      CirclesReachGain gain;

      if (degree != 2 && degree != 3)
        continue;
      circles_reach_gain (reach, x, &gain);
      g_array_append_val (all, gain);
    }
  g_array_sort_with_data (all, compare_gains, network);
  g_assert_cmpuint (all->len, >, 20);

  for (guint i = 0; i < G_N_ELEMENTS (limits); i++)
    {
      g_autoptr(GArray) top = circles_reach_top (network, limits[i]);

      g_assert_cmpuint (top->len, ==, MIN (limits[i], all->len));
      for (guint j = 0; j < top->len; j++)
        {
          const CirclesReachGain *got = &g_array_index (top, CirclesReachGain, j);
          const CirclesReachGain *want = &g_array_index (all, CirclesReachGain, j);

          g_assert_cmpuint (got->person, ==, want->person);
          g_assert_cmpuint (got->second_gain, ==, want->second_gain);
          g_assert_cmpuint (got->third_gain, ==, want->third_gain);
        }
    }

  {
    g_autoptr(GArray) none = circles_reach_top (network, 0);

    g_assert_cmpuint (none->len, ==, 0);
  }
}

/* }}} */

/* {{{ Warmth and the prospect list */

static void
test_connection_strength (void)
{
  g_assert_cmpfloat_with_epsilon (circles_connection_strength (1, 5, 0), 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (circles_connection_strength (0.5, 5, 0), 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (circles_connection_strength (1, 1, 0), 0.2, 1e-9);
  g_assert_cmpfloat_with_epsilon (circles_connection_strength (1, 5, 5), 0.75, 1e-9);
  g_assert_cmpfloat_with_epsilon (circles_connection_strength (1, 5, 10), 0.625, 1e-9);
  /* Unknown: weight 1, rating 3, five years. */
  g_assert_cmpfloat_with_epsilon (circles_connection_strength (-1, 0, -1), 0.6 * 0.75, 1e-9);
  /* Warmer with a better rating, a heavier weight, a newer connection. */
  g_assert_cmpfloat (circles_connection_strength (1, 4, 2), >, circles_connection_strength (1, 3, 2));
  g_assert_cmpfloat (circles_connection_strength (0.9, 3, 2), >, circles_connection_strength (0.8, 3, 2));
  g_assert_cmpfloat (circles_connection_strength (1, 3, 1), >, circles_connection_strength (1, 3, 2));
  g_assert_cmpfloat (circles_connection_strength (1, 1, 100), >=, 0.1);
}

static void
test_prospect_list (void)
{
  g_autoptr(CirclesStore) store =
    circles_test_store_new ("me-a:0.5 me-b a-p b-p p-q me-c c-x");
  g_autoptr(CirclesNetwork) network = NULL;
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GArray) prospects = NULL;
  g_autoptr(CirclesProspectFilter) filter = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  g_autofree char *text = NULL;
  gsize size;

  g_assert_true (circles_store_begin (store, &error));
  circles_test_set_fields (store, "p", "Acme, \"the\" best", "=SUM(A1)", NULL);
  g_assert_true (circles_store_commit (store, &error));
  g_assert_true (circles_store_set_reasons (store, circles_store_lookup_person (store, "q"),
                                            CIRCLES_REASON_EVENT | CIRCLES_REASON_COMMENTS, &error));
  g_assert_no_error (error);
  network = circles_network_load (store, NULL, &error);
  g_assert_no_error (error);

  filter = circles_prospect_filter_parse ("circle=2|3", &error);
  g_assert_true (circles_prospect_filter_bind (filter, network, store, &error));
  prospects = circles_prospects_select (network, filter);
  g_assert_true (circles_prospect_list_write (network, store, (const guint32 *)prospects->data,
                                              prospects->len, stream, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_close (stream, NULL, &error));

  size = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream));
  text = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)), size);
  lines = g_strsplit (text, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5); /* header, p, q, x, "" */
  g_assert_cmpstr (lines[0], ==, CIRCLES_PROSPECT_LIST_HEADER);
  /* p: the warmest mutual connection is b (a's link is 0.5); quoted
   * fields, and no formula for a spreadsheet. */
  /* The messages are those of circles-message.c: for p the invitation
   * naming the mutual connection, as the person pane drafts it; for q
   * the request to b, who is the way in. */
  g_assert_cmpstr (lines[1], ==,
                   "p,p,\"Acme, \"\"the\"\" best\",'=SUM(A1),second,b,me > b > p,,"
                   "\"Hello p,\n\nb and I are connected, and I believe we would both gain "
                   "from knowing each other. May I add you to my network?\n\n"
                   "Looking forward to exchanging with you.\"");
  g_assert_cmpstr (lines[2], ==,
                   "q,q,,,third,b,me > b > p > q,event;comments,"
                   "\"Hello b,\n\nI would like to get in touch with q, who is a connection "
                   "of p. Could you put me in touch with p, so that I can ask for an "
                   "introduction?\n\nThank you in advance.\"");
  g_assert_true (g_str_has_prefix (lines[3], "x,x,,,second,c,me > c > x,,"));
}

/* }}} */

/* {{{ The commands */


static char *
strings_to_string (JsonArray *array)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (array); i++)
    g_string_append_printf (s, "%s%s", i ? " " : "", json_array_get_string_element (array, i));
  return g_string_free (s, FALSE);
}

/* The network of test_introducers_ranking_and_cover, plus a tail. */
static const char edges_csv[] =
  "Source,Target\n"
  "me,a\nme,b\nme,c\nme,d\n"
  "a,p1\na,p2\na,p3\na,p4\nb,p1\nb,p2\nb,p5\n"
  "c,p3\nc,p4\nc,p6\nd,p5\nd,p6\n"
  "p6,far\nfar,farther\nfar,farther2\n";

static void
import_edges (CirclesCliFixture *f)
{
  g_autofree char *path = g_build_filename (f->dir, "edges.csv", NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, edges_csv, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (circles_cli_fixture_run (f, "import", path, "--format", "csv", "--me", "me", NULL), ==, 0);
}

static void
test_cli_introducers (CirclesCliFixture *f,
                      gconstpointer      data)
{
  g_autoptr(JsonObject) object = NULL;
  g_autofree char *cover = NULL;
  JsonArray *ranking;

  import_edges (f);

  g_assert_cmpint (circles_cli_fixture_run (f, "introducers", "--json", NULL), ==, 0);
  object = circles_test_parse_object (f->out);
  g_assert_cmpint (json_object_get_int_member (object, "prospects"), ==, 6);
  ranking = json_object_get_array_member (object, "ranking");
  g_assert_cmpuint (json_array_get_length (ranking), ==, 4);
  {
    static const struct { const char *key; gint64 reach; } want[] = {
      { "a", 4 }, { "b", 3 }, { "c", 3 }, { "d", 2 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (want); i++)
      {
        JsonObject *entry = json_array_get_object_element (ranking, i);

        g_assert_cmpstr (json_object_get_string_member (entry, "key"), ==, want[i].key);
        g_assert_cmpint (json_object_get_int_member (entry, "reach"), ==, want[i].reach);
      }
  }
  cover = strings_to_string (json_object_get_array_member (object, "cover"));
  g_assert_cmpstr (cover, ==, "a d");
  g_clear_pointer (&object, json_object_unref);
  g_clear_pointer (&cover, g_free);

  g_assert_cmpint (circles_cli_fixture_run (f, "introducers", "--filter", "circle=3", "--json", NULL), ==, 0);
  object = circles_test_parse_object (f->out);
  g_assert_cmpint (json_object_get_int_member (object, "prospects"), ==, 1);
  cover = strings_to_string (json_object_get_array_member (object, "cover"));
  g_assert_cmpstr (cover, ==, "c");
  g_clear_pointer (&object, json_object_unref);

  /* The text output names the cover. */
  g_assert_cmpint (circles_cli_fixture_run (f, "introducers", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "6 prospects"));

  /* A bad filter is bad usage, and says what is wrong. */
  g_assert_cmpint (circles_cli_fixture_run (f, "introducers", "--filter", "compny=Acme", NULL), ==, 2);
  g_assert_nonnull (strstr (f->err, "compny"));
  g_assert_cmpint (circles_cli_fixture_run (f, "introducers", "--filter", "circle=5", NULL), ==, 2);
  g_assert_nonnull (strstr (f->err, "5"));
  g_assert_cmpint (circles_cli_fixture_run (f, "introducers", "extra", NULL), ==, 2);
}

static void
test_cli_reach (CirclesCliFixture *f,
                gconstpointer      data)
{
  g_autoptr(JsonObject) object = NULL;
  JsonArray *top;

  import_edges (f);

  /* p6 is 2nd degree; far would become 2nd, farther and farther2 3rd. */
  g_assert_cmpint (circles_cli_fixture_run (f, "reach", "p6", "--json", NULL), ==, 0);
  object = circles_test_parse_object (f->out);
  g_assert_cmpstr (json_object_get_string_member (object, "key"), ==, "p6");
  g_assert_cmpint (json_object_get_int_member (object, "second_gain"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "third_gain"), ==, 2);
  g_clear_pointer (&object, json_object_unref);

  g_assert_cmpint (circles_cli_fixture_run (f, "reach", "far", "--json", NULL), ==, 0);
  object = circles_test_parse_object (f->out);
  g_assert_cmpint (json_object_get_int_member (object, "second_gain"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (object, "third_gain"), ==, 0);
  g_clear_pointer (&object, json_object_unref);

  g_assert_cmpint (circles_cli_fixture_run (f, "reach", "--top", "2", "--json", NULL), ==, 0);
  object = circles_test_parse_object (f->out);
  top = json_object_get_array_member (object, "top");
  g_assert_cmpuint (json_array_get_length (top), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (top, 0), "key"),
                   ==, "far");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (top, 1), "key"),
                   ==, "p6");

  g_assert_cmpint (circles_cli_fixture_run (f, "reach", "p6", NULL), ==, 0);
  g_assert_nonnull (strstr (f->out, "+1"));

  g_assert_cmpint (circles_cli_fixture_run (f, "reach", "nobody", "--json", NULL), ==, 2);
  g_assert_nonnull (strstr (f->err, "nobody"));
  g_assert_cmpint (circles_cli_fixture_run (f, "reach", NULL), ==, 2);
  g_assert_cmpint (circles_cli_fixture_run (f, "reach", "--top", "0", NULL), ==, 2);
  g_assert_cmpint (circles_cli_fixture_run (f, "reach", "p6", "--top", "3", NULL), ==, 2);
}

static void
test_cli_prospects (CirclesCliFixture *f,
                    gconstpointer      data)
{
  g_autofree char *path = g_build_filename (f->dir, "prospects.csv", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;

  import_edges (f);

  g_assert_cmpint (circles_cli_fixture_run (f, "prospects", "-", "--filter", "circle=3", NULL), ==, 0);
  lines = g_strsplit (f->out, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpstr (lines[0], ==, CIRCLES_PROSPECT_LIST_HEADER);
  g_assert_true (g_str_has_prefix (lines[1], "far,far,,,third,c,me > c > p6 > far,,"));
  g_clear_pointer (&lines, g_strfreev);

  g_assert_cmpint (circles_cli_fixture_run (f, "prospects", path, NULL), ==, 0);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 8); /* header, p1..p6, "" */

  g_assert_cmpint (circles_cli_fixture_run (f, "prospects", path, "--filter", "circle=", NULL), ==, 2);
  g_assert_nonnull (strstr (f->err, "empty value"));
  g_assert_cmpint (circles_cli_fixture_run (f, "prospects", NULL), ==, 2);
}

static void
test_cli_no_me (CirclesCliFixture *f,
                gconstpointer      data)
{
  g_assert_cmpint (circles_cli_fixture_run (f, "introducers", NULL), ==, 2);
  g_assert_cmpint (circles_cli_fixture_run (f, "reach", "x", NULL), ==, 2);
}

/* }}} */

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/prospects/filter/errors", test_filter_errors);
  g_test_add_func ("/prospects/filter/matching", test_filter_matching);
  g_test_add_func ("/prospects/filter/build", test_filter_build);
  g_test_add_func ("/prospects/introducers/ranking-and-cover", test_introducers_ranking_and_cover);
  g_test_add_func ("/prospects/introducers/greedy-is-not-optimal", test_introducers_greedy_is_not_optimal);
  g_test_add_func ("/prospects/introducers/third-degree", test_introducers_third_degree);
  g_test_add_func ("/prospects/introducers/empty", test_introducers_empty);
  g_test_add_func ("/prospects/introducers/mark-reach", test_introducers_mark_reach);
  g_test_add_func ("/prospects/reach/gain", test_reach_gain);
  g_test_add_func ("/prospects/reach/gain-against-bfs", test_reach_gain_against_bfs);
  g_test_add_func ("/prospects/reach/top", test_reach_top);
  g_test_add_func ("/prospects/strength", test_connection_strength);
  g_test_add_func ("/prospects/list", test_prospect_list);
  g_test_add ("/prospects/cli/introducers", CirclesCliFixture, NULL,
              circles_cli_fixture_setup, test_cli_introducers, circles_cli_fixture_teardown);
  g_test_add ("/prospects/cli/reach", CirclesCliFixture, NULL,
              circles_cli_fixture_setup, test_cli_reach, circles_cli_fixture_teardown);
  g_test_add ("/prospects/cli/prospects", CirclesCliFixture, NULL,
              circles_cli_fixture_setup, test_cli_prospects, circles_cli_fixture_teardown);
  g_test_add ("/prospects/cli/no-me", CirclesCliFixture, NULL,
              circles_cli_fixture_setup, test_cli_no_me, circles_cli_fixture_teardown);

  return g_test_run ();
}
