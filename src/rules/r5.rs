//! R5's word list: words and phrases in a referral's free text that may point to violence
//! or sexual abuse, so that `rt refer` asks the employee (R5) instead of guessing.
//!
//! The list is data, not code: `src/assets/r5-words.txt` is compiled in, and a team may add
//! its own words in `r5-words.txt` in its folder (same form; see the file's header). A match
//! is reported with the words around it as written («far slår ham»), so the employee sees
//! exactly what made `rt` ask. A match is a question, never a verdict: "ingen mistanke om
//! vold" is a fine sentence, and the employee answers.

use std::ops::Range;
use std::sync::OnceLock;

/// The built-in list.
pub const BUILT_IN: &str = include_str!("../assets/r5-words.txt");

/// How one word of an entry matches a word of the text (both in lower case).
#[derive(Clone, Debug, PartialEq, Eq)]
enum Pattern {
    /// The word itself.
    Exact(String),
    /// Any word that begins so (`mishandl*`).
    Prefix(String),
    /// Any word that ends so (`*vold`).
    Suffix(String),
    /// Any word that holds it (`*overgrep*`).
    Infix(String),
}

impl Pattern {
    fn parse(word: &str) -> Option<Pattern> {
        let (lead, rest) = word.strip_prefix('*').map_or((false, word), |r| (true, r));
        let (trail, core) = rest.strip_suffix('*').map_or((false, rest), |r| (true, r));
        if core.is_empty() || !core.chars().all(char::is_alphanumeric) {
            return None;
        }
        let core = core.to_lowercase();
        Some(match (lead, trail) {
            (false, false) => Pattern::Exact(core),
            (false, true) => Pattern::Prefix(core),
            (true, false) => Pattern::Suffix(core),
            (true, true) => Pattern::Infix(core),
        })
    }

    fn matches(&self, word: &str) -> bool {
        match self {
            Pattern::Exact(w) => word == w,
            Pattern::Prefix(w) => word.starts_with(w.as_str()),
            Pattern::Suffix(w) => word.ends_with(w.as_str()),
            Pattern::Infix(w) => word.contains(w.as_str()),
        }
    }
}

/// A word list: entries of one or more words in a row, and words that never count.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WordList {
    entries: Vec<Vec<Pattern>>,
    exclude: Vec<Pattern>,
}

/// A word of a text: its place, and its lower-case form.
struct Word {
    at: Range<usize>,
    lower: String,
}

/// Whether a character is a combining mark: part of the letter before it (`a` + U+030A is
/// `å` as some keyboards and PDFs write it), so never the end of a word.
fn is_combining(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}' | '\u{1ab0}'..='\u{1aff}' | '\u{1dc0}'..='\u{1dff}' | '\u{20d0}'..='\u{20ff}' | '\u{fe20}'..='\u{fe2f}')
}

/// A word in lower case with its combining marks joined to their letters (the letters of the
/// word list), or left out where no single letter exists.
fn lower(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars().flat_map(char::to_lowercase) {
        let joined = match (out.chars().last(), c) {
            (Some('a'), '\u{30a}') => Some('å'),
            (Some('a'), '\u{308}') => Some('ä'),
            (Some('o'), '\u{308}') => Some('ö'),
            (Some('u'), '\u{308}') => Some('ü'),
            (Some('e'), '\u{301}') => Some('é'),
            (Some('e'), '\u{300}') => Some('è'),
            (Some('o'), '\u{301}') => Some('ó'),
            _ => None,
        };
        match joined {
            Some(letter) => {
                out.pop();
                out.push(letter);
            }
            None if is_combining(c) => {}
            None => out.push(c),
        }
    }
    out
}

fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        let in_word = c.is_alphanumeric() || (start.is_some() && is_combining(c));
        match (in_word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Word { at: s..i, lower: lower(&text[s..i]) });
                start = None;
            }
            _ => {}
        }
    }
    out
}

