//! Claimants: who states what a sentence reports ("the Defence Ministry of
//! Azerbaijan said", "according to Armenia's Ministry of Defence", "Baku denied").

use std::sync::LazyLock;

use regex::Regex;
use sitrep_core::{Span, Stance};

use crate::countries::Countries;
use crate::officials;
use crate::pattern::regex;

/// A source of statements named in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimantMention {
    /// Bytes of the source's name.
    pub span: Span,
    /// Canonical name ("Ministry of Defence of Azerbaijan"), or `None` for an
    /// anaphor ("the ministry", "it") to be resolved from earlier sentences.
    pub name: Option<String>,
    /// The source's country, when known.
    pub country: Option<String>,
    /// What the reporting verb says of the account.
    pub stance: Stance,
    /// The kind of institution, used to resolve anaphors: "ministry" (of defence),
    /// "foreign ministry", "interior ministry", "army", "government", ...
    pub head: &'static str,
}

static REPORTING: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)(said|says|say|stated|states|reported|reports|report|informed|informs|told|added|noted|claimed|claims|announced|confirmed|according to|wrote|alleged|alleges|asserted|insisted|tweeted|denied|denies|deny|rejected|refuted|dismissed|disputed|described|called|accused|accuses|blamed|declared|statement|message|gave (?:a |an |its )?(?:different |conflicting |contradictory |own )?(?:account|version))(?-u:\b)",
    )
});

/// Whether `s` tells that someone said it ("..., he said", "Syniehubov wrote"),
/// whoever that is.
pub fn is_attributed(s: &str) -> bool {
    REPORTING.is_match(s)
}

static ORG: LazyLock<Regex> = LazyLock::new(|| {
    regex(concat!(
        // Karabakh's separatist forces and their ministry, before the ministries of
        // states: "the Artsakh Defense Ministry" is no ministry of Azerbaijan.
        r"(?P<nk>(?:[Tt]he\s+)?(?:Nagorno-Karabakh|Karabakh|Artsakh)(?:'s|’s)?\s+(?i:defen[cs]e\s+(?:army|ministry)|ministry\s+of\s+defen[cs]e|military)|(?:[Tt]he\s+)?Defen[cs]e\s+Army\s+of\s+(?:the\s+)?(?:Nagorno-Karabakh|Artsakh|Karabakh)|(?:[Tt]he\s+)?separatist\s+(?i:defen[cs]e\s+ministry|military|army)|(?:[Tt]he\s+)?Defen[cs]e\s+Army(?-u:\b))",
        r"|(?P<ministry>(?:[Tt]he\s+)?(?:(?P<adj>[A-Z][\w-]+)(?:'s|’s)?\s+)?(?P<kind>(?i:defen[cs]e|foreign|interior|health|emergenc(?:y|ies)|emergency situations))\s+(?:(?i:ministry)|(?-i:Office))(?:\s+of\s+(?:the\s+)?(?:Republic of\s+)?(?P<of>[A-Z][\w-]+(?:\s+Federation)?)|\s+in\s+(?P<mcap>[A-Z][\w-]+))?",
        r"|(?:[Tt]he\s+)?(?:(?P<adj2>[A-Z][\w-]+)(?:'s|’s)?\s+)?Ministry\s+of\s+(?P<kind2>Defen[cs]e|Foreign Affairs|Internal Affairs|Health|Emergency Situations|Emergencies)(?:\s+of\s+(?:the\s+)?(?:Republic of\s+)?(?P<of2>[A-Z][\w-]+(?:\s+Federation)?)|\s+in\s+(?P<mcap2>[A-Z][\w-]+))?)",
        r"|(?P<gs>(?:[Tt]he\s+)?(?:(?P<gsadj>[A-Z][\w-]+)(?:'s|’s)?\s+)?General\s+Staff(?:\s+of\s+the\s+(?:Armed\s+Forces|Army)(?:\s+of\s+(?:the\s+)?(?P<gsof>[A-Z][\w-]+(?:\s+Federation)?))?)?)",
        // Ombudsmen: "Armenia's Human Rights Defender Arman Tatoyan", "the Ombudsman".
        r"|(?P<ombuds>(?:[Tt]he\s+)?(?:(?P<oadj>[A-Z][\w-]+)(?:'s|’s)?\s+)?(?i:human\s+rights\s+(?:defender|ombudsman|commissioner)|ombuds(?:man|person|woman)|commissioner\s+for\s+human\s+rights)(?:\s+\(Ombudsman\))?(?:\s+of\s+(?:the\s+)?(?:Republic\s+of\s+)?(?P<oof>[A-Z][\w-]+))?(?P<oname>(?:\s+[A-Z][\w'’-]+){2})?)",
        // Karabakh's leader: "the separatist leader", "the leader of the breakaway region".
        r"|(?P<nklead>(?:[Tt]he\s+)?(?:separatist|Karabakh|Artsakh|Nagorno-Karabakh)(?:'s|’s)?\s+(?:leader|president)|(?:[Tt]he\s+)?leader\s+of\s+(?:the\s+)?(?:(?:separatist|breakaway|unrecogni[sz]ed)\s+(?:region|enclave|republic|entity)|Nagorno-Karabakh|Karabakh|Artsakh))",
        // Heads of state and government and ministers: "President Ilham Aliyev",
        // "Armenia's Prime Minister", "Israeli Defense Minister Yoav Gallant".
        r"|(?P<leader>(?:[Tt]he\s+)?(?:(?P<ladj>[A-Z][\w-]+)(?:'s|’s)?\s+)?(?P<ltitle>[Pp]resident|[Pp]rime\s+[Mm]inister|[Pp]remier|(?:[Ff]oreign|[Dd]efen[cs]e)\s+[Mm]inister|[Mm]inister\s+of\s+(?:[Ff]oreign\s+[Aa]ffairs|[Dd]efen[cs]e))(?:\s+of\s+(?:the\s+)?(?:Republic\s+of\s+)?(?P<lof>[A-Z][\w-]+))?(?P<lname>(?:\s+[A-Z][\w'’-]+){1,3})?)",
        r"|(?P<idf>(?-u:\b)IDF(?-u:\b)|Israel Defen[cs]e Forces)",
        r"|(?P<bsf>(?-u:\b)BSF(?-u:\b)|Border Security Force)",
        r"|(?P<rangers>(?P<rname>(?:Pakistan|Chenab|Punjab|Sindh)\s+Rangers))",
        r"|(?P<pgo>(?:[Tt]he\s+)?(?:(?P<pgadj>[A-Z][\w-]+)(?:'s|’s)?\s+)?Prosecutor[- ]General['’]s\s+Office(?:\s+of\s+(?:the\s+)?(?P<pgof>[A-Z][\w-]+))?)",
        r"|(?P<anama>(?-u:\b)ANAMA(?-u:\b))",
        r"|(?P<af>(?:[Tt]he\s+)?(?:(?P<afadj>[A-Z][\w-]+)(?:'s|’s)?\s+)?Air\s+Force(?:\s+of\s+(?:the\s+)?(?P<afof>[A-Z][\w-]+))?)",
        r"|(?P<ispr>(?-u:\b)ISPR(?-u:\b)|Inter-Services Public Relations)",
        r"|(?P<nna>(?:[Tt]he\s+|Lebanon['’]s\s+)?(?:state-run\s+|official\s+)?(?:National News Agency|(?-u:\b)NNA(?-u:\b)))",
        r"|(?P<mil_admin>(?:[Tt]he\s+)?(?P<madm>(?:[A-Z][\w-]*\s+){1,3}(?:Regional|City|Oblast|District)\s+(?:Military|State)\s+Administration))",
        r"|(?:[Tt]he\s+)?(?P<madm_lc>(?:[A-Z][\w-]*\s+){1,2})(?P<madm_kind>regional|city|oblast|district)\s+military\s+administration(?-u:\b)",
        r"|(?:[Tt]he\s+)?(?P<padm>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)\s+(?P<padm_kind>provincial|regional|district|oblast|region|province|city|municipal)\s+(?:administration|authorities|government)(?-u:\b)",
        r"|(?:[Tt]he\s+)?(?P<sgov>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)\s+[Ss]tate\s+[Gg]overnment(?-u:\b)",
        r"|(?:[Tt]he\s+)?[Gg]overnor\s+of\s+(?:the\s+)?(?P<gof>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)(?:\s+(?i:region|oblast|province|governorate|state))?(?-u:\b)",
        r"|(?P<governor>(?P<gplace>[A-Z][\w-]+)\s+(?:[Rr]egional\s+|[Rr]egion\s+|[Oo]blast\s+)?[Gg]overnor(?-u:\b)(?:\s+[A-Z][\w-]+){0,3})",
        r"|(?P<gnamed>(?-u:\b)(?:[Aa]cting\s+)?(?:[Rr]egional\s+)?[Gg]overnor\s+[A-Z][\w-]+\s+[A-Z][\w-]+)",
        r"|(?P<vhead>(?:[Tt]he\s+)?(?:(?P<vplace>[A-Z][\w-]+)\s+)?(?:village|community|municipality)\s+(?:head|chief|mayor|administrator)|(?:[Tt]he\s+)?head\s+of\s+the\s+(?P<vplace2>[A-Z][\w-]+)\s+(?:village|community|municipality|hromada)(?-u:\b))",
        // Police officers by rank: "the SP said", "the SSP told reporters".
        r"|(?P<police_rank>(?-u:\b)(?:[Tt]he\s+)?(?:S?SP|DIG|IGP)(?-u:\b))",
        r"|(?P<police>(?-u:\b)(?:[Tt]he\s+)?(?:local\s+)?(?:(?P<poladj>[A-Z][\w-]+(?:\s+and\s+[A-Z][\w-]+)?)\s+)?[Pp]olice(?:\s+of\s+(?:the\s+)?(?P<polof>[A-Z][\w-]+))?)(?-u:\b)",
        r"|(?P<spokes>(?-u:\b)[Ss]pokes(?:man|person|woman)\s+[A-Z][\w-]+\s+[A-Z][\w-]+)",
        r"|(?P<gov>(?-u:\b)(?:[Oo]fficial\s+)?(?P<cap>[A-Z](?:[a-z]+|[A-Z]{1,5})(?:-[A-Z]?[a-z]+)?)(?:,\s+(?:in\s+turn|for\s+its\s+part|however|meanwhile|in\s+response),)?\s+(?:has\s+|had\s+)?(?:also\s+|further\s+|later\s+)?(?:said|says|denied|denies|accused|accuses|reported|reports|claimed|claims|stated|states|blamed|blames))",
        r"|(?P<side>[Tt]he\s+(?P<sadj>[A-Z][\w-]+)\s+side|(?:[Tt]he\s+)?(?P<sadj2>[A-Z][\w-]+)\s+(?:authorities|government)(?-u:\b))",
        r"|(?P<head>the head of (?:the\s+)?(?P<body>[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*\s+(?:Administration|Council|Committee|Service|Command)))",
        r"|(?P<service>(?:[Tt]he\s+)?(?:(?P<svcadj>[A-Z][\w-]+)(?:'s|’s)\s+)?(?P<svc>(?:[A-Z][\w-]*\s+)*(?:Border Service|Security Service|State Security Service|Border Guard Service|Border Troops|Border Guard)(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*(?:\s+\([A-Z]{2,8}\))?)*))",
        // "an Indian army spokesman", "a Srinagar-based defence PRO", before the army:
        // the spokesman is the source, not only the army named in passing.
        r"|(?P<spox>(?-u:\b)(?:(?:[Aa]n?|[Tt]he)\s+)?(?:(?P<spadj>[A-Z][\w-]+)\s+)?(?i:defen[cs]e|army|military)\s+(?:spokes(?:man|person|woman)|officials?|sources?|PRO)(?-u:\b))",
        r"|(?P<army>(?:[Tt]he\s+)?(?P<aadj>[A-Z][\w-]+)(?:'s|’s)?\s+(?:[Aa]rmy|military|(?i:armed forces))(?-u:\b))",
        r"|(?P<local>(?-u:\b)(?:[Tt]he\s+)(?:regional|city|oblast|local)\s+(?:military\s+|state\s+)?administration(?-u:\b))",
        r"|(?P<ana>(?-u:\b)(?:[Tt]he\s+)(?i:ministry|defen[cs]e ministry|statement|military|army|message|department|agency|spokes(?:man|person|woman))(?-u:\b))",
        // People on the spot: "residents of Sotk told OC Media", "witnesses said".
        r"|(?P<folk>(?-u:\b)(?:[Ll]ocal\s+)?(?:[Rr]esidents|[Vv]illagers|[Ww]itnesses|[Ee]yewitnesses|[Ll]ocals)(?:\s+of\s+[A-Z][\w-]+)?\s+(?:told|said|say|says|reported|described)(?-u:\b))",
        r"|(?P<grpsay>(?-u:\b)[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2})\s+(?:has\s+|had\s+)?(?:said|says|denied|denies|claimed|claims|announced|reported|stated)(?-u:\b)",
    ))
});

