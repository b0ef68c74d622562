//! The road service licence as a service of the application framework: an officer decides, and approval issues the
//! licence. Rejected (a route the SACCO is not allowed on), it may be corrected and sent again.

crate::officer_decided!(PsvLicence);
