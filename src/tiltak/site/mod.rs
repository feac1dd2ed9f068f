//! The tiltaksbank as a static web site (R15): what every page of `rt tiltak site` shows, as
//! plain view structs for the Tera templates, decided here apart from files and the clock.
//!
//! A *public* site shows what citizens can use directly — who a measure is for, what it is,
//! how to get it (apply directly, by referral from whom, by decision) with the contact, and
//! the provider — each on a page of its own at a stable address (`tiltak/ID.html`). A measure
//! set in only through the team gets no page: it stands as one line in the list, saying that
//! one's contact person at the family centre can bring the case to the team. A *staff* site
//! shows every measure in full. Each measure carries its facets (age, provider, level, way
//! in) and a folded search text, so the page filters without a server, and [`facets`] groups
//! the measures by each facet for browsing without JavaScript.

pub mod facets;
#[cfg(test)]
mod tests;

use chrono::NaiveDate;
use serde::Serialize;

use super::labels;
use super::search::fold;
use crate::lang::Lang;
use crate::model::{Access, Config, Level, Measure, Tiltaksbank};

/// Whom a site is for.
#[derive(clap::ValueEnum, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Audience {
    /// Citizens: what they can use directly; measures only through the team as one line.
    #[default]
    Public,
    /// Employees: every measure in full.
    Staff,
}

impl Audience {
    /// The code used in flags and templates.
    pub fn code(self) -> &'static str {
        match self {
            Audience::Public => "public",
            Audience::Staff => "staff",
        }
    }
}

/// Whether a measure gets a page of its own on a site for this audience; otherwise it is
/// one line in the list.
pub fn has_page(m: &Measure, audience: Audience) -> bool {
    audience == Audience::Staff || m.access != Access::ViaTeam
}

/// The relative address of a measure's page from the site's root.
pub fn page_path(id: &str) -> String {
    format!("tiltak/{id}.html")
}

/// What every page shows around its content.
#[derive(Serialize, Debug, Clone)]
pub struct Frame {
    /// `nb` or `en`.
    pub lang: &'static str,
    /// The team's name.
    pub team: String,
    /// `public` or `staff`.
    pub audience: &'static str,
    /// Whether it is the staff site (every measure; not for search engines).
    pub staff: bool,
    /// The day the site was made, `2027-01-05`.
    pub updated: String,
    /// The same as a person reads it, `5. januar 2027`.
    pub updated_long: String,
    /// Whom to contact about the team: its leader, when `rt.toml` names one.
    pub contact: Option<ContactView>,
    /// The way from the page to the site's root: empty on the index, `../` on a measure's page.
    pub root: &'static str,
}

/// The team's contact.
#[derive(Serialize, Debug, Clone)]
pub struct ContactView {
    pub name: String,
    pub email: String,
    /// The name of the leader's unit.
    pub unit: String,
}

/// A measure as the list and its page show it.
#[derive(Serialize, Debug, Clone)]
pub struct CardView {
    pub id: String,
    pub name: String,
    /// Its page, from the site's root (`tiltak/ID.html`); `None` when it is one line.
    pub page: Option<String>,
    /// One line only (public site, through the team).
    pub one_line: bool,
    pub description: String,
    /// The target group as written (may be empty).
    pub target: String,
    /// Whom it is for, in one phrase: the target group with the ages where it does not
    /// already say them ("Elever på 5.–10. trinn (10–15 år)"), else the ages ("13–18 år").
    pub who: String,
    /// "6–12 år", "foreldre til barn 0–6 år", "alle aldre".
    pub ages_label: String,
    pub age_min: u8,
    pub age_max: u8,
    pub parents: bool,
    /// `open`, `via-team`, `referral` or `decision`.
    pub access: &'static str,
    /// "Ta kontakt selv", "Henvisning fra fastlege", "Etter vedtak", "Gjennom ressursteamet".
    pub access_label: String,
    /// From whom a referral comes (may be empty).
    pub referral_from: String,
    pub contact: String,
    /// An `http(s)` link to read more; anything else is left out.
    pub link: String,
    pub provider: String,
    pub provider_name: String,
    /// `universal`, `selective`, `indicated`, or `none`.
    pub level: &'static str,
    /// "For alle (universelt)"; empty without a level.
    pub level_label: String,
    pub tags: Vec<String>,
    /// Name, description, target group, tags and provider, folded (`ø` → `o`, `å` → `a`,
    /// `æ` → `ae`, lower case) for the page's search.
    pub search: String,
}

