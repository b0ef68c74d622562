//! The PSV badge as a service of the application framework: an officer decides, and approval puts the badge on the
//! register. Rejected (a certificate number that does not check out), it may be corrected and sent again.

crate::officer_decided!(Badge);
