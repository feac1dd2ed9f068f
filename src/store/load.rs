//! Loading a team folder: the config, the tiltaksbank and the case files, each with the
//! problems found in it. Loading never stops at bad data; it stops only when a file the
//! command needs cannot be read at all.

use std::path::PathBuf;

use walkdir::WalkDir;

use super::atomic::TEMP_SUFFIX;
use super::{
    CASES_DIR, CONFIG_FILE, MEETINGS_DIR, TILTAK_FILE, TeamDir, case_file, config_file, meetings_file,
    tiltak_file,
};
use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::lang::Lang;
use crate::model::dates::Half;
use crate::model::{Case, CaseSummary, Config, Meeting, Schedule, Tiltaksbank};
use crate::problem::Problem;
use crate::schedule::placement::Load;
use crate::schedule::plan::planned;

/// The largest file `rt` reads: far above any real case, config or catalogue, small enough
/// that a mistaken or hostile file cannot exhaust memory.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// Reads a text file of at most [`MAX_FILE_BYTES`] (else `ErrorKind::FileTooLarge`), UTF-8,
/// in the plain form every reader and editor works on: no byte order mark, LF line endings
/// (see [`super::text`]; the transaction puts the file's own layout back when it writes).
pub fn read_capped(path: &std::path::Path) -> std::io::Result<String> {
    read_capped_from(&std::fs::File::open(path)?)
}

/// Reads an open file as [`read_capped`] does (for a caller that also wants its metadata
/// without looking the path up again).
pub fn read_capped_from(file: &std::fs::File) -> std::io::Result<String> {
    let raw = read_raw_from(file)?;
    // Most files need nothing: no copy for them.
    if raw.starts_with('\u{feff}') || raw.contains('\r') { Ok(super::text::plain(&raw)) } else { Ok(raw) }
}

/// Reads a text file as it is on disk, BOM and CRLF included (for the transaction, which
/// keeps a file's layout), capped as [`read_capped`] is.
pub fn read_capped_raw(path: &std::path::Path) -> std::io::Result<String> {
    read_raw_from(&std::fs::File::open(path)?)
}

fn read_raw_from(file: &std::fs::File) -> std::io::Result<String> {
    use std::io::Read;
    // Room for a typical case file at once; read one byte past the cap to know it was
    // exceeded without trusting the size on disk.
    let mut bytes = Vec::with_capacity(4096);
    file.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(std::io::Error::new(std::io::ErrorKind::FileTooLarge, "larger than 4 MiB"));
    }
    String::from_utf8(bytes).map_err(|_| std::io::Error::new(std::io::ErrorKind::InvalidData, "not UTF-8"))
}

/// Reads a file as [`read_capped`] does, and tells whether others than its owner may read
/// it (the Unix mode's group and other bits; `None` where there are no such modes: on
/// Windows the folder's access list protects it, which `rt` does not read).
pub fn read_with_mode(path: &std::path::Path) -> std::io::Result<(String, Option<u32>)> {
    let file = open_no_follow(path)?;
    let text = read_capped_from(&file)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = file.metadata()?.permissions().mode() & 0o777;
        Ok((text, Some(mode)))
    }
    #[cfg(not(unix))]
    Ok((text, None))
}

/// Opens a file for reading, refusing a symbolic link in its last part.
fn open_no_follow(path: &std::path::Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    options.open(path)
}

/// The files of a folder of the team folder that `rt` reads as a set (`meetings/`,
/// `templates/`): the regular `.toml`/template files by relative path, sorted, and a finding
/// for each link or other thing that is no regular file (never followed).
pub fn folder_files(team: &TeamDir, dir: &str) -> (Vec<String>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let mut diags = Vec::new();
    if let Some(d) = folder_link(team, dir) {
        return (files, vec![d]);
    }
    let Ok(entries) = std::fs::read_dir(team.path(dir)) else { return (files, diags) };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let rel = format!("{dir}/{name}");
        match entry.file_type() {
            Ok(t) if t.is_symlink() => {
                diags.push(Diagnostic::error(&rel, None, Problem::LinkNotFollowed { path: rel.clone() }))
            }
            Ok(t) if t.is_file() => files.push(rel),
            Ok(t) if t.is_dir() => {}
            _ => diags.push(Diagnostic::error(&rel, None, Problem::NotARegularFile { path: rel.clone() })),
        }
    }
    files.sort();
    (files, diags)
}

