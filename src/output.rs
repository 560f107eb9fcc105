//! Writing events as JSON Lines, JSON or a table, a batch at a time.

use std::io::Write;

use sitrep_core::Event;

use crate::cli::Format;

/// Writes events in the chosen format as they come; [`EventWriter::finish`]
/// closes the output (the JSON array's bracket).
pub struct EventWriter<W: Write> {
    out: W,
    format: Format,
    written: usize,
}

impl<W: Write> EventWriter<W> {
    /// A writer that has written nothing yet.
    pub fn new(out: W, format: Format) -> Self {
        EventWriter {
            out,
            format,
            written: 0,
        }
    }

    /// Writes some events (the header first, for a table).
    pub fn write(&mut self, events: &[Event]) -> std::io::Result<()> {
        let out = &mut self.out;
        for e in events {
            match self.format {
                Format::Jsonl => {
                    serde_json::to_writer(&mut *out, e)?;
                    out.write_all(b"\n")?;
                }
                Format::Json => {
                    out.write_all(if self.written == 0 { b"[\n" } else { b",\n" })?;
                    serde_json::to_writer_pretty(&mut *out, e)?;
                }
                Format::Table => {
                    if self.written == 0 {
                        table_row(
                            out,
                            ["doc", "date", "type", "place", "actor1", "k", "w"].map(String::from),
                        )?;
                    }
                    let loc = e.location.as_ref().map_or("-", |l| l.name.as_str());
                    table_row(
                        out,
                        [
                            truncate(&e.doc, 24),
                            e.date.map_or("-".to_string(), |d| d.to_string()),
                            truncate(e.sub_event_type.label(), 34),
                            truncate(loc, 22),
                            truncate(e.actor1.as_deref().unwrap_or("-"), 34),
                            e.fatalities.to_string(),
                            e.injuries.to_string(),
                        ],
                    )?;
                }
            }
            self.written += 1;
        }
        Ok(())
    }

    /// Ends the output and flushes it.
    pub fn finish(mut self) -> std::io::Result<()> {
        match self.format {
            Format::Json if self.written == 0 => self.out.write_all(b"[]\n")?,
            Format::Json => self.out.write_all(b"\n]\n")?,
            Format::Table if self.written == 0 => table_row(
                &mut self.out,
                ["doc", "date", "type", "place", "actor1", "k", "w"].map(String::from),
            )?,
            _ => {}
        }
        self.out.flush()
    }
}

fn table_row(out: &mut impl Write, c: [String; 7]) -> std::io::Result<()> {
    writeln!(
        out,
        "{:<24} {:<10} {:<34} {:<22} {:<34} {:>3} {:>3}",
        c[0], c[1], c[2], c[3], c[4], c[5], c[6]
    )
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n - 1).collect();
        t.push('…');
        t
    }
}
