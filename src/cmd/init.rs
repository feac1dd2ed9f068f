//! `rt init [DIR]`: a new team folder with a commented `rt.toml`, an empty but documented
//! `tiltaksbank.toml`, `cases/` and a `.gitignore`. It never overwrites anything.

use std::path::PathBuf;

use crate::error::Error;
use crate::lang::Lang;
use crate::problem::Problem;
use crate::session::Setup;
use crate::store::atomic::{self, Privacy};
use crate::store::transaction::Transaction;
use crate::store::{CASES_DIR, CONFIG_FILE, TILTAK_FILE, TeamDir};

/// The commented files of a new team folder: (Norwegian, English).
const CONFIG_TEMPLATE: (&str, &str) =
    (include_str!("../assets/rt.toml"), include_str!("../assets/rt.en.toml"));
const TILTAK_TEMPLATE: (&str, &str) =
    (include_str!("../assets/tiltaksbank.toml"), include_str!("../assets/tiltaksbank.en.toml"));
const GITIGNORE: (&str, &str) = (include_str!("../assets/gitignore"), include_str!("../assets/gitignore.en"));

fn pick(lang: Lang, texts: (&'static str, &'static str)) -> &'static str {
    lang.pick(texts.0, texts.1)
}

/// Flags of `rt init`.
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Eksempler:\n  rt init ressursteam\n  rt init . --team 'Ressursteam Familiesenter Nordby' --leader 'Ingrid Dahl' --email ingrid.dahl@kommune.no"
)]
pub struct Args {
    /// Mappen som skal bli team-mappe (lages om den ikke finnes)
    #[arg(value_name = "MAPPE", default_value = ".")]
    pub dir: PathBuf,
    /// Teamets navn
    #[arg(long, value_name = "NAVN", default_value = "Ressursteam Familiesenter")]
    pub team: String,
    /// Lederens navn (kommunepsykologen)
    #[arg(long, value_name = "NAVN", requires = "email")]
    pub leader: Option<String>,
    /// Lederens e-postadresse
    #[arg(long, value_name = "E-POST", requires = "leader")]
    pub email: Option<String>,
}

/// The text of a new `rt.toml`, its comments in a language (which it also sets).
pub fn config_text(team: &str, leader: Option<(&str, &str)>, lang: Lang) -> String {
    // The leader sits in the team as its first standing member.
    let members = match leader {
        Some((name, email)) => format!(
            "\n[[members]]\nname = {}\nemail = {}\nunit = \"kommunepsykolog\"\n",
            toml_edit::Value::from(name),
            toml_edit::Value::from(email)
        ),
        None => String::new(),
    };
    let leader = match leader {
        Some((name, email)) => format!(
            "[leader]\nname = {}\nemail = {}\nunit = \"kommunepsykolog\"\n",
            toml_edit::Value::from(name),
            toml_edit::Value::from(email)
        ),
        None => lang
            .pick(
                "# [leader]\n# name = \"Navn Navnesen\"\n# email = \"navn.navnesen@kommune.no\"\n# unit = \"kommunepsykolog\"\n",
                "# [leader]\n# name = \"Name Namesen\"\n# email = \"name.namesen@kommune.no\"\n# unit = \"kommunepsykolog\"\n",
            )
            .into(),
    };
    let team = toml_edit::Value::from(team).to_string();
    pick(lang, CONFIG_TEMPLATE)
        .replace("\"{{team}}\"", team.trim())
        .replace("{{leader}}", &leader)
        .replace("{{members}}", &members)
}

