//! `rt refer`: registers a case, checked against the team's rules before anything is
//! written (R1–R5).
//!
//! The flags (or, at a terminal, a short dialogue for what is missing) become a [`Case`];
//! the same rules `rt check` applies judge it; a refusal lists every problem with the flag
//! that fixes it and writes nothing. On success the new id is the only thing on stdout.
//!
//! R5 is asked, not guessed: a free text on R5's word list (`rules::r5`, which the team may
//! extend) is asked about again at a terminal, with the words shown; without a terminal the
//! referral waits for `--no-violence-concern`. A contact to invite must be a person of
//! `rt.toml` (R7), and a consent must reach the meeting the case gets (R2 in time).

mod checks;
mod confirmation;
mod dialogue;

use chrono::NaiveDate;

use crate::cli::date_arg;
use crate::diagnostic::Severity;
use crate::error::Error;
use crate::lang::Lang;
use crate::model::dates::age_on;
use crate::model::{
    Case, CaseId, Config, Consent, ConsentBy, Field, Referrer, Situation, Status, User, WayIn,
};
use crate::problem::Problem;
use crate::prompt::Prompter;
use crate::rules::case::RuleContext;
use crate::rules::text::{normalise_initials, normalise_text};
use crate::rules::{self, Finding};
use crate::schedule::placement;
use crate::session::Session;
use crate::store::atomic::Privacy;
use crate::store::transaction::Transaction;
use crate::store::{TeamDir, case_file, load};

/// Flags of `rt refer`; at a terminal, missing ones are asked for.
#[derive(clap::Args, Debug, Default, Clone)]
#[command(after_help = "Eksempler:
  rt refer --way bti --initials A.B. --born 2019-04-12 --consent --consent-by guardian \\
           --copy-to barnevern --leader-consulted --referrer 'Kari Helse' --unit helsestasjon \\
           --concern 'Uro i barnehagen' --tried 'Samtaler med foreldrene' --wishes 'Ro hjemme'
  rt refer --way user-case --anonymous --age 34 --referrer 'Per Rus' --unit psykisk-helse-rus \\
           --concern '...' --tried '...' --wishes '...'
  rt refer --way guidance --referrer 'Nina Fysio' --unit fysio-ergo --concern '...' --tried '...'

