//! Crashes: the `uraia` binary is killed with SIGKILL again and again during the write storm and an officer's
//! decisions (`officers`), on SQLite and on PostgreSQL, and started again each time. After each crash every
//! acknowledged write must be there, the SQLite file sound, no payment counted twice, no application decided twice
//! and no place held by nobody; at the end every payment M-Pesa took is credited, those whose callback came while
//! the server was down by asking M-Pesa (the reconciler), except money for a prompt whose answer a crash lost
//! (M-Pesa's CheckoutRequestID never kept): that the day's reconciliation must list for supervisors.
//! `CHAOS_KILLS` crashes per engine (10 by default, in `make test`; `make chaos` runs 200).

use std::{
    sync::{atomic::Ordering, Arc},
    time::{Duration, Instant},
};

use super::{checks, officers, setting, storm, storm::Storm, Stage};
use crate::common::Engine;

const WORKERS: usize = 6;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite() {
    crash_again_and_again(Engine::Sqlite).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn postgres() {
    crash_again_and_again(Engine::Postgres).await;
}

async fn crash_again_and_again(engine: Engine) {
    let kills = setting("CHAOS_KILLS", 10);
    let people = 40 * kills + 200;
    let Some(mut stage) = Stage::start(engine, people).await else {
        return;
    };
    let app = stage.app.clone();
    let desk = officers::prepare(&app, people, 10 * kills + 20).await;
    let storm = Arc::new(Storm::default());
    let mut workers = storm::start_workers(&app, &storm, WORKERS, people);
    workers.push(officers::start(app.clone(), storm.clone(), desk));
    let mut restarts = Vec::with_capacity(kills);
    for kill in 0..kills {
        // The first crash comes right after a prompt is acknowledged, and the server stays down while M-Pesa's
        // callback for it comes (300 ms later): only the reconciler can settle that payment. The others come at
        // random.
        let callback_to_nobody = kill == 0;
        if callback_to_nobody {
            let prompts = || storm.acknowledged.lock().unwrap().prompts.len();
            let before = prompts();
            for _ in 0..3_000 {
                if prompts() > before {
                    break;
                }
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
        } else {
            tokio::time::sleep(Duration::from_millis(rand::random_range(1_000..4_000))).await;
        }
        storm.up.store(false, Ordering::SeqCst);
        storm.epoch.fetch_add(1, Ordering::SeqCst);
        stage.server.kill();
        if callback_to_nobody {
            tokio::time::sleep(Duration::from_millis(800)).await;
        }
        // Checked while the server is down: nothing but the disk holds the writes now.
        let acknowledged = storm.acknowledged.lock().unwrap().clone();
        let broken = checks::after_crash(&app, engine, &acknowledged).await;
        assert!(broken.is_empty(), "after crash {kill}: {broken:#?}");
        let started = Instant::now();
        stage.server.start().await;
        restarts.push(started.elapsed());
        storm.up.store(true, Ordering::SeqCst);
    }
    storm::stop_workers(&storm, workers).await;
    let (acknowledged, settled_in) = storm.settle(&app, engine).await;
    let (by_callback, lost, while_down) = checks::settled_by(&app, &acknowledged).await;
    let approvals = acknowledged.decisions.iter().filter(|d| d.1).count();
    let inspections = acknowledged
        .prompts
        .iter()
        .filter(|p| p.2 == storm::Way::Inspection)
        .count();
    let (unsent, uncounted, unlisted) = checks::loose_ends(&app).await;
    assert!(
        while_down >= 1,
        "the callback sent while the server was down was not settled by asking M-Pesa"
    );
    assert!(
        approvals > 0 && approvals < acknowledged.decisions.len(),
        "the officer's approvals and rejections were not both acknowledged"
    );
    assert_eq!(
        unlisted, 0,
        "money M-Pesa took for a prompt whose answer was lost, not listed by the reconciliation"
    );
    restarts.sort();
    let median = restarts.get(restarts.len() / 2).copied().unwrap_or_default();
    let slowest = restarts.last().copied().unwrap_or_default();
    println!(
        "chaos on {engine:?}: {kills} kills; {} journeys ({} cut short by a crash); acknowledged: {} accounts, {} \
         submissions ({inspections} of them inspections, their places held), {} prompts, {} Paybill payments, {} \
         officers' decisions ({approvals} approvals; {} tries cut short by a crash); paid \
         prompts settled by their callback {by_callback}, by asking M-Pesa {lost} (callback never sent) and \
         {while_down} (callback came while the server was down); all settled {:.0} s after the storm; \
         {unsent} prompts whose answer a crash lost, {uncounted} of them paid (each listed by the reconciliation); \
         restart median {} ms, slowest {} ms",
        storm.journeys.load(Ordering::SeqCst),
        storm.interrupted.load(Ordering::SeqCst),
        acknowledged.accounts.len(),
        acknowledged.submitted.len(),
        acknowledged.prompts.len(),
        acknowledged.paybills.len(),
        acknowledged.decisions.len(),
        storm.decisions_interrupted.load(Ordering::SeqCst),
        settled_in.as_secs_f64(),
        median.as_millis(),
        slowest.as_millis(),
    );
    drop(app);
    stage.stop().await;
}
