//! Parsing of the TSV packs (`data/gazetteer/README.md`): place rows and country
//! rows. Malformed rows are skipped and reported as [`LoadWarning`]s, never panics.

use std::fmt;

use crate::{Country, Kind, Place};

/// A row of a pack that was skipped, with the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadWarning {
    /// Pack file name (`caucasus.tsv`), or `<places>` / `<countries>` for text
    /// given to [`crate::Gazetteer::from_tsv`].
    pub file: String,
    /// 1-based line number in the file.
    pub line: usize,
    /// What was wrong with the row.
    pub reason: String,
}

impl fmt::Display for LoadWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.reason)
    }
}

/// A pack whose header cannot be used (a required column is missing).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    /// Pack file name.
    pub file: String,
    /// What was wrong.
    pub reason: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.file, self.reason)
    }
}

impl std::error::Error for LoadError {}

/// Column positions found in a header line.
struct Header {
    cols: Vec<String>,
}

impl Header {
    fn parse(line: &str) -> Header {
        Header {
            cols: line
                .split('\t')
                .map(|c| c.trim().trim_start_matches('\u{feff}').to_ascii_lowercase())
                .collect(),
        }
    }
    fn pos(&self, name: &str) -> Option<usize> {
        self.cols.iter().position(|c| c == name)
    }
    /// The position of a column the file must have.
    fn need(&self, file: &str, name: &str) -> Result<usize, LoadError> {
        self.pos(name).ok_or_else(|| LoadError {
            file: file.to_string(),
            reason: format!("header lacks column {name:?}"),
        })
    }
}

/// Lines of a pack that are neither blank nor comments: (1-based line number, line).
fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
}

fn cell<'a>(fields: &[&'a str], pos: Option<usize>) -> &'a str {
    pos.and_then(|p| fields.get(p)).map_or("", |s| s.trim())
}

