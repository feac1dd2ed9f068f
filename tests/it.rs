//! The integration tests of `rt`, as one test binary: each module runs the real `rt` binary
//! on temporary team folders (see `common`) and asserts on its output and files. One binary
//! links the crate once instead of once per file (`cargo test --test it MODULE::` runs one
//! module). Modules that need Unix (a pty, git hooks, bash) or Windows (drive letters,
//! shares) say so with `#![cfg(..)]` at their top.

mod common;

mod agenda;
mod attendance;
mod check;
mod concurrency;
mod consent;
mod crash;
mod decisions;
mod docs;
mod english;
mod followup;
mod fuzz;
mod git;
mod guidance;
mod init;
mod integrity;
mod invitation;
mod layering;
mod line_endings;
mod list_show;
mod meeting_dates;
mod messages;
mod minutes;
mod national_id;
mod national_id_echo;
mod privacy;
mod r5;
mod refer;
mod report;
mod schedule;
mod shell;
mod site;
mod site_browser;
mod smtp;
mod terminal;
mod tiltak;
mod tiltak_import;
mod tiltak_privacy;
mod usage;
mod windows;
