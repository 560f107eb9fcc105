//! JSON Lines records: `{id, text | html, published, url, outlet}`.

use std::io::{BufRead, Read};

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
/// Each broken line gives an error and the rest are still read. Lines are
/// bounded by the default [`Limits`](crate::Limits) (see [`read_jsonl_with`]).
pub fn read_jsonl<'a, R: BufRead + 'a>(
    reader: R,
    path: &str,
) -> impl Iterator<Item = Result<Document, IngestError>> + 'a {
    read_jsonl_with(reader, path, crate::Limits::default())
}

/// [`read_jsonl`] with explicit limits: a line longer than
/// [`max_line_bytes`] of `limits.max_doc_bytes` is skipped without being held in
/// memory, with an error naming it; a document over the limit is an error too.
pub fn read_jsonl_with<'a, R: BufRead + 'a>(
    mut reader: R,
    path: &str,
    limits: crate::Limits,
) -> impl Iterator<Item = Result<Document, IngestError>> + 'a {
    let path = path.to_string();
    let max_line = max_line_bytes(limits.max_doc_bytes);
    let mut buf: Vec<u8> = Vec::new();
    let mut n = 0usize;
    std::iter::from_fn(move || loop {
        n += 1;
        let bad = |reason: String| {
            Some(Err(IngestError::BadRecord {
                path: path.clone(),
                line: n,
                reason,
            }))
        };
        buf.clear();
        let read = match (&mut reader)
            .take(max_line as u64 + 1)
            .read_until(b'\n', &mut buf)
        {
            Ok(0) => return None,
            Ok(k) => k,
            Err(e) => return bad(e.to_string()),
        };
        if read > max_line && buf.last() != Some(&b'\n') {
            let skipped = match reader.skip_until(b'\n') {
                Ok(k) => k,
                Err(e) => return bad(e.to_string()),
            };
            return bad(format!(
                "line of {} bytes is over the limit of {max_line} bytes (--max-doc-bytes)",
                read + skipped
            ));
        }
        let line = match std::str::from_utf8(&buf) {
            Ok(l) => l,
            Err(e) => return bad(format!("not UTF-8: {e}")),
        };
        if line.trim().is_empty() {
            continue;
        }
        return Some(
            parse_record(line, &path, n).and_then(|d| crate::source::check_size(d, limits)),
        );
    })
}

/// Longest JSON line read for documents of at most `max_doc_bytes`: escaping can
/// double the text, and the metadata needs some room.
pub fn max_line_bytes(max_doc_bytes: usize) -> usize {
    max_doc_bytes.saturating_mul(2).saturating_add(64 * 1024)
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
    fn an_over_long_line_is_skipped_with_an_error_and_reading_goes_on() {
        let limits = crate::Limits { max_doc_bytes: 100 };
        let long = format!(
            r#"{{"id": "big", "text": "{}"}}"#,
            "shelling ".repeat(8_000)
        );
        let input = format!(
            "{long}\n{}\n\n{}\n",
            r#"{"id": "ok", "text": "Mortar fire on Sotk."}"#,
            r#"{"id": "also", "text": "Drone strike near Kut."}"#
        );
        let out: Vec<_> = read_jsonl_with(input.as_bytes(), "in.jsonl", limits).collect();
        assert_eq!(out.len(), 3, "{out:?}");
        let err = out[0].as_ref().unwrap_err().to_string();
        assert!(
            err.starts_with("in.jsonl:1:") && err.contains("over the limit"),
            "{err}"
        );
        assert_eq!(out[1].as_ref().unwrap().id, "ok");
        assert_eq!(out[2].as_ref().unwrap().id, "also");
    }

    #[test]
    fn invalid_utf8_in_a_line_is_an_error_for_that_line_only() {
        let mut input = br#"{"id": "a", "text": "Fire on Kut."}"#.to_vec();
        input.extend_from_slice(b"\n{\"id\": \"b\", \"text\": \"\xff\"}\n");
        input.extend_from_slice(br#"{"id": "c", "text": "Fire on Sotk."}"#);
        let out: Vec<_> = read_jsonl(&input[..], "u.jsonl").collect();
        assert_eq!(out.len(), 3);
        assert!(out[1]
            .as_ref()
            .unwrap_err()
            .to_string()
            .contains("not UTF-8"));
        assert_eq!(out[2].as_ref().unwrap().id, "c");
    }

    #[test]
    fn a_record_without_text_is_an_error() {
        let out: Vec<_> = read_jsonl(r#"{"id": "x", "text": "  "}"#.as_bytes(), "f").collect();
        assert!(out[0].is_err());
    }
}
