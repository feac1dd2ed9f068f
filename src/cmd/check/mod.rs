//! `rt check`: reads every file of the team folder and reports every problem, not just the
//! first, as `path:line:column: feil: …` with a `hjelp:` line.
//!
//! The checks: TOML syntax; unknown, missing and mistyped keys; `rt.toml` (units, the
//! providers outside the team, members, meeting rules) and `tiltaksbank.toml` (each measure's
//! provider, way in and level, `referral_from` only for a referral, not both the old `unit`
//! and the new `provider`, the import record); each case against the rules (R1–R4, consent,
//! national id numbers anywhere in its text, proposals assigned to units of the team and
//! never to a provider outside it); ids against file names and year folders; duplicate ids;
//! stray temporary files; the published meetings and where cases are placed (see
//! [`meetings`]); with `auto_commit`, the team's files that are not committed. Exit 0 when
//! there are no errors (warnings are shown but do not fail), 1 otherwise.
//!
//! A case file others can read is a warning on Unix; the same finding in many files is told
//! once, about their folder, with the one command that fixes them all (`--verbose` lists
//! each). Windows has no such modes: there the team folder's access list (ACL), set by IT on
//! the share or folder, is what keeps others out, and `rt` neither reads nor changes it (the
//! guide, docs/veiledning.md, tells IT what to check).

mod meetings;

use std::collections::BTreeMap;

use crate::diagnostic::{self, Diagnostic, Position};
use crate::error::Error;
use crate::model::{Case, Config, Tiltaksbank};
use crate::problem::Problem;
use crate::rules;
use crate::rules::case::RuleContext;
use crate::session::Session;
use crate::store::toml_read::{self, Parsed, locate};
use crate::store::{TeamDir, case_file, git, load, national_ids};

/// Flags of `rt check`.
#[derive(clap::Args, Debug)]
#[command(after_help = "Eksempler:\n  rt check\n  rt check --verbose\n  rt --dir /sti/til/team check")]
pub struct Args {
    /// Vis hver fil for seg, også når mange filer har samme funn
    #[arg(long, short = 'v')]
    pub verbose: bool,
}

/// Runs `rt check`.
pub fn run(args: Args, ctx: &Session) -> Result<i32, Error> {
    let (diags, files) = check_all(ctx)?;
    let lang = ctx.lang;
    let (errors, warnings) = diagnostic::count(&diags);
    let shown = if args.verbose { diags } else { diagnostic::group_across_files(diags) };
    let mut text = crate::output::Styled::new();
    for d in &shown {
        text.append(d.render(lang));
        text.plain("\n");
    }
    ctx.out.print_styled(&text)?;
    let checked = files + 2;
    ctx.note(match (errors, warnings) {
        (0, 0) => lang.pick(
            format!("Alt i orden: {checked} filer kontrollert."),
            format!("All good: {checked} files checked."),
        ),
        _ => {
            let errors = lang.count(errors, ("feil", "feil"), ("error", "errors"));
            let warnings = lang.count(warnings, ("advarsel", "advarsler"), ("warning", "warnings"));
            lang.pick(
                format!("{errors} og {warnings} i {checked} filer."),
                format!("{errors} and {warnings} in {checked} files."),
            )
        }
    });
    Ok(if errors > 0 { 1 } else { 0 })
}

/// Every finding in the team folder, sorted, and how many case and meeting files there were.
fn check_all(ctx: &Session) -> Result<(Vec<Diagnostic>, usize), Error> {
    let (config, config_diags) = ctx.config_read();
    let mut diags = config_diags.to_vec();
    let (bank, bank_diags) = load::tiltaksbank(&ctx.team, config)?;
    // A tiltaksbank nothing could be read from is its own error, not one in every case.
    let judged = load::bank_to_judge_by(&bank, &bank_diags).then_some(&bank);
    diags.extend(bank_diags);
    diags.extend(load::lock_finding(&ctx.team));
    // Names, places and measures are typed by people too: no national id in them either.
    // (`rt.toml` is searched when it is read, for every command.)
    for rel in [crate::store::TILTAK_FILE] {
        if let Ok(Some(text)) = load::read_text(&ctx.team, rel) {
            national_ids::scan(rel, &text, toml_read::parse(rel, &text).ok().as_ref(), &mut diags);
        }
    }
    diags.extend(load::folder_files(&ctx.team, crate::store::TEMPLATES_DIR).1);
    let (meeting_schedules, meeting_files) = meetings::check_files(&ctx.team, config, ctx.lang, &mut diags);
    let (files, placed) = check_cases(&ctx.team, config, judged, ctx.today, &mut diags);
    diags.extend(not_committed(&ctx.team, config));
    if let Some(config) = config {
        meetings::check_placements(&placed, config, &meeting_schedules, ctx.today, &mut diags);
    }
    diagnostic::sort_and_dedup(&mut diags);
    Ok((diags, files + meeting_files))
}

