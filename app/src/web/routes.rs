//! The one table of addresses: every page a server function or a guard sends a person to, named. An address is
//! written here once; a feature names the page and this module spells it (the language prefix is added by
//! `Ctx::finish` or `Lang::href`).

use crate::channel::Channel;

/// A page to send a person to (its address without the language).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page {
    Home,
    Login,
    /// The sign-in code, sent by `Channel`.
    LoginCode(Channel),
    Dashboard,
    /// A registration step (the wizard spells its own addresses).
    Register(String),
    VerifyEmail,
    VerifyPhone,
    WelcomePhoto,
    Account,
    /// The photo page, returning afterwards to `then` (an application step) when given.
    AccountPhoto {
        then: Option<String>,
    },
    AccountConfirm,
    Reset,
    ResetCode,
    ResetPassword,
    Services,
    /// An application: a draft's next step, or a submitted one's status.
    Application(String),
    /// A step of a draft application.
    ApplicationStep(String, String),
    /// Paying an application's invoice.
    Pay(String),
    /// "Check your phone": an application's M-Pesa prompt.
    PayMpesa(String, String),
    /// A driving school's students, by its KRA PIN.
    School(String),
    /// One of a driving school's students.
    SchoolStudent(String, String),
    /// An organisation's people and applications, by its KRA PIN (its people only).
    Organisation(String),
    /// An invitation to act for an organisation, by its KRA PIN (the person invited only).
    OrganisationJoin(String),
    /// No page at all: the 404 page (a form that named something not the person's ends there).
    NotFound,
}

impl Page {
    pub fn path(&self) -> String {
        match self {
            Page::Home => "",
            Page::Login => "login",
            Page::LoginCode(channel) => return format!("login/code?via={}", channel.code()),
            Page::Dashboard => "dashboard",
            Page::Register(step) => return step.clone(),
            Page::VerifyEmail => "verify/email",
            Page::VerifyPhone => "verify/phone",
            Page::WelcomePhoto => "welcome/photo",
            Page::Account => "account",
            Page::AccountPhoto { then: Some(then) } => return format!("account/photo?then={then}"),
            Page::AccountPhoto { then: None } => "account/photo",
            Page::AccountConfirm => "account/confirm",
            Page::Reset => "reset",
            Page::ResetCode => "reset/code",
            Page::ResetPassword => "reset/password",
            Page::Services => "services",
            Page::Application(id) => return format!("applications/{id}"),
            Page::ApplicationStep(id, step) => return format!("applications/{id}/{step}"),
            Page::Pay(id) => return format!("applications/{id}/pay"),
            Page::PayMpesa(id, request) => return format!("applications/{id}/pay/mpesa/{request}"),
            Page::School(pin) => return format!("schools/{pin}"),
            Page::SchoolStudent(pin, id) => return format!("schools/{pin}/students/{id}"),
            Page::Organisation(pin) => return format!("organisations/{pin}"),
            Page::OrganisationJoin(pin) => return format!("organisations/{pin}/join"),
            Page::NotFound => "not-found",
        }
        .into()
    }

    /// Where a signed-in person whose account is not yet proven must go first, if anywhere: the email first.
    pub fn verification_due(email_verified: bool, phone_verified: bool) -> Option<Page> {
        match (email_verified, phone_verified) {
            (false, _) => Some(Page::VerifyEmail),
            (true, false) => Some(Page::VerifyPhone),
            (true, true) => None,
        }
    }
}

/// Where a post ends: the page, and the notice (a translation key) it shows once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Next {
    pub page: Page,
    pub notice: Option<&'static str>,
}

impl Next {
    pub fn to(page: Page) -> Next {
        Next { page, notice: None }
    }

    pub fn with(page: Page, notice: &'static str) -> Next {
        Next {
            page,
            notice: Some(notice),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_has_its_address() {
        assert_eq!(Page::Home.path(), "");
        assert_eq!(Page::LoginCode(Channel::Email).path(), "login/code?via=email");
        assert_eq!(Page::Register("register/contact".into()).path(), "register/contact");
        assert_eq!(Page::AccountConfirm.path(), "account/confirm");
        assert_eq!(
            Page::AccountPhoto {
                then: Some("applications/AB12/smart".into())
            }
            .path(),
            "account/photo?then=applications/AB12/smart"
        );
        assert_eq!(
            Page::ApplicationStep("AB12".into(), "period".into()).path(),
            "applications/AB12/period"
        );
    }

    #[test]
    fn email_is_proven_before_phone() {
        assert_eq!(Page::verification_due(false, false), Some(Page::VerifyEmail));
        assert_eq!(Page::verification_due(false, true), Some(Page::VerifyEmail));
        assert_eq!(Page::verification_due(true, false), Some(Page::VerifyPhone));
        assert_eq!(Page::verification_due(true, true), None);
    }
}
