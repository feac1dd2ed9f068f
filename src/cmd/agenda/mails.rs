//! The mails of one invitation (R7 per person): one to the standing members with every
//! case, and one to each guest (see `rules::invitation`) with only the cases they come for —
//! never the other cases' initials and birth dates. Each mail has its own recipients, its
//! own Message-ID and, as a draft, its own file name.

use crate::error::Error;
use crate::lang::Lang;
use crate::mail;
use crate::model::Meeting;
use crate::render::agenda::{self, AgendaView, PersonView};
use crate::render::{self, Templates};
use crate::rules::invitation::Guest;
use crate::session::Session;

/// One mail of the invitation.
pub struct Mail {
    /// Who it goes to.
    pub to: Vec<PersonView>,
    pub subject: String,
    pub body: String,
    /// Without angle brackets.
    pub message_id: String,
    /// Its file name as a draft in a folder (no personal data: the date and a number).
    pub file: String,
}

impl Mail {
    /// The message, from the leader.
    pub fn draft<'a>(&'a self, from: &'a PersonView, ctx: &Session) -> mail::Draft<'a> {
        mail::Draft {
            from,
            to: &self.to,
            cc: &[],
            subject: &self.subject,
            body: &self.body,
            date: ctx.now,
            message_id: self.message_id.clone(),
        }
    }
}

/// Every mail of the invitation: the members' first, then one per guest with an address.
pub fn build(
    ctx: &Session,
    templates: &Templates,
    meeting: &Meeting,
    view: &AgendaView,
    guests: &[Guest],
) -> Result<Vec<Mail>, Error> {
    let lang = ctx.lang;
    let date = meeting.date;
    let leader_email = view.leader.as_ref().map(|l| l.email.to_lowercase()).unwrap_or_default();
    let to: Vec<PersonView> = view
        .members
        .iter()
        .filter(|m| !m.email.trim().is_empty() && m.email.to_lowercase() != leader_email)
        .cloned()
        .collect();
    let name = lang.pick("innkalling", "invitation");
    let mut mails = vec![Mail {
        to,
        subject: templates.render(&render::name("agenda-subject", lang), view)?.trim().to_string(),
        body: templates.render(&render::name("agenda", lang), view)?,
        message_id: message_id(meeting, ctx, 0),
        file: format!("{name}-{date}.eml"),
    }];
    for guest in guests.iter().filter(|g| g.email().is_some()) {
        let n = mails.len();
        let gv = agenda::guest_view(view, guest);
        mails.push(Mail {
            to: vec![gv.guest.clone()],
            subject: templates.render(&render::name("agenda-guest-subject", lang), &gv)?.trim().to_string(),
            body: templates.render(&render::name("agenda-guest", lang), &gv)?,
            message_id: message_id(meeting, ctx, n),
            file: format!("{name}-{date}-{}-{n}.eml", lang.pick("gjest", "guest")),
        });
    }
    Ok(mails)
}

/// A Message-ID of our own domain, unique per meeting, moment and mail.
fn message_id(meeting: &Meeting, ctx: &Session, n: usize) -> String {
    let mail = if n == 0 { String::new() } else { format!(".{n}") };
    format!(
        "agenda.{}.{}{mail}.{}@ressursteam.rt",
        meeting.date.format("%Y%m%d"),
        ctx.now.format("%Y%m%d%H%M%S"),
        meeting.uid.split('@').next().unwrap_or_default()
    )
}

/// The text form: each mail's subject and recipients, then its body.
pub fn text(mails: &[Mail], lang: Lang) -> String {
    let shown: Vec<String> = mails
        .iter()
        .map(|m| {
            let to: Vec<&str> = m.to.iter().map(|p| p.name.as_str()).collect();
            format!(
                "{}: {}\n{}: {}\n\n{}",
                lang.pick("Emne", "Subject"),
                m.subject,
                lang.pick("Til", "To"),
                to.join(", "),
                m.body
            )
        })
        .collect();
    shown.join(&format!("\n{}\n\n", "-".repeat(72)))
}
