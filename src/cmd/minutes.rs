//! `rt minutes`: the draft referat of each case of a meeting, or of one case (R8–R10), as
//! Markdown with a Pandoc metadata block (for DOCX/PDF in the unit's archive) or as a
//! self-contained printable HTML page.
//!
//! The referat names who archives it (the referring unit) and who gets a copy: only the
//! units the user consented to, none for an anonymous case or a withdrawn consent. Files
//! are named by meeting date and case id only, never by anything about the user.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::cli::date_arg;
use crate::error::Error;
use crate::model::{Case, Config, Meeting};
use crate::problem::Problem;
use crate::render::agenda::{PersonView, person};
use crate::render::{self, Templates, minutes};
use crate::session::Session;
use crate::store::atomic::{self, Privacy};
use crate::store::{cases, load};
use crate::suggest;

/// Output formats of `rt minutes`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// Markdown with a YAML block (Pandoc turns it into DOCX or PDF).
    #[default]
    Md,
    /// One self-contained, printable HTML page.
    Html,
}

impl Format {
    fn ext(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Html => "html",
        }
    }
}

/// Flags of `rt minutes`.
#[derive(clap::Args, Debug)]
#[command(after_help = "Eksempler:
  rt minutes 2026-11-16-mcax                     ett referat til skjermen (Markdown)
  rt minutes --meeting 2026-12-08 --out referater/ --absent 'Eirik Moen'
  rt minutes 2026-11-16-mcax --format html --out referater/
  pandoc referater/referat-2026-12-08-2026-11-16-mcax.md -o referat.docx")]
#[command(group(clap::ArgGroup::new("which").args(["id", "meeting"]).required(true)))]
pub struct Args {
    /// Saks-id (ett referat)
    #[arg(value_name = "ID")]
    pub id: Option<String>,
    /// Alle sakene på møtet denne datoen
    #[arg(long, value_name = "DATO", value_parser = date_arg)]
    pub meeting: Option<NaiveDate>,
    /// Utdata: md (Markdown for Pandoc) eller html (til utskrift)
    #[arg(long, value_name = "FORMAT", default_value = "md")]
    pub format: Format,
    /// Mappe å skrive referatene til, én fil per sak
    #[arg(long, value_name = "MAPPE")]
    pub out: Option<PathBuf>,
    /// Et fast medlem som ikke var til stede (kan gjentas)
    #[arg(long, value_name = "NAVN")]
    pub absent: Vec<String>,
}

/// Runs `rt minutes`.
pub fn run(args: Args, ctx: &Session) -> Result<i32, Error> {
    let config = ctx.config()?;
    let lang = ctx.lang;
    let (bank, _) = load::tiltaksbank(&ctx.team, Some(config))?;

    let (date, mut chosen): (NaiveDate, Vec<Case>) = match (&args.id, args.meeting) {
        (Some(id), meeting) => {
            let case = cases::open(&ctx.team, id)?.case;
            let date = meeting
                .or(case.meeting)
                .or(case.outcome.as_ref().map(|o| o.date))
                .ok_or_else(|| Error::Stop(Problem::NotInAMeeting { id: case.id.to_string() }))?;
            (date, vec![case])
        }
        (None, meeting) => {
            let date = meeting.ok_or_else(|| Error::Stop(Problem::Missing { key: "--meeting".into() }))?;
            let (all, diags) = load::cases(&ctx.team);
            super::warn_unreadable_cases(ctx, &diags, super::LEFT_OUT);
            let here: Vec<Case> =
                all.into_iter().map(|c| c.case).filter(|c| c.meeting == Some(date)).collect();
            if here.is_empty() {
                return Err(Error::Stop(Problem::NoCasesInMeeting { date }));
            }
            (date, here)
        }
    };
    chosen.sort_by_key(|c| c.id);
    let meeting = meeting_on(ctx, config, date)?;
    let (present, absent) = attendance(config, &args.absent)?;

    let templates = Templates::load(&ctx.team)?;
    let template = render::file("minutes", lang, args.format.ext());
    let mut documents = Vec::new();
    for case in &chosen {
        let guests = case.invite.iter().map(|n| person(config, n)).collect();
        let inputs = minutes::Inputs {
            config,
            bank: &bank,
            meeting: &meeting,
            present: present.clone(),
            absent: absent.clone(),
            guests,
        };
        let view = minutes::view(case, inputs, lang);
        let name = format!("{}-{date}-{}.{}", lang.pick("referat", "minutes"), case.id, args.format.ext());
        documents.push((name, templates.render(&template, &view)?));
    }

    match &args.out {
        None if documents.len() == 1 => ctx.print(&documents[0].1)?,
        None => return Err(Error::Stop(Problem::NeedsOutFolder { count: documents.len() })),
        Some(dir) => {
            crate::store::paths::check_output(dir)?;
            // The referat holds health information: the folder and files are for the owner only.
            atomic::create_dirs(dir, Privacy::Private).map_err(|e| Error::write(dir, e))?;
            let mut listing = String::new();
            for (name, text) in &documents {
                let path = dir.join(name);
                crate::store::paths::write_output(&path, text.as_bytes(), Privacy::Private)?;
                listing.push_str(&format!("{}\n", path.display()));
            }
            ctx.print(&listing)?;
            ctx.note(lang.pick(
                format!(
                    "{} skrevet. Arkiveres hos den enheten som meldte saken.",
                    crate::lang::count(documents.len(), "referat", "referater")
                ),
                format!(
                    "{} written. They are archived at the unit that referred the case.",
                    crate::lang::count(documents.len(), "set of minutes", "sets of minutes")
                ),
            ));
        }
    }
    Ok(0)
}

/// The meeting on a date: from the schedule, or — for a meeting the current rules no longer
/// give (history) — the team's usual time and place.
fn meeting_on(ctx: &Session, config: &Config, date: NaiveDate) -> Result<Meeting, Error> {
    let meetings = load::meetings_around(&ctx.team, config, date, None)?;
    Ok(meetings.into_iter().find(|m| m.date == date).unwrap_or_else(|| Meeting {
        date,
        start: config.meetings.start,
        minutes: config.meetings.minutes,
        place: config.meetings.place.clone(),
        uid: crate::model::meeting::uid_for(&config.team, date),
        sequence: 0,
        cancelled: None,
        moved_from: None,
    }))
}

/// The standing members present and absent; an unknown absent name is refused.
fn attendance(config: &Config, absent: &[String]) -> Result<(Vec<PersonView>, Vec<PersonView>), Error> {
    for name in absent {
        if config.member(name).is_none() {
            let suggestion = suggest::closest(name, config.members.iter().map(|m| m.name.as_str()));
            return Err(Error::Stop(Problem::UnknownMember { name: name.clone(), suggestion }));
        }
    }
    let (mut present, mut away) = (Vec::new(), Vec::new());
    for m in &config.members {
        let p = PersonView {
            name: m.name.clone(),
            email: m.email.clone(),
            unit: config.unit_name(&m.unit).to_string(),
        };
        if absent.iter().any(|a| a.trim().eq_ignore_ascii_case(&m.name)) {
            away.push(p);
        } else {
            present.push(p);
        }
    }
    Ok((present, away))
}
