//! The JSON endpoints and their OpenAPI description.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sitrep_core::{Date, EventType, Location, SubEventType, ACLED_TYPES};
use sitrep_store::{
    Corrections, Filter, GroupCount, Page, ReviewAction, ReviewEntry, Store, StoredIncident,
};
use utoipa::{IntoParams, OpenApi, ToSchema};

use crate::error::{ApiError, ErrorBody};
use crate::ingest::{IngestFailure, IngestResult, IngestedDocument};
use crate::{AppState, DEFAULT_LIMIT, MAX_LIMIT};

type AppResult<T> = Result<T, ApiError>;
type St = State<Arc<AppState>>;

/// Longest value of a text query parameter.
const MAX_PARAM_CHARS: usize = 256;
/// Largest `offset`.
const MAX_OFFSET: u64 = 10_000_000;

/// The OpenAPI document of the API.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "sitrep API",
        description = "Conflict incidents coded from news reports: list, inspect, ingest, review. \
            Errors are JSON `{\"error\": \"...\"}`. Writes need `Authorization: Bearer <token>`."
    ),
    paths(
        health,
        list_incidents,
        get_incident,
        review_incident,
        get_document,
        post_documents,
        stats,
        admin_places,
        openapi_json
    ),
    components(schemas(
        AdminPlace,
        ErrorBody,
        Health,
        IncidentList,
        IncidentSummary,
        IncidentDetail,
        ClaimView,
        StanceView,
        SourceView,
        EvidenceView,
        ReviewView,
        AuditEntry,
        ReviewRequest,
        ChangesIn,
        LocationIn,
        ReviewResult,
        DocumentView,
        IngestResult,
        IngestedDocument,
        IngestFailure,
        StatsView,
        CountView
    )),
    modifiers(&BearerAuth)
)]
pub struct ApiDoc;

struct BearerAuth;

