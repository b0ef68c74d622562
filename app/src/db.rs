//! The database: SQLite by default, PostgreSQL when the URL says so, behind one `sqlx::AnyPool`.
//!
//! Why `Any`: every query is written once in portable SQL (`$1` placeholders, `RETURNING`, `ON CONFLICT`), so a
//! feature cannot work on one engine and not the other; the price is that values cross as the few types `Any`
//! knows (i64, f64, text, bytes), which is what our conventions store anyway (money in shillings, times in unix
//! seconds, ids as text). DDL differs, so each engine has its own migration folder, embedded in the binary.

use std::time::Duration;

use anyhow::Context;
use sqlx::{any::AnyPoolOptions, Executor};

pub type Pool = sqlx::AnyPool;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

impl Engine {
    pub fn of(url: &str) -> anyhow::Result<Engine> {
        if url.starts_with("sqlite:") {
            Ok(Engine::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Engine::Postgres)
        } else {
            anyhow::bail!("database_url must start with sqlite:// or postgres://")
        }
    }
}

/// Begins a transaction that will write. On SQLite it is `BEGIN IMMEDIATE`, which takes the write lock at once: a
/// plain (deferred) transaction that reads and then writes cannot wait for another writer when it upgrades its
/// lock, and fails at once with "database is locked" whatever the busy timeout.
pub async fn begin_write(pool: &Pool) -> Result<sqlx::Transaction<'static, sqlx::Any>, sqlx::Error> {
    if pool.connect_options().database_url.scheme().starts_with("sqlite") {
        pool.begin_with("BEGIN IMMEDIATE").await
    } else {
        pool.begin().await
    }
}

/// Is `error` a unique-constraint violation (a duplicate that slipped past the early check)?
pub fn is_unique_violation(error: &anyhow::Error) -> bool {
    error
        .downcast_ref::<sqlx::Error>()
        .and_then(|e| e.as_database_error())
        .is_some_and(|e| e.is_unique_violation())
}

/// Opens the pool and applies the migrations. For SQLite the file and its folder are created if missing.
pub async fn connect(url: &str) -> anyhow::Result<Pool> {
    connect_with(url, 0).await
}

/// `connect`, with at most `max_connections` (0: the engine's default, 8 for SQLite, 16 for PostgreSQL).
pub async fn connect_with(url: &str, max_connections: u32) -> anyhow::Result<Pool> {
    sqlx::any::install_default_drivers();
    let engine = Engine::of(url)?;
    let url = match engine {
        Engine::Sqlite => sqlite_url(url)?,
        Engine::Postgres => url.to_string(),
    };
    let pool = AnyPoolOptions::new()
        .max_connections(match (max_connections, engine) {
            (0, Engine::Sqlite) => 8,
            (0, Engine::Postgres) => 16,
            (n, _) => n,
        })
        .acquire_timeout(Duration::from_secs(5))
        .after_connect(move |conn, _meta| {
            Box::pin(async move {
                if engine == Engine::Sqlite {
                    // Foreign keys are off by default in SQLite. A busy writer makes others wait, not fail.
                    // synchronous = FULL: a commit is on disk before we answer, which payments need; with WAL
                    // it costs one fsync per commit.
                    conn.execute("PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA synchronous = FULL;")
                        .await?;
                }
                Ok(())
            })
        })
        .connect(&url)
        .await
        .context("could not open the database")?;
    if engine == Engine::Sqlite {
        // WAL lets readers run while one connection writes; the mode is stored in the file.
        pool.execute("PRAGMA journal_mode = WAL").await?;
    }
    migrate(&pool, engine).await?;
    Ok(pool)
}

