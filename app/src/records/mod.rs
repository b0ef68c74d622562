//! Records: what NTSA's register holds for a person (driving licences, vehicles), found under their ID number,
//! their organisations' KRA PINs and the TIMS accounts they linked. The dashboard shows them; the services read
//! them (a renewal reads the licence it renews). Server-only: the pages are plain HTML.

pub mod classes;
pub mod db;
pub mod domain;
pub mod pages;
pub mod people;
pub mod service;