impl utoipa::Modify for BearerAuth {
    fn modify(&self, doc: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = doc.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

pub(crate) fn routes() -> Router<Arc<AppState>> {
    Router::new()
        .route("/health", get(health))
        .route("/api/incidents", get(list_incidents))
        .route("/api/incidents/{id}", get(get_incident))
        .route("/api/incidents/{id}/review", post(review_incident))
        .route("/api/documents", post(post_documents))
        .route("/api/documents/{id}", get(get_document))
        .route("/api/stats", get(stats))
        .route("/api/places/admin", get(admin_places))
        .route("/api/openapi.json", get(openapi_json))
}

// ---------------------------------------------------------------- schemas

/// A district, province or region of the curated gazetteer, for the basemap's labels.
#[derive(Serialize, ToSchema)]
pub struct AdminPlace {
    /// Name.
    name: String,
    /// `district`, `province` or `region`.
    kind: String,
    /// ISO 3166-1 alpha-2.
    country: String,
    /// Latitude (centroid or administrative centre).
    lat: f64,
    /// Longitude.
    lon: f64,
}

/// Liveness and database counts.
#[derive(Serialize, ToSchema)]
pub struct Health {
    /// `ok`.
    status: String,
    /// sitrep version.
    version: String,
    /// Database schema version.
    schema_version: i64,
    /// Documents stored.
    documents: u64,
    /// Report-level records stored.
    reports: u64,
    /// Incidents stored (rejected ones included).
    incidents: u64,
    /// True when the server accepts writes (a token is configured).
    writes_enabled: bool,
}

/// One incident in a listing.
#[derive(Serialize, ToSchema)]
pub struct IncidentSummary {
    /// Incident id.
    id: String,
    /// First day (YYYY-MM-DD).
    date: Option<String>,
    /// Last day.
    date_end: Option<String>,
    /// ACLED event type.
    event_type: String,
    /// ACLED sub-event type.
    sub_event_type: String,
    /// The side said to have acted.
    actor1: Option<String>,
    /// The other side.
    actor2: Option<String>,
    /// Place name.
    location: Option<String>,
    /// ISO 3166-1 alpha-2.
    country: Option<String>,
    /// First-level region.
    admin1: Option<String>,
    /// Latitude.
    lat: Option<f64>,
    /// Longitude.
    lon: Option<f64>,
    /// 1 the place, 2 near it, 3 the region only.
    geo_precision: Option<u8>,
    /// Best (conservative) fatalities figure.
    fatalities: u32,
    /// Lowest figure any source gives.
    fatalities_low: u32,
    /// Highest figure any source gives.
    fatalities_high: u32,
    /// Injuries.
    injuries: u32,
    /// Its sources.
    sources: Vec<String>,
    /// Report-level records merged into it.
    n_reports: usize,
    /// `confirmed`, `corrected`, `rejected`, or null when not reviewed.
    review: Option<String>,
}

impl IncidentSummary {
    fn of(inc: &StoredIncident) -> IncidentSummary {
        let e = &inc.event;
        let loc = e.location.as_ref();
        IncidentSummary {
            id: inc.id.clone(),
            date: e.date.map(|d| d.to_string()),
            date_end: e.date_end.or(e.date).map(|d| d.to_string()),
            event_type: type_label(e.event_type),
            sub_event_type: e.sub_event_type.label().to_string(),
            actor1: e.actor1.clone(),
            actor2: e.actor2.clone(),
            location: loc.map(|l| l.name.clone()),
            country: loc.and_then(|l| l.country.clone()),
            admin1: loc.and_then(|l| l.admin1.clone()),
            lat: loc.and_then(|l| l.lat),
            lon: loc.and_then(|l| l.lon),
            geo_precision: loc.map(|l| l.geo_precision),
            fatalities: inc.fatalities_best,
            fatalities_low: inc.fatalities_low,
            fatalities_high: inc.fatalities_high,
            injuries: e.injuries,
            sources: inc.sources.clone(),
            n_reports: inc.reports.len(),
            review: inc.review.clone(),
        }
    }
}

/// A page of incidents.
#[derive(Serialize, ToSchema)]
pub struct IncidentList {
    /// Incidents matching the filters, in all.
    total: u64,
    /// The `limit` applied.
    limit: u64,
    /// The `offset` applied.
    offset: u64,
    /// This page.
    items: Vec<IncidentSummary>,
}

/// Filters and paging of `GET /api/incidents` and `GET /api/stats`.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct IncidentQuery {
    /// Incidents ending on or after this day (YYYY-MM-DD).
    since: Option<String>,
    /// Incidents starting on or before this day (YYYY-MM-DD).
    until: Option<String>,
    /// Country (ISO 3166-1 alpha-2).
    country: Option<String>,
    /// First-level region.
    admin1: Option<String>,
    /// Event type or sub-event type (ACLED label, any case).
    #[serde(rename = "type")]
    #[param(rename = "type")]
    event_type: Option<String>,
    /// Part of either actor's name.
    actor: Option<String>,
    /// Bounding box `W,S,E,N` in degrees.
    bbox: Option<String>,
    /// Full-text query (SQLite FTS5 syntax) over the documents' text.
    text: Option<String>,
    /// Page size (default 100, at most 5000).
    limit: Option<u64>,
    /// Rows skipped.
    offset: Option<u64>,
    /// `asc` (oldest first, the default) or `desc`. Ties are broken by id.
    order: Option<String>,
    /// Include incidents an analyst rejected (default false).
    include_rejected: Option<bool>,
}

fn param<'a>(name: &str, v: &'a Option<String>) -> AppResult<Option<&'a str>> {
    match v.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(s) if s.chars().count() > MAX_PARAM_CHARS => Err(ApiError::bad_request(format!(
            "`{name}` is longer than {MAX_PARAM_CHARS} characters"
        ))),
        Some(s) => Ok(Some(s)),
    }
}

fn parse_date(name: &str, v: &Option<String>) -> AppResult<Option<Date>> {
    param(name, v)?
        .map(|s| {
            s.parse::<Date>().map_err(|_| {
                ApiError::bad_request(format!("`{name}`: expected YYYY-MM-DD, got {s:?}"))
            })
        })
        .transpose()
}

fn parse_bbox(s: &str) -> AppResult<[f64; 4]> {
    let bad = || ApiError::bad_request(format!("`bbox`: expected W,S,E,N in degrees, got {s:?}"));
    let v: Vec<f64> = s
        .split(',')
        .map(|p| p.trim().parse::<f64>().map_err(|_| bad()))
        .collect::<AppResult<_>>()?;
    match v.as_slice() {
        [w, so, e, n]
            if so <= n
                && v.iter().all(|x| x.is_finite())
                && (-90.0..=90.0).contains(so)
                && (-90.0..=90.0).contains(n)
                && (-180.0..=180.0).contains(w)
                && (-180.0..=180.0).contains(e) =>
        {
            Ok([*w, *so, *e, *n])
        }
        _ => Err(bad()),
    }
}

impl IncidentQuery {
    fn filter(&self) -> AppResult<Filter> {
        Ok(Filter {
            since: parse_date("since", &self.since)?,
            until: parse_date("until", &self.until)?,
            country: param("country", &self.country)?.map(str::to_string),
            admin1: param("admin1", &self.admin1)?.map(str::to_string),
            event_type: param("type", &self.event_type)?.map(str::to_string),
            actor: param("actor", &self.actor)?.map(str::to_string),
            bbox: param("bbox", &self.bbox)?.map(parse_bbox).transpose()?,
            text: param("text", &self.text)?.map(str::to_string),
        })
    }