/// The team's files that git does not hold as they are, when rt commits every change
/// (`auto_commit`): a command stopped between its write and its commit, or a hand edit.
/// A warning each (many in one folder are told once); nothing outside git, nor where git is
/// missing and no repository is meant (a team folder on a share).
fn not_committed(team: &TeamDir, config: Option<&Config>) -> Vec<Diagnostic> {
    if !config.is_some_and(|c| c.auto_commit) {
        return Vec::new();
    }
    let unknown = |detail: String| vec![Diagnostic::warning(".", None, Problem::GitStatusUnknown { detail })];
    match git::repo(team) {
        git::Repo::At(_) => {}
        git::Repo::NoGit if git::repository_meant(team) => return unknown("git".into()),
        git::Repo::NotARepo | git::Repo::NoGit => return Vec::new(),
    }
    match git::uncommitted_state_files(team) {
        Ok(files) => files.iter().map(|f| Diagnostic::warning(f, None, Problem::NotInGit)).collect(),
        Err(e) => unknown(format!("{}: {}", e.action, e.detail.lines().next().unwrap_or_default())),
    }
}

/// How many errors `rt check` would report (for commands that want to warn after a change
/// they did not make themselves, like `rt sync`).
pub fn count_errors(ctx: &Session) -> usize {
    check_all(ctx).map_or(1, |(diags, _)| diagnostic::count(&diags).0)
}

/// The errors `rt check` finds in one case file on its own — its reading, a national id
/// anywhere in it, its name and folder, the rules — for a command that must leave a case
/// with errors out of what it writes (an invitation, a referat).
pub fn case_file_errors(
    team: &TeamDir,
    rel: &str,
    config: &Config,
    bank: Option<&Tiltaksbank>,
    today: chrono::NaiveDate,
) -> Vec<Diagnostic> {
    let file = load::CaseFileRef { rel: rel.to_string(), path: team.path(rel) };
    check_file(&file, Some(config), bank, today).diags.into_iter().filter(Diagnostic::is_error).collect()
}

/// What checking one case file found, for the passes that look across files.
struct FileResult {
    diags: Vec<Diagnostic>,
    /// The case's id and where it stands, when the file holds a case.
    id: Option<(String, Option<Position>)>,
    placed: Option<meetings::Placed>,
}

/// Checks every case file, each on its own in parallel, then what spans files (the same id
/// twice); returns how many files there were, and the cases placed in meetings.
fn check_cases(
    team: &TeamDir,
    config: Option<&Config>,
    bank: Option<&Tiltaksbank>,
    today: chrono::NaiveDate,
    diags: &mut Vec<Diagnostic>,
) -> (usize, Vec<meetings::Placed>) {
    let (files, file_diags) = load::case_files(team);
    diags.extend(file_diags);
    let results = load::par_map(&files, |f| check_file(f, config, bank, today));
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    let mut placed = Vec::new();
    for (f, r) in files.iter().zip(results) {
        diags.extend(r.diags);
        placed.extend(r.placed);
        let Some((id, pos)) = r.id else { continue };
        match seen.get(&id) {
            Some(other) => diags.push(Diagnostic::error(
                &f.rel,
                pos,
                Problem::DuplicateCaseId { id, other: other.clone() },
            )),
            None => {
                seen.insert(id, f.rel.clone());
            }
        }
    }
    (files.len(), placed)
}

