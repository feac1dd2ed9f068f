//! Every kind of problem `rt` can find in a team's data, as data, with its text in both
//! languages.
//!
//! Rules and loaders produce [`Problem`] values; the words are made only when one is shown.
//! A message starts with what is wrong and names the thing; [`Problem::help`] gives one
//! concrete way to fix it. No message ever repeats a national id number or a text that may
//! hold one.

use crate::lang::Lang;
use crate::model::{ConsentBy, Field, Status, WayIn};
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

/// What became of case files with errors.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LeftOut {
    /// Left out of a list, an invitation or a document.
    LeftOut,
    /// Not counted in a report.
    NotCounted,
}

/// The part of a mail's header a line break was found in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HeaderPart {
    /// The subject.
    Subject,
    /// A sender's or recipient's name or address (as given, escaped).
    Recipient(String),
}

/// Why the file system refused, in words both languages have.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IoCause {
    /// Not there.
    NotFound,
    /// No permission.
    PermissionDenied,
    /// Already there.
    AlreadyExists,
    /// Not UTF-8 text.
    NotUtf8,
    /// Larger than `rt` reads.
    TooLarge { max_mib: u64 },
    /// A folder where a file was expected.
    IsAFolder,
    /// The disk is full.
    DiskFull,
    /// A read-only file system.
    ReadOnly,
    /// Another program holds the file open and will not share it (Windows: Excel, an
    /// editor, an indexer, a virus scan).
    InUse,
    /// Anything else, in the operating system's words.
    Other(String),
}

impl IoCause {
    /// The cause of an I/O error.
    pub fn of(e: &std::io::Error) -> IoCause {
        use std::io::ErrorKind as K;
        match e.kind() {
            K::NotFound => IoCause::NotFound,
            K::PermissionDenied => IoCause::PermissionDenied,
            K::AlreadyExists => IoCause::AlreadyExists,
            K::InvalidData => IoCause::NotUtf8,
            K::FileTooLarge => IoCause::TooLarge { max_mib: 4 },
            K::IsADirectory => IoCause::IsAFolder,
            K::StorageFull | K::QuotaExceeded => IoCause::DiskFull,
            K::ReadOnlyFilesystem => IoCause::ReadOnly,
            // Windows' ERROR_SHARING_VIOLATION and ERROR_LOCK_VIOLATION.
            K::ResourceBusy => IoCause::InUse,
            _ if cfg!(windows) && matches!(e.raw_os_error(), Some(32 | 33)) => IoCause::InUse,
            _ => IoCause::Other(e.to_string()),
        }
    }

    fn label(&self, l: Lang) -> String {
        match self {
            IoCause::NotFound => l.pick("finnes ikke", "does not exist").into(),
            IoCause::PermissionDenied => l.pick("ingen tilgang", "permission denied").into(),
            IoCause::AlreadyExists => l.pick("finnes allerede", "already exists").into(),
            IoCause::NotUtf8 => l.pick("er ikke UTF-8-tekst", "is not UTF-8 text").into(),
            IoCause::TooLarge { max_mib } => {
                l.pick(format!("er større enn {max_mib} MiB"), format!("is larger than {max_mib} MiB"))
            }
            IoCause::IsAFolder => l.pick("er en mappe", "is a folder").into(),
            IoCause::DiskFull => l.pick("disken er full", "the disk is full").into(),
            IoCause::ReadOnly => {
                l.pick("filsystemet er skrivebeskyttet", "the file system is read-only").into()
            }
            IoCause::InUse => l.pick("er åpen i et annet program", "is open in another program").into(),
            IoCause::Other(detail) => detail.clone(),
        }
    }
}

