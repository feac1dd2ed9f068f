//! The help texts in English, for `--lang en`, keyed by command path and argument id.
//!
//! The Norwegian texts are the doc comments and `after_help` beside each command's flags; this
//! table holds their English twins. `@about` is a command's one-line summary and `@after` its
//! examples. A test walks the whole command tree and fails on any Norwegian text without an
//! English one here, and on any entry here that no longer matches a command or flag.

/// (command path, argument id or `@about` / `@after`, English text).
pub const EN: &[(&str, &str, &str)] = &[
    (
        "rt",
        "@about",
        "The resource team tool: cases, meetings and minutes for the family centre's resource team",
    ),
    (
        "rt",
        "@after",
        "Examples:\n  rt refer --way bti --initials A.B. --born 2019-04-12 ...\n  rt list --status referred\n  rt check",
    ),
    ("rt", "dir", "The team folder (else RT_DIR, or the nearest folder upwards that holds rt.toml)"),
    ("rt", "today", "Act as if today were DATE (YYYY-MM-DD), to test or to look back; also RT_TODAY"),
    ("rt", "lang", "Language of messages and documents: nb (Norwegian) or en (English); also RT_LANG"),
    ("rt", "help", "Show help"),
    ("rt", "version", "Show the version"),
    // rt init
    ("rt init", "@about", "Create a new team folder with a commented rt.toml and tiltaksbank.toml"),
    (
        "rt init",
        "@after",
        "Examples:\n  rt init resource-team\n  rt init . --team 'Resource team Nordby family centre' --leader 'Ingrid Dahl' --email ingrid.dahl@kommune.no",
    ),
    ("rt init", "dir", "The folder to become the team folder (created if missing)"),
    ("rt init", "team", "The team's name"),
    ("rt init", "leader", "The leader's name (the municipal psychologist)"),
    ("rt init", "email", "The leader's e-mail address"),
    // rt refer
    ("rt refer", "@about", "Refer a case to the resource team (R1–R5, see docs/rutine.md)"),
    (
        "rt refer",
        "@after",
        "Examples:\n  rt refer --way bti --initials A.B. --born 2019-04-12 --consent --consent-by guardian \\\n           --copy-to barnevern --leader-consulted --referrer 'Kari Helse' --unit helsestasjon \\\n           --concern 'Unrest at kindergarten' --tried 'Talks with the parents' --wishes 'Calm at home'\n  rt refer --way user-case --anonymous --age 34 --referrer 'Per Rus' --unit psykisk-helse-rus \\\n           --concern '...' --tried '...' --wishes '...'\n  rt refer --way guidance --referrer 'Nina Fysio' --unit fysio-ergo --concern '...' --tried '...'\n\nWithout flags, at a terminal, rt asks for what is missing. On suspicion of violence or\nsexual abuse: contact child welfare or the police directly (R5, see docs/rutine.md). If the text uses words of\nthe R5 list (Norwegian words of hitting, bruises, threats, abuse …), rt asks again; without a terminal\n--no-violence-concern is required. A team may add its own words in r5-words.txt in the\nteam folder. Contact persons (--invite-contact) must be in rt.toml ([[members]] or [[contacts]]).",
    ),
    (
        "rt refer",
        "way",
        "Way in (R1, see docs/rutine.md): bti, user-case (a user's case outside BTI) or guidance (for employees)",
    ),
    (
        "rt refer",
        "anonymous",
        "Discuss the case anonymously: no initials or birth date (R3, see docs/rutine.md)",
    ),
    ("rt refer", "initials", "The user's initials, e.g. A.B. (never a full name)"),
    ("rt refer", "born", "The user's date of birth"),
    ("rt refer", "age", "Age, for the statistics (anonymous cases only)"),
    ("rt refer", "consent", "The user has consented to the case being discussed (R2, see docs/rutine.md)"),
    (
        "rt refer",
        "consent_by",
        "Who consented: user, guardian, or self (a young person over the age of consent)",
    ),
    ("rt refer", "consent_date", "When consent was given (default: today)"),
    ("rt refer", "consent_expires", "When the consent runs out"),
    (
        "rt refer",
        "copy_to",
        "The units the user consents to receiving a copy of the minutes (R10, see docs/rutine.md)",
    ),
    (
        "rt refer",
        "leader_consulted",
        "The referral has been discussed with the unit leader (R2, see docs/rutine.md)",
    ),
    ("rt refer", "referrer", "Your name (the employee who refers the case)"),
    ("rt refer", "unit", "Your unit (an id from rt.toml); may be left out for standing members"),
    ("rt refer", "concern", "The user's or family's situation: what the concern is (R4, see docs/rutine.md)"),
    ("rt refer", "tried", "What has been tried before (R4, see docs/rutine.md)"),
    ("rt refer", "wishes", "What matters to the user (R4, see docs/rutine.md; not for guidance cases)"),
    ("rt refer", "question", "What you would like the team to help with"),
    (
        "rt refer",
        "invite_contact",
        "A contact person at the family centre the user wants present, as named in rt.toml (may be repeated; not in an anonymous case)",
    ),
    ("rt refer", "bti_level", "BTI level 0–3 (default 1 for BTI cases)"),
    (
        "rt refer",
        "meeting",
        "Put the case on the meeting of this date (else: the first meeting after the deadline with room)",
    ),
    (
        "rt refer",
        "violence",
        "The case concerns suspected violence or sexual abuse (then it is not referred, R5; see docs/rutine.md)",
    ),
    (
        "rt refer",
        "no_violence_concern",
        "You have considered R5 (see docs/rutine.md) and suspect no violence or abuse, though the text uses words that may point to it",
    ),
    ("rt refer", "dry_run", "Show the case file that would be written, without writing it"),
    // rt list
    ("rt list", "@about", "List the cases"),
    (
        "rt list",
        "@after",
        "Examples:\n  rt list\n  rt list --status referred --half 2027H1\n  rt list --meeting 2027-01-19 --format json",
    ),
    ("rt list", "status", "Only cases with this status: referred, scheduled, discussed, decided, closed"),
    ("rt list", "holder", "Only cases in follow-up with this stafettholder"),
    ("rt list", "half", "Only cases referred in this half-year, e.g. 2027H1"),
    ("rt list", "way", "Only cases with this way in: bti, user-case, guidance"),
    ("rt list", "meeting", "Only cases on the meeting of this date"),
    ("rt list", "format", "Output: text (a table) or json"),
    // rt show
    ("rt show", "@about", "Show one case"),
    ("rt show", "@after", "Examples:\n  rt show 2027-01-05-k7q2\n  rt show 2027-01-05-k7q2 --format json"),
    ("rt show", "id", "Case id, e.g. 2027-01-05-k7q2"),
    ("rt show", "format", "Output: text or json"),
    // rt schedule
    (
        "rt schedule",
        "@about",
        "A half-year's meetings with their cases; publish, cancel or move meetings (R6, see docs/rutine.md)",
    ),
    (
        "rt schedule",
        "@after",
        "Examples:\n  rt schedule                          this half-year's meetings, with their cases\n  rt schedule --half 2027H1 --format ics --out resource-team-2027H1.ics\n  rt schedule --publish --half 2027H1  fix the dates and send them out\n  rt schedule --cancel 2027-03-16 --reason 'Course for the whole team'\n  rt schedule --move 2027-03-16 --to 2027-03-18",
    ),
    (
        "rt schedule",
        "half",
        "The half-year, e.g. 2027H1 (January–June) or 2027H2 (July–December); default: the current one",
    ),
    ("rt schedule", "format", "Output: text, json or ics (a calendar file)"),
    ("rt schedule", "out", "Write to this file instead of the screen"),
    ("rt schedule", "publish", "Publish the half-year: write meetings/HALF.toml, so the dates are fixed"),
    (
        "rt schedule",
        "cancel",
        "Cancel the meeting on this date; its cases move to the next meeting with room",
    ),
    ("rt schedule", "reason", "Why the meeting is cancelled (shown in the calendar and the file)"),
    ("rt schedule", "move_from", "Move the meeting on this date (with --to)"),
    ("rt schedule", "to", "The new date of the meeting being moved"),
    // rt agenda
    (
        "rt agenda",
        "@about",
        "The invitation to a meeting, as text, as a mail draft, or sent (R7, see docs/rutine.md)",
    ),
    (
        "rt agenda",
        "@after",
        "Examples:\n  rt agenda                              the next meeting's invitation\n  rt agenda --meeting 2027-01-12 --format eml --out invitation.eml\n  rt agenda --send --dry-run                    who would get it, without sending\n  RT_SMTP_PASSORD=... rt agenda --send          send through the mail server in rt.toml ([mail])\n\nThe standing members get one mail with every case. Whoever refers a case and is no standing\nmember, and the contact persons the user wants there, each get a mail of their own with only\ntheir case and its time; with --format eml, --out is then a folder (one draft per mail).\n\nThe templates are templates/agenda.en.txt and agenda-guest.en.txt (the subjects:\nagenda-subject.en.txt and agenda-guest-subject.en.txt); a file of the same name in the team\nfolder's templates/ replaces the built-in one. The variables: templates/README.md.",
    ),
    ("rt agenda", "meeting", "The meeting (its date); default: the next meeting from today"),
    ("rt agenda", "format", "Output: text or eml (a mail draft)"),
    (
        "rt agenda",
        "out",
        "Write to this file (or folder, when there are several mails) instead of the screen",
    ),
    (
        "rt agenda",
        "send",
        "Send the invitation through the mail server in rt.toml ([mail]) and show each recipient's answer",
    ),
    ("rt agenda", "dry_run", "With --send: show what would be sent, without sending"),
    // rt minutes
    (
        "rt minutes",
        "@about",
        "Draft minutes for the cases of a meeting, or for one case (R8–R10, see docs/rutine.md)",
    ),
    (
        "rt minutes",
        "@after",
        "Examples:\n  rt minutes 2026-11-16-mcax                     one set of minutes to the screen (Markdown)\n  rt minutes --meeting 2026-12-08 --out minutes/ --absent 'Eirik Moen'\n  rt minutes 2026-11-16-mcax --format html --out minutes/\n  pandoc minutes/minutes-2026-12-08-2026-11-16-mcax.md -o minutes.docx\n\nWho was there is stored with the meeting in meetings/HALF.toml the first time its minutes\nare made after the meeting (or with --absent/--guest), and used by every later set of\nminutes of the meeting. A draft in the --out folder that was edited is replaced only with --force.",
    ),
    ("rt minutes", "id", "Case id (one set of minutes)"),
    ("rt minutes", "meeting", "Every case on the meeting of this date"),
    ("rt minutes", "format", "Output: md (Markdown for Pandoc) or html (for printing)"),
    ("rt minutes", "out", "A folder to write the minutes to, one file per case"),
    (
        "rt minutes",
        "force",
        "Replace drafts in the --out folder even if they were changed since rt wrote them",
    ),
    (
        "rt minutes",
        "absent",
        "A standing member, or an invited guest, who was not present (may be repeated; stored with the meeting)",
    ),
    (
        "rt minutes",
        "guest",
        "A guest who was present, from [[contacts]] in rt.toml (may be repeated; stored with the meeting)",
    ),
    // rt record
    (
        "rt record",
        "@about",
        "Save the team's assessment and proposed measures for a case (R8, see docs/rutine.md)",
    ),
    (
        "rt record",
        "@after",
        "Examples:\n  rt record 2026-11-16-mcax --propose oppfolging-rus,samtaler-helsesykepleier \\\n      --assessment 'Anxiety and early substance use; needs one steady adult' \\\n      --next-step 'Samira arranges a meeting with the young person' --follow-up 2027-01-19\n  rt record 2026-11-02-4mvl --propose cos-p-samspill:helsestasjon --level2 --assessment '...' --next-step '...'",
    ),
    ("rt record", "id", "Case id"),
    (
        "rt record",
        "propose",
        "Measures the team proposes (ids from the tiltaksbank); MEASURE:UNIT gives the assignment to another unit",
    ),
    ("rt record", "assessment", "The team's assessment (in a guidance case: the team's advice)"),
    ("rt record", "next_step", "The next step"),
    (
        "rt record",
        "level2",
        "BTI: the case is lifted to an interagency meeting for ages 0–6 or school (level 2)",
    ),
    (
        "rt record",
        "follow_up",
        "Follow-up date (default: six weeks after the meeting, or the next meeting if one then is cancelled)",
    ),
    ("rt record", "evaluate", "When the measures are to be evaluated (default: the follow-up date)"),
    ("rt record", "coordinator", "Who coordinates from here, the baton holder (default: the referrer)"),
    ("rt record", "date", "The date of the meeting that discussed the case (default: the meeting it is on)"),
    // rt decide
    ("rt decide", "@about", "Save the user's own decision on the measures (R9, see docs/rutine.md)"),
    (
        "rt decide",
        "@after",
        "Examples:\n  rt decide 2026-11-16-mcax --accept oppfolging-rus --decline samtaler-helsesykepleier\n  rt decide 2026-11-02-4mvl --accept cos-p-samspill --date 2026-11-20\n  rt decide 2026-11-02-4mvl --decline cos-p-samspill --change\n\nThe answers add to those the user gave before; the case is decided once every measure has one.",
    ),
    ("rt decide", "id", "Case id"),
    ("rt decide", "accept", "Measures the user accepts"),
    ("rt decide", "decline", "Measures the user declines"),
    (
        "rt decide",
        "change",
        "Change an answer the user already gave (the change is dated and shown by `rt show`)",
    ),
    ("rt decide", "date", "When the user answered (default: today)"),
    // rt close
    ("rt close", "@about", "Close a case"),
    (
        "rt close",
        "@after",
        "Examples:\n  rt close 2026-09-01-nknk\n  rt close 2026-11-20-ung2 --reason 'Withdrawn: the family has moved'",
    ),
    ("rt close", "id", "Case id"),
    (
        "rt close",
        "reason",
        "Why the case is closed (required before the user's decision, e.g. withdrawn; not after a withdrawn consent or for an advised guidance case; in follow-up: goal-reached, concern-gone, individual-plan or user-ended)",
    ),
    ("rt close", "date", "When the case is closed (default: today)"),
    // rt plan
    (
        "rt plan",
        "@about",
        "The follow-up plan: goals, measures, evaluation, services (R13, see docs/rutine.md)",
    ),
    (
        "rt plan",
        "@after",
        "Examples:\n  rt plan 2026-11-16-mcax --goal 'The young person goes to school every day'\n  rt plan 2026-11-16-mcax --measure oppfolging-rus --responsible 'Samira Aziz' --evaluate 2027-03-01 --goal 1\n  rt plan 2026-11-16-mcax --participant barnevern --task 'Talks with the parents'\n  rt plan 2026-11-16-mcax --evaluated oppfolging-rus --result continue --note 'Meets regularly'\n\nThe follow-up (the stafettlogg) starts after the user's decision, with the coordinator as the\nstafettholder. A service takes part only when the user's consent covers it (R2, R13; see docs/rutine.md).",
    ),
    ("rt plan", "id", "Case id"),
    (
        "rt plan",
        "goal",
        "A goal of the follow-up (alone); with --measure: the number of the goal the measure serves",
    ),
    (
        "rt plan",
        "measure",
        "A measure of the plan (an id from the tiltaksbank; preferably one the user accepted)",
    ),
    (
        "rt plan",
        "responsible",
        "Who is responsible for the measure (the unit's leader decides who, R9, see docs/rutine.md)",
    ),
    ("rt plan", "evaluate", "When the measure is evaluated"),
    ("rt plan", "participant", "A service taking part in the follow-up (a unit of rt.toml)"),
    ("rt plan", "task", "The service's task"),
    ("rt plan", "evaluated", "A measure of the plan that has been evaluated"),
    ("rt plan", "result", "What the evaluation found: continue, change or stop"),
    ("rt plan", "note", "A short note of the evaluation"),
    ("rt plan", "date", "The date (default: today)"),
    // rt stafett
    (
        "rt stafett",
        "@about",
        "Hand the stafett over to a new stafettholder, or accept it (R13, see docs/rutine.md)",
    ),
    (
        "rt stafett",
        "@after",
        "Examples:\n  rt stafett 2026-11-16-mcax --to 'Per Hansen'     propose a new stafettholder\n  rt stafett 2026-11-16-mcax --accept              the new one takes the stafett\n  rt stafett 2026-11-16-mcax --decline\n\nThe stafett changes hands only when the new stafettholder accepts it; until then the old one holds it.",
    ),
    ("rt stafett", "id", "Case id"),
    ("rt stafett", "to", "Propose a new stafettholder"),
    ("rt stafett", "accept", "The proposed holder accepts the stafett"),
    ("rt stafett", "decline", "The proposed holder declines the stafett"),
    ("rt stafett", "date", "The date (default: today)"),
    // rt logg
    ("rt logg", "@about", "Write in the stafettlogg, or show it (R13, see docs/rutine.md)"),
    (
        "rt logg",
        "@after",
        "Examples:\n  rt logg 2026-11-16-mcax 'Talked with the mother; new meeting agreed' --by 'Samira Aziz'\n  rt logg 2026-11-16-mcax                       the whole stafettlogg\n  rt logg 2026-11-16-mcax --format html --out stafettlogg.html\n\nThe stafettlogg belongs to the user: it replaces the meeting minutes in the follow-up, not the\nservices' own records. It is archived at the referring unit (R10; see docs/rutine.md).",
    ),
    ("rt logg", "id", "Case id"),
    ("rt logg", "text", "A new, short log entry (without it the log is shown)"),
    ("rt logg", "by", "Who writes"),
    ("rt logg", "date", "The day the entry is about (default: today)"),
    ("rt logg", "format", "Output: text, md or html"),
    ("rt logg", "out", "Write to this file instead of the screen"),
    // rt frister
    ("rt frister", "@about", "What is due or soon due (R14, see docs/rutine.md)"),
    (
        "rt frister",
        "@after",
        "Examples:\n  rt frister                          what is overdue, and what is due in the next 7 days\n  rt frister --within 30 --holder 'Samira Aziz'\n  rt frister --format ics --out due.ics\n\nThe list holds invitations (a week before the meeting), meetings without a recorded outcome,\ndecisions waited for too long ([followup] decision_days in rt.toml, default 14), evaluations,\nhand-overs of the stafett not accepted, consents running out, and cases due for anonymisation.",
    ),
    ("rt frister", "within", "How many days ahead, 0–3660 (default 7)"),
    ("rt frister", "holder", "Only what falls to this stafettholder"),
    ("rt frister", "format", "Output: text, json or ics"),
    ("rt frister", "out", "Write to this file instead of the screen"),
    // rt tiltak
    (
        "rt tiltak",
        "@about",
        "The tiltaksbank: search, add, import, export, publish (R11, see docs/rutine.md)",
    ),
    (
        "rt tiltak",
        "@after",
        "Examples:\n  rt tiltak search foreldre\n  rt tiltak list --age 7 --access open --level universal\n  rt tiltak show kid-kurs",
    ),
    ("rt tiltak list", "@about", "List the measures, by provider, access, level or age"),
    (
        "rt tiltak list",
        "@after",
        "Examples:\n  rt tiltak list\n  rt tiltak list --provider barnevern --access via-team\n  rt tiltak list --age 7 --level universal\n  rt tiltak list --provider kulturskole",
    ),
    (
        "rt tiltak list",
        "provider",
        "Only measures of this provider: a unit or another service (an id from rt.toml)",
    ),
    ("rt tiltak list", "access", "Only measures with this access: open, via-team, referral or decision"),
    ("rt tiltak list", "level", "Only measures of this level: universal, selective or indicated"),
    (
        "rt tiltak list",
        "age",
        "Only measures that fit this age (measures for parents fit the child's age and adults)",
    ),
    ("rt tiltak list", "format", "Output: text or json"),
    (
        "rt tiltak search",
        "@about",
        "Search names, descriptions and tags (o for ø, a for å, ae for æ will do)",
    ),
    ("rt tiltak search", "@after", "Examples:\n  rt tiltak search foreldre\n  rt tiltak search okonomi"),
    ("rt tiltak search", "text", "The words to search for"),
    ("rt tiltak search", "format", "Output: text or json"),
    ("rt tiltak show", "@about", "Show one measure"),
    (
        "rt tiltak show",
        "@after",
        "Examples:\n  rt tiltak show kid-kurs\n  rt tiltak show familierad --format json",
    ),
    ("rt tiltak show", "id", "The measure's id"),
    ("rt tiltak show", "format", "Output: text or json"),
    ("rt tiltak add", "@about", "Add a measure to tiltaksbank.toml (comments and order are kept)"),
    (
        "rt tiltak add",
        "@after",
        "Examples:\n  rt tiltak add --name 'Sleep course for parents' --provider helsestasjon --access open \\\n      --level universal --target 'Foreldre til barn 0–6 år' --tag sleep,parents\n  rt tiltak add --id coping-course-youth --name 'Coping course for young people' \\\n      --provider psykisk-helse-rus --access via-team --age-min 13 --age-max 18\n  rt tiltak add --name 'Speech therapy' --provider ppt --access referral --referral-from 'school or kindergarten'\n  rt tiltak add                  at a terminal: rt asks for what is missing",
    ),
    ("rt tiltak add", "id", "A fixed id (lowercase letters, digits, hyphens); default: made from the name"),
    ("rt tiltak add", "name", "The measure's name"),
    ("rt tiltak add", "provider", "Who offers the measure: a unit or another service (an id from rt.toml)"),
    (
        "rt tiltak add",
        "access",
        "open (apply directly), via-team (the resource team sets it in), referral or decision",
    ),
    ("rt tiltak add", "referral_from", "For a referral: from whom, e.g. fastlege"),
    ("rt tiltak add", "level", "The level of the pyramid: universal, selective or indicated"),
    (
        "rt tiltak add",
        "target",
        "The target group as written, e.g. 'Barn 6–12 år' or 'Småbarnsforeldre' (gives the ages)",
    ),
    (
        "rt tiltak add",
        "age_min",
        "The youngest age the measure fits (default: from the target group, else 0)",
    ),
    (
        "rt tiltak add",
        "age_max",
        "The oldest age the measure fits (default: from the target group, else 120)",
    ),
    (
        "rt tiltak add",
        "parents",
        "The measure is for parents of children of these ages (default: from the target group)",
    ),
    ("rt tiltak add", "description", "What the measure is"),
    ("rt tiltak add", "contact", "How to get the measure: whom to contact"),
    ("rt tiltak add", "link", "A link to more information"),
    ("rt tiltak add", "tags", "Tags for searching (may be repeated, or separated by commas)"),
    (
        "rt tiltak import",
        "@about",
        "Read measures from a spreadsheet (.xlsx) or a .csv file; writes only with --apply",
    ),
    (
        "rt tiltak import",
        "@after",
        "Examples:\n  rt tiltak import Forebyggende_tiltak.xlsx                  show what would happen, row by row\n  rt tiltak import Forebyggende_tiltak.xlsx --apply          write to tiltaksbank.toml\n  rt tiltak import measures.xlsx --header-row 4 --add-providers --apply\n  rt tiltak import measures.csv --map 'What=name' --default-access open --apply\n\nThe header row is found among the first rows. Columns are found by their headers:\nTiltak/Navn, Tjeneste/Enhet/Tilbyder, Slik får du tilbudet/Henvisning/Tilgang, Nivå,\nMålgruppe, Alder, Alder fra, Alder til, Beskrivelse, Kontaktinformasjon/Kontakt, Lenke,\nStikkord, Id. A column missing from the sheet leaves that field alone. A field edited by\nhand in tiltaksbank.toml since the last import is kept (see --overwrite-edited).\n\nMerged cells (.xlsx) count for every row they cover. A row with only a service is a heading:\nthe service holds for the rows below. Empty service, access and contact cells are taken from\nthe row above when it is of the same service (not in a sheet with an Id column), and the\nchecklist says so on the row (\"… from the row above\"). The texts follow the rules of\n`rt tiltak add`: no national id, no control characters, and only the description may have\nseveral lines; a row that breaks them is skipped and told.",
    ),
    ("rt tiltak import", "file", "The spreadsheet (.xlsx) or CSV file"),
    ("rt tiltak import", "sheet", "The sheet to read (default: the first)"),
    ("rt tiltak import", "header_row", "The row of the headers (default: found among the first rows)"),
    ("rt tiltak import", "map", "Read a column as a field: COLUMN=field (the column's header or letter)"),
    (
        "rt tiltak import",
        "default_access",
        "Access for rows that do not say: open, via-team, referral or decision",
    ),
    ("rt tiltak import", "add_providers", "Add services not in rt.toml under [[providers]]"),
    (
        "rt tiltak import",
        "overwrite_edited",
        "Write the sheet's values also over fields edited by hand since the last import",
    ),
    ("rt tiltak import", "apply", "Write the changes (without it, only show what would happen)"),
    ("rt tiltak export", "@about", "Write the tiltaksbank as CSV, or as Open Referral HSDS (JSON)"),
    (
        "rt tiltak export",
        "@after",
        "Examples:\n  rt tiltak export --out measures.csv\n  rt tiltak export --format hsds --open-only --out services.json",
    ),
    ("rt tiltak export", "format", "csv (for Excel) or hsds (Open Referral, JSON)"),
    ("rt tiltak export", "open_only", "Only open measures (those residents may apply for themselves)"),
    ("rt tiltak export", "out", "Write to this file instead of the screen"),
    // rt tiltak site
    (
        "rt tiltak site",
        "@about",
        "The tiltaksbank as a web site with search and filters, no server (R15, see docs/rutine.md)",
    ),
    (
        "rt tiltak site",
        "@after",
        "Examples:\n  rt tiltak site --out website                  for residents, in Norwegian\n  rt tiltak site --out internal --audience staff every measure, for employees\n  rt tiltak site --out site-en --lang en\n\nThe site is plain HTML and CSS files with no external requests: index.html, style.css,\nfilter.js and tiltak/ID.html for each measure. Search and filters work without JavaScript\n(lists by age, provider, level and way in) and filter at once with JavaScript. The templates\ncan be overridden in templates/ (site-index, site-measure, site.css, site.js).",
    ),
    ("rt tiltak site", "out", "The folder to write the site to (new, empty, or an earlier site of rt's)"),
    (
        "rt tiltak site",
        "audience",
        "public (residents: what they can get themselves; measures via the team as one line) or staff (all)",
    ),
    ("rt tiltak site", "force", "Write into a folder that holds other files (rt changes only its own)"),
    // rt report
    (
        "rt report",
        "@about",
        "The half-year evaluation: facts, charts and the pattern questions (R12, see docs/rutine.md)",
    ),
    (
        "rt report",
        "@after",
        "Examples:\n  rt report                                  the half-year just ended\n  rt report --half 2026H2 --format html --out evaluation.html --notes answers.txt\n  rt report --current --format json\n\n--notes reads the team's own answers: the text under the lines \"What has been good?\",\n\"Why?\", \"What can be better?\" and \"How?\". Counts of 1 or 2 people are shown as \"hidden\",\nand so are the figures that could otherwise be used to work them out (turned off with\nsmall_numbers = false under [privacy] in rt.toml).",
    ),
    ("rt report", "half", "The half-year, e.g. 2026H2; default: the half-year just ended"),
    ("rt report", "current", "The half-year we are in"),
    ("rt report", "format", "Output: md, html or json"),
    ("rt report", "notes", "The team's answers to the pattern questions, as text"),
    ("rt report", "out", "Write to this file instead of the screen"),
    // rt consent
    ("rt consent", "@about", "Withdraw the consent; close or go on anonymously (R2, see docs/rutine.md)"),
    (
        "rt consent",
        "@after",
        "Examples:\n  rt consent 2026-11-19-kefo --withdraw\n  rt consent 2026-11-19-kefo --withdraw --then anonymous --date 2026-11-20\n  rt consent 2026-11-19-kefo --then close",
    ),
    ("rt consent", "id", "Case id"),
    (
        "rt consent",
        "withdraw",
        "The user withdraws consent: from now on nothing shows the user's identity, and no unit gets a copy of the minutes",
    ),
    (
        "rt consent",
        "then",
        "What happens to the case once the consent is gone: close, or anonymous (discussed further anonymously; the identity is removed)",
    ),
    ("rt consent", "date", "When consent was withdrawn (default: today)"),
    // rt purge
    ("rt purge", "@about", "Anonymise closed cases after the retention period"),
    (
        "rt purge",
        "@after",
        "Examples:\n  rt purge --dry-run     show which cases would be anonymised\n  rt purge\n\nThe retention period is under [privacy] in rt.toml (retention_days, default 180 days).",
    ),
    ("rt purge", "dry_run", "Show what would be anonymised, without writing anything"),
    // rt check
    ("rt check", "@about", "Check every file of the team folder"),
    ("rt check", "@after", "Examples:\n  rt check\n  rt check --verbose\n  rt --dir /path/to/team check"),
    ("rt check", "verbose", "Show each file on its own, also when many files have the same finding"),
    // rt sync
    ("rt sync", "@about", "Fetch the others' changes and send yours (git pull --rebase and push)"),
    (
        "rt sync",
        "@after",
        "Examples:\n  rt sync                 fetch the others' changes and send yours\n  rt --dir ~/resource-team sync\n\nThe team folder must be a git repository with an upstream (git clone URL, or git push -u\norigin main the first time). Git uses your own credentials.",
    ),
    // rt completions
    ("rt completions", "@about", "Tab completion scripts for bash, zsh, fish or PowerShell"),
    (
        "rt completions",
        "@after",
        "Examples:\n  rt completions bash > ~/.local/share/bash-completion/completions/rt\n  rt completions zsh > ~/.zfunc/_rt          (with fpath+=~/.zfunc in ~/.zshrc)\n  rt completions fish > ~/.config/fish/completions/rt.fish\n  rt completions powershell >> $PROFILE",
    ),
    ("rt completions", "shell", "The shell: bash, zsh, fish or powershell"),
    // rt man
    ("rt man", "@about", "The manual pages (man), to the screen or one per command in a folder"),
    (
        "rt man",
        "@after",
        "Examples:\n  rt man | man -l -                           read the manual now\n  rt man --out ~/.local/share/man/man1        one page per command; then `man rt-refer`",
    ),
    ("rt man", "out", "Write one page per command into this folder (else rt.1 to the screen)"),
];

