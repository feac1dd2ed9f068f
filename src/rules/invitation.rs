//! R7 per person: who comes to a meeting besides the standing members, and for which case.
//!
//! The employee who brings a case is invited to its meeting, and so are the contact persons
//! the user wants there. A standing member (or the leader, who sends the invitation) is
//! there anyway; everyone else is a *guest*, who gets a mail of their own listing only the
//! cases they come for. A guest is found in `rt.toml` by name (members, leader,
//! `[[contacts]]`); one who is not there has no address, and the leader is told.

use crate::model::{CaseSummary, Config, Person};

/// Why a guest comes to a case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// They referred the case.
    Referrer,
    /// The user wants them there (R7).
    Contact,
}

impl Role {
    /// The code templates see.
    pub fn code(self) -> &'static str {
        match self {
            Role::Referrer => "referrer",
            Role::Contact => "contact",
        }
    }
}

/// Someone invited to a meeting who is no standing member.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Guest<'c> {
    /// The name, as `rt.toml` has it (else as the case has it).
    pub name: String,
    /// The person in `rt.toml`, when listed there (with the address).
    pub person: Option<&'c Person>,
    /// The cases they come for (by position in the meeting's list), and why.
    pub cases: Vec<(usize, Role)>,
}

impl Guest<'_> {
    /// The address, when `rt.toml` has one.
    pub fn email(&self) -> Option<&str> {
        self.person.map(|p| p.email.trim()).filter(|e| !e.is_empty())
    }
}

/// Whether a name is someone who is at the meeting anyway: a standing member, or the leader.
pub fn is_standing(config: &Config, name: &str) -> bool {
    config.member(name).is_some()
        || config.leader.as_ref().is_some_and(|l| l.name.eq_ignore_ascii_case(name.trim()))
}

/// The guests of a meeting whose cases are `cases` (in the meeting's order), each once, in
/// the order they first come.
pub fn guests<'c>(config: &'c Config, cases: &[&CaseSummary]) -> Vec<Guest<'c>> {
    let mut out: Vec<Guest<'c>> = Vec::new();
    for (i, case) in cases.iter().enumerate() {
        let invited = std::iter::once((case.referrer.name.as_str(), Role::Referrer))
            .chain(case.invite.iter().map(|n| (n.as_str(), Role::Contact)));
        for (name, role) in invited {
            let name = name.trim();
            if name.is_empty() || is_standing(config, name) {
                continue;
            }
            let person = config.person(name);
            let shown = person.map_or(name, |p| p.name.as_str());
            match out.iter_mut().find(|g| g.name.eq_ignore_ascii_case(shown)) {
                Some(g) if !g.cases.iter().any(|(c, _)| *c == i) => g.cases.push((i, role)),
                Some(_) => {}
                None => out.push(Guest { name: shown.to_string(), person, cases: vec![(i, role)] }),
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::CaseSummary;
    use crate::testing::{bti_case, config};

    fn summary(referrer: &str, invite: &[&str]) -> CaseSummary {
        let mut c: CaseSummary = bti_case().into();
        c.referrer.name = referrer.into();
        c.invite = invite.iter().map(|s| s.to_string()).collect();
        c
    }

    #[test]
    fn members_are_no_guests_and_each_guest_comes_once_with_their_cases() {
        let mut config = config();
        let person = |name: &str| Person {
            name: name.into(),
            email: format!("{}@x.example", &name[..3]),
            unit: "helsestasjon".into(),
        };
        config.members.push(person("Marit Haugen"));
        config.contacts.push(person("Line Dahl"));
        let (member, contact) = ("Marit Haugen".to_string(), "Line Dahl".to_string());
        let a = summary(&member, &[&contact.to_uppercase()]);
        let b = summary("Per Ukjent", &[&contact, &member, "Ingrid Leder"]);
        let c = summary(&contact, &[]);
        let found = guests(&config, &[&a, &b, &c]);
        let shown: Vec<(&str, Vec<(usize, Role)>)> =
            found.iter().map(|g| (g.name.as_str(), g.cases.clone())).collect();
        assert_eq!(
            shown,
            [
                (contact.as_str(), vec![(0, Role::Contact), (1, Role::Contact), (2, Role::Referrer)]),
                ("Per Ukjent", vec![(1, Role::Referrer)]),
            ]
        );
        assert!(found[0].email().is_some(), "a contact of rt.toml has an address");
        assert_eq!(found[1].email(), None, "someone not in rt.toml has none");
    }
}
