//! A wrong command line, told in the user's language.
//!
//! clap finds what is wrong (an unknown flag, a bad value, a missing argument) and keeps the
//! pieces as context; its own rendering is English only. This module renders the same pieces
//! the way `rt` renders every other error — `feil: …` with `hjelp: …` below — in bokmål or
//! English, followed by the usage line and where to read more. Kinds it does not know fall
//! back to clap's own text, so nothing is ever lost.

use clap::error::{ContextKind, ContextValue, ErrorKind};

use crate::lang::Lang;
use crate::rules::national_id;

/// The message for a usage error, or `None` where clap's own rendering should be used (help
/// and version output, and kinds without the context this needs). `command` is the command
/// the user was typing (`rt tiltak add`), for the pointer to its help.
pub fn render(error: &clap::Error, lang: Lang, command: &str) -> Option<crate::output::Styled> {
    let (message, mut hints) = message(error, lang)?;
    hints.extend(suggestions(error, lang));
    let message = hide_national_ids(error, message, lang);
    let hints: Vec<String> = hints.into_iter().map(|hint| hide_national_ids(error, hint, lang)).collect();
    let severity = crate::diagnostic::Severity::Error;
    let mut text = crate::diagnostic::render_text(
        severity,
        None,
        &message,
        None,
        hints.first().map(String::as_str),
        lang,
    );
    for hint in hints.iter().skip(1) {
        text.plain("\n").push(crate::output::Style::Help, lang.help_word()).plain(format!(": {hint}"));
    }
    text.plain("\n");
    let usage = usage(error, lang);
    if let Some((usage, _)) = &usage {
        text.plain(format!("\n{usage}\n"));
    }
    let command = usage.map_or_else(|| command.to_string(), |(_, command)| command);
    text.plain(lang.pick(format!("Mer hjelp: `{command} --help`"), format!("More help: `{command} --help`")));
    Some(text)
}

/// A line of the message, with a value or argument the user typed that holds what looks
/// like a national id number not shown at all (the rest of it may name the person), and any
/// other such number redacted.
fn hide_national_ids(error: &clap::Error, mut text: String, lang: Lang) -> String {
    for kind in [ContextKind::InvalidValue, ContextKind::InvalidArg, ContextKind::InvalidSubcommand] {
        if let Some(typed) = string(error, kind)
            && national_id::contains_national_id(typed)
        {
            let hidden = lang.pick(
                "(vises ikke: ligner et fødselsnummer)",
                "(not shown: looks like a national id number)",
            );
            text = text.replace(typed, hidden);
        }
    }
    match national_id::redact(&text) {
        std::borrow::Cow::Owned(redacted) => redacted,
        std::borrow::Cow::Borrowed(_) => text,
    }
}

/// The (sub)command the arguments name: `rt`, then each word that is a subcommand of the
/// one before it.
pub fn command_path(cmd: &clap::Command, args: &[std::ffi::OsString]) -> String {
    let mut path = vec![cmd.get_name().to_string()];
    let mut current = cmd;
    for arg in args.iter().skip(1) {
        let Some(word) = arg.to_str() else { continue };
        if word == "--" {
            break;
        }
        if let Some(sub) = current.find_subcommand(word) {
            path.push(sub.get_name().to_string());
            current = sub;
        }
    }
    path.join(" ")
}

fn string(error: &clap::Error, kind: ContextKind) -> Option<&str> {
    match error.get(kind)? {
        ContextValue::String(s) => Some(s),
        _ => None,
    }
}

fn strings(error: &clap::Error, kind: ContextKind) -> Vec<String> {
    match error.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(v)) => v.clone(),
        _ => Vec::new(),
    }
}

fn number(error: &clap::Error, kind: ContextKind) -> Option<isize> {
    match error.get(kind)? {
        ContextValue::Number(n) => Some(*n),
        _ => None,
    }
}

/// Backquoted items joined with commas and a final "eller"/"or".
fn either(items: &[String], lang: Lang) -> String {
    let quoted: Vec<String> = items.iter().map(|i| format!("`{i}`")).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} {} {last}", rest.join(", "), lang.pick("eller", "or")),
    }
}

