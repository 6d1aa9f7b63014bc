//! What a number measures, in general news English: the event roles a sentence gives a figure
//! (killed → deaths, injured → injured, voted against → votes against, paid → price), the person
//! nouns that count people in general and those that count a subset of them (women, children,
//! foreigners), the demonyms that tie a count to a country, the words that attribute a figure to
//! someone (according to, said, estimated), the words that make a figure a projection or a plan
//! rather than an actual count, the parts a sum of money is made of, and the words the measure
//! scan steps over (auxiliaries, level verbs, determiners) or stops at (clause openers).
//!
//! Every table is sorted by its first column and looked up by binary search; a word is one row.
//! The tables the measure scan asks of many words (demonyms, countries, person nouns) are read
//! through a [`WordIndex`] built from them at compile time: one hash, no string compare. The
//! word classes the scan lists words by, with the function- and number-word flags of
//! `super::words`, are one packed table, the lexicon the tokenizer asks once per word.
//! Forms are written out (killed, killing, kills) rather than stemmed, so a row says exactly what
//! it matches. Nothing here is about one story: these are the words any report of a disaster,
//! a vote, a deal or a mission uses.

use super::starts;
use crate::text::fold::pack16_fast;
use crate::text::packed::{PackedBits, WordIndex, slots_for};

/// A word (lowercase) that gives the figure next to it an event role, with that role.
pub const ROLE_WORDS: &[(&str, &str)] = &[
    ("abstained", "abstained"),
    ("acquire", "deal_value"),
    ("acquired", "deal_value"),
    ("acquires", "deal_value"),
    ("acquiring", "deal_value"),
    ("acquisition", "deal_value"),
    ("against", "votes_against"),
    ("approved", "votes_for"),
    ("arrested", "arrested"),
    ("arrests", "arrested"),
    ("attended", "attended"),
    ("attendees", "attended"),
    ("ballots", "votes_cast"),
    // Bodies found, at a morgue, sent home: a count of its own, not the toll.
    ("bodies", "bodies"),
    ("bought", "deal_value"),
    ("budget", "cost"),
    ("buy", "deal_value"),
    ("buying", "deal_value"),
    ("buys", "deal_value"),
    ("casualties", "deaths"),
    ("company", "staff"),
    ("condition", "serious_condition"),
    ("cost", "cost"),
    ("costing", "cost"),
    ("costs", "cost"),
    ("counted", "counted"),
    ("critical", "serious_condition"),
    ("critically", "serious_condition"),
    ("dead", "deaths"),
    ("death", "deaths"),
    ("deaths", "deaths"),
    ("deployed", "deployed"),
    ("detained", "arrested"),
    ("die", "deaths"),
    ("died", "deaths"),
    ("dies", "deaths"),
    ("difference", "margin"),
    ("displaced", "displaced"),
    ("dying", "deaths"),
    ("electorate", "eligible"),
    ("eligible", "eligible"),
    ("employees", "staff"),
    ("employs", "staff"),
    // "A margin of error of 3 points": the precision of a poll, not a winning margin.
    ("error", "margin_of_error"),
    ("evacuated", "displaced"),
    ("fatalities", "deaths"),
    ("fatality", "deaths"),
    ("flocked", "attended"),
    ("gathered", "attended"),
    ("homeless", "displaced"),
    ("hospitalised", "hospitalized"),
    ("hospitalized", "hospitalized"),
    ("hurt", "injured"),
    ("inhabitants", "population"),
    ("injured", "injured"),
    ("injuries", "injured"),
    ("injuring", "injured"),
    ("kill", "deaths"),
    ("killed", "deaths"),
    ("killing", "deaths"),
    ("kills", "deaths"),
    ("lives", "deaths"),
    ("margin", "margin"),
    ("minor", "minor_injuries"),
    ("missing", "missing"),
    ("paid", "deal_value"),
    ("participants", "attended"),
    ("participating", "turnout"),
    ("participation", "turnout"),
    ("pay", "deal_value"),
    ("paying", "deal_value"),
    ("pays", "deal_value"),
    ("perished", "deaths"),
    ("population", "population"),
    ("price", "cost"),
    ("priced", "cost"),
    ("purchase", "deal_value"),
    ("purchased", "deal_value"),
    ("purchases", "deal_value"),
    ("rejected", "votes_against"),
    ("rejecting", "votes_against"),
    ("rescued", "rescued"),
    ("residents", "population"),
    ("sold", "deal_value"),
    ("spent", "cost"),
    ("staff", "staff"),
    ("team", "staff"),
    ("toll", "deaths"),
    ("treated", "treated"),
    ("treating", "treated"),
    ("turnout", "turnout"),
    ("users", "users"),
    ("valued", "cost"),
    ("vote", "votes"),
    ("voted", "votes"),
    ("voters", "voters"),
    ("votes", "votes"),
    ("voting", "votes"),
    ("workforce", "staff"),
    ("worth", "cost"),
    ("wounded", "injured"),
    ("wounding", "injured"),
];

/// Words that give a figure its role only when they govern it from the left ("a city of
/// 100,000 people", "home to 90,000", "houses 100,000", "an app used by 450 million people"),
/// never from afar: "the death toll in the city of Derna is 5,300" is no population.
pub const GOVERNOR_ROLES: &[(&str, &str)] = &[
    ("city", "population"),
    ("home", "population"),
    ("houses", "population"),
    ("town", "population"),
    ("used", "users"),
    ("village", "population"),
];

/// Nouns that count people without restricting who: "136 pilgrims", "550 Muslims", "1,081
/// people" all count the people the story is about.
pub const PERSON_GENERIC: &[&str] = &[
    "adults",
    "believers",
    "citizens",
    "civilians",
    "individuals",
    "inhabitants",
    "lives",
    "muslims",
    "nationals",
    "others",
    "participants",
    "passengers",
    "people",
    "persons",
    "pilgrims",
    "residents",
    "souls",
    "victims",
];

/// Nouns that count a subset of the people a story is about (by sex, age, origin or
/// occupation); a figure about them is a different fact from the total.
pub const PERSON_SUBSET: &[&str] = &[
    "boys",
    "children",
    "diplomats",
    "doctors",
    "elderly",
    "expatriates",
    "females",
    "firefighters",
    "foreigners",
    "girls",
    "infants",
    "journalists",
    "males",
    "men",
    "migrants",
    "minors",
    "nurses",
    "officers",
    "officials",
    "police",
    "policemen",
    "refugees",
    "soldiers",
    "spokesmen",
    "students",
    "teenagers",
    "tourists",
    "troops",
    "women",
    "workers",
];

/// Adjectives that restrict a count the way a subset noun does ("foreign victims", "female
/// students"), with the subset they name.
pub const SUBSET_ADJECTIVES: &[(&str, &str)] = &[
    ("female", "women"),
    ("foreign", "foreigners"),
    ("male", "men"),
    ("unregistered", "unregistered"),
];

/// Demonyms (adjective and plural noun forms, lowercase) and the country they name. Regular
/// plurals ("Indonesians") are the adjective plus "s" and need no row of their own.
pub const DEMONYMS: &[(&str, &str)] = &[
    ("afghan", "afghanistan"),
    ("algerian", "algeria"),
    ("american", "united states"),
    ("argentine", "argentina"),
    ("argentinian", "argentina"),
    ("australian", "australia"),
    ("austrian", "austria"),
    ("bangladeshi", "bangladesh"),
    ("belgian", "belgium"),
    ("brazilian", "brazil"),
    ("british", "united kingdom"),
    ("briton", "united kingdom"),
    ("canadian", "canada"),
    ("chilean", "chile"),
    ("chinese", "china"),
    ("colombian", "colombia"),
    ("cuban", "cuba"),
    ("danish", "denmark"),
    ("dutch", "netherlands"),
    ("egyptian", "egypt"),
    ("emirati", "united arab emirates"),
    ("english", "united kingdom"),
    ("ethiopian", "ethiopia"),
    ("filipino", "philippines"),
    ("finnish", "finland"),
    ("french", "france"),
    ("german", "germany"),
    ("greek", "greece"),
    ("indian", "india"),
    ("indonesian", "indonesia"),
    ("iranian", "iran"),
    ("iraqi", "iraq"),
    ("irish", "ireland"),
    ("israeli", "israel"),
    ("italian", "italy"),
    ("japanese", "japan"),
    ("jordanian", "jordan"),
    ("kazakh", "kazakhstan"),
    ("kenyan", "kenya"),
    ("korean", "korea"),
    ("kuwaiti", "kuwait"),
    ("kyrgyz", "kyrgyzstan"),
    ("lebanese", "lebanon"),
    ("libyan", "libya"),
    ("malaysian", "malaysia"),
    ("mexican", "mexico"),
    ("moroccan", "morocco"),
    ("nepalese", "nepal"),
    ("nepali", "nepal"),
    ("nigerian", "nigeria"),
    ("norwegian", "norway"),
    ("pakistani", "pakistan"),
    ("palestinian", "palestine"),
    ("peruvian", "peru"),
    ("polish", "poland"),
    ("portuguese", "portugal"),
    ("qatari", "qatar"),
    ("russian", "russia"),
    ("saudi", "saudi arabia"),
    ("senegalese", "senegal"),
    ("singaporean", "singapore"),
    ("somali", "somalia"),
    ("spanish", "spain"),
    ("sri lankan", "sri lanka"),
    ("sudanese", "sudan"),
    ("swedish", "sweden"),
    ("swiss", "switzerland"),
    ("syrian", "syria"),
    ("thai", "thailand"),
    ("tunisian", "tunisia"),
    ("turkish", "turkey"),
    ("ukrainian", "ukraine"),
    ("uzbek", "uzbekistan"),
    ("venezuelan", "venezuela"),
    ("vietnamese", "vietnam"),
    ("yemeni", "yemen"),
];

/// Country names (lowercase) that a count's "from X" or "X's" ties it to, beyond those the
/// demonyms name. Multi-word names are matched word by word.
pub const COUNTRIES: &[&str] = &[
    "afghanistan",
    "algeria",
    "argentina",
    "australia",
    "austria",
    "bangladesh",
    "belgium",
    "brazil",
    "britain",
    "canada",
    "chile",
    "china",
    "colombia",
    "cuba",
    "denmark",
    "egypt",
    "ethiopia",
    "finland",
    "france",
    "germany",
    "greece",
    "india",
    "indonesia",
    "iran",
    "iraq",
    "ireland",
    "israel",
    "italy",
    "japan",
    "jordan",
    "kazakhstan",
    "kenya",
    "korea",
    "kuwait",
    "kyrgyzstan",
    "lebanon",
    "libya",
    "malaysia",
    "mexico",
    "morocco",
    "nepal",
    "netherlands",
    "nigeria",
    "norway",
    "pakistan",
    "palestine",
    "peru",
    "philippines",
    "poland",
    "portugal",
    "qatar",
    "russia",
    "senegal",
    "singapore",
    "somalia",
    "spain",
    "sudan",
    "sweden",
    "switzerland",
    "syria",
    "thailand",
    "tunisia",
    "turkey",
    "ukraine",
    "uzbekistan",
    "venezuela",
    "vietnam",
    "yemen",
];

/// Countries written as acronyms ("US", "UK"), read only when written in capitals.
pub const COUNTRY_ACRONYMS: &[(&str, &str)] = &[
    ("uae", "united arab emirates"),
    ("uk", "united kingdom"),
    ("us", "united states"),
    ("usa", "united states"),
];

/// Country names written as several words, with the key the single-word names use.
pub const COUNTRY_PHRASES: &[(&str, &str)] = &[
    ("saudi arabia", "saudi arabia"),
    ("south korea", "korea"),
    ("sri lanka", "sri lanka"),
    ("united arab emirates", "united arab emirates"),
    ("united kingdom", "united kingdom"),
    ("united states", "united states"),
];

