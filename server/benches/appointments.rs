//! Issues 13 and 28's benchmark: appointments' places. The slot race (100 people taking a slot's last place at
//! once: how long until all have their answer, one place and 99 offers of the nearest free times) at an inspection
//! centre and at a driving test unit (whose learners each have their own one-live-booking check), then inspection
//! places held per second with 32 at once across centres, days and times. On SQLite and on PostgreSQL (when
//! TEST_DATABASE_URL or DATABASE_URL names one). Prints numbers; asserts nothing beyond each race having one winner.

use std::{sync::Arc, time::Instant};

use app::{
    applications::{
        domain::{Application, ApplicationId},
        service as applications,
    },
    appointments::{domain, places, places::Held, Desk},
    services::{driving_test, inspection},
};

const RACERS: usize = 100;
const RACES: usize = 5;
const HOLDS: usize = 2_000;
const AT_ONCE: usize = 32;

mod common;

use common::percentile;

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    common::on_both_engines(run).await;
}

/// `n` applications of `service` awaiting payment, made directly (one account: starting and paying is not what is
/// measured), the `i`th with `answers(i)`.
async fn applications_of(
    state: &app::state::AppState,
    service: &str,
    n: usize,
    answers: impl Fn(usize) -> String,
) -> Vec<Application> {
    common::account(state, "bench", "90000000").await;
    let mut conn = state.pool.acquire().await.unwrap();
    let mut made = Vec::with_capacity(n);
    for i in 0..n {
        let id = uuid::Uuid::new_v4().simple().to_string();
        sqlx::query(
            "INSERT INTO applications (id, account_id, service, status, answers, created_at, updated_at) \
             VALUES ($1, 'bench', $2, 'awaiting_payment', $3, 0, 0)",
        )
        .bind(&id)
        .bind(service)
        .bind(answers(i))
        .execute(&mut *conn)
        .await
        .unwrap();
        let id = ApplicationId::parse(&id).unwrap();
        made.push(applications::by_id_in(&mut conn, &id).await.unwrap().unwrap());
    }
    made
}

/// `RACES` races of 100 for the last place of a 10:00 slot at `place`, whose other places (`early`) go first.
async fn race(engine: &str, state: &app::state::AppState, desk: &'static dyn Desk, place: &str, early: usize) {
    let days = domain::bookable_days(state.clock.today());
    let mut races = Vec::new();
    for (r, day) in days.iter().copied().take(RACES).enumerate() {
        let people = applications_of(state, desk.code(), RACERS + early, |i| {
            format!(r#"{{"holder":"R{r}{i:06}","class":"B"}}"#)
        })
        .await;
        let slot = "10:00";
        for first in &people[..early] {
            places::hold(state, desk, first, place, day, slot).await.unwrap();
        }
        let started = Instant::now();
        let outcomes = futures_util::future::join_all(
            people[early..]
                .iter()
                .map(|application| places::hold(state, desk, application, place, day, slot)),
        )
        .await;
        races.push(started.elapsed().as_secs_f64() * 1000.0);
        let won = outcomes.into_iter().filter(|o| matches!(o, Ok(Held::Held))).count();
        assert_eq!(won, 1, "one winner");
    }
    println!(
        "{engine}: {RACERS} people racing for the last place of a slot at {place} ({RACES} races): median {:.0} ms, worst {:.0} ms to answer all",
        percentile(&mut races.clone(), 0.5),
        percentile(&mut races, 1.0)
    );
}

async fn run(engine: &'static str, state: app::state::AppState) {
    let days = domain::bookable_days(state.clock.today());

    // Meru's centre has 5 places a slot; Kisumu's test unit 3, and each learner's class is checked for a live
    // booking elsewhere.
    race(engine, &state, &inspection::service::DESK, "IC-MRU", 4).await;
    race(engine, &state, &driving_test::service::DESK, "TU-KSM", 2).await;

    // Places held per second, 32 at once, spread over centres, days and times (none runs out).
    let people = applications_of(&state, "inspection", HOLDS, |_| "{}".into()).await;
    let centres = ["IC-LKR", "IC-IND", "IC-MSA", "IC-KSM", "IC-NKR", "IC-ELD", "IC-NYR"];
    let work: Vec<_> = people
        .into_iter()
        .enumerate()
        .map(|(n, application)| {
            let centre = centres[n % centres.len()];
            let day = days[5 + (n / centres.len()) % 25];
            let slot = domain::SLOTS[(n / (centres.len() * 25)) % domain::SLOTS.len()];
            (application, centre, day, slot)
        })
        .collect();
    let queue = Arc::new(std::sync::Mutex::new(work));
    let started = Instant::now();
    let workers = (0..AT_ONCE).map(|_| {
        let (state, queue) = (state.clone(), queue.clone());
        tokio::spawn(async move {
            let mut took = Vec::new();
            loop {
                let Some((application, centre, day, slot)) = queue.lock().unwrap().pop() else {
                    return took;
                };
                let one = Instant::now();
                let held = inspection::service::hold(&state, &application, centre, day, slot)
                    .await
                    .unwrap();
                assert_eq!(held, Held::Held);
                took.push(one.elapsed().as_secs_f64() * 1000.0);
            }
        })
    });
    let mut took: Vec<f64> = Vec::new();
    for worker in workers {
        took.extend(worker.await.unwrap());
    }
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "{engine}: {} places held, {AT_ONCE} at once: {:.0}/s; per hold p50 {:.1} ms, p99 {:.1} ms",
        took.len(),
        took.len() as f64 / seconds,
        percentile(&mut took, 0.5),
        percentile(&mut took, 0.99)
    );
    state.pool.close().await;
}
