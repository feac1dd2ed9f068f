//! `rt tiltak import` and `rt tiltak export`: the tiltaksbank to and from the spreadsheets
//! municipalities keep, and out as Open Referral HSDS service records for directories.

use std::path::PathBuf;

use serde::Serialize;

use crate::diagnostic::Severity;
use crate::error::Error;
use crate::model::{Access, Config, Measure, Tiltaksbank};
use crate::problem::Problem;
use crate::session::Session;
use crate::store::atomic::Privacy;
use crate::store::{TILTAK_FILE, spreadsheet, tiltak_file};
use crate::tiltak::import::{self, Field};

/// Flags of `rt tiltak import`.
#[derive(clap::Args, Debug)]
#[command(after_help = "Eksempler:
  rt tiltak import Forebyggende_tiltak.xlsx                  vis hva som ville skjedd
  rt tiltak import Forebyggende_tiltak.xlsx --apply          skriv til tiltaksbank.toml
  rt tiltak import tiltak.csv --map 'Navn på tilbud=name' --default-access open --apply

Kolonnene finnes ut fra overskriftene: Tiltak/Navn, Enhet, Tilgang, Alder eller Målgruppe,
Alder fra, Alder til, Beskrivelse, Kontakt, Lenke, Stikkord, Id. Feltnavn for --map: id,
name, unit, access, age, age_min, age_max, description, contact, link, tags.")]
pub struct ImportArgs {
    /// Regnearket (.xlsx) eller CSV-filen
    #[arg(value_name = "FIL")]
    pub file: PathBuf,
    /// Arket som skal leses (standard: det første)
    #[arg(long, value_name = "ARK")]
    pub sheet: Option<String>,
    /// Les en kolonne som et felt: KOLONNE=felt (kolonnens overskrift eller bokstav)
    #[arg(long, value_name = "KOLONNE=FELT", value_parser = map_arg)]
    pub map: Vec<(String, Field)>,
    /// Tilgang for rader uten: open eller via-team
    #[arg(long = "default-access", value_name = "TILGANG", value_parser = super::access_arg)]
    pub default_access: Option<Access>,
    /// Skriv endringene (uten dette vises bare hva som ville skjedd)
    #[arg(long)]
    pub apply: bool,
}

fn map_arg(text: &str) -> Result<(String, Field), String> {
    let (column, field) = text.rsplit_once('=').ok_or_else(|| {
        crate::cli::arg_error(
            format!("`{text}`: skriv KOLONNE=felt"),
            format!("`{text}`: write COLUMN=field"),
        )
    })?;
    let field = Field::parse(field).ok_or_else(|| {
        let fields = "id, name, unit, access, age, age_min, age_max, description, contact, link, tags";
        crate::cli::arg_error(
            format!("`{field}`: feltene er {fields}"),
            format!("`{field}`: the fields are {fields}"),
        )
    })?;
    Ok((column.trim().to_string(), field))
}

/// Output formats of `rt tiltak export`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ExportFormat {
    /// CSV for Excel (`;`, UTF-8 with BOM); `rt tiltak import` reads it back.
    #[default]
    Csv,
    /// Open Referral HSDS service records (JSON), for service directories.
    Hsds,
}

/// Flags of `rt tiltak export`.
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Eksempler:\n  rt tiltak export --out tiltak.csv\n  rt tiltak export --format hsds --open-only --out tjenester.json"
)]
pub struct ExportArgs {
    /// csv (for Excel) eller hsds (Open Referral, JSON)
    #[arg(long, value_name = "FORMAT", default_value = "csv")]
    pub format: ExportFormat,
    /// Bare åpne tiltak (det innbyggere kan søke om selv)
    #[arg(long = "open-only")]
    pub open_only: bool,
    /// Skriv til denne filen i stedet for til skjermen
    #[arg(long, value_name = "FIL")]
    pub out: Option<PathBuf>,
}

