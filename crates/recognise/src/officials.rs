//! Officials who speak for an institution: heads of state and government,
//! ministers, spokespersons and ombudsmen of the sides the reports cover, and the
//! titles they are named by ("President Ilham Aliyev", "Armenia's Human Rights
//! Defender", "the Artsakh Ombudsman").
//!
//! A person speaks for an office: what "Pashinyan said" is the Prime Minister of
//! Armenia's account, what a ministry's spokesperson says is the ministry's.
//!
//! The table holds public facts: each row names its public source (the English
//! Wikipedia article on the person, as of 2026; text CC BY-SA 4.0, facts only).

/// Who speaks, whom for, and where the fact comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Official {
    /// The person's name as reports write it ("Ilham Aliyev").
    pub name: &'static str,
    /// The canonical claimant the person speaks for ("President of Azerbaijan").
    pub speaks_for: &'static str,
    /// ISO 3166-1 alpha-2 code of the country (Karabakh's officials: `AZ`).
    pub country: &'static str,
    /// The public source of the fact.
    pub source: &'static str,
}

const fn row(
    name: &'static str,
    speaks_for: &'static str,
    country: &'static str,
    source: &'static str,
) -> Official {
    Official {
        name,
        speaks_for,
        country,
        source,
    }
}

/// Office holders of 2020-2024 who are quoted on the border and front-line incidents.
pub const OFFICIALS: &[Official] = &[
    // Azerbaijan
    row(
        "Ilham Aliyev",
        "President of Azerbaijan",
        "AZ",
        "wikipedia: Ilham Aliyev",
    ),
    row(
        "Jeyhun Bayramov",
        "Ministry of Foreign Affairs of Azerbaijan",
        "AZ",
        "wikipedia: Jeyhun Bayramov",
    ),
    row(
        "Zakir Hasanov",
        "Ministry of Defence of Azerbaijan",
        "AZ",
        "wikipedia: Zakir Hasanov",
    ),
    row(
        "Vagif Dargahli",
        "Ministry of Defence of Azerbaijan",
        "AZ",
        "wikipedia: Vagif Dargahli (MoD press service head)",
    ),
    row(
        "Anar Eyvazov",
        "Ministry of Defence of Azerbaijan",
        "AZ",
        "wikipedia: Anar Eyvazov (MoD spokesman)",
    ),
    row(
        "Leyla Abdullayeva",
        "Ministry of Foreign Affairs of Azerbaijan",
        "AZ",
        "wikipedia: Leyla Abdullayeva (MFA spokeswoman)",
    ),
    row(
        "Hikmet Hajiyev",
        "Government of Azerbaijan",
        "AZ",
        "wikipedia: Hikmat Hajiyev (presidential aide)",
    ),
    row(
        "Hikmat Hajiyev",
        "Government of Azerbaijan",
        "AZ",
        "wikipedia: Hikmat Hajiyev (presidential aide)",
    ),
    row(
        "Sabina Aliyeva",
        "Commissioner for Human Rights of Azerbaijan",
        "AZ",
        "wikipedia: Sabina Aliyeva (ombudsman since 2019)",
    ),
    // Armenia
    row(
        "Nikol Pashinyan",
        "Prime Minister of Armenia",
        "AM",
        "wikipedia: Nikol Pashinyan",
    ),
    row(
        "Armen Sarkissian",
        "President of Armenia",
        "AM",
        "wikipedia: Armen Sarkissian",
    ),
    row(
        "Vahagn Khachaturyan",
        "President of Armenia",
        "AM",
        "wikipedia: Vahagn Khachaturyan",
    ),
    row(
        "Ararat Mirzoyan",
        "Ministry of Foreign Affairs of Armenia",
        "AM",
        "wikipedia: Ararat Mirzoyan",
    ),
    row(
        "Suren Papikyan",
        "Ministry of Defence of Armenia",
        "AM",
        "wikipedia: Suren Papikyan",
    ),
    row(
        "Shushan Stepanyan",
        "Ministry of Defence of Armenia",
        "AM",
        "wikipedia: Shushan Stepanyan (MoD spokesperson 2018-2021)",
    ),
    row(
        "Aram Torosyan",
        "Ministry of Defence of Armenia",
        "AM",
        "wikipedia: Ministry of Defence (Armenia), spokesman from 2021",
    ),
    row(
        "Arman Tatoyan",
        "Human Rights Defender of Armenia",
        "AM",
        "wikipedia: Arman Tatoyan",
    ),
    row(
        "Kristinne Grigoryan",
        "Human Rights Defender of Armenia",
        "AM",
        "wikipedia: Kristinne Grigoryan",
    ),
    row(
        "Anahit Manasyan",
        "Human Rights Defender of Armenia",
        "AM",
        "wikipedia: Anahit Manasyan",
    ),
    // Nagorno-Karabakh (de facto authorities until 2023)
    row(
        "Arayik Harutyunyan",
        "President of Nagorno-Karabakh",
        "AZ",
        "wikipedia: Arayik Harutyunyan",
    ),
    row(
        "Samvel Shahramanyan",
        "President of Nagorno-Karabakh",
        "AZ",
        "wikipedia: Samvel Shahramanyan",
    ),
    row(
        "Bako Sahakyan",
        "President of Nagorno-Karabakh",
        "AZ",
        "wikipedia: Bako Sahakyan",
    ),
    row(
        "Artak Beglaryan",
        "Human Rights Defender of Nagorno-Karabakh",
        "AZ",
        "wikipedia: Artak Beglaryan",
    ),
    row(
        "Gegham Stepanyan",
        "Human Rights Defender of Nagorno-Karabakh",
        "AZ",
        "wikipedia: Gegham Stepanyan",
    ),
    // Russia
    row(
        "Vladimir Putin",
        "President of Russia",
        "RU",
        "wikipedia: Vladimir Putin",
    ),
    row(
        "Sergei Lavrov",
        "Ministry of Foreign Affairs of Russia",
        "RU",
        "wikipedia: Sergey Lavrov",
    ),
    row(
        "Sergey Lavrov",
        "Ministry of Foreign Affairs of Russia",
        "RU",
        "wikipedia: Sergey Lavrov",
    ),
    row(
        "Maria Zakharova",
        "Ministry of Foreign Affairs of Russia",
        "RU",
        "wikipedia: Maria Zakharova",
    ),
    row(
        "Sergei Shoigu",
        "Ministry of Defence of Russia",
        "RU",
        "wikipedia: Sergei Shoigu",
    ),
    row(
        "Igor Konashenkov",
        "Ministry of Defence of Russia",
        "RU",
        "wikipedia: Igor Konashenkov",
    ),
    row(
        "Dmitry Peskov",
        "Government of Russia",
        "RU",
        "wikipedia: Dmitry Peskov (Kremlin press secretary)",
    ),
    // Ukraine
    row(
        "Volodymyr Zelensky",
        "President of Ukraine",
        "UA",
        "wikipedia: Volodymyr Zelenskyy",
    ),
    row(
        "Volodymyr Zelenskyy",
        "President of Ukraine",
        "UA",
        "wikipedia: Volodymyr Zelenskyy",
    ),
    row(
        "Dmytro Kuleba",
        "Ministry of Foreign Affairs of Ukraine",
        "UA",
        "wikipedia: Dmytro Kuleba",
    ),
    row(
        "Andriy Demchenko",
        "State Border Guard Service of Ukraine",
        "UA",
        "wikipedia: State Border Guard Service of Ukraine (spokesman)",
    ),
    row(
        "Andrii Demchenko",
        "State Border Guard Service of Ukraine",
        "UA",
        "wikipedia: State Border Guard Service of Ukraine (spokesman)",
    ),
    // India and Pakistan
    row(
        "Narendra Modi",
        "Prime Minister of India",
        "IN",
        "wikipedia: Narendra Modi",
    ),
    row(
        "Rajnath Singh",
        "Ministry of Defence of India",
        "IN",
        "wikipedia: Rajnath Singh",
    ),
    row(
        "Imran Khan",
        "Prime Minister of Pakistan",
        "PK",
        "wikipedia: Imran Khan",
    ),
    row(
        "Shehbaz Sharif",
        "Prime Minister of Pakistan",
        "PK",
        "wikipedia: Shehbaz Sharif",
    ),
    row(
        "Babar Iftikhar",
        "Inter-Services Public Relations",
        "PK",
        "wikipedia: Babar Iftikhar (DG ISPR 2020-2022)",
    ),
    // Israel and Lebanon
    row(
        "Benjamin Netanyahu",
        "Prime Minister of Israel",
        "IL",
        "wikipedia: Benjamin Netanyahu",
    ),
    row(
        "Yoav Gallant",
        "Ministry of Defence of Israel",
        "IL",
        "wikipedia: Yoav Gallant",
    ),
    row(
        "Daniel Hagari",
        "Israel Defense Forces",
        "IL",
        "wikipedia: Daniel Hagari (IDF spokesperson)",
    ),
    row(
        "Avichay Adraee",
        "Israel Defense Forces",
        "IL",
        "wikipedia: Avichay Adraee (IDF Arabic spokesman)",
    ),
    row(
        "Najib Mikati",
        "Prime Minister of Lebanon",
        "LB",
        "wikipedia: Najib Mikati",
    ),
    row(
        "Hassan Nasrallah",
        "Hezbollah",
        "LB",
        "wikipedia: Hassan Nasrallah",
    ),
    // Kyrgyzstan and Tajikistan
    row(
        "Sadyr Japarov",
        "President of Kyrgyzstan",
        "KG",
        "wikipedia: Sadyr Japarov",
    ),
    row(
        "Emomali Rahmon",
        "President of Tajikistan",
        "TJ",
        "wikipedia: Emomali Rahmon",
    ),
    // Sudan and Ethiopia
    row(
        "Abiy Ahmed",
        "Prime Minister of Ethiopia",
        "ET",
        "wikipedia: Abiy Ahmed",
    ),
    row(
        "Dina Mufti",
        "Ministry of Foreign Affairs of Ethiopia",
        "ET",
        "wikipedia: Dina Mufti (MFA spokesman)",
    ),
];