/// Verbs that attribute a figure to whoever stands next to them ("the ministry said", "said the
/// ministry", "X estimated", "X put the toll at").
pub const ATTRIBUTION_VERBS: &[&str] = &[
    "announced",
    "cited",
    "confirmed",
    "disclosed",
    "estimate",
    "estimated",
    "estimates",
    "gave",
    "gives",
    "put",
    "puts",
    "quoted",
    "quoting",
    "recorded",
    "reported",
    "reports",
    "said",
    "say",
    "says",
    "showed",
    "stated",
    "told",
];

/// Attribution verbs whose object is whom the source spoke to ("diplomats told AFP"): only the
/// phrase before them is the source.
pub const RECIPIENT_VERBS: &[&str] = &["told"];

/// Attribution verbs whose object is the source itself ("AFP quoted an Egyptian diplomat as
/// saying"): the phrase after them is the source.
pub const QUOTING_VERBS: &[&str] = &["cited", "quoted", "quoting"];

/// Phrases after which the attributed source follows ("according to the UN", "per the WHO",
/// "citing officials").
pub const ATTRIBUTION_LEADS: &[&[&str]] = &[&["according", "to"], &["cited", "by"], &["citing"]];

/// Nouns that make a figure someone's count ("an AFP tally", "WHO figures", "the government's
/// estimate"): the name before them is the attribution.
pub const ATTRIBUTION_NOUNS: &[&str] = &[
    "count", "data", "estimate", "figure", "figures", "report", "tally",
];

/// Words that open an indirect question ("could not be reached for comment on whether $19
/// billion was too much"): a modal word before them is of the clause that asks, not of the
/// figure asked about.
pub const QUESTION_OPENERS: &[&str] = &["whether"];

/// Nouns of the phrases that make a figure a goal on the way ("on a path to connect 1 billion
/// people", "on track to reach", "on course to"): [`ON`], at most one word, the noun, then
/// [`TO`]. Sorted.
pub const PATH_NOUNS: &[&str] = &["course", "path", "track"];
/// The lengths of the [`PATH_NOUNS`]: a word of another length is told without reading it.
pub const PATH_NOUN_LENGTHS: std::ops::RangeInclusive<usize> =
    shortest(PATH_NOUNS)..=longest(PATH_NOUNS);
/// The words around a [`PATH_NOUNS`] noun.
pub const ON: &str = "on";
pub const TO: &str = "to";

/// Words that make a figure a projection, a plan or a possibility rather than a count of what
/// happened ("could reach 20,000", "expected to", "the target of").
pub const MODALITY_WORDS: &[&str] = &[
    "aim",
    "aims",
    "anticipated",
    "can",
    "could",
    "expected",
    "feared",
    "forecast",
    "goal",
    "may",
    "might",
    "planned",
    "possible",
    "projected",
    "scheduled",
    "target",
    "would",
];

/// Words that make a source's figure unconfirmed ("unconfirmed and unofficial reports
/// estimated that the death toll was as high as 900"): another fact than the confirmed count.
/// Sorted.
pub const UNCONFIRMED_WORDS: &[&str] = &["unconfirmed", "unofficial", "unverified"];

/// True when `w` is one of [`UNCONFIRMED_WORDS`].
pub fn is_unconfirmed_word(w: &str) -> bool {
    has(UNCONFIRMED_WORDS, w)
}

/// The length in bytes of the shortest word of [`UNCONFIRMED_WORDS`], which a scan tests first.
pub const UNCONFIRMED_MIN_LEN: usize = shortest(UNCONFIRMED_WORDS);

/// The length in bytes of the shortest of `words` (0 for none): the length test a scan makes
/// before it looks a token up, kept from the list itself.
const fn shortest(words: &[&str]) -> usize {
    let mut min = usize::MAX;
    let mut i = 0;
    while i < words.len() {
        if words[i].len() < min {
            min = words[i].len();
        }
        i += 1;
    }
    if words.is_empty() { 0 } else { min }
}

/// The length in bytes of the longest word of `words` (0 for none).
const fn longest(words: &[&str]) -> usize {
    let mut max = 0;
    let mut i = 0;
    while i < words.len() {
        if words[i].len() > max {
            max = words[i].len();
        }
        i += 1;
    }
    max
}

/// The scope value of an unconfirmed figure (`modality:unconfirmed`), and its label.
pub const UNCONFIRMED: &str = "unconfirmed";

/// Words that, after a hyphen, make the word before them a cause ("heat-related deaths",
/// "storm-linked damage"): a count of one cause is a part of the whole. Sorted.
pub const CAUSE_SUFFIXES: &[&str] = &["linked", "related"];

/// True when `w` is one of [`CAUSE_SUFFIXES`].
pub fn is_cause_suffix(w: &str) -> bool {
    has(CAUSE_SUFFIXES, w)
}

/// The auxiliaries of the future ("will be joining the landing on August 23"): a date they
/// govern is a schedule, not the day it happened. Only dates: a price "will pay $19 billion"
/// states is the price paid. Sorted.
pub const FUTURE_AUXILIARIES: &[&str] = &["will"];

/// The length in bytes of every word of [`FUTURE_AUXILIARIES`] (a test holds them to one
/// length), which a scan tests first.
pub const FUTURE_AUXILIARY_LEN: usize = shortest(FUTURE_AUXILIARIES);

/// True when `w` is one of [`FUTURE_AUXILIARIES`].
pub fn is_future_auxiliary(w: &str) -> bool {
    has(FUTURE_AUXILIARIES, w)
}

/// Words that make what follows them in their sentence a condition, not a fact ("should the
/// deal fail, Facebook will pay $1bn", "if it doesn't go through"): they reach across commas,
/// unlike [`MODALITY_WORDS`].
pub const CONDITIONALS: &[&str] = &["if", "should", "unless"];

/// The parts a sum of money is made of ("$4 billion in cash and $12 billion in stock"), with the
/// part they name; a sum that leaves a part out ("Rs 250 crore (excluding launch costs)") is
/// the net part.
pub const MONEY_PARTS: &[(&str, &str)] = &[
    ("breakup", "fee"),
    ("cash", "cash"),
    ("equity", "stock"),
    ("excluded", "net"),
    ("excludes", "net"),
    ("excluding", "net"),
    ("fee", "fee"),
    ("restricted", "restricted_stock"),
    ("shares", "stock"),
    ("stock", "stock"),
];

/// Words right before a sum that make it an addition to another rather than a whole ("an
/// additional $3 billion", "a further $2m", "plus $1bn"): a part of its own. Sorted.
pub const ADDITION_WORDS: &[&str] = &["additional", "extra", "further", "plus"];
/// The part such a sum is.
pub const ADDITION_PART: &str = "additional";

/// Words after a figure that make it a rate, a figure per unit of something ("$40 per user",
/// "for each of its users", "$5 apiece"): a price per head is another fact than the total.
/// Sorted.
pub const RATE_MARKERS: &[&str] = &["apiece", "each", "every", "per"];
/// The lengths in bytes of the words of [`RATE_MARKERS`] lie in this range: a word of another
/// length is none, told without reading it.
pub const RATE_MARKER_LENGTHS: std::ops::RangeInclusive<usize> =
    shortest(RATE_MARKERS)..=longest(RATE_MARKERS);

/// What a sum of money is the cost or the price of, when the sentence names it: the verbs
/// whose subject is that thing ("'Interstellar' cost $165 million", "Instagram, which cost less
/// than $1 billion"), the nouns whose "of"/"for" phrase names it ("the total cost of X is $V",
/// "the budget for the film X stood at $V"), the prepositions that tie a price to what it
/// buys ("acquire X for $V", "$V for X"), the relative pronoun that opens a clause about the
/// name before it ("X, which had a budget of $V", "X, that cost $V"), and the words that may
/// stand between a cost verb and its sum ("cost just $V", "cost a whopping $V"). All sorted.
pub const OWNED_VALUE_VERBS: &[&str] = &["cost", "costs"];
pub const OWNED_VALUE_NOUNS: &[&str] = &["budget", "cost", "price", "valuation"];
pub const OWNER_PREPOSITIONS: &[&str] = &["for", "of"];
pub const PRICE_PREPOSITIONS: &[&str] = &["for"];
/// A passive deal ("Zapchat was bought by Acme for $19bn"): the preposition that names the
/// buyer, and the auxiliaries stepped over back to the verb's subject, which is what is bought.
pub const AGENT_PREPOSITIONS: &[&str] = &["by"];
pub const PASSIVE_AUXILIARIES: &[&str] = &["are", "be", "been", "being", "is", "was", "were"];
pub const RELATIVE_PRONOUNS: &[&str] = &["that", "which"];
pub const OWNER_ADVERBS: &[&str] = &[
    "a",
    "also",
    "an",
    "both",
    "each",
    "estimated",
    "just",
    "mere",
    "only",
    "reportedly",
    "whopping",
];

/// Nouns a report calls its own subject by when it prices it ("the mission cost $75 million",
/// "the deal's value", "the project's budget"): not a thing of its own that the sum is the cost
/// of. Singular, sorted.
pub const OWN_SUBJECT_NOUNS: &[&str] = &[
    "acquisition",
    "company",
    "deal",
    "effort",
    "mission",
    "operation",
    "plan",
    "program",
    "programme",
    "project",
    "purchase",
    "scheme",
    "total",
    "transaction",
    "venture",
];

/// What happened on a date, from the word that governs it or stands nearest it in its clause
/// ("the launch planned for 2021", "landed on August 23", "the dams burst on Sunday"): two
/// dates of different happenings are different facts. Each form is one row; sorted.
pub const DATE_EVENTS: &[(&str, &str)] = &[
    ("announced", "announcement"),
    ("announcement", "announcement"),
    ("announces", "announcement"),
    ("arrival", "arrival"),
    ("arrived", "arrival"),
    ("arrives", "arrival"),
    ("began", "start"),
    ("begins", "start"),
    ("burst", "disaster"),
    ("captured", "capture"),
    ("collapse", "disaster"),
    ("collapsed", "disaster"),
    ("commenced", "start"),
    ("crush", "disaster"),
    ("disaster", "disaster"),
    ("earthquake", "disaster"),
    ("ended", "end"),
    ("erupted", "disaster"),
    ("established", "founding"),
    ("exploded", "disaster"),
    ("explosion", "disaster"),
    ("founded", "founding"),
    ("hit", "disaster"),
    ("inaugurated", "opening"),
    ("land", "landing"),
    ("landed", "landing"),
    ("landing", "landing"),
    ("lands", "landing"),
    ("launch", "launch"),
    ("launched", "launch"),
    ("launches", "launch"),
    ("launching", "launch"),
    ("liftoff", "launch"),
    ("opened", "opening"),
    ("published", "announcement"),
    ("quake", "disaster"),
    ("referendum", "vote"),
    ("released", "announcement"),
    ("seized", "capture"),
    ("sign", "signing"),
    ("signed", "signing"),
    ("signing", "signing"),
    // "since February 2022", "since sending troops into Ukraine in February 2022": the date
    // something ongoing began.
    ("since", "start"),
    ("started", "start"),
    ("struck", "disaster"),
    ("swept", "disaster"),
    ("touchdown", "landing"),
    // "valid until 2025", "extended until March": the date something ongoing ends.
    ("until", "end"),
    ("vote", "vote"),
    ("voted", "vote"),
    ("voting", "vote"),
];

/// The role of a value of a measured property that has one figure in a story unless its
/// scope says otherwise (the heat a heat wave reached): its kind names it.
pub const TEMPERATURE_ROLE: &str = "temperature";

/// The role of a date on which something began ([`DATE_EVENTS`]: "began", "since"); a start
/// date derived from how long something has gone on ("its 20-month war") has it too.
pub const START_ROLE: &str = "start";

