//! The Police's back office on the database: the queue, the case page's data, the actions that
//! move a case (each in one transaction with its message to the applicant and its audit row),
//! and the eSpace's inbox.

mod actions;
mod client_numbers;
mod queue;

use std::sync::Arc;

use app::api::backend::{CaseStore, StoreError};
use app::model::case::{AgentCase, AuditAction, CaseQuery, InboxEntry, QueuePage};
use app::model::Procedure;
use app::model::{BusinessId, PersonId, RequestId};
use sqlx::{AnyPool, Row};

pub use actions::{Answer, CaseOutcome, Verdict};

use crate::mail::Notifier;
use crate::store::audit::{self, Event};
use crate::store::certification::SqlCertificationStore;
use crate::store::failed;
use crate::store::requests::SqlRequestStore;

#[derive(Clone, Debug)]
pub struct SqlCaseStore {
    db: AnyPool,
    requests: SqlRequestStore,
    certifications: Arc<SqlCertificationStore>,
    notifier: Notifier,
}

impl SqlCaseStore {
    pub fn new(
        db: AnyPool,
        requests: SqlRequestStore,
        certifications: Arc<SqlCertificationStore>,
        notifier: Notifier,
    ) -> SqlCaseStore {
        SqlCaseStore {
            db,
            requests,
            certifications,
            notifier,
        }
    }

    /// Records an agent's look at a case or a document before it is shown: no row, no look.
    pub async fn record(&self, event: Event<'_>) -> Result<(), StoreError> {
        audit::record(&self.db, event).await
    }

    pub async fn trail_csv(&self, request_id: Option<&RequestId>) -> Result<Vec<u8>, StoreError> {
        audit::csv(&self.db, request_id).await
    }

    /// A submitted request (of either procedure) for an agent; drafts are nobody's case.
    pub async fn submitted_request(
        &self,
        request_id: &RequestId,
    ) -> Result<Option<app::model::ProcedureRequest>, StoreError> {
        Ok(self
            .requests
            .request_by_id(request_id, None)
            .await?
            .filter(|r| r.reference.is_some()))
    }
}

#[async_trait::async_trait]
impl CaseStore for SqlCaseStore {
    async fn queue(&self, agent_id: &PersonId, query: &CaseQuery) -> Result<QueuePage, StoreError> {
        queue::page(&self.db, agent_id, query).await
    }

    async fn agent_case(
        &self,
        agent_id: &PersonId,
        request_id: &RequestId,
    ) -> Result<Option<AgentCase>, StoreError> {
        let Some(request) = self.submitted_request(request_id).await? else {
            return Ok(None);
        };
        audit::record(
            &self.db,
            Event::agent(agent_id, AuditAction::CaseViewed).on(&request.business_id, &request.id),
        )
        .await?;
        let assigned: Option<String> =
            sqlx::query("SELECT assigned_to FROM requests WHERE id = $1")
                .bind(request_id.as_str())
                .fetch_one(&self.db)
                .await
                .map_err(failed)?
                .get("assigned_to");
        let assigned = assigned.map(PersonId::new);
        let assigned_to = match &assigned {
            Some(person) => Some(self.requests.name_of(person).await?),
            None => None,
        };
        let certification = match request.procedure {
            Procedure::Certification => self.certifications.certification_case(&request).await?,
            Procedure::Connection => None,
        };
        Ok(Some(AgentCase {
            history: audit::history(&self.db, request_id).await?,
            assigned_to_me: assigned.as_ref() == Some(agent_id),
            assigned_to,
            certification,
            request,
        }))
    }

    async fn inbox(
        &self,
        person_id: &PersonId,
        business_id: &BusinessId,
    ) -> Result<Option<Vec<InboxEntry>>, StoreError> {
        if !crate::store::espaces::is_member(&self.db, business_id, person_id).await? {
            return Ok(None);
        }
        crate::store::inbox::read(&self.db, business_id)
            .await
            .map(Some)
    }
}
