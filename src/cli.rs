//! The command line: global flags, the subcommands, and help texts in the user's language.
//!
//! Each subcommand's flags live beside its code in `cmd/`; this module only gathers them.
//! clap's own headings ("Usage:", "Options:") are English, so [`command`] replaces them.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{ArgAction, CommandFactory, Parser, Subcommand};

use crate::cmd;
use crate::help_en;
use crate::lang::Lang;
use crate::model::dates::parse_date;

/// Ressursteam-verktøyet: saker, møter og referater for ressursteamet på familiesenteret.
#[derive(Parser, Debug)]
#[command(
    name = "rt",
    version,
    disable_help_flag = true,
    disable_version_flag = true,
    disable_help_subcommand = true,
    after_help = "Eksempler:\n  rt refer --way bti --initials A.B. --born 2019-04-12 ...\n  rt list --status referred\n  rt check"
)]
pub struct Cli {
    /// Team-mappen (ellers RT_DIR, eller nærmeste mappe oppover som har rt.toml)
    // The help texts name their environment variables in words, so clap's `[env: …]` is off.
    #[arg(long, global = true, env = "RT_DIR", hide_env = true, value_name = "MAPPE")]
    pub dir: Option<PathBuf>,

    /// Regn som om dagens dato er DATO (ÅÅÅÅ-MM-DD), for å teste eller se tilbake; også RT_TODAY
    #[arg(long, global = true, env = "RT_TODAY", hide_env = true, value_name = "DATO", value_parser = date_arg)]
    pub today: Option<NaiveDate>,

    /// Språk for meldinger og dokumenter: nb (bokmål) eller en (English); også RT_LANG
    #[arg(long, global = true, env = "RT_LANG", hide_env = true, value_name = "SPRÅK", value_parser = lang_arg)]
    pub lang: Option<Lang>,

    /// Vis hjelp
    #[arg(short = 'h', long, global = true, action = ArgAction::Help)]
    help: Option<bool>,

    /// Vis versjon
    #[arg(short = 'V', long, action = ArgAction::Version)]
    version: Option<bool>,

    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Lag en ny team-mappe med kommentert rt.toml og tiltaksbank.toml
    Init(cmd::init::Args),
    /// Meld en sak til ressursteamet (R1–R5, se docs/rutine.md)
    Refer(Box<cmd::refer::Args>),
    /// List sakene
    List(cmd::list::Args),
    /// Vis én sak
    Show(cmd::show::Args),
    /// Møtene i et halvår med sakene; publiser, avlys eller flytt møter (R6, se docs/rutine.md)
    Schedule(cmd::schedule::Args),
    /// Innkallingen til et møte, som tekst eller e-postutkast (R7, se docs/rutine.md)
    Agenda(cmd::agenda::Args),
    /// Utkast til referat for sakene på et møte, eller for én sak (R8–R10, se docs/rutine.md)
    Minutes(cmd::minutes::Args),
    /// Lagre teamets vurdering og foreslåtte tiltak for en sak (R8, se docs/rutine.md)
    Record(cmd::outcome::RecordArgs),
    /// Lagre brukerens egen beslutning om tiltakene (R9, se docs/rutine.md)
    Decide(cmd::outcome::DecideArgs),
    /// Avslutt en sak
    Close(cmd::outcome::CloseArgs),
    /// Oppfølgingsplanen: mål, tiltak, evaluering, tjenester (R13, se docs/rutine.md)
    Plan(cmd::followup::PlanArgs),
    /// Overfør stafetten til en ny stafettholder, eller ta imot den (R13, se docs/rutine.md)
    Stafett(cmd::followup::StafettArgs),
    /// Skriv i stafettloggen, eller vis den (R13, se docs/rutine.md)
    Logg(cmd::followup::LoggArgs),
    /// Det som er forfalt eller snart forfaller (R14, se docs/rutine.md)
    Frister(cmd::frister::Args),
    /// Tiltaksbanken: søk, legg til, importer, eksporter, publiser (R11, se docs/rutine.md)
    Tiltak(cmd::tiltak::Args),
    /// Halvårsevalueringen: fakta, figurer og mønsterspørsmålene (R12, se docs/rutine.md)
    Report(cmd::report::Args),
    /// Trekk tilbake samtykket; avslutt eller drøft anonymt (R2, se docs/rutine.md)
    Consent(cmd::consent::Args),
    /// Anonymiser avsluttede saker etter oppbevaringstiden
    Purge(cmd::purge::Args),
    /// Kontroller alle filene i team-mappen
    Check(cmd::check::Args),
    /// Hent de andres endringer og send dine (git pull --rebase og push)
    Sync(cmd::sync::Args),
    /// Skript for tab-fullføring i bash, zsh, fish eller PowerShell
    Completions(cmd::completions::Args),
    /// Manualsidene (man), til skjermen eller én per kommando i en mappe
    Man(cmd::man::Args),
}

