//! `--lang en`: every command's output, help and errors hold no Norwegian words of rt's own.
//!
//! The demo folder's data is Norwegian (names, units, measures, case texts) and stays so;
//! every string value of its files is taken out of the output first, and what is left —
//! rt's own words, dates, numbers — must be English.

use std::collections::BTreeSet;

use crate::common::*;

const TODAY_DEMO: &str = "2026-11-23";

/// Every string value in the demo folder's files, longest first (so a long value is taken out
/// before a shorter one inside it).
fn data_strings(team: &Team) -> Vec<String> {
    fn walk_item(item: &toml_edit::Item, out: &mut BTreeSet<String>) {
        match item {
            toml_edit::Item::Value(v) => walk_value(v, out),
            toml_edit::Item::Table(t) => t.iter().for_each(|(_, i)| walk_item(i, out)),
            toml_edit::Item::ArrayOfTables(a) => {
                a.iter().for_each(|t| t.iter().for_each(|(_, i)| walk_item(i, out)))
            }
            toml_edit::Item::None => {}
        }
    }
    fn walk_value(v: &toml_edit::Value, out: &mut BTreeSet<String>) {
        match v {
            toml_edit::Value::String(s) => {
                out.insert(s.value().to_string());
                // Texts also appear line by line, and unit names also in lower case.
                out.extend(s.value().lines().map(str::to_string));
                out.insert(s.value().to_lowercase());
            }
            toml_edit::Value::Array(a) => a.iter().for_each(|v| walk_value(v, out)),
            toml_edit::Value::InlineTable(t) => t.iter().for_each(|(_, v)| walk_value(v, out)),
            _ => {}
        }
    }
    let mut set = BTreeSet::new();
    for (rel, _) in team.snapshot() {
        if rel.ends_with(".toml") {
            let doc: toml_edit::DocumentMut = team.read(&rel).parse().unwrap();
            walk_item(doc.as_item(), &mut set);
        }
    }
    // Inputs rt reads in Norwegian whatever the language: a spreadsheet's column headers, and
    // target groups as sheets write them.
    set.extend(
        [
            "Målgruppe",
            "Alder fra",
            "Alder til",
            "Nivå",
            "Slik får du tilbudet",
            "Barn 6–12 år",
            "Foreldre til barn 0–6 år",
        ]
        .map(str::to_string),
    );
    let mut strings: Vec<String> = set.into_iter().filter(|s| s.chars().count() >= 2).collect();
    strings.sort_by_key(|s| std::cmp::Reverse(s.len()));
    strings
}

/// Words only rt's Norwegian texts use (none of them is an English word).
const NORWEGIAN: [&str; 60] = [
    "feil",
    "hjelp",
    "advarsel",
    "saker",
    "saken",
    "sakene",
    "møte",
    "møtet",
    "møter",
    "mangler",
    "ukjent",
    "enhet",
    "enheten",
    "skriv",
    "kjør",
    "bruk",
    "eller",
    "ikke",
    "og",
    "fra",
    "til",
    "med",
    "av",
    "på",
    "som",
    "er",
    "har",
    "kan",
    "skal",
    "ble",
    "blir",
    "ingen",
    "alle",
    "dato",
    "uke",
    "halvår",
    "innkalling",
    "innkallingen",
    "referat",
    "referatet",
    "meldt",
    "drøftet",
    "besluttet",
    "avsluttet",
    "samtykke",
    "brukeren",
    "ja",
    "nei",
    "tirsdag",
    "desember",
    "november",
    "januar",
    "oktober",
    "mai",
    "juni",
    "fødselsdato",
    "født",
    "oppfølging",
    "Eksempler",
    "Valg",
];

/// What is left of rt's own words in an English output once the data is taken out.
fn norwegian_left(output: &str, data: &[String]) -> Vec<String> {
    let mut text = output.to_string();
    for s in data {
        text = text.replace(s.as_str(), " ");
    }
    let mut found: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric() && c != 'æ' && c != 'ø' && c != 'å')
        // A letter alone (`o for ø`) is not a word.
        .filter(|w| w.chars().count() > 1)
        .filter(|w| NORWEGIAN.contains(w) || w.contains(['æ', 'ø', 'å', 'Æ', 'Ø', 'Å']))
        .map(str::to_string)
        .collect();
    found.sort();
    found.dedup();
    found
}

