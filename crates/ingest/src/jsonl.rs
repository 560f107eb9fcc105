//! JSON Lines records: `{id, text | html, published, url, outlet}`.

use std::io::BufRead;

use serde::Deserialize;
use sitrep_core::{Date, Document, InputFormat};

use crate::{content_id, IngestError};

#[derive(Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    text: Option<String>,
    html: Option<String>,
    published: Option<String>,
    url: Option<String>,
    outlet: Option<String>,
}

/// Parses a publication date given as `YYYY-MM-DD` or an RFC 3339 / ISO timestamp.
pub(crate) fn parse_published(s: &str) -> Option<Date> {
    let s = s.trim();
    s.get(..10).and_then(|d| d.parse::<Date>().ok())
}

/// Reads JSON Lines from `reader`; `path` names the input in ids and errors.
/// Each broken line gives an error and the rest are still read.
pub fn read_jsonl<'a, R: BufRead + 'a>(
    reader: R,
    path: &str,
) -> impl Iterator<Item = Result<Document, IngestError>> + 'a {
    let path = path.to_string();
    reader.lines().enumerate().filter_map(move |(i, line)| {
        let n = i + 1;
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                return Some(Err(IngestError::BadRecord {
                    path: path.clone(),
                    line: n,
                    reason: e.to_string(),
                }))
            }
        };
        if line.trim().is_empty() {
            return None;
        }
        Some(parse_record(&line, &path, n))
    })
}

fn parse_record(line: &str, path: &str, n: usize) -> Result<Document, IngestError> {
    let bad = |reason: String| IngestError::BadRecord {
        path: path.to_string(),
        line: n,
        reason,
    };
    let rec: Record = serde_json::from_str(line).map_err(|e| bad(e.to_string()))?;
    let (raw, format) = match (rec.text, rec.html) {
        (Some(t), _) if !t.trim().is_empty() => (t, InputFormat::Text),
        (_, Some(h)) if !h.trim().is_empty() => (h, InputFormat::Html),
        _ => return Err(bad("no `text` or `html`".into())),
    };
    let id = match rec.id {
        Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s,
        Some(serde_json::Value::Number(num)) => num.to_string(),
        _ => content_id(&raw),
    };
    Ok(Document {
        id,
        source: format!("{path}:{n}"),
        raw,
        format,
        published: rec.published.as_deref().and_then(parse_published),
        url: rec.url,
        outlet: rec.outlet,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_broken_line_does_not_stop_the_batch() {
        let input = concat!(
            r#"{"id": "a", "text": "Mortar fire on Sotk."}"#,
            "\n{\"id\": \"b\", \"text\": \n",
            r#"{"html": "<p>Drone strike</p>", "published": "2024-05-01T10:00:00Z", "outlet": "X"}"#,
            "\n"
        );
        let out: Vec<_> = read_jsonl(input.as_bytes(), "in.jsonl").collect();
        assert_eq!(out.len(), 3);
        assert_eq!(out[0].as_ref().unwrap().id, "a");
        let err = out[1].as_ref().unwrap_err().to_string();
        assert!(err.starts_with("in.jsonl:2: bad record"), "{err}");
        let third = out[2].as_ref().unwrap();
        assert_eq!(third.format, InputFormat::Html);
        assert_eq!(third.published, Some(jiff::civil::date(2024, 5, 1)));
        assert_eq!(third.id.len(), 16, "content-hash id");
    }

    #[test]
    fn a_record_without_text_is_an_error() {
        let out: Vec<_> = read_jsonl(r#"{"id": "x", "text": "  "}"#.as_bytes(), "f").collect();
        assert!(out[0].is_err());
    }
}
