//! `rt agenda`: the invitation for a meeting (R7), from templates — as text, as `.eml`
//! drafts that Outlook opens ready to send, or sent through the team's mail server.
//!
//! It carries the users' initials and birth dates and nothing more about them: the view a
//! template gets has no situation texts to leak (see `render::agenda`), and no identity once
//! a consent has lapsed. The standing members get one mail with every case; everyone else
//! invited — the employee who brings a case, a contact the user wants there — gets a mail of
//! their own with only that case and its time (see [`mails`]). A case file with errors is
//! left out, named in a warning.

mod mails;
mod send;

use std::path::{Path, PathBuf};

use chrono::{Duration, NaiveDate};

use crate::cli::date_arg;
use crate::error::Error;
use crate::mail;
use crate::model::{CaseSummary, Meeting};
use crate::problem::Problem;
use crate::render::{Templates, agenda};
use crate::rules::consent;
use crate::rules::invitation::{self, Role};
use crate::schedule::placement::{self, Load};
use crate::session::Session;
use crate::store::atomic::Privacy;
use crate::store::{load, paths};

/// Output formats of `rt agenda`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// The mail as text.
    #[default]
    Text,
    /// An e-mail message (RFC 5322) that opens as an unsent draft.
    Eml,
}

/// Flags of `rt agenda`.
#[derive(clap::Args, Debug)]
#[command(after_help = "Eksempler:
  rt agenda                              innkallingen til neste møte
  rt agenda --meeting 2027-01-12 --format eml --out innkalling.eml
  rt agenda --send --dry-run                    hvem som ville fått den, uten å sende
  RT_SMTP_PASSORD=... rt agenda --send          send via e-posttjeneren i rt.toml ([mail])

De faste medlemmene får én e-post med alle sakene. Den som melder en sak og ikke er fast
medlem, og kontaktpersoner brukeren vil ha med, får hver sin e-post med bare sin sak og sitt
klokkeslett; med --format eml er --out da en mappe (ett utkast per e-post).

Malene er templates/agenda.nb.txt og agenda-guest.nb.txt (emnene: agenda-subject.nb.txt og
agenda-guest-subject.nb.txt); en fil med samme navn i team-mappens templates/ erstatter den
innebygde. Variablene: templates/README.md.")]
pub struct Args {
    /// Møtet (dato); standard: neste møte fra i dag
    #[arg(long, value_name = "DATO", value_parser = date_arg)]
    pub meeting: Option<NaiveDate>,
    /// Utdata: text eller eml (e-postutkast)
    #[arg(long, value_name = "FORMAT", default_value = "text", conflicts_with = "send")]
    pub format: Format,
    /// Skriv til denne filen (eller mappen, når det er flere e-poster) i stedet for til skjermen
    #[arg(long, value_name = "FIL", conflicts_with = "send")]
    pub out: Option<PathBuf>,
    /// Send innkallingen via e-posttjeneren i rt.toml ([mail]) og vis svaret for hver mottaker
    #[arg(long)]
    pub send: bool,
    /// Med --send: vis hva som ville blitt sendt, uten å sende
    #[arg(long, requires = "send")]
    pub dry_run: bool,
}

