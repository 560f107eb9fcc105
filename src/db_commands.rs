//! The database commands: `ingest`, `events`, `export`, `show`, `reprocess`.

use std::io::{BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{bail, Context};
use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use sitrep_assemble::Assembler;
use sitrep_core::{CleanDoc, Document, Event};
use sitrep_geocode::Gazetteer;
use sitrep_store::{content_hash, Filter, Outcome, Page, Producer, Store, DB_ENV, DEFAULT_DB};

use crate::cli::InputArgs;
use crate::incident_writers::{char_slice, event_type_label, write_incidents, IncidentFormat};
use crate::pipeline::{batches, clean, set_jobs, Stats};

/// Where the database is.
#[derive(Debug, Args)]
pub struct DbArg {
    /// Database file (default: `$SITREP_DB`, else `sitrep.db` in the current folder).
    #[arg(long, value_name = "PATH")]
    pub db: Option<PathBuf>,
}

impl DbArg {
    /// The database path: `--db`, else `$SITREP_DB`, else `./sitrep.db`.
    pub fn path(&self) -> PathBuf {
        self.db
            .clone()
            .or_else(|| std::env::var_os(DB_ENV).map(PathBuf::from))
            .unwrap_or_else(|| PathBuf::from(DEFAULT_DB))
    }
}

/// `sitrep ingest`.
#[derive(Debug, Args)]
pub struct IngestArgs {
    /// Inputs.
    #[command(flatten)]
    pub input: InputArgs,
    /// Database.
    #[command(flatten)]
    pub db: DbArg,
    /// No progress bar and no summary.
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Most events kept per document.
    #[arg(long, default_value_t = 200, value_name = "N")]
    pub max_events_per_doc: usize,
}

/// Output formats of `events`.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum EventsFormat {
    /// An aligned table for reading.
    Table,
    /// One incident (JSON) per line.
    Jsonl,
    /// CSV, one incident per row.
    Csv,
    /// A GeoJSON FeatureCollection of points.
    Geojson,
}

/// `sitrep events`.
#[derive(Debug, Args)]
pub struct EventsArgs {
    /// Database.
    #[command(flatten)]
    pub db: DbArg,
    /// Incidents ending on or after this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub since: Option<jiff::civil::Date>,
    /// Incidents starting on or before this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    pub until: Option<jiff::civil::Date>,
    /// Country of the location (ISO 3166-1 alpha-2).
    #[arg(long, value_name = "CC")]
    pub country: Option<String>,
    /// First-level region of the location.
    #[arg(long, value_name = "NAME")]
    pub admin1: Option<String>,
    /// Event type or sub-event type (ACLED label, any case).
    #[arg(long = "type", value_name = "T")]
    pub event_type: Option<String>,
    /// Part of either actor's name.
    #[arg(long, value_name = "A")]
    pub actor: Option<String>,
    /// Bounding box: west,south,east,north in degrees.
    #[arg(long, value_name = "W,S,E,N", allow_hyphen_values = true)]
    pub bbox: Option<String>,
    /// Full-text query (SQLite FTS5 syntax) over the documents' text.
    #[arg(long, value_name = "Q")]
    pub text: Option<String>,
    /// Also list incidents an analyst rejected in review (left out by default).
    #[arg(long)]
    pub include_rejected: bool,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = EventsFormat::Table)]
    pub format: EventsFormat,
}

/// Formats of `export`.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum ExportFormat {
    /// One incident (JSON) per line.
    Jsonl,
    /// One report-level record per line: the fields `extract` prints plus `incident`.
    ReportsJsonl,
    /// ACLED's CSV columns, one incident per row.
    AcledCsv,
    /// A GeoJSON FeatureCollection of incidents.
    Geojson,
    /// A Parquet table of incidents (binary: use `--out FILE` or redirect stdout).
    Parquet,
}

/// `sitrep export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Database.
    #[command(flatten)]
    pub db: DbArg,
    /// Output format.
    #[arg(long, short = 'f', value_enum)]
    pub format: ExportFormat,
    /// Write to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub out: Option<std::path::PathBuf>,
}

/// `sitrep show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Incident id (as `events` lists it).
    pub incident: String,
    /// Database.
    #[command(flatten)]
    pub db: DbArg,
}

