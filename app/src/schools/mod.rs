//! Driving school records (issue 28): a recognised driving school's people (business accounts acting for an
//! organisation of kind `driving_school`) enrol learners who hold a provisional licence for the class, record the
//! course start, see their students in pages with a search, and mark a course complete, which the driving test
//! booking asks for. The learner sees their course on the dashboard. Server-only: the pages are plain forms.

pub mod api;
pub mod db;
pub mod domain;
pub mod pages;
pub mod service;

/// The flash of the schools' forms.
pub const FORM: &str = "schools";
