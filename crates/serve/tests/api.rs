//! The API against a real server on a loopback port: ingest reports written for
//! these tests, filter, page, fetch an incident with its evidence, review it,
//! and the limits (token, body size, JSON errors, query limits).

use reqwest::{Client, StatusCode};
use serde_json::{json, Value};
use sitrep_serve::{start, Config, Running};

const TOKEN: &str = "test-token-5f2a";
const REPORTS: &str = include_str!("data/reports.jsonl");

struct Server {
    running: Running,
    base: String,
    client: Client,
    _dir: tempfile::TempDir,
    db: std::path::PathBuf,
}

impl Server {
    async fn new(token: Option<&str>) -> Server {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("serve.db");
        let mut config = Config::new(&db);
        config.addr = "127.0.0.1:0".parse().unwrap();
        config.token = token.map(str::to_string);
        config.readers = 2;
        let running = start(config).await.unwrap();
        let base = format!("http://{}", running.addr);
        Server {
            running,
            base,
            client: Client::new(),
            _dir: dir,
            db,
        }
    }

    async fn get(&self, path: &str) -> (StatusCode, Value) {
        let r = self
            .client
            .get(format!("{}{path}", self.base))
            .send()
            .await
            .unwrap();
        let status = r.status();
        (status, r.json().await.unwrap())
    }

    async fn post(&self, path: &str, token: Option<&str>, body: Vec<u8>) -> (StatusCode, Value) {
        let mut req = self
            .client
            .post(format!("{}{path}", self.base))
            .header("content-type", "application/json")
            .body(body);
        if let Some(t) = token {
            req = req.bearer_auth(t);
        }
        let r = req.send().await.unwrap();
        let status = r.status();
        let text = r.text().await.unwrap();
        let v = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {status} {text:?}"));
        (status, v)
    }

    async fn ingest(&self) -> Value {
        let (s, v) = self
            .post("/api/documents", Some(TOKEN), REPORTS.as_bytes().to_vec())
            .await;
        assert_eq!(s, StatusCode::OK, "{v}");
        v
    }

    async fn ids(&self, query: &str) -> Vec<String> {
        let (s, v) = self.get(&format!("/api/incidents?{query}")).await;
        assert_eq!(s, StatusCode::OK, "{query}: {v}");
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| i["id"].as_str().unwrap().to_string())
            .collect()
    }

    async fn incident_in(&self, country: &str) -> Value {
        let (_, v) = self.get(&format!("/api/incidents?country={country}")).await;
        assert_eq!(v["total"], 1, "{country}: {v}");
        v["items"][0].clone()
    }
}

fn assert_error(status: StatusCode, v: &Value, want: StatusCode) {
    assert_eq!(status, want, "{v}");
    assert!(
        v["error"].as_str().is_some_and(|e| !e.is_empty()),
        "error body: {v}"
    );
    assert_eq!(v.as_object().unwrap().len(), 1, "only `error`: {v}");
}

