//! `rt plan`, `rt stafett` and `rt logg`: the follow-up after the user's decision (R13).
//!
//! The stafettholder keeps the plan (goals; measures with a responsible person and an
//! evaluation date; the services taking part and their tasks, each covered by the user's
//! consent), hands the stafett over (it counts when the new holder accepts), and writes short
//! dated entries. Each change is one transaction, judged by the case rules like every other
//! (see `rules::followup`); `rt logg ID` shows the whole log, and `--format md|html` makes a
//! document for the referring unit's archive (R10). Once the user's consent is withdrawn or
//! has expired, nothing more is written on the identified case (`rules::consent`): it goes on
//! anonymously (`rt consent ID --then anonymous`) or is closed (`rt close`, which still works).

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::cli::date_arg;
use crate::error::Error;
use crate::model::followup::{Entry, Evaluation, Goal, Handover, Participant, PlannedMeasure};
use crate::model::{Case, Field, Verdict};
use crate::problem::Problem;
use crate::rules::Finding;
use crate::rules::consent::identity_may_be_saved;
use crate::rules::followup::{consent_covers, started};
use crate::rules::text::normalise_text;
use crate::session::Session;
use crate::store::{cases, load};

/// Flags of `rt plan`.
#[derive(clap::Args, Debug)]
#[command(after_help = "Eksempler:
  rt plan 2026-11-16-mcax --goal 'Ungdommen går på skolen hver dag'
  rt plan 2026-11-16-mcax --measure oppfolging-rus --responsible 'Samira Aziz' --evaluate 2027-03-01 --goal 1
  rt plan 2026-11-16-mcax --participant barnevern --task 'Samtaler med foreldrene'
  rt plan 2026-11-16-mcax --evaluated oppfolging-rus --result continue --note 'Møter jevnlig'

Oppfølgingen (stafettloggen) starter etter brukerens beslutning, med koordinatoren som
stafettholder. En tjeneste kan bare være med når brukerens samtykke omfatter den (R2, R13; se docs/rutine.md).")]
#[command(group(clap::ArgGroup::new("what").args(["goal", "measure", "participant", "evaluated"]).required(true).multiple(true)))]
pub struct PlanArgs {
    /// Saks-id
    #[arg(value_name = "ID")]
    pub id: String,
    /// Et mål for oppfølgingen (alene); med --measure: nummeret på målet tiltaket skal nå
    #[arg(long, value_name = "TEKST|NR")]
    pub goal: Option<String>,
    /// Et tiltak i planen (id fra tiltaksbanken; helst et brukeren har takket ja til)
    #[arg(long, value_name = "TILTAK", requires_all = ["responsible", "evaluate"], conflicts_with_all = ["participant", "evaluated"])]
    pub measure: Option<String>,
    /// Hvem som har ansvaret for tiltaket (lederen av enheten bestemmer hvem, R9, se docs/rutine.md)
    #[arg(long, value_name = "NAVN", requires = "measure")]
    pub responsible: Option<String>,
    /// Når tiltaket skal evalueres
    #[arg(long, value_name = "DATO", value_parser = date_arg, requires = "measure")]
    pub evaluate: Option<NaiveDate>,
    /// En tjeneste som er med i oppfølgingen (enhet fra rt.toml)
    #[arg(long, value_name = "ENHET", requires = "task", conflicts_with_all = ["goal", "evaluated"])]
    pub participant: Option<String>,
    /// Tjenestens oppgave
    #[arg(long, value_name = "TEKST", requires = "participant")]
    pub task: Option<String>,
    /// Et tiltak i planen som er evaluert
    #[arg(long, value_name = "TILTAK", requires_all = ["result", "note"], conflicts_with = "goal")]
    pub evaluated: Option<String>,
    /// Hva evalueringen kom fram til: continue, change eller stop
    #[arg(long, value_name = "RESULTAT", value_parser = verdict_arg, requires = "evaluated")]
    pub result: Option<Verdict>,
    /// Kort notat fra evalueringen
    #[arg(long, value_name = "TEKST", requires = "evaluated")]
    pub note: Option<String>,
    /// Datoen (standard: i dag)
    #[arg(long, value_name = "DATO", value_parser = date_arg)]
    pub date: Option<NaiveDate>,
}

fn verdict_arg(text: &str) -> Result<Verdict, String> {
    Verdict::parse(text).ok_or_else(|| {
        crate::cli::arg_error(
            format!("`{text}`: bruk continue, change eller stop"),
            format!("`{text}`: use continue, change or stop"),
        )
    })
}

/// Flags of `rt stafett`.
#[derive(clap::Args, Debug)]
#[command(after_help = "Eksempler:
  rt stafett 2026-11-16-mcax --to 'Per Hansen'     foreslå ny stafettholder
  rt stafett 2026-11-16-mcax --accept              den nye tar imot stafetten
  rt stafett 2026-11-16-mcax --decline

