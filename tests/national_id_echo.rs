//! `rt` refuses or reports a national id number in every spelling of the table
//! (tests/common/national_ids.rs) and never echoes it, nor the rest of a value that holds
//! one: `rt refer`, `rt check` on hand-edited files (texts, keys, numbers, comments, unknown
//! values), and usage errors.

mod common;

use common::national_ids::{assert_not_echoed, numbers, spellings};
use common::*;

#[test]
fn rt_refer_refuses_every_spelling_without_echoing_it() {
    let team = Team::new();
    let numbers = numbers();
    for i in 0..spellings(&numbers[0]).len() {
        // Each number in turn, so that every kind meets many spellings.
        let n = &numbers[i % numbers.len()];
        let (name, text) = spellings(n).swap_remove(i);
        let concern = format!("Bekymring for gutten. {text} Bor hos mor.");
        let before = team.snapshot();
        let out = team.rt(referral_with(&["--concern"], &["--concern", &concern])).output().unwrap();
        let (o, e) = (stdout(&out), stderr(&out));
        assert_eq!(out.status.code(), Some(1), "{name}: {o}{e}");
        assert!(e.contains("inneholder noe som ligner et fødselsnummer [--concern]"), "{name}: {e}");
        assert_eq!(team.snapshot(), before, "{name}: a refused referral writes nothing");
        assert_not_echoed(name, n, &text, &(o + &e));
    }
}

/// A case file (valid apart from what a test puts in it) for an id.
fn case(id: &str, concern: &str) -> String {
    format!(
        r#"schema = 1
id = "{id}"
way_in = "bti"
status = "referred"
referred = 2027-01-05
bti_level = 1
leader_consulted = 2027-01-05

[referrer]
name = "Marit Haugen"
unit = "helsestasjon"

[user]
initials = "A.B."
born = 2019-04-12

[consent]
given_by = "guardian"
date = 2027-01-05
units = ["barnevern"]

[situation]
concern = {concern}
tried = "Samtaler."
wishes = "Ro hjemme."
"#
    )
}

#[test]
fn rt_check_reports_every_spelling_in_a_hand_edited_file_without_echoing_it() {
    let team = Team::new();
    let numbers = numbers();
    let all = spellings(&numbers[0]).len();
    let mut written = Vec::new();
    for i in 0..all {
        let n = &numbers[i % numbers.len()];
        let (name, text) = spellings(n).swap_remove(i);
        let id = format!(
            "2027-01-05-nx{}{}",
            char::from(b'a' + (i / 26) as u8),
            char::from(b'a' + (i % 26) as u8)
        );
        // A TOML string of the text, escapes where it needs them.
        let literal = toml_edit::Value::from(format!("Uro. {text}")).to_string();
        team.write(&format!("cases/2027/{id}.toml"), &case(&id, literal.trim()));
        written.push((id, name, n.clone(), text));
    }
    let out = team.rt(["check", "--today", TODAY]).output().unwrap();
    let (o, e) = (stdout(&out), stderr(&out));
    assert_eq!(out.status.code(), Some(1), "{o}{e}");
    for (id, name, n, text) in &written {
        let expected = format!(
            "cases/2027/{id}.toml:23:11: feil: brukerens/familiens situasjon (bekymringen) inneholder noe som ligner et fødselsnummer"
        );
        assert!(o.lines().any(|l| l == expected), "{name}: no line {expected:?} in\n{o}");
        assert_not_echoed(name, n, text, &format!("{o}{e}"));
    }
    assert_eq!(o.matches("ligner et fødselsnummer").count(), written.len(), "{o}");
}

