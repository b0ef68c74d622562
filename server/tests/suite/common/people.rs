//! People in server tests: registered through every step of the wizard (as a citizen, or as a business's director)
//! with email and phone verified, and signed in, with or without the SMS code.

use super::browser::{code_in, errors, last_message, token_in, Browser};

pub const PASSWORD: &str = "Safari#Njema-2026";

/// Registers Wanjiku (demo citizen 28123456) through every step and verifies email and phone. Returns the
/// email used.
pub async fn register_citizen(browser: &mut Browser<'_>, email: &str, phone: &str) {
    register_person(browser, ("28123456", "Wanjiku", "1990"), email, phone).await
}

/// Registers and verifies the demo register's citizen `(id_number, first_name, year_of_birth)`.
pub async fn register_person(browser: &mut Browser<'_>, person: (&str, &str, &str), email: &str, phone: &str) {
    register(browser, "citizen", &[], person, email, phone).await
}

/// Registers and verifies the demo register's citizen as a business account acting for the organisation
/// `kra_pin` in `role` (they must be one of its directors on the KRA register).
pub async fn register_director(
    browser: &mut Browser<'_>,
    (kra_pin, role): (&str, &str),
    person: (&str, &str, &str),
    email: &str,
    phone: &str,
) {
    let business = [("kra_pin", kra_pin), ("role", role), ("person", "citizen")];
    register(browser, "business", &business, person, email, phone).await
}

async fn register(
    browser: &mut Browser<'_>,
    account_type: &str,
    business: &[(&str, &str)],
    person: (&str, &str, &str),
    email: &str,
    phone: &str,
) {
    let done = match try_create_account(browser, account_type, business, person, email, phone).await {
        Ok(()) => try_verify_contacts(browser, email, phone).await,
        failed => failed,
    };
    done.unwrap_or_else(|why| panic!("{why}"));
}

/// The registration wizard's steps up to the account's creation (as a citizen when `business` is empty), saying
/// where it stopped when a step did not go on.
pub async fn try_create_account(
    browser: &mut Browser<'_>,
    account_type: &str,
    business: &[(&str, &str)],
    (id_number, first_name, year_of_birth): (&str, &str, &str),
    email: &str,
    phone: &str,
) -> Result<(), String> {
    let mut identity = business.to_vec();
    identity.extend([
        ("id_number", id_number),
        ("first_name", first_name),
        ("year_of_birth", year_of_birth),
    ]);
    let steps: [(&str, Vec<(&str, &str)>); 6] = [
        ("/api/accounts/register/type", vec![("account_type", account_type)]),
        ("/api/accounts/register/identity", identity),
        (
            "/api/accounts/register/contact",
            vec![("email", email), ("phone", phone)],
        ),
        (
            "/api/accounts/register/password",
            vec![("password", PASSWORD), ("confirm", PASSWORD)],
        ),
        ("/api/accounts/register/terms", vec![("accept", "yes")]),
        ("/api/accounts/register/create", vec![]),
    ];
    browser.get("/en/register").await;
    for (path, form) in steps {
        let (location, page) = browser.try_submit(path, &form).await?;
        if page.body.contains("error-summary") {
            return Err(format!("{path} → {location}: {}", page.body));
        }
    }
    Ok(())
}

/// Confirms the new account's email (the link sent to `email`) and phone (the code sent to `phone`).
pub async fn try_verify_contacts(browser: &mut Browser<'_>, email: &str, phone: &str) -> Result<(), String> {
    let link = last_message(browser.app, email).await;
    if !link.contains("token=") {
        return Err(format!("no link was sent to {email}"));
    }
    let (location, _) = browser
        .try_submit("/api/accounts/verify/email/confirm", &[("token", &token_in(&link))])
        .await?;
    if location != "/en/verify/phone" {
        return Err(format!("the email link led to {location}"));
    }
    let e164 = format!("+254{}", &phone.replace(' ', "")[1..]);
    let sms = last_message(browser.app, &e164).await;
    if !sms.split(|c: char| !c.is_ascii_digit()).any(|part| part.len() == 6) {
        return Err(format!("no code was sent to {e164}"));
    }
    let (location, _) = browser
        .try_submit("/api/accounts/verify/phone", &[("code", &code_in(&sms))])
        .await?;
    match location.as_str() {
        "/en/welcome/photo" => Ok(()),
        elsewhere => Err(format!("the phone code led to {elsewhere}")),
    }
}

pub const EMAIL: &str = "wanjiku@example.com";
pub const PHONE: &str = "0712 345 678";
pub const E164: &str = "+254712345678";

pub async fn sign_in(browser: &mut Browser<'_>, login: &str, password: &str) -> (String, Vec<String>) {
    let (location, page) = browser
        .submit("/api/accounts/sign-in", &[("login", login), ("password", password)])
        .await;
    (location, errors(&page.body))
}

/// Signs in with the code sent by SMS (to `E164`), asking to remember the browser or not; where it lands.
pub async fn sign_in_with_code(browser: &mut Browser<'_>, login: &str, password: &str, remember: bool) -> String {
    sign_in(browser, login, password).await;
    let code = code_in(&last_message(browser.app, E164).await);
    let remember = if remember { "yes" } else { "" };
    let (location, _) = browser
        .submit(
            "/api/accounts/sign-in/code",
            &[("code", &code), ("remember", remember), ("via", "sms")],
        )
        .await;
    location
}