/// Roles of which a story may give several figures (many things begin and end), so that sharing one
/// makes two claims of different sources one fact only when their words meet as well (a
/// positive similarity): "its 20-month war" (began 2022-02 ± 1 month) and "since sending
/// Russian troops into Ukraine in February 2022", not "meetings held since February 2022".
/// Sorted.
pub const WORDED_ROLES: &[&str] = &[END_ROLE, START_ROLE];

/// The role of a date on which something ongoing ends ([`DATE_EVENTS`]: "ended", "until"):
/// many things end, so it is worded like [`START_ROLE`].
pub const END_ROLE: &str = "end";

/// Which extent a length measures, from the adjective after it ("5.7 meters long", "a
/// 3.2-meter-wide alley") or the noun before its "of" ("at a depth of 10 km"): a width and a
/// length of one alley are different facts. Sorted.
pub const EXTENT_WORDS: &[(&str, &str)] = &[
    ("altitude", "height"),
    ("deep", "depth"),
    ("depth", "depth"),
    ("elevation", "height"),
    ("height", "height"),
    ("high", "height"),
    ("length", "length"),
    ("long", "length"),
    ("tall", "height"),
    ("thick", "thickness"),
    ("thickness", "thickness"),
    ("wide", "width"),
    ("width", "width"),
];

/// The extent a length written before a thing measures when no adjective says it ("a 40-metre
/// back alley" is the alley's length, "a 100-foot tower" its height). Sorted.
pub const EXTENT_NOUNS: &[(&str, &str)] = &[
    ("alley", "length"),
    ("bridge", "length"),
    ("canal", "length"),
    ("corridor", "length"),
    ("highway", "length"),
    ("lane", "length"),
    ("passage", "length"),
    ("path", "length"),
    ("pipeline", "length"),
    ("road", "length"),
    ("route", "length"),
    ("runway", "length"),
    ("street", "length"),
    ("tower", "height"),
    ("trail", "length"),
    ("tunnel", "length"),
    ("wall", "height"),
];

/// What a duration is the length of, from the noun after it ("the 52-year armed conflict",
/// "four years of negotiations", "a 41-day voyage"; the verb before it is in
/// [`DURATION_VERBS`]): the lengths of a war and of its peace talks are different facts.
/// Sorted.
pub const DURATION_EVENTS: &[(&str, &str)] = &[
    ("conflict", "conflict"),
    ("conflicts", "conflict"),
    ("fighting", "conflict"),
    ("imprisonment", "sentence"),
    ("insurgency", "conflict"),
    ("jail", "sentence"),
    ("journey", "journey"),
    ("negotiation", "negotiation"),
    ("negotiations", "negotiation"),
    ("presidency", "tenure"),
    ("prison", "sentence"),
    ("reign", "tenure"),
    ("rule", "tenure"),
    ("sentence", "sentence"),
    ("talks", "negotiation"),
    ("tenure", "tenure"),
    ("trip", "journey"),
    ("violence", "conflict"),
    ("voyage", "journey"),
    ("war", "conflict"),
    ("wars", "conflict"),
];

/// Rate markers the unit follows right away ("per user", "every voter"); after the others it
/// follows "of" ("each of its users") or not at all ("four each", "$5 apiece"). Sorted.
pub const RATE_MARKERS_WITH_UNIT: &[&str] = &["every", "per"];

/// The unit of a rate whose marker names none ("four each", "$5 apiece").
pub const RATE_EACH: &str = "each";

/// Words before a figure's role that make it an increment, not the total ("the new deaths
/// reported included 58", "additional fatalities"): a change is another fact than the level.
pub const INCREMENTS: &[&str] = &["additional", "extra", "further", "new"];

/// Words next to a vote that say which side it went to ("voting against", "the 'yes' vote").
pub const VOTE_SIDES: &[(&str, &str)] = &[
    ("against", "votes_against"),
    ("favor", "votes_for"),
    ("favour", "votes_for"),
    ("for", "votes_for"),
    ("no", "votes_against"),
    ("opposed", "votes_against"),
    ("yes", "votes_for"),
];

/// Two shares joined as a result ("edged out the 'Yes' vote, 50.2% to 49.7%", "were opposed,
/// 61% to 39%"): the words that join them, the side words that are prepositions too and so
/// name no side there ("support for"), and each side's opposite. Sorted.
pub const PAIR_JOINERS: &[&str] = &["to", "versus", "vs"];
pub const PREPOSITION_SIDES: &[&str] = &["for"];
pub const OPPOSITE_SIDES: &[(&str, &str)] = &[
    ("votes_against", "votes_for"),
    ("votes_for", "votes_against"),
];

/// Words that put a figure in another place than the story's own ("170 others … elsewhere in
/// eastern Libya", "died outside the city"; "in nearby Mina", "in neighbouring Chad": those of
/// [`PLACE_ADJECTIVES`] only before a name).
pub const ELSEWHERE: &[&str] = &[
    "beyond",
    "elsewhere",
    "nearby",
    "neighboring",
    "neighbouring",
    "outside",
];

/// Words of [`ELSEWHERE`] that put a figure in another place only before the place's name
/// ("in nearby Mina"; not "a nearby hospital"). Sorted.
pub const PLACE_ADJECTIVES: &[&str] = &["nearby", "neighboring", "neighbouring"];

/// True when `w` is one of [`PLACE_ADJECTIVES`].
pub fn is_place_adjective(w: &str) -> bool {
    has(PLACE_ADJECTIVES, w)
}

/// Nouns that name a source of figures without a name ("the government said", "officials
/// estimated", "the mayor put the toll at").
pub const SOURCE_NOUNS: &[&str] = &[
    "activists",
    "agency",
    "analysts",
    "army",
    "authorities",
    "authority",
    "coastguard",
    "commission",
    "committee",
    "council",
    "department",
    "diplomat",
    "diplomats",
    "doctors",
    "experts",
    "firefighters",
    "government",
    "governor",
    "hospital",
    "hospitals",
    "mayor",
    "medics",
    "military",
    "minister",
    "ministry",
    "monitors",
    "office",
    "officers",
    "official",
    "officials",
    "organisers",
    "organizers",
    "paramedics",
    "police",
    "president",
    "prosecutor",
    "rescuers",
    "researchers",
    "residents",
    "scientists",
    "service",
    "spokesman",
    "spokespeople",
    "spokesperson",
    "spokeswoman",
    "survivors",
    "witnesses",
    "workers",
];

/// Verbs of a running figure ("the death toll has risen to 154", "the total exceeded 1,000"):
/// the figure's role is their subject's.
pub const LEVEL_VERBS: &[&str] = &[
    "climbed",
    "crossed",
    "exceeded",
    "hit",
    "increased",
    "jumped",
    // A gap that closes or opens ("the difference had narrowed to 59,342 votes").
    "narrowed",
    "narrows",
    "passed",
    "reached",
    "rise",
    "risen",
    "rises",
    "rose",
    "stands",
    "stood",
    "surged",
    "topped",
    "widened",
    "widens",
];

/// Verbs of a falling figure: with "by" before a value, the value is the change, not the level
/// ("fell by 3"). (A rising one uses [`LEVEL_VERBS`]: "rose by one to 158".) Sorted.
pub const DECREASE_VERBS: &[&str] = &[
    "declined",
    "decreased",
    "dipped",
    "dropped",
    "fell",
    "plummeted",
    "plunged",
    "sank",
    "shrank",
    "slid",
    "slipped",
];

/// The word that makes the value after it a change ("rose by one"), after a level or decrease
/// verb.
pub const BY: &str = super::qualifiers::BY;

/// Words after "N of" that make it a part of a whole ("97 of the dead", "two of them", "most
/// of those"), not what the number is of.
pub const PARTITIVES: &[&str] = &["all", "each", "them", "these", "those", "us", "whom"];

/// Names so common in news that two stories share them without being one event: directions,
/// titles, institutions every story may quote, wire agencies. (Countries and demonyms are in
/// [`COUNTRIES`] and [`DEMONYMS`].)
pub const COMMON_NEWS_NAMES: &[&str] = &[
    "agence",
    "agency",
    "ap",
    "associated",
    "bbc",
    "ceo",
    "chairman",
    "cnn",
    "commission",
    "council",
    "crescent",
    "cross",
    "department",
    "east",
    "eastern",
    "european",
    "federal",
    "france-presse",
    "general",
    "government",
    "health",
    "international",
    "king",
    "minister",
    "ministry",
    "national",
    "nations",
    "new",
    "north",
    "northern",
    "office",
    "organisation",
    "organization",
    "president",
    "press",
    "prime",
    "red",
    "reuters",
    "secretary",
    "south",
    "southern",
    "state",
    "states",
    "union",
    "united",
    "west",
    "western",
    "world",
    "xinhua",
];

/// The word that ties a count to a place ("deaths in the United States"), the word that ties
/// it to an origin ("138 people from Indonesia"), the copulas of "97 of the dead were women",
/// the words of a clause about an earlier time ("since 2014, when the ferry sank") and the
/// word that opens a sentence's year ("In 2012, …").
pub const PLACE_PREPOSITIONS: &[&str] = &["in"];
pub const ORIGIN_PREPOSITIONS: &[&str] = &["from"];
pub const COPULAS: &[&str] = &["are", "is", "was", "were"];
pub const BACK_REFERENCES: &[&str] = &["when", "where"];
pub const YEAR_OPENERS: &[&str] = &["in"];

/// The nouns that, after "that" or "the", point back at a country named before ("658 dead
/// from that country", "the nation's toll"). Sorted.
pub const COUNTRY_ANAPHORS: &[&str] = &["country", "nation"];
/// The determiners of such a pointer. Sorted.
pub const ANAPHOR_DETERMINERS: &[&str] = &["that", "the", "this"];

/// The quantity of every value that counts people, whatever noun counts them.
pub const PEOPLE: &str = super::nouns::PEOPLE;

/// How a fact's label names its scope and its source: "deaths — Indonesia — according to
/// the Saudi government", "votes against — in 2014", "deal value — cash part".
pub const LABEL_SEPARATOR: &str = " — ";
pub const LABEL_ACCORDING_TO: &str = "according to";
pub const LABEL_IN_YEAR: &str = "in";
pub const LABEL_PROJECTED: &str = "projected";
pub const LABEL_ELSEWHERE: &str = "elsewhere";
pub const LABEL_PART: &str = "part";
pub const LABEL_OF: &str = "of";
pub const LABEL_OVER: &str = "over";

/// A role as a label reads it ("votes_against" → "votes against").
pub fn role_label(role: &str) -> String {
    role.strip_prefix(PREDICATE_ROLE)
        .unwrap_or(role)
        .replace('_', " ")
}

/// The prefix of a role read from a predicate outside [`ROLE_WORDS`] ("300 people were
/// squeezed" → "predicate:squeezed"): two such roles of different stems are different facts;
/// such a role and a role of the table may be one fact worded two ways.
pub const PREDICATE_ROLE: &str = "predicate:";

/// Predicates too common to give a role from afar, as [`ROLE_WORDS`] do, that give one to the
/// count of people they are the predicate of ("the 1.8 million people who came to Mecca", "1.8
/// million pilgrims took part", "5,000 people joined the march"): the verb, the word that must
/// follow it ("took part"; empty when none), and the role. Sorted by the verb; a verb is one row.
pub const PREDICATE_ROLES: &[(&str, &str, &str)] = &[
    ("came", "", "attended"),
    ("come", "", "attended"),
    ("joined", "", "attended"),
    ("participated", "", "attended"),
    ("take", "part", "attended"),
    ("taking", "part", "attended"),
    ("took", "part", "attended"),
];

/// Prepositions that restrict a count to a stated period after its noun phrase ("577 deaths
/// for the two busiest days", "40 arrests over the past 24 hours"). Sorted.
pub const PERIOD_PREPOSITIONS: &[&str] = &["during", "for", "in", "over", "within"];

/// The units of such a period (the unit of the count or duration that states it). Sorted.
pub const PERIOD_UNITS: &[&str] = &["days", "hours", "months", "weeks"];

