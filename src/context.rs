//! What every command needs to know before it starts: the team folder, today's date and the
//! language. This is the only place that reads the clock and the environment.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::error::Error;
use crate::lang::Lang;
use crate::store::{CONFIG_FILE, TeamDir};

/// The global flags, as given.
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

/// A command's surroundings.
pub struct Context {
    /// The moment the command runs (for a mail's Date): the clock, or 08:00 in Oslo on the
    /// day `--today` gives, so output stays deterministic under test.
    pub now: chrono::DateTime<chrono::FixedOffset>,
    /// The team folder.
    pub team: TeamDir,
    /// Today (from `--today`, `RT_TODAY`, or the clock in Europe/Oslo).
    pub today: NaiveDate,
    /// The language for messages; set from `rt.toml` once it is read, unless given.
    pub lang: Lang,
    /// Whether the language was given on the command line (and so beats `rt.toml`).
    pub lang_given: bool,
}

impl Context {
    /// Finds the team folder: `--dir`, else `RT_DIR`, else the nearest folder upwards from
    /// the working directory that holds `rt.toml`.
    pub fn resolve(globals: &Globals) -> Result<Context, Error> {
        let team = match &globals.dir {
            Some(dir) => {
                if !dir.join(CONFIG_FILE).is_file() {
                    return Err(Error::NotATeamFolder { dir: dir.clone() });
                }
                TeamDir::new(dir)
            }
            None => {
                let start = std::env::current_dir().map_err(|e| Error::read(&PathBuf::from("."), e))?;
                TeamDir::find_upwards(&start).ok_or(Error::NoTeamFolder { start })?
            }
        };
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
        Ok(Context {
            now,
            team,
            today: globals.today.unwrap_or_else(oslo_today),
            lang: globals.lang.unwrap_or_default(),
            lang_given: globals.lang.is_some(),
        })
    }

    /// A secret from the environment (the mail server's password), by the variable's name;
    /// `None` when unset or empty.
    pub fn secret(&self, name: &str) -> Option<String> {
        std::env::var(name).ok().filter(|v| !v.is_empty())
    }

    /// Adopts the team's configured language unless one was given on the command line.
    pub fn adopt_language(&mut self, configured: Lang) {
        if !self.lang_given {
            self.lang = configured;
        }
    }
}
