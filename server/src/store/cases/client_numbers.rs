//! ALARMIS client numbers issued by the portal: `AL-` and six digits from the one-row
//! `client_number_sequence`, moved forward inside the approving transaction (a rolled-back
//! approval gave nobody its number), skipping any number already certified or approved.

use app::api::backend::StoreError;
use app::model::{BusinessId, ClientNumber};
use sqlx::{Any, Row, Transaction};

use crate::store::failed;

/// How many numbers to skip at most when the sequence meets a number already in use (a number
/// from before the portal, typed in procedure A and certified).
const CLIENT_NUMBER_TRIES: usize = 50;

/// Whether a client number belongs to another eSpace than `except_business`: certified there,
/// or approved for one of its requests (a certification on its way, or a number the portal
/// issued). Read inside the approving transaction; the unique indexes on both columns are the
/// last guard.
pub(super) async fn client_number_in_use(
    tx: &mut Transaction<'_, Any>,
    number: &str,
    except_business: &BusinessId,
) -> Result<bool, StoreError> {
    Ok(sqlx::query(
        "SELECT 1 AS yes FROM business_espaces WHERE client_number = $1 AND id <> $2
         UNION ALL
         SELECT 1 AS yes FROM requests WHERE client_number = $1 AND business_id <> $2",
    )
    .bind(number)
    .bind(except_business.as_str())
    .fetch_optional(&mut **tx)
    .await
    .map_err(failed)?
    .is_some())
}

/// The next client number from the sequence, past any number already in use.
pub(super) async fn issue_client_number(
    tx: &mut Transaction<'_, Any>,
) -> Result<String, StoreError> {
    for _ in 0..CLIENT_NUMBER_TRIES {
        sqlx::query("UPDATE client_number_sequence SET last_value = last_value + 1 WHERE id = 1")
            .execute(&mut **tx)
            .await
            .map_err(failed)?;
        let value: i64 = sqlx::query("SELECT last_value FROM client_number_sequence WHERE id = 1")
            .fetch_one(&mut **tx)
            .await
            .map_err(failed)?
            .get("last_value");
        let number = u32::try_from(value)
            .ok()
            .and_then(ClientNumber::from_sequence)
            .ok_or_else(|| {
                StoreError::Inconsistent("the client number sequence is exhausted".into())
            })?;
        // No eSpace id is empty: every eSpace counts.
        if !client_number_in_use(tx, number.as_str(), &BusinessId::default()).await? {
            return Ok(number.as_str().to_owned());
        }
    }
    Err(StoreError::Inconsistent(
        "no free client number within the tries allowed".into(),
    ))
}
