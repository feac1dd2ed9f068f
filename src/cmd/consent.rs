//! `rt consent ID --withdraw`: the user takes back their consent (R2). From then on no copy
//! of the minutes goes to any unit, and the minutes say so.

use chrono::NaiveDate;

use crate::cli::date_arg;
use crate::error::Error;
use crate::problem::Problem;
use crate::session::Session;
use crate::store::cases;

/// Flags of `rt consent`.
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Eksempler:\n  rt consent 2026-11-19-kefo --withdraw\n  rt consent 2026-11-19-kefo --withdraw --date 2026-11-20"
)]
pub struct Args {
    /// Saks-id
    #[arg(value_name = "ID")]
    pub id: String,
    /// Brukeren trekker samtykket tilbake: ingen enhet får kopi av referatet fra nå av
    #[arg(long, required = true)]
    pub withdraw: bool,
    /// Når samtykket ble trukket (standard: i dag)
    #[arg(long, value_name = "DATO", value_parser = date_arg)]
    pub date: Option<NaiveDate>,
}

/// Runs `rt consent`.
pub fn run(args: Args, ctx: &Session) -> Result<i32, Error> {
    ctx.config()?;
    let lang = ctx.lang;
    let mut tx = ctx.transaction()?;
    let edit = cases::open_in(&tx, &args.id)?;
    let mut case = edit.case.clone();
    let date = args.date.unwrap_or(ctx.today);
    let consent = case.consent.as_mut().ok_or(Error::Stop(Problem::NoConsentToWithdraw))?;
    if let Some(when) = consent.withdrawn {
        return Err(Error::Stop(Problem::AlreadyWithdrawn { date: when }));
    }
    if date < consent.date {
        return Err(Error::Stop(Problem::ConsentDatesReversed { key: "--date".into() }));
    }
    consent.withdrawn = Some(date);
    cases::save(&mut tx, &edit, &case)?;
    crate::cmd::commit(ctx, tx)?;
    ctx.note(lang.pick(
        format!("Samtykket i sak {} er trukket tilbake {date}. Ingen enhet får kopi av referatet.", case.id),
        format!(
            "The consent in case {} is withdrawn on {date}. No unit gets a copy of the minutes.",
            case.id
        ),
    ));
    Ok(0)
}
