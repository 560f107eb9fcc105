//! Writers of stored incidents in the exchange formats (table, JSON Lines, CSV,
//! GeoJSON, ACLED CSV), one incident at a time: exporting a whole archive holds one
//! incident and the reports' `doc#ordinal` keys in memory, not every incident.

use std::collections::{BTreeSet, HashMap};
use std::io::Write;

use serde_json::{json, Value};
use sitrep_core::{DatePrecision, Event, EventType, Span};
use sitrep_geocode::Gazetteer;
use sitrep_store::{Filter, Page, ReportKeys, Store, StoredIncident};

/// The formats incidents are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IncidentFormat {
    /// An aligned table for reading.
    Table,
    /// One incident (JSON) per line.
    Jsonl,
    /// CSV, one incident per row.
    Csv,
    /// A GeoJSON FeatureCollection.
    Geojson,
    /// ACLED's CSV columns.
    Acled,
}

/// Writes the incidents matching `filter` and `page` to `out` in `format`, one at a
/// time; returns their number.
pub fn write_incidents(
    out: &mut dyn Write,
    format: IncidentFormat,
    store: &Store,
    filter: &Filter,
    page: &Page,
) -> anyhow::Result<u64> {
    let keys = store.report_keys()?;
    let mut writer: Box<dyn IncidentWriter + '_> = match format {
        IncidentFormat::Table => Box::new(Table::new(out)?),
        IncidentFormat::Jsonl => Box::new(Jsonl { out, keys: &keys }),
        IncidentFormat::Csv => Box::new(Csv::new(out, &keys)?),
        IncidentFormat::Geojson => Box::new(Geojson {
            out,
            keys: &keys,
            first: true,
        }),
        IncidentFormat::Acled => Box::new(Acled::new(out, store, &keys)?),
    };
    let mut n = 0u64;
    store.for_each_incident(filter, page, |inc| -> anyhow::Result<()> {
        n += 1;
        writer.write(&inc)
    })?;
    writer.finish()?;
    Ok(n)
}

/// `doc#ordinal` of each of the incident's reports.
fn keys_of(inc: &StoredIncident, keys: &ReportKeys) -> Vec<String> {
    inc.reports
        .iter()
        .filter_map(|id| keys.get(id))
        .map(|(doc, ordinal)| format!("{doc}#{ordinal}"))
        .collect()
}

/// One output format: a row per incident, then whatever closes the output.
trait IncidentWriter {
    fn write(&mut self, inc: &StoredIncident) -> anyhow::Result<()>;
    fn finish(&mut self) -> anyhow::Result<()>;
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

fn figures(inc: &StoredIncident) -> String {
    if inc.fatalities_low == inc.fatalities_high {
        inc.fatalities_best.to_string()
    } else {
        format!(
            "{} ({}-{})",
            inc.fatalities_best, inc.fatalities_low, inc.fatalities_high
        )
    }
}

struct Table<'a> {
    out: &'a mut dyn Write,
}

impl<'a> Table<'a> {
    fn new(out: &'a mut dyn Write) -> anyhow::Result<Self> {
        writeln!(
            out,
            "{:<20} {:<10} {:<30} {:<20} {:<4} {:<28} {:<28} {:>9} {:>3}",
            "incident", "date", "type", "place", "cc", "actor1", "actor2", "killed", "src"
        )?;
        Ok(Table { out })
    }
}

impl IncidentWriter for Table<'_> {
    fn write(&mut self, inc: &StoredIncident) -> anyhow::Result<()> {
        let out = &mut self.out;
        let e = &inc.event;
        let loc = e.location.as_ref();
        writeln!(
            out,
            "{:<20} {:<10} {:<30} {:<20} {:<4} {:<28} {:<28} {:>9} {:>3}",
            inc.id,
            e.date.map_or("-".to_string(), |d| d.to_string()),
            truncate(e.sub_event_type.label(), 30),
            truncate(loc.map_or("-", |l| l.name.as_str()), 20),
            loc.and_then(|l| l.country.as_deref()).unwrap_or("-"),
            truncate(e.actor1.as_deref().unwrap_or("-"), 28),
            truncate(e.actor2.as_deref().unwrap_or("-"), 28),
            figures(inc),
            inc.sources.len()
        )?;
        Ok(())
    }

    fn finish(&mut self) -> anyhow::Result<()> {
        Ok(())
    }
}

