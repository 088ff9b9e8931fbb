/* circles-demo.c: a deterministic demo network
 *
 * The network is built from a seed with our own PRNG (splitmix64 to
 * seed xoshiro256**) and integer arithmetic only, so a seed gives the
 * same database on every machine.
 *
 * Shape: the people form companies (contiguous blocks of ids with a
 * heavy-tailed size distribution) and school cohorts (blocks of a random
 * permutation). Everyone knows a few colleagues (mostly in their team),
 * a few schoolmates and one or two people anywhere; a few connectors know
 * many people anywhere. A few percent of the people live in a separate
 * component (out of network). Me works in a medium company and draws the
 * 1st degree from it, from the cohort, from former companies and from
 * elsewhere. Followers of me and groups complete the picture.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "circles-demo"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "circles-demo.h"
#include "circles-network.h"

/* {{{ PRNG: splitmix64 seeds xoshiro256** */

typedef struct
{
  guint64 s[4];
} DemoRng;

static guint64
splitmix64 (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

static inline guint64
rotl64 (guint64 x,
        int     k)
{
  return (x << k) | (x >> (64 - k));
}

static void
rng_init (DemoRng *rng,
          guint64  seed)
{
  guint64 state = seed;

  for (guint i = 0; i < 4; i++)
    rng->s[i] = splitmix64 (&state);
}

static inline guint64
rng_next (DemoRng *rng)
{
  guint64 *s = rng->s;
  guint64 result = rotl64 (s[1] * 5, 7) * 9;
  guint64 t = s[1] << 17;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl64 (s[3], 45);
  return result;
}

/* Uniform enough in 0..bound-1 (bound > 0), by multiply and shift. */
static inline guint32
rng_below (DemoRng *rng,
           guint32  bound)
{
  return (guint32) (((rng_next (rng) >> 32) * (guint64) bound) >> 32);
}

/* In lo..hi, both included. */
static inline guint32
rng_range (DemoRng *rng,
           guint32  lo,
           guint32  hi)
{
  return lo + rng_below (rng, hi - lo + 1);
}

static inline gboolean
rng_percent (DemoRng *rng,
             guint    percent)
{
  return rng_below (rng, 100) < percent;
}

/* }}} */

/* {{{ Data: names, positions, companies, places, schools, groups */

typedef struct
{
  const char * const *items;
  guint               n;
} DemoList;

#define DEMO_LIST(array) { array, G_N_ELEMENTS (array) }

typedef struct
{
  guint    weight;
  DemoList female;
  DemoList male;
  DemoList last;
} DemoOrigin;

static const char * const fr_female[] = {
  "Camille", "Léa", "Manon", "Chloé", "Emma", "Jade", "Louise", "Alice",
  "Lina", "Sarah", "Juliette", "Clara", "Pauline", "Margaux", "Mathilde",
  "Élodie", "Claire", "Charlotte", "Émilie", "Marion", "Océane", "Anaïs",
  "Justine", "Laura", "Audrey", "Céline", "Aurélie", "Hélène", "Isabelle",
  "Nathalie", "Sophie", "Valérie", "Gaëlle", "Zoé", "Noémie", "Lucie",
  "Agathe", "Capucine", "Solène", "Maëlle", "Constance", "Bérénice",
  "Delphine", "Sandrine", "Virginie", "Coralie", "Mélanie", "Estelle",
};

static const char * const fr_male[] = {
  "Lucas", "Hugo", "Louis", "Gabriel", "Arthur", "Jules", "Raphaël", "Adam",
  "Théo", "Nathan", "Maxime", "Antoine", "Thomas", "Nicolas", "Julien",
  "Guillaume", "Romain", "Alexandre", "Pierre", "Baptiste", "Quentin",
  "Florian", "Benjamin", "Clément", "Vincent", "Sébastien", "François",
  "Olivier", "Stéphane", "Mathieu", "Jérôme", "Loïc", "Yann", "Enzo",
  "Bastien", "Victor", "Paul", "Martin", "Adrien", "Cédric", "Damien",
  "Grégoire", "Tanguy", "Erwan", "Aurélien", "Xavier", "Benoît", "Gaël",
};

static const char * const fr_last[] = {
  "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand",
  "Dubois", "Moreau", "Laurent", "Simon", "Michel", "Lefebvre", "Leroy",
  "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard", "Bonnet",
  "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller",
  "Lefèvre", "Faure", "André", "Mercier", "Blanc", "Guérin", "Boyer",
  "Garnier", "Chevalier", "François", "Legrand", "Gauthier", "Perrin",
  "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu",
  "Masson", "Marchand", "Duval", "Denis", "Dumont", "Lemaire", "Noël",
  "Meyer", "Dufour", "Meunier", "Brun", "Blanchard", "Giraud", "Joly",
  "Rivière", "Lucas", "Brunet", "Gaillard", "Barbier", "Arnaud", "Le Gall",
  "Le Goff", "Kerbrat", "Caron", "Picard", "Roger", "Colin", "Vidal",
  "Lemoine", "Renaud", "Aubert", "Carpentier", "Hubert", "Leclerc",
};

static const char * const maghreb_female[] = {
  "Inès", "Amina", "Nadia", "Leïla", "Yasmine", "Salma", "Meriem", "Sonia",
  "Farah", "Myriam", "Soraya", "Nour", "Samia", "Kenza", "Lina", "Hanane",
};

static const char * const maghreb_male[] = {
  "Yanis", "Karim", "Mehdi", "Sofiane", "Rayan", "Samir", "Bilal", "Walid",
  "Nassim", "Ilyes", "Rachid", "Hakim", "Anis", "Amine", "Redouane", "Malik",
};

static const char * const maghreb_last[] = {
  "Benali", "Haddad", "Belkacem", "Mansouri", "Bouzid", "Cherif", "Amrani",
  "Benyahia", "Hamidi", "Khelifi", "Saidi", "Brahimi", "Ziani", "El Idrissi",
  "Bennani", "Tazi", "Alaoui", "Mekki", "Ouali", "Rahmani", "Chaoui",
  "Djebbar", "Lahlou", "Bensaïd", "Meziane", "Aït Ahmed",
};

static const char * const westafrica_female[] = {
  "Aminata", "Fatou", "Awa", "Mariam", "Aïssatou", "Kadiatou", "Ndeye",
  "Christelle", "Grâce", "Rokia", "Adama", "Nafissatou",
};

static const char * const westafrica_male[] = {
  "Moussa", "Ibrahima", "Mamadou", "Ousmane", "Cheikh", "Abdoulaye", "Serge",
  "Yves", "Modibo", "Souleymane", "Kwame", "Didier",
};

static const char * const westafrica_last[] = {
  "Diallo", "Traoré", "N'Diaye", "Diop", "Camara", "Koné", "Sow", "Cissé",
  "Touré", "Fofana", "Mbaye", "Keïta", "Kouassi", "Mensah", "Sylla",
  "Baldé", "Ngoma", "Tchoumi", "Kaboré", "Ouedraogo",
};

static const char * const south_female[] = {
  "Sofia", "Lucía", "Marta", "Carmen", "Elena", "Inês", "Beatriz", "Giulia",
  "Francesca", "Chiara", "Valentina", "Ana", "Paula", "Alessia",
};

static const char * const south_male[] = {
  "Pablo", "Javier", "Diego", "Alejandro", "Mateo", "João", "Tiago",
  "Marco", "Luca", "Matteo", "Alessandro", "Miguel", "Sergio", "Davide",
};

static const char * const south_last[] = {
  "García", "Martínez", "López", "Fernández", "González", "Rodríguez",
  "Sánchez", "Pérez", "Romero", "Navarro", "Torres", "Ruiz", "Silva",
  "Santos", "Ferreira", "Oliveira", "Costa", "Pereira", "Rossi", "Russo",
  "Bianchi", "Romano", "Ricci", "Marino", "Greco", "Conti", "Esposito",
  "Colombo", "Da Silva", "Moreira",
};

static const char * const north_female[] = {
  "Lena", "Anna", "Hannah", "Johanna", "Ingrid", "Astrid", "Freya", "Sanne",
  "Anouk", "Zofia", "Katarzyna", "Greta", "Maren", "Elin",
};

static const char * const north_male[] = {
  "Jonas", "Felix", "Lukas", "Maximilian", "Niklas", "Lars", "Erik", "Sven",
  "Daan", "Pieter", "Jakub", "Piotr", "Tomasz", "Henrik",
};

static const char * const north_last[] = {
  "Schneider", "Müller", "Schmidt", "Fischer", "Weber", "Wagner", "Becker",
  "Hoffmann", "Schäfer", "Koch", "Richter", "Klein", "Wolf", "Neumann",
  "Andersson", "Johansson", "Nilsson", "Larsen", "Hansen", "de Vries",
  "Jansen", "van Dijk", "Bakker", "Visser", "Kowalski", "Nowak",
  "Wiśniewski", "Wójcik",
};

static const char * const english_female[] = {
  "Emily", "Olivia", "Amelia", "Grace", "Isla", "Ella", "Megan", "Rachel",
  "Jessica", "Hannah", "Charlotte", "Sophie",
};

static const char * const english_male[] = {
  "James", "Jack", "Oliver", "Harry", "George", "William", "Daniel", "Ryan",
  "Michael", "Andrew", "Thomas", "Samuel",
};

static const char * const english_last[] = {
  "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Evans",
  "Walker", "Wright", "Robinson", "Thompson", "White", "Hughes", "Edwards",
  "Green", "Hall", "Wood", "Harris", "Clarke", "Murphy", "O'Brien", "Kelly",
};

static const char * const indian_female[] = {
  "Priya", "Ananya", "Kavya", "Aditi", "Neha", "Divya", "Meera", "Pooja",
  "Shreya", "Lakshmi",
};

static const char * const indian_male[] = {
  "Arjun", "Rohan", "Vikram", "Rahul", "Karthik", "Sanjay", "Aditya", "Ravi",
  "Nikhil", "Vivek",
};

static const char * const indian_last[] = {
  "Raman", "Sharma", "Patel", "Iyer", "Gupta", "Singh", "Reddy", "Nair",
  "Kumar", "Menon", "Rao", "Chatterjee", "Krishnan", "Joshi", "Desai",
  "Pillai",
};

static const char * const chinese_female[] = {
  "Mei", "Jing", "Xin", "Lin", "Yan", "Hui", "Ying", "Xiaoling",
};

static const char * const chinese_male[] = {
  "Wei", "Hao", "Jun", "Lei", "Tao", "Bo", "Yong", "Zhiwei",
};

static const char * const chinese_last[] = {
  "Chen", "Wang", "Li", "Zhang", "Liu", "Huang", "Zhao", "Wu", "Zhou",
  "Lin", "Xu", "Yang",
};

static const char * const vietnamese_female[] = {
  "Linh", "Thu", "Lan", "Mai", "Hoa", "Ngoc",
};

static const char * const vietnamese_male[] = {
  "Minh", "Quang", "Duc", "Huy", "Tuan", "Khoa",
};

static const char * const vietnamese_last[] = {
  "Nguyen", "Tran", "Pham", "Le", "Hoang", "Vu", "Dang",
};

static const char * const japanese_female[] = {
  "Yuki", "Haruka", "Aiko", "Sakura", "Emi", "Naomi",
};

static const char * const japanese_male[] = {
  "Hiroshi", "Kenji", "Takumi", "Daiki", "Ren", "Sho",
};

static const char * const japanese_last[] = {
  "Tanaka", "Sato", "Suzuki", "Watanabe", "Takahashi", "Ito", "Yamamoto",
  "Nakamura",
};

static const char * const korean_female[] = {
  "Ji-woo", "Seo-yeon", "Min-seo", "Ha-eun",
};

static const char * const korean_male[] = {
  "Min-jun", "Seo-jun", "Do-hyun", "Ji-ho",
};

static const char * const korean_last[] = {
  "Kim", "Park", "Lee", "Choi", "Jung", "Kang",
};

/* Weights in thousandths: a mostly French network with international
 * colleagues. */
static const DemoOrigin origins[] = {
  { 560, DEMO_LIST (fr_female), DEMO_LIST (fr_male), DEMO_LIST (fr_last) },
  { 110, DEMO_LIST (maghreb_female), DEMO_LIST (maghreb_male), DEMO_LIST (maghreb_last) },
  { 50, DEMO_LIST (westafrica_female), DEMO_LIST (westafrica_male), DEMO_LIST (westafrica_last) },
  { 80, DEMO_LIST (south_female), DEMO_LIST (south_male), DEMO_LIST (south_last) },
  { 55, DEMO_LIST (north_female), DEMO_LIST (north_male), DEMO_LIST (north_last) },
  { 45, DEMO_LIST (english_female), DEMO_LIST (english_male), DEMO_LIST (english_last) },
  { 40, DEMO_LIST (indian_female), DEMO_LIST (indian_male), DEMO_LIST (indian_last) },
  { 25, DEMO_LIST (chinese_female), DEMO_LIST (chinese_male), DEMO_LIST (chinese_last) },
  { 15, DEMO_LIST (vietnamese_female), DEMO_LIST (vietnamese_male), DEMO_LIST (vietnamese_last) },
  { 12, DEMO_LIST (japanese_female), DEMO_LIST (japanese_male), DEMO_LIST (japanese_last) },
  { 8, DEMO_LIST (korean_female), DEMO_LIST (korean_male), DEMO_LIST (korean_last) },
};

typedef enum
{
  GENDER_ANY,
  GENDER_FEMALE,
  GENDER_MALE,
} DemoGender;

typedef struct
{
  const char *title;
  DemoGender  gender; /* grammatical gender of a French title */
  guint       weight;
} DemoPosition;

static const DemoPosition positions[] = {
  /* Sales */
  { "Head of Sales", GENDER_ANY, 4 },
  { "Account Executive", GENDER_ANY, 12 },
  { "Business Developer", GENDER_ANY, 14 },
  { "Key Account Manager", GENDER_ANY, 8 },
  { "Ingénieur commercial", GENDER_MALE, 8 },
  { "Ingénieure commerciale", GENDER_FEMALE, 8 },
  { "Directeur commercial", GENDER_MALE, 3 },
  { "Directrice commerciale", GENDER_FEMALE, 3 },
  { "Sales Development Representative", GENDER_ANY, 8 },
  { "Responsable grands comptes", GENDER_ANY, 5 },
  { "Customer Success Manager", GENDER_ANY, 9 },
  /* People and recruiting */
  { "Talent Acquisition Lead", GENDER_ANY, 4 },
  { "Chargé de recrutement", GENDER_MALE, 5 },
  { "Chargée de recrutement", GENDER_FEMALE, 7 },
  { "HR Business Partner", GENDER_ANY, 5 },
  { "Responsable RH", GENDER_ANY, 5 },
  { "DRH", GENDER_ANY, 2 },
  { "Tech Recruiter", GENDER_ANY, 5 },
  { "Talent Sourcer", GENDER_ANY, 3 },
  /* Engineering */
  { "Software Engineer", GENDER_ANY, 16 },
  { "Développeur full-stack", GENDER_MALE, 10 },
  { "Développeuse back-end", GENDER_FEMALE, 5 },
  { "Développeur front-end", GENDER_MALE, 6 },
  { "DevOps Engineer", GENDER_ANY, 6 },
  { "Lead Developer", GENDER_ANY, 5 },
  { "CTO", GENDER_ANY, 2 },
  { "Architecte cloud", GENDER_ANY, 3 },
  { "QA Engineer", GENDER_ANY, 4 },
  { "Ingénieure logiciel", GENDER_FEMALE, 5 },
  { "Ingénieur logiciel", GENDER_MALE, 6 },
  { "Site Reliability Engineer", GENDER_ANY, 3 },
  { "Mobile Developer", GENDER_ANY, 4 },
  { "Engineering Manager", GENDER_ANY, 4 },
  /* Data */
  { "Data Engineer", GENDER_ANY, 8 },
  { "Data Scientist", GENDER_ANY, 7 },
  { "Data Analyst", GENDER_ANY, 8 },
  { "Machine Learning Engineer", GENDER_ANY, 4 },
  { "Head of Data", GENDER_ANY, 2 },
  { "Analytics Engineer", GENDER_ANY, 3 },
  /* Marketing and communication */
  { "Directrice marketing", GENDER_FEMALE, 3 },
  { "Directeur marketing", GENDER_MALE, 2 },
  { "Growth Marketer", GENDER_ANY, 5 },
  { "Chef de produit marketing", GENDER_ANY, 4 },
  { "Content Manager", GENDER_ANY, 4 },
  { "Brand Manager", GENDER_ANY, 3 },
  { "Community Manager", GENDER_ANY, 4 },
  { "Responsable communication", GENDER_ANY, 4 },
  { "SEO Specialist", GENDER_ANY, 2 },
  /* Product and design */
  { "Product Manager", GENDER_ANY, 9 },
  { "Product Owner", GENDER_ANY, 7 },
  { "UX Designer", GENDER_ANY, 5 },
  { "UI Designer", GENDER_ANY, 3 },
  { "Head of Product", GENDER_ANY, 2 },
  /* Finance, operations, legal */
  { "Contrôleur de gestion", GENDER_MALE, 4 },
  { "Contrôleuse de gestion", GENDER_FEMALE, 3 },
  { "CFO", GENDER_ANY, 1 },
  { "Comptable", GENDER_ANY, 5 },
  { "Office Manager", GENDER_ANY, 3 },
  { "Operations Manager", GENDER_ANY, 4 },
  { "Acheteuse", GENDER_FEMALE, 2 },
  { "Acheteur", GENDER_MALE, 2 },
  { "Supply Chain Manager", GENDER_ANY, 3 },
  { "Juriste", GENDER_ANY, 3 },
  { "Legal Counsel", GENDER_ANY, 2 },
  /* Management and consulting */
  { "CEO", GENDER_ANY, 1 },
  { "Co-fondateur", GENDER_MALE, 1 },
  { "Co-fondatrice", GENDER_FEMALE, 1 },
  { "Directeur général", GENDER_MALE, 1 },
  { "Directrice générale", GENDER_FEMALE, 1 },
  { "Consultant", GENDER_MALE, 7 },
  { "Consultante senior", GENDER_FEMALE, 5 },
  { "Consultant senior", GENDER_MALE, 4 },
  { "Project Manager", GENDER_ANY, 6 },
  { "Chef de projet", GENDER_MALE, 5 },
  { "Cheffe de projet", GENDER_FEMALE, 4 },
  { "Business Analyst", GENDER_ANY, 5 },
  /* Students */
  { "Alternant développeur", GENDER_MALE, 2 },
  { "Stagiaire marketing", GENDER_ANY, 2 },
};

/* Company names: an invented brand (two syllables) and a trade word. */
static const char * const brand_heads[] = {
  "Nor", "Val", "Kel", "Ver", "Lum", "Orb", "Sol", "Mar", "Ter", "Cal",
  "Bel", "Dor", "Fen", "Gal", "Hel", "Jal", "Lys", "Mir", "Ner", "Oc",
  "Pal", "Quin", "Riv", "Sar", "Tal", "Ul", "Vel", "Zen", "Ast", "Bru",
  "Cor", "Eld", "Fal", "Gran", "Hav", "Ist", "Kor", "Lan", "Mont", "Syl",
};

static const char * const brand_tails[] = {
  "via", "ora", "ix", "ance", "is", "ium", "ane", "ys", "ence", "oria",
  "ika", "on", "ara", "elle", "ami", "una", "igo", "ent", "ovia", "ette",
  "aro", "eka", "ine", "ando",
};

static const char * const trades[] = {
  "Conseil", "Systems", "Analytics", "Logistique", "Santé", "Énergie",
  "Finance", "Software", "Digital", "Industries", "Partners", "Solutions",
  "Labs", "Assurances", "Ingénierie", "Retail", "Mobility", "Group",
  "Technologies", "Capital", "Media", "Immobilier", "Foods", "Robotics",
  "Bio", "Cloud", "Studio", "Services", "Formation", "Transport",
};

#define N_COMPANY_NAMES \
  (G_N_ELEMENTS (brand_heads) * G_N_ELEMENTS (brand_tails) * G_N_ELEMENTS (trades))

typedef struct
{
  const char *name;
  guint       weight;
} DemoPlace;

static const DemoPlace places[] = {
  { "Paris, France", 300 },
  { "Lyon, France", 95 },
  { "Nantes, France", 50 },
  { "Bordeaux, France", 50 },
  { "Lille, France", 50 },
  { "Toulouse, France", 55 },
  { "Marseille, France", 40 },
  { "Rennes, France", 35 },
  { "Strasbourg, France", 25 },
  { "Montpellier, France", 25 },
  { "Grenoble, France", 25 },
  { "Nice, France", 15 },
  { "Bruxelles, Belgique", 35 },
  { "Genève, Suisse", 25 },
  { "Lausanne, Suisse", 12 },
  { "Luxembourg, Luxembourg", 12 },
  { "Montréal, Québec, Canada", 25 },
  { "London, United Kingdom", 35 },
  { "Berlin, Germany", 25 },
  { "Barcelona, Spain", 20 },
  { "Amsterdam, Netherlands", 15 },
  { "Madrid, Spain", 10 },
  { "Milano, Italy", 10 },
  { "Casablanca, Maroc", 8 },
  { "Dakar, Sénégal", 5 },
};

/* Invented schools, more famous first (drawn with a Zipf-like bias). */
static const char * const schools[] = {
  "Institut Valmont",
  "École de commerce de Rivemont",
  "Université Jean-Lumière",
  "École d'ingénieurs Marceau",
  "ESC Belleville",
  "Institut Vauban de management",
  "Université de Vauclair",
  "École polytechnique de Montbrun",
  "Institut des sciences de Clairval",
  "Université Sainte-Adèle",
  "École du numérique de Lorient-Sud",
  "IUT de Beaupré",
  "Northbridge University",
  "Kingsmere Business School",
  "Technische Hochschule Elmsfeld",
  "Universidad de Castellar",
  "Université du Haut-Fleuve",
  "École supérieure de design de Varenne",
  "Institut d'études politiques de Saint-Aubrac",
  "Université Laurentine de Montréal",
  "Haute école de gestion de Morlay",
  "École nationale des données",
};

static const char * const group_names[] = {
  "Recrutement Tech France",
  "Data & IA Paris",
  "Sales Leaders Europe",
  "Growth Marketing Lyon",
  "Product Managers francophones",
  "RH & marque employeur",
  "Freelances du numérique",
  "Startups Nantes Atlantique",
  "Women in Tech Bordeaux",
  "Développeurs Rust & Go",
  "Supply Chain Network",
  "Finance & contrôle de gestion",
  "Alumni Institut Valmont",
  "Alumni ESC Belleville",
  "Cloud & DevOps francophonie",
  "Business Developers B2B",
  "Innovation santé",
  "Entrepreneurs Lille Métropole",
  "UX & design Suisse romande",
  "Montréal–Paris Tech Bridge",
};

#define N_MY_GROUPS 5

/* The first day a 1st-degree connection can date from, and the span. */
#define FIRST_DATE_YEAR 2009
#define FIRST_DATE_SPAN 5960 /* days, up to mid-2025 */

/* }}} */

/* {{{ The generator's state */

typedef struct
{
  guint32 start;
  guint32 size;
  guint32 name;  /* index into the company name space */
  guint16 place;
} DemoCompany;

typedef struct
{
  guint32 start; /* into the cohort permutation */
  guint32 size;
  guint16 school;
  guint16 year;
} DemoCohort;

typedef struct
{
  guint32 person;
  guint16 day;      /* days since FIRST_DATE_YEAR-01-01 */
  guint8  strength; /* percent, or STRENGTH_NONE */
} DemoFirst;

#define STRENGTH_NONE 255u

/* Flags per person. */
enum
{
  MARK_FIRST    = 1 << 0,
  MARK_FOLLOWER = 1 << 1,
};

typedef struct
{
  DemoRng       rng;
  guint32       n;
  guint32       main_end;     /* people 1..main_end-1 are the main component */
  guint         key_bits;     /* bits of the key suffix */
  guint32       key_offset;

  GArray       *companies;    /* DemoCompany */
  guint32      *company_of;   /* person -> company */
  GArray       *cohorts;      /* DemoCohort */
  guint32      *cohort_perm;  /* cohorts as blocks of this permutation */
  guint32      *cohort_of;    /* person -> cohort */
  guint8       *marks;
  GArray       *firsts;       /* DemoFirst */
  guint32       my_company;
  guint32       my_cohort;

  gint64       *ids;          /* person -> store id */
  GHashTable   *slugs;        /* name -> slug */
  guint32       position_total;
  guint32       place_total;

  guint64      *edges;        /* a << 28 | b << 8 | strength, a < b */
  gsize         n_edges;
  gsize         edges_allocated;
} DemoGen;

static void
demo_gen_clear (DemoGen *gen)
{
  g_clear_pointer (&gen->companies, g_array_unref);
  g_clear_pointer (&gen->company_of, g_free);
  g_clear_pointer (&gen->cohorts, g_array_unref);
  g_clear_pointer (&gen->cohort_perm, g_free);
  g_clear_pointer (&gen->cohort_of, g_free);
  g_clear_pointer (&gen->marks, g_free);
  g_clear_pointer (&gen->firsts, g_array_unref);
  g_clear_pointer (&gen->ids, g_free);
  g_clear_pointer (&gen->slugs, g_hash_table_unref);
  g_clear_pointer (&gen->edges, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DemoGen, demo_gen_clear)

static inline DemoCompany *
company_at (DemoGen *gen,
            guint32  company)
{
  return &g_array_index (gen->companies, DemoCompany, company);
}

static inline DemoCohort *
cohort_at (DemoGen *gen,
           guint32  cohort)
{
  return &g_array_index (gen->cohorts, DemoCohort, cohort);
}

static guint32
isqrt32 (guint32 x)
{
  guint32 r = 0;

  for (guint32 bit = 1u << 30; bit != 0; bit >>= 2)
    {
      if (x >= r + bit)
        {
          x -= r + bit;
          r = (r >> 1) + bit;
        }
      else
        r >>= 1;
    }
  return r;
}

/* }}} */

/* {{{ Structure: companies, cohorts */

/* Heavy-tailed company sizes: many small firms, a few big groups. */
static guint32
draw_company_size (DemoRng *rng)
{
  guint32 r = rng_below (rng, 1000);

  if (r < 550)
    return rng_range (rng, 2, 12);
  if (r < 850)
    return rng_range (rng, 13, 60);
  if (r < 970)
    return rng_range (rng, 61, 400);
  if (r < 997)
    return rng_range (rng, 401, 3000);
  return rng_range (rng, 3001, 20000);
}

static guint16
draw_place (DemoGen *gen)
{
  guint32 r = rng_below (&gen->rng, gen->place_total);

  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      if (r < places[i].weight)
        return i;
      r -= places[i].weight;
    }
  return 0;
}

static void
partition_companies (DemoGen *gen,
                     guint32  lo,
                     guint32  hi)
{
  guint32 cap = MAX (2, (hi - lo) / 4);
  guint32 start = lo;

  while (start < hi)
    {
      DemoCompany company;
      guint32 size = draw_company_size (&gen->rng);

      size = MIN (size, cap);
      size = MIN (size, hi - start);
      /* No lonely remainder. */
      if (hi - start - size < 2)
        size = hi - start;

      company.start = start;
      company.size = size;
      company.name = 0;
      company.place = draw_place (gen);
      for (guint32 p = start; p < start + size; p++)
        gen->company_of[p] = gen->companies->len;
      g_array_append_val (gen->companies, company);
      start += size;
    }
}

static void
partition_cohorts (DemoGen *gen,
                   guint32  lo,
                   guint32  hi)
{
  guint32 *perm = gen->cohort_perm;
  guint32 start = lo;

  /* Fisher–Yates over lo..hi-1. */
  for (guint32 p = lo; p < hi; p++)
    perm[p] = p;
  for (guint32 p = hi - 1; p > lo; p--)
    {
      guint32 q = lo + rng_below (&gen->rng, p - lo + 1);
      guint32 t = perm[p];

      perm[p] = perm[q];
      perm[q] = t;
    }

  while (start < hi)
    {
      DemoCohort cohort;
      guint32 size = rng_range (&gen->rng, 12, 140);

      size = MIN (size, hi - start);

      if (hi - start - size < 6)
        size = hi - start;

      cohort.start = start;
      cohort.size = size;
      /* Zipf-like: low indices (bigger schools) come more often. */
      cohort.school = rng_below (&gen->rng,
                                 rng_below (&gen->rng, G_N_ELEMENTS (schools)) + 1);
      cohort.year = rng_range (&gen->rng, 1988, 2023);
      for (guint32 p = start; p < start + size; p++)
        gen->cohort_of[perm[p]] = gen->cohorts->len;
      g_array_append_val (gen->cohorts, cohort);
      start += size;
    }
}

static void
name_companies (DemoGen *gen)
{
  /* A stride prime to the name space visits distinct names. */
  const guint32 stride = 7919;
  guint32 offset = rng_below (&gen->rng, N_COMPANY_NAMES);

  G_STATIC_ASSERT (N_COMPANY_NAMES % 7919 != 0);

  for (guint32 c = 0; c < gen->companies->len; c++)
    company_at (gen, c)->name =
      (guint32) (((guint64) c * stride + offset) % N_COMPANY_NAMES);
}

static void
format_company (guint32  name,
                char    *buf,
                gsize    size)
{
  guint32 head = name % G_N_ELEMENTS (brand_heads);
  guint32 tail = (name / G_N_ELEMENTS (brand_heads)) % G_N_ELEMENTS (brand_tails);
  guint32 trade = name / (G_N_ELEMENTS (brand_heads) * G_N_ELEMENTS (brand_tails));

  g_snprintf (buf, size, "%s%s %s",
              brand_heads[head], brand_tails[tail], trades[trade]);
}

/* }}} */

/* {{{ Me and my 1st degree */

static guint32
find_company (DemoGen *gen,
              guint32  min_size,
              guint32  max_size,
              guint32  avoid)
{
  guint32 n_main = 0, best = G_MAXUINT32, start;

  while (n_main < gen->companies->len &&
         company_at (gen, n_main)->start < gen->main_end)
    n_main++;

  start = rng_below (&gen->rng, n_main);
  for (guint32 k = 0; k < n_main; k++)
    {
      guint32 c = (start + k) % n_main;
      guint32 size = company_at (gen, c)->size;

      if (c == avoid)
        continue;
      if (size >= min_size && size <= max_size)
        return c;
      if (best == G_MAXUINT32 || size > company_at (gen, best)->size)
        best = c;
    }
  return best != G_MAXUINT32 ? best : avoid;
}

static void
add_first (DemoGen *gen,
           guint32  person,
           guint    percent_with_strength,
           guint    strength_lo,
           guint    strength_hi)
{
  DemoFirst first;

  gen->marks[person] |= MARK_FIRST;
  first.person = person;
  first.day = rng_below (&gen->rng, FIRST_DATE_SPAN);
  if (rng_percent (&gen->rng, percent_with_strength))
    first.strength = rng_range (&gen->rng, strength_lo, strength_hi);
  else
    first.strength = STRENGTH_NONE;
  g_array_append_val (gen->firsts, first);
}

/* Draws up to @want new 1st-degree people among @people[0..n-1] (or the
 * ids lo..lo+n-1 when @people is NULL). */
static void
pick_firsts (DemoGen        *gen,
             const guint32  *people,
             guint32         lo,
             guint32         n,
             guint32         want,
             guint           percent_with_strength,
             guint           strength_lo,
             guint           strength_hi)
{
  guint32 got = 0;

  for (guint32 tries = 0; got < want && tries < 4 * want + 8; tries++)
    {
      guint32 k = rng_below (&gen->rng, n);
      guint32 person = people != NULL ? people[lo + k] : lo + k;

      if (person == 0 || person >= gen->main_end ||
          (gen->marks[person] & MARK_FIRST) != 0)
        continue;
      add_first (gen, person, percent_with_strength, strength_lo, strength_hi);
      got++;
    }
}

static void
choose_firsts (DemoGen *gen)
{
  guint32 target = CLAMP (isqrt32 (9 * gen->n) / 2, 30, 2000);
  guint32 n_former, former_each;
  DemoCompany *mine;
  DemoCohort *cohort;

  target = MIN (target, gen->main_end - 1);

  gen->my_company = find_company (gen, 30, 600, G_MAXUINT32);
  mine = company_at (gen, gen->my_company);
  pick_firsts (gen, NULL, mine->start, mine->size, target * 35 / 100,
               70, 55, 100);

  /* A cohort from the main component, of a decent size. */
  gen->my_cohort = gen->cohort_of[1 + rng_below (&gen->rng, gen->main_end - 1)];
  cohort = cohort_at (gen, gen->my_cohort);
  pick_firsts (gen, gen->cohort_perm, cohort->start, cohort->size,
               target * 20 / 100, 60, 40, 90);

  /* Former employers. */
  n_former = rng_range (&gen->rng, 2, 4);
  former_each = target * 30 / 100 / n_former;
  for (guint i = 0; i < n_former; i++)
    {
      guint32 c = find_company (gen, 10, 2000, gen->my_company);
      DemoCompany *former = company_at (gen, c);

      pick_firsts (gen, NULL, former->start, former->size, former_each,
                   50, 30, 80);
    }

  /* And people met anywhere else. */
  if (gen->firsts->len < target)
    pick_firsts (gen, NULL, 1, gen->main_end - 1, target - gen->firsts->len,
                 30, 5, 50);
}

/* }}} */

/* {{{ People */

static const char *
slug_of (DemoGen    *gen,
         const char *name)
{
  char *slug = g_hash_table_lookup (gen->slugs, name);

  if (slug == NULL)
    {
      g_autofree char *ascii = g_str_to_ascii (name, "C");
      gsize len = 0;

      slug = g_malloc (strlen (ascii) + 1);
      for (const char *s = ascii; *s != '\0'; s++)
        {
          if (g_ascii_isalnum (*s))
            slug[len++] = g_ascii_tolower (*s);
          else if ((*s == ' ' || *s == '-') && len > 0 && slug[len - 1] != '-')
            slug[len++] = '-';
          /* Apostrophes and the rest vanish: N'Diaye -> ndiaye. */
        }
      while (len > 0 && slug[len - 1] == '-')
        len--;
      slug[len] = '\0';
      g_hash_table_insert (gen->slugs, (char *) name, slug);
    }
  return slug;
}

/* A bijection on key_bits bits, so that suffixes never collide. */
static guint32
key_suffix (DemoGen *gen,
            guint32  person)
{
  guint32 mask = (1u << gen->key_bits) - 1;
  guint half = gen->key_bits / 2;
  guint32 x = (person + gen->key_offset) & mask;

  x = (x * 0x2C9Fu + 0x1B3u) & mask;
  x ^= x >> half;
  x = (x * 0x7A35u) & mask;
  x ^= x >> (half - 1);
  return x;
}

static const char *
pick (DemoRng        *rng,
      const DemoList *list)
{
  return list->items[rng_below (rng, list->n)];
}

static const DemoOrigin *
pick_origin (DemoRng *rng)
{
  guint32 r = rng_below (rng, 1000);

  for (guint i = 0; i < G_N_ELEMENTS (origins); i++)
    {
      if (r < origins[i].weight)
        return &origins[i];
      r -= origins[i].weight;
    }
  return &origins[0];
}

static const char *
pick_position (DemoGen    *gen,
               DemoGender  gender)
{
  for (;;)
    {
      guint32 r = rng_below (&gen->rng, gen->position_total);

      for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
        {
          if (r < positions[i].weight)
            {
              if (positions[i].gender == GENDER_ANY ||
                  positions[i].gender == gender)
                return positions[i].title;
              break;
            }
          r -= positions[i].weight;
        }
    }
}

static void
format_date (guint  day,
             char  *buf,
             gsize  size)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, G_DATE_JANUARY, FIRST_DATE_YEAR);
  g_date_add_days (&date, day);
  g_snprintf (buf, size, "%04u-%02u-%02u",
              (guint) g_date_get_year (&date),
              (guint) g_date_get_month (&date),
              (guint) g_date_get_day (&date));
}