fn opt(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

fn list(s: &str) -> Vec<String> {
    s.split('|')
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(str::to_string)
        .collect()
}

/// Parses a lat/lon pair: both empty = unknown; one empty, unparsable or out of
/// range = error.
fn coords(lat: &str, lon: &str) -> Result<(Option<f64>, Option<f64>), String> {
    match (lat.is_empty(), lon.is_empty()) {
        (true, true) => return Ok((None, None)),
        (false, false) => {}
        _ => return Err(format!("only one of lat/lon given ({lat:?}, {lon:?})")),
    }
    let la: f64 = lat.parse().map_err(|_| format!("bad lat {lat:?}"))?;
    let lo: f64 = lon.parse().map_err(|_| format!("bad lon {lon:?}"))?;
    if !(-90.0..=90.0).contains(&la) || !la.is_finite() {
        return Err(format!("lat {la} out of range"));
    }
    if !(-180.0..=180.0).contains(&lo) || !lo.is_finite() {
        return Err(format!("lon {lo} out of range"));
    }
    Ok((Some(la), Some(lo)))
}

fn iso2(s: &str) -> Result<String, String> {
    if s.len() == 2 && s.bytes().all(|b| b.is_ascii_alphabetic()) {
        Ok(s.to_ascii_uppercase())
    } else {
        Err(format!("bad country code {s:?} (want ISO 3166-1 alpha-2)"))
    }
}

/// Parses a place pack, appending rows to `places` (ids continue from
/// `places.len()`) and skipped rows to `warnings`.
pub(crate) fn parse_places(
    file: &str,
    text: &str,
    places: &mut Vec<Place>,
    warnings: &mut Vec<LoadWarning>,
) -> Result<usize, LoadError> {
    let mut lines = data_lines(text);
    let Some((_, head)) = lines.next() else {
        return Ok(0);
    };
    let h = Header::parse(head);
    let need = |c: &str| h.need(file, c);
    let (c_name, c_kind, c_country) = (need("name")?, need("kind")?, need("country")?);
    let (c_admin, c_lat, c_lon) = (h.pos("admin1"), h.pos("lat"), h.pos("lon"));
    let (c_pop, c_alias, c_src) = (h.pos("population"), h.pos("aliases"), h.pos("source"));
    let ncols = h.cols.len();
    let mut n = 0;
    for (line, l) in lines {
        let warn = |reason: String| LoadWarning {
            file: file.to_string(),
            line,
            reason,
        };
        let f: Vec<&str> = l.split('\t').collect();
        let row = (|| -> Result<Place, String> {
            if f.len() > ncols {
                return Err(format!("{} columns, header has {ncols}", f.len()));
            }
            let required = c_name.max(c_kind).max(c_country);
            if f.len() <= required {
                return Err(format!("{} columns, header has {ncols}", f.len()));
            }
            let name = cell(&f, Some(c_name));
            if name.is_empty() {
                return Err("empty name".into());
            }
            let kind_s = cell(&f, Some(c_kind));
            let kind = Kind::parse(kind_s).ok_or_else(|| format!("unknown kind {kind_s:?}"))?;
            let country = iso2(cell(&f, Some(c_country)))?;
            let (lat, lon) = coords(cell(&f, c_lat), cell(&f, c_lon))?;
            let pop_s = cell(&f, c_pop);
            let population = if pop_s.is_empty() {
                None
            } else {
                Some(
                    pop_s
                        .parse::<u64>()
                        .map_err(|_| format!("bad population {pop_s:?}"))?,
                )
            };
            let mut aliases = list(cell(&f, c_alias));
            aliases.retain(|a| a != name);
            Ok(Place {
                id: 0,
                name: name.to_string(),
                kind,
                country,
                admin1: opt(cell(&f, c_admin)),
                lat,
                lon,
                population,
                aliases,
                source: cell(&f, c_src).to_string(),
                keys: Default::default(),
            })
        })();
        match row {
            Ok(mut p) => {
                p.id = places.len() as u32;
                places.push(p);
                n += 1;
            }
            Err(r) => warnings.push(warn(r)),
        }
    }
    Ok(n)
}

/// Parses `countries.tsv`, appending to `countries` and `warnings`.
pub(crate) fn parse_countries(
    file: &str,
    text: &str,
    countries: &mut Vec<Country>,
    warnings: &mut Vec<LoadWarning>,
) -> Result<usize, LoadError> {
    let mut lines = data_lines(text);
    let Some((_, head)) = lines.next() else {
        return Ok(0);
    };
    let h = Header::parse(head);
    let need = |c: &str| h.need(file, c);
    let (c_iso, c_name) = (need("iso2")?, need("name")?);
    let (c_alias, c_dem, c_cap) = (h.pos("aliases"), h.pos("demonyms"), h.pos("capitals"));
    let (c_lat, c_lon) = (h.pos("lat"), h.pos("lon"));
    let ncols = h.cols.len();
    let mut n = 0;
    for (line, l) in lines {
        let f: Vec<&str> = l.split('\t').collect();
        let row = (|| -> Result<Country, String> {
            if f.len() > ncols || f.len() <= c_iso.max(c_name) {
                return Err(format!("{} columns, header has {ncols}", f.len()));
            }
            let iso = iso2(cell(&f, Some(c_iso)))?;
            let name = cell(&f, Some(c_name));
            if name.is_empty() {
                return Err("empty name".into());
            }
            if countries.iter().any(|c| c.iso2 == iso) {
                return Err(format!("duplicate country {iso}"));
            }
            let (lat, lon) = coords(cell(&f, c_lat), cell(&f, c_lon))?;
            Ok(Country {
                iso2: iso,
                name: name.to_string(),
                aliases: list(cell(&f, c_alias)),
                demonyms: list(cell(&f, c_dem)),
                capitals: list(cell(&f, c_cap)),
                lat,
                lon,
            })
        })();
        match row {
            Ok(c) => {
                countries.push(c);
                n += 1;
            }
            Err(reason) => warnings.push(LoadWarning {
                file: file.to_string(),
                line,
                reason,
            }),
        }
    }
    Ok(n)
}
