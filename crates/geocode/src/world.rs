//! The world base: GeoNames cities500 (234,908 populated places, CC BY 4.0),
//! compiled by `build.rs` into binary tables that are embedded in the binary and
//! read in place (nothing is parsed at start-up):
//!
//! | table | content |
//! |---|---|
//! | `WORLD_KEYS` | fst map: normalised name key → offset into the postings |
//! | `WORLD_POSTINGS` | `u32` LE: at an offset, a count and that many `index << 1 \| canonical`, largest population first |
//! | `WORLD_SCAN` | fst map: `find_names` pattern (towns ≥ 15,000 inhabitants, stoplist removed) → postings offset |
//! | `WORLD_RECORDS` | 28 bytes per place: geonameid, lat·10⁴, lon·10⁴ (`i32`), population, ISO2, admin1 index (`u16`, `0xFFFF` none), string offset and length |
//! | `WORLD_STRINGS` | the name and aliases of each place, `\x1f`-separated |
//! | `WORLD_ADMIN1` | admin1 names, one a line (index = line) |
//!
//! The records hold the towns first, then one place per named admin1 region
//! (from index `WORLD_TOWNS` on: kind [`Kind::Province`], geonameid 0, placed at
//! the mean point of the region's towns).
//!
//! A world [`Place`] is built on first use and kept (one `OnceLock` per place).
//! World places get ids after the curated ones.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

use crate::normalise::normalise;
use crate::rank::distance_km;
use crate::{Kind, Place};

mod data {
    include!(concat!(env!("OUT_DIR"), "/world_data.rs"));
}

/// Places at least this large are [`Kind::City`], the others [`Kind::Settlement`]
/// (cities500 has no feature class); the same bound selects the scan patterns.
pub(crate) const SCAN_POPULATION: u64 = 15_000;

/// The embedded world base.
pub(crate) struct World {
    keys: fst::Map<&'static [u8]>,
    scan: fst::Map<&'static [u8]>,
    admin1: Vec<&'static str>,
    cache: Box<[OnceLock<Box<Place>>]>,
    /// World indexes dropped as duplicates of curated rows.
    hidden: HashSet<u32>,
    /// Id of world place 0 (= number of curated places).
    base: u32,
}

impl std::fmt::Debug for World {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("World")
            .field("places", &data::WORLD_PLACES)
            .field("hidden", &self.hidden.len())
            .field("base", &self.base)
            .finish()
    }
}

