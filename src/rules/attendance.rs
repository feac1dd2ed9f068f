//! Who was at a meeting: the standing members present and absent, and the guests.
//!
//! The first time a held meeting's referat is made, rt takes what it expects — every
//! standing member present, every invited guest there (see [`super::invitation`]) — changed
//! by `--absent` and `--guest`; that is stored, and every later referat of the meeting starts
//! from what was stored. Each referat shows the members, and of the guests only those who
//! came for its case (or for no case in particular): a guest sees only their own case, and
//! is seen only in it.

use crate::model::{Attendance, Config};
use crate::problem::Problem;
use crate::suggest;

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

/// The attendance of a meeting: what was stored (or else what is expected), with those given
/// as absent and as guests; names as `rt.toml` (or the case) has them. `expected` are the
/// meeting's invited guests. An absent name must be a standing member or a guest of the
/// meeting; a guest must be a person of `rt.toml` or invited, and no standing member.
pub fn resolve(
    config: &Config,
    expected: &[String],
    stored: Option<&Attendance>,
    absent: &[String],
    guests: &[String],
) -> Result<Attendance, Problem> {
    let mut att = stored.cloned().unwrap_or_else(|| Attendance {
        present: config.members.iter().map(|m| m.name.clone()).collect(),
        absent: Vec::new(),
        guests: expected.to_vec(),
    });
    let known_guests: Vec<String> = expected.iter().chain(&att.guests).chain(&att.absent).cloned().collect();
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
    }
    Ok(att)
}

/// What one case's referat shows of a meeting's attendance: the members, and of the guests
/// (present or absent) those invited for this case, or for no case of the meeting.
pub fn for_case(att: &Attendance, case_guests: &[String], meeting_guests: &[String]) -> Attendance {
    let shown = |name: &&String| find(case_guests, name).is_some() || find(meeting_guests, name).is_none();
    Attendance {
        present: att.present.clone(),
        absent: att.absent.iter().filter(shown).cloned().collect(),
        guests: att.guests.iter().filter(shown).cloned().collect(),
    }
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

    #[test]
    fn first_time_everyone_expected_is_there_but_those_absent() {
        let att = resolve(&team(), &names(&["Line Dahl"]), None, &names(&["eirik moen"]), &[]).unwrap();
        assert_eq!(att.present, ["Marit Haugen"]);
        assert_eq!(att.absent, ["Eirik Moen"]);
        assert_eq!(att.guests, ["Line Dahl"]);
    }

    #[test]
    fn later_changes_start_from_what_was_stored() {
        let stored = resolve(&team(), &names(&["Line Dahl"]), None, &names(&["Eirik Moen"]), &[]).unwrap();
        let again = resolve(&team(), &names(&["Line Dahl"]), Some(&stored), &[], &[]).unwrap();
        assert_eq!(again, stored, "nothing given: as stored");
        let changed =
            resolve(&team(), &[], Some(&stored), &names(&["Line Dahl"]), &names(&["Per Nav"])).unwrap();
        assert_eq!(changed.absent, ["Eirik Moen", "Line Dahl"]);
        assert_eq!(changed.guests, ["Per Nav"]);
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
    fn a_guest_is_shown_in_their_own_case_only() {
        let att = Attendance {
            present: names(&["Marit Haugen"]),
            absent: names(&["Eirik Moen", "Per Nav"]),
            guests: names(&["Line Dahl", "Ola Hjelper"]),
        };
        let meeting = names(&["Line Dahl", "Per Nav"]);
        let mine = for_case(&att, &names(&["Line Dahl"]), &meeting);
        assert_eq!(
            (mine.absent, mine.guests),
            (names(&["Eirik Moen"]), names(&["Line Dahl", "Ola Hjelper"]))
        );
        let other = for_case(&att, &names(&["Per Nav"]), &meeting);
        assert_eq!(
            (other.absent, other.guests),
            (names(&["Eirik Moen", "Per Nav"]), names(&["Ola Hjelper"]))
        );
    }
}
