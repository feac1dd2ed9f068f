//! What the invitation mail may say (R7), as a plain view for the template: the meeting,
//! and per case the referring employee and unit, the way in, and the user's initials and
//! birth date — or that it is an anonymous discussion, or guidance without a user. The
//! case's situation texts are not in the view at all, so no template can leak them.

use chrono::{Duration, NaiveDate};
use serde::Serialize;

use super::dates;
use crate::lang::Lang;
use crate::model::{CaseSummary, Config, Meeting, User};

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
    /// The standing members the mail goes to.
    pub members: Vec<PersonView>,
    /// The next meeting and its referral deadline, when there is one.
    pub next: Option<NextView>,
}

#[derive(Serialize, Debug, Clone)]
pub struct PersonView {
    pub name: String,
    /// Empty when `rt.toml` has no address for the person.
    pub email: String,
    pub unit: String,
}

#[derive(Serialize, Debug)]
pub struct MeetingView {
    pub date: String,
    pub date_long: String,
    pub weekday: String,
    pub start: String,
    pub end: String,
    pub place: String,
    pub capacity: u32,
}

#[derive(Serialize, Debug)]
pub struct CaseView {
    pub number: usize,
    pub id: String,
    pub slot_start: String,
    pub slot_end: String,
    pub referrer: String,
    pub unit: String,
    pub unit_name: String,
    pub way: &'static str,
    pub way_label: &'static str,
    /// `known`, `anonymous` or `none` (guidance without a user).
    pub kind: &'static str,
    pub initials: String,
    pub born: String,
    pub born_long: String,
    pub bti_level: Option<u8>,
    pub invite: Vec<String>,
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

/// Builds the view. `cases` are those placed in the meeting; `next` the next open meeting.
pub fn view(
    config: &Config,
    meeting: &Meeting,
    cases: &[&CaseSummary],
    next: Option<NaiveDate>,
    lang: Lang,
) -> AgendaView {
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
            let (kind, initials, born) = match &c.user {
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
                way_label: c.way_in.label(lang),
                kind,
                initials,
                born: born.map(|b| b.to_string()).unwrap_or_default(),
                born_long: born.map(|b| dates::plain(b, lang)).unwrap_or_default(),
                bti_level: c.bti_level,
                invite: c.invite.clone(),
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
        },
        cases: case_views,
        contacts,
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
