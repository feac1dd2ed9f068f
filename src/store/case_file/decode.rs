//! The one decoder of a case file, fed by either of two readers of its text.
//!
//! [`decode`] says once what a case file holds — which keys, of which kinds, which are
//! required, what is wrong with them — against a [`Source`]: something that hands out a
//! file's tables and values by key. There are two:
//!
//! - the full reader ([`Full`], over a `toml_edit` document and [`Reader`]), which accepts
//!   any TOML and reports every problem with its position and goes on;
//! - the fast reader ([`super::quick`]), which takes only what `rt` itself writes and, at the
//!   first thing it does not take or the first problem, gives up ([`GiveUp`]) so the full
//!   reader decides.
//!
//! This is how serde separates a format from `Deserialize`: a new field of the case file is
//! one line here (and one in the writer's order), and the two readers cannot drift apart.

use chrono::NaiveDate;

use super::{AGE_BANDS, ANSWERS, CONSENT_BY, END_REASONS, STATUSES, VERDICTS, WAYS};
use crate::diagnostic::Severity;
use crate::model::case::CASE_SCHEMA;
use crate::model::followup::{Entry, Evaluation, Goal, Handover, Participant, PlannedMeasure};
use crate::model::{
    Case, CaseId, Consent, Decision, DecisionChange, Followup, Outcome, Proposal, Referrer, Situation, User,
};
use crate::problem::Problem;
use crate::store::toml_read::{self, Parsed, Reader};

/// A reader that cannot go on with this text: the other reader decides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GiveUp;

/// What a getter gives: the value (or `None` when absent or wrong, reported), or
/// [`GiveUp`].
pub type Got<T> = Result<T, GiveUp>;

