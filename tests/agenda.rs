//! `rt agenda`: the invitation for the demo folder (snapshots in both languages), that no
//! situation text ever reaches it, the `.eml` read back by an independent mail parser, and
//! the team's own templates.

use crate::common::*;
use mail_parser::MimeHeaders;

const TODAY_DEMO: &str = "2026-11-23";

fn agenda(team: &Team, args: &[&str]) -> std::process::Output {
    let mut all = vec!["agenda", "--today", TODAY_DEMO];
    all.extend(args);
    team.rt(&all).output().unwrap()
}

#[test]
fn the_demo_invitation_in_norwegian() {
    let team = Team::demo();
    let out = agenda(&team, &[]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    insta::assert_snapshot!("agenda_nb", stdout(&out));
}

#[test]
fn the_demo_invitation_in_english() {
    let team = Team::demo();
    let out = agenda(&team, &["--meeting", "2026-12-08", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    insta::assert_snapshot!("agenda_en", stdout(&out));
}

/// Every free text of every demo case, line by line.
fn situation_texts(team: &Team) -> Vec<String> {
    let mut texts = Vec::new();
    for rel in team.case_files() {
        let read = rt::store::case_file::read(&rel, &team.read(&rel));
        let case = read.case.unwrap();
        for t in
            [&case.situation.concern, &case.situation.tried, &case.situation.wishes, &case.situation.question]
        {
            texts.extend(t.lines().filter(|l| l.len() > 12).map(str::to_string));
        }
    }
    assert!(texts.len() > 10);
    texts
}

#[test]
fn no_situation_text_ever_reaches_the_invitation() {
    let team = Team::demo();
    let texts = situation_texts(&team);
    for meeting in
        ["2026-08-25", "2026-09-15", "2026-10-06", "2026-10-27", "2026-11-17", "2026-12-08", "2027-01-12"]
    {
        for lang in ["nb", "en"] {
            let out = team
                .rt(["agenda", "--today", "2026-08-01", "--meeting", meeting, "--lang", lang])
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(0), "{meeting}: {}", stderr(&out));
            let eml = team
                .rt([
                    "agenda",
                    "--today",
                    "2026-08-01",
                    "--meeting",
                    meeting,
                    "--lang",
                    lang,
                    "--format",
                    "eml",
                ])
                .output()
                .unwrap();
            let parsed = mail_parser::MessageParser::default().parse(&eml.stdout).unwrap();
            let body = parsed.body_text(0).unwrap().to_string();
            for shown in [stdout(&out), body] {
                for t in &texts {
                    assert!(!shown.contains(t.as_str()), "{meeting} {lang}: `{t}` leaked into\n{shown}");
                }
            }
        }
    }
}

#[test]
fn the_eml_is_a_draft_that_reads_back_with_an_independent_parser() {
    let team = Team::demo();
    let path = team.path("innkalling.eml");
    let out = agenda(&team, &["--meeting", "2026-12-08", "--format", "eml", "--out", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let bytes = std::fs::read(&path).unwrap();
    let raw = String::from_utf8_lossy(&bytes);
    assert!(raw.contains("X-Unsent: 1\r\n"), "{raw}");
    assert!(raw.contains("Subject: =?utf-8?"), "the subject with ø is an encoded-word: {raw}");
    let msg = mail_parser::MessageParser::default().parse(&bytes).expect("a valid message");
    assert_eq!(msg.subject(), Some("Møte i ressursteamet tirsdag 8. desember 2026 kl. 12:30"));
    let from = msg.from().unwrap().first().unwrap();
    assert_eq!(from.address(), Some("ingrid.solberg@eikvik.kommune.example"));
    assert_eq!(from.name(), Some("Ingrid Solberg"));
    let to: Vec<&str> = msg.to().unwrap().iter().filter_map(|a| a.address()).collect();
    assert_eq!(to.len(), 5, "the standing members but the sender: {to:?}");
    assert!(to.contains(&"samira.khan@eikvik.kommune.example"));
    assert!(!to.contains(&"ingrid.solberg@eikvik.kommune.example"));
    // The invited contact is a standing member already, so there is no copy.
    assert!(msg.cc().is_none());
    assert!(msg.message_id().unwrap().ends_with("@ressursteam.rt"));
    assert_eq!(msg.date().unwrap().to_rfc3339(), "2026-11-23T07:00:00Z");
    let ct = msg.content_type().unwrap();
    assert_eq!((ct.ctype(), ct.subtype()), ("text", Some("plain")));
    assert_eq!(ct.attribute("charset"), Some("utf-8"));
    let body = msg.body_text(0).unwrap();
    assert!(body.contains("Bruker: M.H., født 8. mai 2010"), "{body}");
    assert!(body.contains("Anonym drøfting"), "{body}");
}

#[test]
fn a_contact_outside_the_members_gets_a_mail_of_their_own_and_one_without_an_address_is_named() {
    let team = Team::demo();
    let case = team.read("cases/2026/2026-11-19-kefo.toml");
    team.write(
        "cases/2026/2026-11-19-kefo.toml",
        &case.replace("invite = [\"Marit Haugen\"]", "invite = [\"Line Dahl\", \"Ola Ukjent\"]"),
    );
    let dir = team.path("utkast");
    let out = agenda(&team, &["--meeting", "2026-12-08", "--format", "eml", "--out", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out)
            .contains("advarsel: Ola Ukjent, kontaktperson i sak 2026-11-19-kefo, har ingen e-postadresse"),
        "{}",
        stderr(&out)
    );
    let members = std::fs::read(dir.join("innkalling-2026-12-08.eml")).unwrap();
    let members = mail_parser::MessageParser::default().parse(&members).unwrap();
    assert!(members.cc().is_none(), "no copies: a guest gets a mail of their own");
    assert!(members.body_text(0).unwrap().contains("Inviterte kontaktpersoner: Line Dahl, Ola Ukjent"));
    let guest = std::fs::read(dir.join("innkalling-2026-12-08-gjest-1.eml")).unwrap();
    let guest = mail_parser::MessageParser::default().parse(&guest).unwrap();
    let to: Vec<&str> = guest.to().unwrap().iter().filter_map(|a| a.address()).collect();
    assert_eq!(to, ["line.dahl@eikvik.kommune.example"]);
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 2, "no mail for one without an address");
}

#[test]
fn a_meeting_without_cases_says_so_and_suggests_cancelling() {
    let team = Team::demo();
    let out = agenda(&team, &["--meeting", "2027-02-02"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("Det er ikke meldt noen saker til dette møtet"), "{}", stdout(&out));
    assert!(!stdout(&out).contains("rt schedule"), "the members get no command: {}", stdout(&out));
    assert!(stderr(&out).contains("vurder `rt schedule --cancel 2027-02-02"), "{}", stderr(&out));
}

#[test]
fn an_invitation_with_no_one_to_send_it_to_is_warned_about_and_never_sent() {
    let team = Team::new();
    let config = team.read("rt.toml");
    let start = config.find("[[members]]").unwrap();
    let end = start + config[start..].find("\n\n").unwrap() + 2;
    team.write("rt.toml", &format!("{}{}", &config[..start], &config[end..]));
    let out = team.rt(["check", "--today", TODAY]).output().unwrap();
    assert!(
        stdout(&out).contains("rt.toml:1:1: advarsel: rt.toml har ingen faste medlemmer ([[members]])"),
        "{}",
        stdout(&out)
    );

    let warning = "advarsel: innkallingen har ingen mottakere";
    let out = team.rt(["agenda", "--today", TODAY]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains(warning) && stderr(&out).contains("hjelp: legg til en [[members]]"),
        "{}",
        stderr(&out)
    );
    // Sending stops before any connection (no [mail] server is even set here).
    let out = team.rt(["agenda", "--today", TODAY, "--send"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).starts_with("feil: innkallingen har ingen mottakere"), "{}", stderr(&out));
    // With a member, neither.
    let out = Team::new().rt(["agenda", "--today", TODAY]).output().unwrap();
    assert!(!stderr(&out).contains(warning), "{}", stderr(&out));
}

#[test]
fn an_unknown_or_cancelled_meeting_is_an_error_naming_the_next_dates() {
    let team = Team::demo();
    let out = agenda(&team, &["--meeting", "2026-12-09"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("teamet har ikke møte 2026-12-09"), "{}", stderr(&out));
    assert!(stderr(&out).contains("2026-12-08, 2027-01-12, 2027-02-02"), "{}", stderr(&out));
    team.rt(["schedule", "--cancel", "2026-12-08", "--reason", "Kurs", "--today", TODAY_DEMO])
        .assert()
        .success();
    let out = agenda(&team, &["--meeting", "2026-12-08"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("møtet 2026-12-08 er avlyst (Kurs)"), "{}", stderr(&out));
}

#[test]
fn a_team_template_replaces_the_built_in_one() {
    let team = Team::demo();
    team.write(
        "templates/agenda.nb.txt",
        "Kjære team! {{ meeting.date | dato }}\n{% for c in cases %}- {{ c.initials | default(value=\"anonym\") }}\n{% endfor %}",
    );
    let out = agenda(&team, &["--meeting", "2026-12-08"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).ends_with("Kjære team! tirsdag 8. desember 2026\n- M.H.\n- R.O.\n- \n"),
        "{}",
        stdout(&out)
    );
    // English still comes from the built-in template.
    let out = agenda(&team, &["--meeting", "2026-12-08", "--lang", "en"]);
    assert!(stdout(&out).contains("Dear all,"));
}

#[test]
fn a_broken_template_names_its_file_and_line() {
    let team = Team::demo();
    team.write("templates/agenda.nb.txt", "Hei\n\n{% for c in cases %}{{ c.initials }\n{% endfor %}\n");
    let out = agenda(&team, &[]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("feil: malen templates/agenda.nb.txt:3 virker ikke:"), "{err}");
    assert!(err.contains("hjelp: rett malen"), "{err}");
    // A template that asks for something the view does not have fails too, naming it.
    team.write("templates/agenda.nb.txt", "{{ case.concern }}\n");
    let out = agenda(&team, &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("templates/agenda.nb.txt:1"), "{}", stderr(&out));
}

#[test]
fn no_line_break_ever_reaches_a_header() {
    let team = Team::demo();
    team.write("templates/agenda-subject.nb.txt", "Møte\nBcc: alle@example.org\n");
    let out = agenda(&team, &["--format", "eml"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("emnet har linjeskift"), "{}", stderr(&out));
    assert!(!stdout(&out).contains("Bcc"));
    // A name with a line break in rt.toml is stopped when the config is read.
    team.write("templates/agenda-subject.nb.txt", "Møte\n");
    let config =
        team.read("rt.toml").replace("name = \"Hanne Vik\"", "name = \"Hanne Vik\\nBcc: alle@example.org\"");
    team.write("rt.toml", &config);
    let out = agenda(&team, &["--format", "eml"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).starts_with(
            "rt.toml:65:8: feil: `members.name` skal stå på én linje, men inneholder linjeskift\n  hjelp: skriv det på én linje\n"
        ),
        "{}",
        stderr(&out)
    );
    assert_eq!(stdout(&out), "");
}

#[test]
fn a_password_is_never_sent_in_clear_text_to_another_machine() {
    let team = Team::demo();
    let config = team.read("rt.toml");
    let start = config.find("[mail]").expect("the demo has a mail server");
    let end = config[start + 1..].find("\n[").map_or(config.len(), |i| start + 1 + i);
    let mail = "[mail]\nhost = \"smtp.eikvik.kommune.example\"\nport = 25\nsecurity = \"none\"\nuser = \"ressursteam\"\npassword_env = \"RT_SMTP_PASSORD\"\n";
    team.write("rt.toml", &format!("{}{mail}{}", &config[..start], &config[end..]));
    let out = team
        .rt(["agenda", "--meeting", "2026-12-08", "--today", "2026-11-30", "--send"])
        .env("RT_SMTP_PASSORD", "hemmelig")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        "feil: passordet ville blitt sendt ukryptert til smtp.eikvik.kommune.example (security = \"none\"), så ingenting er sendt\n\
         hjelp: bruk `security = \"starttls\"` (port 587) eller `\"tls\"` (port 465) under [mail] i rt.toml\n"
    );
    assert!(stdout(&out).is_empty(), "nothing was sent: {}", stdout(&out));
}