/// Everything `rt` tells a person is wrong: in the team's data, in a request, or with the
/// surroundings (files, locks, git, the mail server).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    // ---- the file itself -------------------------------------------------------------
    /// The file is not valid TOML.
    Syntax { detail: String },
    /// The file could not be read.
    Unreadable { cause: IoCause },
    /// A key `rt` does not know.
    UnknownKey { key: String, suggestion: Option<String> },
    /// A required key is absent.
    Missing { key: String },
    /// A field a case needs is not given (a flag or an answer).
    FieldMissing { field: Field },
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
    TextMissing { field: Field },
    /// A text holds something shaped like a fødselsnummer, D- or H-number.
    NationalId { field: Field },
    /// A text holds control characters.
    ControlCharacters { field: Field },
    /// A text is longer than a referral needs.
    TextTooLong { field: Field, max: usize },
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
    ViolenceMentioned { field: Field },
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

    // ---- why a command stops -----------------------------------------------------------
    /// No `rt.toml` here or in any folder above.
    NoTeamFolder { start: String },
    /// `--dir` names a folder without `rt.toml`.
    NotATeamFolder { dir: String },
    /// A file could not be read or written.
    FileAccess { path: String, write: bool, cause: IoCause },
    /// A file the command needs has errors (shown before the error itself).
    InvalidFile { file: String, findings: Vec<crate::diagnostic::Diagnostic> },
    /// The referral broke rules (each shown before this).
    Refused { problems: usize },
    /// R5: suspected violence or abuse is never a team case.
    Violence,
    /// No case with this id.
    CaseNotFound { id: String, suggestion: Option<String> },
    /// `rt init` found an existing team folder.
    AlreadyExists { path: String },
    /// A file from a newer `rt`, which must not be rewritten.
    NewerFile { file: String },
    /// A file changed on disk while the command worked on it.
    Changed { file: String },
    /// A template could not be read or rendered.
    Template { file: String, line: Option<usize>, message: String },
    /// A mail or an export could not be built.
    Mail { detail: String },
    /// A line break in a mail header would let it grow a header of its own.
    HeaderLineBreak { what: HeaderPart },
    /// Another `rt` held the team folder's lock for too long.
    Locked { holder: String },
    /// The file system cannot lock files, so writing safely is not possible.
    LockUnsupported { detail: String },
    /// The person ended the dialogue (end of input).
    Aborted,
    /// The mail server could not be reached or refused the message as a whole.
    Send { server: String, step: &'static str, detail: String },
    /// `git` cannot be run (for `rt sync`).
    NoGit,
    /// The team folder is not in a git repository.
    NotARepo,
    /// An earlier `rt sync` stopped in a conflict.
    SyncUnfinished,
    /// The branch has no upstream to sync with.
    NoUpstream { branch: String, remote: Option<String> },
    /// The same lines changed here and there.
    SyncConflict { files: Vec<String> },
    /// The others' changes are in, but putting back the uncommitted changes clashed.
    StashConflict { files: Vec<String> },
    /// Someone pushed between our fetch and our push.
    PushRaced,
    /// Git failed otherwise, in its own words.
    GitFailed { action: String, detail: String },

    // ---- the team folder as a place that is safe to write ----------------------------
    /// `.rt.lock` is a symbolic link, a second name of another file, or no file at all.
    LockNotAFile { link: bool },
    /// A symbolic link inside the team folder: never read or written through.
    LinkNotFollowed { path: String },
    /// Something that is not a regular file where a file belongs (a pipe, a device, a folder).
    NotARegularFile { path: String },
    /// A git rebase, merge, cherry-pick or revert is unfinished in the team folder.
    GitUnfinished { operation: &'static str },
    /// A change of several files stopped half-way (a rename failed after others succeeded).
    PartlyWritten { written: Vec<String>, not_written: Vec<String>, detail: String },
    /// `auto_commit` is on in a repository, but git cannot be run.
    GitNotRunnable,
    /// The change is written but git would not commit it.
    NotCommitted { action: String, detail: String },
    /// A case placed on a day the (just published) schedule has no meeting.
    PlacedOnNoMeeting { id: String, date: chrono::NaiveDate },
    /// `rt.toml` names no school holiday in a half-year being planned.
    NoSchoolHolidays { half: String },
    /// `rt purge` could not judge these case files (errors, or dates `rt check` refuses).
    PurgeIncomplete { files: Vec<String> },
    /// Git commits still hold data `rt purge` removed.
    HistoryHoldsPurged { commits: usize, dry_run: bool },
    /// Files with changes not committed, so `rt sync` did not send them.
    NotSent { files: Vec<String> },
    /// `rt check` finds errors after a sync.
    ErrorsAfterSync { errors: usize },
    /// A day asked for on which the team has no meeting, with the nearest meetings.
    NoMeetingThatDay { date: chrono::NaiveDate, near: Vec<chrono::NaiveDate>, half: String },
    /// Case files with errors that a command had to leave out.
    CaseFilesLeftOut { count: usize, how: LeftOut },
    /// `security = "none"` with a password to a server that is not this machine.
    PlainPassword { host: String },
    /// `security = "none"` to a server that is not this machine (no password).
    Unencrypted { host: String },
    // ---- national ids outside the text values ---------------------------------------------
    /// A key holds what looks like a national id number; `table` is the path of the table
    /// it is in (empty at the top level), never the key itself.
    NationalIdInKey { table: String },
    /// The file holds what looks like a national id number outside any value `rt` reads:
    /// in a comment, or spread over several values.
    NationalIdInFile,

    // ---- the follow-up (R13) ------------------------------------------------------------
    /// A follow-up before the user's decision.
    FollowupBeforeDecision { status: Status },
    /// A follow-up on a closed case.
    FollowupOnClosed,
    /// A change of a follow-up that has ended.
    FollowupEnded,
    /// A service joining the follow-up that the user's consent does not cover.
    ConsentDoesNotCover { unit: String, why: crate::rules::followup::ConsentGap },
    /// A measure of the plan that names a goal there is none of.
    NoSuchGoal { number: u32, goals: usize },
    /// An evaluation of a measure that is not in the plan.
    NotInPlan { measure: String },
    /// `--goal` with `--measure` that is not a goal's number.
    BadGoalNumber { value: String },
    /// A hand-over proposed while another waits for an answer.
    HandoverPending { to: String },
    /// A hand-over to the one who holds the stafett.
    AlreadyHolder { name: String },
    /// `--accept` or `--decline` with no hand-over proposed.
    NoHandoverPending,
    /// `rt logg` on a case with no follow-up.
    NoFollowup { id: String },
    /// Closing a case in follow-up without saying why the follow-up ends.
    FollowupNeedsReason,
    /// A measure's link that is not `http(s)://` or `mailto:`.
    BadLink { value: String },
    /// An export could not be written.
    ExportFailed { detail: String },
    /// A date of the case's life before its referral or more than a year ahead.
    DateOutOfRange { date: chrono::NaiveDate, from: chrono::NaiveDate, to: chrono::NaiveDate },
    // ---- tiltak: providers, levels, target groups, import (issue 17) ----------------
    /// A provider under `[[providers]]` has a unit's id.
    ProviderIsUnit { id: String, first_line: usize },
    /// A measure's provider is neither a unit nor a provider of `rt.toml`.
    UnknownProvider { provider: String, suggestion: Option<String> },
    /// A measure has both the old `unit` and the new `provider`.
    UnitAndProvider,
    /// `referral_from` on a measure that is not had by referral.
    ReferralFromWithoutReferral { access: &'static str },
    /// A target group that cannot be read as ages.
    BadTarget { value: String },
    /// A level that is none of the pyramid's three.
    BadLevel { value: String },
    /// A sheet's row without a provider.
    MissingProvider,
    /// A sheet's row without a way in, and no `--default-access`.
    MissingAccess,
    /// A sheet's row without a name.
    MissingName,
    /// A sheet's row with the id of an earlier row but other content.
    DuplicateRow { id: String, first_row: usize },
    /// No row among the first ones looks like the header.
    HeaderNotFound { rows: usize },
    /// Some rows of a sheet were skipped, each kind of reason counted.
    RowsSkipped { skipped: usize, reasons: Vec<(Problem, usize)>, written: bool },
    /// A proposal assigned to a provider outside the team instead of a unit.
    AssignedOutsideTeam { provider: String, referrer: String },
    // ---- the tiltaksbank as a web site (issue 19) -------------------------------------
    /// `rt tiltak site --out DIR`: DIR holds files, and no earlier site of `rt`'s.
    SiteFolderTaken { dir: String, files: usize },
    /// `rt tiltak site --out DIR`: DIR, or a place in it, is something else than a folder.
    SiteNotAFolder { path: String },
    /// `rt tiltak site`: a symbolic link where the site writes, never followed.
    SiteLink { path: String },
    /// `rt tiltak site`: a file of the site where a folder is, or is no regular file.
    SiteNotAFile { path: String },
    /// `rt tiltak site`: writing stopped after some files.
    SitePartlyWritten { dir: String, written: usize, total: usize, file: String, detail: String },
    // ---- meeting: consent, people, attendance, decisions (issue 15) -----------------
    /// A withdrawal without `--then`, and no terminal to ask: the two ways on.
    ConsentLapsedChoose { id: String },
    /// `rt consent --then` while the consent still holds.
    ConsentStillValid { id: String },
    /// `rt consent --then` on a case that has no identity (left) to remove.
    NoIdentityToRemove { id: String },
    /// A case waiting for its meeting whose consent will have lapsed by then.
    ConsentLapsesBeforeMeeting {
        id: String,
        meeting: chrono::NaiveDate,
        withdrawn: bool,
        date: chrono::NaiveDate,
    },
    /// An outcome or decision with the user's identity after the consent lapsed.
    IdentityAfterConsent { id: String, withdrawn: bool, date: chrono::NaiveDate },
    /// A referral whose consent runs out before the meeting it would get.
    ConsentExpiresBeforeMeeting {
        expires: chrono::NaiveDate,
        meeting: chrono::NaiveDate,
        fits: Vec<chrono::NaiveDate>,
    },
    /// A case gone on anonymously that still holds an identity or a consent.
    AnonymousSinceWithIdentity,
    /// Someone invited to a meeting who is no standing member and has no address in rt.toml.
    GuestWithoutAddress { name: String, id: String, referrer: bool },
    /// A contact person to invite who is not a person of rt.toml.
    UnknownContact { name: String, suggestion: Option<String> },
    /// The invitation is several mails, and a single output was asked for.
    SeveralMails { count: usize },
    /// A case file with errors, left out of an invitation or a referat.
    CaseLeftOut { file: String },
    /// Drafts that already exist and differ from what rt would write now.
    DraftsDiffer { files: Vec<String> },
    /// An answer the user already gave, to be changed without `--change`.
    AlreadyAnswered { id: String, accepted: bool, date: chrono::NaiveDate },
    /// `rt decide --change` where there is nothing to change.
    NothingToChange { id: String },
    /// `rt decide` on a guidance case.
    GuidanceNoDecision,
    /// `rt minutes --guest` with a name that is no person of rt.toml.
    UnknownGuest { name: String, suggestion: Option<String> },
    /// `rt minutes --guest` with a standing member's name.
    GuestIsMember { name: String },
    /// Attendance that could not be stored: the half-year is not published.
    AttendanceNotStored { half: String },
    /// Free text on R5's word list, and no terminal to ask.
    ViolenceWords { phrases: Vec<String> },
    // ---- adversarial meeting fixes (advmeeting) ----
    /// Named contact persons on an anonymous case: a name narrows down who the user is.
    ContactsOfAnonymous,
    /// An outcome dated before the case's meeting; `fits` are the meetings it could be dated on.
    OutcomeBeforeMeeting { date: chrono::NaiveDate, meeting: chrono::NaiveDate, fits: Vec<chrono::NaiveDate> },
    /// An outcome dated on a day of a published half-year with no meeting held.
    OutcomeNotOnMeeting { date: chrono::NaiveDate, fits: Vec<chrono::NaiveDate> },
    /// `[meetings] weekday` on a Saturday or Sunday: meetings are on working days.
    MeetingDayNotWorkingDay { value: String },
    /// `[meetings] start` and `minutes` that do not end before midnight.
    MeetingPastMidnight { start: String, minutes: u32 },
    /// A date in rt.toml outside the years rt accepts there.
    ConfigDateOutOfRange { key: String, date: chrono::NaiveDate },
    /// `[meetings.first]` with a date outside its half-year.
    FirstMeetingOutsideHalf { half: String, from: chrono::NaiveDate, to: chrono::NaiveDate },
    /// `team = ""`.
    TeamNameEmpty,
    // ---- windows, first run, line endings, guide (issue 20) ------------------------
    /// Many case files that others can read, told as one finding about their folder.
    FilesReadableByOthers { count: usize, folder: String, mode: u32 },
    // ---- lead: what the adversarial try found ------------------------------------------
    /// `--out` names one of a team folder's own files or folders (`rt.toml`, `cases/` …).
    OutputIsTeamFile { path: String },

    // ---- advtiltak: the tiltaksbank's texts and national ids ----------------------------
    /// A one-line text of a measure or provider (a name, an id, a tag …) with a line break.
    LineBreak { field: Field },
    /// `rt tiltak add` refused the new measure, with how many problems.
    MeasureNotAdded { problems: usize },
    /// A national id number typed into a file is shown masked (`•••`) at the terminal.
    NationalIdMasked { file: String },
    // ---- advmeeting: LOW 15, messages ----
    /// `rt record` again without a measure the user has already answered.
    AnsweredNotProposed { id: String, accepted: bool },
    /// A line break in a one-line value of a case, rt.toml, a meetings file or a flag (the
    /// tiltaksbank has its own [`Problem::LineBreak`], whose hint names the description).
    LineBreakInOneLine { field: Field },
    // lead: files not committed
    /// A file of the team's that git does not hold as it is (`auto_commit` on).
    NotInGit,
    /// [`Problem::NotInGit`] for many files of one folder.
    ManyNotInGit { count: usize, folder: String },
    /// `[meetings.first]` on another weekday than `[meetings] weekday`.
    FirstMeetingNotOnMeetingDay { date: chrono::NaiveDate, weekday: chrono::Weekday },
    // ---- purgeguests ----
    /// `--out DIR`: DIR, or a folder above it, exists but is no folder.
    OutNotAFolder { path: String },
    /// `--out DIR`: where a document is to be written, a folder is.
    OutIsAFolder { path: String },
    /// `rt schedule --cancel/--move` of a meeting already held.
    HeldMeetingUnchangeable { date: chrono::NaiveDate },
    /// `rt schedule --move … --to` a day gone by.
    MoveIntoThePast { date: chrono::NaiveDate, today: chrono::NaiveDate },
    /// `rt check` with `auto_commit` on cannot ask git what is committed.
    GitStatusUnknown { detail: String },
    /// No meeting on a date an invitation, a cancel or a move names (for a referral, see
    /// [`Problem::MeetingUnknown`], whose hint is about places).
    NoMeetingOn { date: chrono::NaiveDate, next: Vec<chrono::NaiveDate> },
    /// `rt tiltak import` of a file that cannot be read as a spreadsheet.
    NotASpreadsheet { file: String },
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
            Syntax { detail } => toml_syntax::message(detail, l),
            Unreadable { cause } => l.pick(
                format!("kan ikke lese filen: {}", cause.label(l)),
                format!("cannot read the file: {}", cause.label(l)),
            ),
            UnknownKey { key, .. } => {
                l.pick(format!("ukjent nøkkel {}", shown(key, l)), format!("unknown key {}", shown(key, l)))
            }
            Missing { key } => l.pick(format!("mangler `{key}`"), format!("missing `{key}`")),
            FieldMissing { field } => {
                l.pick(format!("mangler {}", field.shown(l)), format!("missing {}", field.shown(l)))
            }
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
                format!("{} mangler (R4)", field.shown(l)),
                format!("{} is missing (R4)", field.shown(l)),
            ),
            NationalId { field } => l.pick(
                format!("{} inneholder noe som ligner et fødselsnummer", field.shown(l)),
                format!("{} contains what looks like a national id number", field.shown(l)),
            ),
            ControlCharacters { field } => l.pick(
                format!("{} inneholder kontrolltegn", field.shown(l)),
                format!("{} contains control characters", field.shown(l)),
            ),
            TextTooLong { field, max } => l.pick(
                format!("{} er lengre enn {max} tegn", field.shown(l)),
                format!("{} is longer than {max} characters", field.shown(l)),
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
                format!("en sak som står som «{}» (`status = \"{}\"`) må ha `{key}`", status.label(l), status.code()),
                format!("status `{}` requires `{key}`", status.code()),
            ),
            ClosedButOpen => l.pick(
                "saken har avslutningsdato, men status er ikke `closed`".to_string(),
                "the case has a closing date, but its status is not `closed`".to_string(),
            ),
            ViolenceMentioned { field } => l.pick(
                format!("{} nevner vold eller overgrep", field.shown(l)),
                format!("{} mentions violence or abuse", field.shown(l)),
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
                format!("`{command}` kan ikke brukes på en sak som står som «{}»", status.label(l)),
                format!("`{command}` cannot be used on a case with status `{}` ({})", status.code(), status.label(l)),
            ),
            CloseNeedsReason { status } => l.pick(
                format!("saken står som «{}»; å avslutte før brukerens beslutning krever en grunn", status.label(l)),
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
                format!("kan ikke lese tilgangen `{value}`"),
                format!("cannot read the access `{value}`"),
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
            NoTeamFolder { start } => l.pick(
                format!("fant ingen team-mappe (rt.toml) i {start} eller mappene over"),
                format!("no team folder (rt.toml) in {start} or any folder above it"),
            ),
            NotATeamFolder { dir } => l.pick(
                format!("{dir} er ikke en team-mappe (mangler rt.toml)"),
                format!("{dir} is not a team folder (no rt.toml)"),
            ),
            FileAccess { path, write, cause } => {
                let (nb, en) = if *write { ("skrive", "write") } else { ("lese", "read") };
                l.pick(
                    format!("kan ikke {nb} {path}: {}", cause.label(l)),
                    format!("cannot {en} {path}: {}", cause.label(l)),
                )
            }
            InvalidFile { file, findings } => {
                let errors = findings.len().max(1);
                l.pick(
                    format!("{file} har {errors} feil, så kommandoen stopper"),
                    format!("{file} has {}, so the command stops", crate::lang::count(errors, "error", "errors")),
                )
            }
            Refused { problems } => l.pick(
                format!("saken er ikke registrert ({problems} feil å rette)"),
                format!("the case was not registered ({} to fix)", crate::lang::count(*problems, "problem", "problems")),
            ),
            Violence => l.pick(
                "ved mistanke om vold eller seksuelle overgrep skal du kontakte barnevernet eller politiet direkte, uten at det drøftes med foreldrene først. Saken meldes ikke til ressursteamet (R5).".to_string(),
                "on suspicion of violence or sexual abuse, contact child welfare (barnevernet) or the police directly, without discussing it with the parents first. The case is not referred to the team (R5).".to_string(),
            ),
            CaseNotFound { id, .. } => l.pick(format!("fant ingen sak `{id}`"), format!("no case `{id}`")),
            AlreadyExists { path } => l.pick(
                format!("{path} finnes allerede; rt init overskriver ingenting"),
                format!("{path} already exists; rt init overwrites nothing"),
            ),
            NewerFile { file } => l.pick(
                format!("{file} er skrevet av en nyere rt og skrives ikke om"),
                format!("{file} was written by a newer rt and is not rewritten"),
            ),
            Changed { file } => l.pick(
                format!("{file} ble endret av noen andre mens rt arbeidet; ingenting er skrevet"),
                format!("{file} was changed by someone else while rt worked; nothing was written"),
            ),
            Template { file, line, message } => {
                let at = line.map(|n| format!("{file}:{n}")).unwrap_or_else(|| file.clone());
                l.pick(format!("malen {at} virker ikke: {message}"), format!("the template {at} does not work: {message}"))
            }
            Mail { detail } => {
                l.pick(format!("e-posten kan ikke lages: {detail}"), format!("the mail cannot be made: {detail}"))
            }
            HeaderLineBreak { what: HeaderPart::Subject } => l.pick(
                "emnet har linjeskift eller kontrolltegn, så e-posten kan ikke lages".to_string(),
                "the subject has a line break or control characters, so the mail cannot be made".to_string(),
            ),
            HeaderLineBreak { what: HeaderPart::Recipient(name) } => l.pick(
                format!("`{name}` har linjeskift eller kontrolltegn, og kan ikke stå i e-posten"),
                format!("`{name}` has a line break or control characters, and cannot be in the mail"),
            ),
            Locked { holder } => {
                let holder = if holder.is_empty() { l.pick("ukjent", "unknown") } else { holder.as_str() };
                l.pick(
                    format!("team-mappen er låst av en annen rt ({holder})"),
                    format!("the team folder is locked by another rt ({holder})"),
                )
            }
            LockUnsupported { detail } => l.pick(
                format!("filsystemet kan ikke låse .rt.lock ({detail}), så rt kan ikke skrive trygt her"),
                format!("the file system cannot lock .rt.lock ({detail}), so rt cannot write safely here"),
            ),
            Aborted => l.pick("avbrutt; ingenting er skrevet".into(), "aborted; nothing was written".into()),
            Send { server, step, detail } => {
                let (nb, en) = match *step {
                    "connect" => ("kommer ikke fram til", "cannot reach"),
                    "starttls" | "tls" => ("får ikke en kryptert forbindelse til", "cannot get an encrypted connection to"),
                    "login" => ("godtar ikke innloggingen hos", "login refused by"),
                    "sender" => ("godtar ikke avsenderen hos", "sender refused by"),
                    _ => ("får ikke levert e-posten til", "cannot deliver the mail to"),
                };
                l.pick(
                    format!("innkallingen er ikke sendt: {nb} {server}: {detail}"),
                    format!("the invitation was not sent: {en} {server}: {detail}"),
                )
            }
            NoGit => l.pick("git kan ikke kjøres her".into(), "git cannot be run here".into()),
            NotARepo => l.pick(
                "team-mappen er ikke et git-depot".into(),
                "the team folder is not a git repository".into(),
            ),
            SyncUnfinished => l.pick(
                "en tidligere synkronisering stoppet midt i en konflikt".into(),
                "an earlier sync stopped in the middle of a conflict".into(),
            ),
            NoUpstream { branch, .. } => l.pick(
                format!("grenen `{branch}` har ingen upstream å synkronisere med"),
                format!("the branch `{branch}` has no upstream to sync with"),
            ),
            SyncConflict { files } => {
                let list = files.iter().map(|f| format!("  {f}")).collect::<Vec<_>>().join("\n");
                l.pick(
                    format!("dine endringer og de andres gjelder de samme linjene i:\n{list}"),
                    format!("your changes and the others' touch the same lines in:\n{list}"),
                )
            }
            StashConflict { files } => {
                let list = files.iter().map(|f| format!("  {f}")).collect::<Vec<_>>().join("\n");
                l.pick(
                    format!("de andres endringer er hentet, men dine endringer som ikke var committet, kolliderer med dem i:\n{list}"),
                    format!("the others' changes are in, but your uncommitted changes clash with them in:\n{list}"),
                )
            }
            PushRaced => l.pick(
                "noen andre sendte endringer akkurat nå, så dine ble ikke sendt".into(),
                "someone else sent changes just now, so yours were not sent".into(),
            ),
            GitFailed { action, detail } => l.pick(
                format!("{action} virket ikke: {detail}"),
                format!("{action} did not work: {detail}"),
            ),
            LockNotAFile { link: true } => l.pick(
                "låsefilen .rt.lock er en lenke til en annen fil, så rt bruker den ikke".to_string(),
                "the lock file .rt.lock is a link to another file, so rt does not use it".to_string(),
            ),
            LockNotAFile { link: false } => l.pick(
                "låsefilen .rt.lock er ikke en vanlig fil, så rt bruker den ikke".to_string(),
                "the lock file .rt.lock is not a regular file, so rt does not use it".to_string(),
            ),
            LinkNotFollowed { path } => l.pick(
                format!("{path} er en symbolsk lenke; rt leser og skriver aldri gjennom lenker i team-mappen"),
                format!("{path} is a symbolic link; rt never reads or writes through links in the team folder"),
            ),
            NotARegularFile { path } => l.pick(
                format!("{path} er ikke en vanlig fil"),
                format!("{path} is not a regular file"),
            ),
            GitUnfinished { operation } => l.pick(
                format!("en git {operation} er ikke fullført i team-mappen, så rt skriver ingenting nå"),
                format!("a git {operation} is unfinished in the team folder, so rt writes nothing now"),
            ),
            PartlyWritten { written, not_written, detail } => l.pick(
                format!(
                    "endringen stoppet halvveis ({detail}): skrevet: {}; ikke skrevet: {}",
                    written.join(", "),
                    not_written.join(", ")
                ),
                format!(
                    "the change stopped half-way ({detail}): written: {}; not written: {}",
                    written.join(", "),
                    not_written.join(", ")
                ),
            ),
            GitNotRunnable => l.pick(
                "auto_commit er på, men git kan ikke kjøres her; endringen er lagret, men ikke committet".to_string(),
                "auto_commit is on, but git cannot be run here; the change is saved but not committed".to_string(),
            ),
            NotCommitted { action, detail } => l.pick(
                format!("endringen er lagret, men ikke committet ({action}: {detail})"),
                format!("the change is saved but not committed ({action}: {detail})"),
            ),
            PlacedOnNoMeeting { id, date } => l.pick(
                format!("{id} står på {date}, som ikke er et møte"),
                format!("{id} is placed on {date}, which is not a meeting"),
            ),
            NoSchoolHolidays { half } => l.pick(
                format!("rt.toml har ingen skoleferier i {half}, så møtene kan havne i ferien"),
                format!("rt.toml has no school holidays in {half}, so meetings may fall in the holidays"),
            ),
            PurgeIncomplete { files } => l.pick(
                format!(
                    "{} kunne ikke vurderes for sletting og beholder opplysningene sine: {}",
                    crate::lang::count(files.len(), "saksfil", "saksfiler"),
                    files.join(", ")
                ),
                format!(
                    "{} could not be judged for purging and keep their data: {}",
                    crate::lang::count(files.len(), "case file", "case files"),
                    files.join(", ")
                ),
            ),
            NotSent { files } => l.pick(
                format!(
                    "{} endringer som ikke er committet, og ble ikke sendt: {}",
                    crate::lang::count(files.len(), "fil har", "filer har"),
                    files.join(", ")
                ),
                format!(
                    "{} changes that are not committed, and were not sent: {}",
                    crate::lang::count(files.len(), "file has", "files have"),
                    files.join(", ")
                ),
            ),
            ErrorsAfterSync { errors } => l.pick(
                format!("team-mappen har {errors} feil etter synkroniseringen"),
                format!("the team folder has {} after syncing", crate::lang::count(*errors, "error", "errors")),
            ),
            NoMeetingThatDay { date, .. } => l.pick(
                format!("teamet har ikke møte {date}"),
                format!("the team has no meeting on {date}"),
            ),
            CaseFilesLeftOut { count, how } => {
                let (nb, en) = match how {
                    LeftOut::LeftOut => ("er utelatt", "left out"),
                    LeftOut::NotCounted => ("er ikke talt med", "not counted"),
                };
                l.pick(
                    format!("{} feil og {nb}; kjør `rt check`", crate::lang::count(*count, "saksfil har", "saksfiler har")),
                    format!("{} with errors {en}; run `rt check`", crate::lang::count(*count, "case file", "case files")),
                )
            }
            PlainPassword { host } => l.pick(
                format!("passordet ville blitt sendt ukryptert til {host} (security = \"none\"), så ingenting er sendt"),
                format!("the password would go unencrypted to {host} (security = \"none\"), so nothing was sent"),
            ),
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
            FollowupBeforeDecision { status } => l.pick(
                format!("oppfølgingen starter etter brukerens beslutning; saken er {}", status.label(l)),
                format!("the follow-up starts after the user's decision; the case is {}", status.label(l)),
            ),
            FollowupOnClosed => l.pick(
                "saken er avsluttet, så oppfølgingen kan ikke starte".to_string(),
                "the case is closed, so the follow-up cannot start".to_string(),
            ),
            FollowupEnded => l.pick(
                "oppfølgingen er avsluttet; stafettloggen er til arkivering".to_string(),
                "the follow-up has ended; the stafettlogg is for the archive".to_string(),
            ),
            ConsentDoesNotCover { unit, why } => {
                use crate::rules::followup::ConsentGap;
                let (nb, en) = match why {
                    ConsentGap::NotNamed => ("samtykket omfatter ikke", "the consent does not cover"),
                    ConsentGap::Withdrawn => ("samtykket er trukket tilbake, så det omfatter ikke", "the consent is withdrawn, so it does not cover"),
                    ConsentGap::Expired => ("samtykket er utløpt, så det omfatter ikke", "the consent has expired, so it does not cover"),
                    ConsentGap::NoConsent => ("saken har ikke samtykke som kan omfatte", "the case has no consent that could cover"),
                };
                l.pick(format!("{nb} `{unit}` (R2)"), format!("{en} `{unit}` (R2)"))
            }
            NoSuchGoal { number, goals } => l.pick(
                format!("det finnes ikke noe mål nummer {number} (planen har {goals})"),
                format!("there is no goal number {number} (the plan has {goals})"),
            ),
            NotInPlan { measure } => l.pick(
                format!("tiltaket `{measure}` står ikke i planen"),
                format!("the measure `{measure}` is not in the plan"),
            ),
            BadGoalNumber { value } => l.pick(
                format!("`{value}` er ikke nummeret på et mål"),
                format!("`{value}` is not the number of a goal"),
            ),
            HandoverPending { to } => l.pick(
                format!("stafetten er alt foreslått overført til {to}, som ikke har svart"),
                format!("the stafett is already proposed to {to}, who has not answered"),
            ),
            AlreadyHolder { name } => l.pick(
                format!("{name} har allerede stafetten"),
                format!("{name} already holds the stafett"),
            ),
            NoHandoverPending => l.pick(
                "ingen overføring av stafetten venter på svar".to_string(),
                "no hand-over of the stafett is waiting for an answer".to_string(),
            ),
            NoFollowup { id } => l.pick(
                format!("saken {id} har ingen oppfølging (stafettlogg) ennå"),
                format!("the case {id} has no follow-up (stafettlogg) yet"),
            ),
            FollowupNeedsReason => l.pick(
                "saken er i oppfølging; si hvorfor oppfølgingen slutter".to_string(),
                "the case is in follow-up; say why the follow-up ends".to_string(),
            ),
            BadLink { value } => l.pick(
                format!("lenken `{value}` er ikke en nettadresse (http:// eller https://) eller mailto:"),
                format!("the link `{value}` is not a web address (http:// or https://) or mailto:"),
            ),
            ExportFailed { detail } => l.pick(
                format!("eksporten kan ikke skrives: {detail}"),
                format!("the export cannot be written: {detail}"),
            ),
            DateOutOfRange { date, .. } => l.pick(
                format!("datoen {date} er før saken ble meldt eller mer enn ett år fram i tid"),
                format!("the date {date} is before the case was referred or more than a year ahead"),
            ),
            Unencrypted { host } => l.pick(
                format!("sender ukryptert til {host} (security = \"none\")"),
                format!("sending unencrypted to {host} (security = \"none\")"),
            ),
            HistoryHoldsPurged { commits, dry_run } => {
                let verb = if *dry_run {
                    l.pick("ville fortsatt hatt", "would still hold")
                } else {
                    l.pick("har fortsatt", if *commits == 1 { "still holds" } else { "still hold" })
                };
                let n = l.count(*commits, ("commit", "commits"), ("commit", "commits"));
                l.pick(
                    format!("{n} i git-historikken {verb} de fjernede opplysningene."),
                    format!("{n} in the git history {verb} the removed data."),
                )
            }

            // ---- tiltak: providers, levels, target groups, import (issue 17) -----------
            ProviderIsUnit { id, first_line } => l.pick(
                format!("tilbyderen `{id}` har samme id som en enhet (linje {first_line})"),
                format!("the provider `{id}` has the id of a unit (line {first_line})"),
            ),
            UnknownProvider { provider, .. } => l.pick(
                format!("ukjent tilbyder `{provider}`"),
                format!("unknown provider `{provider}`"),
            ),
            UnitAndProvider => l.pick(
                "tiltaket har både `unit` og `provider`".to_string(),
                "the measure has both `unit` and `provider`".to_string(),
            ),
            ReferralFromWithoutReferral { access } => l.pick(
                format!("`referral_from` gjelder bare når `access = \"referral\"` (her `{access}`)"),
                format!("`referral_from` applies only when `access = \"referral\"` (here `{access}`)"),
            ),
            BadTarget { value } => l.pick(
                format!("kan ikke lese målgruppen `{value}` som alder"),
                format!("cannot read the target group `{value}` as ages"),
            ),
            BadLevel { value } => l.pick(
                format!("`{value}` er ikke et nivå i pyramiden"),
                format!("`{value}` is not a level of the pyramid"),
            ),
            MissingProvider => l.pick(
                "raden sier ikke hvem som tilbyr tiltaket".to_string(),
                "the row does not say who provides the measure".to_string(),
            ),
            MissingAccess => l.pick(
                "raden sier ikke hvordan man får tiltaket".to_string(),
                "the row does not say how to get the measure".to_string(),
            ),
            MissingName => l.pick(
                "raden har ikke noe navn på tiltaket".to_string(),
                "the row has no name for the measure".to_string(),
            ),
            DuplicateRow { id, first_row } => l.pick(
                format!("`{id}` står allerede på rad {first_row}, med noe annet innhold"),
                format!("`{id}` is already on row {first_row}, with other content"),
            ),
            HeaderNotFound { rows } => l.pick(
                format!("fant ingen overskriftsrad med tiltakets navn blant de første {rows} radene"),
                format!("no header row with the measure's name among the first {rows} rows"),
            ),
            RowsSkipped { skipped, reasons, .. } => {
                let why: Vec<String> = reasons.iter().map(|(p, n)| format!("{} ({n})", p.reason(l))).collect();
                l.pick(
                    format!("{} hoppet over: {}", l.count(*skipped, ("rad", "rader"), ("row", "rows")), why.join(", ")),
                    format!("{} skipped: {}", l.count(*skipped, ("rad", "rader"), ("row", "rows")), why.join(", ")),
                )
            }
            AssignedOutsideTeam { provider, .. } => l.pick(
                format!("`{provider}` er en tilbyder utenfor teamet og kan ikke få oppdraget"),
                format!("`{provider}` is a provider outside the team and cannot take the assignment"),
            ),

            // ---- the tiltaksbank as a web site (issue 19) -------------------------------
            SiteFolderTaken { dir, files } => l.pick(
                format!(
                    "mappen {dir} er ikke tom ({}), og den er ingen nettside fra `rt tiltak site`",
                    l.count(*files, ("fil eller mappe", "filer eller mapper"), ("file or folder", "files or folders"))
                ),
                format!(
                    "the folder {dir} is not empty ({}), and it is no site of `rt tiltak site`",
                    l.count(*files, ("fil eller mappe", "filer eller mapper"), ("file or folder", "files or folders"))
                ),
            ),
            SiteNotAFolder { path } => l.pick(
                format!("{path} finnes, men er ikke en mappe"),
                format!("{path} exists, but is not a folder"),
            ),
            SiteLink { path } => l.pick(
                format!("{path} er en symbolsk lenke; rt skriver aldri gjennom lenker"),
                format!("{path} is a symbolic link; rt never writes through links"),
            ),
            SiteNotAFile { path } => l.pick(
                format!("{path} skulle bli en side, men er ikke en vanlig fil"),
                format!("{path} was to be a page, but is not a regular file"),
            ),
            SitePartlyWritten { dir, written, total, file, detail } => l.pick(
                format!("nettsiden i {dir} ble bare delvis skrevet: {written} av {total} filer, så stoppet det ved {file} ({detail})"),
                format!("the site in {dir} was only partly written: {written} of {total} files, then it stopped at {file} ({detail})"),
            ),
            // ---- meeting: consent, people, attendance, decisions (issue 15) -----------
            ConsentLapsedChoose { id } => l.pick(
                format!("saken {id} kan nå bare drøftes anonymt eller avsluttes (R2)"),
                format!("case {id} can now only be discussed anonymously or be closed (R2)"),
            ),
            ConsentStillValid { id } => l.pick(
                format!("samtykket i sak {id} gjelder fortsatt"),
                format!("the consent in case {id} still holds"),
            ),
            NoIdentityToRemove { id } => l.pick(
                format!("sak {id} har ingen bruker med identitet, så det er ikke noe samtykke som har falt bort"),
                format!("case {id} has no identified user, so there is no lapsed consent"),
            ),
            // Looking back at a meeting already held: the consent lapsed after it.
            ConsentLapsesBeforeMeeting { id, meeting, withdrawn: true, date } if date > meeting => l.pick(
                format!("sak {id}: samtykket ble trukket tilbake {date}, etter møtet {meeting}; innkallingen viser ikke lenger brukerens identitet (R2)"),
                format!("case {id}: the consent was withdrawn on {date}, after the meeting on {meeting}; the invitation no longer shows the user's identity (R2)"),
            ),
            ConsentLapsesBeforeMeeting { id, meeting, withdrawn: false, date } if date >= meeting => l.pick(
                format!("sak {id}: samtykket gjaldt til og med {date}, etter møtet {meeting}, og er nå utløpt; innkallingen viser ikke lenger brukerens identitet (R2)"),
                format!("case {id}: the consent held through {date}, after the meeting on {meeting}, and has now expired; the invitation no longer shows the user's identity (R2)"),
            ),
            ConsentLapsesBeforeMeeting { id, meeting, withdrawn: true, date } => l.pick(
                format!("sak {id}: samtykket ble trukket tilbake {date}, før møtet {meeting}; saken kan bare drøftes anonymt (R2)"),
                format!("case {id}: the consent was withdrawn on {date}, before the meeting on {meeting}; the case may only be discussed anonymously (R2)"),
            ),
            ConsentLapsesBeforeMeeting { id, meeting, withdrawn: false, date } => l.pick(
                format!("sak {id}: samtykket gjelder bare til og med {date}, før møtet {meeting}; saken kan bare drøftes anonymt (R2)"),
                format!("case {id}: the consent holds only through {date}, before the meeting on {meeting}; the case may only be discussed anonymously (R2)"),
            ),
            IdentityAfterConsent { id, withdrawn: true, date } => l.pick(
                format!("samtykket i sak {id} ble trukket tilbake {date}: ingenting med brukerens identitet kan lagres etter det (R2)"),
                format!("the consent in case {id} was withdrawn on {date}: nothing with the user's identity can be saved after that (R2)"),
            ),
            IdentityAfterConsent { id, withdrawn: false, date } => l.pick(
                format!("samtykket i sak {id} gjaldt bare til og med {date}: ingenting med brukerens identitet kan lagres etter det (R2)"),
                format!("the consent in case {id} held only through {date}: nothing with the user's identity can be saved after that (R2)"),
            ),
            ConsentExpiresBeforeMeeting { expires, meeting, .. } => l.pick(
                format!("samtykket utløper {expires}, før møtet {meeting} (R2)"),
                format!("the consent expires on {expires}, before the meeting on {meeting} (R2)"),
            ),
            AnonymousSinceWithIdentity => l.pick(
                "saken går videre anonymt (`anonymous_since`), men har fortsatt identitet eller samtykke".to_string(),
                "the case goes on anonymously (`anonymous_since`), but still has an identity or a consent".to_string(),
            ),
            GuestWithoutAddress { name, id, referrer: true } => l.pick(
                format!("{name}, som melder sak {id}, har ingen e-postadresse i rt.toml og får ikke innkallingen"),
                format!("{name}, who refers case {id}, has no e-mail address in rt.toml and gets no invitation"),
            ),
            GuestWithoutAddress { name, id, referrer: false } => l.pick(
                format!("{name}, kontaktperson i sak {id}, har ingen e-postadresse i rt.toml og får ikke innkallingen"),
                format!("{name}, contact person in case {id}, has no e-mail address in rt.toml and gets no invitation"),
            ),
            UnknownContact { name, .. } => l.pick(
                format!("`{name}` står ikke i rt.toml"),
                format!("`{name}` is not in rt.toml"),
            ),
            SeveralMails { count } => l.pick(
                format!("innkallingen er {count} e-poster: én til de faste medlemmene og én til hver gjest"),
                format!("the invitation is {count} mails: one to the standing members and one to each guest"),
            ),
            CaseLeftOut { file } => l.pick(
                format!("{file} har feil og er utelatt"),
                format!("{file} has errors and is left out"),
            ),
            DraftsDiffer { files } => l.pick(
                format!(
                    "{} finnes allerede og er ikke det rt ville skrevet nå, så ingenting er skrevet: {}",
                    crate::lang::count(files.len(), "utkast", "utkast"),
                    files.join(", ")
                ),
                format!(
                    "{} already exist and differ from what rt would write now, so nothing was written: {}",
                    crate::lang::count(files.len(), "draft", "drafts"),
                    files.join(", ")
                ),
            ),
            AlreadyAnswered { id, accepted, date } => {
                let (nb, en) = if *accepted { ("ja", "accepted") } else { ("nei", "declined") };
                l.pick(
                    format!("brukeren har allerede takket {nb} til `{id}` ({date})"),
                    format!("the user already {en} `{id}` ({date})"),
                )
            }
            NothingToChange { id } => l.pick(
                format!("brukeren har ikke svart på `{id}` ennå, så det er ikke noe å endre"),
                format!("the user has not answered `{id}` yet, so there is nothing to change"),
            ),
            GuidanceNoDecision => l.pick(
                "en veiledningssak har ingen brukerbeslutning".to_string(),
                "a guidance case has no user's decision".to_string(),
            ),
            UnknownGuest { name, .. } => l.pick(
                format!("`{name}` står ikke i rt.toml"),
                format!("`{name}` is not in rt.toml"),
            ),
            GuestIsMember { name } => l.pick(
                format!("{name} er fast medlem, ikke gjest"),
                format!("{name} is a standing member, not a guest"),
            ),
            AttendanceNotStored { half } => l.pick(
                format!("oppmøtet er ikke lagret: halvåret {half} er ikke publisert"),
                format!("the attendance is not stored: the half-year {half} is not published"),
            ),
            ViolenceWords { phrases } => {
                let quoted: Vec<String> = phrases.iter().take(3).map(|p| format!("«{p}»")).collect();
                l.pick(
                    format!("teksten nevner {}: gjelder saken mistanke om vold eller seksuelle overgrep? (R5)", quoted.join(", ")),
                    format!("the text mentions {}: does the case concern suspected violence or sexual abuse? (R5)", quoted.join(", ")),
                )
            }
            // ---- adversarial meeting fixes (advmeeting) ----
            ContactsOfAnonymous => l.pick(
                "en anonym sak har ingen navngitte kontaktpersoner: et navn på brukerens kontaktperson snevrer inn hvem brukeren er (R3)".to_string(),
                "an anonymous case has no named contact persons: the name of the user's contact narrows down who the user is (R3)".to_string(),
            ),
            OutcomeBeforeMeeting { date, meeting, .. } => l.pick(
                format!("utfallet er datert {date}, før sakens møte {meeting}"),
                format!("the outcome is dated {date}, before the case's meeting on {meeting}"),
            ),
            OutcomeNotOnMeeting { date, .. } => l.pick(
                format!("teamet hadde ikke møte {date}: utfallet dateres med møtet der saken ble drøftet"),
                format!("the team had no meeting on {date}: the outcome is dated with the meeting where the case was discussed"),
            ),
            MeetingDayNotWorkingDay { value } => l.pick(
                format!("`meetings.weekday` kan ikke være {}: møtene er på virkedager (gyldig: {})", shown(value, l), crate::rules::config::WORKING_DAYS.join(", ")),
                format!("`meetings.weekday` cannot be {}: meetings are on working days (valid: {})", shown(value, l), crate::rules::config::WORKING_DAYS.join(", ")),
            ),
            MeetingPastMidnight { start, minutes } => l.pick(
                format!("et møte fra {start} som varer {minutes} minutter, slutter ikke før midnatt"),
                format!("a meeting from {start} lasting {minutes} minutes does not end before midnight"),
            ),
            ConfigDateOutOfRange { key, date } => l.pick(
                format!("`{key}`: datoen {date} er utenfor årene {}–{}", crate::rules::config::YEARS.start(), crate::rules::config::YEARS.end()),
                format!("`{key}`: the date {date} is outside the years {}–{}", crate::rules::config::YEARS.start(), crate::rules::config::YEARS.end()),
            ),
            FirstMeetingOutsideHalf { half, .. } => l.pick(
                format!("det første møtet i {half} ligger utenfor halvåret"),
                format!("the first meeting of {half} lies outside the half-year"),
            ),
            TeamNameEmpty => l.pick(
                "`team` er tom: teamets navn står på hver innkalling og hvert referat".to_string(),
                "`team` is empty: the team's name is on every invitation and every set of minutes".to_string(),
            ),
            // ---- windows, first run, line endings, guide (issue 20) ----------------------
            FilesReadableByOthers { count, folder, mode } => l.pick(
                format!("{count} saksfiler i {folder}/ kan leses av andre enn eieren (rettigheter {mode:o})"),
                format!("{count} case files in {folder}/ can be read by others than their owner (mode {mode:o})"),
            ),
            // ---- lead: what the adversarial try found ----------------------------------
            OutputIsTeamFile { path } => l.pick(
                format!("{path} er en av team-mappens egne filer eller mapper; rt skriver ikke dokumenter dit"),
                format!("{path} is one of the team folder's own files or folders; rt writes no documents there"),
            ),
            // ---- advtiltak ----
            LineBreak { field } => l.pick(
                format!("{} skal stå på én linje", field.shown(l)),
                format!("{} must be on one line", field.shown(l)),
            ),
            MeasureNotAdded { problems } => l.pick(
                format!("tiltaket er ikke lagt til ({problems} feil å rette)"),
                format!("the measure was not added ({} to fix)", crate::lang::count(*problems, "problem", "problems")),
            ),
            NationalIdMasked { file } => l.pick(
                format!("{file} inneholder noe som ligner et fødselsnummer; det vises som ••• her"),
                format!("{file} contains what looks like a national id number; it is shown as ••• here"),
            ),
            // ---- advmeeting: LOW 15, messages ----
            AnsweredNotProposed { id, accepted } => {
                let (nb, en) = if *accepted { ("ja", "accepted") } else { ("nei", "declined") };
                l.pick(
                    format!("brukeren har allerede takket {nb} til `{id}`, så tiltaket kan ikke tas ut av forslagene"),
                    format!("the user already {en} `{id}`, so the measure cannot be left out of the proposals"),
                )
            }
            LineBreakInOneLine { field } => l.pick(
                format!("{} skal stå på én linje, men inneholder linjeskift", field.shown(l)),
                format!("{} is one line, but contains a line break", field.shown(l)),
            ),
            // ---- lead: files not committed ----
            FirstMeetingNotOnMeetingDay { date, weekday } => {
                use crate::model::dates::weekday_name;
                use chrono::Datelike;
                let (was, is) = (weekday_name(date.weekday(), l), weekday_name(*weekday, l));
                l.pick(
                    format!("det første møtet, {date}, er en {was}, men teamet møtes på {is}"),
                    format!("the first meeting, {date}, is a {was}, but the team meets on {is}"),
                )
            }
            HeldMeetingUnchangeable { date } => l.pick(
                format!("møtet {date} er allerede holdt, og kan ikke avlyses eller flyttes"),
                format!("the meeting on {date} has already been held, and cannot be cancelled or moved"),
            ),
            MoveIntoThePast { date, today } => l.pick(
                format!("{date} er før i dag ({today}); et møte kan bare flyttes til en dag som kommer"),
                format!("{date} is before today ({today}); a meeting can only be moved to a day to come"),
            ),
            GitStatusUnknown { detail } => l.pick(
                format!("auto_commit er på, men git kan ikke si hva som er committet ({detail})"),
                format!("auto_commit is on, but git cannot tell what is committed ({detail})"),
            ),
            NoMeetingOn { date, .. } => l.pick(
                format!("teamet har ikke møte {date}"),
                format!("the team has no meeting on {date}"),
            ),
            NotASpreadsheet { file } => l.pick(
                format!("kan ikke lese {file} som regneark"),
                format!("cannot read {file} as a spreadsheet"),
            ),
            NotInGit => l.pick(
                "filen er ny, endret eller slettet, men ikke committet i git".to_string(),
                "the file is new, changed or deleted, but not committed in git".to_string(),
            ),
            ManyNotInGit { count, folder } if folder == "." => l.pick(
                format!("{count} av teamets filer er nye, endret eller slettet, men ikke committet i git"),
                format!("{count} of the team's files are new, changed or deleted, but not committed in git"),
            ),
            ManyNotInGit { count, folder } => l.pick(
                format!("{count} filer i {folder}/ er nye, endret eller slettet, men ikke committet i git"),
                format!("{count} files in {folder}/ are new, changed or deleted, but not committed in git"),
            ),
            // ---- purgeguests ----
            OutNotAFolder { path } => l.pick(
                format!("{path} finnes, men er ikke en mappe"),
                format!("{path} exists, but is not a folder"),
            ),
            OutIsAFolder { path } => l.pick(
                format!("{path} er en mappe; referatet kan ikke skrives der"),
                format!("{path} is a folder; the minutes cannot be written there"),
            ),
        }
    }

    /// What kind of problem it is, in a few words, for counting ("ukjent tilbyder (2)").
    pub fn reason(&self, lang: Lang) -> String {
        use Problem::*;
        let l = lang;
        match self {
            UnknownProvider { .. } => l.pick("ukjent tilbyder", "unknown provider").into(),
            MissingProvider => l.pick("uten tilbyder", "without a provider").into(),
            MissingAccess => l.pick("uten tilgang", "without access").into(),
            BadAccess { .. } => l.pick("uleselig tilgang", "unreadable access").into(),
            BadTarget { .. } | BadAges { .. } => {
                l.pick("uleselig målgruppe", "unreadable target group").into()
            }
            AgesReversed { .. } => l.pick("baklengs alder", "ages backwards").into(),
            BadLevel { .. } => l.pick("uleselig nivå", "unreadable level").into(),
            MissingName => l.pick("uten navn", "without a name").into(),
            DuplicateRow { .. } => l.pick("dobbel rad", "duplicate row").into(),
            NationalId { .. } => l.pick("med fødselsnummer", "with a national id").into(),
            ControlCharacters { .. } => l.pick("med kontrolltegn", "with control characters").into(),
            LineBreak { .. } => l.pick("med linjeskift", "with a line break").into(),
            BadSlug { .. } => l.pick("ugyldig id", "invalid id").into(),
            other => other.message(l),
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
                "en skriving ble avbrutt før den ble ferdig: det som sto her, ble aldri gjeldende, og rt meldte det ikke som gjort (filen ved siden av, om den finnes, er som før). Slett denne".into(),
                "a write was interrupted before it finished: what is here never took effect, and rt did not report it as done (the file beside it, if any, is as it was). Delete this one".into(),
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
            // In the tiltaksbank (which may be published), not in a case.
            NationalId { field } if field.path().starts_with("measures") => Some(l.pick(
                "fjern nummeret: tiltaksbanken kan bli en offentlig nettside og skal aldri holde personopplysninger".into(),
                "remove the number: the tiltaksbank may become a public web page and must never hold personal data".into(),
            )),
            // A flag, a key of rt.toml or another file, a column: not a case's own field.
            NationalId { field: Field::Key(_) } => Some(l.pick(
                "fjern nummeret: rt lagrer og viser aldri fødselsnummer; en sak kjennes bare på initialer og fødselsdato".into(),
                "remove the number: rt never stores or shows a national id number; a case is known by initials and date of birth only".into(),
            )),
            NationalId { .. } => Some(l.pick(
                "skriv aldri fødselsnummer i saken; bruk bare initialer og fødselsdato".into(),
                "never write a national id number in a case; use only initials and date of birth".into(),
            )),
            ControlCharacters { .. } => Some(l.pick(
                "fjern kontrolltegnene (usynlige tegn, ofte fra innliming); skriv vanlig tekst".into(),
                "remove the control characters (invisible characters, often from pasting); write plain text".into(),
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
                "skriv «åpent», «via ressursteam», «henvisning fra …» eller «vedtak», eller oppgi --default-access".into(),
                "write \"open\", \"via-team\", \"referral from …\" or \"decision\", or give --default-access".into(),
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
            NoTeamFolder { .. } | NotATeamFolder { .. } => Some(l.pick(
                "lag en med `rt init MAPPE`, eller pek på en med --dir MAPPE eller RT_DIR".into(),
                "create one with `rt init DIR`, or point to one with --dir DIR or RT_DIR".into(),
            )),
            FileAccess { cause: IoCause::InUse, .. } => Some(l.pick(
                "lukk filen i programmet som har den åpen (Excel, en editor), og kjør kommandoen på nytt".into(),
                "close the file in the program that has it open (Excel, an editor), and run the command again".into(),
            )),
            FileAccess { write: true, .. } => Some(l.pick(
                "sjekk at mappen finnes, at du kan skrive i den, og at disken ikke er full".into(),
                "check that the folder exists, that you may write to it, and that the disk is not full".into(),
            )),
            FileAccess { write: false, .. } => Some(l.pick(
                "sjekk at filen finnes og at du kan lese den".into(),
                "check that the file exists and that you may read it".into(),
            )),
            InvalidFile { .. } => Some(l.pick(
                "rett feilene over; `rt check` viser alle".into(),
                "fix the problems above; `rt check` shows them all".into(),
            )),
            Refused { .. } => Some(l.pick(
                "rett punktene over og kjør kommandoen på nytt".into(),
                "fix the points above and run the command again".into(),
            )),
            Violence => Some(l.pick(
                "kontakt barneverntjenesten (utenom kontortid: barnevernvakten) eller politiet: 02800, ved akutt fare 112".into(),
                "contact the child welfare service (out of hours: barnevernvakten) or the police: 02800, in acute danger 112".into(),
            )),
            CaseNotFound { suggestion: Some(s), .. } => {
                Some(l.pick(format!("mente du `{s}`?"), format!("did you mean `{s}`?")))
            }
            CaseNotFound { suggestion: None, .. } => Some(l.pick("se `rt list`".into(), "see `rt list`".into())),
            AlreadyExists { .. } => Some(l.pick(
                "velg en annen mappe, eller bruk team-mappen som er der".into(),
                "choose another folder, or use the team folder that is there".into(),
            )),
            NewerFile { .. } => Some(l.pick("oppdater rt".into(), "update rt".into())),
            Changed { .. } => Some(l.pick(
                "kjør kommandoen på nytt, så bygger den på den nye versjonen".into(),
                "run the command again to build on the new version".into(),
            )),
            Template { .. } => Some(l.pick(
                "rett malen (se templates/README.md for variablene), eller slett den for å bruke den innebygde".into(),
                "fix the template (see templates/README.md for its variables), or delete it to use the built-in one".into(),
            )),
            Mail { .. } => Some(l.pick(
                "rett e-postadressene i rt.toml; `rt check` viser dem".into(),
                "fix the addresses in rt.toml; `rt check` shows them".into(),
            )),
            HeaderLineBreak { what: HeaderPart::Subject } => Some(l.pick(
                "rett emnemalen (templates/agenda-subject.*.txt) så emnet blir én linje".into(),
                "fix the subject template (templates/agenda-subject.*.txt) so the subject is one line".into(),
            )),
            HeaderLineBreak { what: HeaderPart::Recipient(_) } => Some(l.pick(
                "rett navnet eller adressen i rt.toml; `rt check` viser dem".into(),
                "fix the name or address in rt.toml; `rt check` shows them".into(),
            )),
            Locked { .. } => Some(l.pick(
                "vent til den andre er ferdig og prøv igjen; henger den, avslutt den prosessen".into(),
                "wait for the other to finish and try again; if it hangs, end that process".into(),
            )),
            LockUnsupported { .. } => Some(l.pick(
                "bruk team-mappen på en disk eller delt mappe som støtter fillåser".into(),
                "keep the team folder on a disk or share that supports file locks".into(),
            )),
            Aborted => Some(l.pick(
                "kjør kommandoen på nytt når du er klar".into(),
                "run the command again when you are ready".into(),
            )),
            Send { step, .. } => Some(match *step {
                "connect" => l.pick(
                    "sjekk `host` og `port` under [mail] i rt.toml, og at nettet slipper deg fram til tjeneren".into(),
                    "check `host` and `port` under [mail] in rt.toml, and that the network lets you reach the server".into(),
                ),
                "starttls" | "tls" => l.pick(
                    "sjekk `security` under [mail] (starttls for port 587, tls for port 465), og at tjenerens sertifikat er gyldig".into(),
                    "check `security` under [mail] (starttls for port 587, tls for port 465), and that the server's certificate is valid".into(),
                ),
                "login" => l.pick(
                    "sjekk `user` under [mail] og passordet i miljøvariabelen `password_env` peker på".into(),
                    "check `user` under [mail] and the password in the environment variable `password_env` names".into(),
                ),
                "sender" => l.pick(
                    "tjeneren vil ikke sende fra lederens adresse; sjekk [leader] email, eller logg inn som den".into(),
                    "the server will not send from the leader's address; check [leader] email, or log in as that user".into(),
                ),
                _ => l.pick(
                    "prøv igjen senere, eller lagre innkallingen med `--format eml --out FIL` og send den fra e-postprogrammet".into(),
                    "try again later, or save the invitation with `--format eml --out FILE` and send it from your mail program".into(),
                ),
            }),
            NoGit => Some(l.pick(
                "installer git (https://git-scm.com), eller del team-mappen på en annen måte".into(),
                "install git (https://git-scm.com), or share the team folder another way".into(),
            )),
            NotARepo => Some(l.pick(
                "hent team-mappen med `git clone URL`, eller gjør den til et depot med `git init`".into(),
                "get the team folder with `git clone URL`, or make it a repository with `git init`".into(),
            )),
            SyncUnfinished => Some(l.pick(
                "rett filene `git status` viser, kjør `rt check`, `git add FIL` og `git rebase --continue`, og så `rt sync` igjen; eller gå tilbake med `git rebase --abort`".into(),
                "fix the files `git status` lists, run `rt check`, `git add FILE` and `git rebase --continue`, then `rt sync` again; or go back with `git rebase --abort`".into(),
            )),
            NoUpstream { branch, remote: Some(remote) } => Some(l.pick(
                format!("send grenen første gang med `git push -u {remote} {branch}`"),
                format!("send the branch the first time with `git push -u {remote} {branch}`"),
            )),
            NoUpstream { remote: None, .. } => Some(l.pick(
                "legg til det delte depotet med `git remote add origin URL`, og send med `git push -u origin HEAD`".into(),
                "add the shared repository with `git remote add origin URL`, and send with `git push -u origin HEAD`".into(),
            )),
            SyncConflict { .. } => Some(l.pick(
                "ingenting er tapt. Åpne filene, velg hva som skal stå mellom <<<<<<< og >>>>>>>, og fjern merkene; kjør `rt check`, så `git add FIL` og `git rebase --continue`, og til slutt `rt sync` igjen. Vil du heller gå tilbake til slik det var: `git rebase --abort`".into(),
                "nothing is lost. Open the files, choose what should stand between <<<<<<< and >>>>>>>, and remove the markers; run `rt check`, then `git add FILE` and `git rebase --continue`, and finally `rt sync` again. To go back to how it was instead: `git rebase --abort`".into(),
            )),
            StashConflict { .. } => Some(l.pick(
                "ingenting er tapt: endringene dine ligger også i `git stash list`. Åpne filene, velg hva som skal stå mellom <<<<<<< og >>>>>>> og fjern merkene, kjør `rt check`, og så `git stash drop`".into(),
                "nothing is lost: your changes are also in `git stash list`. Open the files, choose what should stand between <<<<<<< and >>>>>>> and remove the markers, run `rt check`, then `git stash drop`".into(),
            )),
            PushRaced => Some(l.pick("kjør `rt sync` igjen".into(), "run `rt sync` again".into())),
            GitFailed { .. } => Some(l.pick(
                "rett det git sier (nett, innlogging, tilgang) og kjør `rt sync` igjen".into(),
                "fix what git says (network, login, access) and run `rt sync` again".into(),
            )),
            LockNotAFile { .. } => Some(l.pick(
                "slett den (`rm .rt.lock` eller i filutforskeren) og kjør kommandoen på nytt; rt lager en ny".into(),
                "delete it (`rm .rt.lock` or in the file explorer) and run the command again; rt makes a new one".into(),
            )),
            LinkNotFollowed { .. } => Some(l.pick(
                "flytt filene inn i team-mappen og slett lenken".into(),
                "move the files into the team folder and delete the link".into(),
            )),
            NotARegularFile { .. } => Some(l.pick(
                "fjern den eller gi den et annet navn".into(),
                "remove it or rename it".into(),
            )),
            GitUnfinished { operation: "rebase" } => Some(l.pick(
                "fullfør eller avbryt rebasen først: rett filene `git status` viser, `git add FIL` og `git rebase --continue`; eller `git rebase --abort`. Kjør så kommandoen på nytt".into(),
                "finish or abort the rebase first: fix the files `git status` lists, `git add FILE` and `git rebase --continue`; or `git rebase --abort`. Then run the command again".into(),
            )),
            GitUnfinished { operation } => Some(l.pick(
                format!("fullfør eller avbryt den først: rett filene `git status` viser og `git {operation} --continue`; eller `git {operation} --abort`. Kjør så kommandoen på nytt"),
                format!("finish or abort it first: fix the files `git status` lists and `git {operation} --continue`; or `git {operation} --abort`. Then run the command again"),
            )),
            GitNotRunnable => Some(l.pick(
                "installer git, eller sett `auto_commit = false` under [git] i rt.toml".into(),
                "install git, or set `auto_commit = false` under [git] in rt.toml".into(),
            )),
            NotCommitted { .. } => Some(l.pick(
                "endringen står i filene, så ikke kjør kommandoen på nytt (en ny `rt refer` ville gitt en sak til); rett det git sier, og commit filene selv (`git add -A && git commit`)".into(),
                "the change is in the files, so do not run the command again (a new `rt refer` would make another case); fix what git says and commit the files yourself (`git add -A && git commit`)".into(),
            )),
            PlacedOnNoMeeting { .. } => Some(l.pick(
                "flytt den til et møte: rediger `meeting` i saksfilen, eller sett den opp på nytt".into(),
                "move it to a meeting: edit `meeting` in the case file, or place it again".into(),
            )),
            NoSchoolHolidays { .. } => Some(l.pick(
                "legg kommunens skoleferier under [[school_holidays]] i rt.toml (se kommentarene der)".into(),
                "add the municipality's school holidays under [[school_holidays]] in rt.toml (see the comments there)".into(),
            )),
            NoMeetingThatDay { near, half, .. } if !near.is_empty() => {
                let dates: Vec<String> = near.iter().map(|d| d.to_string()).collect();
                Some(l.pick(
                    format!("nærmeste møter: {} (se `rt schedule --half {half}`)", dates.join(" og ")),
                    format!("nearest meetings: {} (see `rt schedule --half {half}`)", dates.join(" and ")),
                ))
            }
            NoMeetingThatDay { half, .. } => Some(l.pick(
                format!("se `rt schedule --half {half}`"),
                format!("see `rt schedule --half {half}`"),
            )),
            PlainPassword { .. } => Some(l.pick(
                "bruk `security = \"starttls\"` (port 587) eller `\"tls\"` (port 465) under [mail] i rt.toml".into(),
                "use `security = \"starttls\"` (port 587) or `\"tls\"` (port 465) under [mail] in rt.toml".into(),
            )),
            NationalIdInKey { .. } | NationalIdInFile => {
                NationalId { field: Field::Key(String::new()) }.unredacted_help(l)
            }
            FollowupBeforeDecision { .. } => Some(l.pick(
                "lagre brukerens beslutning først med `rt decide`".into(),
                "record the user's decision first with `rt decide`".into(),
            )),
            FollowupOnClosed | FollowupEnded => None,
            ConsentDoesNotCover { why: crate::rules::followup::ConsentGap::NoConsent, .. } => Some(l.pick(
                "bare den som meldte saken følger opp en anonym sak eller veiledning".into(),
                "only the referring unit follows up an anonymous or guidance case".into(),
            )),
            ConsentDoesNotCover { unit, .. } => Some(l.pick(
                format!("innhent brukerens samtykke til at `{unit}` er med, skriv enheten under `units` i [consent] i saksfilen (og ny `date`), og prøv igjen"),
                format!("get the user's consent for `{unit}` to take part, add the unit to `units` under [consent] in the case file (with a new `date`), and try again"),
            )),
            NoSuchGoal { .. } => Some(l.pick(
                "se målene med `rt logg ID`, eller legg til et med `rt plan ID --goal TEKST`".into(),
                "see the goals with `rt logg ID`, or add one with `rt plan ID --goal TEXT`".into(),
            )),
            NotInPlan { .. } => Some(l.pick(
                "legg tiltaket i planen med `rt plan ID --measure TILTAK --responsible NAVN --evaluate DATO`".into(),
                "add the measure to the plan with `rt plan ID --measure MEASURE --responsible NAME --evaluate DATE`".into(),
            )),
            BadGoalNumber { .. } => Some(l.pick(
                "skriv nummeret, f.eks. --goal 1 (se målene med `rt logg ID`)".into(),
                "write the number, e.g. --goal 1 (see the goals with `rt logg ID`)".into(),
            )),
            HandoverPending { .. } => Some(l.pick(
                "vent på svaret (`rt stafett ID --accept` eller `--decline`)".into(),
                "wait for the answer (`rt stafett ID --accept` or `--decline`)".into(),
            )),
            AlreadyHolder { .. } => None,
            NoHandoverPending => Some(l.pick(
                "foreslå en ny stafettholder med `rt stafett ID --to NAVN`".into(),
                "propose a new stafettholder with `rt stafett ID --to NAME`".into(),
            )),
            NoFollowup { .. } => Some(l.pick(
                "oppfølgingen starter med `rt plan ID --goal TEKST` etter brukerens beslutning".into(),
                "the follow-up starts with `rt plan ID --goal TEXT` after the user's decision".into(),
            )),
            FollowupNeedsReason => Some(l.pick(
                "--reason goal-reached (målet er nådd), concern-gone (bekymringen er borte), individual-plan (individuell plan med koordinator) eller user-ended (brukeren avsluttet)".into(),
                "--reason goal-reached, concern-gone, individual-plan (an individual plan with a koordinator) or user-ended".into(),
            )),
            BadLink { .. } => Some(l.pick(
                "skriv hele adressen, f.eks. https://kommune.no/tiltak, eller mailto:post@kommune.no".into(),
                "write the whole address, e.g. https://kommune.no/tiltak, or mailto:post@kommune.no".into(),
            )),
            ExportFailed { .. } => None,
            DateOutOfRange { from, to, .. } if from > to => Some(l.pick(
                format!("ingen dato kan passe før {from} er rettet: den er mer enn ett år fram i tid (seneste tillatte dato er {to}); rett først den datoen, eller --today"),
                format!("no date can fit until {from} is corrected: it is more than a year ahead (the latest allowed date is {to}); correct that date first, or --today"),
            )),
            DateOutOfRange { from, to, .. } => Some(l.pick(
                format!("bruk en dato fra {from} til {to}"),
                format!("use a date from {from} to {to}"),
            )),
            Unencrypted { .. } => Some(l.pick(
                "bruk `security = \"starttls\"` eller `\"tls\"` med mindre tjeneren står på et lukket nett".into(),
                "use `security = \"starttls\"` or `\"tls\"` unless the server is on a closed network".into(),
            )),
            NotSent { .. } => Some(l.pick(
                "commit dem med git (eller la dem være), og kjør `rt sync` igjen".into(),
                "commit them with git (or leave them), and run `rt sync` again".into(),
            )),
            ErrorsAfterSync { .. } => Some(l.pick("kjør `rt check`".into(), "run `rt check`".into())),
            PurgeIncomplete { .. } => Some(l.pick(
                "rett feilene `rt check` viser i disse filene, og kjør `rt purge` igjen".into(),
                "fix the problems `rt check` shows in these files, and run `rt purge` again".into(),
            )),
            HistoryHoldsPurged { .. } => Some(l.pick(
                "historikken må skrives om (f.eks. med git filter-repo) og alle kloner hentes på nytt; se «Personvern» i README".into(),
                "the history must be rewritten (e.g. with git filter-repo) and every clone fetched anew; see \"Privacy\" in the README".into(),
            )),
            PartlyWritten { .. } => Some(l.pick(
                "rett det som stoppet skrivingen, kjør `rt check`, og kjør kommandoen på nytt for filene som ikke ble skrevet".into(),
                "fix what stopped the write, run `rt check`, and run the command again for the files not written".into(),
            )),
            Syntax { detail } => Some(toml_syntax::hint(detail, l)),
            Unreadable { .. }
            | Missing { .. }
            | FieldMissing { .. }
            | WrongType { .. }
            | OutOfRange { .. }
            | BadEmail { .. }
            | DuplicateEntry { .. }
            | NotACaseFile
            | NotProposed { .. }
            | BadCaseId { .. }
            | IdDateNotReferred { .. }
            | ConsentWithoutUser
            | ConsentInFuture
            | ConsentDatesReversed { .. }
            | BornInFuture
            | BornTooLongAgo
            | ReferredInFuture
            | MeetingBeforeReferral
            | HolidayNeedsSpan { .. }
            | AgeNeedsAnonymous
            | ConsentDetailsWithoutConsent
            | MeetingTooSoon { .. }
            | MeetingOutsideHalf { .. }
            | NotPlaced
            | AcceptedAndDeclined { .. }
            | NothingDecided
            | Undecided { .. }
            | BadOutputPath { .. }
            | NoConsentToWithdraw
            | AlreadyWithdrawn { .. }
            | TooLarge { .. }
            | NoMeasures
            | NoSuchSheet { .. }
            | NoCasesInMeeting { .. }
            | NotInAMeeting { .. }
            | NotSaved { .. }
            | Level2NotBti
            | MoveOutsideHalf { .. }
            | MeetingTaken { .. }
            | RangeReversed { .. }
            | AgesReversed { .. }
            | CaseFilesLeftOut { .. } => None,

            // ---- tiltak: providers, levels, target groups, import (issue 17) -----------
            ProviderIsUnit { .. } => Some(l.pick(
                "gi tilbyderen en annen id; et tiltak fra enheten bruker enhetens id".into(),
                "give the provider another id; a measure of the unit uses the unit's id".into(),
            )),
            UnknownProvider { suggestion, .. } => did_you_mean(suggestion).or_else(|| {
                Some(l.pick(
                    "enhetene og de andre tilbyderne står under [[units]] og [[providers]] i rt.toml; `rt tiltak import --add-providers` legger nye til".into(),
                    "the units and the other providers are under [[units]] and [[providers]] in rt.toml; `rt tiltak import --add-providers` adds new ones".into(),
                ))
            }),
            UnitAndProvider => Some(l.pick(
                "behold `provider` og slett `unit` (den gamle nøkkelen for det samme)".into(),
                "keep `provider` and delete `unit` (the old key for the same)".into(),
            )),
            ReferralFromWithoutReferral { .. } => Some(l.pick(
                "sett `access = \"referral\"`, eller slett `referral_from`".into(),
                "set `access = \"referral\"`, or delete `referral_from`".into(),
            )),
            BadTarget { .. } => Some(l.pick(
                "skriv f.eks. «6–12 år», «1.–4. trinn», «Foreldre til barn 0–6 år», «Ungdom 13–18», «Voksne» eller «Alle», eller gi alderen i kolonnene Alder fra / Alder til".into(),
                "write e.g. \"6–12 år\", \"1.–4. trinn\", \"Foreldre til barn 0–6 år\", \"Ungdom 13–18\", \"Voksne\" or \"Alle\", or give the ages in the columns Alder fra / Alder til".into(),
            )),
            BadLevel { .. } => Some(l.pick(
                "skriv universelt (grønt, for alle), selektivt (gult, for noen) eller indikert (rødt, for få)".into(),
                "write universal (green, for all), selective (yellow, for some) or indicated (red, for a few)".into(),
            )),
            MissingProvider => Some(l.pick(
                "fyll inn tjenesten i kolonnen Tjeneste/Enhet/Tilbyder, eller pek på kolonnen med --map \"KOLONNE=provider\"".into(),
                "fill in the service in the Tjeneste/Enhet/Tilbyder column, or point to the column with --map \"COLUMN=provider\"".into(),
            )),
            MissingAccess => Some(l.pick(
                "fyll inn hvordan man får tiltaket (f.eks. «Ta kontakt», «Henvisning fra fastlege», «Via vedtak»), eller oppgi --default-access".into(),
                "fill in how to get the measure (e.g. \"Ta kontakt\", \"Henvisning fra fastlege\", \"Via vedtak\"), or give --default-access".into(),
            )),
            DuplicateRow { .. } => Some(l.pick(
                "slå radene sammen i arket, eller gi den ene en egen id i en Id-kolonne".into(),
                "merge the rows in the sheet, or give one of them its own id in an Id column".into(),
            )),
            HeaderNotFound { .. } => Some(l.pick(
                "oppgi raden med overskriftene med --header-row N, og pek eventuelt på navnekolonnen med --map \"KOLONNE=name\"".into(),
                "give the row of the headers with --header-row N, and if needed point to the name column with --map \"COLUMN=name\"".into(),
            )),
            RowsSkipped { written: true, .. } => Some(l.pick(
                "de andre radene er skrevet; rett radene over i arket og importer igjen".into(),
                "the other rows are written; fix the rows above in the sheet and import again".into(),
            )),
            RowsSkipped { written: false, .. } => Some(l.pick(
                "rett radene over i arket; med --apply skrives de andre radene likevel".into(),
                "fix the rows above in the sheet; with --apply the other rows are written anyway".into(),
            )),
            AssignedOutsideTeam { referrer, .. } => Some(l.pick(
                format!("gi oppdraget en enhet i teamet som følger opp tiltaket, f.eks. den som meldte saken (`{referrer}`)"),
                format!("give the assignment to a unit of the team that follows the measure up, e.g. the referring one (`{referrer}`)"),
            )),

            // ---- the tiltaksbank as a web site (issue 19) -------------------------------
            SiteFolderTaken { .. } => Some(l.pick(
                "velg en ny eller tom mappe, eller legg til --force for å skrive sidene inn i den likevel (rt endrer ingenting annet der)".into(),
                "choose a new or empty folder, or add --force to write the pages into it anyway (rt changes nothing else there)".into(),
            )),
            SiteNotAFolder { .. } | SiteNotAFile { .. } => Some(l.pick(
                "flytt eller gi nytt navn til det som står der, eller skriv siden i en annen mappe".into(),
                "move or rename what is there, or write the site into another folder".into(),
            )),
            SiteLink { .. } => Some(l.pick(
                "slett lenken, eller skriv siden i mappen lenken peker til".into(),
                "delete the link, or write the site into the folder it points to".into(),
            )),
            SitePartlyWritten { .. } => Some(l.pick(
                "rett det som stoppet skrivingen og kjør kommandoen på nytt; den skriver alle filene igjen".into(),
                "fix what stopped the write and run the command again; it writes every file again".into(),
            )),
            MissingName => None,
            // ---- meeting: consent, people, attendance, decisions (issue 15) -----------
            ConsentLapsedChoose { id } | IdentityAfterConsent { id, .. } | ConsentLapsesBeforeMeeting { id, .. } => Some(l.pick(
                format!("`rt consent {id} --then anonymous` fjerner identiteten og drøfter saken videre anonymt; `rt consent {id} --then close` avslutter den"),
                format!("`rt consent {id} --then anonymous` removes the identity and goes on anonymously; `rt consent {id} --then close` closes the case"),
            )),
            ConsentStillValid { id } => Some(l.pick(
                format!("--then brukes når samtykket er trukket tilbake eller utløpt; trekk det tilbake med `rt consent {id} --withdraw`"),
                format!("--then is for a consent withdrawn or expired; withdraw it with `rt consent {id} --withdraw`"),
            )),
            ConsentExpiresBeforeMeeting { fits, .. } if !fits.is_empty() => {
                let dates: Vec<String> = fits.iter().map(|d| d.to_string()).collect();
                Some(l.pick(
                    format!("møter før samtykket utløper: {}; velg ett med --meeting DATO", dates.join(", ")),
                    format!("meetings before the consent expires: {}; choose one with --meeting DATE", dates.join(", ")),
                ))
            }
            ConsentExpiresBeforeMeeting { .. } => Some(l.pick(
                "ingen møter med plass før samtykket utløper; innhent et samtykke som varer lenger, eller meld saken anonymt (--anonymous)".into(),
                "no meeting with room before the consent expires; get a consent that lasts longer, or refer the case anonymously (--anonymous)".into(),
            )),
            AnonymousSinceWithIdentity => Some(l.pick(
                "fjern initialer, fødselsdato og [consent], eller slett `anonymous_since`".into(),
                "remove the initials, the birth date and [consent], or delete `anonymous_since`".into(),
            )),
            GuestWithoutAddress { .. } => Some(l.pick(
                "legg personen til under [[contacts]] i rt.toml med name, email og unit".into(),
                "add the person under [[contacts]] in rt.toml with name, email and unit".into(),
            )),
            UnknownContact { suggestion, .. } | UnknownGuest { suggestion, .. } => did_you_mean(suggestion).or_else(|| {
                Some(l.pick(
                    "bare personer i rt.toml kan inviteres: legg personen til under [[contacts]] (name, email, unit)".into(),
                    "only people in rt.toml can be invited: add the person under [[contacts]] (name, email, unit)".into(),
                ))
            }),
            SeveralMails { .. } => Some(l.pick(
                "oppgi en mappe, f.eks. --out innkallinger/, så skrives ett utkast per mottaker".into(),
                "give a folder, e.g. --out invitations/, and one draft per recipient is written".into(),
            )),
            CaseLeftOut { .. } => Some(l.pick("kjør `rt check` og rett feilene".into(), "run `rt check` and fix the errors".into())),
            DraftsDiffer { .. } => Some(l.pick(
                "--force erstatter dem (endringene dine i dem går tapt), eller skriv til en annen mappe med --out".into(),
                "--force replaces them (your edits in them are lost), or write to another folder with --out".into(),
            )),
            AlreadyAnswered { .. } => Some(l.pick(
                "legg til --change for å endre et svar brukeren har gitt (endringen dateres og vises i `rt show`)".into(),
                "add --change to change an answer the user gave (the change is dated and shown by `rt show`)".into(),
            )),
            NothingToChange { .. } => Some(l.pick("utelat --change".into(), "leave out --change".into())),
            GuidanceNoDecision => Some(l.pick(
                "lagre teamets råd med `rt record`, og avslutt saken med `rt close`".into(),
                "save the team's advice with `rt record`, and close the case with `rt close`".into(),
            )),
            GuestIsMember { .. } => Some(l.pick(
                "faste medlemmer er til stede med mindre de står med --absent".into(),
                "standing members are present unless given with --absent".into(),
            )),
            AttendanceNotStored { half } => Some(l.pick(
                format!("`rt schedule --publish --half {half}` legger datoene fast; da husker rt hvem som var til stede"),
                format!("`rt schedule --publish --half {half}` fixes the dates; then rt remembers who was there"),
            )),
            ViolenceWords { .. } => Some(l.pick(
                "ved mistanke: kontakt barnevernet eller politiet direkte, og meld ikke saken hit; har du vurdert det og det ikke er mistanke, legg til --no-violence-concern".into(),
                "on suspicion: contact child welfare or the police directly, and do not refer the case here; if you have considered it and there is no suspicion, add --no-violence-concern".into(),
            )),
            NoIdentityToRemove { .. } => None,
            // ---- adversarial meeting fixes (advmeeting) ----
            ContactsOfAnonymous => Some(l.pick(
                "ta bort kontaktpersonene (--invite-contact, eller `invite` i saksfilen); i en anonym sak inviteres bare den som meldte saken".to_string(),
                "remove the contact persons (--invite-contact, or `invite` in the case file); in an anonymous case only the referrer is invited".to_string(),
            )),
            OutcomeBeforeMeeting { fits, .. } | OutcomeNotOnMeeting { fits, .. } if !fits.is_empty() => {
                let dates: Vec<String> = fits.iter().map(|d| d.to_string()).collect();
                Some(l.pick(
                    format!("møter som passer: {}; bruk --date med ett av dem", dates.join(", ")),
                    format!("meetings that fit: {}; use --date with one of them", dates.join(", ")),
                ))
            }
            OutcomeBeforeMeeting { meeting, .. } => Some(l.pick(
                format!("dater utfallet {meeting} eller senere, med møtet der saken ble drøftet"),
                format!("date the outcome {meeting} or later, with the meeting where the case was discussed"),
            )),
            OutcomeNotOnMeeting { .. } => Some(l.pick(
                "se møtene med `rt schedule`".to_string(),
                "see the meetings with `rt schedule`".to_string(),
            )),
            MeetingDayNotWorkingDay { .. } => Some(l.pick(
                "velg en virkedag, f.eks. weekday = \"tirsdag\"".to_string(),
                "choose a working day, e.g. weekday = \"tirsdag\"".to_string(),
            )),
            MeetingPastMidnight { .. } => Some(l.pick(
                "sett en tidligere `start` eller færre `minutes`, så møtet slutter samme dag".to_string(),
                "set an earlier `start` or fewer `minutes`, so the meeting ends the same day".to_string(),
            )),
            ConfigDateOutOfRange { .. } => Some(l.pick(
                "rett årstallet (skrivefeil?)".to_string(),
                "correct the year (a typo?)".to_string(),
            )),
            FirstMeetingOutsideHalf { half, from, to } => Some(l.pick(
                format!("{half} går fra {from} til {to}; bruk en dato i det tidsrommet"),
                format!("{half} runs from {from} to {to}; use a date within it"),
            )),
            TeamNameEmpty => Some(l.pick(
                "skriv navnet, f.eks. team = \"Ressursteam Eikvik familiesenter\"".to_string(),
                "write the name, e.g. team = \"Ressursteam Eikvik familiesenter\"".to_string(),
            )),

            // ---- windows, first run, line endings, guide (issue 20) ----------------------
            FilesReadableByOthers { folder, .. } => {
                let top = folder.split('/').next().unwrap_or(folder);
                Some(l.pick(
                    format!("saker er helseopplysninger: `chmod -R go-rwx {top}` retter alle; `rt check --verbose` viser hver fil"),
                    format!("cases are health data: `chmod -R go-rwx {top}` fixes them all; `rt check --verbose` lists each file"),
                ))
            }
            // ---- lead: what the adversarial try found ----------------------------------
            OutputIsTeamFile { .. } => Some(l.pick(
                "rt.toml, tiltaksbank.toml, cases/, meetings/ og templates/ endres bare av rt sine egne kommandoer; velg en annen fil eller mappe, f.eks. `--out utskrift`".into(),
                "rt.toml, tiltaksbank.toml, cases/, meetings/ and templates/ are changed only by rt's own commands; choose another file or folder, e.g. `--out print`".into(),
            )),
            // ---- advtiltak ----
            LineBreak { .. } => Some(l.pick(
                "skriv det på én linje; bare beskrivelsen kan ha flere linjer".into(),
                "write it on one line; only the description may have several lines".into(),
            )),
            MeasureNotAdded { .. } => Some(l.pick(
                "rett punktene over og kjør kommandoen på nytt; tiltaksbank.toml er ikke endret".into(),
                "fix the points above and run the command again; tiltaksbank.toml is unchanged".into(),
            )),
            NationalIdMasked { .. } => Some(l.pick(
                "fjern nummeret fra filen (`rt check` viser hvor); til da nekter `rt tiltak export`, `rt tiltak site`, `rt tiltak add` og `rt tiltak import`".into(),
                "remove the number from the file (`rt check` shows where); until then `rt tiltak export`, `rt tiltak site`, `rt tiltak add` and `rt tiltak import` refuse".into(),
            )),
            // ---- advmeeting: LOW 15, messages ----
            AnsweredNotProposed { id, .. } => Some(l.pick(
                format!("ta med `{id}` i --propose; et svar brukeren har gitt, endres med `rt decide ID --change`"),
                format!("include `{id}` in --propose; an answer the user gave is changed with `rt decide ID --change`"),
            )),
            LineBreakInOneLine { .. } => Some(l.pick(
                "skriv det på én linje".to_string(),
                "write it on one line".to_string(),
            )),
            // ---- lead: files not committed ----
            FirstMeetingNotOnMeetingDay { .. } => Some(l.pick(
                "møtene i et halvår som ikke er publisert, følger denne datoen og ikke `weekday`: velg en dato på møtedagen; for et halvår som er publisert eller over, kan linjen fjernes".to_string(),
                "the meetings of a half-year not yet published follow this date, not `weekday`: choose a date on the meeting day; for a half-year published or past, the line can be removed".to_string(),
            )),
            HeldMeetingUnchangeable { .. } => Some(l.pick(
                "et holdt møte står som det var; det som ble gjort for en sak der, føres med `rt record`".to_string(),
                "a meeting held stands as it was; what was done there for a case is recorded with `rt record`".to_string(),
            )),
            MoveIntoThePast { today, .. } => Some(l.pick(
                format!("velg en dato fra {today} av"),
                format!("choose a date from {today} on"),
            )),
            GitStatusUnknown { .. } => Some(l.pick(
                "sjekk at git er installert og at `git status` virker i team-mappen; uten git: sett `auto_commit = false` under [git] i rt.toml".to_string(),
                "check that git is installed and that `git status` works in the team folder; without git: set `auto_commit = false` under [git] in rt.toml".to_string(),
            )),
            NoMeetingOn { next, .. } if next.is_empty() => Some(l.pick(
                "ingen kommende møter er satt opp; se `rt schedule`".to_string(),
                "no meetings to come are set; see `rt schedule`".to_string(),
            )),
            NoMeetingOn { next, .. } => {
                let dates: Vec<String> = next.iter().map(ToString::to_string).collect();
                Some(l.pick(
                    format!("kommende møter: {} (se `rt schedule`)", dates.join(", ")),
                    format!("meetings to come: {} (see `rt schedule`)", dates.join(", ")),
                ))
            }
            NotASpreadsheet { .. } => Some(l.pick(
                "bruk et regneark (.xlsx, .xls, .ods) eller en .csv-fil; lagre arket på nytt fra regnearkprogrammet hvis det er skadet".to_string(),
                "use a spreadsheet (.xlsx, .xls, .ods) or a .csv file; save the sheet again from the spreadsheet program if it is damaged".to_string(),
            )),
            NotInGit | ManyNotInGit { .. } => Some(l.pick(
                "en kommando ble stoppet før den fikk committet, eller noen har endret filen for hånd: se `git status` og `git diff`, og commit når det er riktig (`git add -A && git commit`); kjør ikke kommandoen på nytt".to_string(),
                "a command was stopped before it could commit, or someone edited the file by hand: see `git status` and `git diff`, and commit when it is right (`git add -A && git commit`); do not run the command again".to_string(),
            )),
            // ---- purgeguests ----
            OutNotAFolder { .. } | OutIsAFolder { .. } => Some(l.pick(
                "flytt eller gi nytt navn til det som står der, eller velg en annen mappe med --out".to_string(),
                "move or rename what is there, or choose another folder with --out".to_string(),
            )),
        }
    }

    /// The one finding that stands for this one found in `count` files of `folder` (their
    /// nearest common folder), where such a wording exists: identical findings about many
    /// files are told once, with the one command that fixes them all.
    pub fn for_many(&self, count: usize, folder: &str) -> Option<Problem> {
        match self {
            Problem::ReadableByOthers { mode } => {
                Some(Problem::FilesReadableByOthers { count, folder: folder.to_string(), mode: *mode })
            }
            Problem::NotInGit => Some(Problem::ManyNotInGit { count, folder: folder.to_string() }),
            _ => None,
        }
    }
}

#[cfg(test)]
mod samples;
mod toml_syntax;

#[cfg(test)]
mod in_use_tests {
    use super::*;

    /// A consent that lapsed after a meeting already held is not said to lapse before it.
    #[test]
    fn a_consent_lapsed_after_the_meeting_is_told_as_after() {
        let d = |m, day| chrono::NaiveDate::from_ymd_opt(2026, m, day).unwrap();
        let p = |withdrawn, date| Problem::ConsentLapsesBeforeMeeting {
            id: "2026-08-20-abcd".into(),
            meeting: d(9, 8),
            withdrawn,
            date,
        };
        assert_eq!(
            p(true, d(9, 10)).message(Lang::Nb),
            "sak 2026-08-20-abcd: samtykket ble trukket tilbake 2026-09-10, etter møtet 2026-09-08; innkallingen viser ikke lenger brukerens identitet (R2)"
        );
        assert_eq!(
            p(true, d(9, 1)).message(Lang::Nb),
            "sak 2026-08-20-abcd: samtykket ble trukket tilbake 2026-09-01, før møtet 2026-09-08; saken kan bare drøftes anonymt (R2)"
        );
        assert!(p(false, d(9, 8)).message(Lang::En).contains("held through 2026-09-08, after the meeting"));
        assert!(p(false, d(9, 7)).message(Lang::En).contains("only through 2026-09-07, before the meeting"));
    }

    /// A file another program holds (on Windows) is told as such, with what to do.
    #[test]
    fn a_file_held_by_another_program_says_so() {
        let e = std::io::Error::from(std::io::ErrorKind::ResourceBusy);
        let p = Problem::FileAccess { path: "cases/2027/x.toml".into(), write: true, cause: IoCause::of(&e) };
        assert_eq!(p.message(Lang::Nb), "kan ikke skrive cases/2027/x.toml: er åpen i et annet program");
        assert_eq!(p.message(Lang::En), "cannot write cases/2027/x.toml: is open in another program");
        assert!(p.help(Lang::Nb).unwrap().starts_with("lukk filen i programmet"));
    }
}