static gboolean
insert_me (DemoGen       *gen,
           CirclesStore  *store,
           GError       **error)
{
  CirclesPersonFields fields = { 0 };
  DemoCompany *mine = company_at (gen, gen->my_company);
  DemoCohort *cohort = cohort_at (gen, gen->my_cohort);
  char company[96];
  g_autofree char *notes = NULL;

  format_company (mine->name, company, sizeof company);
  notes = g_strdup_printf ("Formation : %s (%u)", schools[cohort->school],
                           (guint) cohort->year);

  gen->ids[0] = circles_store_ensure_person (store, "me", error);
  if (gen->ids[0] < 0)
    return FALSE;

  fields.display_name = "Alex Morel";
  fields.first_name = "Alex";
  fields.last_name = "Morel";
  fields.position = "Business Developer";
  fields.company = company;
  fields.location = places[mine->place].name;
  fields.profile_url = "https://profiles.example/in/alex-morel";
  fields.notes = notes;
  return circles_store_update_person (store, gen->ids[0], &fields, error) &&
         circles_store_set_me (store, gen->ids[0], error);
}

static gboolean
insert_people (DemoGen       *gen,
               CirclesStore  *store,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autofree guint16 *first_day = g_new0 (guint16, gen->n);

  /* Days are stored + 1 so that 0 means "not 1st degree". */
  for (guint i = 0; i < gen->firsts->len; i++)
    {
      DemoFirst *first = &g_array_index (gen->firsts, DemoFirst, i);

      first_day[first->person] = first->day + 1;
    }

  if (!insert_me (gen, store, error))
    return FALSE;

  for (guint32 p = 1; p < gen->n; p++)
    {
      CirclesPersonFields fields = { 0 };
      const DemoOrigin *origin = pick_origin (&gen->rng);
      const DemoOrigin *last_origin = origin;
      DemoCompany *company = company_at (gen, gen->company_of[p]);
      DemoCohort *cohort = cohort_at (gen, gen->cohort_of[p]);
      gboolean female = rng_percent (&gen->rng, 50);
      const char *first_name, *last_name;
      char key[128], display[128], url[192], company_name[96], notes[160];
      char date[16];
      guint32 place;

      if ((p & 0xfff) == 0 &&
          g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      /* One in ten has a family name from another origin. */
      if (rng_percent (&gen->rng, 10))
        last_origin = pick_origin (&gen->rng);
      first_name = pick (&gen->rng, female ? &origin->female : &origin->male);
      last_name = pick (&gen->rng, &last_origin->last);

      g_snprintf (key, sizeof key, "%s-%s-%0*x",
                  slug_of (gen, first_name), slug_of (gen, last_name),
                  (int) (gen->key_bits / 4), key_suffix (gen, p));
      g_snprintf (display, sizeof display, "%s %s", first_name, last_name);
      g_snprintf (url, sizeof url, "https://profiles.example/in/%s", key);

      /* Three in a hundred work on their own now. */
      if (rng_percent (&gen->rng, 3))
        g_strlcpy (company_name, rng_percent (&gen->rng, 50) ?
                   "Freelance" : "Indépendant", sizeof company_name);
      else
        format_company (company->name, company_name, sizeof company_name);

      /* Most work where their company is. */
      place = rng_percent (&gen->rng, 80) ? company->place : draw_place (gen);
      g_snprintf (notes, sizeof notes, "Formation : %s (%u)",
                  schools[cohort->school], (guint) cohort->year);

      fields.display_name = display;
      fields.first_name = first_name;
      fields.last_name = last_name;
      fields.position = pick_position (gen, female ? GENDER_FEMALE : GENDER_MALE);
      fields.company = company_name;
      fields.location = places[place].name;
      fields.profile_url = url;
      fields.notes = notes;
      if (first_day[p] != 0)
        {
          format_date (first_day[p] - 1, date, sizeof date);
          fields.connected_on = date;
        }

      gen->ids[p] = circles_store_ensure_person (store, key, error);
      if (gen->ids[p] < 0 ||
          !circles_store_update_person (store, gen->ids[p], &fields, error))
        return FALSE;
    }

  return TRUE;
}

/* }}} */

/* {{{ Connections */

static inline void
push_edge (DemoGen *gen,
           guint32  a,
           guint32  b,
           guint    strength)
{
  if (a == b)
    return;
  if (a > b)
    {
      guint32 t = a;
      a = b;
      b = t;
    }
  if (gen->n_edges == gen->edges_allocated)
    {
      gen->edges_allocated = MAX (1024, gen->edges_allocated + gen->edges_allocated / 2);
      gen->edges = g_renew (guint64, gen->edges, gen->edges_allocated);
    }
  gen->edges[gen->n_edges++] = (guint64) a << 28 | (guint64) b << 8 | strength;
}

static inline guint
draw_strength (DemoRng *rng,
               guint    percent_with_strength,
               guint    lo,
               guint    hi)
{
  if (rng_percent (rng, percent_with_strength))
    return rng_range (rng, lo, hi);
  return STRENGTH_NONE;
}

/* Everyone's connections but mine, for people lo..hi-1 (one component). */
static void
generate_edges (DemoGen *gen,
                guint32  lo,
                guint32  hi)
{
  DemoRng *rng = &gen->rng;
  guint hub_hi = CLAMP ((hi - lo) / 40, 20, 1500);
  guint hub_lo = hub_hi / 4;
  /* About 2.8 connections per person go to hubs, whatever the size. */
  guint hubs_per_100k = MIN (280000 / ((hub_lo + hub_hi) / 2), 20000);

  for (guint32 p = lo; p < hi; p++)
    {
      DemoCompany *company = company_at (gen, gen->company_of[p]);
      DemoCohort *cohort = cohort_at (gen, gen->cohort_of[p]);
      guint n_colleagues = rng_range (rng, 3, 6);
      guint n_mates = rng_range (rng, 1, 4);
      guint n_far = rng_below (rng, 3);

      /* Colleagues: mostly the team around, sometimes anyone. */
      for (guint k = 0; k < n_colleagues && company->size > 1; k++)
        {
          guint32 q;

          if (company->size > 60 && rng_percent (rng, 75))
            {
              guint32 lo_team = p >= company->start + 25 ? p - 25 : company->start;
              guint32 hi_team = MIN (p + 25, company->start + company->size - 1);

              q = rng_range (rng, lo_team, hi_team);
            }
          else
            q = company->start + rng_below (rng, company->size);
          push_edge (gen, p, q, draw_strength (rng, 60, 45, 95));
        }

      /* Schoolmates. */
      for (guint k = 0; k < n_mates && cohort->size > 1; k++)
        {
          guint32 q = gen->cohort_perm[cohort->start + rng_below (rng, cohort->size)];

          push_edge (gen, p, q, draw_strength (rng, 50, 25, 75));
        }

      /* People met anywhere; a few are connectors (recruiters,
       * salespeople) who know people everywhere: these hubs keep the 3rd
       * degree the big ring, as in a real network. */
      if (rng_below (rng, 100000) < hubs_per_100k)
        n_far += rng_range (rng, hub_lo, hub_hi);
      for (guint k = 0; k < n_far; k++)
        {
          /* Two statements: argument evaluation order is unspecified. */
          guint32 q = lo + rng_below (rng, hi - lo);

          push_edge (gen, p, q, draw_strength (rng, 25, 5, 40));
        }
    }
}

/* Stable LSD radix sort on the (a, b) part, then duplicates out (the
 * first drawn wins). */
static void
sort_edges (DemoGen *gen)
{
  g_autofree guint64 *tmp = g_new (guint64, MAX (gen->n_edges, 1));
  g_autofree gsize *count = g_new (gsize, 1 << 14);
  guint64 *src = gen->edges, *dst = tmp;
  gsize n_out = 0;

  for (guint shift = 8; shift < 48; shift += 14)
    {
      gsize sum = 0;

      memset (count, 0, sizeof (gsize) << 14);
      for (gsize i = 0; i < gen->n_edges; i++)
        count[(src[i] >> shift) & 0x3fff]++;
      for (guint d = 0; d < 1 << 14; d++)
        {
          gsize c = count[d];

          count[d] = sum;
          sum += c;
        }
      for (gsize i = 0; i < gen->n_edges; i++)
        dst[count[(src[i] >> shift) & 0x3fff]++] = src[i];

      {
        guint64 *t = src;
        src = dst;
        dst = t;
      }
    }

  /* Three passes: the sorted data is in tmp. */
  for (gsize i = 0; i < gen->n_edges; i++)
    if (n_out == 0 || (src[i] >> 8) != (src[n_out - 1] >> 8))
      src[n_out++] = src[i];

  if (src != gen->edges)
    {
      g_free (gen->edges);
      gen->edges = g_steal_pointer (&tmp);
    }
  gen->n_edges = n_out;
}

static gboolean
insert_edges (DemoGen       *gen,
              CirclesStore  *store,
              GCancellable  *cancellable,
              GError       **error)
{
  /* Mine first, with the date we connected. */
  for (guint i = 0; i < gen->firsts->len; i++)
    {
      DemoFirst *first = &g_array_index (gen->firsts, DemoFirst, i);
      char date[16];

      format_date (first->day, date, sizeof date);
      if (!circles_store_add_connection (store, gen->ids[0],
                                         gen->ids[first->person],
                                         first->strength == STRENGTH_NONE ?
                                         -1.0 : first->strength / 100.0,
                                         date, error))
        return FALSE;
    }

  for (gsize i = 0; i < gen->n_edges; i++)
    {
      guint64 e = gen->edges[i];
      guint strength = e & 0xff;

      if ((i & 0xffff) == 0 &&
          g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      if (!circles_store_add_connection (store,
                                         gen->ids[e >> 28],
                                         gen->ids[(e >> 8) & 0xfffff],
                                         strength == STRENGTH_NONE ?
                                         -1.0 : strength / 100.0,
                                         NULL, error))
        return FALSE;
    }

  return TRUE;
}

/* }}} */

/* {{{ Followers and groups */

static gboolean
insert_followers (DemoGen       *gen,
                  CirclesStore  *store,
                  GError       **error)
{
  guint32 want = MAX (2, gen->n / 50);
  guint32 n_out = gen->n - gen->main_end;
  guint32 got = 0;

  for (guint32 tries = 0; got < want && tries < 8 * want; tries++)
    {
      guint32 p;

      /* Three in ten come from outside my component. */
      if (rng_percent (&gen->rng, 30))
        p = gen->main_end + rng_below (&gen->rng, n_out);
      else
        p = 1 + rng_below (&gen->rng, gen->main_end - 1);

      if ((gen->marks[p] & (MARK_FIRST | MARK_FOLLOWER)) != 0)
        continue;
      gen->marks[p] |= MARK_FOLLOWER;
      got++;
      if (!circles_store_add_follow (store, gen->ids[p], gen->ids[0], error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
insert_groups (DemoGen       *gen,
               CirclesStore  *store,
               GError       **error)
{
  g_autofree guint8 *stamp = g_new0 (guint8, gen->n);
  gboolean mine[G_N_ELEMENTS (group_names)] = { FALSE, };
  guint32 n_out = gen->n - gen->main_end;

  G_STATIC_ASSERT (G_N_ELEMENTS (group_names) < 255);

  for (guint k = 0; k < N_MY_GROUPS; )
    {
      guint g = rng_below (&gen->rng, G_N_ELEMENTS (group_names));

      if (!mine[g])
        {
          mine[g] = TRUE;
          k++;
        }
    }

  for (guint g = 0; g < G_N_ELEMENTS (group_names); g++)
    {
      guint32 per_mille = rng_range (&gen->rng, 2, 40);
      guint32 size = (guint32) ((guint64) gen->n * per_mille / 1000);
      guint32 got = 0;
      gint64 group;

      size = CLAMP (size, 3, gen->n / 2);
      group = circles_store_ensure_group (store, group_names[g], error);
      if (group < 0)
        return FALSE;
      if (mine[g] && !circles_store_add_membership (store, group, gen->ids[0], error))
        return FALSE;

      for (guint32 tries = 0; got < size && tries < 8 * size; tries++)
        {
          guint32 p;

          /* My groups reach a little outside my component. */
          if (mine[g] && rng_percent (&gen->rng, 15))
            p = gen->main_end + rng_below (&gen->rng, n_out);
          else
            p = 1 + rng_below (&gen->rng, gen->n - 1);

          if (stamp[p] == g + 1)
            continue;
          stamp[p] = g + 1;
          got++;
          if (!circles_store_add_membership (store, group, gen->ids[p], error))
            return FALSE;
        }
    }

  return TRUE;
}

/* }}} */

static gboolean
demo_fill (DemoGen       *gen,
           CirclesStore  *store,
           GCancellable  *cancellable,
           GError       **error)
{
  gint64 t0 = g_get_monotonic_time ();

  if (!insert_people (gen, store, cancellable, error))
    return FALSE;
  g_debug ("%u people in %.2f s", gen->n,
           (g_get_monotonic_time () - t0) / 1e6);

  generate_edges (gen, 1, gen->main_end);
  generate_edges (gen, gen->main_end, gen->n);
  sort_edges (gen);
  g_debug ("%" G_GSIZE_FORMAT " connections drawn in %.2f s", gen->n_edges,
           (g_get_monotonic_time () - t0) / 1e6);

  if (!insert_edges (gen, store, cancellable, error))
    return FALSE;
  g_debug ("connections stored in %.2f s",
           (g_get_monotonic_time () - t0) / 1e6);

  return insert_followers (gen, store, error) &&
         insert_groups (gen, store, error) &&
         !g_cancellable_set_error_if_cancelled (cancellable, error);
}

static gboolean
generate (CirclesStore  *store,
          guint          n_people,
          guint64        seed,
          GCancellable  *cancellable,
          GError       **error)
{
  g_auto(DemoGen) gen = { 0 };
  guint32 n_out;

  if (n_people < CIRCLES_DEMO_MIN_PEOPLE || n_people > CIRCLES_DEMO_MAX_PEOPLE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("A demo network has between %u and %u people, not %u"),
                   CIRCLES_DEMO_MIN_PEOPLE, CIRCLES_DEMO_MAX_PEOPLE, n_people);
      return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* The packed connections hold ids on 20 bits. */
  G_STATIC_ASSERT (CIRCLES_DEMO_MAX_PEOPLE <= (1u << 20));

  rng_init (&gen.rng, seed);
  gen.n = n_people;
  n_out = MAX (4, n_people / 25);
  gen.main_end = n_people - n_out;
  gen.key_bits = n_people <= (1u << 16) ? 16 : 20;
  gen.key_offset = (guint32) rng_next (&gen.rng);
  for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
    gen.position_total += positions[i].weight;
  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    gen.place_total += places[i].weight;

  gen.companies = g_array_new (FALSE, FALSE, sizeof (DemoCompany));
  gen.company_of = g_new0 (guint32, n_people);
  gen.cohorts = g_array_new (FALSE, FALSE, sizeof (DemoCohort));
  gen.cohort_perm = g_new0 (guint32, n_people);
  gen.cohort_of = g_new0 (guint32, n_people);
  gen.marks = g_new0 (guint8, n_people);
  gen.firsts = g_array_new (FALSE, FALSE, sizeof (DemoFirst));
  gen.ids = g_new0 (gint64, n_people);
  gen.slugs = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  gen.edges_allocated = (gsize) n_people * 11;
  gen.edges = g_new (guint64, gen.edges_allocated);

  /* Main component 1..main_end-1, the others main_end..n-1; me is 0. */
  partition_companies (&gen, 1, gen.main_end);
  partition_companies (&gen, gen.main_end, n_people);
  name_companies (&gen);
  partition_cohorts (&gen, 1, gen.main_end);
  partition_cohorts (&gen, gen.main_end, n_people);
  choose_firsts (&gen);
  gen.company_of[0] = gen.my_company;
  gen.cohort_of[0] = gen.my_cohort;

  if (!circles_store_begin (store, error))
    return FALSE;

  if (!circles_store_begin_source (store, &(CirclesSourceInfo) { .format = "demo" }, error) ||
      !demo_fill (&gen, store, cancellable, error) ||
      !circles_store_commit (store, error))
    {
      if (circles_store_in_transaction (store))
        circles_store_rollback (store);
      return FALSE;
    }

  return TRUE;
}

gboolean
circles_demo_generate (CirclesStore  *store,
                       guint          n_people,
                       guint64        seed,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_return_val_if_fail (CIRCLES_IS_STORE (store), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!generate (store, n_people, seed, cancellable, error))
    return FALSE;

  /* As an import does, once the generator's memory is given back: the
   * first opening maps the network. Best effort: what was committed
   * stands. */
  circles_network_save_snapshot (store, NULL, NULL);
  return TRUE;
}
