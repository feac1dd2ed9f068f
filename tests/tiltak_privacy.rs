//! The tiltaksbank and national id numbers, and the one set of text rules for its fields:
//! `rt tiltak add` refuses a number in every field it writes (the tags too, also spread over
//! two tags) and says that the measure was not added; a number typed by hand into
//! `tiltaksbank.toml` is masked and warned about at the terminal (`list`, `search`, `show`)
//! and refused, naming the field, where the catalogue leaves the machine (`export`, `site`)
//! or is committed (`add`, `import`); a search never echoes one. The import follows the same
//! rules as `add`. (The import's fill-down is in `tiltak_import.rs`.)

use crate::common::national_ids::{assert_not_echoed, numbers, spellings};
use crate::common::*;

/// A team whose first measure's description holds `text`, written by hand.
fn team_with_description(text: &str) -> Team {
    let team = Team::new();
    let literal = toml_edit::Value::from(text).to_string();
    let bank = TILTAKSBANK.replacen(
        "age_max = 18\n",
        &format!("age_max = 18\ndescription = {}\n", literal.trim()),
        1,
    );
    team.write("tiltaksbank.toml", &bank);
    team
}

/// The team folder's files, but the lock file every writer creates (and leaves empty).
fn files(team: &Team) -> std::collections::BTreeMap<String, Vec<u8>> {
    let mut all = team.snapshot();
    all.remove(".rt.lock");
    all
}

fn output(team: &Team, args: &[&str]) -> (Option<i32>, String, String) {
    let out = team.rt(args).output().unwrap();
    (out.status.code(), stdout(&out), stderr(&out))
}

#[test]
fn add_refuses_a_national_id_in_every_field_it_writes() {
    let team = Team::new();
    let n = &numbers()[0];
    let spelled = spellings(n);
    let base = ["tiltak", "add", "--provider", "helsestasjon", "--access", "referral"];
    let flags =
        ["--tag", "--name", "--id", "--description", "--contact", "--target", "--referral-from", "--link"];
    for (i, flag) in flags.into_iter().enumerate() {
        // A different spelling for each flag; the link as an address that holds it.
        let (name, text) = &spelled[i * 3 % spelled.len()];
        let value = match flag {
            "--link" => format!("https://x.example/{text}"),
            "--id" => n.clone(),
            _ => format!("Ring {text}"),
        };
        let before = files(&team);
        let mut args: Vec<&str> = base.to_vec();
        if flag != "--name" {
            args.extend(["--name", "Kurs"]);
        }
        if flag == "--target" {
            args.extend(["--age-min", "0"]); // a target group not read as ages
        }
        args.extend([flag, value.as_str()]);
        let (code, o, e) = output(&team, &args);
        assert_eq!(code, Some(1), "{flag} ({name}): {o}{e}");
        assert!(
            e.contains(&format!("`{flag}` inneholder noe som ligner et fødselsnummer [{flag}]")),
            "{flag} ({name}): {e}"
        );
        assert_eq!(files(&team), before, "{flag}: nothing written");
        assert_not_echoed(flag, n, text, &(o + &e));
    }
    // Two tags that are one number when shown together ("010170, 10170").
    let before = files(&team);
    let (code, _, e) =
        output(&team, &[&base[..], &["--name", "Kurs", "--tag", &n[..6], "--tag", &n[6..]]].concat());
    assert_eq!(code, Some(1), "{e}");
    assert_eq!(
        e,
        "feil: `--tag` inneholder noe som ligner et fødselsnummer [--tag]
hjelp: fjern nummeret: rt lagrer og viser aldri fødselsnummer; en sak kjennes bare på initialer og fødselsdato
feil: tiltaket er ikke lagt til (1 feil å rette)
hjelp: rett punktene over og kjør kommandoen på nytt; tiltaksbank.toml er ikke endret
"
    );
    assert_eq!(files(&team), before);
    // Ordinary tags still go in.
    let ok = ["--name", "Kurs", "--tag", "søvn,foreldre", "--referral-from", "fastlege"];
    let (code, _, e) = output(&team, &[&base[..], &ok].concat());
    assert_eq!(code, Some(0), "{e}");
    assert!(team.read("tiltaksbank.toml").contains("tags = [\"søvn\", \"foreldre\"]"));
}

