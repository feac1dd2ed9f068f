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

/// From how many files on identical findings are told as one (see [`group_across_files`]).
pub const GROUP_FROM: usize = 3;

/// Identical findings about whole files (the same severity and problem, no position) in at
/// least [`GROUP_FROM`] files become one finding about their nearest common folder, where the
/// problem has a wording for many ([`Problem::for_many`]); it stands where the first of them
/// stood. `rt check --verbose` skips this and lists each.
pub fn group_across_files(diags: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let groupable = |d: &Diagnostic| d.pos.is_none() && d.problem.for_many(2, "").is_some();
    let mut groups: Vec<(Severity, Problem, Vec<String>)> = Vec::new();
    for d in diags.iter().filter(|d| groupable(d)) {
        match groups.iter_mut().find(|(s, p, _)| *s == d.severity && *p == d.problem) {
            Some((_, _, files)) => files.push(d.file.clone()),
            None => groups.push((d.severity, d.problem.clone(), vec![d.file.clone()])),
        }
    }
    groups.retain(|(_, _, files)| files.len() >= GROUP_FROM);
    let mut told = vec![false; groups.len()];
    let mut out = Vec::with_capacity(diags.len());
    for d in diags {
        let group = groupable(&d)
            .then(|| groups.iter().position(|(s, p, _)| *s == d.severity && *p == d.problem))
            .flatten();
        match group {
            None => out.push(d),
            Some(i) if told[i] => {}
            Some(i) => {
                told[i] = true;
                let (severity, problem, files) = &groups[i];
                let folder = common_folder(files);
                let many = problem.for_many(files.len(), &folder).expect("groupable");
                out.push(Diagnostic { severity: *severity, file: folder, pos: None, problem: many });
            }
        }
    }
    out
}

/// The nearest folder that holds all these files (relative, `/`-separated; `.` for the team
/// folder itself).
fn common_folder(files: &[String]) -> String {
    let folders: Vec<Vec<&str>> = files
        .iter()
        .map(|f| {
            let mut parts: Vec<&str> = f.split('/').collect();
            parts.pop();
            parts
        })
        .collect();
    let first = &folders[0];
    let shared =
        (0..first.len()).take_while(|&i| folders.iter().all(|f| f.get(i) == Some(&first[i]))).count();
    if shared == 0 { ".".to_string() } else { first[..shared].join("/") }
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

    #[test]
    fn identical_findings_in_many_files_are_told_once_about_their_folder() {
        let open = |file: &str, mode| Diagnostic::warning(file, None, Problem::ReadableByOthers { mode });
        let other = Diagnostic::error("cases/2026/b.toml", Some(Position::START), Problem::NoLeader);
        let diags = vec![
            open("cases/2026/a.toml", 0o644),
            other.clone(),
            open("cases/2026/b.toml", 0o644),
            open("cases/2027/c.toml", 0o644),
            open("cases/2027/d.toml", 0o664),
        ];
        let grouped = group_across_files(diags);
        assert_eq!(
            grouped,
            vec![
                Diagnostic::warning(
                    "cases",
                    None,
                    Problem::FilesReadableByOthers { count: 3, folder: "cases".into(), mode: 0o644 }
                ),
                other,
                open("cases/2027/d.toml", 0o664),
            ]
        );
        assert_eq!(
            grouped[0].render(Lang::Nb).to_string(),
            "cases: advarsel: 3 saksfiler i cases/ kan leses av andre enn eieren (rettigheter 644)\n  \
             hjelp: saker er helseopplysninger: `chmod -R go-rwx cases` retter alle; `rt check --verbose` viser hver fil"
        );
        // Two are listed as they are.
        let two = vec![open("cases/2026/a.toml", 0o644), open("cases/2026/b.toml", 0o644)];
        assert_eq!(group_across_files(two.clone()), two);
        assert_eq!(common_folder(&["cases/2026/a.toml".into(), "cases/2026/b.toml".into()]), "cases/2026");
        assert_eq!(common_folder(&["a.toml".into(), "cases/b.toml".into()]), ".");
    }
}