/// Everything that can be said about one case file alone.
fn check_file(
    f: &load::CaseFileRef,
    config: Option<&Config>,
    bank: Option<&Tiltaksbank>,
    today: chrono::NaiveDate,
) -> FileResult {
    let mut diags = Vec::new();
    let (text, mode) = match load::read_with_mode(&f.path) {
        Ok(read) => read,
        Err(e) => {
            diags.push(Diagnostic::error(&f.rel, None, load::unreadable(&e)));
            return FileResult { diags, id: None, placed: None };
        }
    };
    // A case file others than its owner can read is a warning (health data, GDPR art. 9).
    if let Some(mode) = mode.filter(|m| m & 0o077 != 0) {
        diags.push(Diagnostic::warning(&f.rel, None, Problem::ReadableByOthers { mode }));
    }
    let read = case_file::read(&f.rel, &text);
    diags.extend(read.diags);
    if read.doc.is_none() && read.spans.is_none() {
        return FileResult { diags, id: None, placed: None }; // not TOML
    }
    // A document the full reader parsed is kept; else it is parsed only if a position needs it.
    let parsed = read.doc.map_or_else(std::cell::OnceCell::new, |doc| Some(doc).into());
    let doc = Locator { rel: &f.rel, text: &text, spans: read.spans, doc: parsed };
    national_ids::scan(&f.rel, &text, doc.doc(), &mut diags);
    let Some(case) = read.case else { return FileResult { diags, id: None, placed: None } };
    let id_pos = position_of(&text, &doc, "id");
    check_file_name(&f.rel, id_pos, &case, &mut diags);
    let placed = case.meeting.map(|meeting| meetings::Placed {
        rel: f.rel.clone(),
        id: case.id,
        meeting,
        status: case.status,
        pos: position_of(&text, &doc, "meeting"),
    });
    if let Some(config) = config {
        if crate::rules::purge::due(&case, config.retention_days, today)
            && let Some(closed) = case.closed
        {
            let problem = Problem::PurgeDue { closed, days: config.retention_days };
            diags.push(Diagnostic::warning(&f.rel, position_of(&text, &doc, "closed"), problem));
        }
        let cx = RuleContext { config, measures: bank, today };
        for finding in rules::case::check(&case, &cx) {
            let pos = position_of(&text, &doc, &finding.field.path());
            diags.push(Diagnostic {
                severity: finding.severity,
                file: f.rel.clone(),
                pos,
                problem: finding.problem,
            });
        }
    }
    FileResult { diags, id: Some((case.id.to_string(), id_pos)), placed }
}

/// The file's name and year folder must match its id.
fn check_file_name(rel: &str, pos: Option<Position>, case: &Case, diags: &mut Vec<Diagnostic>) {
    let id = case.id.to_string();
    let mut parts: Vec<&str> = rel.split('/').collect();
    let name = parts.pop().unwrap_or_default();
    let folder = parts.pop().unwrap_or_default();
    if name != format!("{id}.toml") {
        diags.push(Diagnostic::error(rel, pos, Problem::FileNameNotId { id }));
    } else if folder != &id[..4] || parts.len() != 1 {
        diags.push(Diagnostic::error(rel, pos, Problem::WrongYearFolder { id }));
    }
}

/// Finds where the parts of a case file are: from the fast reader's spans when they can
/// tell, else from the parsed document, parsed only when first needed.
struct Locator<'a> {
    rel: &'a str,
    text: &'a str,
    spans: Option<case_file::Spans>,
    doc: std::cell::OnceCell<Option<Parsed>>,
}

impl Locator<'_> {
    /// The parsed document (a file the fast reader read is valid TOML).
    fn doc(&self) -> Option<&Parsed> {
        self.doc.get_or_init(|| toml_read::parse(self.rel, self.text).ok()).as_ref()
    }

    /// Where a field path starts, as [`locate`] says.
    fn start(&self, path: &str) -> Option<usize> {
        if let Some(found) = self.spans.as_ref().and_then(|s| s.locate(path)) {
            return found;
        }
        locate(self.doc()?, path).map(|span| span.start)
    }
}

/// Where a field of a case is; a missing field points at the table it belongs near.
fn position_of(text: &str, doc: &Locator<'_>, field: &str) -> Option<Position> {
    let fallback = if field.starts_with("consent") || field == "leader_consulted" { "user" } else { "id" };
    doc.start(field)
        .or_else(|| doc.start(fallback))
        .map(|start| Position::of_offset(text, start))
        .or(Some(Position::START))
}
