//! The case file: one TOML file per case, `cases/YYYY/ID.toml`.
//!
//! ```toml
//! schema = 1
//! id = "2027-01-05-k7q2"
//! way_in = "bti"            # bti | user-case | guidance
//! status = "referred"       # referred | scheduled | discussed | decided | closed
//! referred = 2027-01-05
//! meeting = 2027-01-19      # the meeting it is placed in
//! bti_level = 1
//! leader_consulted = 2027-01-04
//! invite = ["Nina Berg"]    # contact persons at the centre, if the user wants them
//! anonymous_since = 2027-01-20  # went on anonymously when the consent lapsed (identity removed)
//!
//! [referrer]                # name, unit
//! [user]                    # initials + born, or anonymous = true (+ age); none: guidance
//! [consent]                 # given_by, date, units, expires, withdrawn
//! [situation]               # concern, tried, wishes, question
//! [outcome]                 # added by `rt record`
//! [decision]                # added by `rt decide`: date, accepted, declined
//! [[decision.changes]]      # an answer changed later (`rt decide --change`): date, measure, to
//! [extra]                   # the team's own fields: kept, never read
//! ```
//!
//! Reading reports every problem with its position. Writing updates the existing document
//! in place (see [`super::edit`]), so a person's comments, formatting and unknown keys
//! survive; a file from a newer schema is never rewritten.

use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, Value};

use super::edit::{self, set, set_commented};
use super::toml_read::{self, Parsed, Reader};
use crate::diagnostic::Diagnostic;
use crate::model::case::CASE_SCHEMA;
use crate::model::{
    Answer, Case, ConsentBy, DecisionChange, EndReason, Followup, Status, User, Verdict, WayIn,
};

mod decode;
mod quick;

pub use quick::Spans;

const WAYS: [(&str, WayIn); 3] =
    [("bti", WayIn::Bti), ("user-case", WayIn::UserCase), ("guidance", WayIn::Guidance)];
const STATUSES: [(&str, Status); 5] = [
    ("referred", Status::Referred),
    ("scheduled", Status::Scheduled),
    ("discussed", Status::Discussed),
    ("decided", Status::Decided),
    ("closed", Status::Closed),
];
const AGE_BANDS: [(&str, &str); 7] = [
    ("0-5", "0-5"),
    ("6-12", "6-12"),
    ("13-18", "13-18"),
    ("19-25", "19-25"),
    ("26-66", "26-66"),
    ("67+", "67+"),
    ("unknown", "unknown"),
];
const END_REASONS: [(&str, EndReason); 4] = [
    ("goal-reached", EndReason::GoalReached),
    ("concern-gone", EndReason::ConcernGone),
    ("individual-plan", EndReason::IndividualPlan),
    ("user-ended", EndReason::UserEnded),
];
const VERDICTS: [(&str, Verdict); 3] =
    [("continue", Verdict::Continue), ("change", Verdict::Change), ("stop", Verdict::Stop)];
const ANSWERS: [(&str, Answer); 2] = [("accepted", Answer::Accepted), ("declined", Answer::Declined)];
const CONSENT_BY: [(&str, ConsentBy); 3] =
    [("user", ConsentBy::User), ("guardian", ConsentBy::Guardian), ("self", ConsentBy::SelfConsent)];

/// The top-level values of a case file, in their canonical order.
const VALUE_ORDER: [&str; 14] = [
    "schema",
    "id",
    "way_in",
    "status",
    "referred",
    "meeting",
    "bti_level",
    "leader_consulted",
    "invite",
    "closed",
    "closed_reason",
    "anonymised",
    "age_band",
    "anonymous_since",
];

/// The tables of a case file, in their canonical order.
const TABLE_ORDER: [&str; 7] =
    ["referrer", "user", "consent", "situation", "outcome", "decision", "followup"];

/// What reading a case file gave.
pub struct CaseRead {
    /// The case, when every required part could be read.
    pub case: Option<Case>,
    /// The parsed document, for locating later findings, when the full reader read it.
    pub doc: Option<Parsed>,
    /// Where the parts are, when the fast reader read it (see [`Spans::locate`]).
    pub spans: Option<Spans>,
    /// Problems found while reading.
    pub diags: Vec<Diagnostic>,
    /// Whether the file comes from a newer schema (read, never rewritten).
    pub newer: bool,
}

