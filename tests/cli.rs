//! Integration tests of the `sitrep` binary on the bundled example reports
//! (`examples/reports/`, invented texts written for the project).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const EXAMPLES: &str = "examples/reports";
const EXAMPLE_A: &str = "examples/reports/az-mod-kokhanebi.txt";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `sitrep ARGS...` run from the repository root.
fn sitrep(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(args)
        .current_dir(root())
        .output()
        .expect("running sitrep")
}

/// `sitrep ARGS...` with `input` on stdin.
fn sitrep_stdin(args: &[&str], input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(args)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("starting sitrep");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(input.as_bytes())
        .expect("writing stdin");
    child.wait_with_output().expect("waiting for sitrep")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Parses JSON Lines output, one event a line.
fn events(o: &Output) -> Vec<Value> {
    stdout(o)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

fn of_doc<'a>(evs: &'a [Value], doc: &str) -> Vec<&'a Value> {
    evs.iter().filter(|e| e["doc"] == doc).collect()
}

fn at<'a>(evs: &[&'a Value], place: &str) -> Option<&'a Value> {
    evs.iter().copied().find(|e| e["location"]["name"] == place)
}

/// Every field CODEBOOK §2 requires, with the right shape.
fn assert_codebook_shape(e: &Value) {
    let obj = e
        .as_object()
        .unwrap_or_else(|| panic!("event is not an object: {e}"));
    for key in [
        "doc",
        "date",
        "date_end",
        "date_precision",
        "event_type",
        "sub_event_type",
        "actor1",
        "actor2",
        "location",
        "fatalities",
        "injuries",
        "claimant",
        "context",
        "evidence",
    ] {
        assert!(obj.contains_key(key), "missing {key:?} in {e}");
    }
    assert!(e["doc"].is_string(), "doc: {e}");
    assert!(e["event_type"].is_string(), "event_type: {e}");
    assert!(e["sub_event_type"].is_string(), "sub_event_type: {e}");
    if let Some(d) = e["date"].as_str() {
        assert!(
            d.len() == 10 && d.as_bytes()[4] == b'-' && d.as_bytes()[7] == b'-',
            "date not YYYY-MM-DD: {e}"
        );
    }
    let loc = &e["location"];
    for key in ["name", "country", "lat", "lon", "geo_precision"] {
        assert!(!loc[key].is_null(), "location.{key} missing in {e}");
    }
    let (lat, lon) = (loc["lat"].as_f64().unwrap(), loc["lon"].as_f64().unwrap());
    assert!((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon));
    assert!(matches!(loc["geo_precision"].as_u64(), Some(1..=3)), "{e}");
    assert!(e["fatalities"].is_u64() && e["injuries"].is_u64(), "{e}");
    let ev = e["evidence"].as_array().expect("evidence is a list");
    assert!(!ev.is_empty(), "no evidence: {e}");
    for span in ev {
        let (s, t) = (
            span["start"].as_u64().unwrap(),
            span["end"].as_u64().unwrap(),
        );
        assert!(s < t, "empty evidence span in {e}");
    }
}

#[test]
fn extract_examples_prints_codebook_records() {
    let o = sitrep(&["extract", EXAMPLES]);
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    let evs = events(&o);
    assert!(!evs.is_empty());
    for e in &evs {
        assert_codebook_shape(e);
    }
    for doc in [
        "az-mod-kokhanebi",
        "am-verin-shorzha",
        "kashmir-uri-shelling",
        "batken-border",
        "batch-az-001",
        "batch-in-002",
    ] {
        assert!(!of_doc(&evs, doc).is_empty(), "no event from {doc}");
    }
    // The folder's README describes the files; it reports no incident.
    assert!(of_doc(&evs, "README").is_empty());
}

