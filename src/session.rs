//! What every command needs, resolved once before it runs: the team folder, its `rt.toml`
//! (read once, by the one config reader), the language, today's date, and where output goes.
//!
//! This and [`crate::store`] are the only modules that look outside the process: here the
//! clock, the environment (`RT_DIR`, `RT_LANG`, `NO_COLOR`, `TERM`, a password variable) and
//! whether the streams are terminals; in `store` the file system and git. A command receives
//! a [`Session`] (or, outside a team folder, a [`Setup`]) and asks it rather than the world,
//! which keeps commands testable and the language the same from help text to last message.
//!
//! Resolution happens in two steps because help and usage errors come before the arguments
//! are parsed: [`Early`] finds the team folder and reads `rt.toml` from the raw arguments (for
//! the language of the help), and [`Session::open`] reuses that reading once the arguments are
//! parsed, so the file is read once per command.

use std::ffi::OsString;
use std::io::IsTerminal;
use std::path::PathBuf;

use chrono::NaiveDate;

use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::lang::Lang;
use crate::model::Config;
use crate::output::Sink;
use crate::problem::Problem;
use crate::store::transaction::Transaction;
use crate::store::{TeamDir, load};

/// The global flags, as parsed.
#[derive(Clone, Debug, Default)]
pub struct Globals {
    /// `--dir` / `RT_DIR`.
    pub dir: Option<PathBuf>,
    /// `--today` / `RT_TODAY`.
    pub today: Option<NaiveDate>,
    /// `--lang` / `RT_LANG`.
    pub lang: Option<Lang>,
}

/// Today in Norway (Europe/Oslo), whatever the machine's time zone.
pub fn oslo_today() -> NaiveDate {
    chrono::Utc::now().with_timezone(&chrono_tz::Europe::Oslo).date_naive()
}

/// What is known before the arguments are parsed: the language asked for, and the team folder
/// with its `rt.toml` as read — so help and usage errors speak the team's language.
pub struct Early {
    /// `--lang` or `RT_LANG`, when given.
    given: Option<Lang>,
    /// The team folder the arguments point to, with `rt.toml` read, when there is one.
    team: Option<(TeamDir, load::ConfigRead)>,
}

impl Early {
    /// Looks at the raw arguments and the environment.
    pub fn resolve(args: &[OsString]) -> Early {
        let given =
            lang_in_args(args).or_else(|| std::env::var("RT_LANG").ok().and_then(|v| Lang::parse(&v)));
        let team = team_in_args(args).and_then(|team| {
            let read = load::config(&team).ok()?;
            Some((team, read))
        });
        Early { given, team }
    }

    /// The language of help texts and usage errors: given, else the team's, else bokmål.
    pub fn lang(&self) -> Lang {
        self.given.or_else(|| self.team.as_ref().and_then(|(_, read)| read.language)).unwrap_or_default()
    }
}

/// `--lang X` or `--lang=X` among the raw arguments.
fn lang_in_args(args: &[OsString]) -> Option<Lang> {
    let mut iter = args.iter().filter_map(|a| a.to_str());
    while let Some(arg) = iter.next() {
        if arg == "--lang" {
            return iter.next().and_then(Lang::parse);
        }
        if let Some(v) = arg.strip_prefix("--lang=") {
            return Lang::parse(v);
        }
    }
    None
}

/// The team folder named by `--dir`, `RT_DIR`, or found upwards from the working directory.
fn team_in_args(args: &[OsString]) -> Option<TeamDir> {
    let mut iter = args.iter();
    while let Some(arg) = iter.next() {
        if arg == "--dir" {
            return iter.next().map(TeamDir::new);
        }
        if let Some(dir) = arg.to_str().and_then(|a| a.strip_prefix("--dir=")) {
            return Some(TeamDir::new(dir));
        }
    }
    match std::env::var_os("RT_DIR").filter(|d| !d.is_empty()) {
        Some(dir) => Some(TeamDir::new(dir)),
        None => TeamDir::find_upwards(&std::env::current_dir().ok()?),
    }
}

