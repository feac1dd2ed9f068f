//! `rt record`, `rt decide`, `rt close`: the team's outcome (R8), the user's own decision
//! (R9), and the end of a case. Each reads the case, takes one step forward along
//! referred → scheduled → discussed → decided → closed (see `rules::status`), judges the
//! result with the same rules as `rt refer` and `rt check`, and writes it back keeping the
//! file's comments and hand edits. A refusal names the flag to fix and changes nothing.

use chrono::{Duration, NaiveDate};

use crate::cli::date_arg;
use crate::diagnostic::Severity;
use crate::error::Error;
use crate::model::{Case, Decision, Field, Outcome, Proposal, Status, WayIn};
use crate::problem::Problem;
use crate::rules::case::RuleContext;
use crate::rules::status::{self, Step};
use crate::rules::text::normalise_text;
use crate::rules::{self, Finding};
use crate::session::Session;
use crate::store::cases;
use crate::store::transaction::Transaction;
use crate::suggest;

/// How long after the meeting the follow-up comes when none is given: a follow-up is always
/// agreed (R8), and six weeks is two meeting cycles.
const DEFAULT_FOLLOW_UP_DAYS: i64 = 42;

/// Flags of `rt record`.
#[derive(clap::Args, Debug)]
#[command(after_help = "Eksempler:
  rt record 2026-11-16-mcax --propose oppfolging-rus,samtaler-helsesykepleier \\
      --assessment 'Angst og begynnende rusbruk; trenger én fast voksen' \\
      --next-step 'Samira avtaler møte med ungdommen' --follow-up 2027-01-19
  rt record 2026-11-02-4mvl --propose cos-p-samspill:helsestasjon --level2 --assessment '...' --next-step '...'")]
pub struct RecordArgs {
    /// Saks-id
    #[arg(value_name = "ID")]
    pub id: String,
    /// Tiltak teamet foreslår (id fra tiltaksbanken); TILTAK:ENHET gir oppdraget til en annen enhet
    #[arg(long, value_name = "TILTAK", value_delimiter = ',')]
    pub propose: Vec<String>,
    /// Teamets vurdering
    #[arg(long, value_name = "TEKST")]
    pub assessment: String,
    /// Neste steg
    #[arg(long = "next-step", value_name = "TEKST")]
    pub next_step: String,
    /// BTI: saken løftes til instansmøte 0–6 år eller skole (nivå 2)
    #[arg(long)]
    pub level2: bool,
    /// Dato for oppfølging (standard: seks uker etter møtet)
    #[arg(long = "follow-up", value_name = "DATO", value_parser = date_arg)]
    pub follow_up: Option<NaiveDate>,
    /// Når tiltakene skal evalueres (standard: oppfølgingsdatoen)
    #[arg(long, value_name = "DATO", value_parser = date_arg)]
    pub evaluate: Option<NaiveDate>,
    /// Hvem som koordinerer videre, stafettholder (standard: den som meldte saken)
    #[arg(long, value_name = "NAVN")]
    pub coordinator: Option<String>,
    /// Møtedatoen saken ble drøftet (standard: møtet den står på)
    #[arg(long, value_name = "DATO", value_parser = date_arg)]
    pub date: Option<NaiveDate>,
}

/// Flags of `rt decide`.
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Eksempler:\n  rt decide 2026-11-16-mcax --accept oppfolging-rus --decline samtaler-helsesykepleier\n  rt decide 2026-11-02-4mvl --accept cos-p-samspill --date 2026-11-20"
)]
pub struct DecideArgs {
    /// Saks-id
    #[arg(value_name = "ID")]
    pub id: String,
    /// Tiltak brukeren takker ja til
    #[arg(long, value_name = "TILTAK", value_delimiter = ',')]
    pub accept: Vec<String>,
    /// Tiltak brukeren takker nei til
    #[arg(long, value_name = "TILTAK", value_delimiter = ',')]
    pub decline: Vec<String>,
    /// Når brukeren bestemte seg (standard: i dag)
    #[arg(long, value_name = "DATO", value_parser = date_arg)]
    pub date: Option<NaiveDate>,
}