/// Reads a case file's text. `file` is its path relative to the team folder. A plainly
/// written file (as `rt` writes them) is read by a fast reader; any other by the full
/// reader, which reports every problem with its position.
pub fn read(file: &str, text: &str) -> CaseRead {
    match quick::read(text) {
        Some((case, spans)) => {
            CaseRead { case: Some(case), doc: None, spans: Some(spans), diags: Vec::new(), newer: false }
        }
        None => read_full(file, text),
    }
}

/// Reads a case file's text with the full TOML parser (what [`read`] falls back to).
pub fn read_full(file: &str, text: &str) -> CaseRead {
    let doc = match toml_read::parse(file, text) {
        Ok(doc) => doc,
        Err(d) => return CaseRead { case: None, doc: None, spans: None, diags: vec![*d], newer: false },
    };
    let mut full = decode::Full { doc: &doc, r: Reader::new(file, text) };
    let (case, newer) = decode::decode(&mut full).expect("the full reader never gives up");
    let diags = full.r.diags;
    CaseRead { case, doc: Some(doc), spans: None, diags, newer }
}

/// The part of a case file a list, a schedule or an invitation needs: the text before the
/// first table that is not `[referrer]`, `[user]`, `[consent]` or `[followup]` — unless one of those stands
/// further down (a hand-edited file), in which case the whole text. Reading it gives what a
/// [`crate::model::CaseSummary`] holds.
pub fn summary_part(text: &str) -> &str {
    // `[followup]` names the stafettholder a list can filter on; a file that has one is read
    // whole (few are).
    const HEAD: [&str; 4] = ["referrer", "user", "consent", "followup"];
    let mut cut = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim_start();
        if t.starts_with('[') {
            let name = t.trim_start_matches('[').split(']').next().unwrap_or("").trim();
            let head = HEAD.contains(&name);
            match (cut, head) {
                (None, false) => cut = Some(offset),
                (Some(_), true) => return text, // a head table after the cut: read it all
                _ => {}
            }
        }
        offset += line.len();
    }
    cut.map_or(text, |c| &text[..c])
}

/// Reads only the summary part of a case file (see [`summary_part`]); the case it gives has
/// no texts, outcome or decision, and is only ever turned into a summary.
pub(crate) fn read_summary(file: &str, text: &str) -> CaseRead {
    read(file, summary_part(text))
}

fn opt_text(text: &str) -> Option<Value> {
    (!text.is_empty()).then(|| Value::from(text))
}

/// The text of a new case file.
pub fn new_text(case: &Case) -> String {
    new_text_in(case, crate::lang::Lang::Nb)
}

/// The text of a new case file, its opening comment in a language.
pub fn new_text_in(case: &Case, lang: crate::lang::Lang) -> String {
    let mut doc = DocumentMut::new();
    doc.decor_mut().set_prefix(lang.pick(
        "# Sak i ressursteamet (skrevet av rt). Du kan redigere for hånd; `rt check` kontrollerer filen.\n\
         # Egne felt legges under [extra]. Skriv aldri fødselsnummer eller fullt navn på brukeren.\n\n",
        "# A case of the resource team (written by rt). You may edit it by hand; `rt check` checks it.\n\
         # Put your own fields under [extra]. Never write a national id number or the user's full name.\n\n",
    ));
    apply(case, &mut doc);
    doc.to_string()
}

