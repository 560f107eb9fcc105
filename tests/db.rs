//! Integration tests of the database commands (`ingest`, `events`, `export`,
//! `show`, `reprocess`) on report texts written for these tests.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;
use sitrep_store::Store;

/// Azerbaijani ministry statement: fire from Aygepar (AM) on Alibayli (AZ), 14 May.
const AZ_AYGEPAR: &str = "Armenian units fire on Azerbaijani positions in Tovuz direction

AZERBAIJAN  15 May 2024 - 09:20

On May 14, from 21:10 to 22:35, units of the Armenian armed forces from the positions in the direction of Aygepar settlement of the Berd region subjected to fire the positions of the Azerbaijan Army stationed in the direction of Alibayli settlement of the Tovuz region using small arms.

Units of the Azerbaijan Army took adequate retaliatory measures, the Ministry of Defense of Azerbaijan said.
";

/// The Armenian ministry's account of the same exchange: fire on Aygepar from Alibayli.
const AM_AYGEPAR: &str = "Azerbaijani forces open fire on Armenian positions near Aygepar

YEREVAN, May 15, 2024

Azerbaijani forces opened fire from small arms on Armenian combat positions near the village of Aygepar in Tavush province late on Tuesday, the Defense Ministry of Armenia said.

According to the ministry, the fire came from the direction of Alibayli. There were no casualties on the Armenian side.
";

/// An Azerbaijani statement with a place, day, hours and origin to fill in.
fn az_statement(day: &str, from: &str, to: &str, origin: &str, target: &str) -> String {
    format!(
        "Armenian units fire on {target}

AZERBAIJAN  {day} - 10:05

On {day}, from {from} to {to}, units of the Armenian armed forces from the positions in the direction of {origin} settlement of the Berd region subjected to fire the positions of the Azerbaijan Army stationed in the direction of {target} settlement of the Tovuz region using small arms.

Units of the Azerbaijan Army took adequate retaliatory measures, the Ministry of Defense of Azerbaijan said.
"
    )
}

fn sitrep(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(args)
        .env_remove("SITREP_DB")
        .output()
        .expect("running sitrep")
}

fn ok(o: Output) -> String {
    assert!(
        o.status.success(),
        "sitrep failed: {}\n{}",
        o.status,
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).expect("UTF-8")
}

