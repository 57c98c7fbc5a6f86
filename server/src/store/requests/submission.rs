//! Submission: the one transaction that turns a draft into a submitted request with its
//! reference, its snapshot and its receipt.

use app::api::backend::{StoreError, Submission};
use app::i18n::Locale;
use app::model::case::AuditAction;
use app::model::PersonId;
use app::model::{ProcedureRequest, RequestStatus};
use bytes::Bytes;
use sqlx::Row;

use super::{name_in, sha256_hex, SqlRequestStore};
use crate::receipt;
use crate::store::audit::{self, Event};
use crate::store::failed;

/// What a case is found by in the agents' queue (`store::cases`): lower-cased here, in every
/// alphabet, and stored at submission.
pub fn search_text(parts: &[&str]) -> String {
    parts.join(" ").to_lowercase()
}

/// `ALR-2026-000123`.
pub fn format_reference(year: i32, number: i64) -> String {
    format!("ALR-{year}-{number:06}")
}

impl SqlRequestStore {
    pub(super) async fn submit_now(
        &self,
        person_id: &PersonId,
        request: &ProcedureRequest,
        locale: Locale,
    ) -> Result<Submission, StoreError> {
        let now = chrono::Utc::now();
        let submitted_at = now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        let mut tx = self.db.begin().await.map_err(failed)?;
        // Only one submission flips the status; a second (double click, resent form, another
        // tab) finds nothing to update and gets the first one's reference.
        let won = sqlx::query(
            "UPDATE requests SET status = 'submitted', submitted_at = $1, submitted_by = $2, updated_at = $1
             WHERE id = $3 AND status = 'draft'",
        )
        .bind(&submitted_at)
        .bind(person_id.as_str())
        .bind(request.id.as_str())
        .execute(&mut *tx)
        .await
        .map_err(failed)?
        .rows_affected();
        if won != 1 {
            drop(tx);
            let reference: Option<String> =
                sqlx::query("SELECT reference FROM requests WHERE id = $1")
                    .bind(request.id.as_str())
                    .fetch_optional(&self.db)
                    .await
                    .map_err(failed)?
                    .and_then(|row| row.get("reference"));
            return reference.map(Submission::AlreadySubmitted).ok_or_else(|| {
                StoreError::Inconsistent("the request is neither a draft nor submitted".into())
            });
        }
        let year = chrono::Datelike::year(&now);
        let number: i64 = sqlx::query(
            "INSERT INTO reference_counters (year, last_number) VALUES ($1, 1)
             ON CONFLICT (year) DO UPDATE SET last_number = reference_counters.last_number + 1
             RETURNING last_number",
        )
        .bind(year)
        .fetch_one(&mut *tx)
        .await
        .map_err(failed)?
        .get("last_number");
        let reference = format_reference(year, number);
        let mut frozen = request.clone();
        frozen.status = RequestStatus::Submitted;
        frozen.reference = Some(reference.clone());
        frozen.submitted_at = Some(submitted_at.clone());
        // On the transaction's own connection: a second one from the pool, asked for while
        // this one holds the counter's lock, left concurrent submissions waiting on each
        // other until the pool timed out (bench/writes on PostgreSQL).
        frozen.representative = name_in(&mut *tx, person_id).await?;
        let snapshot = serde_json::to_string(&frozen).map_err(failed)?;
        let pdf = receipt::render(&frozen, locale);
        let receipt_sha256 = sha256_hex(&pdf);
        let receipt_key = format!("requests/{}/receipt-{reference}.pdf", request.id);
        self.documents
            .put(&receipt_key, Bytes::from(pdf))
            .await
            .map_err(failed)?;
        let locality = request
            .locality()
            .unwrap_or_else(|| request.company.seat.locality.clone());
        let search_text = search_text(&[
            &reference,
            &request.company.company_name,
            &request.company.rcs_number.to_string(),
            &locality,
        ]);
        sqlx::query(
            "UPDATE requests SET reference = $1, snapshot = $2, receipt_key = $3, receipt_sha256 = $4,
                    locality = $5, search_text = $7
             WHERE id = $6",
        )
        .bind(&reference)
        .bind(&snapshot)
        .bind(&receipt_key)
        .bind(&receipt_sha256)
        .bind(&locality)
        .bind(request.id.as_str())
        .bind(&search_text)
        .execute(&mut *tx)
        .await
        .map_err(failed)?;
        audit::record(
            &mut *tx,
            Event::applicant(person_id, AuditAction::Submitted)
                .on(&request.business_id, &request.id)
                .detail(&reference),
        )
        .await?;
        tx.commit().await.map_err(failed)?;
        tracing::info!(%reference, procedure = request.procedure.code(), "request submitted");
        crate::metrics::submitted(request.procedure.code());
        Ok(Submission::Submitted(reference))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_zero_padded_per_year() {
        assert_eq!(format_reference(2026, 123), "ALR-2026-000123");
        assert_eq!(format_reference(2027, 1), "ALR-2027-000001");
    }
}
