//! The replacement card as a service of the application framework: an officer at the chosen collection centre
//! decides, and approval issues the new card and marks the old one replaced.

crate::officer_decided!(
    Replacement,
    centre = crate::cards::service::centre::<super::domain::Answers>
);