fn ingest(db: &Path, inputs: &[&Path]) -> String {
    let mut args = vec!["ingest", "--quiet", "--db", db.to_str().unwrap()];
    args.extend(inputs.iter().map(|p| p.to_str().unwrap()));
    ok(sitrep(&args))
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

fn jsonl(s: &str) -> Vec<Value> {
    s.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn reports(db: &Path) -> Vec<Value> {
    jsonl(&ok(sitrep(&[
        "export",
        "--db",
        db.to_str().unwrap(),
        "--format",
        "reports-jsonl",
    ])))
}

fn dump(db: &Path) -> String {
    Store::open_read_only(db).unwrap().canonical_dump().unwrap()
}

#[test]
fn two_reports_of_one_incident_from_opposing_sides_become_one_incident() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    write(&inputs, "az-aygepar.txt", AZ_AYGEPAR);
    write(&inputs, "am-aygepar.txt", AM_AYGEPAR);
    let db = dir.path().join("t.db");
    ingest(&db, &[&inputs]);
    let rs = reports(&db);
    assert_eq!(rs.len(), 2, "{rs:?}");
    assert_eq!(rs[0]["incident"], rs[1]["incident"], "{rs:?}");
    let id = rs[0]["incident"].as_str().unwrap().to_string();

    // `events` lists one incident with both sources; `show` prints each side's claim
    // with the sentences it rests on.
    let events = jsonl(&ok(sitrep(&[
        "events",
        "--db",
        db.to_str().unwrap(),
        "--format",
        "jsonl",
    ])));
    assert_eq!(events.len(), 1);
    assert_eq!(events[0]["sources"].as_array().unwrap().len(), 2);
    // Each side's target is the other's firing position: the incident placed at one
    // side's target takes the other side's target as the origin, not its own place.
    let (at, from) = (&events[0]["location"]["name"], &events[0]["origin"]["name"]);
    assert_ne!(at, from, "{events:?}");
    assert!(
        [at, from]
            .iter()
            .all(|n| *n == "Aygepar" || *n == "Alibayli"),
        "{events:?}"
    );
    let shown = ok(sitrep(&["show", &id, "--db", db.to_str().unwrap()]));
    assert!(shown.contains("claim am-aygepar#0"), "{shown}");
    assert!(shown.contains("claim az-aygepar#0"), "{shown}");
    assert!(shown.contains("Ministry of Defence of Armenia"), "{shown}");
    assert!(
        shown.contains("> Azerbaijani forces opened fire from small arms"),
        "{shown}"
    );
    assert!(
        shown.contains("> On May 14, from 21:10 to 22:35, units of the Armenian"),
        "{shown}"
    );

    // A rejected incident leaves `events` unless asked for.
    {
        let mut s = Store::open(&db, &sitrep_store::Producer::new("test", "test")).unwrap();
        s.review_incident(
            &id,
            sitrep_store::ReviewAction::Reject,
            "analyst",
            &Default::default(),
        )
        .unwrap()
        .expect("incident");
    }
    let listed = |extra: &[&str]| {
        let mut args = vec!["events", "--db", db.to_str().unwrap(), "-f", "jsonl"];
        args.extend_from_slice(extra);
        jsonl(&ok(sitrep(&args)))
    };
    assert!(listed(&[]).is_empty());
    let all = listed(&["--include-rejected"]);
    assert_eq!(all.len(), 1);
    assert_eq!(all[0]["incident"], id.as_str());
    assert_eq!(all[0]["review"], "rejected", "{all:?}");
}

#[test]
fn two_incidents_on_one_day_in_one_district_stay_apart() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    // Kokhanebi and Munjuglu, both in Tovuz district, fired on from different
    // Armenian positions at different hours of 5 June.
    write(
        &inputs,
        "az-kokhanebi.txt",
        &az_statement("5 June 2024", "02:15", "03:00", "Chinari", "Kokhanebi"),
    );
    write(
        &inputs,
        "az-munjuglu.txt",
        &az_statement("5 June 2024", "16:40", "17:10", "Aygepar", "Munjuglu"),
    );
    let db = dir.path().join("t.db");
    ingest(&db, &[&inputs]);
    let rs = reports(&db);
    assert_eq!(rs.len(), 2, "{rs:?}");
    assert_eq!(rs[0]["date"], rs[1]["date"]);
    assert_eq!(rs[0]["location"]["admin1"], rs[1]["location"]["admin1"]);
    assert_ne!(rs[0]["incident"], rs[1]["incident"], "{rs:?}");
}

/// The hard case of issue 4: two clashes of one day 2.6 km apart, with different
/// firing positions and hours. sitrep-merge links them today (it does not weigh
/// origins against each other or the reported hours).
#[test]
fn two_nearby_clashes_with_different_origins_stay_apart() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    write(
        &inputs,
        "az-kokhanebi.txt",
        &az_statement("5 June 2024", "02:15", "03:00", "Chinari", "Kokhanebi"),
    );
    write(
        &inputs,
        "az-alibayli.txt",
        &az_statement("5 June 2024", "16:40", "17:10", "Aygepar", "Alibayli"),
    );
    let db = dir.path().join("t.db");
    ingest(&db, &[&inputs]);
    let rs = reports(&db);
    assert_eq!(rs.len(), 2, "{rs:?}");
    assert_ne!(rs[0]["incident"], rs[1]["incident"], "{rs:?}");
}

#[test]
fn reingesting_unchanged_documents_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    write(&inputs, "az-aygepar.txt", AZ_AYGEPAR);
    write(&inputs, "am-aygepar.txt", AM_AYGEPAR);
    let db = dir.path().join("t.db");
    ingest(&db, &[&inputs]);
    let before = dump(&db);
    let stamps = |db: &Path| -> Vec<String> {
        let s = Store::open_read_only(db).unwrap();
        let mut st = s
            .connection()
            .prepare("SELECT ingested_at FROM documents ORDER BY id")
            .unwrap();
        let v = st
            .query_map([], |r| r.get::<_, String>(0))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        v
    };
    let stamps_before = stamps(&db);
    let out = sitrep(&[
        "ingest",
        "--db",
        db.to_str().unwrap(),
        inputs.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("0 added, 0 replaced, 2 unchanged"), "{err}");
    assert_eq!(dump(&db), before);
    assert_eq!(
        stamps(&db),
        stamps_before,
        "unchanged documents were rewritten"
    );
}

