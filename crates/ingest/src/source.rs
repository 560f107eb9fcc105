//! Inputs: files, folders and stdin.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use sitrep_core::{Document, InputFormat};

use crate::{content_id, decode_bytes, read_jsonl_with, IngestError};

/// Resource limits for reading.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest document accepted, in bytes (a JSON Lines file may be larger; each record is checked).
    pub max_doc_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_doc_bytes: 16 * 1024 * 1024,
        }
    }
}

/// Expands inputs into file paths: folders are walked (sorted, hidden files skipped),
/// files and `-` (stdin) are kept as given.
pub fn expand_inputs(inputs: &[PathBuf]) -> Vec<Result<PathBuf, IngestError>> {
    let mut out = Vec::new();
    for input in inputs {
        if input.as_os_str() == "-" || !input.is_dir() {
            out.push(Ok(input.clone()));
            continue;
        }
        let walker = walkdir::WalkDir::new(input)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_file() && is_report_file(e.path()) => {
                    out.push(Ok(e.into_path()))
                }
                Ok(_) => {}
                Err(err) => out.push(Err(IngestError::Io {
                    path: err.path().unwrap_or(input).display().to_string(),
                    source: err.into(),
                })),
            }
        }
    }
    out
}

fn extension(path: &Path) -> String {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default()
}

fn is_report_file(path: &Path) -> bool {
    matches!(
        extension(path).as_str(),
        "txt" | "text" | "html" | "htm" | "xhtml" | "jsonl" | "ndjson" | ""
    )
}

/// True for a JSON Lines file (`.jsonl`, `.ndjson`).
pub fn is_jsonl(path: &Path) -> bool {
    matches!(extension(path).as_str(), "jsonl" | "ndjson")
}

/// Reads one input: `-` for stdin, a JSON Lines file, an HTML page or a text file.
pub fn read_input(path: &Path, limits: Limits) -> Vec<Result<Document, IngestError>> {
    stream_input(path, limits).collect()
}

/// Reads one file. JSON Lines files give one document per line.
pub fn read_path(path: &Path, limits: Limits) -> Vec<Result<Document, IngestError>> {
    if is_jsonl(path) {
        jsonl_file(path, limits).collect()
    } else {
        vec![read_file(path, limits)]
    }
}

/// The records of a JSON Lines file, read lazily.
fn jsonl_file(path: &Path, limits: Limits) -> DocStream {
    let name = path.display().to_string();
    match File::open(path) {
        Ok(f) => Box::new(read_jsonl_with(BufReader::new(f), &name, limits)),
        Err(source) => Box::new(std::iter::once(Err(IngestError::Io { path: name, source }))),
    }
}

/// One text or HTML file as one document.
fn read_file(path: &Path, limits: Limits) -> Result<Document, IngestError> {
    let bytes = read_limited(path, limits)?;
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .filter(|s| !s.is_empty());
    to_document(
        &bytes,
        &path.display().to_string(),
        stem,
        Some(&extension(path)),
    )
}