/// Flags of `rt close`.
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Eksempler:\n  rt close 2026-09-01-nknk\n  rt close 2026-11-20-ung2 --reason 'Trukket: familien har flyttet'"
)]
pub struct CloseArgs {
    /// Saks-id
    #[arg(value_name = "ID")]
    pub id: String,
    /// Hvorfor saken avsluttes (kreves før brukerens beslutning, f.eks. trukket; i oppfølging: goal-reached, concern-gone, individual-plan eller user-ended)
    #[arg(long, value_name = "TEKST")]
    pub reason: Option<String>,
    /// Når saken avsluttes (standard: i dag)
    #[arg(long, value_name = "DATO", value_parser = date_arg)]
    pub date: Option<NaiveDate>,
}

/// Judges the changed case and writes it, or refuses with every problem the change brought.
pub(crate) fn judge_and_save(
    ctx: &Session,
    mut tx: Transaction<'_>,
    edit: &cases::Editable,
    case: &Case,
    mut findings: Vec<Finding>,
) -> Result<(), Error> {
    let lang = ctx.lang;
    let config = ctx.config()?;
    let (bank, _) = crate::store::load::tiltaksbank(&ctx.team, Some(config))?;
    let cx = RuleContext { config, measures: Some(&bank), today: ctx.today };
    let before = rules::case::check(&edit.case, &cx);
    // Only what this change brings counts; an old warning on the case is not news.
    findings.extend(rules::case::check(case, &cx).into_iter().filter(|f| !before.contains(f)));
    for f in &findings {
        ctx.note(crate::diagnostic::render_finding(f, lang));
    }
    let errors = findings.iter().filter(|f| f.severity == Severity::Error).count();
    if errors > 0 {
        return Err(Error::Stop(Problem::NotSaved { problems: errors }));
    }
    cases::save(&mut tx, edit, case)?;
    crate::cmd::commit(ctx, tx)?;
    Ok(())
}

fn step(case: &Case, step: Step) -> Result<Status, Error> {
    status::next(case.status, step).map_err(Error::Stop)
}

/// Runs `rt record`.
pub fn record(args: RecordArgs, ctx: &Session) -> Result<i32, Error> {
    let config = ctx.config()?;
    let lang = ctx.lang;
    let tx = ctx.transaction()?;
    let edit = cases::open_in(&tx, &args.id)?;
    let mut case = edit.case.clone();
    case.status = step(&case, Step::Record)?;
    let (bank, _) = crate::store::load::tiltaksbank(&ctx.team, Some(config))?;
    let mut findings = Vec::new();
    let date = args.date.or(case.meeting).unwrap_or(ctx.today);
    let follow_up = args.follow_up.unwrap_or(date + Duration::days(DEFAULT_FOLLOW_UP_DAYS));
    let mut proposed = Vec::new();
    for (i, spec) in args.propose.iter().map(|s| s.trim()).filter(|s| !s.is_empty()).enumerate() {
        let (id, unit) = match spec.split_once(':') {
            Some((id, unit)) => (id.trim(), Some(unit.trim())),
            None => (spec, None),
        };
        let Some(measure) = bank.get(id) else {
            let suggestion = suggest::closest(id, bank.measures.iter().map(|m| m.id.as_str()));
            findings.push(Finding::error(
                Field::ProposedMeasure(i),
                Problem::UnknownMeasure { id: id.to_string(), suggestion },
            ));
            continue;
        };
        if proposed.iter().any(|p: &Proposal| p.measure == id) {
            continue;
        }
        proposed.push(Proposal {
            measure: measure.id.clone(),
            // A measure of a provider outside the team is followed up by the referring unit.
            unit: unit
                .or(config.unit(&measure.provider).map(|u| u.id.as_str()))
                .unwrap_or(&case.referrer.unit)
                .to_string(),
            evaluate: Some(args.evaluate.unwrap_or(follow_up)),
        });
    }
    if args.level2 && case.way_in != WayIn::Bti {
        findings.push(Finding::error(Field::Level2, Problem::Level2NotBti));
    }
    let coordinator =
        args.coordinator.as_deref().map(normalise_text).unwrap_or_else(|| case.referrer.name.clone());
    case.outcome = Some(Outcome {
        date,
        assessment: normalise_text(&args.assessment),
        next_step: normalise_text(&args.next_step),
        proposed,
        level2: args.level2,
        follow_up: Some(follow_up),
        coordinator: coordinator.clone(),
    });
    for (field, text) in [(Field::Assessment, &args.assessment), (Field::NextStep, &args.next_step)] {
        if text.trim().is_empty() {
            findings.push(Finding::error(field.clone(), Problem::TextMissing { field }));
        }
    }
    judge_and_save(ctx, tx, &edit, &case, findings)?;
    let n = case.outcome.as_ref().map_or(0, |o| o.proposed.len());
    ctx.note(lang.pick(
        format!(
            "Saken {} er drøftet: {n} tiltak foreslått; oppfølging {follow_up} ({coordinator}).",
            case.id
        ),
        format!(
            "Case {} is discussed: {n} measure(s) proposed; follow-up {follow_up} ({coordinator}).",
            case.id
        ),
    ));
    Ok(0)
}

