//! The half-year evaluation (R12): facts computed from the cases and meetings, which of them
//! may be published so that no one can be singled out, the team's answers to the pattern
//! questions, and a view for the templates.

pub mod disclosure;
pub mod figures;
pub mod notes;
pub mod published;
pub mod view;
