//! Cleans every `*.txt` / `*.html` file of a folder into another folder.
//!
//! `cargo run -p sitrep-clean --example clean_dir -- IN_DIR OUT_DIR`

use std::{env, fs, path::Path, process::ExitCode};

use sitrep_core::{Document, InputFormat};

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let [input, output] = args.as_slice() else {
        eprintln!("usage: clean_dir IN_DIR OUT_DIR");
        return ExitCode::FAILURE;
    };
    if let Err(err) = run(Path::new(input), Path::new(output)) {
        eprintln!("clean_dir: {err}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

fn run(input: &Path, output: &Path) -> std::io::Result<()> {
    fs::create_dir_all(output)?;
    let mut entries: Vec<_> = fs::read_dir(input)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.path());
    for entry in entries {
        let path = entry.path();
        let format = match path.extension().and_then(|e| e.to_str()) {
            Some("txt") => InputFormat::Text,
            Some("html") | Some("htm") => InputFormat::Html,
            _ => continue,
        };
        let raw = String::from_utf8_lossy(&fs::read(&path)?).into_owned();
        let id = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let doc = Document {
            id,
            source: path.display().to_string(),
            raw,
            format,
            published: None,
            url: None,
            outlet: None,
        };
        let clean = sitrep_clean::clean(&doc);
        let date = clean
            .published
            .map(|d| d.to_string())
            .unwrap_or_else(|| "-".into());
        eprintln!("{}\t{date}", doc.id);
        fs::write(output.join(entry.file_name()), clean.text + "\n")?;
    }
    Ok(())
}
