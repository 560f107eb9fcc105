//! Command-line arguments.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Turns raw conflict news into a clean, geocoded dataset of armed incidents.
#[derive(Debug, Parser)]
#[command(name = "sitrep", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the incidents reported in the inputs (JSON Lines by default).
    Extract(ExtractArgs),
    /// Print (or write) the main text of each input, boilerplate removed.
    Clean(CleanArgs),
    /// Show the gazetteer's ranked candidates for a place name.
    Place(PlaceArgs),
    /// Measure cleaning and extraction throughput over a corpus (MB/s, documents/s).
    Bench(BenchArgs),
    /// Store the inputs, their records and the merged incidents in the database.
    Ingest(crate::db_commands::IngestArgs),
    /// List the database's incidents, filtered.
    Events(crate::db_commands::EventsArgs),
    /// Write every incident (or report) of the database in an exchange format.
    Export(crate::db_commands::ExportArgs),
    /// Show one incident with each claim, its source and its supporting sentences.
    Show(crate::db_commands::ShowArgs),
    /// Run extraction again over the stored documents (after an upgrade).
    Reprocess(crate::db_commands::ReprocessArgs),
    /// Serve the HTTP API and the map page over the database.
    Serve(crate::serve::ServeArgs),
}

/// `sitrep bench`.
#[derive(Debug, Args)]
pub struct BenchArgs {
    /// Inputs.
    #[command(flatten)]
    pub input: InputArgs,
    /// How many times to run over the corpus.
    #[arg(long, default_value_t = 100, value_name = "N")]
    pub repeat: usize,
}

/// Inputs shared by commands that read reports.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Files, folders (read recursively), JSON Lines (`.jsonl`), or `-` for stdin.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Publication date (YYYY-MM-DD) for inputs without metadata; relative dates
    /// ("on Friday") resolve against it. Without it, the dateline is used.
    #[arg(long, value_name = "DATE")]
    pub published: Option<jiff::civil::Date>,
    /// Largest document accepted, in bytes.
    #[arg(long, default_value_t = 16 * 1024 * 1024, value_name = "BYTES")]
    pub max_doc_bytes: usize,
    /// Worker threads (default: all cores).
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
    /// Print throughput and peak memory on stderr when done.
    #[arg(long)]
    pub stats: bool,
}

/// Output formats of `extract`.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Format {
    /// One JSON object per line.
    Jsonl,
    /// One JSON array.
    Json,
    /// An aligned table for reading.
    Table,
}

/// `sitrep extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Inputs.
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Jsonl)]
    pub format: Format,
    /// Most events kept per document.
    #[arg(long, default_value_t = 200, value_name = "N")]
    pub max_events_per_doc: usize,
}

/// `sitrep clean`.
#[derive(Debug, Args)]
pub struct CleanArgs {
    /// Inputs.
    #[command(flatten)]
    pub input: InputArgs,
    /// Write one file per document into this folder (named like its input,
    /// `.txt`), instead of printing.
    #[arg(long, value_name = "DIR")]
    pub out_dir: Option<PathBuf>,
}

/// `sitrep place`.
#[derive(Debug, Args)]
pub struct PlaceArgs {
    /// The name to look up, in any naming tradition ("Basarkechar", "Zod").
    pub name: String,
    /// The region named with it ("Kalbajar").
    #[arg(long = "in", value_name = "REGION")]
    pub region: Option<String>,
    /// Likely country (ISO2 or name); repeatable.
    #[arg(long, value_name = "CC")]
    pub country: Vec<String>,
    /// Prefer districts, provinces and regions.
    #[arg(long)]
    pub region_only: bool,
    /// How many candidates to show.
    #[arg(long, default_value_t = 5)]
    pub limit: usize,
}
