//! Every kind of problem `rt` can find in a team's data, as data, with its text in both
//! languages.
//!
//! Rules and loaders produce [`Problem`] values; the words are made only when one is shown.
//! A message starts with what is wrong and names the thing; [`Problem::help`] gives one
//! concrete way to fix it. No message ever repeats a national id number or a text that may
//! hold one.

use crate::lang::Lang;
use crate::model::{ConsentBy, Status, WayIn};
use crate::rules::national_id;

/// The kind of a TOML value, for "expected … but found …".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValueKind {
    /// A string.
    String,
    /// An integer.
    Integer,
    /// A float.
    Float,
    /// `true` or `false`.
    Bool,
    /// A date, `2027-01-05`.
    Date,
    /// A time of day, `12:30`.
    Time,
    /// A date with a time.
    DateTime,
    /// An array.
    Array,
    /// A table.
    Table,
}

impl ValueKind {
    fn label(self, lang: Lang) -> &'static str {
        match self {
            ValueKind::String => lang.pick("tekst", "a string"),
            ValueKind::Integer => lang.pick("et heltall", "an integer"),
            ValueKind::Float => lang.pick("et desimaltall", "a float"),
            ValueKind::Bool => lang.pick("true eller false", "true or false"),
            ValueKind::Date => lang.pick("en dato", "a date"),
            ValueKind::Time => lang.pick("et klokkeslett", "a time"),
            ValueKind::DateTime => lang.pick("dato med klokkeslett", "a date with a time"),
            ValueKind::Array => lang.pick("en liste", "an array"),
            ValueKind::Table => lang.pick("en tabell", "a table"),
        }
    }
}

