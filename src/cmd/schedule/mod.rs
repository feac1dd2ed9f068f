//! `rt schedule`: the meetings of a half-year with the cases placed in them (R6), as text,
//! JSON or an iCalendar file; and the leader's changes: publish the half-year, cancel or
//! move a meeting (see [`change`]).
//!
//! Only case ids and referring units are shown — never anything about the users.

mod change;
mod view;

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::cli::{date_arg, half_arg};
use crate::error::Error;
use crate::model::dates::Half;
use crate::problem::Problem;
use crate::schedule::ics;
use crate::session::Session;
use crate::store::atomic::Privacy;
use crate::store::load;

/// Output formats of `rt schedule`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// A readable table.
    #[default]
    Text,
    /// JSON for scripts.
    Json,
    /// An iCalendar file (RFC 5545) for Outlook and Google Calendar.
    Ics,
}

/// Flags of `rt schedule`.
#[derive(clap::Args, Debug)]
#[command(after_help = "Eksempler:
  rt schedule                          møtene dette halvåret, med sakene
  rt schedule --half 2027H1 --format ics --out ressursteam-2027H1.ics
  rt schedule --publish --half 2027H1  legg datoene fast og send dem ut
  rt schedule --cancel 2027-03-16 --reason 'Kurs for hele teamet'
  rt schedule --move 2027-03-16 --to 2027-03-18")]
#[command(group(clap::ArgGroup::new("change").args(["publish", "cancel", "move_from"]).multiple(false)))]
pub struct Args {
    /// Halvåret, f.eks. 2027H1 (januar–juni) eller 2027H2 (juli–desember); standard: nåværende
    #[arg(long, value_name = "HALVÅR", value_parser = half_arg)]
    pub half: Option<Half>,
    /// Utdata: text, json eller ics (kalenderfil)
    #[arg(long, value_name = "FORMAT", default_value = "text")]
    pub format: Format,
    /// Skriv til denne filen i stedet for til skjermen
    #[arg(long, value_name = "FIL")]
    pub out: Option<PathBuf>,
    /// Publiser halvåret: skriv meetings/HALVÅR.toml, så ligger datoene fast
    #[arg(long)]
    pub publish: bool,
    /// Avlys møtet denne datoen; sakene flyttes til neste møte med plass
    #[arg(long, value_name = "DATO", value_parser = date_arg, requires = "reason")]
    pub cancel: Option<NaiveDate>,
    /// Hvorfor møtet avlyses (står i kalenderen og i filen)
    #[arg(long, value_name = "TEKST", requires = "cancel")]
    pub reason: Option<String>,
    /// Flytt møtet denne datoen (sammen med --to)
    #[arg(long = "move", value_name = "DATO", value_parser = date_arg, requires = "to")]
    pub move_from: Option<NaiveDate>,
    /// Ny dato for møtet som flyttes
    #[arg(long, value_name = "DATO", value_parser = date_arg, requires = "move_from")]
    pub to: Option<NaiveDate>,
}

/// Runs `rt schedule`.
pub fn run(args: Args, ctx: &Session) -> Result<i32, Error> {
    let config = ctx.config()?;
    let lang = ctx.lang;
    if let Some(date) = args.cancel {
        return change::cancel(ctx, config, date, args.reason.as_deref().unwrap_or_default());
    }
    if let (Some(from), Some(to)) = (args.move_from, args.to) {
        return change::move_meeting(ctx, config, from, to);
    }
    let half = args.half.unwrap_or_else(|| Half::of(ctx.today));
    if args.publish {
        change::publish(ctx, config, half)?;
    }
    let schedule = load::schedule_or_stop(&ctx.team, config, half)?;
    if (schedule.published.is_none() || args.publish)
        && !crate::schedule::calendar::knows_school_holidays(config, half)
    {
        ctx.warn(&Problem::NoSchoolHolidays { half: half.to_string() });
    }
    let (cases, diags) = load::summaries(&ctx.team);
    super::warn_unreadable_cases(ctx, &diags, super::LEFT_OUT);
    let text = match args.format {
        Format::Text => view::text(&schedule, config, &cases, lang),
        Format::Json => super::to_json(&view::json(&schedule, config, &cases)),
        Format::Ics => ics::calendar(&config.team, &schedule.by_date(), ctx.today, lang),
    };
    super::write_or_print(ctx, args.out.as_deref(), &text, Privacy::Shared)?;
    Ok(0)
}