impl WordList {
    /// The built-in list, read once.
    pub fn built_in() -> &'static WordList {
        static LIST: OnceLock<WordList> = OnceLock::new();
        LIST.get_or_init(|| WordList::parse(BUILT_IN))
    }

    /// A list from its text. A line that is no entry (a lone `*`, punctuation) is skipped.
    pub fn parse(text: &str) -> WordList {
        let mut list = WordList::default();
        list.extend(text);
        list
    }

    /// Adds the entries of a text (a team's own file) to the list.
    pub fn extend(&mut self, text: &str) {
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or_default().trim();
            if let Some(word) = line.strip_prefix('!') {
                self.exclude.extend(Pattern::parse(word.trim()));
                continue;
            }
            let entry: Option<Vec<Pattern>> = line.split_whitespace().map(Pattern::parse).collect();
            if let Some(entry) = entry.filter(|e| !e.is_empty()) {
                self.entries.push(entry);
            }
        }
    }

    /// The list with a team's own entries added.
    pub fn with(&self, team: &str) -> WordList {
        let mut list = self.clone();
        list.extend(team);
        list
    }

    /// Every place the text matches, as the phrase a person reads: the matched words with one
    /// whole word on each side in the same sentence, as written. In text order; the same
    /// words matched again (in any case: «slår», «SLÅR») are said once, where first found.
    pub fn find(&self, text: &str) -> Vec<String> {
        let words = words(text);
        let counts =
            |w: &Word, p: &Pattern| p.matches(&w.lower) && !self.exclude.iter().any(|x| x.matches(&w.lower));
        let mut phrases: Vec<String> = Vec::new();
        let mut said: Vec<String> = Vec::new();
        let mut covered = 0;
        for i in 0..words.len() {
            if i < covered {
                continue;
            }
            let longest = self
                .entries
                .iter()
                .filter(|e| {
                    e.len() <= words.len() - i && e.iter().zip(&words[i..]).all(|(p, w)| counts(w, p))
                })
                .map(Vec::len)
                .max();
            let Some(n) = longest else { continue };
            covered = i + n;
            let matched: Vec<&str> = words[i..i + n].iter().map(|w| w.lower.as_str()).collect();
            let matched = matched.join(" ");
            if said.contains(&matched) {
                continue;
            }
            said.push(matched);
            let same_sentence = |a: &Word, b: &Word| {
                !text[a.at.end.min(b.at.end)..a.at.start.max(b.at.start)]
                    .contains(['.', '!', '?', ';', ':', '\n'])
            };
            let first = &words[i];
            let last = &words[i + n - 1];
            let start =
                i.checked_sub(1).map(|b| &words[b]).filter(|w| same_sentence(w, first)).unwrap_or(first);
            let end = words.get(i + n).filter(|w| same_sentence(last, w)).unwrap_or(last);
            let phrase = text[start.at.start..end.at.end].to_string();
            if !phrases.contains(&phrase) {
                phrases.push(phrase);
            }
        }
        phrases
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<String> {
        WordList::built_in().find(text)
    }

    #[test]
    fn the_phrases_of_the_walk_through_are_caught_with_their_neighbours() {
        assert_eq!(found("Gutten sier at far slår ham når han drikker."), ["far slår ham"]);
        assert_eq!(found("Hun har blåmerker på armene."), ["har blåmerker på"]);
        assert_eq!(found("Han får juling hjemme."), ["får juling hjemme"]);
        assert_eq!(found("Mor er utsatt for partnervold."), ["for partnervold"]);
        assert_eq!(found("Mistanke om seksuelt misbruk i familien."), ["om seksuelt misbruk i"]);
        assert_eq!(found("Barnet forteller at mor blir slått."), ["blir slått"]);
        assert_eq!(found("Vold. Mishandling!"), ["Vold", "Mishandling"], "never across a sentence");
        assert_eq!(found("incest"), ["incest"]);
        assert_eq!(found("seksualovergrep mot barn"), ["seksualovergrep mot"]);
    }

    #[test]
    fn the_same_words_are_said_once_and_always_whole() {
        assert_eq!(found("Han SLÅR, Slår, slår og SLÅR igjen."), ["Han SLÅR, Slår"]);
        assert_eq!(found("Far slår. Far SLÅR. Mor slo."), ["Far slår", "Mor slo"]);
        // `å` written as `a` and a combining ring: one word, and it is the list's word.
        let decomposed = "Far sla\u{30a}r ham, sla\u{30a}r igjen.";
        assert_eq!(found(decomposed), ["Far sla\u{30a}r ham"]);
    }

    #[test]
    fn ordinary_words_and_the_exceptions_are_not_caught() {
        for text in ["voldsomt sliten etter skolen", "søvnvansker og skolefravær", "en kveld i uka", ""] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn a_team_adds_words_and_exceptions() {
        let list = WordList::built_in().with("# våre egne\ndytt*\n!slag\n");
        assert_eq!(list.find("Far dytter ham."), ["Far dytter ham"]);
        assert!(list.find("Et slag kortspill.").is_empty(), "the team's exception counts");
        assert!(WordList::built_in().find("Far dytter ham.").is_empty());
    }

    #[test]
    fn lines_that_are_no_entries_are_skipped() {
        let list = WordList::parse("*\n**\n!\n  \nvold # kommentar\nslå-ss\n");
        assert_eq!(list.entries.len(), 1);
        assert_eq!(list.find("vold"), ["vold"]);
    }

    #[test]
    fn the_built_in_list_reads_whole() {
        let lines = BUILT_IN.lines().map(|l| l.split('#').next().unwrap().trim()).filter(|l| !l.is_empty());
        let list = WordList::built_in();
        assert_eq!(list.entries.len() + list.exclude.len(), lines.count(), "every line is an entry");
    }
}
