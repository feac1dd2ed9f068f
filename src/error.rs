//! Errors that stop a command: what went wrong, as data, and how to put it right.
//!
//! Problems in a team's *data* are [`crate::diagnostic::Diagnostic`]s and are all collected;
//! an [`Error`] is for what makes a command give up (no team folder, a file that cannot be
//! written, a refused referral). Every error renders as `feil: …` plus one `hjelp: …` line,
//! and exits with code 1; clap's usage errors exit with 2.

use std::path::{Path, PathBuf};

use crate::lang::Lang;
use crate::problem::Problem;

/// Why a command stopped.
#[derive(Debug)]
pub enum Error {
    /// No `rt.toml` here or in any parent folder.
    NoTeamFolder { start: PathBuf },
    /// `--dir` names a folder without `rt.toml`.
    NotATeamFolder { dir: PathBuf },
    /// A file could not be read or written.
    Io { path: PathBuf, write: bool, source: std::io::Error },
    /// A file the command needs has errors (shown before the error itself).
    InvalidData { file: String, findings: Vec<crate::diagnostic::Diagnostic> },
    /// A request that breaks one rule, said as a [`Problem`].
    Invalid(Problem),
    /// The referral broke rules (the findings were printed before this).
    Refused { problems: usize },
    /// R5: suspected violence or abuse is never a team case.
    Violence,
    /// No case with this id.
    CaseNotFound { id: String, suggestion: Option<String> },
    /// `rt init` found an existing team folder.
    AlreadyExists { path: PathBuf },
    /// The file comes from a newer `rt` and must not be rewritten.
    NewerSchema { file: String },
    /// A file changed on disk while the command worked on it.
    Changed { file: String },
    /// A template could not be read or rendered.
    Template { file: String, line: Option<usize>, message: String },
    /// A mail could not be built (an address that is not one).
    Mail { detail: String },
    /// Another `rt` held the team folder's lock for too long.
    Locked { path: PathBuf, holder: String },
    /// The file system cannot lock files, so writing safely is not possible.
    LockUnsupported { path: PathBuf, source: std::io::Error },
    /// Standard output was closed by the reader (e.g. `rt list | head`): stop quietly.
    BrokenPipe,
    /// The user ended the dialogue (end of input).
    Aborted,
    /// The mail server could not be reached or refused the message as a whole.
    Send { server: String, step: &'static str, detail: String },
    /// `rt sync` could not finish.
    Sync(crate::cmd::sync::SyncProblem),
}

impl Error {
    /// An I/O error while reading a path.
    pub fn read(path: &Path, source: std::io::Error) -> Error {
        Error::Io { path: path.to_path_buf(), write: false, source }
    }

    /// An I/O error while writing a path.
    pub fn write(path: &Path, source: std::io::Error) -> Error {
        Error::Io { path: path.to_path_buf(), write: true, source }
    }

    /// The process exit code for this error.
    pub fn exit_code(&self) -> i32 {
        match self {
            Error::BrokenPipe => 0,
            _ => 1,
        }
    }