/// A monitor, council or local committee, named as it names itself ("the Sudan
/// Doctors Network", "the Kharkiv City Council"): a source when no institution the
/// other patterns know speaks.
static CIVIL: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?:[Tt]he\s+)?(?P<cname>(?:[A-Z][\w'’-]*\s+(?:(?:of|for|and)\s+(?:the\s+)?)?){1,5}(?:Network|Room|Committees?|Council|Observatory|Union|Association|Coalition|Commission|Centre|Center|Organi[sz]ation|Watch|Society|Foundation|Monitor|Mission|Conference|Initiative|Movement|[Gg]roup)(?:\s+(?:of|for|on)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})?)(?-u:\b)",
    )
});

/// After "called": the statement it answers ("called the statement disinformation").
static CALLED_STATEMENT: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^\s+(?:the|this|these|such|that|those|its|their)\s+(?:[\w-]+\s+)?(?:statements?|reports?|claims?|accusations?|allegations?|information|remarks)(?-u:\b)",
    )
});

/// A predicate that calls a reported statement untrue: "... is false", "is disinformation".
static UNTRUE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)(?:is|are|was|were)\s+(?:absolutely\s+|completely\s+|totally\s+)?(?:false|untrue|not true|a lie|lies|disinformation|groundless|baseless|fabricated|a fabrication|a provocation)(?-u:\b)|does not (?:correspond to|reflect) (?:reality|the truth)",
    )
});

/// Right before a source whose statement is reported: "the statement by", "claims of".
static REPORTED_BY: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)(?:statements?|claims?|reports?|information|allegations?|accusations?)\s+(?:made\s+|spread\s+|disseminated\s+|circulated\s+)?(?:by|of|from)\s*$",
    )
});