/// True when `w` restricts a count to the period after it ([`PERIOD_PREPOSITIONS`]).
pub fn is_period_preposition(w: &str) -> bool {
    has(PERIOD_PREPOSITIONS, w)
}

/// True when `unit` is a unit a period is stated in ([`PERIOD_UNITS`]).
pub fn is_period_unit(unit: &str) -> bool {
    has(PERIOD_UNITS, unit)
}

/// The role a count's own predicate gives it ([`PREDICATE_ROLES`]): `verb` is the predicate
/// and `next` the word after it.
pub fn predicate_role(verb: &str, next: &str) -> Option<&'static str> {
    let k = PREDICATE_ROLES
        .binary_search_by(|&(v, _, _)| v.cmp(verb))
        .ok()?;
    let (_, follow, role) = PREDICATE_ROLES[k];
    (follow.is_empty() || follow == next).then_some(role)
}

/// A scope as a label reads it ("country:indonesia" → "Indonesia", "part:cash" → "cash
/// part", "year:2014" → "in 2014").
pub fn scope_label(scope: &str) -> String {
    let (kind, value) = scope.split_once(':').unwrap_or(("", scope));
    let value = value.replace('_', " ");
    match kind {
        "country" => value
            .split(' ')
            .map(|w| {
                let mut c = w.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect::<String>())
                    .unwrap_or_default()
            })
            .collect::<Vec<_>>()
            .join(" "),
        "year" => format!("{LABEL_IN_YEAR} {value}"),
        "modality" if value == UNCONFIRMED => UNCONFIRMED.to_string(),
        "modality" => LABEL_PROJECTED.to_string(),
        // "heat-related".
        "cause" => format!("{value}-{}", CAUSE_SUFFIXES[CAUSE_SUFFIXES.len() - 1]),
        "place" => LABEL_ELSEWHERE.to_string(),
        // "over 2 days", "over 1 day".
        "period" => match value.strip_prefix("1 ") {
            Some(unit) => format!("{LABEL_OVER} 1 {}", singular(unit)),
            None => format!("{LABEL_OVER} {value}"),
        },
        "in" => format!(
            "{LABEL_IN_YEAR} {}",
            scope_label(&format!("country:{value}"))
        ),
        "part" => format!("{value} {LABEL_PART}"),
        "of" | "object" => format!("{LABEL_OF} {value}"),
        _ => value,
    }
}

/// Conjunctions that coordinate two values ("138 from Indonesia and 35 from Tunisia").
pub const COORDINATORS: &[&str] = &["and", "or"];

/// Words that end a source's noun phrase: "that" and "and" open another phrase, "also" and
/// "had" belong to the verb.
pub const PHRASE_ENDS: &[&str] = &["also", "and", "had", "has", "have", "that", "whether"];

/// The words of [`PHRASE_ENDS`] that go with the verb after a source ("analysts also said"):
/// read leftwards from the verb, they are stepped over. Sorted. ("has said" is not here yet:
/// reading "Saudi Arabia has said" as a source joined running press tallies on the dev set.)
pub const VERB_COMPANIONS: &[&str] = &["also"];

/// True when `w` goes with the verb after a source ([`VERB_COMPANIONS`]).
pub fn is_verb_companion(w: &str) -> bool {
    has(VERB_COMPANIONS, w)
}

/// Pronouns: never the name of a source, and the end of a source's noun phrase.
pub const PRONOUNS: &[&str] = &["he", "it", "she", "they", "this", "we", "which", "who"];

/// Pronouns that, opening a sentence as the subject of an attribution verb, name the source of
/// the sentence before ("The ministry said six had died. It later said the toll had risen to
/// 14"). Sorted.
pub const SOURCE_PRONOUNS: &[&str] = &["he", "it", "she", "they"];

/// True when `w` names the source of the sentence before ([`SOURCE_PRONOUNS`]).
pub fn is_source_pronoun(w: &str) -> bool {
    has(SOURCE_PRONOUNS, w)
}

/// Prepositions that end a source's noun phrase read leftwards ("…died on Monday, the ministry
/// said": the phrase is "the ministry", never "on Monday").
pub const PHRASE_PREPOSITIONS: &[&str] = &[
    "after", "at", "before", "by", "during", "for", "from", "in", "into", "on", "over", "since",
    "through", "to", "until", "with", "without",
];

/// Source nouns that say nothing about who counts ("officials said", "authorities reported"):
/// they never set two figures apart.
pub const VAGUE_SOURCES: &[&str] = &[
    "authorities",
    "authority",
    "official",
    "officials",
    "sources",
];

/// Words that make an attributed source a news medium ("news agency Reuters", "state TV", "The
/// Washington Post", "CNN Indonesia"): a medium that reports a figure relays whoever counted it,
/// so two media giving one figure are not two counting bodies. Lowercase name words of outlets
/// and media nouns; the wire agencies of [`super::wire::AGENCIES`] are media too. Sorted.
pub const MEDIA_WORDS: &[&str] = &[
    "bbc",
    "bloomberg",
    "broadcaster",
    "broadcasting",
    "channel",
    "chronicle",
    "cnn",
    "daily",
    "forbes",
    "gazette",
    "guardian",
    "herald",
    "inquirer",
    "jazeera",
    "journal",
    "media",
    "monde",
    "news",
    "newspaper",
    "nhk",
    "outlet",
    "post",
    "press",
    "radio",
    "telegraph",
    "television",
    "times",
    "tribune",
    "tv",
    "twitter",
    "website",
    "x",
];

/// Nouns that make a medium's figure its own count ("an AFP tally", "according to an AFP
/// estimate", "a Reuters count"): then the medium is the counting body, not a relay. Sorted.
pub const COUNT_NOUNS: &[&str] = &[
    "calculation",
    "count",
    "data",
    "estimate",
    "estimates",
    "figures",
    "survey",
    "tally",
];

/// True when a lowercase word of an attribution names a news medium ([`MEDIA_WORDS`]).
pub fn is_media_word(w: &str) -> bool {
    MEDIA_INDEX.row(w).is_some()
}

/// [`MEDIA_WORDS`] by word: one hash per word of a source.
static MEDIA_INDEX: WordIndex<{ slots_for(MEDIA_WORDS.len()) }> = WordIndex::of_words(MEDIA_WORDS);

/// True when a word (lowercase) is a wire agency's name ("afp", "reuters"; "agency" alone
/// names the UN's refugee agency as well as a news agency, so it is none).
pub fn is_agency_word(w: &str) -> bool {
    let (packed, long) = &*AGENCY_WORDS;
    match pack16_fast(w.as_bytes(), false) {
        Some(p) => packed.binary_search(&p).is_ok(),
        None => long.iter().any(|x| x == w),
    }
}

/// The one-word names of the wire agencies, in lowercase (read once): those of at most 16
/// bytes packed ([`pack16_fast`]) and sorted, so that a look-up compares numbers, not strings;
/// any longer one as it is.
static AGENCY_WORDS: std::sync::LazyLock<(Vec<u128>, Vec<String>)> =
    std::sync::LazyLock::new(|| {
        let mut packed = Vec::new();
        let mut long = Vec::new();
        let names = super::wire::AGENCIES
            .iter()
            .filter(|(_, shown)| *shown != super::wire::GENERIC)
            .flat_map(|(names, _)| names.iter())
            .filter(|n| !n.contains(' '))
            .map(|n| n.to_lowercase());
        for n in names {
            match pack16_fast(n.as_bytes(), false) {
                Some(p) => packed.push(p),
                None => long.push(n),
            }
        }
        packed.sort_unstable();
        packed.dedup();
        (packed, long)
    });

/// True when a lowercase word makes a medium's figure its own count ([`COUNT_NOUNS`]).
pub fn is_count_noun(w: &str) -> bool {
    has(COUNT_NOUNS, w)
}

/// The dimensions each role applies to: a date, a duration or a rank never has a death toll.
pub const ROLE_DIMENSIONS: &[(&str, &str)] = &[
    ("abstained", "count percent"),
    ("arrested", "count number"),
    ("attended", "count number"),
    ("bodies", "count number"),
    ("cost", "money number"),
    ("counted", "percent count"),
    ("deal_value", "money number"),
    ("deaths", "count number"),
    ("deployed", "count number"),
    ("displaced", "count number"),
    ("eligible", "count number percent"),
    ("hospitalized", "count number"),
    ("injured", "count number"),
    ("margin", "count number percent"),
    ("margin_of_error", "percent count number"),
    ("minor_injuries", "count number"),
    ("missing", "count number"),
    ("population", "count number"),
    ("rescued", "count number"),
    ("serious_condition", "count number"),
    ("staff", "count number"),
    ("treated", "count number"),
    ("turnout", "percent count number"),
    ("users", "count number"),
    ("voters", "count number percent"),
    ("votes", "count number percent"),
    ("votes_against", "count number percent"),
    ("votes_cast", "count number percent"),
    ("votes_for", "count number percent"),
];

/// Roles of which a story has one figure at a time: the toll of the event, its injured, its
/// crowd, its vote. Two claims of one event with the same such role (and the same scope and
/// source) are one fact however their sentences word it. A price or a headcount is not: a
/// story about a mission may quote the price of three films.
pub const EVENT_ROLES: &[&str] = &[
    "abstained",
    "arrested",
    "attended",
    "conflict",
    "cost",
    "counted",
    "deal_value",
    "deaths",
    "disaster",
    "displaced",
    "eligible",
    "hospitalized",
    "injured",
    "landing",
    "launch",
    "margin",
    "minor_injuries",
    "missing",
    "negotiation",
    "population",
    "rescued",
    "serious_condition",
    "staff",
    "temperature",
    "treated",
    "turnout",
    "votes_against",
    "votes_cast",
    "votes_for",
];

/// Event roles of a sum of money ("cost", "deal_value"): a figure of them is one of the story
/// only when it is a sum. Sorted.
pub const MONEY_ROLES: &[&str] = &["cost", "deal_value"];

/// True when `role` is the role of a sum ([`MONEY_ROLES`]).
pub fn is_money_role(role: &str) -> bool {
    has(MONEY_ROLES, role)
}

/// Roles that say only that votes or voters are counted: they agree with every more specific
/// vote role ("votes" with "votes_against").
pub const GENERIC_ROLES: &[&str] = &["voters", "votes"];

/// Roles of the gap between two figures (a winning margin): never the figure of one side, so
/// a generic role ("6.4 million votes") does not stand for them. Sorted.
pub const GAP_ROLES: &[&str] = &[MARGIN_ROLE];

/// True when `role` is the gap between two figures ([`GAP_ROLES`]).
pub fn is_gap_role(role: &str) -> bool {
    has(GAP_ROLES, role)
}

/// Words that open a clause naming a thing said, not a speaker ("what experts say is their
/// smaller frame"): a source phrase they open gives no figure a source. Sorted.
pub const FREE_RELATIVES: &[&str] = &["what", "whatever"];

/// True when `w` opens a clause naming a thing said ([`FREE_RELATIVES`]).
pub fn is_free_relative(w: &str) -> bool {
    has(FREE_RELATIVES, w)
}

/// Pairs of roles that name one measure in other words: what was paid for a thing is its cost
/// ("paid $1 billion to buy Instagram", "Instagram cost $1 billion"; "$12 billion in stock",
/// "$12 billion worth of stock"). Two claims of such roles are not told apart by their roles;
/// what they are the price of (`object:` scope) still is.
pub const SAME_MEASURE_ROLES: &[(&str, &str)] = &[("cost", "deal_value")];

/// Roles whose figure tells how far a process had gone when a report's figures were taken
/// ("with 98.98% of the votes counted", "99.79 percent of polling stations counted"): each
/// source gives the stage it used, so two values are two moments, not a contradiction. Sorted.
pub const PROGRESS_ROLES: &[&str] = &["counted"];

