//! What the invitation mail may say (R7), as a plain view for the template: the meeting,
//! and per case the referring employee and unit, the way in, and the user's initials and
//! birth date — or that it is an anonymous discussion, or guidance without a user. The
//! case's situation texts are not in the view at all, so no template can leak them.
//!
//! The identity is there only while the user's consent holds on the day judged (the meeting,
//! or today if later; see `rules::consent`); after that the case reads as an anonymous
//! discussion. A guest — someone invited who is no standing member (see `rules::invitation`)
//! — gets a view of their own ([`GuestView`]) with only the cases they come for.

use chrono::{Duration, NaiveDate};
use serde::Serialize;

use super::dates;
use crate::lang::Lang;
use crate::model::{CaseSummary, Config, Meeting, User};
use crate::rules::consent;
use crate::rules::invitation::Guest;

/// The whole invitation, as templates see it (documented in `templates/README.md`).
#[derive(Serialize, Debug)]
pub struct AgendaView {
    pub lang: &'static str,
    pub team: String,
    pub leader: Option<PersonView>,
    pub meeting: MeetingView,
    pub cases: Vec<CaseView>,
    /// The user's contact persons at the centre invited to the meeting (R7), once each.
    pub contacts: Vec<PersonView>,
    /// Everyone invited who is no standing member (a referrer, a contact person), once each;
    /// each gets a mail of their own.
    pub guests: Vec<PersonView>,
    /// The standing members the mail goes to.
    pub members: Vec<PersonView>,
    /// The next meeting with room and its referral deadline, when there is one.
    pub next: Option<NextView>,
}

/// The mail to one guest: only the cases they come for, with their times.
#[derive(Serialize, Debug)]
pub struct GuestView {
    pub lang: &'static str,
    pub team: String,
    pub leader: Option<PersonView>,
    pub meeting: MeetingView,
    /// The guest.
    pub guest: PersonView,
    /// Their cases, each with `role` (`referrer` or `contact`).
    pub cases: Vec<CaseView>,
    /// When their first case starts.
    pub first_slot: String,
}

#[derive(Serialize, Debug, Clone)]
pub struct PersonView {
    pub name: String,
    /// Empty when `rt.toml` has no address for the person.
    pub email: String,
    pub unit: String,
}

#[derive(Serialize, Debug, Clone)]
pub struct MeetingView {
    pub date: String,
    pub date_long: String,
    pub weekday: String,
    pub start: String,
    pub end: String,
    pub place: String,
    pub capacity: u32,
    /// When the meeting was moved: the day it was first set for (else empty).
    pub moved_from: String,
    pub moved_from_long: String,
}

#[derive(Serialize, Debug, Clone)]
pub struct CaseView {
    pub number: usize,
    pub id: String,
    pub slot_start: String,
    pub slot_end: String,
    pub referrer: String,
    pub unit: String,
    pub unit_name: String,
    pub way: &'static str,
    /// The way in as named, a BTI case by the level it stands at ("BTI nivå 2").
    pub way_label: String,
    /// `known`, `anonymous` or `none` (guidance without a user).
    pub kind: &'static str,
    /// A known user whose consent no longer holds: shown as an anonymous discussion.
    pub lapsed: bool,
    pub initials: String,
    pub born: String,
    pub born_long: String,
    pub bti_level: Option<u8>,
    pub invite: Vec<String>,
    /// In a guest's mail: why they come (`referrer` or `contact`); else empty.
    pub role: &'static str,
}

#[derive(Serialize, Debug)]
pub struct NextView {
    pub date: String,
    pub date_long: String,
    pub deadline: String,
    pub deadline_long: String,
}

/// A person as the config knows them: a standing member, the leader, or a listed contact.
pub fn person(config: &Config, name: &str) -> PersonView {
    let known = config
        .members
        .iter()
        .chain(config.leader.as_ref())
        .chain(config.contacts.iter())
        .find(|p| p.name.eq_ignore_ascii_case(name.trim()));
    PersonView {
        name: name.trim().to_string(),
        email: known.map(|p| p.email.clone()).unwrap_or_default(),
        unit: known.map(|p| config.unit_name(&p.unit).to_string()).unwrap_or_default(),
    }
}

/// The 90 minutes (or whatever the meeting has) shared by the cases in order; the last slot
/// takes what division leaves over.
pub fn slots(meeting: &Meeting, n: usize) -> Vec<(String, String)> {
    if n == 0 {
        return Vec::new();
    }
    let each = i64::from(meeting.minutes) / n as i64;
    (0..n)
        .map(|i| {
            let start = meeting.start + Duration::minutes(each * i as i64);
            let end = if i + 1 == n { meeting.end() } else { start + Duration::minutes(each) };
            (start.format("%H:%M").to_string(), end.format("%H:%M").to_string())
        })
        .collect()
}

