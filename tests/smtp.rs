//! `rt agenda --send` against a real SMTP server on 127.0.0.1: aiosmtpd (PyPI), which
//! `.ci/run` installs into `target/ci-python`. Where no Python with aiosmtpd is found, the
//! tests print why and skip — or, on CI (`RT_REQUIRE_TOOLS=1`), fail.
//!
//! Unix only: they need Python, which the Windows run of the tests (under Wine) has not.

#![cfg(unix)]

mod common;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, Stdio};

use common::*;

const TODAY_DEMO: &str = "2026-11-23";
const MEETING: &str = "2026-12-08";
const PASSWORD_VAR: &str = "RT_TEST_SMTP_PASSORD";

/// A Python that can import aiosmtpd, with the environment it needs.
fn python() -> Option<(PathBuf, Vec<(&'static str, PathBuf)>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut candidates: Vec<(PathBuf, Vec<(&'static str, PathBuf)>)> = Vec::new();
    if let Some(p) = std::env::var_os("RT_TEST_PYTHON") {
        candidates.push((p.into(), vec![]));
    }
    candidates.push((root.join("target/ci-python/bin/python"), vec![]));
    candidates.push(("python3".into(), vec![("PYTHONPATH", root.join("target/ci-pylib"))]));
    candidates.push(("python3".into(), vec![]));
    candidates.into_iter().find(|(python, env)| {
        Command::new(python)
            .args(["-c", "import aiosmtpd"])
            .envs(env.iter().map(|(k, v)| (*k, v)))
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    })
}

/// The sink, running; killed when dropped.
struct Sink {
    child: Child,
    /// The sink's lines, read on a thread of their own, so a sink that goes quiet fails the
    /// test (after a minute) instead of hanging it.
    lines: std::sync::mpsc::Receiver<String>,
    port: u16,
}

/// Reads a child's output line by line on a thread.
fn line_reader(out: ChildStdout) -> std::sync::mpsc::Receiver<String> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(out).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

impl Drop for Sink {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Sink {
    fn start(login: Option<(&str, &str)>) -> Option<Sink> {
        let Some((python, env)) = python() else {
            missing_tool("Python with aiosmtpd (or: pip install -r tests/smtp/requirements.txt)");
            return None;
        };
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/smtp/sink.py");
        let mut cmd = Command::new(python);
        cmd.arg(script).arg(port.to_string()).envs(env.iter().map(|(k, v)| (*k, v)));
        if let Some((user, password)) = login {
            cmd.args([user, password]);
        }
        let mut child = cmd.stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().unwrap();
        let lines = line_reader(child.stdout.take().unwrap());
        let first = lines.recv_timeout(std::time::Duration::from_secs(60)).expect("the sink did not start");
        assert_eq!(first.trim(), "READY", "the sink did not start");
        Some(Sink { child, lines, port })
    }

