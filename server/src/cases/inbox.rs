//! The business eSpace's inbox: the Police's messages about its requests and the notices about
//! its connected sites, newest first. Opening it marks them read; the page shows which were new.

use app::api::backend::StoreError;
use app::model::after_connection::{Notice, NoticeKind};
use app::model::case::{InboxEntry, InboxMessage};
use app::model::Procedure;
use sqlx::{AnyPool, Row};

use crate::clock::now_rfc3339;
use crate::espaces::{corrupt, failed};
use crate::requests::message_from_row;

/// The messages as they were before this reading, which marks them read (callers check the
/// membership first).
pub async fn read(db: &AnyPool, business_id: &str) -> Result<Vec<InboxEntry>, StoreError> {
    let entries = entries(db, business_id).await?;
    // Only what this reading showed: a message arriving meanwhile stays unread.
    let now = now_rfc3339();
    for entry in entries.iter().filter(|e| e.is_unread()) {
        let (table, id) = match entry {
            InboxEntry::Case(m) => ("request_messages", &m.message.id),
            InboxEntry::Site(n) => ("espace_notices", &n.id),
        };
        sqlx::query(&format!(
            "UPDATE {table} SET read_at = $1 WHERE id = $2 AND read_at IS NULL"
        ))
        .bind(&now)
        .bind(id)
        .execute(db)
        .await
        .map_err(failed)?;
    }
    Ok(entries)
}

/// The inbox newest first, changing nothing (the person's data export reads it so).
pub async fn entries(db: &AnyPool, business_id: &str) -> Result<Vec<InboxEntry>, StoreError> {
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
    let notices = notices(db, business_id).await?;
    let mut entries: Vec<InboxEntry> = messages
        .into_iter()
        .map(InboxEntry::Case)
        .chain(notices.into_iter().map(InboxEntry::Site))
        .collect();
    entries.sort_by(|a, b| b.created_at().cmp(a.created_at()));
    Ok(entries)
}

async fn notices(db: &AnyPool, business_id: &str) -> Result<Vec<Notice>, StoreError> {
    sqlx::query(
        "SELECT n.id, n.kind, n.request_id, n.body, n.due_on, n.amount, n.created_at, n.read_at,
                r.client_number
         FROM espace_notices n LEFT JOIN requests r ON r.id = n.request_id
         WHERE n.business_id = $1 ORDER BY n.created_at DESC, n.id DESC",
    )
    .bind(business_id)
    .fetch_all(db)
    .await
    .map_err(failed)?
    .iter()
    .map(|row| {
        let kind: String = row.get("kind");
        Ok(Notice {
            id: row.get("id"),
            kind: NoticeKind::from_code(&kind).ok_or_else(|| corrupt("notice kind", &kind))?,
            request_id: row.get("request_id"),
            client_number: row.get("client_number"),
            body: row.get("body"),
            due_on: row.get("due_on"),
            amount: row.get("amount"),
            created_at: row.get("created_at"),
            read_at: row.get("read_at"),
        })
    })
    .collect()
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
    let notices: i64 = sqlx::query(
        "SELECT COUNT(*) AS n FROM espace_notices WHERE business_id = $1 AND read_at IS NULL",
    )
    .bind(business_id)
    .fetch_one(db)
    .await
    .map_err(failed)?
    .get("n");
    Ok(u32::try_from(n + notices).unwrap_or(u32::MAX))
}
