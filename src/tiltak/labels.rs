//! How a measure's way in, level and ages read, in both languages: one wording for the list,
//! the referat's shortlist, the import's preview and the exports.

use crate::lang::Lang;
use crate::model::measure::Field;
use crate::model::{Access, Level, Measure};

/// The way in: "åpent", "via ressursteamet", "henvisning fra fastlege", "vedtak".
pub fn access(m: &Measure, lang: Lang) -> String {
    access_of(m.access, &m.referral_from, lang)
}

/// [`access`] of a way in and from whom.
pub fn access_of(access: Access, from: &str, lang: Lang) -> String {
    match access {
        Access::Open => lang.pick("åpent", "open").into(),
        Access::ViaTeam => lang.pick("via ressursteamet", "via the team").into(),
        Access::Referral if from.is_empty() => lang.pick("henvisning", "referral").into(),
        Access::Referral => lang.pick(format!("henvisning fra {from}"), format!("referral from {from}")),
        Access::Decision => lang.pick("vedtak", "decision").into(),
    }
}

/// A level as the pyramid names it: "universelt", "selektivt", "indikert".
pub fn level(level: Level, lang: Lang) -> &'static str {
    match level {
        Level::Universal => lang.pick("universelt", "universal"),
        Level::Selective => lang.pick("selektivt", "selective"),
        Level::Indicated => lang.pick("indikert", "indicated"),
    }
}

/// A level with its colour and whom it is for: "universelt (grønt, for alle)".
pub fn level_long(l: Level, lang: Lang) -> String {
    let (nb, en) = match l {
        Level::Universal => ("grønt, for alle", "green, for all"),
        Level::Selective => ("gult, for noen", "yellow, for some"),
        Level::Indicated => ("rødt, for få", "red, for a few"),
    };
    format!("{} ({})", level(l, lang), lang.pick(nb, en))
}

/// A level, or "uten nivå" when none is known.
pub fn level_or_none(l: Option<Level>, lang: Lang) -> String {
    l.map_or_else(|| lang.pick("uten nivå", "no level").to_string(), |l| level(l, lang).to_string())
}

/// The ages: "13–18 år", "fra 18 år", "alle aldre", "foreldre til barn 0–6 år".
pub fn ages(m: &Measure, lang: Lang) -> String {
    ages_of(m.age_min, m.age_max, m.parents, lang)
}

/// [`ages`] of a range and the parents flag.
pub fn ages_of(min: u8, max: u8, parents: bool, lang: Lang) -> String {
    let range = match (min, max) {
        (0, 120) if !parents => return lang.pick("alle aldre", "all ages").into(),
        (_, 120) => lang.pick(format!("fra {min} år"), format!("{min} and over")),
        (a, b) if a == b => lang.pick(format!("{a} år"), format!("age {a}")),
        (a, b) => lang.pick(format!("{a}–{b} år"), format!("ages {a}–{b}")),
    };
    if parents {
        let range = range.trim_start_matches("ages ").trim_start_matches("age ");
        lang.pick(format!("foreldre til barn {range}"), format!("parents of children {range}"))
    } else {
        range
    }
}

/// A field's name as a person reads it.
pub fn field(f: Field, lang: Lang) -> &'static str {
    match f {
        Field::Name => lang.pick("navn", "name"),
        Field::Provider => lang.pick("tilbyder", "provider"),
        Field::Access => lang.pick("tilgang", "access"),
        Field::Level => lang.pick("nivå", "level"),
        Field::Target => lang.pick("målgruppe", "target group"),
        Field::Ages => lang.pick("alder", "ages"),
        Field::Description => lang.pick("beskrivelse", "description"),
        Field::Contact => lang.pick("kontakt", "contact"),
        Field::Link => lang.pick("lenke", "link"),
        Field::Tags => lang.pick("stikkord", "tags"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_read_naturally() {
        let nb = |a, b, p| ages_of(a, b, p, Lang::Nb);
        assert_eq!(nb(0, 120, false), "alle aldre");
        assert_eq!(nb(13, 18, false), "13–18 år");
        assert_eq!(nb(18, 120, false), "fra 18 år");
        assert_eq!(nb(16, 16, false), "16 år");
        assert_eq!(nb(0, 6, true), "foreldre til barn 0–6 år");
        assert_eq!(ages_of(0, 6, true, Lang::En), "parents of children 0–6");
        assert_eq!(ages_of(13, 18, false, Lang::En), "ages 13–18");
    }
}
