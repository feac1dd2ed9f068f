//! Writing the tiltaksbank's web site (`rt tiltak site --out DIR`). The site is an output,
//! not team state, so it goes where the user says — but only into a folder that is new,
//! empty, or an earlier site of `rt`'s (unless `--force`), never through a symbolic link, and
//! every file whole or not at all.
//!
//! A site folder is known by its list of files, [`MARKER`], which `rt` writes last. The list
//! also says which pages an earlier run made, so a page the new site no longer has — a
//! measure deleted, or one only staff may see when a public site replaces a staff one — is
//! removed rather than left on the web server. Nothing else in the folder is touched.

use std::io;
use std::path::{Path, PathBuf};

use super::atomic::{self, Privacy};
use crate::error::Error;
use crate::problem::Problem;

/// The list of the files an earlier run wrote: how `rt` knows a folder as its own site.
pub const MARKER: &str = ".rt-site";

const MARKER_HEAD: &str = "# rt tiltak site: filene som ble skrevet her sist (the files written here last).\n\
# rt kjenner igjen mappen på denne filen, og sletter bare sider herfra som ikke lenger hører med.\n";

/// What [`write_site`] did, as paths relative to the folder.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Written {
    /// Every file of the site, in the order given.
    pub written: Vec<String>,
    /// Pages of the earlier site that the new one no longer has.
    pub removed: Vec<String>,
}

/// Whether a relative path is one `rt` may write in a site: `/`-separated names of letters,
/// digits, `-`, `_` and `.`, none of them empty, `.` or `..`, or a Windows device name.
pub fn is_site_path(rel: &str) -> bool {
    !rel.is_empty()
        && rel.split('/').all(|part| {
            !part.is_empty()
                && !part.starts_with('.')
                && part.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
                && !super::paths::is_device_name(part)
        })
}

/// Writes a site's files into `dir`: each file atomically, then the list of files, then
/// removes the earlier site's pages the new one lacks. Refuses, writing nothing, a folder
/// that holds anything but an earlier site (unless `force`), a symbolic link anywhere below
/// `dir` (or `dir` itself) where a file goes, and a folder where a file goes.
pub fn write_site(dir: &Path, files: &[(String, Vec<u8>)], force: bool) -> Result<Written, Error> {
    super::paths::check_output(dir)?;
    if let Some((rel, _)) = files.iter().find(|(rel, _)| !is_site_path(rel)) {
        return Err(Problem::BadOutputPath { path: rel.clone() }.into());
    }
    let previous = survey(dir, force)?;
    for (rel, _) in files {
        check_target(dir, rel)?;
    }
    let shown = dir.display().to_string();
    let total = files.len();
    let mut written = Vec::new();
    for (rel, bytes) in files {
        let path = dir.join(rel);
        if let Err(e) = write_one(dir, rel, bytes) {
            if written.is_empty() {
                return Err(Error::write(&path, e));
            }
            let detail = e.to_string();
            return Err(Problem::SitePartlyWritten {
                dir: shown,
                written: written.len(),
                total,
                file: rel.clone(),
                detail,
            }
            .into());
        }
        written.push(rel.clone());
    }
    let list: String = written.iter().map(|rel| format!("{rel}\n")).collect();
    let marker = format!("{MARKER_HEAD}{list}");
    if let Err(e) = atomic::replace(&dir.join(MARKER), marker.as_bytes(), None, Privacy::Shared) {
        let detail = match e {
            atomic::ReplaceError::Io(e) => e.to_string(),
            atomic::ReplaceError::Changed => String::new(),
        };
        return Err(Problem::SitePartlyWritten {
            dir: shown,
            written: total,
            total: total + 1,
            file: MARKER.into(),
            detail,
        }
        .into());
    }
    let mut removed = Vec::new();
    for rel in previous.iter().filter(|rel| !written.contains(rel)) {
        if remove_page(dir, rel) {
            removed.push(rel.clone());
        }
    }
    Ok(Written { written, removed })
}

