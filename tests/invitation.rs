//! The invitation reaches the right people, and each only what they may see (R7 per person):
//! the employee who brings a case is invited to its meeting with a mail of their own that
//! lists only that case and its time; a contact the user wants there must be a person of
//! `rt.toml`; a referrer with no address is named in a warning; every draft and every sent
//! mail goes to its own recipients. And the invitation's smaller promises: a moved meeting
//! says so, an empty one holds no command, the referral deadline is given for a meeting with
//! room, and a hand-broken case file never reaches a mail.

use crate::common::*;

const TODAY_DEMO: &str = "2026-11-23";
const KEFO: &str = "cases/2026/2026-11-19-kefo.toml";

fn run(team: &Team, args: &[&str]) -> std::process::Output {
    team.rt(args).output().unwrap()
}

fn parse(bytes: &[u8]) -> mail_parser::Message<'_> {
    mail_parser::MessageParser::default().parse(bytes).expect("a valid message")
}

fn addresses<'a>(list: Option<&'a mail_parser::Address<'a>>) -> Vec<&'a str> {
    list.map(|a| a.iter().filter_map(|a| a.address()).collect()).unwrap_or_default()
}

/// The demo folder with the second case of 8 December referred by Line Dahl, a contact of
/// `rt.toml` who is not a standing member.
fn team_with_guest_referrer() -> Team {
    let team = Team::demo();
    team.write(KEFO, &team.read(KEFO).replace("name = \"Jonas Lie Berg\"", "name = \"Line Dahl\""));
    team
}

