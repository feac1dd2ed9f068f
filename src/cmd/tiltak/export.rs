//! `rt tiltak export`: the tiltaksbank out as CSV for Excel (which `rt tiltak import` reads
//! back, field for field) or as Open Referral HSDS 3.0 service records for a directory: the
//! provider as the organization, the way in as the application process, the target group
//! and ages as eligibility, the pyramid's level as an attribute.

use std::path::PathBuf;

use serde::Serialize;

use crate::error::Error;
use crate::lang::Lang;
use crate::model::{Access, Config, Measure, Tiltaksbank};
use crate::problem::Problem;
use crate::session::Session;
use crate::store::atomic::Privacy;
use crate::tiltak::labels;

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

/// The CSV export's headers: the ones `rt tiltak import` reads back.
const CSV_HEADERS: [&str; 13] = [
    "Id",
    "Tiltak",
    "Tilbyder",
    "Tilgang",
    "Nivå",
    "Målgruppe",
    "Alder fra",
    "Alder til",
    "For foreldre",
    "Beskrivelse",
    "Kontakt",
    "Lenke",
    "Stikkord",
];

fn csv(measures: &[&Measure]) -> Result<Vec<u8>, Error> {
    let mut writer =
        csv::WriterBuilder::new().delimiter(b';').terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    let fail = |e: csv::Error| Error::from(Problem::ExportFailed { detail: e.to_string() });
    writer.write_record(CSV_HEADERS).map_err(fail)?;
    for m in measures {
        // Written as the sheets write them, in Norwegian, so the import reads them back.
        let access = match m.access {
            Access::Open => "åpent".to_string(),
            Access::ViaTeam => "via ressursteam".to_string(),
            Access::Referral if m.referral_from.is_empty() => "henvisning".to_string(),
            Access::Referral => format!("henvisning fra {}", m.referral_from),
            Access::Decision => "vedtak".to_string(),
        };
        let cells = [
            m.id.as_str(),
            &m.name,
            &m.provider,
            &access,
            m.level.map_or("", |l| labels::level(l, Lang::Nb)),
            &m.target,
            &m.age_min.to_string(),
            &m.age_max.to_string(),
            if m.parents { "ja" } else { "nei" },
            &m.description,
            &m.contact,
            &m.link,
            &m.tags.join(", "),
        ];
        writer
            .write_record(cells.iter().map(|c| crate::store::spreadsheet::neutralise(c).into_owned()))
            .map_err(fail)?;
    }
    let mut bytes = b"\xEF\xBB\xBF".to_vec(); // a BOM, so Excel reads UTF-8
    bytes.extend(
        writer.into_inner().map_err(|e| Error::from(Problem::ExportFailed { detail: e.to_string() }))?,
    );
    Ok(bytes)
}

/// An HSDS 3.0 organization (the provider of the service).
#[derive(Serialize)]
struct HsdsOrganization {
    id: String,
    name: String,
    description: String,
}

/// An HSDS 3.0 taxonomy term: the level of the BTS pyramid.
#[derive(Serialize)]
struct HsdsTerm {
    id: String,
    code: &'static str,
    name: String,
    taxonomy: &'static str,
}

/// An HSDS 3.0 attribute linking a service to a term.
#[derive(Serialize)]
struct HsdsAttribute {
    id: String,
    link_id: String,
    link_type: &'static str,
    link_entity: &'static str,
    value: &'static str,
    taxonomy_term: HsdsTerm,
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
    #[serde(skip_serializing_if = "Option::is_none")]
    minimum_age: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    maximum_age: Option<u8>,
    organization: HsdsOrganization,
    attributes: Vec<HsdsAttribute>,
}

/// A stable UUID for a name within this team's catalogue (HSDS wants UUIDs; the same measure
/// keeps the same UUID on every export).
fn uuid(team: &str, kind: &str, id: &str) -> String {
    uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_URL, format!("urn:rt:{team}:{kind}:{id}").as_bytes())
        .to_string()
}

/// How to get the measure, for a citizen reading a directory.
fn application_process(m: &Measure, config: &Config, lang: Lang) -> String {
    let provider = config.provider_name(&m.provider);
    let text = match m.access {
        Access::Open => lang.pick(
            format!("Søk direkte hos {provider}. {}", m.contact),
            format!("Apply directly at {provider}. {}", m.contact),
        ),
        Access::ViaTeam => lang.pick(
            format!("Settes inn av {} etter drøfting; snakk med en ansatt på familiesenteret.", config.team),
            format!("Set in by {} after discussion; talk to an employee of the family centre.", config.team),
        ),
        Access::Referral if m.referral_from.is_empty() => {
            lang.pick(format!("Krever henvisning. {}", m.contact), format!("Needs a referral. {}", m.contact))
        }
        Access::Referral => lang.pick(
            format!("Krever henvisning fra {}. {}", m.referral_from, m.contact),
            format!("Needs a referral from {}. {}", m.referral_from, m.contact),
        ),
        Access::Decision => lang.pick(
            format!("Tildeles etter vedtak fra {provider}. {}", m.contact),
            format!("Granted by a decision of {provider}. {}", m.contact),
        ),
    };
    text.trim().to_string()
}

fn hsds(measures: &[&Measure], config: &Config, lang: Lang) -> String {
    let services: Vec<HsdsService> = measures
        .iter()
        .map(|m| {
            let id = uuid(&config.team, "service", &m.id);
            let ages = labels::ages(m, lang);
            let eligibility = if m.target.is_empty() { ages } else { format!("{} ({ages})", m.target) };
            let email =
                m.contact.split_whitespace().find(|w| w.contains('@')).map(|w| {
                    w.trim_matches(|c: char| !c.is_alphanumeric() && c != '@' && c != '.').to_string()
                });
            // A measure for parents is for adults: the children's ages are in the description.
            let (minimum_age, maximum_age) =
                if m.parents { (Some(18), None) } else { (Some(m.age_min), Some(m.age_max)) };
            let attributes = m
                .level
                .map(|l| HsdsAttribute {
                    id: uuid(&config.team, "level", &m.id),
                    link_id: id.clone(),
                    link_type: "level",
                    link_entity: "service",
                    value: l.code(),
                    taxonomy_term: HsdsTerm {
                        id: uuid(&config.team, "term", l.code()),
                        code: l.code(),
                        name: labels::level_long(l, lang),
                        taxonomy: "BTS",
                    },
                })
                .into_iter()
                .collect();
            HsdsService {
                organization_id: uuid(&config.team, "unit", &m.provider),
                name: m.name.clone(),
                alternate_name: m.id.clone(),
                description: m.description.clone(),
                url: (!m.link.is_empty() && crate::model::measure::is_safe_link(&m.link))
                    .then(|| m.link.clone()),
                email,
                status: "active",
                application_process: application_process(m, config, lang),
                eligibility_description: eligibility,
                minimum_age,
                maximum_age,
                organization: HsdsOrganization {
                    id: uuid(&config.team, "unit", &m.provider),
                    name: config.provider_name(&m.provider).to_string(),
                    description: config.team.clone(),
                },
                attributes,
                id,
            }
        })
        .collect();
    super::to_json(&services)
}

/// Runs `rt tiltak export`.
pub fn run(args: ExportArgs, ctx: &Session) -> Result<i32, Error> {
    let (config, bank): (Config, Tiltaksbank) = super::load_bank(ctx, crate::tiltak::privacy::Use::Publish)?;
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