/// The official a full name ("Ilham Aliyev") or a surname that only one official of
/// the table bears ("Aliyev") names.
pub fn official(name: &str) -> Option<&'static Official> {
    let name = name.trim();
    if name.is_empty() {
        return None;
    }
    if let Some(o) = OFFICIALS.iter().find(|o| o.name == name) {
        return Some(o);
    }
    if name.contains(' ') {
        return None;
    }
    let mut by_surname = OFFICIALS
        .iter()
        .filter(|o| o.name.rsplit(' ').next() == Some(name));
    let first = by_surname.next()?;
    // Two officials of one surname ("Stepanyan"): only the context can tell.
    by_surname
        .all(|o| o.speaks_for == first.speaks_for)
        .then_some(first)
}

/// The office a title names for a country ("President", "Azerbaijan"): heads of
/// state and government are their offices, ministers speak for their ministries,
/// ombudsmen by the title their country gives them.
pub fn office(title: &str, country: &str, iso2: &str) -> Option<String> {
    let t = title.to_ascii_lowercase();
    let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    Some(match t.as_str() {
        "president" | "leader" => format!("President of {country}"),
        "prime minister" | "premier" => format!("Prime Minister of {country}"),
        "foreign minister" | "minister of foreign affairs" => {
            format!("Ministry of Foreign Affairs of {country}")
        }
        "defence minister" | "defense minister" | "minister of defence" | "minister of defense" => {
            format!("Ministry of Defence of {country}")
        }
        _ if t.contains("ombuds") || t.contains("human rights") => ombudsman(country, iso2),
        _ => return None,
    })
}