#[test]
fn a_new_version_replaces_the_document_and_its_reports() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let v1 = dir.path().join("v1");
    let v2 = dir.path().join("v2");
    std::fs::create_dir(&v1).unwrap();
    std::fs::create_dir(&v2).unwrap();
    write(
        &v1,
        "az-statement.txt",
        &az_statement("5 June 2024", "02:15", "03:00", "Chinari", "Kokhanebi"),
    );
    // The outlet corrected its statement: another place and day.
    write(
        &v2,
        "az-statement.txt",
        &az_statement("7 June 2024", "02:15", "03:00", "Aygepar", "Munjuglu"),
    );
    ingest(&db, &[&v1]);
    let rs = reports(&db);
    assert_eq!(rs.len(), 1);
    assert_eq!(rs[0]["location"]["name"], "Kokhanebi");
    let out = sitrep(&["ingest", "--db", db.to_str().unwrap(), v2.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("0 added, 1 replaced"), "{err}");
    let rs = reports(&db);
    assert_eq!(rs.len(), 1, "{rs:?}");
    assert_eq!(rs[0]["location"]["name"], "Munjuglu");
    assert_eq!(rs[0]["date"], "2024-06-07");
    let store = Store::open_read_only(&db).unwrap();
    let c = store.counts().unwrap();
    assert_eq!((c.documents, c.reports, c.incidents), (1, 1, 1));
    // Text search sees only the new text.
    assert!(store.search_documents("Kokhanebi").unwrap().is_empty());
    assert_eq!(
        store.search_documents("Munjuglu").unwrap(),
        ["az-statement"]
    );

    // The same url under another id is a new version too.
    let batch = dir.path().join("batch.jsonl");
    let line = |id: &str, text: &str| {
        serde_json::json!({"id": id, "url": "https://example.org/a/1", "text": text}).to_string()
    };
    std::fs::write(&batch, line("first-id", AZ_AYGEPAR) + "\n").unwrap();
    ingest(&db, &[&batch]);
    std::fs::write(&batch, line("second-id", AM_AYGEPAR) + "\n").unwrap();
    ingest(&db, &[&batch]);
    let ids = Store::open_read_only(&db).unwrap().document_ids().unwrap();
    assert_eq!(ids, ["az-statement", "second-id"]);
}

#[test]
fn queries_and_exports() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    write(&inputs, "az-aygepar.txt", AZ_AYGEPAR);
    write(&inputs, "am-aygepar.txt", AM_AYGEPAR);
    write(
        &inputs,
        "az-kokhanebi.txt",
        &az_statement("5 June 2024", "02:15", "03:00", "Chinari", "Kokhanebi"),
    );
    let db = dir.path().join("t.db");
    let dbs = db.to_str().unwrap();
    ingest(&db, &[&inputs]);
    let count = |args: &[&str]| -> usize {
        let mut a = vec!["events", "--db", dbs, "--format", "jsonl"];
        a.extend_from_slice(args);
        jsonl(&ok(sitrep(&a))).len()
    };
    assert_eq!(count(&[]), 2);
    assert_eq!(count(&["--since", "2024-06-01"]), 1);
    assert_eq!(count(&["--until", "2024-05-31"]), 1);
    assert_eq!(count(&["--type", "armed clash"]), 2);
    assert_eq!(count(&["--type", "Battles"]), 2);
    assert_eq!(count(&["--type", "Arrests"]), 0);
    assert_eq!(count(&["--actor", "armenia"]), 2);
    assert_eq!(count(&["--text", "Kokhanebi"]), 1);
    assert_eq!(count(&["--text", "Aygepar"]), 1);
    assert_eq!(count(&["--bbox", "45.5,40.95,45.6,41.0"]), 1);
    assert_eq!(count(&["--bbox", "-10,-10,0,0"]), 0);

    // ACLED columns, in ACLED's order.
    let csv = ok(sitrep(&["export", "--db", dbs, "--format", "acled-csv"]));
    let header = csv.lines().next().unwrap();
    assert_eq!(
        header,
        "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,\
         sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,\
         interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,\
         location,latitude,longitude,geo_precision,source,source_scale,notes,\
         fatalities,tags,timestamp"
    );
    assert_eq!(csv.lines().count(), 3);
    assert!(csv.contains(",2024-06-05,2024,1,Political violence,Battles,Armed clash,"));

    let geo: Value =
        serde_json::from_str(&ok(sitrep(&["export", "--db", dbs, "--format", "geojson"]))).unwrap();
    assert_eq!(geo["type"], "FeatureCollection");
    assert_eq!(geo["features"].as_array().unwrap().len(), 2);
    assert_eq!(geo["features"][0]["geometry"]["type"], "Point");

    let rs = reports(&db);
    assert_eq!(rs.len(), 3);
    for r in &rs {
        assert!(r["incident"].is_string());
        assert!(r["evidence"].is_array());
    }
    let table = ok(sitrep(&["events", "--db", dbs]));
    assert!(table.lines().count() == 3, "{table}");

    // Reprocessing gives the same database back (same sitrep, same gazetteer).
    let before = dump(&db);
    ok(sitrep(&["reprocess", "--db", dbs, "--quiet"]));
    assert_eq!(dump(&db), before);
}

