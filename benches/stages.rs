//! Criterion benchmarks of each pipeline stage over the bundled example reports
//! (texts written for sitrep): `cargo bench --bench stages`. For whole-corpus
//! throughput, peak memory and scaling see `tools/bench/run.sh`.

use std::hint::black_box;
use std::path::Path;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use sitrep_assemble::Assembler;
use sitrep_core::Document;
use sitrep_geocode::Gazetteer;
use sitrep_ingest::{read_path, Limits};

/// The example reports, with a publication date so relative dates resolve.
fn examples() -> Vec<Document> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/reports");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("examples/reports")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e != "md"))
        .collect();
    paths.sort();
    paths
        .iter()
        .flat_map(|p| read_path(p, Limits::default()))
        .filter_map(Result::ok)
        .map(|mut d| {
            d.published.get_or_insert(jiff::civil::date(2024, 5, 4));
            d
        })
        .collect()
}

fn stages(c: &mut Criterion) {
    let docs = examples();
    let bytes: usize = docs.iter().map(|d| d.raw.len()).sum();
    let asm = Assembler::embedded();
    let gaz = Gazetteer::embedded();
    let cleaned: Vec<_> = docs.iter().map(sitrep_clean::clean).collect();
    let text_bytes: usize = cleaned.iter().map(|c| c.text.len()).sum();

    let mut g = c.benchmark_group("stages");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("clean", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(sitrep_clean::clean(d));
            }
        })
    });
    g.bench_function("clean+extract", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(asm.assemble(&sitrep_clean::clean(d)));
            }
        })
    });
    g.throughput(Throughput::Bytes(text_bytes as u64));
    g.bench_function("extract (cleaned text)", |b| {
        b.iter(|| {
            for c in &cleaned {
                black_box(asm.assemble(c));
            }
        })
    });
    g.bench_function("sentences", |b| {
        b.iter(|| {
            for c in &cleaned {
                black_box(sitrep_recognise::sentences::split_sentences(&c.text));
            }
        })
    });
    g.bench_function("dates and times", |b| {
        b.iter(|| {
            for c in &cleaned {
                black_box(sitrep_recognise::dates::find_dates_and_times(
                    &c.text,
                    c.published,
                ));
            }
        })
    });
    g.bench_function("gazetteer names", |b| {
        b.iter(|| {
            for c in &cleaned {
                black_box(gaz.find_names(&c.text));
            }
        })
    });
    g.finish();

    c.bench_function("gazetteer load (embedded, world base)", |b| {
        b.iter(|| black_box(Gazetteer::load_embedded()))
    });
}

criterion_group!(benches, stages);
criterion_main!(benches);
