//! Which side of a conflict an actor or a claimant speaks for.
//!
//! A side is a country (its ISO 3166-1 alpha-2 code) when the actor's or claimant's
//! name mentions the country or its adjective ("Military Forces of Armenia",
//! "Nagorno-Karabakh Armenian forces", "Indian Army", "Civilians (IN)"), else the
//! normalised name of a non-state group ("hezbollah"). Unnamed attackers
//! ("Unidentified Armed Group (XX)") have no known side.

use std::collections::HashMap;
use std::sync::LazyLock;

/// ISO code, then the names and adjectives that identify the country, `|`-separated.
const COUNTRIES: &[(&str, &str)] = &[
    ("AF", "afghanistan|afghan"),
    ("AL", "albania|albanian"),
    ("DZ", "algeria|algerian"),
    ("AO", "angola|angolan"),
    ("AR", "argentina|argentine|argentinian"),
    // Forces of the former Nagorno-Karabakh authorities count as Armenia's side.
    (
        "AM",
        "armenia|armenian|artsakh|nagorno karabakh|karabakh armenian",
    ),
    ("AU", "australia|australian"),
    ("AT", "austria|austrian"),
    ("AZ", "azerbaijan|azerbaijani|azeri"),
    ("BH", "bahrain|bahraini"),
    ("BD", "bangladesh|bangladeshi"),
    ("BY", "belarus|belarusian"),
    ("BE", "belgium|belgian"),
    ("BJ", "benin|beninese"),
    ("BT", "bhutan|bhutanese"),
    ("BO", "bolivia|bolivian"),
    ("BA", "bosnia and herzegovina|bosnia|bosnian"),
    ("BW", "botswana"),
    ("BR", "brazil|brazilian"),
    ("BG", "bulgaria|bulgarian"),
    ("BF", "burkina faso|burkinabe"),
    ("BI", "burundi|burundian"),
    ("KH", "cambodia|cambodian"),
    ("CM", "cameroon|cameroonian"),
    ("CA", "canada|canadian"),
    ("CF", "central african republic|central african"),
    ("TD", "chad|chadian"),
    ("CL", "chile|chilean"),
    ("CN", "china|chinese"),
    ("CO", "colombia|colombian"),
    (
        "CD",
        "democratic republic of the congo|dr congo|drc|congolese",
    ),
    ("CG", "republic of the congo|congo brazzaville"),
    ("HR", "croatia|croatian"),
    ("CU", "cuba|cuban"),
    ("CY", "cyprus|cypriot"),
    ("CZ", "czech republic|czechia|czech"),
    ("DK", "denmark|danish"),
    ("DJ", "djibouti|djiboutian"),
    ("DO", "dominican republic|dominican"),
    ("EC", "ecuador|ecuadorian"),
    ("EG", "egypt|egyptian"),
    ("SV", "el salvador|salvadoran"),
    ("ER", "eritrea|eritrean"),
    ("EE", "estonia|estonian"),
    ("ET", "ethiopia|ethiopian"),
    ("FI", "finland|finnish"),
    ("FR", "france|french"),
    ("GA", "gabon|gabonese"),
    ("GM", "gambia|gambian"),
    ("GE", "georgia|georgian"),
    ("DE", "germany|german"),
    ("GH", "ghana|ghanaian"),
    ("GR", "greece|greek"),
    ("GT", "guatemala|guatemalan"),
    ("GN", "guinea|guinean"),
    ("GW", "guinea bissau"),
    ("GY", "guyana|guyanese"),
    ("HT", "haiti|haitian"),
    ("HN", "honduras|honduran"),
    ("HU", "hungary|hungarian"),
    ("IN", "india|indian"),
    ("ID", "indonesia|indonesian"),
    ("IR", "iran|iranian"),
    ("IQ", "iraq|iraqi"),
    ("IE", "ireland|irish"),
    ("IL", "israel|israeli"),
    ("IT", "italy|italian"),
    ("CI", "ivory coast|cote d ivoire|ivorian"),
    ("JM", "jamaica|jamaican"),
    ("JP", "japan|japanese"),
    ("JO", "jordan|jordanian"),
    ("KZ", "kazakhstan|kazakh"),
    ("KE", "kenya|kenyan"),
    ("XK", "kosovo|kosovar"),
    ("KW", "kuwait|kuwaiti"),
    ("KG", "kyrgyzstan|kyrgyz|kyrgyz republic"),
    ("LA", "laos|lao|laotian"),
    ("LV", "latvia|latvian"),
    ("LB", "lebanon|lebanese"),
    ("LS", "lesotho"),
    ("LR", "liberia|liberian"),
    ("LY", "libya|libyan"),
    ("LT", "lithuania|lithuanian"),
    ("MG", "madagascar|malagasy"),
    ("MW", "malawi|malawian"),
    ("MY", "malaysia|malaysian"),
    ("ML", "mali|malian"),
    ("MR", "mauritania|mauritanian"),
    ("MX", "mexico|mexican"),
    ("MD", "moldova|moldovan"),
    ("MN", "mongolia|mongolian"),
    ("ME", "montenegro|montenegrin"),
    ("MA", "morocco|moroccan"),
    ("MZ", "mozambique|mozambican"),
    ("MM", "myanmar|burma|burmese"),
    ("NA", "namibia|namibian"),
    ("NP", "nepal|nepali|nepalese"),
    ("NL", "netherlands|dutch"),
    ("NZ", "new zealand"),
    ("NI", "nicaragua|nicaraguan"),
    ("NE", "niger|nigerien"),
    ("NG", "nigeria|nigerian"),
    ("KP", "north korea|north korean|dprk"),
    ("MK", "north macedonia|macedonia|macedonian"),
    ("NO", "norway|norwegian"),
    ("OM", "oman|omani"),
    ("PK", "pakistan|pakistani"),
    ("PS", "palestine|palestinian"),
    ("PA", "panama|panamanian"),
    ("PG", "papua new guinea"),
    ("PY", "paraguay|paraguayan"),
    ("PE", "peru|peruvian"),
    ("PH", "philippines|philippine|filipino"),
    ("PL", "poland|polish"),
    ("PT", "portugal|portuguese"),
    ("QA", "qatar|qatari"),
    ("RO", "romania|romanian"),
    ("RU", "russia|russian|russian federation"),
    ("RW", "rwanda|rwandan"),
    ("SA", "saudi arabia|saudi"),
    ("SN", "senegal|senegalese"),
    ("RS", "serbia|serbian"),
    ("SL", "sierra leone|sierra leonean"),
    ("SG", "singapore|singaporean"),
    ("SK", "slovakia|slovak"),
    ("SI", "slovenia|slovenian"),
    ("SO", "somalia|somali"),
    ("ZA", "south africa|south african"),
    ("KR", "south korea|south korean|republic of korea"),
    ("SS", "south sudan|south sudanese"),
    ("ES", "spain|spanish"),
    ("LK", "sri lanka|sri lankan"),
    ("SD", "sudan|sudanese"),
    ("SE", "sweden|swedish"),
    ("CH", "switzerland|swiss"),
    ("SY", "syria|syrian"),
    ("TW", "taiwan|taiwanese"),
    ("TJ", "tajikistan|tajik"),
    ("TZ", "tanzania|tanzanian"),
    ("TH", "thailand|thai"),
    ("TL", "timor leste|east timor|timorese"),
    ("TG", "togo|togolese"),
    ("TN", "tunisia|tunisian"),
    ("TR", "turkey|turkiye|turkish"),
    ("TM", "turkmenistan|turkmen"),
    ("UG", "uganda|ugandan"),
    ("UA", "ukraine|ukrainian"),
    ("AE", "united arab emirates|uae|emirati"),
    ("GB", "united kingdom|uk|britain|british"),
    ("US", "united states|usa|american"),
    ("UY", "uruguay|uruguayan"),
    ("UZ", "uzbekistan|uzbek"),
    ("VE", "venezuela|venezuelan"),
    ("VN", "vietnam|viet nam|vietnamese"),
    ("EH", "western sahara|sahrawi"),
    ("YE", "yemen|yemeni"),
    ("ZM", "zambia|zambian"),
    ("ZW", "zimbabwe|zimbabwean"),
];