/// The English text for a command path and key, if there is one.
pub fn text(path: &str, key: &str) -> Option<&'static str> {
    EN.iter().find(|(p, k, _)| *p == path && *k == key).map(|(_, _, t)| *t)
}

/// The English for a Norwegian value name (`<DATO>` → `<DATE>`).
pub fn value_name(nb: &str) -> &str {
    match nb {
        "ARK" => "SHEET",
        "DATO" => "DATE",
        "E-POST" => "EMAIL",
        "ENHET" => "UNIT",
        "FIL" => "FILE",
        "HALVÅR" => "HALF",
        "HVEM" => "WHO",
        "KOLONNE=FELT" => "COLUMN=FIELD",
        "MAPPE" => "DIR",
        "NAVN" => "NAME",
        "NIVÅ" => "LEVEL",
        "ORD" => "WORD",
        "SKALL" => "SHELL",
        "SPRÅK" => "LANG",
        "TEKST" => "TEXT",
        "TILGANG" => "ACCESS",
        "TILTAK" => "MEASURE",
        "VALG" => "CHOICE",
        "VEI" => "WAY",
        "ÅR" => "YEARS",
        "DAGER" => "DAYS",
        "RESULTAT" => "RESULT",
        "TEKST|NR" => "TEXT|NO",
        other => other,
    }
}
