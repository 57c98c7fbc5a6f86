//! The eSpaces in the database: the server's side of `app::api::backend::EspaceStore`.

use app::api::backend::{EspaceStore, StoreError};
use app::model::{
    Address, BusinessDetails, BusinessEspace, BusinessSummary, LegalForm, Member, MemberRole,
    PhoneNumber, Postcode, RcsNumber, RegisteredBusiness,
};
use app::model::{BusinessId, PersonId};
use sqlx::{AnyPool, Row};

use crate::clock::{now_rfc3339, unix_now};
use crate::invitations;
use crate::store::{corrupt, failed};

#[derive(Clone, Debug)]
pub struct SqlEspaceStore {
    db: AnyPool,
    certification: crate::config::CertificationPolicy,
}

impl SqlEspaceStore {
    pub fn new(db: AnyPool, certification: crate::config::CertificationPolicy) -> SqlEspaceStore {
        SqlEspaceStore { db, certification }
    }
}

fn role(code: &str) -> Result<MemberRole, StoreError> {
    MemberRole::from_code(code).ok_or_else(|| corrupt("member role", code))
}

/// A business eSpace's details from a `business_espaces` row.
pub(crate) fn details_from_row(row: &sqlx::any::AnyRow) -> Result<BusinessDetails, StoreError> {
    let text = |column: &str| -> String { row.get(column) };
    Ok(BusinessDetails {
        company_name: text("company_name"),
        legal_form: LegalForm::from_code(&text("legal_form"))
            .ok_or_else(|| corrupt("legal form", &text("legal_form")))?,
        rcs_number: RcsNumber::parse(&text("rcs_number"))
            .map_err(|_| corrupt("RCS number", &text("rcs_number")))?,
        seat: Address {
            street: text("seat_street"),
            house_number: text("seat_house_number"),
            postcode: Postcode::parse(&text("seat_postcode"))
                .map_err(|_| corrupt("postcode", &text("seat_postcode")))?,
            locality: text("seat_locality"),
        },
        email: text("email"),
        phone: PhoneNumber::parse(&text("phone"))
            .map_err(|_| corrupt("phone number", &text("phone")))?,
    })
}

#[async_trait::async_trait]
impl EspaceStore for SqlEspaceStore {
    async fn businesses_of(
        &self,
        person_id: &PersonId,
    ) -> Result<Vec<BusinessSummary>, StoreError> {
        let rows = sqlx::query(
            "SELECT b.id, b.company_name, b.rcs_number, m.role
             FROM business_espaces b JOIN business_members m ON m.business_id = b.id
             WHERE m.person_id = $1
             ORDER BY b.company_name, b.created_at",
        )
        .bind(person_id.as_str())
        .fetch_all(&self.db)
        .await
        .map_err(failed)?;
        rows.iter()
            .map(|row| {
                Ok(BusinessSummary {
                    id: BusinessId::new(row.get::<String, _>("id")),
                    company_name: row.get("company_name"),
                    rcs_number: row.get("rcs_number"),
                    role: role(row.get("role"))?,
                })
            })
            .collect()
    }

    async fn create_business(
        &self,
        person_id: &PersonId,
        details: &BusinessDetails,
    ) -> Result<BusinessId, StoreError> {
        let id = BusinessId::new(uuid::Uuid::new_v4().to_string());
        let now = now_rfc3339();
        let mut tx = self.db.begin().await.map_err(failed)?;
        sqlx::query(
            "INSERT INTO business_espaces (id, company_name, legal_form, rcs_number, seat_street,
                 seat_house_number, seat_postcode, seat_locality, email, phone, created_by, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
        )
        .bind(id.as_str())
        .bind(&details.company_name)
        .bind(details.legal_form.code())
        .bind(details.rcs_number.as_str())
        .bind(&details.seat.street)
        .bind(&details.seat.house_number)
        .bind(details.seat.postcode.as_str())
        .bind(&details.seat.locality)
        .bind(&details.email)
        .bind(details.phone.as_str())
        .bind(person_id.as_str())
        .bind(&now)
        .execute(&mut *tx)
        .await
        .map_err(failed)?;
        sqlx::query(
            "INSERT INTO business_members (business_id, person_id, role, joined_at)
             VALUES ($1, $2, $3, $4)",
        )
        .bind(id.as_str())
        .bind(person_id.as_str())
        .bind(MemberRole::Administrator.code())
        .bind(&now)
        .execute(&mut *tx)
        .await
        .map_err(failed)?;
        tx.commit().await.map_err(failed)?;
        Ok(id)
    }