    fn page(&self) -> AppResult<Page> {
        let limit = self.limit.unwrap_or(DEFAULT_LIMIT);
        if limit == 0 || limit > MAX_LIMIT {
            return Err(ApiError::bad_request(format!(
                "`limit` must be between 1 and {MAX_LIMIT}"
            )));
        }
        let offset = self.offset.unwrap_or(0);
        if offset > MAX_OFFSET {
            return Err(ApiError::bad_request(format!(
                "`offset` must be at most {MAX_OFFSET}"
            )));
        }
        let descending = match param("order", &self.order)? {
            None | Some("asc") => false,
            Some("desc") => true,
            Some(o) => {
                return Err(ApiError::bad_request(format!(
                    "`order` must be asc or desc, got {o:?}"
                )))
            }
        };
        Ok(Page {
            limit: Some(limit),
            offset,
            descending,
            include_rejected: self.include_rejected.unwrap_or(false),
        })
    }
}

/// One highlighted sentence: character offsets into the document's cleaned text.
#[derive(Serialize, ToSchema)]
pub struct EvidenceView {
    /// First character (Unicode scalar values, as `Array.from(text)` counts).
    start: usize,
    /// One past the last character.
    end: usize,
    /// The sentence.
    text: String,
}

/// The document a claim comes from.
#[derive(Serialize, ToSchema)]
pub struct SourceView {
    /// Document id (`GET /api/documents/{id}` has its text).
    doc_id: String,
    /// Outlet.
    outlet: Option<String>,
    /// URL.
    url: Option<String>,
    /// Publication date.
    published: Option<String>,
}

/// One side's version inside a report (asserts, denies or disputes).
#[derive(Serialize, ToSchema)]
pub struct StanceView {
    /// Who states it (null: the outlet).
    claimant: Option<String>,
    /// `asserts`, `denies` or `disputes`.
    stance: String,
    /// Deaths this side gives.
    fatalities: Option<u32>,
    /// Injuries this side gives.
    injuries: Option<u32>,
    /// The words it rests on.
    text: Option<String>,
}

/// One report-level record of an incident: what one source says.
#[derive(Serialize, ToSchema)]
pub struct ClaimView {
    /// `doc#ordinal`.
    report: String,
    /// Its source document.
    source: SourceView,
    /// Who states it (null: the outlet in its own voice).
    claimant: Option<String>,
    /// ACLED event type.
    event_type: String,
    /// ACLED sub-event type.
    sub_event_type: String,
    /// First day.
    date: Option<String>,
    /// Last day.
    date_end: Option<String>,
    /// The side said to have acted.
    actor1: Option<String>,
    /// The other side.
    actor2: Option<String>,
    /// Place name.
    location: Option<String>,
    /// Deaths it gives.
    fatalities: u32,
    /// Injuries it gives.
    injuries: u32,
    /// Weapons named.
    weapons: Vec<String>,
    /// Each side's version within the report.
    stances: Vec<StanceView>,
    /// The sentences it rests on.
    evidence: Vec<EvidenceView>,
}

/// The standing review of an incident.
#[derive(Serialize, ToSchema)]
pub struct ReviewView {
    /// `confirmed`, `corrected` or `rejected`.
    status: String,
    /// Every correction so far.
    #[schema(value_type = Object)]
    changes: Value,
    /// Who acted last.
    reviewer: String,
    /// When (UTC).
    reviewed_at: String,
}

/// One action of the audit log.
#[derive(Serialize, ToSchema)]
pub struct AuditEntry {
    /// Position in the log.
    id: i64,
    /// `confirm`, `correct` or `reject`.
    action: String,
    /// Who.
    reviewer: String,
    /// When (UTC).
    at: String,
    /// What the action corrected.
    #[schema(value_type = Object)]
    changes: Value,
    /// The reviewable fields before.
    #[schema(value_type = Object)]
    before: Value,
    /// And after.
    #[schema(value_type = Object)]
    after: Value,
}

impl From<ReviewEntry> for AuditEntry {
    fn from(e: ReviewEntry) -> AuditEntry {
        AuditEntry {
            id: e.id,
            action: e.action,
            reviewer: e.reviewer,
            at: e.at,
            changes: e.changes,
            before: e.before,
            after: e.after,
        }
    }
}