/// Roles whose figure counts people: a bare number with one of them ("the death toll rose to
/// 398") is a count of people.
pub const PERSON_ROLES: &[&str] = &[
    "arrested",
    "attended",
    "bodies",
    "deaths",
    "deployed",
    "displaced",
    "eligible",
    "hospitalized",
    "injured",
    "minor_injuries",
    "missing",
    "population",
    "rescued",
    "serious_condition",
    "staff",
    "treated",
    "users",
    "voters",
];

/// Counted nouns that count the same thing under another name, with the name used.
pub const QUANTITY_SYNONYMS: &[(&str, &str)] = &[("ballots", "votes")];

/// Words the scan for a figure's role steps over between the figure and the word that governs
/// it: auxiliaries, adverbs, determiners, and the level verbs of running tolls ("the death toll
/// has risen to 398", "killing at least 151", "151 people have died").
pub const ROLE_SKIP: &[&str] = &[
    "a",
    "about",
    "all",
    "already",
    "also",
    "among",
    "an",
    "are",
    "at",
    "be",
    "been",
    "being",
    "by",
    "climbed",
    "exceeded",
    "had",
    "has",
    "have",
    "hit",
    "included",
    "including",
    "is",
    "now",
    "of",
    "past",
    "reached",
    "reported",
    "reportedly",
    "risen",
    "rose",
    "some",
    "still",
    "stood",
    "surged",
    "the",
    "to",
    "total",
    "was",
    "were",
];

/// Words that open a new clause after a comma ("…, while 170 others…"), so a figure's role is
/// not looked for across them.
pub const CLAUSE_OPENERS: &[&str] = &[
    "although", "as", "but", "since", "when", "whereas", "which", "while", "who", "with",
];

/// A verb of a running figure.
pub fn is_level_verb(w: &str) -> bool {
    has(LEVEL_VERBS, w)
}

/// Words after "N of" that name a group told before, so the number is a part of it ("nine of
/// them", "two of those"): a subset, not the whole. Sorted.
pub const PART_OF_PRONOUNS: &[&str] = &["them", "these", "those", "us", "whom"];

/// A word after "N of" that names a group told before ([`PART_OF_PRONOUNS`]).
pub fn is_part_of_pronoun(w: &str) -> bool {
    has(PART_OF_PRONOUNS, w)
}

/// A word after "N of" that makes the number a part of a whole.
pub fn is_partitive(w: &str) -> bool {
    has(PARTITIVES, w)
}

/// A name too common in news to tell two events apart (lowercase): a common news name, a
/// country or a demonym.
pub fn is_common_news_name(w: &str) -> bool {
    has(COMMON_NEWS_NAMES, w) || country_of(w).is_some()
}

/// A preposition that ties a count to a place.
pub fn is_place_preposition(w: &str) -> bool {
    has(PLACE_PREPOSITIONS, w)
}

/// A preposition that ties a count to an origin.
pub fn is_origin_preposition(w: &str) -> bool {
    has(ORIGIN_PREPOSITIONS, w)
}

/// "that country", "the nation": two words that point back at a country named before.
pub fn is_country_anaphor(determiner: &str, noun: &str) -> bool {
    has(ANAPHOR_DETERMINERS, determiner) && has(COUNTRY_ANAPHORS, noun)
}

/// True when `determiner noun` points back at a thing named before as the noun a report
/// calls its subject by ("the mission", "this project": [`OWN_SUBJECT_NOUNS`]).
pub fn is_subject_anaphor(determiner: &str, noun: &str) -> bool {
    has(ANAPHOR_DETERMINERS, determiner) && has(OWN_SUBJECT_NOUNS, noun)
}

/// A copula ("were").
pub fn is_copula(w: &str) -> bool {
    has(COPULAS, w)
}

/// A word that opens a clause about the time named before it.
pub fn is_back_reference(w: &str) -> bool {
    has(BACK_REFERENCES, w)
}

/// A word that opens a sentence's year ("In 2012, …").
pub fn is_year_opener(w: &str) -> bool {
    has(YEAR_OPENERS, w)
}

/// A conjunction that coordinates two values.
pub fn is_coordinator(w: &str) -> bool {
    has(COORDINATORS, w)
}

/// A word that ends a source's noun phrase.
pub fn is_phrase_end(w: &str) -> bool {
    has(PHRASE_ENDS, w)
}

/// A pronoun.
pub fn is_pronoun(w: &str) -> bool {
    has(PRONOUNS, w)
}

/// A preposition that ends a source's noun phrase.
pub fn is_phrase_preposition(w: &str) -> bool {
    has(PHRASE_PREPOSITIONS, w)
}

/// A source noun that says nothing about who counts.
pub fn is_vague_source(w: &str) -> bool {
    has(VAGUE_SOURCES, w)
}

/// A determiner.
pub fn is_determiner(w: &str) -> bool {
    super::words::is_determiner(w)
}

/// A word that joins the parts of a name.
pub fn is_name_glue(w: &str) -> bool {
    has(super::words::NAME_GLUE, w)
}

/// The dimensions some role applies to, read once from [`ROLE_DIMENSIONS`].
static DIMENSIONS_WITH_ROLES: std::sync::LazyLock<Vec<&'static str>> =
    std::sync::LazyLock::new(|| {
        let mut v: Vec<&str> = ROLE_DIMENSIONS
            .iter()
            .flat_map(|(_, dims)| dims.split(' '))
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    });

/// True when some role applies to values of dimension `dim`.
pub fn roles_apply(dim: &str) -> bool {
    DIMENSIONS_WITH_ROLES.contains(&dim)
}

/// What the measure scan asks of a role for every word that gives one: the dimensions it
/// applies to ([`ROLE_DIMENSIONS`], as bits of [`dimension_bit`]) and whether its figure
/// counts people ([`PERSON_ROLES`]). Read once per row of the role tables, so that a word's
/// role is weighed without comparing strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoleFacts {
    pub dims: u32,
    pub person: bool,
}

/// The bit of dimension `dim` ("count", "money", …) in [`RoleFacts::dims`]: 0 for a dimension
/// no role applies to.
pub fn dimension_bit(dim: &str) -> u32 {
    DIMENSIONS_WITH_ROLES
        .iter()
        .position(|d| *d == dim)
        .map_or(0, |i| 1 << i)
}

/// The [`RoleFacts`] of `role`.
fn facts_of(role: &str) -> RoleFacts {
    let dims = find(ROLE_DIMENSIONS, role).map_or(0, |dims| {
        dims.split(' ').map(dimension_bit).fold(0, |a, b| a | b)
    });
    RoleFacts {
        dims,
        person: is_person_role(role),
    }
}

/// The [`RoleFacts`] of each row of [`ROLE_WORDS`] and of [`GOVERNOR_ROLES`].
static ROW_FACTS: std::sync::LazyLock<(Vec<RoleFacts>, Vec<RoleFacts>)> =
    std::sync::LazyLock::new(|| {
        assert!(
            DIMENSIONS_WITH_ROLES.len() <= 32,
            "a role's dimensions are bits of a u32"
        );
        let facts = |rows: &[(&str, &str)]| rows.iter().map(|r| facts_of(r.1)).collect();
        (facts(ROLE_WORDS), facts(GOVERNOR_ROLES))
    });

/// True when `role` applies to values of dimension `dim` ("count", "money", …).
pub fn role_applies(role: &str, dim: &str) -> bool {
    find(ROLE_DIMENSIONS, role).is_some_and(|dims| dims.split(' ').any(|d| d == dim))
}

/// A role of which a story has one figure at a time ([`EVENT_ROLES`]).
pub fn is_event_role(role: &str) -> bool {
    has(EVENT_ROLES, role)
}

/// A role that makes two claims one fact when their words meet too ([`WORDED_ROLES`]).
pub fn is_worded_role(role: &str) -> bool {
    has(WORDED_ROLES, role)
}

/// True when two roles name one measure ([`SAME_MEASURE_ROLES`]), in either order.
pub fn same_measure_roles(a: &str, b: &str) -> bool {
    SAME_MEASURE_ROLES
        .iter()
        .any(|&(x, y)| (a == x && b == y) || (a == y && b == x))
}

/// A role that agrees with every more specific role of its kind.
pub fn is_generic_role(role: &str) -> bool {
    has(GENERIC_ROLES, role)
}

/// A role whose figure is the stage a process had reached ([`PROGRESS_ROLES`]).
pub fn is_progress_role(role: &str) -> bool {
    has(PROGRESS_ROLES, role)
}

/// A role whose figure counts people.
pub fn is_person_role(role: &str) -> bool {
    has(PERSON_ROLES, role)
}

/// A word that makes a figure an increment.
pub fn is_increment(w: &str) -> bool {
    has(INCREMENTS, w)
}

/// The side of a vote a word names.
pub fn vote_side(w: &str) -> Option<&'static str> {
    find(VOTE_SIDES, w).copied()
}

/// A word that joins two shares of a result ([`PAIR_JOINERS`]).
pub fn is_pair_joiner(w: &str) -> bool {
    has(PAIR_JOINERS, w)
}

/// The side of a vote a word names before a pair of shares: a side word that is no
/// preposition ([`PREPOSITION_SIDES`]), or a word whose role is a side ("rejecting").
pub fn pair_side(w: &str) -> Option<&'static str> {
    if has(PREPOSITION_SIDES, w) {
        return None;
    }
    vote_side(w).or_else(|| role(w).filter(|r| find(OPPOSITE_SIDES, r).is_some()))
}

/// The other side of a vote ([`OPPOSITE_SIDES`]).
pub fn opposite_side(side: &str) -> Option<&'static str> {
    find(OPPOSITE_SIDES, side).copied()
}

/// A word that puts a figure elsewhere.
pub fn is_elsewhere(w: &str) -> bool {
    has(ELSEWHERE, w)
}

/// A noun that names a source of figures.
pub fn is_source_noun(w: &str) -> bool {
    has(SOURCE_NOUNS, w)
}

/// The name a counted noun's quantity goes by.
pub fn quantity_synonym(w: &str) -> Option<&'static str> {
    find(QUANTITY_SYNONYMS, w).copied()
}

/// The word classes the measure scan asks about every word of a sentence, as bits of one
/// number, so that each word is looked up once (two packed tables and no string compare).
pub mod class {
    /// Opens a clause after a comma ([`super::CLAUSE_OPENERS`]).
    pub const OPENER: u16 = 1;
    /// Stepped over between a value and its governor ([`super::ROLE_SKIP`]).
    pub const SKIP: u16 = 1 << 1;
    /// A verb of a running figure ([`super::LEVEL_VERBS`]).
    pub const LEVEL: u16 = 1 << 2;
    /// Attributes a figure ([`super::ATTRIBUTION_VERBS`]).
    pub const ATTRIBUTION_VERB: u16 = 1 << 3;
    /// Makes a figure someone's count ([`super::ATTRIBUTION_NOUNS`]).
    pub const ATTRIBUTION_NOUN: u16 = 1 << 4;
    /// A determiner ([`crate::lang::en::words::DETERMINERS`]).
    pub const DETERMINER: u16 = 1 << 5;
    /// Ends a source's phrase read leftwards ([`super::PHRASE_PREPOSITIONS`]).
    pub const PREPOSITION: u16 = 1 << 6;
    /// A pronoun ([`super::PRONOUNS`]).
    pub const PRONOUN: u16 = 1 << 7;
    /// Ends a source's phrase ([`super::PHRASE_ENDS`]).
    pub const PHRASE_END: u16 = 1 << 8;
    /// Names a source without a name ([`super::SOURCE_NOUNS`]).
    pub const SOURCE_NOUN: u16 = 1 << 9;
    /// Coordinates two values ([`super::COORDINATORS`]).
    pub const COORDINATOR: u16 = 1 << 10;
    /// Puts a figure elsewhere ([`super::ELSEWHERE`]).
    pub const ELSEWHERE: u16 = 1 << 11;
    /// Makes a figure a projection ([`super::MODALITY_WORDS`]).
    pub const MODALITY: u16 = 1 << 12;
    /// Joins the parts of a name ([`crate::lang::en::words::NAME_GLUE`]).
    pub const GLUE: u16 = 1 << 13;
    /// Starts an attribution lead ([`super::ATTRIBUTION_LEADS`]).
    pub const LEAD: u16 = 1 << 14;
    /// Ties a count to a place ([`super::PLACE_PREPOSITIONS`]).
    pub const PLACE: u16 = 1 << 15;
    /// Makes what follows a condition ([`super::CONDITIONALS`]); beyond the 16 class bits, in
    /// the bits' top byte's spare room: see [`super::CONDITIONAL_BIT`].
    pub const CONDITIONAL: u32 = super::CONDITIONAL_BIT;
    /// Says what happened on a date ([`super::DATE_EVENTS`]); beyond the 16 class bits too:
    /// see [`super::DATE_EVENT_BIT`].
    pub const DATE_EVENT: u32 = super::DATE_EVENT_BIT;
}