fn english(team: &Team, args: &[&str]) -> (Option<i32>, String) {
    let mut all = vec!["--lang", "en", "--today", TODAY_DEMO];
    all.extend(args);
    let out = team.rt(&all).env_remove("RT_SMTP_PASSORD").output().unwrap();
    (out.status.code(), format!("{}{}", stdout(&out), stderr(&out)))
}

#[test]
fn every_command_speaks_english() {
    let team = Team::demo();
    let data = data_strings(&team);
    let out_dir = tempfile::tempdir().unwrap();
    let out = |name: &str| out_dir.path().join(name).to_string_lossy().into_owned();
    let (eml, minutes_dir, report_html) = (out("a.eml"), out("minutes"), out("report.html"));
    let new_team = out("new-team");
    let commands: Vec<Vec<&str>> = vec![
        vec!["list"],
        vec!["list", "--status", "scheduled"],
        vec!["show", "2026-09-01-nknk"],
        vec!["show", "2026-10-13-pbtn"],
        vec!["show", "nope"],
        vec!["check"],
        vec!["schedule"],
        vec!["schedule", "--half", "2027H1"],
        vec!["agenda", "--meeting", "2026-12-08"],
        vec!["agenda", "--meeting", "2027-02-02"],
        vec!["agenda", "--meeting", "2026-12-09"],
        vec!["agenda", "--meeting", "2026-12-08", "--format", "eml", "--out", &eml],
        vec!["agenda", "--meeting", "2026-12-08", "--send", "--dry-run"],
        vec!["agenda", "--meeting", "2026-12-08", "--send"],
        vec!["minutes", "2026-09-01-nknk"],
        vec!["minutes", "2026-09-01-nknk", "--format", "html"],
        vec!["minutes", "--meeting", "2026-12-08", "--out", &minutes_dir],
        vec!["report", "--half", "2026H2"],
        vec!["report", "--half", "2026H2", "--format", "html", "--out", &report_html],
        vec!["tiltak", "list"],
        vec!["tiltak", "search", "foreldre"],
        vec!["tiltak", "show", "kid-kurs"],
        vec!["tiltak", "show", "kid-kurss"],
        vec!["tiltak", "add", "--name", "X", "--unit", "helsestasjn", "--access", "open"],
        vec!["purge", "--dry-run"],
        vec!["sync"],
        vec![
            "refer",
            "--dry-run",
            "--way",
            "bti",
            "--initials",
            "A.B.",
            "--born",
            "2019-04-12",
            "--consent",
            "--leader-consulted",
            "--referrer",
            "Marit Haugen",
            "--concern",
            "Unrest.",
            "--tried",
            "Talks.",
            "--wishes",
            "Calm.",
        ],
        vec!["refer", "--way", "bti", "--referrer", "Marit Haugen"],
        vec!["refer", "--violence"],
        vec!["record", "2026-11-16-mcax", "--propose", "nope"],
        vec!["decide", "2026-11-16-mcax", "--accept", "nope"],
        vec!["close", "2026-11-16-mcax"],
        vec!["consent", "2026-11-19-kefo", "--withdraw", "--date", "2026-11-25"],
        // Issue 15: consent in time, guests, attendance, answers one at a time, guidance, R5.
        vec!["agenda", "--meeting", "2026-12-08"],
        vec!["check"],
        vec!["list"],
        vec!["show", "2026-11-19-kefo"],
        vec!["record", "2026-11-19-kefo", "--assessment", "x", "--next-step", "y", "--today", "2026-12-08"],
        vec!["consent", "2026-11-16-mcax", "--withdraw", "--then", "anonymous", "--date", "2026-11-25"],
        vec!["consent", "2026-10-13-pbtn", "--then", "close"],
        vec!["consent", "2026-09-01-nknk", "--then", "close"],
        vec!["decide", "2026-09-22-2p7h", "--accept", "veiledning-ansatte"],
        vec!["decide", "2026-10-13-pbtn", "--accept", "samtaler-helsesykepleier", "--change"],
        vec!["minutes", "2026-09-22-2p7h"],
        vec!["minutes", "2026-11-19-kefo", "--guest", "Line Dhal"],
        vec!["minutes", "2026-11-19-kefo", "--guest", "Hanne Vik"],
        vec![
            "refer",
            "--dry-run",
            "--way",
            "bti",
            "--initials",
            "A.B.",
            "--born",
            "2019-04-12",
            "--consent",
            "--leader-consulted",
            "--referrer",
            "Marit Haugen",
            "--concern",
            "Suspected abuse at home.",
            "--tried",
            "Talks.",
            "--wishes",
            "Calm.",
            "--invite-contact",
            "Line Dhal",
        ],
        vec![
            "refer",
            "--dry-run",
            "--way",
            "guidance",
            "--referrer",
            "Marit Haugen",
            "--concern",
            "Abuse?",
            "--tried",
            "-",
            "--no-violence-concern",
            "--invite-contact",
            "Line Dhal",
        ],
        vec!["list", "--today", "2026-13-01"],
        vec!["list", "--status", "nope"],
        vec!["schedule", "--half", "2027X"],
        vec!["init", &new_team, "--team", "Resource team Nordby"],
        vec!["init", &new_team],
    ];
    let mut leaks = Vec::new();
    for args in &commands {
        let (_, output) = english(&team, args);
        let left = norwegian_left(&output, &data);
        if !left.is_empty() {
            leaks.push(format!("rt {}: {left:?}\n{output}", args.join(" ")));
        }
    }
    // Files written: the draft, the minutes, the report.
    let new_files = ["rt.toml", "tiltaksbank.toml", ".gitignore"].map(|f| format!("{new_team}/{f}"));
    for file in [eml.clone(), report_html.clone()].into_iter().chain(new_files).chain(
        std::fs::read_dir(&minutes_dir).unwrap().map(|e| e.unwrap().path().to_string_lossy().into_owned()),
    ) {
        let text = std::fs::read_to_string(&file).unwrap();
        let left = norwegian_left(&text, &data);
        if !left.is_empty() {
            leaks.push(format!("{file}: {left:?}"));
        }
    }
    assert!(leaks.is_empty(), "Norwegian in English output:\n\n{}", leaks.join("\n\n"));
}

