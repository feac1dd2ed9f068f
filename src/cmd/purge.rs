//! `rt purge`: anonymises every case closed longer ago than the retention period in
//! `rt.toml` (see `rules::purge`). The file is written anew, so a person's comments and a
//! team's `[extra]` fields — which may hold anything — go too. In a git repository, earlier
//! commits still hold the removed data: `rt purge` says so, counts them, and points to the
//! README's privacy section.

use crate::diagnostic::Severity;
use crate::error::Error;
use crate::problem::Problem;
use crate::rules::case::RuleContext;
use crate::rules::purge::{anonymise, due};
use crate::session::Session;
use crate::store::atomic::Privacy;
use crate::store::{case_file, git, load, meetings_file};

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
pub fn run(args: Args, ctx: &Session) -> Result<i32, Error> {
    let config = ctx.config()?;
    let (lang, today) = (ctx.lang, ctx.today);
    let mut tx = if args.dry_run { None } else { Some(ctx.transaction()?) };
    let (cases, diags) = load::cases(&ctx.team);
    // A case file that cannot be read may be due: its data stays until it is fixed, and the
    // command says so rather than "nothing is due".
    let unreadable: std::collections::BTreeSet<&str> =
        diags.iter().filter(|d| d.is_error()).map(|d| d.file.as_str()).collect();
    let cx = RuleContext { config, measures: None, today };
    let (due, doubtful): (Vec<&load::LoadedCase>, Vec<&load::LoadedCase>) = cases
        .iter()
        .filter(|c| due(&c.case, config.retention_days, today) && !c.newer)
        // Only dates `rt check` accepts decide: a closing date before the referral or in
        // the future is a typo to fix, not a reason to delete or to keep.
        .partition(|c| {
            !crate::rules::case::check(&c.case, &cx).iter().any(|f| f.severity == Severity::Error)
        });
    let mut out = String::new();
    let mut meetings = Vec::new();
    for c in &due {
        out.push_str(&format!("{}\n", c.case.id));
        if let (Some(tx), Some(text)) = (tx.as_mut(), load::read_text(&ctx.team, &c.rel)?) {
            let new = case_file::new_text_in(&anonymise(&c.case, today), lang);
            tx.replace(&c.rel, &text, new, Privacy::Private);
        }
    }
    if let Some(mut tx) = tx {
        // The guests who came for a purged case alone are named no more, in the same change
        // (also for a case an older `rt` purged, which left them).
        let purged = cases.iter().filter(|c| c.case.anonymised.is_some());
        let ids: Vec<_> = due.iter().copied().chain(purged).map(|c| c.case.id).collect();
        meetings = meetings_file::forget_cases(&mut tx, config, &ids, &[])?;
        crate::cmd::commit(ctx, tx)?;
    }
    ctx.print(&out)?;
    let days = config.retention_days;
    ctx.note(match (args.dry_run, due.len()) {
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
    if !meetings.is_empty() {
        ctx.note(guests_taken_out(lang, due.len(), &meetings));
    }
    if !due.is_empty() {
        let files: Vec<&str> = due.iter().map(|c| c.rel.as_str()).collect();
        if let Some(commits) = git::commits_holding(&ctx.team, &files)
            && commits > 0
        {
            ctx.warn(&Problem::HistoryHoldsPurged { commits, dry_run: args.dry_run });
        }
    }
    let mut left: Vec<String> = unreadable.iter().map(|f| f.to_string()).collect();
    left.extend(doubtful.iter().map(|c| c.rel.clone()));
    if left.is_empty() {
        return Ok(0);
    }
    for d in diags.iter().filter(|d| d.is_error()) {
        ctx.note(d.render(lang));
    }
    Err(Problem::PurgeIncomplete { files: left }.into())
}

/// "The guests who came for the case(s) alone are no longer named in the attendance in …"
/// (also `rt consent --then anonymous`).
pub fn guests_taken_out(lang: crate::lang::Lang, cases: usize, files: &[String]) -> String {
    let files = files.join(", ");
    let (nb, en) = if cases == 1 { ("saken", "the case") } else { ("sakene", "the cases") };
    lang.pick(
        format!("Gjestene som kom bare for {nb}, er tatt ut av oppmøtet i {files}."),
        format!("The guests who came for {en} alone are taken out of the attendance in {files}."),
    )
}
