//! The write storm: people register, verify, submit a renewal and pay it by M-Pesa prompt (paid, paid with the
//! callback lost, paid with the callback sent twice, cancelled) or by Paybill, each journey on its own browser,
//! while the server is killed under them. What the server acknowledged is kept, to be looked for after a crash.

use tokio::task::JoinHandle;

use std::sync::{
    atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering},
    Arc, Mutex,
};

use crate::common::{
    browser::{try_create_account, try_verify_contacts, Browser},
    payments::{try_prompt, try_renewal_submitted},
    Engine, TestApp,
};

/// How a journey pays: the prompt's outcomes are the Daraja sandbox's, by the phone's last digit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Way {
    Prompt(char),
    Paybill,
    /// An inspection booked (its place held until paid) and paid by prompt.
    Inspection,
}

impl Way {
    const ALL: [Way; 6] = [
        Way::Prompt('8'),
        Way::Prompt('6'),
        Way::Prompt('7'),
        Way::Prompt('2'),
        Way::Paybill,
        Way::Inspection,
    ];

    /// Whether M-Pesa takes the money this way (all but the cancelled prompt).
    pub fn pays(self) -> bool {
        self != Way::Prompt('2')
    }
}

/// Every write the server acknowledged (answered as done).
#[derive(Default, Clone)]
pub struct Acknowledged {
    /// Accounts created (their ID numbers).
    pub accounts: Vec<String>,
    /// Applications submitted.
    pub submitted: Vec<String>,
    /// Prompts sent: the request, its application, how it pays.
    pub prompts: Vec<(String, String, Way)>,
    /// Paybill confirmations taken: M-Pesa's transaction id and the application.
    pub paybills: Vec<(String, String)>,
    /// Officers' decisions (`officers`).
    pub decisions: Vec<super::officers::Decided>,
}

/// What the storm's workers share with the one who kills the server.
#[derive(Default)]
pub struct Storm {
    pub acknowledged: Mutex<Acknowledged>,
    /// Counted up before each kill: a journey that saw it change was cut short by a crash.
    pub epoch: AtomicU64,
    pub up: AtomicBool,
    pub stop: AtomicBool,
    next: AtomicUsize,
    pub journeys: AtomicUsize,
    /// Journeys that went all the way.
    pub completed: AtomicUsize,
    pub interrupted: AtomicUsize,
    /// Officers' decisions cut short by a crash (tried again once the server is back).
    pub decisions_interrupted: AtomicUsize,
    /// Journeys that failed while the server stayed up: each a defect.
    pub failures: Mutex<Vec<String>>,
}

/// The synthetic people on the register the storm draws from (`PEOPLE`): ID numbers 7000000 + n.
pub fn id_number(n: usize) -> String {
    format!("{}", 70_000_000 + n)
}

/// Person `n`'s car (an inspection journey's).
fn plate(n: usize) -> String {
    // Plates never use I or O.
    let letters = b"ABCDEFGHJKLMNPQRSTUVWXYZ";
    format!("KC{} {:03}A", letters[n / 999 % letters.len()] as char, n % 999 + 1)
}

/// Puts people `from..to` on the register with a class B licence and a car each.
pub async fn register_people(app: &TestApp, from: usize, to: usize) {
    let mut tx = app.state.pool.begin().await.unwrap();
    for n in from..to {
        sqlx::query("INSERT INTO register_people (id_number, first_name, other_names, year_of_birth, sex) VALUES ($1, 'Chaos', 'Storm', 1990, 'F')")
            .bind(id_number(n))
            .execute(&mut *tx)
            .await
            .unwrap();
        sqlx::query("INSERT INTO driving_licences VALUES ($1, 'B', '2027-06-30', 0)")
            .bind(id_number(n))
            .execute(&mut *tx)
            .await
            .unwrap();
        sqlx::query(
            "INSERT INTO vehicles (plate, make, model, year, engine_cc, chassis_number, engine_number, \
             owner_id_number, logbook_number, seats) VALUES ($1, 'Toyota', 'Axio', 2015, 1500, $2, $3, $4, $5, 5)",
        )
        .bind(plate(n))
        .bind(format!("NZE16-{n:07}"))
        .bind(format!("1NZ-{n:06}"))
        .bind(id_number(n))
        .bind(format!("LB5{n:07}"))
        .execute(&mut *tx)
        .await
        .unwrap();
    }
    tx.commit().await.unwrap();
}