/// Writes `n` small distinct reports into `dir`.
fn corpus(dir: &Path, n: usize) {
    let targets = ["Kokhanebi", "Alibayli", "Munjuglu", "Vahidli"];
    let origins = ["Chinari", "Aygepar"];
    let months = [
        "January", "February", "March", "April", "May", "June", "July", "August",
    ];
    for i in 0..n {
        let day = format!("{} {} 2024", 1 + i % 28, months[(i / 28) % months.len()]);
        let from = format!("{:02}:{:02}", i % 24, (i * 7) % 60);
        let to = format!("{:02}:{:02}", (i + 1) % 24, (i * 11) % 60);
        let text = az_statement(
            &day,
            &from,
            &to,
            origins[i % origins.len()],
            targets[(i / 3) % targets.len()],
        );
        std::fs::write(dir.join(format!("r{i:05}.txt")), text).unwrap();
    }
}

fn committed(db: &Path) -> u64 {
    Store::open_read_only(db)
        .and_then(|s| s.counts())
        .map(|c| c.documents)
        .unwrap_or(0)
}

#[test]
fn kill_9_mid_ingest_loses_nothing_committed_and_a_rerun_finishes_the_job() {
    const N: usize = 400;
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    corpus(&inputs, N);

    // The reference: one uninterrupted run.
    let reference = dir.path().join("reference.db");
    ingest(&reference, &[&inputs]);
    assert_eq!(committed(&reference), N as u64);

    // The interrupted run: SIGKILL once some documents are committed.
    let db = dir.path().join("killed.db");
    let mut child = Command::new(env!("CARGO_BIN_EXE_sitrep"))
        .args(["ingest", "--quiet", "-j", "1", "--db"])
        .arg(&db)
        .arg(&inputs)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let start = Instant::now();
    let mut seen = 0;
    while start.elapsed() < Duration::from_secs(300) {
        if db.exists() {
            seen = committed(&db);
            if seen >= 10 {
                break;
            }
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    child.kill().unwrap(); // SIGKILL on Unix
    child.wait().unwrap();
    let after_kill = committed(&db);
    assert!(
        seen >= 10 && after_kill < N as u64,
        "the kill came too late: {after_kill} of {N} documents were committed"
    );
    assert!(after_kill >= seen, "lost committed documents");
    {
        let s = Store::open_read_only(&db).unwrap();
        let check: String = s
            .connection()
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(check, "ok");
    }

    // Running the command again finishes the job.
    let out = sitrep(&[
        "ingest",
        "--db",
        db.to_str().unwrap(),
        inputs.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!("{after_kill} unchanged")),
        "committed documents were not kept: {err}"
    );
    assert_eq!(dump(&db), dump(&reference));
}

#[test]
fn parquet_export_holds_one_row_per_incident() {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    write(&inputs, "az-aygepar.txt", AZ_AYGEPAR);
    write(&inputs, "am-aygepar.txt", AM_AYGEPAR);
    let db = dir.path().join("t.db");
    ingest(&db, &[&inputs]);
    let incidents = jsonl(&ok(sitrep(&[
        "export",
        "--db",
        db.to_str().unwrap(),
        "-f",
        "jsonl",
    ])));
    let file = dir.path().join("incidents.parquet");
    ok(sitrep(&[
        "export",
        "--db",
        db.to_str().unwrap(),
        "-f",
        "parquet",
        "-o",
        file.to_str().unwrap(),
    ]));
    let reader = SerializedFileReader::new(std::fs::File::open(&file).unwrap()).unwrap();
    let meta = reader.metadata();
    assert_eq!(meta.file_metadata().num_rows() as usize, incidents.len());
    let names: Vec<&str> = meta
        .file_metadata()
        .schema_descr()
        .columns()
        .iter()
        .map(|c| c.name())
        .collect();
    for col in [
        "incident",
        "date",
        "event_type",
        "latitude",
        "fatalities_best",
        "sources",
    ] {
        assert!(names.contains(&col), "{names:?}");
    }
    let first = reader.get_row_iter(None).unwrap().next().unwrap().unwrap();
    let row = first.to_string();
    assert!(
        row.contains(incidents[0]["incident"].as_str().unwrap()),
        "{row}"
    );
}
