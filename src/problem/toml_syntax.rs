//! What a TOML syntax error means, told in words a team member reads, with a hint.
//!
//! The parser (`toml_edit`, on `toml_parser`) describes an error in English, as
//! "invalid basic string, expected `\"`". rt keeps that text in [`super::Problem::Syntax`]
//! (its position is in the diagnostic) and reads here which kind of mistake it is: the part
//! before ", expected" is one of the parser's fixed descriptions. A description this module
//! does not know is shown as the parser wrote it.

use crate::lang::Lang;

/// The kinds of mistake a hand-edited file has, as a person would fix them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    UnclosedString,
    StringCharacter,
    Unquoted,
    Escape,
    Duplicate,
    Header,
    Array,
    InlineTable,
    NoValue,
    Key,
    Number,
    Date,
    Boolean,
    Value,
    Trailing,
    Other,
}

impl Kind {
    /// The kind of a parser's error text.
    fn of(detail: &str) -> Kind {
        let (what, expected) = detail.split_once(", expected ").unwrap_or((detail, ""));
        let has = |words: &[&str]| words.iter().any(|w| what.contains(w));
        if has(&["carriage return"]) {
            Kind::StringCharacter
        } else if what.starts_with("invalid") && what.ends_with("string") {
            if matches!(expected, "`\"`" | "`'`") { Kind::UnclosedString } else { Kind::StringCharacter }
        } else if has(&["must be quoted", "missing opening quote"]) {
            Kind::Unquoted
        } else if has(&["escaped value", "unicode value"])
            || (what == "invalid value" && expected.contains("unicode"))
        {
            Kind::Escape
        } else if has(&["duplicate key", "cannot extend value", "array-of-tables"]) {
            Kind::Duplicate
        } else if has(&["inline table", "key-value pairs"]) {
            Kind::InlineTable
        } else if has(&["array table", "table"]) {
            Kind::Header
        } else if has(&["array"]) {
            Kind::Array
        } else if has(&["no value", "missing value", "extra `=`", "key-value pair"]) {
            Kind::NoValue
        } else if has(&["key"]) && !has(&["unexpected"]) {
            Kind::Key
        } else if has(&[
            "integer",
            "float",
            "fraction",
            "exponent",
            "mantissa",
            "radix",
            "numeric",
            "number",
            "leading zero",
            "sign",
            "`_`",
            "hexadecimal",
            "octal",
            "binary",
        ]) {
            Kind::Number
        } else if has(&["date", "time", "offset"]) {
            Kind::Date
        } else if has(&["boolean"]) {
            Kind::Boolean
        } else if what == "invalid value" {
            Kind::Value
        } else if has(&["unexpected key or value", "unexpected content", "comment"]) {
            Kind::Trailing
        } else {
            Kind::Other
        }
    }
}

/// The message of a syntax error: what is wrong, in the reader's language.
pub(super) fn message(detail: &str, l: Lang) -> String {
    let (nb, en) = match Kind::of(detail) {
        Kind::UnclosedString => (
            "en tekst mangler anførselstegnet som avslutter den",
            "a text lacks the quotation mark that ends it",
        ),
        Kind::StringCharacter => (
            "en tekst i anførselstegn inneholder et tegn som ikke er lov der (et kontrolltegn eller et linjeskift)",
            "a quoted text holds a character not allowed there (a control character or a line break)",
        ),
        Kind::Unquoted => ("en tekst står uten anførselstegn", "a text is not in quotation marks"),
        Kind::Escape => (
            "en omvendt skråstrek (\\) i en tekst er ikke fulgt av noe TOML kjenner",
            "a backslash (\\) in a text is not followed by anything TOML knows",
        ),
        Kind::Duplicate => (
            "en nøkkel eller tabell står her for andre gang",
            "a key or table appears here for the second time",
        ),
        Kind::Header => ("en tabelloverskrift er ikke skrevet riktig", "a table header is not written right"),
        Kind::Array => ("en liste er ikke skrevet riktig", "a list is not written right"),
        Kind::InlineTable => (
            "en tabell på én linje ({ … }) er ikke skrevet riktig",
            "a one-line table ({ … }) is not written right",
        ),
        Kind::NoValue => ("en nøkkel mangler = eller verdien sin", "a key lacks its = or its value"),
        Kind::Key => ("nøkkelen er ikke gyldig", "the key is not valid"),
        Kind::Number => ("tallet kan ikke leses", "the number cannot be read"),
        Kind::Date => ("datoen eller klokkeslettet kan ikke leses", "the date or time cannot be read"),
        Kind::Boolean => ("en sann/usann-verdi kan ikke leses", "a true/false value cannot be read"),
        Kind::Value => ("verdien kan ikke leses", "the value cannot be read"),
        Kind::Trailing => {
            ("noe står etter verdien på samme linje", "something follows the value on the same line")
        }
        Kind::Other => {
            return l.pick(format!("ugyldig TOML ({detail})"), format!("invalid TOML ({detail})"));
        }
    };
    l.pick(format!("ugyldig TOML: {nb}"), format!("invalid TOML: {en}"))
}