/// One incident with each claim, its source and its evidence.
#[derive(Serialize, ToSchema)]
pub struct IncidentDetail {
    /// The incident (reviewed values).
    incident: IncidentSummary,
    /// The merged record as `sitrep export --format jsonl` writes it.
    #[schema(value_type = Object)]
    record: Value,
    /// What each source says.
    claims: Vec<ClaimView>,
    /// The standing review.
    review: Option<ReviewView>,
    /// Every review action, oldest first.
    audit: Vec<AuditEntry>,
}

/// A stored document.
#[derive(Serialize, ToSchema)]
pub struct DocumentView {
    /// Id.
    id: String,
    /// Outlet.
    outlet: Option<String>,
    /// URL.
    url: Option<String>,
    /// Publication date (metadata, else the dateline).
    published: Option<String>,
    /// `text` or `html`.
    format: String,
    /// When it was stored (UTC).
    ingested_at: String,
    /// The cleaned text (evidence offsets point into it).
    text: String,
    /// Incidents its records were merged into.
    incidents: Vec<String>,
}

/// Corrected location: a gazetteer name (`"Sotk"`) or an object.
#[derive(Deserialize, ToSchema)]
#[serde(untagged)]
pub enum LocationIn {
    /// A place name, resolved with the gazetteer.
    Name(String),
    /// A place; without coordinates its name is resolved with the gazetteer.
    Place {
        /// Name.
        name: String,
        /// ISO 3166-1 alpha-2.
        country: Option<String>,
        /// First-level region.
        admin1: Option<String>,
        /// Latitude.
        lat: Option<f64>,
        /// Longitude.
        lon: Option<f64>,
        /// 1 the place, 2 near it, 3 the region.
        geo_precision: Option<u8>,
    },
}

/// Corrected fields.
#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct ChangesIn {
    /// ACLED event type label.
    event_type: Option<String>,
    /// ACLED sub-event type label (sets the event type too).
    sub_event_type: Option<String>,
    /// YYYY-MM-DD.
    date: Option<String>,
    /// Where.
    location: Option<LocationIn>,
    /// Deaths (the best figure).
    fatalities: Option<u32>,
    /// Injuries.
    injuries: Option<u32>,
}

/// `POST /api/incidents/{id}/review`.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReviewRequest {
    /// `confirm`, `correct` or `reject`.
    action: String,
    /// Who reviews (kept in the audit log).
    reviewer: String,
    /// Corrections (for `correct`; optional with `confirm`).
    #[serde(default)]
    changes: Option<ChangesIn>,
}

/// The answer to a review.
#[derive(Serialize, ToSchema)]
pub struct ReviewResult {
    /// The incident after the review.
    incident: IncidentSummary,
    /// The audit log entry written.
    entry: AuditEntry,
}

/// Incidents and fatalities for one key.
#[derive(Serialize, ToSchema)]
pub struct CountView {
    /// Day, country code or type (null: unknown).
    key: Option<String>,
    /// Incidents.
    incidents: u64,
    /// Sum of best fatality figures.
    fatalities: u64,
}

/// Counts for charts.
#[derive(Serialize, ToSchema)]
pub struct StatsView {
    /// Incidents matching.
    incidents: u64,
    /// Their fatalities (best figures).
    fatalities: u64,
    /// By first day, ascending.
    by_day: Vec<CountView>,
    /// By country, most first.
    by_country: Vec<CountView>,
    /// By event type, most first.
    by_event_type: Vec<CountView>,
    /// By sub-event type, most first.
    by_sub_event_type: Vec<CountView>,
}

fn counts(v: Vec<GroupCount>) -> Vec<CountView> {
    v.into_iter()
        .map(|g| CountView {
            key: g.key,
            incidents: g.incidents,
            fatalities: g.fatalities,
        })
        .collect()
}

// ---------------------------------------------------------------- helpers