const CLASS_WORDS: usize = CLAUSE_OPENERS.len()
    + ROLE_SKIP.len()
    + LEVEL_VERBS.len()
    + ATTRIBUTION_VERBS.len()
    + ATTRIBUTION_NOUNS.len()
    + super::words::DETERMINERS.len()
    + PHRASE_PREPOSITIONS.len()
    + PRONOUNS.len()
    + PHRASE_ENDS.len()
    + SOURCE_NOUNS.len()
    + COORDINATORS.len()
    + ELSEWHERE.len()
    + MODALITY_WORDS.len()
    + super::words::NAME_GLUE.len()
    + ATTRIBUTION_LEADS.len()
    + PLACE_PREPOSITIONS.len()
    + CONDITIONALS.len()
    + ROLE_WORDS.len()
    + GOVERNOR_ROLES.len()
    + DATE_EVENTS.len();

/// Where a word's row of [`ROLE_WORDS`] and of [`GOVERNOR_ROLES`] sit in its bits.
const ROLE_SHIFT: u32 = 16;
const ROW_MASK: u32 = 0xff;
const GOVERNOR_SHIFT: u32 = 24;
const GOVERNOR_MASK: u32 = 0xf;
/// The bits of a word's row of [`ROLE_WORDS`] ([`role_of`] finds none when they are 0).
pub const ROLE_BITS: u32 = ROW_MASK << ROLE_SHIFT;
/// The bit of [`CONDITIONALS`], above the governor rows.
pub const CONDITIONAL_BIT: u32 = 1 << 28;
/// The bit of [`DATE_EVENTS`]' words, above [`CONDITIONAL_BIT`]: the scan of a date's clause
/// looks up only the words that have it.
pub const DATE_EVENT_BIT: u32 = 1 << 29;

/// Every word the measure scan knows, with its [`class`] bits and its role rows in the low
/// half, and the word-table flags of the function and number words
/// ([`super::words::word_flags`]) from [`WORD_FLAGS_SHIFT`] up: one look-up per word of a
/// sentence answers the measure scan and the subject scan.
static MEASURE_WORDS: PackedBits<LEXICON_SLOTS> = lexicon(&starts::EN, starts::EN_WORDS.as_slice());

/// The slots of the lexicon ([`slots_for`] its words).
pub const LEXICON_SLOTS: usize = slots_for(LEXICON_WORDS);

/// The lexicon the tokenizer asks ([`lexicon_bits_any_case`]) for the start tables `t` and
/// their start words `start_words`: every class list below, the function and number words, and
/// the words a value may start on ([`STARTER_BIT`]) or that may follow "a" in one
/// ([`FOLLOWS_A_BIT`]), and the short words the start scan reads as written
/// ([`SHORT_START_BIT`]), so that the tokenizer's one look-up answers the start scan too.
pub const fn lexicon<const SLOTS: usize>(
    t: &starts::StartTables,
    start_words: &[&str],
) -> PackedBits<SLOTS> {
    let table = PackedBits::empty()
        .with_words(CLAUSE_OPENERS, class::OPENER as u64)
        .with_words(ROLE_SKIP, class::SKIP as u64)
        .with_words(LEVEL_VERBS, class::LEVEL as u64)
        .with_words(ATTRIBUTION_VERBS, class::ATTRIBUTION_VERB as u64)
        .with_words(ATTRIBUTION_NOUNS, class::ATTRIBUTION_NOUN as u64)
        .with_words(super::words::DETERMINERS, class::DETERMINER as u64)
        .with_words(PHRASE_PREPOSITIONS, class::PREPOSITION as u64)
        .with_words(PRONOUNS, class::PRONOUN as u64)
        .with_words(PHRASE_ENDS, class::PHRASE_END as u64)
        .with_words(SOURCE_NOUNS, class::SOURCE_NOUN as u64)
        .with_words(COORDINATORS, class::COORDINATOR as u64)
        .with_words(ELSEWHERE, class::ELSEWHERE as u64)
        .with_words(MODALITY_WORDS, class::MODALITY as u64)
        .with_words(super::words::NAME_GLUE, class::GLUE as u64)
        .with_heads(ATTRIBUTION_LEADS, class::LEAD as u64)
        .with_words(PLACE_PREPOSITIONS, class::PLACE as u64)
        .with_rows(ROLE_WORDS, ROLE_SHIFT, ROW_MASK as u64)
        .with_rows(GOVERNOR_ROLES, GOVERNOR_SHIFT, GOVERNOR_MASK as u64)
        .with_words(CONDITIONALS, CONDITIONAL_BIT as u64)
        .with_keys(DATE_EVENTS, DATE_EVENT_BIT as u64)
        .with_words(super::words::STOPWORDS, WORD_FLAG_STOPWORD)
        .with_keys(super::numbers::CARDINALS, WORD_FLAG_NUMBER)
        .with_keys(super::numbers::SCALES, WORD_FLAG_NUMBER)
        .with_words(super::words::NAME_JOINERS, WORD_FLAG_JOINER)
        .with_words(start_words, STARTER_BIT);
    let table = starts::with_short_starts(table, SHORT_START_BIT);
    starts::with_follows_a(table, t, start_words, FOLLOWS_A_BIT)
}

/// The words of [`MEASURE_WORDS`]' lists, counted with their repeats.
const LEXICON_WORDS: usize = CLASS_WORDS
    + super::words::STOPWORDS.len()
    + super::numbers::CARDINALS.len()
    + super::numbers::SCALES.len()
    + super::words::NAME_JOINERS.len()
    + starts::EN_WORDS.len
    + starts::SHORT_START_WORDS
    + starts::FOLLOWS_A_WORDS;

/// A bit of a word's lexicon bits, above the word-table flags: a word a value may start on
/// (`super::starts::start_words`), in any case.
pub const STARTER_BIT: u64 = 1 << 44;
/// A bit of a word's lexicon bits: a word that may follow "a"/"an" in a value ("a month", "a
/// third", "a dozen"; `super::starts::with_follows_a`), in any case.
pub const FOLLOWS_A_BIT: u64 = 1 << 45;
/// A bit of a word's lexicon bits: a short word the start scan reads as written, in any case
/// (a currency code, the "U" of "U.S.$", an article: `super::starts::with_short_starts`). A
/// word without it or [`STARTER_BIT`] starts a value only as a dollar prefix ("HK$").
pub const SHORT_START_BIT: u64 = 1 << 46;

/// Where the word-table flags ([`super::words::STOPWORD`], [`super::words::NUMBER_WORD`]) sit
/// in a word's [`lexicon_bits_any_case`].
pub const WORD_FLAGS_SHIFT: u32 = 32;
const WORD_FLAG_STOPWORD: u64 = (super::words::STOPWORD as u64) << WORD_FLAGS_SHIFT;
const WORD_FLAG_NUMBER: u64 = (super::words::NUMBER_WORD as u64) << WORD_FLAGS_SHIFT;
const WORD_FLAG_JOINER: u64 = (super::words::NAME_JOINER as u64) << WORD_FLAGS_SHIFT;

/// What the measure scan knows of a word packed lowercase by `text::fold::pack16`: its
/// [`class`] bits and the roles it gives (read them with [`class_of`], [`role_of`],
/// [`governor_role_of`]). 0 for a word it does not know.
#[inline]
pub fn word_bits(p: u128) -> u32 {
    MEASURE_WORDS.bits(p) as u32
}

/// The bits [`word_bits`] may set: every [`class`] bit, the role rows, [`CONDITIONAL_BIT`]
/// and [`DATE_EVENT_BIT`].
pub const WORD_BITS_USED: u32 = (DATE_EVENT_BIT << 1) - 1;

/// The lexicon's bits of the word `w` in any case (its ASCII capitals read lowercase): its
/// [`word_bits`], and its word-table flags from [`WORD_FLAGS_SHIFT`] up. Most words it does
/// not know are told by their shape alone, without packing or hashing them.
#[inline]
pub fn lexicon_bits_any_case(w: &[u8]) -> u64 {
    MEASURE_WORDS.bits_of_any_case(w)
}

/// [`lexicon_bits_any_case`] of the lowercase word of `n` bytes (1 to 16) packed as `p`, its
/// first byte lowest: a word of ASCII letters as the tokenizer holds it, read without a copy.
#[inline]
pub fn lexicon_bits_packed(p: u128, n: usize) -> u64 {
    MEASURE_WORDS.bits_of_packed(p, n)
}

/// [`lexicon_bits_packed`] of a word of at most eight bytes.
#[inline]
pub fn lexicon_bits_short(p: u64, n: usize) -> u64 {
    MEASURE_WORDS.bits_of_short(p, n)
}

/// The [`class`] bits of a word's [`word_bits`].
#[inline]
pub fn class_of(bits: u32) -> u16 {
    bits as u16
}

/// The role a word gives a figure near it ([`ROLE_WORDS`]), from its [`word_bits`].
#[inline]
pub fn role_of(bits: u32) -> Option<&'static str> {
    let row = (bits >> ROLE_SHIFT & ROW_MASK) as usize;
    row.checked_sub(1).map(|r| ROLE_WORDS[r].1)
}

/// The role a word gives a figure it governs from the left ([`GOVERNOR_ROLES`], else
/// [`ROLE_WORDS`]), from its [`word_bits`].
#[inline]
pub fn governor_role_of(bits: u32) -> Option<&'static str> {
    let row = (bits >> GOVERNOR_SHIFT & GOVERNOR_MASK) as usize;
    row.checked_sub(1)
        .map(|r| GOVERNOR_ROLES[r].1)
        .or_else(|| role_of(bits))
}

/// [`role_of`] with the role's [`RoleFacts`].
#[inline]
pub fn role_facts_of(bits: u32) -> Option<(&'static str, RoleFacts)> {
    let row = (bits >> ROLE_SHIFT & ROW_MASK) as usize;
    row.checked_sub(1)
        .map(|r| (ROLE_WORDS[r].1, ROW_FACTS.0[r]))
}

/// [`governor_role_of`] with the role's [`RoleFacts`].
#[inline]
pub fn governor_role_facts_of(bits: u32) -> Option<(&'static str, RoleFacts)> {
    let row = (bits >> GOVERNOR_SHIFT & GOVERNOR_MASK) as usize;
    row.checked_sub(1)
        .map(|r| (GOVERNOR_ROLES[r].1, ROW_FACTS.1[r]))
        .or_else(|| role_facts_of(bits))
}

/// The rows of the tables asked of many words, by word ([`country_of`], [`is_country_name`],
/// [`is_generic_person`], [`is_person_subset`]).
static DEMONYM_INDEX: WordIndex<{ slots_for(DEMONYMS.len()) }> = WordIndex::of_keys(DEMONYMS);
static COUNTRY_INDEX: WordIndex<{ slots_for(COUNTRIES.len()) }> = WordIndex::of_words(COUNTRIES);
static PERSON_GENERIC_INDEX: WordIndex<{ slots_for(PERSON_GENERIC.len()) }> =
    WordIndex::of_words(PERSON_GENERIC);
