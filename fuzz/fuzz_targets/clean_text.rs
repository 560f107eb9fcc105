//! Arbitrary bytes, read as a plain-text scrape, through `sitrep_clean::clean`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sitrep_core::InputFormat;

fuzz_target!(|data: &[u8]| sitrep_fuzz::clean_bytes(data, InputFormat::Text));