struct Jsonl<'a> {
    out: &'a mut dyn Write,
    keys: &'a ReportKeys,
}

impl IncidentWriter for Jsonl<'_> {
    fn write(&mut self, inc: &StoredIncident) -> anyhow::Result<()> {
        let mut line = serde_json::to_vec(&inc.to_json(&keys_of(inc, self.keys)))?;
        line.push(b'\n');
        self.out.write_all(&line)?;
        Ok(())
    }

    fn finish(&mut self) -> anyhow::Result<()> {
        Ok(())
    }
}

struct Csv<'a> {
    w: CsvOut<'a>,
    keys: &'a ReportKeys,
}

impl<'a> Csv<'a> {
    fn new(out: &'a mut dyn Write, keys: &'a ReportKeys) -> anyhow::Result<Self> {
        let mut w = CsvOut::new(out);
        w.write_record([
            "incident",
            "date",
            "date_end",
            "event_type",
            "sub_event_type",
            "actor1",
            "actor2",
            "country",
            "admin1",
            "location",
            "latitude",
            "longitude",
            "geo_precision",
            "fatalities_low",
            "fatalities_best",
            "fatalities_high",
            "sources",
            "reports",
        ])?;
        Ok(Csv { w, keys })
    }
}

impl IncidentWriter for Csv<'_> {
    fn write(&mut self, inc: &StoredIncident) -> anyhow::Result<()> {
        let (w, reports) = (&mut self.w, self.keys);
        let e = &inc.event;
        let loc = e.location.clone().unwrap_or_default();
        w.write_record([
            inc.id.clone(),
            e.date.map(|d| d.to_string()).unwrap_or_default(),
            e.date_end.map(|d| d.to_string()).unwrap_or_default(),
            event_type_label(e.event_type),
            e.sub_event_type.label().to_string(),
            e.actor1.clone().unwrap_or_default(),
            e.actor2.clone().unwrap_or_default(),
            loc.country.clone().unwrap_or_default(),
            loc.admin1.clone().unwrap_or_default(),
            loc.name.clone(),
            loc.lat.map(|x| x.to_string()).unwrap_or_default(),
            loc.lon.map(|x| x.to_string()).unwrap_or_default(),
            if e.location.is_some() {
                loc.geo_precision.to_string()
            } else {
                String::new()
            },
            inc.fatalities_low.to_string(),
            inc.fatalities_best.to_string(),
            inc.fatalities_high.to_string(),
            inc.sources.join(";"),
            keys_of(inc, reports).join(";"),
        ])?;
        Ok(())
    }

    fn finish(&mut self) -> anyhow::Result<()> {
        self.w.flush()
    }
}

pub(crate) fn event_type_label(t: EventType) -> String {
    serde_json::to_value(t)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// A FeatureCollection written feature by feature (its members in the order
/// `serde_json` sorts them: `features`, then `type`).
struct Geojson<'a> {
    out: &'a mut dyn Write,
    keys: &'a ReportKeys,
    first: bool,
}

impl IncidentWriter for Geojson<'_> {
    fn write(&mut self, inc: &StoredIncident) -> anyhow::Result<()> {
        let reports = self.keys;
        let feature = {
            let loc = inc.event.location.as_ref();
            let geometry = match (loc.and_then(|l| l.lon), loc.and_then(|l| l.lat)) {
                (Some(lon), Some(lat)) => json!({"type": "Point", "coordinates": [lon, lat]}),
                _ => Value::Null,
            };
            json!({
                "type": "Feature",
                "id": inc.id,
                "geometry": geometry,
                "properties": inc.to_json(&keys_of(inc, reports)),
            })
        };
        let sep: &[u8] = if self.first { b"{\"features\":[" } else { b"," };
        self.out.write_all(sep)?;
        self.first = false;
        self.out.write_all(&serde_json::to_vec(&feature)?)?;
        Ok(())
    }

    fn finish(&mut self) -> anyhow::Result<()> {
        if self.first {
            self.out.write_all(b"{\"features\":[")?;
        }
        self.out.write_all(b"],\"type\":\"FeatureCollection\"}\n")?;
        Ok(())
    }
}

/// A CSV writer that hands its output on in blocks, so that a closed pipe shows
/// as the `io::Error` it is (the caller ends quietly on a broken pipe).
struct CsvOut<'a> {
    csv: csv::Writer<Vec<u8>>,
    out: &'a mut dyn Write,
    rows: usize,
}

