//! `rt agenda`: the invitation mail for a meeting (R7), from a template — as text, or as an
//! `.eml` draft that Outlook opens ready to send.
//!
//! It carries the users' initials and birth dates and nothing more about them: the view a
//! template gets has no situation texts to leak (see `render::agenda`).

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::cli::date_arg;
use crate::error::Error;
use crate::lang::Lang;
use crate::mail;
use crate::model::{CaseSummary, Config, MailSecurity, Meeting};
use crate::problem::Problem;
use crate::render::{self, Templates, agenda};
use crate::session::Session;
use crate::store::atomic::Privacy;
use crate::store::load;

/// Output formats of `rt agenda`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// The mail as text.
    #[default]
    Text,
    /// An e-mail message (RFC 5322) that opens as an unsent draft.
    Eml,
}

/// Flags of `rt agenda`.
#[derive(clap::Args, Debug)]
#[command(after_help = "Eksempler:
  rt agenda                              innkallingen til neste møte
  rt agenda --meeting 2027-01-12 --format eml --out innkalling.eml
  rt agenda --send --dry-run                    hvem som ville fått den, uten å sende
  RT_SMTP_PASSORD=... rt agenda --send          send via e-posttjeneren i rt.toml ([mail])

Malen er templates/agenda.nb.txt (emnet: templates/agenda-subject.nb.txt); en fil med samme
navn i team-mappens templates/ erstatter den innebygde. Variablene: templates/README.md.
Malen får team, leader, meeting (date, date_long, weekday, start, end, place, capacity),
cases (number, slot_start, slot_end, referrer, unit_name, way_label, kind, initials,
born_long, invite), contacts, members og next (date_long, deadline_long).")]
pub struct Args {
    /// Møtet (dato); standard: neste møte fra i dag
    #[arg(long, value_name = "DATO", value_parser = date_arg)]
    pub meeting: Option<NaiveDate>,
    /// Utdata: text eller eml (e-postutkast)
    #[arg(long, value_name = "FORMAT", default_value = "text", conflicts_with = "send")]
    pub format: Format,
    /// Skriv til denne filen i stedet for til skjermen
    #[arg(long, value_name = "FIL", conflicts_with = "send")]
    pub out: Option<PathBuf>,
    /// Send innkallingen via e-posttjeneren i rt.toml ([mail]) og vis svaret for hver mottaker
    #[arg(long)]
    pub send: bool,
    /// Med --send: vis hva som ville blitt sendt, uten å sende
    #[arg(long, requires = "send")]
    pub dry_run: bool,
}

/// Runs `rt agenda`.
pub fn run(args: Args, ctx: &Session) -> Result<i32, Error> {
    let config = ctx.config()?;
    let lang = ctx.lang;
    let meetings = load::meetings_around(&ctx.team, config, ctx.today, args.meeting)?;
    let meeting = choose(&meetings, args.meeting, ctx.today)?;
    let next = meetings.iter().filter(|m| m.is_open() && m.date > meeting.date).map(|m| m.date).min();
    let (all, diags) = load::summaries(&ctx.team);
    super::warn_unreadable_cases(ctx, &diags, super::LEFT_OUT);
    let cases: Vec<&CaseSummary> =
        all.iter().map(|c| &c.case).filter(|c| c.meeting == Some(meeting.date)).collect();

    let view = agenda::view(config, meeting, &cases, next, lang);
    let templates = Templates::load(&ctx.team)?;
    let body = templates.render(&render::name("agenda", lang), &view)?;
    let subject = templates.render(&render::name("agenda-subject", lang), &view)?.trim().to_string();
    // The mail goes from the leader to the standing members; contact persons who are not
    // already among them, and whose address is known, get a copy.
    let leader_email = view.leader.as_ref().map(|l| l.email.to_lowercase()).unwrap_or_default();
    let to: Vec<agenda::PersonView> =
        view.members.iter().filter(|m| m.email.to_lowercase() != leader_email).cloned().collect();
    let cc: Vec<agenda::PersonView> = view
        .contacts
        .iter()
        .filter(|c| {
            !c.email.is_empty() && !view.members.iter().any(|m| m.email.eq_ignore_ascii_case(&c.email))
        })
        .cloned()
        .collect();

    // The mail as a message: it needs a sender, the leader.
    let draft = || -> Result<mail::Draft<'_>, Error> {
        Ok(mail::Draft {
            from: view.leader.as_ref().ok_or(Error::Stop(Problem::NoLeader))?,
            to: &to,
            cc: &cc,
            subject: &subject,
            body: &body,
            date: ctx.now,
            message_id: message_id(meeting, ctx),
        })
    };
    if to.is_empty() && cc.is_empty() {
        if args.send {
            return Err(Error::Stop(Problem::NoRecipients));
        }
        ctx.warn(&Problem::NoRecipients);
    }
    if args.send {
        return send(ctx, config, &draft()?, args.dry_run);
    }
    let bytes = match args.format {
        Format::Text => text(&subject, &to, &cc, &body, lang).into_bytes(),
        Format::Eml => mail::eml(&draft()?)?,
    };
    super::write_or_print(ctx, args.out.as_deref(), &String::from_utf8_lossy(&bytes), Privacy::Private)?;
    if cases.is_empty() {
        ctx.note(lang.pick(
            format!(
                "Ingen saker til møtet {}; vurder `rt schedule --cancel {} --reason ...`.",
                meeting.date, meeting.date
            ),
            format!(
                "No cases for the meeting on {}; consider `rt schedule --cancel {} --reason ...`.",
                meeting.date, meeting.date
            ),
        ));
    }
    Ok(0)
}

