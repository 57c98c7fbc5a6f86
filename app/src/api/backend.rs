//! What server functions need from the server crate, as a trait: the server implements it over
//! its database and provides it as context, so this crate never depends on the server's.

use std::sync::Arc;

use crate::model::after_connection::{AgentSite, ConnectedSite, PriceIndices, SiteLine};
use crate::model::case::{AgentCase, CaseQuery, InboxEntry, QueuePage};
use crate::model::{
    BusinessDetails, BusinessEspace, BusinessSummary, RegisteredBusiness, StepValues,
};
use crate::model::{BusinessId, PersonId, RequestId, SiteId};
use crate::model::{Procedure, ProcedureRequest, RequestSummary, WizardStep};

/// A storage failure; the details go to the server's log, the person sees "try again later".
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The database or the document store failed; its own error is kept for the log.
    #[error("storage failed")]
    Failed(#[source] Box<dyn std::error::Error + Send + Sync>),
    /// A stored value that today's rules refuse: a bug or a hand edit, not someone's input.
    #[error("stored {what} {value:?} is not valid")]
    Corrupt { what: &'static str, value: String },
    /// Stored rows that contradict each other (a request approved without its client number,
    /// say): the portal's own invariant was broken.
    #[error("inconsistent storage: {0}")]
    Inconsistent(String),
}

#[async_trait::async_trait]
pub trait EspaceStore: Send + Sync + 'static {
    /// The business eSpaces `person_id` belongs to, by name.
    async fn businesses_of(&self, person_id: &PersonId)
        -> Result<Vec<BusinessSummary>, StoreError>;

    /// Creates a business eSpace with `person_id` as its first administrator; returns its id.
    async fn create_business(
        &self,
        person_id: &PersonId,
        details: &BusinessDetails,
    ) -> Result<BusinessId, StoreError>;

    /// The business eSpace `business_id` if `person_id` is one of its members; `None` both when
    /// it does not exist and when it is someone else's, so ids reveal nothing.
    async fn business_for_member(
        &self,
        person_id: &PersonId,
        business_id: &BusinessId,
    ) -> Result<Option<BusinessEspace>, StoreError>;

    /// A one-time invitation to join `business_id`, made by one of its administrators; returns
    /// the token to pass on, or `None` when `person_id` is not an administrator there.
    async fn create_invitation(
        &self,
        person_id: &PersonId,
        business_id: &BusinessId,
    ) -> Result<Option<String>, StoreError>;

    /// The company an unused, unexpired invitation is for.
    async fn invitation_company(&self, token: &str) -> Result<Option<String>, StoreError>;

    /// Makes `person_id` a member through the invitation; `None` when the token is unknown,
    /// used or expired. Someone already a member keeps their role.
    async fn accept_invitation(
        &self,
        person_id: &PersonId,
        token: &str,
    ) -> Result<Option<BusinessId>, StoreError>;

    /// Every business eSpace, newest first: the Police's view.
    async fn registered_businesses(&self) -> Result<Vec<RegisteredBusiness>, StoreError>;
}

pub type SharedEspaceStore = Arc<dyn EspaceStore>;

/// Where a submission ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Submission {
    /// Frozen now, with this reference.
    Submitted(String),
    /// It already was (a double click, a form sent again): the same reference, nothing new.
    AlreadySubmitted(String),
}

/// Where starting a request ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NewRequest {
    Created(RequestId),
    /// Not a member of the business eSpace (or it does not exist).
    NotMember,
    /// A certification asked for an eSpace that already is certified.
    AlreadyCertified,
    /// A certification asked while another is submitted or approved in the same eSpace.
    CertificationUnderWay,
}

