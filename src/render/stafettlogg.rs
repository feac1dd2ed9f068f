//! What the stafettlogg of a case holds (R13), as a plain view: the plan (goals, measures with
//! who is responsible and when they are evaluated, the services taking part and their
//! tasks), the stafettholder and the hand-overs, the entries, the evaluations and the
//! closing; with the distribution of the referat (archived at the referring unit, copies only
//! as the consent allows, R10). The user is named by initials and birth date only while the
//! consent holds. [`text`] shows it on the terminal; the templates `stafettlogg.*.md|html`
//! make the document.

use chrono::NaiveDate;
use serde::Serialize;

use super::dates;
use super::minutes::distribution;
use crate::lang::Lang;
use crate::model::{Case, Config, Tiltaksbank, User};

/// The stafettlogg of one case.
#[derive(Serialize, Debug)]
pub struct LogView {
    pub lang: &'static str,
    pub team: String,
    pub id: String,
    /// `A.B., født 12. april 2019`, or why the user is not named.
    pub user: String,
    pub referring_unit: String,
    pub started: String,
    pub holder: String,
    /// A hand-over waiting for the new holder's answer, as words.
    pub pending: Option<String>,
    pub goals: Vec<String>,
    pub measures: Vec<PlanRow>,
    pub participants: Vec<ParticipantRow>,
    pub handovers: Vec<String>,
    pub entries: Vec<EntryRow>,
    pub evaluations: Vec<EvaluationRow>,
    /// `2027-06-01: målet er nådd`, when it has ended.
    pub ended: Option<String>,
    /// The unit that archives the log (R10).
    pub archive: String,
    /// The units that may get a copy.
    pub copies: Vec<String>,
    /// The day the document was made.
    pub made: String,
}

#[derive(Serialize, Debug)]
pub struct PlanRow {
    pub measure: String,
    pub responsible: String,
    pub evaluate: String,
    /// The goal's number, or empty.
    pub goal: String,
    /// The last evaluation's verdict, or empty.
    pub status: String,
}

#[derive(Serialize, Debug)]
pub struct ParticipantRow {
    pub unit: String,
    pub task: String,
    pub joined: String,
}

#[derive(Serialize, Debug)]
pub struct EntryRow {
    pub date: String,
    pub by: String,
    pub text: String,
}

#[derive(Serialize, Debug)]
pub struct EvaluationRow {
    pub date: String,
    pub measure: String,
    pub result: String,
    pub note: String,
}

/// The view of a case's stafettlogg (an empty one when it has none).
pub fn view(case: &Case, config: &Config, bank: &Tiltaksbank, today: NaiveDate, lang: Lang) -> LogView {
    let f = case.followup.clone().unwrap_or_else(|| crate::model::Followup::new(today, ""));
    let name_of = |id: &str| bank.get(id).map_or_else(|| id.to_string(), |m| m.name.clone());
    let user = match &case.user {
        User::Known { initials, born } if crate::rules::consent::identity_allowed(case, today) => lang.pick(
            format!("{initials}, født {}", dates::long(*born, lang)),
            format!("{initials}, born {}", dates::long(*born, lang)),
        ),
        User::Known { .. } => lang
            .pick("(ikke vist: samtykket gjelder ikke lenger)", "(not shown: the consent no longer holds)")
            .to_string(),
        User::Anonymous { .. } => lang.pick("anonym", "anonymous").to_string(),
        User::Nobody => lang.pick("ingen bruker (veiledning)", "no user (guidance)").to_string(),
        User::Removed => lang.pick("anonymisert", "anonymised").to_string(),
    };
    let (copies, _) = distribution(case, today);
    // What `rt purge` took away is said, not left as an empty line.
    let removed = super::removed(lang);
    LogView {
        lang: lang.code(),
        team: config.team.clone(),
        id: case.id.to_string(),
        user,
        referring_unit: config.unit_name(&case.referrer.unit).to_string(),
        started: f.started.to_string(),
        holder: if f.holder.is_empty() { removed.to_string() } else { f.holder.clone() },
        pending: f.pending().map(|h| {
            lang.pick(
                format!("foreslått overført til {} {} (venter på svar)", h.to, h.proposed),
                format!("proposed to {} on {} (waiting for an answer)", h.to, h.proposed),
            )
        }),
        goals: f
            .goals
            .iter()
            .map(|g| if g.text.is_empty() { removed.to_string() } else { g.text.clone() })
            .collect(),
        measures: f
            .measures
            .iter()
            .map(|m| PlanRow {
                measure: name_of(&m.measure),
                responsible: m.responsible.clone(),
                evaluate: m.evaluate.to_string(),
                goal: m.goal.map(|g| g.to_string()).unwrap_or_default(),
                status: f
                    .last_evaluation(&m.measure)
                    .map(|e| e.verdict.label(lang).to_string())
                    .unwrap_or_default(),
            })
            .collect(),
        participants: f
            .participants
            .iter()
            .map(|p| ParticipantRow {
                unit: config.unit_name(&p.unit).to_string(),
                task: p.task.clone(),
                joined: p.joined.to_string(),
            })
            .collect(),
        handovers: f
            .handovers
            .iter()
            .map(|h| match h.answer {
                Some((true, on)) => lang.pick(
                    format!("{}: {} → {} (tatt imot {on})", h.proposed, h.from, h.to),
                    format!("{}: {} → {} (accepted {on})", h.proposed, h.from, h.to),
                ),
                Some((false, on)) => lang.pick(
                    format!("{}: {} → {} (ikke tatt imot, {on})", h.proposed, h.from, h.to),
                    format!("{}: {} → {} (declined {on})", h.proposed, h.from, h.to),
                ),
                None => lang.pick(
                    format!("{}: {} → {} (venter på svar)", h.proposed, h.from, h.to),
                    format!("{}: {} → {} (waiting for an answer)", h.proposed, h.from, h.to),
                ),
            })
            .collect(),
        entries: f
            .log
            .iter()
            .map(|e| EntryRow { date: e.date.to_string(), by: e.by.clone(), text: e.text.clone() })
            .collect(),
        evaluations: f
            .evaluations
            .iter()
            .map(|e| EvaluationRow {
                date: e.date.to_string(),
                measure: name_of(&e.measure),
                result: e.verdict.label(lang).to_string(),
                note: e.note.clone(),
            })
            .collect(),
        ended: f.ended.map(|(on, why)| format!("{on}: {}", why.label(lang))),
        archive: config.unit_name(&case.referrer.unit).to_string(),
        copies: copies.iter().map(|u| config.unit_name(u).to_string()).collect(),
        made: today.to_string(),
    }
}

