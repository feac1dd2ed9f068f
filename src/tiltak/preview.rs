//! The import's preview: a checklist with one entry per row of the sheet, in the sheet's
//! order, so a leader can judge every row before `--apply` — what each measure will be
//! (name, provider, way in, level, ages), and for a measure that changes each field old → new,
//! or kept because it was edited by hand.
//!
//! ```text
//! # rad 5    Tiltak for alle → universelt (grønt, for alle)
//! + rad 6    Åpen hall [apen-hall]
//!            Eikvik frivilligsentral · åpent · universelt · 13–18 år
//! ~ rad 7    Foreldreveiledning (ICDP) [foreldreveiledning-icdp]
//!            …
//!            tilgang: åpent → henvisning fra fastlege
//! = rad 8    Barselgruppe [barselgruppe]: uendret
//! ! rad 9    Leksehjelp: hoppet over – ukjent tilbyder `Skolen` (kolonne B)
//! ```

use super::import::{Column, Parsed, RowKind, is_name};
use super::labels;
use super::plan::{Plan, Planned, Step};
use crate::lang::Lang;
use crate::model::measure::Field;
use crate::model::{Config, Measure};

/// What the preview needs to know.
pub struct Preview<'a> {
    /// The sheet's name.
    pub sheet: &'a str,
    /// What was read.
    pub parsed: &'a Parsed,
    /// What will be done.
    pub plan: &'a Plan,
    /// The team, for the providers' names.
    pub config: &'a Config,
    /// The language.
    pub lang: Lang,
}

/// A column's name in the preview.
fn column_label(c: Column, lang: Lang) -> &'static str {
    match c {
        Column::Id => "id",
        Column::Name => labels::field(Field::Name, lang),
        Column::Provider => labels::field(Field::Provider, lang),
        Column::Access => labels::field(Field::Access, lang),
        Column::Level => labels::field(Field::Level, lang),
        Column::Target => labels::field(Field::Target, lang),
        Column::Ages => labels::field(Field::Ages, lang),
        Column::AgeMin => lang.pick("alder fra", "age from"),
        Column::AgeMax => lang.pick("alder til", "age to"),
        Column::Parents => lang.pick("for foreldre", "for parents"),
        Column::Description => labels::field(Field::Description, lang),
        Column::Contact => labels::field(Field::Contact, lang),
        Column::Link => labels::field(Field::Link, lang),
        Column::Tags => labels::field(Field::Tags, lang),
    }
}

/// A text shortened to `max` characters.
fn short(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max - 1).collect();
    format!("{}…", cut.trim_end())
}

