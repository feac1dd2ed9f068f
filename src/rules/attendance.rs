//! Who was at a meeting: the standing members present and absent, and the guests — each
//! guest with the case(s) she came for.
//!
//! The first time a held meeting's referat is made, rt takes what it expects — every
//! standing member present, every invited guest there for the cases that invite her (see
//! [`super::invitation`]) — changed by `--absent` and `--guest`; that is stored, and every
//! later referat of the meeting starts from what was stored. Each referat shows the members,
//! and of the guests only those who came for its case (a guest added with `--guest` who no
//! case invites came for the whole meeting): a guest sees only her own case, and is seen
//! only in it. Because the cases a guest came for are stored with the meeting, a later
//! change to a case — `rt purge` emptying its names, a consent made anonymous — does not
//! change what the referat of another case says.
//!
//! A meeting stored by an older `rt` has no cases for its guests. Such a guest is judged as
//! today when that is unambiguous: one a case of the meeting still invites came for those
//! cases; one no case invites came for the whole meeting — unless a case of the meeting has
//! been anonymised since, for then she may have come for that case, and she is left out of
//! every referat rather than shown in one she did not come for.

use crate::model::{Attendance, CaseId, Config};
use crate::problem::Problem;
use crate::suggest;

/// A guest the meeting's cases invite, and the cases she is invited for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Expected {
    /// The name, as `rt.toml` (or the case) has it.
    pub name: String,
    /// The cases of the meeting that invite her.
    pub cases: Vec<CaseId>,
}

/// Finds a name in a list, case-insensitively.
fn find<'a>(list: &'a [String], name: &str) -> Option<&'a String> {
    list.iter().find(|n| n.eq_ignore_ascii_case(name.trim()))
}

fn remove(list: &mut Vec<String>, name: &str) {
    list.retain(|n| !n.eq_ignore_ascii_case(name));
}

fn add(list: &mut Vec<String>, name: &str) {
    if find(list, name).is_none() {
        list.push(name.to_string());
    }
}

/// The cases a guest came for, as stored; `None` when nothing is stored for her.
fn stored_cases<'a>(att: &'a Attendance, name: &str) -> Option<&'a [CaseId]> {
    att.came_for.iter().find(|(n, _)| n.eq_ignore_ascii_case(name.trim())).map(|(_, c)| c.as_slice())
}

fn expected_cases<'a>(expected: &'a [Expected], name: &str) -> Option<&'a [CaseId]> {
    expected.iter().find(|e| e.name.eq_ignore_ascii_case(name.trim())).map(|e| e.cases.as_slice())
}

/// Records the cases a guest came for, unless they are stored already: those that invite
/// her, or none (the whole meeting).
fn record_cases(att: &mut Attendance, expected: &[Expected], name: &str) {
    if stored_cases(att, name).is_none() {
        let cases = expected_cases(expected, name).map(<[CaseId]>::to_vec).unwrap_or_default();
        att.came_for.push((name.to_string(), cases));
    }
}

/// The attendance of a meeting: what was stored (or else what is expected), with those given
/// as absent and as guests; names as `rt.toml` (or the case) has them. `expected` are the
/// meeting's invited guests. An absent name must be a standing member or a guest of the
/// meeting; a guest must be a person of `rt.toml` or invited, and no standing member.
pub fn resolve(
    config: &Config,
    expected: &[Expected],
    stored: Option<&Attendance>,
    absent: &[String],
    guests: &[String],
) -> Result<Attendance, Problem> {
    let mut att = stored.cloned().unwrap_or_else(|| Attendance {
        present: config.members.iter().map(|m| m.name.clone()).collect(),
        absent: Vec::new(),
        guests: expected.iter().map(|e| e.name.clone()).collect(),
        came_for: expected.iter().map(|e| (e.name.clone(), e.cases.clone())).collect(),
    });
    let known_guests: Vec<String> =
        expected.iter().map(|e| &e.name).chain(&att.guests).chain(&att.absent).cloned().collect();
    for name in absent {
        let canonical = config
            .member(name)
            .map(|m| m.name.clone())
            .or_else(|| find(&known_guests, name).cloned())
            .ok_or_else(|| {
                let names = config
                    .members
                    .iter()
                    .map(|m| m.name.as_str())
                    .chain(known_guests.iter().map(String::as_str));
                Problem::UnknownMember { name: name.clone(), suggestion: suggest::closest(name, names) }
            })?;
        remove(&mut att.present, &canonical);
        remove(&mut att.guests, &canonical);
        add(&mut att.absent, &canonical);
        if !super::invitation::is_standing(config, &canonical) {
            record_cases(&mut att, expected, &canonical);
        }
    }
    for name in guests {
        if super::invitation::is_standing(config, name) {
            return Err(Problem::GuestIsMember { name: name.trim().to_string() });
        }
        let canonical = config
            .person(name)
            .map(|p| p.name.clone())
            .or_else(|| find(&known_guests, name).cloned())
            .ok_or_else(|| {
                let names = config
                    .contacts
                    .iter()
                    .map(|p| p.name.as_str())
                    .chain(known_guests.iter().map(String::as_str));
                Problem::UnknownGuest { name: name.clone(), suggestion: suggest::closest(name, names) }
            })?;
        remove(&mut att.absent, &canonical);
        add(&mut att.guests, &canonical);
        record_cases(&mut att, expected, &canonical);
    }
    Ok(att)
}