    async fn business_for_member(
        &self,
        person_id: &PersonId,
        business_id: &BusinessId,
    ) -> Result<Option<BusinessEspace>, StoreError> {
        // The membership join is the authorisation: someone else's id finds nothing.
        let Some(row) = sqlx::query(
            "SELECT b.*, m.role FROM business_espaces b
             JOIN business_members m ON m.business_id = b.id AND m.person_id = $1
             WHERE b.id = $2",
        )
        .bind(person_id.as_str())
        .bind(business_id.as_str())
        .fetch_optional(&self.db)
        .await
        .map_err(failed)?
        else {
            return Ok(None);
        };
        let text = |column: &str| -> String { row.get(column) };
        let details = details_from_row(&row)?;
        let members = sqlx::query(
            "SELECT p.given_name, p.family_name, m.role
             FROM business_members m JOIN persons p ON p.id = m.person_id
             WHERE m.business_id = $1
             ORDER BY m.joined_at, p.family_name",
        )
        .bind(business_id.as_str())
        .fetch_all(&self.db)
        .await
        .map_err(failed)?
        .iter()
        .map(|m| {
            Ok(Member {
                given_name: m.get("given_name"),
                family_name: m.get("family_name"),
                role: role(m.get("role"))?,
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
        Ok(Some(BusinessEspace {
            id: BusinessId::new(text("id")),
            details,
            members,
            role: role(&text("role"))?,
            created_at: text("created_at"),
            certification: crate::store::certification_state::state_of(
                &self.db,
                self.certification,
                business_id,
            )
            .await?,
            unread_messages: crate::store::inbox::unread(&self.db, business_id).await?,
        }))
    }

    async fn create_invitation(
        &self,
        person_id: &PersonId,
        business_id: &BusinessId,
    ) -> Result<Option<String>, StoreError> {
        let administrator = sqlx::query(
            "SELECT 1 AS yes FROM business_members
             WHERE business_id = $1 AND person_id = $2 AND role = $3",
        )
        .bind(business_id.as_str())
        .bind(person_id.as_str())
        .bind(MemberRole::Administrator.code())
        .fetch_optional(&self.db)
        .await
        .map_err(failed)?;
        if administrator.is_none() {
            return Ok(None);
        }
        let token = invitations::new_token();
        sqlx::query(
            "INSERT INTO business_invitations (token_hash, business_id, created_by, created_at, expires_at)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(invitations::hash(&token))
        .bind(business_id.as_str())
        .bind(person_id.as_str())
        .bind(now_rfc3339())
        .bind(unix_now() + invitations::LIFETIME_SECONDS)
        .execute(&self.db)
        .await
        .map_err(failed)?;
        Ok(Some(token))
    }

    async fn invitation_company(&self, token: &str) -> Result<Option<String>, StoreError> {
        let row = sqlx::query(
            "SELECT b.company_name FROM business_invitations i
             JOIN business_espaces b ON b.id = i.business_id
             WHERE i.token_hash = $1 AND i.accepted_by IS NULL AND i.expires_at > $2",
        )
        .bind(invitations::hash(token))
        .bind(unix_now())
        .fetch_optional(&self.db)
        .await
        .map_err(failed)?;
        Ok(row.map(|r| r.get("company_name")))
    }

    async fn accept_invitation(
        &self,
        person_id: &PersonId,
        token: &str,
    ) -> Result<Option<BusinessId>, StoreError> {
        let now = now_rfc3339();
        let token_hash = invitations::hash(token);
        let mut tx = self.db.begin().await.map_err(failed)?;
        // One statement marks it used, so two people racing for one link cannot both join.
        let claimed = sqlx::query(
            "UPDATE business_invitations SET accepted_by = $1, accepted_at = $2
             WHERE token_hash = $3 AND accepted_by IS NULL AND expires_at > $4",
        )
        .bind(person_id.as_str())
        .bind(&now)
        .bind(&token_hash)
        .bind(unix_now())
        .execute(&mut *tx)
        .await
        .map_err(failed)?;
        if claimed.rows_affected() != 1 {
            return Ok(None);
        }
        let business_id = BusinessId::new(
            sqlx::query("SELECT business_id FROM business_invitations WHERE token_hash = $1")
                .bind(&token_hash)
                .fetch_one(&mut *tx)
                .await
                .map_err(failed)?
                .get::<String, _>("business_id"),
        );
        sqlx::query(
            "INSERT INTO business_members (business_id, person_id, role, joined_at)
             VALUES ($1, $2, $3, $4) ON CONFLICT (business_id, person_id) DO NOTHING",
        )
        .bind(business_id.as_str())
        .bind(person_id.as_str())
        .bind(MemberRole::Member.code())
        .bind(&now)
        .execute(&mut *tx)
        .await
        .map_err(failed)?;
        tx.commit().await.map_err(failed)?;
        Ok(Some(business_id))
    }

    async fn registered_businesses(&self) -> Result<Vec<RegisteredBusiness>, StoreError> {
        let rows = sqlx::query(
            "SELECT b.id, b.company_name, b.rcs_number, b.seat_locality, b.created_at,
                    (SELECT COUNT(*) FROM business_members m WHERE m.business_id = b.id) AS members
             FROM business_espaces b
             ORDER BY b.created_at DESC, b.company_name",
        )
        .fetch_all(&self.db)
        .await
        .map_err(failed)?;
        Ok(rows
            .iter()
            .map(|row| RegisteredBusiness {
                id: BusinessId::new(row.get::<String, _>("id")),
                company_name: row.get("company_name"),
                rcs_number: row.get("rcs_number"),
                locality: row.get("seat_locality"),
                members: u32::try_from(row.get::<i64, _>("members")).unwrap_or(u32::MAX),
                created_at: row.get("created_at"),
            })
            .collect())
    }
}

/// Whether the eSpace is certified, read through `db` (the pool, or a transaction's connection).
pub async fn is_certified<'e, E>(db: E, business_id: &BusinessId) -> Result<bool, StoreError>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    Ok(sqlx::query(
        "SELECT 1 AS yes FROM business_espaces WHERE id = $1 AND certified_at IS NOT NULL",
    )
    .bind(business_id.as_str())
    .fetch_optional(db)
    .await
    .map_err(failed)?
    .is_some())
}

/// The address the eSpace gave for mail: where notification mails go.
pub async fn contact_email(db: &AnyPool, business_id: &BusinessId) -> Result<String, StoreError> {
    Ok(
        sqlx::query("SELECT email FROM business_espaces WHERE id = $1")
            .bind(business_id.as_str())
            .fetch_one(db)
            .await
            .map_err(failed)?
            .get("email"),
    )
}

/// The membership check, as a condition of a statement's WHERE: it holds when the person
/// (`person`, a placeholder such as `$2`) is a member of the eSpace (`business`, a placeholder
/// or a column). A statement that reads or changes an eSpace's data for a person holds it, so a
/// non-member's statement finds or changes nothing and ids reveal nothing.
pub(crate) fn member_condition(business: &str, person: &str) -> String {
    format!(
        "EXISTS (SELECT 1 FROM business_members \
         WHERE business_id = {business} AND person_id = {person})"
    )
}

/// Whether `person_id` is a member of the eSpace `business_id`, for a check before several
/// statements.
pub async fn is_member(
    db: &AnyPool,
    business_id: &BusinessId,
    person_id: &PersonId,
) -> Result<bool, StoreError> {
    Ok(sqlx::query(&format!(
        "SELECT 1 AS yes FROM business_espaces b WHERE b.id = $1 AND {}",
        member_condition("b.id", "$2")
    ))
    .bind(business_id.as_str())
    .bind(person_id.as_str())
    .fetch_optional(db)
    .await
    .map_err(failed)?
    .is_some())
}