static PERSON_SUBSET_INDEX: WordIndex<{ slots_for(PERSON_SUBSET.len()) }> =
    WordIndex::of_words(PERSON_SUBSET);
/// [`DATE_EVENTS`] by word: every word around a date is asked.
static DATE_EVENT_INDEX: WordIndex<{ slots_for(DATE_EVENTS.len()) }> =
    WordIndex::of_keys(DATE_EVENTS);

/// Tables of at most this many rows are scanned: comparing lengths first, a scan of a few rows
/// rarely compares bytes, where each step of a binary search does.
const SCANNED_ROWS: usize = 8;

fn find<'a, T>(table: &'a [(&str, T)], w: &str) -> Option<&'a T> {
    if table.len() <= SCANNED_ROWS {
        return table.iter().find(|(k, _)| *k == w).map(|(_, v)| v);
    }
    table
        .binary_search_by(|(k, _)| (*k).cmp(w))
        .ok()
        .map(|i| &table[i].1)
}

fn has(table: &[&str], w: &str) -> bool {
    if table.len() <= SCANNED_ROWS {
        return table.contains(&w);
    }
    table.binary_search(&w).is_ok()
}

/// The role a lowercase word gives a figure it governs from the left.
pub fn governor_role(w: &str) -> Option<&'static str> {
    find(GOVERNOR_ROLES, w).copied().or_else(|| role(w))
}

/// The role a lowercase word gives a figure.
pub fn role(w: &str) -> Option<&'static str> {
    find(ROLE_WORDS, w).copied()
}

/// A person noun (lowercase, plural) that counts people in general.
pub fn is_generic_person(w: &str) -> bool {
    PERSON_GENERIC_INDEX.row(w).is_some()
}

/// A person noun (lowercase, plural) that counts a subset of people.
pub fn is_person_subset(w: &str) -> bool {
    PERSON_SUBSET_INDEX.row(w).is_some()
}

/// The subset an adjective restricts a count to.
pub fn subset_adjective(w: &str) -> Option<&'static str> {
    find(SUBSET_ADJECTIVES, w).copied()
}

/// The country a demonym (adjective or plural noun, lowercase) or a country name names.
pub fn country_of(w: &str) -> Option<&'static str> {
    // The word is packed once for both tables.
    let packed = pack16_fast(w.as_bytes(), false);
    if let Some(i) = packed.and_then(|p| DEMONYM_INDEX.row_packed(p)) {
        return Some(DEMONYMS[i].1);
    }
    if let Some(stem) = w.strip_suffix('s')
        && let Some(i) = DEMONYM_INDEX.row(stem)
    {
        return Some(DEMONYMS[i].1);
    }
    let country = packed.and_then(|p| COUNTRY_INDEX.row_packed(p));
    country.map(|i| COUNTRIES[i]).or(match w {
        "britain" => Some("united kingdom"),
        _ => None,
    })
}

/// A country's name (not a demonym).
pub fn is_country_name(w: &str) -> bool {
    COUNTRY_INDEX.row(w).is_some()
}

/// The country an acronym written in capitals names ("US").
pub fn country_acronym(w: &str) -> Option<&'static str> {
    find(COUNTRY_ACRONYMS, w).copied()
}

/// A country written as two words ("south", "korea"), by its key.
pub fn country_phrase(first: &str, second: &str) -> Option<&'static str> {
    // Each phrase is read only as far as it differs from the first word.
    COUNTRY_PHRASES.iter().find_map(|(phrase, key)| {
        let rest = phrase.strip_prefix(first)?.strip_prefix(' ')?;
        (rest == second && !first.contains(' ')).then_some(*key)
    })
}

/// A word without its possessive ending ("jordan's" → "jordan").
pub fn without_possessive(w: &str) -> &str {
    super::words::POSSESSIVES
        .iter()
        .find_map(|p| w.strip_suffix(p))
        .unwrap_or(w)
}

/// A source noun in the singular ("diplomats" → "diplomat"), so that one and many meet.
pub fn singular(w: &str) -> &str {
    w.strip_suffix(super::nouns::PLURAL).unwrap_or(w)
}

/// An attribution verb whose object is the recipient.
pub fn is_recipient_verb(w: &str) -> bool {
    has(RECIPIENT_VERBS, w)
}

/// An attribution verb whose object is the source.
pub fn is_quoting_verb(w: &str) -> bool {
    has(QUOTING_VERBS, w)
}

/// A verb that attributes a figure.
pub fn is_attribution_verb(w: &str) -> bool {
    has(ATTRIBUTION_VERBS, w)
}

/// A noun that makes a figure someone's count.
pub fn is_attribution_noun(w: &str) -> bool {
    has(ATTRIBUTION_NOUNS, w)
}

/// A word that makes a figure a projection or a plan.
pub fn is_modality(w: &str) -> bool {
    has(MODALITY_WORDS, w)
}

/// The part of a sum of money a word names.
pub fn money_part(w: &str) -> Option<&'static str> {
    find(MONEY_PARTS, w).copied()
}

/// A word that makes the sum after it an addition ([`ADDITION_WORDS`]).
pub fn is_addition_word(w: &str) -> bool {
    has(ADDITION_WORDS, w)
}

/// A word that makes the figure before it a rate ([`RATE_MARKERS`]).
pub fn is_rate_marker(w: &str) -> bool {
    has(RATE_MARKERS, w)
}

/// The role of a winning margin ("won by 57,000 votes", "a margin of 3 points").
pub const MARGIN_ROLE: &str = "margin";

/// Verbs and adjectives of a contest whose "by N" states the margin between the sides ("won by
/// 57,000 votes", "beat Smith by 4,000 votes", "leads by 12 points", "ahead by two"): the value
/// is how far apart the sides are, not a side's own figure ("won 6.3 million votes"). Sorted.
pub const MARGIN_VERBS: &[&str] = &[
    "ahead",
    "beat",
    "beaten",
    "beating",
    "beats",
    "behind",
    "defeated",
    "defeating",
    "defeats",
    "edged",
    "edges",
    "lead",
    "leading",
    "leads",
    "led",
    "lose",
    "loses",
    "losing",
    "lost",
    "trail",
    "trailed",
    "trailing",
    "trails",
    "win",
    "winning",
    "wins",
    "won",
];

/// True when `w` is one of [`MARGIN_VERBS`].
pub fn is_margin_verb(w: &str) -> bool {
    has(MARGIN_VERBS, w)
}

/// The [`RoleFacts`] of [`MARGIN_ROLE`], read once.
pub static MARGIN_FACTS: std::sync::LazyLock<RoleFacts> =
    std::sync::LazyLock::new(|| facts_of(MARGIN_ROLE));

/// A verb whose "by N" states a change ([`LEVEL_VERBS`], [`DECREASE_VERBS`]).
pub fn is_change_verb(w: &str) -> bool {
    has(LEVEL_VERBS, w) || has(DECREASE_VERBS, w)
}

/// A verb whose subject is what the sum after it is the cost of ([`OWNED_VALUE_VERBS`]).
pub fn is_owned_value_verb(w: &str) -> bool {
    has(OWNED_VALUE_VERBS, w)
}

/// A noun a report calls its own subject by ([`OWN_SUBJECT_NOUNS`]).
pub fn is_own_subject_noun(w: &str) -> bool {
    has(OWN_SUBJECT_NOUNS, w)
}

/// A noun whose "of"/"for" phrase names what a sum is the cost of ([`OWNED_VALUE_NOUNS`]).
pub fn is_owned_value_noun(w: &str) -> bool {
    has(OWNED_VALUE_NOUNS, w)
}

/// A preposition after such a noun ([`OWNER_PREPOSITIONS`]).
pub fn is_owner_preposition(w: &str) -> bool {
    has(OWNER_PREPOSITIONS, w)
}

/// The preposition that names the agent of a passive verb ([`AGENT_PREPOSITIONS`]).
pub fn is_agent_preposition(w: &str) -> bool {
    has(AGENT_PREPOSITIONS, w)
}

/// An auxiliary of a passive verb ([`PASSIVE_AUXILIARIES`]).
pub fn is_passive_auxiliary(w: &str) -> bool {
    has(PASSIVE_AUXILIARIES, w)
}

/// A preposition that ties a price to what it buys ([`PRICE_PREPOSITIONS`]).
pub fn is_price_preposition(w: &str) -> bool {
    has(PRICE_PREPOSITIONS, w)
}

/// A relative pronoun about the name before it ([`RELATIVE_PRONOUNS`]).
pub fn is_relative_pronoun(w: &str) -> bool {
    has(RELATIVE_PRONOUNS, w)
}

/// An adverb between a cost verb and its sum ([`OWNER_ADVERBS`]).
pub fn is_owner_adverb(w: &str) -> bool {
    has(OWNER_ADVERBS, w)
}

/// The happening a word names for a date next to it ([`DATE_EVENTS`]).
pub fn date_event(w: &str) -> Option<&'static str> {
    DATE_EVENT_INDEX.row(w).map(|i| DATE_EVENTS[i].1)
}

/// The extent a word says a length measures ([`EXTENT_WORDS`]).
pub fn extent(w: &str) -> Option<&'static str> {
    find(EXTENT_WORDS, w).copied()
}

/// The extent a length before the noun `w` measures ([`EXTENT_NOUNS`]).
pub fn extent_of_noun(w: &str) -> Option<&'static str> {
    find(EXTENT_NOUNS, w).copied()
}

/// The verbs before a duration that say what it is the length of ("negotiated over the last
/// four years", "fought for 52 years"). Sorted.
pub const DURATION_VERBS: &[(&str, &str)] = &[
    ("fought", "conflict"),
    ("imprisoned", "sentence"),
    ("jailed", "sentence"),
    ("negotiated", "negotiation"),
    ("negotiating", "negotiation"),
    ("reigned", "tenure"),
    ("ruled", "tenure"),
];

/// What a verb before a duration says it is the length of ([`DURATION_VERBS`]).
pub fn duration_verb(w: &str) -> Option<&'static str> {
    find(DURATION_VERBS, w).copied()
}

/// What a word says a duration before it is the length of ([`DURATION_EVENTS`]).
pub fn duration_event(w: &str) -> Option<&'static str> {
    find(DURATION_EVENTS, w).copied()
}

/// A rate marker the unit follows right away ([`RATE_MARKERS_WITH_UNIT`]).
pub fn rate_marker_names_unit(w: &str) -> bool {
    has(RATE_MARKERS_WITH_UNIT, w)
}

/// A word the role scan steps over.
pub fn is_role_skip(w: &str) -> bool {
    has(ROLE_SKIP, w)
}

