//! `sitrep serve`: the HTTP API and map page of `sitrep-serve` over the database.

use std::net::SocketAddr;
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;

use crate::db_commands::DbArg;

/// `sitrep serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Database.
    #[command(flatten)]
    pub db: DbArg,
    /// Address to listen on (loopback by default; another address exposes the
    /// server to the network).
    #[arg(long, default_value = sitrep_serve::DEFAULT_ADDR, value_name = "IP:PORT")]
    pub addr: SocketAddr,
    /// Bearer token for writes (ingest, review); else `$SITREP_TOKEN`. Without
    /// one, writes are refused.
    #[arg(long, value_name = "T")]
    pub token: Option<String>,
    /// Time limit of one request, in seconds.
    #[arg(long, default_value_t = 30, value_name = "S")]
    pub timeout: u64,
}

/// Runs the server until Ctrl-C or SIGTERM.
pub fn serve(args: ServeArgs) -> anyhow::Result<ExitCode> {
    let mut config = sitrep_serve::Config::new(args.db.path());
    config.addr = args.addr;
    config.token = args
        .token
        .or_else(|| std::env::var(sitrep_serve::TOKEN_ENV).ok())
        .filter(|t| !t.trim().is_empty());
    config.producer = crate::db_commands::producer();
    config.timeout = std::time::Duration::from_secs(args.timeout.max(1));
    sitrep_serve::run(config).context("serving")?;
    Ok(ExitCode::SUCCESS)
}
