//! What the minutes (referat) of a case hold (R8–R10), as a plain view for the templates:
//! the meeting and who was there, the case, the team's outcome or — before one is recorded
//! — a shortlist of measures that fit the user's age (by provider: the team's units, then
//! the services outside it; a measure for parents fits a child of its ages and any adult),
//! the user's decision, and the distribution: archived at the referring unit, copies only to
//! the consented units.
//!
//! Who was there comes from the meeting's stored attendance (see `rules::attendance`); a
//! guest is shown with why they came. The user's identity is there only while the consent
//! holds (the caller judges it). A guidance case (R1, way 3) has its own shape: the
//! employee's question, what was tried and the team's advice; no shortlist, no decision.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::agenda::PersonView;
use super::dates;
use crate::lang::Lang;
use crate::model::{Case, Config, Meeting, Tiltaksbank, User, WayIn};
use crate::tiltak::labels;

/// The whole referat of one case.
#[derive(Serialize, Debug)]
pub struct MinutesView {
    pub lang: &'static str,
    pub team: String,
    /// Values for the Markdown's YAML metadata block, already quoted for YAML.
    pub yaml: YamlView,
    pub meeting: MeetingView,
    pub present: Vec<PersonView>,
    pub absent: Vec<PersonView>,
    /// Others who were there for this case: the referrer, the user's contact persons.
    pub guests: Vec<GuestView>,
    pub case: CaseView,
    pub outcome: Option<OutcomeView>,
    pub decision: Option<DecisionView>,
    /// Before an outcome is recorded: the measures that fit the user's age, by unit.
    pub shortlist: Vec<UnitMeasures>,
    /// The unit that archives the minutes (R10).
    pub archive: String,
    /// The units that get a copy: only those the user consented to (R10).
    pub copies: Vec<String>,
    /// Why there are no copies: `anonymous`, `no_user`, `withdrawn`, `no_consent`, or empty.
    pub no_copies: &'static str,
}

/// Someone at the meeting who is no standing member, and why they came.
#[derive(Serialize, Debug, Clone)]
pub struct GuestView {
    pub name: String,
    pub unit: String,
    /// `referrer`, `contact`, or `guest` (invited by the team for no one case).
    pub role: &'static str,
}

#[derive(Serialize, Debug)]
pub struct YamlView {
    pub title: String,
    pub subtitle: String,
    pub date: String,
    pub lang: String,
}

#[derive(Serialize, Debug)]
pub struct MeetingView {
    pub date: String,
    pub date_long: String,
    pub start: String,
    pub end: String,
    pub place: String,
}

#[derive(Serialize, Debug)]
pub struct CaseView {
    pub id: String,
    pub referrer: String,
    pub unit_name: String,
    pub way: &'static str,
    pub way_label: &'static str,
    /// A guidance case (veiledning for ansatte): its own shape.
    pub guidance: bool,
    pub bti: bool,
    pub bti_level: Option<u8>,
    pub kind: &'static str,
    pub initials: String,
    pub born_long: String,
    pub age: Option<i32>,
    pub concern: String,
    pub tried: String,
    pub wishes: String,
    pub question: String,
}

#[derive(Serialize, Debug)]
pub struct ProposalView {
    pub id: String,
    pub name: String,
    pub unit_name: String,
    pub access_label: String,
    pub evaluate_long: String,
}

#[derive(Serialize, Debug)]
pub struct OutcomeView {
    pub assessment: String,
    pub next_step: String,
    pub follow_up_long: String,
    pub coordinator: String,
    pub level2: bool,
    pub proposed: Vec<ProposalView>,
}

#[derive(Serialize, Debug)]
pub struct DecisionView {
    pub date_long: String,
    pub accepted: Vec<String>,
    pub declined: Vec<String>,
}

#[derive(Serialize, Debug)]
pub struct MeasureView {
    pub id: String,
    pub name: String,
    pub access: &'static str,
    /// The way in as read: "åpent", "henvisning fra fastlege" …
    pub access_label: String,
    /// `universal`, `selective`, `indicated`, or empty.
    pub level: &'static str,
    pub level_label: &'static str,
    /// The ages as read: "6–12 år", "foreldre til barn 0–6 år".
    pub ages_label: String,
    pub parents: bool,
}

#[derive(Serialize, Debug)]
pub struct UnitMeasures {
    /// The provider's name (a unit of the team, or a service outside it).
    pub unit_name: String,
    /// Whether the provider is outside the team.
    pub outside: bool,
    pub measures: Vec<MeasureView>,
}

fn yaml_quoted(text: &str) -> String {
    // A JSON string literal is a valid YAML scalar, with every quote and colon taken care of.
    serde_json::to_string(text).expect("a string serialises")
}