#[test]
fn example_a_defence_ministry_statement() {
    let o = sitrep(&["extract", EXAMPLE_A]);
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    let evs = events(&o);
    assert_eq!(
        evs.len(),
        1,
        "one place, one day, one pair of sides: {evs:#?}"
    );
    let e = &evs[0];
    assert_codebook_shape(e);
    assert_eq!(e["doc"], "az-mod-kokhanebi");
    // "On March 11" resolved against the dateline "12 March 2024 - 10:15".
    assert_eq!(e["date"], "2024-03-11");
    assert_eq!(e["date_precision"], "day");
    assert_eq!(e["time"], "22:40-23:55");
    assert_eq!(e["event_type"], "Battles");
    assert_eq!(e["sub_event_type"], "Armed clash");
    assert_eq!(e["actor1"], "Military Forces of Armenia");
    assert_eq!(e["actor2"], "Military Forces of Azerbaijan");
    let loc = &e["location"];
    assert_eq!(loc["name"], "Kokhanebi");
    assert_eq!(loc["country"], "AZ");
    assert_eq!(loc["admin1"], "Tovuz");
    assert_eq!(
        loc["geo_precision"], 2,
        "\"in the direction of\" a settlement"
    );
    assert!((loc["lat"].as_f64().unwrap() - 40.977).abs() < 0.05);
    assert!((loc["lon"].as_f64().unwrap() - 45.540).abs() < 0.05);
    assert_eq!(e["origin"]["name"], "Chinari");
    assert_eq!(e["origin"]["country"], "AM");
    assert_eq!(e["weapons"], serde_json::json!(["small arms"]));
    assert_eq!(e["fatalities"], 0);
    assert_eq!(e["injuries"], 0);
    assert_eq!(e["claimant"], "Ministry of Defence of Azerbaijan");
    assert_eq!(e["context"], false);

    // The evidence points at the statement's sentence in the cleaned text.
    let cleaned = stdout(&sitrep(&["clean", EXAMPLE_A]));
    let span = &e["evidence"][0];
    let (s, t) = (
        span["start"].as_u64().unwrap() as usize,
        span["end"].as_u64().unwrap() as usize,
    );
    let sentence = cleaned
        .get(s..t)
        .expect("evidence span inside the cleaned text");
    assert!(sentence.starts_with("On March 11"), "{sentence:?}");
    assert!(sentence.contains("Kokhanebi settlement of the Tovuz region"));
}

#[test]
fn example_b_armenian_report_with_denial() {
    let o = sitrep(&["extract", "examples/reports/am-verin-shorzha.txt"]);
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    let evs = events(&o);
    let evs: Vec<&Value> = evs.iter().collect();
    // Dateline April 21, 2024 (a Sunday): "early on Saturday" is April 20.
    let vs = at(&evs, "Verin Shorzha").expect("event at Verin Shorzha");
    assert_eq!(vs["date"], "2024-04-20");
    assert_eq!(vs["time"], "05:10-06:30");
    assert_eq!(vs["actor1"], "Military Forces of Azerbaijan");
    assert_eq!(vs["actor2"], "Military Forces of Armenia");
    assert_eq!(vs["location"]["country"], "AM");
    assert_eq!(vs["fatalities"], 1);
    assert_eq!(vs["injuries"], 2);
    assert_eq!(vs["claimant"], "Ministry of Defence of Armenia");
    let weapons = vs["weapons"].to_string();
    assert!(
        weapons.contains("mortar") && weapons.contains("machine gun"),
        "{weapons}"
    );
    let claims = vs["claims"]
        .as_array()
        .expect("claims on the Verin Shorzha event");
    assert!(claims
        .iter()
        .any(|c| c["stance"] == "denies" && c["claimant"] == "Ministry of Defence of Azerbaijan"));

    let kut = at(&evs, "Kut").expect("event at Kut");
    assert_eq!(kut["date"], "2024-04-20");
    assert_eq!(kut["actor1"], "Military Forces of Azerbaijan");
    assert_eq!(kut["fatalities"], 0);
    assert_eq!(
        kut["injuries"], 0,
        "the figures were given for Verin Shorzha"
    );
    // A hospital and a photo caption are not incident places.
    assert!(at(&evs, "Vardenis").is_none() && at(&evs, "Sotk").is_none());
}

