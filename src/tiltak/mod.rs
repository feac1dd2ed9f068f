//! The tiltaksbank's own logic (R11), apart from files and commands: search with Norwegian
//! letters and ranking, reading target groups, ways in and levels as sheets write them, and
//! reading a spreadsheet of measures into changes to the catalogue, and what the catalogue's
//! web site shows.

pub mod import;
pub mod labels;
pub mod plan;
pub mod preview;
pub mod privacy;
pub mod search;
pub mod site;
pub mod target;
pub mod wording;
