//! `rt show ID`: one case, whole — the referral, consent, situation, outcome and decision,
//! with every answer the user changed and when.
//!
//! The case is read straight from `cases/YYYY/ID.toml` (see `store::cases::open`). Once the
//! consent has lapsed the user's initials and birth date are not shown (R2 in time).

use std::fmt::Write as _;

use super::{TextOrJson, to_json};
use crate::error::Error;
use crate::lang::Lang;
use crate::model::dates::age_on;
use crate::model::{Case, Config, User};
use crate::session::Session;
use crate::store::cases;
use crate::views::CaseDetail;

/// Flags of `rt show`.
#[derive(clap::Args, Debug)]
#[command(after_help = "Eksempler:\n  rt show 2027-01-05-k7q2\n  rt show 2027-01-05-k7q2 --format json")]
pub struct Args {
    /// Saks-id, f.eks. 2027-01-05-k7q2
    #[arg(value_name = "ID")]
    pub id: String,
    /// Utdata: text eller json
    #[arg(long, value_name = "FORMAT", default_value = "text")]
    pub format: TextOrJson,
}

/// Runs `rt show`.
pub fn run(args: Args, ctx: &Session) -> Result<i32, Error> {
    let config = ctx.config()?;
    let lang = ctx.lang;
    let case = cases::open(&ctx.team, &args.id)?.case;
    let hidden = !crate::rules::consent::identity_allowed(&case, ctx.today);
    match args.format {
        TextOrJson::Json => ctx.print(&to_json(&CaseDetail::of(&case).hiding_identity(hidden)))?,
        TextOrJson::Text => ctx.print(&render(&case, config, ctx.today, lang))?,
    }
    Ok(0)
}

