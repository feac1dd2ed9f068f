//! `rt purge`: anonymises every case closed longer ago than the retention period in
//! `rt.toml` (see `rules::purge`). The file is written anew, so a person's comments and a
//! team's `[extra]` fields — which may hold anything — go too. In a git repository, earlier
//! commits still hold the removed data: `rt purge` says so, counts them, and points to the
//! README's privacy section.

use std::path::Path;

use crate::context::Context;
use crate::error::Error;
use crate::lang::Lang;
use crate::output;
use crate::rules::purge::{anonymise, due};
use crate::store::atomic::{self, Privacy};
use crate::store::lock::TeamLock;
use crate::store::{case_file, load};

/// Flags of `rt purge`.
#[derive(clap::Args, Debug)]
#[command(
    after_help = "Eksempler:\n  rt purge --dry-run     vis hvilke saker som ville blitt anonymisert\n  rt purge\n\nOppbevaringstiden står under [privacy] i rt.toml (retention_days, standard 180 dager)."
)]
pub struct Args {
    /// Vis hva som ville blitt anonymisert, uten å skrive noe
    #[arg(long)]
    pub dry_run: bool,
}

/// Runs `rt purge`.
pub fn run(args: Args, ctx: &mut Context) -> Result<i32, Error> {
    let config = load::config_or_stop(&ctx.team, ctx.lang)?;
    ctx.adopt_language(config.language);
    let (lang, today) = (ctx.lang, ctx.today);
    let _lock = if args.dry_run { None } else { Some(TeamLock::acquire(&ctx.team)?) };
    let (cases, diags) = load::cases(&ctx.team);
    super::warn_unreadable_cases(&diags, lang, super::LEFT_OUT);
    let due: Vec<&load::LoadedCase> =
        cases.iter().filter(|c| due(&c.case, config.retention_days, today) && !c.newer).collect();
    let mut out = String::new();
    for c in &due {
        out.push_str(&format!("{}\n", c.case.id));
        if args.dry_run {
            continue;
        }
        let path = ctx.team.path(&c.rel);
        let old = std::fs::read(&path).map_err(|e| Error::read(&path, e))?;
        let text = case_file::new_text_in(&anonymise(&c.case, today), lang);
        atomic::replace(&path, text.as_bytes(), Some(&old), Privacy::Private)
            .map_err(|e| e.into_error(&path, &c.rel))?;
        ctx.team.wrote(&path);
    }
    output::print(&out)?;
    let days = config.retention_days;
    output::note(&match (args.dry_run, due.len()) {
        (_, 0) => lang.pick(
            format!("Ingen saker er avsluttet for mer enn {days} dager siden uten å være anonymisert."),
            format!("No case closed more than {days} days ago is left to anonymise."),
        ),
        (true, n) => {
            let n = lang.count(n, ("sak", "saker"), ("case", "cases"));
            lang.pick(
                format!("{n} ville blitt anonymisert (prøvekjøring: ingenting er skrevet)."),
                format!("{n} would be anonymised (dry run: nothing was written)."),
            )
        }
        (false, n) => {
            let n = lang.count(n, ("sak", "saker"), ("case", "cases"));
            lang.pick(
                format!("{n} er anonymisert: identitet, navn og fritekst er fjernet; tallene til rapporten er beholdt."),
                format!("{n} anonymised: identity, names and free text removed; the report's figures kept."),
            )
        }
    });
    if !due.is_empty() {
        let files: Vec<&str> = due.iter().map(|c| c.rel.as_str()).collect();
        if let Some(commits) = commits_holding(ctx.team.root(), &files) {
            warn_about_history(commits, args.dry_run, lang);
        }
    }
    Ok(0)
}

/// How many git commits hold a version of these files, when the folder is a git repository
/// and git is installed; `None` otherwise (nothing to warn about).
fn commits_holding(root: &Path, files: &[&str]) -> Option<usize> {
    let inside = std::process::Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["rev-parse", "--is-inside-work-tree"])
        .output()
        .ok()?;
    if !inside.status.success() {
        return None;
    }
    let log = std::process::Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["log", "--format=%H", "--"])
        .args(files)
        .output()
        .ok()?;
    Some(String::from_utf8_lossy(&log.stdout).lines().count())
}

fn warn_about_history(commits: usize, dry_run: bool, lang: Lang) {
    if commits == 0 {
        return;
    }
    let verb = if dry_run {
        lang.pick("ville fortsatt hatt", "would still hold")
    } else {
        lang.pick("har fortsatt", if commits == 1 { "still holds" } else { "still hold" })
    };
    let commits = lang.count(commits, ("commit", "commits"), ("commit", "commits"));
    output::note(&lang.pick(
        format!(
            "advarsel: {commits} i git-historikken {verb} de fjernede opplysningene.\n  hjelp: historikken må skrives om (f.eks. med git filter-repo) og alle kloner hentes på nytt; se «Personvern» i README"
        ),
        format!(
            "warning: {commits} in the git history {verb} the removed data.\n  help: the history must be rewritten (e.g. with git filter-repo) and every clone fetched anew; see \"Privacy\" in the README"
        ),
    ));
}
