//! Lists `data/gazetteer/*.tsv` at build time and generates `packs.rs`, which
//! embeds every place pack (and `countries.tsv` separately) into the binary.
//!
//! The files are embedded with `include_bytes!` rather than `include_str!`: the
//! packs are hand-written and may be caught half-written or with a stray
//! non-UTF-8 byte, which must become a load warning, never a build failure.

use std::{env, fmt::Write as _, fs, path::PathBuf};

fn main() {
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    let dir = manifest.join("../../data/gazetteer");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed={}", dir.display());

    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| e.path())
                .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "tsv"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();

    let mut out = String::new();
    out.push_str("/// Place packs: (file name, raw bytes), sorted by file name.\n");
    out.push_str("pub(crate) static PACKS: &[(&str, &[u8])] = &[\n");
    let mut countries = None;
    for p in &files {
        println!("cargo:rerun-if-changed={}", p.display());
        let name = p
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let abs = p.canonicalize().unwrap_or_else(|_| p.clone());
        let abs = abs.to_string_lossy().into_owned();
        if name == "countries.tsv" {
            countries = Some(abs);
            continue;
        }
        let _ = writeln!(out, "    ({name:?}, include_bytes!({abs:?})),");
    }
    out.push_str("];\n");
    out.push_str("/// The country pack (`countries.tsv`), empty when absent.\n");
    match countries {
        Some(abs) => {
            let _ = writeln!(
                out,
                "pub(crate) static COUNTRIES: &[u8] = include_bytes!({abs:?});"
            );
        }
        None => out.push_str("pub(crate) static COUNTRIES: &[u8] = b\"\";\n"),
    }
    let out_dir = PathBuf::from(env::var("OUT_DIR").expect("OUT_DIR"));
    fs::write(out_dir.join("packs.rs"), out).expect("write packs.rs");
}
