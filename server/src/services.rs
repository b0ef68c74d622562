//! The composition root's list of services: the application framework serves these and imports none of them.
//! A new service is a folder under `app/src/services/` and one line here.

use app::{
    applications::plugin::Services,
    services::{
        driving_test::plugin::DrivingTest, first_licence::plugin::FirstLicence, inspection::plugin::Inspection,
        provisional::plugin::Provisional, psv_badge::plugin::Badge, psv_licence::plugin::PsvLicence,
        renewal::plugin::Renewal, replacement::plugin::Replacement, transfer::plugin::Transfer,
        vehicle_registration::plugin::Registration, vehicle_search::plugin::Search,
    },
};

pub fn all() -> Services {
    Services::new(vec![
        &Renewal,
        &Registration,
        &Search,
        &Inspection,
        &Transfer,
        &Provisional,
        &Badge,
        &DrivingTest,
        &FirstLicence,
        &Replacement,
        &PsvLicence,
    ])
}