fn type_label(t: EventType) -> String {
    serde_json::to_value(t)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// The text of a character span of `text` (evidence offsets count characters).
fn char_slice(text: &str, start: usize, end: usize) -> &str {
    let mut idx = text.char_indices().map(|(b, _)| b).chain([text.len()]);
    let s = idx.nth(start).unwrap_or(text.len());
    let e = if end > start {
        idx.nth(end - start - 1).unwrap_or(text.len())
    } else {
        s
    };
    text.get(s..e.max(s)).unwrap_or("")
}

/// A full-text query SQLite cannot parse is the client's error.
fn text_error(has_text: bool) -> impl Fn(sitrep_store::StoreError) -> ApiError {
    move |e| match e {
        sitrep_store::StoreError::Sqlite(s) if has_text => {
            ApiError::bad_request(format!("invalid text query: {s}"))
        }
        e => e.into(),
    }
}

fn query<T>(q: Result<Query<T>, QueryRejection>) -> AppResult<T> {
    q.map(|Query(v)| v)
        .map_err(|e| ApiError::bad_request(format!("query: {}", e.body_text())))
}

/// Checks `Authorization: Bearer <token>`.
fn authorize(state: &AppState, headers: &HeaderMap) -> AppResult<()> {
    let Some(token) = &state.token else {
        return Err(ApiError {
            status: StatusCode::FORBIDDEN,
            message: "writes are disabled: start `sitrep serve` with --token or SITREP_TOKEN"
                .into(),
        });
    };
    let given = headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    let unauthorized = |m: &str| ApiError {
        status: StatusCode::UNAUTHORIZED,
        message: m.into(),
    };
    match given {
        None => Err(unauthorized(
            "this endpoint needs `Authorization: Bearer <token>`",
        )),
        Some(g) if constant_time_eq(g.as_bytes(), token.as_bytes()) => Ok(()),
        Some(_) => Err(unauthorized("invalid token")),
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn id_param(id: &str) -> AppResult<&str> {
    if id.is_empty() || id.len() > 512 {
        return Err(ApiError::bad_request("bad id"));
    }
    Ok(id)
}

fn detail(store: &Store, inc: StoredIncident) -> AppResult<IncidentDetail> {
    let reports = store.reports_of_incident(&inc.id)?;
    let keys: Vec<String> = reports
        .iter()
        .map(|r| format!("{}#{}", r.doc_id, r.ordinal))
        .collect();
    let mut docs = std::collections::HashMap::new();
    let mut claims = Vec::new();
    for r in &reports {
        if !docs.contains_key(&r.doc_id) {
            docs.insert(r.doc_id.clone(), store.document(&r.doc_id)?);
        }
        let doc = docs.get(&r.doc_id).and_then(|d| d.as_ref());
        let e = &r.event;
        let evidence = e
            .evidence
            .iter()
            .map(|s| EvidenceView {
                start: s.start,
                end: s.end,
                text: doc
                    .map(|d| char_slice(&d.cleaned, s.start, s.end).to_string())
                    .unwrap_or_default(),
            })
            .collect();
        claims.push(ClaimView {
            report: format!("{}#{}", r.doc_id, r.ordinal),
            source: SourceView {
                doc_id: r.doc_id.clone(),
                outlet: doc.and_then(|d| d.document.outlet.clone()),
                url: doc.and_then(|d| d.document.url.clone()),
                published: doc.and_then(|d| d.document.published.map(|p| p.to_string())),
            },
            claimant: e.claimant.clone(),
            event_type: type_label(e.event_type),
            sub_event_type: e.sub_event_type.label().to_string(),
            date: e.date.map(|d| d.to_string()),
            date_end: e.date_end.map(|d| d.to_string()),
            actor1: e.actor1.clone(),
            actor2: e.actor2.clone(),
            location: e.location.as_ref().map(|l| l.name.clone()),
            fatalities: e.fatalities,
            injuries: e.injuries,
            weapons: e.weapons.clone(),
            stances: e
                .claims
                .iter()
                .map(|c| StanceView {
                    claimant: c.claimant.clone(),
                    stance: serde_json::to_value(c.stance)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_string))
                        .unwrap_or_default(),
                    fatalities: c.fatalities,
                    injuries: c.injuries,
                    text: c.text.clone(),
                })
                .collect(),
            evidence,
        });
    }
    let review = store.review(&inc.id)?.map(|r| ReviewView {
        status: r.status,
        changes: serde_json::to_value(&r.changes).unwrap_or_default(),
        reviewer: r.reviewer,
        reviewed_at: r.reviewed_at,
    });
    let audit = store
        .review_log(Some(&inc.id))?
        .into_iter()
        .map(AuditEntry::from)
        .collect();
    Ok(IncidentDetail {
        incident: IncidentSummary::of(&inc),
        record: inc.to_json(&keys),
        claims,
        review,
        audit,
    })
}

fn parse_sub_type(s: &str) -> AppResult<SubEventType> {
    ACLED_TYPES
        .iter()
        .find(|(_, _, label)| label.eq_ignore_ascii_case(s.trim()))
        .map(|(sub, _, _)| *sub)
        .ok_or_else(|| ApiError::bad_request(format!("unknown sub_event_type {s:?}")))
}

fn parse_type(s: &str) -> AppResult<EventType> {
    ACLED_TYPES
        .iter()
        .map(|(_, t, _)| *t)
        .find(|t| type_label(*t).eq_ignore_ascii_case(s.trim()))
        .ok_or_else(|| ApiError::bad_request(format!("unknown event_type {s:?}")))
}

fn resolve_place(name: &str, country: Option<&str>) -> AppResult<Location> {
    let gaz = sitrep_geocode::Gazetteer::embedded();
    let mut hints = sitrep_geocode::Hints::new();
    if let Some(c) = country {
        hints = hints.country(c);
    }
    let c = gaz.resolve(name, &hints).ok_or_else(|| {
        ApiError::bad_request(format!(
            "location {name:?} is not in the gazetteer: give lat and lon"
        ))
    })?;
    Ok(Location {
        name: c.place.name.clone(),
        country: Some(c.place.country.clone()).filter(|s| !s.is_empty()),
        admin1: c.place.admin1.clone(),
        lat: c.place.lat,
        lon: c.place.lon,
        geo_precision: c.precision(),
    })
}

fn corrections(c: ChangesIn) -> AppResult<Corrections> {
    let location = match c.location {
        None => None,
        Some(LocationIn::Name(n)) => Some(resolve_place(&n, None)?),
        Some(LocationIn::Place {
            name,
            country,
            admin1,
            lat: Some(lat),
            lon: Some(lon),
            geo_precision,
        }) => Some(Location {
            name,
            country: country.map(|c| c.trim().to_uppercase()),
            admin1,
            lat: Some(lat),
            lon: Some(lon),
            geo_precision: geo_precision.unwrap_or(1).clamp(1, 3),
        }),
        Some(LocationIn::Place { name, country, .. }) => {
            Some(resolve_place(&name, country.as_deref())?)
        }
    };
    Ok(Corrections {
        event_type: c.event_type.as_deref().map(parse_type).transpose()?,
        sub_event_type: c
            .sub_event_type
            .as_deref()
            .map(parse_sub_type)
            .transpose()?,
        date: c
            .date
            .as_deref()
            .map(|d| {
                d.trim().parse::<Date>().map_err(|_| {
                    ApiError::bad_request(format!("`date`: expected YYYY-MM-DD, got {d:?}"))
                })
            })
            .transpose()?,
        location,
        fatalities: c.fatalities,
        injuries: c.injuries,
    })
}

// ---------------------------------------------------------------- handlers

/// Liveness, versions and row counts.
/// The curated gazetteer's districts, provinces and regions with their centroids: the
/// labels of the offline basemap.
#[utoipa::path(get, path = "/api/places/admin", responses((status = 200, body = [AdminPlace])))]
async fn admin_places() -> Json<Vec<AdminPlace>> {
    let gaz = sitrep_geocode::Gazetteer::embedded();
    let places = gaz
        .places()
        .iter()
        .filter(|p| p.kind.is_admin() && p.kind != sitrep_geocode::Kind::Country)
        .filter_map(|p| {
            Some(AdminPlace {
                name: p.short_name().to_string(),
                kind: p.kind.to_string(),
                country: p.country.clone(),
                lat: p.lat?,
                lon: p.lon?,
            })
        })
        .collect();
    Json(places)
}

#[utoipa::path(get, path = "/health", responses((status = 200, body = Health)))]
async fn health(State(state): St) -> AppResult<Json<Health>> {
    let writes_enabled = state.token.is_some();
    state
        .db
        .read(move |s| {
            let c = s.counts()?;
            Ok(Json(Health {
                status: "ok".into(),
                version: env!("CARGO_PKG_VERSION").into(),
                schema_version: s.schema_version()?,
                documents: c.documents,
                reports: c.reports,
                incidents: c.incidents,
                writes_enabled,
            }))
        })
        .await
}

/// Incidents matching the filters of `sitrep events`, one page at a time, in a
/// stable order (date, then id; undated last).
#[utoipa::path(
    get,
    path = "/api/incidents",
    params(IncidentQuery),
    responses(
        (status = 200, body = IncidentList),
        (status = 400, description = "Bad filter or paging", body = ErrorBody)
    )
)]
async fn list_incidents(
    State(state): St,
    q: Result<Query<IncidentQuery>, QueryRejection>,
) -> AppResult<Json<IncidentList>> {
    let q = query(q)?;
    let (filter, page) = (q.filter()?, q.page()?);
    state
        .db
        .read(move |s| {
            let (rows, total) = s
                .incidents_page(&filter, &page)
                .map_err(text_error(filter.text.is_some()))?;
            Ok(Json(IncidentList {
                total,
                limit: page.limit.unwrap_or(0),
                offset: page.offset,
                items: rows.iter().map(IncidentSummary::of).collect(),
            }))
        })
        .await
}

