//! Figures (issue 29): the daily rollups every published figure is read from, the rules that keep people out of
//! them ("fewer than 10"), and a figure's chart (SVG, drawn on the server), table and CSV. The public performance
//! page reads them now; the statistics for supervisors and analysts will too.

pub mod chart;
pub mod db;
pub mod domain;
pub mod rollup;
pub mod sources;
pub mod words;
