//! The business eSpace's inbox: the Police's messages about its requests, newest first. Opening
//! it marks them read; the page shows which were new.

use app::api::backend::StoreError;
use app::model::case::InboxMessage;
use app::model::Procedure;
use sqlx::{AnyPool, Row};

use crate::clock::now_rfc3339;
use crate::espaces::{corrupt, failed};
use crate::requests::message_from_row;

/// The messages as they were before this reading (callers check the membership first).
pub async fn read(db: &AnyPool, business_id: &str) -> Result<Vec<InboxMessage>, StoreError> {
    let messages = sqlx::query(
        "SELECT m.id, m.direction, m.kind, m.body, m.created_at, m.read_at, m.request_id,
                r.reference, r.procedure_kind, r.client_number
         FROM request_messages m JOIN requests r ON r.id = m.request_id
         WHERE m.business_id = $1 AND m.direction = 'to_applicant'
         ORDER BY m.created_at DESC, m.id DESC",
    )
    .bind(business_id)
    .fetch_all(db)
    .await
    .map_err(failed)?
    .iter()
    .map(|row| {
        let procedure: String = row.get("procedure_kind");
        Ok(InboxMessage {
            message: message_from_row(row)?,
            request_id: row.get("request_id"),
            reference: row
                .get::<Option<String>, _>("reference")
                .unwrap_or_default(),
            procedure: Procedure::from_code(&procedure)
                .ok_or_else(|| corrupt("procedure", &procedure))?,
            client_number: row.get("client_number"),
        })
    })
    .collect::<Result<Vec<_>, StoreError>>()?;
    // Only what this reading showed: a message arriving meanwhile stays unread.
    let now = now_rfc3339();
    for unread in messages.iter().filter(|m| m.message.read_at.is_none()) {
        sqlx::query("UPDATE request_messages SET read_at = $1 WHERE id = $2 AND read_at IS NULL")
            .bind(&now)
            .bind(&unread.message.id)
            .execute(db)
            .await
            .map_err(failed)?;
    }
    Ok(messages)
}

/// How many of the Police's messages no member opened yet.
pub async fn unread(db: &AnyPool, business_id: &str) -> Result<u32, StoreError> {
    let n: i64 = sqlx::query(
        "SELECT COUNT(*) AS n FROM request_messages
         WHERE business_id = $1 AND direction = 'to_applicant' AND read_at IS NULL",
    )
    .bind(business_id)
    .fetch_one(db)
    .await
    .map_err(failed)?
    .get("n");
    Ok(u32::try_from(n).unwrap_or(u32::MAX))
}