#[test]
fn example_c_loc_shelling_of_villages() {
    let o = sitrep(&["extract", "examples/reports/kashmir-uri-shelling.txt"]);
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    let evs = events(&o);
    let evs: Vec<&Value> = evs.iter().collect();
    assert!(
        at(&evs, "Srinagar").is_none(),
        "Srinagar is where the spokesman is"
    );
    for place in ["Balkote", "Salamabad"] {
        let e = at(&evs, place).unwrap_or_else(|| panic!("event at {place}"));
        assert_eq!(e["date"], "2023-10-09");
        assert_eq!(e["event_type"], "Explosions/Remote violence");
        assert_eq!(e["sub_event_type"], "Shelling/artillery/missile attack");
        assert_eq!(e["actor1"], "Military Forces of Pakistan");
        assert_eq!(e["actor2"], "Civilians (IN)");
        assert_eq!(e["location"]["country"], "IN");
        assert!(e["weapons"].to_string().contains("mortar"));
    }
    let injured: u64 = evs.iter().map(|e| e["injuries"].as_u64().unwrap()).sum();
    assert_eq!(injured, 3, "three civilians injured, counted once");
}

#[test]
fn bad_inputs_are_named_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let binary = dir.path().join("scan.txt");
    std::fs::write(
        &binary,
        [
            0x89, b'P', b'N', b'G', 0, 0, 0, 0x0d, 0xff, 0xfe, 0, 1, 2, 3,
        ],
    )
    .unwrap();
    let missing = dir.path().join("no-such-report.txt");
    let o = sitrep(&[
        "extract",
        missing.to_str().unwrap(),
        EXAMPLE_A,
        binary.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "some inputs failed");
    let err = stderr(&o);
    assert!(err.contains("no-such-report.txt"), "stderr: {err}");
    assert!(err.contains("scan.txt"), "stderr: {err}");
    assert!(
        !err.contains("az-mod-kokhanebi"),
        "the good file is not an error: {err}"
    );
    let evs = events(&o);
    assert_eq!(evs.len(), 1);
    assert_eq!(evs[0]["doc"], "az-mod-kokhanebi");
    assert_eq!(evs[0]["location"]["name"], "Kokhanebi");
}

#[test]
fn stdin_with_published_date() {
    // No dateline: "On Friday" resolves against --published (a Tuesday).
    let text = "Armenian units fire on Tovuz positions\n\n\
        On Friday, starting from 19:05 to 19:40, units of the Armenian armed forces from the \
        positions in the direction of Movses settlement of the Berd region subjected to fire \
        the positions of the Azerbaijan Army stationed in the direction of Aghdam settlement \
        of the Tovuz region using small arms.\n";
    let o = sitrep_stdin(&["extract", "--published", "2024-03-12", "-"], text);
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    let evs = events(&o);
    assert_eq!(evs.len(), 1, "{evs:#?}");
    let e = &evs[0];
    assert_codebook_shape(e);
    assert_eq!(e["date"], "2024-03-08");
    assert_eq!(e["time"], "19:05-19:40");
    assert_eq!(e["actor1"], "Military Forces of Armenia");
    // The Tovuz village, not the city of Aghdam in Karabakh.
    assert_eq!(e["location"]["name"], "Aghdam");
    assert_eq!(e["location"]["admin1"], "Tovuz");
    assert!((e["location"]["lon"].as_f64().unwrap() - 45.59).abs() < 0.1);
    assert_eq!(e["origin"]["name"], "Movses");
}

#[test]
fn undated_wire_report_takes_its_weekdays_from_the_dateline() {
    // No metadata date: the wire dateline in the first paragraph dates the report.
    let text = "Border guards trade fire in Tavush\n\n\
        YEREVAN, Oct 6, 2022 (AFP) - Azerbaijani troops opened fire on Armenian positions \
        near the village of Berkaber on Wednesday evening, Armenia's defence ministry said.\n\n\
        On Tuesday, a soldier was wounded by sniper fire near Aygepar, the ministry said.\n";
    let o = sitrep_stdin(&["extract", "-"], text);
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    let evs = events(&o);
    let date_at = |place: &str| {
        evs.iter()
            .find(|e| e["location"]["name"] == place)
            .unwrap_or_else(|| panic!("no event at {place}: {evs:#?}"))["date"]
            .clone()
    };
    assert_eq!(date_at("Berkaber"), "2022-10-05");
    assert_eq!(date_at("Aygepar"), "2022-10-04");
}

