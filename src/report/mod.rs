//! The half-year evaluation (R12): facts computed from the cases and meetings, the pattern
//! questions, and a view for the templates in which small numbers are hidden.

pub mod disclosure;
pub mod figures;
pub mod view;