    /// The next delivered message, as the JSON line the sink printed.
    fn next(&mut self) -> serde_json::Value {
        let line =
            self.lines.recv_timeout(std::time::Duration::from_secs(60)).expect("the sink said nothing");
        serde_json::from_str(&line).unwrap_or_else(|e| panic!("{e}: {line:?}"))
    }
}

/// The demo folder, with its mail server pointed at the sink.
fn team_for(sink: &Sink, extra_member: Option<&str>) -> Team {
    let team = Team::demo();
    let mut config = team.read("rt.toml");
    let start = config.find("[mail]").unwrap();
    config.truncate(start);
    config.push_str(&format!(
        "[mail]\nhost = \"127.0.0.1\"\nport = {}\nsecurity = \"none\"\nuser = \"ingrid\"\npassword_env = \"{PASSWORD_VAR}\"\n",
        sink.port
    ));
    if let Some(email) = extra_member {
        let member = format!(
            "[[members]]\nname = \"Ola Feil\"\nemail = \"{email}\"\nunit = \"barnevern\"\n\n[[contacts]]"
        );
        config = config.replacen("[[contacts]]", &member, 1);
    }
    team.write("rt.toml", &config);
    team
}

fn send(team: &Team, password: Option<&str>, extra: &[&str]) -> std::process::Output {
    let mut cmd = team.rt(["agenda", "--send", "--today", TODAY_DEMO, "--meeting", MEETING]);
    cmd.args(extra);
    match password {
        Some(p) => cmd.env(PASSWORD_VAR, p),
        None => cmd.env_remove(PASSWORD_VAR),
    };
    cmd.output().unwrap()
}

const MEMBERS: [&str; 5] = [
    "marit.haugen@eikvik.kommune.example",
    "jonas.berg@eikvik.kommune.example",
    "samira.khan@eikvik.kommune.example",
    "eirik.moen@eikvik.kommune.example",
    "hanne.vik@eikvik.kommune.example",
];

#[test]
fn each_mail_is_delivered_to_its_own_recipients() {
    let Some(mut sink) = Sink::start(Some(("ingrid", "hemmelig"))) else { return };
    let team = team_for(&sink, None);
    // A contact person at the centre the user wants there, who is not a member: a mail of
    // their own, with only that case.
    let rel = "cases/2026/2026-11-19-kefo.toml";
    team.write(
        rel,
        &team.read(rel).replace("invite = [\"Marit Haugen\"]", "invite = [\"Marit Haugen\", \"Line Dahl\"]"),
    );
    let out = send(&team, Some("hemmelig"), &[]);
    assert_eq!(out.status.code(), Some(0), "{}{}", stdout(&out), stderr(&out));
    let report = stdout(&out);
    for address in MEMBERS {
        assert!(
            report.lines().any(|l| l.trim_start().starts_with("sendt") && l.contains(address)),
            "{address}:\n{report}"
        );
    }
    assert!(report.contains("Line Dahl <line.dahl@eikvik.kommune.example>"), "{report}");
    assert!(stderr(&out).contains("sendt til 6 mottaker(e) via 127.0.0.1"), "{}", stderr(&out));

    // The members' mail.
    let got = sink.next();
    assert_eq!(got["login"], "ingrid");
    assert_eq!(got["from"], "ingrid.solberg@eikvik.kommune.example");
    let mut to: Vec<String> =
        got["to"].as_array().unwrap().iter().map(|v| v.as_str().unwrap().to_string()).collect();
    to.sort();
    let mut want: Vec<String> = MEMBERS.iter().map(|s| s.to_string()).collect();
    want.sort();
    assert_eq!(to, want, "the leader sends; the members receive");

    // The message as delivered: parsed by an independent MIME parser.
    let data = got["data"].as_str().unwrap();
    let message = mail_parser::MessageParser::default().parse(data.as_bytes()).unwrap();
    assert!(message.subject().unwrap().contains("8. desember 2026"), "{:?}", message.subject());
    assert!(message.header("X-Unsent").is_none(), "a sent mail is not a draft");
    assert!(message.cc().is_none(), "nobody is copied in");
    assert_eq!(message.to().unwrap().iter().count(), 5);
    let body = message.body_text(0).unwrap();
    assert!(body.contains("8. desember 2026") && body.contains("Ingrid Solberg"), "{body}");
    // The same text as `rt agenda` shows, and nothing of the users' situation.
    let shown = stdout(&team.rt(["agenda", "--today", TODAY_DEMO, "--meeting", MEETING]).output().unwrap());
    let first_case_line = shown.lines().find(|l| l.contains("født")).expect("a case line");
    assert!(body.contains(first_case_line.trim()), "{first_case_line}\n{body}");
    for case in team.case_files() {
        let text = team.read(&case);
        for line in text.lines().filter(|l| l.starts_with("concern") || l.starts_with("tried")) {
            let value = line.split_once('=').unwrap().1.trim().trim_matches('"');
            assert!(!body.contains(value), "{value} leaked into the mail");
        }
    }

    // The contact's own mail: to her alone, with only the case she comes for.
    let got = sink.next();
    let to: Vec<&str> = got["to"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    assert_eq!(to, ["line.dahl@eikvik.kommune.example"]);
    let data = got["data"].as_str().unwrap();
    let message = mail_parser::MessageParser::default().parse(data.as_bytes()).unwrap();
    let body = message.body_text(0).unwrap();
    assert!(body.contains("Bruker: R.O., født 30. september 2002"), "{body}");
    assert!(!body.contains("M.H.") && !body.contains("Anonym drøfting"), "only her case: {body}");
}

#[test]
fn each_refused_recipient_is_reported_and_the_others_still_get_it() {
    let Some(mut sink) = Sink::start(Some(("ingrid", "hemmelig"))) else { return };
    let team = team_for(&sink, Some("refuse.ola@eikvik.kommune.example"));
    // The password comes from the environment only, and must be right.
    let out = send(&team, None, &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains(&format!("miljøvariabelen {PASSWORD_VAR}")), "{}", stderr(&out));
    let out = send(&team, Some("feil"), &[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("godtar ikke innloggingen"), "{}", stderr(&out));
    assert_eq!(stdout(&out), "", "nothing was sent");

    let out = send(&team, Some("hemmelig"), &[]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let report = stdout(&out);
    assert!(report.contains("avvist  Ola Feil <refuse.ola@eikvik.kommune.example>: 550"), "{report}");
    assert_eq!(report.lines().filter(|l| l.trim_start().starts_with("sendt")).count(), 5, "{report}");
    assert!(stderr(&out).contains("1 mottaker(e) ble avvist"), "{}", stderr(&out));
    let got = sink.next();
    assert_eq!(got["to"].as_array().unwrap().len(), 5);
    assert!(!got["to"].to_string().contains("refuse"));
}

#[test]
fn a_dry_run_shows_what_would_be_sent_and_sends_nothing() {
    let team = Team::demo();
    // The demo's server does not exist: a dry run never connects.
    let out = team
        .rt(["agenda", "--send", "--dry-run", "--today", TODAY_DEMO, "--meeting", MEETING])
        .env_remove(PASSWORD_VAR)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let shown = stdout(&out);
    assert!(shown.contains("via smtp.eikvik.kommune.example:587 (starttls)"), "{shown}");
    for address in MEMBERS {
        assert!(shown.contains(address), "{address}: {shown}");
    }
    assert!(stderr(&out).contains("ingenting er sendt"));
}

#[test]
fn a_server_that_cannot_be_reached_is_a_clear_error() {
    let team = Team::demo();
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let config = team.read("rt.toml");
    let config = config
        .replace("host = \"smtp.eikvik.kommune.example\"", "host = \"127.0.0.1\"")
        .replace("port = 587", &format!("port = {port}"));
    team.write("rt.toml", &config);
    let out = team
        .rt(["agenda", "--send", "--today", TODAY_DEMO, "--meeting", MEETING])
        .env("RT_SMTP_PASSORD", "x")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("innkallingen er ikke sendt: kommer ikke fram til 127.0.0.1"), "{err}");
    assert!(err.contains("sjekk `host` og `port`"), "{err}");
}
