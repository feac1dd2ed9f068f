//! `rt tiltak add`: a new measure, from flags or (at a terminal) a short dialogue, appended
//! to `tiltaksbank.toml` so that the file's comments and order stay as they were. The target
//! group is read as ages the way the import reads it (`--age-min`/`--age-max` win).

use crate::diagnostic::Severity;
use crate::error::Error;
use crate::lang::Lang;
use crate::model::{Access, Config, Level, Measure, Tiltaksbank};
use crate::problem::Problem;
use crate::prompt::Prompter;
use crate::rules::text::normalise_text;
use crate::session::Session;
use crate::store::config_file::is_slug;
use crate::store::{TILTAK_FILE, tiltak_file};
use crate::suggest;
use crate::tiltak::search::slug;
use crate::tiltak::target::{TargetError, parse_target};

/// Flags of `rt tiltak add`.
#[derive(clap::Args, Debug, Default)]
#[command(after_help = "Eksempler:
  rt tiltak add --name 'Søvnkurs for foreldre' --provider helsestasjon --access open \\
      --level universal --target 'Foreldre til barn 0–6 år' --tag søvn,foreldre
  rt tiltak add --id mestringskurs-ungdom --name 'Mestringskurs for ungdom' \\
      --provider psykisk-helse-rus --access via-team --age-min 13 --age-max 18
  rt tiltak add --name 'Logopedi' --provider ppt --access referral --referral-from 'skole eller barnehage' 
  rt tiltak add                  i en terminal: rt spør om det som mangler")]
pub struct Args {
    /// Fast id (små bokstaver, sifre, bindestrek); standard: lages av navnet
    #[arg(long, value_name = "ID")]
    pub id: Option<String>,
    /// Tiltakets navn
    #[arg(long, value_name = "NAVN")]
    pub name: Option<String>,
    /// Hvem som tilbyr tiltaket: en enhet eller en annen tjeneste (id fra rt.toml)
    #[arg(long, visible_alias = "unit", value_name = "TILBYDER")]
    pub provider: Option<String>,
    /// open (søk selv), via-team (ressursteamet setter det inn), referral (henvisning) eller decision (vedtak)
    #[arg(long, value_name = "TILGANG", value_parser = super::access_arg)]
    pub access: Option<Access>,
    /// Ved henvisning: fra hvem, f.eks. fastlege
    #[arg(long = "referral-from", value_name = "HVEM")]
    pub referral_from: Option<String>,
    /// Nivået i pyramiden: universal, selective eller indicated
    #[arg(long, value_name = "NIVÅ", value_parser = super::level_arg)]
    pub level: Option<Level>,
    /// Målgruppen slik den skrives, f.eks. 'Barn 6–12 år' eller 'Småbarnsforeldre' (gir alderen)
    #[arg(long, value_name = "TEKST")]
    pub target: Option<String>,
    /// Yngste alder tiltaket passer for (standard: fra målgruppen, ellers 0)
    #[arg(long = "age-min", value_name = "ÅR", value_parser = crate::cli::number_arg::<u8>(0, 120))]
    pub age_min: Option<u8>,
    /// Eldste alder tiltaket passer for (standard: fra målgruppen, ellers 120)
    #[arg(long = "age-max", value_name = "ÅR", value_parser = crate::cli::number_arg::<u8>(0, 120))]
    pub age_max: Option<u8>,
    /// Tiltaket er for foreldre til barn i alderen (standard: fra målgruppen)
    #[arg(long)]
    pub parents: bool,
    /// Hva tiltaket er
    #[arg(long, value_name = "TEKST")]
    pub description: Option<String>,
    /// Hvordan man får tiltaket: hvem man kontakter
    #[arg(long, value_name = "TEKST")]
    pub contact: Option<String>,
    /// Lenke til mer informasjon
    #[arg(long, value_name = "URL")]
    pub link: Option<String>,
    /// Stikkord for søk (kan gjentas, eller skilles med komma)
    #[arg(long = "tag", value_name = "ORD", value_delimiter = ',')]
    pub tags: Vec<String>,
}

