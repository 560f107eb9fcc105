//! Arbitrary bytes through `sitrep_ingest::read_bytes` under a `.jsonl` name,
//! and straight through `read_jsonl`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sitrep_ingest::{read_bytes, read_jsonl, Limits};

fuzz_target!(|data: &[u8]| {
    let limits = Limits {
        max_doc_bytes: 64 * 1024,
    };
    for doc in read_bytes(data, "fuzz.jsonl", limits) {
        let _ = doc;
    }
    for doc in read_jsonl(data, "fuzz.jsonl") {
        let _ = doc;
    }
});
