//! `rt record`, `rt decide`, `rt close`: the team's outcome (R8), the user's own decision
//! (R9), and the end of a case. Each reads the case, takes one step forward along
//! referred → scheduled → discussed → decided → closed (see `rules::status`), judges the
//! result with the same rules as `rt refer` and `rt check`, and writes it back keeping the
//! file's comments and hand edits. A refusal names the flag to fix and changes nothing.
//!
//! Nothing with the user's identity is saved once the consent has lapsed (R2 in time; see
//! `rules::consent`). The user's answers add up one measure at a time (`rules::decision`).
//! A guidance case gets the team's advice and no user decision, and closes without a reason
//! once advised.

use chrono::{Duration, NaiveDate};

use crate::cli::date_arg;
use crate::diagnostic::Severity;
use crate::error::Error;
use crate::model::dates::Half;
use crate::model::{Case, Field, Outcome, Proposal, Status, WayIn};
use crate::problem::Problem;
use crate::rules::case::RuleContext;
use crate::rules::status::{self, Step};
use crate::rules::text::normalise_text;
use crate::rules::{self, Finding};
use crate::schedule::placement;
use crate::session::Session;
use crate::store::transaction::Transaction;
use crate::store::{cases, load};
use crate::suggest;

/// How long after the meeting the follow-up comes when none is given: a follow-up is always
/// agreed (R8), and six weeks is two meeting cycles (the first open meeting from then on).
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
    /// Teamets vurdering (i en veiledningssak: teamets råd)
    #[arg(long, value_name = "TEKST")]
    pub assessment: String,
    /// Neste steg
    #[arg(long = "next-step", value_name = "TEKST")]
    pub next_step: String,
    /// BTI: saken løftes til instansmøte 0–6 år eller skole (nivå 2)
    #[arg(long)]
    pub level2: bool,
    /// Dato for oppfølging (standard: første møte seks uker etter møtet eller senere)
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
    after_help = "Eksempler:\n  rt decide 2026-11-16-mcax --accept oppfolging-rus --decline samtaler-helsesykepleier\n  rt decide 2026-11-02-4mvl --accept cos-p-samspill --date 2026-11-20\n  rt decide 2026-11-02-4mvl --decline cos-p-samspill --change\n\nSvarene legges til de brukeren har gitt før; saken er besluttet når alle tiltakene har svar."
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
    /// Endre et svar brukeren allerede har gitt (endringen dateres og vises i `rt show`)
    #[arg(long)]
    pub change: bool,
    /// Når brukeren svarte (standard: i dag)
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
    /// Hvorfor saken avsluttes (kreves før brukerens beslutning, f.eks. trukket; ikke etter trukket samtykke eller en veiledningssak med råd; i oppfølging: goal-reached, concern-gone, individual-plan eller user-ended)
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
    let all = rules::case::check(case, &cx);
    let new: Vec<Finding> = all
        .iter()
        .filter(|f| !before.contains(f) && !rules::decision::explained(f, &findings))
        .filter(|f| !rules::meeting_date::follows_from_outcome_date(f, &all))
        .cloned()
        .collect();
    findings.extend(new);
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