/// The log as text for the terminal.
pub fn text(v: &LogView, lang: Lang) -> String {
    let mut out = String::new();
    let mut line = |s: String| {
        out.push_str(&s);
        out.push('\n');
    };
    line(lang.pick(format!("Stafettlogg for sak {}", v.id), format!("Stafettlogg of case {}", v.id)));
    line(format!("  {:<16} {}", lang.pick("Bruker:", "User:"), v.user));
    line(format!("  {:<16} {}", lang.pick("Startet:", "Started:"), v.started));
    line(format!("  {:<16} {}", lang.pick("Stafettholder:", "Holder:"), v.holder));
    if let Some(p) = &v.pending {
        line(format!("  {:<16} {p}", ""));
    }
    if let Some(e) = &v.ended {
        line(format!("  {:<16} {e}", lang.pick("Avsluttet:", "Ended:")));
    }
    let section = |title: &str, rows: Vec<String>, out: &mut Vec<String>| {
        out.push(format!("\n{title}"));
        if rows.is_empty() {
            out.push(format!("  {}", lang.pick("(ingen)", "(none)")));
        }
        out.extend(rows.into_iter().map(|r| format!("  {r}")));
    };
    let mut rest = Vec::new();
    section(
        lang.pick("Mål", "Goals"),
        v.goals.iter().enumerate().map(|(i, g)| format!("{}. {g}", i + 1)).collect(),
        &mut rest,
    );
    section(
        lang.pick("Tiltak", "Measures"),
        v.measures
            .iter()
            .map(|m| {
                let goal = if m.goal.is_empty() {
                    String::new()
                } else {
                    lang.pick(format!(", mål {}", m.goal), format!(", goal {}", m.goal))
                };
                let status = if m.status.is_empty() { String::new() } else { format!(" – {}", m.status) };
                lang.pick(
                    format!(
                        "{}: {} har ansvaret, evalueres {}{goal}{status}",
                        m.measure, m.responsible, m.evaluate
                    ),
                    format!(
                        "{}: {} is responsible, evaluated {}{goal}{status}",
                        m.measure, m.responsible, m.evaluate
                    ),
                )
            })
            .collect(),
        &mut rest,
    );
    section(
        lang.pick("Tjenester som er med", "Services taking part"),
        v.participants.iter().map(|p| format!("{} ({}): {}", p.unit, p.joined, p.task)).collect(),
        &mut rest,
    );
    section(lang.pick("Stafetten", "The stafett"), v.handovers.clone(), &mut rest);
    section(
        lang.pick("Loggføringer", "Log entries"),
        v.entries
            .iter()
            .map(|e| format!("{} {}: {}", e.date, e.by, e.text.replace('\n', "\n    ")))
            .collect(),
        &mut rest,
    );
    section(
        lang.pick("Evalueringer", "Evaluations"),
        v.evaluations
            .iter()
            .map(|e| format!("{} {}: {} – {}", e.date, e.measure, e.result, e.note))
            .collect(),
        &mut rest,
    );
    for r in rest {
        line(r);
    }
    out
}
