//! Finding one case by id, and editing a case file safely.
//!
//! An edit reads the file inside a [`Transaction`] (so under the team lock: no other `rt`
//! can change it between the read and the write), changes the case, and stages it written
//! back through [`super::case_file::apply`], so comments, hand edits and unknown keys survive.
//! The write happens only if the file still holds exactly what was read — a person's edit in
//! the meantime is never overwritten — and never for a file from a newer schema.

use super::atomic::Privacy;
use super::transaction::Transaction;
use super::{TeamDir, case_file, load};
use crate::error::Error;
use crate::model::{Case, CaseId};
use crate::problem::Problem;
use crate::suggest;

/// A case read for editing.
#[derive(Clone, Debug)]
pub struct Editable {
    /// Relative path of its file.
    pub rel: String,
    /// The file's text as read.
    text: String,
    /// The case as read.
    pub case: Case,
    /// Whether the file comes from a newer schema.
    pub newer: bool,
}

/// Finds a case by id: at its own path first, else anywhere under `cases/` (a misplaced
/// file). A file with errors stops with them; an unknown id suggests the closest.
pub fn open(team: &TeamDir, id: &str) -> Result<Editable, Error> {
    let id = id.trim();
    let rel = match CaseId::parse(id) {
        Ok(parsed) if std::fs::symlink_metadata(team.path(&TeamDir::case_rel(&parsed))).is_ok() => {
            TeamDir::case_rel(&parsed)
        }
        _ => {
            let (cases, _) = load::cases(team);
            match cases.iter().find(|c| c.case.id.to_string() == id) {
                Some(found) => found.rel.clone(),
                None => {
                    let ids: Vec<String> = cases.iter().map(|c| c.case.id.to_string()).collect();
                    let suggestion = suggest::closest(id, ids.iter().map(String::as_str));
                    return Err(Problem::CaseNotFound { id: id.to_string(), suggestion }.into());
                }
            }
        }
    };
    let text = load::read_text(team, &rel)?
        .ok_or_else(|| Error::from(Problem::CaseNotFound { id: id.into(), suggestion: None }))?;
    let read = case_file::read(&rel, &text);
    match read.case {
        Some(case) => Ok(Editable { rel, text, case, newer: read.newer }),
        None => {
            let errors = read.diags.into_iter().filter(|d| d.is_error()).collect();
            Err(Error::invalid_file(&rel, errors))
        }
    }
}

/// [`open`], inside a transaction: the case is read under the team lock.
pub fn open_in(tx: &Transaction<'_>, id: &str) -> Result<Editable, Error> {
    open(tx.team(), id)
}

/// Stages `case` written back over the file `edit` was read from, keeping everything `rt`
/// does not manage. Refused for a newer schema; the transaction's commit refuses it when the
/// file changed since it was read.
pub fn save(tx: &mut Transaction<'_>, edit: &Editable, case: &Case) -> Result<(), Error> {
    if edit.newer {
        return Err(Problem::NewerFile { file: edit.rel.clone() }.into());
    }
    let mut doc: toml_edit::DocumentMut =
        edit.text.parse().map_err(|_| Error::invalid_file(&edit.rel, Vec::new()))?;
    case_file::apply(case, &mut doc);
    tx.replace(&edit.rel, &edit.text, doc.to_string(), Privacy::Private);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Status;
    use crate::store::atomic::{self, Privacy};
    use crate::testing::{bti_case, d};

    fn team_with_case(extra: &str) -> (tempfile::TempDir, TeamDir, String) {
        let dir = tempfile::tempdir().unwrap();
        let team = TeamDir::new(dir.path());
        let case = bti_case();
        let rel = TeamDir::case_rel(&case.id);
        let text =
            case_file::new_text(&case).replace("[situation]", "# notat fra leder\n[situation]") + extra;
        atomic::create_new(&team.path(&rel), text.as_bytes(), Privacy::Private).unwrap();
        (dir, team, rel)
    }

    #[test]
    fn an_edit_keeps_comments_and_unknown_keys() {
        let (_dir, team, rel) = team_with_case("\n[extra]\nsaksnr = \"G-1\"\n");
        let edit = open(&team, "2027-01-05-k7q2").unwrap();
        let mut case = edit.case.clone();
        case.status = Status::Scheduled;
        case.meeting = Some(d(2027, 1, 19));
        let mut tx = Transaction::begin(&team, "test", false).unwrap();
        save(&mut tx, &edit, &case).unwrap();
        tx.commit().unwrap();
        let text = std::fs::read_to_string(team.path(&rel)).unwrap();
        assert!(text.contains("# notat fra leder\n[situation]"), "{text}");
        assert!(text.contains("saksnr = \"G-1\""), "{text}");
        assert!(text.contains("meeting = 2027-01-19"), "{text}");
        assert_eq!(open(&team, "2027-01-05-k7q2").unwrap().case, case);
    }

    #[test]
    fn an_edit_is_refused_when_someone_changed_the_file_meanwhile() {
        let (_dir, team, rel) = team_with_case("");
        let edit = open(&team, "2027-01-05-k7q2").unwrap();
        let theirs = std::fs::read_to_string(team.path(&rel)).unwrap() + "# endret av en annen\n";
        std::fs::write(team.path(&rel), &theirs).unwrap();
        let mut case = edit.case.clone();
        case.status = Status::Closed;
        case.closed = Some(d(2027, 2, 1));
        let mut tx = Transaction::begin(&team, "test", false).unwrap();
        save(&mut tx, &edit, &case).unwrap();
        assert!(matches!(tx.commit(), Err(Error::Stop(Problem::Changed { .. }))));
        assert_eq!(std::fs::read_to_string(team.path(&rel)).unwrap(), theirs, "their change survives");
    }

    #[test]
    fn a_file_from_a_newer_schema_is_never_rewritten() {
        let (_dir, team, rel) = team_with_case("");
        let text = std::fs::read_to_string(team.path(&rel)).unwrap().replace("schema = 1", "schema = 2");
        std::fs::write(team.path(&rel), &text).unwrap();
        let edit = open(&team, "2027-01-05-k7q2").unwrap();
        assert!(edit.newer);
        let mut case = edit.case.clone();
        case.status = Status::Closed;
        let mut tx = Transaction::begin(&team, "test", false).unwrap();
        assert!(matches!(save(&mut tx, &edit, &case), Err(Error::Stop(Problem::NewerFile { .. }))));
        drop(tx);
        assert_eq!(std::fs::read_to_string(team.path(&rel)).unwrap(), text);
    }

    #[test]
    fn a_misplaced_file_is_still_found_and_unknown_ids_get_a_suggestion() {
        let (_dir, team, rel) = team_with_case("");
        let moved = "cases/2026/2027-01-05-k7q2.toml";
        std::fs::create_dir_all(team.path("cases/2026")).unwrap();
        std::fs::rename(team.path(&rel), team.path(moved)).unwrap();
        assert_eq!(open(&team, "2027-01-05-k7q2").unwrap().rel, moved);
        match open(&team, "2027-01-05-k7q3") {
            Err(Error::Stop(Problem::CaseNotFound { suggestion, .. })) => {
                assert_eq!(suggestion.as_deref(), Some("2027-01-05-k7q2"))
            }
            other => panic!("{other:?}"),
        }
    }
}
