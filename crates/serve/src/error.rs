//! Errors as JSON `{"error": "..."}`, never a stack trace.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;
use sitrep_store::StoreError;
use utoipa::ToSchema;

/// The body of every error response.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    /// What went wrong, for a person to read.
    pub error: String,
}

/// An error of a request: its status and message.
#[derive(Debug)]
pub struct ApiError {
    /// HTTP status.
    pub status: StatusCode,
    /// Message shown to the client.
    pub message: String,
}

impl ApiError {
    /// A 400.
    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            message: message.into(),
        }
    }

    /// A 404.
    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::NOT_FOUND,
            message: message.into(),
        }
    }

    /// A 500: the details go to the server's log, the client sees a short message.
    pub fn internal(detail: impl std::fmt::Display) -> ApiError {
        eprintln!("sitrep serve: internal error: {detail}");
        ApiError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            message: "internal error (see the server log)".into(),
        }
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.status, self.message)
    }
}

impl std::error::Error for ApiError {}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> ApiError {
        match &e {
            StoreError::Invalid(m) => ApiError::bad_request(m.clone()),
            // A malformed full-text query is the client's, and SQLite says why.
            StoreError::Sqlite(s) if s.to_string().contains("fts5") => {
                ApiError::bad_request(format!("invalid text query: {s}"))
            }
            StoreError::Sqlite(rusqlite_err) if is_busy(&rusqlite_err.to_string()) => ApiError {
                status: StatusCode::SERVICE_UNAVAILABLE,
                message: "database busy, try again".into(),
            },
            _ => ApiError::internal(e),
        }
    }
}

fn is_busy(msg: &str) -> bool {
    msg.contains("database is locked") || msg.contains("busy")
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut r = (
            self.status,
            Json(ErrorBody {
                error: self.message,
            }),
        )
            .into_response();
        if self.status == StatusCode::UNAUTHORIZED {
            r.headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        r
    }
}

/// The fallback route.
pub(crate) async fn not_found() -> ApiError {
    ApiError::not_found("no such endpoint")
}

/// Turns every error response that is not JSON (rejections of axum's extractors,
/// 405, 413 from the body limit, 408 from the timeout) into `{"error": "..."}`.
pub(crate) async fn json_errors(r: Response) -> Response {
    let status = r.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return r;
    }
    let is_json = r
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("application/json"));
    if is_json {
        return r;
    }
    let (parts, body) = r.into_parts();
    let text = axum::body::to_bytes(body, 4096)
        .await
        .ok()
        .map(|b| String::from_utf8_lossy(&b).trim().to_string())
        .filter(|t| !t.is_empty());
    let message = match (status, text) {
        (StatusCode::PAYLOAD_TOO_LARGE, _) => format!(
            "request body too large (limit {} bytes)",
            crate::MAX_BODY_BYTES
        ),
        (StatusCode::REQUEST_TIMEOUT, _) => "request timed out".to_string(),
        (_, Some(t)) => t,
        (s, None) => s.canonical_reason().unwrap_or("error").to_lowercase(),
    };
    let mut out = (status, Json(ErrorBody { error: message })).into_response();
    for (k, v) in parts.headers.iter() {
        if k != header::CONTENT_TYPE && k != header::CONTENT_LENGTH {
            out.headers_mut().insert(k.clone(), v.clone());
        }
    }
    out
}
