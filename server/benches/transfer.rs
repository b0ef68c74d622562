//! Issue 13's benchmark for transfers: offers made per second (a payment that makes the offer, issues the
//! receipt and queues the buyer's SMS and email, in one transaction) and acceptances per second (the offer closed,
//! the register's owner changed, the application completed, two slips issued and the seller told, in one
//! transaction), 32 at once, on SQLite and PostgreSQL; then the same between two organisations (issue 28: the
//! seller's SACCO sells, each of the buying SACCO's three people is told, one of them accepts). Prints numbers;
//! asserts only that each one succeeded.

mod common;

use std::{sync::Arc, time::Instant};

use app::{
    applications::{
        domain::{ApplicationId, Payment},
        service::Paid,
    },
    fees::domain::Shillings,
    ids::AccountId,
    services::transfer::offers as transfer,
    state::AppState,
};
use common::percentile;

const TRANSFERS: usize = 1_000;
const AT_ONCE: usize = 32;

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    common::on_both_engines(run).await;
}

/// The seller's SACCO and the buying SACCO, whose people are the buyer and two more.
const SELLING: &str = "P900000001A";
const BUYING: &str = "P900000002B";

/// Who sells and buys in a round: two people, or two organisations.
#[derive(Clone, Copy, PartialEq)]
enum Parties {
    People,
    Organisations,
}

async fn people(state: &AppState) {
    for (id_number, first) in [("90000001", "Seller"), ("90000002", "Buyer")] {
        sqlx::query(
            "INSERT INTO register_people (id_number, first_name, other_names, year_of_birth, sex) \
             VALUES ($1, $2, 'Bench', 1980, 'F')",
        )
        .bind(id_number)
        .bind(first)
        .execute(&state.pool)
        .await
        .unwrap();
    }
    common::account(state, "seller", "90000001").await;
    common::account(state, "buyer", "90000002").await;
    for (pin, name) in [(SELLING, "Bench Sellers Sacco"), (BUYING, "Bench Buyers Sacco")] {
        sqlx::query("INSERT INTO organisations (kra_pin, name, kind, county) VALUES ($1, $2, 'sacco', 'Nairobi')")
            .bind(pin)
            .bind(name)
            .execute(&state.pool)
            .await
            .unwrap();
    }
    common::account(state, "buyer2", "90000003").await;
    common::account(state, "buyer3", "90000004").await;
    for (account, pin) in [
        ("seller", SELLING),
        ("buyer", BUYING),
        ("buyer2", BUYING),
        ("buyer3", BUYING),
    ] {
        sqlx::query(
            "INSERT INTO account_organisations (account_id, kra_pin, role, linked_at) VALUES ($1, $2, 'Director', 0)",
        )
        .bind(account)
        .bind(pin)
        .execute(&state.pool)
        .await
        .unwrap();
    }
}

