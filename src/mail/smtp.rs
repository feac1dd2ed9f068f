//! Sending a message through the team's SMTP server, one recipient judged at a time.
//!
//! lettre's transport sends all or nothing; a leader needs to know which members got the
//! invitation. So this speaks the transaction itself over lettre's connection: each `RCPT TO`
//! is answered on its own, the message goes to those the server accepted, and the answer
//! for each recipient comes back. Encryption is STARTTLS (required, never a silent plain
//! fallback), TLS from the start, or none for a relay on the same machine; certificates are
//! checked against the system's trust store, so a municipality's own CA works.

use std::time::Duration;

use lettre::address::{Address, Envelope};
use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::transport::smtp::client::{SmtpConnection, TlsParameters};
use lettre::transport::smtp::commands::{Data, Mail, Quit, Rcpt, Rset};
use lettre::transport::smtp::extension::{ClientId, Extension, MailBodyParameter, MailParameter};

use crate::model::{MailSecurity, MailServer};

/// How long to wait for the server at each step.
const TIMEOUT: Duration = Duration::from_secs(30);

/// The server's answer for one recipient.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    /// The recipient's address.
    pub address: String,
    /// `None` when accepted, else the server's reason (code and text).
    pub refused: Option<String>,
}

/// Why nothing could be sent.
#[derive(Debug)]
pub struct SendError {
    /// The step that failed: connect, starttls, login, sender, message.
    pub step: &'static str,
    /// What the server or the network said.
    pub detail: String,
}

fn fail(step: &'static str) -> impl Fn(lettre::transport::smtp::Error) -> SendError {
    move |e| SendError { step, detail: e.to_string() }
}

/// Sends `message` to the envelope's recipients and gives the server's answer for each, in
/// the envelope's order. The message goes only to those accepted; when none is, it is not sent.
pub fn send(
    server: &MailServer,
    password: Option<&str>,
    envelope: &Envelope,
    message: &[u8],
) -> Result<Vec<Answer>, SendError> {
    let hello = ClientId::default();
    let tls = || {
        TlsParameters::new(server.host.clone()).map_err(|e| SendError { step: "tls", detail: e.to_string() })
    };
    let address = (server.host.as_str(), server.port);
    let mut conn = match server.security {
        MailSecurity::Tls => SmtpConnection::connect(address, Some(TIMEOUT), &hello, Some(&tls()?), None)
            .map_err(fail("connect"))?,
        MailSecurity::StartTls => {
            let mut conn = SmtpConnection::connect(address, Some(TIMEOUT), &hello, None, None)
                .map_err(fail("connect"))?;
            conn.starttls(&tls()?, &hello).map_err(fail("starttls"))?;
            conn
        }
        MailSecurity::None => {
            SmtpConnection::connect(address, Some(TIMEOUT), &hello, None, None).map_err(fail("connect"))?
        }
    };
    let result = transaction(&mut conn, server, password, envelope, message);
    if result.is_ok() {
        let _ = conn.command(Quit);
    } else {
        conn.abort();
    }
    result
}

fn transaction(
    conn: &mut SmtpConnection,
    server: &MailServer,
    password: Option<&str>,
    envelope: &Envelope,
    message: &[u8],
) -> Result<Vec<Answer>, SendError> {
    if let (Some(user), Some(password)) = (&server.user, password) {
        if !conn.server_info().supports_auth_mechanism(Mechanism::Plain)
            && !conn.server_info().supports_auth_mechanism(Mechanism::Login)
        {
            return Err(SendError {
                step: "login",
                detail: "the server offers no login (AUTH PLAIN or LOGIN); if it needs none, remove `user` under [mail]"
                    .into(),
            });
        }
        let credentials = Credentials::new(user.clone(), password.to_string());
        conn.auth(&[Mechanism::Plain, Mechanism::Login], &credentials).map_err(fail("login"))?;
    }
    let mut parameters = Vec::new();
    if !message.is_ascii() {
        if !conn.server_info().supports_feature(Extension::EightBitMime) {
            return Err(SendError {
                step: "message",
                detail: "the server does not take 8-bit text (8BITMIME)".into(),
            });
        }
        parameters.push(MailParameter::Body(MailBodyParameter::EightBitMime));
    }
    conn.command(Mail::new(envelope.from().cloned(), parameters)).map_err(fail("sender"))?;
    let answers: Vec<Answer> = envelope
        .to()
        .iter()
        .map(|to: &Address| Answer {
            address: to.to_string(),
            refused: conn.command(Rcpt::new(to.clone(), vec![])).err().map(|e| reason(&e)),
        })
        .collect();
    if answers.iter().all(|a| a.refused.is_some()) {
        let _ = conn.command(Rset);
        return Ok(answers);
    }
    conn.command(Data).map_err(fail("message"))?;
    conn.message(message).map_err(fail("message"))?;
    Ok(answers)
}

/// The server's reason as it gave it: `550 5.1.1 No such mailbox here`.
fn reason(e: &lettre::transport::smtp::Error) -> String {
    let text = e.to_string();
    let said = text.split_once("): ").map_or(text.as_str(), |(_, rest)| rest).trim();
    match e.status() {
        Some(code) => format!("{code} {said}"),
        None => said.to_string(),
    }
}
