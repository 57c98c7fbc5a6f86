//! The development identity provider's authorisation codes (`dev_idp_codes`), kept in the
//! database so that any process can redeem a code another one issued.

use app::api::backend::StoreError;
use sqlx::{AnyPool, Row};

use crate::store::failed;

/// A code's facts as stored: who signed in, with which means, and the client's PKCE challenge.
pub struct StoredCode {
    pub subject: String,
    pub acr: String,
    pub nonce: Option<String>,
    pub code_challenge: String,
    pub issued_at: i64,
}

/// Keeps `code`, and forgets the codes issued before `forget_before`.
pub async fn keep(
    db: &AnyPool,
    code: &str,
    stored: &StoredCode,
    forget_before: i64,
) -> Result<(), StoreError> {
    sqlx::query("DELETE FROM dev_idp_codes WHERE issued_at < $1")
        .bind(forget_before)
        .execute(db)
        .await
        .map_err(failed)?;
    sqlx::query(
        "INSERT INTO dev_idp_codes (code, subject, acr, nonce, code_challenge, issued_at)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(code)
    .bind(&stored.subject)
    .bind(&stored.acr)
    .bind(stored.nonce.as_deref())
    .bind(&stored.code_challenge)
    .bind(stored.issued_at)
    .execute(db)
    .await
    .map(drop)
    .map_err(failed)
}

/// The code's facts, deleted in the same statement: two redemptions cannot both find it.
pub async fn take(db: &AnyPool, code: &str) -> Result<Option<StoredCode>, StoreError> {
    let row = sqlx::query(
        "DELETE FROM dev_idp_codes WHERE code = $1
         RETURNING subject, acr, nonce, code_challenge, issued_at",
    )
    .bind(code)
    .fetch_optional(db)
    .await
    .map_err(failed)?;
    Ok(row.map(|row| StoredCode {
        subject: row.get("subject"),
        acr: row.get("acr"),
        nonce: row.get("nonce"),
        code_challenge: row.get("code_challenge"),
        issued_at: row.get("issued_at"),
    }))
}
