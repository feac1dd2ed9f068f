//! Reading how to get a measure and its level the ways municipal sheets write them:
//! "Ta kontakt", "Drop-in" → open; "Via ressursteam" → via the team; "Henvisning fra
//! fastlege", "Via NAV-veileder" → a referral, from whom; "Via vedtak" → a decision. Levels
//! from the BTS pyramid's words ("for alle", "tiltaksnivå 3", "gult") or from a fill colour.

use super::search::fold;
use crate::model::{Access, Level};
use crate::store::spreadsheet::Rgb;

/// The words of a folded text.
fn words(folded: &str) -> Vec<&str> {
    folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect()
}

/// The original text after a marker word (any case; the markers tried in order), trimmed
/// of trailing punctuation: "Henvisning fra fastlege." → "fastlege".
fn after_word(text: &str, markers: &[&str]) -> String {
    let parts: Vec<&str> = text.split_whitespace().collect();
    let Some(at) = markers.iter().find_map(|m| parts.iter().position(|w| fold(w) == *m)) else {
        return String::new();
    };
    parts[at + 1..].join(" ").trim_end_matches(['.', ',', ';', ':', ' ']).to_string()
}

/// How to get a measure, and for a referral from whom (empty when the text does not say).
pub fn parse_access(text: &str) -> Option<(Access, String)> {
    let folded = fold(text.trim());
    let w = words(&folded);
    let has = |p: &str| w.iter().any(|x| x.starts_with(p));
    let phrase = |p: &str| folded.contains(p);
    if w.is_empty() {
        return None;
    }
    // Applying oneself, said with the word for referral.
    if phrase("ingen henvisning")
        || phrase("uten henvisning")
        || has("selvhenvis")
        || has("egenhenvis")
        || phrase("trenger ikke henvisning")
    {
        return Some((Access::Open, String::new()));
    }
    if has("ressursteam") {
        return Some((Access::ViaTeam, String::new()));
    }
    if has("vedtak") || has("enkeltvedtak") || has("tildel") || w.contains(&"soknad") {
        return Some((Access::Decision, String::new()));
    }
    if has("henvis") {
        return Some((Access::Referral, after_word(text, &["fra", "av", "via"])));
    }
    if w[0] == "via" && w.len() > 1 {
        return Some((Access::Referral, after_word(text, &["via"])));
    }
    let open =
        ["apen", "apent", "apne", "open", "ja", "dropin", "drop", "ring", "pamelding", "timebestilling"];
    if open.contains(&w[0])
        || phrase("ta kontakt")
        || phrase("ta direkte kontakt")
        || w[0] == "kontakt"
        || phrase("mot opp")
        || phrase("meld deg pa")
        || phrase("sok direkte")
        || phrase("bestill time")
        || phrase("for alle")
        || folded == "alle"
    {
        return Some((Access::Open, String::new()));
    }
    if folded == "nei" || phrase("for noen") {
        return Some((Access::ViaTeam, String::new()));
    }
    None
}

/// The level a text names: its first word that says one ("Individuelle tjenester i tillegg
/// til allmenne" is indicated). A bare 0–3 is a BTI level (0 universal, 1–2 selective, 3
/// indicated), as is "nivå N" / "tiltaksnivå N".
pub fn parse_level(text: &str) -> Option<Level> {
    let folded = fold(text.trim());
    let w = words(&folded);
    let by_number = |n: &str| match n {
        "0" => Some(Level::Universal),
        "1" | "2" => Some(Level::Selective),
        "3" => Some(Level::Indicated),
        _ => None,
    };
    if let [only] = w.as_slice()
        && let Some(level) = by_number(only)
    {
        return Some(level);
    }
    for (i, word) in w.iter().enumerate() {
        let next = w.get(i + 1).copied().unwrap_or("");
        let level = if word.ends_with("niva") {
            by_number(next)
        } else if *word == "for" {
            match next {
                "alle" => Some(Level::Universal),
                "noen" => Some(Level::Selective),
                "fa" => Some(Level::Indicated),
                _ => None,
            }
        } else if ["universel", "gronn", "gront", "gronne", "allmenn"].iter().any(|p| word.starts_with(p)) {
            Some(Level::Universal)
        } else if ["selektiv", "gul", "gult", "gule"].iter().any(|p| word.starts_with(p)) {
            Some(Level::Selective)
        } else if ["indikert", "rod", "rodt", "rode", "individuell"].iter().any(|p| word.starts_with(p)) {
            Some(Level::Indicated)
        } else {
            None
        };
        if level.is_some() {
            return level;
        }
    }
    None
}

