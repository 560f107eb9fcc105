//! Name indexes: normalised key → places, and the country tables.

use rustc_hash::FxHashMap as HashMap;

use crate::normalise::{normalise, skeleton};
use crate::{Country, Place};

/// How a key was reached from a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Via {
    /// The key is the place's canonical name.
    Canonical,
    /// The key is one of its aliases.
    Alias,
}

/// Lookup tables over places and countries.
#[derive(Debug, Default)]
pub(crate) struct NameIndex {
    /// Normalised key → (place id, how).
    pub exact: HashMap<String, Vec<(u32, Via)>>,
    /// Skeleton key (`normalise::skeleton`) → place ids, for loose matches.
    pub loose: HashMap<String, Vec<u32>>,
    /// Normalised country name or alias → index into countries.
    pub country_name: HashMap<String, usize>,
    /// Normalised demonym → country.
    pub demonym: HashMap<String, usize>,
    /// Normalised capital → country.
    pub capital: HashMap<String, usize>,
    /// Upper-case ISO2 → country.
    pub iso: HashMap<String, usize>,
    /// Distinct (place, key) pairs indexed.
    pub names: usize,
}

impl NameIndex {
    /// Builds the indexes.
    pub fn build(places: &[Place], countries: &[Country]) -> NameIndex {
        let mut ix = NameIndex::default();
        for p in places {
            let canon = normalise(&p.name);
            let mut seen: Vec<String> = Vec::new();
            for (i, n) in std::iter::once(&p.name).chain(&p.aliases).enumerate() {
                let key = if i == 0 { canon.clone() } else { normalise(n) };
                if key.is_empty() || seen.contains(&key) {
                    continue;
                }
                let via = if key == canon {
                    Via::Canonical
                } else {
                    Via::Alias
                };
                ix.exact.entry(key.clone()).or_default().push((p.id, via));
                let sk = skeleton(&key);
                let l = ix.loose.entry(sk).or_default();
                if !l.contains(&p.id) {
                    l.push(p.id);
                }
                seen.push(key);
                ix.names += 1;
            }
        }
        for (ci, c) in countries.iter().enumerate() {
            ix.iso.insert(c.iso2.clone(), ci);
            for n in std::iter::once(&c.name).chain(&c.aliases) {
                ix.country_name.entry(normalise(n)).or_insert(ci);
            }
            for d in &c.demonyms {
                ix.demonym.entry(normalise(d)).or_insert(ci);
            }
            for cap in &c.capitals {
                ix.capital.entry(normalise(cap)).or_insert(ci);
            }
        }
        ix
    }

    /// Places whose name or alias has this key.
    pub fn exact(&self, key: &str) -> &[(u32, Via)] {
        self.exact.get(key).map_or(&[], Vec::as_slice)
    }

    /// Places whose name or alias has this skeleton key.
    pub fn loose(&self, key: &str) -> &[u32] {
        self.loose.get(&skeleton(key)).map_or(&[], Vec::as_slice)
    }
}
