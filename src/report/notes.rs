//! The team's own answers to the four pattern questions of the half-year evaluation (R12),
//! read from a text file the team writes as it likes.

use serde::Serialize;

use crate::tiltak::search::fold;

/// The team's own answers to the four pattern questions (R12).
#[derive(Serialize, Debug, Default, PartialEq, Eq)]
pub struct Notes {
    pub good: String,
    pub why: String,
    pub better: String,
    pub how: String,
}

/// Reads the team's notes: the text under each of the four questions, which may stand as
/// lines of their own (with or without `#`), in Norwegian or English.
pub fn parse_notes(text: &str) -> Notes {
    let mut notes = Notes::default();
    let mut lines: Vec<(usize, String)> = Vec::new();
    let mut which: Option<usize> = None;
    for line in text.lines() {
        let key = fold(line.trim().trim_start_matches('#').trim());
        let heading = match key.as_str() {
            "hva har vaert bra?" | "hva har vaert bra" | "what has been good?" | "what has been good" => {
                Some(0)
            }
            "hvorfor?" | "hvorfor" | "why?" | "why" => Some(1),
            "hva kan bli bedre?" | "hva kan bli bedre" | "what can be better?" | "what can be better" => {
                Some(2)
            }
            "hvordan?" | "hvordan" | "how?" | "how" => Some(3),
            _ => None,
        };
        match heading {
            Some(h) => which = Some(h),
            None => {
                if let Some(h) = which {
                    lines.push((h, line.to_string()));
                }
            }
        }
    }
    for (i, field) in
        [&mut notes.good, &mut notes.why, &mut notes.better, &mut notes.how].into_iter().enumerate()
    {
        let text: Vec<&str> = lines.iter().filter(|(h, _)| *h == i).map(|(_, l)| l.as_str()).collect();
        *field = text.join("\n").trim().to_string();
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_under_the_four_questions() {
        let text = "Halvårsevaluering\n\n## Hva har vært bra?\nGod oppmøte.\nKorte saker.\n# Hvorfor?\nFaste tider.\nHva kan bli bedre?\n\nHvordan?\nSende innkalling tidligere.\n";
        let n = parse_notes(text);
        assert_eq!(n.good, "God oppmøte.\nKorte saker.");
        assert_eq!(n.why, "Faste tider.");
        assert_eq!(n.better, "");
        assert_eq!(n.how, "Sende innkalling tidligere.");
    }
}