/// The provider as a measure's page shows it.
#[derive(Serialize, Debug, Clone)]
pub struct ProviderView {
    pub name: String,
    /// Its contact under `[[providers]]` (empty for a unit of the team).
    pub contact: String,
    /// Its web page under `[[providers]]`, when `http(s)`.
    pub link: String,
    /// A service outside the team.
    pub outside: bool,
}

/// The site's front page.
#[derive(Serialize, Debug, Clone)]
pub struct IndexView {
    #[serde(flatten)]
    pub frame: Frame,
    /// Every measure the site shows, by name.
    pub measures: Vec<CardView>,
    /// How many.
    pub total: usize,
    /// How many of them have a page of their own.
    pub pages: usize,
    /// How many stand as one line.
    pub one_line: usize,
    /// Age, provider, level and way in, each with its choices and the measures every choice
    /// fits: the filters' choices, and the lists to browse by without JavaScript.
    pub facets: Vec<facets::Facet>,
}

/// One measure's page.
#[derive(Serialize, Debug, Clone)]
pub struct PageView {
    #[serde(flatten)]
    pub frame: Frame,
    pub measure: CardView,
    pub provider: ProviderView,
}

/// The whole site.
#[derive(Debug, Clone)]
pub struct Site {
    pub index: IndexView,
    pub pages: Vec<PageView>,
}

/// Builds the site of a catalogue for an audience, made on `today`.
pub fn build(config: &Config, bank: &Tiltaksbank, audience: Audience, lang: Lang, today: NaiveDate) -> Site {
    let frame = |root| Frame {
        lang: lang.code(),
        team: config.team.clone(),
        audience: audience.code(),
        staff: audience == Audience::Staff,
        updated: today.to_string(),
        updated_long: crate::render::dates::plain(today, lang),
        contact: config.leader.as_ref().map(|l| ContactView {
            name: l.name.clone(),
            email: l.email.clone(),
            unit: config.unit_name(&l.unit).to_string(),
        }),
        root,
    };
    let mut measures: Vec<&Measure> = bank.measures.iter().collect();
    measures.sort_by(|a, b| sort_key(&a.name).cmp(&sort_key(&b.name)).then_with(|| a.id.cmp(&b.id)));
    let cards: Vec<CardView> = measures.iter().map(|m| card(m, config, audience, lang)).collect();
    let pages = measures
        .iter()
        .zip(&cards)
        .filter(|(_, c)| c.page.is_some())
        .map(|(m, c)| PageView { frame: frame("../"), measure: c.clone(), provider: provider(m, config) })
        .collect::<Vec<_>>();
    let facets = vec![
        facets::ages(&measures, &cards, lang),
        facets::providers(&measures, &cards, config, lang),
        facets::levels(&measures, &cards, lang),
        facets::accesses(&measures, &cards, lang),
    ];
    let index = IndexView {
        frame: frame(""),
        total: cards.len(),
        pages: pages.len(),
        one_line: cards.iter().filter(|c| c.one_line).count(),
        facets,
        measures: cards,
    };
    Site { index, pages }
}

/// A measure's card.
fn card(m: &Measure, config: &Config, audience: Audience, lang: Lang) -> CardView {
    let page = has_page(m, audience).then(|| page_path(&m.id));
    let provider_name = config.provider_name(&m.provider).to_string();
    let tags = m.tags.join(" ");
    let search = fold(&[m.name.as_str(), &m.description, &m.target, &tags, &provider_name].join(" "));
    CardView {
        id: m.id.clone(),
        name: m.name.clone(),
        one_line: page.is_none(),
        page,
        description: m.description.clone(),
        target: m.target.clone(),
        who: who(&m.target, &labels::ages(m, lang)),
        ages_label: labels::ages(m, lang),
        age_min: m.age_min,
        age_max: m.age_max,
        parents: m.parents,
        access: m.access.code(),
        access_label: access_label(m.access, &m.referral_from, lang),
        referral_from: m.referral_from.clone(),
        contact: m.contact.clone(),
        link: web_link(&m.link),
        provider: m.provider.clone(),
        provider_name,
        level: m.level.map_or("none", Level::code),
        level_label: m.level.map(|l| level_label(l, lang)).unwrap_or_default(),
        tags: m.tags.clone(),
        search: search.split_whitespace().collect::<Vec<_>>().join(" "),
    }
}

