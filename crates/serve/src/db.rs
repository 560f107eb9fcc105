//! A small pool of SQLite connections, used from tokio's blocking pool.

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use sitrep_store::{Producer, Store};

use crate::error::ApiError;

/// Read connections (used in turn) and one write connection.
pub(crate) struct Db {
    readers: Arc<Vec<Mutex<Store>>>,
    writer: Arc<Mutex<Store>>,
    next: AtomicUsize,
}

fn lock(m: &Mutex<Store>) -> MutexGuard<'_, Store> {
    // A panic while holding a connection leaves it usable (SQLite rolls back).
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Db {
    /// Opens (creating and migrating if needed) the database.
    pub fn open(path: &Path, producer: &Producer, readers: usize) -> Result<Db, ApiError> {
        let open = || {
            Store::open(path, producer).map_err(|e| {
                ApiError::internal(format!("opening database {}: {e}", path.display()))
            })
        };
        let writer = open()?;
        let readers = (0..readers.max(1))
            .map(|_| open().map(Mutex::new))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Db {
            readers: Arc::new(readers),
            writer: Arc::new(Mutex::new(writer)),
            next: AtomicUsize::new(0),
        })
    }

    /// Runs `f` on a read connection, off the async threads.
    pub async fn read<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> Result<T, ApiError> + Send + 'static,
    {
        let readers = self.readers.clone();
        let start = self.next.fetch_add(1, Ordering::Relaxed);
        tokio::task::spawn_blocking(move || {
            let n = readers.len();
            // A free connection if there is one, else wait for this turn's.
            let guard = (0..n)
                .find_map(|i| readers[(start + i) % n].try_lock().ok())
                .unwrap_or_else(|| lock(&readers[start % n]));
            f(&guard)
        })
        .await
        .map_err(|e| ApiError::internal(format!("database task: {e}")))?
    }

    /// Runs `f` on the write connection, off the async threads.
    pub async fn write<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> Result<T, ApiError> + Send + 'static,
    {
        let writer = self.writer.clone();
        tokio::task::spawn_blocking(move || f(&mut lock(&writer)))
            .await
            .map_err(|e| ApiError::internal(format!("database task: {e}")))?
    }
}