/// A word that opens a new clause after a comma.
pub fn is_clause_opener(w: &str) -> bool {
    has(CLAUSE_OPENERS, w)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A wire agency's one-word name is one in lowercase; "agency" (the UN's too), a name of
    /// several words, a longer word and nothing are none.
    #[test]
    fn agency_words_are_the_wire_agencies_one_word_names() {
        for w in ["afp", "reuters", "dpa", "interfax", "bernama"] {
            assert!(is_agency_word(w), "{w}");
        }
        for w in [
            "agency",
            "agencies",
            "associated",
            "AFP",
            "",
            "reutersreutersreuters",
        ] {
            assert!(!is_agency_word(w), "{w}");
        }
    }

    /// Every word's length of `words` is in `lengths`, and the range is no wider.
    fn assert_lengths(words: &[&str], lengths: &std::ops::RangeInclusive<usize>) {
        let all: Vec<usize> = words.iter().map(|w| w.len()).collect();
        assert!(all.iter().all(|n| lengths.contains(n)), "{words:?}");
        assert_eq!(all.iter().min(), Some(lengths.start()), "{words:?}");
        assert_eq!(all.iter().max(), Some(lengths.end()), "{words:?}");
    }

    /// [`PATH_NOUN_LENGTHS`] and [`RATE_MARKER_LENGTHS`] hold their words' lengths exactly.
    #[test]
    fn length_ranges_hold_their_words() {
        assert_lengths(PATH_NOUNS, &PATH_NOUN_LENGTHS);
        assert_lengths(RATE_MARKERS, &RATE_MARKER_LENGTHS);
        assert!(!is_rate_marker("pe") && !is_rate_marker("everyone"));
    }

    /// The lexicon's one look-up gives every word of the word tables its flags and every word
    /// of the measure tables its bits, in any case: a row added to either table is in it.
    #[test]
    fn the_lexicon_answers_as_the_word_and_measure_tables() {
        use crate::text::fold::pack16;
        let words = super::super::words::STOPWORDS
            .iter()
            .copied()
            .chain(super::super::numbers::CARDINALS.iter().map(|r| r.0))
            .chain(super::super::numbers::SCALES.iter().map(|r| r.0))
            .chain(super::super::words::NAME_JOINERS.iter().copied())
            .chain(ROLE_WORDS.iter().map(|r| r.0))
            .chain(ATTRIBUTION_VERBS.iter().copied())
            .chain(["The", "KILLED", "Ministry", "zebra", "twenty-one", "isn't"]);
        for w in words {
            let p = pack16(w.as_bytes(), true).expect("a short word");
            let lex = lexicon_bits_any_case(w.as_bytes());
            let flags = (lex >> WORD_FLAGS_SHIFT) as u8;
            assert_eq!(flags, super::super::words::word_flags(p), "{w}");
            assert_eq!(lex as u32, word_bits(p), "{w}");
        }
    }

    #[test]
    fn the_length_gates_of_word_scans_fit_their_tables() {
        assert!(
            FUTURE_AUXILIARIES
                .iter()
                .all(|w| w.len() == FUTURE_AUXILIARY_LEN)
        );
        assert!(
            UNCONFIRMED_WORDS
                .iter()
                .all(|w| w.len() >= UNCONFIRMED_MIN_LEN)
        );
    }

    #[test]
    fn tables_are_sorted_and_lowercase_so_binary_search_finds_every_row() {
        fn check(name: &str, keys: &[&str]) {
            for w in keys.windows(2) {
                assert!(w[0] < w[1], "{name}: {:?} before {:?}", w[0], w[1]);
            }
            for k in keys {
                assert_eq!(*k, k.to_lowercase(), "{name}: {k:?}");
            }
        }
        let firsts = |t: &[(&'static str, &'static str)]| t.iter().map(|r| r.0).collect::<Vec<_>>();
        check("ROLE_WORDS", &firsts(ROLE_WORDS));
        let verbs: Vec<&str> = PREDICATE_ROLES.iter().map(|r| r.0).collect();
        check("PREDICATE_ROLES", &verbs);
        check("PERIOD_PREPOSITIONS", PERIOD_PREPOSITIONS);
        check("PERIOD_UNITS", PERIOD_UNITS);
        check("PERSON_GENERIC", PERSON_GENERIC);
        check("GOVERNOR_ROLES", &firsts(GOVERNOR_ROLES));
        check("PERSON_SUBSET", PERSON_SUBSET);
        check("SUBSET_ADJECTIVES", &firsts(SUBSET_ADJECTIVES));
        check("DEMONYMS", &firsts(DEMONYMS));
        check("COUNTRIES", COUNTRIES);
        check("COUNTRY_PHRASES", &firsts(COUNTRY_PHRASES));
        check("COUNTRY_ACRONYMS", &firsts(COUNTRY_ACRONYMS));
        check("ATTRIBUTION_VERBS", ATTRIBUTION_VERBS);
        check("ATTRIBUTION_NOUNS", ATTRIBUTION_NOUNS);
        check("QUESTION_OPENERS", QUESTION_OPENERS);
        check("PATH_NOUNS", PATH_NOUNS);
        check("MODALITY_WORDS", MODALITY_WORDS);
        check("FUTURE_AUXILIARIES", FUTURE_AUXILIARIES);
        check("UNCONFIRMED_WORDS", UNCONFIRMED_WORDS);
        check("CAUSE_SUFFIXES", CAUSE_SUFFIXES);
        check("MONEY_PARTS", &firsts(MONEY_PARTS));
        check("ADDITION_WORDS", ADDITION_WORDS);
        check("PROGRESS_ROLES", PROGRESS_ROLES);
        check("ROLE_SKIP", ROLE_SKIP);
        check("CLAUSE_OPENERS", CLAUSE_OPENERS);
        check("VOTE_SIDES", &firsts(VOTE_SIDES));
        check("ELSEWHERE", ELSEWHERE);
        check("SOURCE_NOUNS", SOURCE_NOUNS);
        check("MEDIA_WORDS", MEDIA_WORDS);
        check("COUNT_NOUNS", COUNT_NOUNS);
        check("QUANTITY_SYNONYMS", &firsts(QUANTITY_SYNONYMS));
        check("PRONOUNS", PRONOUNS);
        check("PHRASE_ENDS", PHRASE_ENDS);
        check("VERB_COMPANIONS", VERB_COMPANIONS);
        check("SOURCE_PRONOUNS", SOURCE_PRONOUNS);
        check("COORDINATORS", COORDINATORS);
        check("COMMON_NEWS_NAMES", COMMON_NEWS_NAMES);
        check("PLACE_PREPOSITIONS", PLACE_PREPOSITIONS);
        check("ORIGIN_PREPOSITIONS", ORIGIN_PREPOSITIONS);
        check("COPULAS", COPULAS);
        check("BACK_REFERENCES", BACK_REFERENCES);
        check("FREE_RELATIVES", FREE_RELATIVES);
        check("COUNTRY_ANAPHORS", COUNTRY_ANAPHORS);
        check("ANAPHOR_DETERMINERS", ANAPHOR_DETERMINERS);
        check("YEAR_OPENERS", YEAR_OPENERS);
        check("DATE_EVENTS", &firsts(DATE_EVENTS));
        check("DURATION_EVENTS", &firsts(DURATION_EVENTS));
        check("DURATION_VERBS", &firsts(DURATION_VERBS));
        check("EXTENT_WORDS", &firsts(EXTENT_WORDS));
        check("EXTENT_NOUNS", &firsts(EXTENT_NOUNS));
        check("PAIR_JOINERS", PAIR_JOINERS);
        check("PREPOSITION_SIDES", PREPOSITION_SIDES);
        check("OPPOSITE_SIDES", &firsts(OPPOSITE_SIDES));
        check("OWNED_VALUE_VERBS", OWNED_VALUE_VERBS);
        check("OWNED_VALUE_NOUNS", OWNED_VALUE_NOUNS);
        check("OWNER_PREPOSITIONS", OWNER_PREPOSITIONS);
        check("PRICE_PREPOSITIONS", PRICE_PREPOSITIONS);
        check("AGENT_PREPOSITIONS", AGENT_PREPOSITIONS);
        check("PASSIVE_AUXILIARIES", PASSIVE_AUXILIARIES);
        check("RELATIVE_PRONOUNS", RELATIVE_PRONOUNS);
        check("OWNER_ADVERBS", OWNER_ADVERBS);
        check("OWN_SUBJECT_NOUNS", OWN_SUBJECT_NOUNS);
        check("MONEY_ROLES", MONEY_ROLES);
        check("PLACE_ADJECTIVES", PLACE_ADJECTIVES);
        // The packed classes agree with the lists they are built from.
        let p = |w: &str| crate::text::fold::pack16(w.as_bytes(), false).unwrap();
        for (list, bit) in [
            (CLAUSE_OPENERS, class::OPENER),
            (ROLE_SKIP, class::SKIP),
            (LEVEL_VERBS, class::LEVEL),
            (ATTRIBUTION_VERBS, class::ATTRIBUTION_VERB),
            (ATTRIBUTION_NOUNS, class::ATTRIBUTION_NOUN),
            (crate::lang::en::words::DETERMINERS, class::DETERMINER),
            (PHRASE_PREPOSITIONS, class::PREPOSITION),
            (PRONOUNS, class::PRONOUN),
            (PHRASE_ENDS, class::PHRASE_END),
            (SOURCE_NOUNS, class::SOURCE_NOUN),
            (COORDINATORS, class::COORDINATOR),
            (ELSEWHERE, class::ELSEWHERE),
            (MODALITY_WORDS, class::MODALITY),
            (crate::lang::en::words::NAME_GLUE, class::GLUE),
        ] {
            for w in list {
                assert!(class_of(word_bits(p(w))) & bit != 0, "{w}");
            }
        }
        for (w, r) in ROLE_WORDS {
            assert_eq!(role_of(word_bits(p(w))), Some(*r));
        }
        for (w, r) in GOVERNOR_ROLES {
            assert_eq!(governor_role_of(word_bits(p(w))), Some(*r));
        }
        assert_eq!(word_bits(p("pilgrims")), 0);
        // The date events are marked, and no word outside them is.
        for (w, _) in DATE_EVENTS {
            assert_ne!(word_bits(p(w)) & class::DATE_EVENT, 0, "{w}");
        }
        for w in ["said", "the", "killed", "in"] {
            assert_eq!(
                word_bits(p(w)) & class::DATE_EVENT != 0,
                date_event(w).is_some(),
                "{w}"
            );
        }
        check("LEVEL_VERBS", LEVEL_VERBS);
        check("MARGIN_VERBS", MARGIN_VERBS);
        check("PARTITIVES", PARTITIVES);
        check("PHRASE_PREPOSITIONS", PHRASE_PREPOSITIONS);
        check("VAGUE_SOURCES", VAGUE_SOURCES);
        check("ROLE_DIMENSIONS", &firsts(ROLE_DIMENSIONS));
        check("PERSON_ROLES", PERSON_ROLES);
        check("GENERIC_ROLES", GENERIC_ROLES);
        check("GAP_ROLES", GAP_ROLES);
        check("EVENT_ROLES", EVENT_ROLES);
        check("WORDED_ROLES", WORDED_ROLES);
        check("CONDITIONALS", CONDITIONALS);
        check("INCREMENTS", INCREMENTS);
        check("RECIPIENT_VERBS", RECIPIENT_VERBS);
        check("QUOTING_VERBS", QUOTING_VERBS);
        for w in RECIPIENT_VERBS.iter().chain(QUOTING_VERBS) {
            assert!(ATTRIBUTION_VERBS.contains(w), "{w} is no attribution verb");
        }
        for w in CONDITIONALS {
            assert!(
                !MODALITY_WORDS.contains(w),
                "{w} is a conditional and a modal word"
            );
        }
        for (_, role) in ROLE_WORDS {
            assert!(
                find(ROLE_DIMENSIONS, role).is_some(),
                "role {role} applies to nothing"
            );
        }
    }

    #[test]
    fn demonyms_and_countries_meet() {
        assert_eq!(country_of("indonesians"), Some("indonesia"));
        assert_eq!(country_of("indonesian"), Some("indonesia"));
        assert_eq!(country_of("indonesia"), Some("indonesia"));
        assert_eq!(country_of("chinese"), Some("china"));
        assert_eq!(country_of("americans"), Some("united states"));
        assert_eq!(country_of("people"), None);
        assert_eq!(role("killed"), Some("deaths"));
        assert_eq!(role("tree"), None);
    }

    /// A period scope reads as the length it restricts a count to, one day in the singular.
    #[test]
    fn a_period_label_says_how_long() {
        assert_eq!(scope_label("period:2 days"), "over 2 days");
        assert_eq!(scope_label("period:1 days"), "over 1 day");
        assert_eq!(scope_label("period:1.5 days"), "over 1.5 days");
    }
}
