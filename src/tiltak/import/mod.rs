//! Reading a spreadsheet of measures as municipalities make them — the "Forebyggende tiltak
//! barn, unge og deres familier" workbook, or a CSV export — into what each row says.
//!
//! The header row is found among the first rows (or given: `--header-row N`), its columns by
//! their Norwegian names (Tiltak, Tjeneste/Enhet/Tilbyder, Målgruppe, Slik får du tilbudet,
//! Nivå, Kontaktinformasjon …) or by `--map`. Below it ([`rows`]): a row with one filled cell
//! is a heading (a level word or a pyramid colour sets the level of the rows below; in the
//! service column it names the service of the rows below); blank service, access and contact
//! cells are filled down within a service, and the preview says so on the row; a bad row is
//! reported by row and column and left out, never half-taken.

mod provider;
mod rows;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;

pub use provider::{Match, Providers, is_name};
pub use rows::{Incoming, Row, RowKind};

use super::search::fold;
use crate::model::{Access, Config, Provider};
use crate::problem::Problem;
use crate::store::spreadsheet::{Sheet, column_letter};

/// How many rows from the top are searched for the header.
pub const HEADER_SEARCH: usize = 15;

/// What a column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Column {
    Id,
    Name,
    Provider,
    Access,
    Level,
    /// An age range in one cell ("0-18", "13+", "alle").
    Ages,
    /// A target group as written ("Barn 0–6 år og foreldre").
    Target,
    AgeMin,
    AgeMax,
    /// Whether it is for parents (ja/nei).
    Parents,
    Description,
    Contact,
    Link,
    Tags,
}

/// The field names `--map` takes, as help shows them.
pub const MAP_FIELDS: &str = "id, name, provider, access, level, target, age, age_min, age_max, parents, description, contact, link, tags";

impl Column {
    /// The column a `--map COLUMN=field` names.
    pub fn parse(text: &str) -> Option<Column> {
        Some(match fold(text.trim()).as_str() {
            "id" => Column::Id,
            "name" | "navn" | "tiltak" => Column::Name,
            "provider" | "unit" | "enhet" | "tilbyder" | "tjeneste" => Column::Provider,
            "access" | "tilgang" => Column::Access,
            "level" | "niva" => Column::Level,
            "target" | "malgruppe" => Column::Target,
            "age" | "ages" | "alder" => Column::Ages,
            "age_min" | "alder_fra" => Column::AgeMin,
            "age_max" | "alder_til" => Column::AgeMax,
            "parents" | "foreldre" => Column::Parents,
            "description" | "beskrivelse" => Column::Description,
            "contact" | "kontakt" => Column::Contact,
            "link" | "lenke" => Column::Link,
            "tags" | "stikkord" => Column::Tags,
            _ => return None,
        })
    }

    /// The column a header means, by the words municipalities' sheets use.
    pub fn for_header(header: &str) -> Option<Column> {
        let folded = fold(header);
        let cut = folded.split('(').next().unwrap_or_default();
        let h = cut.split_whitespace().collect::<Vec<_>>().join(" ").replace(" / ", "/");
        let h = h.trim_end_matches([':', '*', ' ']);
        Some(match h {
            "id" => Column::Id,
            "tiltak" | "navn" | "tilbud" | "tilbudet" | "name" | "navn pa tiltak" | "tiltakets navn"
            | "navn pa tilbud" | "navn pa tilbudet" | "tiltak/tilbud" | "aktivitet" => Column::Name,
            "enhet" | "tjeneste" | "tjenester" | "tilbyder" | "virksomhet" | "unit" | "provider"
            | "ansvarlig enhet" | "ansvarlig tjeneste" | "ansvarlig" | "tjeneste/enhet"
            | "enhet/tjeneste" | "tjenesteyter" | "arrangor" | "instans" => Column::Provider,
            "tilgang"
            | "access"
            | "apent"
            | "apent/via ressursteam"
            | "apent eller via ressursteam"
            | "henvisning"
            | "slik far du tilbudet"
            | "slik far du tiltaket"
            | "hvordan fa tilbudet"
            | "hvordan fa tiltaket"
            | "hvordan fa tilgang"
            | "tilgang/henvisning"
            | "henvisning/tilgang"
            | "soknad/henvisning" => Column::Access,
            "niva" | "tiltaksniva" | "bts-niva" | "bti-niva" | "level" | "farge" | "niva i pyramiden" => {
                Column::Level
            }
            "alder" | "age" | "ages" | "aldersgruppe" | "alderstrinn" => Column::Ages,
            "malgruppe" | "for hvem" | "hvem er tilbudet for" | "target" | "malgruppe/alder" => {
                Column::Target
            }
            "alder fra" | "fra alder" | "age_min" => Column::AgeMin,
            "alder til" | "til alder" | "age_max" => Column::AgeMax,
            "for foreldre" | "parents" => Column::Parents,
            "beskrivelse" | "description" | "innhold" | "om tiltaket" | "om tilbudet"
            | "kort beskrivelse" | "hva er tilbudet" => Column::Description,
            "kontakt"
            | "contact"
            | "kontaktperson"
            | "kontaktinformasjon"
            | "kontaktinfo"
            | "kontakt/telefon"
            | "telefon"
            | "kontaktopplysninger" => Column::Contact,
            "lenke" | "link" | "nettside" | "url" | "nettsted" | "mer informasjon" | "les mer"
            | "hjemmeside" => Column::Link,
            "stikkord" | "tags" | "emneord" | "nokkelord" => Column::Tags,
            _ => return None,
        })
    }