/// One incident: what each source claims, with its evidence sentences, and its
/// review history.
#[utoipa::path(
    get,
    path = "/api/incidents/{id}",
    params(("id" = String, Path, description = "Incident id")),
    responses(
        (status = 200, body = IncidentDetail),
        (status = 404, body = ErrorBody)
    )
)]
async fn get_incident(State(state): St, Path(id): Path<String>) -> AppResult<Json<IncidentDetail>> {
    id_param(&id)?;
    state
        .db
        .read(move |s| {
            let inc = s
                .incident(&id)?
                .ok_or_else(|| ApiError::not_found(format!("no incident {id:?}")))?;
            detail(s, inc).map(Json)
        })
        .await
}

/// Confirm, correct or reject an incident (needs the bearer token). Every action
/// is kept in the audit log; listings and exports use the reviewed values and
/// leave rejected incidents out.
#[utoipa::path(
    post,
    path = "/api/incidents/{id}/review",
    params(("id" = String, Path, description = "Incident id")),
    request_body = ReviewRequest,
    security(("bearer" = [])),
    responses(
        (status = 200, body = ReviewResult),
        (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody),
        (status = 403, description = "No token configured: writes disabled", body = ErrorBody),
        (status = 404, body = ErrorBody)
    )
)]
async fn review_incident(
    State(state): St,
    Path(id): Path<String>,
    headers: HeaderMap,
    body: Result<Json<ReviewRequest>, JsonRejection>,
) -> AppResult<Json<ReviewResult>> {
    authorize(&state, &headers)?;
    id_param(&id)?;
    let Json(req) =
        body.map_err(|e| ApiError::bad_request(format!("request body: {}", e.body_text())))?;
    let action = match req.action.trim() {
        "confirm" => ReviewAction::Confirm,
        "correct" => ReviewAction::Correct,
        "reject" => ReviewAction::Reject,
        a => {
            return Err(ApiError::bad_request(format!(
                "`action` must be confirm, correct or reject, got {a:?}"
            )))
        }
    };
    let reviewer = req.reviewer.trim().to_string();
    if reviewer.is_empty() || reviewer.chars().count() > 100 {
        return Err(ApiError::bad_request(
            "`reviewer` must be 1 to 100 characters",
        ));
    }
    let changes = corrections(req.changes.unwrap_or_default())?;
    if action == ReviewAction::Reject && !changes.is_empty() {
        return Err(ApiError::bad_request("`reject` takes no changes"));
    }
    state
        .db
        .write(move |s| {
            let entry = s
                .review_incident(&id, action, &reviewer, &changes)?
                .ok_or_else(|| ApiError::not_found(format!("no incident {id:?}")))?;
            let inc = s
                .incident(&id)?
                .ok_or_else(|| ApiError::not_found(format!("no incident {id:?}")))?;
            Ok(Json(ReviewResult {
                incident: IncidentSummary::of(&inc),
                entry: entry.into(),
            }))
        })
        .await
}

