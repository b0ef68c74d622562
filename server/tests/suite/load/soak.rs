//! A day of load, shortened: the storm's journeys at half the capacity measured in the same run, for
//! `SOAK_SECONDS` (60 by default, in `make test`; `make soak` runs 1,800), on SQLite and on PostgreSQL. Every
//! interval prints the server's resident memory, open files and database connections, and the p50/p99 of every
//! answer it gave; none may grow without bound, no journey may fail, and every payment must settle.

use std::{
    sync::{atomic::Ordering, Arc},
    time::{Duration, Instant},
};

use super::{setting, storm, storm::Storm, Stage};
use crate::common::{Engine, TestApp};

/// Journeys at once while capacity is measured, and for how long.
const AT_ONCE: usize = 6;
const MEASURE: Duration = Duration::from_secs(15);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite() {
    steady_load(Engine::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres() {
    steady_load(Engine::Postgres).await;
}

/// One interval's reading.
struct Sample {
    rss_mb: f64,
    files: usize,
    connections: i64,
}

async fn steady_load(engine: Engine) {
    let seconds = setting("SOAK_SECONDS", 60) as u64;
    // 30 readings over a long run (one a minute for 30 minutes); one each 10 s over a short one.
    let every = Duration::from_secs((seconds / 30).max(10));
    let measuring = 200;
    let Some(stage) = Stage::start(engine, measuring).await else {
        return;
    };
    let app = stage.app.clone();

    // Capacity: journeys completed per second with AT_ONCE at a time, flat out.
    let storm = Arc::new(Storm::default());
    let workers = storm::start_workers(&app, &storm, AT_ONCE, measuring);
    tokio::time::sleep(MEASURE).await;
    storm::stop_workers(&storm, workers).await;
    let completed = storm.completed.load(Ordering::SeqCst);
    let capacity = completed as f64 / MEASURE.as_secs_f64();
    let requests = app.take_timings().len() / completed.max(1);
    let rate = (capacity / 2.0).max(0.5);
    let people = measuring + (rate * seconds as f64 * 1.2) as usize + 50;
    storm::register_people(&app, measuring, people).await;
    println!(
        "soak on {engine:?}: capacity {capacity:.1} journeys/s ({AT_ONCE} at once, about {requests} requests \
         each); {rate:.1}/s for {seconds} s"
    );
    println!("  {engine:?}    at  journeys  answers/s  p50 ms  p99 ms  RSS MB  files  connections  failed");

    // The steady load: one journey started every 1/rate seconds, each on its own.
    storm.stop.store(false, Ordering::SeqCst);
    let load = {
        let (app, storm) = (app.clone(), storm.clone());
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(Duration::from_secs_f64(1.0 / rate));
            let mut running = tokio::task::JoinSet::new();
            while !storm.stop.load(Ordering::SeqCst) {
                tick.tick().await;
                let Some(n) = storm.next_person(people) else { break };
                let (app, storm) = (app.clone(), storm.clone());
                running.spawn(async move { storm.run(&app, n).await });
                while running.try_join_next().is_some() {}
            }
            running.join_all().await;
        })
    };
    let began = Instant::now();
    let mut samples = Vec::new();
    let mut done_before = storm.completed.load(Ordering::SeqCst);
    while began.elapsed() < Duration::from_secs(seconds) {
        tokio::time::sleep(every).await;
        let mut timings = app.take_timings();
        timings.sort();
        let at = |q: f64| timings.get(((timings.len() as f64 * q) as usize).min(timings.len().saturating_sub(1)));
        let ms = |d: Option<&Duration>| d.map_or(0.0, |d| d.as_secs_f64() * 1000.0);
        let sample = read(&app, &stage, engine).await;
        let done = storm.completed.load(Ordering::SeqCst);
        println!(
            "  {engine:?} {:>4} s {:>9}  {:>9.1}  {:>6.1}  {:>6.1}  {:>6.1}  {:>5}  {:>11}  {:>6}",
            began.elapsed().as_secs(),
            done - done_before,
            timings.len() as f64 / every.as_secs_f64(),
            ms(at(0.5)),
            ms(at(0.99)),
            sample.rss_mb,
            sample.files,
            sample.connections,
            storm.failures.lock().unwrap().len(),
        );
        done_before = done;
        samples.push(sample);
    }
    storm.stop.store(true, Ordering::SeqCst);
    load.await.unwrap();

    storm.settle(&app, engine).await;
    // Flat: from the second reading (the first is the warm-up) to the last, memory and files stay within bounds.
    let (first, last) = (&samples[1.min(samples.len() - 1)], samples.last().unwrap());
    assert!(
        last.rss_mb <= first.rss_mb * 1.5 + 8.0,
        "resident memory grew from {:.1} MB to {:.1} MB",
        first.rss_mb,
        last.rss_mb
    );
    assert!(
        last.files <= first.files + 32,
        "open files grew from {} to {}",
        first.files,
        last.files
    );
    let pool = match engine {
        Engine::Sqlite => 8,
        Engine::Postgres => 16,
    };
    let most = samples.iter().map(|s| s.connections).max().unwrap_or_default();
    assert!(most <= pool, "{most} database connections, over the pool's {pool}");
    drop(app);
    stage.stop().await;
}

/// The server's resident memory, open files and database connections now.
async fn read(app: &TestApp, stage: &Stage, engine: Engine) -> Sample {
    let pid = stage.server.pid().expect("the server runs");
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let rss_kb: f64 = status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|rest| rest.split_whitespace().next()?.parse().ok())
        .unwrap_or_default();
    let fds: Vec<_> = std::fs::read_dir(format!("/proc/{pid}/fd"))
        .map(|dir| {
            dir.flatten()
                .filter_map(|fd| std::fs::read_link(fd.path()).ok())
                .collect()
        })
        .unwrap_or_default();
    let connections = match engine {
        // Each SQLite connection holds the database file open.
        Engine::Sqlite => fds
            .iter()
            .filter(|target| target.extension().is_some_and(|e| e == "db"))
            .count() as i64,
        // The database's connections, less this test's own.
        Engine::Postgres => {
            let (all,): (i64,) =
                sqlx::query_as("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database()")
                    .fetch_one(&app.state.pool)
                    .await
                    .unwrap();
            all - app.state.pool.size() as i64
        }
    };
    Sample {
        rss_mb: rss_kb / 1024.0,
        files: fds.len(),
        connections,
    }
}
