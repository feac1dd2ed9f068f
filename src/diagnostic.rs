//! Problems found in a user's data, with where they are: `path:line:column: message`.
//!
//! Loading never stops at the first bad value. Every problem becomes a [`Diagnostic`]; `rt
//! check` prints them all, sorted by file and position, and other commands refuse to act on
//! data with errors and point to `rt check`. A diagnostic carries its [`Problem`] as data;
//! the text is made only when it is rendered, in the user's language.

use crate::lang::Lang;
use crate::output::{Style, Styled};
use crate::problem::Problem;

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Wrong: `rt check` fails, commands refuse to use the file.
    Error,
    /// Worth a look, but nothing is wrong enough to stop.
    Warning,
}

/// A 1-based line and column (in characters) in a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    /// Line, from 1.
    pub line: usize,
    /// Column in characters, from 1.
    pub col: usize,
}

impl Position {
    /// The start of a file.
    pub const START: Position = Position { line: 1, col: 1 };

    /// The position of a byte offset in a text.
    pub fn of_offset(text: &str, offset: usize) -> Position {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let before = &text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = text[line_start..offset].chars().count() + 1;
        Position { line, col }
    }
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// One finding: a problem, its severity, and where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file, relative to the team folder, with `/` separators.
    pub file: String,
    /// Where in the file; `None` for a problem with the file as a whole.
    pub pos: Option<Position>,
    /// What is wrong.
    pub problem: Problem,
}

impl Diagnostic {
    /// An error at a position.
    pub fn error(file: &str, pos: Option<Position>, problem: Problem) -> Diagnostic {
        Diagnostic { severity: Severity::Error, file: file.to_string(), pos, problem }
    }

    /// A warning at a position.
    pub fn warning(file: &str, pos: Option<Position>, problem: Problem) -> Diagnostic {
        Diagnostic { severity: Severity::Warning, file: file.to_string(), pos, problem }
    }

    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `path:line:col: feil: message` and an indented `hjelp:` line when there is help.
    pub fn render(&self, lang: Lang) -> Styled {
        let location = match self.pos {
            Some(p) => format!("{}:{}:{}", self.file, p.line, p.col),
            None => self.file.clone(),
        };
        render_message(self.severity, Some(&location), &self.problem, None, lang)
    }
}

/// The one way `rt` tells a person about a problem: `[where: ]feil|advarsel: what is wrong
/// [--flag]`, then `hjelp: how to fix it` when there is help — indented under a finding that
/// has a place (so lists of findings read as blocks), flush under a lone message. The severity
/// word is styled, so the sink can colour it on a terminal.
pub fn render_message(
    severity: Severity,
    location: Option<&str>,
    problem: &Problem,
    flag: Option<&str>,
    lang: Lang,
) -> Styled {
    render_text(severity, location, &problem.message(lang), flag, problem.help(lang).as_deref(), lang)
}

/// A rule's finding about a field, with the flag that sets it (for `rt refer`, `rt record`,
/// `rt decide`, `rt close`).
pub fn render_finding(f: &crate::rules::Finding, lang: Lang) -> Styled {
    render_message(f.severity, None, &f.problem, f.field.flag(), lang)
}

/// [`render_message`] for a message and help already in words.
pub fn render_text(
    severity: Severity,
    location: Option<&str>,
    message: &str,
    flag: Option<&str>,
    help: Option<&str>,
    lang: Lang,
) -> Styled {
    let mut out = Styled::new();
    if let Some(at) = location {
        out.plain(format!("{at}: "));
    }
    match severity {
        Severity::Error => out.push(Style::Error, lang.error_word()),
        Severity::Warning => out.push(Style::Warning, lang.warning_word()),
    };
    out.plain(format!(": {message}"));
    if let Some(flag) = flag {
        out.plain(format!(" [{flag}]"));
    }
    if let Some(help) = help {
        out.plain(if location.is_some() { "\n  " } else { "\n" });
        out.push(Style::Help, lang.help_word()).plain(format!(": {help}"));
    }
    out
}

/// Sorts findings for printing and drops exact duplicates (two checks seeing one thing).
pub fn sort_and_dedup(diags: &mut Vec<Diagnostic>) {
    // The problem breaks ties, so that equal findings always end up side by side.
    diags.sort_by_cached_key(|d| (d.file.clone(), d.pos, d.severity, format!("{:?}", d.problem)));
    diags.dedup();
}

/// Counts errors and warnings.
pub fn count(diags: &[Diagnostic]) -> (usize, usize) {
    let errors = diags.iter().filter(|d| d.is_error()).count();
    (errors, diags.len() - errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        let text = "a = 1\nnavn = \"Åse\" x\n";
        assert_eq!(Position::of_offset(text, 0), Position { line: 1, col: 1 });
        assert_eq!(Position::of_offset(text, 6), Position { line: 2, col: 1 });
        // 'x' after a two-byte 'Å': byte 20, character column 14.
        let x = text.find('x').unwrap();
        assert_eq!(Position::of_offset(text, x), Position { line: 2, col: 14 });
        assert_eq!(Position::of_offset(text, 10_000).line, 3);
    }

    #[test]
    fn renders_file_line_column_and_help() {
        let d = Diagnostic::error(
            "cases/2027/x.toml",
            Some(Position { line: 3, col: 7 }),
            Problem::UnknownUnit { unit: "barnvern".into(), suggestion: Some("barnevern".into()) },
        );
        let text = d.render(Lang::Nb).to_string();
        assert!(text.starts_with("cases/2027/x.toml:3:7: feil: ukjent enhet `barnvern`"), "{text}");
        assert!(text.contains("\n  hjelp: mente du `barnevern`?"), "{text}");
        assert!(d.render(Lang::En).to_string().contains("error: unknown unit `barnvern`"));
    }
}