/// A problem in the team's data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    // ---- the file itself -------------------------------------------------------------
    /// The file is not valid TOML.
    Syntax { detail: String },
    /// The file could not be read.
    Unreadable { detail: String },
    /// A key `rt` does not know.
    UnknownKey { key: String, suggestion: Option<String> },
    /// A required key is absent.
    Missing { key: String },
    /// A value of the wrong type.
    WrongType { key: String, expected: ValueKind, found: ValueKind },
    /// A date written as a quoted string.
    QuotedDate { key: String },
    /// A value outside its set of choices.
    BadChoice { key: String, value: String, allowed: Vec<&'static str>, suggestion: Option<String> },
    /// A number outside its range.
    OutOfRange { key: String, value: i64, min: i64, max: i64 },
    /// A time not written `HH:MM`.
    BadTime { key: String },
    /// A half-year not written `2027H1`.
    BadHalf { key: String, value: String },
    /// An id (of a unit or measure) with characters other than a–z, 0–9 and `-`.
    BadSlug { key: String, value: String },
    /// An e-mail address without `@` or with spaces.
    BadEmail { key: String },
    /// The same id twice in one list.
    DuplicateEntry { id: String, first_line: usize },
    /// A stray temporary file from an interrupted write.
    StrayTempFile,
    /// A file in `cases/` that is not a case file.
    NotACaseFile,
    /// A file written by a newer `rt`.
    NewerSchema { found: u32, known: u32 },

    // ---- references between files ----------------------------------------------------
    /// A unit id not in `rt.toml`.
    UnknownUnit { unit: String, suggestion: Option<String> },
    /// A measure id not in `tiltaksbank.toml`.
    UnknownMeasure { id: String, suggestion: Option<String> },
    /// A decision names a measure that was never proposed.
    NotProposed { id: String },

    // ---- case ids and files ----------------------------------------------------------
    /// An id not shaped `YYYY-MM-DD-xxxx`.
    BadCaseId { value: String },
    /// The file name is not the case id.
    FileNameNotId { id: String },
    /// The case lies in the wrong year folder.
    WrongYearFolder { id: String },
    /// The id's date is not the referral date.
    IdDateNotReferred { id: String },
    /// Two files carry the same id.
    DuplicateCaseId { id: String, other: String },

    // ---- the referral rules ----------------------------------------------------------
    /// R1/R3: a BTI case or user case with no user and not anonymous.
    UserMissing { way: WayIn },
    /// R3: an anonymous case with initials or a birth date.
    IdentityOnAnonymous,
    /// R2: no consent for a case that is not anonymous.
    ConsentMissing,
    /// R2: the unit leader was not consulted.
    LeaderCheckMissing,
    /// R3: consent (and so copies) on an anonymous case.
    ConsentOnAnonymous,
    /// Consent on a guidance case with no user.
    ConsentWithoutUser,
    /// R2: who consented does not fit the user's age.
    ConsentByAge { given_by: ConsentBy, age: i32, self_age: u8 },
    /// R2: who may consent is unclear at this age and must be given.
    ConsentByNeeded { age: i32, self_age: u8 },
    /// Consent dated in the future.
    ConsentInFuture,
    /// Consent expiring before it was given, or withdrawn before it was given.
    ConsentDatesReversed { key: String },
    /// Consent has expired on a case that is still open.
    ConsentExpired,
    /// R4: a required text is empty.
    TextMissing { field: String },
    /// A text holds something shaped like a fødselsnummer, D- or H-number.
    NationalId { field: String },
    /// A text holds control characters.
    ControlCharacters { field: String },
    /// A text is longer than a referral needs.
    TextTooLong { field: String, max: usize },
    /// Initials not written like `A.B.`.
    BadInitials,
    /// A birth date in the future.
    BornInFuture,
    /// A birth date more than 110 years ago.
    BornTooLongAgo,
    /// A BTI level on a case that did not come in through BTI.
    BtiLevelNotBti { way: WayIn },
    /// A referral date in the future.
    ReferredInFuture,
    /// A meeting before the referral.
    MeetingBeforeReferral,
    /// An outcome or decision dated after today: recorded before the meeting was held.
    RecordedAhead { date: chrono::NaiveDate, decision: bool },
    /// A status that needs a field the case lacks.
    StatusNeeds { status: Status, key: String },
    /// A closing date on a case that is not closed.
    ClosedButOpen,
    /// R5: a text mentions violence or abuse (a reminder, not a refusal).
    ViolenceMentioned { field: String },
    /// `rt.toml` names no leader.
    NoLeader,
    /// `rt.toml` names no standing members, so no one gets the invitation.
    NoMembers,
    /// An invitation with no one to send it to.
    NoRecipients,
    /// A password written in `rt.toml` (it belongs in the environment).
    PasswordInFile,
    /// `--send` without `[mail]` in `rt.toml`.
    NoMailServer,
    /// The environment variable that should hold the mail password is not set.
    PasswordNotSet { var: String },
    /// Some recipients were refused by the mail server.
    RecipientsRefused { refused: usize, sent: usize },
    /// A name that cannot be an environment variable.
    BadEnvName { value: String },
    /// A mail server host that cannot be one.
    BadHost { value: String },
    /// A school holiday needs either weeks and a year, or from and to.
    HolidayNeedsSpan { name: String },
    /// An age given for a user who is not anonymous (their age follows from the birth date).
    AgeNeedsAnonymous,
    /// Consent details (copies, who, dates) given without consent itself.
    ConsentDetailsWithoutConsent,
    /// A meeting too soon for the referral deadline.
    MeetingTooSoon { earliest: chrono::NaiveDate, days: u32 },
    /// A meeting with no room left, and the next ones with room.
    MeetingFull { capacity: u32, next: Vec<chrono::NaiveDate> },
    /// A date with no meeting in the schedule, and the next ones with room.
    MeetingUnknown { date: chrono::NaiveDate, next: Vec<chrono::NaiveDate> },
    /// A cancelled meeting.
    MeetingCancelled { date: chrono::NaiveDate, reason: String },
    /// A meeting that has been held.
    MeetingPast { date: chrono::NaiveDate },
    /// A meeting on a day the team cannot meet.
    MeetingOnClosedDay { why: String },
    /// A meeting outside the half-year of its file.
    MeetingOutsideHalf { half: String },
    /// More cases in a meeting than it has room for.
    MeetingOverCapacity { date: chrono::NaiveDate, count: usize, capacity: u32 },
    /// A meetings file whose name is not its half-year.
    MeetingsFileName { half: String },
    /// No meeting in this half-year or the next had room.
    NotPlaced,
    /// A status change a command may not make.
    StepNotAllowed { command: &'static str, status: Status },
    /// Closing a case before the user's decision needs a reason.
    CloseNeedsReason { status: Status },
    /// A measure both accepted and declined.
    AcceptedAndDeclined { id: String },
    /// A decision that names no measure.
    NothingDecided,
    /// Proposals the user has not decided on yet.
    Undecided { ids: Vec<String> },
    /// A name among `--absent` that is no standing member.
    UnknownMember { name: String, suggestion: Option<String> },
    /// An output path that is no file name (a Windows device name, empty).
    BadOutputPath { path: String },
    /// `rt consent --withdraw` on a case without consent.
    NoConsentToWithdraw,
    /// Consent already withdrawn.
    AlreadyWithdrawn { date: chrono::NaiveDate },
    /// A closed case past the retention period, still holding personal data.
    PurgeDue { closed: chrono::NaiveDate, days: u32 },
    /// A case file that others than its owner may read.
    ReadableByOthers { mode: u32 },
    /// A file larger than `rt` reads.
    TooLarge { max_mib: u64 },
    /// A catalogue with nothing to export.
    NoMeasures,
    /// A sheet that is not in the workbook.
    NoSuchSheet { sheet: String, sheets: Vec<String> },
    /// An import column `--map` or the headers name that is not there.
    NoSuchColumn { column: String },
    /// No column gives the measures' names.
    NoNameColumn,
    /// An age or age range that cannot be read.
    BadAges { value: String },
    /// An access value that is neither open nor via the team.
    BadAccess { value: String },
    /// A meeting with no cases to write minutes for.
    NoCasesInMeeting { date: chrono::NaiveDate },
    /// A case not yet placed in any meeting.
    NotInAMeeting { id: String },
    /// Several documents need a folder to go to.
    NeedsOutFolder { count: usize },
    /// A change to a case that was refused, with how many problems.
    NotSaved { problems: usize },
    /// Lifting to level 2 (instansmøte) is for BTI cases.
    Level2NotBti,
    /// The half-year is already published.
    AlreadyPublished { half: String },
    /// The half-year is not published, so its meetings cannot be cancelled or moved.
    NotPublished { half: String },
    /// The rules give no meetings in the half-year.
    NoMeetings { half: String },
    /// A meeting moved out of its half-year.
    MoveOutsideHalf { half: String },
    /// A meeting moved onto a day that already has one.
    MeetingTaken { date: chrono::NaiveDate },
    /// A date range whose `to` is before its `from`.
    RangeReversed { key: String },
    /// A measure's age range runs backwards.
    AgesReversed { min: u8, max: u8 },
    // --- natid: national ids outside the text values ---
    /// A key holds what looks like a national id number; `table` is the path of the table
    /// it is in (empty at the top level), never the key itself.
    NationalIdInKey { table: String },
    /// The file holds what looks like a national id number outside any value `rt` reads:
    /// in a comment, or spread over several values.
    NationalIdInFile,
}

/// "The next meetings with room: …" for a hint.
fn next_free(next: &[chrono::NaiveDate], lang: Lang) -> String {
    if next.is_empty() {
        return lang.pick(
            "ingen møter med plass er satt opp ennå; meld uten --meeting, så setter lederen saken opp".into(),
            "no meetings with room are set yet; refer without --meeting and the leader will place it".into(),
        );
    }
    let dates: Vec<String> = next.iter().map(|d| d.to_string()).collect();
    lang.pick(
        format!("neste møter med plass: {} (se `rt schedule`)", dates.join(", ")),
        format!("next meetings with room: {} (see `rt schedule`)", dates.join(", ")),
    )
}

/// What a user reads for a field path of a case file.
pub fn field_label(path: &str, lang: Lang) -> Option<&'static str> {
    // `invite[2]` and `consent.units[0]` read like their list.
    let base: String =
        path.split('.').map(|p| p.split('[').next().unwrap_or(p)).collect::<Vec<_>>().join(".");
    Some(match base.as_str() {
        "way_in" => lang.pick("vei inn (R1)", "way in (R1)"),
        "referrer.name" => lang.pick("navnet på den som melder", "the referring employee's name"),
        "referrer.unit" => lang.pick("enheten til den som melder", "the referrer's unit"),
        "user.initials" => lang.pick("brukerens initialer", "the user's initials"),
        "user.born" => lang.pick("brukerens fødselsdato", "the user's date of birth"),
        "user.age" => lang.pick("alder", "age"),
        "situation.concern" => lang.pick(
            "brukerens/familiens situasjon (bekymringen)",
            "the user's or family's situation (the concern)",
        ),
        "situation.tried" => lang.pick("hva som er forsøkt tidligere", "what has been tried"),
        "situation.wishes" => lang.pick("hva som er viktig for brukeren", "what matters to the user"),
        "situation.question" => lang.pick("hva teamet skal hjelpe med", "what the team should help with"),
        "consent.given_by" => lang.pick("hvem som ga samtykke", "who gave consent"),
        "consent.units" => lang.pick("enhetene som kan få kopi", "the units that may get a copy"),
        "invite" => lang.pick("kontaktpersoner som inviteres", "contact persons to invite"),
        "outcome.assessment" => lang.pick("teamets vurdering", "the team's assessment"),
        "outcome.next_step" => lang.pick("neste steg", "the next step"),
        "outcome.coordinator" => lang.pick("koordinator", "coordinator"),
        _ => return None,
    })
}

