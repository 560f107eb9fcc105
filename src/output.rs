//! Writing events as JSON Lines, JSON or a table.

use std::io::Write;

use sitrep_core::Event;

use crate::cli::Format;

/// Writes events in the chosen format.
pub fn write_events(out: &mut dyn Write, events: &[Event], format: Format) -> std::io::Result<()> {
    match format {
        Format::Jsonl => {
            for e in events {
                serde_json::to_writer(&mut *out, e)?;
                out.write_all(b"\n")?;
            }
        }
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, events)?;
            out.write_all(b"\n")?;
        }
        Format::Table => {
            writeln!(
                out,
                "{:<24} {:<10} {:<34} {:<22} {:<34} {:>3} {:>3}",
                "doc", "date", "type", "place", "actor1", "k", "w"
            )?;
            for e in events {
                let loc = e.location.as_ref().map_or("-", |l| l.name.as_str());
                writeln!(
                    out,
                    "{:<24} {:<10} {:<34} {:<22} {:<34} {:>3} {:>3}",
                    truncate(&e.doc, 24),
                    e.date.map_or("-".to_string(), |d| d.to_string()),
                    truncate(e.sub_event_type.label(), 34),
                    truncate(loc, 22),
                    truncate(e.actor1.as_deref().unwrap_or("-"), 34),
                    e.fatalities,
                    e.injuries
                )?;
            }
        }
    }
    Ok(())
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