#[test]
fn a_refused_add_says_the_measure_was_not_added_in_both_languages() {
    let team = Team::new();
    let (code, _, e) = output(&team, &["tiltak", "add", "--name", "Kurs", "--provider", "helsestasjon"]);
    assert_eq!(code, Some(1));
    assert_eq!(
        e,
        "feil: mangler `access` [--access]
feil: tiltaket er ikke lagt til (1 feil å rette)
hjelp: rett punktene over og kjør kommandoen på nytt; tiltaksbank.toml er ikke endret
"
    );
    let (code, _, e) = output(
        &team,
        &[
            "--lang",
            "en",
            "tiltak",
            "add",
            "--name",
            "A\nB",
            "--provider",
            "helsestasjon",
            "--access",
            "open",
        ],
    );
    assert_eq!(code, Some(1));
    assert_eq!(
        e,
        "error: `--name` must be on one line [--name]
help: write it on one line; only the description may have several lines
error: the measure was not added (1 problem to fix)
help: fix the points above and run the command again; tiltaksbank.toml is unchanged
"
    );
}

#[test]
fn a_hand_typed_national_id_is_masked_at_the_terminal() {
    let n = &numbers()[1];
    for (name, text) in spellings(n).into_iter().step_by(7) {
        let team = team_with_description(&format!("Ring {text} for time."));
        let warning = "tiltaksbank.toml:10:15: advarsel: `measures[0].description` inneholder noe som ligner et fødselsnummer
  hjelp: fjern nummeret: tiltaksbanken kan bli en offentlig nettside og skal aldri holde personopplysninger
advarsel: tiltaksbank.toml inneholder noe som ligner et fødselsnummer; det vises som ••• her
hjelp: fjern nummeret fra filen (`rt check` viser hvor); til da nekter `rt tiltak export`, `rt tiltak site`, `rt tiltak add` og `rt tiltak import`
";
        let (code, o, e) = output(&team, &["tiltak", "show", "foreldreveiledning-icdp"]);
        assert_eq!(code, Some(0), "{name}: {e}");
        let masked = format!("Ring {} for time.", rt::rules::national_id::redact(&text));
        assert!(masked.contains("•••") && o.ends_with(&format!("\n  {masked}\n")), "{name}: {o}");
        assert_eq!(e, warning, "{name}");
        for args in [
            &["tiltak", "show", "foreldreveiledning-icdp", "--format", "json"][..],
            &["tiltak", "list"],
            &["tiltak", "list", "--format", "json"],
            &["tiltak", "search", "ring", "--format", "json"],
            &["tiltak", "search", "foreldre"],
        ] {
            let (code, o, e) = output(&team, args);
            assert_eq!(code, Some(0), "{name} {args:?}: {e}");
            let rest = e.strip_prefix(warning).unwrap_or_else(|| panic!("{name} {args:?}: {e}"));
            assert!(["", "2 tiltak\n"].contains(&rest), "{name} {args:?}: {rest}");
            assert_not_echoed(name, n, &text, &(o + &e));
        }
        let (_, o, _) = output(&team, &["tiltak", "show", "foreldreveiledning-icdp", "--format", "json"]);
        let shown: serde_json::Value = serde_json::from_str(&o).unwrap();
        assert_eq!(shown["description"], masked, "{name}");
    }
}

#[test]
fn a_hand_typed_national_id_stops_export_site_add_and_import() {
    let n = &numbers()[2];
    let team = team_with_description(&format!("Ring {} {}", &n[..6], &n[6..]));
    std::fs::write(team.path("ark.csv"), "Tiltak;Tjeneste;Tilgang\nKurs;Helsestasjonen;Ta kontakt\n")
        .unwrap();
    let csv = team.path("ark.csv").display().to_string();
    let site = team.path("nettside").display().to_string();
    let export = team.path("tiltak.csv").display().to_string();
    let finding =
        "tiltaksbank.toml:10:15: feil: `measures[0].description` inneholder noe som ligner et fødselsnummer
  hjelp: fjern nummeret: tiltaksbanken kan bli en offentlig nettside og skal aldri holde personopplysninger
feil: tiltaksbank.toml har 1 feil, så kommandoen stopper
hjelp: rett feilene over; `rt check` viser alle
";
    let before = files(&team);
    for args in [
        &["tiltak", "export"][..],
        &["tiltak", "export", "--out", &export],
        &["tiltak", "export", "--format", "hsds"],
        &["tiltak", "site", "--out", &site],
        &["tiltak", "site", "--out", &site, "--audience", "staff"],
        &["tiltak", "add", "--name", "Kurs", "--provider", "helsestasjon", "--access", "open"],
        &["tiltak", "import", &csv],
        &["tiltak", "import", &csv, "--apply"],
    ] {
        let (code, o, e) = output(&team, args);
        assert_eq!((code, o.as_str(), e.as_str()), (Some(1), "", finding), "{args:?}");
        assert_eq!(files(&team), before, "{args:?}: nothing written");
    }
    // `rt check` gives the same finding, once.
    let (code, o, _) = output(&team, &["check"]);
    assert_eq!(code, Some(1));
    assert_eq!(o.matches("inneholder noe som ligner et fødselsnummer").count(), 1, "{o}");
    assert!(o.contains("tiltaksbank.toml:10:15: feil: `measures[0].description` inneholder"), "{o}");
}

