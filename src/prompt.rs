//! Asking the person at the terminal, one line at a time.
//!
//! Plain line-based questions on stderr (answers on stdin) rather than a full-screen widget:
//! they work in every terminal, over ssh, with screen readers, and in tests. A bad answer is
//! explained and the question asked again; end of input aborts without writing anything.

use std::io::{BufRead, Write};

use crate::error::Error;
use crate::lang::Lang;

/// A dialogue over an input and an output.
pub struct Prompter<R, W> {
    input: R,
    out: W,
    lang: Lang,
}

impl Prompter<std::io::StdinLock<'static>, std::io::Stderr> {
    /// Questions on stderr, answers from stdin.
    pub fn terminal(lang: Lang) -> Self {
        Prompter { input: std::io::stdin().lock(), out: std::io::stderr(), lang }
    }
}

impl<R: BufRead, W: Write> Prompter<R, W> {
    /// A dialogue over any reader and writer (for tests).
    pub fn new(input: R, out: W, lang: Lang) -> Self {
        Prompter { input, out, lang }
    }

    /// The language of the dialogue.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Prints a line of information.
    pub fn say(&mut self, text: &str) -> Result<(), Error> {
        writeln!(self.out, "{text}")?;
        Ok(())
    }

    fn read_line(&mut self) -> Result<String, Error> {
        let mut line = String::new();
        let n = self.input.read_line(&mut line).map_err(|e| Error::read(std::path::Path::new("stdin"), e))?;
        if n == 0 {
            writeln!(self.out)?;
            return Err(crate::problem::Problem::Aborted.into());
        }
        Ok(line.trim_end_matches(['\n', '\r']).to_string())
    }

    /// Asks one question; the answer is trimmed (and may be empty).
    pub fn ask(&mut self, question: &str, hint: Option<&str>) -> Result<String, Error> {
        match hint {
            Some(h) => write!(self.out, "{question} [{h}]: ")?,
            None => write!(self.out, "{question}: ")?,
        }
        self.out.flush()?;
        Ok(self.read_line()?.trim().to_string())
    }

    /// Asks until `parse` accepts the answer, explaining each refusal.
    pub fn ask_until<T>(
        &mut self,
        question: &str,
        hint: Option<&str>,
        mut parse: impl FnMut(&str) -> Result<T, String>,
    ) -> Result<T, Error> {
        loop {
            let answer = self.ask(question, hint)?;
            match parse(&answer) {
                Ok(v) => return Ok(v),
                Err(why) => self.say(&format!("  {why}"))?,
            }
        }
    }

    /// A yes/no question (`j`/`ja`/`y`/`yes`, `n`/`nei`/`no`).
    pub fn yes_no(&mut self, question: &str) -> Result<bool, Error> {
        let lang = self.lang;
        let hint = lang.pick("j/n", "y/n");
        self.ask_until(question, Some(hint), |a| match a.to_lowercase().as_str() {
            "j" | "ja" | "y" | "yes" => Ok(true),
            "n" | "nei" | "no" => Ok(false),
            _ => Err(lang.pick("svar j (ja) eller n (nei)", "answer y (yes) or n (no)").to_string()),
        })
    }

    /// A text of one or more lines, ended by an empty line. `required` asks again for an
    /// empty answer, and `check` may refuse a text (e.g. one holding a national id).
    pub fn text(
        &mut self,
        question: &str,
        required: bool,
        check: impl Fn(&str) -> Result<(), String>,
    ) -> Result<String, Error> {
        let end_hint = self.lang.pick("avslutt med en tom linje", "end with an empty line");
        loop {
            writeln!(self.out, "{question} ({end_hint}):")?;
            let mut lines = Vec::new();
            loop {
                write!(self.out, "> ")?;
                self.out.flush()?;
                let line = self.read_line()?;
                if line.trim().is_empty() {
                    break;
                }
                lines.push(line);
            }
            let text = lines.join("\n").trim().to_string();
            if required && text.is_empty() {
                self.say(&format!(
                    "  {}",
                    self.lang.pick("dette punktet må fylles ut", "this point is required")
                ))?;
                continue;
            }
            match check(&text) {
                Ok(()) => return Ok(text),
                Err(why) => self.say(&format!("  {why}"))?,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prompter(input: &str) -> Prompter<&[u8], Vec<u8>> {
        Prompter::new(input.as_bytes(), Vec::new(), Lang::Nb)
    }

    #[test]
    fn asks_again_after_a_bad_answer() {
        let mut p = prompter("kanskje\nja\n");
        assert!(p.yes_no("Har brukeren samtykket?").unwrap());
        let shown = String::from_utf8(p.out).unwrap();
        assert!(shown.contains("svar j (ja) eller n (nei)"), "{shown}");
    }

    #[test]
    fn reads_multi_line_text_until_an_empty_line() {
        let mut p = prompter("første linje\nandre linje\n\n");
        let text = p.text("Situasjonen", true, |_| Ok(())).unwrap();
        assert_eq!(text, "første linje\nandre linje");
    }

    #[test]
    fn required_text_is_asked_again_and_checks_apply() {
        let mut p = prompter("\nhemmelig\n\ngreit\n\n");
        let text = p
            .text("Situasjonen", true, |t| if t == "hemmelig" { Err("nei".into()) } else { Ok(()) })
            .unwrap();
        assert_eq!(text, "greit");
    }

    #[test]
    fn end_of_input_aborts() {
        let mut p = prompter("");
        assert!(matches!(p.ask("Navn", None), Err(Error::Stop(crate::problem::Problem::Aborted))));
    }
}
