//! The fields of a case, as a type: what a rule's finding is about.
//!
//! A [`Field`] knows its place in the case file (for `rt check`'s `path:line:column`), the
//! words a user reads for it, and the flag of `rt refer`, `rt record`, `rt decide` or
//! `rt close` that sets it — one exhaustive match each, so a new field cannot be missing
//! from one of them unnoticed, and a typo in a path is a compile error rather than a lost
//! hint. Keys of other files (`rt.toml`, the tiltaksbank) and flags that set no case field
//! are carried as [`Field::Key`], by their dotted path or flag as written.

use crate::lang::Lang;

/// A field of a case (or, as [`Field::Key`], a key of another file or a flag).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// `id`.
    Id,
    /// `way_in` (R1).
    WayIn,
    /// `status`.
    Status,
    /// `referred`.
    Referred,
    /// `meeting`.
    Meeting,
    /// `bti_level`.
    BtiLevel,
    /// `leader_consulted` (R2).
    LeaderConsulted,
    /// `invite`, or one of its names.
    Invite(Option<usize>),
    /// `closed`.
    Closed,
    /// `closed_reason`.
    ClosedReason,
    /// `referrer.name`.
    ReferrerName,
    /// `referrer.unit`.
    ReferrerUnit,
    /// `[user]` as a whole.
    User,
    /// `user.initials`.
    Initials,
    /// `user.born`.
    Born,
    /// `user.age`.
    Age,
    /// `[consent]` as a whole.
    Consent,
    /// `consent.given_by`.
    ConsentBy,
    /// `consent.date`.
    ConsentDate,
    /// `consent.units`, or one of them.
    ConsentUnits(Option<usize>),
    /// `consent.expires`.
    ConsentExpires,
    /// `consent.withdrawn`.
    ConsentWithdrawn,
    /// `situation.concern`.
    Concern,
    /// `situation.tried`.
    Tried,
    /// `situation.wishes`.
    Wishes,
    /// `situation.question`.
    Question,
    /// `[outcome]` as a whole.
    Outcome,
    /// `outcome.date`.
    OutcomeDate,
    /// `outcome.assessment`.
    Assessment,
    /// `outcome.next_step`.
    NextStep,
    /// `outcome.level2`.
    Level2,
    /// `outcome.follow_up`.
    FollowUp,
    /// `outcome.coordinator`.
    Coordinator,
    /// `outcome.proposed[i].measure`.
    ProposedMeasure(usize),
    /// `outcome.proposed[i].unit`.
    ProposedUnit(usize),
    /// `outcome.proposed[i].evaluate`.
    ProposedEvaluate(usize),
    /// `[decision]` as a whole.
    Decision,
    /// `decision.date`.
    DecisionDate,
    /// `decision.accepted`, or one of them.
    Accepted(Option<usize>),
    /// `decision.declined`, or one of them.
    Declined(Option<usize>),
    /// `followup.holder`: the stafettholder.
    Holder,
    /// `followup.closed` and `followup.closed_reason`.
    FollowupClosed,
    /// `followup.goals[i].text`.
    Goal(usize),
    /// `followup.measures[i].measure`.
    PlanMeasure(usize),
    /// `followup.measures[i].responsible`.
    Responsible(usize),
    /// `followup.measures[i].evaluate`.
    PlanEvaluate(usize),
    /// `followup.measures[i].goal`.
    PlanGoal(usize),
    /// `followup.participants[i].unit`.
    Participant(usize),
    /// `followup.participants[i].task`.
    Task(usize),
    /// `followup.handovers[i].to`.
    HandoverTo(usize),
    /// `followup.log[i].text`.
    LogText(usize),
    /// `followup.log[i].by`.
    LogBy(usize),
    /// `followup.log[i].date`.
    LogDate(usize),
    /// `followup.evaluations[i].note`.
    EvaluationNote(usize),
    /// `followup.evaluations[i].measure`.
    Evaluated(usize),
    /// A key of another file, or a flag that sets no case field, as written.
    Key(String),
}