/// Runs `rt init`.
pub fn run(args: &Args, setup: &Setup) -> Result<i32, Error> {
    let lang = setup.lang;
    let dir = &args.dir;
    for name in [CONFIG_FILE, TILTAK_FILE, CASES_DIR] {
        let path = dir.join(name);
        if crate::store::paths::exists(&path) {
            return Err(Problem::AlreadyExists { path: path.display().to_string() }.into());
        }
    }
    for (field, value) in [
        ("team", Some(&args.team)),
        ("leader.name", args.leader.as_ref()),
        ("leader.email", args.email.as_ref()),
    ] {
        let key = crate::model::Field::Key(field.into());
        if let Some(problem) = value.and_then(|v| crate::rules::text::character_problem(&key, v, true)) {
            return Err(problem.into());
        }
        if value.is_some_and(|v| crate::rules::national_id::contains_national_id(v)) {
            return Err(Problem::NationalId { field: crate::model::Field::Key(field.into()) }.into());
        }
    }
    let leader = args.leader.as_deref().zip(args.email.as_deref());
    let config = config_text(&args.team, leader, lang);
    atomic::create_dirs(dir, Privacy::Shared).map_err(|e| Error::write(dir, e))?;
    let team = TeamDir::new(dir);
    // The new rt.toml commits automatically (see its [git] part).
    let mut tx = Transaction::begin(&team, "init", true)?;
    tx.create(CONFIG_FILE, config, Privacy::Shared);
    tx.create(TILTAK_FILE, pick(lang, TILTAK_TEMPLATE), Privacy::Shared);
    tx.create_folder(CASES_DIR, Privacy::Private);
    // A .gitignore of the folder's own keeps what it says, and gains rt's two lines.
    match tx.read(".gitignore")? {
        None => tx.create(".gitignore", pick(lang, GITIGNORE), Privacy::Shared),
        Some(old) => {
            let has = |pattern: &str| old.lines().any(|l| l.trim() == pattern);
            if !has("*.rt-tmp") || !has(".rt.lock") {
                let sep = if old.is_empty() || old.ends_with('\n') { "" } else { "\n" };
                let added = format!("{old}{sep}{}", pick(lang, GITIGNORE));
                tx.replace(".gitignore", &old, added, Privacy::Shared);
            }
        }
    }
    let done = tx.commit()?;
    setup.note(lang.pick(
        format!(
            "Ny team-mappe i {}.\nNeste steg: fyll inn leder, medlemmer, møtetid og skoleferier i rt.toml, legg tiltak i tiltaksbank.toml, og kjør `rt check`.",
            dir.display()
        ),
        format!(
            "New team folder in {}.\nNext: fill in the leader, members, meeting time and school holidays in rt.toml, add measures to tiltaksbank.toml, and run `rt check`.",
            dir.display()
        ),
    ));
    crate::cmd::tell_git(setup, done.git);
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{config_file, tiltak_file};

    #[test]
    fn the_new_config_reads_without_errors() {
        for (leader, lang) in [None, Some(("Ingrid \"Inga\" Dahl", "ingrid@kommune.no"))]
            .into_iter()
            .flat_map(|l| [(l, Lang::Nb), (l, Lang::En)])
        {
            let text = config_text("Ressursteam \"Nord\"", leader, lang);
            let (config, diags) = config_file::read("rt.toml", &text);
            let errors: Vec<_> = diags.iter().filter(|d| d.is_error()).collect();
            assert!(errors.is_empty(), "{errors:?}\n{text}");
            let config = config.expect("usable");
            assert_eq!(config.team, "Ressursteam \"Nord\"");
            assert_eq!(config.units.len(), 6);
            assert_eq!(config.leader.is_some(), leader.is_some());
            assert_eq!(config.language, lang);
            assert_eq!(config.meetings.weekday, chrono::Weekday::Tue);
        }
    }

    #[test]
    fn the_new_tiltaksbank_reads_without_problems() {
        for text in [TILTAK_TEMPLATE.0, TILTAK_TEMPLATE.1] {
            let (bank, diags) = tiltak_file::read("tiltaksbank.toml", text, None);
            assert!(diags.is_empty(), "{diags:?}");
            assert!(bank.measures.is_empty());
        }
    }
}