Stafetten går over først når den nye stafettholderen tar imot den; til da har den gamle den.")]
#[command(group(clap::ArgGroup::new("what").args(["to", "accept", "decline"]).required(true)))]
pub struct StafettArgs {
    /// Saks-id
    #[arg(value_name = "ID")]
    pub id: String,
    /// Foreslå en ny stafettholder
    #[arg(long, value_name = "NAVN")]
    pub to: Option<String>,
    /// Den foreslåtte tar imot stafetten
    #[arg(long)]
    pub accept: bool,
    /// Den foreslåtte tar ikke imot stafetten
    #[arg(long)]
    pub decline: bool,
    /// Datoen (standard: i dag)
    #[arg(long, value_name = "DATO", value_parser = date_arg)]
    pub date: Option<NaiveDate>,
}

/// Output formats of `rt logg`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LogFormat {
    /// Readable text.
    #[default]
    Text,
    /// Markdown (for Pandoc and Word).
    Md,
    /// HTML, to print or archive.
    Html,
}

/// Flags of `rt logg`.
#[derive(clap::Args, Debug)]
#[command(after_help = "Eksempler:
  rt logg 2026-11-16-mcax 'Samtale med mor; avtalt nytt møte' --by 'Samira Aziz'
  rt logg 2026-11-16-mcax                       hele stafettloggen
  rt logg 2026-11-16-mcax --format html --out stafettlogg.html

Stafettloggen er brukerens: den erstatter møtereferatene i oppfølgingen, ikke tjenestenes
egne journaler. Den arkiveres hos enheten som meldte saken (R10; se docs/rutine.md).")]
pub struct LoggArgs {
    /// Saks-id
    #[arg(value_name = "ID")]
    pub id: String,
    /// En ny, kort loggføring (uten denne vises loggen)
    #[arg(value_name = "TEKST", requires = "by")]
    pub text: Option<String>,
    /// Hvem som skriver
    #[arg(long, value_name = "NAVN", requires = "text")]
    pub by: Option<String>,
    /// Datoen loggføringen gjelder (standard: i dag)
    #[arg(long, value_name = "DATO", value_parser = date_arg, requires = "text")]
    pub date: Option<NaiveDate>,
    /// Utdata: text, md eller html
    #[arg(long, value_name = "FORMAT", default_value = "text", conflicts_with = "text")]
    pub format: LogFormat,
    /// Skriv til denne filen i stedet for til skjermen
    #[arg(long, value_name = "FIL", conflicts_with = "text")]
    pub out: Option<PathBuf>,
}

/// Runs `rt plan`.
pub fn plan(args: PlanArgs, ctx: &Session) -> Result<i32, Error> {
    let config = ctx.config()?;
    let (lang, date) = (ctx.lang, args.date.unwrap_or(ctx.today));
    let tx = ctx.transaction()?;
    let edit = cases::open_in(&tx, &args.id)?;
    let mut case = edit.case.clone();
    identity_may_be_saved(&case, date)?;
    let mut findings = Vec::new();
    let done;
    if let Some(measure) = &args.measure {
        let (bank, _) = load::tiltaksbank(&ctx.team, Some(config))?;
        let goal = match args.goal.as_deref().map(str::trim) {
            None => None,
            Some(n) => Some(n.parse::<u32>().map_err(|_| Problem::BadGoalNumber { value: n.to_string() })?),
        };
        let measure = measure.trim().to_string();
        let f = started(&mut case, ctx.today)?;
        let entry = PlannedMeasure {
            measure: measure.clone(),
            responsible: normalise_text(args.responsible.as_deref().unwrap_or_default()),
            evaluate: args.evaluate.unwrap_or(date),
            goal,
        };
        match f.measures.iter_mut().find(|m| m.measure == measure) {
            Some(m) => *m = entry,
            None => f.measures.push(entry),
        }
        let name = bank.get(&measure).map_or(measure.clone(), |m| m.name.clone());
        done = lang.pick(
            format!("Tiltaket «{name}» står i planen."),
            format!("The measure \"{name}\" is in the plan."),
        );
    } else if let Some(unit) = &args.participant {
        let unit = unit.trim().to_string();
        if config.unit(&unit).is_some() {
            // R2: a service joins only as far as the user's consent reaches.
            consent_covers(&case, &unit, date)?;
        }
        let f = started(&mut case, ctx.today)?;
        let task = normalise_text(args.task.as_deref().unwrap_or_default());
        match f.participants.iter_mut().find(|p| p.unit == unit) {
            Some(p) => p.task = task,
            None => f.participants.push(Participant { unit: unit.clone(), task, joined: date }),
        }
        done = lang.pick(
            format!("{} er med i oppfølgingen.", config.unit_name(&unit)),
            format!("{} takes part in the follow-up.", config.unit_name(&unit)),
        );
    } else if let Some(measure) = &args.evaluated {
        let f = started(&mut case, ctx.today)?;
        let verdict = args.result.unwrap_or(Verdict::Continue);
        f.evaluations.push(Evaluation {
            measure: measure.trim().to_string(),
            date,
            verdict,
            note: normalise_text(args.note.as_deref().unwrap_or_default()),
        });
        done = lang.pick(
            format!("Evalueringen er lagret: tiltaket {}.", verdict.label(lang)),
            format!("The evaluation is stored: the measure {}.", verdict.label(lang)),
        );
    } else {
        let text = normalise_text(args.goal.as_deref().unwrap_or_default());
        if text.is_empty() {
            findings.push(Finding::error(Field::Goal(0), Problem::FieldMissing { field: Field::Goal(0) }));
        }
        let f = started(&mut case, ctx.today)?;
        f.goals.push(Goal { text, set: date });
        let n = f.goals.len();
        done = lang.pick(format!("Mål {n} er satt."), format!("Goal {n} is set."));
    }
    super::outcome::judge_and_save(ctx, tx, &edit, &case, findings)?;
    ctx.note(done);
    Ok(0)
}