/// The level a fill colour stands for, as the pyramid colours them: green universal, yellow
/// (or orange) selective, red indicated. Pale fills count (Excel's own "good", "neutral" and
/// "bad" styles are pastel); white, greys and blues say nothing.
pub fn level_of_fill((r, g, b): Rgb) -> Option<Level> {
    let (r, g, b) = (f32::from(r), f32::from(g), f32::from(b));
    let max = r.max(g).max(b);
    let min = r.min(g).min(b);
    if max < 60.0 || (max - min) / max < 0.12 {
        return None;
    }
    let delta = max - min;
    let hue = if max == r {
        60.0 * ((g - b) / delta).rem_euclid(6.0)
    } else if max == g {
        60.0 * ((b - r) / delta + 2.0)
    } else {
        60.0 * ((r - g) / delta + 4.0)
    };
    match hue {
        h if !(20.0..330.0).contains(&h) => Some(Level::Indicated),
        h if h < 75.0 => Some(Level::Selective),
        h if h < 170.0 => Some(Level::Universal),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ways_in_as_sheets_write_them() {
        let referral = |from: &str| Some((Access::Referral, from.to_string()));
        let plain = |a| Some((a, String::new()));
        for (text, want) in [
            ("Åpent", plain(Access::Open)),
            ("Ta kontakt med helsestasjonen", plain(Access::Open)),
            ("Drop-in", plain(Access::Open)),
            ("Drop in tirsdager 14–16", plain(Access::Open)),
            ("Ring 00 00 00 00", plain(Access::Open)),
            ("Påmelding på nettsiden", plain(Access::Open)),
            ("Ingen henvisning nødvendig", plain(Access::Open)),
            ("Ja", plain(Access::Open)),
            ("Via ressursteam", plain(Access::ViaTeam)),
            ("Ressursteamet", plain(Access::ViaTeam)),
            ("Nei", plain(Access::ViaTeam)),
            ("Via vedtak", plain(Access::Decision)),
            ("Vedtak fra barneverntjenesten", plain(Access::Decision)),
            ("Søknad", plain(Access::Decision)),
            ("Henvisning fra fastlege", referral("fastlege")),
            ("Henvisning fra fastlege eller helsestasjon.", referral("fastlege eller helsestasjon")),
            ("Henvises av skolen", referral("skolen")),
            ("Henvisning", referral("")),
            ("Via NAV-veileder", referral("NAV-veileder")),
            ("Via henvisning fra PPT", referral("PPT")),
            ("kanskje", None),
            ("", None),
        ] {
            assert_eq!(parse_access(text), want, "{text:?}");
        }
    }

    #[test]
    fn levels_by_word_number_and_colour() {
        for (text, want) in [
            ("Universelle tiltak – for alle", Some(Level::Universal)),
            ("Tiltak for alle (grønt)", Some(Level::Universal)),
            ("Tiltaksnivå 0", Some(Level::Universal)),
            ("Tiltak for noen", Some(Level::Selective)),
            ("Gult nivå", Some(Level::Selective)),
            ("Nivå 1 og 2", Some(Level::Selective)),
            ("2", Some(Level::Selective)),
            ("Indikerte tiltak", Some(Level::Indicated)),
            ("Individuelle tjenester i tillegg til allmenne tjenester", Some(Level::Indicated)),
            ("Rød", Some(Level::Indicated)),
            ("Helse", None),
            ("Foreldre", None),
        ] {
            assert_eq!(parse_level(text), want, "{text:?}");
        }
        assert_eq!(level_of_fill((0x00, 0xB0, 0x50)), Some(Level::Universal), "Excel's green");
        assert_eq!(level_of_fill((0xC6, 0xEF, 0xCE)), Some(Level::Universal), "Excel's pale 'good'");
        assert_eq!(level_of_fill((0xFF, 0xFF, 0x00)), Some(Level::Selective));
        assert_eq!(level_of_fill((0xFF, 0xEB, 0x9C)), Some(Level::Selective), "Excel's 'neutral'");
        assert_eq!(level_of_fill((0xFF, 0xC0, 0x00)), Some(Level::Selective), "orange");
        assert_eq!(level_of_fill((0xFF, 0x00, 0x00)), Some(Level::Indicated));
        assert_eq!(level_of_fill((0xFF, 0xC7, 0xCE)), Some(Level::Indicated), "Excel's pale 'bad'");
        assert_eq!(level_of_fill((0xFF, 0xFF, 0xFF)), None);
        assert_eq!(level_of_fill((0xD9, 0xD9, 0xD9)), None, "grey");
        assert_eq!(level_of_fill((0xDD, 0xEB, 0xF7)), None, "pale blue banding");
    }
}