Uten flagg, i en terminal, spør rt om det som mangler. Ved mistanke om vold eller
seksuelle overgrep: kontakt barnevernet eller politiet direkte (R5, se docs/rutine.md). Nevner teksten ord fra
R5-listen (f.eks. «slår», «blåmerker»), spør rt om det igjen; uten terminal kreves
--no-violence-concern. Teamet kan legge egne ord i r5-words.txt i team-mappen.
Kontaktpersoner (--invite-contact) må stå i rt.toml ([[members]] eller [[contacts]]).")]
pub struct Args {
    /// Vei inn (R1, se docs/rutine.md): bti, user-case (brukersak utenom BTI) eller guidance (veiledning for ansatte)
    #[arg(long, value_name = "VEI", value_parser = way_arg)]
    pub way: Option<WayIn>,
    /// Drøft saken anonymt: ingen initialer eller fødselsdato (R3, se docs/rutine.md)
    #[arg(long)]
    pub anonymous: bool,
    /// Brukerens initialer, f.eks. A.B. (aldri fullt navn)
    #[arg(long, value_name = "A.B.")]
    pub initials: Option<String>,
    /// Brukerens fødselsdato
    #[arg(long, value_name = "DATO", value_parser = date_arg)]
    pub born: Option<NaiveDate>,
    /// Alder, for statistikken (bare anonyme saker)
    #[arg(long, value_name = "ÅR", value_parser = crate::cli::number_arg::<u8>(0, 130))]
    pub age: Option<u8>,
    /// Brukeren har samtykket til at saken drøftes (R2, se docs/rutine.md)
    #[arg(long)]
    pub consent: bool,
    /// Hvem som samtykket: user (brukeren), guardian (foresatte/verge) eller self (ungdom over samtykkealderen)
    #[arg(long, value_name = "HVEM", value_parser = consent_by_arg)]
    pub consent_by: Option<ConsentBy>,
    /// Når samtykket ble gitt (standard: i dag)
    #[arg(long, value_name = "DATO", value_parser = date_arg)]
    pub consent_date: Option<NaiveDate>,
    /// Når samtykket utløper
    #[arg(long, value_name = "DATO", value_parser = date_arg)]
    pub consent_expires: Option<NaiveDate>,
    /// Enhetene brukeren samtykker til at får kopi av referatet (R10, se docs/rutine.md)
    #[arg(long, value_name = "ENHET", value_delimiter = ',')]
    pub copy_to: Vec<String>,
    /// Meldingen er drøftet med enhetsleder (R2, se docs/rutine.md)
    #[arg(long)]
    pub leader_consulted: bool,
    /// Navnet ditt (den ansatte som melder saken)
    #[arg(long, value_name = "NAVN")]
    pub referrer: Option<String>,
    /// Enheten din (id fra rt.toml); kan utelates for faste medlemmer
    #[arg(long, value_name = "ENHET")]
    pub unit: Option<String>,
    /// Brukerens/familiens situasjon: hva bekymringen gjelder (R4, se docs/rutine.md)
    #[arg(long, value_name = "TEKST")]
    pub concern: Option<String>,
    /// Hva som er forsøkt tidligere (R4, se docs/rutine.md)
    #[arg(long, value_name = "TEKST")]
    pub tried: Option<String>,
    /// Hva som er viktig for brukeren (R4, se docs/rutine.md; ikke for veiledningssaker)
    #[arg(long, value_name = "TEKST")]
    pub wishes: Option<String>,
    /// Hva du ønsker at teamet skal hjelpe med
    #[arg(long, value_name = "TEKST")]
    pub question: Option<String>,
    /// Kontaktperson på familiesenteret som brukeren vil ha med (kan gjentas; ikke i en anonym sak)
    #[arg(long = "invite-contact", value_name = "NAVN")]
    pub invite_contact: Vec<String>,
    /// BTI-nivå 0–3 (standard 1 for BTI-saker)
    #[arg(long, value_name = "NIVÅ", value_parser = crate::cli::number_arg::<u8>(0, 3))]
    pub bti_level: Option<u8>,
    /// Sett saken på møtet denne datoen (ellers: første møte etter meldefristen med plass)
    #[arg(long, value_name = "DATO", value_parser = date_arg)]
    pub meeting: Option<NaiveDate>,
    /// Saken gjelder mistanke om vold eller seksuelle overgrep (da meldes den ikke, R5; se docs/rutine.md)
    #[arg(long)]
    pub violence: bool,
    /// Du har vurdert R5 (se docs/rutine.md) og har ikke mistanke om vold eller overgrep, selv om teksten nevner ord som kan tyde på det
    #[arg(long)]
    pub no_violence_concern: bool,
    /// Vis saksfilen som ville blitt skrevet, uten å skrive den
    #[arg(long)]
    pub dry_run: bool,
}

fn way_arg(text: &str) -> Result<WayIn, String> {
    WayIn::parse(text).ok_or_else(|| {
        crate::cli::arg_error(
            format!("`{text}`: bruk bti, user-case eller guidance"),
            format!("`{text}`: use bti, user-case or guidance"),
        )
    })
}

fn consent_by_arg(text: &str) -> Result<ConsentBy, String> {
    ConsentBy::parse(text).ok_or_else(|| {
        crate::cli::arg_error(
            format!("`{text}`: bruk user, guardian eller self"),
            format!("`{text}`: use user, guardian or self"),
        )
    })
}

