//! `rt refer` at a real terminal: a pseudo-terminal (Python's `pty`, present on every
//! machine that builds rt) proves the dialogue starts by itself, without the test seam.

#![cfg(unix)]

use crate::common::*;

/// Runs `rt` in a pseudo-terminal, answering each prompt in turn; returns (exit code, all
/// the terminal showed).
fn in_terminal(team: &Team, args: &[&str], answers: &[&str]) -> (i32, String) {
    in_terminal_with(team, args, answers, &[])
}

/// [`in_terminal`] with environment variables set.
fn in_terminal_with(team: &Team, args: &[&str], answers: &[&str], env: &[(&str, &str)]) -> (i32, String) {
    const DRIVER: &str = r#"
import os, pty, sys, select
rt, answers = sys.argv[1], sys.argv[2].split("\x1f")
args = sys.argv[3:]
pid, fd = pty.fork()
if pid == 0:
    os.execv(rt, [rt] + args)
seen, given = b"", 0
while True:
    r, _, _ = select.select([fd], [], [], 10)
    if not r:
        # rt waits for an answer the test did not give: fail instead of hanging.
        os.kill(pid, 9)
        seen += b"\n[driver: no more answers; rt killed]"
        break
    try:
        chunk = os.read(fd, 4096)
    except OSError:
        break
    if not chunk:
        break
    seen += chunk
    # Answer when the last line is a question waiting for input.
    tail = seen.rsplit(b"\n", 1)[-1]
    if given < len(answers) and (tail.endswith(b": ") or tail.endswith(b"> ")):
        os.write(fd, answers[given].encode() + b"\n")
        given += 1
_, status = os.waitpid(pid, 0)
sys.stdout.write(seen.decode("utf-8", "replace"))
sys.exit(os.waitstatus_to_exitcode(status))
"#;
    let rt = assert_cmd::cargo::cargo_bin("rt");
    let mut cmd = std::process::Command::new("python3");
    cmd.arg("-c").arg(DRIVER).arg(&rt).arg(answers.join("\x1f"));
    cmd.arg("--dir").arg(team.root()).args(args);
    // CI and CLICOLOR* steer clap's own colour detection; the test sets the scene itself.
    for var in [
        "RT_DIR",
        "RT_TODAY",
        "RT_LANG",
        "RT_INTERACTIVE",
        "NO_COLOR",
        "TERM",
        "CI",
        "CLICOLOR",
        "CLICOLOR_FORCE",
    ] {
        cmd.env_remove(var);
    }
    cmd.env("TERM", "xterm-256color").envs(env.iter().copied());
    let out = cmd.output().expect("python3 runs");
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn at_a_terminal_r5_is_asked_first_and_stops_the_referral() {
    let team = Team::new();
    let (code, shown) = in_terminal(&team, &["refer", "--today", TODAY], &["ja"]);
    assert_eq!(code, 1, "{shown}");
    assert!(shown.contains("Gjelder saken mistanke om vold eller seksuelle overgrep? [j/n]: "), "{shown}");
    assert!(shown.contains("kontakte barnevernet eller politiet direkte"), "{shown}");
    assert!(team.case_files().is_empty());
}

#[test]
fn at_a_terminal_only_the_missing_fields_are_asked() {
    let team = Team::new();
    let args = referral_with(&["--concern", "--tried"], &[]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    // R5: no; the two missing texts, each ended by an empty line; the optional question and
    // contact persons left empty.
    let (code, shown) = in_terminal(&team, &args, &["n", "Uro i barnehagen.", "", "Samtaler.", "", "", ""]);
    assert_eq!(code, 0, "{shown}");
    assert!(shown.contains("Hva er forsøkt tidligere?"), "{shown}");
    assert!(!shown.contains("Brukerens initialer"), "given fields are not asked: {shown}");
    let text = team.read(&team.case_files()[0]);
    assert!(text.contains("tried = \"Samtaler.\""), "{text}");
}

#[test]
fn messages_are_coloured_at_a_terminal_unless_no_color_is_set() {
    let team = Team::demo();
    let (code, shown) = in_terminal(&team, &["show", "2026-09-01-nkn"], &[]);
    assert_eq!(code, 1, "{shown}");
    assert!(shown.contains("\x1b[1;31mfeil\x1b[0m: fant ingen sak"), "{shown:?}");
    assert!(shown.contains("\x1b[36mhjelp\x1b[0m: mente du"), "{shown:?}");

    // On CI (`CI` set) clap would colour even a dumb terminal; rt holds it to its own rule.
    for env in [vec![("NO_COLOR", "1")], vec![("TERM", "dumb")], vec![("TERM", "dumb"), ("CI", "true")]] {
        let (code, shown) = in_terminal_with(&team, &["show", "2026-09-01-nkn"], &[], &env);
        assert_eq!(code, 1, "{shown}");
        assert!(shown.contains("feil: fant ingen sak") && !shown.contains('\x1b'), "{env:?}: {shown:?}");
        // clap's help and usage errors follow the same rule.
        let (_, help) = in_terminal_with(&team, &["--help"], &[], &env);
        assert!(help.contains("Kommandoer") && !help.contains('\x1b'), "{env:?}: {help:?}");
    }
    let (_, help) = in_terminal(&team, &["--help"], &[]);
    assert!(help.contains('\x1b'), "clap styles help at a terminal: {help:?}");

    // rt check's findings on standard output, at a terminal.
    team.write(
        "cases/2026/2026-09-01-nknk.toml",
        &team.read("cases/2026/2026-09-01-nknk.toml").replace("way_in", "way_inn"),
    );
    let (code, shown) = in_terminal(&team, &["check", "--today", "2026-11-23"], &[]);
    assert_eq!(code, 1, "{shown}");
    assert!(shown.contains(": \x1b[1;31mfeil\x1b[0m: ukjent nøkkel"), "{shown:?}");
}

#[test]
fn piped_output_is_never_coloured() {
    let team = Team::demo();
    team.write(
        "cases/2026/2026-09-01-nknk.toml",
        &team.read("cases/2026/2026-09-01-nknk.toml").replace("way_in", "way_inn"),
    );
    for args in [vec!["show", "nope"], vec!["check"], vec!["list", "--status", "nope"], vec!["--help"]] {
        let out = team.rt(&args).output().unwrap();
        assert!(!out.stdout.contains(&0x1b) && !out.stderr.contains(&0x1b), "{args:?}");
    }
}

#[test]
fn at_a_terminal_a_text_on_the_r5_word_list_is_asked_about_with_the_phrase() {
    let team = Team::new();
    let args = referral_with(&["--concern"], &["--concern", "Han har blåmerker på armene."]);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (code, shown) = in_terminal(&team, &args, &["ja"]);
    assert_eq!(code, 1, "{shown}");
    assert!(
        shown.contains("Teksten nevner «har blåmerker på». Gjelder saken mistanke om vold eller seksuelle overgrep? [j/n]: "),
        "{shown}"
    );
    assert!(shown.contains("kontakte barnevernet eller politiet direkte"), "{shown}");
    assert!(team.case_files().is_empty());
    let (code, shown) = in_terminal(&team, &args, &["nei"]);
    assert_eq!(code, 0, "{shown}");
    assert_eq!(team.case_files().len(), 1);
}