fn label_or_key(path: &str, lang: Lang) -> String {
    field_label(path, lang).map_or_else(|| format!("`{path}`"), str::to_string)
}

/// A value the user wrote, in backticks; hidden whole when it holds what looks like a
/// national id number, since the rest of it may well name the person.
fn shown(value: &str, l: Lang) -> String {
    if national_id::contains_national_id(value) {
        l.pick("(vises ikke: ligner et fødselsnummer)", "(not shown: looks like a national id number)")
            .to_string()
    } else {
        format!("`{value}`")
    }
}

/// A message with any national id number that slipped into it redacted.
fn redacted(text: String) -> String {
    match national_id::redact(&text) {
        std::borrow::Cow::Owned(redacted) => redacted,
        std::borrow::Cow::Borrowed(_) => text,
    }
}

impl Problem {
    /// What is wrong, in one line. A value it repeats is never a national id number: the
    /// values a message exists to repeat are hidden whole, any other number is redacted.
    pub fn message(&self, lang: Lang) -> String {
        redacted(self.unredacted_message(lang))
    }

    fn unredacted_message(&self, lang: Lang) -> String {
        use Problem::*;
        let l = lang;
        match self {
            Syntax { detail } => l.pick(
                format!("ugyldig TOML: {detail}"),
                format!("invalid TOML: {detail}"),
            ),
            Unreadable { detail } => l.pick(
                format!("kan ikke lese filen: {detail}"),
                format!("cannot read the file: {detail}"),
            ),
            UnknownKey { key, .. } => {
                l.pick(format!("ukjent nøkkel {}", shown(key, l)), format!("unknown key {}", shown(key, l)))
            }
            Missing { key } => match field_label(key, l) {
                Some(label) => l.pick(
                    format!("mangler `{key}`: {label}"),
                    format!("missing `{key}`: {label}"),
                ),
                None => l.pick(format!("mangler `{key}`"), format!("missing `{key}`")),
            },
            WrongType { key, expected, found } => l.pick(
                format!("`{key}` skal være {}, men er {}", expected.label(l), found.label(l)),
                format!("`{key}` must be {}, but is {}", expected.label(l), found.label(l)),
            ),
            QuotedDate { key } => l.pick(
                format!("`{key}` er en dato i anførselstegn"),
                format!("`{key}` is a date in quotes"),
            ),
            BadChoice { key, value, allowed, .. } => l.pick(
                format!("`{key}` kan ikke være {} (gyldig: {})", shown(value, l), allowed.join(", ")),
                format!("`{key}` cannot be {} (valid: {})", shown(value, l), allowed.join(", ")),
            ),
            OutOfRange { key, value, min, max } => l.pick(
                format!("`{key}` = {value} er utenfor {min}–{max}"),
                format!("`{key}` = {value} is outside {min}–{max}"),
            ),
            BadTime { key } => l.pick(
                format!("`{key}` skal være et klokkeslett TT:MM"),
                format!("`{key}` must be a time HH:MM"),
            ),
            BadHalf { key, value } => l.pick(
                format!("`{key}`: `{value}` er ikke et halvår"),
                format!("`{key}`: `{value}` is not a half-year"),
            ),
            BadSlug { key, value } => l.pick(
                format!("`{key}` = `{value}` kan bare ha små bokstaver a–z, sifre og bindestrek"),
                format!("`{key}` = `{value}` may hold only lowercase a–z, digits and hyphens"),
            ),
            BadEmail { key } => l.pick(
                format!("`{key}` er ikke en e-postadresse"),
                format!("`{key}` is not an e-mail address"),
            ),
            DuplicateEntry { id, first_line: 0 } => {
                l.pick(format!("`{id}` finnes allerede"), format!("`{id}` already exists"))
            }
            DuplicateEntry { id, first_line } => l.pick(
                format!("`{id}` finnes allerede (linje {first_line})"),
                format!("`{id}` already exists (line {first_line})"),
            ),
            StrayTempFile => l.pick(
                "midlertidig fil etter en avbrutt skriving".to_string(),
                "temporary file left by an interrupted write".to_string(),
            ),
            NotACaseFile => l.pick(
                "filen i cases/ er ikke en sak (.toml)".to_string(),
                "this file in cases/ is not a case (.toml)".to_string(),
            ),
            NewerSchema { found, known } => l.pick(
                format!(
                    "filen er skrevet av en nyere rt (schema {found}; denne rt kjenner {known}); den leses, men skrives ikke om"
                ),
                format!(
                    "the file was written by a newer rt (schema {found}; this rt knows {known}); it is read but never rewritten"
                ),
            ),
            UnknownUnit { unit, .. } => {
                l.pick(format!("ukjent enhet {}", shown(unit, l)), format!("unknown unit {}", shown(unit, l)))
            }
            UnknownMeasure { id, .. } => {
                l.pick(format!("ukjent tiltak `{id}`"), format!("unknown measure `{id}`"))
            }
            NotProposed { id } => l.pick(
                format!("tiltaket `{id}` ble ikke foreslått i saken"),
                format!("the measure `{id}` was not proposed for this case"),
            ),
            BadCaseId { value } => l.pick(
                format!("`{value}` er ikke en saks-id (ÅÅÅÅ-MM-DD-xxxx)"),
                format!("`{value}` is not a case id (YYYY-MM-DD-xxxx)"),
            ),
            FileNameNotId { id } => l.pick(
                format!("filnavnet stemmer ikke med id-en `{id}`"),
                format!("the file name does not match the id `{id}`"),
            ),
            WrongYearFolder { id } => l.pick(
                format!("saken `{id}` ligger i feil årsmappe"),
                format!("the case `{id}` is in the wrong year folder"),
            ),
            IdDateNotReferred { id } => l.pick(
                format!("datoen i id-en `{id}` er ikke meldedatoen (`referred`)"),
                format!("the date in the id `{id}` is not the referral date (`referred`)"),
            ),
            DuplicateCaseId { id, other } => l.pick(
                format!("id-en `{id}` brukes også i {other}"),
                format!("the id `{id}` is also used in {other}"),
            ),
            UserMissing { way } => l.pick(
                format!("en sak om {} trenger en bruker, eller å drøftes anonymt", way.label(l)),
                format!("a case of {} needs a user, or to be discussed anonymously", way.label(l)),
            ),
            IdentityOnAnonymous => l.pick(
                "en anonym sak kan ikke ha initialer eller fødselsdato (R3)".to_string(),
                "an anonymous case cannot have initials or a date of birth (R3)".to_string(),
            ),
            ConsentMissing => l.pick(
                "brukerens samtykke mangler (R2)".to_string(),
                "the user's consent is missing (R2)".to_string(),
            ),
            LeaderCheckMissing => l.pick(
                "meldingen er ikke drøftet med enhetsleder (R2)".to_string(),
                "the referral has not been discussed with the unit leader (R2)".to_string(),
            ),
            ConsentOnAnonymous => l.pick(
                "en anonym sak har ikke samtykke eller kopimottakere (R3)".to_string(),
                "an anonymous case has no consent and no copy recipients (R3)".to_string(),
            ),
            ConsentWithoutUser => l.pick(
                "en veiledningssak uten bruker kan ikke ha samtykke".to_string(),
                "a guidance case without a user cannot have consent".to_string(),
            ),
            ConsentByAge { given_by, age, self_age } => match given_by {
                ConsentBy::SelfConsent => l.pick(
                    format!("brukeren er {age} år og kan ikke samtykke alene før {self_age} år (R2)"),
                    format!("the user is {age} and cannot consent alone before {self_age} (R2)"),
                ),
                _ => l.pick(
                    format!("brukeren er {age} år; samtykke fra {} passer ikke (R2)", given_by.label(l)),
                    format!("the user is {age}; consent from {} does not fit (R2)", given_by.label(l)),
                ),
            },
            ConsentByNeeded { age, self_age } => l.pick(
                format!("brukeren er {age} år: oppgi om samtykket er gitt av ungdommen selv (fra {self_age} år) eller av foresatte"),
                format!("the user is {age}: say whether the young person (from {self_age}) or a guardian consented"),
            ),
            ConsentInFuture => l.pick(
                "samtykket er datert fram i tid".to_string(),
                "the consent is dated in the future".to_string(),
            ),
            ConsentDatesReversed { key } => l.pick(
                format!("`{key}` er før samtykket ble gitt"),
                format!("`{key}` is before the consent was given"),
            ),
            ConsentExpired => l.pick(
                "samtykket er utløpt, men saken er ikke avsluttet".to_string(),
                "the consent has expired, but the case is not closed".to_string(),
            ),
            TextMissing { field } => l.pick(
                format!("{} mangler (R4)", label_or_key(field, l)),
                format!("{} is missing (R4)", label_or_key(field, l)),
            ),
            NationalId { field } => l.pick(
                format!("{} inneholder noe som ligner et fødselsnummer", label_or_key(field, l)),
                format!("{} contains what looks like a national id number", label_or_key(field, l)),
            ),
            ControlCharacters { field } => l.pick(
                format!("{} inneholder kontrolltegn", label_or_key(field, l)),
                format!("{} contains control characters", label_or_key(field, l)),
            ),
            TextTooLong { field, max } => l.pick(
                format!("{} er lengre enn {max} tegn", label_or_key(field, l)),
                format!("{} is longer than {max} characters", label_or_key(field, l)),
            ),
            BadInitials => l.pick(
                "initialene skal skrives som A.B. (2–4 bokstaver)".to_string(),
                "initials must be written like A.B. (2–4 letters)".to_string(),
            ),
            BornInFuture => l.pick(
                "fødselsdatoen er fram i tid".to_string(),
                "the date of birth is in the future".to_string(),
            ),
            BornTooLongAgo => l.pick(
                "fødselsdatoen er mer enn 110 år tilbake".to_string(),
                "the date of birth is more than 110 years ago".to_string(),
            ),
            BtiLevelNotBti { way } => l.pick(
                format!("BTI-nivå passer ikke for {}", way.label(l)),
                format!("a BTI level does not fit {}", way.label(l)),
            ),
            ReferredInFuture => l.pick(
                "meldedatoen er fram i tid".to_string(),
                "the referral date is in the future".to_string(),
            ),
            RecordedAhead { date, decision: false } => l.pick(
                format!("teamets vurdering er datert {date}, som ikke har kommet ennå"),
                format!("the team's outcome is dated {date}, which has not come yet"),
            ),
            RecordedAhead { date, decision: true } => l.pick(
                format!("brukerens beslutning er datert {date}, som ikke har kommet ennå"),
                format!("the user's decision is dated {date}, which has not come yet"),
            ),
            MeetingBeforeReferral => l.pick(
                "møtet er før saken ble meldt".to_string(),
                "the meeting is before the referral".to_string(),
            ),
            StatusNeeds { status, key } => l.pick(
                format!("status `{}` krever `{key}`", status.code()),
                format!("status `{}` requires `{key}`", status.code()),
            ),
            ClosedButOpen => l.pick(
                "saken har avslutningsdato, men status er ikke `closed`".to_string(),
                "the case has a closing date, but its status is not `closed`".to_string(),
            ),
            ViolenceMentioned { field } => l.pick(
                format!("{} nevner vold eller overgrep", label_or_key(field, l)),
                format!("{} mentions violence or abuse", label_or_key(field, l)),
            ),
            NoLeader => l.pick(
                "rt.toml har ingen leder ([leader])".to_string(),
                "rt.toml names no leader ([leader])".to_string(),
            ),
            NoMembers => l.pick(
                "rt.toml har ingen faste medlemmer ([[members]])".to_string(),
                "rt.toml names no standing members ([[members]])".to_string(),
            ),
            NoRecipients => l.pick(
                "innkallingen har ingen mottakere: ingen faste medlemmer i rt.toml har e-post, utenom lederen".to_string(),
                "the invitation has no recipients: no standing member in rt.toml has an e-mail address, besides the leader".to_string(),
            ),
            PasswordInFile => l.pick(
                "passordet til e-posttjeneren skal ikke stå i rt.toml".to_string(),
                "the mail server's password must not be in rt.toml".to_string(),
            ),
            NoMailServer => l.pick(
                "rt.toml sier ikke hvilken e-posttjener innkallingen skal sendes med ([mail])".to_string(),
                "rt.toml does not say which mail server to send the invitation with ([mail])".to_string(),
            ),
            PasswordNotSet { var } => l.pick(
                format!("miljøvariabelen {var} med passordet til e-posttjeneren er ikke satt"),
                format!("the environment variable {var} with the mail server's password is not set"),
            ),
            RecipientsRefused { refused, sent } => l.pick(
                format!("{refused} mottaker(e) ble avvist av e-posttjeneren; {sent} fikk innkallingen"),
                format!("{refused} recipient(s) were refused by the mail server; {sent} got the invitation"),
            ),
            BadEnvName { value } => l.pick(
                format!("`mail.password_env` = `{value}` er ikke et navn på en miljøvariabel"),
                format!("`mail.password_env` = `{value}` is not the name of an environment variable"),
            ),
            BadHost { value } => l.pick(
                format!("`mail.host` = `{value}` er ikke et vertsnavn"),
                format!("`mail.host` = `{value}` is not a host name"),
            ),
            HolidayNeedsSpan { name } => l.pick(
                format!("skoleferien `{name}` trenger enten `year` og `weeks`, eller `from` og `to`"),
                format!("the school holiday `{name}` needs either `year` and `weeks`, or `from` and `to`"),
            ),
            AgeNeedsAnonymous => l.pick(
                "alder oppgis bare for anonyme saker; ellers følger den av fødselsdatoen".to_string(),
                "an age is given only for anonymous cases; otherwise it follows from the date of birth".to_string(),
            ),
            ConsentDetailsWithoutConsent => l.pick(
                "kopimottakere og samtykkedetaljer krever at brukeren har samtykket".to_string(),
                "copy recipients and consent details require the user's consent".to_string(),
            ),
            MeetingTooSoon { earliest, days } => l.pick(
                format!("meldefristen er {days} dager før møtet; tidligste møtedato nå er {earliest}, så innkallingen kan allerede være sendt"),
                format!("the referral deadline is {days} days before the meeting; the earliest meeting date now is {earliest}, so the invitation may already be out"),
            ),
            MeetingFull { capacity, .. } => l.pick(
                format!("møtet er fullt ({capacity} saker)"),
                format!("the meeting is full ({capacity} cases)"),
            ),
            MeetingUnknown { date, .. } => l.pick(
                format!("teamet har ikke møte {date}"),
                format!("the team has no meeting on {date}"),
            ),
            MeetingCancelled { date, reason } => l.pick(
                format!("møtet {date} er avlyst ({reason})"),
                format!("the meeting on {date} is cancelled ({reason})"),
            ),
            MeetingPast { date } => l.pick(
                format!("møtet {date} er allerede holdt"),
                format!("the meeting on {date} has already been held"),
            ),
            MeetingOnClosedDay { why } => l.pick(
                format!("møtet er på en dag teamet ikke møtes ({why})"),
                format!("the meeting is on a day the team does not meet ({why})"),
            ),
            MeetingOutsideHalf { half } => l.pick(
                format!("møtet ligger utenfor halvåret {half}"),
                format!("the meeting lies outside the half-year {half}"),
            ),
            MeetingOverCapacity { date, count, capacity } => l.pick(
                format!("møtet {date} har {count} saker, men plass til {capacity}"),
                format!("the meeting on {date} has {count} cases but room for {capacity}"),
            ),
            MeetingsFileName { half } => l.pick(
                format!("filnavnet stemmer ikke med halvåret {half}"),
                format!("the file name does not match the half-year {half}"),
            ),
            StepNotAllowed { command, status } => l.pick(
                format!("`{command}` kan ikke brukes på en sak med status `{}` ({})", status.code(), status.label(l)),
                format!("`{command}` cannot be used on a case with status `{}` ({})", status.code(), status.label(l)),
            ),
            CloseNeedsReason { status } => l.pick(
                format!("saken har status `{}`; å avslutte før brukerens beslutning krever en grunn", status.code()),
                format!("the case has status `{}`; closing before the user's decision needs a reason", status.code()),
            ),
            AcceptedAndDeclined { id } => l.pick(
                format!("`{id}` kan ikke både takkes ja og nei til"),
                format!("`{id}` cannot be both accepted and declined"),
            ),
            NothingDecided => l.pick(
                "oppgi hvilke tiltak brukeren takker ja (--accept) eller nei (--decline) til".to_string(),
                "say which measures the user accepts (--accept) or declines (--decline)".to_string(),
            ),
            Undecided { ids } => l.pick(
                format!("brukeren har ikke tatt stilling til: {}", ids.join(", ")),
                format!("the user has not decided on: {}", ids.join(", ")),
            ),
            UnknownMember { name, .. } => l.pick(
                format!("`{name}` er ikke et fast medlem"),
                format!("`{name}` is not a standing member"),
            ),
            BadOutputPath { path } => l.pick(
                format!("`{path}` kan ikke brukes som filnavn (tomt, eller et enhetsnavn som CON eller NUL)"),
                format!("`{path}` cannot be used as a file name (empty, or a device name like CON or NUL)"),
            ),
            NoConsentToWithdraw => l.pick(
                "saken har ikke noe samtykke å trekke (anonym eller uten bruker)".to_string(),
                "the case has no consent to withdraw (anonymous or without a user)".to_string(),
            ),
            AlreadyWithdrawn { date } => l.pick(
                format!("samtykket ble allerede trukket {date}"),
                format!("the consent was already withdrawn on {date}"),
            ),
            PurgeDue { closed, days } => l.pick(
                format!("saken ble avsluttet {closed}, mer enn {days} dager siden, og skal anonymiseres"),
                format!("the case was closed on {closed}, more than {days} days ago, and is due to be anonymised"),
            ),
            ReadableByOthers { mode } => l.pick(
                format!("filen kan leses av andre enn eieren (rettigheter {mode:o})"),
                format!("the file can be read by others than its owner (mode {mode:o})"),
            ),
            TooLarge { max_mib } => l.pick(
                format!("filen er større enn {max_mib} MiB; rt leser den ikke"),
                format!("the file is larger than {max_mib} MiB; rt does not read it"),
            ),
            NoMeasures => l.pick("tiltaksbanken er tom".to_string(), "the catalogue is empty".to_string()),
            NoSuchSheet { sheet, sheets } => l.pick(
                format!("fant ikke arket `{sheet}` (arkene: {})", sheets.join(", ")),
                format!("no sheet `{sheet}` (the sheets: {})", sheets.join(", ")),
            ),
            NoSuchColumn { column } => l.pick(
                format!("fant ingen kolonne `{column}`"),
                format!("no column `{column}`"),
            ),
            NoNameColumn => l.pick(
                "fant ingen kolonne med tiltakets navn (f.eks. «Tiltak» eller «Navn»)".to_string(),
                "no column with the measure's name (e.g. \"Tiltak\" or \"Navn\")".to_string(),
            ),
            BadAges { value } => l.pick(
                format!("kan ikke lese alderen `{value}`"),
                format!("cannot read the age `{value}`"),
            ),
            BadAccess { value } => l.pick(
                format!("`{value}` er verken åpent eller via ressursteamet"),
                format!("`{value}` is neither open nor via the team"),
            ),
            NoCasesInMeeting { date } => l.pick(
                format!("møtet {date} har ingen saker"),
                format!("the meeting on {date} has no cases"),
            ),
            NotInAMeeting { id } => l.pick(
                format!("saken {id} er ikke satt opp på noe møte ennå"),
                format!("the case {id} is not placed in any meeting yet"),
            ),
            NeedsOutFolder { count } => l.pick(
                format!("{count} referater trenger en mappe å skrives til"),
                format!("{count} sets of minutes need a folder to be written to"),
            ),
            NotSaved { problems } => l.pick(
                format!("saken er ikke endret ({problems} feil å rette)"),
                format!("the case was not changed ({problems} problem(s) to fix)"),
            ),
            Level2NotBti => l.pick(
                "bare BTI-saker kan løftes til instansmøte (nivå 2)".to_string(),
                "only BTI cases can be lifted to the inter-agency meeting (level 2)".to_string(),
            ),
            AlreadyPublished { half } => l.pick(
                format!("{half} er allerede publisert (meetings/{half}.toml)"),
                format!("{half} is already published (meetings/{half}.toml)"),
            ),
            NotPublished { half } => l.pick(
                format!("{half} er ikke publisert, så møtene ligger ikke fast ennå"),
                format!("{half} is not published, so its meetings are not fixed yet"),
            ),
            NoMeetings { half } => l.pick(
                format!("reglene i rt.toml gir ingen møter i {half}"),
                format!("the rules in rt.toml give no meetings in {half}"),
            ),
            MoveOutsideHalf { half } => l.pick(
                format!("et møte kan bare flyttes innenfor halvåret {half}"),
                format!("a meeting can only be moved within the half-year {half}"),
            ),
            MeetingTaken { date } => l.pick(
                format!("det er allerede et møte {date}"),
                format!("there is already a meeting on {date}"),
            ),
            NotPlaced => l.pick(
                "ingen møte dette eller neste halvår har plass; lederen setter saken opp".to_string(),
                "no meeting this half-year or the next has room; the leader will place the case".to_string(),
            ),
            RangeReversed { key } => l.pick(
                format!("`{key}`: `to` er før `from`"),
                format!("`{key}`: `to` is before `from`"),
            ),
            AgesReversed { min, max } => l.pick(
                format!("aldersspennet {min}–{max} går baklengs"),
                format!("the age range {min}–{max} runs backwards"),
            ),
            // --- natid ---
            NationalIdInKey { table } if table.is_empty() => l.pick(
                "en nøkkel på øverste nivå inneholder noe som ligner et fødselsnummer".to_string(),
                "a top-level key contains what looks like a national id number".to_string(),
            ),
            NationalIdInKey { table } => l.pick(
                format!("en nøkkel i `{table}` inneholder noe som ligner et fødselsnummer"),
                format!("a key in `{table}` contains what looks like a national id number"),
            ),
            NationalIdInFile => l.pick(
                "filen inneholder noe som ligner et fødselsnummer utenfor tekstene (i en kommentar eller fordelt på flere verdier)".to_string(),
                "the file contains what looks like a national id number outside its texts (in a comment or spread over several values)".to_string(),
            ),
        }
    }