#[test]
fn a_referrer_who_is_no_member_gets_a_draft_of_their_own_with_only_their_case() {
    let team = team_with_guest_referrer();
    let dir = team.path("innkallinger");
    let out = run(
        &team,
        &[
            "agenda",
            "--meeting",
            "2026-12-08",
            "--today",
            TODAY_DEMO,
            "--format",
            "eml",
            "--out",
            dir.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["innkalling-2026-12-08-gjest-1.eml", "innkalling-2026-12-08.eml"]);

    let members = std::fs::read(dir.join("innkalling-2026-12-08.eml")).unwrap();
    let members = parse(&members);
    assert_eq!(addresses(members.to()).len(), 5, "the standing members but the sender");
    assert!(!addresses(members.to()).contains(&"line.dahl@eikvik.kommune.example"));
    assert!(members.cc().is_none());
    let body = members.body_text(0).unwrap();
    assert!(body.contains("Meldt av Line Dahl") && body.contains("Bruker: M.H., født 8. mai 2010"), "{body}");

    let guest = std::fs::read(dir.join("innkalling-2026-12-08-gjest-1.eml")).unwrap();
    let guest = parse(&guest);
    assert_eq!(addresses(guest.to()), ["line.dahl@eikvik.kommune.example"]);
    assert!(guest.cc().is_none());
    assert_eq!(
        guest.from().unwrap().first().unwrap().address(),
        Some("ingrid.solberg@eikvik.kommune.example")
    );
    assert!(guest.header("X-Unsent").is_some(), "a draft");
    assert_eq!(guest.subject(), Some("Invitasjon til ressursteamet tirsdag 8. desember 2026 kl. 13:00"));
    let body = guest.body_text(0).unwrap();
    assert!(body.starts_with("Hei Line Dahl,"), "{body}");
    assert!(body.contains("13:00–13:30"), "the case's own time: {body}");
    assert!(body.contains("Bruker: R.O., født 30. september 2002"), "{body}");
    for other in ["M.H.", "8. mai 2010", "Veiledning", "Samira Khan", "Eirik Moen"] {
        assert!(!body.contains(other), "`{other}` of another case reached the guest: {body}");
    }
    assert_ne!(guest.message_id(), members.message_id());

    // As text, both mails are shown, each with its recipients.
    let text = stdout(&run(&team, &["agenda", "--meeting", "2026-12-08", "--today", TODAY_DEMO]));
    assert!(text.contains("Til: Line Dahl\n"), "{text}");
    assert_eq!(text.matches("Emne: ").count(), 2, "{text}");
    // Several mails need a folder.
    let out = run(&team, &["agenda", "--meeting", "2026-12-08", "--today", TODAY_DEMO, "--format", "eml"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("innkallingen er 2 e-poster"), "{}", stderr(&out));
    assert!(stderr(&out).contains("--out"), "{}", stderr(&out));
    // A dry run shows each mail with its own recipients.
    let out =
        run(&team, &["agenda", "--meeting", "2026-12-08", "--today", TODAY_DEMO, "--send", "--dry-run"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let shown = stdout(&out);
    let guest_part = shown.split("Invitasjon til ressursteamet").nth(1).expect("the guest's mail");
    assert!(guest_part.contains("Line Dahl <line.dahl@eikvik.kommune.example>"), "{shown}");
    assert!(!guest_part.contains("marit.haugen@"), "{shown}");
}

#[test]
fn a_contact_invited_for_one_case_sees_only_that_case() {
    let team = Team::demo();
    team.write(KEFO, &team.read(KEFO).replace("invite = [\"Marit Haugen\"]", "invite = [\"Line Dahl\"]"));
    let dir = team.path("ut");
    let out = run(
        &team,
        &[
            "agenda",
            "--meeting",
            "2026-12-08",
            "--today",
            TODAY_DEMO,
            "--format",
            "eml",
            "--out",
            dir.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let guest = std::fs::read(dir.join("innkalling-2026-12-08-gjest-1.eml")).unwrap();
    let guest = parse(&guest);
    assert_eq!(addresses(guest.to()), ["line.dahl@eikvik.kommune.example"]);
    let body = guest.body_text(0).unwrap();
    assert!(body.contains("R.O.") && !body.contains("M.H.") && !body.contains("Veiledning"), "{body}");
    assert!(body.contains("som brukerens kontaktperson"), "{body}");
}

#[test]
fn a_referrer_without_an_address_is_named_with_how_to_add_one() {
    let team = Team::demo();
    team.write(KEFO, &team.read(KEFO).replace("name = \"Jonas Lie Berg\"", "name = \"Per Ukjent\""));
    let out = run(&team, &["agenda", "--meeting", "2026-12-08", "--today", TODAY_DEMO]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains(
            "advarsel: Per Ukjent, som melder sak 2026-11-19-kefo, har ingen e-postadresse i rt.toml og får ikke innkallingen"
        ),
        "{err}"
    );
    assert!(
        err.contains("hjelp: legg personen til under [[contacts]] i rt.toml med name, email og unit"),
        "{err}"
    );
}

#[test]
fn invite_contact_takes_only_people_of_rt_toml() {
    let team = Team::new();
    let out =
        team.rt(referral_with(&[], &["--invite-contact", "Kari Nordmann (mor til A.B.)"])).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("feil: `Kari Nordmann (mor til A.B.)` står ikke i rt.toml [--invite-contact]"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("[[contacts]]"), "{}", stderr(&out));
    let out = team.rt(referral_with(&[], &["--invite-contact", "Marit Haugn"])).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("mente du `Marit Haugen`?"), "{}", stderr(&out));
    assert!(team.case_files().is_empty());
    let out = team.rt(referral_with(&[], &["--invite-contact", "marit haugen"])).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        team.read(&team.case_files()[0]).contains("invite = [\"Marit Haugen\"]"),
        "written as in rt.toml"
    );
}

#[test]
fn a_moved_meeting_says_so_and_an_empty_one_holds_no_command() {
    let team = Team::demo();
    let out = run(&team, &["schedule", "--move", "2026-12-08", "--to", "2026-12-10", "--today", TODAY_DEMO]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mail = stdout(&run(&team, &["agenda", "--meeting", "2026-12-10", "--today", TODAY_DEMO]));
    assert!(mail.contains("Merk: møtet er flyttet fra tirsdag 8. desember 2026."), "{mail}");

    let out = run(&team, &["agenda", "--meeting", "2027-02-02", "--today", TODAY_DEMO]);
    assert_eq!(out.status.code(), Some(0));
    let mail = stdout(&out);
    assert!(mail.contains("Det er ikke meldt noen saker til dette møtet"), "{mail}");
    assert!(!mail.contains("rt schedule") && !mail.contains("--reason"), "no command in a mail: {mail}");
    assert!(
        stderr(&out).contains("vurder `rt schedule --cancel 2027-02-02"),
        "the leader is told: {}",
        stderr(&out)
    );
}

#[test]
fn the_referral_deadline_is_given_for_the_next_meeting_with_room() {
    let team = Team::new();
    // The meeting of 26 January is full: the invitation for 5 January points to 16 February.
    for (i, suffix) in ["aaaa", "aaab", "aaac"].iter().enumerate() {
        let id = format!("2027-01-05-{suffix}");
        let text = scheduled_case(&id, "2027-01-26").replace("A.B.", ["A.B.", "C.D.", "E.F."][i]);
        team.write(&format!("cases/2027/{id}.toml"), &text);
    }
    let mail = stdout(&run(&team, &["agenda", "--meeting", "2027-01-05", "--today", TODAY]));
    assert!(
        mail.contains("Neste møte med ledig plass er tirsdag 16. februar 2027. Frist for å melde saker dit: tirsdag 9. februar 2027."),
        "{mail}"
    );
    assert!(!mail.contains("26. januar"), "{mail}");
}

#[test]
fn a_hand_broken_case_never_reaches_an_invitation_or_a_referat() {
    let team = Team::demo();
    team.write(KEFO, &team.read(KEFO).replace("initials = \"R.O.\"", "initials = \"Kari Nordmann\""));
    let out = run(&team, &["agenda", "--meeting", "2026-12-08", "--today", TODAY_DEMO]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stdout(&out).contains("Kari Nordmann"), "{}", stdout(&out));
    assert!(!stdout(&out).contains("Meldt av Jonas Lie Berg"), "the case is left out: {}", stdout(&out));
    assert!(
        stderr(&out).contains("advarsel: cases/2026/2026-11-19-kefo.toml har feil og er utelatt"),
        "{}",
        stderr(&out)
    );
    let eml = run(&team, &["agenda", "--meeting", "2026-12-08", "--today", TODAY_DEMO, "--format", "eml"]);
    assert!(!String::from_utf8_lossy(&eml.stdout).contains("Kari"));
    let dir = team.path("referater");
    let out = run(
        &team,
        &["minutes", "--meeting", "2026-12-08", "--today", "2026-12-08", "--out", dir.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("cases/2026/2026-11-19-kefo.toml har feil og er utelatt"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 2, "the two valid cases");
    let out = run(&team, &["minutes", "2026-11-19-kefo", "--today", "2026-12-08"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!stdout(&out).contains("Kari"));
}
