//! `rt list`: the cases, filtered, as a table or JSON.
//!
//! A row holds the case id, where it stands, and the user's initials — never the birth date
//! or any text. `rt show ID` gives the whole case.

use chrono::NaiveDate;

use super::{TextOrJson, to_json};
use crate::cli::{date_arg, half_arg};
use crate::error::Error;
use crate::lang::Lang;
use crate::model::dates::Half;
use crate::model::{CaseSummary, Status, User, WayIn};
use crate::problem::Problem;
use crate::session::Session;
use crate::store::load;
use crate::table;
use crate::views::CaseRow;

/// Flags of `rt list`.
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Eksempler:\n  rt list\n  rt list --status referred --half 2027H1\n  rt list --meeting 2027-01-19 --format json"
)]
pub struct Args {
    /// Bare saker med denne statusen: referred, scheduled, discussed, decided, closed
    #[arg(long, value_name = "STATUS", value_parser = status_arg)]
    pub status: Option<Status>,
    /// Bare saker meldt i dette halvåret, f.eks. 2027H1
    #[arg(long, value_name = "HALVÅR", value_parser = half_arg)]
    pub half: Option<Half>,
    /// Bare saker med denne veien inn: bti, user-case, guidance
    #[arg(long, value_name = "VEI", value_parser = way_arg)]
    pub way: Option<WayIn>,
    /// Bare saker satt opp på møtet denne datoen
    #[arg(long, value_name = "DATO", value_parser = date_arg)]
    pub meeting: Option<NaiveDate>,
    /// Bare saker i oppfølging med denne stafettholderen
    #[arg(long, value_name = "NAVN")]
    pub holder: Option<String>,
    /// Utdata: text (tabell) eller json
    #[arg(long, value_name = "FORMAT", default_value = "text")]
    pub format: TextOrJson,
}

fn status_arg(text: &str) -> Result<Status, String> {
    Status::parse(text).ok_or_else(|| {
        let all: Vec<&str> = Status::ALL.iter().map(|s| s.code()).collect();
        crate::cli::arg_error(
            format!("`{text}`: bruk {}", all.join(", ")),
            format!("`{text}`: use {}", all.join(", ")),
        )
    })
}

fn way_arg(text: &str) -> Result<WayIn, String> {
    WayIn::parse(text).ok_or_else(|| {
        crate::cli::arg_error(
            format!("`{text}`: bruk bti, user-case eller guidance"),
            format!("`{text}`: use bti, user-case or guidance"),
        )
    })
}

impl Args {
    fn keeps(&self, c: &CaseSummary) -> bool {
        self.status.is_none_or(|s| c.status == s)
            && self.half.is_none_or(|h| h.contains(c.referred))
            && self.way.is_none_or(|w| c.way_in == w)
            && self.meeting.is_none_or(|m| c.meeting == Some(m))
            && self.holder.as_deref().is_none_or(|h| {
                c.holder.as_deref().is_some_and(|held| held.trim().eq_ignore_ascii_case(h.trim()))
            })
    }
}

/// Runs `rt list`.
pub fn run(args: Args, ctx: &Session) -> Result<i32, Error> {
    let config = ctx.config()?;
    let lang = ctx.lang;
    let (cases, diags) = load::summaries(&ctx.team);
    let shown: Vec<&CaseSummary> = cases.iter().map(|l| &l.case).filter(|c| args.keeps(c)).collect();
    match args.format {
        TextOrJson::Json => {
            let rows: Vec<CaseRow> = shown.iter().map(|c| CaseRow::of(c, ctx.today)).collect();
            ctx.print(&to_json(&rows))?;
        }
        TextOrJson::Text if shown.is_empty() => {
            ctx.note(lang.pick("Ingen saker.", "No cases."));
            if let Some(date) = args.meeting {
                no_meeting_that_day(ctx, config, date);
            }
        }
        TextOrJson::Text => {
            ctx.print(&text_table(&shown, ctx.today, lang))?;
            ctx.note(lang.count(shown.len(), ("sak", "saker"), ("case", "cases")));
        }
    }
    super::warn_unreadable_cases(ctx, &diags, super::LEFT_OUT);
    Ok(0)
}

/// When `--meeting` found nothing because the team does not meet that day, says so and
/// names the meetings on either side, so a mistyped date is not taken for an empty meeting.
fn no_meeting_that_day(ctx: &Session, config: &crate::model::Config, date: NaiveDate) {
    let half = Half::of(date);
    let Ok((Some(schedule), _)) = load::schedule(&ctx.team, config, half) else { return };
    if schedule.meetings.iter().any(|m| m.date == date) {
        return;
    }
    let before = schedule.meetings.iter().filter(|m| m.date < date).map(|m| m.date).max();
    let after = schedule.meetings.iter().filter(|m| m.date > date).map(|m| m.date).min();
    let near: Vec<NaiveDate> = before.into_iter().chain(after).collect();
    ctx.warn(&Problem::NoMeetingThatDay { date, near, half: half.to_string() });
}

fn text_table(cases: &[&CaseSummary], today: NaiveDate, lang: Lang) -> String {
    let header = [
        "ID",
        lang.pick("STATUS", "STATUS"),
        lang.pick("VEI INN", "WAY IN"),
        lang.pick("MELDT", "REFERRED"),
        lang.pick("MØTE", "MEETING"),
        lang.pick("ENHET", "UNIT"),
        lang.pick("BRUKER", "USER"),
    ];
    let rows: Vec<Vec<String>> = cases
        .iter()
        .map(|c| {
            vec![
                c.id.to_string(),
                c.status.label(lang).to_string(),
                c.way_in.short(lang).to_string(),
                c.referred.to_string(),
                c.meeting.map_or_else(|| "–".to_string(), |d| d.to_string()),
                c.referrer.unit.clone(),
                match &c.user {
                    // Once the consent no longer holds, the initials are not shown (R2).
                    User::Known { .. } if !crate::rules::consent::identity_allowed(*c, today) => {
                        lang.pick("skjult", "hidden").to_string()
                    }
                    User::Known { initials, .. } => initials.clone(),
                    User::Anonymous { .. } => lang.pick("anonym", "anonymous").to_string(),
                    User::Nobody => "–".to_string(),
                    User::Removed => lang.pick("anonymisert", "anonymised").to_string(),
                },
            ]
        })
        .collect();
    table::render(&header, &rows)
}