fn render(c: &Case, config: &Config, today: chrono::NaiveDate, lang: Lang) -> String {
    let mut out = String::new();
    let dash = "–".to_string();
    let mut field = |label: &str, value: String| {
        let _ = writeln!(out, "  {:<16} {value}", format!("{label}:"));
    };
    let unit = |id: &str| config.unit_name(id).to_string();
    field(lang.pick("Status", "Status"), c.status.label(lang).to_string());
    // The way in is named "BTI nivå 1" (R1); a case that has moved since says where it is now.
    let way = match c.bti_level.filter(|&level| level != 1) {
        Some(level) => lang.pick(
            format!("{} (nå nivå {level})", c.way_in.label(lang)),
            format!("{} (now level {level})", c.way_in.label(lang)),
        ),
        None => c.way_in.label(lang).to_string(),
    };
    field(lang.pick("Vei inn", "Way in"), way);
    field(
        lang.pick("Meldt", "Referred"),
        lang.pick(
            format!("{} av {} ({})", c.referred, c.referrer.name, unit(&c.referrer.unit)),
            format!("{} by {} ({})", c.referred, c.referrer.name, unit(&c.referrer.unit)),
        ),
    );
    field(lang.pick("Møte", "Meeting"), c.meeting.map_or(dash.clone(), |d| d.to_string()));
    let lapsed = crate::rules::consent::lapse(c, today);
    let user = match &c.user {
        User::Known { .. } if lapsed.is_some() => lang.pick(
            format!("skjult: samtykket gjelder ikke lenger (`rt consent {} --then anonymous|close`)", c.id),
            format!("hidden: the consent no longer holds (`rt consent {} --then anonymous|close`)", c.id),
        ),
        User::Known { initials, born } => lang.pick(
            format!("{initials}, født {born} ({} år)", age_on(*born, today)),
            format!("{initials}, born {born} (age {})", age_on(*born, today)),
        ),
        User::Anonymous { age: Some(a) } => {
            lang.pick(format!("anonym, {a} år"), format!("anonymous, age {a}"))
        }
        User::Anonymous { age: None } => lang.pick("anonym", "anonymous").to_string(),
        User::Nobody => lang.pick("ingen (veiledning)", "none (guidance)").to_string(),
        User::Removed => {
            lang.pick("anonymisert (identiteten er fjernet)", "anonymised (identity removed)").to_string()
        }
    };
    field(lang.pick("Bruker", "User"), user);
    if let Some(k) = &c.consent {
        let copies = if k.units.is_empty() {
            lang.pick("ingen kopier", "no copies").to_string()
        } else {
            let names: Vec<String> = k.units.iter().map(|u| unit(u)).collect();
            lang.pick(format!("kopi til {}", names.join(", ")), format!("copies to {}", names.join(", ")))
        };
        let mut text = lang.pick(
            format!("gitt av {} {}; {copies}", k.given_by.label(lang), k.date),
            format!("given by {} {}; {copies}", k.given_by.label(lang), k.date),
        );
        if let Some(e) = k.expires {
            text.push_str(&lang.pick(format!("; utløper {e}"), format!("; expires {e}")));
        }
        if let Some(w) = k.withdrawn {
            text.push_str(&lang.pick(format!("; TRUKKET {w}"), format!("; WITHDRAWN {w}")));
        }
        field(lang.pick("Samtykke", "Consent"), text);
    }
    if let Some(d) = c.leader_consulted {
        field(
            lang.pick("Enhetsleder", "Unit leader"),
            lang.pick(format!("drøftet {d}"), format!("consulted {d}")),
        );
    }
    if !c.invite.is_empty() {
        field(lang.pick("Inviteres", "Invited"), c.invite.join(", "));
    }
    if let Some(d) = c.closed {
        field(lang.pick("Avsluttet", "Closed"), d.to_string());
    }
    let mut text = format!("{} {}\n{out}", lang.pick("Sak", "Case"), c.id);
    let s = &c.situation;
    for (label, body) in [
        (lang.pick("Situasjonen", "The situation"), &s.concern),
        (lang.pick("Forsøkt tidligere", "Tried before"), &s.tried),
        (lang.pick("Viktig for brukeren", "What matters to the user"), &s.wishes),
        (lang.pick("Spørsmål til teamet", "Question for the team"), &s.question),
    ] {
        section(&mut text, label, body);
    }
    if let Some(o) = &c.outcome {
        section(
            &mut text,
            &lang.pick(format!("Drøftet {}: vurdering", o.date), format!("Discussed {}: assessment", o.date)),
            &o.assessment,
        );
        let proposals: Vec<String> = o
            .proposed
            .iter()
            .map(|p| match p.evaluate {
                Some(e) => {
                    format!("{} ({}, {} {e})", p.measure, unit(&p.unit), lang.pick("evalueres", "evaluate"))
                }
                None => format!("{} ({})", p.measure, unit(&p.unit)),
            })
            .collect();
        section(&mut text, lang.pick("Foreslåtte tiltak", "Proposed measures"), &proposals.join("\n"));
        section(&mut text, lang.pick("Neste steg", "Next step"), &o.next_step);
    }
    if let Some(d) = &c.decision {
        let mut body = lang.pick(
            format!(
                "{}: takket ja til {}; nei til {}",
                d.date,
                list_or_dash(&d.accepted),
                list_or_dash(&d.declined)
            ),
            format!(
                "{}: accepted {}; declined {}",
                d.date,
                list_or_dash(&d.accepted),
                list_or_dash(&d.declined)
            ),
        );
        for change in &d.changes {
            let from = match change.to {
                crate::model::Answer::Accepted => crate::model::Answer::Declined,
                crate::model::Answer::Declined => crate::model::Answer::Accepted,
            };
            body.push_str(&lang.pick(
                format!(
                    "\n{}: endret {} fra {} til {}",
                    change.date,
                    change.measure,
                    from.label(lang),
                    change.to.label(lang)
                ),
                format!(
                    "\n{}: changed {} from {} to {}",
                    change.date,
                    change.measure,
                    from.label(lang),
                    change.to.label(lang)
                ),
            ));
        }
        section(&mut text, lang.pick("Brukerens beslutning", "The user's decision"), &body);
    }
    if let Some(f) = &c.followup {
        let mut body = lang.pick(
            format!(
                "stafettholder {} (fra {}); {} mål, {} tiltak, {} loggføringer",
                f.holder,
                f.started,
                f.goals.len(),
                f.measures.len(),
                f.log.len()
            ),
            format!(
                "stafettholder {} (since {}); {} goals, {} measures, {} log entries",
                f.holder,
                f.started,
                f.goals.len(),
                f.measures.len(),
                f.log.len()
            ),
        );
        if let Some(h) = f.pending() {
            body.push_str(&lang.pick(
                format!("\nforeslått overført til {} {} (venter på svar)", h.to, h.proposed),
                format!("\nproposed to {} on {} (waiting for an answer)", h.to, h.proposed),
            ));
        }
        if let Some((on, why)) = f.ended {
            body.push_str(&lang.pick(
                format!("\navsluttet {on}: {}", why.label(lang)),
                format!("\nended {on}: {}", why.label(lang)),
            ));
        }
        body.push_str(&lang.pick(format!("\nse `rt logg {}`", c.id), format!("\nsee `rt logg {}`", c.id)));
        section(&mut text, lang.pick("Oppfølging (stafettlogg)", "Follow-up (stafettlogg)"), &body);
    }
    text
}

fn list_or_dash(items: &[String]) -> String {
    if items.is_empty() { "–".into() } else { items.join(", ") }
}

fn section(out: &mut String, label: &str, body: &str) {
    if body.trim().is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{label}");
    for line in body.lines() {
        let _ = writeln!(out, "  {line}");
    }
}