/// Brings a document in line with a case, keeping everything `rt` does not manage.
pub fn apply(case: &Case, doc: &mut DocumentMut) {
    let root = doc.as_table_mut();
    let keys_before: Vec<String> = root.iter().map(|(k, _)| k.to_string()).collect();
    set(root, "schema", Some(Value::from(i64::from(case.schema.max(CASE_SCHEMA)))));
    set(root, "id", Some(Value::from(case.id.to_string())));
    set_commented(root, "way_in", Value::from(case.way_in.code()), "bti | user-case | guidance");
    set_commented(
        root,
        "status",
        Value::from(case.status.code()),
        "referred | scheduled | discussed | decided | closed",
    );
    set(root, "referred", Some(edit::date(case.referred)));
    set(root, "meeting", case.meeting.map(edit::date));
    set(root, "bti_level", case.bti_level.map(|l| Value::from(i64::from(l))));
    set(root, "leader_consulted", case.leader_consulted.map(edit::date));
    set(root, "invite", (!case.invite.is_empty()).then(|| edit::strings(&case.invite)));
    set(root, "closed", case.closed.map(edit::date));
    set(root, "closed_reason", opt_text(&case.closed_reason));
    set(root, "anonymised", case.anonymised.map(edit::date));
    set(root, "age_band", case.age_band.as_deref().map(Value::from));
    set(root, "anonymous_since", case.anonymous_since.map(edit::date));
    if root.iter().any(|(k, _)| !keys_before.iter().any(|b| b == k)) {
        edit::order_values(root, &VALUE_ORDER);
    }

    let t = edit::table(root, "referrer", &[]);
    set(t, "name", Some(Value::from(case.referrer.name.as_str())));
    set(t, "unit", Some(Value::from(case.referrer.unit.as_str())));

    match &case.user {
        User::Known { initials, born } => {
            let t = edit::table(root, "user", &TABLE_ORDER[..1]);
            set(t, "anonymous", None);
            set(t, "removed", None);
            set(t, "age", None);
            set(t, "initials", Some(Value::from(initials.as_str())));
            set(t, "born", Some(edit::date(*born)));
        }
        User::Anonymous { age } => {
            let t = edit::table(root, "user", &TABLE_ORDER[..1]);
            set(t, "initials", None);
            set(t, "born", None);
            set(t, "removed", None);
            set(t, "anonymous", Some(Value::from(true)));
            set(t, "age", age.map(|a| Value::from(i64::from(a))));
        }
        User::Removed => {
            let t = edit::table(root, "user", &TABLE_ORDER[..1]);
            for key in ["initials", "born", "anonymous", "age"] {
                set(t, key, None);
            }
            set(t, "removed", Some(Value::from(true)));
        }
        User::Nobody => edit::clear_table(root, "user", &["initials", "born", "anonymous", "age", "removed"]),
    }

    match &case.consent {
        Some(c) => {
            let t = edit::table(root, "consent", &TABLE_ORDER[..2]);
            set_commented(t, "given_by", Value::from(c.given_by.code()), "user | guardian | self");
            set(t, "date", Some(edit::date(c.date)));
            set(t, "units", Some(edit::strings(&c.units)));
            set(t, "expires", c.expires.map(edit::date));
            set(t, "withdrawn", c.withdrawn.map(edit::date));
        }
        None => edit::clear_table(root, "consent", &["given_by", "date", "units", "expires", "withdrawn"]),
    }

    let s = &case.situation;
    let t = edit::table(root, "situation", &TABLE_ORDER[..3]);
    set(t, "concern", opt_text(&s.concern));
    set(t, "tried", opt_text(&s.tried));
    set(t, "wishes", opt_text(&s.wishes));
    set(t, "question", opt_text(&s.question));
    if t.is_empty() {
        root.remove("situation");
    }

    match &case.outcome {
        Some(o) => {
            let t = edit::table(root, "outcome", &TABLE_ORDER[..4]);
            set(t, "date", Some(edit::date(o.date)));
            set(t, "assessment", opt_text(&o.assessment));
            set(t, "next_step", opt_text(&o.next_step));
            set(t, "level2", o.level2.then(|| Value::from(true)));
            set(t, "follow_up", o.follow_up.map(edit::date));
            set(t, "coordinator", opt_text(&o.coordinator));
            apply_list(t, "proposed", &o.proposed, |t, p| {
                set(t, "measure", Some(Value::from(p.measure.as_str())));
                set(t, "unit", Some(Value::from(p.unit.as_str())));
                set(t, "evaluate", p.evaluate.map(edit::date));
            });
        }
        None => edit::clear_table(
            root,
            "outcome",
            &["date", "assessment", "next_step", "level2", "follow_up", "coordinator", "proposed"],
        ),
    }

    match &case.decision {
        Some(d) => {
            let t = edit::table(root, "decision", &TABLE_ORDER[..5]);
            set(t, "date", Some(edit::date(d.date)));
            set(t, "accepted", Some(edit::strings(&d.accepted)));
            set(t, "declined", Some(edit::strings(&d.declined)));
            apply_changes(t, &d.changes);
        }
        None => edit::clear_table(root, "decision", &["date", "accepted", "declined", "changes"]),
    }

    match &case.followup {
        Some(f) => apply_followup(edit::table(root, "followup", &TABLE_ORDER[..6]), f),
        None => edit::clear_table(
            root,
            "followup",
            &[
                "started",
                "holder",
                "closed",
                "closed_reason",
                "goals",
                "measures",
                "participants",
                "handovers",
                "log",
                "evaluations",
            ],
        ),
    }
}