/// Requests of both procedures and their drafts. Every method takes the caller and the
/// business eSpace: a request is found only through a membership, so another business's
/// request is `None`, as if it did not exist.
#[async_trait::async_trait]
pub trait RequestStore: Send + Sync + 'static {
    /// A new, empty draft of `procedure` in `business_id`.
    async fn create_request(
        &self,
        person_id: &PersonId,
        business_id: &BusinessId,
        procedure: Procedure,
    ) -> Result<NewRequest, StoreError>;

    async fn request_for_member(
        &self,
        person_id: &PersonId,
        business_id: &BusinessId,
        request_id: &RequestId,
    ) -> Result<Option<ProcedureRequest>, StoreError>;

    /// The business eSpace's requests, drafts first then the newest; `None` for a non-member.
    async fn requests_of_business(
        &self,
        person_id: &PersonId,
        business_id: &BusinessId,
    ) -> Result<Option<Vec<RequestSummary>>, StoreError>;

    /// Saves a step's checked answers; `false` when the request is not a draft (any more).
    async fn save_answers(
        &self,
        person_id: &PersonId,
        request_id: &RequestId,
        step: WizardStep,
        values: &StepValues,
    ) -> Result<bool, StoreError>;

    /// Deletes a draft with its answers and documents; `false` when it is not a draft.
    async fn delete_draft(&self, request_id: &RequestId) -> Result<bool, StoreError>;

    /// Freezes a complete draft: reference, snapshot and receipt in one transaction.
    async fn submit(
        &self,
        person_id: &PersonId,
        request: &ProcedureRequest,
        locale: crate::i18n::Locale,
    ) -> Result<Submission, StoreError>;
}

pub type SharedRequestStore = Arc<dyn RequestStore>;

/// The Police's back office, as the pages read it (the actions are plain forms posting to
/// the server's own routes). Callers check the agent's role or the membership first.
#[async_trait::async_trait]
pub trait CaseStore: Send + Sync + 'static {
    /// One page of the queue.
    async fn queue(&self, agent_id: &PersonId, query: &CaseQuery) -> Result<QueuePage, StoreError>;

    /// A submitted request with its history, for the case page; records the agent's view.
    async fn agent_case(
        &self,
        agent_id: &PersonId,
        request_id: &RequestId,
    ) -> Result<Option<AgentCase>, StoreError>;

    /// The eSpace's inbox, newest first, as it was before this reading (which marks every
    /// message read); `None` for a non-member.
    async fn inbox(
        &self,
        person_id: &PersonId,
        business_id: &BusinessId,
    ) -> Result<Option<Vec<InboxEntry>>, StoreError>;
}

pub type SharedCaseStore = Arc<dyn CaseStore>;

/// Connected sites (approved connection requests) and what follows their connection, as the
/// pages read it; the changes are plain forms posting to the server's own routes.
#[async_trait::async_trait]
pub trait SiteStore: Send + Sync + 'static {
    /// The eSpace's connected sites; `None` for a non-member.
    async fn sites_of_business(
        &self,
        person_id: &PersonId,
        business_id: &BusinessId,
    ) -> Result<Option<Vec<SiteLine>>, StoreError>;

    /// One connected site of the eSpace; `None` for a non-member or another eSpace's site.
    async fn site_for_member(
        &self,
        person_id: &PersonId,
        business_id: &BusinessId,
        site_id: &SiteId,
    ) -> Result<Option<ConnectedSite>, StoreError>;

    /// Every connected site, those with change reports waiting first: the agents' view.
    async fn agent_sites(&self) -> Result<Vec<SiteLine>, StoreError>;

    /// One connected site with its company, for an agent.
    async fn agent_site(&self, site_id: &SiteId) -> Result<Option<AgentSite>, StoreError>;

    /// The index values entered with their days, and the configured one.
    async fn price_indices(&self) -> Result<PriceIndices, StoreError>;
}

pub type SharedSiteStore = Arc<dyn SiteStore>;

/// The address people use to reach the portal, for links they pass on (invitations).
#[derive(Clone, Debug)]
pub struct PublicUrl(pub String);

/// How long a session lasts without a request (`ALARMIS_SESSION_IDLE_MINUTES`), in seconds:
/// the page warns before it runs out.
#[derive(Clone, Copy, Debug)]
pub struct SessionIdleSeconds(pub u64);
