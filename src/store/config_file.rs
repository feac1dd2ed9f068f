//! Reading `rt.toml`, the team configuration, with every problem reported.
//!
//! The file is written by people, so it is documented with comments (see `rt init`) and
//! every value is checked: units have unique slug ids, members and the leader belong to a
//! known unit, the meeting rules are within sensible bounds, and each school holiday says
//! when it is.

use std::collections::BTreeMap;

use super::toml_read::{self, Reader, Table};
use crate::diagnostic::Diagnostic;
use crate::lang::Lang;
use crate::model::dates::{Half, parse_weekday};
use crate::model::team::{CONFIG_SCHEMA, HolidaySpan};
use crate::model::{
    Config, HolidayRule, MailSecurity, MailServer, MeetingRules, Person, Provider, SchoolHoliday, Unit,
};
use crate::problem::Problem;
use crate::rules::config;
use crate::suggest;

/// Whether a text is a slug id: lowercase a–z, digits and single inner hyphens.
pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && text.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !text.starts_with('-')
        && !text.ends_with('-')
        && !text.contains("--")
}

fn is_email(text: &str) -> bool {
    let mut parts = text.split('@');
    let (Some(local), Some(domain), None) = (parts.next(), parts.next(), parts.next()) else { return false };
    !local.is_empty() && domain.contains('.') && !text.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// Reads `rt.toml`. The config is the best reading of the file — `None` only when not even
/// the units could be read — so `rt check` can judge the cases against it; commands that act
/// must refuse a config with errors (see `Session::config`).
pub fn read(file: &str, text: &str) -> (Option<Config>, Vec<Diagnostic>) {
    let doc = match toml_read::parse(file, text) {
        Ok(doc) => doc,
        Err(d) => return (None, vec![*d]),
    };
    let mut r = Reader::new(file, text);
    let mut root = Table::root(&doc);
    let schema = r.int(&mut root, "schema", 1, 9999).unwrap_or(1) as u32;
    if schema > CONFIG_SCHEMA {
        let span = r.value_span(&root, "schema");
        r.warning_at(span, Problem::NewerSchema { found: schema, known: CONFIG_SCHEMA });
        r.tolerate_unknown = true;
    }
    let team = r.req_string(&mut root, "team");
    if team.as_deref().is_some_and(crate::rules::text::is_blank) {
        r.error_at(r.value_span(&root, "team"), Problem::TeamNameEmpty);
    }
    // The team's name heads every invitation, referat and calendar: one line, plain text.
    let field = crate::model::Field::Key("team".into());
    if let Some(problem) =
        team.as_deref().and_then(|t| crate::rules::text::character_problem(&field, t, true))
    {
        r.error_at(r.value_span(&root, "team"), problem);
    }
    let team = team.unwrap_or_default();
    let language = match r.string(&mut root, "language") {
        None => Lang::Nb,
        Some(code) => Lang::parse(&code).unwrap_or_else(|| {
            let span = r.value_span(&root, "language");
            let problem = Problem::BadChoice {
                key: "language".into(),
                value: code,
                allowed: vec!["nb", "en"],
                suggestion: None,
            };
            r.error_at(span, problem);
            Lang::Nb
        }),
    };

    let mut units: Vec<Unit> = Vec::new();
    let mut unit_lines: BTreeMap<String, usize> = BTreeMap::new();
    for mut t in r.tables(&mut root, "units") {
        let id = r.req_string(&mut t, "id");
        let name = r.req_string(&mut t, "name");
        let standing = r.bool(&mut t, "standing").unwrap_or(true);
        if let Some(id) = &id {
            let span = r.value_span(&t, "id");
            if !is_slug(id) {
                r.error_at(span.clone(), Problem::BadSlug { key: "units.id".into(), value: id.clone() });
            } else if let Some(first_line) = unit_lines.get(id) {
                r.error_at(span.clone(), Problem::DuplicateEntry { id: id.clone(), first_line: *first_line });
            } else {
                unit_lines.insert(id.clone(), r.pos(span).map_or(1, |p| p.line));
            }
        }
        r.finish(t);
        if let (Some(id), Some(name)) = (id, name) {
            units.push(Unit { id, name, standing });
        }
    }
    if units.is_empty() && !root.has("units") {
        r.error_at(Some(0..0), Problem::Missing { key: "units".into() });
    }
    let providers = read_providers(&mut r, &mut root, &units, &unit_lines);
    let unit_ids: Vec<String> = units.iter().map(|u| u.id.clone()).collect();

    let person = |r: &mut Reader<'_>, mut t: Table<'_>, key: &str| -> Option<Person> {
        let name = r.req_string(&mut t, "name");
        let email = r.req_string(&mut t, "email");
        let unit = r.req_string(&mut t, "unit");
        if let Some(e) = &email
            && !is_email(e)
        {
            let span = r.value_span(&t, "email");
            r.error_at(span, Problem::BadEmail { key: format!("{key}.email") });
        }
        let field = crate::model::Field::Key(format!("{key}.name"));
        if let Some(problem) =
            name.as_deref().and_then(|n| crate::rules::text::character_problem(&field, n, true))
        {
            r.error_at(r.value_span(&t, "name"), problem);
        }
        if let Some(u) = &unit
            && !unit_ids.contains(u)
        {
            let span = r.value_span(&t, "unit");
            let suggestion = suggest::closest(u, unit_ids.iter().map(String::as_str));
            r.error_at(span, Problem::UnknownUnit { unit: u.clone(), suggestion });
        }
        r.finish(t);
        Some(Person { name: name?, email: email?, unit: unit? })
    };
    let leader = r.table(&mut root, "leader").and_then(|t| person(&mut r, t, "leader"));
    let members: Vec<Person> =
        r.tables(&mut root, "members").into_iter().filter_map(|t| person(&mut r, t, "members")).collect();
    let contacts: Vec<Person> =
        r.tables(&mut root, "contacts").into_iter().filter_map(|t| person(&mut r, t, "contacts")).collect();

    let meetings = match r.table(&mut root, "meetings") {
        Some(t) => read_meetings(&mut r, t),
        None => MeetingRules::default(),
    };

    let mut school_holidays = Vec::new();
    for mut t in r.tables(&mut root, "school_holidays") {
        let name = r.req_string(&mut t, "name").unwrap_or_default();
        let year = r.int(&mut t, "year", 1900, 2200).map(|y| y as i32);
        let weeks: Vec<u32> = r.ints(&mut t, "weeks", 1, 53).into_iter().map(|w| w as u32).collect();
        let from = r.date(&mut t, "from");
        let to = r.date(&mut t, "to");
        let span = match (year, weeks.is_empty(), from, to) {
            (Some(year), false, None, None) => Some(HolidaySpan::Weeks { year, weeks }),
            (None, true, Some(from), Some(to)) if from <= to => Some(HolidaySpan::Dates { from, to }),
            (None, true, Some(_), Some(_)) => {
                let span = r.value_span(&t, "to");
                r.error_at(span, Problem::RangeReversed { key: "school_holidays".into() });
                None
            }
            _ => {
                let span = r.table_span(&t);
                r.error_at(span, Problem::HolidayNeedsSpan { name: name.clone() });
                None
            }
        };
        r.finish(t);
        if let Some(span) = span {
            school_holidays.push(SchoolHoliday { name, span });
        }
    }

    let (retention_days, self_consent_age, small_numbers) = match r.table(&mut root, "privacy") {
        Some(mut t) => {
            let retention = r.int(&mut t, "retention_days", 1, 3650).unwrap_or(180) as u32;
            let age = r.int(&mut t, "consent_age", 12, 18).unwrap_or(16) as u8;
            let small = r.bool(&mut t, "small_numbers").unwrap_or(true);
            r.finish(t);
            (retention, age, small)
        }
        None => (180, 16, true),
    };
    let auto_commit = match r.table(&mut root, "git") {
        Some(mut t) => {
            let on = r.bool(&mut t, "auto_commit").unwrap_or(false);
            r.finish(t);
            on
        }
        None => false,
    };
    let decision_days = match r.table(&mut root, "followup") {
        Some(mut t) => {
            let days = r.int(&mut t, "decision_days", 1, 365).unwrap_or(14) as u32;
            r.finish(t);
            days
        }
        None => 14,
    };
    let mail = r.table(&mut root, "mail").and_then(|t| read_mail(&mut r, t));
    r.skip(&mut root, "extra");
    r.finish(root);

    if leader.is_none() {
        r.warning_at(Some(0..0), Problem::NoLeader);
    }
    if members.is_empty() {
        r.warning_at(Some(0..0), Problem::NoMembers);
    }
    let usable = !units.is_empty();
    let config = Config {
        team,
        language,
        leader,
        units,
        providers,
        members,
        contacts,
        meetings,
        school_holidays,
        retention_days,
        self_consent_age,
        small_numbers,
        auto_commit,
        decision_days,
        mail,
    };
    (usable.then_some(config), r.diags)
}

/// `[[providers]]`: services outside the team that offer measures. Their ids are slugs,
/// unique, and never a unit's id (a measure's `provider` must say which one it means).
fn read_providers(
    r: &mut Reader<'_>,
    root: &mut Table<'_>,
    units: &[Unit],
    unit_lines: &BTreeMap<String, usize>,
) -> Vec<Provider> {
    let mut providers = Vec::new();
    let mut lines: BTreeMap<String, usize> = BTreeMap::new();
    for mut t in r.tables(root, "providers") {
        let id = r.req_string(&mut t, "id");
        let name = r.req_string(&mut t, "name");
        let contact = r.string(&mut t, "contact").unwrap_or_default();
        let link = r.string(&mut t, "link").unwrap_or_default();
        let mut good = true;
        if let Some(id) = &id {
            let span = r.value_span(&t, "id");
            if !is_slug(id) {
                r.error_at(span, Problem::BadSlug { key: "providers.id".into(), value: id.clone() });
                good = false;
            } else if units.iter().any(|u| &u.id == id) {
                let first_line = unit_lines.get(id).copied().unwrap_or(0);
                r.error_at(span, Problem::ProviderIsUnit { id: id.clone(), first_line });
                good = false;
            } else if let Some(first_line) = lines.get(id) {
                r.error_at(span, Problem::DuplicateEntry { id: id.clone(), first_line: *first_line });
                good = false;
            } else {
                lines.insert(id.clone(), r.pos(span).map_or(1, |p| p.line));
            }
        }
        let field = crate::model::Field::Key("providers.name".into());
        if let Some(problem) =
            name.as_deref().and_then(|n| crate::rules::text::character_problem(&field, n, true))
        {
            r.error_at(r.value_span(&t, "name"), problem);
        }
        r.finish(t);
        if let (Some(id), Some(name), true) = (id, name, good) {
            providers.push(Provider { id, name, contact, link });
        }
    }
    providers
}

const SECURITIES: [(&str, MailSecurity); 3] =
    [("starttls", MailSecurity::StartTls), ("tls", MailSecurity::Tls), ("none", MailSecurity::None)];

/// Whether a text can name an environment variable: `A`–`Z`, digits and `_`, not first a digit.
fn is_env_name(text: &str) -> bool {
    !text.is_empty()
        && !text.starts_with(|c: char| c.is_ascii_digit())
        && text.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
}

/// `[mail]`: the SMTP server. A password is never read from the file.
fn read_mail(r: &mut Reader<'_>, mut t: Table<'_>) -> Option<MailServer> {
    let host = r.req_string(&mut t, "host");
    let security = r.choice(&mut t, "security", &SECURITIES).unwrap_or(MailSecurity::StartTls);
    let port = r.int(&mut t, "port", 1, 65535).map_or(security.default_port(), |p| p as u16);
    let user = r.string(&mut t, "user");
    let password_env = r.string(&mut t, "password_env");
    if t.has("password") {
        let span = r.value_span(&t, "password");
        r.error_at(span, Problem::PasswordInFile);
    }
    r.skip(&mut t, "password");
    if let Some(name) = &password_env
        && !is_env_name(name)
    {
        let span = r.value_span(&t, "password_env");
        r.error_at(span, Problem::BadEnvName { value: name.clone() });
    }
    if user.is_some() && password_env.is_none() {
        let span = r.value_span(&t, "user");
        r.error_at(span, Problem::Missing { key: "mail.password_env".into() });
    }
    let host_span = r.value_span(&t, "host");
    r.finish(t);
    let host = host?;
    if host.is_empty() || host.contains(|c: char| c.is_whitespace() || c.is_control() || c == '/') {
        r.error_at(host_span, Problem::BadHost { value: host });
        return None;
    }
    Some(MailServer { host, port, security, user, password_env })
}

fn read_meetings(r: &mut Reader<'_>, mut t: Table<'_>) -> MeetingRules {
    let default = MeetingRules::default();
    let weekday = match r.string(&mut t, "weekday") {
        None => default.weekday,
        Some(text) => {
            let span = r.value_span(&t, "weekday");
            match parse_weekday(&text).map(|day| (day, config::meeting_day(day, &text))) {
                Some((day, Ok(()))) => day,
                Some((_, Err(weekend))) => {
                    r.error_at(span, weekend);
                    default.weekday
                }
                None => {
                    let allowed = config::WORKING_DAYS.to_vec();
                    let suggestion = suggest::closest(&text, allowed.iter().copied());
                    let problem = Problem::BadChoice {
                        key: "meetings.weekday".into(),
                        value: text,
                        allowed,
                        suggestion,
                    };
                    r.error_at(span, problem);
                    default.weekday
                }
            }
        }
    };
    let start = r.time(&mut t, "start").unwrap_or(default.start);
    let minutes = r.int(&mut t, "minutes", 15, 480).map_or(default.minutes, |n| n as u32);
    if let Err(p) = config::meeting_length(start, minutes) {
        let key = if t.has("minutes") { "minutes" } else { "start" };
        r.error_at(r.value_span(&t, key), p);
    }
    let mut closed = Vec::new();
    for (date, span) in r.dates_at(&mut t, "closed") {
        match config::date_in_range("meetings.closed", date) {
            Ok(()) => closed.push(date),
            Err(p) => r.error_at(span, p),
        }
    }
    let rules = MeetingRules {
        weekday,
        start,
        minutes,
        every_weeks: r.int(&mut t, "every_weeks", 1, 12).map_or(default.every_weeks, |n| n as u32),
        cases_per_meeting: r
            .int(&mut t, "cases_per_meeting", 1, 20)
            .map_or(default.cases_per_meeting, |n| n as u32),
        referral_deadline_days: r
            .int(&mut t, "referral_deadline_days", 0, 60)
            .map_or(default.referral_deadline_days, |n| n as u32),
        place: {
            let place = r.string(&mut t, "place").unwrap_or_default();
            let field = crate::model::Field::Key("meetings.place".into());
            if let Some(problem) = crate::rules::text::character_problem(&field, &place, true) {
                r.error_at(r.value_span(&t, "place"), problem);
            }
            place
        },
        on_holiday: r
            .choice(&mut t, "on_holiday", &[("skip", HolidayRule::Skip), ("move", HolidayRule::Move)])
            .unwrap_or_default(),
        first: read_first_dates(r, &mut t, weekday),
        closed,
    };
    r.finish(t);
    rules
}

/// `[meetings.first]`: `"2027H1" = 2027-01-12`, the first meeting of a half-year.
fn read_first_dates(
    r: &mut Reader<'_>,
    t: &mut Table<'_>,
    weekday: chrono::Weekday,
) -> BTreeMap<Half, chrono::NaiveDate> {
    let mut out = BTreeMap::new();
    let Some(first) = r.table(t, "first") else { return out };
    let keys = first.keys();
    let mut first = first;
    for key in keys {
        let span = r.value_span(&first, key);
        match Half::parse(key) {
            Some(half) => {
                let Some(date) = r.date(&mut first, key) else { continue };
                let (from, to) = (half.first_day(), half.last_day());
                if !half.contains(date) {
                    let problem = Problem::FirstMeetingOutsideHalf { half: half.to_string(), from, to };
                    r.error_at(span, problem);
                    continue;
                }
                // A warning: after a change of `weekday` the first dates of half-years already
                // published or past are history and may stand as they were.
                if let Err(problem) = config::first_meeting_day(date, weekday) {
                    r.warning_at(span, problem);
                }
                out.insert(half, date);
            }
            None => {
                r.skip(&mut first, key);
                r.error_at(span, Problem::BadHalf { key: "meetings.first".into(), value: key.to_string() });
            }
        }
    }
    r.finish(first);
    out
}