/// The main line and the hints that belong to it.
fn message(error: &clap::Error, lang: Lang) -> Option<(String, Vec<String>)> {
    let arg = string(error, ContextKind::InvalidArg);
    let value = string(error, ContextKind::InvalidValue);
    let mut hints = Vec::new();
    let line = match error.kind() {
        ErrorKind::InvalidValue => {
            let (arg, value) = (arg?, value?);
            let valid = strings(error, ContextKind::ValidValue);
            if !valid.is_empty() {
                hints.push(
                    lang.pick(
                        format!("bruk {}", either(&valid, lang)),
                        format!("use {}", either(&valid, lang)),
                    ),
                );
            }
            if value.is_empty() {
                lang.pick(format!("`{arg}` mangler en verdi"), format!("`{arg}` needs a value"))
            } else {
                lang.pick(
                    format!("ugyldig verdi `{value}` for `{arg}`"),
                    format!("invalid value `{value}` for `{arg}`"),
                )
            }
        }
        ErrorKind::ValueValidation => {
            let (arg, value) = (arg?, value?);
            // rt's own value parsers word their complaint in the chosen language already.
            match std::error::Error::source(error) {
                Some(why) => lang.pick(format!("ugyldig `{arg}`: {why}"), format!("invalid `{arg}`: {why}")),
                None => lang.pick(
                    format!("ugyldig verdi `{value}` for `{arg}`"),
                    format!("invalid value `{value}` for `{arg}`"),
                ),
            }
        }
        ErrorKind::UnknownArgument => {
            let arg = arg?;
            if arg.starts_with('-') {
                lang.pick(format!("ukjent valg `{arg}`"), format!("unknown option `{arg}`"))
            } else {
                lang.pick(format!("uventet argument `{arg}`"), format!("unexpected argument `{arg}`"))
            }
        }
        ErrorKind::InvalidSubcommand => {
            let sub = string(error, ContextKind::InvalidSubcommand)?;
            if strings(error, ContextKind::SuggestedSubcommand).is_empty() {
                hints.push(lang.pick(
                    "kommandoene står i `rt --help`".to_string(),
                    "the commands are listed by `rt --help`".to_string(),
                ));
            }
            lang.pick(format!("ukjent kommando `{sub}`"), format!("unknown command `{sub}`"))
        }
        ErrorKind::MissingRequiredArgument => {
            let missing = strings(error, ContextKind::InvalidArg);
            if missing.is_empty() {
                return None;
            }
            let list = missing.iter().map(|m| format!("`{m}`")).collect::<Vec<_>>().join(", ");
            lang.pick(format!("mangler {list}"), format!("missing {list}"))
        }
        ErrorKind::MissingSubcommand => {
            let sub = string(error, ContextKind::InvalidSubcommand)?;
            let valid = strings(error, ContextKind::ValidSubcommand);
            if !valid.is_empty() {
                hints.push(lang.pick(
                    format!("velg {}", either(&valid, lang)),
                    format!("choose {}", either(&valid, lang)),
                ));
            }
            lang.pick(format!("`{sub}` trenger en kommando"), format!("`{sub}` needs a command"))
        }
        ErrorKind::ArgumentConflict => {
            let prior = strings(error, ContextKind::PriorArg);
            let this = arg.or_else(|| string(error, ContextKind::InvalidSubcommand))?;
            if prior.iter().any(|p| p == this) {
                lang.pick(
                    format!("`{this}` kan bare gis én gang"),
                    format!("`{this}` can be given only once"),
                )
            } else if prior.is_empty() {
                lang.pick(
                    format!("`{this}` kan ikke brukes sammen med de andre valgene"),
                    format!("`{this}` cannot be used with the other options"),
                )
            } else {
                let others = prior.iter().map(|p| format!("`{p}`")).collect::<Vec<_>>().join(", ");
                lang.pick(
                    format!("`{this}` kan ikke brukes sammen med {others}"),
                    format!("`{this}` cannot be used with {others}"),
                )
            }
        }
        ErrorKind::TooManyValues => {
            let (arg, value) = (arg?, value?);
            lang.pick(
                format!("uventet verdi `{value}` for `{arg}`: den tar ikke flere"),
                format!("unexpected value `{value}` for `{arg}`: it takes no more"),
            )
        }
        ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            let arg = arg?;
            let actual = number(error, ContextKind::ActualNumValues)?;
            let wanted = number(error, ContextKind::MinValues)
                .or_else(|| number(error, ContextKind::ExpectedNumValues))?;
            lang.pick(
                format!("`{arg}` trenger {wanted} verdier, men fikk {actual}"),
                format!("`{arg}` needs {wanted} values but got {actual}"),
            )
        }
        ErrorKind::NoEquals => {
            let arg = arg?;
            lang.pick(
                format!("skriv verdien til `{arg}` med likhetstegn: `{arg}=…`"),
                format!("give `{arg}` its value with an equals sign: `{arg}=…`"),
            )
        }
        ErrorKind::InvalidUtf8 => lang.pick(
            "et argument er ikke gyldig UTF-8-tekst".to_string(),
            "an argument is not valid UTF-8 text".to_string(),
        ),
        _ => return None,
    };
    Some((line, hints))
}

