//! The audit trail: who did what, when, to which case. Rows are only inserted (this module
//! has no update or delete, and the database refuses both, see `install_append_only_guard`).
//! An action whose row cannot be written does not happen: callers record first, or in the
//! same transaction as the change.

use app::api::backend::StoreError;
use app::model::case::{AuditAction, AuditLine};
use app::model::{BusinessId, PersonId, RequestId, SiteId};
use chrono::{SecondsFormat, Utc};
use sqlx::{AnyPool, Row};

use crate::store::{corrupt, failed};

/// One row about to be written.
#[derive(Clone, Debug)]
pub struct Event<'a> {
    pub actor_id: &'a PersonId,
    pub agent: bool,
    pub action: AuditAction,
    /// The request, or the site (an approved request) the event is about.
    pub request_id: Option<&'a str>,
    pub business_id: Option<&'a BusinessId>,
    /// Ids and codes only: never a name, an answer or a code from a letter.
    pub detail: Option<String>,
}

impl<'a> Event<'a> {
    pub fn agent(actor_id: &'a PersonId, action: AuditAction) -> Event<'a> {
        Event {
            actor_id,
            agent: true,
            action,
            request_id: None,
            business_id: None,
            detail: None,
        }
    }

    pub fn applicant(actor_id: &'a PersonId, action: AuditAction) -> Event<'a> {
        Event {
            agent: false,
            ..Event::agent(actor_id, action)
        }
    }

    pub fn on(mut self, business_id: &'a BusinessId, request_id: &'a RequestId) -> Event<'a> {
        self.business_id = Some(business_id);
        self.request_id = Some(request_id.as_str());
        self
    }

    /// About a connected site: its row is its approved request's.
    pub fn on_site(mut self, business_id: &'a BusinessId, site_id: &'a SiteId) -> Event<'a> {
        self.business_id = Some(business_id);
        self.request_id = Some(site_id.as_str());
        self
    }

    pub fn detail(mut self, detail: impl Into<String>) -> Event<'a> {
        self.detail = Some(detail.into());
        self
    }
}

/// Writes the row, through the pool or inside the caller's transaction.
pub async fn record<'e, E>(db: E, event: Event<'_>) -> Result<(), StoreError>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    sqlx::query(
        "INSERT INTO audit_events (id, occurred_at, actor_id, actor_role, action, request_id,
             business_id, detail)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(uuid::Uuid::new_v4().to_string())
    .bind(Utc::now().to_rfc3339_opts(SecondsFormat::Micros, true))
    .bind(event.actor_id.as_str())
    .bind(if event.agent { "agent" } else { "applicant" })
    .bind(event.action.code())
    .bind(event.request_id)
    .bind(event.business_id.map(BusinessId::as_str))
    .bind(event.detail)
    .execute(db)
    .await
    .map_err(failed)?;
    Ok(())
}

/// A row as read back, with the person's name.
struct Stored {
    occurred_at: String,
    actor_id: Option<String>,
    actor: Option<String>,
    agent: bool,
    action: AuditAction,
    request_id: Option<String>,
    business_id: Option<String>,
    detail: Option<String>,
}

async fn rows(db: &AnyPool, request_id: Option<&RequestId>) -> Result<Vec<Stored>, StoreError> {
    let sql = format!(
        "SELECT e.occurred_at, e.actor_id, e.actor_role, e.action, e.request_id, e.business_id,
                e.detail, p.given_name, p.family_name
         FROM audit_events e LEFT JOIN persons p ON p.id = e.actor_id
         {}
         ORDER BY e.occurred_at, e.id",
        if request_id.is_some() {
            "WHERE e.request_id = $1"
        } else {
            ""
        }
    );
    let mut query = sqlx::query(&sql);
    if let Some(request_id) = request_id {
        query = query.bind(request_id.as_str());
    }
    query
        .fetch_all(db)
        .await
        .map_err(failed)?
        .iter()
        .map(|row| {
            let action: String = row.get("action");
            let given: Option<String> = row.get("given_name");
            let family: Option<String> = row.get("family_name");
            Ok(Stored {
                occurred_at: row.get("occurred_at"),
                actor_id: row.get("actor_id"),
                actor: given.zip(family).map(|(g, f)| format!("{g} {f}")),
                agent: row.get::<String, _>("actor_role") == "agent",
                action: AuditAction::from_code(&action)
                    .ok_or_else(|| corrupt("audit action", &action))?,
                request_id: row.get("request_id"),
                business_id: row.get("business_id"),
                detail: row.get("detail"),
            })
        })
        .collect()
}