impl<'a> CsvOut<'a> {
    fn new(out: &'a mut dyn Write) -> Self {
        CsvOut {
            csv: csv::Writer::from_writer(Vec::new()),
            out,
            rows: 0,
        }
    }

    fn write_record<I, T>(&mut self, record: I) -> anyhow::Result<()>
    where
        I: IntoIterator<Item = T>,
        T: AsRef<[u8]>,
    {
        self.csv.write_record(record)?;
        self.rows += 1;
        if self.rows % 256 == 0 {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> anyhow::Result<()> {
        let full = std::mem::replace(&mut self.csv, csv::Writer::from_writer(Vec::new()));
        let bytes = full
            .into_inner()
            .map_err(|e| anyhow::anyhow!("csv: {}", e.error()))?;
        self.out.write_all(&bytes)?;
        Ok(())
    }
}

/// ACLED's export columns, in order.
const ACLED_COLUMNS: [&str; 31] = [
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
];

/// ACLED's actor type codes (inter1 / inter2): 1 state forces, 2 rebel groups,
/// 3 political militias, 7 civilians, 8 external/other forces.
fn inter_code(actor: Option<&str>) -> Option<u8> {
    let a = actor?;
    Some(
        if a.starts_with("Military Forces of") || a.starts_with("Police Forces of") {
            1
        } else if a.starts_with("Civilians") {
            7
        } else if a.contains("peacekeep") {
            8
        } else if a.starts_with("Unidentified Armed Group") {
            3
        } else {
            2
        },
    )
}

fn disorder_type(e: &Event) -> &'static str {
    match e.event_type {
        EventType::Battles
        | EventType::ExplosionsRemoteViolence
        | EventType::ViolenceAgainstCivilians => "Political violence",
        EventType::Protests => "Demonstrations",
        EventType::Riots => {
            if e.sub_event_type.label() == "Mob violence" {
                "Political violence"
            } else {
                "Demonstrations"
            }
        }
        EventType::StrategicDevelopments => "Strategic developments",
    }
}

/// ISO 3166-1 numeric code and ACLED region of the countries the gazetteer covers
/// most; others are left blank.
fn iso_region(cc: &str) -> (&'static str, &'static str) {
    match cc {
        "AM" => ("51", "Caucasus and Central Asia"),
        "AZ" => ("31", "Caucasus and Central Asia"),
        "GE" => ("268", "Caucasus and Central Asia"),
        "KG" => ("417", "Caucasus and Central Asia"),
        "TJ" => ("762", "Caucasus and Central Asia"),
        "UZ" => ("860", "Caucasus and Central Asia"),
        "IN" => ("356", "South Asia"),
        "PK" => ("586", "South Asia"),
        "IL" => ("376", "Middle East"),
        "LB" => ("422", "Middle East"),
        "SY" => ("760", "Middle East"),
        "IR" => ("364", "Middle East"),
        "TR" => ("792", "Middle East"),
        "RU" => ("643", "Europe"),
        "UA" => ("804", "Europe"),
        _ => ("", ""),
    }
}

/// The text of a character span of `text`.
pub(crate) fn char_slice(text: &str, span: Span) -> &str {
    let byte = |c: usize| text.char_indices().nth(c).map_or(text.len(), |(b, _)| b);
    let (s, e) = (byte(span.start), byte(span.end));
    text.get(s..e.max(s)).unwrap_or("")
}

/// ACLED rows; each document's source name and ingestion time are looked up once.
struct Acled<'a> {
    w: CsvOut<'a>,
    store: &'a Store,
    keys: &'a ReportKeys,
    gaz: &'static Gazetteer,
    /// Document id -> (outlet, else the id; ingested at, seconds since the epoch),
    /// `None` for a document not in the store.
    docs: HashMap<String, Option<(String, Option<i64>)>>,
}

impl<'a> Acled<'a> {
    fn new(out: &'a mut dyn Write, store: &'a Store, keys: &'a ReportKeys) -> anyhow::Result<Self> {
        let mut w = CsvOut::new(out);
        w.write_record(ACLED_COLUMNS)?;
        Ok(Acled {
            w,
            store,
            keys,
            gaz: Gazetteer::embedded(),
            docs: HashMap::new(),
        })
    }
}