/// A Message-ID of our own domain, unique per meeting and moment.
fn message_id(meeting: &Meeting, ctx: &Session) -> String {
    format!(
        "agenda.{}.{}.{}@ressursteam.rt",
        meeting.date.format("%Y%m%d"),
        ctx.now.format("%Y%m%d%H%M%S"),
        meeting.uid.split('@').next().unwrap_or_default()
    )
}

/// `--send`: through the team's SMTP server, with the server's answer for every recipient.
/// Exit 1 when any recipient was refused (the others did get it).
fn send(ctx: &Session, config: &Config, draft: &mail::Draft, dry_run: bool) -> Result<i32, Error> {
    let lang = ctx.lang;
    let server = config.mail.as_ref().ok_or(Error::Stop(Problem::NoMailServer))?;
    let (message, envelope) = mail::outgoing(draft)?;
    let via = format!("{}:{} ({})", server.host, server.port, server.security.code());
    let name_of = |address: &str| {
        draft
            .to
            .iter()
            .chain(draft.cc)
            .chain(std::iter::once(draft.from))
            .find(|p| p.email.trim().eq_ignore_ascii_case(address))
            .map_or_else(|| address.to_string(), |p| format!("{} <{address}>", p.name))
    };
    if dry_run {
        let mut out = lang.pick(
            format!(
                "Ville sendt «{}» via {via}, fra {}, til:
",
                draft.subject,
                name_of(&draft.from.email)
            ),
            format!(
                "Would send «{}» via {via}, from {}, to:
",
                draft.subject,
                name_of(&draft.from.email)
            ),
        );
        for to in envelope.to() {
            out.push_str(&format!(
                "  {}
",
                name_of(to.as_ref())
            ));
        }
        ctx.print(&out)?;
        ctx.note(lang.pick("Prøvekjøring: ingenting er sendt.", "Dry run: nothing was sent."));
        return Ok(0);
    }
    let password = match &server.password_env {
        Some(var) if server.user.is_some() => {
            Some(ctx.secret(var).ok_or_else(|| Error::Stop(Problem::PasswordNotSet { var: var.clone() }))?)
        }
        _ => None,
    };
    if server.security == MailSecurity::None && !is_local(&server.host) {
        // A password sent in clear text across a network is a password given away.
        if password.is_some() {
            return Err(Problem::PlainPassword { host: server.host.clone() }.into());
        }
        ctx.warn(&Problem::Unencrypted { host: server.host.clone() });
    }
    let answers = mail::smtp::send(server, password.as_deref(), &envelope, &message)
        .map_err(|e| Error::from(Problem::Send { server: via.clone(), step: e.step, detail: e.detail }))?;
    let mut out = String::new();
    for a in &answers {
        let who = name_of(&a.address);
        out.push_str(&match &a.refused {
            None => format!("  {}  {who}\n", lang.pick("sendt ", "sent   ")),
            Some(why) => format!("  {}  {who}: {why}\n", lang.pick("avvist", "refused")),
        });
    }
    let refused = answers.iter().filter(|a| a.refused.is_some()).count();
    let sent = answers.len() - refused;
    ctx.print(&out)?;
    if refused == 0 {
        ctx.note(lang.pick(
            format!("Innkallingen er sendt til {sent} mottaker(e) via {via}."),
            format!("The invitation was sent to {sent} recipient(s) via {via}."),
        ));
        Ok(0)
    } else {
        Err(Error::Stop(Problem::RecipientsRefused { refused, sent }))
    }
}

/// Whether a host is this machine.
fn is_local(host: &str) -> bool {
    matches!(host, "localhost" | "127.0.0.1" | "::1" | "[::1]")
}

/// The meeting asked for (it must exist and not be cancelled), or the next one from today.
fn choose(meetings: &[Meeting], asked: Option<NaiveDate>, today: NaiveDate) -> Result<&Meeting, Error> {
    let next: Vec<NaiveDate> =
        meetings.iter().filter(|m| m.is_open() && m.date >= today).take(3).map(|m| m.date).collect();
    match asked {
        None => meetings
            .iter()
            .find(|m| m.is_open() && m.date >= today)
            .ok_or(Error::Stop(Problem::MeetingUnknown { date: today, next })),
        Some(date) => match meetings.iter().find(|m| m.date == date) {
            None => Err(Error::Stop(Problem::MeetingUnknown { date, next })),
            Some(m) if !m.is_open() => Err(Error::Stop(Problem::MeetingCancelled {
                date,
                reason: m.cancelled.clone().unwrap_or_default(),
            })),
            Some(m) => Ok(m),
        },
    }
}

/// The text form: the subject and recipients, then the body.
fn text(
    subject: &str,
    to: &[agenda::PersonView],
    cc: &[agenda::PersonView],
    body: &str,
    lang: Lang,
) -> String {
    let to: Vec<&str> = to.iter().map(|m| m.name.as_str()).collect();
    let mut out = format!(
        "{}: {subject}\n{}: {}\n",
        lang.pick("Emne", "Subject"),
        lang.pick("Til", "To"),
        to.join(", ")
    );
    if !cc.is_empty() {
        let names: Vec<&str> = cc.iter().map(|c| c.name.as_str()).collect();
        out.push_str(&format!("{}: {}\n", lang.pick("Kopi", "Cc"), names.join(", ")));
    }
    out.push('\n');
    out.push_str(body);
    out
}
