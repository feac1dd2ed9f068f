//! `rt frister`: what is due (R14) — for the leader, or for one stafettholder — as a list that
//! says what to do and the command that does it, as JSON for scripts, or as all-day calendar
//! items (ids and what is due only, never initials). See `rules::due`.

use std::path::PathBuf;

use chrono::{NaiveDate, TimeZone, Utc};
use icalendar::{Component, Event, EventLike};
use serde::Serialize;

use crate::error::Error;
use crate::lang::Lang;
use crate::model::dates::Half;
use crate::model::{Case, Meeting};
use crate::rules::due::{self, Due, DueKind};
use crate::session::Session;
use crate::store::atomic::Privacy;
use crate::store::load;

/// Output formats of `rt frister`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// A readable list.
    #[default]
    Text,
    /// JSON for scripts.
    Json,
    /// An iCalendar file of all-day items.
    Ics,
}

/// Flags of `rt frister`.
#[derive(clap::Args, Debug)]
#[command(after_help = "Eksempler:
  rt frister                          det som er forfalt, og det som forfaller de neste 7 dagene
  rt frister --within 30 --holder 'Samira Aziz'
  rt frister --format ics --out frister.ics

Listen tar med innkallinger (en uke før møtet), møter uten registrert utfall, beslutninger som
har ventet for lenge ([followup] decision_days i rt.toml, standard 14), evalueringer, overføringer
av stafetten som ikke er tatt imot, samtykker som går ut, og saker som skal anonymiseres.")]
pub struct Args {
    /// Hvor mange dager framover, 0–3660 (standard 7)
    #[arg(long, value_name = "DAGER", default_value_t = 7, value_parser = crate::cli::number_arg::<u32>(0, 3660))]
    pub within: u32,
    /// Bare det som gjelder denne stafettholderen
    #[arg(long, value_name = "NAVN")]
    pub holder: Option<String>,
    /// Utdata: text, json eller ics
    #[arg(long, value_name = "FORMAT", default_value = "text")]
    pub format: Format,
    /// Skriv til denne filen i stedet for til skjermen
    #[arg(long, value_name = "FIL")]
    pub out: Option<PathBuf>,
}

/// One due thing for scripts: stable English field names.
#[derive(Serialize)]
struct DueView {
    date: String,
    overdue: bool,
    kind: &'static str,
    case: Option<String>,
    meeting: Option<String>,
    measure: Option<String>,
    holder: Option<String>,
    what: String,
    command: String,
}

/// Runs `rt frister`.
pub fn run(args: Args, ctx: &Session) -> Result<i32, Error> {
    let config = ctx.config()?;
    let (lang, today) = (ctx.lang, ctx.today);
    let (loaded, diags) = load::cases(&ctx.team);
    super::warn_unreadable_cases(ctx, &diags, super::LEFT_OUT);
    let cases: Vec<Case> = loaded.into_iter().map(|c| c.case).collect();
    let mut meetings: Vec<Meeting> = Vec::new();
    for half in [Half::of(today), Half::of(today).next()] {
        meetings.extend(load::schedule_or_stop(&ctx.team, config, half)?.meetings);
    }
    let mut all = due::due(&cases, &meetings, config, today, args.within);
    if let Some(name) = &args.holder {
        all = due::for_holder(all, name);
    }
    let text = match args.format {
        Format::Text => text(&all, today, lang),
        Format::Json => super::to_json(&all.iter().map(|d| view(d, today, lang)).collect::<Vec<_>>()),
        Format::Ics => ics(&config.team, &all, today, lang),
    };
    super::write_or_print(ctx, args.out.as_deref(), &text, Privacy::Private)?;
    if args.format == Format::Text && all.is_empty() {
        ctx.note(lang.pick(
            format!("Ingenting forfaller de neste {} dagene.", args.within),
            format!("Nothing is due in the next {} days.", args.within),
        ));
    }
    Ok(0)
}

