//! Officers deciding during the storm: vehicle registrations, paid at the counter through the service layer before
//! the storm, wait in the officers' queue; an officer claims each and approves or rejects it over HTTP while the
//! server is killed under them. Every decision the server acknowledged must outlive every crash with its one audit
//! entry (an approval also its plate), and no application is ever decided twice.

use std::{
    collections::BTreeMap,
    sync::{atomic::Ordering, Arc},
};

use tokio::task::JoinHandle;

use super::storm::{id_number, register_people, Storm};
use crate::common::{
    browser::{errors, register_person, signed_in, Browser},
    registration::paid_registration,
    staff::staff,
    TestApp,
};

/// A decision the server acknowledged: the application, and whether it was approved.
pub type Decided = (String, bool);

/// What decides: the officer's session (their browser's cookies), and the registrations waiting for them.
pub struct Desk {
    officer: BTreeMap<String, String>,
    waiting: Vec<String>,
}

/// Two more people on the register after the storm's `people`: an applicant whose `count` registrations are paid and
/// wait in the queue, and an officer signed in to decide them.
pub async fn prepare(app: &TestApp, people: usize, count: usize) -> Desk {
    register_people(app, people, people + 2).await;
    let mut applicant = Browser::new(app);
    let email = "registrations@example.com";
    register_person(
        &mut applicant,
        (&id_number(people), "Chaos", "1990"),
        email,
        "0712 999 998",
    )
    .await;
    let who = signed_in(app, email).await;
    let mut waiting = Vec::with_capacity(count);
    for k in 0..count {
        // Japanese VINs (first letter J) carry no check digit; the counter receipt is the VIN's first 9 characters.
        let id = paid_registration(app, &who, &format!("J{k:08}ATDKB20U"), &format!("25MSAIM4{k:07}")).await;
        waiting.push(id.as_str().to_string());
    }
    let officer = staff(
        app,
        (&id_number(people + 1), "Chaos", "1990"),
        "officer@ntsa.go.ke",
        "0712 999 997",
        "officer",
    )
    .await;
    Desk {
        officer: officer.cookies(),
        waiting,
    }
}

/// The officer at work until the storm stops or the queue is done: claim, then approve (even places in the queue)
/// or reject with a reason (odd ones). An answer lost to a crash is tried again once the server is back: a claim is
/// the officer's own to take again, and a decision that was made is answered "decided" and left.
pub fn start(app: Arc<TestApp>, storm: Arc<Storm>, desk: Desk) -> JoinHandle<()> {
    tokio::spawn(async move {
        let Desk { officer, waiting } = desk;
        let mut officer = Browser::with_cookies(&app, officer);
        for (k, id) in waiting.iter().enumerate() {
            loop {
                if storm.stop.load(Ordering::SeqCst) {
                    return;
                }
                if !storm.up.load(Ordering::SeqCst) {
                    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
                    continue;
                }
                let epoch = storm.epoch.load(Ordering::SeqCst);
                match decide(&mut officer, id, k % 2 == 0).await {
                    Ok(Some(approved)) => {
                        storm
                            .acknowledged
                            .lock()
                            .unwrap()
                            .decisions
                            .push((id.clone(), approved));
                        break;
                    }
                    Ok(None) => break,
                    Err(_) if storm.epoch.load(Ordering::SeqCst) != epoch => {
                        storm.decisions_interrupted.fetch_add(1, Ordering::SeqCst);
                    }
                    Err(why) => {
                        storm.failures.lock().unwrap().push(format!("officer on {id}: {why}"));
                        break;
                    }
                }
            }
        }
    })
}

/// Claims and decides `id`: Some(approved) when the server acknowledged the decision, None when it answers that
/// the application was decided already (by the try a crash cut short).
async fn decide(officer: &mut Browser<'_>, id: &str, approve: bool) -> Result<Option<bool>, String> {
    let decided = |page_errors: &[String]| page_errors.iter().any(|e| e.contains("already been decided"));
    let (_, page) = officer.try_submit("/api/staff/claim", &[("id", id)]).await?;
    let claim_errors = errors(&page.body);
    if decided(&claim_errors) {
        return Ok(None);
    }
    if !claim_errors.is_empty() {
        return Err(format!("claim: {claim_errors:?}"));
    }
    let (_, page) = if approve {
        officer.try_submit("/api/staff/approve", &[("id", id)]).await?
    } else {
        let form = [
            ("id", id),
            ("reason", "particulars"),
            ("note", "The chassis number is not legible."),
        ];
        officer.try_submit("/api/staff/reject", &form).await?
    };
    match errors(&page.body) {
        found if found.is_empty() => Ok(Some(approve)),
        found if decided(&found) => Ok(None),
        found => Err(format!("decision: {found:?}")),
    }
}
