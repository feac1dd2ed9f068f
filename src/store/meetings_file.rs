//! The published meetings of a half-year: `meetings/2027H1.toml`.
//!
//! ```toml
//! schema = 1
//! half = "2027H1"
//! published = 2026-11-23
//!
//! [[meetings]]
//! date = 2027-01-12
//! start = "12:30"
//! minutes = 90
//! place = "Møterom Fjorden"
//! uid = "20270112-1a2b3c4d@ressursteam.rt"
//! sequence = 0
//! cancelled = "Sykdom"        # when cancelled, why
//! moved_from = 2027-01-05     # when moved, the first date
//!
//! [meetings.attendance]       # once held: who was there (stored by `rt minutes`)
//! present = ["Marit Haugen", "Jonas Lie Berg"]   # standing members there
//! absent = ["Eirik Moen"]                         # expected, not there
//! guests = ["Line Dahl"]                          # others there: a referrer, a contact
//!
//! [meetings.attendance.came_for]  # the case(s) each guest came for; [] = the whole meeting
//! "Line Dahl" = ["2027-01-05-k7q2"]
//! ```
//!
//! The attendance part came later: a file without it reads as before (nothing stored yet);
//! so did `came_for`: a guest without it is judged as `rules::attendance` says.
//!
//! Once published, the dates are fixed: later changes to the rules in `rt.toml` do not move
//! them. The file may be edited by hand; a rewrite keeps comments (see [`super::edit`]).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, Value};

use super::edit::{self, set};
use super::toml_read::{self, Reader};
use crate::diagnostic::Diagnostic;
use crate::model::dates::Half;
use crate::model::meeting::MEETINGS_SCHEMA;
use crate::model::{Attendance, CaseId, Meeting, Schedule};
use crate::problem::Problem;

/// Reads a meetings file; `None` when its half-year or a meeting cannot be read.
pub fn read(file: &str, text: &str) -> (Option<Schedule>, Vec<Diagnostic>) {
    let doc = match toml_read::parse(file, text) {
        Ok(doc) => doc,
        Err(d) => return (None, vec![*d]),
    };
    let mut r = Reader::new(file, text);
    let mut root = toml_read::Table::root(&doc);
    let schema = r.req_int(&mut root, "schema", 1, 9999).unwrap_or(1) as u32;
    if schema > MEETINGS_SCHEMA {
        let span = r.value_span(&root, "schema");
        r.warning_at(span, Problem::NewerSchema { found: schema, known: MEETINGS_SCHEMA });
        r.tolerate_unknown = true;
    }
    let half = r.req_string(&mut root, "half").and_then(|text| {
        Half::parse(&text).or_else(|| {
            let span = r.value_span(&root, "half");
            r.error_at(span, Problem::BadHalf { key: "half".into(), value: text });
            None
        })
    });
    let published = r.date(&mut root, "published");
    let mut meetings = Vec::new();
    let mut seen: BTreeMap<NaiveDate, usize> = BTreeMap::new();
    let errors_before = r.errors();
    for mut t in r.tables(&mut root, "meetings") {
        let date = r.req_date(&mut t, "date");
        let start = r.time(&mut t, "start");
        let minutes = r.req_int(&mut t, "minutes", 15, 480).map(|n| n as u32);
        let place = r.string(&mut t, "place").unwrap_or_default();
        let uid = r.req_string(&mut t, "uid");
        let sequence = r.int(&mut t, "sequence", 0, 100_000).unwrap_or(0) as u32;
        let cancelled = r.string(&mut t, "cancelled");
        let moved_from = r.date(&mut t, "moved_from");
        let attendance = r.table(&mut t, "attendance").map(|mut a| {
            let read = Attendance {
                present: r.strings(&mut a, "present"),
                absent: r.strings(&mut a, "absent"),
                guests: r.strings(&mut a, "guests"),
                came_for: r.table(&mut a, "came_for").map(|c| came_for(&mut r, c)).unwrap_or_default(),
            };
            r.finish(a);
            read
        });
        if start.is_none() && !t.has("start") {
            let span = r.table_span(&t);
            r.error_at(span, Problem::Missing { key: "meetings.start".into() });
        }
        // A meeting moved by hand to a late hour still ends the same day (its calendar event
        // would otherwise end before it starts).
        if let (Some(s), Some(m)) = (start, minutes)
            && let Err(problem) = crate::rules::config::meeting_length(s, m)
        {
            let span = r.value_span(&t, "start");
            r.error_at(span, problem);
        }
        if let Some(date) = date {
            let span = r.value_span(&t, "date");
            if let Some(h) = half
                && !h.contains(date)
            {
                r.error_at(span.clone(), Problem::MeetingOutsideHalf { half: h.to_string() });
            }
            match seen.get(&date) {
                Some(line) => {
                    r.error_at(span, Problem::DuplicateEntry { id: date.to_string(), first_line: *line })
                }
                None => {
                    seen.insert(date, r.pos(span).map_or(1, |p| p.line));
                }
            }
        }
        // Every value here is one line of an invitation, a referat or a calendar file: a
        // control character or line break typed into the file would break out of it.
        let names = attendance.iter().flat_map(|a| {
            [("present", &a.present), ("absent", &a.absent), ("guests", &a.guests)]
                .into_iter()
                .flat_map(|(key, v)| v.iter().map(move |n| (format!("attendance.{key}"), n.as_str())))
        });
        let one_line = [
            ("place".to_string(), place.as_str()),
            ("cancelled".to_string(), cancelled.as_deref().unwrap_or("")),
        ]
        .into_iter()
        .chain(uid.as_deref().map(|u| ("uid".to_string(), u)))
        .chain(names);
        for (key, value) in one_line {
            let field = crate::model::Field::Key(format!("meetings.{key}"));
            if let Some(problem) = crate::rules::text::character_problem(&field, value, true) {
                let span = r.value_span(&t, key.split('.').next().unwrap_or(&key));
                r.error_at(span, problem);
            }
        }
        r.finish(t);
        if let (Some(date), Some(start), Some(minutes), Some(uid)) = (date, start, minutes, uid) {
            meetings.push(Meeting {
                date,
                start,
                minutes,
                place,
                uid,
                sequence,
                cancelled,
                moved_from,
                attendance,
            });
        }
    }
    r.skip(&mut root, "extra");
    r.finish(root);
    let ok = r.errors() == errors_before;
    let schedule = half.filter(|_| ok).map(|half| Schedule { half, published, meetings });
    (schedule, r.diags)
}

