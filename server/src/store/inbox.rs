//! The business eSpace's inbox: the Police's messages about its requests and the notices about
//! its connected sites, newest first. Opening it marks them read; the page shows which were new.

use app::api::backend::StoreError;
use app::model::after_connection::{Notice, NoticeKind};
use app::model::case::{CaseMessage, Direction, InboxEntry, InboxMessage, MessageKind};
use app::model::{BusinessId, RequestId};
use app::model::{CalendarDate, Procedure};
use sqlx::{AnyPool, Row};

use crate::clock::now_rfc3339;
use crate::store::{corrupt, failed};

/// A row of `request_messages`.
pub fn message_from_row(row: &sqlx::any::AnyRow) -> Result<CaseMessage, StoreError> {
    let direction: String = row.get("direction");
    let kind: String = row.get("kind");
    Ok(CaseMessage {
        id: row.get("id"),
        direction: Direction::from_code(&direction)
            .ok_or_else(|| corrupt("message direction", &direction))?,
        kind: MessageKind::from_code(&kind).ok_or_else(|| corrupt("message kind", &kind))?,
        body: row.get("body"),
        created_at: row.get("created_at"),
        read_at: row.get("read_at"),
    })
}

/// The messages as they were before this reading, which marks them read (callers check the
/// membership first).
pub async fn read(db: &AnyPool, business_id: &BusinessId) -> Result<Vec<InboxEntry>, StoreError> {
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
pub async fn entries(
    db: &AnyPool,
    business_id: &BusinessId,
) -> Result<Vec<InboxEntry>, StoreError> {
    let messages = sqlx::query(
        "SELECT m.id, m.direction, m.kind, m.body, m.created_at, m.read_at, m.request_id,
                r.reference, r.procedure_kind, r.client_number
         FROM request_messages m JOIN requests r ON r.id = m.request_id
         WHERE m.business_id = $1 AND m.direction = 'to_applicant'
         ORDER BY m.created_at DESC, m.id DESC",
    )
    .bind(business_id.as_str())
    .fetch_all(db)
    .await
    .map_err(failed)?
    .iter()
    .map(|row| {
        let procedure: String = row.get("procedure_kind");
        Ok(InboxMessage {
            message: message_from_row(row)?,
            request_id: RequestId::new(row.get::<String, _>("request_id")),
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

async fn notices(db: &AnyPool, business_id: &BusinessId) -> Result<Vec<Notice>, StoreError> {
    sqlx::query(
        "SELECT n.id, n.kind, n.request_id, n.body, n.due_on, n.amount, n.created_at, n.read_at,
                r.client_number
         FROM espace_notices n LEFT JOIN requests r ON r.id = n.request_id
         WHERE n.business_id = $1 ORDER BY n.created_at DESC, n.id DESC",
    )
    .bind(business_id.as_str())
    .fetch_all(db)
    .await
    .map_err(failed)?
    .iter()
    .map(|row| {
        let kind: String = row.get("kind");
        Ok(Notice {
            id: row.get("id"),
            kind: NoticeKind::from_code(&kind).ok_or_else(|| corrupt("notice kind", &kind))?,
            request_id: row
                .get::<Option<String>, _>("request_id")
                .map(RequestId::new),
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
pub async fn unread(db: &AnyPool, business_id: &BusinessId) -> Result<u32, StoreError> {
    let n: i64 = sqlx::query(
        "SELECT COUNT(*) AS n FROM request_messages
         WHERE business_id = $1 AND direction = 'to_applicant' AND read_at IS NULL",
    )
    .bind(business_id.as_str())
    .fetch_one(db)
    .await
    .map_err(failed)?
    .get("n");
    let notices: i64 = sqlx::query(
        "SELECT COUNT(*) AS n FROM espace_notices WHERE business_id = $1 AND read_at IS NULL",
    )
    .bind(business_id.as_str())
    .fetch_one(db)
    .await
    .map_err(failed)?
    .get("n");
    Ok(u32::try_from(n + notices).unwrap_or(u32::MAX))
}

/// A notice for the eSpace's inbox, written by the background jobs.
pub struct NewNotice<'a> {
    pub business_id: &'a BusinessId,
    /// The site or request it is about; `None` once that request is gone.
    pub request_id: Option<&'a RequestId>,
    pub kind: NoticeKind,
    pub due_on: CalendarDate,
    /// A notice with a key is written once, however many processes or runs try.
    pub once_key: Option<String>,
}

/// Writes `notice` through `db` (the pool, or a transaction's connection); whether it was
/// written (`false`: a notice with its key is already there).
pub async fn add_notice<'e, E>(db: E, notice: NewNotice<'_>) -> Result<bool, StoreError>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    let inserted = sqlx::query(
        "INSERT INTO espace_notices (id, business_id, request_id, kind, due_on, once_key,
             created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (once_key) DO NOTHING",
    )
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(notice.business_id.as_str())
    .bind(notice.request_id.map(RequestId::as_str))
    .bind(notice.kind.code())
    .bind(notice.due_on.iso())
    .bind(notice.once_key)
    .bind(chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Micros, true))
    .execute(db)
    .await
    .map_err(failed)?
    .rows_affected();
    Ok(inserted == 1)
}