/// Checks a new measure against the catalogue and the units; every problem, by flag.
pub fn problems(m: &Measure, bank: &Tiltaksbank, config: &Config) -> Vec<(&'static str, Problem)> {
    let mut out = Vec::new();
    if m.name.trim().is_empty() {
        out.push(("--name", Problem::Missing { key: "name".into() }));
    }
    if !is_slug(&m.id) {
        out.push(("--id", Problem::BadSlug { key: "id".into(), value: m.id.clone() }));
    } else if bank.get(&m.id).is_some() {
        out.push(("--id", Problem::DuplicateEntry { id: m.id.clone(), first_line: 0 }));
    }
    if !config.knows_provider(&m.provider) {
        let suggestion = suggest::closest(&m.provider, config.provider_ids());
        out.push(("--provider", Problem::UnknownProvider { provider: m.provider.clone(), suggestion }));
    }
    if m.access != Access::Referral && !m.referral_from.is_empty() {
        out.push(("--referral-from", Problem::ReferralFromWithoutReferral { access: m.access.code() }));
    }
    if m.age_min > m.age_max || m.age_max > 120 {
        out.push(("--age-max", Problem::AgesReversed { min: m.age_min, max: m.age_max }));
    }
    if !crate::model::measure::is_safe_link(&m.link) {
        out.push(("--link", Problem::BadLink { value: m.link.clone() }));
    }
    // Every text by the same rules as the import and the file (the tags joined, too).
    for found in crate::rules::measure::check(m) {
        let flag = flag_of(found.key);
        out.push((flag, found.flaw.problem(crate::model::Field::Key(flag.into()))));
    }
    out
}

/// The flag that sets a key of a measure.
fn flag_of(key: &str) -> &'static str {
    match key {
        "id" => "--id",
        "name" => "--name",
        "provider" => "--provider",
        "referral_from" => "--referral-from",
        "target" => "--target",
        "description" => "--description",
        "contact" => "--contact",
        "link" => "--link",
        _ => "--tag",
    }
}

fn ask(args: &mut Args, config: &Config, lang: Lang) -> Result<(), Error> {
    let mut p = Prompter::terminal(lang);
    if args.name.is_none() {
        args.name = Some(p.ask_until(lang.pick("Tiltakets navn", "Name of the measure"), None, |s| {
            if s.is_empty() {
                Err(lang.pick("navnet trengs", "the name is needed").to_string())
            } else {
                Ok(s.to_string())
            }
        })?);
    }
    if args.provider.is_none() {
        let ids: Vec<&str> = config.provider_ids().collect();
        args.provider = Some(p.ask_until(lang.pick("Tilbyder", "Provider"), Some(&ids.join(", ")), |s| {
            if config.knows_provider(s) {
                Ok(s.to_string())
            } else {
                Err(Problem::UnknownProvider {
                    provider: s.into(),
                    suggestion: suggest::closest(s, config.provider_ids()),
                }
                .message(lang))
            }
        })?);
    }
    if args.access.is_none() {
        let choices = "open / via-team / referral / decision";
        args.access = Some(p.ask_until(lang.pick("Tilgang", "Access"), Some(choices), |s| {
            Access::parse(s).ok_or_else(|| {
                lang.pick(
                    "svar open, via-team, referral (henvisning) eller decision (vedtak)",
                    "answer open, via-team, referral or decision",
                )
                .to_string()
            })
        })?);
    }
    if args.access == Some(Access::Referral) && args.referral_from.is_none() {
        let from = p.text(
            lang.pick("Henvisning fra (kan stå tomt)", "Referral from (may be empty)"),
            false,
            |_| Ok(()),
        )?;
        args.referral_from = Some(from);
    }
    if args.description.is_none() {
        let d =
            p.text(lang.pick("Beskrivelse (kan stå tomt)", "Description (may be empty)"), false, |_| Ok(()))?;
        args.description = Some(d);
    }
    Ok(())
}

