//! People who signed in: found by their provider's issuer and subject, created on first sign-in
//! (which is what gives them a private eSpace), names refreshed from each sign-in; and the
//! language each chose.

use app::api::backend::StoreError;
use app::i18n::Locale;
use app::model::PersonId;
use serde::Serialize;
use sqlx::{AnyPool, Row};

use crate::clock::now_rfc3339;
use crate::store::failed;

/// Returns the person's id.
pub async fn upsert(
    db: &AnyPool,
    issuer: &str,
    subject: &str,
    given_name: &str,
    family_name: &str,
) -> Result<PersonId, sqlx::Error> {
    let existing = sqlx::query("SELECT id FROM persons WHERE issuer = $1 AND subject = $2")
        .bind(issuer)
        .bind(subject)
        .fetch_optional(db)
        .await?;
    if let Some(row) = existing {
        let id: String = row.get("id");
        sqlx::query("UPDATE persons SET given_name = $1, family_name = $2 WHERE id = $3")
            .bind(given_name)
            .bind(family_name)
            .bind(&id)
            .execute(db)
            .await?;
        return Ok(PersonId::new(id));
    }
    let id = uuid::Uuid::new_v4().to_string();
    // Two first sign-ins at once: the loser of the race reads the winner's row.
    let inserted = sqlx::query(
        "INSERT INTO persons (id, issuer, subject, given_name, family_name, created_at)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (issuer, subject) DO NOTHING",
    )
    .bind(&id)
    .bind(issuer)
    .bind(subject)
    .bind(given_name)
    .bind(family_name)
    .bind(now_rfc3339())
    .execute(db)
    .await?;
    if inserted.rows_affected() == 1 {
        return Ok(PersonId::new(id));
    }
    let row = sqlx::query("SELECT id FROM persons WHERE issuer = $1 AND subject = $2")
        .bind(issuer)
        .bind(subject)
        .fetch_one(db)
        .await?;
    Ok(PersonId::new(row.get::<String, _>("id")))
}

/// The language the person chose last, if they ever chose one.
pub async fn saved_locale(
    db: &AnyPool,
    person_id: &PersonId,
) -> Result<Option<Locale>, sqlx::Error> {
    let code: Option<String> = sqlx::query("SELECT locale FROM persons WHERE id = $1")
        .bind(person_id.as_str())
        .fetch_optional(db)
        .await?
        .and_then(|row| row.get("locale"));
    Ok(code.as_deref().and_then(Locale::from_tag))
}

/// Keeps the person's language choice in their profile.
pub async fn save_locale(
    db: &AnyPool,
    person_id: &PersonId,
    locale: Locale,
) -> Result<(), sqlx::Error> {
    sqlx::query("UPDATE persons SET locale = $1 WHERE id = $2")
        .bind(locale.code())
        .bind(person_id.as_str())
        .execute(db)
        .await
        .map(drop)
}

/// What the portal holds about a person, as their data export gives it.
#[derive(Serialize)]
pub struct Person {
    pub given_name: String,
    pub family_name: String,
    /// The identity provider and the person's identifier there.
    pub issuer: String,
    pub subject: String,
    pub language: Option<String>,
    pub first_sign_in: String,
}

pub async fn record(db: &AnyPool, person_id: &PersonId) -> Result<Person, StoreError> {
    let row = sqlx::query(
        "SELECT given_name, family_name, issuer, subject, locale, created_at
         FROM persons WHERE id = $1",
    )
    .bind(person_id.as_str())
    .fetch_one(db)
    .await
    .map_err(failed)?;
    Ok(Person {
        given_name: row.get("given_name"),
        family_name: row.get("family_name"),
        issuer: row.get("issuer"),
        subject: row.get("subject"),
        language: row.get("locale"),
        first_sign_in: row.get("created_at"),
    })
}
