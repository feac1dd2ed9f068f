//! Where a command's words go: its output to stdout (a closed pipe ends quietly), messages and
//! confirmations to stderr.
//!
//! A message is built as [`Styled`] text — parts that know whether they are the word `feil`,
//! `advarsel` or `hjelp` — so colour comes from what a part *is*, never from searching the
//! finished text. Colour is used only on a terminal, and never when `NO_COLOR` is set or
//! `TERM=dumb` (the [`crate::session`] decides that once and hands over a [`Sink`]); piped or
//! redirected output stays plain text.
//!
//! Text from the team's files reaches a terminal here, and a file may have been edited by
//! anyone with access to the folder: every control character in it other than a line break
//! or a tab (an escape sequence could move the cursor, rewrite the screen or set the window
//! title), and every bidirectional override (which can make text read other than it is), is
//! shown as a visible stand-in ([`visible`]) on both streams. Only rt's own colour codes are
//! written as control characters.

use std::io::Write;

use crate::error::Error;

/// What a part of a message is, for its colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// Plain text.
    Plain,
    /// The word that marks an error.
    Error,
    /// The word that marks a warning.
    Warning,
    /// The word that marks a hint.
    Help,
}

impl Style {
    fn code(self) -> &'static str {
        match self {
            Style::Plain => "",
            Style::Error => "\x1b[1;31m",
            Style::Warning => "\x1b[1;33m",
            Style::Help => "\x1b[36m",
        }
    }
}

/// The text with every control character other than a line break (`\n`, or `\r\n` as a
/// calendar file has it) and a tab replaced by its visible picture (`␛` for ESC, `␇` for BEL,
/// `␀` for NUL …), and every other invisible character that could change how text reads —
/// C1 controls and bidirectional overrides and isolates — by `�`.
pub fn visible(text: &str) -> std::borrow::Cow<'_, str> {
    let harmful = |c: char, next: Option<char>| match c {
        '\n' | '\t' => false,
        '\r' => next != Some('\n'),
        _ => c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'),
    };
    let mut chars = text.chars().peekable();
    let mut clean = true;
    while let Some(c) = chars.next() {
        if harmful(c, chars.peek().copied()) {
            clean = false;
            break;
        }
    }
    if clean {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if !harmful(c, chars.peek().copied()) {
            out.push(c);
        } else if (c as u32) < 0x20 {
            out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'));
        } else if c == '\u{7F}' {
            out.push('\u{2421}');
        } else {
            out.push('\u{FFFD}');
        }
    }
    std::borrow::Cow::Owned(out)
}

/// A value that belongs on one line of a list (a name in a preview row), with each line
/// break in it shown as `⏎`, so the list keeps its shape.
pub fn on_one_line(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains(crate::rules::text::is_line_break) {
        std::borrow::Cow::Owned(text.replace("\r\n", "\n").replace(crate::rules::text::is_line_break, "⏎"))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// Text made of styled parts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Styled {
    parts: Vec<(Style, String)>,
}

impl Styled {
    /// Empty text.
    pub fn new() -> Styled {
        Styled::default()
    }

    /// Appends a part.
    pub fn push(&mut self, style: Style, text: impl Into<String>) -> &mut Styled {
        let text = text.into();
        if !text.is_empty() {
            self.parts.push((style, text));
        }
        self
    }

    /// Appends plain text.
    pub fn plain(&mut self, text: impl Into<String>) -> &mut Styled {
        self.push(Style::Plain, text)
    }

    /// Appends another styled text.
    pub fn append(&mut self, other: Styled) -> &mut Styled {
        self.parts.extend(other.parts);
        self
    }

    /// Whether nothing is in it.
    pub fn is_empty(&self) -> bool {
        self.parts.is_empty()
    }

    /// The text, coloured for a terminal or plain.
    pub fn render(&self, colour: bool) -> String {
        let mut out = String::new();
        for (style, text) in &self.parts {
            let text = visible(text);
            if colour && *style != Style::Plain {
                out.push_str(style.code());
                out.push_str(&text);
                out.push_str("\x1b[0m");
            } else {
                out.push_str(&text);
            }
        }
        out
    }
}

impl std::fmt::Display for Styled {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(false))
    }
}

impl From<&str> for Styled {
    fn from(text: &str) -> Styled {
        let mut s = Styled::new();
        s.plain(text);
        s
    }
}

impl From<String> for Styled {
    fn from(text: String) -> Styled {
        let mut s = Styled::new();
        s.plain(text);
        s
    }
}

/// The two streams, and whether each gets colour.
#[derive(Clone, Copy, Debug, Default)]
pub struct Sink {
    colour_out: bool,
    colour_err: bool,
}

impl Sink {
    /// A sink; colour on stdout and stderr as decided by the session.
    pub fn new(colour_out: bool, colour_err: bool) -> Sink {
        Sink { colour_out, colour_err }
    }

    /// Writes text to standard output. A reader that went away (`rt list | head`) is not an
    /// error worth a message: it becomes [`Error::BrokenPipe`], which exits 0 silently.
    pub fn print(&self, text: &str) -> Result<(), Error> {
        write_out(visible(text).as_bytes())
    }

    /// Writes styled text (findings) to standard output, coloured on a terminal.
    pub fn print_styled(&self, text: &Styled) -> Result<(), Error> {
        write_out(text.render(self.colour_out).as_bytes())
    }

    /// Writes a line for the person at the terminal (stderr), never mixed into the output.
    pub fn note(&self, text: impl Into<Styled>) {
        let text = text.into().render(self.colour_err);
        let _ = writeln!(std::io::stderr().lock(), "{text}");
    }
}

/// Writes bytes to standard output and flushes.
fn write_out(bytes: &[u8]) -> Result<(), Error> {
    let mut out = std::io::stdout().lock();
    out.write_all(bytes)?;
    out.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_marked_parts_are_coloured() {
        let mut s = Styled::new();
        s.plain("cases/a.toml:3:1: ").push(Style::Error, "feil").plain(": teksten sier feil: nei");
        assert_eq!(s.render(false), "cases/a.toml:3:1: feil: teksten sier feil: nei");
        assert_eq!(s.render(true), "cases/a.toml:3:1: \x1b[1;31mfeil\x1b[0m: teksten sier feil: nei");
    }

    #[test]
    fn a_line_break_in_a_one_line_value_is_shown_as_a_sign() {
        assert_eq!(on_one_line("Multi\nline"), "Multi⏎line");
        assert_eq!(on_one_line("a\r\nb\u{2028}c"), "a⏎b⏎c");
        assert!(matches!(on_one_line("Kurs"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn control_characters_from_a_file_are_shown_never_sent() {
        assert!(matches!(visible("Uro i barnehagen.\n\tMor: «ja»\r\n"), std::borrow::Cow::Borrowed(_)));
        assert_eq!(visible("c\u{1b}[31mRED\u{7}\u{0}x\u{7f}"), "c\u{241b}[31mRED\u{2407}\u{2400}x\u{2421}");
        assert_eq!(visible("a\rb \u{9b}1m \u{202e}gnp.exe"), "a\u{240d}b \u{FFFD}1m \u{FFFD}gnp.exe");
        let mut s = Styled::new();
        s.push(Style::Error, "feil").plain(": \u{1b}]0;title\u{7}");
        assert_eq!(s.render(true), "\x1b[1;31mfeil\x1b[0m: \u{241b}]0;title\u{2407}");
    }
}