/// `at_once` workers on a server that is up, each running journeys one after another until `stop_workers` (or the
/// `people` run out).
pub fn start_workers(app: &Arc<TestApp>, storm: &Arc<Storm>, at_once: usize, people: usize) -> Vec<JoinHandle<()>> {
    storm.up.store(true, Ordering::SeqCst);
    (0..at_once)
        .map(|_| tokio::spawn(work(app.clone(), storm.clone(), people)))
        .collect()
}

/// Tells the workers to stop and waits until their journeys end.
pub async fn stop_workers(storm: &Storm, workers: Vec<JoinHandle<()>>) {
    storm.stop.store(true, Ordering::SeqCst);
    for worker in workers {
        worker.await.unwrap();
    }
}

/// One worker: journeys one after another until told to stop or the people run out.
async fn work(app: Arc<TestApp>, storm: Arc<Storm>, people: usize) {
    while !storm.stop.load(Ordering::SeqCst) {
        if !storm.up.load(Ordering::SeqCst) {
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
            continue;
        }
        let Some(n) = storm.next_person(people) else {
            return;
        };
        storm.run(&app, n).await;
    }
}

impl Storm {
    /// After the storm: no journey failed while the server was up, and every acknowledged payment settles
    /// (`checks::all_settled`). What was acknowledged, and how long settling took.
    pub async fn settle(&self, app: &TestApp, engine: Engine) -> (Acknowledged, std::time::Duration) {
        let failures = self.failures.lock().unwrap().clone();
        assert!(
            failures.is_empty(),
            "journeys failed while the server was up: {failures:#?}"
        );
        let acknowledged = std::mem::take(&mut *self.acknowledged.lock().unwrap());
        let took = super::checks::all_settled(app, engine, &acknowledged).await;
        (acknowledged, took)
    }

    /// The next person, if any is left of `people`.
    pub fn next_person(&self, people: usize) -> Option<usize> {
        Some(self.next.fetch_add(1, Ordering::SeqCst)).filter(|n| *n < people)
    }

    /// Person `n`'s journey, counted: cut short by a crash, or failed while the server was up (a defect).
    pub async fn run(&self, app: &TestApp, n: usize) {
        let epoch = self.epoch.load(Ordering::SeqCst);
        self.journeys.fetch_add(1, Ordering::SeqCst);
        match journey(app, self, n).await {
            Ok(()) => {
                self.completed.fetch_add(1, Ordering::SeqCst);
            }
            Err(_) if self.epoch.load(Ordering::SeqCst) != epoch => {
                self.interrupted.fetch_add(1, Ordering::SeqCst);
            }
            Err(why) => self.failures.lock().unwrap().push(format!("person {n}: {why}")),
        }
    }
}

/// Person `n` registers, renews and pays; each step the server acknowledges is written down at once.
pub async fn journey(app: &TestApp, storm: &Storm, n: usize) -> Result<(), String> {
    let way = Way::ALL[n % Way::ALL.len()];
    let digit = match way {
        Way::Prompt(digit) => digit,
        Way::Paybill | Way::Inspection => '8',
    };
    let id = id_number(n);
    let email = format!("chaos{n}@example.com");
    let phone = format!("0712{n:05}{digit}");
    let mut browser = Browser::new(app);
    // Each person from an address of their own, as the real ones are (the registers' lookups are throttled per
    // address); the server trusts the forwarding header from loopback, as it would from its nginx.
    browser.extra.push((
        "x-forwarded-for",
        format!("10.{}.{}.{}", n >> 16, (n >> 8) & 255, n & 255),
    ));
    try_create_account(&mut browser, "citizen", &[], (&id, "Chaos", "1990"), &email, &phone).await?;
    storm.acknowledged.lock().unwrap().accounts.push(id);
    try_verify_contacts(&mut browser, &email, &phone).await?;
    let application = match way {
        Way::Inspection => try_inspection_held(&mut browser, n).await?,
        _ => try_renewal_submitted(&mut browser).await?,
    };
    storm.acknowledged.lock().unwrap().submitted.push(application.clone());
    match way {
        Way::Paybill => {
            let trans_id = paybill(app, &application, &phone).await?;
            storm
                .acknowledged
                .lock()
                .unwrap()
                .paybills
                .push((trans_id, application));
        }
        _ => {
            let request = try_prompt(&mut browser, &application, &phone).await?;
            let prompt = (request, application, way);
            storm.acknowledged.lock().unwrap().prompts.push(prompt);
        }
    }
    Ok(())
}

