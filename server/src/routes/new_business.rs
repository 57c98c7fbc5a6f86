//! `POST /espace/entreprises/nouvelle` without JavaScript: the plain form's submission. A valid
//! form creates the eSpace and goes to it; an invalid one gets the page back with what was
//! typed and the messages (status 422), so nothing is lost.

use app::model::{BusinessEspaceForm, Submitted};
use app::pages::business_path;
use axum::extract::State;
use axum::http::request::Parts;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;

use super::extract::{PageParts, SignedInPerson};
use crate::AppState;

pub async fn create_business_without_javascript(
    State(state): State<AppState>,
    SignedInPerson(viewer): SignedInPerson,
    PageParts(parts): PageParts,
    Form(form): Form<BusinessEspaceForm>,
) -> Response {
    match form.parse() {
        Ok(details) => match state
            .espaces
            .create_business(&viewer.person_id, &details)
            .await
        {
            Ok(id) => Redirect::to(&business_path(&id)).into_response(),
            Err(error) => {
                tracing::error!(%error, "cannot create a business eSpace");
                render_again(
                    &state,
                    parts,
                    form,
                    Default::default(),
                    StatusCode::SERVICE_UNAVAILABLE,
                )
                .await
            }
        },
        Err(errors) => {
            render_again(
                &state,
                parts,
                form,
                errors,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

async fn render_again(
    state: &AppState,
    parts: Parts,
    form: BusinessEspaceForm,
    errors: app::model::FieldErrors,
    status: StatusCode,
) -> Response {
    super::render::render_page(state, parts, None, Submitted { form, errors }, status).await
}