/// `sitrep reprocess`.
#[derive(Debug, Args)]
pub struct ReprocessArgs {
    /// Database.
    #[command(flatten)]
    pub db: DbArg,
    /// Only documents extracted by another sitrep version or gazetteer.
    #[arg(long)]
    pub outdated: bool,
    /// No progress bar and no summary.
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
    /// Most events kept per document.
    #[arg(long, default_value_t = 200, value_name = "N")]
    pub max_events_per_doc: usize,
}

/// Documents extracted in parallel per batch, then written one transaction each.
const BATCH: usize = 32;

/// Stored documents re-extracted in parallel, then rewritten in one transaction.
const REPROCESS_BATCH: usize = 256;

/// The producer of new records: this sitrep and its gazetteer.
pub(crate) fn producer() -> Producer {
    Producer::new(env!("CARGO_PKG_VERSION"), gazetteer_fingerprint())
}

/// For commands that only read.
fn reader() -> Producer {
    Producer::new(env!("CARGO_PKG_VERSION"), "-")
}

/// A fingerprint of the embedded gazetteer: its sizes and every place's name,
/// kind, region, coordinates and aliases.
fn gazetteer_fingerprint() -> String {
    let g = Gazetteer::embedded();
    let mut s = format!("{:?}\n", g.stats());
    for p in g.places() {
        s.push_str(&format!(
            "{}\t{}\t{}\t{:?}\t{:?}\t{:?}\t{}\n",
            p.name,
            p.kind,
            p.country,
            p.admin1,
            p.lat,
            p.lon,
            p.aliases.join("|")
        ));
    }
    format!("gaz-{}", &sitrep_store::short_hash(&s)[..16])
}

/// How many documents the inputs hold, counted cheaply (a JSON Lines file's
/// non-blank lines, one per other file); `None` when stdin is among them.
fn count_documents(inputs: &[PathBuf]) -> Option<usize> {
    let mut n = 0;
    for path in sitrep_ingest::expand_inputs(inputs).into_iter().flatten() {
        if path.as_os_str() == "-" {
            return None;
        }
        if sitrep_ingest::is_jsonl(&path) {
            let Ok(f) = std::fs::File::open(&path) else {
                n += 1;
                continue;
            };
            n += std::io::BufRead::split(std::io::BufReader::new(f), b'\n')
                .map_while(Result::ok)
                .filter(|l| !l.trim_ascii().is_empty())
                .count();
        } else {
            n += 1;
        }
    }
    Some(n)
}