/// A stored document with its cleaned text.
#[utoipa::path(
    get,
    path = "/api/documents/{id}",
    params(("id" = String, Path, description = "Document id")),
    responses((status = 200, body = DocumentView), (status = 404, body = ErrorBody))
)]
async fn get_document(State(state): St, Path(id): Path<String>) -> AppResult<Json<DocumentView>> {
    id_param(&id)?;
    state
        .db
        .read(move |s| {
            let d = s
                .document(&id)?
                .ok_or_else(|| ApiError::not_found(format!("no document {id:?}")))?;
            let mut incidents: Vec<String> = s
                .reports_of_document(&id)?
                .into_iter()
                .filter_map(|r| r.incident)
                .collect();
            incidents.sort();
            incidents.dedup();
            Ok(Json(DocumentView {
                id: d.document.id,
                outlet: d.document.outlet,
                url: d.document.url,
                published: d.document.published.map(|p| p.to_string()),
                format: match d.document.format {
                    sitrep_core::InputFormat::Html => "html".into(),
                    sitrep_core::InputFormat::Text => "text".into(),
                },
                ingested_at: d.ingested_at,
                text: d.cleaned,
                incidents,
            }))
        })
        .await
}

/// Ingest one document or a batch (needs the bearer token): a JSON object
/// `{id, text | html, published, url, outlet}`, an array of them, or JSON Lines;
/// at most 8 MiB and 1000 documents a request. Incidents are recomputed after.
#[utoipa::path(
    post,
    path = "/api/documents",
    request_body(content = String, description = "JSON object, array or JSON Lines of {id, text|html, published, url, outlet}", content_type = "application/json"),
    security(("bearer" = [])),
    responses(
        (status = 200, body = IngestResult),
        (status = 400, body = ErrorBody),
        (status = 401, body = ErrorBody),
        (status = 403, body = ErrorBody),
        (status = 413, description = "Body over 8 MiB", body = ErrorBody)
    )
)]
async fn post_documents(State(state): St, headers: HeaderMap, body: Bytes) -> AppResult<Response> {
    authorize(&state, &headers)?;
    let parsed = crate::ingest::parse_body(&body)?;
    drop(body);
    // Extraction is CPU work: on the blocking pool, one document after another.
    let extracted = tokio::task::spawn_blocking(move || {
        let mut ok = Vec::new();
        let mut errors = Vec::new();
        for (i, r) in parsed.into_iter().enumerate() {
            match r {
                Ok(doc) => {
                    let (cleaned, events) = crate::ingest::extract(&doc);
                    ok.push((i, doc, cleaned, events));
                }
                Err(error) => errors.push(IngestFailure { index: i, error }),
            }
        }
        (ok, errors)
    })
    .await
    .map_err(|e| ApiError::internal(format!("extraction task: {e}")))?;
    let (ok, errors) = extracted;
    let status = if ok.is_empty() {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    let result: IngestResult = state
        .db
        .write(move |s| crate::ingest::store_all(s, ok, errors))
        .await?;
    if status == StatusCode::BAD_REQUEST {
        let msg = result
            .errors
            .iter()
            .map(|e| format!("record {}: {}", e.index, e.error))
            .collect::<Vec<_>>()
            .join("; ");
        return Err(ApiError::bad_request(format!(
            "no document could be read: {msg}"
        )));
    }
    Ok((status, Json(result)).into_response())
}

/// Counts of the matching incidents by day, country and type (for charts). Takes
/// the filters of `/api/incidents` (paging is ignored).
#[utoipa::path(
    get,
    path = "/api/stats",
    params(IncidentQuery),
    responses((status = 200, body = StatsView), (status = 400, body = ErrorBody))
)]
async fn stats(
    State(state): St,
    q: Result<Query<IncidentQuery>, QueryRejection>,
) -> AppResult<Json<StatsView>> {
    let q = query(q)?;
    let filter = q.filter()?;
    let include_rejected = q.include_rejected.unwrap_or(false);
    state
        .db
        .read(move |s| {
            let st = s
                .stats(&filter, include_rejected)
                .map_err(text_error(filter.text.is_some()))?;
            Ok(Json(StatsView {
                incidents: st.incidents,
                fatalities: st.fatalities,
                by_day: counts(st.by_day),
                by_country: counts(st.by_country),
                by_event_type: counts(st.by_event_type),
                by_sub_event_type: counts(st.by_sub_event_type),
            }))
        })
        .await
}