/// Between a reporting word and the source that follows it: "according to a
/// statement issued by", "a statement from", "the report of".
static SOURCE_AFTER_VERB: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^\s*(?:,\s*)?(?:(?:an?|the|its)\s+)?(?:(?:official|joint|written|new)\s+)?(?:statements?|reports?|messages?|figures|data|information|posts?|bulletin|briefing|release)?\s*(?:(?:issued|released|published|posted|made|circulated)\s+)?(?:by|from|of)?\s*$",
    )
});

fn stance_of(verb: &str) -> Stance {
    match verb.to_lowercase().as_str() {
        "denied" | "denies" | "deny" | "rejected" | "refuted" | "dismissed" => Stance::Denies,
        "disputed" | "described" | "called" => Stance::Disputes,
        _ => Stance::Asserts,
    }
}

/// Capitalised words before "police" that name no force ("On Sunday police said").
const WEEKDAYS: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The country a source names in group `of` ("the Air Force of Ukraine"), else in
/// group `adj` ("the Ukrainian Air Force").
fn country_in(
    countries: &dyn Countries,
    c: &regex::Captures<'_>,
    of: &str,
    adj: &str,
) -> Option<crate::countries::CountryRef> {
    country_of(countries, c.name(of).map(|x| x.as_str()))
        .or_else(|| country_of(countries, c.name(adj).map(|x| x.as_str())))
}

fn country_of(
    countries: &dyn Countries,
    word: Option<&str>,
) -> Option<crate::countries::CountryRef> {
    let w = word?.trim_end_matches("'s").trim_end_matches("’s");
    if w == "Russian Federation" {
        return countries.by_name("Russia");
    }
    countries.any(w)
}

/// An acronym in brackets inside a name: " (SCNS)".
static ACRONYM_IN_BRACKETS: LazyLock<Regex> = LazyLock::new(|| regex(r"\s+\([A-Z]{2,8}\)"));

/// The canonical name of a country's institution of kind `head` ("ministry" of
/// defence, "foreign ministry", "interior ministry", "army"): "Ministry of Defence of
/// Azerbaijan", "Indian Army", "Inter-Services Public Relations" (Pakistan's).
pub fn institution(head: &str, country: &str, iso2: &str) -> String {
    match head {
        "army" if iso2 == "IN" => "Indian Army".to_string(),
        // Pakistan's military speaks through its media wing, as reports name it.
        "army" if iso2 == "PK" => "Inter-Services Public Relations".to_string(),
        "army" if iso2 == "SD" => "Sudanese Armed Forces".to_string(),
        "army" if iso2 == "IL" => "Israel Defense Forces".to_string(),
        "army" if iso2 == "LB" => "Lebanese Armed Forces".to_string(),
        // Lebanon's is the Ministry of Public Health.
        "health ministry" if iso2 == "LB" => format!("Ministry of Public Health of {country}"),
        "health ministry" => format!("Ministry of Health of {country}"),
        "emergency ministry" => format!("Ministry of Emergency Situations of {country}"),
        "army" => format!("Military Forces of {country}"),
        "foreign ministry" => format!("Ministry of Foreign Affairs of {country}"),
        "interior ministry" => format!("Ministry of Internal Affairs of {country}"),
        _ => format!("Ministry of Defence of {country}"),
    }
}

/// The full name of a country's border service: Kyrgyzstan's and Tajikistan's belong
/// to their State Committees for National Security.
pub fn service_of(svc: &str, country: &str, iso2: &str) -> String {
    match (iso2, svc) {
        ("KG", "Border Service" | "Border Guard Service" | "Border Guard") => {
            format!("Border Service of the State Committee for National Security of {country}")
        }
        ("TJ", "Border Troops" | "Border Service" | "Border Guard Service") => {
            format!("Border Troops of the State Committee for National Security of {country}")
        }
        _ => format!("{svc} of {country}"),
    }
}

/// "Pashinyan said": the office the named official speaks for, as (name, country,
/// head).
fn official_source(name: &str) -> Option<(Option<String>, Option<String>, &'static str)> {
    officials::official(name).map(|o| {
        (
            Some(o.speaks_for.to_string()),
            Some(o.country.to_string()),
            "person",
        )
    })
}

/// Karabakh's own words for itself and its authorities ("Artsakh", "separatist").
fn names_karabakh(word: &str) -> bool {
    matches!(
        strip_possessive(word),
        "Artsakh" | "Karabakh" | "Nagorno-Karabakh" | "separatist"
    )
}

/// Karabakh's own words ("Artsakh", "separatist") name the Nagorno-Karabakh
/// authorities; else the country named in group `of` or `adj`, as (name, ISO2).
/// The country that "its" refers to just before an institution: the last country,
/// capital or demonym named in the same clause ("Baku's version differed sharply:
/// its").
fn its_country(before: &str, countries: &dyn Countries) -> Option<crate::countries::CountryRef> {
    let lead = before.trim_end().strip_suffix("its")?;
    let clause = lead.rsplit(['.', ';']).next().unwrap_or(lead);
    clause
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|w| countries.any(w))
        .last()
}

fn nk_or_country(
    countries: &dyn Countries,
    c: &regex::Captures<'_>,
    of: &str,
    adj: &str,
) -> Option<(String, String)> {
    let nk = |g: &str| c.name(g).is_some_and(|w| names_karabakh(w.as_str()));
    if nk(of) || nk(adj) {
        return Some(("Nagorno-Karabakh".to_string(), "AZ".to_string()));
    }
    country_in(countries, c, of, adj).map(|cr| (cr.name, cr.iso2))
}

/// "Aliyev's" -> "Aliyev".
fn strip_possessive(w: &str) -> &str {
    let w = w.trim();
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("’s"))
        .unwrap_or(w)
}

