//! The rows under a sheet's header, one by one: headings (a level, a service), measures, the
//! same measure twice, and rows left out with the reason.
//!
//! A row with one filled cell is a heading when its text names a level of the pyramid, when
//! its fill is one of the pyramid's colours, or when the cell is in neither the name nor the
//! service column; otherwise, in the service column, it names the service of the rows below. Any other
//! row is a measure. Blank service cells are filled down until the next heading; blank access
//! and contact cells are filled down from the row above when it is of the same service (sheets
//! write them once per service) — except in a sheet with an Id column, which a program wrote
//! (rt's own export), where a blank cell is blank. A cell taken from the row above is told on
//! the row's entry in the preview ([`Incoming::filled_down`]); merged cells need no filling, as
//! the spreadsheet reader gives their value to every row they cover.

use std::collections::{BTreeMap, BTreeSet};

use super::super::search::slug;
use super::super::target::{TargetError, parse_target};
use super::super::wording::{level_of_fill, parse_access, parse_level};
use super::{Column, Match, Options, Providers, RowProblem};
use crate::model::measure::Field;
use crate::model::{Level, Measure};
use crate::problem::Problem;
use crate::store::config_file::is_slug;
use crate::store::spreadsheet::{Sheet, column_letter};

/// A measure as one row of the sheet gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Incoming {
    /// The values the row gives; defaults for the fields it does not give.
    pub measure: Measure,
    /// The fields the row gives: an import changes only these.
    pub present: BTreeSet<Field>,
    /// The service as the sheet writes it (empty when the sheet has no service column).
    pub provider_text: String,
    /// The fields whose cells were empty and were taken from the row above (the provider,
    /// the way in, the contact): the preview says so on the row.
    pub filled_down: Vec<Field>,
}

impl Incoming {
    /// Whether two rows say the same about every field either gives.
    fn same_as(&self, other: &Incoming) -> bool {
        self.present == other.present
            && self.present.iter().all(|f| self.measure.field_text(*f) == other.measure.field_text(*f))
    }
}

/// What one row is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RowKind {
    /// A heading: its text, and the level it sets for the rows below (if it names one).
    Section { title: String, level: Option<Level> },
    /// A heading in the service column: the service of the rows below.
    Service { name: String },
    /// A measure.
    Measure(Box<Incoming>),
    /// The same measure as an earlier row, word for word: counted once.
    Duplicate { id: String, name: String, first_row: usize },
    /// Left out: the measure's name as written (may be empty), and why.
    Skipped { name: String, problem: RowProblem },
}

/// One row below the header that is not blank.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The spreadsheet row, from 1.
    pub row: usize,
    /// What it is.
    pub kind: RowKind,
}

/// What the row above gave, for filling down within a service.
struct Carry {
    provider: String,
    /// Whether the provider came from a service heading (not from a measure row's cell).
    from_heading: bool,
    access: String,
    contact: String,
}

/// Where the columns are, for reading cells and naming them in problems.
struct Layout<'s> {
    sheet: &'s Sheet,
    header: &'s [String],
    columns: &'s BTreeMap<Column, usize>,
}

impl Layout<'_> {
    fn cell<'r>(&self, cells: &'r [String], c: Column) -> &'r str {
        self.columns.get(&c).and_then(|i| cells.get(*i)).map_or("", |s| s.trim())
    }

    fn has(&self, c: Column) -> bool {
        self.columns.contains_key(&c)
    }

    fn at(&self, c: Column, problem: Problem) -> Box<RowProblem> {
        let column = self.columns.get(&c).map(|i| {
            (column_letter(self.sheet.first_col + i), self.header.get(*i).cloned().unwrap_or_default())
        });
        Box::new(RowProblem { column, problem })
    }
}

/// Reads every row below the header.
pub fn read(
    sheet: &Sheet,
    header_index: usize,
    header: &[String],
    columns: &BTreeMap<Column, usize>,
    providers: &mut Providers<'_>,
    options: &Options,
) -> Vec<Row> {
    let layout = Layout { sheet, header, columns };
    let mut out = Vec::new();
    let mut level: Option<Level> = None;
    let mut service = String::new();
    let mut carry: Option<Carry> = None;
    let mut seen: BTreeMap<String, (usize, Incoming)> = BTreeMap::new();
    for (n, cells) in sheet.rows.iter().enumerate().skip(header_index + 1) {
        let row = sheet.first_row + n;
        let filled: Vec<usize> = (0..cells.len()).filter(|i| !cells[*i].trim().is_empty()).collect();
        if filled.is_empty() {
            continue;
        }
        let fill_level = sheet.fills.get(n).copied().flatten().and_then(level_of_fill);
        if let [only] = filled.as_slice() {
            let text = cells[*only].trim().to_string();
            let named = parse_level(&text);
            let in_column = |c: Column| columns.get(&c) == Some(only);
            let heading = named.is_some()
                || fill_level.is_some()
                || !(in_column(Column::Name) || in_column(Column::Provider));
            if heading {
                let named = named.or(fill_level);
                if named.is_some() {
                    level = named;
                }
                service.clear();
                carry = None;
                out.push(Row { row, kind: RowKind::Section { title: text, level: named } });
                continue;
            }
            if in_column(Column::Provider) {
                service = text.clone();
                carry = None;
                out.push(Row { row, kind: RowKind::Service { name: text } });
                continue;
            }
        }
        let state = State { service: &mut service, carry: &mut carry, level: fill_level.or(level) };
        let kind = match measure(&layout, cells, state, providers, options) {
            Err(problem) => {
                RowKind::Skipped { name: layout.cell(cells, Column::Name).to_string(), problem: *problem }
            }
            Ok(incoming) => dedup(incoming, row, &layout, &mut seen),
        };
        out.push(Row { row, kind });
    }
    out
}