fn provider(m: &Measure, config: &Config) -> ProviderView {
    let outside = config.providers.iter().find(|p| p.id == m.provider);
    ProviderView {
        name: config.provider_name(&m.provider).to_string(),
        contact: outside.map(|p| p.contact.clone()).unwrap_or_default(),
        link: outside.map(|p| web_link(&p.link)).unwrap_or_default(),
        outside: outside.is_some(),
    }
}

/// The target group with the ages, unless it already says them; the ages alone without one.
pub fn who(target: &str, ages: &str) -> String {
    let target = target.trim();
    if target.is_empty() {
        let mut chars = ages.chars();
        chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
    } else if says_the_ages(target, ages) {
        target.to_string()
    } else {
        format!("{target} ({ages})")
    }
}

/// Whether a target group already gives the ages: every number of the ages is in it
/// ("Familier med barn 0–18 år" says "foreldre til barn 0–18 år"; "Gravide" says no
/// "15–50 år"). Ages without a number ("alle aldre") need no saying.
fn says_the_ages(target: &str, ages: &str) -> bool {
    let numbers = |text: &str| -> Vec<String> {
        text.split(|c: char| !c.is_ascii_digit()).filter(|n| !n.is_empty()).map(str::to_string).collect()
    };
    let given = numbers(target);
    numbers(ages).iter().all(|n| given.contains(n))
}

/// A way in as a citizen reads it: "Ta kontakt selv", "Henvisning fra fastlege".
pub fn access_label(access: Access, from: &str, lang: Lang) -> String {
    match access {
        Access::Open => lang.pick("Ta kontakt selv", "Contact them yourself").into(),
        Access::Referral if from.trim().is_empty() => lang.pick("Med henvisning", "With a referral").into(),
        Access::Referral => lang.pick(format!("Henvisning fra {from}"), format!("Referral from {from}")),
        Access::Decision => lang.pick("Etter vedtak", "By decision").into(),
        Access::ViaTeam => lang.pick("Gjennom ressursteamet", "Through the resource team").into(),
    }
}

/// A way in as a filter's choice: "Med henvisning" (from whom is on each measure).
pub fn access_choice(access: Access, lang: Lang) -> String {
    access_label(access, "", lang)
}

/// A level as a citizen reads it: "For alle (universelt)".
pub fn level_label(level: Level, lang: Lang) -> String {
    let (nb, en) = match level {
        Level::Universal => ("For alle", "For everyone"),
        Level::Selective => ("For noen", "For some"),
        Level::Indicated => ("For få, tilpasset den enkelte", "For a few, fitted to each"),
    };
    format!("{} ({})", lang.pick(nb, en), labels::level(level, lang))
}

/// A link the site may show: only `http://` and `https://` (never `javascript:` or a file).
pub fn web_link(link: &str) -> String {
    let link = link.trim();
    let lower = link.to_ascii_lowercase();
    let web = (lower.starts_with("https://") || lower.starts_with("http://"))
        && !link.chars().any(|c| c.is_whitespace() || c.is_control());
    if web { link.to_string() } else { String::new() }
}

/// Orders names as Norwegian does: case and accents aside, with æ, ø, å after z.
pub fn sort_key(name: &str) -> Vec<(u32, char)> {
    name.chars()
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .map(|c| match c {
            'æ' | 'ä' => (1, 'a'),
            'ø' | 'ö' => (1, 'b'),
            'å' => (1, 'c'),
            'é' | 'è' | 'ê' => (0, 'e'),
            c => (0, c),
        })
        .collect()
}