/// Writes `[followup]` and its lists, each entry in place so its comments stay.
fn apply_followup(t: &mut Table, f: &Followup) {
    set(t, "started", Some(edit::date(f.started)));
    set(t, "holder", Some(Value::from(f.holder.as_str())));
    set(t, "closed", f.ended.map(|(d, _)| edit::date(d)));
    set(t, "closed_reason", f.ended.map(|(_, r)| Value::from(r.code())));
    apply_list(t, "goals", &f.goals, |t, g| {
        set(t, "text", Some(Value::from(g.text.as_str())));
        set(t, "set", Some(edit::date(g.set)));
    });
    apply_list(t, "measures", &f.measures, |t, m| {
        set(t, "measure", Some(Value::from(m.measure.as_str())));
        set(t, "responsible", Some(Value::from(m.responsible.as_str())));
        set(t, "evaluate", Some(edit::date(m.evaluate)));
        set(t, "goal", m.goal.map(|g| Value::from(i64::from(g))));
    });
    apply_list(t, "participants", &f.participants, |t, p| {
        set(t, "unit", Some(Value::from(p.unit.as_str())));
        set(t, "task", Some(Value::from(p.task.as_str())));
        set(t, "joined", Some(edit::date(p.joined)));
    });
    apply_list(t, "handovers", &f.handovers, |t, h| {
        set(t, "from", Some(Value::from(h.from.as_str())));
        set(t, "to", Some(Value::from(h.to.as_str())));
        set(t, "proposed", Some(edit::date(h.proposed)));
        set(t, "accepted", h.answer.map(|(a, _)| Value::from(a)));
        set(t, "answered", h.answer.map(|(_, d)| edit::date(d)));
    });
    apply_list(t, "log", &f.log, |t, e| {
        set(t, "date", Some(edit::date(e.date)));
        set(t, "by", Some(Value::from(e.by.as_str())));
        set(t, "text", Some(Value::from(e.text.as_str())));
    });
    apply_list(t, "evaluations", &f.evaluations, |t, e| {
        set(t, "measure", Some(Value::from(e.measure.as_str())));
        set(t, "date", Some(edit::date(e.date)));
        set(t, "result", Some(Value::from(e.verdict.code())));
        set(t, "note", opt_text(&e.note));
    });
}

/// Writes a list as `[[parent.key]]`, reusing existing entries in order so their comments
/// stay.
fn apply_list<T>(parent: &mut Table, key: &str, items: &[T], write: impl Fn(&mut Table, &T)) {
    if items.is_empty() {
        parent.remove(key);
        return;
    }
    if !matches!(parent.get(key), Some(Item::ArrayOfTables(_))) {
        parent.insert(key, Item::ArrayOfTables(ArrayOfTables::new()));
    }
    let Some(aot) = parent.get_mut(key).and_then(Item::as_array_of_tables_mut) else { return };
    while aot.len() > items.len() {
        aot.remove(aot.len() - 1);
    }
    for (i, item) in items.iter().enumerate() {
        if aot.get(i).is_none() {
            aot.push(Table::new());
        }
        if let Some(t) = aot.get_mut(i) {
            write(t, item);
        }
    }
}

/// Writes the changed answers as `[[decision.changes]]`, reusing existing entries in order.
fn apply_changes(decision: &mut Table, changes: &[DecisionChange]) {
    if changes.is_empty() {
        decision.remove("changes");
        return;
    }
    if !matches!(decision.get("changes"), Some(Item::ArrayOfTables(_))) {
        decision.insert("changes", Item::ArrayOfTables(ArrayOfTables::new()));
    }
    let Some(aot) = decision.get_mut("changes").and_then(Item::as_array_of_tables_mut) else { return };
    while aot.len() > changes.len() {
        aot.remove(aot.len() - 1);
    }
    for (i, c) in changes.iter().enumerate() {
        if aot.get(i).is_none() {
            aot.push(Table::new());
        }
        let Some(t) = aot.get_mut(i) else { continue };
        set(t, "date", Some(edit::date(c.date)));
        set(t, "measure", Some(Value::from(c.measure.as_str())));
        set(t, "to", Some(Value::from(c.to.code())));
    }
}

#[cfg(test)]
mod tests;
