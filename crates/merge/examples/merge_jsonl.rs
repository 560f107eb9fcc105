//! Adds an `incident` id to each line of `sitrep extract` output.
//!
//! ```sh
//! sitrep extract docs.jsonl > events.jsonl
//! cargo run --release -p sitrep-merge --example merge_jsonl -- events.jsonl > merged.jsonl
//! ```
//!
//! Reads JSON Lines of events from the file given (or stdin without an argument or
//! with `-`), merges them into incidents and writes every line back with an added
//! `"incident": "<id>"`. Lines that are not events pass through unchanged.

use std::io::{BufRead, BufReader, Read, Write};

use sitrep_core::Event;
use sitrep_merge::{merge, MergeOptions};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).filter(|p| p != "-");
    let input: Box<dyn Read> = match &path {
        Some(p) => Box::new(std::fs::File::open(p)?),
        None => Box::new(std::io::stdin()),
    };
    let mut lines: Vec<serde_json::Value> = Vec::new();
    let mut events: Vec<Event> = Vec::new();
    let mut event_line: Vec<Option<usize>> = Vec::new();
    for (n, line) in BufReader::new(input).lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(e) => {
                eprintln!("line {}: not JSON: {e}", n + 1);
                continue;
            }
        };
        match serde_json::from_value::<Event>(value.clone()) {
            Ok(ev) => {
                event_line.push(Some(events.len()));
                events.push(ev);
            }
            Err(e) => {
                eprintln!("line {}: not an event: {e}", n + 1);
                event_line.push(None);
            }
        }
        lines.push(value);
    }
    let mut incident_of = vec![String::new(); events.len()];
    for inc in merge(&events, &MergeOptions::default()) {
        for &m in &inc.members {
            incident_of[m] = inc.id.clone();
        }
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for (mut value, slot) in lines.into_iter().zip(event_line) {
        if let (Some(i), Some(obj)) = (slot, value.as_object_mut()) {
            obj.insert(
                "incident".into(),
                serde_json::Value::String(incident_of[i].clone()),
            );
        }
        writeln!(out, "{}", serde_json::to_string(&value)?)?;
    }
    Ok(())
}
