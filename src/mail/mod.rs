//! The invitation as an e-mail message (RFC 5322): a draft that Outlook opens unsent, or a
//! message sent through the team's SMTP server (see [`smtp`]).
//!
//! Built with lettre, never by hand: it encodes a UTF-8 subject as an encoded-word, names
//! with æøå, and the body's transfer encoding. Names and the subject are refused if they
//! hold a line break or control character, so nothing from a file can forge a header.

pub mod smtp;

use std::time::SystemTime;

use chrono::{DateTime, FixedOffset};
use lettre::Message;
use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Mailbox, SinglePart};

use crate::error::Error;
use crate::problem::{HeaderPart, Problem};
use crate::render::agenda::PersonView;
use crate::rules::text::has_line_break_or_control;

/// What the message holds.
pub struct Draft<'a> {
    /// The sender (the team leader).
    pub from: &'a PersonView,
    /// The standing members.
    pub to: &'a [PersonView],
    /// Invited contact persons (those without an address are left out).
    pub cc: &'a [PersonView],
    /// The subject line.
    pub subject: &'a str,
    /// The text body.
    pub body: &'a str,
    /// The Date header.
    pub date: DateTime<FixedOffset>,
    /// The Message-ID, without angle brackets.
    pub message_id: String,
}

fn mailbox(p: &PersonView) -> Result<Mailbox, Error> {
    if has_line_break_or_control(&p.name) || has_line_break_or_control(&p.email) {
        return Err(Problem::HeaderLineBreak {
            what: HeaderPart::Recipient(p.name.escape_debug().to_string()),
        }
        .into());
    }
    let address = p
        .email
        .trim()
        .parse()
        .map_err(|e| Error::from(Problem::Mail { detail: format!("{}: {e}", p.email) }))?;
    Ok(Mailbox::new(Some(p.name.clone()), address))
}

/// The message as bytes, ready to be saved as `.eml` and opened as an unsent draft.
pub fn eml(d: &Draft) -> Result<Vec<u8>, Error> {
    Ok(message(d, true)?.formatted())
}

/// The message to send, and its envelope (the sender and every recipient).
pub fn outgoing(d: &Draft) -> Result<(Vec<u8>, lettre::address::Envelope), Error> {
    let message = message(d, false)?;
    Ok((message.formatted(), message.envelope().clone()))
}

fn message(d: &Draft, draft: bool) -> Result<Message, Error> {
    if has_line_break_or_control(d.subject) {
        return Err(Problem::HeaderLineBreak { what: HeaderPart::Subject }.into());
    }
    let from = mailbox(d.from)?;
    let mut builder = Message::builder()
        .from(from.clone())
        .subject(d.subject)
        .date(SystemTime::from(d.date))
        .message_id(Some(format!("<{}>", d.message_id)));
    if draft {
        builder =
            builder.raw_header(HeaderValue::new(HeaderName::new_from_ascii_str("X-Unsent"), "1".into()));
    }
    let mut any_to = false;
    for p in d.to.iter().filter(|p| !p.email.is_empty()) {
        let m = mailbox(p)?;
        if m.email != from.email {
            builder = builder.to(m);
            any_to = true;
        }
    }
    if !any_to {
        // A draft needs a recipient; the leader's own address stands in.
        builder = builder.to(from.clone());
    }
    for p in d.cc.iter().filter(|p| !p.email.is_empty()) {
        builder = builder.cc(mailbox(p)?);
    }
    builder
        .singlepart(SinglePart::builder().header(ContentType::TEXT_PLAIN).body(d.body.to_string()))
        .map_err(|e| Error::from(Problem::Mail { detail: e.to_string() }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(name: &str, email: &str) -> PersonView {
        PersonView { name: name.into(), email: email.into(), unit: String::new() }
    }

    #[test]
    fn a_name_with_a_line_break_never_becomes_a_header() {
        let leader = p("Ingrid", "ingrid@x.example");
        let to = [p("Evil\r\nBcc: all@x.example", "evil@x.example")];
        let date = chrono::DateTime::parse_from_rfc3339("2027-01-05T08:00:00+01:00").unwrap();
        let d = Draft {
            from: &leader,
            to: &to,
            cc: &[],
            subject: "Møte",
            body: "Hei",
            date,
            message_id: "a@b".into(),
        };
        assert!(matches!(eml(&d), Err(Error::Stop(Problem::HeaderLineBreak { .. }))));
        let d = Draft { to: &[], subject: "Møte\nBcc: x@y", ..d };
        assert!(matches!(eml(&d), Err(Error::Stop(Problem::HeaderLineBreak { .. }))));
    }
}