/// What an import would do with one measure.
enum Change {
    Add,
    Update(Vec<&'static str>),
    Same,
}

fn changed_fields(old: &Measure, new: &Measure) -> Vec<&'static str> {
    let mut out = Vec::new();
    let pairs: [(&'static str, bool); 9] = [
        ("name", old.name != new.name),
        ("unit", old.unit != new.unit),
        ("access", old.access != new.access),
        ("age_min", old.age_min != new.age_min),
        ("age_max", old.age_max != new.age_max),
        ("description", old.description != new.description),
        ("contact", old.contact != new.contact),
        ("link", old.link != new.link),
        ("tags", old.tags != new.tags),
    ];
    for (name, differs) in pairs {
        if differs {
            out.push(name);
        }
    }
    out
}

/// Runs `rt tiltak import`.
pub fn import(args: ImportArgs, ctx: &Session) -> Result<i32, Error> {
    let (config, bank) = super::load_bank(ctx)?;
    let lang = ctx.lang;
    let sheet = spreadsheet::read(&args.file, args.sheet.as_deref())?;
    let parsed = import::parse(&sheet, &config, &args.map, args.default_access).map_err(Error::Stop)?;

    let changes: Vec<(usize, &Measure, Change)> = parsed
        .measures
        .iter()
        .map(|(row, m)| {
            let change = match bank.get(&m.id) {
                None => Change::Add,
                Some(old) if old == m => Change::Same,
                Some(old) => Change::Update(changed_fields(old, m)),
            };
            (*row, m, change)
        })
        .collect();
    let mut preview = String::new();
    let (mut added, mut updated, mut same) = (0, 0, 0);
    for (row, m, change) in &changes {
        match change {
            Change::Add => {
                added += 1;
                preview.push_str(&format!(
                    "+ {}  {} ({})  [{} {row}]\n",
                    m.id,
                    m.name,
                    config.unit_name(&m.unit),
                    lang.pick("rad", "row")
                ));
            }
            Change::Update(fields) => {
                updated += 1;
                preview.push_str(&format!(
                    "~ {}  {}: {}  [{} {row}]\n",
                    m.id,
                    lang.pick("endret", "changed"),
                    fields.join(", "),
                    lang.pick("rad", "row")
                ));
            }
            Change::Same => same += 1,
        }
    }
    ctx.print(&preview)?;
    for p in &parsed.problems {
        let place = match &p.column {
            Some((letter, header)) => lang.pick(
                format!("{}, rad {}, kolonne {letter} ({header})", sheet.name, p.row),
                format!("{}, row {}, column {letter} ({header})", sheet.name, p.row),
            ),
            None => {
                lang.pick(format!("{}, rad {}", sheet.name, p.row), format!("{}, row {}", sheet.name, p.row))
            }
        };
        let message = format!("{place}: {}", p.problem.message(lang));
        let help = p.problem.help(lang);
        ctx.note(crate::diagnostic::render_text(
            Severity::Error,
            None,
            &message,
            None,
            help.as_deref(),
            lang,
        ));
    }
    if !parsed.unused.is_empty() {
        ctx.note(lang.pick(
            format!("Kolonner som ikke brukes: {} (se --map)", parsed.unused.join(", ")),
            format!("Columns not used: {} (see --map)", parsed.unused.join(", ")),
        ));
    }
    let bad = parsed.problems.len();
    ctx.note(lang.pick(
        format!("{added} nye, {updated} endret, {same} uendret, {bad} rader med feil (hoppet over)."),
        format!("{added} new, {updated} changed, {same} unchanged, {bad} row(s) with errors (skipped)."),
    ));
    if !args.apply {
        ctx.note(lang.pick(
            "Ingenting er skrevet; kjør med --apply for å skrive.",
            "Nothing written; run with --apply to write.",
        ));
        return Ok(0);
    }
    if added + updated == 0 {
        return Ok(0);
    }
    let mut tx = ctx.transaction()?;
    let text = tx.read(TILTAK_FILE)?.unwrap_or_else(|| "schema = 1\n".into());
    let new: Vec<&Measure> =
        changes.iter().filter(|(_, _, change)| !matches!(change, Change::Same)).map(|(_, m, _)| *m).collect();
    tiltak_file::save(&mut tx, &text, &new)?;
    crate::cmd::commit(ctx, tx)?;
    ctx.note(lang.pick(format!("Skrevet til {TILTAK_FILE}."), format!("Written to {TILTAK_FILE}.")));
    Ok(0)
}

/// The CSV export's headers: the ones `rt tiltak import` reads back.
const CSV_HEADERS: [&str; 10] = [
    "Id",
    "Tiltak",
    "Enhet",
    "Tilgang",
    "Alder fra",
    "Alder til",
    "Beskrivelse",
    "Kontakt",
    "Lenke",
    "Stikkord",
];

fn csv(measures: &[&Measure]) -> Result<Vec<u8>, Error> {
    let mut writer =
        csv::WriterBuilder::new().delimiter(b';').terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    let fail = |e: csv::Error| Error::from(Problem::Mail { detail: e.to_string() });
    writer.write_record(CSV_HEADERS).map_err(fail)?;
    for m in measures {
        let access = match m.access {
            Access::Open => "åpent",
            Access::ViaTeam => "via ressursteam",
        };
        writer
            .write_record([
                m.id.as_str(),
                &m.name,
                &m.unit,
                access,
                &m.age_min.to_string(),
                &m.age_max.to_string(),
                &m.description,
                &m.contact,
                &m.link,
                &m.tags.join(", "),
            ])
            .map_err(fail)?;
    }
    let mut bytes = b"\xEF\xBB\xBF".to_vec(); // a BOM, so Excel reads UTF-8
    bytes.extend(writer.into_inner().map_err(|e| Error::from(Problem::Mail { detail: e.to_string() }))?);
    Ok(bytes)
}

/// An HSDS 3.0 organization (the unit that provides the service).
#[derive(Serialize)]
struct HsdsOrganization {
    id: String,
    name: String,
    description: String,
}

/// An HSDS 3.0 service record.
#[derive(Serialize)]
struct HsdsService {
    id: String,
    organization_id: String,
    name: String,
    alternate_name: String,
    description: String,
    url: Option<String>,
    email: Option<String>,
    status: &'static str,
    application_process: String,
    eligibility_description: String,
    minimum_age: u8,
    maximum_age: u8,
    organization: HsdsOrganization,
}

/// A stable UUID for a name within this team's catalogue (HSDS wants UUIDs; the same measure
/// keeps the same UUID on every export).
fn uuid(team: &str, kind: &str, id: &str) -> String {
    uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_URL, format!("urn:rt:{team}:{kind}:{id}").as_bytes())
        .to_string()
}

