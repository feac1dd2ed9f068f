//! Finding measures the way people type: case-insensitive, and with `ø`, `å`, `æ` matched by
//! `o`, `a`, `ae` for those without a Norwegian keyboard. Results are ranked: a hit in the
//! name beats one in the tags or the provider's id, which beats one in the description or the
//! target group; a whole word beats the start of a word, which beats a piece of one. Every
//! word of the query must be found.

use crate::model::{Measure, Tiltaksbank};

/// Lower case with Norwegian (and a few other) letters folded to what a plain keyboard types.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'æ' | 'ä' => out.push_str("ae"),
            'ø' | 'ö' => out.push('o'),
            'å' | 'à' | 'á' | 'â' => out.push('a'),
            'é' | 'è' | 'ê' | 'ë' => out.push('e'),
            'ü' | 'ú' => out.push('u'),
            'í' | 'ï' => out.push('i'),
            'ó' | 'ô' => out.push('o'),
            other => out.push(other),
        }
    }
    out
}

/// A stable id for a measure from its name: folded, lower case, words joined by `-`
/// ("Økonomisk rådgivning" → `okonomisk-radgivning`).
pub fn slug(name: &str) -> String {
    words(name)
        .join("-")
        .chars()
        .filter(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-')
        .collect()
}

/// The words of a text, folded.
fn words(text: &str) -> Vec<String> {
    fold(text).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect()
}

/// How well one query word matches a field's words: whole word 3, start of a word 2,
/// inside a word 1, nothing 0.
fn word_score(query: &str, field: &[String]) -> u32 {
    field
        .iter()
        .map(|w| {
            if w == query {
                3
            } else if w.starts_with(query) {
                2
            } else if w.contains(query) {
                1
            } else {
                0
            }
        })
        .max()
        .unwrap_or(0)
}

/// The score of a measure for a query; `None` when a word of the query is found nowhere.
pub fn score(measure: &Measure, query: &str) -> Option<u32> {
    let name = words(&measure.name);
    let tags: Vec<String> = measure.tags.iter().flat_map(|t| words(t)).collect();
    let id = words(&measure.id);
    let provider = words(&measure.provider);
    let description = words(&measure.description);
    let target = words(&measure.target);
    let mut total = 0;
    for q in words(query) {
        let s = 10 * word_score(&q, &name).max(word_score(&q, &id))
            + 5 * word_score(&q, &tags).max(word_score(&q, &provider))
            + 2 * word_score(&q, &description).max(word_score(&q, &target));
        if s == 0 {
            return None;
        }
        total += s;
    }
    Some(total)
}

/// The measures matching a query, best first (ties by name).
pub fn search<'b>(bank: &'b Tiltaksbank, query: &str) -> Vec<(&'b Measure, u32)> {
    let mut hits: Vec<(&Measure, u32)> =
        bank.measures.iter().filter_map(|m| score(m, query).map(|s| (m, s))).collect();
    hits.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| fold(&a.0.name).cmp(&fold(&b.0.name))));
    hits
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(id: &str, name: &str, tags: &[&str], description: &str) -> Measure {
        Measure {
            id: id.into(),
            name: name.into(),
            provider: "helsestasjon".into(),
            age_max: 18,
            description: description.into(),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            ..Measure::default()
        }
    }

    #[test]
    fn slugs_from_names() {
        assert_eq!(slug("Økonomisk rådgivning"), "okonomisk-radgivning");
        assert_eq!(slug("Foreldreveiledning (ICDP)"), "foreldreveiledning-icdp");
        assert_eq!(slug("  Kurs i depresjonsmestring – KiD  "), "kurs-i-depresjonsmestring-kid");
    }

    #[test]
    fn folding_matches_a_plain_keyboard() {
        assert_eq!(fold("Økonomisk rådgivning for Ærlige"), "okonomisk radgivning for aerlige");
        assert_eq!(fold("BARNEHAGE"), "barnehage");
    }

    #[test]
    fn name_beats_tags_beats_description_and_every_word_must_match() {
        let bank = Tiltaksbank {
            measures: vec![
                m("a", "Samtaler for pårørende", &["foreldre"], ""),
                m("b", "Foreldreveiledning (ICDP)", &[], ""),
                m("c", "Avlastning", &[], "Hjelp til foreldre i en krevende tid"),
                m("d", "Økonomisk rådgivning", &["gjeld"], ""),
            ],
            left_out: Vec::new(),
        };
        let ids: Vec<&str> = search(&bank, "foreldre").iter().map(|(m, _)| m.id.as_str()).collect();
        assert_eq!(ids, ["b", "a", "c"]);
        assert_eq!(search(&bank, "okonomisk").len(), 1, "ø typed as o");
        assert_eq!(search(&bank, "RÅDGIVNING").len(), 1);
        assert_eq!(search(&bank, "parorende").len(), 1, "å typed as a, ø as o");
        assert!(search(&bank, "foreldre gjeld").is_empty(), "every word must be found");
        assert!(search(&bank, "politi").is_empty());
    }
}