/// Runs `rt tiltak add`.
pub fn run(mut args: Args, ctx: &Session) -> Result<i32, Error> {
    let (config, _) = super::load_bank(ctx, crate::tiltak::privacy::Use::Write)?;
    let lang = ctx.lang;
    if ctx.interactive && (args.name.is_none() || args.provider.is_none() || args.access.is_none()) {
        ask(&mut args, &config, lang)?;
    }
    let name = normalise_text(args.name.as_deref().unwrap_or_default());
    let mut missing = Vec::new();
    if args.provider.is_none() {
        missing.push("--provider");
    }
    if args.access.is_none() {
        missing.push("--access");
    }
    if name.is_empty() {
        missing.push("--name");
    }
    if !missing.is_empty() {
        for flag in &missing {
            let problem = Problem::FieldMissing {
                field: crate::model::Field::Key(flag.trim_start_matches('-').into()),
            };
            ctx.note(crate::diagnostic::render_message(Severity::Error, None, &problem, Some(flag), lang));
        }
        return Err(Error::Stop(Problem::MeasureNotAdded { problems: missing.len() }));
    }
    let target = normalise_text(args.target.as_deref().unwrap_or_default());
    // The target group gives the ages, unless they are given; one that cannot be read must.
    let read = if target.is_empty() { None } else { Some(parse_target(&target)) };
    let explicit = args.age_min.is_some() || args.age_max.is_some();
    let from_target = match read {
        Some(Ok(ages)) => Some(ages),
        Some(Err(e)) if !explicit => {
            let problem = match e {
                TargetError::Reversed(min, max) => Problem::AgesReversed { min, max },
                TargetError::Unreadable => Problem::BadTarget { value: target.clone() },
            };
            ctx.note(crate::diagnostic::render_message(
                Severity::Error,
                None,
                &problem,
                Some("--target"),
                lang,
            ));
            return Err(Error::Stop(Problem::MeasureNotAdded { problems: 1 }));
        }
        Some(Err(_)) | None => None,
    };
    let measure = Measure {
        id: args.id.as_deref().map(str::trim).map(String::from).unwrap_or_else(|| slug(&name)),
        name,
        provider: args.provider.unwrap_or_default().trim().to_string(),
        access: args.access.unwrap_or(Access::Open),
        referral_from: normalise_text(args.referral_from.as_deref().unwrap_or_default()),
        level: args.level,
        age_min: args.age_min.or(from_target.map(|a| a.min)).unwrap_or(0),
        age_max: args.age_max.or(from_target.map(|a| a.max)).unwrap_or(120),
        parents: args.parents || from_target.is_some_and(|a| a.parents),
        target,
        description: normalise_text(args.description.as_deref().unwrap_or_default()),
        contact: normalise_text(args.contact.as_deref().unwrap_or_default()),
        link: args.link.as_deref().unwrap_or_default().trim().to_string(),
        tags: args.tags.iter().map(|t| t.trim().to_string()).filter(|t| !t.is_empty()).collect(),
        imported: None,
    };

    // Read, check and write in one transaction, so two additions cannot lose one another.
    let mut tx = ctx.transaction()?;
    let text = tx.read(TILTAK_FILE)?.unwrap_or_else(|| "schema = 1\n".into());
    let (bank, _) = tiltak_file::read(TILTAK_FILE, &text, Some(&config));
    let found = problems(&measure, &bank, &config);
    if !found.is_empty() {
        for (flag, problem) in &found {
            ctx.note(crate::diagnostic::render_message(Severity::Error, None, problem, Some(flag), lang));
        }
        return Err(Error::Stop(Problem::MeasureNotAdded { problems: found.len() }));
    }
    tiltak_file::save(&mut tx, &text, &[&measure])?;
    crate::cmd::commit(ctx, tx)?;
    ctx.print(&format!("{}\n", measure.id))?;
    ctx.note(lang.pick(
        format!("Tiltaket «{}» er lagt til ({}).", measure.name, config.provider_name(&measure.provider)),
        format!("The measure \"{}\" is added ({}).", measure.name, config.provider_name(&measure.provider)),
    ));
    Ok(0)
}