#[test]
fn a_number_in_a_comment_stops_the_commands_that_commit_the_file() {
    let n = &numbers()[0];
    let team = Team::new();
    team.write("tiltaksbank.toml", &format!("# ring {n}\n{TILTAKSBANK}"));
    let before = files(&team);
    let (code, o, e) =
        output(&team, &["tiltak", "add", "--name", "Kurs", "--provider", "helsestasjon", "--access", "open"]);
    assert_eq!(code, Some(1), "{e}");
    assert!(
        e.starts_with(
            "tiltaksbank.toml:1:8: feil: filen inneholder noe som ligner et fødselsnummer utenfor tekstene"
        ),
        "{e}"
    );
    assert_eq!(files(&team), before);
    assert_not_echoed("comment", n, n, &(o + &e));
    // Nothing of it is shown, so the terminal views are as they were.
    let (code, _, e) = output(&team, &["tiltak", "list"]);
    assert_eq!((code, e.as_str()), (Some(0), "2 tiltak\n"));
}

#[test]
fn a_search_for_a_national_id_never_echoes_it() {
    let team = Team::new();
    let n = &numbers()[3];
    for (name, text) in spellings(n).into_iter().step_by(5) {
        let (code, o, e) = output(&team, &["tiltak", "search", &text]);
        assert_eq!(code, Some(0), "{name}: {e}");
        assert!(e.starts_with("Ingen tiltak passer «•••"), "{name}: {e}");
        assert_not_echoed(name, n, &text, &(o + &e));
    }
    let (_, _, e) = output(&team, &["tiltak", "search", "kurs", &n[..6], &n[6..]]);
    assert_eq!(e, "Ingen tiltak passer «kurs •••». Prøv færre eller kortere ord.\n");
}

#[test]
fn the_import_refuses_what_add_refuses() {
    let team = Team::new();
    let n = &numbers()[0];
    let csv = team.path("ark.csv");
    std::fs::write(
        &csv,
        format!(
            "Tiltak;Tjeneste;Tilgang;Målgruppe;Stikkord\n\
             \"To\nlinjer\";Helsestasjonen;Ta kontakt;;\n\
             Kurs;Helsestasjonen;Ta kontakt;\"Barn\u{7}\";\n\
             Søvn;Helsestasjonen;Ta kontakt;;{}, {}\n\
             Ny;Tjeneste {};Ta kontakt;;\n\
             Bra;Helsestasjonen;Ta kontakt;;søvn\n",
            &n[..6],
            &n[6..],
            n
        ),
    )
    .unwrap();
    let config = team.read("rt.toml");
    let (code, o, e) =
        output(&team, &["tiltak", "import", csv.to_str().unwrap(), "--add-providers", "--apply"]);
    assert_eq!(code, Some(1), "{o}{e}");
    assert_eq!(
        e.lines().filter(|l| l.starts_with("ark.csv")).collect::<Vec<_>>(),
        [
            "ark.csv, rad 2, kolonne A (Tiltak): feil: `name` skal stå på én linje",
            "ark.csv, rad 3, kolonne D (Målgruppe): feil: `target` inneholder kontrolltegn",
            "ark.csv, rad 4, kolonne E (Stikkord): feil: `tags` inneholder noe som ligner et fødselsnummer",
            "ark.csv, rad 5, kolonne B (Tjeneste): feil: `provider` inneholder noe som ligner et fødselsnummer",
        ],
        "{e}"
    );
    assert!(e.contains("1 tiltak skrevet til tiltaksbank.toml."), "{e}");
    assert_eq!(team.read("rt.toml"), config, "no provider with a number in rt.toml");
    let bank = team.read("tiltaksbank.toml");
    assert!(
        bank.contains("id = \"bra\"") && !bank.contains("linjer") && !bank.contains("id = \"ny\""),
        "{bank}"
    );
    assert_not_echoed("import", n, n, &(o + &e));
    team.rt(["check"]).assert().success();
}

#[test]
fn a_line_break_in_a_name_typed_into_the_file_is_an_error() {
    let team = Team::new();
    team.write(
        "tiltaksbank.toml",
        &TILTAKSBANK.replacen("Foreldreveiledning (ICDP)", "Foreldre\\nveiledning", 1),
    );
    let (code, o, _) = output(&team, &["check"]);
    assert_eq!(code, Some(1));
    assert!(o.contains("tiltaksbank.toml:5:8: feil: `measures[0].name` skal stå på én linje\n"), "{o}");
    let (code, _, e) = output(&team, &["tiltak", "list"]);
    assert_eq!(code, Some(1), "{e}");
}