/// Runs `rt agenda`.
pub fn run(args: Args, ctx: &Session) -> Result<i32, Error> {
    let config = ctx.config()?;
    let lang = ctx.lang;
    let meetings = load::meetings_around(&ctx.team, config, ctx.today, args.meeting)?;
    let meeting = choose(&meetings, args.meeting, ctx.today)?;
    let (all, diags) = load::summaries(&ctx.team);
    // The next meeting a case can still be referred to: the next one with room.
    let mut placed = Load::default();
    for c in all.iter().filter_map(|c| c.case.meeting) {
        placed.add(c);
    }
    let capacity = config.meetings.cases_per_meeting;
    let next = placement::with_room(&meetings, meeting.date + Duration::days(1), capacity, &placed)
        .next()
        .map(|m| m.date);
    let here: Vec<_> = all.into_iter().filter(|c| c.case.meeting == Some(meeting.date)).collect();
    let kept = super::valid_cases_of_meeting(ctx, &ctx.team, config, meeting.date, here, &diags)?;
    let cases: Vec<&CaseSummary> = kept.iter().collect();

    // R2 in time: the leader is told of every case whose consent will not reach the meeting.
    let judged = consent::judged_on(Some(meeting.date), ctx.today);
    for c in &cases {
        if let Some((withdrawn, date)) = consent::lapse(*c, judged).and_then(|l| l.dated()) {
            let id = c.id.to_string();
            ctx.warn(&Problem::ConsentLapsesBeforeMeeting { id, meeting: meeting.date, withdrawn, date });
        }
    }
    // R7 per person: everyone invited who is no standing member gets a mail of their own.
    let guests = invitation::guests(config, &cases);
    for g in guests.iter().filter(|g| g.email().is_none()) {
        for (i, role) in &g.cases {
            ctx.warn(&Problem::GuestWithoutAddress {
                name: g.name.clone(),
                id: cases[*i].id.to_string(),
                referrer: *role == Role::Referrer,
            });
        }
    }

    let view = agenda::view(config, meeting, &cases, &guests, next, ctx.today, lang);
    let templates = Templates::load(&ctx.team)?;
    let mails = mails::build(ctx, &templates, meeting, &view, &guests)?;
    if mails[0].to.is_empty() {
        if args.send {
            return Err(Error::Stop(Problem::NoRecipients));
        }
        ctx.warn(&Problem::NoRecipients);
    }
    if args.send {
        let from = view.leader.as_ref().ok_or(Error::Stop(Problem::NoLeader))?;
        return send::send(ctx, config, from, &mails, args.dry_run);
    }
    match args.format {
        Format::Text => {
            super::write_or_print(ctx, args.out.as_deref(), &mails::text(&mails, lang), Privacy::Private)?
        }
        Format::Eml => {
            let from = view.leader.as_ref().ok_or(Error::Stop(Problem::NoLeader))?;
            drafts(ctx, args.out.as_deref(), from, &mails)?;
        }
    }
    if cases.is_empty() {
        ctx.note(lang.pick(
            format!(
                "Ingen saker til møtet {}; vurder `rt schedule --cancel {} --reason ...`.",
                meeting.date, meeting.date
            ),
            format!(
                "No cases for the meeting on {}; consider `rt schedule --cancel {} --reason ...`.",
                meeting.date, meeting.date
            ),
        ));
    }
    Ok(0)
}

/// `--format eml`: one draft to stdout or a file, or — with guests — one draft per mail in
/// the folder `--out` names.
fn drafts(
    ctx: &Session,
    out: Option<&Path>,
    from: &agenda::PersonView,
    mails: &[mails::Mail],
) -> Result<(), Error> {
    let mut files = Vec::with_capacity(mails.len());
    for m in mails {
        files.push((m.file.clone(), mail::eml(&m.draft(from, ctx))?));
    }
    let several = Problem::SeveralMails { count: files.len() };
    match out {
        None if files.len() == 1 => ctx.print(&String::from_utf8_lossy(&files[0].1)),
        None => Err(several.into()),
        Some(path) if !paths::is_folder(path) && files.len() == 1 => {
            super::write_or_print(ctx, Some(path), &String::from_utf8_lossy(&files[0].1), Privacy::Private)
        }
        Some(path) if !paths::is_folder(path) && path.extension().is_some_and(|e| e == "eml") => {
            Err(several.into())
        }
        Some(dir) => {
            let written = paths::write_into(dir, &files, Privacy::Private)?;
            let listing: String = written.iter().map(|p| format!("{}\n", p.display())).collect();
            ctx.print(&listing)?;
            let lang = ctx.lang;
            ctx.note(lang.pick(
                format!(
                    "{} skrevet i {}.",
                    crate::lang::count(written.len(), "utkast", "utkast"),
                    dir.display()
                ),
                format!(
                    "{} written in {}.",
                    crate::lang::count(written.len(), "draft", "drafts"),
                    dir.display()
                ),
            ));
            Ok(())
        }
    }
}

/// The meeting asked for (it must exist and not be cancelled), or the next one from today.
fn choose(meetings: &[Meeting], asked: Option<NaiveDate>, today: NaiveDate) -> Result<&Meeting, Error> {
    let next: Vec<NaiveDate> =
        meetings.iter().filter(|m| m.is_open() && m.date >= today).take(3).map(|m| m.date).collect();
    match asked {
        None => meetings
            .iter()
            .find(|m| m.is_open() && m.date >= today)
            .ok_or(Error::Stop(Problem::NoMeetingOn { date: today, next })),
        Some(date) => match meetings.iter().find(|m| m.date == date) {
            None => Err(Error::Stop(Problem::NoMeetingOn { date, next })),
            Some(m) if !m.is_open() => Err(Error::Stop(Problem::MeetingCancelled {
                date,
                reason: m.cancelled.clone().unwrap_or_default(),
            })),
            Some(m) => Ok(m),
        },
    }
}
