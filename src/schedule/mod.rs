//! The team's meetings (R6): Norwegian holidays, the meeting series of a half-year, where
//! cases are placed, and the calendar export. Pure logic: the store reads and writes the
//! published `meetings/H.toml`, and commands glue the two.

pub mod calendar;
pub mod holidays;
pub mod ics;
pub mod placement;
pub mod plan;
pub mod series;