impl Preview<'_> {
    fn provider_name<'n>(&'n self, id: &'n str) -> &'n str {
        match self.parsed.new_providers.iter().find(|p| p.id == id) {
            Some(p) => &p.name,
            None => self.config.provider_name(id),
        }
    }

    /// A field's value as the preview shows it.
    fn value(&self, m: &Measure, field: Field) -> String {
        let lang = self.lang;
        let quoted = |s: &str| match s {
            "" => lang.pick("(tomt)", "(empty)").to_string(),
            s => lang.pick(format!("«{}»", short(s, 50)), format!("\"{}\"", short(s, 50))),
        };
        match field {
            Field::Name => quoted(&m.name),
            Field::Provider => self.provider_name(&m.provider).to_string(),
            Field::Access => labels::access(m, lang),
            Field::Level => labels::level_or_none(m.level, lang),
            Field::Target => quoted(&m.target),
            Field::Ages => labels::ages(m, lang),
            Field::Description => quoted(&m.description),
            Field::Contact => quoted(&m.contact),
            Field::Link => quoted(&m.link),
            Field::Tags => quoted(&m.tags.join(", ")),
        }
    }

    /// The measure in one line: provider · way in · level · ages; the provider also as the
    /// sheet writes it, where that is not its name ("Fysioterapi"), so a match can be checked.
    fn summary(&self, m: &Measure, provider_text: &str) -> String {
        let lang = self.lang;
        let name = self.provider_name(&m.provider);
        let given = provider_text.is_empty() || provider_text.trim() == m.provider;
        let provider = if given || is_name(provider_text, name) {
            name.to_string()
        } else {
            lang.pick(
                format!("{name} («{provider_text}» i arket)"),
                format!("{name} (\"{provider_text}\" in the sheet)"),
            )
        };
        [provider, labels::access(m, lang), labels::level_or_none(m.level, lang), labels::ages(m, lang)]
            .join(" · ")
    }

    fn head(&self, marker: char, row: usize) -> String {
        format!("{marker} {} {row:<4} ", self.lang.pick("rad", "row"))
    }

    fn measure(&self, out: &mut String, row: usize, p: &Planned) {
        let lang = self.lang;
        let pad = " ".repeat(11);
        let title = format!("{} [{}]", p.new.name, p.new.id);
        match &p.old {
            Some(_) if !p.changed() && p.changes.is_empty() => {
                out.push_str(&format!(
                    "{}{title}: {}\n",
                    self.head('=', row),
                    lang.pick("uendret", "unchanged")
                ));
                return;
            }
            Some(_) if !p.changed() => out.push_str(&format!("{}{title}\n", self.head('=', row))),
            Some(_) => out.push_str(&format!("{}{title}\n", self.head('~', row))),
            None => out.push_str(&format!("{}{title}\n", self.head('+', row))),
        }
        out.push_str(&format!("{pad}{}\n", self.summary(&p.new, &p.provider_text)));
        if !p.filled_down.is_empty() {
            let fields: Vec<&str> = p.filled_down.iter().map(|f| labels::field(*f, lang)).collect();
            out.push_str(&format!(
                "{pad}{}\n",
                lang.pick(
                    format!("{} fra raden over (tomt i arket)", fields.join(", ")),
                    format!("{} from the row above (empty in the sheet)", fields.join(", ")),
                )
            ));
        }
        let Some(old) = &p.old else { return };
        for change in &p.changes {
            let name = labels::field(change.field, lang);
            let (was, sheet) = (self.value(old, change.field), self.value(&p.sheet, change.field));
            let line = if change.kept {
                lang.pick(
                    format!("{name}: beholdt {was}, endret for hånd; arket sier {sheet} (--overwrite-edited tar arkets)"),
                    format!("{name}: kept {was}, edited by hand; the sheet says {sheet} (--overwrite-edited takes the sheet's)"),
                )
            } else {
                format!("{name}: {was} → {sheet}")
            };
            out.push_str(&format!("{pad}{line}\n"));
        }
    }

    /// The whole preview.
    pub fn render(&self) -> String {
        let lang = self.lang;
        let parsed = self.parsed;
        let mut out = lang.pick(
            format!("Ark «{}»: overskriftene står på rad {}.\n", self.sheet, parsed.header_row),
            format!("Sheet \"{}\": the headers are on row {}.\n", self.sheet, parsed.header_row),
        );
        let columns: Vec<String> =
            parsed.columns.iter().map(|(h, c)| format!("{h} → {}", column_label(*c, lang))).collect();
        out.push_str(&format!("{}: {}\n", lang.pick("Kolonner", "Columns"), columns.join(", ")));
        if !parsed.unused.is_empty() {
            out.push_str(&lang.pick(
                format!("Kolonner som ikke brukes: {} (se --map)\n", parsed.unused.join(", ")),
                format!("Columns not used: {} (see --map)\n", parsed.unused.join(", ")),
            ));
        }
        if !parsed.new_providers.is_empty() {
            let names: Vec<String> =
                parsed.new_providers.iter().map(|p| format!("{} [{}]", p.name, p.id)).collect();
            out.push_str(&lang.pick(
                format!("Nye tilbydere i rt.toml: {}\n", names.join(", ")),
                format!("New providers in rt.toml: {}\n", names.join(", ")),
            ));
        }
        out.push_str(lang.pick(
            "+ nytt tiltak   ~ endres   = uendret   ! hoppes over   # overskrift i arket\n\n",
            "+ new measure   ~ changes   = unchanged   ! skipped   # heading in the sheet\n\n",
        ));
        for (row, step) in &self.plan.steps {
            match step {
                Step::Read(RowKind::Section { title, level: Some(l) }) => out.push_str(&format!(
                    "{}{title} → {}\n",
                    self.head('#', *row),
                    labels::level_long(*l, lang)
                )),
                Step::Read(RowKind::Section { title, level: None }) => {
                    out.push_str(&format!("{}{title}\n", self.head('#', *row)))
                }
                Step::Read(RowKind::Service { name }) => out.push_str(&format!(
                    "{}{name} → {}\n",
                    self.head('#', *row),
                    lang.pick("tjenesten for radene under", "the service of the rows below")
                )),
                Step::Read(RowKind::Duplicate { id, name, first_row }) => out.push_str(&format!(
                    "{}{name} [{id}]: {}\n",
                    self.head('=', *row),
                    lang.pick(
                        format!("samme som rad {first_row}, telles én gang"),
                        format!("the same as row {first_row}, counted once"),
                    )
                )),
                Step::Read(RowKind::Measure(_) | RowKind::Skipped { .. }) => {}
                Step::Measure(p) => self.measure(&mut out, *row, p),
                Step::Skipped { name, problem } => {
                    let what = if name.is_empty() {
                        String::new()
                    } else {
                        format!("{}: ", crate::output::on_one_line(name))
                    };
                    let column = problem.column.as_ref().map_or(String::new(), |(letter, _)| {
                        lang.pick(format!(" (kolonne {letter})"), format!(" (column {letter})"))
                    });
                    out.push_str(&format!(
                        "{}{what}{} – {}{column}\n",
                        self.head('!', *row),
                        lang.pick("hoppet over", "skipped"),
                        problem.problem.message(lang)
                    ));
                }
            }
        }
        out
    }
}
