//! Where a command's words go: its output to stdout (a closed pipe ends quietly), messages and
//! confirmations to stderr.
//!
//! A message is built as [`Styled`] text — parts that know whether they are the word `feil`,
//! `advarsel` or `hjelp` — so colour comes from what a part *is*, never from searching the
//! finished text. Colour is used only on a terminal, and never when `NO_COLOR` is set or
//! `TERM=dumb` (the [`crate::session`] decides that once and hands over a [`Sink`]); piped or
//! redirected output stays plain text.

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
            if colour && *style != Style::Plain {
                out.push_str(style.code());
                out.push_str(text);
                out.push_str("\x1b[0m");
            } else {
                out.push_str(text);
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
        let mut out = std::io::stdout().lock();
        out.write_all(text.as_bytes())?;
        out.flush()?;
        Ok(())
    }

    /// Writes styled text (findings) to standard output, coloured on a terminal.
    pub fn print_styled(&self, text: &Styled) -> Result<(), Error> {
        self.print(&text.render(self.colour_out))
    }

    /// Writes a line for the person at the terminal (stderr), never mixed into the output.
    pub fn note(&self, text: impl Into<Styled>) {
        let text = text.into().render(self.colour_err);
        let _ = writeln!(std::io::stderr().lock(), "{text}");
    }
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
}