impl IncidentWriter for Acled<'_> {
    fn write(&mut self, inc: &StoredIncident) -> anyhow::Result<()> {
        let (w, store, reports, gaz) = (&mut self.w, self.store, self.keys, self.gaz);
        let docs = &mut self.docs;
        let e = &inc.event;
        let loc = e.location.clone().unwrap_or_default();
        let cc = loc.country.clone().unwrap_or_default();
        let (iso, region) = iso_region(&cc);
        let country = gaz
            .country(&cc)
            .map(|c| c.name.clone())
            .unwrap_or(cc.clone());
        let (i1, i2) = (
            inter_code(e.actor1.as_deref()),
            inter_code(e.actor2.as_deref()),
        );
        let interaction = match (i1, i2) {
            (Some(a), Some(b)) => format!("{}{}", a.min(b), a.max(b)),
            (Some(a), None) | (None, Some(a)) => format!("{a}0"),
            (None, None) => String::new(),
        };
        let civilian = e.event_type == EventType::ViolenceAgainstCivilians
            || e.actor2
                .as_deref()
                .is_some_and(|a| a.starts_with("Civilians"));
        // Sources: the outlets (else document ids) of every report; notes: the
        // evidence sentences of the merged record; timestamp: last write.
        let mut sources = BTreeSet::new();
        let mut stamp: i64 = 0;
        let mut member_docs: Vec<String> = inc
            .reports
            .iter()
            .filter_map(|r| reports.get(r).map(|(doc, _)| doc.clone()))
            .collect();
        member_docs.push(e.doc.clone());
        for id in &member_docs {
            let d = docs.entry(id.clone()).or_insert_with(|| {
                store.document(id).ok().flatten().map(|d| {
                    let source = d.document.outlet.clone().unwrap_or_else(|| id.clone());
                    let at = d.ingested_at.parse::<jiff::Timestamp>().ok();
                    (source, at.map(|t| t.as_second()))
                })
            });
            if let Some((source, at)) = d {
                sources.insert(source.clone());
                if let Some(t) = at {
                    stamp = stamp.max(*t);
                }
            }
        }
        // The representative's own document, for its evidence sentences.
        let notes = store
            .document(&e.doc)
            .ok()
            .flatten()
            .map(|d| {
                e.evidence
                    .iter()
                    .map(|s| char_slice(&d.cleaned, *s).trim())
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .unwrap_or_default();
        let precision = match e.date_precision {
            Some(DatePrecision::Day) | None => "1",
            Some(DatePrecision::Week) => "2",
            Some(DatePrecision::Month) | Some(DatePrecision::Year) => "3",
        };
        let tags = format!(
            "sitrep incident {}; fatalities low {} best {} high {}; reports {}",
            inc.id,
            inc.fatalities_low,
            inc.fatalities_best,
            inc.fatalities_high,
            keys_of(inc, reports).join(" ")
        );
        w.write_record([
            inc.id.clone(),
            e.date.map(|d| d.to_string()).unwrap_or_default(),
            e.date.map(|d| d.year().to_string()).unwrap_or_default(),
            precision.to_string(),
            disorder_type(e).to_string(),
            event_type_label(e.event_type),
            e.sub_event_type.label().to_string(),
            e.actor1.clone().unwrap_or_default(),
            String::new(),
            i1.map(|c| c.to_string()).unwrap_or_default(),
            e.actor2.clone().unwrap_or_default(),
            String::new(),
            i2.map(|c| c.to_string()).unwrap_or_default(),
            interaction,
            if civilian {
                "Civilian targeting".into()
            } else {
                String::new()
            },
            iso.to_string(),
            region.to_string(),
            country,
            loc.admin1.clone().unwrap_or_default(),
            String::new(),
            String::new(),
            loc.name.clone(),
            loc.lat.map(|x| x.to_string()).unwrap_or_default(),
            loc.lon.map(|x| x.to_string()).unwrap_or_default(),
            if e.location.is_some() {
                loc.geo_precision.to_string()
            } else {
                String::new()
            },
            sources.into_iter().collect::<Vec<_>>().join("; "),
            String::new(),
            notes,
            inc.fatalities_best.to_string(),
            tags,
            stamp.to_string(),
        ])?;
        Ok(())
    }

    fn finish(&mut self) -> anyhow::Result<()> {
        self.w.flush()
    }
}
