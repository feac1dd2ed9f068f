//! The language of everything a user reads.
//!
//! Norwegian bokmål is the default; English is chosen with `--lang en`, `RT_LANG=en` or
//! `language = "en"` in `rt.toml`. Every user-facing text in `rt` is written as a pair through
//! [`Lang::pick`], so the two languages sit side by side and cannot drift apart unnoticed.

use std::fmt;

/// A language `rt` speaks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    /// Norwegian bokmål.
    #[default]
    Nb,
    /// English.
    En,
}

impl Lang {
    /// Reads a language code as a user would write it (`nb`, `no`, `en`, …).
    pub fn parse(text: &str) -> Option<Lang> {
        match text.trim().to_lowercase().as_str() {
            "nb" | "no" | "nb-no" | "nb_no" | "norsk" | "bokmål" | "bokmal" => Some(Lang::Nb),
            "en" | "en-gb" | "en-us" | "en_gb" | "en_us" | "english" | "engelsk" => Some(Lang::En),
            _ => None,
        }
    }

    /// The code written to files and JSON.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nb => "nb",
            Lang::En => "en",
        }
    }

    /// Chooses the Norwegian or the English variant of a text.
    pub fn pick<T>(self, nb: T, en: T) -> T {
        match self {
            Lang::Nb => nb,
            Lang::En => en,
        }
    }

    /// A count with its noun in singular or plural, in this language: `1 advarsel`,
    /// `2 advarsler`, `1 case`. Each noun pair is `(singular, plural)`.
    pub fn count(self, n: usize, nb: (&str, &str), en: (&str, &str)) -> String {
        let (one, many) = self.pick(nb, en);
        count(n, one, many)
    }

    /// "error" as a prefix of a message.
    pub fn error_word(self) -> &'static str {
        self.pick("feil", "error")
    }

    /// "warning" as a prefix of a message.
    pub fn warning_word(self) -> &'static str {
        self.pick("advarsel", "warning")
    }

    /// "help" as a prefix of a hint.
    pub fn help_word(self) -> &'static str {
        self.pick("hjelp", "help")
    }

    /// Yes/no as a user reads it.
    pub fn yes_no(self, yes: bool) -> &'static str {
        match (self, yes) {
            (Lang::Nb, true) => "ja",
            (Lang::Nb, false) => "nei",
            (Lang::En, true) => "yes",
            (Lang::En, false) => "no",
        }
    }
}

/// A count with its noun in singular or plural, for a sentence already in one language.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_take_the_singular_only_for_one() {
        assert_eq!(Lang::Nb.count(1, ("advarsel", "advarsler"), ("warning", "warnings")), "1 advarsel");
        assert_eq!(Lang::Nb.count(0, ("advarsel", "advarsler"), ("warning", "warnings")), "0 advarsler");
        assert_eq!(Lang::En.count(1, ("sak", "saker"), ("case", "cases")), "1 case");
        assert_eq!(Lang::En.count(12, ("sak", "saker"), ("case", "cases")), "12 cases");
    }

    #[test]
    fn parses_the_codes_users_write() {
        assert_eq!(Lang::parse("nb"), Some(Lang::Nb));
        assert_eq!(Lang::parse(" NO "), Some(Lang::Nb));
        assert_eq!(Lang::parse("en"), Some(Lang::En));
        assert_eq!(Lang::parse("English"), Some(Lang::En));
        assert_eq!(Lang::parse("de"), None);
    }

    #[test]
    fn pick_follows_the_language() {
        assert_eq!(Lang::Nb.pick("ja", "yes"), "ja");
        assert_eq!(Lang::En.pick("ja", "yes"), "yes");
    }
}
