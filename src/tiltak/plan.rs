//! What an import does to the catalogue, row by row: add a measure, change some fields of
//! one, leave one as it is, or skip the row.
//!
//! Only the fields the sheet gives are touched. A field that differs from the sheet is taken
//! from the sheet unless it was edited by hand since the last import — its value no longer
//! matches the fingerprint the import left in `[measures.imported]`, or the measure never came
//! from an import — and holds something; such a field is kept, and shown, unless
//! `--overwrite-edited`. The record is renewed with what the sheet says now, so the next
//! import knows it too.

use chrono::NaiveDate;

use super::import::{Incoming, Parsed, RowKind, RowProblem};
use crate::model::measure::{Field, Imported, fingerprint};
use crate::model::{Measure, Tiltaksbank};
use crate::problem::Problem;

/// A field whose value in the file differs from the sheet's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldChange {
    /// Which field.
    pub field: Field,
    /// Kept as it is in the file: edited by hand since the last import.
    pub kept: bool,
}

/// What happens to one measure row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Planned {
    /// The measure in the catalogue now, if there is one with its id.
    pub old: Option<Measure>,
    /// The measure as it will be.
    pub new: Measure,
    /// The measure as the sheet gives it (its values for the fields the sheet gives).
    pub sheet: Measure,
    /// The service as the sheet writes it.
    pub provider_text: String,
    /// The fields taken from the row above, their cells being empty.
    pub filled_down: Vec<Field>,
    /// The fields that differ (for a new measure: none).
    pub changes: Vec<FieldChange>,
    /// Whether the file changes (the measure, or only its import record).
    pub write: bool,
}

impl Planned {
    /// Whether some field of an existing measure will change.
    pub fn changed(&self) -> bool {
        self.changes.iter().any(|c| !c.kept)
    }
}

/// One row's step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// A heading or a duplicate row: shown, nothing done.
    Read(RowKind),
    /// A measure added, changed or left as it is.
    Measure(Box<Planned>),
    /// Left out: the name as written, and why.
    Skipped { name: String, problem: RowProblem },
}

/// The whole import.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Plan {
    /// Each row below the header that is not blank: its spreadsheet row and step.
    pub steps: Vec<(usize, Step)>,
}

/// The counts of a plan, for its summary.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub added: usize,
    pub changed: usize,
    pub same: usize,
    pub duplicates: usize,
    pub skipped: usize,
    /// Fields kept because they were edited by hand.
    pub kept: usize,
}

impl Plan {
    /// How many of each.
    pub fn counts(&self) -> Counts {
        let mut c = Counts::default();
        for (_, step) in &self.steps {
            match step {
                Step::Read(RowKind::Duplicate { .. }) => c.duplicates += 1,
                Step::Read(_) => {}
                Step::Skipped { .. } => c.skipped += 1,
                Step::Measure(p) => {
                    c.kept += p.changes.iter().filter(|f| f.kept).count();
                    match (&p.old, p.changed()) {
                        (None, _) => c.added += 1,
                        (Some(_), true) => c.changed += 1,
                        (Some(_), false) => c.same += 1,
                    }
                }
            }
        }
        c
    }

    /// The measures to write (added, changed, or with a renewed import record).
    pub fn to_write(&self) -> Vec<&Measure> {
        self.steps
            .iter()
            .filter_map(|(_, s)| match s {
                Step::Measure(p) if p.write => Some(&p.new),
                _ => None,
            })
            .collect()
    }

    /// Why rows were skipped: each kind of problem (its first instance) and how many.
    pub fn reasons(&self) -> Vec<(Problem, usize)> {
        let mut out: Vec<(Problem, usize)> = Vec::new();
        for (_, step) in &self.steps {
            if let Step::Skipped { problem, .. } = step {
                let kind = std::mem::discriminant(&problem.problem);
                match out.iter_mut().find(|(p, _)| std::mem::discriminant(p) == kind) {
                    Some((_, n)) => *n += 1,
                    None => out.push((problem.problem.clone(), 1)),
                }
            }
        }
        out
    }
}