    /// The column's field name (as `--map` takes it), for messages.
    pub fn code(self) -> &'static str {
        match self {
            Column::Id => "id",
            Column::Name => "name",
            Column::Provider => "provider",
            Column::Access => "access",
            Column::Level => "level",
            Column::Ages => "age",
            Column::Target => "target",
            Column::AgeMin => "age_min",
            Column::AgeMax => "age_max",
            Column::Parents => "parents",
            Column::Description => "description",
            Column::Contact => "contact",
            Column::Link => "link",
            Column::Tags => "tags",
        }
    }
}

/// How an import reads a sheet.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// `--map HEADER=field` (HEADER may be a column letter).
    pub maps: Vec<(String, Column)>,
    /// `--header-row N`: the spreadsheet row of the headers.
    pub header_row: Option<usize>,
    /// `--default-access`: for rows that do not say.
    pub default_access: Option<Access>,
    /// `--add-providers`: services not in `rt.toml` become new providers.
    pub add_providers: bool,
}

/// A problem with a row of the sheet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowProblem {
    /// Column letter and header, when the problem is in one cell.
    pub column: Option<(String, String)>,
    /// What is wrong.
    pub problem: Problem,
}

/// What a sheet gave.
#[derive(Debug, Default)]
pub struct Parsed {
    /// The spreadsheet row of the headers.
    pub header_row: usize,
    /// Each column read: its header and what it is read as, left to right.
    pub columns: Vec<(String, Column)>,
    /// Headers no field was found for (shown so nothing is silently dropped).
    pub unused: Vec<String>,
    /// Every row below the header that is not blank, in order.
    pub rows: Vec<Row>,
    /// Providers this import would add to `rt.toml` (with `--add-providers`).
    pub new_providers: Vec<Provider>,
}

/// Whether a `--map` entry names this header (by text) or column (by letter).
fn map_names(name: &str, header: &str, index: usize) -> bool {
    fold(name.trim()) == fold(header.trim()) || name.trim().eq_ignore_ascii_case(&column_letter(index))
}

/// How the cells of one row map to columns: by header, with `--map` overrides.
fn read_header(
    sheet: &Sheet,
    index: usize,
    maps: &[(String, Column)],
) -> (BTreeMap<Column, usize>, Vec<String>) {
    let header = sheet.rows.get(index).cloned().unwrap_or_default();
    let mut columns: BTreeMap<Column, usize> = BTreeMap::new();
    let mut unused = Vec::new();
    for (i, h) in header.iter().enumerate() {
        let mapped = maps.iter().find(|(name, _)| map_names(name, h, sheet.first_col + i));
        match mapped.map(|(_, c)| *c).or_else(|| Column::for_header(h)) {
            Some(column) => {
                columns.entry(column).or_insert(i);
            }
            None if !h.trim().is_empty() => unused.push(h.to_string()),
            None => {}
        }
    }
    (columns, unused)
}

/// The row of the headers: the given one, or among the first rows the one with the most
/// known headers that names the measure (the first of equals).
fn find_header(sheet: &Sheet, options: &Options) -> Result<usize, Problem> {
    if let Some(n) = options.header_row {
        let index = n.checked_sub(sheet.first_row).filter(|i| *i < sheet.rows.len());
        let index = index.ok_or(Problem::NoNameColumn)?;
        if !read_header(sheet, index, &options.maps).0.contains_key(&Column::Name) {
            return Err(Problem::NoNameColumn);
        }
        return Ok(index);
    }
    let mut best: Option<(usize, usize)> = None;
    for index in 0..sheet.rows.len().min(HEADER_SEARCH) {
        let (columns, _) = read_header(sheet, index, &options.maps);
        if columns.contains_key(&Column::Name) && best.is_none_or(|(_, n)| columns.len() > n) {
            best = Some((index, columns.len()));
        }
    }
    best.map(|(index, _)| index).ok_or(Problem::HeaderNotFound { rows: HEADER_SEARCH })
}

/// Reads a sheet: the header, then every row below it (see [`rows`]).
pub fn parse(sheet: &Sheet, config: &Config, options: &Options) -> Result<Parsed, Problem> {
    for (name, _) in &options.maps {
        let known = sheet
            .rows
            .iter()
            .take(HEADER_SEARCH.max(options.header_row.unwrap_or(0)))
            .any(|row| row.iter().enumerate().any(|(i, h)| map_names(name, h, sheet.first_col + i)));
        if !known {
            return Err(Problem::NoSuchColumn { column: name.clone() });
        }
    }
    let index = find_header(sheet, options)?;
    let (columns, unused) = read_header(sheet, index, &options.maps);
    let header = sheet.rows[index].clone();
    let mut read: Vec<(String, Column)> = columns.iter().map(|(c, i)| (header[*i].clone(), *c)).collect();
    read.sort_by_key(|(h, _)| header.iter().position(|x| x == h));
    let mut providers = Providers::new(config);
    let rows = rows::read(sheet, index, &header, &columns, &mut providers, options);
    // Only the services of rows that are read become providers.
    let used =
        |id: &str| rows.iter().any(|r| matches!(&r.kind, RowKind::Measure(m) if m.measure.provider == id));
    let new_providers = providers.added.iter().filter(|p| used(&p.id)).cloned().collect();
    Ok(Parsed { header_row: sheet.first_row + index, columns: read, unused, rows, new_providers })
}