    /// What went wrong, in one line.
    pub fn message(&self, lang: Lang) -> String {
        let l = lang;
        match self {
            Error::NoTeamFolder { start } => l.pick(
                format!("fant ingen team-mappe (rt.toml) i {} eller mappene over", start.display()),
                format!("no team folder (rt.toml) in {} or any folder above it", start.display()),
            ),
            Error::NotATeamFolder { dir } => l.pick(
                format!("{} er ikke en team-mappe (mangler rt.toml)", dir.display()),
                format!("{} is not a team folder (no rt.toml)", dir.display()),
            ),
            Error::Io { path, write, source } => {
                let (nb, en) = if *write { ("skrive", "write") } else { ("lese", "read") };
                l.pick(
                    format!("kan ikke {nb} {}: {source}", path.display()),
                    format!("cannot {en} {}: {source}", path.display()),
                )
            }
            Error::InvalidData { file, findings } => {
                let errors = findings.len().max(1);
                l.pick(
                    format!("{file} har {errors} feil, så kommandoen stopper"),
                    format!("{file} has {}, so the command stops", crate::lang::count(errors, "error", "errors")),
                )
            }
            Error::Invalid(problem) => problem.message(l),
            Error::Refused { problems } => l.pick(
                format!("saken er ikke registrert ({problems} feil å rette)"),
                format!("the case was not registered ({} to fix)", crate::lang::count(*problems, "problem", "problems")),
            ),
            Error::Violence => l.pick(
                "ved mistanke om vold eller seksuelle overgrep skal du kontakte barnevernet eller politiet direkte, uten at det drøftes med foreldrene først. Saken meldes ikke til ressursteamet (R5).".to_string(),
                "on suspicion of violence or sexual abuse, contact child welfare (barnevernet) or the police directly, without discussing it with the parents first. The case is not referred to the team (R5).".to_string(),
            ),
            Error::CaseNotFound { id, .. } => {
                l.pick(format!("fant ingen sak `{id}`"), format!("no case `{id}`"))
            }
            Error::AlreadyExists { path } => l.pick(
                format!("{} finnes allerede; rt init overskriver ingenting", path.display()),
                format!("{} already exists; rt init overwrites nothing", path.display()),
            ),
            Error::NewerSchema { file } => l.pick(
                format!("{file} er skrevet av en nyere rt og skrives ikke om"),
                format!("{file} was written by a newer rt and is not rewritten"),
            ),
            Error::Changed { file } => l.pick(
                format!("{file} ble endret av noen andre mens rt arbeidet; ingenting er skrevet"),
                format!("{file} was changed by someone else while rt worked; nothing was written"),
            ),
            Error::Template { file, line, message } => {
                let at = line.map(|n| format!("{file}:{n}")).unwrap_or_else(|| file.clone());
                l.pick(format!("malen {at} virker ikke: {message}"), format!("the template {at} does not work: {message}"))
            }
            Error::Mail { detail } => {
                l.pick(format!("e-posten kan ikke lages: {detail}"), format!("the mail cannot be made: {detail}"))
            }
            Error::Locked { path, holder } => l.pick(
                format!("team-mappen er låst av en annen rt ({}) [{}]", if holder.is_empty() { "ukjent" } else { holder }, path.display()),
                format!("the team folder is locked by another rt ({}) [{}]", if holder.is_empty() { "unknown" } else { holder }, path.display()),
            ),
            Error::LockUnsupported { path, source } => l.pick(
                format!("filsystemet kan ikke låse {} ({source}), så rt kan ikke skrive trygt her", path.display()),
                format!("the file system cannot lock {} ({source}), so rt cannot write safely here", path.display()),
            ),
            Error::BrokenPipe => String::new(),
            Error::Aborted => l.pick("avbrutt; ingenting er skrevet".into(), "aborted; nothing was written".into()),
            Error::Sync(problem) => problem.message(l),
            Error::Send { server, step, detail } => {
                let (nb, en) = match *step {
                    "connect" => ("kommer ikke fram til", "cannot reach"),
                    "starttls" | "tls" => ("får ikke en kryptert forbindelse til", "cannot get an encrypted connection to"),
                    "login" => ("godtar ikke innloggingen hos", "login refused by"),
                    "sender" => ("godtar ikke avsenderen hos", "sender refused by"),
                    _ => ("får ikke levert e-posten til", "cannot deliver the mail to"),
                };
                l.pick(format!("innkallingen er ikke sendt: {nb} {server}: {detail}"), format!("the invitation was not sent: {en} {server}: {detail}"))
            }
        }
    }