/// Builds the view. `cases` are those placed in the meeting; `next` the next open meeting
/// with room; `guests` those invited who are no standing members; identity is judged on the
/// meeting day or `today`, whichever is later.
pub fn view(
    config: &Config,
    meeting: &Meeting,
    cases: &[&CaseSummary],
    guests: &[Guest],
    next: Option<NaiveDate>,
    today: NaiveDate,
    lang: Lang,
) -> AgendaView {
    let judged = consent::judged_on(Some(meeting.date), today);
    let slots = slots(meeting, cases.len());
    let mut contacts: Vec<PersonView> = Vec::new();
    let case_views = cases
        .iter()
        .zip(slots)
        .enumerate()
        .map(|(i, (c, (slot_start, slot_end)))| {
            for name in &c.invite {
                if !contacts.iter().any(|p| p.name.eq_ignore_ascii_case(name)) {
                    contacts.push(person(config, name));
                }
            }
            let lapsed = !consent::identity_allowed(*c, judged);
            let (kind, initials, born) = match &c.user {
                User::Known { .. } if lapsed => ("anonymous", String::new(), None),
                User::Known { initials, born } => ("known", initials.clone(), Some(*born)),
                User::Anonymous { .. } => ("anonymous", String::new(), None),
                User::Nobody => ("none", String::new(), None),
                User::Removed => ("removed", String::new(), None),
            };
            CaseView {
                number: i + 1,
                id: c.id.to_string(),
                slot_start,
                slot_end,
                referrer: c.referrer.name.clone(),
                unit: c.referrer.unit.clone(),
                unit_name: config.unit_name(&c.referrer.unit).to_string(),
                way: c.way_in.code(),
                way_label: c.way_in.label_at(c.bti_level, lang),
                kind,
                lapsed,
                initials,
                born: born.map(|b| b.to_string()).unwrap_or_default(),
                born_long: born.map(|b| dates::plain(b, lang)).unwrap_or_default(),
                bti_level: c.bti_level,
                invite: c.invite.clone(),
                role: "",
            }
        })
        .collect();
    let members = config
        .members
        .iter()
        .map(|m| PersonView {
            name: m.name.clone(),
            email: m.email.clone(),
            unit: config.unit_name(&m.unit).to_string(),
        })
        .collect();
    let deadline_days = i64::from(config.meetings.referral_deadline_days);
    AgendaView {
        lang: lang.code(),
        team: config.team.clone(),
        leader: config.leader.as_ref().map(|l| PersonView {
            name: l.name.clone(),
            email: l.email.clone(),
            unit: config.unit_name(&l.unit).to_string(),
        }),
        meeting: MeetingView {
            date: meeting.date.to_string(),
            date_long: dates::long(meeting.date, lang),
            weekday: crate::model::dates::weekday_name(chrono::Datelike::weekday(&meeting.date), lang)
                .to_string(),
            start: meeting.start.format("%H:%M").to_string(),
            end: meeting.end().format("%H:%M").to_string(),
            place: meeting.place.clone(),
            capacity: config.meetings.cases_per_meeting,
            moved_from: meeting.moved_from.map(|d| d.to_string()).unwrap_or_default(),
            moved_from_long: meeting.moved_from.map(|d| dates::long(d, lang)).unwrap_or_default(),
        },
        cases: case_views,
        contacts,
        guests: guests
            .iter()
            .map(|g| PersonView {
                name: g.name.clone(),
                email: g.email().unwrap_or_default().to_string(),
                unit: g.person.map(|p| config.unit_name(&p.unit).to_string()).unwrap_or_default(),
            })
            .collect(),
        members,
        next: next.map(|n| {
            let deadline = n - Duration::days(deadline_days);
            NextView {
                date: n.to_string(),
                date_long: dates::long(n, lang),
                deadline: deadline.to_string(),
                deadline_long: dates::long(deadline, lang),
            }
        }),
    }
}

/// The view of one guest's mail: the meeting, and only the cases they come for.
pub fn guest_view(agenda: &AgendaView, guest: &Guest) -> GuestView {
    let cases: Vec<CaseView> = guest
        .cases
        .iter()
        .filter_map(|(i, role)| agenda.cases.get(*i).map(|c| CaseView { role: role.code(), ..c.clone() }))
        .collect();
    let person = agenda.guests.iter().find(|p| p.name == guest.name).cloned().unwrap_or(PersonView {
        name: guest.name.clone(),
        email: String::new(),
        unit: String::new(),
    });
    GuestView {
        lang: agenda.lang,
        team: agenda.team.clone(),
        leader: agenda.leader.clone(),
        meeting: agenda.meeting.clone(),
        guest: person,
        first_slot: cases.first().map(|c| c.slot_start.clone()).unwrap_or_default(),
        cases,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::meeting::uid_for;
    use crate::testing::d;

    fn meeting() -> Meeting {
        Meeting {
            date: d(2027, 1, 12),
            start: chrono::NaiveTime::from_hms_opt(12, 30, 0).unwrap(),
            minutes: 90,
            place: "Møterommet".into(),
            uid: uid_for("t", d(2027, 1, 12)),
            sequence: 0,
            cancelled: None,
            moved_from: None,
            attendance: None,
        }
    }

    #[test]
    fn the_meeting_time_is_shared_by_the_cases_in_order() {
        let s = slots(&meeting(), 3);
        assert_eq!(
            s,
            [
                ("12:30".into(), "13:00".into()),
                ("13:00".into(), "13:30".into()),
                ("13:30".into(), "14:00".into())
            ]
        );
        let s = slots(&meeting(), 4);
        assert_eq!(s[3], ("13:36".into(), "14:00".into()), "the last slot takes the remainder");
        assert!(slots(&meeting(), 0).is_empty());
    }
}
