//! E-mail notifications: "a new message waits in your eSpace", sent to the business eSpace's
//! address when `ALARMIS_SMTP_URL` is set. The mail carries no personal data and nothing about
//! the request, only a link: the message itself is read after signing in.

use app::i18n::catalog::translate;
use app::i18n::{FluentArgs, Locale};
use app::model::BusinessId;
use lettre::message::{header::ContentType, Mailbox};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use sqlx::AnyPool;

use crate::config::MailConfig;

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("ALARMIS_SMTP_URL is not usable: {0}")]
    Transport(String),
    #[error("the eSpace's address cannot receive mail")]
    Recipient,
    #[error("cannot build the mail: {0}")]
    Build(String),
    #[error("the SMTP server refused the mail: {0}")]
    Send(String),
    #[error("cannot read the eSpace's address")]
    Database(#[source] app::api::backend::StoreError),
}

impl MailError {
    /// What went wrong, without the details (which may hold an address).
    pub fn kind(&self) -> &'static str {
        match self {
            MailError::Transport(_) => "transport",
            MailError::Recipient => "recipient",
            MailError::Build(_) => "build",
            MailError::Send(_) => "send",
            MailError::Database(_) => "database",
        }
    }
}

#[derive(Clone)]
pub struct Notifier {
    /// `None`: notifications are off.
    smtp: Option<(AsyncSmtpTransport<Tokio1Executor>, Mailbox)>,
    public_url: String,
    db: AnyPool,
}

impl std::fmt::Debug for Notifier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Notifier")
            .field("on", &self.smtp.is_some())
            .finish()
    }
}

impl Notifier {
    pub fn new(
        config: Option<&MailConfig>,
        public_url: &str,
        db: AnyPool,
    ) -> Result<Notifier, MailError> {
        let smtp = match config {
            None => None,
            Some(config) => {
                let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(&config.smtp_url)
                    .map_err(|e| MailError::Transport(e.to_string()))?
                    .build();
                let from = config
                    .from
                    .parse::<Mailbox>()
                    .map_err(|e| MailError::Build(e.to_string()))?;
                Some((transport, from))
            }
        };
        Ok(Notifier {
            smtp,
            public_url: public_url.to_owned(),
            db,
        })
    }

    /// Tells the eSpace that a message waits, in the background: the agent's action is done
    /// and answered whether or not the mail goes out; a failure is logged without the address.
    pub fn new_message(&self, business_id: &BusinessId) {
        if self.smtp.is_none() {
            return;
        }
        let notifier = self.clone();
        let business_id = business_id.to_owned();
        tokio::spawn(async move {
            match notifier.send_new_message(&business_id).await {
                Ok(()) => tracing::info!(business = %business_id, "notification mail sent"),
                // The kind only: an SMTP server's reply can quote the address.
                Err(error) => tracing::warn!(business = %business_id, reason = error.kind(),
                    "notification mail not sent"),
            }
        });
    }

    async fn send_new_message(&self, business_id: &BusinessId) -> Result<(), MailError> {
        let Some((transport, from)) = &self.smtp else {
            return Ok(());
        };
        let address = crate::store::espaces::contact_email(&self.db, business_id)
            .await
            .map_err(MailError::Database)?;
        let to = address
            .parse::<lettre::Address>()
            .map_err(|_| MailError::Recipient)?;
        let link = format!("{}{}", self.public_url, app::paths::inbox_path(business_id));
        let mail = Message::builder()
            .from(from.clone())
            .to(Mailbox::new(None, to))
            .subject(subject())
            .header(ContentType::TEXT_PLAIN)
            .body(body(&link))
            .map_err(|e| MailError::Build(e.to_string()))?;
        transport
            .send(mail)
            .await
            .map_err(|e| MailError::Send(e.to_string()))?;
        Ok(())
    }
}

/// The subject in the three languages, French first (the portal's first language).
pub fn subject() -> String {
    Locale::ALL
        .into_iter()
        .map(|locale| translate(locale, "mail-subject", None))
        .collect::<Vec<_>>()
        .join(" / ")
}

/// The mail's text in the three languages, with the link and nothing else about the case.
pub fn body(link: &str) -> String {
    let mut args = FluentArgs::new();
    args.set("link", link);
    let mut text = String::new();
    for locale in Locale::ALL {
        for (id, args) in [
            ("mail-greeting", None),
            ("mail-new-message", Some(&args)),
            ("mail-sign-in", None),
        ] {
            text.push_str(&translate(locale, id, args));
            text.push_str("\n\n");
        }
        text.push_str("--\n\n");
    }
    text.push_str(&translate(Locale::Fr, "mail-footer", None));
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::body;

    #[test]
    fn the_mail_holds_the_link_in_three_languages() {
        let text = body("https://alarmis.example/espace/entreprises/b1/messages");
        assert_eq!(
            text.matches("https://alarmis.example/espace/entreprises/b1/messages")
                .count(),
            3
        );
        for words in ["Bonjour", "Guten Tag", "Hello"] {
            assert!(text.contains(words), "{words}");
        }
        assert_eq!(
            super::subject(),
            "ALARMIS : nouveau message / ALARMIS: neue Nachricht / ALARMIS: new message"
        );
    }
}