/// The `came_for` table of an attendance: each guest's name and the ids of her cases.
fn came_for(r: &mut Reader, mut t: toml_read::Table<'_>) -> Vec<(String, Vec<CaseId>)> {
    let mut out = Vec::new();
    for name in t.keys() {
        let span = r.value_span(&t, name);
        let mut ids = Vec::new();
        for text in r.strings(&mut t, name) {
            match CaseId::parse(&text) {
                Ok(id) => ids.push(id),
                Err(_) => r.error_at(span.clone(), Problem::BadCaseId { value: text }),
            }
        }
        out.push((name.to_string(), ids));
    }
    r.finish(t);
    out
}

/// The text of a newly published meetings file.
pub fn new_text(schedule: &Schedule, lang: crate::lang::Lang) -> String {
    let mut doc = DocumentMut::new();
    doc.decor_mut().set_prefix(lang.pick(
        format!(
            "# Ressursteamets faste møter i {half}, publisert med `rt schedule --publish`.\n\
             # Datoene ligger fast. Avlys med `rt schedule --cancel DATO --reason TEKST`, flytt med\n\
             # `rt schedule --move DATO --to DATO`, eller rediger filen; `rt check` kontrollerer den.\n\n",
            half = schedule.half
        ),
        format!(
            "# The resource team's fixed meetings in {half}, published with `rt schedule --publish`.\n\
             # The dates are fixed. Cancel with `rt schedule --cancel DATE --reason TEXT`, move with\n\
             # `rt schedule --move DATE --to DATE`, or edit the file; `rt check` checks it.\n\n",
            half = schedule.half
        ),
    ));
    apply(schedule, &mut doc);
    doc.to_string()
}

/// The text of a meetings file brought in line with a schedule, keeping comments and hand
/// edits; `None` when the text is not TOML.
pub fn rewrite(text: &str, schedule: &Schedule) -> Option<String> {
    let mut doc: DocumentMut = text.parse().ok()?;
    apply(schedule, &mut doc);
    Some(doc.to_string())
}