impl Field {
    /// The field's place in the case file, as a dotted path with indexes
    /// (`consent.units[0]`), for locating it.
    pub fn path(&self) -> String {
        let indexed = |base: &str, i: &Option<usize>| match i {
            Some(i) => format!("{base}[{i}]"),
            None => base.to_string(),
        };
        match self {
            Field::Id => "id".into(),
            Field::WayIn => "way_in".into(),
            Field::Status => "status".into(),
            Field::Referred => "referred".into(),
            Field::Meeting => "meeting".into(),
            Field::BtiLevel => "bti_level".into(),
            Field::LeaderConsulted => "leader_consulted".into(),
            Field::Invite(i) => indexed("invite", i),
            Field::Closed => "closed".into(),
            Field::ClosedReason => "closed_reason".into(),
            Field::ReferrerName => "referrer.name".into(),
            Field::ReferrerUnit => "referrer.unit".into(),
            Field::User => "user".into(),
            Field::Initials => "user.initials".into(),
            Field::Born => "user.born".into(),
            Field::Age => "user.age".into(),
            Field::Consent => "consent".into(),
            Field::ConsentBy => "consent.given_by".into(),
            Field::ConsentDate => "consent.date".into(),
            Field::ConsentUnits(i) => indexed("consent.units", i),
            Field::ConsentExpires => "consent.expires".into(),
            Field::ConsentWithdrawn => "consent.withdrawn".into(),
            Field::Concern => "situation.concern".into(),
            Field::Tried => "situation.tried".into(),
            Field::Wishes => "situation.wishes".into(),
            Field::Question => "situation.question".into(),
            Field::Outcome => "outcome".into(),
            Field::OutcomeDate => "outcome.date".into(),
            Field::Assessment => "outcome.assessment".into(),
            Field::NextStep => "outcome.next_step".into(),
            Field::Level2 => "outcome.level2".into(),
            Field::FollowUp => "outcome.follow_up".into(),
            Field::Coordinator => "outcome.coordinator".into(),
            Field::ProposedMeasure(i) => format!("outcome.proposed[{i}].measure"),
            Field::ProposedUnit(i) => format!("outcome.proposed[{i}].unit"),
            Field::ProposedEvaluate(i) => format!("outcome.proposed[{i}].evaluate"),
            Field::Decision => "decision".into(),
            Field::DecisionDate => "decision.date".into(),
            Field::Accepted(i) => indexed("decision.accepted", i),
            Field::Declined(i) => indexed("decision.declined", i),
            Field::Holder => "followup.holder".into(),
            Field::FollowupClosed => "followup.closed".into(),
            Field::Goal(i) => format!("followup.goals[{i}].text"),
            Field::PlanMeasure(i) => format!("followup.measures[{i}].measure"),
            Field::Responsible(i) => format!("followup.measures[{i}].responsible"),
            Field::PlanEvaluate(i) => format!("followup.measures[{i}].evaluate"),
            Field::PlanGoal(i) => format!("followup.measures[{i}].goal"),
            Field::Participant(i) => format!("followup.participants[{i}].unit"),
            Field::Task(i) => format!("followup.participants[{i}].task"),
            Field::HandoverTo(i) => format!("followup.handovers[{i}].to"),
            Field::LogText(i) => format!("followup.log[{i}].text"),
            Field::LogBy(i) => format!("followup.log[{i}].by"),
            Field::LogDate(i) => format!("followup.log[{i}].date"),
            Field::EvaluationNote(i) => format!("followup.evaluations[{i}].note"),
            Field::Evaluated(i) => format!("followup.evaluations[{i}].measure"),
            Field::Key(key) => key.clone(),
        }
    }