impl Command {
    /// The subcommand's name, as typed (for commit messages).
    pub fn name(&self) -> &'static str {
        match self {
            Command::Init(_) => "init",
            Command::Refer(_) => "refer",
            Command::List(_) => "list",
            Command::Show(_) => "show",
            Command::Schedule(_) => "schedule",
            Command::Agenda(_) => "agenda",
            Command::Minutes(_) => "minutes",
            Command::Record(_) => "record",
            Command::Decide(_) => "decide",
            Command::Close(_) => "close",
            Command::Plan(_) => "plan",
            Command::Stafett(_) => "stafett",
            Command::Logg(_) => "logg",
            Command::Frister(_) => "frister",
            Command::Tiltak(_) => "tiltak",
            Command::Report(_) => "report",
            Command::Consent(_) => "consent",
            Command::Purge(_) => "purge",
            Command::Check(_) => "check",
            Command::Sync(_) => "sync",
            Command::Completions(_) => "completions",
            Command::Man(_) => "man",
        }
    }
}

/// Whether the flags' own checks answer in English: set once, before parsing, from the
/// language the session found (see [`set_args_language`]), since clap calls them with no
/// context.
static ARGS_IN_ENGLISH: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Sets the language of the flags' own checks, once per run, before parsing.
pub fn set_args_language(lang: Lang) {
    ARGS_IN_ENGLISH.store(lang == Lang::En, std::sync::atomic::Ordering::Relaxed);
}

/// A flag's complaint in the language asked for on the command line.
pub fn arg_error(nb: String, en: String) -> String {
    if ARGS_IN_ENGLISH.load(std::sync::atomic::Ordering::Relaxed) { en } else { nb }
}

/// A parser for a whole-number flag from `min` to `max`, whose error is in the user's
/// language (clap's own range error is English only).
pub fn number_arg<T: TryFrom<u64>>(
    min: u64,
    max: u64,
) -> impl Fn(&str) -> Result<T, String> + Clone + Send + Sync + 'static {
    move |text: &str| {
        let wrong = || {
            arg_error(
                format!("`{text}` er ikke et helt tall fra {min} til {max}"),
                format!("`{text}` is not a whole number from {min} to {max}"),
            )
        };
        match text.trim().parse::<u64>() {
            Ok(n) if (min..=max).contains(&n) => T::try_from(n).map_err(|_| wrong()),
            _ => Err(wrong()),
        }
    }
}

/// Parses an ISO date flag (`YYYY-MM-DD`).
pub fn date_arg(text: &str) -> Result<NaiveDate, String> {
    parse_date(text).ok_or_else(|| {
        arg_error(
            format!("`{text}` er ikke en dato ÅÅÅÅ-MM-DD"),
            format!("`{text}` is not a date YYYY-MM-DD"),
        )
    })
}

/// Parses a half-year flag (`2027H1`).
pub fn half_arg(text: &str) -> Result<crate::model::dates::Half, String> {
    crate::model::dates::Half::parse(text).ok_or_else(|| {
        arg_error(format!("`{text}`: skriv f.eks. 2027H1"), format!("`{text}`: write e.g. 2027H1"))
    })
}

fn lang_arg(text: &str) -> Result<Lang, String> {
    Lang::parse(text)
        .ok_or_else(|| arg_error(format!("`{text}`: bruk nb eller en"), format!("`{text}`: use nb or en")))
}

/// The clap command in the user's language: our help texts (English from [`help_en`] under
/// `--lang en`), and clap's own headings replaced.
pub fn command(lang: Lang) -> clap::Command {
    let colour =
        if crate::session::colour_allowed() { clap::ColorChoice::Auto } else { clap::ColorChoice::Never };
    // `rt` in usage lines and help also where the program file is `rt.exe`.
    localise(Cli::command().color(colour).bin_name("rt"), lang, "rt")
}

