//! R5 is asked, not guessed: `--violence` still stops a referral outright; free text that
//! matches the R5 word list (inflections included, extendable by the team in `r5-words.txt`)
//! makes `rt refer` ask again at a terminal with the matching phrase shown, and without a
//! terminal refuse the referral unless `--no-violence-concern` says the employee has
//! considered it. (The same through a real pseudo-terminal is in `terminal.rs`.)

use crate::common::*;

fn refer_with_concern(team: &Team, concern: &str, extra: &[&str]) -> std::process::Output {
    let mut args = referral_with(&["--concern"], &["--concern", concern]);
    args.extend(extra.iter().map(|s| s.to_string()));
    team.rt(args).output().unwrap()
}

#[test]
fn without_a_terminal_a_matching_text_is_refused_unless_considered() {
    let team = Team::new();
    for (text, phrase) in [
        ("Gutten sier at far slår ham når han drikker.", "«far slår ham»"),
        ("Hun har blåmerker på armene.", "«har blåmerker på»"),
        ("Han får juling hjemme.", "«får juling hjemme»"),
        ("Mor er utsatt for partnervold.", "«for partnervold»"),
        ("Mistanke om seksuelt misbruk i familien.", "«om seksuelt misbruk i»"),
        ("Barnet forteller at mor blir slått.", "«blir slått»"),
        ("Trusler fra stefar.", "«Trusler fra»"),
        ("Barnet er utsatt for tvang.", "«for tvang»"),
    ] {
        let out = refer_with_concern(&team, text, &[]);
        assert_eq!(out.status.code(), Some(1), "{text}: {}", stderr(&out));
        let err = stderr(&out);
        assert!(err.contains(&format!("feil: teksten nevner {phrase}")), "{text}: {err}");
        assert!(err.contains("kontakt barnevernet eller politiet direkte"), "{err}");
        assert!(err.contains("--no-violence-concern"), "{err}");
        assert!(team.case_files().is_empty(), "{text}");
    }
    let out = refer_with_concern(&team, "Far slår ham.", &["--no-violence-concern"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(team.case_files().len(), 1);
}

#[test]
fn ordinary_words_are_not_caught() {
    let team = Team::new();
    for text in ["Voldsomt sliten etter skolen.", "Søvnvansker og skolefravær.", "Slår seg til ro sent."] {
        let out = refer_with_concern(&team, text, &[]);
        let err = stderr(&out);
        if text.starts_with("Slår") {
            // An inflection of «slå» is asked about, whatever it means here.
            assert_eq!(out.status.code(), Some(1), "{text}: {err}");
        } else {
            assert_eq!(out.status.code(), Some(0), "{text}: {err}");
        }
    }
}

#[test]
fn a_team_extends_the_word_list_in_its_own_file() {
    let team = Team::new();
    let out = refer_with_concern(&team, "Mor dytter ham ned trappa.", &[]);
    assert_eq!(out.status.code(), Some(0), "not in the built-in list: {}", stderr(&out));
    team.write("r5-words.txt", "# Våre egne ord\ndytt*\n");
    let out = refer_with_concern(&team, "Far dytter ham ned trappa.", &[]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("teksten nevner «Far dytter ham»"), "{}", stderr(&out));
}

#[test]
fn the_violence_flag_is_still_a_hard_stop() {
    let team = Team::new();
    let out = team.rt(referral_with(&[], &["--violence", "--no-violence-concern"])).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("(R5)"), "{}", stderr(&out));
    assert!(team.case_files().is_empty());
}

#[test]
fn in_the_dialogue_the_question_is_asked_again_with_the_phrase() {
    let team = Team::new();
    let args = referral_with(&["--concern"], &["--concern", "Far slår ham ofte."]);
    let out = team.rt(&args).env("RT_INTERACTIVE", "1").write_stdin("ja\n").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains(
            "Teksten nevner «Far slår ham». Gjelder saken mistanke om vold eller seksuelle overgrep?"
        ),
        "{err}"
    );
    assert!(err.contains("kontakte barnevernet eller politiet direkte"), "{err}");
    assert!(team.case_files().is_empty());
    let out = team.rt(&args).env("RT_INTERACTIVE", "1").write_stdin("nei\n").output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(team.case_files().len(), 1);
}