/// A finding when one of the team folder's own folders (`cases/`, `meetings/`,
/// `templates/`) is a symbolic link: never read through, as never written through.
fn folder_link(team: &TeamDir, dir: &str) -> Option<Diagnostic> {
    let meta = std::fs::symlink_metadata(team.path(dir)).ok()?;
    meta.file_type()
        .is_symlink()
        .then(|| Diagnostic::error(dir, None, Problem::LinkNotFollowed { path: dir.to_string() }))
}

/// A finding about `.rt.lock` when it is not a plain file `rt` can use.
pub fn lock_finding(team: &TeamDir) -> Option<Diagnostic> {
    let rel = super::lock::LOCK_FILE;
    let meta = std::fs::symlink_metadata(team.path(rel)).ok()?;
    let link = meta.file_type().is_symlink();
    #[cfg(unix)]
    let shared = std::os::unix::fs::MetadataExt::nlink(&meta) > 1;
    #[cfg(not(unix))]
    let shared = false;
    (link || shared || !meta.is_file())
        .then(|| Diagnostic::error(rel, None, Problem::LockNotAFile { link: link || shared }))
}

/// The problem of a file that could not be read.
pub fn unreadable(e: &std::io::Error) -> Problem {
    match e.kind() {
        std::io::ErrorKind::FileTooLarge => Problem::TooLarge { max_mib: MAX_FILE_BYTES / (1024 * 1024) },
        _ => Problem::Unreadable { cause: crate::problem::IoCause::of(e) },
    }
}

/// Reads a text file of the team folder; `None` when it does not exist. Never through a
/// symbolic link inside the folder, and never anything but a regular file.
pub fn read_text(team: &TeamDir, rel: &str) -> Result<Option<String>, Error> {
    let path = team.checked(rel).map_err(|u| Error::Stop(u.problem()))?;
    match read_capped(&path) {
        Ok(text) => Ok(Some(text)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Error::read(&path, e)),
    }
}

/// `rt.toml` as read: the best reading of it, the language it sets, and its problems.
#[derive(Clone, Debug)]
pub struct ConfigRead {
    /// The config; `None` when the file is not even TOML.
    pub config: Option<Config>,
    /// The language it sets (also when other parts are wrong).
    pub language: Option<Lang>,
    /// Its problems.
    pub diags: Vec<Diagnostic>,
}

/// Reads `rt.toml` (once per command: see [`crate::session`]).
pub fn config(team: &TeamDir) -> Result<ConfigRead, Error> {
    let text = read_text(team, CONFIG_FILE)?
        .ok_or_else(|| Error::from(Problem::NotATeamFolder { dir: team.root().display().to_string() }))?;
    let (config, mut diags) = config_file::read(CONFIG_FILE, &text);
    // Names from rt.toml go into every invitation and referat: one that holds a national id
    // stops every command until it is fixed (the number is never shown).
    if let Some(at) = crate::rules::national_id::find(&text) {
        let pos = Some(crate::diagnostic::Position::of_offset(&text, at.start));
        let field = crate::model::Field::Key(CONFIG_FILE.into());
        diags.push(Diagnostic::error(CONFIG_FILE, pos, Problem::NationalId { field }));
    }
    let language = config.as_ref().map(|c| c.language);
    Ok(ConfigRead { config, language, diags })
}

/// Reads `tiltaksbank.toml`; a missing file is an empty catalogue and one finding.
pub fn tiltaksbank(team: &TeamDir, config: Option<&Config>) -> Result<(Tiltaksbank, Vec<Diagnostic>), Error> {
    match read_text(team, TILTAK_FILE)? {
        Some(text) => Ok(tiltak_file::read(TILTAK_FILE, &text, config)),
        None => {
            let problem = Problem::Unreadable { cause: crate::problem::IoCause::NotFound };
            Ok((Tiltaksbank::default(), vec![Diagnostic::error(TILTAK_FILE, None, problem)]))
        }
    }
}

/// The tiltaksbank to judge a case's measure ids against, read by [`tiltaksbank`]: `None`
/// when nothing could be read from it (a syntax error, a missing file), for then every
/// measure a case names would look unknown while the fault is the file's alone.
pub fn tiltaksbank_for_rules(team: &TeamDir, config: Option<&Config>) -> Result<Option<Tiltaksbank>, Error> {
    let (bank, diags) = tiltaksbank(team, config)?;
    Ok(bank_to_judge_by(&bank, &diags).then_some(bank))
}

/// Whether a tiltaksbank as read (with its findings) is one to judge measure ids against:
/// not when it has errors and not one measure could be read.
pub fn bank_to_judge_by(bank: &Tiltaksbank, diags: &[Diagnostic]) -> bool {
    !bank.measures.is_empty() || diags.iter().all(|d| !d.is_error())
}