#[tokio::test]
async fn ingest_filter_page_and_inspect() {
    let srv = Server::new(Some(TOKEN)).await;
    let (s, h) = srv.get("/health").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(h["status"], "ok");
    assert_eq!(h["incidents"], 0);
    assert_eq!(h["writes_enabled"], true);

    let v = srv.ingest().await;
    assert_eq!(v["documents"].as_array().unwrap().len(), 3, "{v}");
    assert!(v["documents"]
        .as_array()
        .unwrap()
        .iter()
        .all(|d| d["outcome"] == "added"));
    assert_eq!(v["incidents"], 3);
    // The same batch again changes nothing; as one JSON array too.
    let lines: Vec<Value> = REPORTS
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let (s, v) = srv
        .post(
            "/api/documents",
            Some(TOKEN),
            serde_json::to_vec(&lines).unwrap(),
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    assert!(v["documents"]
        .as_array()
        .unwrap()
        .iter()
        .all(|d| d["outcome"] == "unchanged"));
    // One broken record among good ones is reported, the others stored.
    let (s, v) = srv
        .post(
            "/api/documents",
            Some(TOKEN),
            br#"[{"id": "t-empty", "text": " "}, {"id": "t-x", "text": "Nothing happened in Sotk today."}]"#
                .to_vec(),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["errors"][0]["index"], 0);
    assert_eq!(v["documents"][0]["id"], "t-x");

    // Filters of `sitrep events`.
    assert_eq!(srv.ids("").await.len(), 3);
    let am = srv.incident_in("AM").await;
    assert_eq!(am["location"], "Sotk");
    assert_eq!(srv.incident_in("az").await["location"], "Alibayli");
    assert_eq!(srv.incident_in("IN").await["location"], "Uri");
    assert_eq!(srv.ids("since=2024-01-01").await.len(), 2);
    assert_eq!(srv.ids("until=2023-12-31").await.len(), 1);
    assert_eq!(srv.ids("since=2024-05-11&until=2024-05-31").await.len(), 1);
    assert_eq!(srv.ids("type=Battles").await.len(), 2);
    assert_eq!(
        srv.ids("type=shelling%2Fartillery%2Fmissile%20attack")
            .await
            .len(),
        1
    );
    assert_eq!(srv.ids("actor=forces%20of%20armenia").await.len(), 2);
    assert_eq!(srv.ids("actor=Civilians").await.len(), 1);
    assert_eq!(srv.ids("bbox=44,39,47,42").await.len(), 2);
    assert_eq!(srv.ids("text=Baramulla").await.len(), 1);
    assert_eq!(srv.ids("text=Gegharkunik%20AND%20mortars").await.len(), 1);
    assert_eq!(srv.ids("country=AM&type=Protests").await.len(), 0);

    // Paging: stable order, both ways.
    let all = srv.ids("limit=3").await;
    let mut paged = Vec::new();
    for off in 0..3 {
        paged.extend(srv.ids(&format!("limit=1&offset={off}")).await);
    }
    assert_eq!(paged, all);
    let mut desc = srv.ids("order=desc").await;
    desc.reverse();
    assert_eq!(desc, all);
    let (_, v) = srv.get("/api/incidents?limit=1").await;
    assert_eq!(v["total"], 3);
    assert_eq!(v["items"].as_array().unwrap().len(), 1);

    // Bad queries are 400 with a JSON error.
    for q in [
        "since=yesterday",
        "limit=0",
        "limit=5001",
        "offset=-1",
        "bbox=1,2,3",
        "order=up",
        "text=%22unterminated",
        "include_rejected=maybe",
    ] {
        let (s, v) = srv.get(&format!("/api/incidents?{q}")).await;
        assert_error(s, &v, StatusCode::BAD_REQUEST);
    }
    let long = "x".repeat(300);
    let (s, v) = srv.get(&format!("/api/incidents?actor={long}")).await;
    assert_error(s, &v, StatusCode::BAD_REQUEST);

    // One incident: each claim with its source and evidence cut from the text.
    let id = am["id"].as_str().unwrap();
    let (s, d) = srv.get(&format!("/api/incidents/{id}")).await;
    assert_eq!(s, StatusCode::OK, "{d}");
    assert_eq!(d["incident"]["id"], id);
    assert_eq!(d["record"]["incident"], id);
    let claims = d["claims"].as_array().unwrap();
    assert!(!claims.is_empty());
    let c = &claims[0];
    assert_eq!(c["source"]["doc_id"], "t-sotk");
    assert_eq!(c["source"]["outlet"], "Test Yerevan Wire");
    let (s, doc) = srv.get("/api/documents/t-sotk").await;
    assert_eq!(s, StatusCode::OK);
    let text: Vec<char> = doc["text"].as_str().unwrap().chars().collect();
    let ev = c["evidence"].as_array().unwrap();
    assert!(!ev.is_empty());
    for e in ev {
        let (a, b) = (
            e["start"].as_u64().unwrap() as usize,
            e["end"].as_u64().unwrap() as usize,
        );
        let cut: String = text[a..b].iter().collect();
        assert_eq!(cut, e["text"].as_str().unwrap());
    }
    assert!(ev
        .iter()
        .any(|e| e["text"].as_str().unwrap().contains("Sotk")));
    assert_eq!(doc["incidents"][0], id);
    assert!(doc["text"].as_str().unwrap().contains("Sotk"));
    assert!(!doc["text"].as_str().unwrap().contains("Subscribe"));

    let (s, v) = srv.get("/api/incidents/inc-nope").await;
    assert_error(s, &v, StatusCode::NOT_FOUND);
    let (s, v) = srv.get("/api/documents/nope").await;
    assert_error(s, &v, StatusCode::NOT_FOUND);

    // Counts for charts.
    let (_, st) = srv.get("/api/stats").await;
    assert_eq!(st["incidents"], 3);
    assert_eq!(st["by_day"].as_array().unwrap().len(), 3);
    assert_eq!(st["by_country"].as_array().unwrap().len(), 3);
    assert_eq!(st["by_event_type"][0]["key"], "Battles");
    assert_eq!(st["by_event_type"][0]["incidents"], 2);
    let (_, st) = srv.get("/api/stats?country=AM").await;
    assert_eq!(st["incidents"], 1);

    srv.running.stop().await.unwrap();
}

#[tokio::test]
async fn review_is_audited_and_used_everywhere() {
    let srv = Server::new(Some(TOKEN)).await;
    srv.ingest().await;
    let am = srv.incident_in("AM").await;
    let az = srv.incident_in("AZ").await;
    let (am_id, az_id) = (am["id"].as_str().unwrap(), az["id"].as_str().unwrap());
    let review = |id: &str| format!("/api/incidents/{id}/review");

    // Token enforcement.
    let body = serde_json::to_vec(&json!({"action": "confirm", "reviewer": "ana"})).unwrap();
    let (s, v) = srv.post(&review(am_id), None, body.clone()).await;
    assert_error(s, &v, StatusCode::UNAUTHORIZED);
    let (s, v) = srv.post(&review(am_id), Some("wrong"), body.clone()).await;
    assert_error(s, &v, StatusCode::UNAUTHORIZED);

    // Bad requests.
    for bad in [
        json!({"action": "approve", "reviewer": "ana"}),
        json!({"action": "correct", "reviewer": "ana"}),
        json!({"action": "correct", "reviewer": "", "changes": {"fatalities": 1}}),
        json!({"action": "correct", "reviewer": "ana", "changes": {"colour": "red"}}),
        json!({"action": "correct", "reviewer": "ana", "changes": {"sub_event_type": "Skirmish"}}),
        json!({"action": "correct", "reviewer": "ana", "changes": {"date": "14/05/2024"}}),
        json!({"action": "correct", "reviewer": "ana", "changes": {"location": "Xqzzyvillezz"}}),
        json!({"action": "correct", "reviewer": "ana", "changes": {"event_type": "Protests"}}),
        json!({"action": "reject", "reviewer": "ana", "changes": {"fatalities": 1}}),
    ] {
        let (s, v) = srv
            .post(
                &review(am_id),
                Some(TOKEN),
                serde_json::to_vec(&bad).unwrap(),
            )
            .await;
        assert_error(s, &v, StatusCode::BAD_REQUEST);
    }
    let (s, v) = srv
        .post(&review(am_id), Some(TOKEN), b"{not json".to_vec())
        .await;
    assert_error(s, &v, StatusCode::BAD_REQUEST);
    let (s, v) = srv.post(&review("inc-nope"), Some(TOKEN), body).await;
    assert_error(s, &v, StatusCode::NOT_FOUND);

    // Correct the Armenian incident.
    let fix = json!({
        "action": "correct",
        "reviewer": "ana",
        "changes": {
            "sub_event_type": "Shelling/artillery/missile attack",
            "fatalities": 3,
            "date": "2024-05-13",
            "location": "Vardenis"
        }
    });
    let (s, v) = srv
        .post(
            &review(am_id),
            Some(TOKEN),
            serde_json::to_vec(&fix).unwrap(),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["incident"]["fatalities"], 3);
    assert_eq!(v["incident"]["review"], "corrected");
    assert_eq!(v["incident"]["event_type"], "Explosions/Remote violence");
    assert_eq!(v["incident"]["location"], "Vardenis");
    assert_eq!(v["entry"]["reviewer"], "ana");
    assert_eq!(v["entry"]["before"]["fatalities_best"], 2);
    assert_eq!(v["entry"]["after"]["fatalities_best"], 3);

    // The API lists the reviewed values and keeps the audit log.
    assert_eq!(srv.ids("type=Battles").await, [az_id]);
    let (_, d) = srv.get(&format!("/api/incidents/{am_id}")).await;
    assert_eq!(d["incident"]["fatalities"], 3);
    assert_eq!(d["record"]["fatalities"], 3);
    assert_eq!(d["review"]["status"], "corrected");
    assert_eq!(d["review"]["changes"]["fatalities"], 3);
    assert_eq!(d["audit"].as_array().unwrap().len(), 1);
    assert_eq!(d["audit"][0]["action"], "correct");
    assert!(d["audit"][0]["at"].as_str().unwrap().starts_with("20"));
    // The claims stay as the sources gave them.
    assert_eq!(d["claims"][0]["fatalities"], 2);

    // Reject the Azerbaijani incident: hidden by default.
    let (s, v) = srv
        .post(
            &review(az_id),
            Some(TOKEN),
            serde_json::to_vec(&json!({"action": "reject", "reviewer": "bo"})).unwrap(),
        )
        .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(srv.ids("").await.len(), 2);
    assert_eq!(srv.ids("include_rejected=true").await.len(), 3);
    let (_, st) = srv.get("/api/stats").await;
    assert_eq!(st["incidents"], 2);
    let (s, d) = srv.get(&format!("/api/incidents/{az_id}")).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(d["incident"]["review"], "rejected");

    // A new ingest recomputes incidents; the reviews hold.
    let (s, _) = srv
        .post(
            "/api/documents",
            Some(TOKEN),
            br#"{"id": "t-late", "text": "Quiet day on the border.", "published": "2024-06-01"}"#
                .to_vec(),
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    let (_, d) = srv.get(&format!("/api/incidents/{am_id}")).await;
    assert_eq!(d["incident"]["fatalities"], 3);
    assert_eq!(srv.ids("").await.len(), 2);
    srv.running.stop().await.unwrap();

    // What `sitrep export` reads: the reviewed values, rejected left out.
    let store = sitrep_store::Store::open_read_only(&srv.db).unwrap();
    let rows = store.incidents(&sitrep_store::Filter::default()).unwrap();
    assert_eq!(rows.len(), 2);
    let am = rows.iter().find(|i| i.id == am_id).unwrap();
    assert_eq!(am.fatalities_best, 3);
    assert_eq!(am.to_json(&[])["review"], "corrected");
    assert_eq!(store.review_log(None).unwrap().len(), 2);
}

#[tokio::test]
async fn writes_need_a_configured_token_and_bodies_are_limited() {
    let srv = Server::new(None).await;
    let (s, v) = srv
        .post(
            "/api/documents",
            Some("anything"),
            REPORTS.as_bytes().to_vec(),
        )
        .await;
    assert_error(s, &v, StatusCode::FORBIDDEN);
    let (_, h) = srv.get("/health").await;
    assert_eq!(h["writes_enabled"], false);
    srv.running.stop().await.unwrap();

    let srv = Server::new(Some(TOKEN)).await;
    let big = format!(
        "{{\"id\": \"big\", \"text\": \"{}\"}}",
        "a".repeat(sitrep_serve::MAX_BODY_BYTES + 10)
    );
    let (s, v) = srv
        .post("/api/documents", Some(TOKEN), big.into_bytes())
        .await;
    assert_error(s, &v, StatusCode::PAYLOAD_TOO_LARGE);
    for body in [&b""[..], b"hello", b"[]", b"{\"id\": 1}"] {
        let (s, v) = srv.post("/api/documents", Some(TOKEN), body.to_vec()).await;
        assert_error(s, &v, StatusCode::BAD_REQUEST);
    }
    let (_, h) = srv.get("/health").await;
    assert_eq!(h["documents"], 0);
    srv.running.stop().await.unwrap();
}

#[tokio::test]
async fn page_assets_headers_and_openapi() {
    let srv = Server::new(None).await;
    let get = |p: &str| srv.client.get(format!("{}{p}", srv.base)).send();
    let r = get("/").await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let csp = r.headers()["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("script-src 'self'"), "{csp}");
    assert!(!csp.contains("unsafe"), "{csp}");
    assert!(r.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    let html = r.text().await.unwrap();
    assert!(!html.contains("<script>"), "no inline script");
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "no CDN"
    );
    for (path, ctype) in [
        ("/assets/app.js", "text/javascript"),
        ("/assets/app.css", "text/css"),
        ("/assets/vendor/leaflet.js", "text/javascript"),
        ("/assets/vendor/leaflet.css", "text/css"),
        ("/assets/vendor/topojson-client.min.js", "text/javascript"),
        ("/assets/vendor/countries-110m.json", "application/json"),
    ] {
        let r = get(path).await.unwrap();
        assert_eq!(r.status(), StatusCode::OK, "{path}");
        assert!(r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with(ctype));
        assert!(r.headers().contains_key("content-security-policy"));
    }
    let js = get("/assets/app.js").await.unwrap().text().await.unwrap();
    assert!(
        !js.contains("innerHTML"),
        "report text only via textContent"
    );
    for bad in ["/assets/../Cargo.toml", "/assets/nope.js", "/nope"] {
        let r = get(bad).await.unwrap();
        assert_eq!(r.status(), StatusCode::NOT_FOUND, "{bad}");
        let v: Value = r.json().await.unwrap();
        assert!(v["error"].is_string());
    }
    let r = srv
        .client
        .delete(format!("{}/health", srv.base))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::METHOD_NOT_ALLOWED);
    let v: Value = r.json().await.unwrap();
    assert!(v["error"].is_string());

    let (s, doc) = srv.get("/api/openapi.json").await;
    assert_eq!(s, StatusCode::OK);
    assert!(doc["openapi"].as_str().unwrap().starts_with("3."));
    assert!(doc["paths"]["/api/incidents"]["get"]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["name"] == "type"));
    assert!(doc["components"]["securitySchemes"]["bearer"].is_object());
    srv.running.stop().await.unwrap();
}

#[tokio::test]
async fn basemap_labels_are_the_gazetteer_s_admin_regions() {
    let srv = Server::new(None).await;
    let (status, v) = srv.get("/api/places/admin").await;
    assert_eq!(status, StatusCode::OK);
    let places = v.as_array().expect("array");
    let find = |name: &str| places.iter().find(|p| p["name"] == name);
    let kalbajar = find("Kalbajar District")
        .or_else(|| find("Kalbajar"))
        .expect("Kalbajar district");
    assert_eq!(kalbajar["country"], "AZ");
    assert!(kalbajar["lat"].as_f64().unwrap() > 39.5 && kalbajar["lat"].as_f64().unwrap() < 40.6);
    assert!(places
        .iter()
        .all(|p| p["kind"] != "settlement" && p["kind"] != "country"));
    let (_, doc) = srv.get("/api/openapi.json").await;
    assert!(doc["paths"]["/api/places/admin"].is_object());
}
