//! Stage 7, serve: the HTTP API and the map page of sitrep, over the incident
//! database of `sitrep-store`.
//!
//! - JSON endpoints under `/api/` (incidents with the filters of `sitrep events`,
//!   one incident with its claims, sources and evidence sentences, documents,
//!   ingest, review, chart counts) described by an OpenAPI document generated from
//!   the handlers (`/api/openapi.json`, utoipa);
//! - the page (`/`): a Leaflet map over Natural Earth country outlines, a
//!   timeline, filters, a list and an incident panel, all compiled into the binary
//!   (no CDN, no tile server);
//! - limits: request bodies (8 MiB), query sizes, a request timeout, loopback by
//!   default; writes need `Authorization: Bearer <token>` and are refused when no
//!   token is configured; every error is JSON `{"error": "..."}`.
//!
//! SQLite calls run on tokio's blocking pool, on a small pool of connections
//! (readers in parallel, one writer: WAL lets them overlap).
//!
//! ```no_run
//! let config = sitrep_serve::Config::new("sitrep.db");
//! sitrep_serve::run(config).unwrap();
//! ```

mod api;
mod db;
mod error;
mod ingest;
mod page;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::DefaultBodyLimit;
use axum::Router;
use sitrep_store::Producer;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;

pub use api::ApiDoc;
pub use error::ApiError;

/// Largest request body accepted (bytes).
pub const MAX_BODY_BYTES: usize = 8 * 1024 * 1024;
/// Default and largest `limit` of `/api/incidents`.
pub const DEFAULT_LIMIT: u64 = 100;
/// Largest `limit` of `/api/incidents` (the page asks for pages of this size).
pub const MAX_LIMIT: u64 = 5000;
/// Environment variable holding the write token when `--token` is not given.
pub const TOKEN_ENV: &str = "SITREP_TOKEN";
/// Default listening address (loopback only).
pub const DEFAULT_ADDR: &str = "127.0.0.1:8080";

/// How to run the server.
#[derive(Debug, Clone)]
pub struct Config {
    /// Database file (created when missing).
    pub db: PathBuf,
    /// Address to listen on.
    pub addr: SocketAddr,
    /// Bearer token for writes (`None`: writes refused).
    pub token: Option<String>,
    /// Producer recorded with documents ingested through the API.
    pub producer: Producer,
    /// Time limit of one request.
    pub timeout: Duration,
    /// Read connections.
    pub readers: usize,
}

impl Config {
    /// Defaults for a database: loopback port 8080, no token, 30 s timeout.
    pub fn new(db: impl Into<PathBuf>) -> Config {
        Config {
            db: db.into(),
            addr: DEFAULT_ADDR.parse().expect("valid default address"),
            token: None,
            producer: Producer::new(env!("CARGO_PKG_VERSION"), "-"),
            timeout: Duration::from_secs(30),
            readers: 4,
        }
    }
}

/// Shared state of the handlers.
pub(crate) struct AppState {
    pub db: db::Db,
    pub token: Option<String>,
}

/// The application: every route, with its limits and headers.
pub fn router(config: &Config) -> Result<Router, ApiError> {
    let db = db::Db::open(&config.db, &config.producer, config.readers)?;
    let state = Arc::new(AppState {
        db,
        token: config.token.clone().filter(|t| !t.is_empty()),
    });
    Ok(api::routes()
        .merge(page::routes())
        .fallback(error::not_found)
        .with_state(state)
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(RequestBodyLimitLayer::new(MAX_BODY_BYTES))
        .layer(axum::middleware::map_response(error::json_errors))
        .layer(TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            config.timeout,
        ))
        .layer(axum::middleware::map_response(page::security_headers)))
}

/// A server running in the background (for tests and embedding).
pub struct Running {
    /// The address it listens on.
    pub addr: SocketAddr,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    task: tokio::task::JoinHandle<std::io::Result<()>>,
}

impl Running {
    /// Stops the server and waits for open requests to finish.
    pub async fn stop(mut self) -> std::io::Result<()> {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        self.task
            .await
            .map_err(|e| std::io::Error::other(e.to_string()))?
    }
}

/// Binds `config.addr` (port 0: any free port) and serves in a tokio task.
pub async fn start(config: Config) -> std::io::Result<Running> {
    let app = router(&config).map_err(|e| std::io::Error::other(e.message))?;
    let listener = tokio::net::TcpListener::bind(config.addr).await?;
    let addr = listener.local_addr()?;
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = rx.await;
            })
            .await
    });
    Ok(Running {
        addr,
        shutdown: Some(tx),
        task,
    })
}

/// Serves until Ctrl-C (or SIGTERM), on a runtime of its own.
pub fn run(config: Config) -> std::io::Result<()> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    rt.block_on(async move {
        let app = router(&config).map_err(|e| std::io::Error::other(e.message))?;
        let listener = tokio::net::TcpListener::bind(config.addr).await?;
        let addr = listener.local_addr()?;
        eprintln!(
            "sitrep: serving {} on http://{addr}/ (API: http://{addr}/api/openapi.json; writes {})",
            config.db.display(),
            if config.token.as_deref().is_some_and(|t| !t.is_empty()) {
                "need the bearer token"
            } else {
                "disabled: no token"
            }
        );
        if !addr.ip().is_loopback() {
            eprintln!("sitrep: warning: listening on {addr}, reachable from other machines");
        }
        axum::serve(listener, app)
            .with_graceful_shutdown(shutdown_signal())
            .await
    })
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}
