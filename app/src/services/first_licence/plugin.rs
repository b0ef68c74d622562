//! The first smart licence as a service of the application framework: an officer at the chosen collection centre
//! decides, and approval puts the licence on the register and issues the card's slip.

crate::officer_decided!(
    FirstLicence,
    centre = crate::cards::service::centre::<super::domain::Answers>
);
