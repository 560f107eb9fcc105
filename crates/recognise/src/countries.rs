//! The country knowledge recognisers need, supplied by the gazetteer.

/// A country as recognisers see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryRef {
    /// ISO 3166-1 alpha-2 code.
    pub iso2: String,
    /// Short English name ("Azerbaijan").
    pub name: String,
}

/// Looks countries up by the words reports use for them.
pub trait Countries {
    /// "Azerbaijan", "Republic of Armenia", "Russia".
    fn by_name(&self, word: &str) -> Option<CountryRef>;
    /// "Azerbaijani", "Azeri", "Armenians".
    fn by_demonym(&self, word: &str) -> Option<CountryRef>;
    /// "Baku", "Yerevan" (capitals used as metonyms).
    fn by_capital(&self, word: &str) -> Option<CountryRef>;
    /// Every surface form (names, aliases, demonyms, capitals) to scan text for.
    fn surface_forms(&self) -> Vec<String>;
    /// Any of the three lookups.
    fn any(&self, word: &str) -> Option<CountryRef> {
        self.by_name(word)
            .or_else(|| self.by_demonym(word))
            .or_else(|| self.by_capital(word))
    }
}

/// A small fixed table, for tests and examples.
#[derive(Debug, Default, Clone)]
pub struct StaticCountries {
    rows: Vec<(String, String, Vec<String>, Vec<String>)>,
}

impl StaticCountries {
    /// Builds a table from `(iso2, name, demonyms, capitals)` rows.
    pub fn new(rows: &[(&str, &str, &[&str], &[&str])]) -> Self {
        StaticCountries {
            rows: rows
                .iter()
                .map(|(i, n, d, c)| {
                    (
                        i.to_string(),
                        n.to_string(),
                        d.iter().map(|s| s.to_string()).collect(),
                        c.iter().map(|s| s.to_string()).collect(),
                    )
                })
                .collect(),
        }
    }

    /// Armenia, Azerbaijan, Russia, India, Pakistan: enough for the tests.
    pub fn sample() -> Self {
        Self::new(&[
            ("AM", "Armenia", &["Armenian", "Armenians"], &["Yerevan"]),
            (
                "AZ",
                "Azerbaijan",
                &["Azerbaijani", "Azerbaijanis", "Azeri"],
                &["Baku"],
            ),
            ("RU", "Russia", &["Russian", "Russians"], &["Moscow"]),
            ("IN", "India", &["Indian", "Indians"], &["New Delhi"]),
            (
                "PK",
                "Pakistan",
                &["Pakistani", "Pakistanis"],
                &["Islamabad"],
            ),
        ])
    }

    fn find(
        &self,
        pick: impl Fn(&(String, String, Vec<String>, Vec<String>)) -> bool,
    ) -> Option<CountryRef> {
        self.rows.iter().find(|r| pick(r)).map(|r| CountryRef {
            iso2: r.0.clone(),
            name: r.1.clone(),
        })
    }
}

impl Countries for StaticCountries {
    fn by_name(&self, word: &str) -> Option<CountryRef> {
        self.find(|r| r.1.eq_ignore_ascii_case(word))
    }
    fn by_demonym(&self, word: &str) -> Option<CountryRef> {
        self.find(|r| r.2.iter().any(|d| d.eq_ignore_ascii_case(word)))
    }
    fn by_capital(&self, word: &str) -> Option<CountryRef> {
        self.find(|r| r.3.iter().any(|d| d.eq_ignore_ascii_case(word)))
    }
    fn surface_forms(&self) -> Vec<String> {
        self.rows
            .iter()
            .flat_map(|r| {
                std::iter::once(r.1.clone())
                    .chain(r.2.clone())
                    .chain(r.3.clone())
            })
            .collect()
    }
}
