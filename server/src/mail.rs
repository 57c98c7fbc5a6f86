//! E-mail notifications: "a new message waits in your eSpace", sent to the business eSpace's
//! address when `ALARMIS_SMTP_URL` is set. The mail carries no personal data and nothing about
//! the request, only a link: the message itself is read after signing in.

use lettre::message::{header::ContentType, Mailbox};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use sqlx::{AnyPool, Row};

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
    #[error("cannot read the eSpace's address: {0}")]
    Database(String),
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
    pub fn new_message(&self, business_id: &str) {
        if self.smtp.is_none() {
            return;
        }
        let notifier = self.clone();
        let business_id = business_id.to_owned();
        tokio::spawn(async move {
            match notifier.send_new_message(&business_id).await {
                Ok(()) => tracing::info!(business = %business_id, "notification mail sent"),
                Err(error) => {
                    tracing::warn!(business = %business_id, %error, "notification mail not sent")
                }
            }
        });
    }

    async fn send_new_message(&self, business_id: &str) -> Result<(), MailError> {
        let Some((transport, from)) = &self.smtp else {
            return Ok(());
        };
        let address: String = sqlx::query("SELECT email FROM business_espaces WHERE id = $1")
            .bind(business_id)
            .fetch_one(&self.db)
            .await
            .map_err(|e| MailError::Database(e.to_string()))?
            .get("email");
        let to = address
            .parse::<lettre::Address>()
            .map_err(|_| MailError::Recipient)?;
        let link = format!(
            "{}/espace/entreprises/{business_id}/messages",
            self.public_url
        );
        let mail = Message::builder()
            .from(from.clone())
            .to(Mailbox::new(None, to))
            .subject("ALARMIS : nouveau message / neue Nachricht / new message")
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

/// The mail's text in the three languages, with the link and nothing else about the case.
pub fn body(link: &str) -> String {
    format!(
        "Bonjour,\n\n\
         Un nouveau message de la Police grand-ducale vous attend dans votre espace \
         professionnel ALARMIS :\n{link}\n\n\
         Pour le lire, connectez-vous avec LuxTrust ou votre carte d'identité électronique.\n\n\
         --\n\n\
         Guten Tag,\n\n\
         In Ihrem ALARMIS-Geschäftsbereich wartet eine neue Nachricht der Großherzoglichen \
         Polizei auf Sie:\n{link}\n\n\
         Melden Sie sich mit LuxTrust oder Ihrem elektronischen Personalausweis an, um sie zu \
         lesen.\n\n\
         --\n\n\
         Hello,\n\n\
         A new message from the Grand Ducal Police is waiting in your ALARMIS business \
         eSpace:\n{link}\n\n\
         Sign in with LuxTrust or your electronic identity card to read it.\n\n\
         --\n\
         Police grand-ducale, CIN, section ALARMIS · +352 244 24 49 10\n\
         Ce courriel est envoyé automatiquement ; n'y répondez pas.\n"
    )
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
    }
}