/// Lower-cases, folds common diacritics and keeps alphanumeric words, space-separated.
pub(crate) fn norm_words(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let c = match c {
            'ə' | 'Ə' | 'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'Á' | 'Ä' => 'a',
            'ı' | 'İ' | 'í' | 'ì' | 'î' | 'ï' => 'i',
            'é' | 'è' | 'ê' | 'ë' | 'É' => 'e',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'Ö' => 'o',
            'ú' | 'ù' | 'û' | 'ü' | 'Ü' => 'u',
            'ç' | 'Ç' => 'c',
            'ş' | 'Ş' => 's',
            'ğ' | 'Ğ' => 'g',
            'ñ' => 'n',
            c => c,
        };
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with(' ') && !out.is_empty() {
            out.push(' ');
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// The country a name mentions (the longest country name or adjective found as whole
/// words), as its ISO code.
pub(crate) fn country_in(name: &str) -> Option<&'static str> {
    let words = norm_words(name);
    let words: Vec<&str> = words.split(' ').filter(|w| !w.is_empty()).collect();
    let table = &*COUNTRY_NAMES;
    // (table order, byte length, code) of the best phrase: longest, then first in the table.
    let mut best: Option<(usize, usize, &'static str)> = None;
    for start in 0..words.len() {
        let mut phrase = String::new();
        for w in words[start..].iter().take(table.max_words) {
            if !phrase.is_empty() {
                phrase.push(' ');
            }
            phrase.push_str(w);
            if let Some(&(order, iso)) = table.names.get(phrase.as_str()) {
                let better = best.is_none_or(|(o, len, _)| {
                    phrase.len() > len || (phrase.len() == len && order < o)
                });
                if better {
                    best = Some((order, phrase.len(), iso));
                }
            }
        }
    }
    best.map(|b| b.2)
}

/// Every country name and adjective of [`COUNTRIES`], with the first table row
/// that gives it.
struct CountryNames {
    names: HashMap<&'static str, (usize, &'static str)>,
    max_words: usize,
}

static COUNTRY_NAMES: LazyLock<CountryNames> = LazyLock::new(|| {
    let mut names = HashMap::new();
    let mut max_words = 1;
    for (order, (iso, list)) in COUNTRIES.iter().enumerate() {
        for n in list.split('|') {
            max_words = max_words.max(n.split(' ').count());
            names.entry(n).or_insert((order, *iso));
        }
    }
    CountryNames { names, max_words }
});

/// Whether `code` is a known ISO country code of the table.
fn is_iso(code: &str) -> Option<&'static str> {
    COUNTRIES
        .iter()
        .find(|(iso, _)| iso.eq_ignore_ascii_case(code))
        .map(|(iso, _)| *iso)
}

