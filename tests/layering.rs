//! The layering `src/lib.rs` states, kept true: only `store` touches the file system or runs
//! programs, only `session` reads the environment, the clock or whether a stream is a
//! terminal, and only the output sink (and the dialogue) writes to a person. Everything else gets what it needs handed to it — which is what makes commands
//! testable with `--today`, and a team folder safe from a command that forgot a rule.

use std::path::Path;

/// What counts as touching the world, and the modules that may.
const RULES: &[(&str, &[&str])] = &[
    ("std::fs", &["src/store/"]),
    ("fs::", &["src/store/"]),
    ("File::", &["src/store/"]),
    ("OpenOptions", &["src/store/"]),
    ("read_dir", &["src/store/"]),
    ("WalkDir", &["src/store/"]),
    ("walkdir", &["src/store/"]),
    ("Command::new", &["src/store/"]),
    ("std::process::Command", &["src/store/"]),
    ("std::env", &["src/session.rs", "src/main.rs"]),
    ("env::var", &["src/session.rs"]),
    ("is_terminal", &["src/session.rs"]),
    ("IsTerminal", &["src/session.rs"]),
    ("Utc::now", &["src/session.rs"]),
    ("Local::now", &["src/session.rs"]),
    ("SystemTime::now", &["src/session.rs"]),
    // Words reach a person through the output sink only (the dialogue asks on stderr).
    ("println!", &[]),
    ("eprintln!", &[]),
    ("io::stdout", &["src/output.rs", "src/session.rs"]),
    ("io::stderr", &["src/output.rs", "src/session.rs", "src/prompt.rs"]),
    ("io::stdin", &["src/session.rs", "src/prompt.rs"]),
];

/// The lines of a source file that are code outside `#[cfg(test)]` modules (tests may make
/// temporary folders) and outside comments.
fn code_lines(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut skip_depth: Option<i32> = None;
    let mut depth = 0i32;
    let mut pending_test = false;
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("#[cfg(test)]") || trimmed.starts_with("#[cfg(all(test") {
            pending_test = true;
            continue;
        }
        let opens = line.matches('{').count() as i32;
        let closes = line.matches('}').count() as i32;
        if pending_test && (trimmed.starts_with("mod ") || trimmed.starts_with("pub mod ")) {
            pending_test = false;
            if trimmed.ends_with(';') {
                continue; // a test module in a file of its own: its path says it
            }
            skip_depth = Some(depth);
        }
        depth += opens - closes;
        if let Some(d) = skip_depth {
            if depth <= d {
                skip_depth = None;
            }
            continue;
        }
        if trimmed.starts_with("//") {
            continue;
        }
        out.push((i + 1, line));
    }
    out
}

#[test]
fn only_store_touches_files_only_session_reads_the_environment_only_output_speaks() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    let mut files = 0;
    for entry in walkdir::WalkDir::new(root.join("src")) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
        // Test code (a module's `tests.rs`, the test fixtures) may make temporary folders.
        if !rel.ends_with(".rs")
            || rel.ends_with("/tests.rs")
            || rel == "src/testing.rs"
            || rel.contains("/tests/")
        {
            continue;
        }
        files += 1;
        let text = std::fs::read_to_string(entry.path()).unwrap();
        for (line_no, line) in code_lines(&text) {
            for (needle, allowed) in RULES {
                if line.contains(needle) && !allowed.iter().any(|a| rel.starts_with(a)) {
                    found.push(format!("{rel}:{line_no}: `{needle}`: {}", line.trim()));
                }
            }
        }
    }
    assert!(files > 50, "only {files} source files found");
    assert!(found.is_empty(), "outside its layer:\n{}", found.join("\n"));
}

#[test]
fn the_scanner_sees_what_it_should() {
    let text = "use std::fs;\n// std::env in a comment\n#[cfg(test)]\nmod tests {\n    fn f() { std::env::var(\"X\"); }\n}\nfn g() { std::env::args(); }\n";
    let lines: Vec<usize> = code_lines(text).into_iter().map(|(n, _)| n).collect();
    assert_eq!(lines, [1, 7]);
}
