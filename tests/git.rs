//! The team folder in git: automatic commits of exactly what a command wrote, and `rt sync`
//! between two clones of a shared (bare) repository. Uses the machine's own `git`, with a
//! private global config so the developer's settings never leak in.
//!
//! Unix only: they need git, which the Windows run of the tests (under Wine) has not.

#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::process::Output;

use crate::common::*;

/// A temporary world: a bare "server" repository and clones, all under one folder.
struct World {
    dir: tempfile::TempDir,
}

impl World {
    fn new() -> World {
        let world = World { dir: tempfile::tempdir().unwrap() };
        std::fs::write(
            world.config(),
            "[user]\n\tname = Test Bruker\n\temail = test@testby.example\n[init]\n\tdefaultBranch = main\n[advice]\n\tdetachedHead = false\n",
        )
        .unwrap();
        world.git(world.dir.path(), &["init", "--bare", "--quiet", "server.git"]);
        world
    }

    fn config(&self) -> PathBuf {
        self.dir.path().join("gitconfig")
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn envs(&self) -> Vec<(&'static str, std::ffi::OsString)> {
        vec![
            ("GIT_CONFIG_GLOBAL", self.config().into_os_string()),
            ("GIT_CONFIG_NOSYSTEM", "1".into()),
            ("GIT_TERMINAL_PROMPT", "0".into()),
        ]
    }

    /// Runs git and insists it works; gives its standard output.
    fn git(&self, dir: &Path, args: &[&str]) -> String {
        let out = std::process::Command::new("git")
            .arg("-C")
            .arg(dir)
            .args(args)
            .envs(self.envs())
            .output()
            .unwrap();
        assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    }

    /// `rt --dir DIR ARGS` in this world.
    fn rt(&self, dir: &Path, args: &[&str]) -> Output {
        let mut cmd = rt_bare();
        cmd.arg("--dir").arg(dir).args(args).envs(self.envs());
        cmd.output().unwrap()
    }

    /// A clone of the server.
    fn clone(&self, name: &str) -> PathBuf {
        self.git(self.dir.path(), &["clone", "--quiet", "server.git", name]);
        self.path(name)
    }
}

/// `rt init` in the first clone: the team folder's first commit, made by rt, sent upstream.
fn first_clone(world: &World) -> PathBuf {
    let a = world.clone("a");
    let out = world.rt(
        Path::new("."),
        &["init", a.to_str().unwrap(), "--leader", "Ingrid Leder", "--email", "ingrid@testby.example"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("git: rt init"), "{}", stderr(&out));
    world.git(&a, &["push", "--quiet", "-u", "origin", "main"]);
    a
}

fn refer(world: &World, dir: &Path, initials: &str, born: &str, concern: &str) -> String {
    let args = referral_with(
        &["--initials", "--born", "--concern", "--referrer", "--copy-to"],
        &[
            "--initials",
            initials,
            "--born",
            born,
            "--concern",
            concern,
            "--referrer",
            "Kari Lie",
            "--unit",
            "helsestasjon",
        ],
    );
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = world.rt(dir, &args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    stdout(&out).trim().to_string()
}

#[test]
fn two_clones_refer_apart_and_sync_joins_every_case_in_a_clean_history() {
    let world = World::new();
    let a = first_clone(&world);
    let b = world.clone("b");

    let a1 = refer(&world, &a, "A.A.", "2019-01-01", "Uro i barnehagen.");
    let a2 = refer(&world, &a, "B.B.", "2018-02-02", "Mye fravær fra skolen.");
    let b1 = refer(&world, &b, "C.C.", "2017-03-03", "Søvnvansker i familien.");

    let out = world.rt(&a, &["sync"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("Hentet 0 endringer og sendte 2 endringer"), "{}", stderr(&out));
    let out = world.rt(&b, &["sync"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("Hentet 2 endringer og sendte 1 endring"), "{}", stderr(&out));
    // The two case files came through git, which keeps no modes; sync made them private.
    assert!(stderr(&out).contains("kan igjen bare leses av deg"), "{}", stderr(&out));
    let out = world.rt(&a, &["sync"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = world.rt(&a, &["sync"]);
    assert!(stderr(&out).contains("Alt er i takt med origin/main"), "{}", stderr(&out));

    for clone in [&a, &b] {
        // Every case on both sides, valid together.
        let list = stdout(&world.rt(clone, &["list", "--format", "json"]));
        for id in [&a1, &a2, &b1] {
            assert!(list.contains(id.as_str()), "{id} missing in {}: {list}", clone.display());
        }
        let check = world.rt(clone, &["check", "--today", TODAY]);
        assert_eq!(check.status.code(), Some(0), "{}{}", stdout(&check), stderr(&check));
        // Nothing left uncommitted, and the same linear history of rt commits only.
        assert_eq!(world.git(clone, &["status", "--porcelain"]), "");
        let log = world.git(clone, &["log", "--format=%s|%b|%an"]);
        let subjects: Vec<&str> = log.lines().collect();
        assert_eq!(subjects.len(), 4, "{log}");
        assert!(subjects.iter().all(|s| s.starts_with("rt ")), "{log}");
        assert_eq!(world.git(clone, &["rev-list", "--merges", "--count", "HEAD"]).trim(), "0");
        // No personal data in any message: no initials, birth dates, names or texts.
        for personal in ["A.A.", "B.B.", "C.C.", "2019-01-01", "2018-02-02", "Kari", "Uro", "fravær", "Søvn"]
        {
            assert!(!log.contains(personal), "{personal} in the history:\n{log}");
        }
        assert!(log.contains(&format!("rt refer: {b1}")), "{log}");
    }
    assert_eq!(world.git(&a, &["rev-parse", "HEAD"]), world.git(&b, &["rev-parse", "HEAD"]));
}

#[test]
fn a_commit_takes_exactly_the_files_the_command_wrote() {
    let world = World::new();
    let a = first_clone(&world);
    // Something of the user's own, staged, and a hand edit not staged: neither is rt's.
    std::fs::write(a.join("notater.txt"), "mine\n").unwrap();
    world.git(&a, &["add", "notater.txt"]);
    let config = std::fs::read_to_string(a.join("rt.toml")).unwrap();
    std::fs::write(a.join("rt.toml"), config.replace("place = ", "# endret for hånd\nplace = ")).unwrap();

    let id = refer(&world, &a, "A.A.", "2019-01-01", "Uro i barnehagen.");
    let files = world.git(&a, &["show", "--name-only", "--format=", "HEAD"]);
    assert_eq!(files.trim(), format!("cases/2027/{id}.toml"));
    let status = world.git(&a, &["status", "--porcelain"]);
    assert!(status.contains("A  notater.txt"), "{status}");
    assert!(status.contains(" M rt.toml"), "{status}");

    // A command that writes nothing commits nothing.
    let before = world.git(&a, &["rev-parse", "HEAD"]);
    assert_eq!(world.rt(&a, &["list"]).status.code(), Some(0));
    assert_eq!(world.git(&a, &["rev-parse", "HEAD"]), before);
}

#[test]
fn a_conflict_stops_sync_with_the_files_and_what_to_do() {
    let world = World::new();
    let a = first_clone(&world);
    let id = refer(&world, &a, "A.A.", "2019-01-01", "Uro i barnehagen.");
    assert_eq!(world.rt(&a, &["sync"]).status.code(), Some(0));
    let b = world.clone("b");

    // Both close the same case, for different reasons.
    let out = world.rt(&a, &["close", &id, "--today", TODAY, "--reason", "Familien har flyttet"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = world.rt(&b, &["close", &id, "--today", "2027-01-06", "--reason", "Trukket av den som meldte"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(world.rt(&a, &["sync"]).status.code(), Some(0));

    let out = world.rt(&b, &["sync"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains(&format!("cases/2027/{id}.toml")), "{err}");
    assert!(err.contains("git rebase --continue") && err.contains("git rebase --abort"), "{err}");
    assert!(err.contains("ingenting er tapt"), "{err}");

    // Until it is resolved, sync says so rather than making things worse.
    let out = world.rt(&b, &["sync"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("stoppet midt i en konflikt"), "{}", stderr(&out));
    world.git(&b, &["rebase", "--abort"]);
    assert!(world.rt(&b, &["show", &id]).status.success());
}

#[test]
fn while_a_sync_conflict_is_unresolved_no_command_writes() {
    let world = World::new();
    let a = first_clone(&world);
    let id = refer(&world, &a, "A.A.", "2019-01-01", "Uro i barnehagen.");
    assert_eq!(world.rt(&a, &["sync"]).status.code(), Some(0));
    let b = world.clone("b");
    let out = world.rt(&a, &["close", &id, "--today", TODAY, "--reason", "Familien har flyttet"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(world.rt(&a, &["sync"]).status.code(), Some(0));
    let out = world.rt(&b, &["close", &id, "--today", "2027-01-06", "--reason", "Trukket av den som meldte"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(world.rt(&b, &["sync"]).status.code(), Some(1));

    // A referral now would land on the rebase's detached HEAD, and `git rebase --abort`
    // would take it away: it is refused, and nothing is written.
    let cases_before = std::fs::read_dir(b.join("cases/2027")).unwrap().count();
    let out = world.rt(
        &b,
        &[
            "refer",
            "--today",
            TODAY,
            "--way",
            "guidance",
            "--referrer",
            "Marit Haugen",
            "--unit",
            "helsestasjon",
            "--concern",
            "Hvordan snakke med foreldre.",
            "--tried",
            "Samtaler.",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("feil: en git rebase er ikke fullført i team-mappen"), "{}", stderr(&out));
    assert!(stderr(&out).contains("`git rebase --abort`"), "{}", stderr(&out));
    assert_eq!(std::fs::read_dir(b.join("cases/2027")).unwrap().count(), cases_before);
}

#[test]
fn sync_fails_when_putting_back_uncommitted_changes_clashes() {
    let world = World::new();
    let a = first_clone(&world);
    let id = refer(&world, &a, "A.A.", "2019-01-01", "Uro i barnehagen.");
    assert_eq!(world.rt(&a, &["sync"]).status.code(), Some(0));
    let b = world.clone("b");
    let rel = format!("cases/2027/{id}.toml");
    // A commits a change of the concern; B edits the same line by hand and does not commit.
    let text = std::fs::read_to_string(a.join(&rel)).unwrap();
    std::fs::write(a.join(&rel), text.replace("Uro i barnehagen.", "Uro i barnehagen og hjemme.")).unwrap();
    world.git(&a, &["commit", "--quiet", "-am", "rt: hand edit"]);
    world.git(&a, &["push", "--quiet"]);
    let text = std::fs::read_to_string(b.join(&rel)).unwrap();
    std::fs::write(b.join(&rel), text.replace("Uro i barnehagen.", "Uro i barnehagen, og sover dårlig."))
        .unwrap();
    // B has a commit of its own to rebase, so git must put the edit back on top.
    let out = world.rt(
        &b,
        &[
            "refer",
            "--today",
            TODAY,
            "--way",
            "guidance",
            "--referrer",
            "Marit Haugen",
            "--unit",
            "helsestasjon",
            "--concern",
            "Hvordan snakke med foreldre.",
            "--tried",
            "Samtaler.",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));

    let out = world.rt(&b, &["sync"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("dine endringer som ikke var committet, kolliderer med dem i:"), "{err}");
    assert!(err.contains(&rel), "{err}");
    assert!(err.contains("git stash list"), "{err}");
}

#[test]
fn without_git_or_outside_a_repository_nothing_breaks() {
    // Not a repository: commands work, and sync explains.
    let team = Team::new();
    std::fs::write(team.path("rt.toml"), team.read("rt.toml") + "\n[git]\nauto_commit = true\n").unwrap();
    let out = team.rt(valid_referral()).output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stderr(&out).contains("git"), "{}", stderr(&out));
    let out = team.rt(["sync"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("ikke et git-depot") && stderr(&out).contains("git clone"),
        "{}",
        stderr(&out)
    );

    // A repository, but no git to run: the case is still written, with a warning.
    let world = World::new();
    let a = first_clone(&world);
    let empty = tempfile::tempdir().unwrap();
    let mut cmd = rt_bare();
    cmd.arg("--dir")
        .arg(&a)
        .args(referral_with(&["--referrer"], &["--referrer", "Kari Lie", "--unit", "helsestasjon"]));
    cmd.env("PATH", empty.path());
    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("ikke committet"), "{}", stderr(&out));
    assert_eq!(world.git(&a, &["status", "--porcelain", "--untracked-files=all"]).lines().count(), 1);
    let mut cmd = rt_bare();
    cmd.arg("--dir").arg(&a).arg("sync").env("PATH", empty.path());
    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("git kan ikke kjøres her"), "{}", stderr(&out));
}

#[test]
fn sync_without_an_upstream_says_how_to_set_one() {
    let world = World::new();
    let a = world.path("solo");
    world.git(world.dir.path(), &["init", "--quiet", "solo"]);
    let out = world.rt(Path::new("."), &["init", a.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = world.rt(&a, &["sync"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("git remote add origin"), "{}", stderr(&out));
    world.git(&a, &["remote", "add", "origin", world.path("server.git").to_str().unwrap()]);
    let out = world.rt(&a, &["sync"]);
    assert!(stderr(&out).contains("git push -u origin main"), "{}", stderr(&out));
}

#[test]
fn a_team_that_keeps_cases_out_of_git_commits_the_rest() {
    let world = World::new();
    let a = first_clone(&world);
    std::fs::write(a.join(".gitignore"), std::fs::read_to_string(a.join(".gitignore")).unwrap() + "cases/\n")
        .unwrap();
    world.git(&a, &["commit", "--quiet", "-am", "rt: cases stay out of git"]);
    let out = world.rt(&a, &["schedule", "--publish", "--half", "2027H1", "--today", TODAY]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let before = world.git(&a, &["rev-parse", "HEAD"]);

    // A case: written, not committed, and no warning about it.
    let id = refer(&world, &a, "A.A.", "2019-01-01", "Uro i barnehagen.");
    assert_eq!(world.git(&a, &["rev-parse", "HEAD"]), before);

    // Cancelling its meeting writes the meetings (shared) and moves the case (not shared):
    // only the meetings are committed, without a word about the case.
    let shown = stdout(&world.rt(&a, &["show", &id, "--format", "json"]));
    let case: serde_json::Value = serde_json::from_str(&shown).unwrap();
    let meeting = case["meeting"].as_str().expect("placed in a meeting").to_string();
    let out = world.rt(&a, &["schedule", "--cancel", &meeting, "--reason", "Kurs", "--today", TODAY]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(!stderr(&out).contains("ikke committet"), "{}", stderr(&out));
    assert_eq!(world.git(&a, &["log", "-1", "--format=%s"]).trim(), "rt schedule: 2027H1");
    let files = world.git(&a, &["show", "--name-only", "--format=", "HEAD"]);
    assert_eq!(files.trim(), "meetings/2027H1.toml");
}

/// A command stopped between its write and its commit (here: the commit undone), or a hand
/// edit, leaves a file git does not hold as it is: `rt check` says so, file by file, and
/// about their folder when there are many; once committed, nothing.
#[test]
fn check_names_the_files_git_does_not_hold_as_they_are() {
    let world = World::new();
    let a = first_clone(&world);
    let id = refer(&world, &a, "A.A.", "2019-01-01", "Uro i barnehagen.");
    let check = |dir: &Path| {
        let out = world.rt(dir, &["check", "--today", TODAY]);
        (out.status.code(), stdout(&out), stderr(&out))
    };
    assert_eq!(check(&a).1, "");
    // The referral's commit undone: the case file is there, git does not have it.
    world.git(&a, &["reset", "--quiet", "HEAD~1"]);
    let config = std::fs::read_to_string(a.join("rt.toml")).unwrap();
    std::fs::write(a.join("rt.toml"), config.replace("place = ", "# endret for hånd\nplace = ")).unwrap();
    std::fs::write(a.join("notater.txt"), "mine\n").unwrap(); // not the team's: not told
    let hint = "  hjelp: en kommando ble stoppet før den fikk committet, eller noen har endret filen for \
                hånd: se `git status` og `git diff`, og commit når det er riktig (`git add -A && git \
                commit`); kjør ikke kommandoen på nytt\n";
    let (code, out, err) = check(&a);
    assert_eq!(code, Some(0), "warnings only: {out}{err}");
    assert_eq!(
        out,
        format!(
            "cases/2027/{id}.toml: advarsel: filen er ny, endret eller slettet, men ikke committet i git\n{hint}\
             rt.toml: advarsel: filen er ny, endret eller slettet, men ikke committet i git\n{hint}"
        )
    );
    assert_eq!(err, "0 feil og 2 advarsler i 3 filer.\n");
    // Three or more are told once, about their nearest common folder (here the team folder).
    for n in 1..=2 {
        std::fs::copy(a.join(format!("cases/2027/{id}.toml")), a.join(format!("cases/2027/kopi-{n}.txt")))
            .unwrap();
    }
    let (_, out, _) = check(&a);
    assert!(
        out.starts_with(&format!(
            ".: advarsel: 4 av teamets filer er nye, endret eller slettet, men ikke committet i git\n{hint}"
        )),
        "{out}"
    );
    // Committed: nothing more to say about git.
    for n in 1..=2 {
        std::fs::remove_file(a.join(format!("cases/2027/kopi-{n}.txt"))).unwrap();
    }
    world.git(&a, &["add", "-A"]);
    world.git(&a, &["commit", "--quiet", "-m", "for hånd"]);
    assert_eq!(check(&a).1, "");
    // Without git on the PATH, check cannot know, and says so rather than "all good".
    let mut cmd = rt_bare();
    cmd.arg("--dir").arg(&a).args(["check", "--today", TODAY]).envs(world.envs()).env("PATH", "");
    let out = cmd.output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stdout(&out),
        ".: advarsel: auto_commit er på, men git kan ikke si hva som er committet (git)\n  \
         hjelp: sjekk at git er installert og at `git status` virker i team-mappen; uten git: sett \
         `auto_commit = false` under [git] i rt.toml\n"
    );
}

/// The same in a team folder whose name has spaces and non-ASCII letters, inside a bigger
/// repository, for a deleted case file and a file whose name holds ` -> ` (git quotes such
/// paths, and writes a rename with an arrow, unless asked for them as they are).
#[test]
fn check_finds_them_in_a_team_folder_of_any_name_inside_a_bigger_repository() {
    let world = World::new();
    let repo = world.path("stor");
    std::fs::create_dir(&repo).unwrap();
    world.git(&repo, &["init", "--quiet"]);
    let team = repo.join("Team Øst");
    let out = world.rt(
        Path::new("."),
        &["init", team.to_str().unwrap(), "--leader", "Ingrid Leder", "--email", "ingrid@testby.example"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let id = refer(&world, &team, "A.A.", "2019-01-01", "Uro i barnehagen.");
    assert_eq!(world.git(&repo, &["status", "--porcelain"]), "", "init and refer committed");
    std::fs::remove_file(team.join(format!("cases/2027/{id}.toml"))).unwrap();
    std::fs::write(team.join("cases/2027/Åse -> Ola.txt"), "x\n").unwrap();
    let config = std::fs::read_to_string(team.join("rt.toml")).unwrap();
    std::fs::write(team.join("rt.toml"), config + "# endret for hånd\n").unwrap();
    let out = world.rt(&team, &["check", "--verbose", "--today", TODAY]);
    let told: Vec<String> = stdout(&out)
        .lines()
        .filter(|l| l.contains("ikke committet i git"))
        .map(|l| l.split(": advarsel").next().unwrap_or_default().to_string())
        .collect();
    assert_eq!(
        told,
        [format!("cases/2027/{id}.toml"), "cases/2027/Åse -> Ola.txt".to_string(), "rt.toml".to_string()]
    );
}
