//! A national id number typed by hand into `tiltaksbank.toml` (the reader reports it as an
//! error on the field, as `rt check` does, and masks it in the measure it keeps): what each
//! use of the catalogue does with it.
//!
//! What leaves the machine or stays in git — an export, the web site, a commit by `rt tiltak
//! add` or `rt tiltak import` — is refused, naming the field, until the number is gone. What
//! only the person at the terminal sees (`rt tiltak list`, `search`, `show`) shows the
//! catalogue with the number masked (`•••`) and a warning, so the team can still look a
//! measure up while someone fixes the file.

use crate::diagnostic::Diagnostic;
use crate::problem::Problem;

/// What a command does with the catalogue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Use {
    /// Shows it at the terminal.
    Show,
    /// Writes it where others read it: an export, the web site.
    Publish,
    /// Changes the file and commits it to git.
    Write,
}

/// What to do with a catalogue that holds a national id number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Nothing found: use it as it is.
    AsItIs,
    /// Show it as the reader gives it, every number masked (`•••`), and warn.
    Mask,
    /// Refuse, naming where the numbers are.
    Refuse,
}

/// Whether a finding is a national id number in the file.
pub fn is_national_id(d: &Diagnostic) -> bool {
    matches!(
        d.problem,
        Problem::NationalId { .. } | Problem::NationalIdInKey { .. } | Problem::NationalIdInFile
    )
}

/// What a use does with a catalogue with `found` national id findings.
pub fn verdict(found: usize, use_: Use) -> Verdict {
    match (found, use_) {
        (0, _) => Verdict::AsItIs,
        (_, Use::Show) => Verdict::Mask,
        (_, Use::Publish | Use::Write) => Verdict::Refuse,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_terminal_sees_a_masked_catalogue() {
        assert_eq!(verdict(0, Use::Publish), Verdict::AsItIs);
        assert_eq!(verdict(0, Use::Show), Verdict::AsItIs);
        assert_eq!(verdict(1, Use::Show), Verdict::Mask);
        assert_eq!(verdict(2, Use::Publish), Verdict::Refuse);
        assert_eq!(verdict(1, Use::Write), Verdict::Refuse);
    }
}