/// Runs `rt stafett`.
pub fn stafett(args: StafettArgs, ctx: &Session) -> Result<i32, Error> {
    ctx.config()?;
    let (lang, date) = (ctx.lang, args.date.unwrap_or(ctx.today));
    let tx = ctx.transaction()?;
    let edit = cases::open_in(&tx, &args.id)?;
    let mut case = edit.case.clone();
    identity_may_be_saved(&case, date)?;
    let f = started(&mut case, ctx.today)?;
    let done = if let Some(to) = &args.to {
        let to = normalise_text(to);
        if let Some(p) = f.pending() {
            return Err(Problem::HandoverPending { to: p.to.clone() }.into());
        }
        if to.eq_ignore_ascii_case(&f.holder) {
            return Err(Problem::AlreadyHolder { name: to }.into());
        }
        f.handovers.push(Handover { from: f.holder.clone(), to: to.clone(), proposed: date, answer: None });
        lang.pick(
            format!("Stafetten er foreslått overført til {to}; {} har den til {to} tar imot den.", f.holder),
            format!("The stafett is proposed to {to}; {} holds it until {to} accepts it.", f.holder),
        )
    } else {
        let accept = args.accept;
        let to = f.pending().map(|h| h.to.clone()).ok_or(Problem::NoHandoverPending)?;
        f.answer(accept, date);
        if accept {
            lang.pick(
                format!("{to} er stafettholder fra {date}."),
                format!("{to} is the stafettholder from {date}."),
            )
        } else {
            lang.pick(
                format!("{to} tok ikke imot stafetten; {} har den fortsatt.", f.holder),
                format!("{to} declined the stafett; {} still holds it.", f.holder),
            )
        }
    };
    super::outcome::judge_and_save(ctx, tx, &edit, &case, Vec::new())?;
    ctx.note(done);
    Ok(0)
}

/// Runs `rt logg`: a new entry, or the whole log.
pub fn logg(args: LoggArgs, ctx: &Session) -> Result<i32, Error> {
    ctx.config()?;
    let lang = ctx.lang;
    let Some(text) = &args.text else {
        let case = cases::open(&ctx.team, &args.id)?.case;
        return show(&case, &args, ctx);
    };
    let tx = ctx.transaction()?;
    let edit = cases::open_in(&tx, &args.id)?;
    let mut case = edit.case.clone();
    let date = args.date.unwrap_or(ctx.today);
    identity_may_be_saved(&case, date)?;
    let f = started(&mut case, ctx.today)?;
    let by = normalise_text(args.by.as_deref().unwrap_or_default());
    f.log.push(Entry { date, by, text: normalise_text(text) });
    let n = f.log.len();
    super::outcome::judge_and_save(ctx, tx, &edit, &case, Vec::new())?;
    ctx.note(lang.pick(format!("Loggføring {n} er lagret."), format!("Log entry {n} is stored.")));
    Ok(0)
}

/// Shows the stafettlogg of a case.
fn show(case: &Case, args: &LoggArgs, ctx: &Session) -> Result<i32, Error> {
    let config = ctx.config()?;
    let lang = ctx.lang;
    let Some(_) = &case.followup else {
        return Err(Problem::NoFollowup { id: case.id.to_string() }.into());
    };
    let (bank, _) = load::tiltaksbank(&ctx.team, Some(config))?;
    let view = crate::render::stafettlogg::view(case, config, &bank, ctx.today, lang);
    let text = match args.format {
        LogFormat::Text => crate::render::stafettlogg::text(&view, lang),
        LogFormat::Md | LogFormat::Html => {
            let ext = if args.format == LogFormat::Md { "md" } else { "html" };
            let templates = crate::render::Templates::load(&ctx.team)?;
            templates.render(&crate::render::file("stafettlogg", lang, ext), &view)?
        }
    };
    super::write_or_print(ctx, args.out.as_deref(), &text, crate::store::atomic::Privacy::Private)?;
    Ok(0)
}