/// The state a measure row reads and updates.
struct State<'a> {
    service: &'a mut String,
    carry: &'a mut Option<Carry>,
    level: Option<Level>,
}

/// A measure seen before under its id: the same row again, another provider's measure of
/// the same name (it gets the provider in its id), or a conflict.
fn dedup(
    mut incoming: Incoming,
    row: usize,
    layout: &Layout<'_>,
    seen: &mut BTreeMap<String, (usize, Incoming)>,
) -> RowKind {
    let id = incoming.measure.id.clone();
    if let Some((first_row, first)) = seen.get(&id) {
        if first.same_as(&incoming) {
            return RowKind::Duplicate { id, name: incoming.measure.name.clone(), first_row: *first_row };
        }
        let other_provider = incoming.present.contains(&Field::Provider)
            && first.present.contains(&Field::Provider)
            && first.measure.provider != incoming.measure.provider
            && !layout.has(Column::Id);
        let renamed = format!("{id}-{}", incoming.measure.provider);
        if !other_provider || seen.contains_key(&renamed) {
            let column = if layout.has(Column::Id) { Column::Id } else { Column::Name };
            let problem = *layout.at(column, Problem::DuplicateRow { id, first_row: *first_row });
            return RowKind::Skipped { name: incoming.measure.name.clone(), problem };
        }
        incoming.measure.id = renamed;
    }
    seen.insert(incoming.measure.id.clone(), (row, incoming.clone()));
    RowKind::Measure(Box::new(incoming))
}

fn yes(text: &str) -> bool {
    matches!(text.trim().to_lowercase().as_str(), "ja" | "x" | "yes" | "true" | "1" | "j")
}