    /// How to fix it.
    pub fn help(&self, lang: Lang) -> Option<String> {
        let l = lang;
        Some(match self {
            Error::Invalid(problem) => return problem.help(l),
            Error::Sync(problem) => return problem.help(l),
            Error::Send { step, .. } => match *step {
                "connect" => l.pick(
                    "sjekk `host` og `port` under [mail] i rt.toml, og at nettet slipper deg fram til tjeneren".into(),
                    "check `host` and `port` under [mail] in rt.toml, and that the network lets you reach the server".into(),
                ),
                "starttls" | "tls" => l.pick(
                    "sjekk `security` under [mail] (starttls for port 587, tls for port 465), og at tjenerens sertifikat er gyldig".into(),
                    "check `security` under [mail] (starttls for port 587, tls for port 465), and that the server's certificate is valid".into(),
                ),
                "login" => l.pick(
                    "sjekk `user` under [mail] og passordet i miljøvariabelen `password_env` peker på".into(),
                    "check `user` under [mail] and the password in the environment variable `password_env` names".into(),
                ),
                "sender" => l.pick(
                    "tjeneren vil ikke sende fra lederens adresse; sjekk [leader] email, eller logg inn som den".into(),
                    "the server will not send from the leader's address; check [leader] email, or log in as that user".into(),
                ),
                _ => l.pick(
                    "prøv igjen senere, eller lagre innkallingen med `--format eml --out FIL` og send den fra e-postprogrammet".into(),
                    "try again later, or save the invitation with `--format eml --out FILE` and send it from your mail program".into(),
                ),
            },
            Error::NoTeamFolder { .. } | Error::NotATeamFolder { .. } => l.pick(
                "lag en med `rt init MAPPE`, eller pek på en med --dir MAPPE eller RT_DIR".into(),
                "create one with `rt init DIR`, or point to one with --dir DIR or RT_DIR".into(),
            ),
            Error::InvalidData { .. } => l.pick(
                "rett feilene over; `rt check` viser alle".into(),
                "fix the problems above; `rt check` shows them all".into(),
            ),
            Error::Refused { .. } => l.pick(
                "rett punktene over og kjør kommandoen på nytt".into(),
                "fix the points above and run the command again".into(),
            ),
            Error::Violence => l.pick(
                "kontakt barneverntjenesten (utenom kontortid: barnevernvakten) eller politiet: 02800, ved akutt fare 112".into(),
                "contact the child welfare service (out of hours: barnevernvakten) or the police: 02800, in acute danger 112".into(),
            ),
            Error::CaseNotFound { suggestion: Some(s), .. } => {
                l.pick(format!("mente du `{s}`?"), format!("did you mean `{s}`?"))
            }
            Error::CaseNotFound { suggestion: None, .. } => {
                l.pick("se `rt list`".into(), "see `rt list`".into())
            }
            Error::NewerSchema { .. } => l.pick("oppdater rt".into(), "update rt".into()),
            Error::Template { .. } => l.pick(
                "rett malen (se templates/README.md for variablene), eller slett den for å bruke den innebygde".into(),
                "fix the template (see templates/README.md for its variables), or delete it to use the built-in one".into(),
            ),
            Error::Mail { .. } => l.pick(
                "rett e-postadressene i rt.toml; `rt check` viser dem".into(),
                "fix the addresses in rt.toml; `rt check` shows them".into(),
            ),
            Error::Locked { .. } => l.pick(
                "vent til den andre er ferdig og prøv igjen; henger den, avslutt den prosessen".into(),
                "wait for the other to finish and try again; if it hangs, end that process".into(),
            ),
            Error::LockUnsupported { .. } => l.pick(
                "bruk team-mappen på en disk eller delt mappe som støtter fillåser".into(),
                "keep the team folder on a disk or share that supports file locks".into(),
            ),
            Error::Changed { .. } => l.pick(
                "kjør kommandoen på nytt, så bygger den på den nye versjonen".into(),
                "run the command again to build on the new version".into(),
            ),
            _ => return None,
        })
    }

    /// A file with errors that stops the command; the errors are shown with it.
    pub fn invalid_file(file: &str, findings: Vec<crate::diagnostic::Diagnostic>) -> Error {
        Error::InvalidData { file: file.to_string(), findings }
    }

    /// The full text for standard error: the findings behind it (if any), then the error
    /// with its help, through the one message renderer.
    pub fn render(&self, lang: Lang) -> crate::output::Styled {
        let mut out = crate::output::Styled::new();
        if let Error::InvalidData { findings, .. } = self {
            for d in findings {
                out.append(d.render(lang));
                out.plain("\n");
            }
        }
        out.append(crate::diagnostic::render_text(
            crate::diagnostic::Severity::Error,
            None,
            &self.message(lang),
            None,
            self.help(lang).as_deref(),
            lang,
        ));
        out
    }
}

impl From<crate::problem::Problem> for Error {
    fn from(p: crate::problem::Problem) -> Self {
        Error::Invalid(p)
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            Error::BrokenPipe
        } else {
            Error::Io { path: PathBuf::from("-"), write: true, source: e }
        }
    }
}