#[test]
fn every_help_speaks_english() {
    let team = Team::demo();
    let data = data_strings(&team);
    let mut paths: Vec<Vec<String>> = vec![vec![]];
    let cmd = rt::cli::command(rt::lang::Lang::En);
    for sub in cmd.get_subcommands() {
        paths.push(vec![sub.get_name().to_string()]);
        for subsub in sub.get_subcommands() {
            paths.push(vec![sub.get_name().to_string(), subsub.get_name().to_string()]);
        }
    }
    let mut leaks = Vec::new();
    for path in &paths {
        let mut args: Vec<&str> = path.iter().map(String::as_str).collect();
        args.push("--help");
        let (code, output) = english(&team, &args);
        assert_eq!(code, Some(0), "{output}");
        let left = norwegian_left(&output, &data);
        if !left.is_empty() {
            leaks.push(format!("rt {}: {left:?}", args.join(" ")));
        }
    }
    assert!(leaks.is_empty(), "Norwegian in English help:\n{}", leaks.join("\n"));
}

#[test]
fn the_check_words_would_catch_norwegian() {
    // The same outputs in Norwegian are caught, so the English test can fail.
    let team = Team::demo();
    let data = data_strings(&team);
    let out = team.rt(["--today", TODAY_DEMO, "agenda", "--meeting", "2026-12-08"]).output().unwrap();
    assert!(!norwegian_left(&stdout(&out), &data).is_empty());
    let out = team.rt(["show", "nope"]).output().unwrap();
    assert!(!norwegian_left(&stderr(&out), &data).is_empty());
}

#[test]
fn a_team_that_speaks_english_gets_english_help_too() {
    let team = Team::new();
    team.write(
        "rt.toml",
        &team
            .read("rt.toml")
            .replace("team = \"Ressursteam Testby\"", "team = \"Testby\"\nlanguage = \"en\""),
    );
    let out = team.rt(["refer", "--help"]).output().unwrap();
    assert!(stdout(&out).contains("Refer a case to the resource team"), "{}", stdout(&out));
    let out = team.rt(["list", "--status", "nope"]).output().unwrap();
    assert!(stderr(&out).contains("use referred"), "{}", stderr(&out));
    // The flag still wins.
    let out = team.rt(["--lang", "nb", "refer", "--help"]).output().unwrap();
    assert!(stdout(&out).contains("Meld en sak"), "{}", stdout(&out));
}