/// The seller's vehicles and their transfers awaiting payment, made directly.
async fn transfers(state: &AppState, parties: Parties) -> Vec<ApplicationId> {
    let (letter, owner, buyer) = match parties {
        Parties::People => (
            'B',
            "owner_id_number",
            r#""buyer":{"id_number":"90000002","first_name":"Buyer"}"#.to_string(),
        ),
        Parties::Organisations => (
            'C',
            "owner_kra_pin",
            format!(r#""buyer_organisation":{{"kra_pin":"{BUYING}","name":"Bench Buyers Sacco"}}"#),
        ),
    };
    let owned_by = if parties == Parties::People {
        "90000001"
    } else {
        SELLING
    };
    let mut made = Vec::with_capacity(TRANSFERS);
    for n in 0..TRANSFERS {
        let plate = format!("KZ{letter} {:03}{}", n % 999 + 1, ['A', 'B', 'C'][n / 999]);
        sqlx::query(&format!(
            "INSERT INTO vehicles (plate, make, model, year, engine_cc, chassis_number, engine_number, \
             {owner}, logbook_number) VALUES ($1, 'Suzuki', 'Alto', 2018, 800, $2, 'R06A-1', $3, $4)"
        ))
        .bind(&plate)
        .bind(format!("BENCH-{letter}{n}"))
        .bind(owned_by)
        .bind(format!("LB{letter}{n:08}"))
        .execute(&state.pool)
        .await
        .unwrap();
        let id = uuid::Uuid::new_v4().simple().to_string();
        let answers = format!(r#"{{"plate":"{plate}","logbook":{{"format":"pdf","bytes":2048}},{buyer}}}"#);
        sqlx::query(
            "INSERT INTO applications (id, account_id, service, status, answers, reference, fee_code, fee_kes, \
             access_fee_kes, created_at, updated_at) VALUES ($1, 'seller', 'transfer', 'awaiting_payment', $2, $3, \
             'transfer-upto-1000cc', 1660, 50, 0, 0)",
        )
        .bind(&id)
        .bind(answers)
        .bind(format!("UR{letter}{n:07}"))
        .execute(&state.pool)
        .await
        .unwrap();
        made.push(ApplicationId::parse(&id).unwrap());
    }
    made
}

/// Runs `one` on every id, `AT_ONCE` at a time; prints the rate and the latencies.
async fn measure<F, Fut>(engine: &str, what: &str, state: &AppState, ids: Vec<ApplicationId>, one: F)
where
    F: Fn(AppState, ApplicationId) -> Fut + Send + Sync + Clone + 'static,
    Fut: std::future::Future<Output = ()> + Send,
{
    let queue = Arc::new(std::sync::Mutex::new(ids));
    let started = Instant::now();
    let workers = (0..AT_ONCE).map(|_| {
        let (state, queue, one) = (state.clone(), queue.clone(), one.clone());
        tokio::spawn(async move {
            let mut took = Vec::new();
            loop {
                let Some(id) = queue.lock().unwrap().pop() else {
                    return took;
                };
                let at = Instant::now();
                one(state.clone(), id).await;
                took.push(at.elapsed().as_secs_f64() * 1000.0);
            }
        })
    });
    let mut took: Vec<f64> = Vec::new();
    for worker in workers {
        took.extend(worker.await.unwrap());
    }
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "{engine}: {} {what}, {AT_ONCE} at once: {:.0}/s; each p50 {:.1} ms, p99 {:.1} ms",
        took.len(),
        took.len() as f64 / seconds,
        percentile(&mut took, 0.5),
        percentile(&mut took, 0.99)
    );
}

async fn run(engine: &'static str, state: AppState) {
    people(&state).await;
    for (parties, made, accepted) in [
        (Parties::People, "offers made (payment)", "transfers accepted"),
        (
            Parties::Organisations,
            "offers made by a SACCO to a SACCO (payment)",
            "transfers accepted for a SACCO",
        ),
    ] {
        round(engine, &state, parties, made, accepted).await;
    }
    state.pool.close().await;
}

async fn round(engine: &'static str, state: &AppState, parties: Parties, made: &str, accepted: &str) {
    let ids = transfers(state, parties).await;
    measure(engine, made, state, ids.clone(), |state, id| async move {
        let payment = Payment {
            method: "counter",
            receipt: format!("B{}", &id.as_str()[..9]).to_uppercase(),
            amount: Shillings(1710),
        };
        assert_eq!(
            app::applications::service::mark_paid(&state, &id, &payment)
                .await
                .unwrap(),
            Paid::InReview
        );
    })
    .await;
    let buyer = app::web::guard::SignedIn {
        id: AccountId::from_stored("buyer".into()),
        account_type: app::account_type::AccountType::Citizen,
        id_number: "90000002".into(),
        first_name: "Buyer".into(),
        phone: app::ids::PhoneNumber::from_stored("+254790000002".into()),
    };
    measure(engine, accepted, state, ids, move |state, id| {
        let buyer = buyer.clone();
        async move {
            let offer = transfer::offer_to(&state, &buyer, id.as_str()).await.unwrap();
            transfer::accepted(&state, &buyer, &offer).await.unwrap();
        }
    })
    .await;
}
