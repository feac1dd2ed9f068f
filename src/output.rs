//! Writing a command's result: its output to stdout (a closed pipe ends quietly), notes
//! and confirmations to stderr.
//!
//! Messages get colour — errors red, warnings yellow, hints cyan — only on a terminal, and
//! never when `NO_COLOR` is set (<https://no-color.org>) or `TERM=dumb`; piped or redirected
//! output stays plain text. Only the words `rt` puts in front of a message are coloured,
//! never what follows them.

use std::io::{IsTerminal, Write};

use crate::error::Error;

/// Writes text to standard output. A reader that went away (`rt list | head`) is not an
/// error worth a message: it becomes [`Error::BrokenPipe`], which exits 0 silently.
pub fn print(text: &str) -> Result<(), Error> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}

/// Writes findings (`path:line:col: feil: …`) to standard output, coloured on a terminal.
pub fn print_findings(text: &str) -> Result<(), Error> {
    let stdout = std::io::stdout();
    if colour_for(stdout.is_terminal()) { print(&paint(text)) } else { print(text) }
}

/// Writes a line for the person at the terminal (stderr), never mixed into the output.
pub fn note(text: &str) {
    let stderr = std::io::stderr();
    let text = if colour_for(stderr.is_terminal()) { paint(text) } else { text.to_string() };
    let _ = writeln!(stderr.lock(), "{text}");
}

/// Whether a stream that is (or is not) a terminal gets colour.
fn colour_for(terminal: bool) -> bool {
    terminal && colour_allowed()
}

/// Whether the environment allows colour at all: not with `NO_COLOR` set, not on a dumb
/// terminal. clap is held to the same rule (its own detection colours on CI even then).
pub fn colour_allowed() -> bool {
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
}

const RED: &str = "\x1b[1;31m";
const YELLOW: &str = "\x1b[1;33m";
const CYAN: &str = "\x1b[36m";
const RESET: &str = "\x1b[0m";

/// Colours the severity word at the start of each message line: at the start of the line
/// (after indentation), or right after a `path:line:column: ` location.
pub fn paint(text: &str) -> String {
    const WORDS: [(&str, &str); 6] = [
        ("feil: ", RED),
        ("error: ", RED),
        ("advarsel: ", YELLOW),
        ("warning: ", YELLOW),
        ("hjelp: ", CYAN),
        ("help: ", CYAN),
    ];
    let mut out = String::with_capacity(text.len() + 16);
    for line in text.split_inclusive('\n') {
        let indent = line.len() - line.trim_start().len();
        // A location is one word ending in ": " (a path has no spaces in rt's own files).
        let start = match line[indent..].find(": ") {
            Some(i) if !line[indent..indent + i].contains(' ') && line[indent..].len() > i + 2 => {
                let after = indent + i + 2;
                if WORDS.iter().any(|(w, _)| line[after..].starts_with(w)) { after } else { indent }
            }
            _ => indent,
        };
        match WORDS.iter().find(|(w, _)| line[start..].starts_with(w)) {
            Some((word, colour)) => {
                let word = word.trim_end_matches(' ').trim_end_matches(':');
                out.push_str(&line[..start]);
                out.push_str(&format!("{colour}{word}{RESET}:"));
                out.push_str(&line[start + word.len() + 1..]);
            }
            None => out.push_str(line),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_severity_words_are_painted() {
        let text = "cases/2027/a.toml:3:1: feil: mangler `way_in`\n  hjelp: skriv way_in\nadvarsel: x\nteksten sier feil: nei\n";
        let painted = paint(text);
        assert_eq!(
            painted,
            format!(
                "cases/2027/a.toml:3:1: {RED}feil{RESET}: mangler `way_in`\n  {CYAN}hjelp{RESET}: skriv way_in\n{YELLOW}advarsel{RESET}: x\nteksten sier feil: nei\n"
            )
        );
        assert_eq!(paint("error: x"), format!("{RED}error{RESET}: x"));
        assert_eq!(paint("plain\n"), "plain\n");
    }
}
