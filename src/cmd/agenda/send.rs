//! `rt agenda --send`: each mail of the invitation through the team's SMTP server to its own
//! recipients, with the server's answer for every recipient; `--dry-run` shows each mail and
//! who would get it, and sends nothing.

use super::mails::Mail;
use crate::error::Error;
use crate::mail;
use crate::model::{Config, MailSecurity};
use crate::problem::Problem;
use crate::render::agenda::PersonView;
use crate::session::Session;

/// Sends every mail. Exit 1 when any recipient was refused (the others did get theirs).
pub fn send(
    ctx: &Session,
    config: &Config,
    from: &PersonView,
    mails: &[Mail],
    dry_run: bool,
) -> Result<i32, Error> {
    let lang = ctx.lang;
    let server = config.mail.as_ref().ok_or(Error::Stop(Problem::NoMailServer))?;
    let via = format!("{}:{} ({})", server.host, server.port, server.security.code());
    let mut outgoing = Vec::with_capacity(mails.len());
    for m in mails {
        outgoing.push(mail::outgoing(&m.draft(from, ctx))?);
    }
    let name_of = |address: &str| {
        mails
            .iter()
            .flat_map(|m| m.to.iter())
            .chain(std::iter::once(from))
            .find(|p| p.email.trim().eq_ignore_ascii_case(address))
            .map_or_else(|| address.to_string(), |p| format!("{} <{address}>", p.name))
    };
    if dry_run {
        let mut out = String::new();
        for (m, (_, envelope)) in mails.iter().zip(&outgoing) {
            out.push_str(&lang.pick(
                format!("Ville sendt «{}» via {via}, fra {}, til:\n", m.subject, name_of(&from.email)),
                format!("Would send «{}» via {via}, from {}, to:\n", m.subject, name_of(&from.email)),
            ));
            for to in envelope.to() {
                out.push_str(&format!("  {}\n", name_of(to.as_ref())));
            }
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
    let mut answers = Vec::new();
    for (message, envelope) in &outgoing {
        let sent = mail::smtp::send(server, password.as_deref(), envelope, message);
        match sent {
            Ok(a) => answers.extend(a),
            // Nothing of this mail went; what went before is told, and the run fails.
            Err(e) if !answers.is_empty() => {
                report(ctx, &answers, &name_of)?;
                return Err(Problem::Send { server: via.clone(), step: e.step, detail: e.detail }.into());
            }
            Err(e) => {
                return Err(Problem::Send { server: via.clone(), step: e.step, detail: e.detail }.into());
            }
        }
    }
    let (sent, refused) = report(ctx, &answers, &name_of)?;
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

/// Prints the server's answer for each recipient; how many were sent and refused.
fn report(
    ctx: &Session,
    answers: &[mail::smtp::Answer],
    name_of: &dyn Fn(&str) -> String,
) -> Result<(usize, usize), Error> {
    let lang = ctx.lang;
    let mut out = String::new();
    for a in answers {
        let who = name_of(&a.address);
        out.push_str(&match &a.refused {
            None => format!("  {}  {who}\n", lang.pick("sendt ", "sent   ")),
            Some(why) => format!("  {}  {who}: {why}\n", lang.pick("avvist", "refused")),
        });
    }
    ctx.print(&out)?;
    let refused = answers.iter().filter(|a| a.refused.is_some()).count();
    Ok((answers.len() - refused, refused))
}

/// Whether a host is this machine.
fn is_local(host: &str) -> bool {
    matches!(host, "localhost" | "127.0.0.1" | "::1" | "[::1]")
}