/// What the meeting looks like today, for judging a guest stored without her cases.
#[derive(Clone, Copy, Debug)]
pub struct Today<'a> {
    /// The guests the meeting's cases invite now.
    pub expected: &'a [Expected],
    /// Whether a case of the meeting has been anonymised (its invitations are gone).
    pub anonymised_case: bool,
}

/// What the referat of case `case` shows of a meeting's attendance: the members, and of the
/// guests (present or absent) those who came for this case, or for the whole meeting.
pub fn for_case(config: &Config, att: &Attendance, case: CaseId, today: Today) -> Attendance {
    let shown = |name: &&String| match stored_cases(att, name) {
        Some(cases) => cases.is_empty() || cases.contains(&case),
        None => match expected_cases(today.expected, name) {
            Some(cases) => cases.contains(&case),
            None => super::invitation::is_standing(config, name) || !today.anonymised_case,
        },
    };
    Attendance {
        present: att.present.clone(),
        absent: att.absent.iter().filter(shown).cloned().collect(),
        guests: att.guests.iter().filter(shown).cloned().collect(),
        came_for: Vec::new(),
    }
}

/// Takes a case out of a meeting's attendance, when its personal data goes (`rt purge`, a
/// consent made anonymous): no guest came for it any more, and a guest who came for it alone
/// — present or absent — is no longer named. A guest who also came for another case, or for
/// the whole meeting, stays, as do the standing members (their presence is the team's, not
/// the case's), and those in `keep` (the referrer of a case that goes on anonymously, still
/// named in it). Whether anything changed.
pub fn forget_case(config: &Config, att: &mut Attendance, case: CaseId, keep: &[&str]) -> bool {
    let mut changed = false;
    let mut gone = Vec::new();
    for (name, cases) in &mut att.came_for {
        if cases.contains(&case) && !keep.contains(&name.as_str()) {
            cases.retain(|c| *c != case);
            changed = true;
            if cases.is_empty() {
                gone.push(name.clone());
            }
        }
    }
    for name in &gone {
        att.came_for.retain(|(n, _)| n != name);
        if !super::invitation::is_standing(config, name) {
            remove(&mut att.guests, name);
            remove(&mut att.absent, name);
        }
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Person;
    use crate::testing::config;

    fn team() -> Config {
        let mut c = config();
        let p = |n: &str| Person { name: n.into(), email: String::new(), unit: "barnevern".into() };
        c.members = vec![p("Marit Haugen"), p("Eirik Moen")];
        c.contacts = vec![p("Line Dahl"), p("Per Nav")];
        c
    }

    fn names(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    fn id(s: &str) -> CaseId {
        CaseId::parse(s).unwrap()
    }

    fn line_for(case: &str) -> Vec<Expected> {
        vec![Expected { name: "Line Dahl".into(), cases: vec![id(case)] }]
    }

    const A: &str = "2027-01-05-aaaa";
    const B: &str = "2027-01-05-bbbb";

    #[test]
    fn first_time_everyone_expected_is_there_but_those_absent() {
        let att = resolve(&team(), &line_for(A), None, &names(&["eirik moen"]), &[]).unwrap();
        assert_eq!(att.present, ["Marit Haugen"]);
        assert_eq!(att.absent, ["Eirik Moen"]);
        assert_eq!(att.guests, ["Line Dahl"]);
        assert_eq!(att.came_for, [("Line Dahl".to_string(), vec![id(A)])]);
    }

    #[test]
    fn later_changes_start_from_what_was_stored() {
        let stored = resolve(&team(), &line_for(A), None, &names(&["Eirik Moen"]), &[]).unwrap();
        let again = resolve(&team(), &line_for(A), Some(&stored), &[], &[]).unwrap();
        assert_eq!(again, stored, "nothing given: as stored");
        let changed =
            resolve(&team(), &[], Some(&stored), &names(&["Line Dahl"]), &names(&["Per Nav"])).unwrap();
        assert_eq!(changed.absent, ["Eirik Moen", "Line Dahl"]);
        assert_eq!(changed.guests, ["Per Nav"]);
        assert_eq!(
            changed.came_for,
            [("Line Dahl".to_string(), vec![id(A)]), ("Per Nav".to_string(), vec![])],
            "Line Dahl keeps her case; Per Nav, whom no case invites, came for the meeting"
        );
    }

    #[test]
    fn unknown_names_and_members_as_guests_are_refused() {
        let err = resolve(&team(), &[], None, &names(&["Erik Moen"]), &[]).unwrap_err();
        assert_eq!(
            err,
            Problem::UnknownMember { name: "Erik Moen".into(), suggestion: Some("Eirik Moen".into()) }
        );
        let err = resolve(&team(), &[], None, &[], &names(&["Line Dhal"])).unwrap_err();
        assert_eq!(
            err,
            Problem::UnknownGuest { name: "Line Dhal".into(), suggestion: Some("Line Dahl".into()) }
        );
        let err = resolve(&team(), &[], None, &[], &names(&["Marit Haugen"])).unwrap_err();
        assert_eq!(err, Problem::GuestIsMember { name: "Marit Haugen".into() });
    }

    #[test]
    fn a_guest_is_shown_in_the_cases_she_came_for_only() {
        let att = Attendance {
            present: names(&["Marit Haugen"]),
            absent: names(&["Eirik Moen", "Per Nav"]),
            guests: names(&["Line Dahl", "Ola Hjelper"]),
            came_for: vec![
                ("Line Dahl".into(), vec![id(A)]),
                ("Per Nav".into(), vec![id(B)]),
                ("Ola Hjelper".into(), vec![]),
            ],
        };
        // What the cases say today does not matter once it is stored.
        let today = Today { expected: &[], anonymised_case: true };
        let mine = for_case(&team(), &att, id(A), today);
        assert_eq!(
            (mine.absent, mine.guests),
            (names(&["Eirik Moen"]), names(&["Line Dahl", "Ola Hjelper"]))
        );
        let other = for_case(&team(), &att, id(B), today);
        assert_eq!(
            (other.absent, other.guests),
            (names(&["Eirik Moen", "Per Nav"]), names(&["Ola Hjelper"]))
        );
    }

    #[test]
    fn a_forgotten_case_takes_the_guests_who_came_for_it_alone() {
        let mut att = Attendance {
            present: names(&["Marit Haugen"]),
            absent: names(&["Eirik Moen", "Per Nav"]),
            guests: names(&["Line Dahl", "Ola Hjelper", "Kari Begge"]),
            came_for: vec![
                ("Line Dahl".into(), vec![id(A)]),
                ("Per Nav".into(), vec![id(A)]),
                ("Ola Hjelper".into(), vec![]),
                ("Kari Begge".into(), vec![id(A), id(B)]),
            ],
        };
        assert!(forget_case(&team(), &mut att, id(A), &[]));
        assert_eq!(
            att,
            Attendance {
                present: names(&["Marit Haugen"]),
                absent: names(&["Eirik Moen"]),
                guests: names(&["Ola Hjelper", "Kari Begge"]),
                came_for: vec![("Ola Hjelper".into(), vec![]), ("Kari Begge".into(), vec![id(B)])],
            },
            "Line Dahl and Per Nav came for A alone; Kari Begge keeps B; Ola Hjelper the meeting"
        );
        let today = Today { expected: &[], anonymised_case: true };
        assert_eq!(for_case(&team(), &att, id(A), today).guests, ["Ola Hjelper"]);
        // A referrer still named in the case stays with it.
        let mut kept = att.clone();
        kept.guests.push("Nina Berg".into());
        kept.came_for.push(("Nina Berg".into(), vec![id(B)]));
        let before = kept.clone();
        assert!(!forget_case(&team(), &mut kept, id(B), &["Nina Berg", "Kari Begge"]));
        assert_eq!(kept, before);
        let again = att.clone();
        assert!(!forget_case(&team(), &mut att, id(A), &[]), "nothing left to take");
        assert_eq!(att, again);
    }

    #[test]
    fn a_forgotten_case_keeps_a_standing_member_stored_as_a_guest_by_hand() {
        let mut att = Attendance {
            present: names(&["Marit Haugen"]),
            absent: names(&["Eirik Moen"]),
            guests: vec![],
            came_for: vec![("Eirik Moen".into(), vec![id(A)])],
        };
        assert!(forget_case(&team(), &mut att, id(A), &[]));
        assert_eq!((att.absent, att.came_for), (names(&["Eirik Moen"]), vec![]));
    }

    #[test]
    fn a_guest_stored_without_cases_is_judged_as_today_when_that_is_unambiguous() {
        let att = Attendance {
            present: names(&["Marit Haugen"]),
            absent: names(&["Eirik Moen"]),
            guests: names(&["Line Dahl", "Per Nav"]),
            came_for: vec![],
        };
        let invited = line_for(A);
        let today = Today { expected: &invited, anonymised_case: false };
        assert_eq!(for_case(&team(), &att, id(A), today).guests, ["Line Dahl", "Per Nav"]);
        assert_eq!(for_case(&team(), &att, id(B), today).guests, ["Per Nav"], "Per Nav: the meeting");
        // Once a case of the meeting is anonymised, an uninvited guest may have come for it.
        let today = Today { expected: &invited, anonymised_case: true };
        let b = for_case(&team(), &att, id(B), today);
        assert_eq!((b.absent, b.guests), (names(&["Eirik Moen"]), names(&[])));
        assert_eq!(for_case(&team(), &att, id(A), today).guests, ["Line Dahl"]);
    }
}