/// Which units get a copy of the minutes, and if none, why (R10, R3).
pub fn distribution(case: &Case, on: NaiveDate) -> (Vec<String>, &'static str) {
    match (&case.user, &case.consent) {
        (User::Anonymous { .. }, _) => (Vec::new(), "anonymous"),
        (User::Nobody, _) => (Vec::new(), "no_user"),
        (User::Removed, _) => (Vec::new(), "removed"),
        (User::Known { .. }, None) => (Vec::new(), "no_consent"),
        (User::Known { .. }, Some(c)) if c.withdrawn.is_some() => (Vec::new(), "withdrawn"),
        (User::Known { .. }, Some(c)) if c.expires.is_some_and(|e| e < on) => (Vec::new(), "expired"),
        (User::Known { .. }, Some(c)) => {
            let units: Vec<String> = c.units.iter().filter(|u| **u != case.referrer.unit).cloned().collect();
            let why = if units.is_empty() { "none_consented" } else { "" };
            (units, why)
        }
    }
}

/// Measures that fit an age (all of them when the age is unknown), grouped by provider in the
/// order of `rt.toml`: the team's units, then the other providers.
pub fn shortlist(bank: &Tiltaksbank, config: &Config, age: Option<i32>, lang: Lang) -> Vec<UnitMeasures> {
    let mut by_provider: BTreeMap<(usize, &str), Vec<MeasureView>> = BTreeMap::new();
    for m in &bank.measures {
        if age.is_some_and(|a| !m.fits_age(a)) {
            continue;
        }
        let key = (config.provider_rank(&m.provider), m.provider.as_str());
        by_provider.entry(key).or_default().push(MeasureView {
            id: m.id.clone(),
            name: m.name.clone(),
            access: m.access.code(),
            access_label: labels::access(m, lang),
            level: m.level.map_or("", |l| l.code()),
            level_label: m.level.map_or("", |l| labels::level(l, lang)),
            ages_label: labels::ages(m, lang),
            parents: m.parents,
        });
    }
    by_provider
        .into_iter()
        .map(|((_, provider), measures)| UnitMeasures {
            unit_name: config.provider_name(provider).to_string(),
            outside: config.unit(provider).is_none(),
            measures,
        })
        .collect()
}

/// What the referat of a case needs besides the case.
pub struct Inputs<'a> {
    pub config: &'a Config,
    pub bank: &'a Tiltaksbank,
    pub meeting: &'a Meeting,
    pub present: Vec<PersonView>,
    pub absent: Vec<PersonView>,
    pub guests: Vec<GuestView>,
    /// Whether the user's identity may be shown (the consent holds).
    pub identity: bool,
}