/// The test seam of the crash tests (`RT_TEST_CRASH_AT`): the named point at which a write
/// aborts the process, as a power cut would. Read once.
pub fn crash_point() -> Option<&'static str> {
    static POINT: std::sync::OnceLock<Option<String>> = std::sync::OnceLock::new();
    POINT.get_or_init(|| std::env::var("RT_TEST_CRASH_AT").ok()).as_deref()
}

/// Whether colour is allowed at all: not with `NO_COLOR` set, not on a dumb terminal, and on
/// Windows only in a console that understands colour codes.
pub fn colour_allowed() -> bool {
    let console = console::prepare();
    std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
        && console.colour
}

/// The console `rt` writes to. On Unix a terminal takes UTF-8 and colour codes as they are.
/// On Windows the console's output code page is set to UTF-8 (65001) once, so that æ, ø
/// and å come out right also where a program writes bytes rather than wide text (Rust's own
/// console writes are wide already), and colour codes are turned on
/// (`ENABLE_VIRTUAL_TERMINAL_PROCESSING`) where the console can; where it cannot, no colour.
mod console {
    /// What the console can show.
    #[derive(Clone, Copy, Debug)]
    pub struct Console {
        /// Colour codes are understood.
        pub colour: bool,
    }

    /// Prepares the console once per process and tells what it can show.
    pub fn prepare() -> Console {
        static DONE: std::sync::OnceLock<Console> = std::sync::OnceLock::new();
        *DONE.get_or_init(setup)
    }

    #[cfg(not(windows))]
    fn setup() -> Console {
        Console { colour: true }
    }

    #[cfg(windows)]
    fn setup() -> Console {
        use windows_sys::Win32::System::Console::{
            CONSOLE_MODE, ENABLE_VIRTUAL_TERMINAL_PROCESSING, GetConsoleMode, GetStdHandle, STD_ERROR_HANDLE,
            STD_OUTPUT_HANDLE, SetConsoleMode, SetConsoleOutputCP,
        };
        const UTF8: u32 = 65001;
        // SAFETY: plain calls on the process's own standard handles; a handle that is no
        // console (a pipe, a file) makes Get/SetConsoleMode fail, which is looked at.
        unsafe {
            SetConsoleOutputCP(UTF8);
            let mut colour = true;
            for which in [STD_OUTPUT_HANDLE, STD_ERROR_HANDLE] {
                let handle = GetStdHandle(which);
                let mut mode: CONSOLE_MODE = 0;
                if GetConsoleMode(handle, &mut mode) != 0
                    && mode & ENABLE_VIRTUAL_TERMINAL_PROCESSING == 0
                    && SetConsoleMode(handle, mode | ENABLE_VIRTUAL_TERMINAL_PROCESSING) == 0
                {
                    colour = false;
                }
            }
            Console { colour }
        }
    }
}

/// What every command has, in a team folder or not.
pub struct Setup {
    /// The command's name, as typed (`refer`, `tiltak`), for the lock and commit messages.
    pub command: &'static str,
    /// The language of everything the command says.
    pub lang: Lang,
    /// Whether the language was given on the command line (`--lang`, `RT_LANG`).
    pub lang_given: bool,
    /// Today (from `--today`, `RT_TODAY`, or the clock in Europe/Oslo).
    pub today: NaiveDate,
    /// The moment the command runs (for a mail's Date): the clock, or 08:00 in Oslo on the
    /// day `--today` gives, so output stays deterministic under test.
    pub now: chrono::DateTime<chrono::FixedOffset>,
    /// Where output and messages go.
    pub out: Sink,
    /// Whether the person at the terminal can be asked (stdin is a terminal, or the test seam
    /// `RT_INTERACTIVE=1`).
    pub interactive: bool,
}