/// "Did you mean" hints, and clap's tips put in the user's words.
fn suggestions(error: &clap::Error, lang: Lang) -> Vec<String> {
    let mut hints = Vec::new();
    for kind in [ContextKind::SuggestedSubcommand, ContextKind::SuggestedArg, ContextKind::SuggestedValue] {
        let similar = strings(error, kind);
        if !similar.is_empty() {
            hints.push(lang.pick(
                format!("mente du {}?", either(&similar, lang)),
                format!("did you mean {}?", either(&similar, lang)),
            ));
        }
    }
    if let Some(ContextValue::StyledStrs(tips)) = error.get(ContextKind::Suggested) {
        hints.extend(tips.iter().map(|tip| tip_in(&tip.to_string(), lang)));
    }
    hints
}

/// One of clap's tips, told again. Each quotes what it is about in single quotes.
fn tip_in(tip: &str, lang: Lang) -> String {
    let quoted: Vec<&str> = tip.split('\'').skip(1).step_by(2).collect();
    match quoted.as_slice() {
        [value, how] if tip.starts_with("to pass") => lang.pick(
            format!("er `{value}` ment som en verdi, skriv `{how}`"),
            format!("if `{value}` is meant as a value, write `{how}`"),
        ),
        [sub, _] if tip.starts_with("subcommand") => lang.pick(
            format!("kommandoen `{sub}` finnes; ta bort `--` foran den"),
            format!("the command `{sub}` exists; remove the `--` before it"),
        ),
        [what] if tip.ends_with("exists") => {
            lang.pick(format!("mente du `{what}`?"), format!("did you mean `{what}`?"))
        }
        _ => tip.to_string(),
    }
}

/// The usage lines under the user's heading, and the command they belong to.
fn usage(error: &clap::Error, lang: Lang) -> Option<(String, String)> {
    let Some(ContextValue::StyledStr(usage)) = error.get(ContextKind::Usage) else {
        return None;
    };
    let plain = usage.to_string();
    let heading = lang.pick("Bruk:", "Usage:");
    let mut lines = plain.lines().map(str::trim).filter(|l| !l.is_empty());
    let first = lines.next()?.trim_start_matches("Usage:").trim_start();
    let command = first
        .split_whitespace()
        .take_while(|w| !w.starts_with(['-', '[', '<']))
        .collect::<Vec<_>>()
        .join(" ");
    let indent = " ".repeat(heading.chars().count() + 1);
    let mut text = format!("{heading} {first}");
    for line in lines {
        text.push('\n');
        text.push_str(&indent);
        text.push_str(line);
    }
    Some((text, command))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_path_follows_the_subcommands_typed() {
        let cmd = crate::cli::command(Lang::Nb);
        let path = |args: &[&str]| command_path(&cmd, &args.iter().map(Into::into).collect::<Vec<_>>());
        assert_eq!(path(&["rt", "tiltak", "add", "--unit"]), "rt tiltak add");
        assert_eq!(path(&["rt", "--dir", "x", "list", "--status", "nope"]), "rt list");
        assert_eq!(path(&["rt", "--today"]), "rt");
        assert_eq!(path(&["rt", "--", "list"]), "rt");
    }

    #[test]
    fn lists_read_as_a_sentence() {
        let items = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(either(&items(&["a"]), Lang::Nb), "`a`");
        assert_eq!(either(&items(&["a", "b", "c"]), Lang::Nb), "`a`, `b` eller `c`");
        assert_eq!(either(&items(&["a", "b"]), Lang::En), "`a` or `b`");
    }

    #[test]
    fn clap_tips_are_told_again() {
        assert_eq!(
            tip_in("to pass '--x' as a value, use '-- --x'", Lang::Nb),
            "er `--x` ment som en verdi, skriv `-- --x`"
        );
        assert_eq!(
            tip_in("subcommand 'list' exists; to use it, remove the '--' before it", Lang::En),
            "the command `list` exists; remove the `--` before it"
        );
        assert_eq!(tip_in("'tiltak --unit' exists", Lang::Nb), "mente du `tiltak --unit`?");
        assert_eq!(tip_in("something new", Lang::Nb), "something new");
    }
}