/// Reads one measure row.
fn measure(
    layout: &Layout<'_>,
    cells: &[String],
    state: State<'_>,
    providers: &mut Providers<'_>,
    options: &Options,
) -> Result<Incoming, Box<RowProblem>> {
    let get = |c: Column| layout.cell(cells, c);
    let mut m = Measure { name: get(Column::Name).to_string(), ..Measure::default() };
    let mut present: BTreeSet<Field> = BTreeSet::new();
    if m.name.is_empty() {
        return Err(layout.at(Column::Name, Problem::MissingName));
    }
    present.insert(Field::Name);

    // Who offers it: the cell, or the service above (a heading, or a row above).
    let own = !get(Column::Provider).is_empty();
    let from_heading = !own && state.carry.as_ref().is_none_or(|c| c.from_heading);
    let provider_text = match get(Column::Provider) {
        "" => state.service.clone(),
        text => text.to_string(),
    };
    let mut filled_down = Vec::new();
    if !own && !from_heading && !provider_text.is_empty() {
        filled_down.push(Field::Provider);
    }
    if layout.has(Column::Provider) && provider_text.is_empty() {
        return Err(layout.at(Column::Provider, Problem::MissingProvider));
    }
    // Texts read into something else (a provider's name for rt.toml, a way in) by the same
    // rules as the measure's own, before they are used.
    for (column, key, text) in [
        (Column::Provider, "provider", provider_text.as_str()),
        (Column::Access, "access", get(Column::Access)),
    ] {
        if let Some(flaw) = crate::rules::measure::flaws(key, text).first() {
            return Err(layout.at(column, flaw.problem(crate::model::Field::Key(key.into()))));
        }
    }
    if !provider_text.is_empty() {
        m.provider = match providers.find(&provider_text) {
            Match::Found(id) => id,
            Match::Unknown { suggestion: None } if options.add_providers => providers.add(&provider_text),
            Match::Unknown { suggestion } => {
                let problem = Problem::UnknownProvider { provider: provider_text.clone(), suggestion };
                return Err(layout.at(Column::Provider, problem));
            }
        };
        present.insert(Field::Provider);
        *state.service = provider_text.clone();
    }

    // Access and contact: blank cells filled down within the service.
    let same_service = !layout.has(Column::Id)
        && state
            .carry
            .as_ref()
            .is_some_and(|c| present.contains(&Field::Provider) && c.provider == m.provider);
    let down = |value: &str, pick: fn(&Carry) -> &String| match (value, state.carry.as_ref()) {
        ("", Some(c)) if same_service => pick(c).clone(),
        _ => value.to_string(),
    };
    let access_text = down(get(Column::Access), |c| &c.access);
    m.contact = down(get(Column::Contact), |c| &c.contact);
    m.link = get(Column::Link).to_string();
    if get(Column::Access).is_empty() && !access_text.is_empty() {
        filled_down.push(Field::Access);
    }
    if get(Column::Contact).is_empty() && !m.contact.is_empty() {
        filled_down.push(Field::Contact);
    }
    *state.carry = Some(Carry {
        provider: m.provider.clone(),
        from_heading,
        access: access_text.clone(),
        contact: m.contact.clone(),
    });
    if !access_text.is_empty() {
        let (access, from) = parse_access(&access_text)
            .ok_or_else(|| layout.at(Column::Access, Problem::BadAccess { value: access_text.clone() }))?;
        (m.access, m.referral_from) = (access, from);
        present.insert(Field::Access);
    } else if let Some(access) = options.default_access {
        m.access = access;
        present.insert(Field::Access);
    }

    // The level: its own column, else the row's colour or the heading above.
    m.level = match get(Column::Level) {
        "" => state.level,
        text => Some(
            parse_level(text)
                .ok_or_else(|| layout.at(Column::Level, Problem::BadLevel { value: text.to_string() }))?,
        ),
    };
    if m.level.is_some() {
        present.insert(Field::Level);
    }

    read_ages(layout, cells, &mut m, &mut present)?;

    m.description = get(Column::Description).to_string();
    m.tags = get(Column::Tags)
        .split([',', ';'])
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(String::from)
        .collect();
    for (column, field) in [
        (Column::Description, Field::Description),
        (Column::Contact, Field::Contact),
        (Column::Link, Field::Link),
        (Column::Tags, Field::Tags),
    ] {
        if layout.has(column) {
            present.insert(field);
        }
    }
    m.id = match get(Column::Id) {
        "" => slug(&m.name),
        id => id.to_string(),
    };
    if !is_slug(&m.id) {
        let column = if get(Column::Id).is_empty() { Column::Name } else { Column::Id };
        return Err(layout.at(column, Problem::BadSlug { key: "id".into(), value: m.id.clone() }));
    }
    if !crate::model::measure::is_safe_link(&m.link) {
        return Err(layout.at(Column::Link, Problem::BadLink { value: m.link.clone() }));
    }
    // Every text by the same rules as `rt tiltak add` and the file (the tags joined, too).
    if let Some(found) = crate::rules::measure::check(&m).first() {
        let column = match found.key {
            "id" if !get(Column::Id).is_empty() => Column::Id,
            "id" | "name" => Column::Name,
            "provider" => Column::Provider,
            "referral_from" => Column::Access,
            "target" => Column::Target,
            "description" => Column::Description,
            "contact" => Column::Contact,
            "link" => Column::Link,
            _ => Column::Tags,
        };
        let field = crate::model::Field::Key(found.key.into());
        return Err(layout.at(column, found.flaw.problem(field)));
    }
    Ok(Incoming { measure: m, present, provider_text, filled_down })
}

/// The target group as written, and the ages: from the "Alder fra"/"Alder til" columns,
/// else an "Alder" cell, else the target group; whether it is for parents from a "For
/// foreldre" column or the target group's words.
fn read_ages(
    layout: &Layout<'_>,
    cells: &[String],
    m: &mut Measure,
    present: &mut BTreeSet<Field>,
) -> Result<(), Box<RowProblem>> {
    let get = |c: Column| layout.cell(cells, c);
    let target = get(Column::Target);
    if !target.is_empty() {
        m.target = target.to_string();
        present.insert(Field::Target);
    }
    let from_target = parse_target(target);
    let reversed =
        |column: Column, (min, max): (u8, u8)| layout.at(column, Problem::AgesReversed { min, max });
    let (min, max, parents) = if !get(Column::AgeMin).is_empty() || !get(Column::AgeMax).is_empty() {
        let number = |c: Column, default: u8| match get(c) {
            "" => Ok(default),
            t => t
                .parse::<u8>()
                .ok()
                .filter(|n| *n <= 120)
                .ok_or_else(|| layout.at(c, Problem::BadAges { value: t.to_string() })),
        };
        let (min, max) = (number(Column::AgeMin, 0)?, number(Column::AgeMax, 120)?);
        if min > max {
            return Err(reversed(Column::AgeMax, (min, max)));
        }
        (min, max, from_target.is_ok_and(|a| a.parents))
    } else {
        let (column, text) = if get(Column::Ages).is_empty() {
            (Column::Target, target)
        } else {
            (Column::Ages, get(Column::Ages))
        };
        if text.is_empty() {
            return Ok(());
        }
        match parse_target(text) {
            Ok(a) => (a.min, a.max, a.parents || from_target.is_ok_and(|t| t.parents)),
            Err(TargetError::Reversed(min, max)) => return Err(reversed(column, (min, max))),
            Err(TargetError::Unreadable) => {
                return Err(layout.at(column, Problem::BadTarget { value: text.to_string() }));
            }
        }
    };
    let parents = if layout.has(Column::Parents) && !get(Column::Parents).is_empty() {
        yes(get(Column::Parents))
    } else {
        parents
    };
    (m.age_min, m.age_max, m.parents) = (min, max, parents);
    present.insert(Field::Ages);
    Ok(())
}