/// A progress bar on stderr (hidden when quiet or not a terminal); `len` is only
/// asked for when the bar is shown.
fn progress(len: impl FnOnce() -> Option<usize>, quiet: bool) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let Some(len) = len() else {
        let pb = ProgressBar::new_spinner();
        pb.set_style(
            ProgressStyle::with_template("{spinner} {pos} documents  {per_sec}  elapsed {elapsed}")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        return pb;
    };
    let pb = ProgressBar::new(len as u64);
    pb.set_style(
        ProgressStyle::with_template(
            "{bar:30} {pos}/{len} documents  {per_sec}  elapsed {elapsed}  eta {eta}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    pb
}

fn extract(asm: &Assembler, doc: &Document, max: usize) -> (CleanDoc, Vec<Event>) {
    let cleaned = clean(doc);
    let mut events = asm.assemble(&cleaned);
    events.truncate(max);
    (cleaned, events)
}

/// `sitrep ingest`.
pub fn ingest(args: IngestArgs) -> anyhow::Result<ExitCode> {
    set_jobs(args.input.jobs);
    let path = args.db.path();
    let started = Instant::now();
    let mut store = Store::open(&path, &producer())
        .with_context(|| format!("opening database {}", path.display()))?;
    let known = store.known_hashes()?;
    let asm = Assembler::embedded();
    let pb = progress(|| count_documents(&args.input.inputs), args.quiet);
    let mut tally = Tally::default();
    let mut failed = 0;
    let mut stats = Stats::start();
    // Documents are read in bounded batches; within a batch, extraction of one
    // slice (in parallel) overlaps the writing of the slice before.
    for batch in batches(&args.input) {
        stats.add(&batch);
        let mut docs: Vec<&Document> = Vec::with_capacity(batch.len());
        for item in &batch {
            match item {
                Ok(d) => docs.push(d),
                Err(e) => {
                    eprintln!("sitrep: {e}");
                    failed += 1;
                    pb.inc(1);
                }
            }
        }
        let mut pending: Option<(&[&Document], Vec<Prepared>)> = None;
        for chunk in docs.chunks(BATCH) {
            let (prepared, written) = rayon::join(
                || {
                    chunk
                        .par_iter()
                        .map(|d| {
                            if known.get(&d.id).map(String::as_str)
                                == Some(content_hash(d).as_str())
                            {
                                None
                            } else {
                                Some(extract(asm, d, args.max_events_per_doc))
                            }
                        })
                        .collect::<Vec<Prepared>>()
                },
                || match pending.take() {
                    Some((docs, prepared)) => {
                        write_batch(&mut store, docs, prepared, &mut tally, &pb)
                    }
                    None => Ok(()),
                },
            );
            written?;
            pending = Some((chunk, prepared));
        }
        if let Some((docs, prepared)) = pending.take() {
            write_batch(&mut store, docs, prepared, &mut tally, &pb)?;
        }
    }
    let Tally {
        added,
        replaced,
        unchanged,
        bytes,
    } = tally;
    pb.finish_and_clear();
    let secs = started.elapsed().as_secs_f64();
    let recompute = Instant::now();
    if store.incidents_dirty()? {
        store.recompute_incidents().context("storing incidents")?;
    }
    if args.input.stats {
        eprintln!(
            "sitrep: ingest: {} (incidents recomputed in {:.2} s)",
            stats.line(),
            recompute.elapsed().as_secs_f64()
        );
    }
    if !args.quiet {
        let c = store.counts()?;
        eprintln!(
            "sitrep: {} documents in {:.2} s ({:.1} documents/s, {:.2} MB/s): {added} added, \
             {replaced} replaced, {unchanged} unchanged; {} now holds {} documents, {} reports, \
             {} incidents",
            stats.docs(),
            secs,
            stats.docs() as f64 / secs.max(1e-9),
            bytes as f64 / 1e6 / secs.max(1e-9),
            path.display(),
            c.documents,
            c.reports,
            c.incidents
        );
    }
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// A document extracted, or `None` when it is stored unchanged.
type Prepared = Option<(CleanDoc, Vec<Event>)>;

/// What an ingest did.
#[derive(Debug, Default)]
struct Tally {
    added: usize,
    replaced: usize,
    unchanged: usize,
    bytes: usize,
}

/// Writes a batch of extracted documents, one transaction each.
fn write_batch(
    store: &mut Store,
    docs: &[&Document],
    prepared: Vec<Prepared>,
    tally: &mut Tally,
    pb: &ProgressBar,
) -> anyhow::Result<()> {
    let mut writes: Vec<(&Document, &CleanDoc, &[Event])> = Vec::new();
    for (doc, prep) in docs.iter().zip(&prepared) {
        match prep {
            None => tally.unchanged += 1,
            Some((cleaned, events)) => writes.push((doc, cleaned, events)),
        }
        tally.bytes += doc.raw.len();
    }
    let outcomes = store.put_documents(&writes).with_context(|| {
        let first = writes.first().map_or("", |w| w.0.id.as_str());
        format!("storing {} documents from {first}", writes.len())
    })?;
    for outcome in outcomes {
        match outcome {
            Outcome::Added => tally.added += 1,
            Outcome::Replaced => tally.replaced += 1,
            Outcome::Unchanged => tally.unchanged += 1,
        }
    }
    pb.inc(docs.len() as u64);
    Ok(())
}

/// `sitrep reprocess`.
pub fn reprocess(args: ReprocessArgs) -> anyhow::Result<ExitCode> {
    set_jobs(args.jobs);
    let path = args.db.path();
    if !path.exists() {
        bail!("no database at {}", path.display());
    }
    let producer = producer();
    let mut store = Store::open(&path, &producer)?;
    let asm = Assembler::embedded();
    let ids = store.document_ids()?;
    let pb = progress(|| Some(ids.len()), args.quiet);
    let started = Instant::now();
    let mut done = 0usize;
    // Larger batches than ingest's: each is one transaction.
    for chunk in ids.chunks(REPROCESS_BATCH) {
        let mut docs = Vec::new();
        for id in chunk {
            if let Some(d) = store.document(id)? {
                if !args.outdated || d.producer != producer {
                    docs.push(d.document);
                }
            }
        }
        let prepared: Vec<(CleanDoc, Vec<Event>)> = docs
            .par_iter()
            .map(|d| extract(asm, d, args.max_events_per_doc))
            .collect();
        let writes: Vec<(&str, &CleanDoc, &[Event])> = docs
            .iter()
            .zip(&prepared)
            .map(|(doc, (cleaned, events))| (doc.id.as_str(), cleaned, events.as_slice()))
            .collect();
        store.replace_extractions(&writes)?;
        done += writes.len();
        pb.inc(chunk.len() as u64);
    }
    pb.finish_and_clear();
    if store.incidents_dirty()? {
        store.recompute_incidents().context("storing incidents")?;
    }
    if !args.quiet {
        let c = store.counts()?;
        eprintln!(
            "sitrep: re-extracted {done} of {} documents in {:.2} s; {} reports, {} incidents",
            ids.len(),
            started.elapsed().as_secs_f64(),
            c.reports,
            c.incidents
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn open_existing(db: &DbArg) -> anyhow::Result<Store> {
    let path = db.path();
    if !path.exists() {
        bail!(
            "no database at {} (create one with `sitrep ingest INPUT... --db {}`)",
            path.display(),
            path.display()
        );
    }
    Store::open(&path, &reader()).with_context(|| format!("opening database {}", path.display()))
}

fn parse_bbox(s: &str) -> anyhow::Result<[f64; 4]> {
    let v: Vec<f64> = s
        .split(',')
        .map(|p| p.trim().parse::<f64>())
        .collect::<Result<_, _>>()
        .with_context(|| format!("--bbox {s:?}: expected W,S,E,N in degrees"))?;
    match v.as_slice() {
        [w, s2, e, n] if s2 <= n => Ok([*w, *s2, *e, *n]),
        _ => bail!("--bbox {s:?}: expected four numbers W,S,E,N with S <= N"),
    }
}

/// `sitrep events`.
pub fn events(args: EventsArgs) -> anyhow::Result<ExitCode> {
    let store = open_existing(&args.db)?;
    let filter = Filter {
        since: args.since,
        until: args.until,
        country: args.country.clone(),
        admin1: args.admin1.clone(),
        event_type: args.event_type.clone(),
        actor: args.actor.clone(),
        bbox: args.bbox.as_deref().map(parse_bbox).transpose()?,
        text: args.text.clone(),
    };
    let page = Page {
        include_rejected: args.include_rejected,
        ..Page::all()
    };
    let format = match args.format {
        EventsFormat::Table => IncidentFormat::Table,
        EventsFormat::Jsonl => IncidentFormat::Jsonl,
        EventsFormat::Csv => IncidentFormat::Csv,
        EventsFormat::Geojson => IncidentFormat::Geojson,
    };
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    write_incidents(&mut out, format, &store, &filter, &page).context("listing incidents")?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// `sitrep export`.
pub fn export(args: ExportArgs) -> anyhow::Result<ExitCode> {
    let store = open_existing(&args.db)?;
    let mut out: BufWriter<Box<dyn Write>> = BufWriter::new(match &args.out {
        Some(path) => Box::new(
            std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?,
        ),
        None => Box::new(std::io::stdout().lock()),
    });
    match args.format {
        ExportFormat::Parquet => {
            crate::parquet_export::write_parquet(&store, &mut out)
                .context("exporting incidents")?;
        }
        ExportFormat::ReportsJsonl => {
            store.for_each_report(|r| -> anyhow::Result<()> {
                let mut v = serde_json::to_value(&r.event)?;
                if let Some(o) = v.as_object_mut() {
                    o.insert("incident".into(), r.incident.into());
                }
                let mut line = serde_json::to_vec(&v)?;
                line.push(b'\n');
                out.write_all(&line)?;
                Ok(())
            })?;
        }
        ExportFormat::Jsonl | ExportFormat::Geojson | ExportFormat::AcledCsv => {
            let format = match args.format {
                ExportFormat::Jsonl => IncidentFormat::Jsonl,
                ExportFormat::Geojson => IncidentFormat::Geojson,
                _ => IncidentFormat::Acled,
            };
            write_incidents(&mut out, format, &store, &Filter::default(), &Page::all())
                .context("exporting incidents")?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// `sitrep show`.
pub fn show(args: ShowArgs) -> anyhow::Result<ExitCode> {
    let store = open_existing(&args.db)?;
    let Some(inc) = store.incident(&args.incident)? else {
        eprintln!(
            "sitrep: no incident {:?} in {}",
            args.incident,
            args.db.path().display()
        );
        return Ok(ExitCode::from(1));
    };
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let e = &inc.event;
    let loc = e.location.as_ref();
    writeln!(out, "incident {}", inc.id)?;
    writeln!(
        out,
        "  {} / {}",
        event_type_label(e.event_type),
        e.sub_event_type.label()
    )?;
    let date = match (e.date, e.date_end) {
        (Some(d), Some(end)) if end != d => format!("{d} to {end}"),
        (Some(d), _) => d.to_string(),
        _ => "unknown".into(),
    };
    writeln!(out, "  date:       {date}")?;
    if let Some(l) = loc {
        writeln!(
            out,
            "  place:      {} ({}{}) {} precision {}",
            l.name,
            l.country.as_deref().unwrap_or("-"),
            l.admin1
                .as_deref()
                .map(|a| format!(", {a}"))
                .unwrap_or_default(),
            match (l.lat, l.lon) {
                (Some(a), Some(o)) => format!("{a:.4},{o:.4}"),
                _ => "-".into(),
            },
            l.geo_precision
        )?;
    }
    writeln!(
        out,
        "  actors:     {} vs {}",
        e.actor1.as_deref().unwrap_or("-"),
        e.actor2.as_deref().unwrap_or("-")
    )?;
    writeln!(
        out,
        "  fatalities: best {}, low {}, high {}",
        inc.fatalities_best, inc.fatalities_low, inc.fatalities_high
    )?;
    writeln!(out, "  sources:    {}", inc.sources.join(", "))?;
    let reports = store.reports_of_incident(&inc.id)?;
    for r in &reports {
        let doc = store.document(&r.doc_id)?;
        let ev = &r.event;
        writeln!(out)?;
        writeln!(out, "claim {}#{}", r.doc_id, r.ordinal)?;
        if let Some(d) = &doc {
            let meta = [
                d.document.outlet.clone(),
                d.document.published.map(|p| p.to_string()),
                d.document.url.clone(),
            ];
            let meta: Vec<String> = meta.into_iter().flatten().collect();
            if !meta.is_empty() {
                writeln!(out, "  source:     {}", meta.join(", "))?;
            }
        }
        writeln!(
            out,
            "  claimant:   {}",
            ev.claimant.as_deref().unwrap_or("(the outlet)")
        )?;
        writeln!(
            out,
            "  says:       {} by {} against {} at {} on {}; killed {}, injured {}",
            ev.sub_event_type.label(),
            ev.actor1.as_deref().unwrap_or("-"),
            ev.actor2.as_deref().unwrap_or("-"),
            ev.location.as_ref().map_or("-", |l| l.name.as_str()),
            ev.date.map_or("-".to_string(), |d| d.to_string()),
            ev.fatalities,
            ev.injuries
        )?;
        for c in &ev.claims {
            writeln!(
                out,
                "  claim:      {} {:?}{}{}",
                c.claimant.as_deref().unwrap_or("(the outlet)"),
                c.stance,
                c.fatalities
                    .map(|f| format!(", killed {f}"))
                    .unwrap_or_default(),
                c.injuries
                    .map(|f| format!(", injured {f}"))
                    .unwrap_or_default()
            )?;
        }
        if let Some(d) = &doc {
            for s in &ev.evidence {
                let text = char_slice(&d.cleaned, *s).trim();
                if !text.is_empty() {
                    writeln!(out, "  > {text}")?;
                }
            }
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