/// The kind of office a title names, for "the minister said" and the like.
pub fn head_of(title: &str) -> &'static str {
    let t = title.to_ascii_lowercase();
    if t.contains("foreign") {
        "foreign ministry"
    } else if t.contains("defen") {
        "ministry"
    } else if t.contains("president") {
        "president"
    } else {
        "prime minister"
    }
}

/// A country's ombudsman by the title it has: Armenia's (and Karabakh's) Human Rights
/// Defender, Azerbaijan's Commissioner for Human Rights.
pub fn ombudsman(country: &str, iso2: &str) -> String {
    match (iso2, country) {
        (_, "Nagorno-Karabakh") => "Human Rights Defender of Nagorno-Karabakh".to_string(),
        ("AM", _) => format!("Human Rights Defender of {country}"),
        ("AZ", _) => format!("Commissioner for Human Rights of {country}"),
        _ => format!("Ombudsman of {country}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_names_and_unique_surnames_name_their_office() {
        assert_eq!(
            official("Ilham Aliyev").map(|o| o.speaks_for),
            Some("President of Azerbaijan")
        );
        assert_eq!(
            official("Pashinyan").map(|o| o.speaks_for),
            Some("Prime Minister of Armenia")
        );
        // Two Stepanyans speak for different offices: the surname alone is no one.
        assert_eq!(official("Stepanyan"), None);
        assert_eq!(
            official("Gegham Stepanyan").map(|o| o.speaks_for),
            Some("Human Rights Defender of Nagorno-Karabakh")
        );
        // Two spellings of one name speak for one office.
        assert_eq!(
            official("Lavrov").map(|o| o.speaks_for),
            Some("Ministry of Foreign Affairs of Russia")
        );
        assert_eq!(official("Armen Sargsyan"), None);
        assert_eq!(official(""), None);
    }

    #[test]
    fn titles_name_offices_by_country() {
        assert_eq!(
            office("Prime  Minister", "Armenia", "AM").as_deref(),
            Some("Prime Minister of Armenia")
        );
        assert_eq!(
            office("Defense Minister", "Israel", "IL").as_deref(),
            Some("Ministry of Defence of Israel")
        );
        assert_eq!(
            office("Ombudsman", "Azerbaijan", "AZ").as_deref(),
            Some("Commissioner for Human Rights of Azerbaijan")
        );
        assert_eq!(
            office("Human Rights Defender", "Nagorno-Karabakh", "AZ").as_deref(),
            Some("Human Rights Defender of Nagorno-Karabakh")
        );
        assert_eq!(office("Mayor", "Armenia", "AM"), None);
    }

    #[test]
    fn every_row_has_a_source_and_a_two_letter_country() {
        for o in OFFICIALS {
            assert!(!o.source.is_empty(), "{}", o.name);
            assert_eq!(o.country.len(), 2, "{}", o.name);
            assert!(o.name.contains(' '), "{}: full names only", o.name);
        }
    }
}
