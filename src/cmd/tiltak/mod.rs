//! `rt tiltak`: the tiltaksbank (R11) — browse, search and show measures (by provider, way
//! in, level and age); add one; import a spreadsheet ([`import`]), export the catalogue
//! ([`export`]), and publish it as a static web site ([`site`]).

mod add;
mod export;
mod import;
mod site;

use serde::Serialize;

use super::{TextOrJson, to_json};
use crate::diagnostic::Severity;
use crate::error::Error;
use crate::lang::Lang;
use crate::model::{Access, Config, Level, Measure, Tiltaksbank};
use crate::problem::Problem;
use crate::session::Session;
use crate::store::load;
use crate::table;
use crate::tiltak::privacy::{self, Use, Verdict};
use crate::tiltak::{labels, search};

/// Flags of `rt tiltak`.
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Eksempler:\n  rt tiltak search foreldre\n  rt tiltak list --age 7 --access open --level universal\n  rt tiltak show kid-kurs"
)]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands of `rt tiltak`.
#[derive(clap::Subcommand, Debug)]
pub enum Command {
    /// List tiltakene, filtrert på tilbyder, tilgang, nivå eller alder
    #[command(
        after_help = "Eksempler:\n  rt tiltak list\n  rt tiltak list --provider barnevern --access via-team\n  rt tiltak list --age 7 --level universal\n  rt tiltak list --provider kulturskole"
    )]
    List(ListArgs),
    /// Søk i navn, beskrivelse og stikkord (skriv gjerne o for ø, a for å, ae for æ)
    #[command(after_help = "Eksempler:\n  rt tiltak search foreldre\n  rt tiltak search okonomi")]
    Search(SearchArgs),
    /// Vis ett tiltak
    #[command(
        after_help = "Eksempler:\n  rt tiltak show kid-kurs\n  rt tiltak show familierad --format json"
    )]
    Show(ShowArgs),
    /// Legg et tiltak til i tiltaksbank.toml (kommentarer og rekkefølge beholdes)
    Add(add::Args),
    /// Les tiltak fra et regneark (.xlsx) eller en .csv-fil; skriv bare med --apply
    Import(import::ImportArgs),
    /// Skriv tiltaksbanken som CSV, eller som Open Referral HSDS (JSON)
    Export(export::ExportArgs),
    /// Tiltaksbanken som nettside med søk og filtre, uten server (R15, se docs/rutine.md)
    Site(site::SiteArgs),
}

/// Flags of `rt tiltak list`.
#[derive(clap::Args, Debug)]
pub struct ListArgs {
    /// Bare tiltak fra denne tilbyderen: en enhet eller en annen tjeneste (id fra rt.toml)
    #[arg(long, visible_alias = "unit", value_name = "TILBYDER")]
    pub provider: Option<String>,
    /// Bare tiltak med denne tilgangen: open, via-team, referral eller decision
    #[arg(long, value_name = "TILGANG", value_parser = access_arg)]
    pub access: Option<Access>,
    /// Bare tiltak på dette nivået: universal, selective eller indicated
    #[arg(long, value_name = "NIVÅ", value_parser = level_arg)]
    pub level: Option<Level>,
    /// Bare tiltak som passer denne alderen (tiltak for foreldre passer barnets alder og voksne)
    #[arg(long, value_name = "ÅR", value_parser = crate::cli::number_arg::<u8>(0, 130))]
    pub age: Option<u8>,
    /// Utdata: text eller json
    #[arg(long, value_name = "FORMAT", default_value = "text")]
    pub format: TextOrJson,
}

/// Flags of `rt tiltak search`.
#[derive(clap::Args, Debug)]
pub struct SearchArgs {
    /// Ordene det søkes etter
    #[arg(value_name = "TEKST", required = true)]
    pub text: Vec<String>,
    /// Utdata: text eller json
    #[arg(long, value_name = "FORMAT", default_value = "text")]
    pub format: TextOrJson,
}

/// Flags of `rt tiltak show`.
#[derive(clap::Args, Debug)]
pub struct ShowArgs {
    /// Tiltakets id
    #[arg(value_name = "ID")]
    pub id: String,
    /// Utdata: text eller json
    #[arg(long, value_name = "FORMAT", default_value = "text")]
    pub format: TextOrJson,
}

pub(crate) fn access_arg(text: &str) -> Result<Access, String> {
    Access::parse(text).ok_or_else(|| {
        crate::cli::arg_error(
            format!("`{text}`: bruk open, via-team, referral eller decision"),
            format!("`{text}`: use open, via-team, referral or decision"),
        )
    })
}