    /// The field at a path as [`Field::path`] writes it (a key of no case field as
    /// [`Field::Key`]). Defined through `path`, so the two cannot disagree.
    pub fn from_path(path: &str) -> Field {
        const PLAIN: [Field; 33] = [
            Field::Id,
            Field::WayIn,
            Field::Status,
            Field::Referred,
            Field::Meeting,
            Field::BtiLevel,
            Field::LeaderConsulted,
            Field::Invite(None),
            Field::Closed,
            Field::ClosedReason,
            Field::ReferrerName,
            Field::ReferrerUnit,
            Field::User,
            Field::Initials,
            Field::Born,
            Field::Age,
            Field::Consent,
            Field::ConsentBy,
            Field::ConsentDate,
            Field::ConsentUnits(None),
            Field::ConsentExpires,
            Field::ConsentWithdrawn,
            Field::Concern,
            Field::Tried,
            Field::Wishes,
            Field::Question,
            Field::Outcome,
            Field::OutcomeDate,
            Field::Assessment,
            Field::NextStep,
            Field::Level2,
            Field::FollowUp,
            Field::Coordinator,
        ];
        const MORE: [Field; 5] = [
            Field::Decision,
            Field::DecisionDate,
            Field::Accepted(None),
            Field::Declined(None),
            Field::Holder,
        ];
        const INDEXED: [fn(usize) -> Field; 20] = [
            |i| Field::Invite(Some(i)),
            |i| Field::ConsentUnits(Some(i)),
            Field::ProposedMeasure,
            Field::ProposedUnit,
            Field::ProposedEvaluate,
            |i| Field::Accepted(Some(i)),
            |i| Field::Declined(Some(i)),
            Field::Goal,
            Field::PlanMeasure,
            Field::Responsible,
            Field::PlanEvaluate,
            Field::PlanGoal,
            Field::Participant,
            Field::Task,
            Field::HandoverTo,
            Field::LogText,
            Field::LogBy,
            Field::LogDate,
            Field::EvaluationNote,
            Field::Evaluated,
        ];
        if let Some(f) = PLAIN.iter().chain(&MORE).chain([&Field::FollowupClosed]).find(|f| f.path() == path)
        {
            return f.clone();
        }
        let index = path.split_once('[').and_then(|(_, rest)| rest.split(']').next()?.parse::<usize>().ok());
        if let Some(i) = index
            && let Some(f) = INDEXED.iter().map(|make| make(i)).find(|f| f.path() == path)
        {
            return f;
        }
        Field::Key(path.to_string())
    }