/// The side an actor belongs to: a country code, or the normalised name of a
/// non-state group; `None` for unknown or unnamed actors.
pub(crate) fn side_of_actor(actor: &str) -> Option<String> {
    let t = actor.trim();
    if t.is_empty() {
        return None;
    }
    let lower = t.to_lowercase();
    if lower.starts_with("unidentified") || lower.starts_with("unknown") {
        return None;
    }
    // "Civilians (IN)": civilians of a country are on that country's side.
    if let (Some(open), true) = (t.rfind('('), t.ends_with(')')) {
        let code = t[open + 1..t.len() - 1].trim();
        if code.len() == 2 {
            if let Some(iso) = is_iso(code) {
                return Some(iso.to_string());
            }
        }
    }
    if let Some(iso) = country_in(t) {
        return Some(iso.to_string());
    }
    Some(norm_words(t))
}

/// The side a claimant speaks for, when its name says so ("Ministry of Defence of
/// Azerbaijan", "Indian Army"); `None` otherwise.
pub(crate) fn side_of_claimant(claimant: &str) -> Option<String> {
    country_in(claimant).map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn actors_map_to_country_sides() {
        assert_eq!(
            side_of_actor("Military Forces of Armenia").as_deref(),
            Some("AM")
        );
        assert_eq!(
            side_of_actor("Nagorno-Karabakh Armenian forces").as_deref(),
            Some("AM")
        );
        assert_eq!(side_of_actor("Civilians (IN)").as_deref(), Some("IN"));
        assert_eq!(
            side_of_actor("Military Forces of India").as_deref(),
            Some("IN")
        );
        assert_eq!(side_of_actor("Unidentified Armed Group (AZ)"), None);
        assert_eq!(side_of_actor("Hezbollah").as_deref(), Some("hezbollah"));
        assert_eq!(
            side_of_actor("Military Forces of South Sudan").as_deref(),
            Some("SS")
        );
        assert_eq!(
            side_of_actor("Military Forces of Niger").as_deref(),
            Some("NE")
        );
    }

    #[test]
    fn claimants_map_to_sides() {
        assert_eq!(
            side_of_claimant("Ministry of Defence of Azerbaijan").as_deref(),
            Some("AZ")
        );
        assert_eq!(side_of_claimant("Indian Army").as_deref(), Some("IN"));
        assert_eq!(side_of_claimant("Karabakh Defence Army").as_deref(), None);
        assert_eq!(side_of_claimant("Regional Military Administration"), None);
    }
}