/// What to do, in words, and the command that does it.
fn describe(d: &Due, lang: Lang) -> (String, String) {
    let id = d.case.map(|c| c.to_string()).unwrap_or_default();
    let meeting = d.meeting.map(|m| m.to_string()).unwrap_or_default();
    let measure = d.measure.clone().unwrap_or_default();
    match d.kind {
        DueKind::Invitation => (
            {
                let cases = lang.count(d.count, ("sak", "saker"), ("case", "cases"));
                lang.pick(
                    format!("Send innkallingen til møtet {meeting} ({cases})"),
                    format!("Send the invitation to the meeting on {meeting} ({cases})"),
                )
            },
            format!("rt agenda --meeting {meeting} --send"),
        ),
        DueKind::OutcomeMissing => (
            lang.pick(
                format!("Lagre teamets vurdering av {id} fra møtet {meeting}"),
                format!("Record the team's outcome for {id} from the meeting on {meeting}"),
            ),
            format!("rt record {id} --assessment … --next-step …"),
        ),
        DueKind::DecisionLate => (
            lang.pick(
                format!("Hør med brukeren om beslutningen i {id}"),
                format!("Ask the user for the decision in {id}"),
            ),
            format!("rt decide {id} --accept … --decline …"),
        ),
        DueKind::Evaluation => (
            lang.pick(
                format!("Evaluer tiltaket {measure} i {id}"),
                format!("Evaluate the measure {measure} in {id}"),
            ),
            format!("rt plan {id} --evaluated {measure} --result continue|change|stop --note …"),
        ),
        DueKind::Handover => (
            lang.pick(
                format!("Ta imot (eller avslå) stafetten i {id}"),
                format!("Accept (or decline) the stafett in {id}"),
            ),
            format!("rt stafett {id} --accept"),
        ),
        DueKind::ConsentExpires => (
            lang.pick(
                format!("Samtykket i {id} går ut; forny det med brukeren, eller drøft saken anonymt"),
                format!(
                    "The consent in {id} runs out; renew it with the user, or discuss the case anonymously"
                ),
            ),
            format!("rt show {id}"),
        ),
        DueKind::Purge => (
            lang.pick(
                format!("Anonymiser {id} (oppbevaringstiden er ute)"),
                format!("Anonymise {id} (the retention period is over)"),
            ),
            "rt purge".to_string(),
        ),
    }
}

fn view(d: &Due, today: NaiveDate, lang: Lang) -> DueView {
    let (what, command) = describe(d, lang);
    DueView {
        date: d.date.to_string(),
        overdue: d.date < today,
        kind: d.kind.code(),
        case: d.case.map(|c| c.to_string()),
        meeting: d.meeting.map(|m| m.to_string()),
        measure: d.measure.clone(),
        holder: d.holder.clone(),
        what,
        command,
    }
}

fn text(all: &[Due], today: NaiveDate, lang: Lang) -> String {
    let mut out = String::new();
    for d in all {
        let (what, command) = describe(d, lang);
        let when = if d.date < today { lang.pick("forfalt ", "overdue ") } else { "" };
        let holder = d.holder.as_ref().map(|h| format!(" [{h}]")).unwrap_or_default();
        out.push_str(&format!("{} {when}{what}{holder}\n    {command}\n", d.date));
    }
    out
}

/// The due things as all-day calendar items: ids and what is due, never anything about a user.
fn ics(team: &str, all: &[Due], today: NaiveDate, lang: Lang) -> String {
    let mut cal =
        crate::schedule::ics::published(&lang.pick(format!("{team}: frister"), format!("{team}: due")));
    let stamp = Utc.from_utc_datetime(&today.and_hms_opt(0, 0, 0).expect("midnight exists"));
    for d in all {
        let (what, command) = describe(d, lang);
        let key = d.case.map(|c| c.to_string()).or(d.meeting.map(|m| m.to_string())).unwrap_or_default();
        let measure = d.measure.as_deref().map(|m| format!("-{m}")).unwrap_or_default();
        let uid = format!("{}-{key}{measure}-{}@due.rt", d.kind.code(), d.date.format("%Y%m%d"));
        let mut event = Event::new();
        event
            .uid(&uid)
            .timestamp(stamp)
            // An all-day item ends the next day (RFC 5545 3.6.1: DTEND is exclusive).
            .starts(d.date)
            .ends(d.date.succ_opt().unwrap_or(d.date))
            .summary(&format!("rt: {what}"))
            .description(&command);
        cal.push(event.done());
    }
    cal.done().to_string()
}
