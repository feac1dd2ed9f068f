//! `rt minutes`: the draft referat of each case of a meeting, or of one case (R8–R10), as
//! Markdown with a Pandoc metadata block (for DOCX/PDF in the unit's archive) or as a
//! self-contained printable HTML page.
//!
//! The referat names who archives it (the referring unit) and who gets a copy: only the
//! units the user consented to, none for an anonymous case or a withdrawn consent. Files
//! are named by meeting date and case id only, never by anything about the user.
//!
//! Who was there is stored with the meeting (see [`attendance`]) the first time a referat of
//! a held meeting is made, or when `--absent`/`--guest` change it, and every later referat
//! of the meeting uses it. A case file with errors is left out, named in a warning; the
//! user's identity is left out once the consent has lapsed; and a draft in `--out` that
//! differs from what rt would write now is not replaced without `--force`.

mod attendance;

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::cli::date_arg;
use crate::error::Error;
use crate::model::{Case, CaseSummary, Config, Meeting};
use crate::problem::Problem;
use crate::render::{self, Templates, minutes};
use crate::rules;
use crate::session::Session;
use crate::store::atomic::Privacy;
use crate::store::{cases, load, paths};

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
  pandoc referater/referat-2026-12-08-2026-11-16-mcax.md -o referat.docx

Hvem som var til stede, lagres med møtet i meetings/HALVÅR.toml første gang referatet lages
etter møtet (eller med --absent/--guest), og brukes i alle senere referater fra møtet.
Et utkast i --out-mappen som er endret, erstattes bare med --force.")]
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
    /// Erstatt utkast i --out-mappen selv om de er endret siden rt skrev dem
    #[arg(long, requires = "out")]
    pub force: bool,
    /// Et fast medlem, eller en invitert gjest, som ikke var til stede (kan gjentas; lagres med møtet)
    #[arg(long, value_name = "NAVN")]
    pub absent: Vec<String>,
    /// En gjest som var til stede, fra [[contacts]] i rt.toml (kan gjentas; lagres med møtet)
    #[arg(long, value_name = "NAVN")]
    pub guest: Vec<String>,
}

/// Runs `rt minutes`.
pub fn run(args: Args, ctx: &Session) -> Result<i32, Error> {
    let config = ctx.config()?;
    let lang = ctx.lang;
    let (bank, _) = load::tiltaksbank(&ctx.team, Some(config))?;

    let (date, mut chosen): (NaiveDate, Vec<Case>) = match (&args.id, args.meeting) {
        (Some(id), meeting) => {
            let edit = cases::open(&ctx.team, id)?;
            // Nothing invalid is ever rendered.
            let judged = load::tiltaksbank_for_rules(&ctx.team, Some(config))?;
            let errors =
                super::check::case_file_errors(&ctx.team, &edit.rel, config, judged.as_ref(), ctx.today);
            if !errors.is_empty() {
                return Err(Error::invalid_file(&edit.rel, errors));
            }
            let case = edit.case;
            let date = meeting
                .or(case.meeting)
                .or(case.outcome.as_ref().map(|o| o.date))
                .ok_or_else(|| Error::Stop(Problem::NotInAMeeting { id: case.id.to_string() }))?;
            (date, vec![case])
        }
        (None, meeting) => {
            let date = meeting.ok_or_else(|| Error::Stop(Problem::Missing { key: "--meeting".into() }))?;
            let (all, diags) =
                load::cases_for(&ctx.team, &load::Need { meeting: Some(date), ..Default::default() });
            let here: Vec<_> = all.into_iter().filter(|c| c.case.meeting == Some(date)).collect();
            let kept = super::valid_cases_of_meeting(ctx, &ctx.team, config, date, here, &diags)?;
            if kept.is_empty() {
                return Err(Error::Stop(Problem::NoCasesInMeeting { date }));
            }
            (date, kept)
        }
    };
    chosen.sort_by_key(|c| c.id);
    let meeting = meeting_on(ctx, config, date)?;

    // Who was there: as stored, else as expected, changed by --absent and --guest.
    let (summaries, _) =
        load::summaries_for(&ctx.team, &load::Need { meeting: Some(date), ..Default::default() });
    let in_meeting: Vec<CaseSummary> =
        summaries.into_iter().map(|l| l.case).filter(|c| c.meeting == Some(date)).collect();
    let guests = attendance::guests_of(config, &in_meeting);
    let att = rules::attendance::resolve(
        config,
        &attendance::expected(&guests, &in_meeting),
        meeting.attendance.as_ref(),
        &args.absent,
        &args.guest,
    )
    .map_err(Error::Stop)?;
    let given = !args.absent.is_empty() || !args.guest.is_empty();
    let store = meeting.attendance.as_ref() != Some(&att) && (given || date <= ctx.today);

    let templates = Templates::load(&ctx.team)?;
    let template = render::file("minutes", lang, args.format.ext());
    let judged = rules::consent::judged_on(Some(date), ctx.today);
    let mut documents = Vec::new();
    for case in &chosen {
        let (present, absent, case_guests) = attendance::of_case(config, &att, &guests, &in_meeting, case.id);
        let inputs = minutes::Inputs {
            config,
            bank: &bank,
            meeting: &meeting,
            present,
            absent,
            guests: case_guests,
            identity: rules::consent::identity_allowed(case, judged),
        };
        let view = minutes::view(case, inputs, lang);
        let name = format!("{}-{date}-{}.{}", lang.pick("referat", "minutes"), case.id, args.format.ext());
        documents.push((name, templates.render(&template, &view)?));
    }

    // Every refusal comes before anything (the attendance included) is stored: more than
    // one referat needs a folder, the drafts must have a place there, and an edited draft is
    // never replaced without --force.
    if args.out.is_none() && documents.len() > 1 {
        return Err(Error::Stop(Problem::NeedsOutFolder { count: documents.len() }));
    }
    if let Some(dir) = &args.out {
        paths::check_into(dir, documents.iter().map(|(name, _)| name.as_str()))?;
    }
    if let Some(dir) = &args.out
        && !args.force
    {
        let mut differ = Vec::new();
        for (name, text) in &documents {
            let path = dir.join(name);
            if paths::existing_text(&path)?.is_some_and(|old| old != *text) {
                differ.push(path.display().to_string());
            }
        }
        if !differ.is_empty() {
            return Err(Problem::DraftsDiffer { files: differ }.into());
        }
    }
    if store {
        attendance::store(ctx, config, date, &att)?;
    }

    match &args.out {
        None => {
            for (_, text) in &documents {
                ctx.print(text)?;
            }
        }
        Some(dir) => {
            // The referat holds health information: the folder and files are for the owner only.
            let files: Vec<(String, Vec<u8>)> =
                documents.into_iter().map(|(name, text)| (name, text.into_bytes())).collect();
            let written = paths::write_into(dir, &files, Privacy::Private)?;
            let listing: String = written.iter().map(|p| format!("{}\n", p.display())).collect();
            ctx.print(&listing)?;
            ctx.note(lang.pick(
                format!(
                    "{} skrevet. Arkiveres hos den enheten som meldte saken.",
                    crate::lang::count(written.len(), "referat", "referater")
                ),
                format!(
                    "{} written. They are archived at the unit that referred the case.",
                    crate::lang::count(written.len(), "set of minutes", "sets of minutes")
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
        attendance: None,
    }))
}
