//! The guide's commands work: every `rt` command in a ```sh block of `docs/*.md` runs on a
//! copy of the demo team folder without error, in the order the page gives them (a page is a
//! story: what one command registers, the next one uses), with `--dir` the copy and a fixed
//! `--today`. A command that needs what a copy cannot have — a mail server, a git remote, the
//! municipality's own spreadsheet — carries a comment saying so, `# (krever …)` or
//! `# (needs …)`, and is left out. `> FILE` sends the output to a file in a scratch folder,
//! which is also where relative `--out` paths land.

mod common;

use std::path::Path;

use common::{Team, rt_bare, stderr};

/// The day the guide's commands run on: after the demo's last meeting of 2026 (8 December).
const TODAY: &str = "2026-12-09";

/// A command of a page: where it starts, and its words.
#[derive(Debug)]
struct Command {
    line: usize,
    words: Vec<String>,
    /// `> FILE`.
    to_file: Option<String>,
}

/// The `rt` commands of a page's ```sh blocks (continuation lines joined), except the ones
/// marked as needing what a copy of the demo folder cannot have.
fn commands(markdown: &str) -> Vec<Command> {
    let mut out = Vec::new();
    let mut in_sh = false;
    let mut pending: Option<(usize, String)> = None;
    for (i, line) in markdown.lines().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") {
            in_sh = !in_sh && matches!(trimmed.trim_start_matches('`').trim(), "sh" | "bash" | "shell");
            continue;
        }
        if !in_sh {
            continue;
        }
        let (start, text) = match pending.take() {
            Some((start, mut text)) => {
                text.push(' ');
                text.push_str(trimmed);
                (start, text)
            }
            None => (i + 1, trimmed.to_string()),
        };
        if let Some(head) = text.strip_suffix('\\') {
            pending = Some((start, head.to_string()));
            continue;
        }
        if text.contains("# (krever ") || text.contains("# (needs ") {
            continue;
        }
        let mut words = split(&text);
        if words.first().map(String::as_str) != Some("rt") {
            continue;
        }
        words.remove(0);
        let to_file = words.iter().position(|w| w == ">").map(|at| {
            let file = words.get(at + 1).cloned().unwrap_or_default();
            words.truncate(at);
            file
        });
        out.push(Command { line: start, words, to_file });
    }
    out
}

/// A shell line's words: '…' and "…" quoting, a backslash escape, and a `#` comment.
fn split(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word: Option<String> = None;
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                let w = word.get_or_insert_with(String::new);
                w.extend(chars.by_ref().take_while(|&c| c != '\''));
            }
            '"' => {
                let w = word.get_or_insert_with(String::new);
                while let Some(c) = chars.next() {
                    match c {
                        '"' => break,
                        '\\' => w.extend(chars.next()),
                        c => w.push(c),
                    }
                }
            }
            '\\' => word.get_or_insert_with(String::new).extend(chars.next()),
            '#' if word.is_none() => break,
            c if c.is_whitespace() => words.extend(word.take()),
            c => word.get_or_insert_with(String::new).push(c),
        }
    }
    words.extend(word);
    words
}

#[test]
fn shell_words_are_split_as_a_shell_would() {
    assert_eq!(
        split(r#"rt refer --referrer "Marit Haugen" --concern 'Uro i barnehagen' x\ y  # a note"#),
        ["rt", "refer", "--referrer", "Marit Haugen", "--concern", "Uro i barnehagen", "x y"]
    );
    let page = "```sh\nrt list   # the cases\nrt show \\\n  2026-09-01-nknk\nls\nrt agenda --send  # (krever e-posttjener)\n```\n\n```text\nrt not-run\n```\n";
    let found = commands(page);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!((found[0].line, found[0].words.as_slice()), (2, &["list".to_string()][..]));
    assert_eq!(found[1].words, ["show", "2026-09-01-nknk"]);
}

#[test]
fn every_rt_command_in_the_docs_runs_on_a_copy_of_the_demo_folder() {
    let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs");
    let mut pages: Vec<_> = std::fs::read_dir(&docs)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    pages.sort();
    let mut ran = 0;
    for page in &pages {
        let name = page.file_name().unwrap().to_string_lossy().into_owned();
        let team = Team::demo();
        let scratch = tempfile::tempdir().unwrap();
        for command in commands(&std::fs::read_to_string(page).unwrap()) {
            let out = rt_bare()
                .current_dir(scratch.path())
                .arg("--dir")
                .arg(team.root())
                .args(["--today", TODAY])
                .args(&command.words)
                .output()
                .unwrap();
            assert_eq!(
                out.status.code(),
                Some(0),
                "docs/{name}:{}: rt {}\n{}",
                command.line,
                command.words.join(" "),
                stderr(&out)
            );
            if let Some(file) = &command.to_file {
                std::fs::write(scratch.path().join(file), &out.stdout).unwrap();
            }
            ran += 1;
        }
    }
    // The guide and the routine hold the leader's whole year; far more than a handful.
    assert!(ran >= 25, "only {ran} commands found in docs/");
}