fn localise(cmd: clap::Command, lang: Lang, path: &str) -> clap::Command {
    let template = lang.pick(
        "{before-help}{about-with-newline}\nBruk: {usage}\n\n{all-args}{after-help}",
        "{before-help}{about-with-newline}\nUsage: {usage}\n\n{all-args}{after-help}",
    );
    let mut cmd = cmd.help_template(template).subcommand_help_heading(lang.pick("Kommandoer", "Commands"));
    if lang == Lang::En {
        if let Some(about) = help_en::text(path, "@about") {
            cmd = cmd.about(about);
        }
        if let Some(after) = help_en::text(path, "@after") {
            cmd = cmd.after_help(after);
        }
    }
    let cmd = cmd.mut_args(|a| {
        // Each help text names its values in the user's language; clap would list them again
        // with the (English) doc comments of the value types.
        let mut a = if a.get_action().takes_values() { a.hide_possible_values(true) } else { a };
        if lang == Lang::En {
            if let Some(help) = help_en::text(path, a.get_id().as_str()) {
                a = a.help(help);
            }
            if let Some(names) = a.get_value_names() {
                let english: Vec<String> =
                    names.iter().map(|n| help_en::value_name(n.as_str()).to_string()).collect();
                a = a.value_names(english);
            }
        }
        // clap's `[default: …]` is English; in Norwegian the default is said in the help text.
        if lang == Lang::Nb
            && let (Some(help), [default]) = (a.get_help(), a.get_default_values())
            && !a.is_hide_default_value_set()
        {
            let help = format!("{help} [standard: {}]", default.to_string_lossy());
            a = a.help(help).hide_default_value(true);
        }
        if a.get_help_heading().is_some() {
            a
        } else if a.is_global_set() || a.get_id() == "help" {
            // Shown last, apart from each command's own flags.
            a.help_heading(lang.pick("Felles valg", "Global options")).display_order(1000)
        } else if a.is_positional() {
            a.help_heading(lang.pick("Argumenter", "Arguments"))
        } else {
            a.help_heading(lang.pick("Valg", "Options"))
        }
    });
    cmd.mut_subcommands(|sub| {
        let sub_path = format!("{path} {}", sub.get_name());
        localise(sub, lang, &sub_path)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cli_is_well_formed() {
        command(Lang::Nb).debug_assert();
    }

    /// Every command and flag, with its path: (path, key, Norwegian text).
    fn texts() -> Vec<(String, String, String)> {
        fn walk(cmd: &clap::Command, path: String, out: &mut Vec<(String, String, String)>) {
            let about = cmd.get_about().map(|s| s.to_string()).unwrap_or_default();
            out.push((path.clone(), "@about".into(), about));
            if let Some(after) = cmd.get_after_help() {
                out.push((path.clone(), "@after".into(), after.to_string()));
            }
            for a in cmd.get_arguments().filter(|a| path == "rt" || !a.is_global_set()) {
                let help = a.get_help().map(|s| s.to_string()).unwrap_or_default();
                out.push((path.clone(), a.get_id().to_string(), help));
            }
            for sub in cmd.get_subcommands() {
                walk(sub, format!("{path} {}", sub.get_name()), out);
            }
        }
        let mut out = Vec::new();
        walk(&Cli::command(), "rt".into(), &mut out);
        out
    }

    #[test]
    fn every_help_text_has_an_english_twin_and_every_twin_a_text() {
        let texts = texts();
        for (path, key, nb) in &texts {
            assert!(!nb.is_empty(), "`{path}` `{key}` has no help text");
            assert!(help_en::text(path, key).is_some(), "no English for `{path}` `{key}`: {nb}");
        }
        for (path, key, _) in help_en::EN {
            assert!(
                texts.iter().any(|(p, k, _)| p == path && k == key),
                "help_en has `{path}` `{key}`, which no command has"
            );
        }
    }

    #[test]
    fn every_command_has_a_summary_line_and_two_or_three_examples() {
        let texts = texts();
        for (path, key, _) in texts.iter().filter(|(_, k, _)| k == "@about") {
            let after = texts.iter().find(|(p, k, _)| p == path && k == "@after");
            let Some((_, _, after)) = after else { panic!("`{path}` has no examples ({key})") };
            let examples =
                after.lines().filter(|l| l.trim_start().starts_with("rt ") || l.contains(" rt ")).count();
            assert!(examples >= 2, "`{path}` has {examples} example(s):\n{after}");
            let about = &texts.iter().find(|(p, k, _)| p == path && k == "@about").unwrap().2;
            assert!(!about.contains('\n') && about.len() < 100, "`{path}`: one line: {about}");
        }
    }

    /// A help text that cites a rule (R1–R15) says where the rule is explained, in both
    /// languages.
    #[test]
    fn every_help_text_that_cites_a_rule_points_to_the_routine() {
        let cites = |text: &str| {
            text.char_indices().any(|(i, c)| {
                c == 'R'
                    && text[i + 1..].starts_with(|d: char| d.is_ascii_digit())
                    && !text[..i].ends_with(|p: char| p.is_alphanumeric())
            })
        };
        let mut citing = 0;
        for (path, key, nb) in texts() {
            let en = help_en::text(&path, &key).unwrap_or_default();
            for (text, pointer) in [(nb.as_str(), "se docs/rutine.md"), (en, "see docs/rutine.md")] {
                if cites(text) {
                    citing += 1;
                    assert!(
                        text.contains(pointer),
                        "`{path}` `{key}` cites a rule without `{pointer}`: {text}"
                    );
                }
            }
        }
        assert!(citing >= 30, "{citing}");
    }

    #[test]
    fn the_english_help_is_english() {
        let mut cmd = command(Lang::En);
        let help = cmd.render_long_help().to_string();
        assert!(help.contains("Global options") && help.contains("The team folder"), "{help}");
        let refer = cmd.find_subcommand_mut("refer").unwrap().render_long_help().to_string();
        assert!(refer.contains("<DATE>") && !refer.contains("<DATO>"), "{refer}");
        assert!(!refer.contains("Eksempler") && refer.contains("Examples"), "{refer}");
    }
}
