//! Rules for the small pieces of text a case holds: initials, free texts, names.

/// Free texts (situation, assessment …) longer than this are refused: the team needs a
/// summary, and the full record belongs in the unit's own journal system.
pub const MAX_TEXT: usize = 4000;

/// Names (of employees, contact persons) longer than this are refused.
pub const MAX_NAME: usize = 100;

/// Normalises initials to `A.B.`: accepts `A.B.`, `a.b.`, `A. B.` and `AB`, two to four
/// letters. `None` for anything else — most importantly a full name like `Kari`.
pub fn normalise_initials(text: &str) -> Option<String> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let letters: Vec<char> = if compact.contains('.') {
        let parts: Vec<&str> = compact.split('.').collect();
        // "A.B." splits into ["A", "B", ""]: every part but the last holds one letter.
        let (last, body) = parts.split_last()?;
        if !last.is_empty() && last.chars().count() != 1 {
            return None;
        }
        let mut letters = Vec::new();
        for part in body.iter().chain((!last.is_empty()).then_some(last)) {
            let mut chars = part.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) if c.is_alphabetic() => letters.push(c),
                _ => return None,
            }
        }
        letters
    } else {
        // Without dots only capitals count as initials: `KN`, not `Kari`.
        if !compact.chars().all(|c| c.is_alphabetic() && c.is_uppercase()) {
            return None;
        }
        compact.chars().collect()
    };
    if !(2..=4).contains(&letters.len()) {
        return None;
    }
    Some(letters.iter().flat_map(|c| c.to_uppercase().chain(['.'])).collect())
}

/// Makes typed or pasted text uniform: Windows line ends become `\n`, and the text is
/// trimmed of surrounding blank space.
pub fn normalise_text(text: &str) -> String {
    text.replace("\r\n", "\n").trim().to_string()
}

/// Whether a character breaks a line: LF and CR, and Unicode's line and paragraph
/// separators (U+2028, U+2029), which editors and tables break on too.
pub fn is_line_break(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

/// Whether a text shows nothing: empty, blank, or only invisible characters (zero-width
/// space and joiners, word joiner, byte order mark, soft hyphen).
pub fn is_blank(text: &str) -> bool {
    text.chars().all(|c| {
        c.is_whitespace() || matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}')
    })
}

/// Whether a text holds control characters other than line breaks and tabs.
pub fn has_control_characters(text: &str) -> bool {
    text.chars().any(|c| c.is_control() && c != '\n' && c != '\t')
}

/// Whether a one-line value (a name, an address) holds a line break or control character.
pub fn has_line_break_or_control(text: &str) -> bool {
    text.chars().any(|c| c.is_control() || is_line_break(c))
}

/// What is wrong with the characters of a value, if anything: control characters (tab
/// counts in a one-line value), or — in a one-line value (a name, an address) — a line
/// break, said as such so the hint can say what to do.
pub fn character_problem(
    field: &crate::model::Field,
    value: &str,
    one_line: bool,
) -> Option<crate::problem::Problem> {
    use crate::problem::Problem;
    let line_break = is_line_break;
    let control = if one_line {
        value.chars().any(|c| c.is_control() && !line_break(c))
    } else {
        has_control_characters(value)
    };
    if control {
        Some(Problem::ControlCharacters { field: field.clone() })
    } else if one_line && value.contains(line_break) {
        Some(Problem::LineBreakInOneLine { field: field.clone() })
    } else {
        None
    }
}

/// Whether a text speaks of violence or abuse by R5's built-in word list (see
/// [`super::r5`]), so R5's reminder should be shown. A reminder, not a refusal: "ingen
/// mistanke om vold" is a fine sentence.
pub fn mentions_violence(text: &str) -> bool {
    !super::r5::WordList::built_in().find(text).is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_are_normalised() {
        assert_eq!(normalise_initials("A.B.").as_deref(), Some("A.B."));
        assert_eq!(normalise_initials("a.b.").as_deref(), Some("A.B."));
        assert_eq!(normalise_initials("A. B.").as_deref(), Some("A.B."));
        assert_eq!(normalise_initials("A.B").as_deref(), Some("A.B."));
        assert_eq!(normalise_initials("KN").as_deref(), Some("K.N."));
        assert_eq!(normalise_initials("å.ø.æ.").as_deref(), Some("Å.Ø.Æ."));
        assert_eq!(normalise_initials("A.B.C.D.").as_deref(), Some("A.B.C.D."));
    }

    #[test]
    fn full_names_and_junk_are_not_initials() {
        for bad in ["Kari", "Kari Nordmann", "A.", "A", "A.B.C.D.E.", "Ka.No.", "1.2.", "", "A..B."] {
            assert_eq!(normalise_initials(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn control_characters() {
        assert!(!has_control_characters("to linjer\nmed\ttab"));
        assert!(has_control_characters("bjelle\u{7}"));
        assert!(has_line_break_or_control("Kari\nBcc: x@y"));
        assert!(!has_line_break_or_control("Kari Nordmann"));
        assert!(has_line_break_or_control("Kari\u{2028}Bcc: x@y"), "a line separator breaks a line too");
        let field = crate::model::Field::Key("team".into());
        assert!(matches!(
            character_problem(&field, "a\u{2029}b", true),
            Some(crate::problem::Problem::LineBreakInOneLine { .. })
        ));
    }

    #[test]
    fn a_text_of_invisible_characters_is_blank() {
        assert!(is_blank(""));
        assert!(is_blank(" \t"));
        assert!(is_blank("\u{200b}\u{feff}\u{2060}\u{ad}"));
        assert!(!is_blank("Ressursteam"));
        assert!(!is_blank("\u{200b}x"));
    }

    #[test]
    fn violence_words() {
        assert!(mentions_violence("Mistanke om vold i hjemmet"));
        assert!(mentions_violence("seksuelle overgrep"));
        assert!(mentions_violence("Voldelig far"));
        assert!(!mentions_violence("voldsomt sliten etter skolen"));
        assert!(!mentions_violence("søvnvansker og skolefravær"));
    }

    #[test]
    fn text_normalisation() {
        assert_eq!(normalise_text("  a\r\nb \n"), "a\nb");
    }
}