fn u32_at(b: &[u8], i: usize) -> u32 {
    b.get(i..i + 4)
        .map_or(0, |s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

impl World {
    /// The embedded world base, placed after `curated` (whose rows win: a world
    /// place within 5 km of a curated place of the same normalised name is
    /// dropped). `None` when the build had no world data, or when the
    /// environment variable `SITREP_NO_WORLD` is set (for A/B measurements).
    pub fn embedded(curated: &[Place]) -> Option<World> {
        if data::WORLD_PLACES == 0 || std::env::var_os("SITREP_NO_WORLD").is_some() {
            return None;
        }
        let keys = fst::Map::new(data::WORLD_KEYS).ok()?;
        let scan = fst::Map::new(data::WORLD_SCAN).ok()?;
        let admin1 = std::str::from_utf8(data::WORLD_ADMIN1)
            .map(|s| s.split('\n').collect())
            .unwrap_or_default();
        let cache = (0..data::WORLD_PLACES).map(|_| OnceLock::new()).collect();
        let mut w = World {
            keys,
            scan,
            admin1,
            cache,
            hidden: HashSet::default(),
            base: curated.len() as u32,
        };
        let mut hidden = HashSet::default();
        for p in curated {
            let Some(pc) = p.lat.zip(p.lon) else {
                continue;
            };
            let mut seen: Vec<String> = Vec::new();
            for n in std::iter::once(&p.name).chain(&p.aliases) {
                let key = normalise(n);
                if key.is_empty() || seen.contains(&key) {
                    continue;
                }
                for (ix, _) in w.postings(&key) {
                    let (lat, lon) = w.coords(ix);
                    // A curated region hides the world's region of its name in its
                    // country (their mean points differ); a place, namesakes within 5 km.
                    let same_region = p.kind.is_admin()
                        && ix as usize >= data::WORLD_TOWNS
                        && w.record(ix)[16..18] == *p.country.as_bytes();
                    if same_region || distance_km(pc, (lat, lon)) <= 5.0 {
                        hidden.insert(ix);
                    }
                }
                seen.push(key);
            }
        }
        w.hidden = hidden;
        Some(w)
    }

    /// Whether `country` has a world place within about `km` of `point`, judged on
    /// a grid of one-degree cells (the cells holding a place of each country, worked
    /// out once, on first use); `None` for a country without places.
    pub fn country_within(&self, country: &str, point: (f64, f64), km: f64) -> Option<bool> {
        static CELLS: OnceLock<CountryCells> = OnceLock::new();
        let cells = CELLS.get_or_init(|| {
            let mut cells = CountryCells::default();
            for ix in 0..data::WORLD_PLACES as u32 {
                let r = self.record(ix);
                let (lat, lon) = self.coords(ix);
                cells
                    .entry([r[16], r[17]])
                    .or_default()
                    .insert(cell(lat, lon));
            }
            cells
        });
        let code: [u8; 2] = country.as_bytes().try_into().ok()?;
        let own = cells.get(&code)?;
        let (la, lo) = cell(point.0, point.1);
        let dlat = (km / 111.0).ceil() as i16;
        let shrink = point.0.to_radians().cos().max(0.05);
        let dlon = ((km / (111.0 * shrink)).ceil() as i16).min(180);
        for y in la - dlat..=la + dlat {
            for x in lo - dlon..=lo + dlon {
                let x = (x + 540).rem_euclid(360) - 180;
                if own.contains(&(y, x)) {
                    return Some(true);
                }
            }
        }
        Some(false)
    }

    /// Whether `key` (normalised) is the name of a first-level region of the
    /// world base ("north darfur", "kherson oblast" as "kherson"), built once.
    pub fn is_admin1_key(&self, key: &str) -> bool {
        static KEYS: OnceLock<HashSet<String>> = OnceLock::new();
        KEYS.get_or_init(|| {
            self.admin1
                .iter()
                .map(|n| normalise(n))
                .filter(|k| !k.is_empty())
                .collect()
        })
        .contains(key)
    }

    /// World places (before dropping duplicates).
    pub fn len(&self) -> usize {
        data::WORLD_PLACES
    }

    /// World places dropped as duplicates of curated rows.
    pub fn hidden(&self) -> usize {
        self.hidden.len()
    }

    /// Distinct (place, key) pairs, distinct keys, scan patterns.
    pub fn counts(&self) -> (usize, usize, usize) {
        (
            data::WORLD_NAMES,
            data::WORLD_KEY_COUNT,
            data::WORLD_PATTERNS,
        )
    }

    /// Global id of world index `ix`.
    pub fn id(&self, ix: u32) -> u32 {
        self.base + ix
    }

    /// World index of global id `id`, if it is a world place.
    pub fn index_of(&self, id: u32) -> Option<u32> {
        id.checked_sub(self.base)
            .filter(|&ix| (ix as usize) < data::WORLD_PLACES)
    }

    /// (world index, canonical?) of every place with this key (duplicates of
    /// curated places left out), largest population first.
    pub fn postings(&self, key: &str) -> Vec<(u32, bool)> {
        match self.keys.get(key) {
            Some(off) => self.postings_at(off),
            None => Vec::new(),
        }
    }

    /// The postings list at `off` (a value of either fst).
    pub fn postings_at(&self, off: u64) -> Vec<(u32, bool)> {
        let b = data::WORLD_POSTINGS;
        let at = off as usize * 4;
        let n = u32_at(b, at) as usize;
        (0..n)
            .map(|i| u32_at(b, at + 4 + 4 * i))
            .map(|x| (x >> 1, x & 1 == 1))
            .filter(|(ix, _)| (*ix as usize) < data::WORLD_PLACES && !self.hidden.contains(ix))
            .collect()
    }

    /// The scan-pattern fst (for `find_names`).
    pub fn scan(&self) -> &fst::raw::Fst<&'static [u8]> {
        self.scan.as_fst()
    }

    fn record(&self, ix: u32) -> &'static [u8] {
        let at = ix as usize * data::RECORD;
        data::WORLD_RECORDS
            .get(at..at + data::RECORD)
            .unwrap_or(&[0; data::RECORD][..])
    }

    fn coords(&self, ix: u32) -> (f64, f64) {
        let r = self.record(ix);
        let lat = u32_at(r, 4) as i32 as f64 / 1e4;
        let lon = u32_at(r, 8) as i32 as f64 / 1e4;
        (lat, lon)
    }

    /// Population of world index `ix`.
    pub fn population(&self, ix: u32) -> u64 {
        u64::from(u32_at(self.record(ix), 12))
    }

    /// The place at world index `ix`, built on first use.
    pub fn place(&self, ix: u32) -> &Place {
        self.cache[ix as usize].get_or_init(|| Box::new(self.build(ix)))
    }

    fn build(&self, ix: u32) -> Place {
        let r = self.record(ix);
        let gid = u32_at(r, 0);
        let (lat, lon) = self.coords(ix);
        let pop = self.population(ix);
        let country = String::from_utf8_lossy(&r[16..18]).into_owned();
        let admin = u16::from_le_bytes([r[18], r[19]]);
        let (off, len) = (u32_at(r, 20) as usize, u32_at(r, 24) as usize);
        let text = data::WORLD_STRINGS
            .get(off..off + len)
            .map(String::from_utf8_lossy)
            .unwrap_or_default();
        let mut names = text.split('\x1f').map(str::to_string);
        let name = names.next().unwrap_or_default();
        Place {
            id: self.id(ix),
            name,
            kind: if ix as usize >= data::WORLD_TOWNS {
                Kind::Province
            } else if pop >= SCAN_POPULATION {
                Kind::City
            } else {
                Kind::Settlement
            },
            country,
            admin1: self
                .admin1
                .get(admin as usize)
                .filter(|s| !s.is_empty())
                .map(|s| s.to_string()),
            lat: Some(lat),
            lon: Some(lon),
            population: (pop > 0).then_some(pop),
            aliases: names.collect(),
            source: if gid == 0 {
                "GeoNames admin1 (cities500, CC BY 4.0): mean point of its places".to_string()
            } else {
                format!("GeoNames {gid} (cities500, CC BY 4.0)")
            },
            keys: Default::default(),
        }
    }
}

/// The one-degree cells holding a world place, per country (ISO2 bytes).
type CountryCells = HashMap<[u8; 2], HashSet<(i16, i16)>>;

/// The one-degree cell of a point (floor of latitude and longitude).
fn cell(lat: f64, lon: f64) -> (i16, i16) {
    (lat.floor() as i16, lon.floor() as i16)
}

/// The longest match of `fst` anchored at `start` of `hay`: (end, value).
pub(crate) fn longest<D: AsRef<[u8]>>(
    fst: &fst::raw::Fst<D>,
    hay: &[u8],
    start: usize,
) -> Option<(usize, u64)> {
    let mut node = fst.root();
    let mut out = fst::raw::Output::zero();
    let mut best = None;
    for (i, &b) in hay.get(start..)?.iter().enumerate() {
        let Some(ti) = node.find_input(b) else {
            break;
        };
        let t = node.transition(ti);
        out = out.cat(t.out);
        node = fst.node(t.addr);
        if node.is_final() {
            best = Some((start + i + 1, out.cat(node.final_output()).value()));
        }
    }
    best
}
