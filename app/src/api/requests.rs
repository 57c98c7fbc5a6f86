//! The wizards' server functions (both procedures). Each starts from the session; the rules
//! of a step run here again whatever the browser said, and only answers that pass are saved.

use leptos::prelude::*;

use super::PortalError;
use crate::model::{BusinessId, RequestId, StepValues};
use crate::model::{Procedure, ProcedureRequest, RequestSummary, WizardStep};

/// Starts a new draft of `procedure` in the business eSpace; returns its id.
#[server(endpoint = "start_request")]
pub async fn start_request(
    business_id: BusinessId,
    procedure: Procedure,
) -> Result<RequestId, PortalError> {
    use super::session::{requests, require_viewer};
    let viewer = require_viewer()?;
    server::start(&*requests()?, &viewer.person_id, &business_id, procedure).await
}

#[server(endpoint = "load_request")]
pub async fn load_request(
    business_id: BusinessId,
    request_id: RequestId,
) -> Result<ProcedureRequest, PortalError> {
    use super::session::{requests, require_viewer};
    let viewer = require_viewer()?;
    server::load(&*requests()?, &viewer.person_id, &business_id, &request_id).await
}

/// The business eSpace's requests and drafts.
#[server(endpoint = "business_requests")]
pub async fn business_requests(
    business_id: BusinessId,
) -> Result<Vec<RequestSummary>, PortalError> {
    use super::session::{requests, require_viewer, unavailable};
    let viewer = require_viewer()?;
    requests()?
        .requests_of_business(&viewer.person_id, &business_id)
        .await
        .map_err(unavailable)?
        .ok_or(PortalError::NotFound)
}

/// Checks and saves one step; returns the step to show next.
#[server(endpoint = "save_request_step", input = leptos::server_fn::codec::Json)]
pub async fn save_request_step(
    business_id: BusinessId,
    request_id: RequestId,
    step: WizardStep,
    values: StepValues,
    back_to_review: bool,
) -> Result<WizardStep, PortalError> {
    use super::session::{requests, require_viewer};
    let viewer = require_viewer()?;
    server::save_step(
        &*requests()?,
        &viewer.person_id,
        &business_id,
        &request_id,
        step,
        &values,
        back_to_review,
    )
    .await
}

#[server(endpoint = "delete_request_draft")]
pub async fn delete_request_draft(
    business_id: BusinessId,
    request_id: RequestId,
) -> Result<(), PortalError> {
    use super::session::{requests, require_viewer};
    let viewer = require_viewer()?;
    server::delete_draft(&*requests()?, &viewer.person_id, &business_id, &request_id).await
}

/// Submits a complete draft; returns its reference. Submitting again returns the same one.
#[server(endpoint = "submit_request")]
pub async fn submit_request(
    business_id: BusinessId,
    request_id: RequestId,
) -> Result<String, PortalError> {
    use super::session::{requests, require_viewer};
    let viewer = require_viewer()?;
    let locale = crate::i18n::current_locale();
    server::submit(
        &*requests()?,
        &viewer.person_id,
        &business_id,
        &request_id,
        locale,
    )
    .await
}

/// The wizard's rules, shared by the server functions and the server's plain-form routes.
#[cfg(feature = "ssr")]
pub mod server {
    use super::*;
    use crate::api::backend::{NewRequest, RequestStore, Submission};
    use crate::api::session::unavailable;
    use crate::i18n::Locale;
    use crate::model::PersonId;

    pub async fn start(
        store: &dyn RequestStore,
        person_id: &PersonId,
        business_id: &BusinessId,
        procedure: Procedure,
    ) -> Result<RequestId, PortalError> {
        match store
            .create_request(person_id, business_id, procedure)
            .await
            .map_err(unavailable)?
        {
            NewRequest::Created(id) => Ok(id),
            NewRequest::NotMember => Err(PortalError::NotFound),
            NewRequest::AlreadyCertified => Err(PortalError::AlreadyCertified),
            NewRequest::CertificationUnderWay => Err(PortalError::WrongStatus),
        }
    }

    pub async fn load(
        store: &dyn RequestStore,
        person_id: &PersonId,
        business_id: &BusinessId,
        request_id: &RequestId,
    ) -> Result<ProcedureRequest, PortalError> {
        store
            .request_for_member(person_id, business_id, request_id)
            .await
            .map_err(unavailable)?
            .ok_or(PortalError::NotFound)
    }

    /// Where the wizard goes after `step` was saved.
    fn after(request: &ProcedureRequest, step: WizardStep, back_to_review: bool) -> WizardStep {
        let next = request.procedure.next(step).unwrap_or(WizardStep::Review);
        if back_to_review && request.first_incomplete() == WizardStep::Review {
            WizardStep::Review
        } else {
            next
        }
    }

    pub async fn save_step(
        store: &dyn RequestStore,
        person_id: &PersonId,
        business_id: &BusinessId,
        request_id: &RequestId,
        step: WizardStep,
        values: &StepValues,
        back_to_review: bool,
    ) -> Result<WizardStep, PortalError> {
        let mut request = load(store, person_id, business_id, request_id).await?;
        if request.reference.is_some() {
            return Err(PortalError::AlreadySubmitted);
        }
        if request.procedure.number(step) == 0 {
            return Err(PortalError::NotFound);
        }
        if !request.may_open(step) {
            return Err(PortalError::StepNotReady);
        }
        if step == WizardStep::Documents {
            // Files arrive through their own upload route; "continue" only needs them there.
            // The message belongs to the file input, where the missing files are added (the
            // error summary's link moves focus to a field, not to a paragraph).
            if !request.is_complete(step) {
                return Err(PortalError::Invalid(crate::model::FieldErrors::single(
                    crate::model::connection::DOCUMENT_FILE_FIELD,
                    "documents-required",
                )));
            }
            return Ok(after(&request, step, back_to_review));
        }
        if !step.is_form() {
            return Err(PortalError::BadRequest);
        }
        let canonical = step.check(values).map_err(PortalError::Invalid)?;
        let saved = store
            .save_answers(person_id, request_id, step, &canonical)
            .await
            .map_err(unavailable)?;
        if !saved {
            return Err(PortalError::AlreadySubmitted);
        }
        request.answers.insert(step.slug().to_owned(), canonical);
        Ok(after(&request, step, back_to_review))
    }

    pub async fn delete_draft(
        store: &dyn RequestStore,
        person_id: &PersonId,
        business_id: &BusinessId,
        request_id: &RequestId,
    ) -> Result<(), PortalError> {
        let request = load(store, person_id, business_id, request_id).await?;
        if request.reference.is_some() {
            return Err(PortalError::AlreadySubmitted);
        }
        store
            .delete_draft(&request.id)
            .await
            .map_err(unavailable)?
            .then_some(())
            .ok_or(PortalError::AlreadySubmitted)
    }

    pub async fn submit(
        store: &dyn RequestStore,
        person_id: &PersonId,
        business_id: &BusinessId,
        request_id: &RequestId,
        locale: Locale,
    ) -> Result<String, PortalError> {
        let request = load(store, person_id, business_id, request_id).await?;
        if let Some(reference) = request.reference.clone() {
            return Ok(reference);
        }
        if request.first_invalid().is_some() {
            return Err(PortalError::StepNotReady);
        }
        match store
            .submit(person_id, &request, locale)
            .await
            .map_err(unavailable)?
        {
            Submission::Submitted(reference) | Submission::AlreadySubmitted(reference) => {
                Ok(reference)
            }
        }
    }
}