/// Runs `rt refer`.
pub fn run(mut args: Args, ctx: &Session) -> Result<i32, Error> {
    // R5 first: such a case is never a team case, whatever else is given.
    if args.violence {
        return Err(Problem::Violence.into());
    }
    let config = ctx.config()?;
    let (lang, today) = (ctx.lang, ctx.today);

    if ctx.interactive && !missing(&args, config).is_empty() {
        dialogue::fill(&mut args, config, today, &mut Prompter::terminal(lang))?;
    }
    let phrases = checks::r5_again(&args, ctx)?;

    let (mut case, mut findings) = build(&args, config, today);
    let cx = RuleContext { config, measures: None, today };
    findings.extend(rules::case::check(&case, &cx).into_iter().filter(|f| match f.problem {
        // Answered above: R5 was asked, or the referrer confirmed it was considered.
        Problem::ViolenceMentioned { .. } => phrases.is_empty(),
        // Refused by `build` already, with the flag.
        Problem::UnknownContact { .. } => false,
        // Without a birth date the user's age is unknown, and nothing can be said of it.
        Problem::ConsentByAge { .. } => args.born.is_some(),
        // A unit not given is reported missing by `build`; it is no unknown unit too.
        Problem::UnknownUnit { ref unit, .. } => !(unit.is_empty() && f.field == Field::ReferrerUnit),
        _ => true,
    }));
    if args.way.is_none() {
        // The way in is unknown: judgements that depend on it would only confuse.
        findings.retain(|f| f.field != Field::BtiLevel);
    }
    // R6/R7: the case goes to the earliest meeting after the referral deadline with room, or
    // to the one asked for. Judged first without the lock (a refusal touches nothing), then
    // counted again inside the transaction right before writing, so people referring at the
    // same moment can never fill a meeting past its capacity.
    findings.extend(place(&mut case, &args, config, &ctx.team, today)?);
    let errors = findings.iter().filter(|f| f.severity == Severity::Error).count();
    for f in &findings {
        ctx.note(crate::diagnostic::render_finding(f, lang));
    }
    if errors > 0 {
        return Err(Problem::Refused { problems: errors }.into());
    }

    if args.dry_run {
        ctx.print(&case_file::new_text_in(&case, lang))?;
        ctx.note(lang.pick("(prøvekjøring: ingenting er skrevet)", "(dry run: nothing was written)"));
        return Ok(0);
    }
    let mut tx = ctx.transaction()?;
    let late: Vec<Finding> = place(&mut case, &args, config, tx.team(), today)?
        .into_iter()
        .filter(|f| f.severity == Severity::Error)
        .collect();
    if !late.is_empty() {
        // The meeting filled up in the moment since the first look.
        for f in &late {
            ctx.note(crate::diagnostic::render_finding(f, lang));
        }
        return Err(Problem::Refused { problems: late.len() }.into());
    }
    stage_new_case(&mut tx, &mut case, lang);
    crate::cmd::commit(ctx, tx)?;
    ctx.print(&format!("{}\n", case.id))?;
    ctx.note(confirmation::text(&case, config, lang));
    Ok(0)
}

/// Places the case in a meeting (the one asked for, or the earliest after the referral
/// deadline with room), counting the cases placed right now; returns what is wrong with it.
fn place(
    case: &mut Case,
    args: &Args,
    config: &Config,
    team: &TeamDir,
    today: NaiveDate,
) -> Result<Vec<Finding>, Error> {
    let load = load::meeting_load(team, today);
    let meetings = load::meetings_around(team, config, today, args.meeting)?;
    let (deadline, capacity) = (config.meetings.referral_deadline_days, config.meetings.cases_per_meeting);
    let earliest = placement::earliest_day(today, deadline);
    let mut findings = match args.meeting {
        Some(date) => placement::check_requested(date, &meetings, today, deadline, capacity, &load),
        None => match placement::with_room(&meetings, earliest, capacity, &load).next() {
            Some(m) => {
                case.meeting = Some(m.date);
                case.status = Status::Scheduled;
                Vec::new()
            }
            None => {
                case.meeting = None;
                case.status = Status::Referred;
                vec![Finding::warning(Field::Meeting, Problem::NotPlaced)]
            }
        },
    };
    // R2 in time: the consent must still hold on the day of the meeting.
    if let (Some(meeting), Some(expires)) = (case.meeting, case.consent.as_ref().and_then(|c| c.expires))
        && expires < meeting
    {
        let fits = placement::before_expiry(&meetings, earliest, expires, capacity, &load);
        findings.push(Finding::error(
            Field::ConsentExpires,
            Problem::ConsentExpiresBeforeMeeting { expires, meeting, fits },
        ));
    }
    Ok(findings)
}