/// Brings a document in line with a schedule, keeping comments and unknown keys. Meetings
/// are matched by their place in the list, so a meeting keeps its comments through a move.
pub fn apply(schedule: &Schedule, doc: &mut DocumentMut) {
    let root = doc.as_table_mut();
    set(root, "schema", Some(Value::from(i64::from(MEETINGS_SCHEMA))));
    set(root, "half", Some(Value::from(schedule.half.to_string())));
    set(root, "published", schedule.published.map(edit::date));
    if !matches!(root.get("meetings"), Some(Item::ArrayOfTables(_))) {
        root.insert("meetings", Item::ArrayOfTables(ArrayOfTables::new()));
    }
    let Some(aot) = root.get_mut("meetings").and_then(Item::as_array_of_tables_mut) else { return };
    while aot.len() > schedule.meetings.len() {
        aot.remove(aot.len() - 1);
    }
    for (i, m) in schedule.meetings.iter().enumerate() {
        if aot.get(i).is_none() {
            aot.push(Table::new());
        }
        let Some(t) = aot.get_mut(i) else { continue };
        set(t, "date", Some(edit::date(m.date)));
        set(t, "start", Some(Value::from(m.start.format("%H:%M").to_string())));
        set(t, "minutes", Some(Value::from(i64::from(m.minutes))));
        set(t, "place", Some(Value::from(m.place.as_str())));
        set(t, "uid", Some(Value::from(m.uid.as_str())));
        set(t, "sequence", Some(Value::from(i64::from(m.sequence))));
        set(t, "cancelled", m.cancelled.as_deref().map(Value::from));
        set(t, "moved_from", m.moved_from.map(edit::date));
        match &m.attendance {
            Some(a) => {
                let at = edit::table(t, "attendance", &[]);
                set(at, "present", Some(edit::strings(&a.present)));
                set(at, "absent", Some(edit::strings(&a.absent)));
                set(at, "guests", Some(edit::strings(&a.guests)));
                if a.came_for.is_empty() {
                    at.remove("came_for");
                } else {
                    let cf = edit::table(at, "came_for", &[]);
                    cf.retain(|k, _| a.came_for.iter().any(|(n, _)| n == k));
                    for (name, ids) in &a.came_for {
                        let ids: Vec<String> = ids.iter().map(ToString::to_string).collect();
                        set(cf, name, Some(edit::strings(&ids)));
                    }
                }
            }
            None => {
                t.remove("attendance");
            }
        }
    }
}

