//! `rt consent ID --withdraw [--then close|anonymous]`: the user takes back their consent
//! (R2). From that day no output shows the user's identity and no unit gets a copy of the
//! minutes, so the case either closes or goes on anonymously: the identity is removed from
//! the file (initials, birth date and consent go; the age band stays for the statistics, and
//! the report counts the case as anonymised later). At a terminal `rt` asks which; without
//! one it says how to choose. `--then` alone makes the choice later, also for a consent that
//! has expired.

use chrono::NaiveDate;

use crate::cli::date_arg;
use crate::error::Error;
use crate::model::dates::{age_band, age_on};
use crate::model::{Case, Status, User};
use crate::problem::Problem;
use crate::prompt::Prompter;
use crate::rules;
use crate::rules::status::{self, Step};
use crate::session::Session;
use crate::store::cases;

/// What happens to a case whose consent has lapsed.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Then {
    /// Close the case.
    Close,
    /// Go on anonymously: the identity is removed from the file.
    Anonymous,
}

/// Flags of `rt consent`.
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Eksempler:\n  rt consent 2026-11-19-kefo --withdraw\n  rt consent 2026-11-19-kefo --withdraw --then anonymous --date 2026-11-20\n  rt consent 2026-11-19-kefo --then close"
)]
#[command(group(clap::ArgGroup::new("what").args(["withdraw", "then"]).required(true).multiple(true)))]
pub struct Args {
    /// Saks-id
    #[arg(value_name = "ID")]
    pub id: String,
    /// Brukeren trekker samtykket tilbake: fra nå av viser ingenting brukerens identitet, og ingen enhet får kopi av referatet
    #[arg(long)]
    pub withdraw: bool,
    /// Hva som skjer med saken når samtykket er borte: close (avslutt) eller anonymous (drøft videre anonymt; identiteten fjernes)
    #[arg(long, value_name = "VALG")]
    pub then: Option<Then>,
    /// Når samtykket ble trukket (standard: i dag)
    #[arg(long, value_name = "DATO", value_parser = date_arg)]
    pub date: Option<NaiveDate>,
}

/// Runs `rt consent`.
pub fn run(args: Args, ctx: &Session) -> Result<i32, Error> {
    let config = ctx.config()?;
    let lang = ctx.lang;
    let date = args.date.unwrap_or(ctx.today);
    // At a terminal the question comes first, before the team lock is taken.
    let then = match args.then {
        Some(then) => Some(then),
        None if args.withdraw && ctx.interactive => {
            withdraw(&mut cases::open(&ctx.team, &args.id)?.case, date)?;
            Some(ask(lang)?)
        }
        None => None,
    };
    let mut tx = ctx.transaction()?;
    let edit = cases::open_in(&tx, &args.id)?;
    let mut case = edit.case.clone();
    let id = case.id.to_string();
    if args.withdraw {
        withdraw(&mut case, date)?;
    }
    if let Some(then) = then {
        // The choice is there only once the consent no longer holds (by the meeting, if later).
        let on = rules::consent::judged_on(case.meeting.filter(|_| case.status == Status::Scheduled), date);
        let Some((withdrawn, day)) = rules::consent::lapse(&case, on).and_then(|l| l.dated()) else {
            return Err(match case.user {
                User::Known { .. } => Problem::ConsentStillValid { id },
                _ => Problem::NoIdentityToRemove { id },
            }
            .into());
        };
        match then {
            Then::Close => close(&mut case, date, super::outcome::lapse_reason(withdrawn, day, lang))?,
            Then::Anonymous => go_on_anonymously(&mut case, date),
        }
    }
    cases::save(&mut tx, &edit, &case)?;
    // The guests who came for the case alone are named no more, in the same change.
    let meetings = match then {
        // The referrer, still named in the case, stays with it.
        Some(Then::Anonymous) => crate::store::meetings_file::forget_cases(
            &mut tx,
            config,
            &[case.id],
            &[case.referrer.name.as_str()],
        )?,
        _ => Vec::new(),
    };
    crate::cmd::commit(ctx, tx)?;
    if args.withdraw {
        ctx.note(lang.pick(
            format!("Samtykket i sak {id} er trukket tilbake {date}. Ingenting viser brukerens identitet lenger, og ingen enhet får kopi av referatet."),
            format!("The consent in case {id} is withdrawn on {date}. Nothing shows the user's identity any more, and no unit gets a copy of the minutes."),
        ));
    }
    match then {
        Some(Then::Close) => ctx.note(
            lang.pick(format!("Saken {id} er avsluttet {date}."), format!("Case {id} is closed on {date}.")),
        ),
        Some(Then::Anonymous) => {
            ctx.note(lang.pick(
                format!("Saken {id} drøftes videre anonymt: initialer, fødselsdato, samtykke og kontaktpersoner er fjernet fra saksfilen."),
                format!("Case {id} goes on anonymously: initials, date of birth, consent and contact persons are removed from the case file."),
            ));
            if !meetings.is_empty() {
                ctx.note(super::purge::guests_taken_out(lang, 1, &meetings));
            }
        }
        None => ctx.warn(&Problem::ConsentLapsedChoose { id }),
    }
    Ok(0)
}