#[test]
fn bad_published_date_is_a_usage_error() {
    let o = sitrep(&["extract", "--published", "2024-02-30", EXAMPLE_A]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
}

#[test]
fn clean_out_dir_writes_one_file_per_input() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("body");
    let o = sitrep(&[
        "clean",
        "--out-dir",
        out.to_str().unwrap(),
        EXAMPLE_A,
        "examples/reports/batken-border.html",
        "examples/reports/batch.jsonl",
    ]);
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    let mut names: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "az-mod-kokhanebi.txt",
            "batch-az-001.txt",
            "batch-in-002.txt",
            "batken-border.txt"
        ]
    );
    let read = |name: &str| std::fs::read_to_string(Path::new(&out).join(name)).unwrap();

    let a = read("az-mod-kokhanebi.txt");
    assert!(a.contains("Armenian armed forces fire on Azerbaijani positions in Tovuz direction"));
    assert!(a.contains("Kokhanebi settlement of the Tovuz region"));
    for boilerplate in [
        "Read also",
        "Latest news",
        "Oil prices",
        "Share on Facebook",
        "All news",
    ] {
        assert!(!a.contains(boilerplate), "{boilerplate:?} left in:\n{a}");
    }

    let html = read("batken-border.txt");
    assert!(html.contains("Kyrgyz border guard wounded in shooting near Ak-Sai"));
    assert!(html.contains("Border Service of Kyrgyzstan"));
    assert!(!html.contains('<'), "markup left in:\n{html}");
    for boilerplate in [
        "All rights reserved",
        "Privacy",
        "Bishkek and Dushanbe delegations",
    ] {
        assert!(
            !html.contains(boilerplate),
            "{boilerplate:?} left in:\n{html}"
        );
    }

    assert!(read("batch-in-002.txt").contains("Krishna Ghati"));
}

#[test]
fn format_table_and_json() {
    let jsonl = events(&sitrep(&["extract", EXAMPLES]));

    let o = sitrep(&["extract", "--format", "json", EXAMPLES]);
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    let arr: Value = serde_json::from_str(&stdout(&o)).expect("one JSON document");
    let arr = arr.as_array().expect("a JSON array");
    assert_eq!(arr.len(), jsonl.len());
    for e in arr {
        assert_codebook_shape(e);
    }

    let o = sitrep(&["extract", "--format", "table", EXAMPLE_A]);
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    let table = stdout(&o);
    let lines: Vec<&str> = table.lines().filter(|l| !l.trim().is_empty()).collect();
    assert!(lines.len() >= 2, "header and a row:\n{table}");
    assert!(
        lines[0].contains("doc") && lines[0].contains("date"),
        "{table}"
    );
    let row = lines
        .iter()
        .find(|l| l.contains("az-mod-kokhanebi"))
        .expect("a row for the document");
    for cell in [
        "2024-03-11",
        "Armed clash",
        "Kokhanebi",
        "Military Forces of Armenia",
    ] {
        assert!(row.contains(cell), "{cell:?} not in {row:?}");
    }
}

#[test]
fn place_zod_lists_sotk_first() {
    let o = sitrep(&["place", "Zod"]);
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(&o));
    let out = stdout(&o);
    let first = out
        .lines()
        .find(|l| l.trim_start().starts_with(|c: char| c.is_ascii_digit()))
        .expect("a scored candidate line");
    assert!(
        first.contains("Sotk") && first.contains("AM"),
        "first candidate: {first:?}\n{out}"
    );
}

#[test]
fn place_unknown_name_fails_cleanly() {
    let o = sitrep(&["place", "Qwzxtplk"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("Qwzxtplk"));
}

#[test]
fn missing_subcommand_arguments_are_usage_errors() {
    let o = sitrep(&["extract"]);
    assert_eq!(o.status.code(), Some(2));
    let o = sitrep(&["extract", "--format", "xml", EXAMPLE_A]);
    assert_eq!(o.status.code(), Some(2));
}