/// A case's history, oldest first.
pub async fn history(db: &AnyPool, request_id: &RequestId) -> Result<Vec<AuditLine>, StoreError> {
    Ok(rows(db, Some(request_id))
        .await?
        .into_iter()
        .map(|row| AuditLine {
            occurred_at: row.occurred_at,
            actor: row.actor,
            actor_is_agent: row.agent,
            action: row.action,
            detail: row.detail,
        })
        .collect())
}

/// The trail as CSV (one case's, or all of it), a header line first.
pub async fn csv(db: &AnyPool, request_id: Option<&RequestId>) -> Result<Vec<u8>, StoreError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let write = |writer: &mut csv::Writer<Vec<u8>>, fields: &[&str]| {
        writer.write_record(fields).map_err(failed)
    };
    write(
        &mut writer,
        &[
            "occurred_at",
            "actor_id",
            "actor_name",
            "actor_role",
            "action",
            "request_id",
            "business_id",
            "detail",
        ],
    )?;
    for row in rows(db, request_id).await? {
        write(
            &mut writer,
            &[
                &row.occurred_at,
                row.actor_id.as_deref().unwrap_or_default(),
                &neutralise_formula(row.actor.as_deref().unwrap_or_default()),
                if row.agent { "agent" } else { "applicant" },
                row.action.code(),
                row.request_id.as_deref().unwrap_or_default(),
                row.business_id.as_deref().unwrap_or_default(),
                &neutralise_formula(row.detail.as_deref().unwrap_or_default()),
            ],
        )?;
    }
    writer.into_inner().map_err(failed)
}

/// A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`) gets a leading quote:
/// names come from the identity provider, and the export is opened in office software.
fn neutralise_formula(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_owned()
    }
}

/// Makes the database itself refuse to change or remove a row of the trail. Written per
/// engine (trigger syntax is not portable), run after the migrations at every start.
pub async fn install_append_only_guard(db: &AnyPool) -> Result<(), sqlx::Error> {
    let mut conn = db.acquire().await?;
    let statements: &[&str] = if conn.backend_name() == "SQLite" {
        &[
            "CREATE TRIGGER IF NOT EXISTS audit_events_no_update BEFORE UPDATE ON audit_events
             BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END",
            "CREATE TRIGGER IF NOT EXISTS audit_events_no_delete BEFORE DELETE ON audit_events
             BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END",
        ]
    } else {
        &[
            "CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger
             LANGUAGE plpgsql AS $$ BEGIN
                 RAISE EXCEPTION 'the audit trail is append-only';
             END $$",
            "CREATE OR REPLACE TRIGGER audit_events_append_only
             BEFORE UPDATE OR DELETE ON audit_events
             FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()",
        ]
    };
    for statement in statements {
        sqlx::raw_sql(statement).execute(&mut *conn).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::neutralise_formula;

    #[test]
    fn spreadsheet_formulas_are_neutralised() {
        assert_eq!(
            neutralise_formula("=HYPERLINK(\"x\")"),
            "'=HYPERLINK(\"x\")"
        );
        assert_eq!(neutralise_formula("+352"), "'+352");
        assert_eq!(neutralise_formula("Marie Schmit"), "Marie Schmit");
    }
}