pub(crate) fn level_arg(text: &str) -> Result<Level, String> {
    Level::parse(text).ok_or_else(|| {
        crate::cli::arg_error(
            format!("`{text}`: bruk universal, selective eller indicated"),
            format!("`{text}`: use universal, selective or indicated"),
        )
    })
}

/// A measure as JSON shows it.
#[derive(Serialize, Debug)]
pub struct MeasureView<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub provider: &'a str,
    pub provider_name: &'a str,
    /// The team's unit that offers it; `null` for a provider outside the team.
    pub unit: Option<&'a str>,
    pub access: &'static str,
    pub referral_from: &'a str,
    pub level: Option<&'static str>,
    pub target: &'a str,
    pub age_min: u8,
    pub age_max: u8,
    pub parents: bool,
    pub description: &'a str,
    pub contact: &'a str,
    pub link: &'a str,
    pub tags: &'a [String],
    /// Only in search results: how well it matched.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<u32>,
}

impl<'a> MeasureView<'a> {
    fn of(m: &'a Measure, config: &'a Config, score: Option<u32>) -> Self {
        MeasureView {
            id: &m.id,
            name: &m.name,
            provider: &m.provider,
            provider_name: config.provider_name(&m.provider),
            unit: config.unit(&m.provider).map(|u| u.id.as_str()),
            access: m.access.code(),
            referral_from: &m.referral_from,
            level: m.level.map(Level::code),
            target: &m.target,
            age_min: m.age_min,
            age_max: m.age_max,
            parents: m.parents,
            description: &m.description,
            contact: &m.contact,
            link: &m.link,
            tags: &m.tags,
            score,
        }
    }
}

/// Loads the config and the catalogue for a use of it; a catalogue with errors stops the
/// command, except that a national id number typed into it only masks it where the use is to
/// show it at the terminal (see [`privacy`]). Writing commands also refuse a number anywhere
/// in the file (a comment, a key), since they commit the file.
pub(crate) fn load_bank(ctx: &Session, use_: Use) -> Result<(Config, Tiltaksbank), Error> {
    let config = ctx.config()?.clone();
    let (bank, diags) = load::tiltaksbank(&ctx.team, Some(&config))?;
    let (mut national_ids, others): (Vec<_>, Vec<_>) =
        diags.into_iter().filter(|d| d.is_error()).partition(privacy::is_national_id);
    if !others.is_empty() {
        return Err(Error::invalid_file(crate::store::TILTAK_FILE, others));
    }
    if use_ == Use::Write
        && let Some(text) = load::read_text(&ctx.team, crate::store::TILTAK_FILE)?
    {
        national_ids.extend(crate::store::national_ids::in_file(crate::store::TILTAK_FILE, &text));
        crate::diagnostic::sort_and_dedup(&mut national_ids);
    }
    match privacy::verdict(national_ids.len(), use_) {
        Verdict::AsItIs => {}
        Verdict::Refuse => return Err(Error::invalid_file(crate::store::TILTAK_FILE, national_ids)),
        Verdict::Mask => {
            for d in national_ids {
                let warning = crate::diagnostic::Diagnostic { severity: Severity::Warning, ..d };
                ctx.note(warning.render(ctx.lang));
            }
            ctx.warn(&Problem::NationalIdMasked { file: crate::store::TILTAK_FILE.into() });
        }
    }
    Ok((config, bank))
}

fn rows(measures: &[&Measure], config: &Config, lang: Lang) -> String {
    let header = [
        "ID",
        lang.pick("TILTAK", "MEASURE"),
        lang.pick("TILBYDER", "PROVIDER"),
        lang.pick("TILGANG", "ACCESS"),
        lang.pick("NIVÅ", "LEVEL"),
        lang.pick("ALDER", "AGE"),
    ];
    let rows: Vec<Vec<String>> = measures
        .iter()
        .map(|m| {
            vec![
                m.id.clone(),
                m.name.clone(),
                config.provider_name(&m.provider).to_string(),
                labels::access(m, lang),
                m.level.map_or("", |l| labels::level(l, lang)).to_string(),
                labels::ages(m, lang),
            ]
        })
        .collect();
    table::render(&header, &rows)
}

/// Runs `rt tiltak`.
pub fn run(args: Args, ctx: &Session) -> Result<i32, Error> {
    match args.command {
        Command::List(a) => list(a, ctx),
        Command::Search(a) => search_cmd(a, ctx),
        Command::Show(a) => show(a, ctx),
        Command::Add(a) => add::run(a, ctx),
        Command::Import(a) => import::run(a, ctx),
        Command::Export(a) => export::run(a, ctx),
        Command::Site(a) => site::run(a, ctx),
    }
}