/// The import record after this import: the old one with the sheet's fields renewed, dated
/// today when it changed.
fn record(old: Option<&Imported>, incoming: &Incoming, today: NaiveDate) -> Imported {
    let mut fields = old.map(|r| r.fields.clone()).unwrap_or_default();
    for f in &incoming.present {
        fields.insert(*f, fingerprint(&incoming.measure.field_text(*f)));
    }
    let date = match old {
        Some(r) if r.fields == fields => r.date,
        _ => Some(today),
    };
    Imported { date, fields }
}

/// What an import of these rows does to the catalogue.
pub fn plan(parsed: &Parsed, bank: &Tiltaksbank, today: NaiveDate, overwrite_edited: bool) -> Plan {
    let mut steps = Vec::new();
    for row in &parsed.rows {
        let step = match &row.kind {
            RowKind::Measure(incoming) => match bank.get(&incoming.measure.id) {
                None => add(incoming, today),
                Some(old) => Step::Measure(Box::new(update(old, incoming, today, overwrite_edited))),
            },
            RowKind::Skipped { name, problem } => {
                Step::Skipped { name: name.clone(), problem: problem.clone() }
            }
            other => Step::Read(other.clone()),
        };
        steps.push((row.row, step));
    }
    Plan { steps }
}

fn add(incoming: &Incoming, today: NaiveDate) -> Step {
    let missing = if !incoming.present.contains(&Field::Provider) {
        Some(Problem::MissingProvider)
    } else if !incoming.present.contains(&Field::Access) {
        Some(Problem::MissingAccess)
    } else {
        None
    };
    if let Some(problem) = missing {
        let problem = RowProblem { column: None, problem };
        return Step::Skipped { name: incoming.measure.name.clone(), problem };
    }
    let mut new = incoming.measure.clone();
    new.imported = Some(record(None, incoming, today));
    let sheet = incoming.measure.clone();
    let provider_text = incoming.provider_text.clone();
    Step::Measure(Box::new(Planned {
        old: None,
        new,
        sheet,
        provider_text,
        filled_down: incoming.filled_down.clone(),
        changes: Vec::new(),
        write: true,
    }))
}

