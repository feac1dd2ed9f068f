//! The command line: global flags, the subcommands, and help texts in the user's language.
//!
//! Each subcommand's flags live beside its code in `cmd/`; this module only gathers them.
//! clap's own headings ("Usage:", "Options:") are English, so [`command`] replaces them.

use std::ffi::OsString;
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{ArgAction, CommandFactory, Parser, Subcommand};

use crate::cmd;
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
    #[arg(long, global = true, env = "RT_DIR", value_name = "MAPPE")]
    pub dir: Option<PathBuf>,

    /// Regn som om dagens dato er DATO (ÅÅÅÅ-MM-DD), for å teste eller se tilbake
    #[arg(long, global = true, env = "RT_TODAY", value_name = "DATO", value_parser = date_arg)]
    pub today: Option<NaiveDate>,

    /// Språk for meldinger og dokumenter: nb (bokmål) eller en (English)
    #[arg(long, global = true, env = "RT_LANG", value_name = "SPRÅK", value_parser = lang_arg)]
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
    /// Meld en sak til ressursteamet (R1–R5)
    Refer(Box<cmd::refer::Args>),
    /// List sakene
    List(cmd::list::Args),
    /// Vis én sak
    Show(cmd::show::Args),
    /// Møtene i et halvår med sakene; publiser, avlys eller flytt møter (R6)
    Schedule(cmd::schedule::Args),
    /// Innkallingen til et møte, som tekst eller e-postutkast (R7)
    Agenda(cmd::agenda::Args),
    /// Utkast til referat for sakene på et møte, eller for én sak (R8–R10)
    Minutes(cmd::minutes::Args),
    /// Lagre teamets vurdering og foreslåtte tiltak for en sak (R8)
    Record(cmd::outcome::RecordArgs),
    /// Lagre brukerens egen beslutning om tiltakene (R9)
    Decide(cmd::outcome::DecideArgs),
    /// Avslutt en sak
    Close(cmd::outcome::CloseArgs),
    /// Tiltaksbanken: list, søk, vis, legg til, importer og eksporter tiltak (R11)
    Tiltak(cmd::tiltak::Args),
    /// Halvårsevalueringen: fakta, figurer og mønsterspørsmålene (R12)
    Report(cmd::report::Args),
    /// Trekk tilbake brukerens samtykke (R2)
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

/// Parses an ISO date flag (`YYYY-MM-DD`).
pub fn date_arg(text: &str) -> Result<NaiveDate, String> {
    parse_date(text).ok_or_else(|| format!("`{text}` er ikke en dato ÅÅÅÅ-MM-DD / not a date YYYY-MM-DD"))
}

fn lang_arg(text: &str) -> Result<Lang, String> {
    Lang::parse(text).ok_or_else(|| format!("`{text}`: bruk nb eller en / use nb or en"))
}

/// The language asked for on the command line or in `RT_LANG`, looked up before parsing so
/// that even the help text comes in that language.
pub fn early_lang(args: &[OsString]) -> Option<Lang> {
    let mut iter = args.iter().filter_map(|a| a.to_str());
    while let Some(arg) = iter.next() {
        if arg == "--lang" {
            return iter.next().and_then(Lang::parse);
        }
        if let Some(v) = arg.strip_prefix("--lang=") {
            return Lang::parse(v);
        }
    }
    std::env::var("RT_LANG").ok().and_then(|v| Lang::parse(&v))
}

/// The clap command with headings in the user's language.
pub fn command(lang: Lang) -> clap::Command {
    localise(Cli::command(), lang)
}

fn localise(cmd: clap::Command, lang: Lang) -> clap::Command {
    let template = lang.pick(
        "{before-help}{about-with-newline}\nBruk: {usage}\n\n{all-args}{after-help}",
        "{before-help}{about-with-newline}\nUsage: {usage}\n\n{all-args}{after-help}",
    );
    let cmd = cmd
        .help_template(template)
        .subcommand_help_heading(lang.pick("Kommandoer", "Commands"))
        .mut_args(|a| {
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
    cmd.mut_subcommands(|sub| localise(sub, lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cli_is_well_formed() {
        command(Lang::Nb).debug_assert();
    }

    #[test]
    fn early_lang_finds_the_flag() {
        let args: Vec<OsString> = ["rt", "list", "--lang", "en"].iter().map(OsString::from).collect();
        assert_eq!(early_lang(&args), Some(Lang::En));
        let args: Vec<OsString> = ["rt", "--lang=nb"].iter().map(OsString::from).collect();
        assert_eq!(early_lang(&args), Some(Lang::Nb));
    }
}
