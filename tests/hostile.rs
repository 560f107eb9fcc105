//! Hostile inputs: each gives output or a clear error naming the input, and the
//! rest of the batch goes on (issue 6). Large inputs are generated here, not committed.

use std::path::Path;
use std::process::Command;

fn sitrep(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(args)
        .output()
        .expect("run sitrep")
}

const GOOD: &str = "On May 3, Armenian units opened fire on Azerbaijani positions in the direction of Kokhanebi settlement of the Tovuz region, the Defence Ministry of Azerbaijan said.";

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).expect("write");
}

#[test]
fn a_batch_of_hostile_files_still_yields_the_good_report() {
    let dir = tempfile::tempdir().expect("tempdir");
    let d = dir.path();
    write(d, "00_good.txt", GOOD.as_bytes());
    write(d, "01_empty.txt", b"");
    write(
        d,
        "02_binary.txt",
        &[0x7f, b'E', b'L', b'F', 0, 1, 2, 0, 0, 0xff, 0xfe],
    );
    write(
        d,
        "03_invalid_utf8.txt",
        b"Shelling of \xff\xfe Sotk village on \xc3 Monday.",
    );
    let mut utf16 = vec![0xFF, 0xFE];
    for u in GOOD.encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    write(d, "04_utf16.txt", &utf16);
    write(d, "05_big_numbers.txt", b"On May 3, 99999999999999999999 soldiers were killed and 18446744073709551616 wounded in Kut village, the ministry said.");
    write(
        d,
        "06_bad_date.txt",
        b"On February 30, units fired on positions near Sotk village, the ministry said.",
    );
    let jsonl = format!("{{\"id\": \"j1\", \"text\": \"{GOOD}\", \"published\": \"2024-05-04\"}}\n{{\"id\": \"broken\", \"text\": \n{{\"id\": \"j3\", \"text\": \"{GOOD}\", \"published\": \"2024-02-30\"}}\n");
    write(d, "07_batch.jsonl", jsonl.as_bytes());
    let long_line = "fire near Kut ".repeat(150_000);
    write(d, "08_long_line.txt", long_line.as_bytes());
    // 100 MB on one line: over the default size limit, as a file and as a JSON line.
    let huge = "shelling near Sotk ".repeat(5_300_000);
    write(d, "10_huge_line.txt", huge.as_bytes());
    let huge_jsonl = format!(
        "{{\"id\": \"h1\", \"text\": \"{huge}\"}}\n{{\"id\": \"h2\", \"text\": \"{GOOD}\", \"published\": \"2024-05-04\"}}\n"
    );
    write(d, "11_huge.jsonl", huge_jsonl.as_bytes());
    drop((huge, huge_jsonl));
    let depth = 3_000;
    let html = format!(
        "<html><body>{}<p>{GOOD}</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    write(d, "09_nested.html", html.as_bytes());

    let o = sitrep(&["extract", "--published", "2024-05-04", d.to_str().unwrap()]);
    let out = String::from_utf8_lossy(&o.stdout);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "some inputs failed: {err}");
    assert!(!err.contains("panicked"), "{err}");
    // The binary file and the broken JSON line are named; everything else is read.
    assert!(err.contains("02_binary.txt"), "{err}");
    assert!(err.contains("07_batch.jsonl:2"), "{err}");
    assert!(
        err.contains("10_huge_line.txt: too large (100700000 bytes"),
        "{err}"
    );
    assert!(
        err.contains("11_huge.jsonl:1") && err.contains("over the limit"),
        "{err}"
    );
    let docs: Vec<String> = out
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).expect("json")["doc"]
                .as_str()
                .unwrap_or("")
                .to_string()
        })
        .collect();
    for id in ["00_good", "04_utf16", "j1", "j3", "09_nested", "h2"] {
        assert!(docs.iter().any(|d| d == id), "no event from {id}: {docs:?}");
    }
    // An impossible date is not invented, and an absurd count does not wrap around.
    for l in out.lines() {
        let v: serde_json::Value = serde_json::from_str(l).expect("json");
        if v["doc"] == "06_bad_date" {
            assert_ne!(v["date"], "2024-02-30");
        }
        if v["doc"] == "05_big_numbers" {
            assert!(v["fatalities"].as_u64().unwrap_or(0) < 1_000_000_000_000);
        }
    }
}

#[test]
fn a_document_over_the_size_limit_is_an_error_naming_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "huge.txt", &vec![b'a'; 2_000_000]);
    write(dir.path(), "ok.txt", GOOD.as_bytes());
    let o = sitrep(&[
        "extract",
        "--max-doc-bytes",
        "1000000",
        "--published",
        "2024-05-04",
        dir.path().to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err.contains("huge.txt") && err.contains("too large"),
        "{err}"
    );
    assert!(String::from_utf8_lossy(&o.stdout).contains("\"doc\":\"ok\""));
}

#[test]
fn a_50_mb_page_nested_10_000_deep_is_read_in_bounded_memory() {
    let dir = tempfile::tempdir().expect("tempdir");
    let depth = 10_000;
    let mut html = String::with_capacity(51_000_000);
    html.push_str("<html><head><title>Border report</title></head><body>");
    html.push_str(&"<div>".repeat(depth));
    html.push_str(&format!("<p>{GOOD}</p>"));
    html.push_str(&"</div>".repeat(depth));
    let ad = format!(
        "<div class=\"ad\"><span>{}</span></div>\n",
        "Advertisement text ".repeat(20)
    );
    while html.len() < 50_000_000 {
        html.push_str(&ad);
    }
    html.push_str("</body></html>");
    write(dir.path(), "page.html", html.as_bytes());
    drop(html);
    let o = sitrep(&[
        "extract",
        "--stats",
        "--max-doc-bytes",
        "64000000",
        "--published",
        "2024-05-04",
        dir.path().to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("\"name\":\"Kokhanebi\""), "{out}");
    // "...; peak memory 301 MB": bounded by a small multiple of the page.
    let peak: f64 = err
        .split("peak memory ")
        .nth(1)
        .and_then(|r| r.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no peak memory in {err}"));
    assert!(peak < 1000.0, "peak memory {peak} MB");
}
