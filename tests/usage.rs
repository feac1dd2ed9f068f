//! A wrong command line: exit 2, nothing on stdout, nothing written, and a message in the
//! user's language that names what is wrong and how to go on.

use crate::common::*;

/// Runs `rt` with the arguments; returns (exit code, stdout, stderr).
fn run(team: &Team, args: &[&str]) -> (i32, String, String) {
    let out = team.rt(args).output().unwrap();
    (out.status.code().unwrap_or(-1), stdout(&out), stderr(&out))
}

#[test]
fn each_kind_of_usage_error_is_told_in_norwegian() {
    let team = Team::demo();
    let before = team.snapshot();
    let cases: &[(&[&str], &[&str])] = &[
        (
            &["lsit"],
            &[
                "feil: ukjent kommando `lsit`",
                "hjelp: mente du `list`?",
                "Bruk: rt ",
                "Mer hjelp: `rt --help`",
            ],
        ),
        (
            &["list", "--formt", "json"],
            &["feil: ukjent valg `--formt`", "hjelp: mente du `--format`?", "Mer hjelp: `rt list --help`"],
        ),
        (
            &["list", "--format", "xml"],
            &["feil: ugyldig", "`xml`", "`--format", "text", "json", "Mer hjelp: `rt list --help`"],
        ),
        (&["list", "--today", "2027-13-01"], &["feil: ugyldig `--today", "er ikke en dato ÅÅÅÅ-MM-DD"]),
        (&["show"], &["feil: mangler `<ID>`", "Bruk: rt show <ID>", "Mer hjelp: `rt show --help`"]),
        (
            &["tiltak", "add", "--provider"],
            &["feil: `--provider <TILBYDER>` mangler en verdi", "Mer hjelp: `rt tiltak add --help`"],
        ),
        (
            &["schedule", "--cancel", "2027-01-12", "--move", "2027-01-12"],
            &["feil: `--", "kan ikke brukes sammen med `--", "Mer hjelp: `rt schedule --help`"],
        ),
        (&["list", "extra"], &["feil: uventet argument `extra`", "Bruk: rt list"]),
        (
            &["--", "list"],
            &["feil: uventet argument `list`", "hjelp: kommandoen `list` finnes; ta bort `--` foran den"],
        ),
    ];
    for (args, wanted) in cases {
        let (code, out, err) = run(&team, args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(out.is_empty(), "{args:?}: stdout {out}");
        for w in *wanted {
            assert!(err.contains(w), "{args:?}: wanted {w:?} in\n{err}");
        }
        for english in ["error:", "tip:", "Usage:", "For more information", "invalid value", "unexpected"] {
            assert!(!err.contains(english), "{args:?}: English {english:?} in\n{err}");
        }
    }
    assert_eq!(team.snapshot(), before, "a usage error writes nothing");
}

#[test]
fn usage_errors_follow_the_language() {
    let team = Team::demo();
    let (code, _, err) = run(&team, &["--lang", "en", "list", "--formt", "json"]);
    assert_eq!(code, 2);
    assert!(err.starts_with("error: unknown option `--formt`\nhelp: did you mean `--format`?\n"), "{err}");
    assert!(err.contains("Usage: rt list") && err.contains("More help: `rt list --help`"), "{err}");

    // The team's own language, when the command line does not say.
    // Written with single quotes, which TOML allows as well (an early line scan missed them).
    let config = team.read("rt.toml");
    assert!(config.contains("\nlanguage = \"nb\""));
    team.write("rt.toml", &config.replace("\nlanguage = \"nb\"", "\nlanguage = 'en'"));
    let (code, _, err) = run(&team, &["show"]);
    assert_eq!(code, 2);
    assert!(err.starts_with("error: missing `<ID>`"), "{err}");
}

#[test]
fn help_and_version_are_not_errors() {
    let team = Team::demo();
    for args in [&["--help"][..], &["list", "--help"], &["--version"]] {
        let (code, out, err) = run(&team, args);
        assert_eq!(code, 0, "{args:?}: {err}");
        assert!(!out.is_empty() && err.is_empty(), "{args:?}");
    }
    // A command that needs a subcommand shows its help, on stderr, as a usage error.
    let (code, out, err) = run(&team, &["tiltak"]);
    assert_eq!(code, 2);
    assert!(out.is_empty() && err.contains("Kommandoer:") && err.contains("search"), "{err}");
}

#[test]
fn norwegian_help_has_no_english_brackets() {
    let team = Team::demo();
    for args in [&["--help"][..], &["list", "--help"], &["init", "--help"], &["minutes", "--help"]] {
        let (code, out, _) = run(&team, args);
        assert_eq!(code, 0);
        assert!(!out.contains("[default") && !out.contains("[env"), "{args:?}:\n{out}");
    }
    let (_, out, _) = run(&team, &["list", "--help"]);
    assert!(out.contains("Utdata: text (tabell) eller json [standard: text]"), "{out}");
    let (_, out, _) = run(&team, &["--help"]);
    let out = out.split_whitespace().collect::<Vec<_>>().join(" "); // as read, not as wrapped
    assert!(
        out.contains("også RT_LANG") && out.contains("også RT_TODAY") && out.contains("ellers RT_DIR"),
        "{out}"
    );
    let (_, out, _) = run(&team, &["--lang", "en", "list", "--help"]);
    let out = out.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(out.contains("[default: text]") && out.contains("also RT_TODAY"), "{out}");
}

/// A number out of its range is refused by name and range, in the user's language, before
/// anything runs (a very large `--within` once overflowed the calendar).
#[test]
fn a_number_out_of_range_is_told_in_the_users_language() {
    let team = Team::demo();
    let before = team.snapshot();
    let cases: &[(&[&str], &str)] = &[
        (
            &["frister", "--within", "300000000"],
            "feil: ugyldig `--within <DAGER>`: `300000000` er ikke et helt tall fra 0 til 3660\n\
             Mer hjelp: `rt frister --help`\n",
        ),
        (
            &["tiltak", "list", "--age", "4294967295"],
            "feil: ugyldig `--age <ÅR>`: `4294967295` er ikke et helt tall fra 0 til 130\n\
             Mer hjelp: `rt tiltak list --help`\n",
        ),
        (
            &["--lang", "en", "refer", "--age", "200"],
            "error: invalid `--age <YEARS>`: `200` is not a whole number from 0 to 130\n\
             More help: `rt refer --help`\n",
        ),
        (
            &["tiltak", "add", "--age-min=-1"],
            "feil: ugyldig `--age-min <ÅR>`: `-1` er ikke et helt tall fra 0 til 120\n\
             Mer hjelp: `rt tiltak add --help`\n",
        ),
    ];
    for (args, expected) in cases {
        let (code, out, err) = run(&team, args);
        assert_eq!((code, out.as_str(), err.as_str()), (2, "", *expected), "{args:?}");
    }
    let (code, _, err) = run(&team, &["frister", "--within", "3660"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(team.snapshot(), before);
}