    /// One concrete way to fix it, when there is one worth saying (redacted like
    /// [`Problem::message`]).
    pub fn help(&self, lang: Lang) -> Option<String> {
        self.unredacted_help(lang).map(redacted)
    }

    fn unredacted_help(&self, lang: Lang) -> Option<String> {
        use Problem::*;
        let l = lang;
        let did_you_mean = |s: &Option<String>| {
            s.as_ref().map(|s| l.pick(format!("mente du `{s}`?"), format!("did you mean `{s}`?")))
        };
        match self {
            UnknownKey { suggestion: Some(s), .. } => did_you_mean(&Some(s.clone())),
            UnknownKey { suggestion: None, .. } => Some(l.pick(
                "egne felt hører hjemme under [extra], som rt tar vare på og ellers lar være".into(),
                "a team's own fields go under [extra], which rt keeps and otherwise ignores".into(),
            )),
            QuotedDate { .. } => Some(l.pick(
                "skriv datoen uten anførselstegn, f.eks. 2027-01-05".into(),
                "write the date without quotes, e.g. 2027-01-05".into(),
            )),
            BadChoice { suggestion, .. } => did_you_mean(suggestion),
            BadTime { .. } => Some(l.pick("f.eks. \"12:30\"".into(), "e.g. \"12:30\"".into())),
            BadHalf { .. } => Some(l.pick(
                "skriv f.eks. 2027H1 (januar–juni) eller 2027H2 (juli–desember)".into(),
                "write e.g. 2027H1 (January–June) or 2027H2 (July–December)".into(),
            )),
            UnknownUnit { suggestion, .. } => did_you_mean(suggestion).or_else(|| {
                Some(l.pick(
                    "enhetene står under [[units]] i rt.toml".into(),
                    "the units are listed under [[units]] in rt.toml".into(),
                ))
            }),
            UnknownMeasure { suggestion, .. } => did_you_mean(suggestion)
                .map(|s| l.pick(format!("{s} (se `rt tiltak list`)"), format!("{s} (see `rt tiltak list`)")))
                .or_else(|| Some(l.pick("se `rt tiltak list`".into(), "see `rt tiltak list`".into()))),
            FileNameNotId { id } | WrongYearFolder { id } => Some(l.pick(
                format!("flytt filen til cases/{}/{id}.toml", &id[..4.min(id.len())]),
                format!("move the file to cases/{}/{id}.toml", &id[..4.min(id.len())]),
            )),
            DuplicateCaseId { .. } => Some(l.pick(
                "gi den ene saken en ny id (og nytt filnavn), eller slett kopien".into(),
                "give one of the cases a new id (and file name), or delete the copy".into(),
            )),
            StrayTempFile => Some(l.pick(
                "en skriving ble avbrutt; den ferdige filen ligger ved siden av. Slett denne".into(),
                "a write was interrupted; the finished file lies beside it. Delete this one".into(),
            )),
            NewerSchema { .. } => Some(l.pick(
                "oppdater rt for å endre denne saken".into(),
                "update rt to change this case".into(),
            )),
            UserMissing { .. } => Some(l.pick(
                "oppgi initialer og fødselsdato, eller meld saken anonymt".into(),
                "give initials and a date of birth, or refer the case anonymously".into(),
            )),
            IdentityOnAnonymous => Some(l.pick(
                "fjern initialer og fødselsdato; oppgi eventuelt bare alder".into(),
                "remove the initials and date of birth; give only an age if needed".into(),
            )),
            ConsentMissing => Some(l.pick(
                "innhent samtykke fra brukeren før saken meldes, eller drøft saken anonymt".into(),
                "get the user's consent before referring, or discuss the case anonymously".into(),
            )),
            LeaderCheckMissing => Some(l.pick(
                "drøft meldingen med enhetsleder først, eller drøft saken anonymt".into(),
                "discuss the referral with your unit leader first, or discuss it anonymously".into(),
            )),
            ConsentOnAnonymous => Some(l.pick(
                "anonyme saker får ingen kopi av referatet; fjern samtykket".into(),
                "anonymous cases get no copy of the minutes; remove the consent".into(),
            )),
            ConsentByAge { .. } | ConsentByNeeded { .. } => Some(l.pick(
                "barn under samtykkealderen: foresatte; ungdom fra samtykkealderen: selv eller foresatte; voksne: brukeren selv (eller verge)".into(),
                "children below the age of consent: guardian; young people from that age: self or guardian; adults: the user (or a guardian)".into(),
            )),
            ConsentExpired => Some(l.pick(
                "innhent nytt samtykke, eller avslutt saken".into(),
                "get a new consent, or close the case".into(),
            )),
            TextMissing { .. } => Some(l.pick(
                "punktene i meldeskjemaet er et minimum: situasjonen, hva som er forsøkt, og hva som er viktig for brukeren".into(),
                "the referral form's points are a minimum: the situation, what has been tried, and what matters to the user".into(),
            )),
            NationalId { .. } => Some(l.pick(
                "skriv aldri fødselsnummer i saken; bruk bare initialer og fødselsdato".into(),
                "never write a national id number in a case; use only initials and date of birth".into(),
            )),
            ControlCharacters { .. } => Some(l.pick(
                "fjern tegnene; bruk vanlig tekst og linjeskift".into(),
                "remove them; use plain text and line breaks".into(),
            )),
            TextTooLong { .. } => Some(l.pick(
                "skriv det teamet trenger for drøftingen; journalen hører hjemme i enhetens eget system".into(),
                "write what the team needs for the discussion; the record belongs in the unit's own system".into(),
            )),
            BadInitials => Some(l.pick(
                "bare initialene, aldri fullt navn: f.eks. K.N.".into(),
                "only the initials, never a full name: e.g. K.N.".into(),
            )),
            BtiLevelNotBti { .. } => Some(l.pick(
                "BTI-nivå brukes bare med vei inn `bti`".into(),
                "a BTI level is used only with way in `bti`".into(),
            )),
            StatusNeeds { .. } | ClosedButOpen => Some(l.pick(
                "rett status, eller legg til det som mangler".into(),
                "correct the status, or add what is missing".into(),
            )),
            ViolenceMentioned { .. } => Some(l.pick(
                "ved mistanke om vold eller seksuelle overgrep skal barnevernet eller politiet kontaktes direkte, uten at det drøftes med foreldrene først (R5)".into(),
                "on suspicion of violence or sexual abuse, contact child welfare or the police directly, without discussing it with the parents first (R5)".into(),
            )),
            RecordedAhead { .. } => Some(l.pick(
                "lagre utfallet etter møtet, eller gi riktig dato med --date".into(),
                "record the outcome after the meeting, or give the right date with --date".into(),
            )),
            NoLeader => Some(l.pick(
                "legg til [leader] med name, email og unit".into(),
                "add [leader] with name, email and unit".into(),
            )),
            NoMembers | NoRecipients => Some(l.pick(
                "legg til en [[members]] med name, email og unit for hver fast deltaker i teamet".into(),
                "add a [[members]] with name, email and unit for each standing member of the team".into(),
            )),
            NoMailServer => Some(l.pick(
                "legg til [mail] med host, port, security, user og password_env (se kommentarene i rt.toml fra `rt init`), eller lagre et utkast med `--format eml --out FIL`".into(),
                "add [mail] with host, port, security, user and password_env (see the comments in an rt.toml from `rt init`), or save a draft with `--format eml --out FILE`".into(),
            )),
            PasswordNotSet { var } => Some(l.pick(
                format!("sett den i terminalen først, f.eks. `read -s {var} && export {var}` (den lagres ikke noe sted)"),
                format!("set it in the terminal first, e.g. `read -s {var} && export {var}` (it is stored nowhere)"),
            )),
            RecipientsRefused { .. } => Some(l.pick(
                "rett adressene i rt.toml, og send innkallingen til dem fra e-postprogrammet (`rt agenda --format eml --out FIL`) — ikke send på nytt til alle".into(),
                "fix the addresses in rt.toml, and send the invitation to them from your mail program (`rt agenda --format eml --out FILE`) — do not resend to everyone".into(),
            )),
            PasswordInFile | BadEnvName { .. } => Some(l.pick(
                "fjern passordet; skriv navnet på en miljøvariabel i `password_env`, f.eks. RT_SMTP_PASSORD, og sett den før `rt agenda --send`".into(),
                "remove the password; name an environment variable in `password_env`, e.g. RT_SMTP_PASSWORD, and set it before `rt agenda --send`".into(),
            )),
            BadHost { .. } => Some(l.pick(
                "skriv bare vertsnavnet, f.eks. smtp.kommune.no (porten står i `port`)".into(),
                "write the host name alone, e.g. smtp.example.org (the port goes in `port`)".into(),
            )),
            MeetingFull { next, .. } | MeetingUnknown { next, .. } => Some(next_free(next, l)),
            MeetingCancelled { .. } | MeetingPast { .. } => Some(l.pick(
                "meld saken uten --meeting, så settes den på neste møte med plass".into(),
                "refer without --meeting and the case goes to the next meeting with room".into(),
            )),
            MeetingOnClosedDay { .. } => Some(l.pick(
                "flytt møtet med `rt schedule --move DATO --to DATO`, eller avlys det med `rt schedule --cancel`".into(),
                "move the meeting with `rt schedule --move DATE --to DATE`, or cancel it with `rt schedule --cancel`".into(),
            )),
            StepNotAllowed { .. } => Some(l.pick(
                "en sak går bare framover: meldt → satt opp → drøftet → besluttet → avsluttet (se `rt show ID`)".into(),
                "a case only moves forward: referred → scheduled → discussed → decided → closed (see `rt show ID`)".into(),
            )),
            CloseNeedsReason { .. } => Some(l.pick(
                "oppgi --reason, f.eks. --reason \"trukket av den som meldte\"".into(),
                "give --reason, e.g. --reason \"withdrawn by the referrer\"".into(),
            )),
            UnknownMember { suggestion, .. } => did_you_mean(suggestion),
            NoSuchColumn { .. } | NoNameColumn => Some(l.pick(
                "pek på kolonnen med --map KOLONNE=felt, f.eks. --map \"Navn på tilbud=name\"".into(),
                "point to the column with --map COLUMN=field, e.g. --map \"Service name=name\"".into(),
            )),
            BadAges { .. } => Some(l.pick(
                "skriv f.eks. 0-18, 6–12 år, 13+, over 65, under 18 eller alle".into(),
                "write e.g. 0-18, 6–12, 13+, over 65, under 18 or alle".into(),
            )),
            BadAccess { .. } => Some(l.pick(
                "skriv «åpent» eller «via ressursteam», eller oppgi --default-access".into(),
                "write \"open\" or \"via-team\", or give --default-access".into(),
            )),
            PurgeDue { .. } => Some(l.pick(
                "kjør `rt purge` (prøv først `rt purge --dry-run`)".into(),
                "run `rt purge` (try `rt purge --dry-run` first)".into(),
            )),
            ReadableByOthers { .. } => Some(l.pick(
                "saker er helseopplysninger: chmod 600 på filen og chmod 700 på cases/".into(),
                "cases are health data: chmod 600 the file and chmod 700 cases/".into(),
            )),
            NeedsOutFolder { .. } => Some(l.pick(
                "oppgi --out MAPPE (én fil per sak), eller be om én sak: `rt minutes ID`".into(),
                "give --out DIR (one file per case), or ask for one case: `rt minutes ID`".into(),
            )),
            AlreadyPublished { .. } => Some(l.pick(
                "avlys eller flytt enkeltmøter med --cancel og --move, eller rediger filen".into(),
                "cancel or move single meetings with --cancel and --move, or edit the file".into(),
            )),
            NotPublished { half } => Some(l.pick(
                format!("publiser først: `rt schedule --publish --half {half}`; før det følger møtene reglene i rt.toml"),
                format!("publish first: `rt schedule --publish --half {half}`; until then the meetings follow the rules in rt.toml"),
            )),
            NoMeetings { .. } => Some(l.pick(
                "se [meetings] og skoleferiene i rt.toml".into(),
                "see [meetings] and the school holidays in rt.toml".into(),
            )),
            MeetingOverCapacity { .. } => Some(l.pick(
                "flytt en av sakene til et senere møte".into(),
                "move one of the cases to a later meeting".into(),
            )),
            MeetingsFileName { half } => Some(l.pick(
                format!("gi filen navnet meetings/{half}.toml"),
                format!("name the file meetings/{half}.toml"),
            )),
            BadSlug { .. } => Some(l.pick(
                "f.eks. `foreldreveiledning-icdp`".into(),
                "e.g. `foreldreveiledning-icdp`".into(),
            )),
            // --- natid ---
            NationalIdInKey { .. } | NationalIdInFile => NationalId { field: String::new() }.unredacted_help(l),
            _ => None,
        }
    }
}