/// This document.
#[utoipa::path(get, path = "/api/openapi.json", responses((status = 200, description = "OpenAPI 3.1 document")))]
async fn openapi_json() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_slices_count_characters() {
        let t = "Kəlbəcər: fire. Next.";
        assert_eq!(char_slice(t, 0, 8), "Kəlbəcər");
        assert_eq!(char_slice(t, 10, 15), "fire.");
        assert_eq!(char_slice(t, 16, 99), "Next.");
        assert_eq!(char_slice(t, 99, 100), "");
    }

    #[test]
    fn bbox_and_dates_are_checked() {
        assert!(parse_bbox("45,40.5,46,41.5").is_ok());
        assert!(parse_bbox("45,41.5,46,40.5").is_err());
        assert!(parse_bbox("45,40,46").is_err());
        assert!(parse_bbox("nan,1,2,3").is_err());
        assert!(parse_date("since", &Some("2024-02-30".into())).is_err());
        let q = IncidentQuery {
            limit: Some(MAX_LIMIT + 1),
            ..IncidentQuery::default()
        };
        assert!(q.page().is_err());
    }

    #[test]
    fn labels_parse_in_any_case() {
        assert_eq!(
            parse_sub_type("shelling/artillery/missile attack").unwrap(),
            SubEventType::Shelling
        );
        assert_eq!(parse_type("battles").unwrap(), EventType::Battles);
        assert!(parse_type("War").is_err());
    }

    #[test]
    fn the_openapi_document_lists_every_endpoint() {
        let doc = serde_json::to_value(ApiDoc::openapi()).unwrap();
        for p in [
            "/health",
            "/api/incidents",
            "/api/incidents/{id}",
            "/api/incidents/{id}/review",
            "/api/documents",
            "/api/documents/{id}",
            "/api/stats",
        ] {
            assert!(doc["paths"].get(p).is_some(), "{p}");
        }
    }
}