/// "regional" -> "Regional".
fn title_case(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The claimant of a sentence, when it names one and a reporting verb.
pub fn find_claimant(s: &str, countries: &dyn Countries) -> Option<ClaimantMention> {
    // "called the statement a lie" answers a statement; "called on the world to ...",
    // "what it called an attack" report nothing.
    let verbs: Vec<_> = REPORTING
        .find_iter(s)
        .filter(|v| {
            !v.as_str().eq_ignore_ascii_case("called") || CALLED_STATEMENT.is_match(&s[v.end()..])
        })
        // "the alleged attack" reports nothing; "alleged that" does.
        .filter(|v| {
            let after = s[v.end()..].trim_start();
            !v.as_str()
                .get(..5)
                .is_some_and(|w| w.eq_ignore_ascii_case("alleg"))
                || after.starts_with("that")
                || after.is_empty()
        })
        // "The army and UNIFIL were informed": told, not telling.
        .filter(|v| {
            let word = v.as_str().to_ascii_lowercase();
            let before = s[..v.start()].trim_end().to_ascii_lowercase();
            !(matches!(word.as_str(), "informed" | "told" | "reported")
                && ["was", "were", "been", "being", "be", "is", "are"]
                    .iter()
                    .any(|aux| before.ends_with(&format!(" {aux}"))))
        })
        .collect();
    if verbs.is_empty() {
        return None;
    }
    let mut best: Option<(usize, ClaimantMention)> = None;
    // Groups resolved on each match only (found by the DFA): the backtracker's cost
    // grows with the text it is given.
    let found = ORG
        .find_iter(s)
        .filter_map(|m| ORG.captures_at(&s[..m.end()], m.start()));
    for c in found {
        let m = c.get(0).expect("match");
        let span = Span::new(m.start(), m.end());
        let (name, country, head) = if c.name("ministry").is_some() {
            let kind = c
                .name("kind")
                .or(c.name("kind2"))
                .map_or("", |k| k.as_str());
            let who = country_of(
                countries,
                c.name("of").or(c.name("of2")).map(|x| x.as_str()),
            )
            .or_else(|| {
                country_of(
                    countries,
                    c.name("adj").or(c.name("adj2")).map(|x| x.as_str()),
                )
            })
            // "the Defense Ministry in Yerevan"
            .or_else(|| {
                c.name("mcap")
                    .or(c.name("mcap2"))
                    .and_then(|x| countries.by_capital(x.as_str()))
            })
            // "Baku's version differed: its defense ministry said": the country the
            // clause names before "its".
            .or_else(|| its_country(&s[..m.start()], countries));
            let kind = kind.to_lowercase();
            // "Foreign Office" is a foreign ministry; a "Health Office" is no ministry.
            if m.as_str().ends_with("Office") && !kind.starts_with("foreign") {
                continue;
            }
            let head = if kind.starts_with("foreign") {
                "foreign ministry"
            } else if kind.starts_with("interior") || kind.starts_with("internal") {
                "interior ministry"
            } else if kind.starts_with("health") {
                "health ministry"
            } else if kind.starts_with("emergenc") {
                "emergency ministry"
            } else {
                "ministry"
            };
            match who {
                Some(cr) => (
                    Some(institution(head, &cr.name, &cr.iso2)),
                    Some(cr.iso2),
                    head,
                ),
                None => (None, None, head),
            }
        } else if c.name("nk").is_some() {
            (
                Some("Nagorno-Karabakh Defence Army".to_string()),
                Some("AZ".to_string()),
                "army",
            )
        } else if c.name("gs").is_some() {
            // "the General Staff of the Armed Forces of Ukraine", "Ukraine's General Staff"
            let who = country_in(countries, &c, "gsof", "gsadj");
            match who {
                Some(cr) => (
                    Some(format!("General Staff of the Armed Forces of {}", cr.name)),
                    Some(cr.iso2),
                    "army",
                ),
                None => (None, None, "army"),
            }
        } else if c.name("bsf").is_some() {
            (
                Some("Border Security Force".to_string()),
                Some("IN".to_string()),
                "service",
            )
        } else if let Some(r) = c.name("rname") {
            (
                Some(r.as_str().to_string()),
                Some("PK".to_string()),
                "service",
            )
        } else if c.name("pgo").is_some() {
            // "the Prosecutor General's Office of Azerbaijan"
            match country_in(countries, &c, "pgof", "pgadj") {
                Some(cr) => (
                    Some(format!("Prosecutor General's Office of {}", cr.name)),
                    Some(cr.iso2),
                    "office",
                ),
                None => (
                    Some("Prosecutor General's Office".to_string()),
                    None,
                    "office",
                ),
            }
        } else if c.name("anama").is_some() {
            (
                Some("Mine Action Agency of Azerbaijan".to_string()),
                Some("AZ".to_string()),
                "agency",
            )
        } else if c.name("af").is_some() {
            // "the Ukrainian Air Force said"
            match country_in(countries, &c, "afof", "afadj") {
                Some(cr) => (
                    Some(format!("Air Force of {}", cr.name)),
                    Some(cr.iso2),
                    "army",
                ),
                None => continue,
            }
        } else if c.name("ombuds").is_some() {
            // "the Artsakh Ombudsman", "Human Rights Defender Arman Tatoyan", bare "the
            // Ombudsman" (resolved from earlier sentences).
            let person = c
                .name("oname")
                .and_then(|n| officials::official(n.as_str()));
            match nk_or_country(countries, &c, "oof", "oadj") {
                Some((country, iso2)) => (
                    Some(officials::ombudsman(&country, &iso2)),
                    Some(iso2),
                    "ombudsman",
                ),
                None => match person {
                    Some(o) => (
                        Some(o.speaks_for.to_string()),
                        Some(o.country.to_string()),
                        "ombudsman",
                    ),
                    None => (None, None, "ombudsman"),
                },
            }
        } else if c.name("nklead").is_some() {
            (
                Some("President of Nagorno-Karabakh".to_string()),
                Some("AZ".to_string()),
                "president",
            )
        } else if let Some(title) = c.name("ltitle") {
            // "Azerbaijani President Ilham Aliyev", "Prime Minister Pashinyan": the
            // office the title names in the country named, else the named official's.
            let title = title.as_str();
            let person = c
                .name("lname")
                .and_then(|n| officials::official(strip_possessive(n.as_str())));
            let named = nk_or_country(countries, &c, "lof", "ladj").and_then(|(country, iso2)| {
                officials::office(title, &country, &iso2).zip(Some(iso2))
            });
            match named
                .or_else(|| person.map(|o| (o.speaks_for.to_string(), o.country.to_string())))
            {
                Some((office, iso2)) => (Some(office), Some(iso2), officials::head_of(title)),
                None => continue,
            }
        } else if c.name("folk").is_some() {
            // Their words are the outlet's report, no institution's claim.
            (None, None, "witness")
        } else if c.name("idf").is_some() {
            (
                Some("Israel Defense Forces".to_string()),
                Some("IL".to_string()),
                "army",
            )
        } else if let Some(cap) = c.name("cap") {
            // "India and Pakistan accused each other": neither alone is the source.
            let rest = s[m.end()..].trim_start();
            if rest.starts_with("each other") || rest.starts_with("one another") {
                continue;
            }
            match countries
                .by_capital(cap.as_str())
                .or_else(|| countries.by_name(cap.as_str()))
            {
                Some(cr) => (
                    Some(format!("Government of {}", cr.name)),
                    Some(cr.iso2),
                    "government",
                ),
                // "Hezbollah said it fired ...": a group speaks for itself; "Pashinyan
                // said": the office the official holds.
                None => match crate::actors::non_state_group(cap.as_str()) {
                    Some((group, cc)) => (Some(group.to_string()), cc.map(str::to_string), "group"),
                    None => match official_source(cap.as_str()) {
                        Some(source) => source,
                        None => continue,
                    },
                },
            }
        } else if let Some(grp) = c.name("grpsay") {
            // "The paramilitary Rapid Support Forces said": a group of several words.
            match crate::actors::non_state_group(grp.as_str()) {
                Some((group, cc)) => (Some(group.to_string()), cc.map(str::to_string), "group"),
                None => match official_source(grp.as_str()) {
                    Some(source) => source,
                    None => continue,
                },
            }
        } else if let Some(adj) = c.name("sadj").or(c.name("sadj2")) {
            let Some(cr) = countries.any(adj.as_str()) else {
                continue;
            };
            (
                Some(format!("Government of {}", cr.name)),
                Some(cr.iso2),
                "government",
            )
        } else if c.name("police_rank").is_some() {
            (None, None, "police")
        } else if c.name("police").is_some() {
            // "the Police of Armenia", "the Jammu and Kashmir Police", "the Artsakh
            // police" as each names itself; bare "police said": the police of the
            // event's place (named per event).
            let named = c
                .name("polof")
                .or(c.name("poladj"))
                .map(|x| x.as_str())
                .filter(|n| !WEEKDAYS.contains(n));
            match named {
                None => (None, None, "police"),
                // "the Artsakh police", "the police of Nagorno-Karabakh"
                Some(n) if names_karabakh(n) => (
                    Some("Nagorno-Karabakh Police".to_string()),
                    Some("AZ".to_string()),
                    "police",
                ),
                Some(n) => match country_of(countries, Some(n)) {
                    Some(cr) => (
                        Some(format!("Police of {}", cr.name)),
                        Some(cr.iso2),
                        "police",
                    ),
                    None if c.name("polof").is_some() => continue,
                    None => (Some(format!("{n} Police")), None, "police"),
                },
            }
        } else if c.name("gnamed").is_some() {
            // "Governor Vyacheslav Gladkov said": the governor of the event's region.
            (None, None, "governor")
        } else if c.name("vhead").is_some() {
            // "village head Armen Sargsyan", "the head of the Tegh community"
            match c.name("vplace").or(c.name("vplace2")) {
                Some(place) if countries.any(place.as_str()).is_none() => {
                    let kind = if m.as_str().contains("ommunity") || m.as_str().contains("hromada")
                    {
                        "community"
                    } else {
                        "village"
                    };
                    (
                        Some(format!("{} {kind} head", place.as_str())),
                        None,
                        "village head",
                    )
                }
                _ => (None, None, "village head"),
            }
        } else if c.name("spokes").is_some() {
            // "Spokesperson Aram Torosyan said": the ministry named before; "police
            // spokesman Yazid Abubakar said": the police.
            let before = s[..m.start()].trim_end().to_ascii_lowercase();
            let head = if before.ends_with("police") {
                "police"
            } else if ["army", "military", "defence", "defense"]
                .iter()
                .any(|w| before.ends_with(w))
            {
                "army"
            } else {
                "ministry"
            };
            (None, None, head)
        } else if c.name("spox").is_some() {
            // "an Indian army spokesman said": India's army; "a defence spokesman said":
            // the army of the side hit (resolved per event).
            match c.name("spadj").and_then(|a| {
                countries
                    .by_demonym(a.as_str())
                    .or(countries.by_name(a.as_str()))
            }) {
                Some(cr) => (
                    Some(institution("army", &cr.name, &cr.iso2)),
                    Some(cr.iso2),
                    "army",
                ),
                None => (None, None, "army"),
            }
        } else if c.name("local").is_some() {
            // "the regional administration said": named from the event's place. Only
            // Ukraine has military administrations.
            let military = m.as_str().to_lowercase().contains("military");
            (None, military.then(|| "UA".to_string()), "administration")
        } else if c.name("ispr").is_some() {
            (
                Some("Inter-Services Public Relations".to_string()),
                Some("PK".to_string()),
                "army",
            )
        } else if c.name("nna").is_some() {
            (
                Some("National News Agency".to_string()),
                Some("LB".to_string()),
                "agency",
            )
        } else if let Some(adm) = c.name("madm") {
            // "the Ukrainian Zaporizhzhia Regional Military Administration"
            let adm = adm.as_str();
            let adm = match adm.split_once(' ') {
                Some((first, rest)) if countries.by_demonym(first).is_some() => rest,
                _ => adm,
            };
            let military = adm.contains("Military");
            (
                Some(adm.to_string()),
                military.then(|| "UA".to_string()),
                "administration",
            )
        } else if let Some(place) = c.name("madm_lc") {
            // "the Dnipropetrovsk regional military administration"
            let kind = title_case(c.name("madm_kind").map_or("", |k| k.as_str()));
            let place = place.as_str().trim();
            if countries.by_demonym(place).is_some() {
                continue;
            }
            (
                Some(format!("{place} {kind} Military Administration")),
                Some("UA".to_string()),
                "administration",
            )
        } else if let Some(place) = c.name("padm") {
            // "the Tavush provincial administration": as "the Batken Region administration".
            let place = place.as_str();
            if countries.any(place).is_some() {
                continue;
            }
            let kind = match c.name("padm_kind").map_or("", |k| k.as_str()) {
                "provincial" | "province" => "Province",
                "regional" | "region" => "Region",
                "district" => "District",
                "oblast" => "Oblast",
                "city" => "City",
                _ => "Municipal",
            };
            (
                Some(format!("{place} {kind} administration")),
                None,
                "administration",
            )
        } else if let Some(place) = c.name("sgov") {
            // "the River Nile state government"
            let place = place.as_str();
            if countries.any(place).is_some() {
                continue;
            }
            (
                Some(format!("{place} State Government")),
                None,
                "administration",
            )
        } else if let Some(place) = c.name("gof").or(c.name("gplace")) {
            (
                Some(format!("Governor of {}", place.as_str())),
                None,
                "administration",
            )
        } else if let Some(body) = c.name("body") {
            (Some(body.as_str().to_string()), None, "administration")
        } else if let Some(svc) = c.name("svc") {
            // "Azerbaijan's State Border Service", "the Kyrgyz Border Service": the
            // country goes after the name.
            // "... National Security (SCNS) of Tajikistan": the acronym is no part of
            // the name.
            let svc = ACRONYM_IN_BRACKETS.replace_all(svc.as_str().trim(), "");
            let svc = svc.as_ref();
            let (svc, demonym) = match svc.split_once(' ') {
                Some((first, rest)) if countries.by_demonym(first).is_some() => (rest, Some(first)),
                _ => (svc, None),
            };
            match country_of(countries, c.name("svcadj").map(|a| a.as_str()).or(demonym)) {
                Some(cr) => (
                    Some(service_of(svc, &cr.name, &cr.iso2)),
                    Some(cr.iso2),
                    "service",
                ),
                None => (Some(svc.to_string()), None, "service"),
            }
        } else if let Some(adj) = c.name("aadj") {
            match countries.any(adj.as_str()) {
                Some(cr) => (
                    Some(institution("army", &cr.name, &cr.iso2)),
                    Some(cr.iso2),
                    "army",
                ),
                // "The Army said": an anaphor, resolved from earlier sentences.
                None if adj.as_str() == "The" => (None, None, "army"),
                None => continue,
            }
        } else {
            let w = m.as_str().to_lowercase();
            let head = if w.contains("spokes") {
                "spokesman"
            } else if w.contains("ministry") {
                "ministry"
            } else if w.contains("army") || w.contains("military") {
                "army"
            } else {
                "any"
            };
            (None, None, head)
        };
        // "..., said that the Kyrgyz side had fired": what follows "that" is what was
        // said, not who said it.
        if verbs.iter().any(|v| {
            v.end() <= span.start && {
                let gap = s[v.end()..span.start].trim();
                gap == "that" || gap == ", that"
            }
        }) {
            continue;
        }
        // The nearest reporting verb decides the stance.
        // A source after its verb follows it directly ("said the ministry"), or
        // "according to (a statement by)"; further on it is what was said ("claimed
        // it was the Pakistani side that fired").
        let Some((dist, verb)) = verbs
            .iter()
            .filter_map(|v| {
                let d = if v.start() >= span.end {
                    v.start() - span.end
                } else if v.end() <= span.start {
                    let gap = &s[v.end()..span.start];
                    if !gap.trim().is_empty() && !SOURCE_AFTER_VERB.is_match(gap) {
                        return None;
                    }
                    gap.len()
                } else {
                    0
                };
                Some((d, v.as_str()))
            })
            .min_by_key(|(d, _)| *d)
        else {
            continue;
        };
        if dist > 60 {
            continue;
        }
        // An army is often what a sentence is about ("saying that Azerbaijani army
        // positions had not fired"), and a governor whom someone "talked with" is no
        // source: they speak only as the subject of the verb, or after "according to".
        let office_named_in_text = ["madm_lc", "padm", "sgov", "gof", "leader", "nklead"]
            .iter()
            .any(|g| c.name(g).is_some());
        if (head == "army" || office_named_in_text) && name.is_some() {
            // A person's title is followed by the verb, an adverb or an apposition
            // ("Arayik Harutyunyan, the leader of the separatist region, said").
            let person = c.name("leader").is_some() || c.name("nklead").is_some();
            let subject = verbs.iter().any(|v| {
                let gap = v.start().saturating_sub(span.end);
                let between = s.get(span.end..v.start()).unwrap_or("").trim();
                v.start() >= span.end
                    && gap <= 30
                    && (!person
                        || between.is_empty()
                        || between.starts_with(',') && between.ends_with(',')
                        || matches!(between, "also" | "has" | "had" | "later" | "has also"))
                    && !v.as_str().eq_ignore_ascii_case("according to")
                    || v.as_str().eq_ignore_ascii_case("according to")
                        && v.end() <= span.start
                        && s[v.end()..span.start]
                            .trim()
                            .trim_start_matches("the")
                            .trim()
                            .is_empty()
            });
            if !subject {
                continue;
            }
        }
        // "The statement by the Azerbaijani Defence Ministry that ... is false": the
        // event is that source's account (the speaker only denies it).
        let reported = name.is_some()
            && REPORTED_BY.is_match(sitrep_core::tail(&s[..span.start], 40))
            && UNTRUE.is_match(s);
        let mention = ClaimantMention {
            span,
            name,
            country,
            stance: if reported {
                Stance::Asserts
            } else {
                stance_of(verb)
            },
            head,
        };
        // A source right before its verb ("the foreign ministry said") or right after
        // "according to" is the one speaking; else prefer named sources over
        // anaphors, then the nearest.
        if reported {
            return Some(mention);
        }
        // A source that asserts what the sentence tells before one that denies it
        // ("..., according to Armenia's defence ministry; Baku denied that ...").
        let denial = if mention.stance == Stance::Denies {
            5
        } else {
            0
        };
        let rank = if dist <= 2 {
            // a named source next to its verb before an anaphor next to one
            dist + denial + if mention.name.is_none() { 3 } else { 0 }
        } else {
            dist + 100 + if mention.name.is_none() { 1000 } else { 0 }
        };
        if best.as_ref().is_none_or(|(r, _)| rank < *r) {
            best = Some((rank, mention));
        }
    }
    if best.as_ref().is_none_or(|(_, m)| m.name.is_none()) {
        if let Some(m) = civil_source(s, &verbs) {
            return Some(m);
        }
    }
    best.map(|(_, m)| m)
}

/// Between a source and its verb: nothing, "and local activists", or ", a civil
/// society group,".
static AND_OTHERS: LazyLock<Regex> = LazyLock::new(|| {
    regex(r"^\s*(?:and\s+(?:[\w-]+\s+){0,3}|,\s*(?:an?|the)\s+[\w\s-]{1,40},\s*)?$")
});

/// The monitor or committee right before or after a reporting verb.
fn civil_source(s: &str, verbs: &[regex::Match<'_>]) -> Option<ClaimantMention> {
    CIVIL.captures_iter(s).find_map(|c| {
        let m = c.get(0)?;
        let name = c.name("cname")?.as_str();
        let verb = verbs.iter().find(|v| {
            v.start() >= m.end() && AND_OTHERS.is_match(&s[m.end()..v.start()])
                || v.end() <= m.start()
                    && m.start() - v.end() <= 5
                    && v.as_str().eq_ignore_ascii_case("according to")
        })?;
        Some(ClaimantMention {
            span: Span::new(m.start(), m.end()),
            name: Some(name.to_string()),
            country: None,
            stance: stance_of(verb.as_str()),
            head: "monitor",
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::countries::StaticCountries;

    fn claimant(s: &str) -> Option<(Option<String>, Stance)> {
        find_claimant(s, &StaticCountries::sample()).map(|c| (c.name, c.stance))
    }

    #[test]
    fn the_other_side_named_by_its_capital() {
        let name = |s: &str| claimant(s).and_then(|c| c.0);
        assert_eq!(
            name("Baku, in turn, claimed that Armenian units had fired first."),
            Some("Government of Azerbaijan".to_string())
        );
        assert_eq!(
            name("Baku's version differed sharply: its defense ministry said Armenian forces attacked."),
            Some("Ministry of Defence of Azerbaijan".to_string())
        );
        assert_eq!(
            name("Separately, the Nagorno-Karabakh defense army said one serviceman was wounded."),
            Some("Nagorno-Karabakh Defence Army".to_string())
        );
        // People on the spot speak for no institution.
        let c = find_claimant(
            "Separately, residents of Sotk told a reporter that a shell hit the school.",
            &StaticCountries::sample(),
        )
        .unwrap();
        assert_eq!((c.name, c.head), (None, "witness"));
    }

    #[test]
    fn ministries_in_every_word_order() {
        let want = Some((
            Some("Ministry of Defence of Azerbaijan".to_string()),
            Stance::Asserts,
        ));
        assert_eq!(
            claimant("Fire was opened, the Defence Ministry of Azerbaijan said."),
            want
        );
        assert_eq!(
            claimant("According to Azerbaijan's Defense Ministry, fire was opened."),
            want
        );
        assert_eq!(
            claimant("Fire was opened, the Azerbaijani Defense Ministry told reporters."),
            want
        );
        assert_eq!(
            claimant("Armenia's Ministry of Defence reported two dead."),
            Some((
                Some("Ministry of Defence of Armenia".to_string()),
                Stance::Asserts
            ))
        );
    }

    #[test]
    fn a_statement_called_false_is_its_author_s_account() {
        assert_eq!(
            claimant("The statement by the Azerbaijani Defence Ministry that Armenian units fired at its positions is false, the ministry added."),
            Some((
                Some("Ministry of Defence of Azerbaijan".to_string()),
                Stance::Asserts
            ))
        );
        // Without a denial the nearest speaker stays the source.
        assert_eq!(
            claimant("Responding to claims by the Azerbaijani Defence Ministry, the Armenian Defence Ministry said its units had not opened fire."),
            Some((
                Some("Ministry of Defence of Armenia".to_string()),
                Stance::Asserts
            ))
        );
    }

    #[test]
    fn officials_speak_for_their_offices() {
        let name = |s: &str| claimant(s).and_then(|c| c.0);
        assert_eq!(
            name("Three Armenian soldiers who crossed the border were detained, President Ilham Aliyev said on Tuesday."),
            Some("President of Azerbaijan".to_string())
        );
        assert_eq!(
            name("Azerbaijani troops shelled the village overnight, Armenian Prime Minister Nikol Pashinyan told parliament."),
            Some("Prime Minister of Armenia".to_string())
        );
        assert_eq!(
            name("Pashinyan also said that two soldiers had been wounded near Sotk."),
            Some("Prime Minister of Armenia".to_string())
        );
        assert_eq!(
            name("Arayik Harutyunyan, the leader of the separatist region, said that Azerbaijani troops had seized two villages."),
            Some("President of Nagorno-Karabakh".to_string())
        );
        assert_eq!(
            name("Artsakh President Arayik Harutyunyan wrote that the capital had been shelled."),
            Some("President of Nagorno-Karabakh".to_string())
        );
        // A president who is talked with is no source.
        assert_eq!(
            name(
                "In talks with President Ilham Aliyev, the mediators said nothing of the shelling."
            ),
            None
        );
    }

    #[test]
    fn ombudsmen_by_the_title_their_country_gives_them() {
        let name = |s: &str| claimant(s).and_then(|c| c.0);
        assert_eq!(
            name("A shepherd was wounded near Kut, Armenia's Human Rights Defender said in a statement."),
            Some("Human Rights Defender of Armenia".to_string())
        );
        assert_eq!(
            name("A tractor driver was hit by sniper fire, the Artsakh Ombudsman reported."),
            Some("Human Rights Defender of Nagorno-Karabakh".to_string())
        );
        assert_eq!(
            name("According to the Commissioner for Human Rights of Azerbaijan, a resident of Alibayli was wounded."),
            Some("Commissioner for Human Rights of Azerbaijan".to_string())
        );
        // Bare "the Ombudsman" is an anaphor for the one named before.
        let bare = find_claimant(
            "The Ombudsman also said that a house was hit.",
            &StaticCountries::sample(),
        )
        .expect("source");
        assert_eq!((bare.name, bare.head), (None, "ombudsman"));
    }

    #[test]
    fn karabakh_s_army_and_police() {
        let name = |s: &str| claimant(s).and_then(|c| c.0);
        assert_eq!(
            name("Two servicemen were wounded near Martuni, the Defence Army said."),
            Some("Nagorno-Karabakh Defence Army".to_string())
        );
        assert_eq!(
            name("A farmer was wounded by sniper fire near Chartar, the police of Nagorno-Karabakh said."),
            Some("Nagorno-Karabakh Police".to_string())
        );
        assert_eq!(
            name("A house was hit in Shushi, the Artsakh police reported."),
            Some("Nagorno-Karabakh Police".to_string())
        );
    }

    #[test]
    fn a_ministry_named_by_its_capital() {
        assert_eq!(
            claimant("A soldier was killed near Tegh late on Monday, the Defense Ministry in Yerevan said."),
            Some((
                Some("Ministry of Defence of Armenia".to_string()),
                Stance::Asserts
            ))
        );
    }

    #[test]
    fn what_follows_said_that_is_the_content() {
        let countries = StaticCountries::new(&[
            ("KG", "Kyrgyzstan", &["Kyrgyz"], &["Bishkek"]),
            ("TJ", "Tajikistan", &["Tajik"], &["Dushanbe"]),
        ]);
        let c = find_claimant(
            "The Border Troops of the State Committee for National Security of Tajikistan, in turn, said that the Kyrgyz side had fired at a Tajik post.",
            &countries,
        )
        .and_then(|c| c.name);
        assert_eq!(
            c.as_deref(),
            Some("Border Troops of the State Committee for National Security of Tajikistan")
        );
    }

    #[test]
    fn mutual_accusations_have_no_single_source() {
        assert_eq!(
            claimant("India and Pakistan accused each other of opening fire in the Uri sector."),
            None
        );
    }

    #[test]
    fn services_administrations_and_press_offices() {
        let name = |s: &str| claimant(s).and_then(|c| c.0);
        assert_eq!(
            name("Two houses were damaged, the Sumy Regional Military Administration said."),
            Some("Sumy Regional Military Administration".to_string())
        );
        assert_eq!(
            name("Three people were hurt, Kharkiv Governor Oleh Syniehubov said."),
            Some("Governor of Kharkiv".to_string())
        );
        assert_eq!(
            name("Indian troops fired on the posts, the ISPR said."),
            Some("Inter-Services Public Relations".to_string())
        );
        assert_eq!(
            name("A drone struck the town, Lebanon's National News Agency reported."),
            Some("National News Agency".to_string())
        );
        assert_eq!(
            name("Two shells fell near the school, the state-run NNA said."),
            Some("National News Agency".to_string())
        );
        // Told, not telling.
        assert_eq!(
            name("The Lebanese army and UNIFIL were informed and are following up."),
            None
        );
        assert_eq!(
            name("Six people were injured, the Armenian Health Ministry said."),
            Some("Ministry of Health of Armenia".to_string())
        );
        assert_eq!(
            name("A serviceman was detained, Azerbaijan's State Border Service said."),
            Some("State Border Service of Azerbaijan".to_string())
        );
        assert_eq!(
            name("The posts came under fire, the Russian Border Service said."),
            Some("Border Service of Russia".to_string())
        );
        assert_eq!(
            name("The villager was wounded, the Prosecutor General's Office of Azerbaijan said."),
            Some("Prosecutor General's Office of Azerbaijan".to_string())
        );
        assert_eq!(
            name("Two posts were hit, a Chenab Rangers spokesman said."),
            Some("Chenab Rangers".to_string())
        );
        assert_eq!(
            name("A car was hit near Armash on June 9, the Police of Armenia said."),
            Some("Police of Armenia".to_string())
        );
        assert_eq!(
            name("Two militants were killed, the Jammu and Kashmir Police said."),
            Some("Jammu and Kashmir Police".to_string())
        );
        assert_eq!(
            name("Two men were injured, acting Kursk region governor Alexei Smirnov said."),
            Some("Governor of Kursk".to_string())
        );
        assert_eq!(
            service_of("Border Service", "Kyrgyzstan", "KG"),
            "Border Service of the State Committee for National Security of Kyrgyzstan"
        );
        assert_eq!(
            service_of("Border Troops", "Tajikistan", "TJ"),
            "Border Troops of the State Committee for National Security of Tajikistan"
        );
        assert_eq!(
            name("Kyrgyz troops fired on a post, the Border Troops of the State Committee for National Security (SCNS) of Tajikistan said."),
            Some("Border Troops of the State Committee for National Security of Tajikistan".to_string())
        );
        assert_eq!(
            name("Positions were shelled, the Pakistani Armed Forces said."),
            Some("Inter-Services Public Relations".to_string())
        );
        // Lowercase office words, as wires write them.
        assert_eq!(
            name("A shell hit a garage, Ivan Petrenko, the head of the Poltava regional military administration, said."),
            Some("Poltava Regional Military Administration".to_string())
        );
        assert_eq!(
            name(
                "Two shells hit the village, the governor of the Bryansk region said on Telegram."
            ),
            Some("Governor of Bryansk".to_string())
        );
        assert_eq!(
            name("A farmer was wounded by sniper fire, the Syunik provincial administration said."),
            Some("Syunik Province administration".to_string())
        );
        assert_eq!(
            name("A drone hit the power station, the Kassala state government said."),
            Some("Kassala State Government".to_string())
        );
        assert_eq!(
            name("Shells fell near the post, the Azerbaijani regional administration said."),
            None
        );
        assert_eq!(
            name("Two posts were shelled, the General Staff of the Armed Forces of Armenia reported."),
            Some("General Staff of the Armed Forces of Armenia".to_string())
        );
        assert_eq!(
            name("Russia's General Staff said 14 drones were destroyed."),
            Some("General Staff of the Armed Forces of Russia".to_string())
        );
        assert_eq!(
            name("The general said he would phone the governor of Tavush province on Monday."),
            None
        );
    }

    #[test]
    fn karabakh_forces_speak_as_the_defence_army() {
        let name = |s: &str| claimant(s).and_then(|c| c.0);
        for source in [
            "the Artsakh Defense Ministry said",
            "the separatist defence ministry in Stepanakert said",
            "according to the Defence Army of Nagorno-Karabakh",
            "Karabakh's defence ministry reported",
        ] {
            assert_eq!(
                name(&format!(
                    "Posts near Martakert came under mortar fire, {source}."
                )),
                Some("Nagorno-Karabakh Defence Army".to_string()),
                "{source}"
            );
        }
        // A state's ministry is still its own.
        assert_eq!(
            name("Posts near Tovuz came under fire, Azerbaijan's defence ministry said."),
            Some("Ministry of Defence of Azerbaijan".to_string())
        );
    }

    #[test]
    fn village_heads_police_and_governors_named_by_title() {
        let name = |s: &str| claimant(s).and_then(|c| c.0);
        assert_eq!(
            name("Shots hit two houses in Chinari, Chinari village head Gagik Petrosyan said."),
            Some("Chinari village head".to_string())
        );
        assert_eq!(
            name("A tractor was hit by fire, the head of the Khnatsakh community said."),
            Some("Khnatsakh community head".to_string())
        );
        assert_eq!(
            name("A farmer was wounded near the village, the Artsakh police said."),
            Some("Nagorno-Karabakh Police".to_string())
        );
        // Unnamed offices, named per event from its place.
        let head = |s: &str| {
            let c = find_claimant(s, &StaticCountries::sample()).expect("claimant");
            (c.name, c.head)
        };
        assert_eq!(head("A man was injured, police said."), (None, "police"));
        assert_eq!(
            name("Armenian authorities said 24 people had been killed in the clashes."),
            Some("Government of Armenia".to_string())
        );
        assert_eq!(
            head("Five villagers were killed, police spokesman Musa Bello said."),
            (None, "police")
        );
        assert_eq!(
            head("Two soldiers were hurt, army spokesman Ali Khan said."),
            (None, "army")
        );
        assert_eq!(
            head("The drone was shot down, spokesperson Anna Petrosyan said."),
            (None, "ministry")
        );
        assert_eq!(
            head("Two cars burned, Governor Ivan Petrov said on Telegram."),
            (None, "governor")
        );
        assert_eq!(
            head("A shell hit a barn, village head Gagik Petrosyan said."),
            (None, "village head")
        );
    }

    #[test]
    fn monitors_councils_and_local_committees_speak_as_they_name_themselves() {
        let name = |s: &str| claimant(s).and_then(|c| c.0);
        assert_eq!(
            name("Fighters abducted 15 men, the Gezira Conference, a civil society group, said."),
            Some("Gezira Conference".to_string())
        );
        assert_eq!(
            name("Twelve people were detained, the Emergency Lawyers group said."),
            Some("Emergency Lawyers group".to_string())
        );
        assert_eq!(
            name("Shelling killed four people in the market, the Nyala Doctors Network said."),
            Some("Nyala Doctors Network".to_string())
        );
        assert_eq!(
            name("The Kassala Emergency Response Room said a drone hit the bus station."),
            Some("Kassala Emergency Response Room".to_string())
        );
        assert_eq!(
            name("According to the Lebanese Observatory for Human Rights, two were killed."),
            Some("Lebanese Observatory for Human Rights".to_string())
        );
        assert_eq!(
            name("Missiles hit two districts overnight, the Zaporizhzhia City Council reported."),
            Some("Zaporizhzhia City Council".to_string())
        );
        // The border service's full name is not cut to its committee.
        assert_eq!(
            name("A Kyrgyz post was shelled, the Border Service of the State Committee for National Security said."),
            Some("Border Service of the State Committee for National Security".to_string())
        );
        assert_eq!(
            name("A market was hit, the Sudan Doctors Network and local activists said."),
            Some("Sudan Doctors Network".to_string())
        );
        // A known service is not cut short by a committee in its name.
        assert_eq!(
            name("A post was shelled, the Border Troops of the State Committee for National Security of Tajikistan said."),
            Some("Border Troops of the State Committee for National Security of Tajikistan".to_string())
        );
        assert_eq!(
            name(
                "The paramilitary Rapid Support Forces said on Saturday it had repelled an attack."
            ),
            Some("Rapid Support Forces".to_string())
        );
        assert_eq!(
            name("Two houses burned, the Russian Belgorod Regional Military Administration said."),
            Some("Belgorod Regional Military Administration".to_string())
        );
        // A committee that only appears in the story does not speak.
        assert_eq!(
            name("Gunmen attacked the office of the Village Council on Monday."),
            None
        );
    }

    #[test]
    fn governments_denials_and_anaphors() {
        assert_eq!(
            claimant("The Armenian Ministry of Defence called the statement another piece of disinformation."),
            Some((
                Some("Ministry of Defence of Armenia".to_string()),
                Stance::Disputes
            ))
        );
        // Calling for something, or naming an attack, reports nothing.
        assert_eq!(
            claimant("The ministry called on the international community to condemn it."),
            None
        );
        assert_eq!(
            claimant("The foreign ministry summoned the ambassador over what it called an attack."),
            None
        );
        assert_eq!(
            claimant("Official Baku denied any casualties."),
            Some((Some("Government of Azerbaijan".to_string()), Stance::Denies))
        );
        // The source that tells the act, not the one that denies it after.
        assert_eq!(
            claimant("Units fired at a farmer near the village, according to Armenia's defence ministry; Baku denied that its troops had fired."),
            Some((
                Some("Ministry of Defence of Armenia".to_string()),
                Stance::Asserts
            ))
        );
        assert_eq!(
            claimant(
                "Azerbaijan's army gave a different account, saying its units had returned fire."
            ),
            Some((
                Some("Military Forces of Azerbaijan".to_string()),
                Stance::Asserts
            ))
        );
        assert_eq!(
            claimant("The ministry said the post was hit."),
            Some((None, Stance::Asserts))
        );
        assert_eq!(
            claimant("In a report on Monday the Ministry said a sergeant was wounded."),
            Some((None, Stance::Asserts))
        );
        assert_eq!(
            claimant("The Army blamed the other side for the violation."),
            Some((None, Stance::Asserts))
        );
        assert_eq!(
            claimant("Six soldiers died, the Indian army said."),
            Some((Some("Indian Army".to_string()), Stance::Asserts))
        );
        assert_eq!(
            claimant("Hezbollah said it fired rockets at the post."),
            Some((Some("Hezbollah".to_string()), Stance::Asserts))
        );
        assert_eq!(
            claimant("Al-Shabaab claimed the attack on the base."),
            Some((Some("Al Shabaab".to_string()), Stance::Asserts))
        );
        // An army that is only talked about is not the speaker.
        assert_eq!(
            claimant("The other side denied it, saying that Indian army positions had not fired."),
            None
        );
        // The speaker, not the army it quotes.
        assert_eq!(
            claimant("Pakistan’s army said that groups of the Indian army attacked its posts."),
            Some((
                Some("Inter-Services Public Relations".to_string()),
                Stance::Asserts
            ))
        );
        // The speaker, not the army it names.
        assert_eq!(
            claimant("Fire was opened on the Armenian armed forces, the ministry said."),
            Some((None, Stance::Asserts))
        );
        assert_eq!(claimant("Mortar fire hit the post."), None);
        // Headlines speak in the present tense.
        assert_eq!(
            claimant("Azerbaijan says it shelled the posts."),
            Some((
                Some("Government of Azerbaijan".to_string()),
                Stance::Asserts
            ))
        );
    }
}