/// What is at `dir` now: nothing or an empty folder (no earlier pages), an earlier site (its
/// pages), or — refused unless `force` — a folder with other things in it.
fn survey(dir: &Path, force: bool) -> Result<Vec<String>, Error> {
    let shown = dir.display().to_string();
    let meta = match std::fs::symlink_metadata(dir) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::read(dir, e)),
    };
    if meta.file_type().is_symlink() {
        return Err(Problem::SiteLink { path: shown }.into());
    }
    if !meta.is_dir() {
        return Err(Problem::SiteNotAFolder { path: shown }.into());
    }
    let entries = std::fs::read_dir(dir).map_err(|e| Error::read(dir, e))?.count();
    let marker = dir.join(MARKER);
    let is_site = std::fs::symlink_metadata(&marker).is_ok_and(|m| m.is_file());
    if is_site {
        let text = super::load::read_capped(&marker).map_err(|e| Error::read(&marker, e))?;
        return Ok(text
            .lines()
            .map(str::trim)
            .filter(|l| !l.starts_with('#') && is_site_path(l))
            .map(str::to_string)
            .collect());
    }
    if entries > 0 && !force {
        return Err(Problem::SiteFolderTaken { dir: shown, files: entries }.into());
    }
    Ok(Vec::new())
}

/// Refuses a place for a file that is, or lies under, a symbolic link, or is a folder.
fn check_target(dir: &Path, rel: &str) -> Result<(), Error> {
    let parts: Vec<&str> = rel.split('/').collect();
    let mut path = PathBuf::from(dir);
    for (i, part) in parts.iter().enumerate() {
        path.push(part);
        let last = i + 1 == parts.len();
        let shown = path.display().to_string();
        match std::fs::symlink_metadata(&path) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(Error::read(&path, e)),
            Ok(m) if m.file_type().is_symlink() => return Err(Problem::SiteLink { path: shown }.into()),
            Ok(m) if last && !m.is_file() => return Err(Problem::SiteNotAFile { path: shown }.into()),
            Ok(m) if !last && !m.is_dir() => return Err(Problem::SiteNotAFolder { path: shown }.into()),
            Ok(_) => {}
        }
    }
    Ok(())
}

/// Writes one file atomically, making its folders; a folder that turned into a link since
/// [`check_target`] is refused rather than written through.
fn write_one(dir: &Path, rel: &str, bytes: &[u8]) -> io::Result<()> {
    let path = dir.join(rel);
    let parent = path.parent().unwrap_or(dir);
    atomic::create_dirs(parent, Privacy::Shared)?;
    let mut folder = PathBuf::from(dir);
    for part in rel.split('/').collect::<Vec<_>>().split_last().map_or(&[][..], |(_, init)| init) {
        folder.push(part);
        if std::fs::symlink_metadata(&folder)?.file_type().is_symlink() {
            return Err(io::Error::other(format!("{} is a symbolic link", folder.display())));
        }
    }
    atomic::replace(&path, bytes, None, Privacy::Shared).map_err(|e| match e {
        atomic::ReplaceError::Io(e) => e,
        atomic::ReplaceError::Changed => io::Error::other("changed"),
    })
}

