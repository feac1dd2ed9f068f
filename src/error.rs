//! Why a command stops: a [`Problem`] from the one catalogue (see [`crate::problem`]), or a
//! reader that went away.
//!
//! Problems in a team's *data* are [`crate::diagnostic::Diagnostic`]s and are all collected;
//! an [`Error`] is what makes a command give up (no team folder, a file that cannot be
//! written, a refused referral). It renders through the same renderer as every other message
//! — `feil: …` plus one `hjelp: …` line — and exits with code 1; clap's usage errors exit
//! with 2.

use std::path::Path;

use crate::lang::Lang;
use crate::output::Styled;
use crate::problem::{IoCause, Problem};

/// Why a command stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// The command stops for this reason.
    Stop(Problem),
    /// Standard output was closed by the reader (e.g. `rt list | head`): stop quietly.
    BrokenPipe,
}

impl Error {
    /// An I/O error while reading a path.
    pub fn read(path: &Path, source: std::io::Error) -> Error {
        Self::io(path, false, &source)
    }

    /// An I/O error while writing a path.
    pub fn write(path: &Path, source: std::io::Error) -> Error {
        Self::io(path, true, &source)
    }

    fn io(path: &Path, write: bool, source: &std::io::Error) -> Error {
        Error::Stop(Problem::FileAccess {
            path: path.display().to_string(),
            write,
            cause: IoCause::of(source),
        })
    }

    /// A file with errors that stops the command; the errors are shown with it.
    pub fn invalid_file(file: &str, findings: Vec<crate::diagnostic::Diagnostic>) -> Error {
        Error::Stop(Problem::InvalidFile { file: file.to_string(), findings })
    }

    /// The process exit code for this error.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::BrokenPipe => 0,
            Error::Stop(_) => 1,
        }
    }

    /// The problem behind it, if any.
    pub fn problem(&self) -> Option<&Problem> {
        match self {
            Error::Stop(p) => Some(p),
            Error::BrokenPipe => None,
        }
    }

    /// The full text for standard error: the findings behind it (if any), then the error
    /// with its help, through the one message renderer.
    pub fn render(&self, lang: Lang) -> Styled {
        let mut out = Styled::new();
        let Error::Stop(problem) = self else { return out };
        if let Problem::InvalidFile { findings, .. } = problem {
            for d in findings {
                out.append(d.render(lang));
                out.plain("\n");
            }
        }
        out.append(crate::diagnostic::render_message(
            crate::diagnostic::Severity::Error,
            None,
            problem,
            None,
            lang,
        ));
        out
    }
}

impl From<Problem> for Error {
    fn from(p: Problem) -> Self {
        Error::Stop(p)
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            Error::BrokenPipe
        } else {
            Self::io(Path::new("-"), true, &e)
        }
    }
}