/// Records the withdrawal on `date`.
fn withdraw(case: &mut Case, date: NaiveDate) -> Result<(), Error> {
    let consent = case.consent.as_mut().ok_or(Error::Stop(Problem::NoConsentToWithdraw))?;
    if let Some(when) = consent.withdrawn {
        return Err(Error::Stop(Problem::AlreadyWithdrawn { date: when }));
    }
    if date < consent.date {
        return Err(Error::Stop(Problem::ConsentDatesReversed { key: "--date".into() }));
    }
    consent.withdrawn = Some(date);
    Ok(())
}

/// Asks at the terminal what happens to the case.
fn ask(lang: crate::lang::Lang) -> Result<Then, Error> {
    let mut p = Prompter::terminal(lang);
    p.ask_until(
        lang.pick(
            "Skal saken avsluttes, eller drøftes videre anonymt?",
            "Is the case to be closed, or discussed further anonymously?",
        ),
        Some(lang.pick("avslutt/anonym", "close/anonymous")),
        |answer| match answer.trim().to_lowercase().as_str() {
            "avslutt" | "avslutte" | "a" | "close" | "c" => Ok(Then::Close),
            "anonym" | "anonymt" | "anonymous" | "n" => Ok(Then::Anonymous),
            _ => Err(lang.pick("svar avslutt eller anonym", "answer close or anonymous").to_string()),
        },
    )
}

/// Closes the case because its consent lapsed; a place in a coming meeting is given back.
fn close(case: &mut Case, date: NaiveDate, reason: String) -> Result<(), Error> {
    case.status = status::next(case.status, Step::Close { with_reason: true }).map_err(Error::Stop)?;
    if case.outcome.is_none() && case.meeting.is_some_and(|m| m > date) {
        case.meeting = None;
    }
    case.closed = Some(date);
    case.closed_reason = reason;
    Ok(())
}

/// The case goes on anonymously (R3): the identity, the consent and the named contact persons
/// are removed; the age at referral is kept as a band for the statistics, the age now for the
/// anonymous discussion.
fn go_on_anonymously(case: &mut Case, date: NaiveDate) {
    let (band, age) = match &case.user {
        User::Known { born, .. } => {
            (age_band(Some(age_on(*born, case.referred))), u8::try_from(age_on(*born, date)).ok())
        }
        _ => (case.age_band_at_referral(), None),
    };
    case.age_band = Some(band.to_string());
    case.user = User::Anonymous { age };
    case.consent = None;
    case.invite.clear();
    case.anonymous_since = Some(date);
}