fn read_limited(path: &Path, limits: Limits) -> Result<Vec<u8>, IngestError> {
    let name = path.display().to_string();
    let io = |source| IngestError::Io {
        path: name.clone(),
        source,
    };
    let file = File::open(path).map_err(io)?;
    let size = file.metadata().map_err(io)?.len() as usize;
    if size > limits.max_doc_bytes {
        return Err(IngestError::TooLarge {
            path: name,
            size,
            limit: limits.max_doc_bytes,
        });
    }
    let mut bytes = Vec::with_capacity(size);
    file.take(limits.max_doc_bytes as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    Ok(bytes)
}

/// Documents of one input, read lazily: a JSON Lines file or stream gives its
/// records one at a time, so memory stays bounded by one record however large the
/// input; any other file is read whole (up to the size limit).
pub type DocStream = Box<dyn Iterator<Item = Result<Document, IngestError>> + Send>;

/// Reads one input lazily (see [`DocStream`]): `-` for stdin, a JSON Lines file,
/// an HTML page or a text file.
pub fn stream_input(path: &Path, limits: Limits) -> DocStream {
    if path.as_os_str() == "-" {
        stream_reader(std::io::stdin(), "-", limits)
    } else if is_jsonl(path) {
        jsonl_file(path, limits)
    } else {
        Box::new(std::iter::once(read_file(path, limits)))
    }
}

/// Reads a stream as stdin is read, lazily: JSON Lines when its first non-blank
/// lines are JSON objects, else one document.
pub fn stream_reader<R: Read + Send + 'static>(reader: R, name: &str, limits: Limits) -> DocStream {
    const PEEK: usize = 64 * 1024;
    let mut reader = BufReader::new(reader);
    let mut head: Vec<u8> = Vec::new();
    let mut lines = 0;
    while lines < 3 && head.len() < PEEK {
        let before = head.len();
        match (&mut reader)
            .take((PEEK - head.len()) as u64)
            .read_until(b'\n', &mut head)
        {
            Ok(0) => break,
            Ok(_) => lines += usize::from(!head[before..].trim_ascii().is_empty()),
            Err(source) => {
                return Box::new(std::iter::once(Err(IngestError::Io {
                    path: name.into(),
                    source,
                })))
            }
        }
    }
    if looks_jsonl(&head) {
        let rest = std::io::Cursor::new(head).chain(reader);
        return Box::new(read_jsonl_with(BufReader::new(rest), name, limits));
    }
    let mut bytes = head;
    let io = |source| IngestError::Io {
        path: name.into(),
        source,
    };
    let result = (&mut reader)
        .take((limits.max_doc_bytes + 1).saturating_sub(bytes.len()) as u64)
        .read_to_end(&mut bytes)
        .map_err(io)
        .and_then(|_| {
            if bytes.len() > limits.max_doc_bytes {
                Err(IngestError::TooLarge {
                    path: name.into(),
                    size: bytes.len(),
                    limit: limits.max_doc_bytes,
                })
            } else {
                to_document(&bytes, name, None, None)
            }
        });
    Box::new(std::iter::once(result))
}

/// True when the first (up to three) non-blank lines of `bytes` are JSON objects.
fn looks_jsonl(bytes: &[u8]) -> bool {
    bytes
        .split(|&b| b == b'\n')
        .map(|l| l.trim_ascii())
        .filter(|l| !l.is_empty())
        .take(3)
        .all(|l| l.first() == Some(&b'{'))
        && bytes.trim_ascii().first() == Some(&b'{')
}

/// Reads stdin: JSON Lines when every non-blank line is a JSON object, else one document.
pub fn read_stdin(limits: Limits) -> Vec<Result<Document, IngestError>> {
    stream_reader(std::io::stdin(), "-", limits).collect()
}

/// Reads a buffer as stdin would be read (for tests and fuzzing).
pub fn read_bytes(bytes: &[u8], name: &str, limits: Limits) -> Vec<Result<Document, IngestError>> {
    stream_reader(std::io::Cursor::new(bytes.to_vec()), name, limits).collect()
}

pub(crate) fn check_size(doc: Document, limits: Limits) -> Result<Document, IngestError> {
    if doc.raw.len() > limits.max_doc_bytes {
        return Err(IngestError::TooLarge {
            path: doc.source,
            size: doc.raw.len(),
            limit: limits.max_doc_bytes,
        });
    }
    Ok(doc)
}

fn to_document(
    bytes: &[u8],
    name: &str,
    stem: Option<String>,
    ext: Option<&str>,
) -> Result<Document, IngestError> {
    let raw = decode_bytes(bytes).map_err(|reason| IngestError::NotText {
        path: name.into(),
        reason,
    })?;
    let format = match ext {
        Some("html" | "htm" | "xhtml") => InputFormat::Html,
        Some(_) => InputFormat::Text,
        None if looks_like_html(&raw) => InputFormat::Html,
        None => InputFormat::Text,
    };
    let id = stem.unwrap_or_else(|| content_id(&raw));
    Ok(Document {
        id,
        source: name.into(),
        raw,
        format,
        published: None,
        url: None,
        outlet: None,
    })
}

