//! Writing a command's result: its output to stdout (a closed pipe ends quietly), notes
//! and confirmations to stderr.

use std::io::Write;

use crate::error::Error;

/// Writes text to standard output. A reader that went away (`rt list | head`) is not an
/// error worth a message: it becomes [`Error::BrokenPipe`], which exits 0 silently.
pub fn print(text: &str) -> Result<(), Error> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())?;
    out.flush()?;
    Ok(())
}

/// Writes a line for the person at the terminal (stderr), never mixed into the output.
pub fn note(text: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{text}");
}
