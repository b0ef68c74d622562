//! A registration taken through the service layer to "paid, in review": what officers decide in tests.

use app::{
    applications::{
        domain::{Application, ApplicationId, Payment},
        plugin::Ready,
        service::{self as applications, Paid, Submitted},
    },
    fees::domain::Shillings,
    services::vehicle_registration::{
        domain::{IdentityForm, VehicleForm},
        service as registration,
    },
    state::AppState,
    web::guard::SignedIn,
};

/// Takes `who` through the service layer to a paid registration in review; its id.
pub async fn paid_registration(app: &super::TestApp, who: &SignedIn, vin: &str, entry: &str) -> ApplicationId {
    let id = applications::start(&app.state, who, "registration").await.unwrap();
    let draft = || async { applications::owned(&app.state, who, id.as_str()).await.unwrap() };
    let vehicle = VehicleForm {
        make: "Bajaj".into(),
        model: "Boxer".into(),
        year: "2025".into(),
        body_type: "saloon".into(),
        colour: "red".into(),
    };
    registration::save_vehicle(&app.state, who, &draft().await, &vehicle)
        .await
        .unwrap();
    let identity = IdentityForm {
        chassis_number: vin.into(),
        engine_number: "PF-123456".into(),
        engine_cc: "800".into(),
        customs_entry: entry.into(),
    };
    registration::save_identity(&app.state, who, &draft().await, &identity)
        .await
        .unwrap();
    registration::save_owner(&app.state, who, &draft().await, "myself")
        .await
        .unwrap();
    let application = draft().await;
    let fee = fee_of(&app.state, who, &application).await;
    assert_eq!(fee, "registration-under-1000cc");
    let Submitted::Now(_) = applications::submit(&app.state, who, &application, fee).await.unwrap() else {
        panic!("submitted");
    };
    let payment = Payment {
        method: "counter",
        receipt: format!("R{}", &vin[..9]),
        amount: Shillings(1750),
    };
    assert_eq!(
        applications::mark_paid(&app.state, &id, &payment).await.unwrap(),
        Paid::InReview
    );
    id
}

/// The fee code the service would invoice for this draft (it is ready).
pub async fn fee_of(state: &AppState, who: &SignedIn, application: &Application) -> &'static str {
    let service = state.services.of(application).unwrap();
    match service.ready(state, who, application).await.unwrap() {
        Ready::Fee(fee) => fee,
        other => panic!("not ready: {other:?}"),
    }
}