/// Takes cases whose personal data goes (`rt purge`, a consent made anonymous) out of the
/// attendance kept in every meetings file, staged in `tx` with the cases' own change (see
/// [`crate::rules::attendance::forget_case`]); returns the files changed. A meetings file that
/// names one of the cases but has errors stops it, so nothing is written until it is fixed.
pub fn forget_cases(
    tx: &mut super::transaction::Transaction<'_>,
    config: &crate::model::Config,
    ids: &[CaseId],
    keep: &[&str],
) -> Result<Vec<String>, crate::error::Error> {
    let (files, _) = super::load::folder_files(tx.team(), super::MEETINGS_DIR);
    let wanted: Vec<String> = ids.iter().map(ToString::to_string).collect();
    let mut changed = Vec::new();
    for rel in files.iter().filter(|f| f.ends_with(".toml")) {
        let Some(text) = tx.read(rel)? else { continue };
        if !wanted.iter().any(|id| text.contains(id.as_str())) {
            continue;
        }
        let (schedule, diags) = read(rel, &text);
        let Some(mut schedule) = schedule else {
            let errors = diags.into_iter().filter(Diagnostic::is_error).collect();
            return Err(crate::error::Error::invalid_file(rel, errors));
        };
        let mut any = false;
        for att in schedule.meetings.iter_mut().filter_map(|m| m.attendance.as_mut()) {
            for id in ids {
                any |= crate::rules::attendance::forget_case(config, att, *id, keep);
            }
        }
        if any {
            let written = rewrite(&text, &schedule)
                .ok_or_else(|| crate::error::Error::invalid_file(rel, Vec::new()))?;
            tx.replace(rel, &text, written, super::atomic::Privacy::Shared);
            changed.push(rel.clone());
        }
    }
    Ok(changed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::plan::planned;
    use crate::testing::{config, d};

    #[test]
    fn a_published_schedule_reads_back_the_same() {
        let mut s = planned(Half::parse("2027H1").unwrap(), &config());
        s.published = Some(d(2026, 11, 23));
        s.meetings[1].cancelled = Some("Sykdom i teamet".into());
        s.meetings[1].sequence = 1;
        s.meetings[2].moved_from = Some(s.meetings[2].date);
        s.meetings[2].date += chrono::Duration::days(1);
        s.meetings[0].attendance = Some(Attendance {
            present: vec!["Marit Haugen".into(), "Jonas Lie Berg".into()],
            absent: vec!["Eirik Moen".into(), "Per Nav".into()],
            guests: vec!["Line Dahl".into(), "Ola Hjelper".into()],
            came_for: vec![
                ("Line Dahl".into(), vec![CaseId::parse("2027-01-05-k7q2").unwrap()]),
                ("Per Nav".into(), vec![CaseId::parse("2027-01-06-abcd").unwrap()]),
                ("Ola Hjelper".into(), vec![]),
            ],
        });
        let text = new_text(&s, crate::lang::Lang::Nb);
        let (back, diags) = read("meetings/2027H1.toml", &text);
        assert!(diags.is_empty(), "{diags:?}\n{text}");
        assert_eq!(back, Some(s));
    }

    #[test]
    fn attendance_added_to_a_published_file_stays_with_its_meeting() {
        let mut s = planned(Half::parse("2027H1").unwrap(), &config());
        s.published = Some(d(2026, 11, 23));
        let text = new_text(&s, crate::lang::Lang::Nb);
        let mut doc: DocumentMut = text.parse().unwrap();
        s.meetings[1].attendance = Some(Attendance {
            present: vec!["A".into()],
            absent: vec![],
            guests: vec!["G".into()],
            came_for: vec![],
        });
        apply(&s, &mut doc);
        let written = doc.to_string();
        let (back, diags) = read("meetings/2027H1.toml", &written);
        assert!(diags.is_empty(), "{diags:?}\n{written}");
        assert_eq!(back.as_ref(), Some(&s), "{written}");
        // Taken away again, the file is as it was.
        s.meetings[1].attendance = None;
        apply(&s, &mut doc);
        assert_eq!(doc.to_string(), text);
    }

    #[test]
    fn a_control_character_in_a_one_line_value_is_an_error_where_it_is() {
        for (key, value, line, line_break) in [
            ("uid", "\"a\\r\\nBEGIN:VALARM\"", 8, true),
            ("place", "\"Rom\\u001b[31m\"", 8, false),
            ("cancelled", "\"syk\\u0007\"", 8, false),
            ("attendance", "{ present = [\"Kari\\nBcc\"] }", 8, true),
        ] {
            let uid = if key == "uid" { String::new() } else { "uid = \"a\"\n".into() };
            let text = format!(
                "schema = 1\nhalf = \"2027H1\"\n\n[[meetings]]\ndate = 2027-01-12\nstart = \"12:30\"\nminutes = 90\n{key} = {value}\n{uid}"
            );
            let (s, diags) = read("meetings/2027H1.toml", &text);
            assert!(s.is_none(), "{key}: a file with errors gives no schedule");
            let lines: Vec<_> = diags.iter().map(|d| (d.pos.map(|p| p.line), d.severity)).collect();
            assert_eq!(lines, [(Some(line), crate::diagnostic::Severity::Error)], "{key}: {diags:?}");
            let named = match diags[0].problem {
                Problem::LineBreakInOneLine { .. } => true,
                Problem::ControlCharacters { .. } => false,
                _ => panic!("{key}: {diags:?}"),
            };
            assert_eq!(named, line_break, "{key}: {diags:?}");
        }
    }

    /// A meeting moved by hand to a late hour must still end the same day, as in rt.toml.
    #[test]
    fn a_meeting_that_would_run_past_midnight_is_an_error_at_its_start() {
        let text = "schema = 1\nhalf = \"2027H1\"\n\n[[meetings]]\ndate = 2027-01-12\nstart = \"23:30\"\nminutes = 90\nuid = \"a\"\n";
        let (s, diags) = read("meetings/2027H1.toml", text);
        assert!(s.is_none());
        let shown: Vec<String> = diags.iter().map(|d| d.render(crate::lang::Lang::Nb).to_string()).collect();
        assert_eq!(
            shown,
            [
                "meetings/2027H1.toml:6:9: feil: et møte fra 23:30 som varer 90 minutter, slutter ikke før midnatt\n  hjelp: sett en tidligere `start` eller færre `minutes`, så møtet slutter samme dag"
            ]
        );
        let fine = text.replace("23:30", "22:29");
        assert!(read("meetings/2027H1.toml", &fine).1.is_empty());
    }

    #[test]
    fn problems_are_reported_where_they_are() {
        let text = "schema = 1\nhalf = \"2027H1\"\n\n[[meetings]]\ndate = 2027-08-03\nstart = \"12:30\"\nminutes = 90\nuid = \"a\"\n\n[[meetings]]\ndate = 2027-08-03\nstart = \"12:30\"\nminutes = 90\nuid = \"b\"\n";
        let (s, diags) = read("meetings/2027H1.toml", text);
        assert!(s.is_none());
        let shown: Vec<String> = diags.iter().map(|d| d.render(crate::lang::Lang::Nb).to_string()).collect();
        let all = shown.join("\n");
        assert!(
            all.contains("meetings/2027H1.toml:5:8: feil: møtet ligger utenfor halvåret 2027H1"),
            "{all}"
        );
        assert!(
            all.contains("meetings/2027H1.toml:11:8: feil: `2027-08-03` finnes allerede (linje 5)"),
            "{all}"
        );
    }
}