/// A file's tables and values, by key. Getters mark the key as known; `req_` getters report a
/// missing key; every getter reports a value of the wrong kind and returns `None`.
pub trait Source {
    /// A table being read.
    type Table;
    /// The top of the file.
    fn root(&mut self) -> Self::Table;
    /// Whether a table holds a key (without marking it known).
    fn has(&self, t: &Self::Table, key: &'static str) -> bool;
    /// Marks a key as known without reading it.
    fn skip(&mut self, t: &mut Self::Table, key: &'static str) -> Got<()>;
    /// An optional sub-table.
    fn table(&mut self, t: &mut Self::Table, key: &'static str) -> Got<Option<Self::Table>>;
    /// A required sub-table.
    fn req_table(&mut self, t: &mut Self::Table, key: &'static str) -> Got<Option<Self::Table>>;
    /// An array of tables.
    fn tables(&mut self, t: &mut Self::Table, key: &'static str) -> Got<Vec<Self::Table>>;
    /// An optional string.
    fn string(&mut self, t: &mut Self::Table, key: &'static str) -> Got<Option<String>>;
    /// A required string.
    fn req_string(&mut self, t: &mut Self::Table, key: &'static str) -> Got<Option<String>>;
    /// A list of strings (absent: empty).
    fn strings(&mut self, t: &mut Self::Table, key: &'static str) -> Got<Vec<String>>;
    /// An optional date.
    fn date(&mut self, t: &mut Self::Table, key: &'static str) -> Got<Option<NaiveDate>>;
    /// A required date.
    fn req_date(&mut self, t: &mut Self::Table, key: &'static str) -> Got<Option<NaiveDate>>;
    /// An optional integer in a range.
    fn int(&mut self, t: &mut Self::Table, key: &'static str, min: i64, max: i64) -> Got<Option<i64>>;
    /// A required integer in a range.
    fn req_int(&mut self, t: &mut Self::Table, key: &'static str, min: i64, max: i64) -> Got<Option<i64>>;
    /// An optional boolean.
    fn bool(&mut self, t: &mut Self::Table, key: &'static str) -> Got<Option<bool>>;
    /// An optional code from a set.
    fn choice<T: Copy>(
        &mut self,
        t: &mut Self::Table,
        key: &'static str,
        choices: &[(&'static str, T)],
    ) -> Got<Option<T>>;
    /// A required code from a set.
    fn req_choice<T: Copy>(
        &mut self,
        t: &mut Self::Table,
        key: &'static str,
        choices: &[(&'static str, T)],
    ) -> Got<Option<T>>;
    /// Reports a problem at a key's value (or its table).
    fn report(&mut self, t: &Self::Table, key: &'static str, severity: Severity, problem: Problem)
    -> Got<()>;
    /// Reports every key of the table nobody asked for.
    fn finish(&mut self, t: Self::Table) -> Got<()>;
    /// The errors reported so far.
    fn errors(&self) -> usize;
    /// From now on keys this `rt` does not know are not reported (a newer schema).
    fn tolerate_unknown(&mut self);
}

/// Decodes a case: the case when every required part could be read, and whether the file
/// comes from a newer schema.
pub fn decode<S: Source>(r: &mut S) -> Got<(Option<Case>, bool)> {
    let mut root = r.root();
    let schema = r.req_int(&mut root, "schema", 1, 9999)?.map(|n| n as u32);
    let newer = schema.is_some_and(|s| s > CASE_SCHEMA);
    if newer {
        let found = schema.unwrap_or(0);
        r.report(&root, "schema", Severity::Warning, Problem::NewerSchema { found, known: CASE_SCHEMA })?;
        r.tolerate_unknown();
    }
    let errors_before = r.errors();

    let id = match r.req_string(&mut root, "id")? {
        Some(text) => match CaseId::parse(&text) {
            Ok(id) => Some(id),
            Err(_) => {
                r.report(&root, "id", Severity::Error, Problem::BadCaseId { value: text })?;
                None
            }
        },
        None => None,
    };
    let way_in = r.req_choice(&mut root, "way_in", &WAYS)?;
    let status = r.req_choice(&mut root, "status", &STATUSES)?;
    let referred = r.req_date(&mut root, "referred")?;
    let meeting = r.date(&mut root, "meeting")?;
    let bti_level = r.int(&mut root, "bti_level", 0, 3)?.map(|n| n as u8);
    let leader_consulted = r.date(&mut root, "leader_consulted")?;
    let invite = r.strings(&mut root, "invite")?;
    let closed = r.date(&mut root, "closed")?;
    let closed_reason = r.string(&mut root, "closed_reason")?.unwrap_or_default();
    let anonymised = r.date(&mut root, "anonymised")?;
    let age_band = r.choice(&mut root, "age_band", &AGE_BANDS)?.map(str::to_string);
    let anonymous_since = r.date(&mut root, "anonymous_since")?;

    let referrer = match r.req_table(&mut root, "referrer")? {
        Some(mut t) => {
            let name = r.req_string(&mut t, "name")?.unwrap_or_default();
            let unit = r.req_string(&mut t, "unit")?.unwrap_or_default();
            r.finish(t)?;
            Some(Referrer { name, unit })
        }
        None => None,
    };

    let user = match r.table(&mut root, "user")? {
        None => User::Nobody,
        Some(mut t) => {
            let anonymous = r.bool(&mut t, "anonymous")?.unwrap_or(false);
            let removed = r.bool(&mut t, "removed")?.unwrap_or(false);
            let user = if removed || anonymous {
                // No identity on an anonymous or anonymised user (R3); an anonymised one
                // keeps no age either.
                let identity: &[&'static str] =
                    if removed { &["initials", "born", "age"] } else { &["initials", "born"] };
                for key in identity {
                    if r.has(&t, key) {
                        r.report(&t, key, Severity::Error, Problem::IdentityOnAnonymous)?;
                    }
                    r.skip(&mut t, key)?;
                }
                if removed {
                    r.skip(&mut t, "anonymous")?;
                    User::Removed
                } else {
                    User::Anonymous { age: r.int(&mut t, "age", 0, 130)?.map(|n| n as u8) }
                }
            } else {
                let initials = r.req_string(&mut t, "initials")?.unwrap_or_default();
                let born = r.req_date(&mut t, "born")?;
                born.map_or(User::Nobody, |born| User::Known { initials, born })
            };
            r.finish(t)?;
            user
        }
    };

    let consent = match r.table(&mut root, "consent")? {
        None => None,
        Some(mut t) => {
            let given_by = r.req_choice(&mut t, "given_by", &CONSENT_BY)?;
            let date = r.req_date(&mut t, "date")?;
            let units = r.strings(&mut t, "units")?;
            let expires = r.date(&mut t, "expires")?;
            let withdrawn = r.date(&mut t, "withdrawn")?;
            r.finish(t)?;
            given_by.zip(date).map(|(given_by, date)| Consent { given_by, date, units, expires, withdrawn })
        }
    };

    let situation = match r.table(&mut root, "situation")? {
        None => Situation::default(),
        Some(mut t) => {
            let s = Situation {
                concern: r.string(&mut t, "concern")?.unwrap_or_default(),
                tried: r.string(&mut t, "tried")?.unwrap_or_default(),
                wishes: r.string(&mut t, "wishes")?.unwrap_or_default(),
                question: r.string(&mut t, "question")?.unwrap_or_default(),
            };
            r.finish(t)?;
            s
        }
    };

    let outcome = match r.table(&mut root, "outcome")? {
        None => None,
        Some(mut t) => {
            let date = r.req_date(&mut t, "date")?;
            let assessment = r.string(&mut t, "assessment")?.unwrap_or_default();
            let next_step = r.string(&mut t, "next_step")?.unwrap_or_default();
            let level2 = r.bool(&mut t, "level2")?.unwrap_or(false);
            let follow_up = r.date(&mut t, "follow_up")?;
            let coordinator = r.string(&mut t, "coordinator")?.unwrap_or_default();
            let mut proposed = Vec::new();
            for mut p in r.tables(&mut t, "proposed")? {
                let measure = r.req_string(&mut p, "measure")?;
                let unit = r.req_string(&mut p, "unit")?;
                let evaluate = r.date(&mut p, "evaluate")?;
                r.finish(p)?;
                if let (Some(measure), Some(unit)) = (measure, unit) {
                    proposed.push(Proposal { measure, unit, evaluate });
                }
            }
            r.finish(t)?;
            date.map(|date| Outcome { date, assessment, next_step, proposed, level2, follow_up, coordinator })
        }
    };

    let decision = match r.table(&mut root, "decision")? {
        None => None,
        Some(mut t) => {
            let date = r.req_date(&mut t, "date")?;
            let accepted = r.strings(&mut t, "accepted")?;
            let declined = r.strings(&mut t, "declined")?;
            let mut changes = Vec::new();
            for mut c in r.tables(&mut t, "changes")? {
                let date = r.req_date(&mut c, "date")?;
                let measure = r.req_string(&mut c, "measure")?;
                let to = r.req_choice(&mut c, "to", &ANSWERS)?;
                r.finish(c)?;
                if let (Some(date), Some(measure), Some(to)) = (date, measure, to) {
                    changes.push(DecisionChange { date, measure, to });
                }
            }
            r.finish(t)?;
            date.map(|date| Decision { date, accepted, declined, changes })
        }
    };

    let followup = match r.table(&mut root, "followup")? {
        None => None,
        Some(t) => decode_followup(r, t)?,
    };

    r.skip(&mut root, "extra")?;
    r.finish(root)?;

    if r.errors() > errors_before {
        return Ok((None, newer));
    }
    let case = (|| {
        Some(Case {
            schema: schema?,
            id: id?,
            way_in: way_in?,
            status: status?,
            referred: referred?,
            meeting,
            bti_level,
            leader_consulted,
            invite,
            closed,
            closed_reason,
            anonymised,
            age_band,
            anonymous_since,
            referrer: referrer?,
            user,
            consent,
            situation,
            outcome,
            decision,
            followup,
        })
    })();
    Ok((case, newer))
}

/// `[followup]` and its lists (R13).
fn decode_followup<S: Source>(r: &mut S, mut t: S::Table) -> Got<Option<Followup>> {
    let started = r.req_date(&mut t, "started")?;
    let holder = r.req_string(&mut t, "holder")?;
    let closed = r.date(&mut t, "closed")?;
    let reason = r.choice(&mut t, "closed_reason", &END_REASONS)?;
    if closed.is_some() != reason.is_some() {
        let key = if closed.is_some() { "closed_reason" } else { "closed" };
        r.report(&t, key, Severity::Error, Problem::Missing { key: format!("followup.{key}") })?;
    }
    let mut f = Followup::new(started.unwrap_or_default(), &holder.clone().unwrap_or_default());
    f.ended = closed.zip(reason);
    for mut g in r.tables(&mut t, "goals")? {
        let (text, set) = (r.req_string(&mut g, "text")?, r.req_date(&mut g, "set")?);
        r.finish(g)?;
        f.goals.extend(text.zip(set).map(|(text, set)| Goal { text, set }));
    }
    for mut m in r.tables(&mut t, "measures")? {
        let measure = r.req_string(&mut m, "measure")?;
        let responsible = r.req_string(&mut m, "responsible")?;
        let evaluate = r.req_date(&mut m, "evaluate")?;
        let goal = r.int(&mut m, "goal", 1, 999)?.map(|n| n as u32);
        r.finish(m)?;
        if let (Some(measure), Some(responsible), Some(evaluate)) = (measure, responsible, evaluate) {
            f.measures.push(PlannedMeasure { measure, responsible, evaluate, goal });
        }
    }
    for mut p in r.tables(&mut t, "participants")? {
        let (unit, task, joined) =
            (r.req_string(&mut p, "unit")?, r.req_string(&mut p, "task")?, r.req_date(&mut p, "joined")?);
        r.finish(p)?;
        if let (Some(unit), Some(task), Some(joined)) = (unit, task, joined) {
            f.participants.push(Participant { unit, task, joined });
        }
    }
    for mut h in r.tables(&mut t, "handovers")? {
        let (from, to, proposed) =
            (r.req_string(&mut h, "from")?, r.req_string(&mut h, "to")?, r.req_date(&mut h, "proposed")?);
        let accepted = r.bool(&mut h, "accepted")?;
        let answered = r.date(&mut h, "answered")?;
        if accepted.is_some() != answered.is_some() {
            let key = if accepted.is_some() { "answered" } else { "accepted" };
            r.report(
                &h,
                key,
                Severity::Error,
                Problem::Missing { key: format!("followup.handovers.{key}") },
            )?;
        }
        r.finish(h)?;
        if let (Some(from), Some(to), Some(proposed)) = (from, to, proposed) {
            f.handovers.push(Handover { from, to, proposed, answer: accepted.zip(answered) });
        }
    }
    for mut e in r.tables(&mut t, "log")? {
        let (date, by, text) =
            (r.req_date(&mut e, "date")?, r.req_string(&mut e, "by")?, r.req_string(&mut e, "text")?);
        r.finish(e)?;
        if let (Some(date), Some(by), Some(text)) = (date, by, text) {
            f.log.push(Entry { date, by, text });
        }
    }
    for mut e in r.tables(&mut t, "evaluations")? {
        let measure = r.req_string(&mut e, "measure")?;
        let date = r.req_date(&mut e, "date")?;
        let verdict = r.req_choice(&mut e, "result", &VERDICTS)?;
        let note = r.string(&mut e, "note")?.unwrap_or_default();
        r.finish(e)?;
        if let (Some(measure), Some(date), Some(verdict)) = (measure, date, verdict) {
            f.evaluations.push(Evaluation { measure, date, verdict, note });
        }
    }
    r.finish(t)?;
    Ok(started.and(holder).map(|_| f))
}

/// The full reader as a [`Source`]: every problem reported with its position; it never
/// gives up.
pub struct Full<'d, 'f> {
    /// The document.
    pub doc: &'d Parsed,
    /// The reader collecting problems.
    pub r: Reader<'f>,
}

impl<'d> Source for Full<'d, '_> {
    type Table = toml_read::Table<'d>;

    fn root(&mut self) -> Self::Table {
        toml_read::Table::root(self.doc)
    }
    fn has(&self, t: &Self::Table, key: &'static str) -> bool {
        t.has(key)
    }
    fn skip(&mut self, t: &mut Self::Table, key: &'static str) -> Got<()> {
        self.r.skip(t, key);
        Ok(())
    }
    fn table(&mut self, t: &mut Self::Table, key: &'static str) -> Got<Option<Self::Table>> {
        Ok(self.r.table(t, key))
    }
    fn req_table(&mut self, t: &mut Self::Table, key: &'static str) -> Got<Option<Self::Table>> {
        Ok(self.r.req_table(t, key))
    }
    fn tables(&mut self, t: &mut Self::Table, key: &'static str) -> Got<Vec<Self::Table>> {
        Ok(self.r.tables(t, key))
    }
    fn string(&mut self, t: &mut Self::Table, key: &'static str) -> Got<Option<String>> {
        Ok(self.r.string(t, key))
    }
    fn req_string(&mut self, t: &mut Self::Table, key: &'static str) -> Got<Option<String>> {
        Ok(self.r.req_string(t, key))
    }
    fn strings(&mut self, t: &mut Self::Table, key: &'static str) -> Got<Vec<String>> {
        Ok(self.r.strings(t, key))
    }
    fn date(&mut self, t: &mut Self::Table, key: &'static str) -> Got<Option<NaiveDate>> {
        Ok(self.r.date(t, key))
    }
    fn req_date(&mut self, t: &mut Self::Table, key: &'static str) -> Got<Option<NaiveDate>> {
        Ok(self.r.req_date(t, key))
    }
    fn int(&mut self, t: &mut Self::Table, key: &'static str, min: i64, max: i64) -> Got<Option<i64>> {
        Ok(self.r.int(t, key, min, max))
    }
    fn req_int(&mut self, t: &mut Self::Table, key: &'static str, min: i64, max: i64) -> Got<Option<i64>> {
        Ok(self.r.req_int(t, key, min, max))
    }
    fn bool(&mut self, t: &mut Self::Table, key: &'static str) -> Got<Option<bool>> {
        Ok(self.r.bool(t, key))
    }
    fn choice<T: Copy>(
        &mut self,
        t: &mut Self::Table,
        key: &'static str,
        choices: &[(&'static str, T)],
    ) -> Got<Option<T>> {
        Ok(self.r.choice(t, key, choices))
    }
    fn req_choice<T: Copy>(
        &mut self,
        t: &mut Self::Table,
        key: &'static str,
        choices: &[(&'static str, T)],
    ) -> Got<Option<T>> {
        Ok(self.r.req_choice(t, key, choices))
    }
    fn report(
        &mut self,
        t: &Self::Table,
        key: &'static str,
        severity: Severity,
        problem: Problem,
    ) -> Got<()> {
        let span = self.r.value_span(t, key);
        match severity {
            Severity::Error => self.r.error_at(span, problem),
            Severity::Warning => self.r.warning_at(span, problem),
        }
        Ok(())
    }
    fn finish(&mut self, t: Self::Table) -> Got<()> {
        self.r.finish(t);
        Ok(())
    }
    fn errors(&self) -> usize {
        self.r.errors()
    }
    fn tolerate_unknown(&mut self) {
        self.r.tolerate_unknown = true;
    }
}
