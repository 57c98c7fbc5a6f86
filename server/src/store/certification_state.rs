//! Where an eSpace's certification stands, as its members see it: certified, waiting for the
//! code of an approved request (with the letter's dates and any lock after wrong codes), or
//! neither. Read by the eSpace's page and by the certification store; writes nothing.

use app::api::backend::StoreError;
use app::model::certification::{CertificationState, LetterState};
use app::model::{BusinessId, RequestId};
use chrono::{DateTime, SecondsFormat, Utc};
use sqlx::{AnyConnection, AnyPool, Row};

use crate::config::CertificationPolicy;
use crate::store::failed;

/// A moment as stored: RFC 3339 in UTC, to the second.
pub(crate) fn stamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

pub(crate) fn parse_stamp(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

pub(crate) fn duration(std: std::time::Duration) -> chrono::Duration {
    chrono::Duration::from_std(std).unwrap_or(chrono::Duration::MAX)
}

/// Wrong tries: the outcomes that count towards the lock.
pub(crate) const FAILURES: &str = "('wrong', 'expired', 'used', 'replaced')";

/// The eSpace's certification as its members see it.
pub async fn state_of(
    db: &AnyPool,
    policy: CertificationPolicy,
    business_id: &BusinessId,
) -> Result<CertificationState, StoreError> {
    let business =
        sqlx::query("SELECT certified_at, client_number FROM business_espaces WHERE id = $1")
            .bind(business_id.as_str())
            .fetch_optional(db)
            .await
            .map_err(failed)?;
    if let Some(row) = &business {
        let certified_at: Option<String> = row.get("certified_at");
        let client_number: Option<String> = row.get("client_number");
        if let (Some(certified_at), Some(client_number)) = (certified_at, client_number) {
            return Ok(CertificationState::Certified {
                certified_at,
                client_number,
            });
        }
    }
    let approved = sqlx::query(
        "SELECT id FROM requests WHERE business_id = $1 AND procedure_kind = 'certification'
               AND status = 'approved' ORDER BY decided_at DESC",
    )
    .bind(business_id.as_str())
    .fetch_optional(db)
    .await
    .map_err(failed)?;
    let Some(approved) = approved else {
        return Ok(CertificationState::NotCertified);
    };
    let letter = latest_letter(db, &RequestId::new(approved.get::<String, _>("id"))).await?;
    let mut conn = db.acquire().await.map_err(failed)?;
    let locked_until = locked_until(&mut conn, policy, business_id, Utc::now()).await?;
    Ok(CertificationState::AwaitingCode {
        posted_at: letter.as_ref().and_then(|l| l.posted_at.clone()),
        expires_at: letter.map(|l| l.expires_at),
        locked_until: locked_until.map(stamp),
    })
}

pub(crate) async fn latest_letter(
    db: &AnyPool,
    request_id: &RequestId,
) -> Result<Option<LetterState>, StoreError> {
    Ok(sqlx::query(
        "SELECT issued_at, expires_at, letter_language, posted_at, used_at
             FROM certification_tokens WHERE request_id = $1 AND revoked_at IS NULL
             ORDER BY issued_at DESC",
    )
    .bind(request_id.as_str())
    .fetch_optional(db)
    .await
    .map_err(failed)?
    .map(|row| LetterState {
        issued_at: row.get("issued_at"),
        expires_at: row.get("expires_at"),
        language: row.get("letter_language"),
        posted_at: row.get("posted_at"),
        used_at: row.get("used_at"),
    }))
}

/// Until when redemption is locked: once the wrong codes of the last lock period reach the
/// limit, for a lock period after the latest of them.
pub(crate) async fn locked_until(
    conn: &mut AnyConnection,
    policy: CertificationPolicy,
    business_id: &BusinessId,
    now: DateTime<Utc>,
) -> Result<Option<DateTime<Utc>>, StoreError> {
    let lock = duration(policy.lock);
    let since = stamp(now - lock);
    let failures: Vec<String> = sqlx::query(&format!(
        "SELECT attempted_at FROM certification_attempts
             WHERE business_id = $1 AND attempted_at > $2 AND outcome IN {FAILURES}
             ORDER BY attempted_at DESC"
    ))
    .bind(business_id.as_str())
    .bind(&since)
    .fetch_all(conn)
    .await
    .map_err(failed)?
    .iter()
    .map(|row| row.get("attempted_at"))
    .collect();
    if failures.len() < policy.max_wrong_codes as usize {
        return Ok(None);
    }
    Ok(failures
        .first()
        .and_then(|latest| parse_stamp(latest))
        .map(|latest| latest + lock)
        .filter(|until| *until > now))
}