/// The fields a dialogue would have to ask for.
fn missing(a: &Args, config: &Config) -> Vec<Field> {
    let mut out = Vec::new();
    let way = a.way;
    if way.is_none() {
        out.push(Field::WayIn);
    }
    if a.referrer.is_none() {
        out.push(Field::ReferrerName);
    }
    if a.unit.is_none() && a.referrer.as_deref().and_then(|r| config.member(r)).is_none() {
        out.push(Field::ReferrerUnit);
    }
    let has_user = !a.anonymous && (a.initials.is_some() || a.born.is_some() || way != Some(WayIn::Guidance));
    if has_user {
        if a.initials.is_none() {
            out.push(Field::Initials);
        }
        if a.born.is_none() {
            out.push(Field::Born);
        }
        if !a.consent {
            out.push(Field::Consent);
        }
        if !a.leader_consulted {
            out.push(Field::LeaderConsulted);
        }
    }
    if a.concern.is_none() {
        out.push(Field::Concern);
    }
    if a.tried.is_none() {
        out.push(Field::Tried);
    }
    if a.wishes.is_none() && way != Some(WayIn::Guidance) {
        out.push(Field::Wishes);
    }
    out
}

/// Turns the answers into a case (with a provisional id) and the findings that only the
/// answers can show; the case rules add the rest.
fn build(a: &Args, config: &Config, today: NaiveDate) -> (Case, Vec<Finding>) {
    let mut findings = Vec::new();
    let way_in = a.way.unwrap_or_else(|| {
        findings.push(Finding::error(Field::WayIn, Problem::FieldMissing { field: Field::WayIn }));
        WayIn::UserCase
    });
    let referrer_name = a.referrer.as_deref().map(normalise_text).unwrap_or_default();
    let unit = match (&a.unit, config.member(&referrer_name)) {
        (Some(u), _) => u.trim().to_string(),
        (None, Some(member)) => member.unit.clone(),
        (None, None) => {
            findings.push(Finding::error(
                Field::ReferrerUnit,
                Problem::FieldMissing { field: Field::ReferrerUnit },
            ));
            String::new()
        }
    };

    let user = if a.anonymous {
        if a.initials.is_some() {
            findings.push(Finding::error(Field::Initials, Problem::IdentityOnAnonymous));
        }
        if a.born.is_some() {
            findings.push(Finding::error(Field::Born, Problem::IdentityOnAnonymous));
        }
        User::Anonymous { age: a.age }
    } else if a.initials.is_some() || a.born.is_some() || way_in != WayIn::Guidance {
        if a.age.is_some() {
            findings.push(Finding::error(Field::Age, Problem::AgeNeedsAnonymous));
        }
        let initials = match a.initials.as_deref() {
            None => {
                findings
                    .push(Finding::error(Field::Initials, Problem::FieldMissing { field: Field::Initials }));
                None
            }
            Some(raw) => normalise_initials(raw).or_else(|| {
                findings.push(Finding::error(Field::Initials, Problem::BadInitials));
                None
            }),
        };
        if a.born.is_none() {
            findings.push(Finding::error(Field::Born, Problem::FieldMissing { field: Field::Born }));
        }
        match (initials, a.born) {
            (Some(initials), Some(born)) => User::Known { initials, born },
            // Placeholders so the other rules can still speak; the findings above refuse. The
            // birth date given is kept, so what is said about the user's age stays true.
            (None, Some(born)) => User::Known { initials: "X.X.".into(), born },
            _ => User::Known { initials: "X.X.".into(), born: today },
        }
    } else {
        if a.age.is_some() {
            findings.push(Finding::error(Field::Age, Problem::AgeNeedsAnonymous));
        }
        User::Nobody
    };

    let details_given = !a.copy_to.is_empty()
        || a.consent_by.is_some()
        || a.consent_date.is_some()
        || a.consent_expires.is_some();
    let consent = if a.consent {
        let date = a.consent_date.unwrap_or(today);
        let given_by = a.consent_by.or_else(|| match &user {
            User::Known { born, .. } => {
                let age = age_on(*born, date);
                if age >= 18 {
                    Some(ConsentBy::User)
                } else if age < i32::from(config.self_consent_age) {
                    Some(ConsentBy::Guardian)
                } else {
                    let self_age = config.self_consent_age;
                    findings
                        .push(Finding::error(Field::ConsentBy, Problem::ConsentByNeeded { age, self_age }));
                    None
                }
            }
            _ => Some(ConsentBy::User),
        });
        let mut units: Vec<String> =
            a.copy_to.iter().map(|u| u.trim().to_string()).filter(|u| !u.is_empty()).collect();
        units.dedup();
        given_by.map(|given_by| Consent {
            given_by,
            date,
            units,
            expires: a.consent_expires,
            withdrawn: None,
        })
    } else {
        if details_given {
            let field = if a.copy_to.is_empty() { Field::Consent } else { Field::ConsentUnits(None) };
            findings.push(Finding::error(field, Problem::ConsentDetailsWithoutConsent));
        }
        None
    };

    let invite = checks::contacts(&a.invite_contact, config, &mut findings);
    let text = |t: &Option<String>| t.as_deref().map(normalise_text).unwrap_or_default();
    let case = Case {
        schema: crate::model::case::CASE_SCHEMA,
        id: CaseId::random(today, &mut fastrand::Rng::new()),
        way_in,
        status: if a.meeting.is_some() { Status::Scheduled } else { Status::Referred },
        referred: today,
        meeting: a.meeting,
        bti_level: a.bti_level.or((way_in == WayIn::Bti).then_some(1)),
        leader_consulted: a.leader_consulted.then_some(today),
        invite,
        closed: None,
        closed_reason: String::new(),
        anonymised: None,
        age_band: None,
        anonymous_since: None,
        referrer: Referrer { name: referrer_name, unit },
        user,
        consent,
        situation: Situation {
            concern: text(&a.concern),
            tried: text(&a.tried),
            wishes: text(&a.wishes),
            question: text(&a.question),
        },
        outcome: None,
        decision: None,
        followup: None,
    };
    // A missing referrer name is reported once, by the case rules.
    (case, findings)
}

/// Stages the case under a fresh id; a taken name (another referral the same day drew the
/// same suffix) draws again. Under the lock no other `rt` can take the name before the
/// commit; the commit still refuses, writing nothing, if anything else did.
fn stage_new_case(tx: &mut Transaction<'_>, case: &mut Case, lang: Lang) {
    let mut rng = fastrand::Rng::new();
    // A million names a day: a free one is found at once unless the day is nearly full.
    for _ in 0..4096 {
        case.id = CaseId::random(case.referred, &mut rng);
        let rel = TeamDir::case_rel(&case.id);
        if !tx.exists(&rel) {
            break;
        }
    }
    tx.create(&TeamDir::case_rel(&case.id), case_file::new_text_in(case, lang), Privacy::Private);
}

#[cfg(test)]
mod tests;