async fn migrate(pool: &Pool, engine: Engine) -> anyhow::Result<()> {
    match engine {
        Engine::Sqlite => sqlx::migrate!("../migrations/sqlite").run(pool).await,
        Engine::Postgres => sqlx::migrate!("../migrations/postgres").run(pool).await,
    }
    .context("could not apply the database migrations")?;
    if engine == Engine::Sqlite {
        rebuild_accounts(pool)
            .await
            .context("could not rebuild the accounts table")?;
    }
    Ok(())
}

/// SQLite cannot drop a column's UNIQUE, and its documented table rebuild needs foreign keys off (else dropping
/// the old table would cascade into sessions, photos, ...), which cannot change inside the transaction sqlx runs
/// each migration in. So this one rebuild runs here, once: on one connection with foreign keys off, in a write
/// transaction that checks again whether it is still needed (another process may have done it), then checks the
/// keys before committing. PostgreSQL does the same in its migration 0005 with ALTER TABLE.
async fn rebuild_accounts(pool: &Pool) -> anyhow::Result<()> {
    const DONE: &str = "SELECT COUNT(*) FROM pragma_table_info('accounts') WHERE name = 'document_type'";
    if sqlx::query_scalar::<_, i64>(DONE).fetch_one(pool).await? == 1 {
        return Ok(());
    }
    let mut conn = pool.acquire().await?;
    conn.execute("PRAGMA foreign_keys = OFF").await?;
    let rebuilt = async {
        let mut tx = sqlx::Connection::begin(&mut *conn).await?;
        if sqlx::query_scalar::<_, i64>(DONE).fetch_one(&mut *tx).await? == 0 {
            tx.execute(include_str!("../../migrations/sqlite-rebuilds/0005_accounts.sql"))
                .await?;
            let broken: Option<String> = sqlx::query_scalar("SELECT \"table\" FROM pragma_foreign_key_check")
                .fetch_optional(&mut *tx)
                .await?;
            anyhow::ensure!(broken.is_none(), "a foreign key broke in {broken:?}");
        }
        tx.commit().await?;
        anyhow::Ok(())
    }
    .await;
    conn.execute("PRAGMA foreign_keys = ON").await?;
    rebuilt
}

/// The file a SQLite URL names: `sqlite://data/uraia.db?mode=rwc` → `data/uraia.db`.
pub fn sqlite_path(url: &str) -> &str {
    let path = url.trim_start_matches("sqlite://").trim_start_matches("sqlite:");
    path.split('?').next().unwrap_or_default()
}

/// `sqlite://data/uraia.db` → the same with `mode=rwc`, after creating `data/`.
fn sqlite_url(url: &str) -> anyhow::Result<String> {
    let path = sqlite_path(url);
    if let Some(parent) = std::path::Path::new(path).parent() {
        if !parent.as_os_str().is_empty() {
            std::fs::create_dir_all(parent).with_context(|| format!("could not create {}", parent.display()))?;
        }
    }
    Ok(if url.contains('?') {
        url.to_string()
    } else {
        format!("{url}?mode=rwc")
    })
}

/// True if the database answers: for `/healthz`.
pub async fn ping(pool: &Pool) -> bool {
    sqlx::query("SELECT 1").execute(pool).await.is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_engine_comes_from_the_url() {
        assert_eq!(Engine::of("sqlite://data/u.db").unwrap(), Engine::Sqlite);
        assert_eq!(Engine::of("postgres://localhost/test").unwrap(), Engine::Postgres);
        assert_eq!(Engine::of("postgresql://localhost/test").unwrap(), Engine::Postgres);
        assert!(Engine::of("mysql://localhost/test").is_err());
    }

    #[test]
    fn sqlite_files_are_created_on_demand() {
        let dir = std::env::temp_dir().join(format!("uraia-db-{}", uuid::Uuid::new_v4()));
        let url = format!("sqlite://{}/nested/u.db", dir.display());
        assert_eq!(sqlite_url(&url).unwrap(), format!("{url}?mode=rwc"));
        assert!(dir.join("nested").is_dir());
        std::fs::remove_dir_all(dir).unwrap();
    }
}
