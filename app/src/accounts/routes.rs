//! Where each accounts outcome sends the person, and what the page there says once. The services know no pages;
//! the server functions ask here, and `web::routes` spells the addresses.

use super::{
    db::Account,
    service::{
        account::Changing,
        registration::Draft,
        sign_in::Signing,
        verification::{EmailProven, LinkSent, PhoneProven},
    },
};
use crate::web::{
    routes::{Next, Page},
    wizard,
};

/// After a registration step: the first step still unanswered.
pub fn registration_step(draft: &Draft) -> Next {
    Next::to(Page::Register(wizard::path(draft, wizard::next(draft))))
}

/// A signed-in person: the verification still to do, else the dashboard.
pub fn signed_in(account: &Account) -> Next {
    let due = Page::verification_due(account.email_verified_at.is_some(), account.phone_verified_at.is_some());
    Next::to(due.unwrap_or(Page::Dashboard))
}

pub fn sign_in(outcome: &Signing) -> Next {
    match outcome {
        Signing::Done(account) => signed_in(account),
        Signing::CodeSent { channel, .. } => Next::to(Page::LoginCode(*channel)),
    }
}

pub fn link_sent(outcome: LinkSent) -> Next {
    match outcome {
        LinkSent::Registered => Next::with(Page::VerifyEmail, "accounts-notice-link-sent"),
        LinkSent::Changed => Next::with(Page::Account, "accounts-notice-link-sent"),
        LinkSent::NoneAwaited => Next::to(Page::VerifyPhone),
    }
}

/// `here`: the link was opened in the browser signed in to the account (else in another one, a phone's mail app:
/// sign in there to carry on).
pub fn email_proven(outcome: &EmailProven, here: bool) -> Next {
    match (outcome, here) {
        (_, false) => Next::with(Page::Login, "accounts-notice-email-verified-sign-in"),
        (EmailProven::Changed { .. }, true) => Next::with(Page::Account, "accounts-notice-email-changed"),
        (EmailProven::Registered { phone_verified, .. }, true) => {
            let page = if *phone_verified {
                Page::Dashboard
            } else {
                Page::VerifyPhone
            };
            Next::with(page, "accounts-notice-email-verified")
        }
    }
}

/// A new account's number proven: next, the passport photo (which can be skipped).
pub fn phone_proven(outcome: PhoneProven, account: &Account) -> Next {
    match outcome {
        PhoneProven::Changed => Next::with(Page::Account, "accounts-notice-phone-changed"),
        PhoneProven::Registered => Next::with(
            Page::verification_due(account.email_verified_at.is_some(), true).unwrap_or(Page::WelcomePhoto),
            "accounts-notice-phone-verified",
        ),
    }
}

pub fn changing(outcome: Changing) -> Next {
    match outcome {
        Changing::Email => Next::with(Page::Account, "accounts-notice-email-pending"),
        Changing::Phone => Next::to(Page::VerifyPhone),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_opened_in_another_browser_asks_to_sign_in_there() {
        let proven = EmailProven::Registered {
            account: crate::ids::AccountId::from_stored("a".into()),
            phone_verified: false,
        };
        assert_eq!(
            email_proven(&proven, true),
            Next::with(Page::VerifyPhone, "accounts-notice-email-verified")
        );
        assert_eq!(email_proven(&proven, false).page, Page::Login);
    }
}