/// The hint of a syntax error: how the line is written instead.
pub(super) fn hint(detail: &str, l: Lang) -> String {
    let (nb, en) = match Kind::of(detail) {
        Kind::Unquoted => (
            "tekst står mellom to \" på samme linje, f.eks. name = \"Kari Nilsen\"; tall, datoer, true og false står uten",
            "text goes between two \" on the same line, e.g. name = \"Kari Nilsen\"; numbers, dates, true and false go without",
        ),
        Kind::UnclosedString => (
            "skriv teksten mellom to \" på samme linje, f.eks. name = \"Kari Nilsen\"; tekst over flere linjer står mellom \"\"\" og \"\"\"",
            "write the text between two \" on the same line, e.g. name = \"Kari Nilsen\"; text on several lines goes between \"\"\" and \"\"\"",
        ),
        Kind::StringCharacter => (
            "fjern tegnet; et linjeskift i en tekst skrives som \\n, eller sett teksten mellom \"\"\" og \"\"\"",
            "remove the character; a line break in a text is written \\n, or put the text between \"\"\" and \"\"\"",
        ),
        Kind::Escape => (
            "skriv \\\\ for én omvendt skråstrek, eller sett teksten i enkle anførselstegn: 'C:\\mappe'",
            "write \\\\ for one backslash, or put the text in single quotes: 'C:\\folder'",
        ),
        Kind::Duplicate => (
            "slett den ene eller slå dem sammen: hver nøkkel står én gang i sin tabell",
            "delete one or merge them: each key appears once in its table",
        ),
        Kind::Header => (
            "skriv overskriften alene på én linje, som [navn] eller [[navn]]",
            "write the header alone on one line, as [name] or [[name]]",
        ),
        Kind::Array => (
            "skriv lister som [\"a\", \"b\"]: komma mellom verdiene og ] til slutt",
            "write lists as [\"a\", \"b\"]: commas between the values and ] at the end",
        ),
        Kind::InlineTable => (
            "skriv den som { nøkkel = verdi, nøkkel2 = verdi } på én linje",
            "write it as { key = value, key2 = value } on one line",
        ),
        Kind::NoValue | Kind::Other => (
            "skriv hver linje som nøkkel = verdi, med tekst i anførselstegn",
            "write each line as key = value, with text in quotation marks",
        ),
        Kind::Key => (
            "en nøkkel består av bokstavene a–z, sifre, - og _; står det noe annet, sett nøkkelen i anførselstegn",
            "a key is made of the letters a–z, digits, - and _; for anything else, put the key in quotation marks",
        ),
        Kind::Number => (
            "skriv tallet med sifre og uten anførselstegn, f.eks. minutes = 90",
            "write the number in digits and without quotation marks, e.g. minutes = 90",
        ),
        Kind::Date => (
            "skriv datoer som 2027-01-26 og uten anførselstegn",
            "write dates as 2027-01-26 and without quotation marks",
        ),
        Kind::Boolean => ("skriv true eller false, med små bokstaver", "write true or false, in lower case"),
        Kind::Value => (
            "tekst står i anførselstegn; tall, datoer, true og false står uten",
            "text goes in quotation marks; numbers, dates, true and false go without",
        ),
        Kind::Trailing => (
            "én nøkkel = verdi per linje; en kommentar begynner med #",
            "one key = value per line; a comment begins with #",
        ),
    };
    l.pick(nb, en).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The kind of the parser's error for a text.
    fn kind_of(text: &str) -> Kind {
        let e = toml_edit::Document::parse(text.to_string()).expect_err(text);
        Kind::of(e.message().trim())
    }

    #[test]
    fn each_mistake_is_read_as_a_person_would_fix_it() {
        let mut wrong: Vec<String> = Vec::new();
        for (text, kind) in [
            ("team = \"Ressursteam\n", Kind::UnclosedString),
            ("team = 'Ressursteam\n", Kind::UnclosedString),
            ("team = \"a\u{7}b\"\n", Kind::StringCharacter),
            ("team = Ressursteam\n", Kind::Unquoted),
            ("path = \"C:\\mappe\"\n", Kind::Escape),
            ("a = 1\na = 2\n", Kind::Duplicate),
            ("[meetings\n", Kind::Header),
            ("[[units]\n", Kind::Header),
            ("closed = [\"a\" \"b\"]\n", Kind::Array),
            ("closed = [2027-01-01,\n", Kind::Array),
            ("a = { b = 1 c = 2 }\n", Kind::InlineTable),
            ("team =\n", Kind::Unquoted),
            ("team\n", Kind::NoValue),
            ("minutes = 1__0\n", Kind::Number),
            ("minutes = 090\n", Kind::Number),
            ("born = 2019-13-40\n", Kind::Date),
            ("standing = True\n", Kind::Boolean),
            ("team = \"a\" b\n", Kind::Trailing),
        ] {
            let detail =
                toml_edit::Document::parse(text.to_string()).expect_err(text).message().trim().to_string();
            if kind_of(text) != kind {
                wrong.push(format!("{text:?} is {:?}, not {kind:?}: {detail}", kind_of(text)));
            }
        }
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    #[test]
    fn an_unknown_description_is_shown_as_written() {
        assert_eq!(message("something new", Lang::Nb), "ugyldig TOML (something new)");
        assert_eq!(
            message("invalid basic string, expected `\"`", Lang::En),
            "invalid TOML: a text lacks the quotation mark that ends it"
        );
    }
}