    /// What a user reads for the field, when it has words of its own.
    pub fn label(&self, lang: Lang) -> Option<&'static str> {
        let l = lang;
        Some(match self {
            Field::WayIn => l.pick("vei inn (R1)", "way in (R1)"),
            Field::ReferrerName => l.pick("navnet på den som melder", "the referring employee's name"),
            Field::ReferrerUnit => l.pick("enheten til den som melder", "the referrer's unit"),
            Field::Initials => l.pick("brukerens initialer", "the user's initials"),
            Field::Born => l.pick("brukerens fødselsdato", "the user's date of birth"),
            Field::Age => l.pick("alder", "age"),
            Field::Concern => l.pick(
                "brukerens/familiens situasjon (bekymringen)",
                "the user's or family's situation (the concern)",
            ),
            Field::Tried => l.pick("hva som er forsøkt tidligere", "what has been tried"),
            Field::Wishes => l.pick("hva som er viktig for brukeren", "what matters to the user"),
            Field::Question => l.pick("hva teamet skal hjelpe med", "what the team should help with"),
            Field::ConsentBy => l.pick("hvem som ga samtykke", "who gave consent"),
            Field::ConsentUnits(_) => l.pick("enhetene som kan få kopi", "the units that may get a copy"),
            Field::Invite(_) => l.pick("kontaktpersoner som inviteres", "contact persons to invite"),
            Field::Assessment => l.pick("teamets vurdering", "the team's assessment"),
            Field::NextStep => l.pick("neste steg", "the next step"),
            Field::Coordinator => l.pick("koordinator", "coordinator"),
            Field::ClosedReason => l.pick("grunnen til at saken avsluttes", "the reason the case is closed"),
            Field::Holder | Field::HandoverTo(_) => l.pick("stafettholderen", "the stafettholder"),
            Field::Goal(_) => l.pick("målet", "the goal"),
            Field::Responsible(_) => {
                l.pick("den ansvarlige for tiltaket", "the person responsible for the measure")
            }
            Field::Task(_) => l.pick("tjenestens oppgave", "the service's task"),
            Field::LogText(_) => l.pick("loggføringen", "the log entry"),
            Field::LogBy(_) => l.pick("den som skrev loggføringen", "the writer of the log entry"),
            Field::EvaluationNote(_) => l.pick("notatet fra evalueringen", "the evaluation's note"),
            Field::Id
            | Field::Status
            | Field::Referred
            | Field::Meeting
            | Field::BtiLevel
            | Field::LeaderConsulted
            | Field::Closed
            | Field::User
            | Field::Consent
            | Field::ConsentDate
            | Field::ConsentExpires
            | Field::ConsentWithdrawn
            | Field::Outcome
            | Field::OutcomeDate
            | Field::Level2
            | Field::FollowUp
            | Field::ProposedMeasure(_)
            | Field::ProposedUnit(_)
            | Field::ProposedEvaluate(_)
            | Field::Decision
            | Field::DecisionDate
            | Field::Accepted(_)
            | Field::Declined(_)
            | Field::FollowupClosed
            | Field::PlanMeasure(_)
            | Field::PlanEvaluate(_)
            | Field::PlanGoal(_)
            | Field::Participant(_)
            | Field::LogDate(_)
            | Field::Evaluated(_)
            | Field::Key(_) => return None,
        })
    }

    /// The words for the field in a message: its label, else its path in backticks.
    pub fn shown(&self, lang: Lang) -> String {
        self.label(lang).map_or_else(|| format!("`{}`", self.path()), str::to_string)
    }

    /// The flag of `rt refer`, `rt record`, `rt decide` or `rt close` that sets the field.
    pub fn flag(&self) -> Option<&'static str> {
        Some(match self {
            Field::WayIn => "--way",
            Field::ReferrerName => "--referrer",
            Field::ReferrerUnit => "--unit",
            Field::User => "--initials/--born/--anonymous",
            Field::Initials => "--initials",
            Field::Born => "--born",
            Field::Age => "--age",
            Field::Consent => "--consent",
            Field::ConsentBy => "--consent-by",
            Field::ConsentDate => "--consent-date",
            Field::ConsentExpires => "--consent-expires",
            Field::ConsentUnits(_) => "--copy-to",
            Field::LeaderConsulted => "--leader-consulted",
            Field::Concern => "--concern",
            Field::Tried => "--tried",
            Field::Wishes => "--wishes",
            Field::Question => "--question",
            Field::Invite(_) => "--invite-contact",
            Field::BtiLevel => "--bti-level",
            Field::Meeting => "--meeting",
            Field::Assessment => "--assessment",
            Field::NextStep => "--next-step",
            Field::Coordinator => "--coordinator",
            Field::ProposedMeasure(_) | Field::ProposedUnit(_) => "--propose",
            Field::ProposedEvaluate(_) => "--evaluate",
            Field::Level2 => "--level2",
            Field::FollowUp => "--follow-up",
            Field::OutcomeDate | Field::DecisionDate => "--date",
            Field::Accepted(_) => "--accept",
            Field::Declined(_) => "--decline",
            Field::ClosedReason => "--reason",
            Field::Closed => "--date",
            Field::ConsentWithdrawn => "--date",
            Field::Holder | Field::HandoverTo(_) => "--to",
            Field::FollowupClosed => "--reason",
            Field::Goal(_) | Field::PlanGoal(_) => "--goal",
            Field::PlanMeasure(_) => "--measure",
            Field::Responsible(_) => "--responsible",
            Field::PlanEvaluate(_) => "--evaluate",
            Field::Participant(_) => "--participant",
            Field::Task(_) => "--task",
            Field::LogText(_) => "TEKST",
            Field::LogBy(_) => "--by",
            Field::LogDate(_) => "--date",
            Field::EvaluationNote(_) => "--note",
            Field::Evaluated(_) => "--evaluated",
            Field::Id
            | Field::Status
            | Field::Referred
            | Field::Outcome
            | Field::Decision
            | Field::Key(_) => return None,
        })
    }
}

impl std::fmt::Display for Field {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.path())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_flags_and_labels() {
        assert_eq!(Field::ConsentUnits(Some(2)).path(), "consent.units[2]");
        assert_eq!(Field::ProposedUnit(1).path(), "outcome.proposed[1].unit");
        assert_eq!(Field::ConsentUnits(Some(2)).flag(), Some("--copy-to"));
        assert_eq!(Field::Concern.shown(Lang::En), "the user's or family's situation (the concern)");
        assert_eq!(Field::Key("leader.name".into()).shown(Lang::Nb), "`leader.name`");
        for f in [
            Field::Concern,
            Field::ConsentUnits(Some(2)),
            Field::ProposedUnit(1),
            Field::LogText(3),
            Field::Holder,
        ] {
            assert_eq!(Field::from_path(&f.path()), f);
        }
        assert_eq!(Field::from_path("extra.x"), Field::Key("extra.x".into()));
    }
}
