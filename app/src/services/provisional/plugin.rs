//! The provisional licence as a service of the application framework: an officer decides, and approval puts the
//! permit on the register. Rejected (the register's particulars in doubt), it may be corrected and sent again.

crate::officer_decided!(Provisional);