/// The published schedules of the half-years of the given dates (a half-year not published,
/// or whose file has errors, is left out: there is nothing fixed to hold a date to).
fn published_around(
    ctx: &Session,
    config: &crate::model::Config,
    dates: [Option<NaiveDate>; 2],
) -> Result<Vec<crate::model::Schedule>, Error> {
    let mut halves: Vec<Half> = dates.into_iter().flatten().map(Half::of).collect();
    halves.dedup();
    let mut out = Vec::new();
    for half in halves {
        if let (Some(s), _) = crate::store::load::schedule(&ctx.team, config, half)?
            && s.published.is_some()
        {
            out.push(s);
        }
    }
    Ok(out)
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
    rules::consent::identity_may_be_saved(&case, date)?;
    let published = published_around(ctx, config, [Some(date), case.meeting])?;
    rules::meeting_date::outcome_date(&case, date, &published, ctx.today)?;
    let guidance = case.way_in == WayIn::Guidance;
    // A follow-up is agreed for a user (R8); a guidance case gets one only when given.
    let follow_up = match args.follow_up {
        Some(day) => Some(day),
        None if guidance => None,
        None => {
            let later = date + Duration::days(DEFAULT_FOLLOW_UP_DAYS);
            let meetings = load::meetings_around(&ctx.team, config, later, None)?;
            Some(placement::follow_up_day(&meetings, date, DEFAULT_FOLLOW_UP_DAYS))
        }
    };
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
            evaluate: args.evaluate.or(follow_up),
        });
    }
    findings.extend(rules::decision::answers_dropped(case.decision.as_ref(), &proposed));
    if args.level2 && case.way_in != WayIn::Bti {
        findings.push(Finding::error(Field::Level2, Problem::Level2NotBti));
    }
    let coordinator = match args.coordinator.as_deref() {
        Some(name) => normalise_text(name),
        None if guidance => String::new(),
        None => case.referrer.name.clone(),
    };
    case.outcome = Some(Outcome {
        date,
        assessment: normalise_text(&args.assessment),
        next_step: normalise_text(&args.next_step),
        proposed,
        level2: args.level2,
        follow_up,
        coordinator: coordinator.clone(),
    });
    for (field, text) in [(Field::Assessment, &args.assessment), (Field::NextStep, &args.next_step)] {
        if text.trim().is_empty() {
            findings.push(Finding::error(field.clone(), Problem::TextMissing { field }));
        }
    }
    judge_and_save(ctx, tx, &edit, &case, findings)?;
    let n = case.outcome.as_ref().map_or(0, |o| o.proposed.len());
    let Some(follow_up) = follow_up else {
        ctx.note(lang.pick(
            format!(
                "Teamets råd er lagret for {}: {n} tiltak foreslått. `rt close {}` avslutter saken.",
                case.id, case.id
            ),
            format!(
                "The team's advice is stored for {}: {n} measure(s) proposed. `rt close {}` closes the case.",
                case.id, case.id
            ),
        ));
        return Ok(0);
    };
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
    if case.way_in == WayIn::Guidance {
        return Err(Problem::GuidanceNoDecision.into());
    }
    step(&case, Step::Decide)?;
    let date = args.date.unwrap_or(ctx.today);
    rules::consent::identity_may_be_saved(&case, date)?;
    let clean = |v: &[String]| -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for id in v.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
            if !out.iter().any(|o| o == id) {
                out.push(id.to_string());
            }
        }
        out
    };
    let (accept, decline) = (clean(&args.accept), clean(&args.decline));
    let given = rules::decision::Given { accept: &accept, decline: &decline, change: args.change, date };
    let decision = match rules::decision::apply(case.decision.as_ref(), &given) {
        Ok(d) => d,
        Err(findings) => {
            for f in &findings {
                ctx.note(crate::diagnostic::render_finding(f, lang));
            }
            return Err(Error::Stop(Problem::NotSaved { problems: findings.len() }));
        }
    };
    let open =
        case.outcome.as_ref().map(|o| rules::decision::unanswered(o, Some(&decision))).unwrap_or_default();
    // Decided once every proposed measure has an answer; until then still discussed.
    case.status = if open.is_empty() { Status::Decided } else { Status::Discussed };
    case.decision = Some(decision);
    judge_and_save(ctx, tx, &edit, &case, Vec::new())?;
    let d = case.decision.as_ref().expect("just set");
    let (yes, no) = (d.accepted.len(), d.declined.len());
    let state = if open.is_empty() {
        lang.pick("saken er besluttet".to_string(), "the case is decided".to_string())
    } else {
        lang.pick(
            format!("venter på svar på: {}", open.join(", ")),
            format!("waiting for an answer on: {}", open.join(", ")),
        )
    };
    ctx.note(lang.pick(
        format!("Brukerens svar er lagret for {}: ja til {yes}, nei til {no}; {state}.", case.id),
        format!("The user's answers are stored for {}: {yes} accepted, {no} declined; {state}.", case.id),
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
    let date = args.date.unwrap_or(ctx.today);
    let mut reason = args.reason.as_deref().map(normalise_text).unwrap_or_default();
    let mut lapsed = false;
    // A lapsed consent is reason enough, and says so.
    if reason.is_empty()
        && let Some((withdrawn, day)) = rules::consent::lapse(&case, date).and_then(|l| l.dated())
    {
        reason = lapse_reason(withdrawn, day, lang);
        lapsed = true;
    }
    // A guidance case ends with the team's advice; no user decides on anything.
    let advised = case.way_in == WayIn::Guidance && case.outcome.is_some();
    let early = case.status != Status::Decided;
    case.status = step(&case, Step::Close { with_reason: !reason.is_empty() || advised })?;
    case.closed = Some(date);
    // A case in follow-up ends it, with one of its reasons (R13); the log goes to the archive.
    let mut archive_note = None;
    if let Some(f) = case.followup.as_mut().filter(|f| f.ended.is_none()) {
        // A follow-up whose consent lapsed was ended by the user.
        let why = crate::model::EndReason::parse(&reason)
            .or(lapsed.then_some(crate::model::EndReason::UserEnded))
            .ok_or(Problem::FollowupNeedsReason)?;
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

/// Why a case closes when its consent lapsed, in the words kept in the case file.
pub fn lapse_reason(withdrawn: bool, day: NaiveDate, lang: crate::lang::Lang) -> String {
    if withdrawn {
        lang.pick(
            format!("Samtykket er trukket tilbake {day}."),
            format!("The consent was withdrawn on {day}."),
        )
    } else {
        lang.pick(format!("Samtykket utløp {day}."), format!("The consent expired on {day}."))
    }
}