fn hsds(measures: &[&Measure], config: &Config, lang: crate::lang::Lang) -> String {
    let services: Vec<HsdsService> = measures
        .iter()
        .map(|m| {
            let unit = config.unit_name(&m.unit).to_string();
            let application_process = match m.access {
                Access::Open => lang.pick(
                    format!("Søk direkte hos {unit}. {}", m.contact),
                    format!("Apply directly at {unit}. {}", m.contact),
                ),
                Access::ViaTeam => lang.pick(
                    format!(
                        "Settes inn av {} etter drøfting; snakk med en ansatt på familiesenteret.",
                        config.team
                    ),
                    format!(
                        "Set in by {} after discussion; talk to an employee of the family centre.",
                        config.team
                    ),
                ),
            };
            let email =
                m.contact.split_whitespace().find(|w| w.contains('@')).map(|w| {
                    w.trim_matches(|c: char| !c.is_alphanumeric() && c != '@' && c != '.').to_string()
                });
            HsdsService {
                id: uuid(&config.team, "service", &m.id),
                organization_id: uuid(&config.team, "unit", &m.unit),
                name: m.name.clone(),
                alternate_name: m.id.clone(),
                description: m.description.clone(),
                url: (!m.link.is_empty()).then(|| m.link.clone()),
                email,
                status: "active",
                application_process: application_process.trim().to_string(),
                eligibility_description: lang.pick(
                    format!("Alder {}–{} år", m.age_min, m.age_max),
                    format!("Age {}–{}", m.age_min, m.age_max),
                ),
                minimum_age: m.age_min,
                maximum_age: m.age_max,
                organization: HsdsOrganization {
                    id: uuid(&config.team, "unit", &m.unit),
                    name: unit,
                    description: config.team.clone(),
                },
            }
        })
        .collect();
    super::to_json(&services)
}

/// Runs `rt tiltak export`.
pub fn export(args: ExportArgs, ctx: &Session) -> Result<i32, Error> {
    let (config, bank): (Config, Tiltaksbank) = super::load_bank(ctx)?;
    let lang = ctx.lang;
    let measures: Vec<&Measure> =
        bank.measures.iter().filter(|m| !args.open_only || m.access == Access::Open).collect();
    let bytes = match args.format {
        ExportFormat::Csv => csv(&measures)?,
        ExportFormat::Hsds => hsds(&measures, &config, lang).into_bytes(),
    };
    match &args.out {
        Some(path) => {
            crate::store::paths::write_output(path, &bytes, Privacy::Shared)?;
            ctx.note(lang.pick(
                format!("{} tiltak skrevet til {}", measures.len(), path.display()),
                format!("{} measures written to {}", measures.len(), path.display()),
            ));
        }
        None => ctx.print(&String::from_utf8_lossy(&bytes))?,
    }
    if measures.is_empty() {
        return Err(Error::Stop(Problem::NoMeasures));
    }
    Ok(0)
}
