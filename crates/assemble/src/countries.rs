//! The gazetteer's country table, seen through the recognisers' [`Countries`] trait.

use sitrep_geocode::{Country, Gazetteer};
use sitrep_recognise::countries::{Countries, CountryRef};

/// Adapter from [`Gazetteer`] to [`Countries`].
#[derive(Debug, Clone, Copy)]
pub struct GazetteerCountries<'a>(pub &'a Gazetteer);

fn to_ref(c: &Country) -> CountryRef {
    CountryRef {
        iso2: c.iso2.clone(),
        name: c.name.clone(),
    }
}

impl Countries for GazetteerCountries<'_> {
    fn by_name(&self, word: &str) -> Option<CountryRef> {
        self.0.country_by_name(word).map(to_ref)
    }
    fn by_demonym(&self, word: &str) -> Option<CountryRef> {
        self.0.country_by_demonym(word).map(to_ref)
    }
    fn by_capital(&self, word: &str) -> Option<CountryRef> {
        self.0.country_by_capital(word).map(to_ref)
    }
    fn surface_forms(&self) -> Vec<String> {
        self.0
            .countries()
            .iter()
            .flat_map(|c| {
                std::iter::once(c.name.clone())
                    .chain(c.aliases.iter().cloned())
                    .chain(c.demonyms.iter().cloned())
                    .chain(c.capitals.iter().cloned())
            })
            .collect()
    }
}