impl Setup {
    /// The surroundings of a command, from the global flags.
    pub fn new(globals: &Globals, lang: Lang, command: &'static str) -> Setup {
        let now = match globals.today {
            Some(day) => {
                use chrono::TimeZone;
                let at = day.and_hms_opt(8, 0, 0).expect("08:00 exists");
                let oslo = chrono_tz::Europe::Oslo.from_local_datetime(&at).earliest();
                oslo.map(|t| t.fixed_offset())
                    .unwrap_or_else(|| chrono::Utc.from_utc_datetime(&at).fixed_offset())
            }
            None => chrono::Utc::now().with_timezone(&chrono_tz::Europe::Oslo).fixed_offset(),
        };
        let colour = colour_allowed();
        Setup {
            command,
            lang,
            lang_given: globals.lang.is_some(),
            today: globals.today.unwrap_or_else(oslo_today),
            now,
            out: Sink::new(
                colour && std::io::stdout().is_terminal(),
                colour && std::io::stderr().is_terminal(),
            ),
            interactive: std::io::stdin().is_terminal()
                || std::env::var("RT_INTERACTIVE").is_ok_and(|v| v == "1"),
        }
    }

    /// Writes a message for the person at the terminal (stderr).
    pub fn note(&self, text: impl Into<crate::output::Styled>) {
        self.out.note(text);
    }

    /// Writes the command's output (stdout).
    pub fn print(&self, text: &str) -> Result<(), Error> {
        self.out.print(text)
    }

    /// Tells a warning, in the one message format.
    pub fn warn(&self, problem: &Problem) {
        self.out.note(crate::diagnostic::render_message(
            crate::diagnostic::Severity::Warning,
            None,
            problem,
            None,
            self.lang,
        ));
    }

    /// A secret from the environment (the mail server's password), by the variable's name;
    /// `None` when unset or empty.
    pub fn secret(&self, name: &str) -> Option<String> {
        std::env::var(name).ok().filter(|v| !v.is_empty())
    }
}

/// A command's surroundings inside a team folder.
pub struct Session {
    setup: Setup,
    /// The team folder.
    pub team: TeamDir,
    /// `rt.toml` as read (once).
    config: load::ConfigRead,
}

impl std::ops::Deref for Session {
    type Target = Setup;

    fn deref(&self) -> &Setup {
        &self.setup
    }
}

impl Session {
    /// Finds the team folder — `--dir`, else `RT_DIR`, else the nearest folder upwards from
    /// the working directory that holds `rt.toml` — and reads its `rt.toml` (or takes the
    /// reading [`Early`] made of the same folder).
    pub fn open(early: Early, globals: &Globals, command: &'static str) -> Result<Session, Error> {
        let team = match &globals.dir {
            Some(dir) => {
                if !dir.join(crate::store::CONFIG_FILE).is_file() {
                    return Err(Problem::NotATeamFolder { dir: dir.display().to_string() }.into());
                }
                TeamDir::new(dir)
            }
            None => {
                let start = std::env::current_dir().map_err(|e| Error::read(&PathBuf::from("."), e))?;
                TeamDir::find_upwards(&start)
                    .ok_or(Problem::NoTeamFolder { start: start.display().to_string() })?
            }
        };
        let config = match early.team {
            Some((seen, read)) if seen.root() == team.root() => read,
            _ => load::config(&team)?,
        };
        let lang = globals.lang.or(config.language).unwrap_or_default();
        Ok(Session { setup: Setup::new(globals, lang, command), team, config })
    }

    /// The team's configuration, for a command that cannot work with errors in it: the
    /// errors stop the command (they are shown with the error).
    pub fn config(&self) -> Result<&Config, Error> {
        let errors: Vec<Diagnostic> = self.config.diags.iter().filter(|d| d.is_error()).cloned().collect();
        match &self.config.config {
            Some(c) if errors.is_empty() => Ok(c),
            _ => Err(Error::invalid_file(crate::store::CONFIG_FILE, errors)),
        }
    }

    /// `rt.toml` as read, errors and all (for `rt check` and `rt sync`).
    pub fn config_read(&self) -> (Option<&Config>, &[Diagnostic]) {
        (self.config.config.as_ref(), &self.config.diags)
    }

    /// Starts a change of the team folder: waits for the team lock, and refuses while a git
    /// rebase or merge is unfinished. See [`Transaction`].
    pub fn transaction(&self) -> Result<Transaction<'_>, Error> {
        let auto_commit = self.config.config.as_ref().is_some_and(|c| c.auto_commit);
        Transaction::begin(&self.team, self.command, auto_commit)
    }
}