/// Person `n`'s car booked for inspection: the `k`th such booking takes a place of its own among the centres'
/// days and times, held until paid. The application's id, or where it stopped.
async fn try_inspection_held(browser: &mut Browser<'_>, n: usize) -> Result<String, String> {
    let k = n / Way::ALL.len();
    const CENTRES: [&str; 8] = [
        "IC-LKR", "IC-IND", "IC-MSA", "IC-KSM", "IC-NKR", "IC-ELD", "IC-NYR", "IC-MRU",
    ];
    let days = app::appointments::domain::bookable_days(browser.app.state.clock.today());
    let slots = app::appointments::domain::SLOTS;
    let centre = CENTRES[k % CENTRES.len()];
    let day = days[k / CENTRES.len() % days.len()].to_string();
    let time = format!("{day}T{}", slots[k / (CENTRES.len() * days.len()) % slots.len()]);
    let id = crate::common::payments::try_started(browser, "inspection").await?;
    let plate = plate(n);
    let steps = [
        ("vehicle", "plate", plate.as_str()),
        ("type", "type", "particulars"),
        ("centre", "centre", centre),
        ("day", "day", day.as_str()),
        ("slot", "time", time.as_str()),
    ];
    for (step, field, value) in steps {
        let path = format!("/api/inspection/{step}");
        let (location, page) = browser.try_submit(&path, &[("id", &id), (field, value)]).await?;
        if page.body.contains("error-summary") {
            return Err(format!(
                "{path} → {location}: {:?}",
                crate::common::browser::errors(&page.body)
            ));
        }
    }
    let (location, page) = browser
        .try_submit("/api/applications/submit", &[("id", &id), ("declaration", "yes")])
        .await?;
    if page.body.contains("error-summary") {
        return Err(format!(
            "submit → {location}: {:?}",
            crate::common::browser::errors(&page.body)
        ));
    }
    Ok(id)
}

/// A bank app pays the application's bill reference by Paybill: M-Pesa asks the server to validate, keeps the
/// payment in its books (the sandbox's, which Transaction Status reads) and confirms. The transaction's id.
async fn paybill(app: &TestApp, application: &str, phone: &str) -> Result<String, String> {
    let (reference,): (String,) = sqlx::query_as("SELECT reference FROM applications WHERE id = $1")
        .bind(application)
        .fetch_one(&app.state.pool)
        .await
        .map_err(|error| error.to_string())?;
    let trans_id = format!("CH{}", &uuid::Uuid::new_v4().simple().to_string()[..8]).to_uppercase();
    let msisdn = format!("254{}", &phone[1..]);
    let body = serde_json::json!({
        "TransactionType": "Pay Bill",
        "TransID": trans_id,
        "TransTime": "20261206120000",
        "TransAmount": "620.00",
        "BusinessShortCode": "174379",
        "BillRefNumber": reference,
        "MSISDN": msisdn,
        "FirstName": "CHAOS",
    })
    .to_string();
    for step in ["validation", "confirmation"] {
        if step == "confirmation" {
            server::sandbox::remember_paybill(&trans_id, 620, &msisdn);
        }
        let answer = crate::common::payments::post_as_mpesa(app, step, body.clone()).await;
        // Validation answers "0" (text), the confirmation 0 (a number), as Daraja's examples do.
        let accepted = ["\"ResultCode\":\"0\"", "\"ResultCode\":0"]
            .iter()
            .any(|code| answer.body.contains(code));
        if !answer.status.is_success() || !accepted {
            return Err(format!("Paybill {step}: {} {}", answer.status, answer.body));
        }
    }
    Ok(trans_id)
}
