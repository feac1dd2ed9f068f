//! Completions and manual pages, generated from the clap definitions.

mod common;

use common::*;

fn completions(shell: &str) -> String {
    let out = rt_bare().args(["completions", shell]).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    stdout(&out)
}

#[test]
fn completions_generate_for_every_shell_and_know_every_command() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let script = completions(shell);
        for command in ["refer", "schedule", "agenda", "tiltak", "sync", "completions"] {
            assert!(script.contains(command), "{shell} lacks {command}");
        }
    }
    let out = rt_bare().args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "an unknown shell is a usage error");
}

/// Needs bash: Unix only.
#[cfg(unix)]
#[test]
fn bash_completes_commands_and_flags() {
    let script = completions("bash");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rt.bash");
    std::fs::write(&path, script).unwrap();
    let complete = |words: &str| {
        let cword = words.split(' ').count() - 1;
        let probe = format!(
            "source '{}'; COMP_WORDS=({words}); COMP_CWORD={cword}; _rt rt \"${{COMP_WORDS[$COMP_CWORD]}}\" \"${{COMP_WORDS[$COMP_CWORD-1]}}\"; echo \"${{COMPREPLY[@]}}\"",
            path.display()
        );
        let out = std::process::Command::new("bash").args(["-c", &probe]).output().unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let got = complete("rt sch");
    assert_eq!(got.trim(), "schedule", "{got}");
    let got = complete("rt agenda --");
    assert!(got.contains("--send") && got.contains("--dry-run") && got.contains("--meeting"), "{got}");
    let got = complete("rt tiltak i");
    assert_eq!(got.trim(), "import", "{got}");
}

#[test]
fn the_manual_has_a_page_per_command_that_renders_cleanly() {
    let out = rt_bare().arg("man").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let page = stdout(&out);
    assert!(page.contains(".TH rt 1"), "{page}");
    assert!(page.contains("rt\\-refer(1)"), "the main page lists the commands:\n{page}");

    let dir = tempfile::tempdir().unwrap();
    let out = rt_bare().arg("man").arg("--out").arg(dir.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    for name in ["rt.1", "rt-refer.1", "rt-sync.1", "rt-tiltak-add.1", "rt-man.1"] {
        assert!(names.contains(&name.to_string()), "{name} missing: {names:?}");
    }
    let refer = std::fs::read_to_string(dir.path().join("rt-refer.1")).unwrap();
    assert!(refer.contains("\\-\\-initials") && refer.contains("Eksempler"), "{refer}");

    // groff renders every page without a warning (UTF-8 through preconv, as `man` does);
    // Unix only (the Windows run of the tests, under Wine, has no groff).
    #[cfg(unix)]
    groff_renders(dir.path(), &names);
}

#[cfg(unix)]
fn groff_renders(dir: &std::path::Path, names: &[String]) {
    if std::process::Command::new("groff").arg("--version").output().is_err() {
        return missing_tool("groff");
    }
    for name in names {
        let out = std::process::Command::new("groff")
            .args(["-k", "-man", "-Tutf8", "-ww", "-z"])
            .arg(dir.join(name))
            .output()
            .unwrap();
        assert!(
            out.status.success() && out.stderr.is_empty(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn the_english_manual_is_english() {
    let out = rt_bare().args(["man", "--lang", "en"]).output().unwrap();
    let page = stdout(&out);
    assert!(page.contains("Global options") || page.contains("GLOBAL OPTIONS"), "{page}");
    assert!(!page.contains("Felles valg"), "{page}");
}