/// The team's own additions to R5's word list (`r5-words.txt`), when the folder has them.
pub fn r5_words(team: &TeamDir) -> Result<Option<String>, Error> {
    read_text(team, super::R5_WORDS_FILE)
}

/// A case file found on disk.
#[derive(Clone, Debug)]
pub struct CaseFileRef {
    /// Relative path, `cases/2027/2027-01-05-k7q2.toml`.
    pub rel: String,
    /// Full path.
    pub path: PathBuf,
}

/// Every case file under `cases/`, in a stable order, and findings about files that do not
/// belong there (stray temporary files, other files).
pub fn case_files(team: &TeamDir) -> (Vec<CaseFileRef>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let mut diags = Vec::new();
    let root = team.path(CASES_DIR);
    if let Some(d) = folder_link(team, CASES_DIR) {
        return (files, vec![d]);
    }
    if !root.is_dir() {
        return (files, diags);
    }
    for entry in WalkDir::new(&root) {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let rel = e.path().map_or_else(|| CASES_DIR.to_string(), |p| relative(team, p));
                diags.push(Diagnostic::error(
                    &rel,
                    None,
                    Problem::Unreadable { cause: crate::problem::IoCause::Other(e.to_string()) },
                ));
                continue;
            }
        };
        let kind = entry.file_type();
        if kind.is_dir() {
            continue;
        }
        let rel = relative(team, entry.path());
        if kind.is_symlink() {
            // Never followed, by readers or writers alike.
            diags.push(Diagnostic::error(&rel, None, Problem::LinkNotFollowed { path: rel.clone() }));
            continue;
        }
        if !kind.is_file() {
            diags.push(Diagnostic::error(&rel, None, Problem::NotARegularFile { path: rel.clone() }));
            continue;
        }
        let name = entry.file_name().to_string_lossy();
        if name.ends_with(TEMP_SUFFIX) {
            diags.push(Diagnostic::warning(&rel, None, Problem::StrayTempFile));
        } else if name.ends_with(".toml") && !name.starts_with('.') {
            files.push(CaseFileRef { rel, path: entry.path().to_path_buf() });
        } else if !name.starts_with('.') {
            diags.push(Diagnostic::warning(&rel, None, Problem::NotACaseFile));
        }
    }
    // Sorted once here rather than per folder while walking (which compares file names
    // taken apart from their paths, again and again).
    files.sort_unstable_by(|a, b| a.rel.cmp(&b.rel));
    diags.sort_by(|a, b| a.file.cmp(&b.file));
    (files, diags)
}

/// Makes `cases/`, its year folders and every case file private again (`0700` / `0600`),
/// as git, a copy or a restore leaves them readable by others. How many it changed.
pub fn make_cases_private(team: &TeamDir) -> Result<usize, Error> {
    let (files, _) = case_files(team);
    let folders: std::collections::BTreeSet<_> =
        files.iter().filter_map(|f| f.path.parent().map(std::path::Path::to_path_buf)).collect();
    let mut changed = 0;
    for path in
        folders.iter().chain(std::iter::once(&team.path(CASES_DIR))).chain(files.iter().map(|f| &f.path))
    {
        changed += usize::from(super::atomic::make_private(path).map_err(|e| Error::write(path, e))?);
    }
    Ok(changed)
}

