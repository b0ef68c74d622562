//! `uraia backup FILE` and `uraia restore FILE` (issue 30), for both engines.
//!
//! - SQLite: `VACUUM INTO` writes a consistent copy from one read transaction while the server goes on serving
//!   (WAL: writers are not blocked). The copy is checked (`PRAGMA integrity_check`) before the command says done. A
//!   restore checks the file the same way and puts it in place, under a temporary name first, only where no
//!   database is yet.
//! - PostgreSQL: `pg_dump --format=custom` (one consistent snapshot, online) and `pg_restore` into an empty
//!   database, Debian's `postgresql-client` of the server's major version.
//!
//! A restore never overwrites data: its target must be empty, so a mistyped URL cannot erase a live database. The
//! settings are not in the database: the code key (`code_key` or its file) and the callback secret must be kept with
//! the backups, or no slip, code or callback address made before will check out after a restore.

use std::path::Path;
use std::process::Command;

use anyhow::{bail, ensure, Context};
use app::db::{sqlite_path, Engine};
use sqlx::AnyPool;

/// The tables whose counts a backup and a restore print, so the two can be compared at a glance.
const COUNTED: [&str; 5] = ["accounts", "applications", "payments", "documents", "audit_log"];

/// Backs the database at `url` up to `file` (which must not exist); what was written.
pub async fn backup(url: &str, file: &Path) -> anyhow::Result<String> {
    ensure!(
        !file.exists(),
        "{} exists: a backup never overwrites a file",
        file.display()
    );
    match Engine::of(url)? {
        Engine::Sqlite => {
            let pool = open(url).await?;
            let target = file.to_str().context("the backup's path must be UTF-8")?;
            sqlx::query("VACUUM INTO $1")
                .bind(target)
                .execute(&pool)
                .await
                .context("VACUUM INTO")?;
            pool.close().await;
            let counts = check_sqlite(file).await?;
            Ok(format!(
                "backed up to {} (SQLite, integrity ok): {counts}",
                file.display()
            ))
        }
        Engine::Postgres => {
            run(Command::new("pg_dump")
                .args(["--format=custom", "--no-owner", "--no-privileges", "--file"])
                .arg(file)
                .arg(url))?;
            let pool = open(url).await?;
            let counts = counts(&pool).await;
            pool.close().await;
            let counts = counts?;
            Ok(format!(
                "backed up to {} (pg_dump, custom format): {counts} at the time",
                file.display()
            ))
        }
    }
}

/// Restores `file` into the empty database at `url`; what is there now.
pub async fn restore(url: &str, file: &Path) -> anyhow::Result<String> {
    ensure!(file.is_file(), "{} is not a backup file", file.display());
    match Engine::of(url)? {
        Engine::Sqlite => {
            check_sqlite(file).await?;
            let target = Path::new(sqlite_path(url));
            if target.exists() && std::fs::metadata(target)?.len() > 0 {
                bail!(
                    "{} exists: a restore goes into a new database, never over one",
                    target.display()
                );
            }
            if let Some(parent) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
                std::fs::create_dir_all(parent)?;
            }
            let partial = target.with_extension("restoring");
            std::fs::copy(file, &partial).context("copying the backup")?;
            std::fs::File::open(&partial)?.sync_all()?;
            std::fs::rename(&partial, target)?;
        }
        Engine::Postgres => {
            let pool = open(url).await?;
            let tables: i64 = sqlx::query_scalar(
                "SELECT CAST(COUNT(*) AS BIGINT) FROM information_schema.tables WHERE table_schema = 'public'",
            )
            .fetch_one(&pool)
            .await?;
            pool.close().await;
            ensure!(
                tables == 0,
                "the database holds {tables} tables: a restore goes into an empty database"
            );
            run(Command::new("pg_restore")
                .args([
                    "--no-owner",
                    "--no-privileges",
                    "--exit-on-error",
                    "--single-transaction",
                    "--dbname",
                ])
                .arg(url)
                .arg(file))?;
        }
    }
    // Opening it applies any migration newer than the backup, as a start would.
    let pool = app::db::connect(url).await?;
    let counts = counts(&pool).await?;
    pool.close().await;
    Ok(format!("restored {}: {counts}", file.display()))
}

/// The database at `url` as it is: unlike `app::db::connect`, no migration runs and no file is made, so a backup
/// never changes what it copies.
async fn open(url: &str) -> anyhow::Result<AnyPool> {
    sqlx::any::install_default_drivers();
    AnyPool::connect(url)
        .await
        .with_context(|| format!("could not open {}", url.split('@').next_back().unwrap_or(url)))
}

/// Runs `backup FILE` or `restore FILE` (`args` without the program's name), which work on the database alone and
/// so come before the server's state is built (building it would migrate the empty database a restore needs, and
/// load demo data into it); `None` for any other command.
pub async fn command(url: &str, args: &[String]) -> anyhow::Result<Option<String>> {
    match args {
        [command, file] if command == "backup" => backup(url, Path::new(file)).await.map(Some),
        [command, file] if command == "restore" => restore(url, Path::new(file)).await.map(Some),
        _ => Ok(None),
    }
}

/// A SQLite file's integrity and counts; an error if it is damaged.
async fn check_sqlite(file: &Path) -> anyhow::Result<String> {
    let pool = open(&format!("sqlite://{}?mode=ro", file.display())).await?;
    let verdict: String = sqlx::query_scalar("PRAGMA integrity_check").fetch_one(&pool).await?;
    ensure!(verdict == "ok", "{} is damaged: {verdict}", file.display());
    let counts = counts(&pool).await;
    pool.close().await;
    counts
}

async fn counts(pool: &AnyPool) -> anyhow::Result<String> {
    let mut counts = Vec::new();
    for table in COUNTED {
        let n: i64 = sqlx::query_scalar(&format!("SELECT CAST(COUNT(*) AS BIGINT) FROM {table}"))
            .fetch_one(pool)
            .await?;
        counts.push(format!("{n} {table}"));
    }
    Ok(counts.join(", "))
}

/// Runs a PostgreSQL client tool; its own words when it fails.
fn run(command: &mut Command) -> anyhow::Result<()> {
    let program = command.get_program().to_string_lossy().into_owned();
    let output = command
        .output()
        .with_context(|| format!("could not run {program} (Debian: apt install postgresql-client)"))?;
    ensure!(
        output.status.success(),
        "{program} failed: {}",
        String::from_utf8_lossy(&output.stderr).trim()
    );
    Ok(())
}
