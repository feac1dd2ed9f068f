//! `rt tiltak`: the tiltaksbank (R11) — browse, search and show measures; add one; import
//! a spreadsheet and export the catalogue (see [`exchange`]).

mod add;
mod exchange;

use serde::Serialize;

use super::{TextOrJson, to_json};
use crate::error::Error;
use crate::lang::Lang;
use crate::model::{Access, Config, Measure, Tiltaksbank};
use crate::session::Session;
use crate::store::load;
use crate::table;
use crate::tiltak::search;

/// Flags of `rt tiltak`.
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Eksempler:\n  rt tiltak search foreldre\n  rt tiltak list --age 7 --access open\n  rt tiltak show kid-kurs"
)]
pub struct Args {
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands of `rt tiltak`.
#[derive(clap::Subcommand, Debug)]
pub enum Command {
    /// List tiltakene, filtrert på enhet, tilgang eller alder
    #[command(
        after_help = "Eksempler:\n  rt tiltak list\n  rt tiltak list --unit barnevern --access via-team\n  rt tiltak list --age 7"
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
    Import(exchange::ImportArgs),
    /// Skriv tiltaksbanken som CSV, eller som Open Referral HSDS (JSON)
    Export(exchange::ExportArgs),
}

/// Flags of `rt tiltak list`.
#[derive(clap::Args, Debug)]
pub struct ListArgs {
    /// Bare tiltak fra denne enheten (id fra rt.toml)
    #[arg(long, value_name = "ENHET")]
    pub unit: Option<String>,
    /// Bare åpne tiltak (open) eller tiltak via ressursteamet (via-team)
    #[arg(long, value_name = "TILGANG", value_parser = access_arg)]
    pub access: Option<Access>,
    /// Bare tiltak som passer denne alderen
    #[arg(long, value_name = "ÅR")]
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
            format!("`{text}`: bruk open eller via-team"),
            format!("`{text}`: use open or via-team"),
        )
    })
}

/// A measure as JSON shows it.
#[derive(Serialize, Debug)]
pub struct MeasureView<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub unit: &'a str,
    pub access: &'static str,
    pub age_min: u8,
    pub age_max: u8,
    pub description: &'a str,
    pub contact: &'a str,
    pub link: &'a str,
    pub tags: &'a [String],
    /// Only in search results: how well it matched.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<u32>,
}

impl<'a> MeasureView<'a> {
    fn of(m: &'a Measure, score: Option<u32>) -> Self {
        MeasureView {
            id: &m.id,
            name: &m.name,
            unit: &m.unit,
            access: m.access.code(),
            age_min: m.age_min,
            age_max: m.age_max,
            description: &m.description,
            contact: &m.contact,
            link: &m.link,
            tags: &m.tags,
            score,
        }
    }
}

pub(crate) fn access_label(a: Access, lang: Lang) -> &'static str {
    match a {
        Access::Open => lang.pick("åpent", "open"),
        Access::ViaTeam => lang.pick("via ressursteamet", "via the team"),
    }
}

/// Loads the config and the catalogue; a catalogue with errors stops the command.
pub(crate) fn load_bank(ctx: &Session) -> Result<(Config, Tiltaksbank), Error> {
    let config = ctx.config()?.clone();
    let (bank, diags) = load::tiltaksbank(&ctx.team, Some(&config))?;
    let errors: Vec<_> = diags.into_iter().filter(|d| d.is_error()).collect();
    if !errors.is_empty() {
        return Err(Error::invalid_file(crate::store::TILTAK_FILE, errors));
    }
    Ok((config, bank))
}

fn rows(measures: &[&Measure], config: &Config, lang: Lang) -> String {
    let header = [
        "ID",
        lang.pick("TILTAK", "MEASURE"),
        lang.pick("ENHET", "UNIT"),
        lang.pick("TILGANG", "ACCESS"),
        lang.pick("ALDER", "AGE"),
    ];
    let rows: Vec<Vec<String>> = measures
        .iter()
        .map(|m| {
            vec![
                m.id.clone(),
                m.name.clone(),
                config.unit_name(&m.unit).to_string(),
                access_label(m.access, lang).to_string(),
                format!("{}–{}", m.age_min, m.age_max),
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
        Command::Import(a) => exchange::import(a, ctx),
        Command::Export(a) => exchange::export(a, ctx),
    }
}

fn list(args: ListArgs, ctx: &Session) -> Result<i32, Error> {
    let (config, bank) = load_bank(ctx)?;
    let lang = ctx.lang;
    if let Some(u) = &args.unit
        && config.unit(u).is_none()
    {
        let suggestion = crate::suggest::closest(u, config.unit_ids());
        return Err(Error::Stop(crate::problem::Problem::UnknownUnit { unit: u.clone(), suggestion }));
    }
    let shown: Vec<&Measure> = bank
        .measures
        .iter()
        .filter(|m| args.unit.as_ref().is_none_or(|u| &m.unit == u))
        .filter(|m| args.access.is_none_or(|a| m.access == a))
        .filter(|m| args.age.is_none_or(|a| (m.age_min..=m.age_max).contains(&a)))
        .collect();
    match args.format {
        TextOrJson::Json => {
            ctx.print(&to_json(&shown.iter().map(|m| MeasureView::of(m, None)).collect::<Vec<_>>()))?
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
    let (config, bank) = load_bank(ctx)?;
    let lang = ctx.lang;
    let query = args.text.join(" ");
    let hits = search::search(&bank, &query);
    match args.format {
        TextOrJson::Json => {
            ctx.print(&to_json(&hits.iter().map(|(m, s)| MeasureView::of(m, Some(*s))).collect::<Vec<_>>()))?
        }
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
    let (config, bank) = load_bank(ctx)?;
    let lang = ctx.lang;
    let Some(m) = bank.get(args.id.trim()) else {
        let suggestion = crate::suggest::closest(&args.id, bank.measures.iter().map(|m| m.id.as_str()));
        return Err(Error::Stop(crate::problem::Problem::UnknownMeasure { id: args.id, suggestion }));
    };
    if args.format == TextOrJson::Json {
        ctx.print(&to_json(&MeasureView::of(m, None)))?;
        return Ok(0);
    }
    let mut out = format!("{}\n", m.name);
    let mut field = |label: &str, value: &str| {
        if !value.is_empty() {
            out.push_str(&format!("  {:<12} {value}\n", format!("{label}:")));
        }
    };
    field("Id", &m.id);
    field(lang.pick("Enhet", "Unit"), config.unit_name(&m.unit));
    field(lang.pick("Tilgang", "Access"), access_label(m.access, lang));
    field(lang.pick("Alder", "Age"), &format!("{}–{}", m.age_min, m.age_max));
    field(lang.pick("Kontakt", "Contact"), &m.contact);
    field(lang.pick("Lenke", "Link"), &m.link);
    field(lang.pick("Stikkord", "Tags"), &m.tags.join(", "));
    if !m.description.is_empty() {
        out.push_str(&format!("\n  {}\n", m.description));
    }
    ctx.print(&out)?;
    Ok(0)
}