/// A path relative to the team folder, with `/` separators.
pub fn relative(team: &TeamDir, path: &std::path::Path) -> String {
    // The common case without splitting into components: both paths are UTF-8, and the
    // separator is `/`.
    if std::path::MAIN_SEPARATOR == '/'
        && let (Some(full), Some(root)) = (path.to_str(), team.root().to_str())
        && let Some(rest) = full.strip_prefix(root.trim_end_matches('/')).and_then(|r| r.strip_prefix('/'))
        && !rest.split('/').any(|c| c.is_empty() || c == "." || c == "..")
    {
        return rest.to_string();
    }
    let rel = path.strip_prefix(team.root()).unwrap_or(path);
    rel.components()
        .map(|c| match c {
            std::path::Component::RootDir => "".into(),
            c => c.as_os_str().to_string_lossy(),
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// A case (or a [`CaseSummary`]) read from its file.
#[derive(Clone, Debug)]
pub struct Loaded<T> {
    /// Relative path of its file.
    pub rel: String,
    /// The case.
    pub case: T,
    /// Whether its file comes from a newer schema.
    pub newer: bool,
}

/// A whole case read from its file.
pub type LoadedCase = Loaded<Case>;

/// What a command needs of the case files, so it loads no more than that.
#[derive(Clone, Debug, Default)]
pub struct Need {
    /// Only files whose name or text mentions one of these months (`2027-01-` …): a case
    /// referred or discussed in a month holds that month's date, so the others need no parsing.
    pub months: Vec<String>,
    /// Only the cases placed in the meeting on this day: a file whose top-level `meeting`
    /// (found without parsing) is another day is skipped.
    pub meeting: Option<chrono::NaiveDate>,
}

impl Need {
    /// The months of these half-years, as `YYYY-MM-` prefixes.
    pub fn months_of(halves: &[Half]) -> Vec<String> {
        halves
            .iter()
            .flat_map(|h| {
                let first = if h.part == 1 { 1 } else { 7 };
                (first..first + 6).map(move |m| format!("{}-{m:02}-", h.year))
            })
            .collect()
    }
}

/// Maps over items on every core (order kept); small inputs stay on this thread.
pub fn par_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    if threads == 1 || items.len() < 512 {
        return items.iter().map(f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    std::thread::scope(|s| {
        let handles: Vec<_> =
            items.chunks(chunk).map(|c| s.spawn(|| c.iter().map(&f).collect::<Vec<R>>())).collect();
        handles.into_iter().flat_map(|h| h.join().expect("a loader thread does not panic")).collect()
    })
}

/// Reads every case that can be read, sorted by id, with the problems met on the way.
pub fn cases(team: &TeamDir) -> (Vec<LoadedCase>, Vec<Diagnostic>) {
    cases_for(team, &Need::default())
}

/// Reads the top of every case file — what lists, schedules and invitations need — in
/// parallel, sorted by id.
pub fn summaries(team: &TeamDir) -> (Vec<Loaded<CaseSummary>>, Vec<Diagnostic>) {
    read_all(team, &Need::default(), true, |l: LoadedCase| Loaded {
        rel: l.rel,
        case: l.case.into(),
        newer: l.newer,
    })
}

/// Reads the top of the case files a command needs (see [`Need`]), in parallel, sorted by id.
pub fn summaries_for(team: &TeamDir, need: &Need) -> (Vec<Loaded<CaseSummary>>, Vec<Diagnostic>) {
    read_all(team, need, true, |l: LoadedCase| Loaded { rel: l.rel, case: l.case.into(), newer: l.newer })
}

/// Reads the cases a command needs (see [`Need`]), in parallel, sorted by id.
pub fn cases_for(team: &TeamDir, need: &Need) -> (Vec<LoadedCase>, Vec<Diagnostic>) {
    read_all(team, need, false, |l| l)
}

fn read_all<T: Send>(
    team: &TeamDir,
    need: &Need,
    summary: bool,
    make: impl Fn(LoadedCase) -> Loaded<T> + Sync,
) -> (Vec<Loaded<T>>, Vec<Diagnostic>) {
    let (files, mut diags) = case_files(team);
    let results = par_map(&files, |f| -> (Option<(crate::model::CaseId, Loaded<T>)>, Vec<Diagnostic>) {
        let text = match read_capped(&f.path) {
            Ok(t) => t,
            Err(e) => return (None, vec![Diagnostic::error(&f.rel, None, unreadable(&e))]),
        };
        // The file name holds the referral date, so a broken file of these months is still
        // read (and its problems reported) even when its text no longer says so.
        if !need.months.is_empty()
            && !need.months.iter().any(|m| f.rel.contains(m.as_str()) || text.contains(m.as_str()))
        {
            return (None, Vec::new());
        }
        // A file placed in another meeting needs no parsing; one that says nothing readable
        // about its meeting (a broken file among them) is read, so its problems are told.
        if let (Some(want), Some(found)) = (need.meeting, top_level_date(&text, "meeting"))
            && want != found
        {
            return (None, Vec::new());
        }
        let read =
            if summary { case_file::read_summary(&f.rel, &text) } else { case_file::read(&f.rel, &text) };
        let case =
            read.case.map(|case| (case.id, make(LoadedCase { rel: f.rel.clone(), case, newer: read.newer })));
        (case, read.diags)
    });
    let mut cases = Vec::with_capacity(files.len());
    for (case, d) in results {
        diags.extend(d);
        cases.extend(case);
    }
    cases.sort_by_key(|(id, _)| *id);
    (cases.into_iter().map(|(_, c)| c).collect(), diags)
}

/// The relative path of a half-year's published meetings: `meetings/2027H1.toml`.
pub fn meetings_rel(half: Half) -> String {
    format!("{MEETINGS_DIR}/{half}.toml")
}

/// The schedule of a half-year: its published file, or else the meetings the rules give.
/// `None` (with the findings) when the published file has errors.
pub fn schedule(
    team: &TeamDir,
    config: &Config,
    half: Half,
) -> Result<(Option<Schedule>, Vec<Diagnostic>), Error> {
    let rel = meetings_rel(half);
    match read_text(team, &rel)? {
        Some(text) => Ok(meetings_file::read(&rel, &text)),
        None => Ok((Some(planned(half, config)), Vec::new())),
    }
}

/// The schedule of a half-year for a command that cannot work without it: errors in the
/// published file stop the command (they are shown with the error).
pub fn schedule_or_stop(team: &TeamDir, config: &Config, half: Half) -> Result<Schedule, Error> {
    let (schedule, diags) = schedule(team, config, half)?;
    let errors: Vec<Diagnostic> = diags.into_iter().filter(|d| d.is_error()).collect();
    match schedule {
        Some(s) if errors.is_empty() => Ok(s),
        _ => Err(Error::invalid_file(&meetings_rel(half), errors)),
    }
}

/// The meetings of the half-year of `from` and of the next one (where a case referred late in
/// a half-year lands), plus those of any further half-years asked for.
pub fn meetings_around(
    team: &TeamDir,
    config: &Config,
    from: chrono::NaiveDate,
    also: Option<chrono::NaiveDate>,
) -> Result<Vec<Meeting>, Error> {
    let mut halves = vec![Half::of(from), Half::of(from).next()];
    if let Some(extra) = also.map(Half::of)
        && !halves.contains(&extra)
    {
        halves.push(extra);
    }
    let mut out = Vec::new();
    for half in halves {
        out.extend(schedule_or_stop(team, config, half)?.meetings);
    }
    out.sort_by_key(|m| m.date);
    Ok(out)
}

/// The load of the meetings from `from` on: how many cases each holds. Reads only each case
/// file's top-level `meeting` line — no TOML parsing — because a referral counts this under
/// the team lock and must stay quick however many cases the folder holds.
pub fn meeting_load(team: &TeamDir, from: chrono::NaiveDate) -> Load {
    let mut load = Load::default();
    let (files, _) = case_files(team);
    for f in files {
        let Ok(text) = read_capped(&f.path) else { continue };
        if let Some(date) = top_level_date(&text, "meeting")
            && date >= from
        {
            load.add(date);
        }
    }
    load
}

/// The meeting a case file says it is placed in (its top-level `meeting`), read without
/// parsing — also from a file too broken to read as a case.
pub fn meeting_of_file(team: &TeamDir, rel: &str) -> Option<chrono::NaiveDate> {
    let path = team.checked(rel).ok()?;
    top_level_date(&read_capped(&path).ok()?, "meeting")
}

/// The value of a top-level date key (`key = 2027-01-12`) of a TOML text: top-level keys
/// come before the first table header, so only those lines are looked at.
fn top_level_date(text: &str, key: &str) -> Option<chrono::NaiveDate> {
    for line in text.lines() {
        let line = line.trim_start();
        if line.starts_with('[') {
            return None;
        }
        let Some(rest) = line.strip_prefix(key) else { continue };
        let Some(value) = rest.trim_start().strip_prefix('=') else { continue };
        return crate::model::dates::parse_date(value.trim().get(..10)?);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn top_level_dates_are_found_without_parsing() {
        let text = "schema = 1\nmeeting_note = 1\nmeeting=2027-01-12 # x\n[outcome]\nmeeting = 2028-01-01\n";
        assert_eq!(top_level_date(text, "meeting"), chrono::NaiveDate::from_ymd_opt(2027, 1, 12));
        assert_eq!(top_level_date("[a]\nmeeting = 2027-01-12\n", "meeting"), None);
        assert_eq!(top_level_date("meeting = \"soon\"\n", "meeting"), None);
    }

    #[test]
    fn relative_paths_use_slashes_and_stay_inside_the_folder() {
        for root in ["/srv/team", "/srv/team/", "team", "./team"] {
            let team = TeamDir::new(root);
            assert_eq!(relative(&team, &team.path("cases/2026/a.toml")), "cases/2026/a.toml", "{root}");
        }
        let team = TeamDir::new("/srv/team");
        // Not under the folder, or with `..`: the slow path, which never claims to be inside.
        assert_eq!(relative(&team, std::path::Path::new("/srv/teamx/a.toml")), "/srv/teamx/a.toml");
        assert_eq!(relative(&team, std::path::Path::new("/srv/team/../b/a.toml")), "../b/a.toml");
    }
}
