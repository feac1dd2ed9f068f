//! The site's four facets — age, provider, level and way in — each with its choices and the
//! measures every choice fits. The page's filters offer the choices; the same groups, written
//! out as lists of links, let a reader browse by each facet without JavaScript.

use serde::Serialize;

use super::{CardView, access_choice, level_label};
use crate::lang::Lang;
use crate::model::{Access, Config, Level, Measure};

/// The age groups to browse by: the report's, so the two speak alike.
pub const AGE_BANDS: [(u8, u8); 6] = [(0, 5), (6, 12), (13, 18), (19, 25), (26, 66), (67, 120)];

/// A measure named in a choice, with where it is on the site (from the index).
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
pub struct LinkView {
    pub id: String,
    pub name: String,
    /// `tiltak/ID.html`, or `#m-ID` for a measure that is one line of the index.
    pub href: String,
}

/// One choice of a facet: "6–12 år", "Eikvik kulturskole", "For alle (universelt)".
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// What the filter sends and the measures carry: `6-12`, `kulturskole`, `universal`.
    pub value: String,
    pub label: String,
    /// The measures it fits, in the index's order.
    pub measures: Vec<LinkView>,
}

/// A facet with its choices (only those that fit some measure).
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
pub struct Facet {
    /// The form field's name and the measures' data attribute: `age`, `provider`, `level`,
    /// `access`.
    pub key: &'static str,
    /// "Alder", "Tilbyder", "Nivå", "Slik får du det".
    pub label: &'static str,
    /// The choice that keeps every measure: "Alle tilbydere".
    pub all: &'static str,
    pub choices: Vec<Choice>,
}

fn link(card: &CardView) -> LinkView {
    LinkView {
        id: card.id.clone(),
        name: card.name.clone(),
        href: card.page.clone().unwrap_or_else(|| format!("#m-{}", card.id)),
    }
}

/// The choices of one facet, in the order given, each with the measures it fits; a choice
/// no measure fits is left out.
fn choices<T>(
    options: impl IntoIterator<Item = T>,
    measures: &[&Measure],
    cards: &[CardView],
    fits: impl Fn(&T, &Measure) -> bool,
    name: impl Fn(&T) -> (String, String),
) -> Vec<Choice> {
    options
        .into_iter()
        .filter_map(|option| {
            let fitting: Vec<LinkView> =
                measures.iter().zip(cards).filter(|(m, _)| fits(&option, m)).map(|(_, c)| link(c)).collect();
            let (value, label) = name(&option);
            (!fitting.is_empty()).then_some(Choice { value, label, measures: fitting })
        })
        .collect()
}

/// Whether a measure fits someone in an age group: some age of the group fits it (a
/// measure for parents fits every adult, see [`Measure::fits_age`]).
pub fn fits_band(m: &Measure, (from, to): (u8, u8)) -> bool {
    (i32::from(from)..=i32::from(to)).any(|age| m.fits_age(age))
}

/// An age group's name: "6–12 år", "67 år og eldre".
pub fn band_label((from, to): (u8, u8), lang: Lang) -> String {
    if to >= 120 {
        lang.pick(format!("{from} år og eldre"), format!("{from} and over"))
    } else {
        lang.pick(format!("{from}–{to} år"), format!("ages {from}–{to}"))
    }
}

/// Age, by the groups of [`AGE_BANDS`].
pub fn ages(measures: &[&Measure], cards: &[CardView], lang: Lang) -> Facet {
    Facet {
        key: "age",
        label: lang.pick("Alder", "Age"),
        all: lang.pick("Alle aldre", "All ages"),
        choices: choices(
            AGE_BANDS,
            measures,
            cards,
            |band, m| fits_band(m, *band),
            |&(from, to)| (format!("{from}-{to}"), band_label((from, to), lang)),
        ),
    }
}

/// Provider, in `rt.toml`'s order: the team's units, then the services outside it; a
/// provider `rt.toml` does not know (which `rt check` reports) last.
pub fn providers(measures: &[&Measure], cards: &[CardView], config: &Config, lang: Lang) -> Facet {
    let mut ids: Vec<&str> = config.provider_ids().collect();
    for m in measures {
        if !ids.contains(&m.provider.as_str()) {
            ids.push(&m.provider);
        }
    }
    Facet {
        key: "provider",
        label: lang.pick("Tilbyder", "Provider"),
        all: lang.pick("Alle tilbydere", "All providers"),
        choices: choices(
            ids,
            measures,
            cards,
            |id, m| m.provider == *id,
            |id| (id.to_string(), config.provider_name(id).to_string()),
        ),
    }
}

/// Level, from the pyramid's base up; measures without one last.
pub fn levels(measures: &[&Measure], cards: &[CardView], lang: Lang) -> Facet {
    let options = Level::ALL.into_iter().map(Some).chain([None]);
    Facet {
        key: "level",
        label: lang.pick("Nivå", "Level"),
        all: lang.pick("Alle nivåer", "All levels"),
        choices: choices(
            options,
            measures,
            cards,
            |l, m| m.level == *l,
            |l| match l {
                Some(l) => (l.code().to_string(), level_label(*l, lang)),
                None => ("none".to_string(), lang.pick("Uten nivå", "No level").to_string()),
            },
        ),
    }
}

/// The way in, in the order of the docs.
pub fn accesses(measures: &[&Measure], cards: &[CardView], lang: Lang) -> Facet {
    Facet {
        key: "access",
        label: lang.pick("Slik får du det", "How to get it"),
        all: lang.pick("Alle måter", "Every way"),
        choices: choices(
            Access::ALL,
            measures,
            cards,
            |a, m| m.access == *a,
            |a| (a.code().to_string(), access_choice(*a, lang)),
        ),
    }
}