fn list(args: ListArgs, ctx: &Session) -> Result<i32, Error> {
    let (config, bank) = load_bank(ctx, Use::Show)?;
    let lang = ctx.lang;
    if let Some(p) = &args.provider
        && !config.knows_provider(p)
    {
        let suggestion = crate::suggest::closest(p, config.provider_ids());
        return Err(Error::Stop(crate::problem::Problem::UnknownProvider {
            provider: p.clone(),
            suggestion,
        }));
    }
    let shown: Vec<&Measure> = bank
        .measures
        .iter()
        .filter(|m| args.provider.as_ref().is_none_or(|p| &m.provider == p))
        .filter(|m| args.access.is_none_or(|a| m.access == a))
        .filter(|m| args.level.is_none_or(|l| m.level == Some(l)))
        .filter(|m| args.age.is_none_or(|a| m.fits_age(i32::from(a))))
        .collect();
    match args.format {
        TextOrJson::Json => {
            ctx.print(&to_json(&shown.iter().map(|m| MeasureView::of(m, &config, None)).collect::<Vec<_>>()))?
        }
        TextOrJson::Text if shown.is_empty() => ctx.note(lang.pick("Ingen tiltak.", "No measures.")),
        TextOrJson::Text => {
            ctx.print(&rows(&shown, &config, lang))?;
            ctx.note(lang.pick(format!("{} tiltak", shown.len()), format!("{} measures", shown.len())));
        }
    }
    Ok(0)
}

fn search_cmd(args: SearchArgs, ctx: &Session) -> Result<i32, Error> {
    let (config, bank) = load_bank(ctx, Use::Show)?;
    let lang = ctx.lang;
    let query = args.text.join(" ");
    let hits = search::search(&bank, &query);
    // The words are echoed, never a national id number among them.
    let query = crate::rules::national_id::redact(&query);
    match args.format {
        TextOrJson::Json => ctx.print(&to_json(
            &hits.iter().map(|(m, s)| MeasureView::of(m, &config, Some(*s))).collect::<Vec<_>>(),
        ))?,
        TextOrJson::Text if hits.is_empty() => ctx.note(lang.pick(
            format!("Ingen tiltak passer «{query}». Prøv færre eller kortere ord."),
            format!("No measure matches \"{query}\". Try fewer or shorter words."),
        )),
        TextOrJson::Text => {
            let found: Vec<&Measure> = hits.iter().map(|(m, _)| *m).collect();
            ctx.print(&rows(&found, &config, lang))?;
        }
    }
    Ok(0)
}

fn show(args: ShowArgs, ctx: &Session) -> Result<i32, Error> {
    let (config, bank) = load_bank(ctx, Use::Show)?;
    let lang = ctx.lang;
    let Some(m) = bank.get(args.id.trim()) else {
        let suggestion = crate::suggest::closest(&args.id, bank.measures.iter().map(|m| m.id.as_str()));
        return Err(Error::Stop(crate::problem::Problem::UnknownMeasure { id: args.id, suggestion }));
    };
    if args.format == TextOrJson::Json {
        ctx.print(&to_json(&MeasureView::of(m, &config, None)))?;
        return Ok(0);
    }
    let mut out = format!("{}\n", m.name);
    let mut field = |label: &str, value: &str| {
        if !value.is_empty() {
            out.push_str(&format!("  {:<14} {value}\n", format!("{label}:")));
        }
    };
    let provider = match config.unit(&m.provider) {
        Some(u) => u.name.clone(),
        None => lang.pick(
            format!("{} (utenfor teamet)", config.provider_name(&m.provider)),
            format!("{} (outside the team)", config.provider_name(&m.provider)),
        ),
    };
    field("Id", &m.id);
    field(lang.pick("Tilbyder", "Provider"), &provider);
    field(lang.pick("Tilgang", "Access"), &labels::access(m, lang));
    field(lang.pick("Nivå", "Level"), &m.level.map(|l| labels::level_long(l, lang)).unwrap_or_default());
    field(lang.pick("Målgruppe", "Target group"), &m.target);
    field(lang.pick("Alder", "Age"), &labels::ages(m, lang));
    field(lang.pick("Kontakt", "Contact"), &m.contact);
    field(lang.pick("Lenke", "Link"), &m.link);
    field(lang.pick("Stikkord", "Tags"), &m.tags.join(", "));
    let imported = m.imported.as_ref().and_then(|i| i.date).map(|d| d.to_string()).unwrap_or_default();
    field(lang.pick("Importert", "Imported"), &imported);
    if !m.description.is_empty() {
        out.push_str(&format!("\n  {}\n", m.description));
    }
    ctx.print(&out)?;
    Ok(0)
}
