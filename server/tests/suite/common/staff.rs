//! Staff members for tests: registered, given a role by the server's command, and signed in.

use super::{
    browser::{code_in, last_message, register_person, Browser},
    TestApp,
};

pub const OFFICER: (&str, &str, &str) = ("31234567", "Otieno", "1985");
pub const OFFICER_EMAIL: &str = "otieno@ntsa.go.ke";
pub const OFFICER_PHONE: &str = "0722 000 111";
pub const SECOND: (&str, &str, &str) = ("22345678", "Chebet", "1978");
pub const SECOND_EMAIL: &str = "chebet@ntsa.go.ke";
pub const SECOND_PHONE: &str = "0722 000 222";
pub const SUPPORT: (&str, &str, &str) = ("35678901", "Juma", "2001");
pub const SUPPORT_EMAIL: &str = "juma@ntsa.go.ke";
pub const SUPPORT_PHONE: &str = "0722 000 333";

pub fn e164(phone: &str) -> String {
    format!("+254{}", &phone.replace(' ', "")[1..])
}

/// Registers the person, gives them `role` with the server's command, and signs them in (password and code) in a
/// browser of their own.
pub async fn staff<'a>(
    app: &'a TestApp,
    person: (&str, &str, &str),
    email: &str,
    phone: &str,
    role: &str,
) -> Browser<'a> {
    let mut registering = Browser::new(app);
    register_person(&mut registering, person, email, phone).await;
    let args: Vec<String> = ["staff", "add", "--email", email, "--role", role]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let said = server::cli::run(&app.state, &args).await.unwrap();
    assert!(said.contains(role), "{said}");
    sign_in_by_sms(app, email, phone).await
}

/// Signs a person in (password and the code sent to `phone`) in a browser of their own.
pub async fn sign_in_by_sms<'a>(app: &'a TestApp, email: &str, phone: &str) -> Browser<'a> {
    let mut browser = Browser::new(app);
    browser
        .submit(
            "/api/accounts/sign-in",
            &[("login", email), ("password", super::browser::PASSWORD)],
        )
        .await;
    let code = code_in(&last_message(app, &e164(phone)).await);
    let (location, _) = browser
        .submit(
            "/api/accounts/sign-in/code",
            &[("code", &code), ("remember", "yes"), ("via", "sms")],
        )
        .await;
    assert_eq!(location, "/en/dashboard");
    browser
}

/// The staff member with this email address.
pub async fn member(app: &TestApp, email: &str) -> app::staff::domain::Staff {
    let (id,): (String,) = sqlx::query_as("SELECT id FROM accounts WHERE email = $1")
        .bind(email)
        .fetch_one(&app.state.pool)
        .await
        .unwrap();
    app::staff::service::member(&app.state, &id).await.unwrap().unwrap()
}