/// Builds the view of one case's referat.
pub fn view(case: &Case, inputs: Inputs, lang: Lang) -> MinutesView {
    let Inputs { config, bank, meeting, present, absent, guests, identity } = inputs;
    let measure_name = |id: &str| bank.get(id).map_or_else(|| id.to_string(), |m| m.name.clone());
    let age = case.age_on(meeting.date);
    let (kind, initials, born_long) = match &case.user {
        User::Known { .. } if !identity => ("anonymous", String::new(), String::new()),
        User::Known { initials, born } => ("known", initials.clone(), dates::plain(*born, lang)),
        User::Anonymous { .. } => ("anonymous", String::new(), String::new()),
        User::Nobody => ("none", String::new(), String::new()),
        User::Removed => ("removed", String::new(), String::new()),
    };
    let (copies, no_copies) = distribution(case, meeting.date);
    let title = lang.pick("Referat fra ressursteamet", "Minutes of the resource team");
    MinutesView {
        lang: lang.code(),
        team: config.team.clone(),
        yaml: YamlView {
            title: yaml_quoted(title),
            subtitle: yaml_quoted(&format!("{} – {} {}", config.team, lang.pick("sak", "case"), case.id)),
            date: yaml_quoted(&meeting.date.to_string()),
            lang: yaml_quoted(lang.pick("nb-NO", "en-GB")),
        },
        meeting: MeetingView {
            date: meeting.date.to_string(),
            date_long: dates::long(meeting.date, lang),
            start: meeting.start.format("%H:%M").to_string(),
            end: meeting.end().format("%H:%M").to_string(),
            place: meeting.place.clone(),
        },
        present,
        absent,
        guests,
        case: CaseView {
            id: case.id.to_string(),
            // A purged case keeps its unit, not the name of the person who referred it.
            referrer: if case.referrer.name.is_empty() {
                super::removed(lang).to_string()
            } else {
                case.referrer.name.clone()
            },
            unit_name: config.unit_name(&case.referrer.unit).to_string(),
            way: case.way_in.code(),
            way_label: case.way_in.label(lang),
            guidance: case.way_in == WayIn::Guidance,
            bti: case.way_in == WayIn::Bti,
            bti_level: case.bti_level,
            kind,
            initials,
            born_long,
            age: if matches!(case.user, User::Nobody | User::Removed) { None } else { age },
            concern: case.situation.concern.clone(),
            tried: case.situation.tried.clone(),
            wishes: case.situation.wishes.clone(),
            question: case.situation.question.clone(),
        },
        outcome: case.outcome.as_ref().map(|o| OutcomeView {
            assessment: o.assessment.clone(),
            next_step: o.next_step.clone(),
            follow_up_long: o.follow_up.map(|d| dates::long(d, lang)).unwrap_or_default(),
            coordinator: o.coordinator.clone(),
            level2: o.level2,
            proposed: o
                .proposed
                .iter()
                .map(|p| ProposalView {
                    id: p.measure.clone(),
                    name: measure_name(&p.measure),
                    unit_name: config.unit_name(&p.unit).to_string(),
                    access_label: bank.get(&p.measure).map_or_else(String::new, |m| labels::access(m, lang)),
                    evaluate_long: p.evaluate.map(|d| dates::long(d, lang)).unwrap_or_default(),
                })
                .collect(),
        }),
        decision: case.decision.as_ref().map(|d| DecisionView {
            date_long: dates::long(d.date, lang),
            accepted: d.accepted.iter().map(|id| measure_name(id)).collect(),
            declined: d.declined.iter().map(|id| measure_name(id)).collect(),
        }),
        shortlist: if case.outcome.is_some() || case.way_in == WayIn::Guidance {
            Vec::new()
        } else {
            shortlist(bank, config, age, lang)
        },
        archive: config.unit_name(&case.referrer.unit).to_string(),
        copies: copies.iter().map(|u| config.unit_name(u).to_string()).collect(),
        no_copies,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Consent, ConsentBy, Measure};
    use crate::testing::{bti_case, config, d};

    #[test]
    fn copies_go_only_to_consented_units_other_than_the_archive() {
        let mut case = bti_case(); // consent: barnevern, fysio-ergo; referred by helsestasjon
        case.consent.as_mut().unwrap().units.push("helsestasjon".into());
        assert_eq!(distribution(&case, d(2027, 1, 19)), (vec!["barnevern".into(), "fysio-ergo".into()], ""));
        case.consent.as_mut().unwrap().withdrawn = Some(d(2027, 1, 10));
        assert_eq!(distribution(&case, d(2027, 1, 19)), (vec![], "withdrawn"));
        case.user = User::Anonymous { age: Some(7) };
        assert_eq!(distribution(&case, d(2027, 1, 19)), (vec![], "anonymous"));
        case.user = User::Known { initials: "A.B.".into(), born: d(2019, 4, 12) };
        case.consent = Some(Consent {
            given_by: ConsentBy::Guardian,
            date: d(2027, 1, 4),
            units: vec![],
            expires: Some(d(2027, 1, 10)),
            withdrawn: None,
        });
        assert_eq!(distribution(&case, d(2027, 1, 19)).1, "expired");
    }

    #[test]
    fn the_shortlist_keeps_to_the_age_bounds() {
        let m = |id: &str, provider: &str, lo, hi| Measure {
            id: id.into(),
            name: id.into(),
            provider: provider.into(),
            age_min: lo,
            age_max: hi,
            ..Measure::default()
        };
        let small_parents = Measure { parents: true, ..m("parents", "kulturskole", 0, 6) };
        let bank = Tiltaksbank {
            measures: vec![
                m("baby", "helsestasjon", 0, 1),
                small_parents,
                m("child", "barnevern", 0, 18),
                m("old", "fysio-ergo", 65, 100),
                m("teen", "helsestasjon", 13, 18),
                m("art", "kulturskole", 6, 18),
            ],
            left_out: Vec::new(),
        };
        let ids = |age| -> Vec<String> {
            shortlist(&bank, &config(), age, Lang::Nb)
                .into_iter()
                .flat_map(|u| u.measures.into_iter().map(|m| m.id))
                .collect()
        };
        assert_eq!(ids(Some(7)), ["child", "art"], "the team's units first, then other providers");
        assert_eq!(ids(Some(13)), ["teen", "child", "art"], "grouped by unit in rt.toml's order");
        assert_eq!(ids(Some(70)), ["old", "parents"], "a measure for parents fits an adult");
        assert_eq!(ids(Some(3)), ["child", "parents"], "… and a child of its ages");
        assert_eq!(ids(None).len(), 6, "no age known: everything");
        let outside: Vec<bool> =
            shortlist(&bank, &config(), Some(7), Lang::Nb).iter().map(|u| u.outside).collect();
        assert_eq!(outside, [false, true]);
    }
}