fn looks_like_html(text: &str) -> bool {
    let head: String = text
        .trim_start()
        .chars()
        .take(512)
        .collect::<String>()
        .to_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html") || head.contains("<body")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn a_stream_is_read_as_json_lines_or_as_one_document() {
        let jsonl = "\n{\"id\": \"a\", \"text\": \"Fire on Kut.\"}\n{\"id\": \"b\", \"text\": \"Fire on Sotk.\"}\n";
        let ids: Vec<String> = stream_reader(std::io::Cursor::new(jsonl), "-", Limits::default())
            .map(|d| d.unwrap().id)
            .collect();
        assert_eq!(ids, ["a", "b"]);
        let text = "Shelling of Sotk.\n{ not json }\n";
        let docs: Vec<_> =
            stream_reader(std::io::Cursor::new(text), "-", Limits::default()).collect();
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].as_ref().unwrap().raw, text);
        let big = "x".repeat(300);
        let docs: Vec<_> = stream_reader(
            std::io::Cursor::new(big),
            "-",
            Limits { max_doc_bytes: 100 },
        )
        .collect();
        assert!(docs[0]
            .as_ref()
            .unwrap_err()
            .to_string()
            .contains("too large"));
    }

    #[test]
    fn folder_gives_one_document_per_file_with_stem_ids() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("b_report.txt"), "Fire near Kut.").unwrap();
        std::fs::write(dir.path().join("a_page.html"), "<html><p>Drone</p></html>").unwrap();
        std::fs::write(dir.path().join("skip.png"), [0u8, 1, 2]).unwrap();
        let paths: Vec<_> = expand_inputs(&[dir.path().to_path_buf()])
            .into_iter()
            .map(|p| p.unwrap())
            .collect();
        assert_eq!(paths.len(), 2);
        let docs: Vec<_> = paths
            .iter()
            .flat_map(|p| read_path(p, Limits::default()))
            .map(|d| d.unwrap())
            .collect();
        assert_eq!(docs[0].id, "a_page");
        assert_eq!(docs[0].format, InputFormat::Html);
        assert_eq!(docs[1].id, "b_report");
        assert_eq!(docs[1].raw, "Fire near Kut.");
    }

    #[test]
    fn missing_and_binary_files_are_errors_naming_them() {
        let dir = tempfile::tempdir().unwrap();
        let bin = dir.path().join("blob.txt");
        std::fs::File::create(&bin)
            .unwrap()
            .write_all(&[0, 159, 146, 150, 0])
            .unwrap();
        let err = read_path(&bin, Limits::default())
            .remove(0)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("blob.txt") && err.contains("not a text"),
            "{err}"
        );
        let missing = dir.path().join("nope.txt");
        let err = read_path(&missing, Limits::default())
            .remove(0)
            .unwrap_err()
            .to_string();
        assert!(err.contains("nope.txt"), "{err}");
    }

    #[test]
    fn size_limit_is_enforced() {
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("big.txt");
        std::fs::write(&big, "x".repeat(2000)).unwrap();
        let err = read_path(
            &big,
            Limits {
                max_doc_bytes: 1000,
            },
        )
        .remove(0)
        .unwrap_err();
        assert!(matches!(err, IngestError::TooLarge { size: 2000, .. }));
    }

    #[test]
    fn stdin_bytes_detect_jsonl_and_hash_ids() {
        let docs = read_bytes(
            b"{\"text\": \"a\"}\n{\"text\": \"b\"}\n",
            "-",
            Limits::default(),
        );
        assert_eq!(docs.len(), 2);
        let one = read_bytes(b"Plain report text.", "-", Limits::default());
        let d = one[0].as_ref().unwrap();
        assert_eq!(d.id, content_id("Plain report text."));
    }
}

#[cfg(test)]
mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn any_bytes_give_documents_or_errors(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
            for r in read_bytes(&bytes, "-", Limits::default()) {
                match r {
                    Ok(d) => prop_assert!(!d.id.is_empty()),
                    Err(e) => prop_assert!(e.to_string().starts_with("-")),
                }
            }
        }

        #[test]
        fn jsonl_lines_never_panic(lines in proptest::collection::vec("\\PC{0,80}", 0..8)) {
            let text = lines.join("\n");
            let _ = read_bytes(format!("{{\"text\": 1}}\n{text}").as_bytes(), "in.jsonl", Limits::default());
        }
    }
}