/// Removes an earlier page, when it is still a regular file reached without a link.
fn remove_page(dir: &Path, rel: &str) -> bool {
    check_target(dir, rel).is_ok()
        && std::fs::symlink_metadata(dir.join(rel)).is_ok_and(|m| m.is_file())
        && std::fs::remove_file(dir.join(rel)).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn files(names: &[&str]) -> Vec<(String, Vec<u8>)> {
        names.iter().map(|n| (n.to_string(), format!("<p>{n}</p>").into_bytes())).collect()
    }

    fn listing(dir: &Path) -> Vec<String> {
        let mut all: Vec<String> = walkdir::WalkDir::new(dir)
            .min_depth(1)
            .into_iter()
            .map(|e| e.unwrap().path().strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/"))
            .collect();
        all.sort();
        all
    }

    #[test]
    fn a_new_folder_gets_the_pages_and_their_list() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("site");
        let w = write_site(&dir, &files(&["index.html", "tiltak/a.html"]), false).unwrap();
        assert_eq!(w.written, ["index.html", "tiltak/a.html"]);
        assert!(w.removed.is_empty());
        assert_eq!(listing(&dir), [".rt-site", "index.html", "tiltak", "tiltak/a.html"]);
        assert_eq!(fs::read_to_string(dir.join("tiltak/a.html")).unwrap(), "<p>tiltak/a.html</p>");
        let marker = fs::read_to_string(dir.join(MARKER)).unwrap();
        assert!(marker.ends_with("\nindex.html\ntiltak/a.html\n"), "{marker}");
    }

    #[test]
    fn another_folder_with_things_in_it_is_refused_unless_forced() {
        let tmp = tempfile::tempdir().unwrap();
        fs::write(tmp.path().join("notes.txt"), "mine").unwrap();
        let err = write_site(tmp.path(), &files(&["index.html"]), false).unwrap_err();
        assert!(matches!(err.problem(), Some(Problem::SiteFolderTaken { files: 1, .. })), "{err:?}");
        assert_eq!(listing(tmp.path()), ["notes.txt"], "nothing written");
        write_site(tmp.path(), &files(&["index.html"]), true).unwrap();
        assert_eq!(listing(tmp.path()), [".rt-site", "index.html", "notes.txt"]);
        assert_eq!(fs::read_to_string(tmp.path().join("notes.txt")).unwrap(), "mine");
    }

    #[test]
    fn an_earlier_site_is_rewritten_and_its_pages_the_new_one_lacks_removed() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = &tmp.path().join("site");
        write_site(dir, &files(&["index.html", "tiltak/a.html", "tiltak/b.html"]), false).unwrap();
        fs::write(dir.join(".htaccess"), "Options -Indexes").unwrap();
        // An entry no run of rt writes is never acted on.
        let marker = fs::read_to_string(dir.join(MARKER)).unwrap();
        fs::write(dir.join(MARKER), format!("{marker}../outside.txt\n")).unwrap();
        fs::write(tmp.path().join("outside.txt"), "x").unwrap();
        let w = write_site(dir, &files(&["index.html", "tiltak/a.html"]), false).unwrap();
        assert_eq!(w.removed, ["tiltak/b.html"]);
        assert_eq!(listing(dir), [".htaccess", ".rt-site", "index.html", "tiltak", "tiltak/a.html"]);
        assert!(tmp.path().join("outside.txt").exists());
    }

    #[cfg(unix)]
    #[test]
    fn links_are_never_written_through() {
        use std::os::unix::fs::symlink;
        let tmp = tempfile::tempdir().unwrap();
        let elsewhere = tmp.path().join("elsewhere");
        fs::create_dir(&elsewhere).unwrap();
        fs::write(elsewhere.join("a.html"), "precious").unwrap();

        // The folder itself.
        symlink(&elsewhere, tmp.path().join("site")).unwrap();
        let err = write_site(&tmp.path().join("site"), &files(&["index.html"]), true).unwrap_err();
        assert!(matches!(err.problem(), Some(Problem::SiteLink { .. })), "{err:?}");

        // A folder inside it, and a file, in an earlier site (and with --force).
        let dir = tmp.path().join("real");
        write_site(&dir, &files(&["index.html"]), false).unwrap();
        symlink(&elsewhere, dir.join("tiltak")).unwrap();
        let err = write_site(&dir, &files(&["index.html", "tiltak/a.html"]), true).unwrap_err();
        assert!(matches!(err.problem(), Some(Problem::SiteLink { path }) if path.ends_with("tiltak")));
        fs::remove_file(dir.join("tiltak")).unwrap();
        fs::remove_file(dir.join("index.html")).unwrap();
        symlink(elsewhere.join("a.html"), dir.join("index.html")).unwrap();
        let err = write_site(&dir, &files(&["index.html"]), true).unwrap_err();
        assert!(matches!(err.problem(), Some(Problem::SiteLink { .. })), "{err:?}");
        assert_eq!(fs::read_to_string(elsewhere.join("a.html")).unwrap(), "precious");
    }

    #[test]
    fn a_file_or_folder_in_the_way_is_refused_before_anything_is_written() {
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("file");
        fs::write(&file, "x").unwrap();
        let err = write_site(&file, &files(&["index.html"]), true).unwrap_err();
        assert!(matches!(err.problem(), Some(Problem::SiteNotAFolder { .. })), "{err:?}");
        let dir = tmp.path().join("site");
        fs::create_dir_all(dir.join("index.html")).unwrap();
        let err = write_site(&dir, &files(&["a.css", "index.html"]), true).unwrap_err();
        assert!(matches!(err.problem(), Some(Problem::SiteNotAFile { .. })), "{err:?}");
        assert!(!dir.join("a.css").exists(), "refused before the first file");
    }

    #[test]
    fn site_paths() {
        for good in ["index.html", "tiltak/kid-kurs.html", "style.css"] {
            assert!(is_site_path(good), "{good}");
        }
        for bad in ["", "../x.html", "/etc/x", "a//b", "tiltak/../x", ".rt-site", "a\\b", "con.html", "a b"] {
            assert!(!is_site_path(bad), "{bad}");
        }
    }
}