fn update(old: &Measure, incoming: &Incoming, today: NaiveDate, overwrite_edited: bool) -> Planned {
    let mut new = old.clone();
    let mut changes = Vec::new();
    for field in Field::ALL.into_iter().filter(|f| incoming.present.contains(f)) {
        if old.field_text(field) == incoming.measure.field_text(field) {
            continue;
        }
        let kept = !overwrite_edited && old.edited_by_hand(field) && !old.field_is_blank(field);
        if !kept {
            new.take(field, &incoming.measure);
        }
        changes.push(FieldChange { field, kept });
    }
    new.imported = Some(record(old.imported.as_ref(), incoming, today));
    let write = new != *old;
    let (sheet, provider_text) = (incoming.measure.clone(), incoming.provider_text.clone());
    let filled_down = incoming.filled_down.clone();
    Planned { old: Some(old.clone()), new, sheet, provider_text, filled_down, changes, write }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::model::Access;
    use crate::testing::d;

    fn incoming(m: &Measure, fields: &[Field]) -> Incoming {
        Incoming {
            measure: m.clone(),
            present: fields.iter().copied().collect::<BTreeSet<_>>(),
            provider_text: String::new(),
            filled_down: Vec::new(),
        }
    }

    fn planned(bank: &Tiltaksbank, inc: &Incoming, overwrite: bool) -> Planned {
        match bank.get(&inc.measure.id) {
            Some(old) => update(old, inc, d(2027, 1, 5), overwrite),
            None => match add(inc, d(2027, 1, 5)) {
                Step::Measure(p) => *p,
                other => panic!("{other:?}"),
            },
        }
    }

    #[test]
    fn a_hand_edit_survives_the_next_import_and_only_given_fields_change() {
        let fields = [Field::Name, Field::Provider, Field::Access, Field::Contact];
        let sheet = Measure {
            id: "kurs".into(),
            name: "Kurs".into(),
            provider: "nav".into(),
            contact: "Ring NAV".into(),
            description: "Fra arket, men arket har ingen slik kolonne".into(),
            ..Measure::default()
        };
        // First import: added, with a record of the sheet's fields only.
        let first = planned(&Tiltaksbank::default(), &incoming(&sheet, &fields), false);
        assert!(first.old.is_none() && first.write);
        let record = first.new.imported.clone().unwrap();
        assert_eq!(record.fields.keys().copied().collect::<Vec<_>>(), fields);
        assert_eq!(record.date, Some(d(2027, 1, 5)));

        // A person edits the contact and adds a description by hand.
        let mut edited = first.new.clone();
        edited.contact = "Ring Kari i NAV".into();
        edited.description = "Skrevet for hånd".into();
        let bank = Tiltaksbank { measures: vec![edited.clone()], ..Default::default() };

        // The sheet now says another contact and another way in.
        let mut later = sheet.clone();
        later.contact = "Ring NAV-kontoret".into();
        later.access = Access::Referral;
        let p = planned(&bank, &incoming(&later, &fields), false);
        assert_eq!(
            p.changes,
            [
                FieldChange { field: Field::Access, kept: false },
                FieldChange { field: Field::Contact, kept: true }
            ]
        );
        assert_eq!(p.new.contact, "Ring Kari i NAV", "the hand edit is kept");
        assert_eq!(p.new.description, "Skrevet for hånd", "no description column: left alone");
        assert_eq!(p.new.access, Access::Referral, "what the import wrote follows the sheet");
        // The record now holds what the sheet says, so the edit still reads as one.
        assert!(p.new.edited_by_hand(Field::Contact) && !p.new.edited_by_hand(Field::Access));

        let forced = planned(&bank, &incoming(&later, &fields), true);
        assert_eq!(forced.new.contact, "Ring NAV-kontoret");
        assert!(!forced.new.edited_by_hand(Field::Contact));
    }

    #[test]
    fn a_measure_never_imported_keeps_what_it_holds_and_gets_blanks_filled() {
        let old = Measure {
            id: "kurs".into(),
            name: "Kurs".into(),
            provider: "nav".into(),
            contact: "Skrevet for hånd".into(),
            ..Measure::default()
        };
        let bank = Tiltaksbank { measures: vec![old.clone()], ..Default::default() };
        let sheet = Measure { contact: "Fra arket".into(), link: "https://x.example".into(), ..old.clone() };
        let p = planned(&bank, &incoming(&sheet, &[Field::Name, Field::Contact, Field::Link]), false);
        assert_eq!(p.new.contact, "Skrevet for hånd");
        assert_eq!(p.new.link, "https://x.example");
        assert!(p.changed() && p.write);
        // The same again: nothing to write.
        let again = Tiltaksbank { measures: vec![p.new.clone()], ..Default::default() };
        let q = planned(&again, &incoming(&sheet, &[Field::Name, Field::Contact, Field::Link]), false);
        assert!(!q.changed() && !q.write, "{q:?}");
        assert_eq!(q.changes, [FieldChange { field: Field::Contact, kept: true }]);
    }

    #[test]
    fn a_new_measure_needs_a_provider_and_a_way_in() {
        let m = Measure { id: "kurs".into(), name: "Kurs".into(), ..Measure::default() };
        let step = add(&incoming(&m, &[Field::Name, Field::Access]), d(2027, 1, 5));
        assert!(matches!(
            step,
            Step::Skipped { problem: RowProblem { problem: Problem::MissingProvider, .. }, .. }
        ));
        let step = add(&incoming(&m, &[Field::Name, Field::Provider]), d(2027, 1, 5));
        assert!(matches!(
            step,
            Step::Skipped { problem: RowProblem { problem: Problem::MissingAccess, .. }, .. }
        ));
    }
}
