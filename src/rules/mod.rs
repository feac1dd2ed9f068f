//! The team's rules (R1–R5 and the data hygiene around them), as pure functions.
//!
//! A rule looks at a domain value and returns [`Finding`]s: what is wrong and which field it
//! concerns. The same findings serve `rt refer` (which names the flag to fix) and `rt check`
//! (which names the file, line and column); neither the rules nor their callers have two
//! versions of a rule.

pub mod attendance;
pub mod case;
pub mod config;
pub mod consent;
pub mod decision;
pub mod due;
pub mod followup;
pub mod invitation;
pub mod measure;
pub mod meeting_date;
pub mod national_id;
pub mod purge;
pub mod r5;
pub mod status;
pub mod text;

use crate::diagnostic::Severity;
use crate::model::Field;
use crate::problem::Problem;

/// One rule's verdict on one field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// Error or warning.
    pub severity: Severity,
    /// The field it is about.
    pub field: Field,
    /// What is wrong.
    pub problem: Problem,
}

impl Finding {
    /// An error on a field.
    pub fn error(field: Field, problem: Problem) -> Finding {
        Finding { severity: Severity::Error, field, problem }
    }

    /// A warning on a field.
    pub fn warning(field: Field, problem: Problem) -> Finding {
        Finding { severity: Severity::Warning, field, problem }
    }
}
