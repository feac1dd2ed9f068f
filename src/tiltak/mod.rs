//! The tiltaksbank's own logic (R11), apart from files and commands: search with Norwegian
//! letters and ranking, and reading a spreadsheet of measures.

pub mod import;
pub mod search;