/// Runs `rt decide`.
pub fn decide(args: DecideArgs, ctx: &Session) -> Result<i32, Error> {
    ctx.config()?;
    let lang = ctx.lang;
    let tx = ctx.transaction()?;
    let edit = cases::open_in(&tx, &args.id)?;
    let mut case = edit.case.clone();
    case.status = step(&case, Step::Decide)?;
    let clean = |v: &[String]| -> Vec<String> {
        let mut out: Vec<String> = v.iter().map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect();
        out.dedup();
        out
    };
    let (accepted, declined) = (clean(&args.accept), clean(&args.decline));
    let mut findings = Vec::new();
    if accepted.is_empty() && declined.is_empty() {
        findings.push(Finding::error(Field::Accepted(None), Problem::NothingDecided));
    }
    for id in accepted.iter().filter(|id| declined.contains(id)) {
        findings.push(Finding::error(Field::Accepted(None), Problem::AcceptedAndDeclined { id: id.clone() }));
    }
    let proposed: Vec<String> =
        case.outcome.iter().flat_map(|o| o.proposed.iter().map(|p| p.measure.clone())).collect();
    let undecided: Vec<String> =
        proposed.iter().filter(|p| !accepted.contains(p) && !declined.contains(p)).cloned().collect();
    if !undecided.is_empty() && findings.is_empty() {
        findings.push(Finding::warning(Field::Decision, Problem::Undecided { ids: undecided }));
    }
    case.decision = Some(Decision { date: args.date.unwrap_or(ctx.today), accepted, declined });
    judge_and_save(ctx, tx, &edit, &case, findings)?;
    let d = case.decision.as_ref().expect("just set");
    ctx.note(lang.pick(
        format!(
            "Brukerens beslutning er lagret for {}: ja til {}, nei til {}.",
            case.id,
            d.accepted.len(),
            d.declined.len()
        ),
        format!(
            "The user's decision is stored for {}: {} accepted, {} declined.",
            case.id,
            d.accepted.len(),
            d.declined.len()
        ),
    ));
    Ok(0)
}

/// Runs `rt close`.
pub fn close(args: CloseArgs, ctx: &Session) -> Result<i32, Error> {
    ctx.config()?;
    let lang = ctx.lang;
    let tx = ctx.transaction()?;
    let edit = cases::open_in(&tx, &args.id)?;
    let mut case = edit.case.clone();
    let reason = args.reason.as_deref().map(normalise_text).unwrap_or_default();
    let early = case.status != Status::Decided;
    case.status = step(&case, Step::Close { with_reason: !reason.is_empty() })?;
    let date = args.date.unwrap_or(ctx.today);
    case.closed = Some(date);
    // A case in follow-up ends it, with one of its reasons (R13); the log goes to the archive.
    let mut archive_note = None;
    if let Some(f) = case.followup.as_mut().filter(|f| f.ended.is_none()) {
        let why = crate::model::EndReason::parse(&reason).ok_or(Problem::FollowupNeedsReason)?;
        f.ended = Some((date, why));
        archive_note = Some(lang.pick(
            format!("Oppfølgingen er avsluttet ({}). Stafettloggen arkiveres hos enheten som meldte saken: `rt logg {} --format html --out stafettlogg.html`.", why.label(lang), case.id),
            format!("The follow-up has ended ({}). The stafettlogg is archived at the referring unit: `rt logg {} --format html --out stafettlogg.html`.", why.label(lang), case.id),
        ));
    }
    case.closed_reason = if archive_note.is_some() { String::new() } else { reason };
    // A case closed before its meeting gives its place back.
    if early && case.outcome.is_none() && case.meeting.is_some_and(|m| m > date) {
        case.meeting = None;
    }
    judge_and_save(ctx, tx, &edit, &case, Vec::new())?;
    ctx.note(lang.pick(
        format!("Saken {} er avsluttet {date}.", case.id),
        format!("Case {} is closed on {date}.", case.id),
    ));
    if let Some(note) = archive_note {
        ctx.note(note);
    }
    Ok(0)
}