#[test]
fn rt_check_reports_numbers_in_keys_numbers_and_comments_and_hides_unknown_values() {
    let team = Team::new();
    let n = &numbers()[1]; // a D-number
    let (date, p) = (&n[..6], &n[6..]);
    let plain = case("2027-01-05-aaaa", "\"Uro.\"");
    let files = [
        ("aaaa", plain.replace("unit = \"helsestasjon\"", &format!("unit = \"Kari Nordmann {date} {p}\""))),
        ("bbbb", plain.replace("tried = ", &format!("\"Kari {n}\" = 1\ntried = "))),
        (
            "cccc",
            format!(
                "{plain}\n[extra]\n\"fnr {date}-{p}\" = \"x\"\ntall = {n}\nliste = [{}, {}]\ndotted.{date}.{p} = 1\n",
                &n[..4],
                &n[4..]
            ),
        ),
        ("dddd", format!("{plain}# Kari {n}\n")),
        ("eeee", plain.replace("way_in = \"bti\"", &format!("way_in = \"bti Kari {n}\""))),
    ];
    let mut written = String::new();
    for (suffix, text) in &files {
        let id = format!("2027-01-05-{suffix}");
        let text = text.replace("2027-01-05-aaaa", &id);
        team.write(&format!("cases/2027/{id}.toml"), &text);
        written.push_str(&text);
    }
    let out = team.rt(["check", "--today", TODAY]).output().unwrap();
    let (o, e) = (stdout(&out), stderr(&out));
    assert_eq!(out.status.code(), Some(1), "{o}{e}");
    let found: Vec<&str> = o.lines().filter(|l| !l.starts_with("  ")).collect();
    let file = |suffix: &str| format!("cases/2027/2027-01-05-{suffix}.toml");
    assert_eq!(
        found,
        [
            format!(
                "{}:11:8: feil: enheten til den som melder inneholder noe som ligner et fødselsnummer",
                file("aaaa")
            ),
            format!("{}:11:8: feil: ukjent enhet (vises ikke: ligner et fødselsnummer)", file("aaaa")),
            format!(
                "{}:24:1: feil: en nøkkel i `situation` inneholder noe som ligner et fødselsnummer",
                file("bbbb")
            ),
            format!("{}:24:1: feil: ukjent nøkkel (vises ikke: ligner et fødselsnummer)", file("bbbb")),
            format!(
                "{}:28:1: feil: en nøkkel i `extra` inneholder noe som ligner et fødselsnummer",
                file("cccc")
            ),
            format!("{}:29:8: feil: `extra.tall` inneholder noe som ligner et fødselsnummer", file("cccc")),
            format!("{}:30:9: feil: `extra.liste` inneholder noe som ligner et fødselsnummer", file("cccc")),
            format!(
                "{}:31:15: feil: en nøkkel i `extra.dotted` inneholder noe som ligner et fødselsnummer",
                file("cccc")
            ),
            format!(
                "{}:26:8: feil: filen inneholder noe som ligner et fødselsnummer utenfor tekstene (i en kommentar eller fordelt på flere verdier)",
                file("dddd")
            ),
            format!(
                "{}:3:10: feil: `way_in` kan ikke være (vises ikke: ligner et fødselsnummer) (gyldig: bti, user-case, guidance)",
                file("eeee")
            ),
            format!("{}:3:10: feil: vei inn (R1) inneholder noe som ligner et fødselsnummer", file("eeee")),
        ]
    );
    assert_not_echoed("check", n, &written, &format!("{o}{e}"));
    assert!(!o.contains("Kari") && !e.contains("Kari"), "the rest of the value is shown:\n{o}{e}");
}

#[test]
fn rt_refer_and_usage_errors_hide_a_value_that_holds_a_number() {
    let team = Team::new();
    let n = &numbers()[2]; // an H-number
    let value = format!("Kari {} {}", &n[..6], &n[6..]);
    let before = team.snapshot();
    let mut in_english = referral_with(&[], &["--unit", &value]);
    in_english.insert(0, "--lang=en".into());
    let runs: [(Vec<String>, i32, &str); 5] = [
        (
            referral_with(&[], &["--unit", &value]),
            1,
            "feil: ukjent enhet (vises ikke: ligner et fødselsnummer) [--unit]",
        ),
        (
            referral_with(&["--way"], &["--way", &value]),
            2,
            "feil: ugyldig `--way <VEI>`: `(vises ikke: ligner et fødselsnummer)`: bruk bti, user-case eller guidance",
        ),
        (referral_with(&[], &[&value]), 2, "feil: uventet argument `(vises ikke: ligner et fødselsnummer)`"),
        (vec![value.clone()], 2, "feil: ukjent kommando `(vises ikke: ligner et fødselsnummer)`"),
        (in_english, 1, "error: unknown unit (not shown: looks like a national id number) [--unit]"),
    ];
    for (args, code, first_line) in runs {
        let out = team.rt(&args).output().unwrap();
        let (o, e) = (stdout(&out), stderr(&out));
        assert_eq!(out.status.code(), Some(code), "{args:?}: {o}{e}");
        assert_eq!(e.lines().next(), Some(first_line), "{args:?}: {e}");
        assert_not_echoed("refer", n, &value, &format!("{o}{e}"));
        assert!(!o.contains("Kari") && !e.contains("Kari"), "the rest of the value is shown:\n{o}{e}");
    }
    assert_eq!(team.snapshot(), before, "nothing written");
}

#[test]
fn a_number_typed_into_a_case_file_by_hand_is_never_rewritten_or_committed() {
    let team = Team::new();
    let numbers = numbers();
    let id = "2027-01-05-nxhd";
    let rel = format!("cases/2027/{id}.toml");
    for (i, n) in numbers.iter().enumerate() {
        // In a text, or in a comment the decoder never sees: the writer keeps comments.
        let (name, text) = spellings(n).swap_remove(i * 3 % spellings(n).len());
        let literal = toml_edit::Value::from(format!("Uro. {text}")).to_string();
        let in_text = case(id, literal.trim());
        let in_comment =
            case(id, "\"Uro.\"").replace("[situation]\n", &format!("[situation]\n# ring {text}\n"));
        for (place, file) in [("text", in_text), ("comment", in_comment)] {
            team.write(&rel, &file);
            let mut before = team.snapshot();
            before.remove(".rt.lock");
            let out = team.rt(["close", id, "--reason", "Flyttet", "--today", TODAY]).output().unwrap();
            let (o, e) = (stdout(&out), stderr(&out));
            assert_eq!(out.status.code(), Some(1), "{name} in a {place}: {o}{e}");
            assert!(
                e.contains(&format!("{rel} har 1 feil, så kommandoen stopper")),
                "{name} in a {place}: {e}"
            );
            assert!(e.contains("ligner et fødselsnummer"), "{name} in a {place}: {e}");
            let mut after = team.snapshot();
            after.remove(".rt.lock"); // the team lock, taken and released
            assert_eq!(after, before, "{name} in a {place}: nothing written");
            assert_not_echoed(name, n, &text, &format!("{o}{e}"));
        }
    }
}
